/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-working-groups-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-details.h"
#include "idk-form.h"
#include "idk-window.h"
#include "idk-working-groups-view.h"

/* The working groups and the page of the selected one: its status and
 * terms of reference, members, meetings and actions; groups are created,
 * edited and disbanded (kept, with their status changed).  The rule that
 * every Steering Group member takes part in a group is checked here. */

struct _IdkWorkingGroupsView
{
  IdkSplitView parent_instance;

  GtkWidget *warning_box;
};

G_DEFINE_FINAL_TYPE (IdkWorkingGroupsView, idk_working_groups_view, IDK_TYPE_SPLIT_VIEW)


static GListModel *
idk_working_groups_view_load (IdkSplitView  *self,
                              const char    *search,
                              GError       **error)
{
  return idk_store_list_working_groups (idk_split_view_get_store (self), search, error);
}

/* The Steering Group members who take part in no working group. */
static void
update_warnings (IdkWorkingGroupsView *self)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) warnings = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (self->warning_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->warning_box), child);

  if (store == NULL || !(warnings = idk_store_list_warnings (store, NULL, &error)))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (warnings); i++)
    {
      g_autoptr(IdkEntry) warning = g_list_model_get_item (warnings, i);
      GtkWidget *row, *label;

      if (g_strcmp0 (idk_entry_get_kind (warning), "sg-member-in-working-group") != 0 &&
          g_strcmp0 (idk_entry_get_kind (warning), "sg-max-members") != 0)
        continue;

      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_add_css_class (row, "warning-row");
      gtk_box_append (GTK_BOX (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      label = gtk_label_new (NULL);
      gtk_label_set_text (GTK_LABEL (label), idk_entry_get_title (warning));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_tooltip_text (label, idk_entry_get_subtitle (warning));
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (self->warning_box), row);
      shown++;
    }

  gtk_widget_set_visible (self->warning_box, shown > 0);
}

static void
on_store_set_cb (IdkWorkingGroupsView *self)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));

  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (update_warnings), self, G_CONNECT_SWAPPED);
  update_warnings (self);
}

/* Editing ---------------------------------------------------------------- */

typedef struct
{
  IdkWorkingGroupsView *view;
  char *uuid;
} Edit;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_free (edit->uuid);
  g_free (edit);
}

static Edit *
edit_new (IdkWorkingGroupsView *view,
          const char           *uuid)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->view = view;
  edit->uuid = g_strdup (uuid);
  return edit;
}

static gboolean
save_group (IdkForm  *form,
            gpointer  data,
            GError  **error)
{
  Edit *edit = data;
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (edit->view));
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *uuid = NULL;

  fields = edit->uuid ? idk_store_get_fields (store, edit->uuid, NULL, error) : json_object_new ();
  if (fields == NULL || !idk_form_apply (form, fields, error) ||
      !(uuid = idk_store_save_working_group (store, edit->uuid, fields, error)))
    return FALSE;

  idk_window_offer_change (GTK_WIDGET (edit->view), store,
                           edit->uuid ? _("Working group saved") : _("Working group created"));
  idk_split_view_reveal_uuid (IDK_SPLIT_VIEW (edit->view), uuid);
  return TRUE;
}

/**
 * idk_working_groups_view_edit_group:
 * @uuid: (nullable): the group, or %NULL for a new one
 *
 * Returns: (transfer none): the form, presented
 */
IdkForm *
idk_working_groups_view_edit_group (IdkWorkingGroupsView *self,
                                    const char           *uuid)
{
  static const char * const names[] = { "name", "acronym", "status", "tor_status", "description", NULL };
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  g_autoptr(JsonObject) fields = uuid ? idk_store_get_fields (store, uuid, NULL, NULL) : NULL;
  IdkForm *form;

  form = idk_form_new (GTK_WIDGET (self), uuid ? _("Edit Working Group") : _("New Working Group"),
                       uuid ? _("_Save") : _("_Create"));
  if (fields == NULL)
    fields = idk_record_new_fields ("working_group");
  idk_form_set_record (form, "working_group", fields);
  for (guint i = 0; names[i] != NULL; i++)
    idk_form_add_field (form, names[i]);
  idk_form_set_save_func (form, save_group, edit_new (self, uuid), edit_free);
  gtk_window_present (GTK_WINDOW (form));

  return form;
}

