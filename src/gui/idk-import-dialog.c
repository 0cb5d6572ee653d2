/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-details.h"
#include "idk-import-dialog-private.h"

/* Importing a bundle: the file is read and checked in a worker thread on
 * a connection of its own, with progress; the dialog then shows where the
 * bundle comes from and what it changes, record kind by record kind, and
 * Apply writes it, again in the worker, in one transaction.  Who signed
 * it, and the choices a bundle without a trusted signature calls for, are
 * in idk-import-dialog-signer.c.  Cancel stops
 * either pass, and nothing is written.  A refused bundle shows the fault
 * the importer named.  All text from the bundle goes into labels as plain
 * text.
 */

G_DEFINE_FINAL_TYPE (IdkImportDialog, idk_import_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  IdkImportDialog *self;
  double fraction;
} Progress;

static void
set_state (IdkImportDialog *self,
           State            state)
{
  self->state = state;
  _idk_import_dialog_update_apply (self);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), state == STATE_READING || state == STATE_APPLYING);
  gtk_button_set_label (self->cancel_button, state == STATE_FINISHED ? _("_Close") : _("_Cancel"));
}

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;

  gtk_progress_bar_set_fraction (progress->self->progress_bar, progress->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->self);
  g_free (progress);
}

/* Called in the worker thread. */
static void
on_progress (double   fraction,
             gpointer user_data)
{
  IdkImportDialog *self = user_data;
  Progress *progress;

  if (fraction < 1.0 && fraction - self->fraction < 0.01)
    return;
  self->fraction = fraction;

  progress = g_new0 (Progress, 1);
  progress->self = g_object_ref (self);
  progress->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_progress_cb, progress, progress_free);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  IdkImportDialog *self = source_object;
  gboolean apply = GPOINTER_TO_INT (task_data);
  GError *error = NULL;
  gboolean ok;

  ok = apply ? idk_import_apply (self->import, on_progress, self, cancellable, &error)
             : idk_import_prepare (self->import, on_progress, self, cancellable, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_failure (IdkImportDialog *self,
              const char      *title,
              GError          *error)
{
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->summary_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->counts_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->signer_box), FALSE);
  set_state (self, STATE_FINISHED);
}

static char *
describe_origin (IdkImport *import)
{
  const char *organization = idk_import_get_origin_organization (import);

  if (organization != NULL && *organization != '\0')
    return g_strdup_printf ("%s (%s)", idk_import_get_origin_name (import), organization);
  return g_strdup (idk_import_get_origin_name (import));
}

static char *
describe_counts (IdkImport  *import,
                 const char *type)
{
  guint n_new = idk_import_get_count (import, type, IDK_IMPORT_NEW);
  guint updated = idk_import_get_count (import, type, IDK_IMPORT_UPDATED);
  guint unchanged = idk_import_get_count (import, type, IDK_IMPORT_UNCHANGED);
  guint conflicting = idk_import_get_count (import, type, IDK_IMPORT_CONFLICTING);

  /* TRANSLATORS: counts of records an import would add, change, leave
   * as they are, and leave in conflict */
  return g_strdup_printf (_("%u new · %u updated · %u unchanged · %u in conflict"),
                          n_new, updated, unchanged, conflicting);
}

/* An ISO 8601 time as a person reads it, in local time. */
static char *
format_time (const char *iso8601)
{
  g_autoptr(GDateTime) utc = iso8601 ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (iso8601 ? iso8601 : "");
  return g_strstrip (g_date_time_format (local, "%e %B %Y, %H:%M"));
}

static GtkWidget *
add_count_row (IdkImportDialog *self,
               const char      *title,
               const char      *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->counts_group, row);
  return row;
}

