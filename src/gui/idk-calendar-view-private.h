/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-calendar-view.h"

G_BEGIN_DECLS

/* The calendar view, split by concern: idk-calendar-view.c (the lists,
 * the grid and the page), idk-calendar-view-edit.c (its forms and
 * buttons). */

void _idk_calendar_view_class_add_actions (GtkWidgetClass *widget_class);

G_END_DECLS
