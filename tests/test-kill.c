/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>

#include "idk-cli-test-util.h"
#include "idk-synthetic.h"

/* `iasmn import` of a large bundle killed with SIGKILL at several points
 * of its run: afterwards the database passes PRAGMA integrity_check and
 * holds either none or all of the bundle, and the import can be run again
 * to the end. */

#define N_KILLS 6
#define MAX_EXTRA_KILLS 40

static gint64
count_revisions (const char *db)
{
  return idk_test_query_int (db, "SELECT count(*) FROM revisions");
}

static double
import_seconds (const char *db,
                const char *bundle)
{
  g_auto(Run) run = { 0 };
  gint64 start = g_get_monotonic_time ();

  run_cli (&run, NULL, "--db", db, "import", bundle, "--accept-unsigned", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);

  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Starts an import and kills it after @delay seconds; whether it was
 * still running then. */
static gboolean
kill_command (const char *db,
              const char *command,
              const char *file,
              double      delay)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cli = cli_path ();
  /* The synthetic bundle is unsigned. */
  const char *argv[] = { cli, "--db", db, command, file,
                         g_str_equal (command, "import") ? "--accept-unsigned" : NULL, NULL };
  gboolean running;
  int status = 0;
  GPid pid;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  g_usleep ((gulong) (delay * G_USEC_PER_SEC));
  running = waitpid (pid, &status, WNOHANG) == 0;
  if (running)
    {
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* It may have finished between the look and the kill: then it was
       * not killed, and must have succeeded. */
      if (WIFEXITED (status))
        {
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          running = FALSE;
        }
      else
        g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
    }
  g_spawn_close_pid (pid);
  return running;
}

static void
test_kill_during_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("idk-kill-XXXXXX", NULL);
  g_autofree char *bundle = g_build_filename (dir, "large.iasmn", NULL);
  g_autofree char *template = g_build_filename (dir, "template.sqlite3", NULL);
  g_autofree char *timed = g_build_filename (dir, "timed.sqlite3", NULL);
  g_autofree char *db = g_build_filename (dir, "killed.sqlite3", NULL);
  IdkSyntheticSize size = { 50, 200, 2000, 10000, 12000 };
  g_auto(Run) make = { 0 };
  guint64 n_revisions = 0;
  gint64 before, after_full;
  double seconds;
  guint mid_way = 0, none = 0, all = 0;

  g_assert_true (idk_synthetic_write_bundle (bundle, &size, &n_revisions, &error));
  g_assert_no_error (error);

  run_cli (&make, NULL, "--db", template, "stats", NULL);
  g_assert_cmpint (make.status, ==, 0);
  before = count_revisions (template);

  copy_file (template, timed);
  seconds = import_seconds (timed, bundle);
  after_full = count_revisions (timed);
  g_assert_cmpint (after_full, ==, before + (gint64) n_revisions);
  g_test_message ("a whole import of %" G_GUINT64_FORMAT " revisions takes %.2f s", n_revisions, seconds);

  for (guint k = 0; k < N_KILLS; k++)
    {
      double delay = seconds * (k + 0.5) / N_KILLS;
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);
      g_autofree char *check = NULL;
      g_autoptr(IdkStore) store = NULL;
      gint64 count;

      g_remove (wal);
      g_remove (shm);
      copy_file (template, db);
      if (kill_command (db, "import", bundle, delay))
        mid_way++;

      /* Opened as SQLite opens it after a crash: the WAL is recovered. */
      check = idk_test_query_text (db, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
      count = count_revisions (db);
      g_test_message ("killed after %.2f s: %" G_GINT64_FORMAT " revisions", delay, count);
      if (count == before)
        none++;
      else if (count == after_full)
        all++;
      else
        g_error ("killed after %.2f s: %" G_GINT64_FORMAT " revisions, neither %" G_GINT64_FORMAT
                 " nor %" G_GINT64_FORMAT, delay, count, before, after_full);

      /* The store opens it (header and schema checked) and the import runs to the end. */
      store = idk_store_open (db, IDK_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_clear_object (&store);
      import_seconds (db, bundle);
      g_assert_cmpint (count_revisions (db), ==, after_full);
    }

  g_test_message ("%u of %d kills mid-way: %u left nothing, %u left everything", mid_way, N_KILLS, none, all);
  g_assert_cmpuint (mid_way, >=, N_KILLS / 2);
  g_assert_cmpuint (none, >, 0);

  idk_test_remove_tree (dir);
}

