/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the values of the most shown enumerated fields are called, from
 * the record description (idk-record-type.c), where the values live. */

const char *idk_meeting_type_to_label        (const char *value);
const char *idk_meeting_status_to_label      (const char *value);
const char *idk_action_kind_to_label         (const char *value);
const char *idk_action_status_to_label       (const char *value);
const char *idk_working_group_status_to_label (const char *value);
const char *idk_relation_kind_to_label       (const char *value);
const char *idk_membership_category_to_label (const char *value);

G_END_DECLS
