/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-actions-view.h"
#include "idk-calendar-view.h"
#include "idk-form.h"
#include "idk-gui-test-util.h"
#include "idk-print-operation.h"
#include "idk-review-chart.h"
#include "idk-split-view.h"
#include "idk-window.h"

/* The session cycle in the real window: planning with its checks, a
 * day's overrun, carrying actions over, exporting the calendar and
 * printing — asserted on screen and in the files and database. */

static IdkForm *
find_form (const char *title)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (IDK_IS_FORM (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (gtk_window_get_title (l->data), title) == 0)
      return l->data;
  g_error ("No form “%s” is open", title);
}

static GtkWidget *
select_meeting (GuiFixture *fixture,
                const char *number)
{
  GtkWidget *view = show_view (fixture, "calendar");
  g_autofree char *uuid = idk_store_find_meeting (fixture->db.store, number);

  g_assert_nonnull (uuid);
  g_assert_true (idk_split_view_select_uuid (IDK_SPLIT_VIEW (view), uuid));
  idk_gui_settle (50);
  return view;
}

static gboolean
is_chart (GtkWidget *widget,
          gpointer   data)
{
  return IDK_IS_REVIEW_CHART (widget);
}

static void
test_plan_session (GuiFixture    *fixture,
                   gconstpointer  data)
{
  GtkWidget *view;
  IdkForm *form;
  g_autofree char *session = NULL;
  gint64 before = idk_test_query_int (fixture->db.db_path, "SELECT count(*) FROM meetings");

  /* Ctrl+Shift+N, from any view. */
  show_view (fixture, "actions");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.plan-session", NULL);
  g_assert_cmpstr (idk_window_get_view (fixture->window), ==, "calendar");
  form = find_form ("Plan Session");

  /* Before any date: what is missing, nothing written. */
  idk_gui_wait_for_label (GTK_WIDGET (form), "Give the first day as a date");

  idk_form_set_text (form, "start_date", "2019-02-05");
  idk_form_set_text (form, "days", "4");
  idk_form_set_text (form, "city", "Geneva");
  /* Both meetings and the checks, live. */
  idk_gui_wait_for_text (GTK_WIDGET (form), "29th IASMN session");
  idk_gui_wait_for_text (GTK_WIDGET (form), "Steering Group, ahead of the 29th IASMN session");
  idk_gui_wait_for_label (GTK_WIDGET (form), "25–26 December 2018 · 6 weeks ahead");
  idk_gui_wait_for_label (GTK_WIDGET (form), "This session lasts 4 days; since February 2015 IASMN sessions last at most 3.");
  g_assert_cmpint (idk_test_query_int (fixture->db.db_path, "SELECT count(*) FROM meetings"), ==, before);

  /* Three days: that check is gone. */
  idk_form_set_text (form, "days", "3");
  idk_gui_wait_until_gone (GTK_WIDGET (form), "This session lasts 4 days");
  g_assert_true (idk_form_save (form));
  idk_gui_settle (50);

  g_assert_cmpint (idk_test_query_int (fixture->db.db_path, "SELECT count(*) FROM meetings"), ==, before + 2);
  session = idk_store_find_meeting (fixture->db.store, "29");
  g_assert_nonnull (session);
  view = idk_window_get_view_widget (fixture->window, "calendar");
  g_assert_true (IDK_IS_MEETING (idk_split_view_get_selected_item (IDK_SPLIT_VIEW (view))));
  g_assert_cmpstr (idk_meeting_get_uuid (idk_split_view_get_selected_item (IDK_SPLIT_VIEW (view))), ==, session);
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "29th IASMN session planned, with its Steering Group session");
  /* Its page opens with the review item and the review of the 28th. */
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "Review of the actions of the 28th IASMN session");
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "Review of the Actions of the 28th IASMN session");

  /* One Undo takes both meetings away. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  idk_gui_settle (50);
  g_assert_cmpint (idk_test_query_int (fixture->db.db_path, "SELECT count(*) FROM meetings"), ==, before);
}

static void
test_overrun_warning (GuiFixture    *fixture,
                      gconstpointer  data)
{
  GtkWidget *view = select_meeting (fixture, "27");
  g_autofree char *meeting = idk_store_find_meeting (fixture->db.store, "27");
  IdkForm *form;

  /* The last day closes at 14:30 as planned: no warning. */
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "Planned end 14:30");
  g_assert_null (idk_gui_find (GTK_WIDGET (fixture->window), idk_gui_label_contains, "past its planned end"));

  form = idk_calendar_view_edit_agenda_item (IDK_CALENDAR_VIEW (view), meeting, NULL);
  idk_form_set_text (form, "title", "Closing remarks");
  idk_form_set_choice (form, "day", "2018-02-08");
  idk_form_set_text (form, "start_time", "14:30");
  idk_form_set_text (form, "end_time", "15:15");
  if (!idk_form_save (form))
    {
      const char *field = NULL;
      const char *message = idk_form_get_error (form, &field);

      g_error ("%s: %s", field, message);
    }

  idk_gui_wait_for_label (GTK_WIDGET (fixture->window),
                          "The day runs until 15:15, 45 min past its planned end (14:30).");

  /* A later planned end, through the day's button: the warning goes. */
  gtk_widget_activate_action_variant (view, "calendar.set-day-end", g_variant_new_string ("2018-02-08"));
  form = find_form ("Planned End of the Day");
  g_assert_cmpstr (idk_form_get_text (form, "planned_end"), ==, "14:30");
  idk_form_set_text (form, "planned_end", "25:00");
  g_assert_false (idk_form_save (form));
  idk_gui_wait_for_label (GTK_WIDGET (form), "Give the time as hours and minutes: 17:30.");
  idk_form_set_text (form, "planned_end", "15:30");
  g_assert_true (idk_form_save (form));
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "Planned end 15:30");
  idk_gui_wait_until_gone (GTK_WIDGET (fixture->window), "past its planned end");
}