/* The files of a folder other than @except. */
static guint
count_other_files (const char *dir_name,
                   const char *except)
{
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;
  g_autofree char *signature = g_strconcat (except, ".minisig", NULL);
  guint n = 0;

  /* The bundle and its signature are expected; anything else is left over. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += !g_str_equal (name, except) && !g_str_equal (name, signature);
  return n;
}

static gint64
bundle_seq (const char *path)
{
  g_autofree char *contents = NULL;
  const char *seq;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  seq = strstr (contents, "\n\"seq\":");
  g_assert_nonnull (seq);
  return g_ascii_strtoll (seq + strlen ("\n\"seq\":"), NULL, 10);
}

/* `iasmn export` killed at several points: the next export leaves no
 * partial file behind, and a bundle the killed one published carries a
 * seq the database recorded, so the next one never reuses it (it did when
 * the file was renamed into place before the commit). */
static void
test_kill_during_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("idk-kill-export-XXXXXX", NULL);
  g_autofree char *bundle = g_build_filename (dir, "large.iasmn", NULL);
  g_autofree char *db = g_build_filename (dir, "desk.sqlite3", NULL);
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *out = g_build_filename (out_dir, "for-all.iasmn", NULL);
  IdkSyntheticSize size = { 50, 200, 2000, 10000, 12000 };
  guint64 n_revisions = 0;
  double seconds;
  gint64 start;
  guint left = 0;

  g_assert_true (idk_synthetic_write_bundle (bundle, &size, &n_revisions, &error));
  g_assert_no_error (error);
  import_seconds (db, bundle);
  g_mkdir (out_dir, 0755);
  {
    g_autoptr(IdkStore) store = idk_store_open (db, IDK_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (idk_store_set_office (store, "Killed office", NULL, &error));
  }

  start = g_get_monotonic_time ();
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "--db", db, "export", out, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("a whole export takes %.2f s", seconds);

  /* The partial file lives only while the revisions are written, a few
   * hundredths of a second since they are hashed with nettle: the kills
   * go on, spread over the export by the golden ratio, until one lands
   * in it. */
  for (guint k = 0; k < N_KILLS || (left == 0 && k < N_KILLS + MAX_EXTRA_KILLS); k++)
    {
      double golden = k * 0.6180339887;
      double delay = k < N_KILLS ? seconds * (k + 0.5) / N_KILLS : seconds * (golden - (guint) golden);
      gint64 published, recorded;
      g_auto(Run) again = { 0 };

      g_remove (out);
      kill_command (db, "export", out, delay);
      left += count_other_files (out_dir, "for-all.iasmn") > 0;
      published = bundle_seq (out);
      recorded = idk_test_query_int (db, "SELECT coalesce (max (seq), 0) FROM bundles "
                                         "WHERE origin = (SELECT value FROM meta WHERE key = 'office_uuid')");
      g_test_message ("killed after %.2f s: published seq %" G_GINT64_FORMAT ", recorded %" G_GINT64_FORMAT,
                      delay, published, recorded);
      /* Published means recorded. */
      g_assert_cmpint (published, <=, recorded);

      /* The next export cleans up after the killed one and takes a new seq. */
      g_remove (out);
      {
        g_autofree char *signature = g_strconcat (out, ".minisig", NULL);

        g_remove (signature);
      }
      run_cli (&again, NULL, "--db", db, "export", out, NULL);
      g_assert_cmpint (again.status, ==, 0);
      g_assert_cmpint (bundle_seq (out), ==, recorded + 1);
      g_assert_cmpuint (count_other_files (out_dir, "for-all.iasmn"), ==, 0);
    }
  g_test_message ("%u of the kills left a partial file, removed by the next export", left);
  g_assert_cmpuint (left, >, 0);

  idk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kill/during-import", test_kill_during_import);
  g_test_add_func ("/kill/during-export", test_kill_during_export);

  return g_test_run ();
}
