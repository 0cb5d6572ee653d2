/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>

#include "idk-core.h"
#include "idk-store-private.h"

G_BEGIN_DECLS

/* The schema version this build writes. */
#define IDK_TEST_SCHEMA_VERSION 6

/* A folder of its own for each test, removed afterwards. */
typedef struct
{
  char *dir;
  char *db_path;
  IdkStore *store;
} IdkTestFixture;

static inline void
idk_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        idk_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* The text of a gzip-compressed fixture. */
static inline char *
idk_test_read_gzip (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) raw = NULL;
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  raw = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_assert_no_error (error);
  stream = g_converter_input_stream_new (raw, G_CONVERTER (decompressor));
  g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (memory, "", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (memory, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (memory));
}

static inline void
idk_test_fixture_set_up_empty (IdkTestFixture *fixture,
                               gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("idk-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "desk.sqlite3", NULL);
  fixture->store = idk_store_open (fixture->db_path, IDK_STORE_OPEN_EMPTY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static inline void
idk_test_fixture_set_up_defaults (IdkTestFixture *fixture,
                                  gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("idk-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "desk.sqlite3", NULL);
  fixture->store = idk_store_open (fixture->db_path, IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static inline void
idk_test_fixture_tear_down (IdkTestFixture *fixture,
                            gconstpointer   data)
{
  g_clear_object (&fixture->store);
  idk_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
}

/* The SHA-256 of a file; @counters: with the two counters of SQLite's
 * file header that count writes (the file change counter at 24 and the
 * version-valid-for number at 92), or without.  An import into a database
 * without revisions switches its journal mode and back, which counts as
 * two writes of the header, whether or not it is refused. */
static inline char *
idk_test_file_checksum_full (const char *path,
                             gboolean    counters)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  if (!counters && length >= 100)
    {
      memset (contents + 24, 0, 4);
      memset (contents + 92, 0, 4);
    }
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

#define idk_test_file_checksum(path) idk_test_file_checksum_full ((path), TRUE)
#define idk_test_file_content_checksum(path) idk_test_file_checksum_full ((path), FALSE)

/* Copies a bundle written by idk_store_export() with @from replaced by
 * @to in its revisions, and a checksum that matches again: a forgery only
 * the receiver's memory of the original can tell. */
static inline void
idk_test_rewrite_bundle (const char *source,
                         const char *target,
                         const char *from,
                         const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sum = NULL;
  g_autoptr(GString) text = NULL;
  const char *start, *end;

  g_file_get_contents (source, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, from, to, 0), >, 0);

  start = strstr (text->str, "\"revisions\":[") + strlen ("\"revisions\":");
  end = strstr (text->str, ",\n\"revisions_sha256\":\"");
  g_assert_true (start != NULL && end != NULL && end > start);
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) start, (gsize) (end - start));
  memcpy ((char *) end + strlen (",\n\"revisions_sha256\":\""), sum, 64);

  g_file_set_contents (target, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
}

/* The text after the first @key of @contents up to the next quote or
 * comma: a member of a bundle's envelope, found without parsing it (a
 * malformed bundle may be too deep for json-glib). */
static inline char *
idk_test_envelope_member (const char *contents,
                          const char *key,
                          gboolean    last)
{
  const char *at = last ? g_strrstr (contents, key) : strstr (contents, key);

  if (at == NULL)
    return g_strdup ("");
  at += strlen (key);
  return g_strndup (at, strcspn (at, "\",}\n"));
}

/* Writes @path.minisig, @pair's signature of the bundle at @path with
 * the trusted comment its envelope calls for, as far as it can be read. */
static inline void
idk_test_sign_bundle (IdkKeyPair *pair,
                      const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *office = NULL;
  g_autofree char *seq = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *signature_path = g_strconcat (path, ".minisig", NULL);
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  office = idk_test_envelope_member (contents, "\"origin\":{\"office\":\"", FALSE);
  seq = idk_test_envelope_member (contents, "\n\"seq\":", FALSE);
  sum = idk_test_envelope_member (contents, "\"revisions_sha256\":\"", TRUE);
  comment = idk_trust_bundle_comment (office, "", g_ascii_strtoll (seq, NULL, 10), sum);
  signature = idk_signature_sign (pair, (const guint8 *) contents, length, comment, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (signature_path, signature, -1, &error));
}

/* The canonical dump's checksum: offices that hold the same data have
 * the same. */
/* The fields of a new organization, as the record type wants them. */
static inline JsonObject *
idk_test_organization_fields (const char *acronym,
                              const char *name,
                              const char *category)
{
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (fields, "acronym", acronym);
  json_object_set_string_member (fields, "name", name);
  json_object_set_string_member (fields, "category", category);
  json_object_set_null_member (fields, "parent");
  json_object_set_array_member (fields, "aliases", json_array_new ());
  return fields;
}

static inline char *
idk_test_dump_checksum (IdkStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (idk_store_dump (store, out, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Makes @truster trust the key of @office, as a user would once the
 * fingerprint is confirmed. */
static inline void
idk_test_trust_office (IdkStore *truster,
                       IdkStore *office)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) keys = idk_store_describe_keys (office, &error);
  JsonObject *own;
  JsonArray *list;
  JsonObject *current = NULL;
  g_autofree char *name = idk_store_get_office_name (office);

  g_assert_no_error (error);
  own = json_node_get_object (keys);
  list = json_object_get_array_member (own, "keys");
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (json_object_get_boolean_member (json_array_get_object_element (list, i), "current"))
      current = json_array_get_object_element (list, i);
  g_assert_nonnull (current);
  g_assert_true (idk_store_trust_key (truster, json_object_get_string_member (current, "public_key"),
                                      json_object_get_string_member (own, "fingerprint"),
                                      idk_store_get_office_uuid (office), name, &error));
  g_assert_no_error (error);
}

/* A number from the database, read on a connection of its own so that
 * tests see what is committed, not what the store holds in memory. */
static inline gint64
idk_test_query_int (const char *db_path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  _idk_store_register_functions (db);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static inline char *
idk_test_query_text (const char *db_path,
                     const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  _idk_store_register_functions (db);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* A seed report (data/defaults/sources), read with the names @store knows. */
static inline IdkReport *
idk_test_read_seed_report (IdkStore   *store,
                           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "defaults", "sources", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkReportLexicon) lexicon = idk_store_load_report_lexicon (store, &error);
  IdkReport *report;

  g_assert_no_error (error);
  report = idk_report_new_from_file (file, lexicon, NULL, &error);
  g_assert_no_error (error);
  return report;
}

/* Registers a test run on a new database holding the default data. */
#define IDK_TEST_ADD_DEFAULTS(path, func) \
  g_test_add (path, IdkTestFixture, NULL, idk_test_fixture_set_up_defaults, func, idk_test_fixture_tear_down)

/* Registers a test run on a new empty database. */
#define IDK_TEST_ADD_EMPTY(path, func) \
  g_test_add (path, IdkTestFixture, NULL, idk_test_fixture_set_up_empty, func, idk_test_fixture_tear_down)

/* Keeps a string until the end of the test program, so that assertions
 * can use query results inline without leaking them. */
static inline const char *
idk_test_keep (char *text)
{
  static GPtrArray *kept;

  if (kept == NULL)
    kept = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (kept, text);
  return text;
}

static inline char **
idk_test_keep_strv (char **strv)
{
  static GPtrArray *kept;

  if (kept == NULL)
    kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (kept, strv);
  return strv;
}

G_END_DECLS
