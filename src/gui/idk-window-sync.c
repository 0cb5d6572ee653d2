/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-details.h"
#include "idk-hub-dialog.h"
#include "idk-keyring.h"
#include "idk-window-private.h"

/* Syncing through the hub: Sync Now, the automatic sync while the window
 * is open, and the password, kept for this run and in the keyring.  The
 * sync runs in a worker on its own connection; the header bar shows its
 * progress and cancels it; a refusal is shown as a file import's is. */

typedef struct
{
  IdkStore *connection;
  char *url;
  char *user;
  char *password;
  IdkHubCounts counts;
  char **pulled_from;  /* the offices whose bundles arrived */
  gint done;           /* bundles of the feed read, for the header bar */
  gint total;
} SyncJob;

static void
sync_job_free (SyncJob *job)
{
  g_clear_object (&job->connection);
  g_free (job->url);
  g_free (job->user);
  g_free (job->password);
  g_strfreev (job->pulled_from);
  g_free (job);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  SyncJob *job = user_data;

  g_atomic_int_set (&job->total, total);
  g_atomic_int_set (&job->done, done);
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SyncJob *job = task_data;
  g_autoptr(IdkHub) hub = idk_hub_new (job->url, job->user, job->password);
  GError *error = NULL;

  gboolean ok;

  idk_hub_set_progress (hub, on_progress, job);
  ok = idk_hub_push (hub, job->connection, &job->counts, cancellable, &error)
       && idk_hub_pull (hub, job->connection, &job->counts, cancellable, &error);
  job->pulled_from = g_strdupv ((char **) idk_hub_get_pulled_from (hub));
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* "Syncing…", then "Syncing 3 of 12…" once the feed is read. */
static gboolean
update_progress_cb (gpointer user_data)
{
  IdkWindow *self = user_data;
  SyncJob *job = self->sync_job;
  guint done = g_atomic_int_get (&job->done), total = g_atomic_int_get (&job->total);
  g_autofree char *text = NULL;

  if (total > 0)
    {
      g_autofree char *done_text = g_strdup_printf ("%u", MIN (done + 1, total));
      g_autofree char *total_text = g_strdup_printf ("%u", total);

      /* TRANSLATORS: bundles of the hub's feed, "Syncing 3 of 12…" */
      text = g_strdup_printf (_("Syncing %s of %s…"), done_text, total_text);
      gtk_label_set_text (self->sync_label, text);
    }
  return G_SOURCE_CONTINUE;
}

static void
set_syncing (IdkWindow *self,
             gboolean   syncing)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sync_button), syncing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync", !syncing);
  if (syncing)
    {
      gtk_label_set_text (self->sync_label, _("Syncing…"));
      gtk_spinner_start (self->sync_spinner);
      self->sync_progress = g_timeout_add (200, update_progress_cb, self);
    }
  else
    {
      gtk_spinner_stop (self->sync_spinner);
      g_clear_handle_id (&self->sync_progress, g_source_remove);
    }
}

static void
on_settings_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         IdkWindow        *self)
{
  if (g_strcmp0 (response, "settings") == 0)
    idk_window_ask_hub (self, NULL);
}

/* As a file import shows a bundle it refused: what, and that nothing of
 * it was applied. */
