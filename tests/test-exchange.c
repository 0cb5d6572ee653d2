/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-record-type-private.h"
#include "idk-test-util.h"

/* Exchange between offices on real database files and real bundle files:
 * export and import, incremental bundles and acknowledgements, repeats,
 * tampering, conflicts and their resolution, and the convergence of three
 * offices that edit at random and exchange in random orders. */

typedef struct
{
  char *path;
  IdkStore *store;
} Office;

typedef struct
{
  char *dir;
  Office offices[3];
  guint n_bundles;
} Network;

static void
network_set_up (Network       *net,
                gconstpointer  data)
{
  static const char * const names[] = { "Secretariat", "Geneva HQ", "Nairobi field office" };
  static const char * const organizations[] = { "UNDSS", "UNHCR", "WFP" };
  g_autoptr(GError) error = NULL;

  net->dir = g_dir_make_tmp ("idk-exchange-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (net->offices); i++)
    {
      g_autofree char *file = g_strdup_printf ("office-%u.sqlite3", i);
      g_autofree char *organization = NULL;
      Office *office = &net->offices[i];

      office->path = g_build_filename (net->dir, file, NULL);
      office->store = idk_store_open (office->path, IDK_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      organization = idk_store_find_organization (office->store, organizations[i]);
      g_assert_nonnull (organization);
      g_assert_true (idk_store_set_office (office->store, names[i], organization, &error));
      g_assert_no_error (error);
    }
  /* Each office has confirmed the others' fingerprints. */
  for (guint i = 0; i < G_N_ELEMENTS (net->offices); i++)
    for (guint j = 0; j < G_N_ELEMENTS (net->offices); j++)
      if (i != j)
        idk_test_trust_office (net->offices[i].store, net->offices[j].store);
}

static void
network_tear_down (Network       *net,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (net->offices); i++)
    {
      g_clear_object (&net->offices[i].store);
      g_clear_pointer (&net->offices[i].path, g_free);
    }
  idk_test_remove_tree (net->dir);
  g_clear_pointer (&net->dir, g_free);
}

/* Writes a bundle from @from, for @to (incremental) or for no one (full). */
static char *
export_bundle (Network *net,
               Office  *from,
               Office  *to,
               guint   *n_revisions)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("bundle-%03u.iasmn", net->n_bundles++);
  char *path = g_build_filename (net->dir, name, NULL);

  g_assert_true (idk_store_export (from->store, path,
                                   to ? idk_store_get_office_uuid (to->store) : NULL,
                                   NULL, n_revisions, &error));
  g_assert_no_error (error);
  return path;
}

