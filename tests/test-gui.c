/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-accountability-view.h"
#include "idk-actions-view.h"
#include "idk-calendar-view.h"
#include "idk-conflicts-window.h"
#include "idk-export-dialog.h"
#include "idk-form.h"
#include "idk-import-dialog.h"
#include "idk-office-dialog.h"
#include "idk-month-grid.h"
#include "idk-gui-test-util.h"
#include "idk-window.h"
#include "idk-working-groups-view.h"

/* The real window under Xvfb, driven through its actions and widgets, with
 * assertions on what is on screen. */

static gboolean
is_search_entry (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static gboolean
is_column_view (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

static void
type_search (GtkWidget  *view,
             const char *text)
{
  GtkWidget *entry = idk_gui_find (view, is_search_entry, NULL);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Every composite template builds; a broken .ui fails here, since
 * GtkBuilder's errors are fatal in tests. */
static void
test_templates (void)
{
  GType types[] = {
    IDK_TYPE_ACCOUNTABILITY_VIEW, IDK_TYPE_CALENDAR_VIEW, IDK_TYPE_WORKING_GROUPS_VIEW,
    IDK_TYPE_ACTIONS_VIEW,
  };
  GType window_types[] = {
    IDK_TYPE_IMPORT_DIALOG, IDK_TYPE_EXPORT_DIALOG, IDK_TYPE_OFFICE_DIALOG, IDK_TYPE_CONFLICTS_WINDOW,
  };
  const char *row_templates[] = { "idk-actor-row.ui", "idk-meeting-row.ui", "idk-working-group-row.ui" };
  g_autoptr(GtkBuilder) overlay = gtk_builder_new_from_resource ("/io/github/iasmndesk/Desk/gtk/help-overlay.ui");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("idk-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "desk.sqlite3", NULL);
  g_autoptr(IdkStore) store = idk_store_open (path, IDK_STORE_OPEN_EMPTY, &error);
  IdkWindow *window;

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_new (types[i], NULL);

      g_object_ref_sink (widget);
      g_assert_finalize_object (widget);
    }

  /* Windows belong to GTK until destroyed. */
  for (guint i = 0; i < G_N_ELEMENTS (window_types); i++)
    {
      GtkWidget *widget = g_object_new (window_types[i], NULL);

      g_assert_true (GTK_IS_WINDOW (widget));
      gtk_window_destroy (GTK_WINDOW (widget));
    }

  /* The list rows are templates of their own, read by list factories. */
  for (guint i = 0; i < G_N_ELEMENTS (row_templates); i++)
    {
      g_autofree char *resource = g_strconcat ("/io/github/iasmndesk/Desk/", row_templates[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, &error);

      g_assert_no_error (error);
      g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "<template class=\"GtkListItem\">"));
    }

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (overlay, "help_overlay")));

  window = idk_window_new (NULL, store);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  idk_test_remove_tree (dir);
}

static void
test_accountability (GuiFixture    *fixture,
                     gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "accountability");
  IdkActor *actor;

  /* The tree shows the Designated Official under the USG. */
  idk_gui_wait_for_label (view, "Designated Official");
  idk_gui_wait_for_label (view, "Under-Secretary-General for Safety and Security");

  g_assert_true (idk_split_view_select_uuid (IDK_SPLIT_VIEW (view),
                                             idk_test_keep (idk_test_query_text (fixture->db.db_path,
                                               "SELECT uuid FROM actors WHERE code = 'DO'"))));
  idk_gui_wait_for_label (view, "Chairs the SMT and submits minutes to UNDSS");
  idk_gui_wait_for_label (view, "Responsibilities");

  /* A search by person finds the post he held. */
  type_search (view, "Harrington");
  idk_gui_wait_for_label (view, "Security Adviser, Philippines");
  actor = idk_split_view_get_selected_item (IDK_SPLIT_VIEW (view));
  g_assert_nonnull (actor);
  g_assert_cmpstr (idk_actor_get_code (actor), ==, "CSA");

  type_search (view, "nobody-by-this-name");
  idk_gui_wait_for_label (view, "No role, person or place matches the search.");
}