static gboolean
save_member (IdkForm  *form,
             gpointer  data,
             GError  **error)
{
  Edit *edit = data;
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (edit->view));
  g_autofree char *uuid = NULL;

  uuid = idk_store_add_group_member (store, edit->uuid, idk_form_get_text (form, "organization"),
                                     idk_form_get_text (form, "role"), idk_form_get_text (form, "note"), error);
  if (uuid == NULL)
    return FALSE;

  idk_window_offer_change (GTK_WIDGET (edit->view), store, _("Member added"));
  return TRUE;
}

IdkForm *
idk_working_groups_view_add_member (IdkWorkingGroupsView *self,
                                    const char           *group)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  g_autoptr(GListModel) organizations = idk_store_list_references (store, "wg_member", "organization", NULL);
  g_autoptr(JsonObject) fields = idk_record_new_fields ("wg_member");
  IdkForm *form = idk_form_new (GTK_WIDGET (self), _("New Member"), _("_Add"));

  idk_form_set_record (form, "wg_member", fields);
  idk_form_add_chooser (form, "organization", idk_record_field_label ("wg_member", "organization"),
                        FALSE, organizations, NULL);
  idk_form_add_field (form, "role");
  idk_form_add_field (form, "note");
  idk_form_set_save_func (form, save_member, edit_new (self, group), edit_free);
  gtk_window_present (GTK_WINDOW (form));

  return form;
}

static const char *
selected_group (IdkWorkingGroupsView *self)
{
  IdkWorkingGroup *group = idk_split_view_get_selected_item (IDK_SPLIT_VIEW (self));

  return group ? idk_working_group_get_uuid (group) : NULL;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  idk_working_groups_view_edit_group (IDK_WORKING_GROUPS_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IdkWorkingGroupsView *self = IDK_WORKING_GROUPS_VIEW (widget);

  if (selected_group (self) != NULL)
    idk_working_groups_view_edit_group (self, selected_group (self));
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IdkWorkingGroupsView *self = IDK_WORKING_GROUPS_VIEW (widget);

  if (selected_group (self) != NULL)
    idk_working_groups_view_add_member (self, selected_group (self));
}

/* The group is kept, with its status changed; Undo gives the old one back. */
static void
disband_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IdkWorkingGroupsView *self = IDK_WORKING_GROUPS_VIEW (widget);
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  /* A copy: saving reloads the list, which frees the selected item. */
  g_autofree char *uuid = g_strdup (selected_group (self));
  g_autoptr(GError) error = NULL;

  if (uuid == NULL)
    return;

  if (!idk_store_disband_working_group (store, uuid, NULL, &error))
    {
      idk_details_report (widget, _("Cannot Disband the Group"), error);
      return;
    }

  idk_window_offer_change (widget, store, _("Working group disbanded"));
}

static void
remove_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (widget));
  g_autoptr(GError) error = NULL;

  if (!idk_store_delete (store, g_variant_get_string (parameter, NULL), &error))
    idk_details_report (widget, _("Cannot Remove the Member"), error);
  else
    idk_window_offer_change (widget, store, _("Member removed"));
}