static void
show_failure (IdkWindow *self,
              GError    *error)
{
  AdwMessageDialog *dialog;
  const char *heading = _("Sync Stopped");
  g_autofree char *body = NULL;

  if (error->domain != IDK_HUB_ERROR)
    {
      heading = _("The Bundle Was Not Imported");
      body = g_strdup_printf (_("%s\n\nNothing of this bundle was applied; the bundles before it were."),
                              error->message);
    }
  else if (g_error_matches (error, IDK_HUB_ERROR, IDK_HUB_ERROR_DENIED))
    heading = _("The Hub Refused the Password");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  adw_message_dialog_set_body (dialog, body != NULL ? body : error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (error->domain == IDK_HUB_ERROR)
    {
      adw_message_dialog_add_response (dialog, "settings", _("_Hub Settings…"));
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_settings_response_cb), self, 0);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
counts_text (SyncJob *job)
{
  const IdkHubCounts *counts = &job->counts;
  g_autofree char *pulled = NULL, *from = NULL;

  if (counts->pulled == 0 && counts->pushed == 0)
    return g_strdup (_("Up to date with the hub"));
  if (counts->pulled == 0)
    return g_strdup_printf (ngettext ("%u bundle sent", "%u bundles sent", counts->pushed), counts->pushed);

  /* TRANSLATORS: the offices whose bundles arrived, "Geneva HQ, Nairobi" */
  from = g_strjoinv (_(", "), job->pulled_from);
  /* TRANSLATORS: "2 bundles arrived from Geneva HQ" */
  pulled = g_strdup_printf (ngettext ("%u bundle arrived from %s", "%u bundles arrived from %s", counts->pulled),
                            counts->pulled, from);
  if (counts->pushed == 0)
    return g_steal_pointer (&pulled);
  /* TRANSLATORS: "2 bundles arrived from Geneva HQ; 1 sent" */
  return g_strdup_printf (ngettext ("%s; %u sent", "%s; %u sent", counts->pushed), pulled, counts->pushed);
}

static void
on_synced_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  IdkWindow *self = IDK_WINDOW (object);
  SyncJob *job = g_task_get_task_data (G_TASK (result));
  gboolean manual = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (result), "manual"));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self->store == NULL)
    return;
  set_syncing (self, FALSE);
  self->sync_job = NULL;
  g_clear_object (&self->sync_cancellable);

  /* What was imported before a refusal stays imported: the views reload. */
  if (job->counts.pulled > 0)
    idk_store_notify_changed (self->store);

  if (ok)
    {
      g_autofree char *text = counts_text (job);

      g_clear_pointer (&self->sync_error, g_free);
      if (manual || job->counts.pulled > 0)
        idk_window_add_toast (self, idk_details_toast_new (text));
      return;
    }
  /* Cut short in a request, or in an import (which rolls back). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_error_matches (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_CANCELLED))
    {
      idk_window_add_toast (self, idk_details_toast_new (_("Sync cancelled: what arrived before is kept")));
      return;
    }
  /* An automatic sync that fails as the last one did says so once. */
  if (manual || g_strcmp0 (self->sync_error, error->message) != 0)
    show_failure (self, error);
  g_free (self->sync_error);
  self->sync_error = g_strdup (error->message);
}

static void
start_sync (IdkWindow *self,
            gboolean   manual)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  SyncJob *job = g_new0 (SyncJob, 1);

  job->url = idk_store_get_hub_url (self->store);
  job->user = idk_store_get_hub_user (self->store);
  job->password = g_strdup (self->hub_password);
  job->connection = idk_store_open_connection (self->store, &error);
  if (job->url == NULL || job->connection == NULL)
    {
      if (error != NULL)
        show_failure (self, error);
      sync_job_free (job);
      return;
    }

  self->sync_cancellable = g_cancellable_new ();
  self->sync_job = job;
  set_syncing (self, TRUE);
  task = g_task_new (self, self->sync_cancellable, on_synced_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) sync_job_free);
  g_object_set_data (G_OBJECT (task), "manual", GINT_TO_POINTER (manual));
  g_task_run_in_thread (task, sync_thread);
}

static void
on_password_found_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(IdkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = idk_keyring_lookup_password_finish (result, &error);
  gboolean manual = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "sync-manual"));

  self->looking_up = FALSE;
  if (self->store == NULL)
    return;
  if (password == NULL)
    {
      g_autofree char *message = NULL;

      if (error != NULL)
        message = g_strdup_printf (_("The keyring could not be read (%s): enter the hub’s password."), error->message);
      if (manual)
        idk_window_ask_hub (self, message != NULL ? message : _("Enter the hub’s password."));
      else if (self->sync_error == NULL)
        {
          self->sync_error = g_strdup ("no password");
          idk_window_add_toast (self, idk_details_toast_new (_("Automatic sync is waiting for the hub’s password")));
        }
      return;
    }
  g_free (self->hub_password);
  self->hub_password = g_steal_pointer (&password);
  start_sync (self, manual);
}

/**
 * idk_window_sync:
 * @manual: Sync Now, rather than the automatic sync
 *
 * Pushes this office's changes to its hub and pulls what the others
 * sent; without a hub, Sync Now asks for one.
 */
void
idk_window_sync (IdkWindow *self,
                 gboolean   manual)
{
  g_autofree char *url = NULL, *user = NULL;

  g_return_if_fail (IDK_IS_WINDOW (self));

  if (self->sync_job != NULL || self->looking_up)
    return;
  url = idk_store_get_hub_url (self->store);
  if (url == NULL)
    {
      if (manual)
        idk_window_ask_hub (self, _("This office has no hub yet: give its database’s address."));
      return;
    }
  user = idk_store_get_hub_user (self->store);
  if (user != NULL && self->hub_password == NULL)
    {
      self->looking_up = TRUE;
      g_object_set_data (G_OBJECT (self), "sync-manual", GINT_TO_POINTER (manual));
      idk_keyring_lookup_password (url, user, NULL, on_password_found_cb, g_object_ref (self));
      return;
    }
  start_sync (self, manual);
}