/* Appointing a Country Security Focal Point: the post for Haiti first
 * stands vacant, then the appointment fills it. */
static void
test_accountability_appoint (GuiFixture    *fixture,
                             gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "accountability");
  const char *path = fixture->db.db_path;
  const char *post;
  IdkForm *form;

  g_assert_true (idk_split_view_select_uuid (IDK_SPLIT_VIEW (view),
                                             idk_test_keep (idk_test_query_text (path,
                                               "SELECT uuid FROM actors WHERE code = 'CSFP'"))));
  idk_gui_wait_for_label (view, "Nobody is recorded in this role");

  form = idk_accountability_view_appoint (IDK_ACCOUNTABILITY_VIEW (view), NULL);
  g_assert_false (idk_form_save (form));
  idk_gui_wait_for_label (GTK_WIDGET (form), "Say where the post is");
  idk_form_set_text (form, "place", "Haiti");
  idk_form_set_text (form, "organization", "WFP");
  g_assert_true (idk_form_save (form));

  idk_gui_wait_for_text (view, "Vacant");
  idk_gui_wait_for_label (view, "Country Security Focal Point · Haiti");
  post = idk_test_keep (idk_test_query_text (path, "SELECT p.uuid FROM posts p JOIN places pl ON pl.uuid = p.place "
                                                   "WHERE pl.name = 'Haiti'"));
  g_assert_nonnull (post);
  g_assert_cmpuint (idk_store_count_vacancies (fixture->db.store, NULL), ==, 1);

  /* Fill it: the vacancy is gone, the holder is shown. */
  form = idk_accountability_view_appoint (IDK_ACCOUNTABILITY_VIEW (view), post);
  idk_form_set_text (form, "person", "Marie-Claire Joseph");
  idk_form_set_text (form, "from_date", "2026-11-01");
  g_assert_true (idk_form_save (form));

  idk_gui_wait_for_text (view, "Marie-Claire Joseph");
  idk_gui_wait_until_gone (view, "Vacant");
  g_assert_cmpuint (idk_store_count_vacancies (fixture->db.store, NULL), ==, 0);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM appointments a JOIN persons p ON p.uuid = a.person "
                                             "WHERE p.name = 'Marie-Claire Joseph' AND a.from_date = '2026-11-01' "
                                             "AND a.to_date IS NULL"), ==, 1);

  /* And a search by the person finds the role. */
  type_search (view, "Marie-Claire");
  idk_gui_wait_until_gone (view, "Secretary-General");
  idk_gui_wait_for_label (view, "Country Security Focal Point");
}

static gboolean
is_link_row_to (GtkWidget *widget,
                gpointer   title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0 &&
         gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget));
}

static void
test_accountability_links (GuiFixture    *fixture,
                           gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "accountability");
  GtkWidget *row;
  IdkActor *actor;

  g_assert_true (idk_split_view_select_uuid (IDK_SPLIT_VIEW (view),
                                             idk_test_keep (idk_test_query_text (fixture->db.db_path,
                                               "SELECT uuid FROM actors WHERE code = 'WARDEN'"))));
  /* Following the line "accountable to" selects the other actor. */
  row = idk_gui_wait_for (view, is_link_row_to, (gpointer) "Area Security Coordinator",
                          "The line to the Area Security Coordinator");
  g_signal_emit_by_name (row, "activated");
  actor = idk_split_view_get_selected_item (IDK_SPLIT_VIEW (view));
  g_assert_cmpstr (idk_actor_get_code (actor), ==, "ASC");
  idk_gui_wait_for_label (view, "Appoints Wardens for his/her area of responsibility");
}

