/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>

#include <signal.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

#include "idk-test-util.h"

/* The README's first command, run the way a user runs it: build-aux/run
 * with none of the variables the other tests set (no schema folder, no
 * translations folder, no locale).  Only where it keeps its data (a
 * folder of the test's own) and the display it draws on come from here.
 * It once aborted on every fresh machine while every other test passed. */

typedef struct
{
  char *dir;
  GSubprocess *process;
  char *log_path;
} RunFixture;

static void
run_set_up (RunFixture    *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("idk-first-run-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->log_path = g_build_filename (fixture->dir, "run.log", NULL);
}

static void
run_tear_down (RunFixture    *fixture,
               gconstpointer  data)
{
  if (fixture->process != NULL)
    {
      /* build-aux/run hands over to meson devenv, which starts the
       * application: end the whole group. */
      const char *id = g_subprocess_get_identifier (fixture->process);
      pid_t group = id != NULL ? (pid_t) g_ascii_strtoll (id, NULL, 10) : 0;

      if (group > 0)
        kill (-group, SIGTERM);
      g_subprocess_wait (fixture->process, NULL, NULL);
      g_clear_object (&fixture->process);

      /* meson devenv may end before the application it started: wait for
       * the whole group, or the next case's application finds this one
       * still on the bus and fails to register with it. */
      for (guint i = 0; group > 0 && i < 100 && (kill (-group, 0) == 0 || errno != ESRCH); i++)
        g_usleep (100 * 1000);
    }
  idk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->log_path);
}

static void
new_group (gpointer data)
{
  setpgid (0, 0);
}

/* A launcher whose environment is a user's: what the session gives
 * (PATH, the display, the session bus), nothing of the test's. */
static GSubprocessLauncher *
user_launcher (RunFixture *fixture,
               const char *language)
{
  static const char * const kept[] = {
    "PATH", "DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", NULL
  };
  g_autofree char *home = g_build_filename (fixture->dir, "home", NULL);
  g_autofree char *data = g_build_filename (home, ".local", "share", NULL);
  g_autofree char *config = g_build_filename (home, ".config", NULL);
  g_autofree char *cache = g_build_filename (home, ".cache", NULL);
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GPtrArray) environ = g_ptr_array_new_with_free_func (g_free);

  g_mkdir_with_parents (home, 0700);
  for (guint i = 0; kept[i] != NULL; i++)
    if (g_getenv (kept[i]) != NULL)
      g_ptr_array_add (environ, g_strdup_printf ("%s=%s", kept[i], g_getenv (kept[i])));
  g_ptr_array_add (environ, g_strdup_printf ("HOME=%s", home));
  /* Where a user's data would be: a new database, a first start. */
  g_ptr_array_add (environ, g_strdup_printf ("XDG_DATA_HOME=%s", data));
  g_ptr_array_add (environ, g_strdup_printf ("XDG_CONFIG_HOME=%s", config));
  g_ptr_array_add (environ, g_strdup_printf ("XDG_CACHE_HOME=%s", cache));
  if (language != NULL)
    g_ptr_array_add (environ, g_strdup_printf ("LANGUAGE=%s", language));
  g_ptr_array_add (environ, NULL);

  g_subprocess_launcher_set_environ (launcher, (char **) environ->pdata);
  g_subprocess_launcher_set_stdout_file_path (launcher, fixture->log_path);
  g_subprocess_launcher_set_flags (launcher, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_child_setup (launcher, new_group, NULL, NULL);
  return launcher;
}

static char *
log_text (RunFixture *fixture)
{
  char *text = NULL;

  g_file_get_contents (fixture->log_path, &text, NULL, NULL);
  return text ? text : g_strdup ("");
}

/* GLib's worker thread reaps the child and forgets its id. */
static gboolean
has_ended (GSubprocess *process)
{
  return g_subprocess_get_identifier (process) == NULL;
}

