/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-actions-view.h"
#include "idk-calendar-view.h"
#include "idk-chooser.h"
#include "idk-form.h"
#include "idk-gui-test-util.h"
#include "idk-office-dialog.h"
#include "idk-window.h"

/* Editing in the real window: what a user changes, what the form says
 * when it refuses, and Undo — asserted on screen and in the database. */

static const char *
query (GuiFixture *fixture,
       const char *sql)
{
  return idk_test_keep (idk_test_query_text (fixture->db.db_path, sql));
}

static IdkForm *
find_form (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (IDK_IS_FORM (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  g_error ("No form is open");
}

static void
press_ctrl_z (GuiFixture *fixture)
{
  /* What Ctrl+Z is bound to (the application's accelerators, in one place). */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
}

/* The user's task: open 21/41, reword it, give it two organizations and a
 * working group as owners and the 22nd session as its due meeting; then
 * take it all back with Ctrl+Z. */
static void
test_edit_action_and_undo (GuiFixture    *fixture,
                           gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "actions");
  IdkActionsView *actions = IDK_ACTIONS_VIEW (view);
  const char *uuid = query (fixture, "SELECT uuid FROM actions WHERE reference = '21/41'");
  const char *old_text = query (fixture, "SELECT text FROM actions WHERE reference = '21/41'");
  const char *owners[] = {
    query (fixture, "SELECT uuid FROM organizations WHERE acronym = 'UNHCR'"),
    query (fixture, "SELECT uuid FROM organizations WHERE acronym = 'WFP'"),
    query (fixture, "SELECT uuid FROM working_groups WHERE acronym = 'STWG'"),
    NULL
  };
  const char *due = query (fixture, "SELECT uuid FROM meetings WHERE number = 22");
  IdkForm *form;

  idk_actions_view_set_search (actions, "MORSS guidelines");
  idk_gui_wait_for_text (view, "1 action");
  idk_actions_view_show_action (actions, 0);
  idk_gui_wait_for_text (view, "Action 21/41");

  /* The page's Edit button opens the form over the action. */
  gtk_widget_activate_action (view, "actions.edit", "s", uuid);
  form = find_form ();
  idk_gui_wait_for_label (GTK_WIDGET (form), "Edit Action");

  idk_form_set_text (form, "text", "Called on the MORSS TWG to finish the residential security guidelines.\n"
                                   "A second paragraph, kept as written.");
  idk_form_set_values (form, "owners", owners);
  idk_form_set_text (form, "due_date", "");
  idk_form_set_choice (form, "due_meeting", due);
  g_assert_true (idk_form_save (form));

  g_assert_cmpstr (query (fixture, "SELECT text FROM actions WHERE reference = '21/41'"), ==,
                   "Called on the MORSS TWG to finish the residential security guidelines.\n"
                   "A second paragraph, kept as written.");
  g_assert_cmpstr (query (fixture, "SELECT group_concat (label, ', ') FROM (SELECT l.label FROM "
                                   "action_owner_labels l JOIN actions a ON a.uuid = l.action "
                                   "WHERE a.reference = '21/41' ORDER BY l.label)"),
                   ==, "STWG, UNHCR, WFP");
  g_assert_cmpstr (query (fixture, "SELECT m.number FROM actions a JOIN meetings m ON m.uuid = a.due_meeting "
                                   "WHERE a.reference = '21/41'"), ==, "22");
  /* On screen: the page and the table. */
  idk_gui_wait_for_label (view, "A second paragraph, kept as written.");
  idk_gui_wait_for_label (view, "WFP");
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "Action 21/41 saved");

  press_ctrl_z (fixture);
  g_assert_cmpstr (query (fixture, "SELECT text FROM actions WHERE reference = '21/41'"), ==, old_text);
  g_assert_cmpstr (query (fixture, "SELECT group_concat (l.label, ', ') FROM action_owner_labels l "
                                   "JOIN actions a ON a.uuid = l.action WHERE a.reference = '21/41'"),
                   ==, "MORSS TWG");
  g_assert_cmpstr (query (fixture, "SELECT m.title FROM actions a JOIN meetings m ON m.uuid = a.due_meeting "
                                   "WHERE a.reference = '21/41'"), ==, "Steering Group, Bogota");
  idk_gui_wait_until_gone (view, "A second paragraph, kept as written.");
  idk_gui_wait_for_text (view, "MORSS TWG");
}

