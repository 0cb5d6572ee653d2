/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-office-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-office-dialog.h"

/* The identity of this office: a name and the organization it belongs
 * to.  Asked for at first start, and from the main menu later. */

struct _IdkOfficeDialog
{
  AdwWindow parent_instance;

  IdkStore *store;
  GListModel *organizations;   /* IdkOrganization, after "None" in the row */

  /* Template widgets */
  GtkLabel *error_label;
  AdwEntryRow *name_row;
  AdwComboRow *organization_row;
  GtkLabel *uuid_label;
};

G_DEFINE_FINAL_TYPE (IdkOfficeDialog, idk_office_dialog, ADW_TYPE_WINDOW)

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (idk_office_dialog_save (IDK_OFFICE_DIALOG (widget)))
    gtk_window_destroy (GTK_WINDOW (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
fill (IdkOfficeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *name = idk_store_get_office_name (self->store);
  g_autofree char *organization = idk_store_get_office_organization (self->store);
  g_autofree char *uuid_text = NULL;
  guint selected = 0;

  g_clear_object (&self->organizations);
  self->organizations = idk_store_list_organizations (self->store, NULL, &error);
  if (self->organizations == NULL)
    {
      g_warning ("Cannot list the organizations: %s", error->message);
      self->organizations = G_LIST_MODEL (g_list_store_new (IDK_TYPE_ORGANIZATION));
    }

  gtk_string_list_append (labels, _("None"));
  for (guint i = 0; i < g_list_model_get_n_items (self->organizations); i++)
    {
      g_autoptr(IdkOrganization) o = g_list_model_get_item (self->organizations, i);
      g_autofree char *label = NULL;

      label = idk_organization_get_acronym (o) && *idk_organization_get_acronym (o)
            ? g_strdup_printf ("%s — %s", idk_organization_get_acronym (o), idk_organization_get_name (o))
            : g_strdup (idk_organization_get_name (o));
      gtk_string_list_append (labels, label);
      if (g_strcmp0 (idk_organization_get_uuid (o), organization) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->organization_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->organization_row, selected);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");

  /* TRANSLATORS: %s is a UUID */
  uuid_text = g_strdup_printf (_("Office identifier: %s"), idk_store_get_office_uuid (self->store));
  gtk_label_set_text (self->uuid_label, uuid_text);
}

static void
idk_office_dialog_dispose (GObject *object)
{
  IdkOfficeDialog *self = IDK_OFFICE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IDK_TYPE_OFFICE_DIALOG);
  g_clear_object (&self->organizations);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (idk_office_dialog_parent_class)->dispose (object);
}

static void
idk_office_dialog_class_init (IdkOfficeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = idk_office_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-office-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkOfficeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IdkOfficeDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, IdkOfficeDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, IdkOfficeDialog, uuid_label);

  gtk_widget_class_install_action (widget_class, "office.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "office.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "office.cancel", NULL);
}

static void
idk_office_dialog_init (IdkOfficeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

IdkOfficeDialog *
idk_office_dialog_new (GtkWindow *parent,
                       IdkStore  *store)
{
  IdkOfficeDialog *self;

  g_return_val_if_fail (IDK_IS_STORE (store), NULL);

  self = g_object_new (IDK_TYPE_OFFICE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fill (self);
  return self;
}

void
idk_office_dialog_set_name (IdkOfficeDialog *self,
                            const char      *name)
{
  g_return_if_fail (IDK_IS_OFFICE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

/**
 * idk_office_dialog_select_organization:
 *
 * Returns: whether an organization has @acronym
 */
gboolean
idk_office_dialog_select_organization (IdkOfficeDialog *self,
                                       const char      *acronym)
{
  g_return_val_if_fail (IDK_IS_OFFICE_DIALOG (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (self->organizations); i++)
    {
      g_autoptr(IdkOrganization) o = g_list_model_get_item (self->organizations, i);

      if (g_strcmp0 (idk_organization_get_acronym (o), acronym) == 0)
        {
          adw_combo_row_set_selected (self->organization_row, i + 1);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * idk_office_dialog_save:
 *
 * Saves what the dialog shows; a refusal (no name) is shown in it.
 *
 * Returns: whether it was saved
 */
gboolean
idk_office_dialog_save (IdkOfficeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkOrganization) organization = NULL;
  guint selected;

  g_return_val_if_fail (IDK_IS_OFFICE_DIALOG (self), FALSE);

  selected = adw_combo_row_get_selected (self->organization_row);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    organization = g_list_model_get_item (self->organizations, selected - 1);

  if (!idk_store_set_office (self->store, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                             organization ? idk_organization_get_uuid (organization) : NULL, &error))
    {
      /* The store's message is for the command line too; this one is ours. */
      gtk_label_set_text (self->error_label, error->code == IDK_STORE_ERROR_INVALID
                                             ? _("The office needs a name.") : error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return FALSE;
    }

  return TRUE;
}