/* The names of the top-level windows on the display. */
static char *
window_names (void)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_command_line_sync ("xwininfo -root -tree", &out, NULL, &status, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* Waits until a window titled TITLE shows, the program still running. */
static void
wait_for_window (RunFixture *fixture,
                 const char *title)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", title);
  /* A fresh build-aux/run checks the packages and the build first. */
  gint64 deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *names = window_names ();

      if (strstr (names, quoted) != NULL)
        break;
      if (has_ended (fixture->process))
        {
          g_autofree char *log = log_text (fixture);

          g_error ("build-aux/run ended before showing “%s”:\n%s", title, log);
        }
      if (g_get_monotonic_time () > deadline)
        {
          g_autofree char *log = log_text (fixture);

          g_error ("No window “%s” appeared; windows:\n%s\noutput:\n%s", title, names, log);
        }
      g_usleep (200 * 1000);
    }
}

static void
assert_stays_up (RunFixture *fixture,
                 guint       seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      if (has_ended (fixture->process))
        {
          g_autofree char *log = log_text (fixture);

          g_error ("The application ended on its own:\n%s", log);
        }
      g_usleep (100 * 1000);
    }
}

static char *
source_root (void)
{
  return g_path_get_dirname (g_test_get_dir (G_TEST_DIST));
}

static void
start_run (RunFixture *fixture,
           const char *language)
{
  g_autoptr(GSubprocessLauncher) launcher = user_launcher (fixture, language);
  g_autoptr(GError) error = NULL;
  g_autofree char *root = source_root ();
  g_autofree char *run = g_build_filename (root, "build-aux", "run", NULL);
  g_autofree char *expected_build = g_build_filename (root, "_build", NULL);
  g_autofree char *build = g_path_get_dirname (g_test_get_dir (G_TEST_BUILT));
  g_autofree char *real_expected = realpath (expected_build, NULL);
  g_autofree char *real_build = realpath (build, NULL);

  /* build-aux/run builds and starts _build: this test checks that build. */
  if (g_strcmp0 (real_expected, real_build) != 0)
    g_error ("build-aux/run starts %s, but this test belongs to the build in %s: "
             "run the suite of _build (build-aux/test)", expected_build, build);

  g_subprocess_launcher_set_cwd (launcher, root);
  fixture->process = g_subprocess_launcher_spawn (launcher, &error, run, NULL);
  g_assert_no_error (error);
}

static void
test_run_english (RunFixture    *fixture,
                  gconstpointer  data)
{
  start_run (fixture, NULL);
  wait_for_window (fixture, "IASMN Desk");
  /* At first start it asks for the office's name. */
  wait_for_window (fixture, "This Office");
  assert_stays_up (fixture, 2);
}

static void
test_run_french (RunFixture    *fixture,
                 gconstpointer  data)
{
  g_autofree char *names = NULL;

  start_run (fixture, "fr");
  wait_for_window (fixture, "IASMN Desk");
  wait_for_window (fixture, "Ce bureau");
  assert_stays_up (fixture, 2);

  names = window_names ();
  g_assert_null (strstr (names, "\"This Office\""));
}

/* An installed copy whose schema was not compiled: it says so once and
 * runs, rather than aborting. */
static void
test_missing_schema (RunFixture    *fixture,
                     gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = user_launcher (fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "gui", "iasmn-desk", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "no-schemas", NULL);
  g_autofree char *log = NULL;
  const char *found;

  g_mkdir_with_parents (empty, 0700);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", empty, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", empty, TRUE);
  fixture->process = g_subprocess_launcher_spawn (launcher, &error, binary, NULL);
  g_assert_no_error (error);

  wait_for_window (fixture, "IASMN Desk");
  assert_stays_up (fixture, 2);

  log = log_text (fixture);
  g_assert_nonnull ((found = strstr (log, "is not installed")));
  g_assert_nonnull (strstr (log, "io.github.iasmndesk.Desk"));
  g_assert_null (strstr (found + strlen ("is not"), "is not installed"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/first-run/english", RunFixture, NULL, run_set_up, test_run_english, run_tear_down);
  g_test_add ("/first-run/french", RunFixture, NULL, run_set_up, test_run_french, run_tear_down);
  g_test_add ("/first-run/missing-schema", RunFixture, NULL, run_set_up, test_missing_schema, run_tear_down);

  return g_test_run ();
}