/* Due by a date or at a meeting, not both: the form says so at the field,
 * and the meeting can be taken back ("None") for a date. */
static void
test_due_date_or_meeting (GuiFixture    *fixture,
                          gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "actions");
  const char *uuid = query (fixture, "SELECT uuid FROM actions WHERE reference = '21/41'");
  const char *field = NULL;
  IdkForm *form = idk_actions_view_edit_action (IDK_ACTIONS_VIEW (view), uuid);

  idk_form_set_text (form, "due_date", "2027-06-30");
  g_assert_false (idk_form_save (form));
  g_assert_nonnull (idk_form_get_error (form, &field));
  g_assert_cmpstr (field, ==, "due_meeting");

  idk_form_set_choice (form, "due_meeting", NULL);
  g_assert_null (idk_form_get_text (form, "due_meeting"));
  g_assert_true (idk_form_save (form));
  g_assert_cmpstr (query (fixture, "SELECT due_date || '/' || (due_meeting IS NULL) FROM actions "
                                   "WHERE reference = '21/41'"), ==, "2027-06-30/1");
}

/* Five actions completed in one bulk change; one Undo takes back all five. */
static void
test_bulk_complete_and_undo (GuiFixture    *fixture,
                             gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "actions");
  GtkSelectionModel *selection = idk_actions_view_get_selection (IDK_ACTIONS_VIEW (view));
  GtkWidget *undo;
  const char *path = fixture->db.db_path;

  idk_gui_wait_for_text (view, "79 actions");
  gtk_selection_model_select_range (selection, 0, 5, TRUE);
  idk_gui_wait_for_text (view, "5 selected");
  gtk_widget_activate_action (view, "actions.mark-as", "s", "completed");

  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actions WHERE status = 'completed'"), ==, 5);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM action_updates"), ==, 5);
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "5 actions marked Completed");

  undo = idk_gui_wait_for (GTK_WIDGET (fixture->window), is_button_labelled, (gpointer) "_Undo", "The Undo button");
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actions WHERE status = 'completed'"), ==, 0);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM action_updates"), ==, 0);
  idk_gui_wait_until_gone (view, "Completed");
}

/* A 300-character title is refused, the limit said right under the Title
 * field; fixing it clears the message. */
static void
test_meeting_title_limit (GuiFixture    *fixture,
                          gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "calendar");
  g_autofree char *title = g_strnfill (300, 'M');
  const char *field = NULL;
  IdkForm *form;
  GtkWidget *row, *message_row, *message;

  idk_gui_wait_for_label (view, "Montreux");
  form = idk_calendar_view_edit_meeting (IDK_CALENDAR_VIEW (view), NULL);
  idk_gui_wait_for_label (GTK_WIDGET (form), "New Meeting");
  idk_form_set_text (form, "title", title);
  idk_form_set_text (form, "start_date", "2027-05-10");
  g_assert_false (idk_form_save (form));

  g_assert_cmpstr (idk_form_get_error (form, &field), ==, "At most 200 characters; this text has 300.");
  g_assert_cmpstr (field, ==, "title");
  message = idk_gui_wait_for_label (GTK_WIDGET (form), "At most 200 characters");
  /* Next to the field: the row after the Title row. */
  row = idk_form_get_row (form, "title");
  message_row = gtk_widget_get_next_sibling (row);
  g_assert_true (gtk_widget_is_ancestor (message, message_row));
  g_assert_cmpint (idk_test_query_int (fixture->db.db_path, "SELECT count(*) FROM meetings WHERE title LIKE 'MMM%'"),
                   ==, 0);

  idk_form_set_text (form, "title", "Steering Group, Vienna");
  idk_gui_wait_until_gone (GTK_WIDGET (form), "At most 200 characters");
  g_assert_true (idk_form_save (form));
  g_assert_cmpint (idk_test_query_int (fixture->db.db_path,
                                       "SELECT count(*) FROM meetings WHERE title = 'Steering Group, Vienna'"), ==, 1);
}