static void
test_calendar (GuiFixture    *fixture,
               gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "calendar");

  idk_gui_wait_for_label (view, "Montreux");

  type_search (view, "Manila");
  idk_gui_wait_for_label (view, "21st IASMN session");
  /* The page of the 21st session: its agenda by time slot and its reported attendance. */
  idk_gui_wait_for_label (view, "08:30–09:00  Welcome, Safety and Security Briefings");
  idk_gui_wait_for_label (view, "Asian Development Bank Headquarters");
  idk_gui_wait_for_label (view, "30 organizations reported (2 observers), no list");

  /* A meeting known only to the month shows as such. */
  type_search (view, "Dakar");
  idk_gui_wait_for_label (view, "November 2014");
}

static void
add_slot (IdkCalendarView *view,
          const char      *meeting,
          const char      *start,
          const char      *end,
          const char      *title)
{
  IdkForm *form = idk_calendar_view_edit_agenda_item (view, meeting, NULL);

  idk_form_set_choice (form, "day", "2027-05-10");
  idk_form_set_text (form, "start_time", start);
  idk_form_set_text (form, "end_time", end);
  idk_form_set_text (form, "title", title);
  g_assert_true (idk_form_save (form));
}

/* The secretariat's task: plan a Steering Group session, give it three
 * agenda slots, find it in the month grid and the list; an overlapping
 * slot is refused with the reason shown at the field. */
static void
test_calendar_plan_session (GuiFixture    *fixture,
                            gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "calendar");
  IdkCalendarView *calendar = IDK_CALENDAR_VIEW (view);
  const char *path = fixture->db.db_path;
  const char *meeting;
  IdkForm *form;
  GtkWidget *day;
  const char *field = NULL;

  idk_gui_wait_for_label (view, "Montreux");

  form = idk_calendar_view_edit_meeting (calendar, NULL);
  idk_gui_wait_for_label (GTK_WIDGET (form), "New Meeting");
  idk_form_set_text (form, "title", "Steering Group, Geneva");
  idk_form_set_choice (form, "type", "sg-session");
  idk_form_set_text (form, "start_date", "2027-05-10");
  idk_form_set_text (form, "end_date", "2027-05-09");
  idk_form_set_text (form, "city", "Geneva");
  idk_form_set_text (form, "country", "Switzerland");

  /* The end before the start: refused, said at the End field. */
  g_assert_false (idk_form_save (form));
  idk_gui_wait_for_label (GTK_WIDGET (form), "The meeting cannot end before it starts.");
  g_assert_cmpstr (idk_form_get_error (form, &field), ==, "The meeting cannot end before it starts.");
  g_assert_cmpstr (field, ==, "end_date");
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM meetings WHERE title = 'Steering Group, Geneva'"), ==, 0);

  idk_form_set_text (form, "end_date", "2027-05-11");
  g_assert_true (idk_form_save (form));

  meeting = idk_test_keep (idk_test_query_text (path, "SELECT uuid FROM meetings WHERE title = 'Steering Group, Geneva'"));
  g_assert_nonnull (meeting);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (path, "SELECT b.acronym FROM meetings m "
                                                       "JOIN bodies b ON b.uuid = m.body WHERE m.title = 'Steering Group, Geneva'")),
                   ==, "SG");

  /* In the list, on its page, and in the month grid. */
  idk_gui_wait_for_label (view, "10–11 May 2027");
  idk_gui_wait_for_label (view, "Steering Group session");
  g_assert_cmpuint (idk_month_grid_get_month (idk_calendar_view_get_grid (calendar)), ==, 5);
  g_assert_cmpuint (idk_month_grid_get_year (idk_calendar_view_get_grid (calendar)), ==, 2027);
  day = idk_month_grid_get_day (idk_calendar_view_get_grid (calendar), "2027-05-10");
  g_assert_true (gtk_widget_has_css_class (day, "has-meeting"));
  g_assert_true (gtk_widget_has_css_class (idk_month_grid_get_day (idk_calendar_view_get_grid (calendar),
                                                                   "2027-05-11"), "has-meeting"));
  g_assert_false (gtk_widget_has_css_class (idk_month_grid_get_day (idk_calendar_view_get_grid (calendar),
                                                                    "2027-05-12"), "has-meeting"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (day), "Steering Group, Geneva"));

  add_slot (calendar, meeting, "09:00", "10:30", "Opening");
  add_slot (calendar, meeting, "10:30", "12:00", "Agenda of the 30th session");
  add_slot (calendar, meeting, "13:30", "15:00", "Draft policies");
  idk_gui_wait_for_label (view, "09:00–10:30  Opening");
  idk_gui_wait_for_label (view, "13:30–15:00  Draft policies");
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM agenda_items WHERE meeting = "
                                       "(SELECT uuid FROM meetings WHERE title = 'Steering Group, Geneva')"), ==, 3);

  /* A fourth slot overlapping the first is refused, with the message. */
  form = idk_calendar_view_edit_agenda_item (calendar, meeting, NULL);
  idk_form_set_choice (form, "day", "2027-05-10");
  idk_form_set_text (form, "start_time", "10:00");
  idk_form_set_text (form, "end_time", "11:00");
  idk_form_set_text (form, "title", "Coffee with the hosts");
  g_assert_false (idk_form_save (form));
  idk_gui_wait_for_label (GTK_WIDGET (form), "10:00–11:00 overlaps “Opening” (09:00–10:30).");
  idk_form_get_error (form, &field);
  g_assert_cmpstr (field, ==, "start_time");
  gtk_window_close (GTK_WINDOW (form));
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM agenda_items WHERE meeting = "
                                       "(SELECT uuid FROM meetings WHERE title = 'Steering Group, Geneva')"), ==, 3);

  /* Rule warnings show inline on a meeting's page: the 23rd session is
   * four days long. */
  g_assert_true (idk_split_view_select_uuid (IDK_SPLIT_VIEW (view),
                                             idk_test_keep (idk_test_query_text (path,
                                               "SELECT uuid FROM meetings WHERE number = 23"))));
  idk_gui_wait_for_label (view, "Rule Warnings");
  idk_gui_wait_for_label (view, "This session lasts 4 days; since February 2015 IASMN sessions last at most 3.");
}