/* The page ---------------------------------------------------------------- */

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
  GtkWidget *heading, *pills, *buttons, *facts;

  heading = idk_details_add_heading (details, idk_working_group_get_name (group),
                                     idk_working_group_get_acronym (group));
  pills = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (pills),
                  idk_details_pill_new (idk_working_group_status_to_label (idk_working_group_get_status (group)),
                                        idk_working_group_get_status (group)));
  gtk_box_append (GTK_BOX (heading), pills);

  buttons = idk_details_button_box ();
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), idk_details_text_button (_("_Edit…"), "groups.edit"));
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), idk_details_text_button (_("Add _Member…"), "groups.add-member"));
  if (!idk_working_group_is_disbanded (group))
    gtk_flow_box_append (GTK_FLOW_BOX (buttons), idk_details_text_button (_("_Disband"), "groups.disband"));
  gtk_box_append (details, buttons);

  if (idk_working_group_get_description (group) != NULL)
    idk_details_add_paragraph (details, idk_working_group_get_description (group));

  /* The chair and co-chair head the list of members below. */
  facts = idk_details_add_section (details, _("Details"));
  idk_details_add_fact (facts, _("Terms of reference"), idk_record_value_label ("working_group", "tor_status",
                                                                             idk_working_group_get_tor_status (group)));

  if ((members = idk_store_list_group_members (store, uuid, &error)))
    {
      g_autofree char *current = NULL;
      GtkWidget *section = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (members); i++)
        {
          g_autoptr(IdkEntry) entry = g_list_model_get_item (members, i);
          GtkWidget *row, *remove;

          if (section == NULL || g_strcmp0 (current, idk_entry_get_group (entry)) != 0)
            {
              section = idk_details_add_section (details, idk_entry_get_group (entry));
              g_free (current);
              current = g_strdup (idk_entry_get_group (entry));
            }

          row = idk_details_add_row (section, idk_entry_get_title (entry), idk_entry_get_subtitle (entry));
          remove = idk_details_icon_button ("user-trash-symbolic", _("Remove the member"),
                                            "groups.remove-member", idk_entry_get_target_uuid (entry));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
    }
  idk_details_check (details, &error);
  if ((meetings = idk_store_list_group_meetings (store, uuid, &error)))
    idk_split_view_add_entries (self, details, meetings, FALSE);
  idk_details_check (details, &error);
  if ((actions = idk_store_list_group_actions (store, uuid, &error)))
    idk_split_view_add_entries (self, details, actions, FALSE);
  idk_details_check (details, &error);
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
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  split_class->load = idk_working_groups_view_load;
  split_class->show_item = idk_working_groups_view_show_item;
  split_class->item_uuid = idk_working_groups_view_item_uuid;

  g_type_ensure (IDK_TYPE_WORKING_GROUP);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "groups.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "groups.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "groups.disband", NULL, disband_action);
  gtk_widget_class_install_action (widget_class, "groups.remove-member", "s", remove_member_action);
}

static void
idk_working_groups_view_init (IdkWorkingGroupsView *self)
{
  GtkWidget *add;

  idk_split_view_set_row_resource (IDK_SPLIT_VIEW (self),
                                   "/io/github/iasmndesk/Desk/idk-working-group-row.ui");
  idk_split_view_set_texts (IDK_SPLIT_VIEW (self),
                            _("Search working groups"),
                            _("Working groups"),
                            _("No working group matches the search."));

  self->warning_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (self->warning_box, 12);
  gtk_widget_set_margin_end (self->warning_box, 12);
  gtk_widget_set_margin_bottom (self->warning_box, 6);
  gtk_widget_set_visible (self->warning_box, FALSE);
  idk_split_view_add_sidebar_widget (IDK_SPLIT_VIEW (self), self->warning_box);

  add = gtk_button_new_with_mnemonic (_("_New Working Group…"));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_margin_start (add, 8);
  gtk_widget_set_margin_end (add, 8);
  gtk_widget_set_tooltip_text (add, _("New working group (Ctrl+N)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "view.new");
  idk_split_view_add_sidebar_widget (IDK_SPLIT_VIEW (self), add);

  g_signal_connect (self, "notify::store", G_CALLBACK (on_store_set_cb), NULL);
}