/* An update with the same status and no note is refused under the form. */
static void
test_empty_update_refused (GuiFixture    *fixture,
                           gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "actions");
  GtkWidget *note;

  idk_actions_view_set_search (IDK_ACTIONS_VIEW (view), "HeForShe");
  idk_gui_wait_for_text (view, "1 action");
  idk_actions_view_show_action (IDK_ACTIONS_VIEW (view), 0);
  note = idk_gui_wait_for (view, is_note_entry, NULL, "The note entry");

  gtk_widget_activate_action (note, "page.add-update", NULL);
  idk_gui_wait_for_label (view, "Nothing to record: the action is already “Open”.");
  g_assert_cmpint (idk_test_query_int (fixture->db.db_path, "SELECT count(*) FROM action_updates"), ==, 0);

  /* Typing a note clears the message, and the note is recorded. */
  gtk_editable_set_text (GTK_EDITABLE (note), "Reminder sent to all focal points");
  idk_gui_wait_until_gone (view, "Nothing to record");
  gtk_widget_activate_action (note, "page.add-update", NULL);
  idk_gui_wait_for_label (view, "Reminder sent to all focal points");
  g_assert_cmpint (idk_test_query_int (fixture->db.db_path, "SELECT count(*) FROM action_updates"), ==, 1);
}

/* The office's organization: typing filters the seventy organizations. */
static void
test_office_chooser_filters (GuiFixture    *fixture,
                             gconstpointer  data)
{
  GtkWindow *dialog = idk_window_ask_office (fixture->window);
  IdkChooser *chooser = idk_office_dialog_get_chooser (IDK_OFFICE_DIALOG (dialog));
  guint all;

  idk_gui_wait_for_label (GTK_WIDGET (dialog), "carry the name of this office");
  all = idk_chooser_count_shown (chooser);
  g_assert_cmpuint (all, >=, 70);
  idk_chooser_set_search (chooser, "refug");
  g_assert_cmpuint (idk_chooser_count_shown (chooser), ==, 2);   /* UNHCR, UNRWA */
  idk_chooser_set_search (chooser, "unhcr");
  g_assert_cmpuint (idk_chooser_count_shown (chooser), ==, 1);
  idk_chooser_set_search (chooser, "");
  g_assert_cmpuint (idk_chooser_count_shown (chooser), ==, all);

  idk_office_dialog_set_name (IDK_OFFICE_DIALOG (dialog), "Geneva");
  g_assert_true (idk_office_dialog_select_organization (IDK_OFFICE_DIALOG (dialog), "UNHCR"));
  g_assert_true (idk_office_dialog_save (IDK_OFFICE_DIALOG (dialog)));
  g_assert_cmpstr (query (fixture, "SELECT o.acronym FROM meta m JOIN organizations o ON o.uuid = m.value "
                                   "WHERE m.key = 'office_organization'"), ==, "UNHCR");
  gtk_window_destroy (dialog);
}

/* A date is picked from a calendar, or typed. */
static void
test_date_picker (GuiFixture    *fixture,
                  gconstpointer  data)
{
  GtkWidget *view = show_view (fixture, "calendar");
  IdkForm *form = idk_calendar_view_edit_meeting (IDK_CALENDAR_VIEW (view), NULL);
  GtkWidget *row = idk_form_get_row (form, "start_date");
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (row), "calendar");
  g_autoptr(GDateTime) day = g_date_time_new_local (2027, 9, 14, 0, 0, 0);

  g_assert_nonnull (calendar);
  gtk_calendar_select_day (calendar, day);
  g_assert_cmpstr (idk_form_get_text (form, "start_date"), ==, "2027-09-14");
  idk_form_set_text (form, "start_date", "2027-10");
  g_assert_cmpstr (idk_form_get_text (form, "start_date"), ==, "2027-10");
  gtk_window_destroy (GTK_WINDOW (form));
}

int
main (int   argc,
      char *argv[])
{
  idk_gui_init (&argc, &argv);

#define GUI_TEST(path, func) g_test_add (path, GuiFixture, NULL, gui_set_up, func, gui_tear_down)

  GUI_TEST ("/gui-edit/edit-action-and-undo", test_edit_action_and_undo);
  GUI_TEST ("/gui-edit/due-date-or-meeting", test_due_date_or_meeting);
  GUI_TEST ("/gui-edit/bulk-complete-and-undo", test_bulk_complete_and_undo);
  GUI_TEST ("/gui-edit/meeting-title-limit", test_meeting_title_limit);
  GUI_TEST ("/gui-edit/empty-update-refused", test_empty_update_refused);
  GUI_TEST ("/gui-edit/office-chooser-filters", test_office_chooser_filters);
  GUI_TEST ("/gui-edit/date-picker", test_date_picker);

  return g_test_run ();
}
