/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-working-groups-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-details.h"
#include "idk-working-groups-view.h"

/* The working groups and the page of the selected one: its status and
 * terms of reference, members, meetings and actions. */

struct _IdkWorkingGroupsView
{
  IdkSplitView parent_instance;
};

G_DEFINE_FINAL_TYPE (IdkWorkingGroupsView, idk_working_groups_view, IDK_TYPE_SPLIT_VIEW)

static GListModel *
idk_working_groups_view_load (IdkSplitView  *self,
                              const char    *search,
                              GError       **error)
{
  return idk_store_list_working_groups (idk_split_view_get_store (self), search, error);
}

static const char *
tor_label (const char *status)
{
  if (g_strcmp0 (status, "approved") == 0)
    return _("Approved");
  if (g_strcmp0 (status, "draft") == 0)
    return _("In draft");
  return _("None recorded");
}

static void
idk_working_groups_view_show_item (IdkSplitView *self,
                                   gpointer      item,
                                   GtkBox       *details)
{
  IdkWorkingGroup *group = item;
  IdkStore *store = idk_split_view_get_store (self);
  const char *uuid = idk_working_group_get_uuid (group);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GListModel) actions = NULL;
  GtkWidget *heading, *pills, *facts;

  heading = idk_details_add_heading (details, idk_working_group_get_name (group),
                                     idk_working_group_get_acronym (group));
  pills = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (pills),
                  idk_details_pill_new (idk_working_group_status_to_label (idk_working_group_get_status (group)),
                                        idk_working_group_get_status (group)));
  gtk_box_append (GTK_BOX (heading), pills);

  if (idk_working_group_get_description (group) != NULL)
    idk_details_add_paragraph (details, idk_working_group_get_description (group));

  /* The chair and co-chair head the list of members below. */
  facts = idk_details_add_section (details, _("Details"));
  idk_details_add_fact (facts, _("Terms of reference"), tor_label (idk_working_group_get_tor_status (group)));

  if ((members = idk_store_list_group_members (store, uuid, &error)))
    idk_split_view_add_entries (self, details, members, FALSE);
  if ((meetings = idk_store_list_group_meetings (store, uuid, &error)))
    idk_split_view_add_entries (self, details, meetings, FALSE);
  if ((actions = idk_store_list_group_actions (store, uuid, &error)))
    idk_split_view_add_entries (self, details, actions, FALSE);

  if (error != NULL)
    g_warning ("Cannot show the working group %s: %s", uuid, error->message);
}

static const char *
idk_working_groups_view_item_uuid (gpointer item)
{
  return idk_working_group_get_uuid (item);
}

static void
idk_working_groups_view_class_init (IdkWorkingGroupsViewClass *klass)
{
  IdkSplitViewClass *split_class = IDK_SPLIT_VIEW_CLASS (klass);

  split_class->load = idk_working_groups_view_load;
  split_class->show_item = idk_working_groups_view_show_item;
  split_class->item_uuid = idk_working_groups_view_item_uuid;

  g_type_ensure (IDK_TYPE_WORKING_GROUP);
}

static void
idk_working_groups_view_init (IdkWorkingGroupsView *self)
{
  idk_split_view_set_row_resource (IDK_SPLIT_VIEW (self),
                                   "/io/github/iasmndesk/Desk/idk-working-group-row.ui");
  idk_split_view_set_texts (IDK_SPLIT_VIEW (self),
                            _("Search working groups"),
                            _("Working groups"),
                            _("No working group matches the search."));
}
