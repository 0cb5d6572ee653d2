/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/wait.h>

#include "idk-action-list.h"
#include "idk-actions-view.h"
#include "idk-gui-test-util.h"

/* The GUI benchmark (meson benchmark "bench-gui", or run under Xvfb
 * _build/tests/bench-gui [--db FILE] [--json] [--keep DIR]): the real
 * application is started on a database, twice, each in a process of its
 * own: once on a new database holding the default data, once on the
 * exchange benchmark's dataset of 100,000 actions (made by bench-exchange
 * unless --db names it).  Each run measures the time from the start of
 * the process to the window's first frame, then in the Actions view the
 * longest main-thread stall (the window can neither draw nor take input
 * meanwhile: the longest a watchdog thread, asking every 2 ms, waited for
 * the main thread to answer) while a search is typed, one key every
 * 120 ms, until its result shows; while a status filter is chosen; while
 * the table is sorted by due date; and the resident memory after each.
 * --json prints one object of named figures, the default data's under
 * names ending in "_default".  Nothing is asserted.
 */

#define TYPED "resid"
#define KEY_INTERVAL_MS 120

/* A watchdog thread asks the main thread, every 2 ms, to run a trivial
 * callback and waits for it: how long the answer takes is how long the
 * main thread was busy with other work, unable to draw or take input. */
static GMutex watch_lock;
static GCond watch_cond;
static gboolean watch_answered;
static gint64 longest_busy;
static gboolean watching = TRUE;
static gint n_answers;

static gboolean
answer_cb (gpointer data)
{
  g_mutex_lock (&watch_lock);
  watch_answered = TRUE;
  g_cond_signal (&watch_cond);
  g_mutex_unlock (&watch_lock);
  return G_SOURCE_REMOVE;
}

static gpointer
watchdog_thread (gpointer data)
{
  while (g_atomic_int_get (&watching))
    {
      gint64 asked = g_get_monotonic_time ();

      g_mutex_lock (&watch_lock);
      watch_answered = FALSE;
      /* An idle source, not g_main_context_invoke (), which would run
       * here whenever the main context is free to take. */
      g_idle_add_full (G_PRIORITY_HIGH, answer_cb, NULL, NULL);
      while (!watch_answered)
        g_cond_wait (&watch_cond, &watch_lock);
      g_mutex_unlock (&watch_lock);

      longest_busy = MAX (longest_busy, g_get_monotonic_time () - asked);
      g_atomic_int_inc (&n_answers);
      g_usleep (2000);
    }
  return NULL;
}

static void
stall_start (void)
{
  longest_busy = 0;
}

/* The longest stall since stall_start (), once the watchdog has seen
 * the main thread answer twice more: the last stall is only known when
 * its answer comes. */
static double
stall_ms (void)
{
  gint seen = g_atomic_int_get (&n_answers);

  while (g_atomic_int_get (&n_answers) < seen + 2)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
  return longest_busy / 1000.0;
}

static double
rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

/* Runs the main loop until the list has its result and the window has
 * drawn it. */
static void
wait_for_list (IdkActionList *list)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (idk_action_list_is_loading (list))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The actions did not come");
      g_main_context_iteration (NULL, TRUE);
    }
  idk_gui_settle (100);
}

static gboolean
is_type (GtkWidget *widget,
         gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The status filter: the drop-down whose first choice is "All statuses". */
static gboolean
is_status_filter (GtkWidget *widget,
                  gpointer   data)
{
  GListModel *model;
  g_autoptr(GObject) first = NULL;

  if (!GTK_IS_DROP_DOWN (widget) || !(model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget))) ||
      !GTK_IS_STRING_LIST (model))
    return FALSE;
  return g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), data) == 0;
}

typedef struct
{
  gint64 started;
  double first_frame_s;
  GtkWindow *window;
} Run;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Run           *run)
{
  if (run->first_frame_s == 0)
    run->first_frame_s = (g_get_monotonic_time () - run->started) / 1e6;
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, run);
}

static void
on_realize_cb (GtkWidget *window,
               Run       *run)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), run);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    Run            *run)
{
  if (IDK_IS_WINDOW (window) && run->window == NULL)
    {
      run->window = window;
      g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), run);
    }
}

