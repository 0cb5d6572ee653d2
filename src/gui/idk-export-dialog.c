/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-details.h"
#include "idk-export-dialog.h"

/* Exporting a bundle: for any office (everything) or for one office that
 * sent bundles here (what it has not acknowledged), to a file chosen in
 * the file chooser.  The bundle is written in a worker thread on its own
 * connection; a toast tells which file was written. */

struct _IdkExportDialog
{
  AdwWindow parent_instance;

  IdkWindow *window;        /* weak */
  IdkStore *store;
  GListModel *offices;      /* IdkEntry, after "any office" in the row */
  GtkFileChooserNative *chooser;
  guint pulse_id;

  GFile *file;            /* of the last export, to sign again */

  /* Template widgets */
  GtkLabel *error_label;
  GtkButton *export_button;
  GtkProgressBar *progress_bar;
  AdwComboRow *recipient_row;
  GtkLabel *scope_label;
};

typedef struct
{
  IdkStore *connection;
  char *path;
  char *name;
  char *recipient;
  gint64 seq;
  guint n_revisions;
} Job;

G_DEFINE_FINAL_TYPE (IdkExportDialog, idk_export_dialog, ADW_TYPE_WINDOW)

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->connection);
  g_free (job->path);
  g_free (job->name);
  g_free (job->recipient);
  g_free (job);
}

static IdkEntry *
selected_office (IdkExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->recipient_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return NULL;
  return g_list_model_get_item (self->offices, selected - 1);
}

static void
update_scope (IdkExportDialog *self)
{
  g_autoptr(IdkEntry) office = selected_office (self);
  g_autofree char *text = NULL;

  if (office == NULL)
    text = g_strdup (_("Everything this database holds: a full bundle any office can import."));
  else
    text = g_strdup_printf (_("What %s has not acknowledged yet, by the bundles it sent here."),
                            idk_entry_get_title (office));
  gtk_label_set_text (self->scope_label, text);
}

static void
on_recipient_changed_cb (IdkExportDialog *self)
{
  update_scope (self);
}

