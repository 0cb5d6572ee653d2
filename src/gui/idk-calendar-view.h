/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-split-view.h"

G_BEGIN_DECLS

#define IDK_TYPE_CALENDAR_VIEW (idk_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (IdkCalendarView, idk_calendar_view, IDK, CALENDAR_VIEW, IdkSplitView)

G_END_DECLS
