/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "idk-gui-test-util.h"
#include "idk-actions-view.h"
#include "idk-calendar-view.h"
#include "idk-form.h"
#include "idk-conflicts-window.h"
#include "idk-export-dialog.h"
#include "idk-import-dialog.h"
#include "idk-plan-dialog.h"
#include "idk-report-dialog.h"
#include "idk-split-view.h"
#include "idk-window.h"

/* take-screenshots OUTDIR
 *
 * Runs the application on a new database with the default data and
 * renders its window, at 1280×800 and at 360 px wide, in each view, to
 * PNG files in OUTDIR (docs/screenshots/ through build-aux/screenshots).
 * Needs a display: run it under xvfb-run. */

typedef struct
{
  IdkApplication *app;
  const char *outdir;
  const char *db_path;
  const char *dir;
} Shots;

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      int width = gtk_widget_get_width (widget);
      int height = gtk_widget_get_height (widget);
      g_autoptr(GskRenderNode) node = NULL;

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL)
        {
          GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
          g_autoptr(GdkTexture) texture =
            gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

          if (!gdk_texture_save_to_png (texture, path))
            g_error ("Cannot write %s", path);
          g_print ("%s (%dx%d)\n", path, width, height);
          return;
        }

      /* Nothing drawn yet: let a frame happen. */
      gtk_widget_queue_draw (widget);
      idk_gui_settle (20);
    }

  g_error ("The window never drew itself");
}

static void
select_record (IdkWindow  *window,
               const char *view,
               const char *db_path,
               const char *sql)
{
  g_autofree char *uuid = idk_test_query_text (db_path, sql);
  GtkWidget *widget = idk_window_get_view_widget (window, view);

  idk_window_set_view (window, view);
  if (!idk_split_view_select_uuid (IDK_SPLIT_VIEW (widget), uuid))
    g_error ("Nothing to select for %s", sql);
}

static void
shoot (gpointer    window,
       const char *outdir,
       const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.png", outdir, name);

  idk_gui_settle (500);
  save_png (GTK_WIDGET (window), path);
}

static IdkWindow *
resize (IdkWindow *window,
        int        width,
        int        height)
{
  /* The rendering is the window without its shadow: ask for a little more. */
  gtk_window_set_default_size (GTK_WINDOW (window), width + 10, height + 10);
  idk_gui_settle (500);
  return window;
}

/* The page of 21/41, with an update in its history. */
static void
show_action_page (IdkWindow  *window,
                  const char *db_path)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view = idk_window_get_view_widget (window, "actions");
  g_autofree char *uuid = idk_test_query_text (db_path, "SELECT uuid FROM actions WHERE reference = '21/41'");
  const char *actions[] = { uuid, NULL };

  if (!idk_store_add_action_update (idk_window_get_store (window), actions, "in-progress",
                                    "Guidelines drafted; to the Steering Group in May", "Florence Poussin", &error))
    g_error ("%s", error->message);

  idk_actions_view_set_search (IDK_ACTIONS_VIEW (view), "MORSS guidelines");
  /* The query runs in a thread: wait for its one row. */
  for (guint i = 0; i < 100; i++)
    {
      idk_gui_settle (50);
      if (g_list_model_get_n_items (G_LIST_MODEL (idk_actions_view_get_list (IDK_ACTIONS_VIEW (view)))) == 1)
        break;
    }
  idk_actions_view_show_action (IDK_ACTIONS_VIEW (view), 0);
}

/* The forms: an action being edited, and a meeting whose title is past
 * its limit, refused at the field. */
static void
shoot_forms (Shots     *shots,
             IdkWindow *window)
{
  GtkWidget *actions = idk_window_get_view_widget (window, "actions");
  GtkWidget *calendar = idk_window_get_view_widget (window, "calendar");
  g_autofree char *uuid = idk_test_query_text (shots->db_path, "SELECT uuid FROM actions WHERE reference = '21/41'");
  g_autofree char *long_title = g_strnfill (230, 'x');
  IdkForm *form;

  idk_window_set_view (window, "actions");
  form = idk_actions_view_edit_action (IDK_ACTIONS_VIEW (actions), uuid);
  gtk_window_set_default_size (GTK_WINDOW (form), 560, 760);
  shoot (form, shots->outdir, "action-form");
  gtk_window_destroy (GTK_WINDOW (form));

  idk_window_set_view (window, "calendar");
  form = idk_calendar_view_edit_meeting (IDK_CALENDAR_VIEW (calendar), NULL);
  gtk_window_set_default_size (GTK_WINDOW (form), 480, 620);
  idk_form_set_text (form, "title", long_title);
  idk_form_set_text (form, "start_date", "2027-05-10");
  idk_form_save (form);
  shoot (form, shots->outdir, "form-error");
  gtk_window_destroy (GTK_WINDOW (form));
}

