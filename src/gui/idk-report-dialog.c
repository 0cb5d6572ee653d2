/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-details.h"
#include "idk-report-dialog-private.h"

/* Importing a session's final report: the text is read and its proposals
 * found in a worker thread (the names to recognise were taken from the
 * store first, so the worker touches no connection); the dialog then
 * matches them to the store and shows a page per kind, where a person
 * accepts, rejects or corrects each.  Apply writes what is accepted in
 * one transaction, and the window offers Undo for it. */

G_DEFINE_FINAL_TYPE (IdkReportDialog, idk_report_dialog, ADW_TYPE_WINDOW)

static guint
count_to_write (GPtrArray *proposals,
                gsize      offset,
                guint     *accepted)
{
  guint n = 0;

  for (guint i = 0; i < proposals->len; i++)
    {
      const IdkReportMatch *m = (const IdkReportMatch *) ((char *) g_ptr_array_index (proposals, i) + offset);

      *accepted += !m->rejected;
      n += !m->rejected && m->state != IDK_REPORT_SAME;
    }
  return n;
}

void
_idk_report_dialog_update_summary (IdkReportDialog *self)
{
  const IdkReportSession *s;
  GPtrArray *decisions, *meetings, *participants;
  guint to_write = 0, accepted = 0, total;
  g_autofree char *summary = NULL;
  g_autofree char *decided = NULL;
  GHashTableIter iter;
  gpointer message = NULL;

  if (self->report == NULL)
    return;
  s = idk_report_get_session (self->report);
  decisions = idk_report_get_decisions (self->report);
  meetings = idk_report_get_meetings (self->report);
  participants = idk_report_get_participants (self->report);
  to_write += !s->match.rejected && s->match.state != IDK_REPORT_SAME;
  accepted += !s->match.rejected;
  to_write += count_to_write (decisions, G_STRUCT_OFFSET (IdkReportDecision, match), &accepted);
  to_write += count_to_write (meetings, G_STRUCT_OFFSET (IdkReportMeeting, match), &accepted);
  to_write += count_to_write (participants, G_STRUCT_OFFSET (IdkReportParticipant, match), &accepted);
  to_write += count_to_write (idk_report_get_agenda (self->report), G_STRUCT_OFFSET (IdkReportAgendaItem, match),
                              &accepted);
  to_write += count_to_write (idk_report_get_documents (self->report), G_STRUCT_OFFSET (IdkReportDocument, match),
                              &accepted);
  total = 1 + decisions->len + meetings->len + participants->len + idk_report_get_agenda (self->report)->len
          + idk_report_get_documents (self->report)->len;

  decided = g_strdup_printf (ngettext ("%u of %u proposal accepted", "%u of %u proposals accepted", total),
                             accepted, total);
  if (to_write == 0)
    summary = g_strdup_printf (_("%s: the database holds all of it already, Apply writes nothing."), decided);
  else
    summary = g_strdup_printf (ngettext ("%s: %u record to write.", "%s: %u records to write.", to_write),
                               decided, to_write);
  gtk_label_set_text (self->summary_label, summary);

  g_hash_table_iter_init (&iter, self->invalid);
  if (g_hash_table_iter_next (&iter, NULL, &message))
    gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.apply",
                                 to_write > 0 && g_hash_table_size (self->invalid) == 0);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  IdkReportDialog *self = source_object;
  GError *error = NULL;
  IdkReport *report = idk_report_new_from_file (self->file, self->lexicon, cancellable, &error);

  if (report != NULL)
    g_task_return_pointer (task, report, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
show_failure (IdkReportDialog *self,
              GError          *error)
{
  adw_status_page_set_description (self->failure_page, NULL);
  /* The status page's description is markup: the message may quote the file. */
  {
    g_autofree char *escaped = g_markup_escape_text (error->message, -1);

    adw_status_page_set_description (self->failure_page, escaped);
  }
  gtk_stack_set_visible_child_name (self->main_stack, "failed");
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.apply", FALSE);
}

static void
on_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  IdkReportDialog *self = IDK_REPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  IdkReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  if (self->main_stack == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_object (&report);
      return;
    }
  if (report == NULL || !idk_store_match_report (self->store, report, &error))
    {
      g_clear_object (&report);
      show_failure (self, error);
      return;
    }
  self->report = report;
  _idk_report_dialog_build_pages (self);
  _idk_report_dialog_update_summary (self);
  gtk_stack_set_visible_child_name (self->main_stack, "ready");
  gtk_widget_grab_focus (GTK_WIDGET (self->apply_button));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IdkReportDialog *self = IDK_REPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  IdkReportApplied applied;

  if (self->report == NULL || g_hash_table_size (self->invalid) > 0)
    return;
  if (!idk_store_apply_report (self->store, self->report, &applied, &error))
    {
      /* Nothing was written: say which proposal was refused, and keep the dialog. */
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  title = g_strdup_printf (ngettext ("Report imported: %u record written", "Report imported: %u records written",
                                     applied.created + applied.updated),
                           applied.created + applied.updated);
  if (self->window != NULL)
    idk_window_offer_change (GTK_WIDGET (self->window), self->store, title);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IdkReportDialog *self = IDK_REPORT_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
idk_report_dialog_dispose (GObject *object)
{
  IdkReportDialog *self = IDK_REPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), IDK_TYPE_REPORT_DIALOG);
  g_clear_weak_pointer (&self->window);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (idk_report_dialog_parent_class)->dispose (object);
}

static void
idk_report_dialog_finalize (GObject *object)
{
  IdkReportDialog *self = IDK_REPORT_DIALOG (object);

  g_clear_object (&self->report);
  g_clear_pointer (&self->lexicon, idk_report_lexicon_unref);
  g_clear_pointer (&self->invalid, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (idk_report_dialog_parent_class)->finalize (object);
}

static void
idk_report_dialog_class_init (IdkReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = idk_report_dialog_dispose;
  object_class->finalize = idk_report_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkReportDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, IdkReportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, IdkReportDialog, main_stack);
  gtk_widget_class_bind_template_child (widget_class, IdkReportDialog, failure_page);
  gtk_widget_class_bind_template_child (widget_class, IdkReportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IdkReportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IdkReportDialog, view_stack);

  gtk_widget_class_install_action (widget_class, "report.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "report.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "report.cancel", NULL);
}

static void
idk_report_dialog_init (IdkReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
  self->invalid = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.apply", FALSE);
}

/**
 * idk_report_dialog_new:
 * @file: a report's text (.txt, or the Markdown-like .md of the seeds)
 *
 * Returns: (transfer floating): the dialog, reading @file
 */
IdkReportDialog *
idk_report_dialog_new (IdkWindow *window,
                       GFile     *file)
{
  IdkReportDialog *self;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (IDK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (IDK_TYPE_REPORT_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->store = g_object_ref (idk_window_get_store (window));
  self->file = g_object_ref (file);
  self->cancellable = g_cancellable_new ();

  if (!(self->lexicon = idk_store_load_report_lexicon (self->store, &error)))
    {
      show_failure (self, error);
      return self;
    }
  task = g_task_new (self, self->cancellable, on_read_cb, NULL);
  g_task_set_source_tag (task, idk_report_dialog_new);
  g_task_run_in_thread (task, read_thread);
  return self;
}

/**
 * idk_report_dialog_is_ready:
 *
 * Returns: whether the report was read and its proposals are shown
 */
gboolean
idk_report_dialog_is_ready (IdkReportDialog *self)
{
  g_return_val_if_fail (IDK_IS_REPORT_DIALOG (self), FALSE);

  return self->report != NULL;
}
