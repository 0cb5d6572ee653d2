/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "idk-hub-server.h"

#include <glib/gstdio.h>

/* The hub benchmark (meson benchmark "bench-hub", or run
 * _build/tests/bench-hub [--bundles N] [--runs N] [--json]): one office
 * makes N bundles (100) of action updates, each mailed as a file and
 * pushed to a pouchdb-server hub as it was mailed; their sizes are drawn
 * log-uniformly from 1 to 1,000 updates (the same seed every run), so
 * that a few big bundles weigh as they do in a network of busy and quiet
 * offices.  Then a second office pulls all N from the hub, and a third
 * imports the N files, each through the same import.  Both start from
 * copies of the same database; with --runs the pairs alternate their
 * order, and the figures are medians.  Nothing is asserted but that
 * both end with the same data. */

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_of (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);

  g_array_sort (sorted, compare);
  return g_array_index (sorted, double, sorted->len / 2);
}

/* A copy as SQLite makes it, with what its write-ahead log holds. */
/* The smallest (@which < 0) or largest of @values. */
static double
bound_of (GArray *values,
          int     which)
{
  g_autoptr(GArray) sorted = g_array_copy (values);

  g_array_sort (sorted, compare);
  return g_array_index (sorted, double, which < 0 ? 0 : sorted->len - 1);
}

static char *
copy_database (const char *path,
               const char *name,
               const char *dir)
{
  g_autofree char *to = g_build_filename (dir, name, NULL);
  char *sql, *message = NULL;
  sqlite3 *db = NULL;

  g_remove (to);
  sql = sqlite3_mprintf ("VACUUM INTO %Q", to);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK
      || sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("Cannot copy %s: %s", path, message != NULL ? message : sqlite3_errmsg (db));
  sqlite3_close (db);
  sqlite3_free (sql);
  return g_steal_pointer (&to);
}

