/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-gui-test-util.h"
#include "idk-actions-view.h"
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
shoot (IdkWindow  *window,
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
  idk_gui_settle (300);
  idk_actions_view_show_action (IDK_ACTIONS_VIEW (view), 0);
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

  if (argc != 2)
    {
      g_printerr ("Usage: take-screenshots OUTDIR\n");
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);

  dir = g_dir_make_tmp ("idk-shots-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "desk.sqlite3", NULL);

  app = idk_application_new (APP_ID ".Screenshots", G_APPLICATION_NON_UNIQUE);
  shots.app = app;
  shots.outdir = argv[1];
  shots.db_path = db_path;
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &shots);

  app_argv[0] = argv[0];
  app_argv[1] = (char *) "--db";
  app_argv[2] = db_path;
  app_argv[3] = NULL;
  status = g_application_run (G_APPLICATION (app), 3, app_argv);

  idk_test_remove_tree (dir);
  return status;
}
