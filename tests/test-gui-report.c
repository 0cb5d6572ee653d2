/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-gui-test-util.h"
#include "idk-actions-view.h"
#include "idk-report-dialog.h"
#include "idk-window.h"

/* The report dialog in the real window: a report is read, one decision
 * rejected, one owner corrected (a wrong name first, refused at the
 * field), Apply; the actions are in the Actions view; Undo takes the
 * import back. */

static GtkWidget *
wait_for_dialog (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      GList *toplevels = gtk_window_list_toplevels ();
      GtkWidget *found = NULL;

      for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
        if (IDK_IS_REPORT_DIALOG (l->data) && gtk_widget_get_mapped (l->data)
            && idk_report_dialog_is_ready (l->data))
          found = l->data;
      g_list_free (toplevels);
      if (found != NULL)
        return found;
      if (g_get_monotonic_time () > deadline)
        g_error ("The report dialog was not ready");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static gboolean
is_expander_titled (GtkWidget *widget,
                    gpointer   title)
{
  return ADW_IS_EXPANDER_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_entry_titled (GtkWidget *widget,
                 gpointer   title)
{
  return ADW_IS_ENTRY_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_check (GtkWidget *widget,
          gpointer   data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

static GtkWidget *
decision_row (GtkWidget  *dialog,
              const char *title)
{
  GtkWidget *row = idk_gui_find (dialog, is_expander_titled, (gpointer) title);

  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  idk_gui_settle (50);
  return row;
}

static gint64
count (GuiFixture *fixture,
       const char *sql)
{
  return idk_test_query_int (fixture->db.db_path, sql);
}

static void
test_import_report (GuiFixture    *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "reports", "iasmn-29th-session-short.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog, *row, *owners, *view;
  gint64 actions = count (fixture, "SELECT count(*) FROM actions");
  gint64 revisions = count (fixture, "SELECT count(*) FROM revisions");
  g_autofree char *toast = NULL;

  /* Opened as a file is: a .md is a report, not a bundle. */
  idk_window_open_file (fixture->window, file);
  dialog = wait_for_dialog ();
  idk_gui_settle (100);
  idk_gui_wait_for_label (dialog, "Requested UNDSS to share the aviation risk analysis with members by 30 September 2019.");

  /* Reject "Took note of the update." */
  row = decision_row (dialog, "Took note of the update.");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (idk_gui_find (row, is_check, NULL)), FALSE);

  /* Correct the owners of 29/4b: a name the store does not know is refused at the field. */
  row = decision_row (dialog, "Requested UNDSS to share the aviation risk analysis with members by 30 September 2019.");
  owners = idk_gui_wait_for (row, is_entry_titled, "Owners", "The Owners field of 29/4b");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owners)), ==, "UNDSS");
  gtk_editable_set_text (GTK_EDITABLE (owners), "UNDSS, Ministry of Magic");
  idk_gui_settle (50);
  g_assert_true (gtk_widget_has_css_class (owners, "error"));
  g_assert_false (gtk_widget_is_sensitive (idk_gui_find (dialog, is_button_labelled, "_Apply")));
  idk_gui_wait_for_label (dialog, "No organization or working group is called “Ministry of Magic”");
  gtk_editable_set_text (GTK_EDITABLE (owners), "UNDSS, ITU");
  idk_gui_settle (50);
  g_assert_false (gtk_widget_has_css_class (owners, "error"));
  g_assert_true (gtk_widget_is_sensitive (idk_gui_find (dialog, is_button_labelled, "_Apply")));

  gtk_widget_activate_action (dialog, "report.apply", NULL);
  idk_gui_settle (200);

  /* Written: the session, its decisions but the rejected one, with the corrected owners. */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings WHERE number = 29"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM actions"), ==, actions + 6);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM actions WHERE reference = '29/3c'"), ==, 0);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (fixture->db.db_path,
                                                       "SELECT group_concat (l.label, ',') FROM action_owner_labels l "
                                                       "JOIN actions a ON a.uuid = l.action "
                                                       "WHERE a.reference = '29/4b' ORDER BY l.ordinal")),
                   ==, "UNDSS,ITU");

  /* The Actions view shows them. */
  view = show_view (fixture, "actions");
  idk_actions_view_set_search (IDK_ACTIONS_VIEW (view), "aviation risk analysis");
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "29/4b");

  /* Undo, from the toast's action: nothing of the report is left.  The
   * toast counts the records written, one revision each. */
  toast = g_strdup_printf ("Report imported: %" G_GINT64_FORMAT " records written",
                           count (fixture, "SELECT count(*) FROM revisions") - revisions);
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), toast);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  idk_gui_settle (200);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM meetings WHERE number = 29"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM actions"), ==, actions);
}

/* A file that is not a report's text: the dialog says why, Apply stays off. */
static void
test_refused (GuiFixture    *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->db.dir, "latin1.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog = NULL;

  g_assert_true (g_file_set_contents (path, "1. The IASMN met in Gen\xe8ve.\n", -1, NULL));
  idk_window_open_report (fixture->window, file);
  for (guint i = 0; i < 200 && dialog == NULL; i++)
    {
      GList *toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (IDK_IS_REPORT_DIALOG (l->data))
          dialog = l->data;
      g_list_free (toplevels);
      idk_gui_settle (10);
    }
  g_assert_nonnull (dialog);
  idk_gui_wait_for_text (dialog, "The Report Was Not Read");
  idk_gui_wait_for_label (dialog, "Line 1 of the report is not UTF-8 text");
  g_assert_false (idk_report_dialog_is_ready (IDK_REPORT_DIALOG (dialog)));
  gtk_widget_activate_action (dialog, "report.cancel", NULL);
}

int
main (int    argc,
      char **argv)
{
  idk_gui_init (&argc, &argv);

  g_test_add ("/gui-report/import", GuiFixture, NULL, gui_set_up, test_import_report, gui_tear_down);
  g_test_add ("/gui-report/refused", GuiFixture, NULL, gui_set_up, test_refused, gui_tear_down);
  return g_test_run ();
}