static void
show_preview (IdkImportDialog *self)
{
  g_autofree char *origin = describe_origin (self->import);
  g_autofree char *title = g_strdup_printf (_("Import from %s?"), origin);
  g_autofree char *made = format_time (idk_import_get_created_at (self->import));
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, idk_import_get_seq (self->import));
  g_autofree char *summary = NULL;
  g_autofree char *total = describe_counts (self->import, NULL);
  g_auto(GStrv) types = idk_import_list_types (self->import);
  guint other_kinds = 0, other_records = 0;

  /* TRANSLATORS: the first %s is the bundle's number, the second when it was made */
  summary = g_strdup_printf (_("Bundle %s, made on %s: %u revisions, %u of them new to this database."),
                             number, made,
                             idk_import_get_n_revisions (self->import),
                             idk_import_get_n_new_revisions (self->import));
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->summary_label, summary);

  gtk_widget_add_css_class (add_count_row (self, _("All records"), total), "heading");

  /* The kinds the bundle changes, one row each; the rest in one line. */
  for (guint i = 0; types[i] != NULL; i++)
    {
      guint unchanged = idk_import_get_count (self->import, types[i], IDK_IMPORT_UNCHANGED);
      guint all = unchanged + idk_import_get_count (self->import, types[i], IDK_IMPORT_NEW) +
                  idk_import_get_count (self->import, types[i], IDK_IMPORT_UPDATED) +
                  idk_import_get_count (self->import, types[i], IDK_IMPORT_CONFLICTING);

      if (all == unchanged)
        {
          other_kinds++;
          other_records += unchanged;
        }
      else
        {
          g_autofree char *counts = describe_counts (self->import, types[i]);

          add_count_row (self, idk_record_type_label (types[i]), counts);
        }
    }

  if (other_kinds > 0)
    {
      g_autofree char *rest = g_strdup_printf (ngettext ("%u record of %u other kind, all unchanged",
                                                         "%u records of %u other kinds, all unchanged",
                                                         other_records),
                                               other_records, other_kinds);

      add_count_row (self, _("Everything else"), rest);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->counts_group), TRUE);
  _idk_import_dialog_show_signer (self);

  set_state (self, STATE_READY);
  gtk_widget_grab_focus (GTK_WIDGET (self->apply_button));
}

static void
on_prepared_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  IdkImportDialog *self = IDK_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* Closed meanwhile. */
  if (self->title_label == NULL)
    return;

  if (!ok)
    {
      if (!g_error_matches (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_CANCELLED))
        show_failure (self, _("The Bundle Was Refused"), error);
      return;
    }

  if (idk_import_is_already_imported (self->import))
    {
      g_autofree char *origin = describe_origin (self->import);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, idk_import_get_seq (self->import));
      /* TRANSLATORS: the first %s is the bundle's number, the second its office */
      g_autofree char *summary = g_strdup_printf (_("Bundle %s from %s was imported before: "
                                                    "importing it again changes nothing."),
                                                  number, origin);

      gtk_label_set_text (self->title_label, _("Already Imported"));
      gtk_label_set_text (self->summary_label, summary);
      set_state (self, STATE_FINISHED);
      return;
    }

  show_preview (self);
}

