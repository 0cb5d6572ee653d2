/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IDK_TYPE_WORKING_GROUP (idk_working_group_get_type ())

G_DECLARE_FINAL_TYPE (IdkWorkingGroup, idk_working_group, IDK, WORKING_GROUP, GObject)

const char *          idk_working_group_get_uuid (IdkWorkingGroup *self);
const char *          idk_working_group_get_name (IdkWorkingGroup *self);
const char *          idk_working_group_get_acronym (IdkWorkingGroup *self);
const char *          idk_working_group_get_status (IdkWorkingGroup *self);
gboolean              idk_working_group_is_disbanded (IdkWorkingGroup *self);
const char *          idk_working_group_get_tor_status (IdkWorkingGroup *self);
const char *          idk_working_group_get_chair (IdkWorkingGroup *self);
const char *          idk_working_group_get_co_chair (IdkWorkingGroup *self);
const char *          idk_working_group_get_description (IdkWorkingGroup *self);
const char *          idk_working_group_get_summary (IdkWorkingGroup *self);
int                   idk_working_group_get_member_count (IdkWorkingGroup *self);

G_END_DECLS
