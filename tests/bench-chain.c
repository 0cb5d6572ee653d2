/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"

/* The import of one record's chain of revisions (the trusted-exchange
 * issue's first finding: a chain of N revisions took time in N², 0.5 s at
 * 2k, 40 s at 20k).  For each length a bundle holding one organization
 * renamed N times is exported and imported into an empty database; the
 * import's seconds and seconds per thousand revisions are printed (and
 * with --json as one object).  Nothing is asserted: the per-thousand
 * figure staying flat is what a linear import looks like.
 *
 * bench-chain [--json] [LENGTH…]   (default 2000 10000 20000)
 */

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static char *
make_chain (const char *dir,
            guint       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_strdup_printf ("%s/source-%u.sqlite3", dir, length);
  char *bundle = g_strdup_printf ("%s/chain-%u.iasmn", dir, length);
  g_autoptr(IdkStore) store = idk_store_open (db, IDK_STORE_OPEN_EMPTY, &error);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *uuid = NULL;

  g_assert_no_error (error);
  g_assert_true (idk_store_set_office (store, "Chain office", NULL, &error));
  json_object_set_string_member (fields, "name", "Organization 0");
  json_object_set_string_member (fields, "category", "mou");
  /* One transaction for the lot: each save is a savepoint in it. */
  g_assert_true (idk_store_begin (store, &error));
  uuid = idk_store_save (store, "organization", NULL, fields, &error);
  g_assert_no_error (error);
  for (guint i = 1; i < length; i++)
    {
      g_autofree char *name = g_strdup_printf ("Organization %u", i);
      g_autofree char *saved = NULL;

      json_object_set_string_member (fields, "name", name);
      saved = idk_store_save (store, "organization", uuid, fields, &error);
      g_assert_no_error (error);
    }
  g_assert_true (idk_store_commit (store, &error));
  g_assert_true (idk_store_export (store, bundle, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return bundle;
}

static double
import_seconds (const char *dir,
                const char *bundle,
                guint       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_strdup_printf ("%s/target-%u.sqlite3", dir, length);
  g_autoptr(IdkStore) store = idk_store_open (db, IDK_STORE_OPEN_EMPTY, &error);
  g_autoptr(IdkImport) import = NULL;
  double start;

  g_assert_no_error (error);
  start = now ();
  import = idk_import_new (store, bundle);
  idk_import_set_accept_untrusted (import, TRUE);  /* crafted, unsigned */
  g_assert_true (idk_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return now () - start;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("idk-chain-XXXXXX", &error);
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) json = g_string_new ("{");
  gboolean as_json = FALSE;

  idk_i18n_init ();
  for (int i = 1; i < argc; i++)
    {
      guint n;

      if (g_str_equal (argv[i], "--json"))
        as_json = TRUE;
      else if ((n = (guint) g_ascii_strtoull (argv[i], NULL, 10)) > 0)
        g_array_append_val (lengths, n);
    }
  if (lengths->len == 0)
    {
      static const guint defaults[] = { 2000, 10000, 20000 };

      g_array_append_vals (lengths, defaults, G_N_ELEMENTS (defaults));
    }

  for (guint i = 0; i < lengths->len; i++)
    {
      guint length = g_array_index (lengths, guint, i);
      g_autofree char *bundle = make_chain (dir, length);
      double seconds = import_seconds (dir, bundle, length);

      if (as_json)
        g_string_append_printf (json, "%s\"%u\": {\"seconds\": %.3f, \"per_1000\": %.4f}",
                                i ? ", " : "", length, seconds, seconds * 1000 / length);
      else
        g_print ("chain of %6u revisions: import %7.3f s, %.4f s per 1,000\n",
                 length, seconds, seconds * 1000 / length);
    }
  if (as_json)
    g_print ("%s}\n", json->str);

  idk_test_remove_tree (dir);
  return 0;
}