static void
report_result (IdkImportDialog *self)
{
  g_autofree char *origin = describe_origin (self->import);
  g_autofree char *title = NULL;
  guint conflicts = idk_import_get_count (self->import, NULL, IDK_IMPORT_CONFLICTING);
  AdwToast *toast;

  if (idk_import_get_n_new_revisions (self->import) == 0)
    title = g_strdup_printf (_("Nothing new from %s"), origin);
  else
    title = g_strdup_printf (ngettext ("Imported %u new revision from %s", "Imported %u new revisions from %s",
                                       idk_import_get_n_new_revisions (self->import)),
                             idk_import_get_n_new_revisions (self->import), origin);

  toast = idk_details_toast_new (title);
  if (conflicts > 0)
    {
      adw_toast_set_button_label (toast, _("_Review Conflicts"));
      adw_toast_set_action_name (toast, "win.conflicts");
      adw_toast_set_timeout (toast, 0);
    }
  if (self->window != NULL)
    idk_window_add_toast (self->window, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
on_applied_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  IdkImportDialog *self = IDK_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  gboolean closed = self->title_label == NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!closed && !g_error_matches (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_CANCELLED))
        show_failure (self, _("The Bundle Was Not Imported"), error);
      return;
    }

  /* The worker wrote on its own connection: the views reload now, even
   * if the dialog was closed as the import ended. */
  idk_store_notify_changed (self->store);
  report_result (self);
  if (!closed)
    {
      set_state (self, STATE_FINISHED);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
start_job (IdkImportDialog     *self,
           gboolean             apply,
           GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->fraction = 0;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);

  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, GINT_TO_POINTER (apply), NULL);
  g_task_run_in_thread (task, job_thread);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IdkImportDialog *self = IDK_IMPORT_DIALOG (widget);

  if (self->state != STATE_READY)
    return;

  /* The user's choice for this bundle, recorded with it. */
  idk_import_set_accept_untrusted (self->import, gtk_check_button_get_active (self->accept_check));
  gtk_label_set_text (self->title_label, _("Importing…"));
  set_state (self, STATE_APPLYING);
  start_job (self, TRUE, on_applied_cb);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IdkImportDialog *self = IDK_IMPORT_DIALOG (widget);

  /* A pass cut short rolls back: nothing is written. */
  g_cancellable_cancel (self->cancellable);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
idk_import_dialog_dispose (GObject *object)
{
  IdkImportDialog *self = IDK_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), IDK_TYPE_IMPORT_DIALOG);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (idk_import_dialog_parent_class)->dispose (object);
}

static void
idk_import_dialog_finalize (GObject *object)
{
  IdkImportDialog *self = IDK_IMPORT_DIALOG (object);

  g_clear_object (&self->import);
  g_clear_object (&self->connection);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (idk_import_dialog_parent_class)->finalize (object);
}

static void
idk_import_dialog_class_init (IdkImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = idk_import_dialog_dispose;
  object_class->finalize = idk_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkImportDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, IdkImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, IdkImportDialog, counts_group);
  gtk_widget_class_bind_template_child (widget_class, IdkImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, IdkImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IdkImportDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, IdkImportDialog, signer_box);
  gtk_widget_class_bind_template_child (widget_class, IdkImportDialog, signer_icon);
  gtk_widget_class_bind_template_child (widget_class, IdkImportDialog, signer_label);
  gtk_widget_class_bind_template_child (widget_class, IdkImportDialog, trust_button);
  gtk_widget_class_bind_template_child (widget_class, IdkImportDialog, accept_check);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.trust-key", NULL, _idk_import_dialog_trust_key);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
idk_import_dialog_init (IdkImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->accept_check, "toggled", G_CALLBACK (_idk_import_dialog_update_apply), self);
  set_state (self, STATE_READING);
}

/**
 * idk_import_dialog_new:
 * @window: the window whose database the bundle goes into
 * @file: the bundle
 *
 * Starts reading @file at once; the dialog shows the preview when done.
 */
IdkImportDialog *
idk_import_dialog_new (IdkWindow *window,
                       GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  IdkImportDialog *self;

  g_return_val_if_fail (IDK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (IDK_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->store = g_object_ref (idk_window_get_store (window));
  self->file = g_object_ref (file);

  name = g_file_get_basename (file);
  gtk_window_set_title (GTK_WINDOW (self), name);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_IO, _("“%s” is not a local file"), name);
      show_failure (self, _("Cannot Read the Bundle"), error);
      return self;
    }

  self->connection = idk_store_open_connection (self->store, &error);
  if (self->connection == NULL)
    {
      show_failure (self, _("Cannot Read the Bundle"), error);
      return self;
    }

  self->import = idk_import_new (self->connection, path);
  start_job (self, FALSE, on_prepared_cb);
  return self;
}

/**
 * idk_import_dialog_is_ready:
 *
 * Returns: whether the preview is shown and Apply can be pressed
 */
gboolean
idk_import_dialog_is_ready (IdkImportDialog *self)
{
  g_return_val_if_fail (IDK_IS_IMPORT_DIALOG (self), FALSE);

  return self->state == STATE_READY;
}
