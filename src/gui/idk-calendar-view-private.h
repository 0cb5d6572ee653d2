/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-calendar-view.h"

G_BEGIN_DECLS

/* The calendar view, split by concern: idk-calendar-view.c (the lists,
 * the grid and the page), idk-calendar-view-edit.c (its forms and
 * buttons), idk-calendar-view-cycle.c (planning, timing, papers, review,
 * export and print). */

void _idk_calendar_view_class_add_actions (GtkWidgetClass *widget_class);

/* idk-calendar-view-cycle.c: the session cycle on the page. */
void _idk_calendar_view_class_add_cycle_actions (GtkWidgetClass  *widget_class);
void _idk_calendar_view_add_day_timing          (GtkWidget       *section,
                                                 IdkAgendaDay    *day);
void _idk_calendar_view_add_running_total       (GtkWidget       *row,
                                                 IdkAgendaDay    *day,
                                                 const char      *uuid);
void _idk_calendar_view_add_papers              (IdkCalendarView *self,
                                                 GtkBox          *details,
                                                 const char      *meeting);
void _idk_calendar_view_add_review              (IdkCalendarView *self,
                                                 GtkBox          *details,
                                                 IdkMeeting      *meeting);

/* idk-calendar-view.c */
const char *_idk_calendar_view_selected_meeting (IdkCalendarView *self);
void _idk_calendar_view_get_filter              (IdkCalendarView *self,
                                                 IdkIcalOptions  *options);
void _idk_calendar_view_set_chooser             (IdkCalendarView *self,
                                                 GtkFileChooserNative *chooser);

G_END_DECLS