static void
test_calendar_cancel_and_undo (GuiFixture    *fixture,
                               gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "calendar");
  const char *path = fixture->db.db_path;

  type_search (view, "Istanbul");
  /* The 28th session's row goes (its title stays on the page, as the due
   * meeting of actions under review). */
  idk_gui_wait_until_gone (view, "19–21 June 2018");
  idk_gui_wait_for_label (view, "8–9 May 2018");
  gtk_widget_activate_action (view, "calendar.cancel", NULL);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (path, "SELECT status FROM meetings WHERE city = 'Istanbul'")),
                   ==, "cancelled");
  idk_gui_wait_for_text (view, "Cancelled");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (path, "SELECT status FROM meetings WHERE city = 'Istanbul'")),
                   ==, "confirmed");
}

static void
test_working_groups (GuiFixture    *fixture,
                     gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "working-groups");

  idk_gui_wait_for_label (view, "Air Travel Working Group");

  type_search (view, "training");
  idk_gui_wait_for_label (view, "Security Training Working Group");
  idk_gui_wait_for_label (view, "UNDSS (Katja Hemmerich)");
  /* Its actions, 21/84 among them. */
  idk_gui_wait_for_label (view, "21/84");
}

/* Disbanding keeps the group, with the status changed, in the list and
 * on its page. */