static gboolean
pulse_cb (gpointer data)
{
  IdkExportDialog *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (IdkExportDialog *self,
          gboolean         busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recipient_row), !busy);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (busy)
    self->pulse_id = g_timeout_add (100, pulse_cb, self);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (idk_store_export (job->connection, job->path, job->recipient, &job->seq, &job->n_revisions, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_passphrase_response (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  IdkExportDialog *self = IDK_EXPORT_DIALOG (user_data);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (!g_str_equal (response, "sign") || self->file == NULL)
    return;
  idk_store_set_key_passphrase (self->store, gtk_editable_get_text (entry));
  gtk_editable_set_text (entry, "");
  idk_export_dialog_export_to (self, self->file);
}

/* The office's key is protected: its passphrase, then the export again. */
static void
ask_passphrase (IdkExportDialog *self,
                GError          *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Office’s Key Is Protected"), NULL);
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *body = NULL;

  /* Not the key file's path: what the user can do about it. */
  if (g_error_matches (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_WRONG_PASSPHRASE))
    body = g_strdup_printf ("%s %s", _("That passphrase is wrong."),
                            _("Type the passphrase of this office’s key to sign the bundle."));
  else
    body = g_strdup (_("Type the passphrase of this office’s key to sign the bundle."));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  /* A plain entry, hidden: GtkPasswordEntry of GTK 4.8 warns when its
   * text is set. */
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Passphrase"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "sign", _("_Sign"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "sign");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_passphrase_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  IdkExportDialog *self = IDK_EXPORT_DIALOG (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *number = NULL;
  gboolean closed = self->scope_label == NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!closed)
        {
          set_busy (self, FALSE);
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
          if (g_error_matches (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_NEEDS_PASSPHRASE) ||
              g_error_matches (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_WRONG_PASSPHRASE))
            ask_passphrase (self, error);
        }
      return;
    }

  /* The bundle's number is recorded: views that show it reload. */
  idk_store_notify_changed (self->store);

  number = g_strdup_printf ("%" G_GINT64_FORMAT, job->seq);
  /* TRANSLATORS: the first %s is the bundle's number, the second its file */
  title = g_strdup_printf (ngettext ("Bundle %s written to %s (%u revision)",
                                     "Bundle %s written to %s (%u revisions)",
                                     job->n_revisions),
                           number, job->name, job->n_revisions);
  if (self->window != NULL)
    idk_window_add_toast (self->window, idk_details_toast_new (title));
  if (!closed)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_chooser_response_cb (IdkExportDialog *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    idk_export_dialog_export_to (self, file);
}

static char *
suggested_name (IdkExportDialog *self)
{
  g_autofree char *office = idk_store_get_office_name (self->store);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GString) name = g_string_new (NULL);

  /* Letters and digits of the office's name, for a file name anywhere. */
  for (const char *p = office ? office : "iasmn"; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (name, c);
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  g_string_append_printf (name, "%s%s" IDK_BUNDLE_EXTENSION, name->len > 0 ? "-" : "", date);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IdkExportDialog *self = IDK_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = idk_details_bundle_filter ();
  g_autofree char *name = suggested_name (self);

  self->chooser = gtk_file_chooser_native_new (_("Export Bundle"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
idk_export_dialog_dispose (GObject *object)
{
  IdkExportDialog *self = IDK_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), IDK_TYPE_EXPORT_DIALOG);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (idk_export_dialog_parent_class)->dispose (object);
}

static void
idk_export_dialog_finalize (GObject *object)
{
  IdkExportDialog *self = IDK_EXPORT_DIALOG (object);

  g_clear_object (&self->offices);
  g_clear_object (&self->store);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (idk_export_dialog_parent_class)->finalize (object);
}

static void
idk_export_dialog_class_init (IdkExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = idk_export_dialog_dispose;
  object_class->finalize = idk_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IdkExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, IdkExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, IdkExportDialog, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, IdkExportDialog, scope_label);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
idk_export_dialog_init (IdkExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->recipient_row, "notify::selected", G_CALLBACK (on_recipient_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

IdkExportDialog *
idk_export_dialog_new (IdkWindow *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  IdkExportDialog *self;

  g_return_val_if_fail (IDK_IS_WINDOW (window), NULL);

  self = g_object_new (IDK_TYPE_EXPORT_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->store = g_object_ref (idk_window_get_store (window));

  self->offices = idk_store_list_offices (self->store, &error);
  if (self->offices == NULL)
    {
      g_warning ("Cannot list the offices: %s", error->message);
      self->offices = G_LIST_MODEL (g_list_store_new (IDK_TYPE_ENTRY));
    }

  gtk_string_list_append (labels, _("Any office (everything)"));
  for (guint i = 0; i < g_list_model_get_n_items (self->offices); i++)
    {
      g_autoptr(IdkEntry) office = g_list_model_get_item (self->offices, i);

      gtk_string_list_append (labels, idk_entry_get_title (office));
    }
  adw_combo_row_set_model (self->recipient_row, G_LIST_MODEL (labels));
  update_scope (self);

  return self;
}

/**
 * idk_export_dialog_set_recipient:
 * @office_uuid: (nullable): an office, or %NULL for any office
 *
 * Returns: whether @office_uuid is an office bundles came from
 */
gboolean
idk_export_dialog_set_recipient (IdkExportDialog *self,
                                 const char      *office_uuid)
{
  g_return_val_if_fail (IDK_IS_EXPORT_DIALOG (self), FALSE);

  if (office_uuid == NULL)
    {
      adw_combo_row_set_selected (self->recipient_row, 0);
      return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (self->offices); i++)
    {
      g_autoptr(IdkEntry) office = g_list_model_get_item (self->offices, i);

      if (g_strcmp0 (idk_entry_get_target_uuid (office), office_uuid) == 0)
        {
          adw_combo_row_set_selected (self->recipient_row, i + 1);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * idk_export_dialog_export_to:
 *
 * Writes the bundle to @file (what the file chooser's Export does).
 */
void
idk_export_dialog_export_to (IdkExportDialog *self,
                             GFile           *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkEntry) office = NULL;
  Job *job;

  g_return_if_fail (IDK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (self->file != file)
    g_set_object (&self->file, file);

  job = g_new0 (Job, 1);
  job->path = g_file_get_path (file);
  job->name = g_file_get_basename (file);
  office = selected_office (self);
  job->recipient = office ? g_strdup (idk_entry_get_target_uuid (office)) : NULL;
  job->connection = job->path ? idk_store_open_connection (self->store, &error) : NULL;

  if (job->connection == NULL)
    {
      gtk_label_set_text (self->error_label, error ? error->message : _("The bundle must be a local file"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      job_free (job);
      return;
    }

  set_busy (self, TRUE);
  task = g_task_new (self, NULL, on_exported_cb, NULL);
  g_task_set_source_tag (task, idk_export_dialog_export_to);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, export_thread);
}
