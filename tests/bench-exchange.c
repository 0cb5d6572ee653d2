/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/resource.h>
#include <sys/wait.h>

#include "idk-synthetic.h"
#include "idk-test-util.h"

/* The exchange benchmark (meson benchmark "bench-exchange", or run
 * _build/tests/bench-exchange [--actions N] [--json] [--keep DIR]): a deterministic synthetic
 * IASMN of 200 organizations, 2,000 meetings, 20,000 agenda items,
 * 100,000 actions and 300,000 action updates is imported by `iasmn import`
 * into an empty database and exported again by `iasmn export`; for
 * comparison the sqlite3 shell loads the same JSON with json_each() into
 * an equivalent table, and writes it back out as JSON.  Each step runs as
 * its own process: its wall time and peak memory (maximum resident set)
 * are printed, with the ratios to the shell, the time of a command that
 * only opens the database (`iasmn office show`) and the size of both
 * databases.  --json prints one object of those figures instead; --keep
 * leaves the bundle and the databases in DIR.  --runs N repeats the
 * import and the shell's load in pairs, each pair in the other order than
 * the one before, so that a machine whose speed drifts weighs on both
 * sides: the times are then medians, the import ratio the median of the
 * pairs' ratios (with the smallest and largest).  Nothing is asserted.
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
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values, and gives their median. */
static double
median (GArray *values)
{
  guint n = values->len;

  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
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
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  int actions = 0, runs = 1;
  gboolean json = FALSE;
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "actions", 0, 0, G_OPTION_ARG_INT, &actions, "Fewer actions (the rest in proportion)", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "One JSON object of named figures", NULL },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Leave the bundle and the databases in DIR", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Pairs of import and shell load (medians)", "N" },
    { NULL }
  };
  g_autofree char *dir = NULL;
  g_autofree char *source = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *db = NULL;
  g_autofree char *shell_db = NULL;
  g_autofree char *shell_json = NULL;
  g_autofree char *iasmn = tool_path ("iasmn");
  g_autofree char *sqlite3 = tool_path ("sqlite3");
  g_autofree char *load_sql = NULL, *dump_sql = NULL;
  IdkSyntheticSize size = { 200, 2000, 20000, 100000, 300000 };
  Step import, name, export, load, dump, open;
  g_autoptr(GArray) import_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *again_db = NULL, *again_shell_db = NULL;
  double import_median, load_median, ratio_median;
  guint64 n_revisions = 0;
  GStatBuf buf, db_buf, shell_buf;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (keep != NULL && g_mkdir_with_parents (keep, 0755) != 0)
    g_error ("Cannot make %s", keep);
  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("idk-bench-XXXXXX", NULL);
  source = g_build_filename (dir, "synthetic.iasmn", NULL);
  exported = g_build_filename (dir, "exported.iasmn", NULL);
  db = g_build_filename (dir, "desk.sqlite3", NULL);
  shell_db = g_build_filename (dir, "shell.sqlite3", NULL);
  shell_json = g_build_filename (dir, "shell.json", NULL);
  g_remove (db);
  g_remove (shell_db);

  if (actions > 0)
    {
      /* Smaller runs keep the proportions. */
      size.actions = (guint) actions;
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
  if (!json)
    g_print ("Synthetic IASMN: %u organizations, %u meetings, %u agenda items, %u actions, %u action updates\n"
           "Bundle: %" G_GUINT64_FORMAT " revisions, %.1f MB\n\n",
           size.organizations, size.meetings, size.agenda_items, size.actions, size.updates,
           n_revisions, buf.st_size / 1e6);

  import = run_step ((const char *[]) { iasmn, "--db", db, "--empty", "import", source, "--accept-unsigned",
                                        NULL }, NULL);
  name = run_step ((const char *[]) { iasmn, "--db", db, "office", "set", "--name", "Benchmark office", NULL }, NULL);
  export = run_step ((const char *[]) { iasmn, "--db", db, "export", exported, NULL }, NULL);
  open = run_step ((const char *[]) { iasmn, "--db", db, "office", "show", NULL }, NULL);

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

  g_array_append_val (import_s, import.seconds);
  g_array_append_val (load_s, load.seconds);
  ratio_median = import.seconds / load.seconds;
  g_array_append_val (ratios, ratio_median);
  again_db = g_build_filename (dir, "again.sqlite3", NULL);
  again_shell_db = g_build_filename (dir, "again-shell.sqlite3", NULL);
  for (int k = 1; k < runs; k++)
    {
      Step pair[2];

      for (int j = 0; j < 2; j++)
        {
          gboolean shell = (j == 0) == (k % 2 == 1);

          remove_database (shell ? again_shell_db : again_db);
          if (shell)
            pair[1] = run_step ((const char *[]) { sqlite3, again_shell_db, NULL }, load_sql);
          else
            pair[0] = run_step ((const char *[]) { iasmn, "--db", again_db, "--empty", "import", source,
                                                   "--accept-unsigned", NULL }, NULL);
        }
      g_array_append_val (import_s, pair[0].seconds);
      g_array_append_val (load_s, pair[1].seconds);
      ratio_median = pair[0].seconds / pair[1].seconds;
      g_array_append_val (ratios, ratio_median);
      import.peak_mb = MAX (import.peak_mb, pair[0].peak_mb);
      g_free (pair[0].out);
      g_free (pair[1].out);
    }
  remove_database (again_db);
  remove_database (again_shell_db);
  import_median = median (import_s);
  load_median = median (load_s);
  ratio_median = median (ratios);

  g_stat (db, &db_buf);
  g_stat (shell_db, &shell_buf);
  if (json)
    {
      g_print ("{\"revisions\": %" G_GUINT64_FORMAT ", \"bundle_mb\": %.1f, "
               "\"import_s\": %.2f, \"export_s\": %.2f, \"shell_load_s\": %.2f, \"shell_write_s\": %.2f, "
               "\"import_ratio\": %.2f, \"import_ratio_min\": %.2f, \"import_ratio_max\": %.2f, \"runs\": %d, "
               "\"export_ratio\": %.2f, \"import_peak_mb\": %.1f, "
               "\"export_peak_mb\": %.1f, \"cli_open_ms\": %.0f, \"db_mb\": %.1f, \"shell_db_mb\": %.1f}\n",
               n_revisions, buf.st_size / 1e6, import_median, export.seconds, load_median, dump.seconds,
               ratio_median, g_array_index (ratios, double, 0), g_array_index (ratios, double, ratios->len - 1),
               MAX (runs, 1), export.seconds / load_median, import.peak_mb, export.peak_mb,
               open.seconds * 1000, db_buf.st_size / 1e6, shell_buf.st_size / 1e6);
    }
  else
    {
      print_step ("iasmn import (empty database)", &import);
      print_step ("iasmn export", &export);
      print_step ("iasmn office show (opening only)", &open);
      print_step ("sqlite3 shell: load with json_each", &load);
      print_step ("sqlite3 shell: write as JSON", &dump);
      if (runs > 1)
        g_print ("\n%d pairs: import %.2f s, shell load %.2f s (medians)\n", runs, import_median, load_median);
      g_print ("\nimport / shell load   %.2f (target <= 1.5)", ratio_median);
      if (runs > 1)
        g_print (", median of %d pairs, %.2f-%.2f", runs, g_array_index (ratios, double, 0),
                 g_array_index (ratios, double, ratios->len - 1));
      g_print ("\nexport / shell load   %.2f (target <= 1.5)\n", export.seconds / load_median);
      g_print ("export / shell write  %.2f\n", export.seconds / dump.seconds);
      g_print ("peak memory           import %.1f MB, export %.1f MB (target <= 200 MB)\n",
               import.peak_mb, export.peak_mb);
      g_print ("database size         %.1f MB, the shell's %.1f MB\n", db_buf.st_size / 1e6, shell_buf.st_size / 1e6);
    }

  g_free (import.out);
  g_free (name.out);
  g_free (export.out);
  g_free (load.out);
  g_free (dump.out);
  g_free (open.out);
  if (keep == NULL)
    idk_test_remove_tree (dir);
  return 0;
}