static IdkImport *
import_bundle (Office     *office,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkImport) import = idk_import_new (office->store, path);

  gboolean ok;

  ok = idk_import_prepare (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = idk_import_apply (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return g_steal_pointer (&import);
}

static char *
create_organization (Office     *office,
                     const char *acronym,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = idk_test_organization_fields (acronym, name, "mou");
  char *uuid = idk_store_save (office->store, "organization", NULL, fields, &error);

  g_assert_no_error (error);
  return uuid;
}

/* Saves the record with one member changed; the store's answer. */
static gboolean
save_changed (Office      *office,
              const char  *uuid,
              const char  *member,
              const char  *value,
              GError     **error)
{
  g_autofree char *type = NULL;
  g_autoptr(JsonObject) fields = idk_store_get_fields (office->store, uuid, &type, error);
  g_autofree char *saved = NULL;

  g_assert_nonnull (fields);
  json_object_set_string_member (fields, member, value);
  saved = idk_store_save (office->store, type, uuid, fields, error);
  return saved != NULL;
}

static void
rename_record (Office     *office,
               const char *uuid,
               const char *member,
               const char *value)
{
  g_autoptr(GError) error = NULL;

  save_changed (office, uuid, member, value, &error);
  g_assert_no_error (error);
}

/* As rename_record(), but a change the rules refuse (a record it refers to
 * was deleted in another office meanwhile) is simply not made. */
static void
try_rename (Office     *office,
            const char *uuid,
            const char *member,
            const char *value)
{
  g_autoptr(GError) error = NULL;

  if (!save_changed (office, uuid, member, value, &error))
    g_assert_true (error->domain == IDK_RECORD_ERROR);
}

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

static void
test_conflict_and_resolution (Network       *net,
                              gconstpointer  data)
{
  Office *a = &net->offices[0], *b = &net->offices[1];
  g_autofree char *org = create_organization (a, "GEOC", "Global Emergency Operations Centre");
  g_autofree char *base = export_bundle (net, a, NULL, NULL);
  g_autoptr(IdkImport) i0 = import_bundle (b, base);
  g_autofree char *from_a = NULL, *from_b = NULL, *settled = NULL;
  g_autoptr(IdkImport) i1 = NULL, i2 = NULL, i3 = NULL;
  g_autoptr(GListModel) conflicts_a = NULL, conflicts_b = NULL;
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sum_a = NULL, *sum_b = NULL;
  g_autofree char *winner_a = NULL, *winner_b = NULL;
  IdkRevision *from_secretariat = NULL;

  /* Both offices rename the same organization before hearing of the other. */
  rename_record (a, org, "name", "Centre renamed by the Secretariat");
  rename_record (b, org, "name", "Centre renamed in Geneva");

  from_a = export_bundle (net, a, b, NULL);
  from_b = export_bundle (net, b, a, NULL);

  i1 = idk_import_new (b->store, from_a);
  g_assert_true (idk_import_prepare (i1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (idk_import_get_count (i1, "organization", IDK_IMPORT_CONFLICTING), ==, 1);
  g_assert_true (idk_import_apply (i1, NULL, NULL, NULL, &error));
  i2 = import_bundle (a, from_b);

  /* The same winner on both sides, the loser listed on both. */
  winner_a = idk_test_query_text (a->path, "SELECT name FROM organizations WHERE acronym = 'GEOC'");
  winner_b = idk_test_query_text (b->path, "SELECT name FROM organizations WHERE acronym = 'GEOC'");
  g_assert_cmpstr (winner_a, ==, winner_b);
  conflicts_a = idk_store_list_conflicts (a->store, &error);
  conflicts_b = idk_store_list_conflicts (b->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts_a), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts_b), ==, 1);
  sum_a = idk_test_dump_checksum (a->store);
  sum_b = idk_test_dump_checksum (b->store);
  g_assert_cmpstr (sum_a, ==, sum_b);

  /* Geneva keeps the Secretariat's version; the resolution travels. */
  leaves = idk_store_get_leaves (b->store, org, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (leaves->len, ==, 2);
  for (guint i = 0; i < leaves->len; i++)
    if (g_str_equal (((IdkRevision *) leaves->pdata[i])->office, idk_store_get_office_uuid (a->store)))
      from_secretariat = leaves->pdata[i];
  g_assert_nonnull (from_secretariat);
  g_assert_true (idk_store_resolve_conflict (b->store, org, from_secretariat->fields, FALSE, &error));
  g_assert_no_error (error);

  settled = export_bundle (net, b, a, NULL);
  i3 = import_bundle (a, settled);
  g_clear_object (&conflicts_a);
  conflicts_a = idk_store_list_conflicts (a->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts_a), ==, 0);
  g_free (winner_a);
  winner_a = idk_test_query_text (a->path, "SELECT name FROM organizations WHERE acronym = 'GEOC'");
  g_assert_cmpstr (winner_a, ==, "Centre renamed by the Secretariat");

  g_free (sum_a);
  g_free (sum_b);
  sum_a = idk_test_dump_checksum (a->store);
  sum_b = idk_test_dump_checksum (b->store);
  g_assert_cmpstr (sum_a, ==, sum_b);
}

static void
test_edit_beats_delete (Network       *net,
                        gconstpointer  data)
{
  Office *a = &net->offices[0], *b = &net->offices[1];
  g_autofree char *org = create_organization (a, "GEOC", "Global Emergency Operations Centre");
  g_autofree char *base = export_bundle (net, a, NULL, NULL);
  g_autoptr(IdkImport) i0 = import_bundle (b, base);
  g_autofree char *from_a = NULL, *from_b = NULL;
  g_autoptr(IdkImport) i1 = NULL, i2 = NULL;
  g_autoptr(GListModel) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (idk_store_delete (a->store, org, &error));
  rename_record (b, org, "name", "Still here");
  from_a = export_bundle (net, a, b, NULL);
  from_b = export_bundle (net, b, a, NULL);
  i1 = import_bundle (b, from_a);
  i2 = import_bundle (a, from_b);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = idk_test_query_text (net->offices[i].path,
                                                   "SELECT name FROM organizations WHERE acronym = 'GEOC'");

      g_assert_cmpstr (name, ==, "Still here");
    }
  conflicts = idk_store_list_conflicts (a->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
}

/* --- convergence ----------------------------------------------------- */

static char *
pick_record (Office     *office,
             GRand      *rand,
             const char *type,
             gboolean    live)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM records WHERE type = '%s' AND deleted = %d "
                                          "ORDER BY uuid LIMIT 1 OFFSET abs (%d) %% max (1, "
                                          "(SELECT count(*) FROM records WHERE type = '%s' AND deleted = %d))",
                                          type, !live, g_rand_int (rand) >> 1, type, !live);

  return idk_test_query_text (office->path, sql);
}

