/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-office-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-chooser.h"
#include "idk-office-dialog.h"

/* The identity of this office: a name and the organization it belongs
 * to.  Asked for at first start, and from the main menu later. */

struct _IdkOfficeDialog
{
  AdwWindow parent_instance;

  IdkStore *store;
  GListModel *organizations;   /* IdkEntry, as the chooser lists them */

  /* Template widgets */
  GtkLabel *error_label;
  AdwEntryRow *name_row;
  IdkChooser *organization_chooser;
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
  g_autofree char *name = idk_store_get_office_name (self->store);
  g_autofree char *organization = idk_store_get_office_organization (self->store);
  g_autofree char *uuid_text = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  /* Seventy organizations: a list that filters as one types. */
  g_clear_object (&self->organizations);
  self->organizations = idk_store_list_references (self->store, "post", "organization", &error);
  if (self->organizations == NULL)
    {
      g_warning ("Cannot list the organizations: %s", error->message);
      self->organizations = G_LIST_MODEL (g_list_store_new (IDK_TYPE_ENTRY));
    }
  for (guint i = 0; i < g_list_model_get_n_items (self->organizations); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (self->organizations, i);

      g_ptr_array_add (values, (gpointer) idk_entry_get_target_uuid (entry));
      g_ptr_array_add (labels, (gpointer) idk_entry_get_title (entry));
    }
  g_ptr_array_add (values, NULL);
  g_ptr_array_add (labels, NULL);
  idk_chooser_set_items (self->organization_chooser, (const char * const *) values->pdata,
                         (const char * const *) labels->pdata);
  idk_chooser_set_value (self->organization_chooser, organization && *organization ? organization : NULL);

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

  g_type_ensure (IDK_TYPE_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-office-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkOfficeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IdkOfficeDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, IdkOfficeDialog, organization_chooser);
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
      g_autoptr(IdkEntry) entry = g_list_model_get_item (self->organizations, i);
      g_autofree char *prefix = g_strconcat (acronym, " (", NULL);

      if (g_str_has_prefix (idk_entry_get_title (entry), prefix) || g_str_equal (idk_entry_get_title (entry), acronym))
        {
          idk_chooser_set_value (self->organization_chooser, idk_entry_get_target_uuid (entry));
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * idk_office_dialog_get_chooser:
 *
 * Returns: (transfer none): the organization's chooser
 */
IdkChooser *
idk_office_dialog_get_chooser (IdkOfficeDialog *self)
{
  g_return_val_if_fail (IDK_IS_OFFICE_DIALOG (self), NULL);

  return self->organization_chooser;
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

  g_return_val_if_fail (IDK_IS_OFFICE_DIALOG (self), FALSE);

  if (!idk_store_set_office (self->store, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                             idk_chooser_get_value (self->organization_chooser), &error))
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