gboolean
idk_window_is_syncing (IdkWindow *self)
{
  g_return_val_if_fail (IDK_IS_WINDOW (self), FALSE);

  return self->sync_job != NULL || self->looking_up;
}

static gboolean
on_sync_timeout_cb (gpointer user_data)
{
  idk_window_sync (IDK_WINDOW (user_data), FALSE);
  return G_SOURCE_CONTINUE;
}

/**
 * idk_window_get_sync_minutes:
 *
 * Returns: the minutes between automatic syncs now scheduled, 0 for none
 */
guint
idk_window_get_sync_minutes (IdkWindow *self)
{
  g_return_val_if_fail (IDK_IS_WINDOW (self), 0);

  return self->sync_timeout != 0 ? self->sync_minutes : 0;
}

static void
on_password_stored_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(IdkWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!idk_keyring_store_password_finish (result, &error) && self->store != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The keyring did not keep the hub’s password (%s): it is used "
                                                 "until IASMN Desk closes"), error->message);

      idk_window_add_toast (self, idk_details_toast_new (text));
    }
}

/**
 * idk_window_hub_changed:
 * @password: (nullable): the password given, or %NULL or "" to keep the
 *   one in the keyring
 *
 * Takes the hub's settings as the store now has them: the password for
 * this run and into the keyring, and the automatic sync.
 */
void
idk_window_hub_changed (IdkWindow  *self,
                        const char *password)
{
  g_autofree char *url = NULL, *user = NULL;

  g_return_if_fail (IDK_IS_WINDOW (self));

  url = idk_store_get_hub_url (self->store);
  user = idk_store_get_hub_user (self->store);
  if (password != NULL && *password != '\0')
    {
      g_free (self->hub_password);
      self->hub_password = g_strdup (password);
      if (url != NULL && user != NULL)
        idk_keyring_store_password (url, user, password, NULL, on_password_stored_cb, g_object_ref (self));
    }
  g_clear_pointer (&self->sync_error, g_free);

  g_clear_handle_id (&self->sync_timeout, g_source_remove);
  self->sync_minutes = url != NULL ? idk_store_get_hub_minutes (self->store) : 0;
  if (self->sync_minutes > 0)
    self->sync_timeout = g_timeout_add_seconds (self->sync_minutes * 60, on_sync_timeout_cb, self);
}

const char *
idk_window_get_hub_password (IdkWindow *self)
{
  g_return_val_if_fail (IDK_IS_WINDOW (self), NULL);

  return self->hub_password;
}

/**
 * idk_window_forget_hub_password:
 *
 * Forgets the password held for this run: the next sync reads the keyring.
 */
void
idk_window_forget_hub_password (IdkWindow *self)
{
  g_return_if_fail (IDK_IS_WINDOW (self));

  g_clear_pointer (&self->hub_password, g_free);
}

GtkWindow *
idk_window_ask_hub (IdkWindow  *self,
                    const char *message)
{
  IdkHubDialog *dialog;

  g_return_val_if_fail (IDK_IS_WINDOW (self), NULL);

  dialog = idk_hub_dialog_new (self, message);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  idk_window_sync (IDK_WINDOW (widget), TRUE);
}

static void
cancel_sync_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_cancellable_cancel (IDK_WINDOW (widget)->sync_cancellable);
}

static void
hub_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  idk_window_ask_hub (IDK_WINDOW (widget), NULL);
}

void
_idk_window_class_add_sync_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-sync", NULL, cancel_sync_action);
  gtk_widget_class_install_action (widget_class, "win.hub", NULL, hub_action);
}

void
_idk_window_dispose_sync (IdkWindow *self)
{
  g_cancellable_cancel (self->sync_cancellable);
  g_clear_object (&self->sync_cancellable);
  g_clear_handle_id (&self->sync_timeout, g_source_remove);
  g_clear_handle_id (&self->sync_progress, g_source_remove);
  self->sync_job = NULL;
  g_clear_pointer (&self->hub_password, g_free);
  g_clear_pointer (&self->sync_error, g_free);
}