static void
test_carry_over (GuiFixture    *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkPlanResult) plan = NULL;
  IdkSessionPlan values = { "2019-02-05", 3, "Geneva", NULL, -1, NULL };
  GtkWidget *chart;

  select_meeting (fixture, "28");
  idk_gui_wait_for_text (GTK_WIDGET (fixture->window), "0 of 39 completed, 0 %");
  chart = idk_gui_wait_for (GTK_WIDGET (fixture->window), is_chart, NULL, "The review's chart");
  g_assert_cmpint (gtk_widget_get_height (chart), >, 100);
  /* The figures as text, also for screen readers. */
  g_assert_nonnull (gtk_widget_get_tooltip_text (chart));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (chart), "UNDSS: 4 Open"));

  idk_gui_wait_for (GTK_WIDGET (fixture->window), is_button_labelled, "_Carry Over 39 Open Actions", "Carry Over");
  gtk_widget_activate_action (idk_window_get_view_widget (fixture->window, "calendar"), "calendar.carry-over", NULL);
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "39 actions carried over to the 28th IASMN session");
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "39 open, 39 carried over to this meeting");
  g_assert_cmpint (idk_test_query_int (fixture->db.db_path,
                                       "SELECT count(*) FROM actions WHERE carried_to LIKE '[%'"), ==, 39);
  g_assert_cmpint (idk_test_query_int (fixture->db.db_path, "SELECT count(*) FROM action_updates"), ==, 39);

  /* An action's page says where it was carried from and to. */
  {
    GtkWidget *actions = show_view (fixture, "actions");
    g_autofree char *uuid = idk_store_find_action (fixture->db.store, "27/18");
    guint position = G_MAXUINT;
    IdkActionList *list = idk_actions_view_get_list (IDK_ACTIONS_VIEW (actions));

    for (guint i = 0; i < 100 && position == G_MAXUINT; i++)
      {
        idk_gui_settle (20);
        for (guint p = 0; p < g_list_model_get_n_items (G_LIST_MODEL (list)); p++)
          {
            g_autofree char *at = idk_action_list_get_uuid (list, p);

            if (g_strcmp0 (at, uuid) == 0)
              position = p;
          }
      }
    g_assert_cmpuint (position, !=, G_MAXUINT);
    idk_actions_view_show_action (IDK_ACTIONS_VIEW (actions), position);
    idk_gui_wait_for_text (actions, "Carried over from 27th IASMN session to 28th IASMN session");
    idk_actions_view_hide_action (IDK_ACTIONS_VIEW (actions));
  }

  /* The next session reviews them with the 28th's own. */
  plan = idk_store_plan_session (fixture->db.store, &values, FALSE, &error);
  g_assert_no_error (error);
  select_meeting (fixture, "29");
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "Review of the Actions of the 28th IASMN session");
  idk_gui_wait_for_text (GTK_WIDGET (fixture->window), "0 of 39 completed, 0 %");
}

static GtkWidget *
wait_for_file_dialog (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GList) windows = gtk_window_list_toplevels ();

      for (GList *l = windows; l != NULL; l = l->next)
        if (GTK_IS_FILE_CHOOSER_DIALOG (l->data) && gtk_widget_get_visible (l->data))
          return l->data;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_error ("No file chooser appeared");
}

/* Types the file's name into the dialog; its folder loads in the
 * background, so until the dialog says it holds that file. */
