/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"
#include "idk-store-private.h"

/* Opening the store's file: a new one, migrations, the files it refuses
 * untouched, what it reads on opening, and a disk that fills up. */

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_open_new (IdkTestFixture *fixture,
               gconstpointer   data)
{
  g_autofree char *mode = NULL;

  g_assert_cmpint (idk_store_get_schema_version (fixture->store), ==, IDK_TEST_SCHEMA_VERSION);
  g_assert_true (g_uuid_string_is_valid (idk_store_get_office_uuid (fixture->store)));
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "PRAGMA application_id"), ==, 0x49444b31);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "PRAGMA user_version"), ==, IDK_TEST_SCHEMA_VERSION);
  mode = idk_test_query_text (fixture->db_path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM organizations"), ==, 0);
}

static void
test_open_migrates_empty_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("idk-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.sqlite3", NULL);
  g_autoptr(IdkStore) store = NULL;

  /* SQLite takes a zero-length file as an empty database: it is migrated
   * from version 0 and filled with the default data. */
  write_file (path, "", 0);
  store = idk_store_open (path, IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (idk_store_get_schema_version (store), ==, IDK_TEST_SCHEMA_VERSION);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actors"), ==, 18);

  g_clear_object (&store);
  idk_test_remove_tree (dir);
}

/* tests/data/v1-default.sql.gz is the SQL dump of a new database made by
 * schema version 1 (commit 5301e27): its data must come through the
 * migration whole, and the migrated file must take new writes. */
static void
test_open_migrates_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("idk-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.sqlite3", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "v1-default.sql.gz", NULL);
  g_autofree char *sql = idk_test_read_gzip (source);
  g_autofree char *office = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(JsonObject) fields = idk_test_organization_fields ("NEW", "A New Organization", "ceb-member");
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (idk_test_query_int (path, "PRAGMA user_version"), ==, 1);
  office = idk_test_query_text (path, "SELECT value FROM meta WHERE key = 'office_uuid'");

  store = idk_store_open (path, IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (idk_store_get_schema_version (store), ==, IDK_TEST_SCHEMA_VERSION);
  g_assert_cmpstr (idk_store_get_office_uuid (store), ==, office);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM revisions"), ==, 750);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actions"), ==, 77);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM bundles"), ==, 0);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'records_type'"), ==, 0);

  uuid = idk_store_save (store, "organization", NULL, fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM organizations"), ==, 72);

  g_clear_object (&store);
  idk_test_remove_tree (dir);
}

static void
assert_refused_untouched (const char   *path,
                          IdkStoreError code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autofree char *before = idk_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  store = idk_store_open (path, IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, IDK_STORE_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, path));

  after = idk_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_open_refuses_garbage (void)
{
  g_autofree char *dir = g_dir_make_tmp ("idk-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "garbage.sqlite3", NULL);
  g_autofree char *text = g_strnfill (8192, 'x');

  write_file (path, text, -1);
  assert_refused_untouched (path, IDK_STORE_ERROR_CORRUPT);
  idk_test_remove_tree (dir);
}

static void
test_open_refuses_truncated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("idk-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "full.sqlite3", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.sqlite3", NULL);
  g_autoptr(IdkStore) store = idk_store_open (path, IDK_STORE_OPEN_DEFAULT, &error);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  /* Closing folds the WAL into the main file; then keep its first third. */
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16384);
  write_file (cut, contents, (gssize) length / 3);

  assert_refused_untouched (cut, IDK_STORE_ERROR_CORRUPT);
  idk_test_remove_tree (dir);
}

static void
test_open_refuses_other_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("idk-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "other.sqlite3", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (path, IDK_STORE_ERROR_NOT_A_DESK_DATABASE);
  idk_test_remove_tree (dir);
}

static void
test_open_refuses_newer (void)
{
  g_autofree char *dir = g_dir_make_tmp ("idk-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.sqlite3", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1229212465; PRAGMA user_version = 99;"
                                 "CREATE TABLE future (x);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (path, IDK_STORE_ERROR_TOO_NEW);
  idk_test_remove_tree (dir);
}

static void
test_open_refuses_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("idk-test-XXXXXX", NULL);
  g_autoptr(IdkStore) store = idk_store_open (dir, IDK_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN);
  idk_test_remove_tree (dir);
}

/* Every field of every record type has its column, so no field is lost
 * between a revision and the row built from it. */
static void
test_open_reads_little (IdkTestFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  gint64 pages = 0;
  int rc = 0, missed = 0, highwater = 0;

  g_clear_object (&fixture->store);
  fixture->store = idk_store_open (fixture->db_path, IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (_idk_store_query_int (_idk_store_get_db (fixture->store), "PRAGMA page_count", &pages, &rc));
  g_assert_cmpint (sqlite3_db_status (_idk_store_get_db (fixture->store), SQLITE_DBSTATUS_CACHE_MISS, &missed,
                                      &highwater, FALSE), ==, SQLITE_OK);
  g_test_message ("opening read %d of %" G_GINT64_FORMAT " pages", missed, pages);
  g_assert_cmpint (pages, >, 200);
  g_assert_cmpint (missed, <, 40);
}

/* A full disk: the change is refused saying so, and nothing is written.
 * SQLite's page limit stands in for the disk (both give SQLITE_FULL); it
 * once said only "Database error: database or disk is full", and at open
 * "Cannot read the database: disk I/O error". */
static void
test_disk_full (IdkTestFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *limit = NULL;
  gint64 pages = 0;
  int rc = 0;

  g_clear_object (&fixture->store);
  before = idk_test_file_checksum (fixture->db_path);
  fixture->store = idk_store_open (fixture->db_path, IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_true (_idk_store_query_int (_idk_store_get_db (fixture->store), "PRAGMA page_count", &pages, &rc));
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
  g_assert_true (_idk_store_exec (fixture->store, limit, &error));

  /* Every action deleted at once: more than the file has room for. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT uuid FROM actions", -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  g_assert_cmpuint (uuids->len, ==, 79);
  g_ptr_array_add (uuids, NULL);
  g_assert_false (idk_store_delete_records (fixture->store, (const char * const *) uuids->pdata, &error));
  g_assert_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "There is no room left to write to the database"));
  g_assert_nonnull (strstr (error->message, "Nothing was changed."));
  g_clear_error (&error);

  /* Still readable, unchanged. */
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions"), ==, 79);
  g_clear_object (&fixture->store);
  after = idk_test_file_checksum (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}
int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  IDK_TEST_ADD_EMPTY ("/store/open/new", test_open_new);
  g_test_add_func ("/store/open/migrates-empty-file", test_open_migrates_empty_file);
  g_test_add_func ("/store/open/migrates-v1", test_open_migrates_v1);
  g_test_add_func ("/store/open/refuses-garbage", test_open_refuses_garbage);
  g_test_add_func ("/store/open/refuses-truncated", test_open_refuses_truncated);
  g_test_add_func ("/store/open/refuses-other-database", test_open_refuses_other_database);
  g_test_add_func ("/store/open/refuses-newer", test_open_refuses_newer);
  g_test_add_func ("/store/open/refuses-folder", test_open_refuses_folder);
  IDK_TEST_ADD_DEFAULTS ("/store/disk-full", test_disk_full);
  IDK_TEST_ADD_DEFAULTS ("/store/open/reads-little", test_open_reads_little);

  return g_test_run ();
}
