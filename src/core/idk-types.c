/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-types"

#include "config.h"

#include "idk-record.h"
#include "idk-types.h"

const char *
idk_meeting_type_to_label (const char *value)
{
  return idk_record_value_label ("meeting", "type", value);
}

const char *
idk_meeting_status_to_label (const char *value)
{
  return idk_record_value_label ("meeting", "status", value);
}

const char *
idk_action_kind_to_label (const char *value)
{
  return idk_record_value_label ("action", "kind", value);
}

const char *
idk_action_status_to_label (const char *value)
{
  return idk_record_value_label ("action", "status", value);
}

const char *
idk_working_group_status_to_label (const char *value)
{
  return idk_record_value_label ("working_group", "status", value);
}

const char *
idk_relation_kind_to_label (const char *value)
{
  return idk_record_value_label ("relationship", "kind", value);
}

const char *
idk_membership_category_to_label (const char *value)
{
  return idk_record_value_label ("organization", "category", value);
}
