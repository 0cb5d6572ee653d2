/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IDK_TYPE_MEETING (idk_meeting_get_type ())

G_DECLARE_FINAL_TYPE (IdkMeeting, idk_meeting, IDK, MEETING, GObject)

const char *          idk_meeting_get_uuid (IdkMeeting *self);
const char *          idk_meeting_get_title (IdkMeeting *self);
const char *          idk_meeting_get_meeting_type (IdkMeeting *self);
const char *          idk_meeting_get_start_date (IdkMeeting *self);
const char *          idk_meeting_get_end_date (IdkMeeting *self);
const char *          idk_meeting_get_dates_label (IdkMeeting *self);
const char *          idk_meeting_get_place_label (IdkMeeting *self);
const char *          idk_meeting_get_venue (IdkMeeting *self);
const char *          idk_meeting_get_host_label (IdkMeeting *self);
const char *          idk_meeting_get_status (IdkMeeting *self);
gboolean              idk_meeting_is_cancelled (IdkMeeting *self);
const char *          idk_meeting_get_chair (IdkMeeting *self);
const char *          idk_meeting_get_co_chair (IdkMeeting *self);
const char *          idk_meeting_get_secretary (IdkMeeting *self);
const char *          idk_meeting_get_source (IdkMeeting *self);
const char *          idk_meeting_get_attendance_label (IdkMeeting *self);
const char *          idk_meeting_get_summary (IdkMeeting *self);
int                   idk_meeting_get_number (IdkMeeting *self);

G_END_DECLS
