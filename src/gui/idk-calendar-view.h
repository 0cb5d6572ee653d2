/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-split-view.h"

G_BEGIN_DECLS

#define IDK_TYPE_CALENDAR_VIEW (idk_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (IdkCalendarView, idk_calendar_view, IDK, CALENDAR_VIEW, IdkSplitView)

typedef struct _IdkForm IdkForm;
typedef struct _IdkMonthGrid IdkMonthGrid;

IdkForm      *idk_calendar_view_edit_meeting     (IdkCalendarView *self,
                                                  const char      *uuid);
IdkForm      *idk_calendar_view_edit_agenda_item (IdkCalendarView *self,
                                                  const char      *meeting,
                                                  const char      *uuid);
IdkForm      *idk_calendar_view_add_participant  (IdkCalendarView *self,
                                                  const char      *meeting);
IdkMonthGrid *idk_calendar_view_get_grid         (IdkCalendarView *self);
GtkFileChooserNative *idk_calendar_view_get_chooser (IdkCalendarView *self);

G_END_DECLS
