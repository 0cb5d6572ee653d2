/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-actions-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-actions-view-private.h"
#include "idk-details.h"
#include "idk-form.h"
#include "idk-window.h"

/* Changing actions: the form of one (new or edited), the status of many
 * at once, deleting.  Each is one core verb, one transaction, and one
 * Undo in a toast. */

/* "Mark As": the statuses of the record description. */
void
_idk_actions_view_fill_mark_menu (IdkActionsView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (const char * const *status = idk_record_field_values ("action", "status"); *status != NULL; status++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (idk_action_status_to_label (*status), NULL);

      g_menu_item_set_action_and_target_value (item, "actions.mark-as", g_variant_new_string (*status));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->mark_button, G_MENU_MODEL (menu));
}

static void
mark_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = _idk_actions_view_selected_uuids (self);
  const char *status = g_variant_get_string (parameter, NULL);
  g_autofree char *title = NULL;
  guint n = g_strv_length (uuids);

  if (n == 0)
    return;

  /* One transaction, and one Undo: all the selected actions change, or none. */
  if (!idk_store_add_action_update (self->store, (const char * const *) uuids, status,
                                    NULL, g_get_real_name (), &error))
    {
      idk_details_report (GTK_WIDGET (self), _("Cannot Change the Status"), error);
      return;
    }

  /* Translators: e.g. "5 actions marked Completed" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action marked %s", "%u actions marked %s", n),
                           n, idk_action_status_to_label (status));
  idk_window_offer_change (widget, self->store, title);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = _idk_actions_view_selected_uuids (self);
  guint n = g_strv_length (uuids);
  g_autofree char *title = NULL;

  if (n == 0)
    return;

  /* Deleting writes tombstones, so Undo brings every action back as it was. */
  if (!idk_store_delete_records (self->store, (const char * const *) uuids, &error))
    {
      idk_details_report (GTK_WIDGET (self), _("Cannot Delete"), error);
      return;
    }

  if (idk_action_page_get_action (self->page) != NULL &&
      g_strv_contains ((const char * const *) uuids, idk_action_page_get_action (self->page)))
    adw_flap_set_reveal_flap (self->flap, FALSE);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action deleted", "%u actions deleted", n), n);
  idk_window_offer_change (widget, self->store, title);
}

typedef struct
{
  IdkActionsView *view;
  char *uuid;
} Edit;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_free (edit->uuid);
  g_free (edit);
}

static gboolean
save_action (IdkForm  *form,
             gpointer  data,
             GError  **error)
{
  Edit *edit = data;
  IdkStore *store = edit->view->store;
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;

  fields = edit->uuid ? idk_store_get_fields (store, edit->uuid, NULL, error) : json_object_new ();
  if (fields == NULL || !idk_form_apply (form, fields, error) ||
      !(uuid = idk_store_save_action (store, edit->uuid, fields, error)))
    return FALSE;

  /* Translators: e.g. "Action 27/12 saved" */
  title = g_strdup_printf (edit->uuid ? _("Action %s saved") : _("Action %s created"),
                           idk_fields_get_text (fields, "reference"));
  idk_window_offer_change (GTK_WIDGET (edit->view), store, title);
  return TRUE;
}

static GStrv
string_array (JsonObject *fields,
              const char *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = fields ? json_object_get_member (fields, name) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (builder, json_array_get_string_element (array, i));
    }

  return g_strv_builder_end (builder);
}

static void
add_reference (IdkForm    *form,
               IdkStore   *store,
               JsonObject *fields,
               const char *name,
               gboolean    multiple)
{
  g_autoptr(GListModel) choices = idk_store_list_references (store, "action", name, NULL);
  g_auto(GStrv) selected = NULL;
  const char *one[] = { idk_fields_get_text (fields, name), NULL };

  if (multiple)
    selected = string_array (fields, name);
  idk_form_add_chooser (form, name, idk_record_field_label ("action", name), multiple, choices,
                        multiple ? (const char * const *) selected : one);
}

/**
 * idk_actions_view_edit_action:
 * @uuid: (nullable): the action, or %NULL for a new one
 *
 * Returns: (transfer none): the form, presented
 */
IdkForm *
idk_actions_view_edit_action (IdkActionsView *self,
                              const char     *uuid)
{
  g_autoptr(JsonObject) fields = uuid ? idk_store_get_fields (self->store, uuid, NULL, NULL) : NULL;
  Edit *edit;
  IdkForm *form;

  g_return_val_if_fail (IDK_IS_ACTIONS_VIEW (self), NULL);

  if (fields == NULL)
    {
      g_autofree char *session = idk_store_find_latest_session (self->store);

      fields = idk_record_new_fields ("action");
      if (session != NULL)
        json_object_set_string_member (fields, "meeting", session);
    }

  edit = g_new0 (Edit, 1);
  edit->view = self;
  edit->uuid = g_strdup (uuid);

  form = idk_form_new (GTK_WIDGET (self), uuid ? _("Edit Action") : _("New Action"),
                       uuid ? _("_Save") : _("_Create"));
  idk_form_set_record (form, "action", fields);
  add_reference (form, self->store, fields, "meeting", FALSE);
  idk_form_add_field (form, "reference");
  idk_form_add_field (form, "topic");
  idk_form_add_field (form, "text");
  idk_form_add_field (form, "kind");
  add_reference (form, self->store, fields, "owners", TRUE);
  idk_form_add_field (form, "due_date");
  add_reference (form, self->store, fields, "due_meeting", FALSE);
  idk_form_set_save_func (form, save_action, edit, edit_free);
  gtk_window_present (GTK_WINDOW (form));

  return form;
}

/**
 * idk_actions_view_new_action:
 *
 * Returns: (transfer none): the form for a new action, presented
 */
IdkForm *
idk_actions_view_new_action (IdkActionsView *self)
{
  return idk_actions_view_edit_action (self, NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  idk_actions_view_new_action (IDK_ACTIONS_VIEW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *uuid = g_variant_get_string (parameter, NULL);

  if (*uuid != '\0')
    idk_actions_view_edit_action (IDK_ACTIONS_VIEW (widget), uuid);
}

void
_idk_actions_view_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "actions.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "actions.mark-as", "s", mark_as_action);
  gtk_widget_class_install_action (widget_class, "actions.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "actions.delete", NULL);
}