static void
test_working_group_disband (GuiFixture    *fixture,
                            gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "working-groups");
  const char *path = fixture->db.db_path;
  const char *field = NULL;
  IdkForm *form;

  type_search (view, "Blast");
  idk_gui_wait_until_gone (view, "Air Travel Working Group");
  idk_gui_wait_for_label (view, "Drafted technical guidelines on blast assessment");
  gtk_widget_activate_action (view, "groups.disband", NULL);

  g_assert_cmpstr (idk_test_keep (idk_test_query_text (path, "SELECT status FROM working_groups "
                                                       "WHERE name = 'Blast Assessment Working Group'")),
                   ==, "disbanded");
  idk_gui_wait_for_text (view, "Disbanded");
  idk_gui_wait_for_label (view, "Disbanded");   /* the list's summary line too */
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM working_groups"), ==, 22);

  /* A new group, with a member. */
  form = idk_working_groups_view_edit_group (IDK_WORKING_GROUPS_VIEW (view), NULL);
  g_assert_false (idk_form_save (form));
  idk_gui_wait_for_label (GTK_WIDGET (form), "This is needed.");
  g_assert_cmpstr (idk_form_get_error (form, &field), ==, "This is needed.");
  g_assert_cmpstr (field, ==, "name");
  idk_form_set_text (form, "name", "Working Group on Security Communications");
  idk_form_set_text (form, "acronym", "SCWG");
  g_assert_true (idk_form_save (form));
  idk_gui_wait_for_label (view, "Working Group on Security Communications");

  form = idk_working_groups_view_add_member (IDK_WORKING_GROUPS_VIEW (view),
                                             idk_test_keep (idk_test_query_text (path,
                                               "SELECT uuid FROM working_groups WHERE acronym = 'SCWG'")));
  /* No organization chosen: refused at the field. */
  g_assert_false (idk_form_save (form));
  g_assert_nonnull (idk_form_get_error (form, &field));
  g_assert_cmpstr (field, ==, "organization");
  idk_form_set_choice (form, "organization",
                       idk_test_keep (idk_test_query_text (path, "SELECT uuid FROM organizations WHERE acronym = 'ITU'")));
  idk_form_set_choice (form, "role", "chair");
  g_assert_true (idk_form_save (form));
  idk_gui_wait_for_label (view, "ITU");
}

static void
test_actions_search (GuiFixture    *fixture,
                     gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "actions");
  IdkActionList *list = idk_actions_view_get_list (IDK_ACTIONS_VIEW (view));

  idk_gui_wait_for_text (view, "79 actions");
  idk_gui_wait_for_label (view, "21/13");

  /* Search as you type, with the count and the row on screen. */
  type_search (view, "HeForShe");
  idk_gui_wait_for_text (view, "1 action");
  idk_gui_wait_for_label (view, "Requested all male participants of IASMN to sign up for the \"HeForShe\" initiative.");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  idk_gui_wait_until_gone (view, "21/13");

  type_search (view, "SSAF");
  idk_gui_wait_for_text (view, "7 actions");

  type_search (view, "no-such-word-anywhere");
  idk_gui_wait_for_label (view, "No Actions Found");

  type_search (view, "");
  idk_gui_wait_for_text (view, "79 actions");
}

static int
count_labels (GtkWidget  *root,
              const char *text)
{
  int n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  if (idk_gui_label_is (root, (gpointer) text))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);
  return n;
}

