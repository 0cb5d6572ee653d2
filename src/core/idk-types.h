/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The values stored in the database are the nicks ("full-session", …), so
 * the enums and the data agree through the GEnumValue tables that
 * gnome.mkenums_simple generates from this header.
 */

typedef enum
{
  IDK_MEETING_TYPE_FULL_SESSION, /*< nick=full-session >*/
  IDK_MEETING_TYPE_SG_SESSION,   /*< nick=sg-session >*/
  IDK_MEETING_TYPE_WG_MEETING,   /*< nick=wg-meeting >*/
  IDK_MEETING_TYPE_VTC,          /*< nick=vtc >*/
  IDK_MEETING_TYPE_AD_HOC,       /*< nick=ad-hoc >*/
  IDK_MEETING_TYPE_EXTERNAL,     /*< nick=external >*/
} IdkMeetingType;

typedef enum
{
  IDK_MEETING_STATUS_PLANNED,    /*< nick=planned >*/
  IDK_MEETING_STATUS_CONFIRMED,  /*< nick=confirmed >*/
  IDK_MEETING_STATUS_HELD,       /*< nick=held >*/
  IDK_MEETING_STATUS_CANCELLED,  /*< nick=cancelled >*/
} IdkMeetingStatus;

typedef enum
{
  IDK_ACTION_KIND_REQUEST,       /*< nick=request >*/
  IDK_ACTION_KIND_DECISION,      /*< nick=decision >*/
  IDK_ACTION_KIND_ENDORSEMENT,   /*< nick=endorsement >*/
  IDK_ACTION_KIND_NOTING,        /*< nick=noting >*/
} IdkActionKind;

typedef enum
{
  IDK_ACTION_STATUS_OPEN,        /*< nick=open >*/
  IDK_ACTION_STATUS_IN_PROGRESS, /*< nick=in-progress >*/
  IDK_ACTION_STATUS_COMPLETED,   /*< nick=completed >*/
  IDK_ACTION_STATUS_SUPERSEDED,  /*< nick=superseded >*/
  IDK_ACTION_STATUS_CANCELLED,   /*< nick=cancelled >*/
} IdkActionStatus;

typedef enum
{
  IDK_WORKING_GROUP_STATUS_PROPOSED,  /*< nick=proposed >*/
  IDK_WORKING_GROUP_STATUS_ACTIVE,    /*< nick=active >*/
  IDK_WORKING_GROUP_STATUS_DISBANDED, /*< nick=disbanded >*/
} IdkWorkingGroupStatus;

typedef enum
{
  IDK_RELATION_ACCOUNTABLE_TO,      /*< nick=accountable-to >*/
  IDK_RELATION_REPORTS_TO,          /*< nick=reports-to >*/
  IDK_RELATION_APPOINTED_BY,        /*< nick=appointed-by >*/
  IDK_RELATION_ADVISES,             /*< nick=advises >*/
  IDK_RELATION_CHAIRS,              /*< nick=chairs >*/
  IDK_RELATION_MEMBER_OF,           /*< nick=member-of >*/
  IDK_RELATION_ACTS_AD_INTERIM_FOR, /*< nick=acts-ad-interim-for >*/
} IdkRelationKind;

typedef enum
{
  IDK_MEMBERSHIP_CEB_MEMBER,      /*< nick=ceb-member >*/
  IDK_MEMBERSHIP_MOU,             /*< nick=mou >*/
  IDK_MEMBERSHIP_MANDATE,         /*< nick=mandate >*/
  IDK_MEMBERSHIP_OBSERVER,        /*< nick=observer >*/
  IDK_MEMBERSHIP_STAFF_FEDERATION,/*< nick=staff-federation >*/
  IDK_MEMBERSHIP_UNIT,            /*< nick=unit >*/
  IDK_MEMBERSHIP_NON_MEMBER,      /*< nick=non-member >*/
} IdkMembershipCategory;

const char *idk_meeting_type_to_label      (const char *nick);
const char *idk_meeting_status_to_label    (const char *nick);
const char *idk_action_kind_to_label       (const char *nick);
const char *idk_action_status_to_label     (const char *nick);
const char *idk_working_group_status_to_label (const char *nick);
const char *idk_relation_kind_to_label     (const char *nick);
const char *idk_membership_category_to_label (const char *nick);

G_END_DECLS
