/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-hub-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-core.h"
#include "idk-hub-dialog.h"

/* Where this office's hub is: the database's address, the user and the
 * password (the password goes to the keyring through the window), a test
 * of the connection, and the automatic sync while the app is open. */

struct _IdkHubDialog
{
  AdwWindow parent_instance;

  IdkWindow *window;          /* weak */
  IdkStore *store;
  GCancellable *cancellable;  /* of the connection test */

  /* Template widgets */
  AdwEntryRow *url_row;
  AdwEntryRow *user_row;
  AdwEntryRow *password_row;
  GtkLabel *error_label;
  AdwActionRow *connection_row;
  GtkSpinner *test_spinner;
  GtkSwitch *auto_switch;
  AdwActionRow *minutes_row;
  GtkSpinButton *minutes_spin;
  GtkWidget *save_button;
};

G_DEFINE_FINAL_TYPE (IdkHubDialog, idk_hub_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  char *url;
  char *user;
  char *password;
  gint64 n_documents;
} Test;

static void
test_free (Test *test)
{
  g_free (test->url);
  g_free (test->user);
  g_free (test->password);
  g_free (test);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
show_error (IdkHubDialog *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The address is checked by the core as it is typed: an empty one is no hub. */
static gboolean
check_url (IdkHubDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *url = text_of (self->url_row);
  gboolean valid = *url == '\0' || idk_store_check_hub_url (url, &error);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
  show_error (self, error != NULL ? error->message : NULL);
  gtk_widget_set_sensitive (self->save_button, valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hub.test", valid && *url != '\0');
  return valid;
}

static void
on_url_changed_cb (IdkHubDialog *self)
{
  check_url (self);
  adw_action_row_set_subtitle (self->connection_row, _("Not tested"));
}

static void
test_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Test *test = task_data;
  g_autoptr(IdkHub) hub = idk_hub_new (test->url, test->user, test->password);
  GError *error = NULL;

  if (!idk_hub_check (hub, &test->n_documents, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_tested_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  IdkHubDialog *self = IDK_HUB_DIALOG (object);
  Test *test = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* Closed meanwhile: its widgets are gone. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) && self->connection_row != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_action_row_set_subtitle (self->connection_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->connection_row), "error");
    }
  else if (self->connection_row != NULL)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, test->n_documents);
      g_autofree char *text = g_strdup_printf (ngettext ("Connected: the database holds %s document",
                                                         "Connected: the database holds %s documents",
                                                         test->n_documents), count);

      adw_action_row_set_subtitle (self->connection_row, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->connection_row), "error");
    }
  if (self->connection_row == NULL)
    return;
  gtk_spinner_stop (self->test_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), FALSE);
  g_clear_object (&self->cancellable);
  check_url (self);
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IdkHubDialog *self = IDK_HUB_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  Test *test;

  if (!check_url (self) || self->cancellable != NULL)
    return;
  test = g_new0 (Test, 1);
  test->url = g_strdup (text_of (self->url_row));
  test->user = g_strdup (text_of (self->user_row));
  test->password = g_strdup (text_of (self->password_row));

  self->cancellable = g_cancellable_new ();
  adw_action_row_set_subtitle (self->connection_row, _("Connecting…"));
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), TRUE);
  gtk_spinner_start (self->test_spinner);
  gtk_widget_action_set_enabled (widget, "hub.test", FALSE);

  task = g_task_new (self, self->cancellable, on_tested_cb, NULL);
  g_task_set_task_data (task, test, (GDestroyNotify) test_free);
  g_task_run_in_thread (task, test_thread);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (idk_hub_dialog_save (IDK_HUB_DIALOG (widget)))
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
idk_hub_dialog_dispose (GObject *object)
{
  IdkHubDialog *self = IDK_HUB_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), IDK_TYPE_HUB_DIALOG);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (idk_hub_dialog_parent_class)->dispose (object);
}

static void
idk_hub_dialog_class_init (IdkHubDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = idk_hub_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-hub-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkHubDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, IdkHubDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, IdkHubDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, IdkHubDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IdkHubDialog, connection_row);
  gtk_widget_class_bind_template_child (widget_class, IdkHubDialog, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, IdkHubDialog, auto_switch);
  gtk_widget_class_bind_template_child (widget_class, IdkHubDialog, minutes_row);
  gtk_widget_class_bind_template_child (widget_class, IdkHubDialog, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, IdkHubDialog, save_button);

  gtk_widget_class_install_action (widget_class, "hub.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "hub.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "hub.test", NULL, test_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "hub.cancel", NULL);
}

static void
idk_hub_dialog_init (IdkHubDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->url_row, "changed", G_CALLBACK (on_url_changed_cb), self);
  g_signal_connect_swapped (self->user_row, "changed", G_CALLBACK (on_url_changed_cb), self);
  g_signal_connect_swapped (self->password_row, "changed", G_CALLBACK (on_url_changed_cb), self);
  g_object_bind_property (self->auto_switch, "active", self->minutes_row, "sensitive", G_BINDING_SYNC_CREATE);
}

/**
 * idk_hub_dialog_new:
 * @message: (nullable): why it is asked, shown above the fields
 */
IdkHubDialog *
idk_hub_dialog_new (IdkWindow  *window,
                    const char *message)
{
  IdkHubDialog *self;
  g_autofree char *url = NULL, *user = NULL;
  const char *password;
  guint minutes;

  g_return_val_if_fail (IDK_IS_WINDOW (window), NULL);

  self = g_object_new (IDK_TYPE_HUB_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->store = g_object_ref (idk_window_get_store (window));

  url = idk_store_get_hub_url (self->store);
  user = idk_store_get_hub_user (self->store);
  password = idk_window_get_hub_password (window);
  minutes = idk_store_get_hub_minutes (self->store);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url != NULL ? url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user != NULL ? user : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password != NULL ? password : "");
  gtk_switch_set_active (self->auto_switch, minutes > 0);
  gtk_spin_button_set_value (self->minutes_spin, minutes > 0 ? minutes : 15);
  adw_action_row_set_subtitle (self->connection_row, _("Not tested"));
  check_url (self);
  if (message != NULL)
    show_error (self, message);
  return self;
}

/**
 * idk_hub_dialog_save:
 *
 * Saves what the dialog shows; a refusal is shown at its field.
 *
 * Returns: whether it was saved
 */
gboolean
idk_hub_dialog_save (IdkHubDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *url = text_of (self->url_row), *user = text_of (self->user_row);
  guint minutes = gtk_switch_get_active (self->auto_switch) ? gtk_spin_button_get_value_as_int (self->minutes_spin) : 0;

  g_return_val_if_fail (IDK_IS_HUB_DIALOG (self), FALSE);

  if (!check_url (self))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      return FALSE;
    }
  if (!idk_store_set_hub (self->store, url, user, &error) || !idk_store_set_hub_minutes (self->store, minutes, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  if (self->window != NULL)
    idk_window_hub_changed (self->window, text_of (self->password_row));
  return TRUE;
}

/**
 * idk_hub_dialog_is_testing:
 *
 * Returns: whether a test of the connection is under way
 */
gboolean
idk_hub_dialog_is_testing (IdkHubDialog *self)
{
  g_return_val_if_fail (IDK_IS_HUB_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}