static void
wait_for_count (GtkWidget  *root,
                const char *text,
                int         expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (count_labels (root, text) != expected)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%d labels “%s” on screen, expected %d", count_labels (root, text), text, expected);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* The user's task: find the SSAFE actions, mark two completed in one bulk
 * change, delete one and take it back with the toast's Undo. */
static void
test_actions_bulk_and_undo (GuiFixture    *fixture,
                            gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "actions");
  GtkSelectionModel *selection = idk_actions_view_get_selection (IDK_ACTIONS_VIEW (view));
  GtkWidget *undo;
  const char *path = fixture->db.db_path;

  type_search (view, "SSAFE");
  idk_gui_wait_for_text (view, "7 actions");
  idk_gui_wait_for_label (view, "27/75a");

  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  idk_gui_wait_for_text (view, "2 selected");
  gtk_widget_activate_action (view, "actions.mark-as", "s", "completed");

  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actions WHERE status = 'completed'"), ==, 2);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM action_updates WHERE status = 'completed'"), ==, 2);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (path, "SELECT group_concat (reference) FROM "
                                                       "(SELECT reference FROM actions WHERE status = 'completed' "
                                                       "ORDER BY reference)")), ==, "27/75a,27/75b");
  wait_for_count (view, "Completed", 2);

  /* Delete the first, then Undo from the toast. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  idk_gui_wait_for_text (view, "1 selected");
  gtk_widget_activate_action (view, "actions.delete", NULL);
  idk_gui_wait_for_text (view, "6 actions");
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actions"), ==, 78);

  undo = idk_gui_wait_for (GTK_WIDGET (fixture->window), is_button_labelled, (gpointer) "_Undo", "The Undo button");
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "1 action deleted");
  g_signal_emit_by_name (undo, "clicked");
  idk_gui_wait_for_text (view, "7 actions");
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actions"), ==, 79);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actions WHERE status = 'completed'"), ==, 2);

  /* Ctrl+Z does the same for a second deletion. */
  gtk_selection_model_select_item (selection, 3, TRUE);
  gtk_widget_activate_action (view, "actions.delete", NULL);
  idk_gui_wait_for_text (view, "6 actions");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  idk_gui_wait_for_text (view, "7 actions");
}

/* The page of an action: its history, and an update added from it. */
static void
test_action_page (GuiFixture    *fixture,
                  gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "actions");
  GtkWidget *note;

  type_search (view, "HeForShe");
  idk_gui_wait_for_text (view, "1 action");
  idk_actions_view_show_action (IDK_ACTIONS_VIEW (view), 0);
  idk_gui_wait_for_label (view, "Action 27/4");
  idk_gui_wait_for_label (view, "No update yet");

  note = idk_gui_wait_for (view, (IdkWidgetPredicate) is_note_entry, NULL, "The note entry");
  gtk_editable_set_text (GTK_EDITABLE (note), "Sign-up sheet circulated");
  gtk_widget_activate_action (note, "page.add-update", NULL);

  idk_gui_wait_for_label (view, "Sign-up sheet circulated");
  g_assert_cmpint (idk_test_query_int (fixture->db.db_path,
                                       "SELECT count(*) FROM action_updates WHERE note = 'Sign-up sheet circulated'"),
                   ==, 1);
}

static void
test_action_new (GuiFixture    *fixture,
                 gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "actions");
  IdkForm *form = idk_actions_view_new_action (IDK_ACTIONS_VIEW (view));
  const char *field = NULL;

  idk_gui_wait_for_label (GTK_WIDGET (form), "New Action");
  idk_form_set_text (form, "reference", "28/1");
  idk_form_set_text (form, "text", "Requested a review of the warden system.");
  idk_form_set_values (form, "owners", (const char *[]) {
    idk_test_keep (idk_test_query_text (fixture->db.db_path, "SELECT uuid FROM organizations WHERE acronym = 'PPCU'")),
    NULL });
  idk_form_set_text (form, "due_date", "next year");
  g_assert_false (idk_form_save (form));
  idk_form_get_error (form, &field);
  g_assert_cmpstr (field, ==, "due_date");
  idk_form_set_text (form, "due_date", "2027-06");
  g_assert_true (idk_form_save (form));

  type_search (view, "warden system review");
  idk_gui_wait_for_text (view, "1 action");
  idk_gui_wait_for_text (view, "28/1");
  g_assert_cmpint (idk_test_query_int (fixture->db.db_path, "SELECT count(*) FROM actions"), ==, 80);
}

static void
wait_for_first (IdkActionList *list,
                const char    *reference)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(IdkAction) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

      if (first != NULL && g_strcmp0 (idk_action_get_reference (first), reference) == 0)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("The first action is %s, not %s", first ? idk_action_get_reference (first) : "none", reference);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