static void
random_edit (Office *office,
             GRand  *rand,
             guint   round)
{
  static const char * const statuses[] = { "open", "in-progress", "completed", "superseded", "cancelled" };
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *label = g_strdup_printf ("R%u-%u", round, g_rand_int_range (rand, 0, 1000000));

  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:
      {
        g_autofree char *uuid = create_organization (office, label, label);
        break;
      }
    case 1:
      {
        g_autofree char *uuid = pick_record (office, rand, "organization", TRUE);

        if (uuid != NULL)
          try_rename (office, uuid, "name", label);
        break;
      }
    case 2:
      {
        g_autofree char *uuid = pick_record (office, rand, "action", TRUE);

        if (uuid != NULL)
          try_rename (office, uuid, "status", statuses[g_rand_int_range (rand, 0, 5)]);
        break;
      }
    case 3:
      {
        g_autofree char *meeting = pick_record (office, rand, "meeting", TRUE);
        g_autofree char *owner = pick_record (office, rand, "organization", TRUE);
        g_autoptr(JsonObject) fields = json_object_new ();
        g_autoptr(JsonArray) owners = json_array_new ();

        if (meeting == NULL || owner == NULL)
          break;
        json_array_add_string_element (owners, owner);
        json_object_set_string_member (fields, "meeting", meeting);
        json_object_set_string_member (fields, "reference", label);
        json_object_set_string_member (fields, "text", label);
        json_object_set_string_member (fields, "kind", "decision");
        json_object_set_string_member (fields, "status", "open");
        json_object_set_array_member (fields, "owners", g_steal_pointer (&owners));
        saved = idk_store_save (office->store, "action", NULL, fields, &error);
        g_assert_no_error (error);
        break;
      }
    case 4:
    case 5:
      {
        const char *type = g_rand_boolean (rand) ? "organization" : "action";
        g_autofree char *uuid = pick_record (office, rand, type, TRUE);

        if (uuid != NULL)
          {
            g_assert_true (idk_store_delete (office->store, uuid, &error));
            g_assert_no_error (error);
          }
        break;
      }
    default:
      {
        g_autofree char *uuid = pick_record (office, rand, "organization", FALSE);

        /* A restore the rules refuse (its parent gone) is simply not made. */
        if (uuid != NULL && !idk_store_restore (office->store, uuid, &error))
          g_assert_error (error, IDK_RECORD_ERROR, IDK_RECORD_ERROR_REFERENCE);
        break;
      }
    }
}

static void
assert_losers_listed (Office *office)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) conflicts = idk_store_list_conflicts (office->store, &error);
  gint64 losers = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(IdkEntry) conflict = g_list_model_get_item (conflicts, i);
      g_autoptr(GPtrArray) leaves = idk_store_get_leaves (office->store, idk_entry_get_target_uuid (conflict),
                                                          &error);

      g_assert_no_error (error);
      g_assert_cmpuint (leaves->len, >, 1);
      losers += leaves->len - 1;
    }

  /* Every leaf that is not its record's winner, where a version is live. */
  g_assert_cmpint (losers, ==,
                   idk_test_query_int (office->path,
                                       "SELECT count(*) FROM revisions v JOIN records r ON r.uuid = v.record_uuid "
                                       "WHERE v.is_leaf = 1 AND v.rev_id <> r.winner_rev AND r.deleted = 0"));
}