static double
pull_all (Hub        *hub,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = idk_store_open (path, IDK_STORE_OPEN_DEFAULT, &error);
  g_autoptr(IdkHub) client = NULL;
  IdkHubCounts counts = { 0 };
  gint64 start;

  g_assert_no_error (error);
  client = hub_client (hub, 1);
  start = g_get_monotonic_time ();
  if (!idk_hub_pull (client, store, &counts, NULL, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
import_all (GPtrArray  *files,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = idk_store_open (path, IDK_STORE_OPEN_DEFAULT, &error);
  gint64 start;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(IdkImport) import = idk_import_new (store, files->pdata[i]);

      if (!idk_import_prepare (import, NULL, NULL, NULL, &error) || !idk_import_apply (import, NULL, NULL, NULL, &error))
        g_error ("%s: %s", (char *) files->pdata[i], error->message);
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  int n_bundles = 100, runs = 3;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "bundles", 0, 0, G_OPTION_ARG_INT, &n_bundles, "How many bundles", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Pairs of pull and file import (medians)", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "One JSON object of named figures", NULL },
    { NULL }
  };
  Hub hub = { 0 };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) pull_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) file_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  g_autoptr(IdkHub) sender = NULL;
  g_autofree char *pristine = NULL, *mailbox = g_uuid_string_random ();
  g_auto(GStrv) actions = NULL;
  guint64 n_updates = 0, bytes = 0, smallest = G_MAXUINT64, largest = 0;
  double pull_median, file_median;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  hub_set_up (&hub, NULL);
  sender = hub_client (&hub, 0);
  if (!idk_store_set_hub (hub.offices[0], hub.url, NULL, &error))
    g_error ("%s", error->message);
  /* The receivers start from the same database: office 1's, before any bundle. */
  pristine = copy_database (idk_store_get_path (hub.offices[1]), "pristine.sqlite3", hub.dir);

  {
    g_autofree char *all = idk_test_query_text (idk_store_get_path (hub.offices[0]),
                                                "SELECT group_concat (uuid) FROM actions");
    actions = g_strsplit (all, ",", -1);
  }

  for (int i = 0; i < n_bundles; i++)
    {
      guint size = (guint) exp (g_rand_double_range (rand, 0, log (1000.0)));
      g_autofree char *name = g_strdup_printf ("bundle-%03d.iasmn", i);
      g_autofree char *path = g_build_filename (hub.dir, name, NULL);
      GStatBuf buf;
      guint64 length;

      for (guint j = 0; j < MAX (size, 1); j++)
        {
          const char *one[] = { actions[g_rand_int_range (rand, 0, g_strv_length (actions))], NULL };
          g_autofree char *note = g_strdup_printf ("Update %u of bundle %d", j, i);

          if (!idk_store_add_action_update (hub.offices[0], one, "in-progress", note, "Benchmark", &error))
            g_error ("%s", error->message);
        }
      n_updates += MAX (size, 1);
      if (!idk_store_export (hub.offices[0], path, mailbox, NULL, NULL, &error))
        g_error ("%s", error->message);
      /* Whoever it was mailed to acknowledges it, so that the next is incremental. */
      if (!idk_store_record_hub_ack (hub.offices[0], mailbox, i + 1, &error))
        g_error ("%s", error->message);
      g_stat (path, &buf);
      length = buf.st_size;
      bytes += length;
      smallest = MIN (smallest, length);
      largest = MAX (largest, length);
      g_ptr_array_add (files, g_steal_pointer (&path));
    }
  if (!idk_hub_push (sender, hub.offices[0], NULL, NULL, &error))
    g_error ("%s", error->message);

  for (int run = 0; run < runs; run++)
    {
      g_autofree char *pulling = copy_database (pristine, "pulling.sqlite3", hub.dir);
      g_autofree char *importing = copy_database (pristine, "importing.sqlite3", hub.dir);
      g_autofree char *a = NULL, *b = NULL;
      double pull, file;

      if (run % 2 == 0)
        pull = pull_all (&hub, pulling), file = import_all (files, importing);
      else
        file = import_all (files, importing), pull = pull_all (&hub, pulling);
      g_array_append_val (pull_s, pull);
      g_array_append_val (file_s, file);
      g_array_append_val (ratios, (double) { pull / file });

      {
        g_autoptr(IdkStore) x = idk_store_open (pulling, IDK_STORE_OPEN_DEFAULT, &error);
        g_autoptr(IdkStore) y = idk_store_open (importing, IDK_STORE_OPEN_DEFAULT, &error);

        a = idk_test_dump_checksum (x);
        b = idk_test_dump_checksum (y);
        if (g_strcmp0 (a, b) != 0)
          g_error ("The pull and the files ended with different data");
      }
    }
  pull_median = median_of (pull_s);
  file_median = median_of (file_s);

  if (json)
    g_print ("{\"bundles\":%d,\"updates\":%" G_GUINT64_FORMAT ",\"bytes\":%" G_GUINT64_FORMAT ","
             "\"smallest_bytes\":%" G_GUINT64_FORMAT ",\"largest_bytes\":%" G_GUINT64_FORMAT ",\"runs\":%d,"
             "\"pull_s\":%.3f,\"files_s\":%.3f,\"ratio\":%.2f,\"ratio_min\":%.2f,\"ratio_max\":%.2f}\n",
             n_bundles, n_updates, bytes, smallest, largest, runs, pull_median, file_median, median_of (ratios),
             bound_of (ratios, -1), bound_of (ratios, 1));
  else
    g_print ("%d bundles, %" G_GUINT64_FORMAT " action updates, %.2f MB (%.1f kB to %.1f kB each)\n"
             "pulled from the hub: %.3f s (%.1f ms a bundle)\n"
             "imported from files: %.3f s (%.1f ms a bundle)\n"
             "pull / files: %.2f (median of %d pairs; %.2f to %.2f)\n",
             n_bundles, n_updates, bytes / 1e6, smallest / 1e3, largest / 1e3,
             pull_median, pull_median * 1000 / n_bundles, file_median, file_median * 1000 / n_bundles,
             median_of (ratios), runs, bound_of (ratios, -1), bound_of (ratios, 1));

  hub_tear_down (&hub, NULL);
  return 0;
}
