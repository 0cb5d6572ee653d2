/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-actions-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-actions-view-private.h"
#include "idk-details.h"
#include "idk-review-chart.h"
#include "idk-window.h"

/* With a session chosen in the filter, the view heads the list with that
 * session's figures, as its review will show them: completed of all
 * (noting left out) and a chart by owner.  And the table as a file: the
 * rows shown, in the order shown, as CSV. */

/**
 * _idk_actions_view_update_review:
 * @session: (nullable): the session of the filter
 */
void
_idk_actions_view_update_review (IdkActionsView *self,
                                 const char     *session)
{
  g_autoptr(IdkReview) review = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;

  if (self->store == NULL || session == NULL ||
      !(review = idk_store_review_actions_of (self->store, session, NULL)) || review->total == 0)
    {
      gtk_revealer_set_reveal_child (self->review_revealer, FALSE);
      return;
    }

  summary = idk_review_summary (review);
  /* Translators: a session's actions, e.g. "27th IASMN session: 15 of 32 completed, 47 %" */
  text = g_strdup_printf (_("%s: %s"), review->session_title, summary);
  gtk_label_set_text (self->review_label, text);
  gtk_expander_set_child (self->review_expander, idk_review_chart_new (g_steal_pointer (&review)));
  gtk_revealer_set_reveal_child (self->review_revealer, TRUE);
}

static void
on_table_response_cb (IdkActionsView  *self,
                      int              response,
                      GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) table = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  IdkActionQuery query;
  guint n_rows = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  idk_action_list_get_query (self->list, &query);
  if (!idk_store_export_actions (self->store, &query, IDK_TABLE_CSV, TRUE, table, &n_rows, &error) ||
      !g_file_replace_contents (file, table->str, table->len, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, &error))
    {
      idk_details_report (GTK_WIDGET (self), _("Cannot Export the Actions"), error);
      return;
    }

  name = g_file_get_basename (file);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action written to %s", "%u actions written to %s",
                                        n_rows),
                           n_rows, name);
  idk_window_add_toast (IDK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), idk_details_toast_new (title));
}

static void
export_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (widget);

  if (self->list == NULL)
    return;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = idk_details_save_chooser_new (widget, _("Export Actions"), _("CSV tables"), "text/csv", "*.csv",
                                                _("IASMN actions.csv"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_table_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
_idk_actions_view_class_add_review_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "actions.export-table", NULL, export_table_action);
}
