/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-types.h"

typedef struct
{
  const char *nick;
  const char *label;
} Label;

static const char *
lookup (const Label *labels,
        const char  *nick)
{
  if (nick == NULL)
    return "";

  for (guint i = 0; labels[i].nick != NULL; i++)
    if (g_str_equal (labels[i].nick, nick))
      return g_dgettext (GETTEXT_PACKAGE, labels[i].label);

  /* Data from another office may carry a value this version does not know;
   * show it as it is rather than hide it. */
  return nick;
}

const char *
idk_meeting_type_to_label (const char *nick)
{
  static const Label labels[] = {
    { "full-session", N_("Full session") },
    { "sg-session", N_("Steering Group session") },
    { "wg-meeting", N_("Working-group meeting") },
    { "vtc", N_("VTC") },
    { "ad-hoc", N_("Ad hoc meeting") },
    { "external", N_("Other body") },
    { NULL, NULL },
  };
  return lookup (labels, nick);
}

const char *
idk_meeting_status_to_label (const char *nick)
{
  static const Label labels[] = {
    { "planned", N_("Planned") },
    { "confirmed", N_("Confirmed") },
    { "held", N_("Held") },
    { "cancelled", N_("Cancelled") },
    { NULL, NULL },
  };
  return lookup (labels, nick);
}

const char *
idk_action_kind_to_label (const char *nick)
{
  static const Label labels[] = {
    { "request", N_("Request") },
    { "decision", N_("Decision") },
    { "endorsement", N_("Endorsement") },
    { "noting", N_("Noting") },
    { NULL, NULL },
  };
  return lookup (labels, nick);
}

const char *
idk_action_status_to_label (const char *nick)
{
  static const Label labels[] = {
    { "open", N_("Open") },
    { "in-progress", N_("In progress") },
    { "completed", N_("Completed") },
    { "superseded", N_("Superseded") },
    { "cancelled", N_("Cancelled") },
    { NULL, NULL },
  };
  return lookup (labels, nick);
}

const char *
idk_working_group_status_to_label (const char *nick)
{
  static const Label labels[] = {
    { "proposed", N_("Proposed") },
    { "active", N_("Active") },
    { "disbanded", N_("Disbanded") },
    { NULL, NULL },
  };
  return lookup (labels, nick);
}

const char *
idk_relation_kind_to_label (const char *nick)
{
  static const Label labels[] = {
    { "accountable-to", N_("Accountable to") },
    { "reports-to", N_("Reports to") },
    { "appointed-by", N_("Appointed by") },
    { "advises", N_("Advises") },
    { "chairs", N_("Chairs") },
    { "member-of", N_("Member of") },
    { "acts-ad-interim-for", N_("Acts ad interim for") },
    { NULL, NULL },
  };
  return lookup (labels, nick);
}

const char *
idk_membership_category_to_label (const char *nick)
{
  static const Label labels[] = {
    { "ceb-member", N_("CEB member") },
    { "mou", N_("Memorandum of understanding") },
    { "mandate", N_("Specific mandate") },
    { "observer", N_("Observer") },
    { "staff-federation", N_("Staff federation") },
    { "unit", N_("Unit") },
    { "non-member", N_("Not a member") },
    { NULL, NULL },
  };
  return lookup (labels, nick);
}