static void
choose_file (GtkWidget  *dialog,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_path_get_basename (path);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* The dialog loads its first folder (the working directory) in the
   * background, and may go back to it once loaded: the file must still
   * be the one chosen a while after. */
  for (guint stable = 0; g_get_monotonic_time () < deadline;)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (chosen != NULL && g_file_equal (chosen, file))
        {
          if (++stable == 3)
            return;
          idk_gui_settle (100);
          continue;
        }
      stable = 0;
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
      idk_gui_settle (100);
    }
  g_error ("The file chooser did not take %s", path);
}

static void
test_export_ics (GuiFixture    *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view = select_meeting (fixture, "27");
  g_autofree char *path = g_build_filename (fixture->db.dir, "IASMN <calendar>.ics", NULL);
  g_autofree char *text = NULL;
  GtkFileChooserNative *chooser;
  GtkWidget *dialog;

  /* The calendar's menu item. */
  gtk_widget_activate_action (view, "calendar.export-calendar", NULL);
  chooser = idk_calendar_view_get_chooser (IDK_CALENDAR_VIEW (view));
  g_assert_nonnull (chooser);

  /* Without a portal, GTK shows its own dialog: the user's steps in it. */
  dialog = wait_for_file_dialog ();
  choose_file (dialog, path);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "timed", "true");
  /* Export, as the user clicks it. */
  g_signal_emit_by_name (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT), "clicked");

  /* The name is text, not markup, in the toast. */
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "events written to IASMN <calendar>.ics");
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:27th IASMN session\\, day 1"));
  g_assert_null (idk_calendar_view_get_chooser (IDK_CALENDAR_VIEW (view)));
}

static gboolean
is_session_filter (GtkWidget *widget,
                   gpointer   data)
{
  GListModel *model;

  if (!GTK_IS_DROP_DOWN (widget) || !(model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget))) ||
      !GTK_IS_STRING_LIST (model))
    return FALSE;
  return g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), "All sessions") == 0;
}

static void
test_actions_review_and_csv (GuiFixture    *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view = show_view (fixture, "actions");
  GtkWidget *filter = idk_gui_wait_for (view, is_session_filter, NULL, "The session filter");
  GtkStringList *sessions = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (filter)));
  g_autofree char *path = g_build_filename (fixture->db.dir, "actions.csv", NULL);
  g_autofree char *text = NULL;
  guint position = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sessions)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (sessions, i), "27th IASMN session") == 0)
      position = i;
  g_assert_cmpuint (position, >, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), position);

  /* The session's figures head the list, as its review counts them. */
  idk_gui_wait_for_text (view, "27th IASMN session: 0 of 39 completed, 0 %");

  /* The rows shown, as a table. */
  gtk_widget_activate_action (view, "actions.export-table", NULL);
  choose_file (wait_for_file_dialog (), path);
  g_signal_emit_by_name (gtk_dialog_get_widget_for_response (GTK_DIALOG (wait_for_file_dialog ()), GTK_RESPONSE_ACCEPT),
                         "clicked");
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "47 actions written to actions.csv");
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_true (g_str_has_prefix (text, "Reference,Session,Topic,Text,Owner,Due,Status,Last update,Kind,"));
  g_assert_nonnull (strstr (text, "\r\n27/4,27th IASMN session,"));
  g_assert_null (strstr (text, "\r\n21/"));
}

static void
test_print_record (GuiFixture    *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view = select_meeting (fixture, "27");
  g_autofree char *meeting = idk_store_find_meeting (fixture->db.store, "27");
  g_autofree char *pdf = g_build_filename (fixture->db.dir, "record.pdf", NULL);
  g_autofree char *text = NULL;
  gsize length;

  /* Through GtkPrintOperation, as Print… does, to a file. */
  g_assert_true (idk_print_run (view, fixture->db.store, IDK_PRINT_RECORD, meeting, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &text, &length, &error));
  g_assert_true (g_str_has_prefix (text, "%PDF"));
  g_assert_cmpuint (length, >, 20000);
}

int
main (int   argc,
      char *argv[])
{
  idk_gui_init (&argc, &argv);

#define GUI_TEST(path, func) g_test_add (path, GuiFixture, NULL, gui_set_up, func, gui_tear_down)

  GUI_TEST ("/gui-cycle/plan-session", test_plan_session);
  GUI_TEST ("/gui-cycle/overrun-warning", test_overrun_warning);
  GUI_TEST ("/gui-cycle/carry-over", test_carry_over);
  GUI_TEST ("/gui-cycle/export-ics", test_export_ics);
  GUI_TEST ("/gui-cycle/actions-review-and-csv", test_actions_review_and_csv);
  GUI_TEST ("/gui-cycle/print-record", test_print_record);

  return g_test_run ();
}