test_actions_sort_and_filter (GuiFixture    *fixture,
                              gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "actions");
  GtkColumnView *table = GTK_COLUMN_VIEW (idk_gui_wait_for (view, is_column_view, NULL, "The table"));
  GListModel *columns = gtk_column_view_get_columns (table);
  g_autoptr(GtkColumnViewColumn) due = NULL;
  IdkActionList *list = idk_actions_view_get_list (IDK_ACTIONS_VIEW (view));
  g_autoptr(IdkAction) first = NULL;

  /* Sort by the Due column: the earliest due first. */
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Due") == 0)
        due = g_object_ref (column);
    }
  g_assert_nonnull (due);
  /* The queries run in a worker thread: the order comes when they are done. */
  gtk_column_view_sort_by_column (table, due, GTK_SORT_ASCENDING);
  wait_for_first (list, "21/47");
  gtk_column_view_sort_by_column (table, due, GTK_SORT_DESCENDING);
  wait_for_first (list, "27/98");
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (idk_action_get_reference (first), ==, "27/98");

  /* The Overdue filter. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (idk_gui_wait_for (view, is_button_labelled, (gpointer) "Overdue",
                                                                      "The Overdue filter")), TRUE);
  idk_gui_wait_for_text (view, "14 actions");
}

static void
test_search_shortcut (GuiFixture    *fixture,
                      gconstpointer  data)
{
  const char *views[] = { "accountability", "calendar", "working-groups", "actions" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *view = show_view (fixture, views[i]);
      GtkWidget *entry;

      idk_gui_settle (50);
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
      idk_gui_settle (50);
      entry = idk_gui_find (view, is_search_entry, NULL);
      g_assert_nonnull (entry);
      /* The focus is in the entry (or its text field). */
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry) ||
                     gtk_root_get_focus (GTK_ROOT (fixture->window)) == entry);
    }
}

static void
test_narrow (GuiFixture    *fixture,
             gconstpointer  data)
{
  GtkWidget *view;

  /* At phone width the view switcher moves to the bottom bar and the
   * list and page fold into one column. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = idk_window_new (NULL, fixture->db.store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));

  view = show_view (fixture, "calendar");
  idk_gui_wait_for_label (view, "Montreux");
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "Working groups");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 400);
}

static void
test_window_size_kept (GuiFixture    *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  IdkWindow *second;
  int width, height;

  show_view (fixture, "working-groups");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  idk_gui_settle (50);
  gtk_window_close (GTK_WINDOW (fixture->window));
  idk_gui_settle (20);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_cmpstr (idk_test_keep (g_settings_get_string (settings, "last-view")), ==, "working-groups");

  /* A new window opens as the last one was left. */
  second = idk_window_new (NULL, fixture->db.store);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  g_assert_cmpstr (idk_window_get_view (second), ==, "working-groups");
  fixture->window = second;
  gtk_window_present (GTK_WINDOW (second));
}

/* Ctrl+Q (app.quit) closes the window as its close button does: the size
 * is kept then too. */
static void
test_quit_keeps_size (GuiFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(IdkApplication) app = idk_application_new ("io.github.iasmndesk.Desk.Test",
                                                       G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) window = g_object_ref (GTK_WIDGET (fixture->window));

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  gtk_window_set_application (GTK_WINDOW (fixture->window), GTK_APPLICATION (app));

  show_view (fixture, "calendar");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1111, 666);
  idk_gui_settle (50);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  idk_gui_settle (20);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1111);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 666);
  g_assert_cmpstr (idk_test_keep (g_settings_get_string (settings, "last-view")), ==, "calendar");
  g_assert_false (gtk_widget_get_visible (window));

  /* The tear-down destroys a window of its own. */
  fixture->window = idk_window_new (NULL, fixture->db.store);
}