static gboolean
measure (gpointer data)
{
  GApplication *app = data;
  Run *run = g_object_get_data (G_OBJECT (app), "run");
  IdkWindow *window;
  GtkWidget *view, *root, *entry, *status, *column_view;
  IdkActionList *list;
  GListModel *columns;
  g_autoptr(GString) json = g_string_new ("{");
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  while (run->window == NULL || run->first_frame_s == 0)
    g_main_context_iteration (NULL, TRUE);

  window = IDK_WINDOW (run->window);
  /* The first-run dialog would take the keyboard: it waits. */
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (l->data != run->window)
      gtk_widget_set_visible (l->data, FALSE);

  idk_window_set_view (window, "actions");
  view = idk_window_get_view_widget (window, "actions");
  list = idk_actions_view_get_list (IDK_ACTIONS_VIEW (view));
  root = GTK_WIDGET (window);
  idk_gui_settle (300);
  wait_for_list (list);

#define FIGURE(name, value) \
  g_string_append_printf (json, "%s\"%s\": %s", json->len > 1 ? ", " : "", name, \
                          g_ascii_formatd (buffer, sizeof buffer, "%.3f", value))

  FIGURE ("first_frame_s", run->first_frame_s);
  FIGURE ("start_rss_mb", rss_mb ());

  /* A search typed key by key: the entry waits for a pause, then each
   * query replaces the last. */
  entry = idk_gui_wait_for (root, is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY), "The search entry");
  stall_start ();
  for (guint i = 1; i <= strlen (TYPED); i++)
    {
      g_autofree char *typed = g_strndup (TYPED, i);

      gtk_editable_set_text (GTK_EDITABLE (entry), typed);
      idk_gui_settle (KEY_INTERVAL_MS);
    }
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (g_strcmp0 (idk_action_list_get_search (list), TYPED) != 0 && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
  wait_for_list (list);
  FIGURE ("search_stall_ms", stall_ms ());
  FIGURE ("search_rss_mb", rss_mb ());
  FIGURE ("search_hits", g_list_model_get_n_items (G_LIST_MODEL (list)));

  status = idk_gui_wait_for (root, is_status_filter, (gpointer) "All statuses", "The status filter");
  stall_start ();
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 1);
  idk_gui_settle (10);
  wait_for_list (list);
  FIGURE ("filter_stall_ms", stall_ms ());
  FIGURE ("filter_rss_mb", rss_mb ());

  column_view = idk_gui_wait_for (root, is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW), "The table");
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));
  stall_start ();
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Due") == 0)
        gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (column_view), column, GTK_SORT_ASCENDING);
    }
  idk_gui_settle (10);
  wait_for_list (list);
  FIGURE ("sort_stall_ms", stall_ms ());
  FIGURE ("gui_rss_mb", rss_mb ());
  FIGURE ("actions_alive", idk_action_count_alive ());
#undef FIGURE

  g_string_append (json, "}");
  g_print ("%s\n", json->str);
  gtk_window_destroy (run->window);
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

/* One run: the application on DB, in this process. */
static int
run_child (const char *db,
           gint64      started)
{
  g_autoptr(IdkApplication) app = NULL;
  const char *argv[] = { "iasmn-desk", "--db", db, NULL };
  Run run = { started, 0, NULL };

  g_thread_unref (g_thread_new ("watchdog", watchdog_thread, NULL));

  gtk_disable_setlocale ();
  app = idk_application_new ("org.iasmn.Desk.BenchGui", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_object_set_data (G_OBJECT (app), "run", &run);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), &run);
  g_idle_add (measure, app);
  return g_application_run (G_APPLICATION (app), 3, (char **) argv);
}

static char *
run_self (const char *self,
          const char *db)
{
  const char *argv[] = { self, "--child", db, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("The run on %s failed: %s", db, error->message);
  g_strchomp (out);
  return g_steal_pointer (&out);
}

/* Copies FILE to DIR and returns the copy's name: a run may change it. */
static char *
copy_database (const char *file,
               const char *dir,
               const char *name)
{
  g_autofree char *copy = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) from = g_file_new_for_path (file);
  g_autoptr(GFile) to = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("Cannot copy %s: %s", file, error->message);
  return g_steal_pointer (&copy);
}

int
main (int   argc,
      char *argv[])
{
  gint64 started = g_get_monotonic_time ();
  g_autofree char *db = NULL;
  g_autofree char *keep = NULL;
  gboolean json = FALSE;
  gboolean child = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The large database (else bench-exchange makes one)", "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "One JSON object of named figures", NULL },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Leave the databases in DIR", "DIR" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &child, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *small = NULL;
  g_autofree char *large = NULL;
  g_autofree char *small_json = NULL;
  g_autofree char *large_json = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (child)
    return argc == 2 ? run_child (argv[1], started) : 2;

  if (keep != NULL)
    {
      g_mkdir_with_parents (keep, 0755);
      dir = g_strdup (keep);
    }
  else if (!(dir = g_dir_make_tmp ("bench-gui-XXXXXX", &error)))
    g_error ("%s", error->message);

  if (db == NULL)
    {
      g_autofree char *bin = g_path_get_dirname (self);
      g_autofree char *exchange = g_build_filename (bin, "bench-exchange", NULL);
      g_autofree char *data = g_build_filename (dir, "exchange", NULL);
      const char *make[] = { exchange, "--json", "--keep", data, NULL };
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) make, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                         &status, &error) || !g_spawn_check_wait_status (status, &error))
        g_error ("bench-exchange failed: %s", error->message);
      db = g_build_filename (data, "desk.sqlite3", NULL);
    }

  small = g_build_filename (dir, "default.sqlite3", NULL);
  g_unlink (small);
  large = copy_database (db, dir, "large.sqlite3");

  small_json = run_self (self, small);
  large_json = run_self (self, large);

  if (json)
    {
      /* One object: the large dataset's figures, then the default data's
       * with "_default" after each name. */
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GRegex) names = g_regex_new ("\"([a-z_]+)\":", 0, 0, NULL);
      g_autofree char *renamed = g_regex_replace (names, small_json, -1, 0, "\"\\1_default\":", 0, NULL);

      g_string_append_len (out, large_json, (gssize) strlen (large_json) - 1);
      g_string_append (out, ", ");
      g_string_append (out, renamed + 1);
      g_print ("%s\n", out->str);
    }
  else
    g_print ("default data: %s\nlarge dataset (%s): %s\n", small_json, db, large_json);

  if (keep == NULL)
    {
      g_unlink (small);
      g_unlink (large);
      idk_test_remove_tree (dir);
    }
  return 0;
}
