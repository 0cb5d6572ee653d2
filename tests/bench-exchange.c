/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/resource.h>
#include <sys/wait.h>

#include "idk-synthetic.h"
#include "idk-test-util.h"

/* The exchange benchmark (meson benchmark "bench-exchange", or run
 * _build/tests/bench-exchange [--actions N]): a deterministic synthetic
 * IASMN of 200 organizations, 2,000 meetings, 20,000 agenda items,
 * 100,000 actions and 300,000 action updates is imported by `iasmn import`
 * into an empty database and exported again by `iasmn export`; for
 * comparison the sqlite3 shell loads the same JSON with json_each() into
 * an equivalent table, and writes it back out as JSON.  Each step runs as
 * its own process: its wall time and peak memory (maximum resident set)
 * are printed, with the ratios to the shell.  Nothing is asserted.
 */

typedef struct
{
  double seconds;
  double peak_mb;
  char *out;
} Step;

static char *
tool_path (const char *name)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self ? g_path_get_dirname (self) : g_strdup (".");

  if (g_str_equal (name, "iasmn"))
    return g_build_filename (dir, "..", "src", "cli", "iasmn", NULL);
  return g_find_program_in_path (name);
}

static Step
run_step (const char * const *argv,
          const char         *input)
{
  g_autoptr(GError) error = NULL;
  Step step = { 0, 0, NULL };
  struct rusage usage;
  GPid pid;
  int in_fd = -1, out_fd = -1, status = 0;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GString) out = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, input ? &in_fd : NULL, &out_fd, NULL, &error))
    g_error ("Cannot run %s: %s", argv[0], error->message);

  if (input != NULL)
    {
      gsize length = strlen (input);

      if (write (in_fd, input, length) != (gssize) length)
        g_error ("Cannot write to %s", argv[0]);
      close (in_fd);
    }
  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  close (out_fd);

  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed (status %d): %s", argv[0], status, out->str);

  step.seconds = (g_get_monotonic_time () - start) / 1e6;
  step.peak_mb = usage.ru_maxrss / 1024.0;
  step.out = g_string_free (g_steal_pointer (&out), FALSE);
  g_spawn_close_pid (pid);
  return step;
}

static void
print_step (const char *name,
            Step       *step)
{
  g_print ("%-34s %8.2f s %9.1f MB peak\n", name, step->seconds, step->peak_mb);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("idk-bench-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (dir, "synthetic.iasmn", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.iasmn", NULL);
  g_autofree char *db = g_build_filename (dir, "desk.sqlite3", NULL);
  g_autofree char *shell_db = g_build_filename (dir, "shell.sqlite3", NULL);
  g_autofree char *shell_json = g_build_filename (dir, "shell.json", NULL);
  g_autofree char *iasmn = tool_path ("iasmn");
  g_autofree char *sqlite3 = tool_path ("sqlite3");
  g_autofree char *load_sql = NULL, *dump_sql = NULL;
  IdkSyntheticSize size = { 200, 2000, 20000, 100000, 300000 };
  Step import, name, export, load, dump;
  guint64 n_revisions = 0;
  GStatBuf buf;

  if (argc == 3 && g_str_equal (argv[1], "--actions"))
    {
      /* Smaller runs keep the proportions. */
      size.actions = (guint) g_ascii_strtoull (argv[2], NULL, 10);
      size.updates = size.actions * 3;
      size.agenda_items = size.actions / 5;
      size.meetings = MAX (size.actions / 50, 1);
      size.organizations = MAX (MIN (size.actions / 500, 200), 1);
    }
  if (sqlite3 == NULL)
    g_error ("The sqlite3 shell is not installed (Debian package sqlite3)");

  if (!idk_synthetic_write_bundle (source, &size, &n_revisions, &error))
    g_error ("%s", error->message);
  g_stat (source, &buf);
  g_print ("Synthetic IASMN: %u organizations, %u meetings, %u agenda items, %u actions, %u action updates\n"
           "Bundle: %" G_GUINT64_FORMAT " revisions, %.1f MB\n\n",
           size.organizations, size.meetings, size.agenda_items, size.actions, size.updates,
           n_revisions, buf.st_size / 1e6);

  import = run_step ((const char *[]) { iasmn, "--db", db, "--empty", "import", source, "--accept-unsigned",
                                        NULL }, NULL);
  name = run_step ((const char *[]) { iasmn, "--db", db, "office", "set", "--name", "Benchmark office", NULL }, NULL);
  export = run_step ((const char *[]) { iasmn, "--db", db, "export", exported, NULL }, NULL);

  /* The equivalent table: our revisions table, its unique index included. */
  load_sql = g_strdup_printf (
    "PRAGMA journal_mode = WAL;\n"
    "CREATE TABLE revisions (rev_id TEXT NOT NULL UNIQUE, record_uuid TEXT NOT NULL, record_type TEXT NOT NULL,"
    " hlc TEXT NOT NULL, office_uuid TEXT NOT NULL, deleted INTEGER NOT NULL, parents TEXT NOT NULL,"
    " fields TEXT NOT NULL);\n"
    "INSERT INTO revisions SELECT json_extract (value, '$.rev'), json_extract (value, '$.record'),"
    " json_extract (value, '$.type'), json_extract (value, '$.hlc'), json_extract (value, '$.office'),"
    " json_extract (value, '$.deleted'), json_extract (value, '$.parents'), json_extract (value, '$.fields')"
    " FROM json_each (readfile ('%s'), '$.revisions');\n", exported);
  dump_sql = g_strdup_printf (
    "SELECT writefile ('%s', json_object ('revisions', json_group_array (json_object ("
    " 'record', record_uuid, 'type', record_type, 'rev', rev_id, 'parents', json (parents), 'hlc', hlc,"
    " 'office', office_uuid, 'deleted', json (CASE deleted WHEN 1 THEN 'true' ELSE 'false' END),"
    " 'fields', json (fields))))) FROM (SELECT * FROM revisions ORDER BY rowid);\n", shell_json);
  load = run_step ((const char *[]) { sqlite3, shell_db, NULL }, load_sql);
  dump = run_step ((const char *[]) { sqlite3, shell_db, NULL }, dump_sql);

  print_step ("iasmn import (empty database)", &import);
  print_step ("iasmn export", &export);
  print_step ("sqlite3 shell: load with json_each", &load);
  print_step ("sqlite3 shell: write as JSON", &dump);
  g_print ("\nimport / shell load   %.2f (target <= 1.5)\n", import.seconds / load.seconds);
  g_print ("export / shell load   %.2f (target <= 1.5)\n", export.seconds / load.seconds);
  g_print ("export / shell write  %.2f\n", export.seconds / dump.seconds);
  g_print ("peak memory           import %.1f MB, export %.1f MB (target <= 200 MB)\n",
           import.peak_mb, export.peak_mb);

  g_free (import.out);
  g_free (name.out);
  g_free (export.out);
  g_free (load.out);
  g_free (dump.out);
  idk_test_remove_tree (dir);
  return 0;
}
