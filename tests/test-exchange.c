/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-record-type-private.h"
#include "idk-exchange-network.h"

/* Exchange between offices on real database files and real bundle files:
 * export and import, incremental bundles and acknowledgements, repeats,
 * importing into an empty database, and tampering. */

static void
test_round_trip (Network       *net,
                 gconstpointer  data)
{
  Office *a = &net->offices[0], *b = &net->offices[1];
  g_autofree char *org = create_organization (a, "GEOC", "Global Emergency Operations Centre");
  g_autofree char *bundle = NULL;
  g_autofree char *sum_a = NULL;
  g_autofree char *sum_b = NULL;
  g_autoptr(IdkImport) import = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  bundle = export_bundle (net, a, NULL, &n);
  g_assert_cmpuint (n, ==, 749);

  import = idk_import_new (b->store, bundle);
  g_assert_true (idk_import_prepare (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (idk_import_is_already_imported (import));
  g_assert_cmpuint (idk_import_get_n_revisions (import), ==, 749);
  g_assert_cmpuint (idk_import_get_n_new_revisions (import), ==, 1);
  g_assert_cmpuint (idk_import_get_count (import, "organization", IDK_IMPORT_NEW), ==, 1);
  g_assert_cmpuint (idk_import_get_count (import, "organization", IDK_IMPORT_UNCHANGED), ==, 71);
  g_assert_cmpuint (idk_import_get_count (import, NULL, IDK_IMPORT_UPDATED), ==, 0);
  g_assert_cmpuint (idk_import_get_count (import, NULL, IDK_IMPORT_CONFLICTING), ==, 0);
  g_assert_cmpstr (idk_import_get_origin_name (import), ==, "Secretariat");
  g_assert_cmpstr (idk_import_get_origin_organization (import), ==, "UNDSS");

  /* Nothing is written before apply. */
  g_assert_cmpint (idk_test_query_int (b->path, "SELECT count(*) FROM organizations"), ==, 71);
  g_assert_true (idk_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (idk_test_query_int (b->path, "SELECT count(*) FROM organizations"), ==, 72);

  sum_a = idk_test_dump_checksum (a->store);
  sum_b = idk_test_dump_checksum (b->store);
  g_assert_cmpstr (sum_a, ==, sum_b);
}

static void
test_incremental (Network       *net,
                  gconstpointer  data)
{
  Office *a = &net->offices[0], *b = &net->offices[1];
  g_autofree char *first = NULL, *reply = NULL, *second = NULL, *org = NULL;
  g_autofree char *sum_a = NULL, *sum_b = NULL;
  g_autoptr(IdkImport) i1 = NULL, i2 = NULL, i3 = NULL;
  guint n = 0;

  /* B has acknowledged nothing: the bundle for it is full. */
  first = export_bundle (net, a, b, &n);
  g_assert_cmpuint (n, ==, 748);
  i1 = import_bundle (b, first);

  /* B's reply acknowledges A's bundle 1... */
  reply = export_bundle (net, b, a, &n);
  i2 = import_bundle (a, reply);
  g_assert_cmpint (idk_test_query_int (a->path, "SELECT acked FROM offices WHERE uuid = "
                                       "(SELECT uuid FROM offices WHERE name = 'Geneva HQ')"), ==, 1);

  /* ...so A's next bundle for B holds only what came since. */
  org = create_organization (a, "GEOC", "Global Emergency Operations Centre");
  rename_record (a, org, "name", "Global Emergency Operations Centre (GEOC)");
  second = export_bundle (net, a, b, &n);
  g_assert_cmpuint (n, ==, 2);
  i3 = import_bundle (b, second);
  g_assert_cmpuint (idk_import_get_count (i3, "organization", IDK_IMPORT_NEW), ==, 1);

  sum_a = idk_test_dump_checksum (a->store);
  sum_b = idk_test_dump_checksum (b->store);
  g_assert_cmpstr (sum_a, ==, sum_b);
  g_assert_cmpint (idk_test_query_int (b->path, "SELECT count(*) FROM organizations WHERE name LIKE '%(GEOC)'"), ==, 1);
}

static void
test_already_imported (Network       *net,
                       gconstpointer  data)
{
  Office *a = &net->offices[0], *b = &net->offices[1];
  g_autofree char *org = create_organization (a, "GEOC", "Global Emergency Operations Centre");
  g_autofree char *bundle = export_bundle (net, a, NULL, NULL);
  g_autoptr(IdkImport) first = import_bundle (b, bundle);
  g_autoptr(IdkImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_clear_object (&b->store);
  before = idk_test_file_checksum (b->path);
  b->store = idk_store_open (b->path, IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  again = idk_import_new (b->store, bundle);
  g_assert_true (idk_import_prepare (again, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (idk_import_is_already_imported (again));
  g_assert_true (idk_import_apply (again, NULL, NULL, NULL, &error));

  g_clear_object (&b->store);
  after = idk_test_file_checksum (b->path);
  g_assert_cmpstr (before, ==, after);
  b->store = idk_store_open (b->path, IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* An office's own bundle is known to it too. */
  g_clear_object (&again);
  again = idk_import_new (a->store, bundle);
  g_assert_true (idk_import_prepare (again, NULL, NULL, NULL, &error));
  g_assert_true (idk_import_is_already_imported (again));
}

/* The import leaves the schema's checks and foreign keys off while it
 * writes what it has checked itself; on again after, whatever the
 * outcome. */
static void
assert_checks_on (IdkStore *store)
{
  gint64 ignored = -1;
  int rc;

  g_assert_true (_idk_store_query_int (_idk_store_get_db (store), "PRAGMA ignore_check_constraints", &ignored, &rc));
  g_assert_cmpint (ignored, ==, 0);
  g_assert_true (_idk_store_query_int (_idk_store_get_db (store), "PRAGMA foreign_keys", &ignored, &rc));
  g_assert_cmpint (ignored, ==, 1);
}

/* Into a database without revisions the import runs under a rollback
 * journal, so no log of it is left to check in; refused or not, the data
 * and the WAL mode after are as with any other import.  With another
 * connection open, SQLite refuses the switch and the import runs in WAL. */
static void
import_into_empty (Network    *net,
                   const char *name,
                   gboolean    shared)
{
  Office *a = &net->offices[0];
  g_autofree char *bundle = export_bundle (net, a, NULL, NULL);
  g_autofree char *bad = g_build_filename (net->dir, "bad.iasmn", NULL);
  Office empty = { g_build_filename (net->dir, name, NULL), NULL };
  g_autofree char *wal = g_strconcat (empty.path, "-wal", NULL);
  g_autoptr(IdkStore) other = NULL;
  g_autoptr(IdkImport) refused = NULL;
  g_autoptr(IdkImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sum_a = NULL;
  g_autofree char *sum_empty = NULL;
  GStatBuf buf = { 0 };

  empty.store = idk_store_open (empty.path, IDK_STORE_OPEN_EMPTY, &error);
  g_assert_no_error (error);
  idk_test_trust_office (empty.store, a->store);
  if (shared)
    {
      other = idk_store_open_connection (empty.store, &error);
      g_assert_no_error (error);
    }

  /* Refused halfway through the revisions, past the checks of the file. */
  idk_test_rewrite_bundle (bundle, bad, "\"category\":\"mou\"", "\"category\":\"nonsense\"");
  refused = idk_import_new (empty.store, bad);
  g_assert_false (idk_import_prepare (refused, NULL, NULL, NULL, &error));
  g_assert_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (idk_test_query_int (empty.path, "SELECT count (*) FROM revisions"), ==, 0);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (empty.path, "PRAGMA journal_mode")), ==, "wal");
  assert_checks_on (empty.store);

  import = import_bundle (&empty, bundle);
  g_assert_cmpint (idk_test_query_int (empty.path, "SELECT count (*) FROM revisions"), ==,
                   idk_import_get_n_revisions (import));
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (empty.path, "PRAGMA journal_mode")), ==, "wal");
  assert_checks_on (empty.store);
  if (g_stat (wal, &buf) != 0)
    buf.st_size = 0;
  if (shared)
    g_assert_cmpint (buf.st_size, >, 0);
  else
    g_assert_cmpint (buf.st_size, ==, 0);

  sum_a = idk_test_dump_checksum (a->store);
  sum_empty = idk_test_dump_checksum (empty.store);
  g_assert_cmpstr (sum_a, ==, sum_empty);

  /* Writes after it go to the log again, and an import into it now has
   * revisions to keep: the ordinary path. */
  g_free (create_organization (&empty, "GEOC", "Global Emergency Operations Centre"));
  g_assert_cmpint (g_stat (wal, &buf), ==, 0);
  g_assert_cmpint (buf.st_size, >, 0);

  g_clear_object (&other);
  g_clear_object (&empty.store);
  g_free (empty.path);
}

static void
test_into_empty (Network       *net,
                 gconstpointer  data)
{
  import_into_empty (net, "empty.sqlite3", FALSE);
  import_into_empty (net, "empty-shared.sqlite3", TRUE);
}

/* Every query row of @path as text that tells the types apart (quote ()
 * writes 1, '1' and 1.0 differently), and its search index. */
static char *
typed_rows (const char *path)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i <= idk_record_type_count (); i++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      /* The search index last, by the uuid of its action. */
      if (i == idk_record_type_count ())
        sql = g_strdup ("SELECT a.uuid, f.reference, f.topic, f.text, f.owners "
                        "FROM actions_fts f JOIN actions a ON a.rowid = f.rowid ORDER BY a.uuid");
      else
        sql = g_strdup_printf ("SELECT * FROM %s ORDER BY uuid", idk_record_type_nth (i)->table);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (text, "# %s\n", sql);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              sqlite3_value *value = sqlite3_column_value (stmt, c);

              if (sqlite3_value_type (value) == SQLITE_TEXT)
                g_string_append_printf (text, "'%s'\t", (const char *) sqlite3_value_text (value));
              else if (sqlite3_value_type (value) == SQLITE_NULL)
                g_string_append (text, "NULL\t");
              else
                g_string_append_printf (text, "%d:%s\t", sqlite3_value_type (value),
                                        (const char *) sqlite3_value_text (value));
            }
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The query rows of most records of a bundle are written with their
 * revisions, out of values taken where the bundle is parsed (from the
 * parsed fields, or by SQLite for fields with escapes); settling extracts
 * them from the stored revision.  The paths must write the same rows: a
 * bundle whose fields are not compact takes the last for every record.  Records the bundle creates and then changes, deletes or
 * gives a conflicting sibling come out as settled, and count as new. */
static void
test_rows_as_settled (Network       *net,
                      gconstpointer  data)
{
  Office *a = &net->offices[0], *b = &net->offices[1];
  g_autofree char *renamed = create_organization (a, "GEOC", "Global Emergency Operations Centre");
  g_autofree char *deleted = create_organization (a, "TMP", "Temporary office");
  g_autofree char *bundle = NULL;
  g_autofree char *spaced = g_build_filename (net->dir, "spaced.iasmn", NULL);
  g_autofree char *from_bundle = NULL;
  g_autofree char *from_spaced = NULL;
  g_autofree char *settled = NULL;
  g_autofree char *sum_a = NULL;
  Office fast = { g_build_filename (net->dir, "fast.sqlite3", NULL), NULL };
  Office slow = { g_build_filename (net->dir, "slow.sqlite3", NULL), NULL };
  g_autoptr(IdkImport) import = NULL;
  g_autoptr(IdkImport) again = NULL;
  g_autoptr(GError) error = NULL;

  g_autofree char *conflicting = create_organization (a, "CNF", "Conflict office");
  g_autofree char *escaped = create_organization (a, "ESC", "Office \"Quoted\" \\ with a backslash");
  g_autoptr(JsonObject) aliased = idk_test_organization_fields ("ALI", "Organisation des alias", "mou");
  g_autofree char *with_aliases = NULL;
  g_autofree char *to_b = NULL;
  g_autofree char *to_a = NULL;
  g_autofree char *edited_action = NULL;
  g_autofree char *deleted_action = NULL;

  /* Arrays and text that is not plain ASCII, without escapes. */
  json_array_add_string_element (json_object_get_array_member (aliased, "aliases"), "ALI-1");
  json_array_add_string_element (json_object_get_array_member (aliased, "aliases"), "Alias é, ü");
  with_aliases = idk_store_save (a->store, "organization", NULL, aliased, &error);
  g_assert_no_error (error);

  /* Edited in two offices at once: three revisions, two of them leaves. */
  to_b = export_bundle (net, a, b, NULL);
  g_clear_object (&import);
  import = import_bundle (b, to_b);
  rename_record (a, conflicting, "name", "Conflict office, as Geneva has it");
  rename_record (b, conflicting, "name", "Conflict office, as Nairobi has it");
  to_a = export_bundle (net, b, a, NULL);
  g_clear_object (&import);
  import = import_bundle (a, to_a);

  rename_record (a, renamed, "name", "Global Emergency Operations Centre (renamed)");
  g_assert_true (idk_store_delete (a->store, deleted, &error));
  g_assert_no_error (error);
  /* Actions with owners, edited and deleted after their first revision. */
  edited_action = idk_test_query_text (a->path, "SELECT uuid FROM actions WHERE owners <> '[]' ORDER BY uuid LIMIT 1");
  deleted_action = idk_test_query_text (a->path, "SELECT uuid FROM actions WHERE owners <> '[]' ORDER BY uuid DESC LIMIT 1");
  rename_record (a, edited_action, "text", "Edited after its first revision");
  g_assert_true (idk_store_delete (a->store, deleted_action, &error));
  g_assert_no_error (error);
  bundle = export_bundle (net, a, NULL, NULL);
  idk_test_rewrite_bundle (bundle, spaced, "\"fields\":{", "\"fields\":{ ");

  for (guint i = 0; i < 2; i++)
    {
      Office *office = i == 0 ? &fast : &slow;

      office->store = idk_store_open (office->path, IDK_STORE_OPEN_EMPTY, &error);
      g_assert_no_error (error);
      idk_test_trust_office (office->store, a->store);
      /* The rewritten copy lost its signature with its bytes. */
      g_clear_object (&import);
      import = idk_import_new (office->store, i == 0 ? bundle : spaced);
      idk_import_set_accept_untrusted (import, i == 1);
      g_assert_true (idk_import_apply (import, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      /* Both the renamed and the deleted organization are new here. */
      g_assert_cmpuint (idk_import_get_n_new_revisions (import), ==, idk_import_get_n_revisions (import));
      g_assert_cmpuint (idk_import_get_count (import, "organization", IDK_IMPORT_NEW), ==, 75);
      g_assert_cmpuint (idk_import_get_count (import, "organization", IDK_IMPORT_CONFLICTING), ==, 1);
      g_assert_cmpuint (idk_import_get_count (import, NULL, IDK_IMPORT_UPDATED), ==, 0);
    }
  g_assert_cmpint (idk_test_query_int (fast.path, "SELECT count (*) FROM organizations WHERE acronym = 'TMP'"), ==, 0);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (fast.path, "SELECT name FROM organizations WHERE acronym = 'GEOC'")),
                   ==, "Global Emergency Operations Centre (renamed)");

  /* Foreign keys off while importing, but none broken. */
  g_assert_cmpint (idk_test_query_int (fast.path, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (idk_test_query_int (slow.path, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);
  assert_checks_on (fast.store);

  g_assert_cmpint (idk_test_query_int (fast.path, "SELECT count (*) FROM action_owners WHERE action IN "
                                       "(SELECT uuid FROM actions WHERE text = 'Edited after its first revision')"), >, 0);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (fast.path, "SELECT group_concat (action) FROM action_owners "
                                                       "WHERE action NOT IN (SELECT uuid FROM actions)")), ==, NULL);

  from_bundle = typed_rows (fast.path);
  from_spaced = typed_rows (slow.path);
  g_assert_cmpstr (from_bundle, ==, from_spaced);
  /* And as the office that made them settled them, one save at a time. */
  settled = typed_rows (a->path);
  g_assert_cmpstr (from_bundle, ==, settled);
  sum_a = idk_test_dump_checksum (a->store);
  g_assert_cmpstr (idk_test_keep (idk_test_dump_checksum (fast.store)), ==, sum_a);
  g_assert_cmpstr (idk_test_keep (idk_test_dump_checksum (slow.store)), ==, sum_a);

  g_clear_object (&fast.store);
  g_clear_object (&slow.store);
  g_free (fast.path);
  g_free (slow.path);
}

static void
test_tampered (Network       *net,
               gconstpointer  data)
{
  Office *a = &net->offices[0], *b = &net->offices[1];
  g_autofree char *org = create_organization (a, "GEOC", "Global Emergency Operations Centre");
  g_autofree char *bundle = export_bundle (net, a, NULL, NULL);
  g_autofree char *forged = g_build_filename (net->dir, "forged.iasmn", NULL);
  g_autoptr(IdkImport) first = import_bundle (b, bundle);
  g_autoptr(IdkImport) second = NULL;
  g_autoptr(GError) error = NULL;

  /* The same origin and seq, other content, a matching checksum: only
   * what B remembers of bundle 1 can tell. */
  idk_test_rewrite_bundle (bundle, forged, "Global Emergency Operations Centre", "Forged Centre");
  second = idk_import_new (b->store, forged);
  g_assert_false (idk_import_prepare (second, NULL, NULL, NULL, &error));
  g_assert_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_TAMPERED);
  if (strstr (error->message, "already sent its bundle number 1 with other content") == NULL)
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  NETWORK_ADD ("/exchange/round-trip", test_round_trip, NULL);
  NETWORK_ADD ("/exchange/incremental", test_incremental, NULL);
  NETWORK_ADD ("/exchange/already-imported", test_already_imported, NULL);
  NETWORK_ADD ("/exchange/tampered", test_tampered, NULL);
  NETWORK_ADD ("/exchange/into-empty", test_into_empty, NULL);
  NETWORK_ADD ("/exchange/rows-as-settled", test_rows_as_settled, NULL);

  return g_test_run ();
}
