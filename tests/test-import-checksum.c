/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "idk-sha256-private.h"
#include "idk-synthetic.h"
#include "idk-test-util.h"

/* Imports of bundles large enough for the importer's threads to matter.
 *
 * The SHA-256 of a bundle's revisions is computed in a thread of its own
 * while the pre-scan reads them, for bundles large enough to be given
 * back page by page (idk-import-checksum.c).  A bundle of some 25 MB goes
 * that way: its own checksum must match, and one byte changed anywhere in
 * its revisions (the first, one in the middle, the last) must not, and
 * leave the database as it was. */

/* A new empty database at @path, open, and the checksum of its file as
 * it is once closed (@content: with SQLite's header counters masked). */
static IdkStore *
open_empty (const char  *path,
            gboolean     content,
            char       **checksum)
{
  g_autoptr(GError) error = NULL;
  IdkStore *store = idk_store_open (path, IDK_STORE_OPEN_EMPTY, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  *checksum = idk_test_file_checksum_full (path, !content);
  store = idk_store_open (path, IDK_STORE_OPEN_EMPTY, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("idk-checksum-XXXXXX", &error);
  g_autofree char *bundle = g_build_filename (dir, "large.iasmn", NULL);
  g_autofree char *contents = NULL;
  IdkSyntheticSize size = { 20, 100, 1000, 10000, 50000 };
  guint64 n_revisions = 0;
  gsize length = 0;
  const char *revisions, *end;

  g_assert_no_error (error);
  g_assert_true (idk_synthetic_write_bundle (bundle, &size, &n_revisions, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (bundle, &contents, &length, &error));
  g_assert_cmpuint (length, >, 3 * (8 << 20));
  revisions = strstr (contents, "\"revisions\":[");
  end = g_strrstr (contents, "\"revisions_sha256\"");
  g_assert_true (revisions != NULL && end != NULL && end > revisions);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *db = g_strdup_printf ("%s/target-%u.sqlite3", dir, i);
      g_autofree char *copy = g_strdup_printf ("%s/copy-%u.iasmn", dir, i);
      g_autofree char *altered = g_memdup2 (contents, length);
      g_autofree char *before = NULL;
      g_autoptr(IdkStore) target = open_empty (db, FALSE, &before);
      g_autoptr(IdkImport) import = NULL;
      const char *near[] = { NULL, revisions, contents + length / 2, end - 200 };
      gboolean ok;

      /* A letter of a UUID in the revisions turned into another: the
       * JSON stays valid, only the checksum can tell. */
      if (near[i] != NULL)
        {
          char *at = strpbrk (altered + (near[i] - contents) + 20, "abcdef");

          g_assert_nonnull (at);
          g_assert_true (at < altered + (end - contents));
          *at = *at == 'a' ? 'b' : 'a';
        }
      g_assert_true (g_file_set_contents (copy, altered, (gssize) length, &error));

      import = idk_import_new (target, copy);
      idk_import_set_accept_untrusted (import, TRUE);
      ok = idk_import_prepare (import, NULL, NULL, NULL, &error);
      if (i == 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpuint (idk_import_get_n_revisions (import), ==, n_revisions);
        }
      else
        {
          g_assert_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_TAMPERED);
          g_assert_false (ok);
          g_clear_error (&error);
          g_clear_object (&import);
          g_clear_object (&target);
          g_assert_cmpstr (idk_test_keep (idk_test_file_checksum (db)), ==, before);
        }
    }

  idk_test_remove_tree (dir);
}

static void
cancel_past_a_third (double   fraction,
                     gpointer user_data)
{
  if (fraction > 0.3)
    g_cancellable_cancel (user_data);
}

/* Cancelled a third of the way through its revisions, with batches of
 * them parsed and waiting: nothing is written, the parser's thread ends,
 * and the same import done again goes through. */
static void
test_cancelled (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("idk-cancel-XXXXXX", &error);
  g_autofree char *bundle = g_build_filename (dir, "large.iasmn", NULL);
  g_autofree char *db = g_build_filename (dir, "target.sqlite3", NULL);
  g_autofree char *before = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(IdkStore) target = NULL;
  g_autoptr(IdkImport) import = NULL;
  IdkSyntheticSize size = { 20, 100, 1000, 10000, 20000 };
  guint64 n_revisions = 0;

  g_assert_no_error (error);
  g_assert_true (idk_synthetic_write_bundle (bundle, &size, &n_revisions, &error));
  g_assert_no_error (error);
  target = open_empty (db, TRUE, &before);

  import = idk_import_new (target, bundle);
  idk_import_set_accept_untrusted (import, TRUE);
  g_assert_false (idk_import_apply (import, cancel_past_a_third, cancellable, cancellable, &error));
  g_assert_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&import);
  /* As it was, but for the counters in SQLite's header that the switch
   * of journal for an import into an empty database advances. */
  g_clear_object (&target);
  g_assert_cmpstr (idk_test_keep (idk_test_file_content_checksum (db)), ==, before);
  target = idk_store_open (db, IDK_STORE_OPEN_EMPTY, &error);
  g_assert_no_error (error);

  import = idk_import_new (target, bundle);
  idk_import_set_accept_untrusted (import, TRUE);
  g_assert_true (idk_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (idk_test_query_int (db, "SELECT count (*) FROM revisions"), ==, (gint64) n_revisions);
  g_assert_cmpint (idk_test_query_int (db, "SELECT count (*) FROM actions"), ==, size.actions);
  g_clear_object (&import);
  g_clear_object (&target);

  idk_test_remove_tree (dir);
}

/* The hash of bundles is nettle's, not GChecksum's: both must agree on
 * every length around SHA-256's 64-byte blocks and its 56-byte padding
 * limit, whatever the slices it is fed in. */
static void
test_sha256 (void)
{
  const gsize lengths[] = { 0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, (1 << 20) + 7 };
  g_autofree guchar *data = g_malloc ((1 << 20) + 7);

  for (gsize i = 0; i < (1 << 20) + 7; i++)
    data[i] = (guchar) (i * 131 + (i >> 9));

  for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
    for (gsize slice = 1; slice <= 4096; slice *= 64)
      {
        g_autoptr(IdkSha256) mine = _idk_sha256_new ();
        g_autofree char *theirs = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, lengths[l]);

        for (gsize at = 0; at < lengths[l]; at += slice)
          _idk_sha256_update (mine, data + at, MIN (slice, lengths[l] - at));
        g_assert_cmpstr (_idk_sha256_hex (mine), ==, theirs);
        /* Asked again, the same. */
        g_assert_cmpstr (_idk_sha256_hex (mine), ==, theirs);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/checksum/sha256", test_sha256);
  g_test_add_func ("/import/checksum/large", test_large);
  g_test_add_func ("/import/cancelled", test_cancelled);
  return g_test_run ();
}