/* Every view, a meeting page, an action page and a rule warning, at one
 * size; at phone width the split views show their page. */
static void
shoot_all (Shots      *shots,
           IdkWindow  *window,
           const char *prefix,
           gboolean    narrow)
{
  const char *db = shots->db_path;
  static const struct { const char *view, *sql, *name; } pages[] = {
    { "accountability", "SELECT uuid FROM actors WHERE code = 'DO'", "accountability" },
    { "calendar", "SELECT uuid FROM meetings WHERE number = 21", "calendar" },
    { "working-groups", "SELECT uuid FROM working_groups WHERE acronym = 'STWG'", "working-groups" },
    { "calendar", "SELECT uuid FROM meetings WHERE number = 23", "rule-warning" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strconcat (prefix, pages[i].name, NULL);
      GtkWidget *view = idk_window_get_view_widget (window, pages[i].view);

      select_record (window, pages[i].view, db, pages[i].sql);
      if (narrow)
        {
          g_autofree char *list = g_strconcat (name, "-list", NULL);

          if (g_str_equal (pages[i].name, "calendar"))
            shoot (window, shots->outdir, list);
          idk_split_view_show_page (IDK_SPLIT_VIEW (view));
        }
      shoot (window, shots->outdir, name);
    }

  idk_window_set_view (window, "actions");
  {
    g_autofree char *name = g_strconcat (prefix, "actions", NULL);
    g_autofree char *page = g_strconcat (prefix, "action-page", NULL);

    shoot (window, shots->outdir, name);
    show_action_page (window, db);
    shoot (window, shots->outdir, page);
  }
  idk_actions_view_set_search (IDK_ACTIONS_VIEW (idk_window_get_view_widget (window, "actions")), "");
  /* Close the page before jumping to another width: a jump from 1280 px
   * with the page open makes libadwaita 1.2's flap allocate one frame
   * before it folds (GTK warns; resizing by hand goes through the fold). */
  idk_actions_view_hide_action (IDK_ACTIONS_VIEW (idk_window_get_view_widget (window, "actions")));
}

static void
reword_action (IdkStore   *store,
               const char *reference,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM actions WHERE reference = '%s'", reference);
  g_autofree char *uuid = idk_test_query_text (idk_store_get_path (store), sql);
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *saved = NULL;

  if (uuid == NULL)
    g_error ("No action %s", reference);
  fields = idk_store_get_fields (store, uuid, NULL, &error);
  g_assert_no_error (error);
  json_object_set_string_member (fields, "text", text);
  if (!(saved = idk_store_save (store, "action", uuid, fields, &error)))
    g_error ("%s", error->message);
}

/* A bundle from another office, with a new action and a change that
 * crosses one made here, so that the preview shows both. */
static char *
make_bundle (Shots    *shots,
             IdkStore *here)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (shots->dir, "geneva.sqlite3", NULL);
  char *path = g_build_filename (shots->dir, "geneva-2026-11-24.iasmn", NULL);
  g_autoptr(IdkStore) geneva = idk_store_open (db, IDK_STORE_OPEN_DEFAULT, &error);
  g_autofree char *unhcr = NULL;
  g_autofree char *meeting = idk_test_query_text (db, "SELECT uuid FROM meetings WHERE number = 27");
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonArray) owners = json_array_new ();
  g_autofree char *uuid = NULL;

  g_assert_no_error (error);
  unhcr = idk_store_find_organization (geneva, "UNHCR");
  idk_store_set_office (geneva, "Geneva HQ", unhcr, &error);
  g_assert_no_error (error);

  json_array_add_string_element (owners, unhcr);
  json_object_set_string_member (fields, "meeting", meeting);
  json_object_set_string_member (fields, "reference", "27/G1");
  json_object_set_string_member (fields, "topic", "Exchange between offices");
  json_object_set_string_member (fields, "text", "Pilot the exchange of bundles between the Secretariat and "
                                                 "the Geneva headquarters before the next session.");
  json_object_set_string_member (fields, "kind", "decision");
  json_object_set_string_member (fields, "status", "in-progress");
  json_object_set_array_member (fields, "owners", g_steal_pointer (&owners));
  uuid = idk_store_save (geneva, "action", NULL, fields, &error);
  g_assert_no_error (error);

  reword_action (geneva, "27/37", "Took note of the road safety strategy and asked UNHCR to report on "
                                  "the pilot in Geneva (Geneva wording).");
  reword_action (here, "27/37", "Took note of the road safety strategy and asked the Secretariat to "
                                "report on the pilot (Secretariat wording).");

  if (!idk_store_export (geneva, path, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  return path;
}

static gboolean
is_check_button (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

/* The dialogs and the window of exchange between offices. */
static void
shoot_exchange (Shots     *shots,
                IdkWindow *window)
{
  g_autofree char *bundle = make_bundle (shots, idk_window_get_store (window));
  g_autoptr(GFile) file = g_file_new_for_path (bundle);
  GtkWidget *dialog;
  GtkWindow *conflicts;
  g_autofree char *record = NULL;
  g_autofree char *geneva = NULL;

  dialog = GTK_WIDGET (idk_window_ask_office (window));
  shoot (GTK_WIDGET (dialog), shots->outdir, "office");
  gtk_window_destroy (GTK_WINDOW (dialog));

  idk_window_open_bundle (window, file);
  dialog = idk_gui_wait_for_window (IDK_TYPE_IMPORT_DIALOG);
  while (!idk_import_dialog_is_ready (IDK_IMPORT_DIALOG (dialog)))
    idk_gui_settle (20);
  shoot (dialog, shots->outdir, "import-preview");
  /* Trusting Geneva's key asks for the fingerprint it reads out. */
  gtk_widget_activate_action (dialog, "import.trust-key", NULL);
  {
    GtkWidget *question = idk_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);

    shoot (question, shots->outdir, "trust-key");
    gtk_window_destroy (GTK_WINDOW (question));
  }
  /* Geneva's key is not trusted here: taken knowingly. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (idk_gui_find (dialog, is_check_button, NULL)), TRUE);
  idk_gui_settle (50);
  gtk_widget_activate_action (dialog, "import.apply", NULL);
  idk_gui_settle (1500);
  idk_window_set_view (window, "actions");
  shoot (GTK_WIDGET (window), shots->outdir, "imported");

  conflicts = idk_window_show_conflicts (window);
  gtk_window_set_default_size (conflicts, 1000, 640);
  record = idk_test_query_text (shots->db_path, "SELECT uuid FROM actions WHERE reference = '27/37'");
  idk_conflicts_window_show_record (IDK_CONFLICTS_WINDOW (conflicts), record);
  shoot (GTK_WIDGET (conflicts), shots->outdir, "conflicts");
  gtk_window_set_default_size (conflicts, 370, 720);
  idk_gui_settle (300);
  shoot (GTK_WIDGET (conflicts), shots->outdir, "narrow-conflicts");
  gtk_window_destroy (conflicts);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = idk_gui_wait_for_window (IDK_TYPE_EXPORT_DIALOG);
  geneva = idk_test_query_text (shots->db_path, "SELECT uuid FROM offices WHERE name = 'Geneva HQ'");
  idk_export_dialog_set_recipient (IDK_EXPORT_DIALOG (dialog), geneva);
  shoot (dialog, shots->outdir, "export");

  /* With the office's key protected, the export asks for its passphrase. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (shots->outdir, "..", "protected.iasmn", NULL);
    g_autoptr(GFile) out = g_file_new_for_path (path);
    GtkWidget *question;

    if (!idk_store_protect_key (idk_window_get_store (window), "correct horse", &error))
      g_error ("%s", error->message);
    idk_store_set_key_passphrase (idk_window_get_store (window), NULL);
    idk_export_dialog_export_to (IDK_EXPORT_DIALOG (dialog), out);
    question = idk_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
    shoot (question, shots->outdir, "key-passphrase");
    gtk_window_destroy (GTK_WINDOW (question));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The session cycle: the 28th session's review of the 27th's actions
 * (some of them settled first), and planning the 29th. */
static void
shoot_cycle (Shots     *shots,
             IdkWindow *window)
{
  g_autoptr(GError) error = NULL;
  IdkStore *store = idk_window_get_store (window);
  GtkWidget *calendar = idk_window_get_view_widget (window, "calendar");
  static const char * const completed[] = { "27/4", "27/18", "27/26", "27/40", "27/50", "27/78", "27/91", "27/98", NULL };
  static const char * const in_progress[] = { "27/29a", "27/33a", "27/75a", "27/92a", NULL };
  IdkForm *form;

  for (guint pass = 0; pass < 2; pass++)
    {
      const char * const *refs = pass == 0 ? completed : in_progress;
      g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; refs[i] != NULL; i++)
        {
          char *uuid = idk_store_find_action (store, refs[i]);

          if (uuid != NULL)
            g_ptr_array_add (uuids, uuid);
        }
      g_ptr_array_add (uuids, NULL);
      if (!idk_store_add_action_update (store, (const char * const *) uuids->pdata,
                                        pass == 0 ? "completed" : "in-progress", _("Reviewed by the Steering Group"),
                                        NULL, &error))
        g_error ("%s", error->message);
    }

  select_record (window, "calendar", shots->db_path, "SELECT uuid FROM meetings WHERE number = 28");
  shoot (window, shots->outdir, "session-review");

  form = idk_plan_dialog_present (calendar, store);
  idk_form_set_text (form, "start_date", "2019-02-05");
  idk_form_set_text (form, "days", "4");
  idk_form_set_text (form, "city", "Geneva");
  idk_form_set_text (form, "country", "Switzerland");
  shoot (form, shots->outdir, "plan-session");
  gtk_window_destroy (GTK_WINDOW (form));
}

static gboolean
is_first_expander (GtkWidget *widget,
                   gpointer   data)
{
  return ADW_IS_EXPANDER_ROW (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
is_view_stack (GtkWidget *widget,
               gpointer   data)
{
  return ADW_IS_VIEW_STACK (widget);
}

/* The preview of a report: the 27th session's, whose decisions the default
 * data holds, most as the report says and some otherwise. */
static void
shoot_report (Shots     *shots,
              IdkWindow *window)
{
  g_autoptr(GFile) file = g_file_new_for_path ("data/defaults/sources/iasmn-27th-session-new-york-2018.txt");
  AdwViewStack *stack;
  GtkWidget *dialog, *row;

  idk_window_open_report (window, file);
  dialog = idk_gui_wait_for_window (IDK_TYPE_REPORT_DIALOG);
  while (!idk_report_dialog_is_ready (IDK_REPORT_DIALOG (dialog)))
    idk_gui_settle (20);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1280, 800);
  idk_gui_settle (800);
  /* The second decision: one the default data words otherwise. */
  row = idk_gui_find (dialog, is_first_expander, NULL);
  row = gtk_widget_get_next_sibling (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  idk_gui_settle (800);
  shoot (dialog, shots->outdir, "report-decisions");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
  stack = ADW_VIEW_STACK (idk_gui_find (dialog, is_view_stack, NULL));
  adw_view_stack_set_visible_child_name (stack, "session");
  shoot (dialog, shots->outdir, "report-session");
  adw_view_stack_set_visible_child_name (stack, "agenda");
  shoot (dialog, shots->outdir, "report-agenda");

  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 720);
  adw_view_stack_set_visible_child_name (stack, "decisions");
  idk_gui_settle (300);
  shoot (dialog, shots->outdir, "narrow-report");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
take_screenshots (gpointer user_data)
{
  Shots *shots = user_data;
  IdkWindow *window = IDK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (shots->app)));

  resize (window, 1280, 800);
  shoot_all (shots, window, "", FALSE);

  /* Phone width: one column, the view switcher at the bottom. */
  resize (window, 360, 720);
  shoot_all (shots, window, "narrow-", TRUE);

  resize (window, 1280, 800);
  shoot_forms (shots, window);
  shoot_cycle (shots, window);
  shoot_report (shots, window);
  shoot_exchange (shots, window);

  g_application_quit (G_APPLICATION (shots->app));
  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app,
             Shots        *shots)
{
  g_timeout_add (300, take_screenshots, shots);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkApplication) app = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  char *app_argv[4];
  Shots shots;
  int status;

  gtk_disable_setlocale ();
  idk_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  if (argc != 2)
    {
      g_printerr ("Usage: take-screenshots OUTDIR\n");
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);

  dir = g_dir_make_tmp ("idk-shots-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "desk.sqlite3", NULL);

  /* A named office: the first-start dialog is shot on its own. */
  {
    g_autoptr(IdkStore) store = idk_store_open (db_path, IDK_STORE_OPEN_DEFAULT, &error);
    g_autofree char *undss = NULL;

    g_assert_no_error (error);
    undss = idk_store_find_organization (store, "UNDSS");
    idk_store_set_office (store, "Secretariat", undss, &error);
    g_assert_no_error (error);
  }

  app = idk_application_new (APP_ID ".Screenshots", G_APPLICATION_NON_UNIQUE);
  shots.app = app;
  shots.outdir = argv[1];
  shots.db_path = db_path;
  shots.dir = dir;
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &shots);

  app_argv[0] = argv[0];
  app_argv[1] = (char *) "--db";
  app_argv[2] = db_path;
  app_argv[3] = NULL;
  status = g_application_run (G_APPLICATION (app), 3, app_argv);

  idk_test_remove_tree (dir);
  return status;
}