static void
test_convergence (Network       *net,
                  gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *reference = NULL;
  guint rounds = 60;

  for (guint round = 0; round < rounds; round++)
    {
      guint edits = g_rand_int_range (rand, 1, 4);

      for (guint e = 0; e < edits; e++)
        random_edit (&net->offices[g_rand_int_range (rand, 0, 3)], rand, round);

      /* A random exchange, full or incremental; now and then an old
       * bundle arrives again. */
      if (g_rand_int_range (rand, 0, 3) > 0)
        {
          guint from = g_rand_int_range (rand, 0, 3);
          guint to = (from + g_rand_int_range (rand, 1, 3)) % 3;
          gboolean full = g_rand_int_range (rand, 0, 4) == 0;
          char *path = export_bundle (net, &net->offices[from], full ? NULL : &net->offices[to], NULL);
          g_autoptr(IdkImport) import = NULL;

          g_ptr_array_add (bundles, path);
          import = import_bundle (&net->offices[to], path);
        }
      if (bundles->len > 0 && g_rand_int_range (rand, 0, 4) == 0)
        {
          const char *old = bundles->pdata[g_rand_int_range (rand, 0, bundles->len)];
          g_autoptr(IdkImport) import = import_bundle (&net->offices[g_rand_int_range (rand, 0, 3)], old);
        }
    }

  /* The offices have drifted apart, or the test proves nothing. */
  {
    g_autofree char *sum_0 = idk_test_dump_checksum (net->offices[0].store);
    g_autofree char *sum_1 = idk_test_dump_checksum (net->offices[1].store);
    g_autofree char *sum_2 = idk_test_dump_checksum (net->offices[2].store);

    g_assert_true (!g_str_equal (sum_0, sum_1) || !g_str_equal (sum_1, sum_2));
  }

  /* Everyone tells everyone, in incremental bundles, twice round. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint from = 0; from < 3; from++)
      for (guint to = 0; to < 3; to++)
        if (from != to)
          {
            char *path = export_bundle (net, &net->offices[from], &net->offices[to], NULL);
            g_autoptr(IdkImport) import = import_bundle (&net->offices[to], path);

            g_ptr_array_add (bundles, path);
          }

  reference = idk_test_dump_checksum (net->offices[0].store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *sum = idk_test_dump_checksum (net->offices[i].store);

      g_assert_cmpstr (sum, ==, reference);
      assert_losers_listed (&net->offices[i]);
    }
  g_test_message ("%u bundles, %" G_GINT64_FORMAT " revisions, %" G_GINT64_FORMAT " records in conflict",
                  bundles->len,
                  idk_test_query_int (net->offices[0].path, "SELECT count(*) FROM revisions"),
                  idk_test_query_int (net->offices[0].path,
                                      "SELECT count(*) FROM records WHERE leaves > 1 AND deleted = 0"));
  g_assert_cmpint (idk_test_query_int (net->offices[0].path, "SELECT count(*) FROM revisions"), >, 800);

  /* Any bundle again, anywhere: nothing changes. */
  for (guint b = 0; b < bundles->len; b++)
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(IdkImport) import = import_bundle (&net->offices[i], bundles->pdata[b]);

        g_assert_cmpuint (idk_import_get_n_new_revisions (import), ==, 0);
      }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *sum = idk_test_dump_checksum (net->offices[i].store);

      g_assert_cmpstr (sum, ==, reference);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Network, data, network_set_up, func, network_tear_down)

  ADD ("/exchange/round-trip", test_round_trip, NULL);
  ADD ("/exchange/incremental", test_incremental, NULL);
  ADD ("/exchange/already-imported", test_already_imported, NULL);
  ADD ("/exchange/tampered", test_tampered, NULL);
  ADD ("/exchange/into-empty", test_into_empty, NULL);
  ADD ("/exchange/rows-as-settled", test_rows_as_settled, NULL);
  ADD ("/exchange/conflict-and-resolution", test_conflict_and_resolution, NULL);
  ADD ("/exchange/edit-beats-delete", test_edit_beats_delete, NULL);
  ADD ("/exchange/convergence/seed-1", test_convergence, GUINT_TO_POINTER (1));
  ADD ("/exchange/convergence/seed-2", test_convergence, GUINT_TO_POINTER (20261124));

  return g_test_run ();
}