/* The keys of the actions the tests drive: Ctrl+Z is win.undo. */
static void
test_shortcuts (GuiFixture    *fixture,
                gconstpointer  data)
{
  static const struct { const char *action, *accel; } keys[] = {
    { "win.undo", "<Control>z" }, { "win.new", "<Control>n" }, { "win.search", "<Control>f" },
    { "app.quit", "<Control>q" }, { "win.import", "<Control>o" }, { "win.export", "<Control>e" },
  };
  g_autoptr(IdkApplication) app = idk_application_new ("io.github.iasmndesk.Desk.Keys", G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), keys[i].action);

      g_assert_true (g_strv_contains ((const char * const *) accels, keys[i].accel));
    }
}

/* A busy day keeps the width of a quiet one: a chip per meeting made
 * the window 1536 px wide with the benchmark's 18 meetings on a day. */
static void
test_month_grid_busy_day (void)
{
  GtkWidget *grid = g_object_ref_sink (idk_month_grid_new ());
  g_autoptr(GListStore) meetings = g_list_store_new (IDK_TYPE_MEETING);
  int quiet, busy, natural;

  idk_month_grid_set_month (IDK_MONTH_GRID (grid), 2027, 5);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("Meeting %u", i);
      g_autoptr(IdkMeeting) meeting = g_object_new (IDK_TYPE_MEETING, "uuid", title, "title", title,
                                                    "meeting-type", "session", "start-date", "2027-05-10",
                                                    "end-date", "2027-05-11", NULL);

      g_list_store_append (meetings, meeting);
      /* A day as full as it shows. */
      if (i == 4)
        {
          idk_month_grid_set_meetings (IDK_MONTH_GRID (grid), G_LIST_MODEL (meetings));
          gtk_widget_measure (grid, GTK_ORIENTATION_HORIZONTAL, -1, &quiet, &natural, NULL, NULL);
        }
    }
  idk_month_grid_set_meetings (IDK_MONTH_GRID (grid), G_LIST_MODEL (meetings));
  gtk_widget_measure (grid, GTK_ORIENTATION_HORIZONTAL, -1, &busy, &natural, NULL, NULL);
  g_assert_cmpint (busy, ==, quiet);
  g_assert_cmpint (busy, <, 600);
  /* Every meeting is still named, in the day's tooltip. */
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (idk_month_grid_get_day (IDK_MONTH_GRID (grid), "2027-05-11")),
                            "Meeting 29"));
  g_object_unref (grid);
}

int
main (int   argc,
      char *argv[])
{
  idk_gui_init (&argc, &argv);

#define GUI_TEST(path, func) g_test_add (path, GuiFixture, NULL, gui_set_up, func, gui_tear_down)

  g_test_add_func ("/gui/templates", test_templates);
  g_test_add_func ("/gui/month-grid-busy-day", test_month_grid_busy_day);
  GUI_TEST ("/gui/accountability", test_accountability);
  GUI_TEST ("/gui/accountability-links", test_accountability_links);
  GUI_TEST ("/gui/accountability-appoint", test_accountability_appoint);
  GUI_TEST ("/gui/calendar", test_calendar);
  GUI_TEST ("/gui/calendar-plan-session", test_calendar_plan_session);
  GUI_TEST ("/gui/calendar-cancel-and-undo", test_calendar_cancel_and_undo);
  GUI_TEST ("/gui/working-groups", test_working_groups);
  GUI_TEST ("/gui/working-group-disband", test_working_group_disband);
  GUI_TEST ("/gui/actions-search", test_actions_search);
  GUI_TEST ("/gui/actions-bulk-and-undo", test_actions_bulk_and_undo);
  GUI_TEST ("/gui/action-page", test_action_page);
  GUI_TEST ("/gui/actions-sort-and-filter", test_actions_sort_and_filter);
  GUI_TEST ("/gui/action-new", test_action_new);
  GUI_TEST ("/gui/search-shortcut", test_search_shortcut);
  GUI_TEST ("/gui/narrow", test_narrow);
  GUI_TEST ("/gui/window-size-kept", test_window_size_kept);
  GUI_TEST ("/gui/quit-keeps-size", test_quit_keeps_size);
  GUI_TEST ("/gui/shortcuts", test_shortcuts);

  return g_test_run ();
}
