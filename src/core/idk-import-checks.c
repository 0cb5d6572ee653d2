/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-import"

#include "config.h"

#include "idk-hlc-private.h"
#include "idk-import-private.h"
#include "idk-record-type-private.h"
#include "idk-revision-private.h"

/* The staging of an import in the connection's temporary tables, the
 * checks that need the whole bundle or the database, the preview, and the
 * write.  Staged revisions never touch the database file until
 * _idk_import_write(), so a refused bundle leaves it byte for byte as it
 * was.  Set-based SQL keeps a bundle of hundreds of thousands of
 * revisions to a few statements.
 */

static const char staging_schema[] =
  "CREATE TEMP TABLE IF NOT EXISTS incoming ("
  "  ord INTEGER PRIMARY KEY,"
  "  rev_id TEXT NOT NULL UNIQUE,"
  "  record TEXT NOT NULL,"
  "  type TEXT NOT NULL,"
  "  hlc INTEGER NOT NULL,"
  "  office TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL,"
  "  parents TEXT NOT NULL,"
  "  fields TEXT NOT NULL,"
  "  held INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX IF NOT EXISTS temp.incoming_record ON incoming (record);"
  "CREATE TEMP TABLE IF NOT EXISTS incoming_parents ("
  "  rev_id TEXT NOT NULL,"
  "  parent TEXT NOT NULL,"
  "  PRIMARY KEY (rev_id, parent)"
  ") WITHOUT ROWID;"
  "CREATE INDEX IF NOT EXISTS temp.incoming_parents_parent ON incoming_parents (parent);"
  "CREATE TEMP TABLE IF NOT EXISTS incoming_refs ("
  "  ord INTEGER NOT NULL,"
  "  field TEXT NOT NULL,"
  "  target TEXT NOT NULL,"
  "  types TEXT NOT NULL"
  ");"
  "CREATE TEMP TABLE IF NOT EXISTS preview ("
  "  record TEXT PRIMARY KEY,"
  "  type TEXT NOT NULL,"
  "  existed INTEGER NOT NULL,"
  "  old_winner TEXT,"
  "  new_winner TEXT,"
  "  leaves INTEGER,"
  "  live_leaves INTEGER"
  ") WITHOUT ROWID;"
  "DELETE FROM temp.incoming;"
  "DELETE FROM temp.incoming_parents;"
  "DELETE FROM temp.incoming_refs;"
  "DELETE FROM temp.preview;";

static const char clear_staging[] =
  "DELETE FROM temp.incoming; DELETE FROM temp.incoming_parents;"
  "DELETE FROM temp.incoming_refs; DELETE FROM temp.preview;";

#define NEW_PARENTS \
  "SELECT p.parent FROM temp.incoming_parents p JOIN temp.incoming i ON i.rev_id = p.rev_id WHERE i.held = 0"

static gboolean
refuse (GError         **error,
        IdkBundleError   code,
        const char      *format,
        ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError         **error,
        IdkBundleError   code,
        const char      *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, IDK_BUNDLE_ERROR, code, message);
  return FALSE;
}

static const char *
text (sqlite3_stmt *stmt,
      int           column)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);

  return value ? value : "";
}

/* Runs a query that finds the first fault of a kind; @report turns its
 * row into the error. */
typedef void (*ReportFunc) (sqlite3_stmt  *stmt,
                            GError       **error);

static gboolean
find_fault (IdkStore    *store,
            const char  *sql,
            ReportFunc   report,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found;
  int rc;

  if (!(stmt = _idk_store_prepare (store, sql, error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  found = rc == SQLITE_ROW;
  if (found)
    report (stmt, error);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _idk_store_sql_error (store, error);
  return !found;
}

gboolean
_idk_import_check_seen (IdkStore    *store,
                        const char  *bundle_id,
                        const char  *origin,
                        gint64       seq,
                        const char  *sha256,
                        gboolean    *already_imported,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *already_imported = FALSE;

  if (!(stmt = _idk_store_prepare (store,
                                   "SELECT bundle_id, origin, seq, sha256 FROM bundles "
                                   "WHERE bundle_id = ?1 OR (origin = ?2 AND seq = ?3)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, bundle_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, origin, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, seq);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean same = g_str_equal (text (stmt, 0), bundle_id) &&
                      g_str_equal (text (stmt, 1), origin) &&
                      sqlite3_column_int64 (stmt, 2) == seq &&
                      g_str_equal (text (stmt, 3), sha256);

      if (!same)
        {
          sqlite3_reset (stmt);
          if (g_str_equal (text (stmt, 0), bundle_id))
            return refuse (error, IDK_BUNDLE_ERROR_TAMPERED,
                           "A bundle with the id %s was received before with other content: "
                           "this one was altered or forged", bundle_id);
          return refuse (error, IDK_BUNDLE_ERROR_TAMPERED,
                         "Office %s already sent its bundle number %" G_GINT64_FORMAT " with other "
                         "content: this one was altered or forged", origin, seq);
        }
      *already_imported = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (store, error);

  if (!*already_imported && g_str_equal (origin, idk_store_get_office_uuid (store)))
    return refuse (error, IDK_BUNDLE_ERROR_TAMPERED,
                   "The bundle claims to come from this office, which did not make it");

  return TRUE;
}

/* Staging runs in a deferred transaction: it writes only temporary
 * tables and holds a read snapshot of the database, which in WAL mode
 * blocks no one. */
gboolean
_idk_import_begin_staging (IdkStore  *store,
                           GError   **error)
{
  if (!_idk_store_exec (store, "PRAGMA temp.cache_size = -65536; BEGIN DEFERRED", error))
    return FALSE;
  if (!_idk_store_exec (store, staging_schema, error))
    {
      _idk_store_exec (store, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
_idk_import_end_staging (IdkStore  *store,
                         gboolean   keep,
                         GError   **error)
{
  if (keep)
    return _idk_store_exec (store, "COMMIT", error);

  _idk_store_exec (store, "ROLLBACK", NULL);
  return _idk_store_exec (store, clear_staging, error);
}

static gboolean
stage_refs (IdkStore     *store,
            guint         index,
            IdkRevision  *revision,
            GError      **error)
{
  const IdkRecordType *type = idk_record_type_lookup (revision->type);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const IdkFieldSpec *spec = &type->fields[i];
      JsonNode *node = json_object_get_member (revision->fields, spec->name);
      g_autofree char *types = NULL;
      g_autoptr(GPtrArray) targets = g_ptr_array_new ();

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (spec->kind == IDK_FIELD_REF)
        g_ptr_array_add (targets, (gpointer) json_node_get_string (node));
      else if (spec->kind == IDK_FIELD_REFS)
        for (guint j = 0; j < json_array_get_length (json_node_get_array (node)); j++)
          g_ptr_array_add (targets, (gpointer) json_array_get_string_element (json_node_get_array (node), j));
      else
        continue;

      types = g_strjoinv (",", (char **) spec->ref_types);
      for (guint j = 0; j < targets->len; j++)
        {
          sqlite3_stmt *stmt;

          if (!(stmt = _idk_store_prepare (store,
                                           "INSERT INTO temp.incoming_refs (ord, field, target, types) "
                                           "VALUES (?1, ?2, ?3, ?4)", error)))
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, index);
          sqlite3_bind_text (stmt, 2, spec->name, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, targets->pdata[j], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, types, -1, SQLITE_STATIC);
          if (!_idk_store_step_done (store, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * _idk_import_stage:
 * @index: the revision's position in the bundle, from 0
 * @fields: the text of its fields as the bundle has it
 *
 * Adds a checked revision to the staging tables.
 */
gboolean
_idk_import_stage (IdkStore     *store,
                   guint         index,
                   IdkRevision  *revision,
                   const char   *fields,
                   gsize         fields_length,
                   GError      **error)
{
  g_autofree char *parents = _idk_revision_parents_json ((const char * const *) revision->parents);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _idk_store_prepare (store,
                                   "INSERT INTO temp.incoming (ord, rev_id, record, type, hlc, office, "
                                   "  deleted, parents, fields) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, json (?9))", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, index);
  sqlite3_bind_text (stmt, 2, revision->rev_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, revision->record, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, revision->type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, (gint64) revision->hlc);
  sqlite3_bind_text (stmt, 6, revision->office, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, revision->deleted);
  sqlite3_bind_text (stmt, 8, parents, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, fields, (int) fields_length, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_CONSTRAINT_UNIQUE || sqlite3_extended_errcode (_idk_store_get_db (store)) == SQLITE_CONSTRAINT_UNIQUE)
    {
      gint64 first = 0;

      if ((stmt = _idk_store_prepare (store, "SELECT ord FROM temp.incoming WHERE rev_id = ?1", NULL)))
        {
          sqlite3_bind_text (stmt, 1, revision->rev_id, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            first = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
      return refuse (error, IDK_BUNDLE_ERROR_INVALID,
                     "Revisions %" G_GINT64_FORMAT " and %u of the bundle (%s %s) have the same id %s",
                     first + 1, index + 1, revision->type, revision->record, revision->rev_id);
    }
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (store, error);

  for (guint i = 0; revision->parents[i] != NULL; i++)
    {
      if (!(stmt = _idk_store_prepare (store,
                                       "INSERT OR IGNORE INTO temp.incoming_parents (rev_id, parent) "
                                       "VALUES (?1, ?2)", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, revision->rev_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, revision->parents[i], -1, SQLITE_STATIC);
      if (!_idk_store_step_done (store, stmt, error))
        return FALSE;
    }

  return stage_refs (store, index, revision, error);
}

static void
report_type_clash (sqlite3_stmt  *stmt,
                   GError       **error)
{
  refuse (error, IDK_BUNDLE_ERROR_INVALID, "Record %s appears in the bundle both as %s and as %s",
          text (stmt, 0), text (stmt, 1), text (stmt, 2));
}

static void
report_type_differs (sqlite3_stmt  *stmt,
                     GError       **error)
{
  refuse (error, IDK_BUNDLE_ERROR_INVALID, "Revision %" G_GINT64_FORMAT " of the bundle: record %s is "
          "of type %s there, but this database holds it as %s",
          (gint64) sqlite3_column_int64 (stmt, 0) + 1, text (stmt, 1), text (stmt, 2), text (stmt, 3));
}

static void
report_content_differs (sqlite3_stmt  *stmt,
                        GError       **error)
{
  refuse (error, IDK_BUNDLE_ERROR_TAMPERED, "Revision %" G_GINT64_FORMAT " of the bundle (%s %s) differs "
          "from the revision this database holds under the same id %s: it was altered or forged",
          (gint64) sqlite3_column_int64 (stmt, 0) + 1, text (stmt, 1), text (stmt, 2), text (stmt, 3));
}

static void
report_foreign_parent (sqlite3_stmt  *stmt,
                       GError       **error)
{
  refuse (error, IDK_BUNDLE_ERROR_INVALID, "Revision %" G_GINT64_FORMAT " of the bundle (%s %s): its "
          "parent %s is a revision of another record",
          (gint64) sqlite3_column_int64 (stmt, 0) + 1, text (stmt, 1), text (stmt, 2), text (stmt, 3));
}

static void
report_dangling (sqlite3_stmt  *stmt,
                 GError       **error)
{
  refuse (error, IDK_BUNDLE_ERROR_INVALID, "Revision %" G_GINT64_FORMAT " of the bundle (%s %s), field "
          "“%s”: refers to %s, which is neither in the bundle nor in this database",
          (gint64) sqlite3_column_int64 (stmt, 0) + 1, text (stmt, 1), text (stmt, 2), text (stmt, 3), text (stmt, 4));
}

static void
report_wrong_target (sqlite3_stmt  *stmt,
                     GError       **error)
{
  refuse (error, IDK_BUNDLE_ERROR_INVALID, "Revision %" G_GINT64_FORMAT " of the bundle (%s %s), field "
          "“%s”: refers to %s, which is of type %s, not %s",
          (gint64) sqlite3_column_int64 (stmt, 0) + 1, text (stmt, 1), text (stmt, 2), text (stmt, 3), text (stmt, 4),
          text (stmt, 5), text (stmt, 6));
}

static const char held_sql[] =
  "UPDATE temp.incoming SET held = 1 WHERE held = 0 AND rev_id IN (SELECT rev_id FROM main.revisions)";

static const char content_differs_sql[] =
  "SELECT i.ord, i.type, i.record, i.rev_id FROM temp.incoming i "
  "JOIN main.revisions v ON v.rev_id = i.rev_id "
  "WHERE v.record_uuid <> i.record OR v.record_type <> i.type OR v.deleted <> i.deleted "
  "  OR v.parents <> i.parents OR v.fields <> i.fields "
  "ORDER BY i.ord LIMIT 1";

/**
 * _idk_import_check_staged:
 *
 * The checks that need every revision of the bundle: record types that
 * contradict each other or the database, revisions the database holds with
 * other content, parents from another record, references to records that
 * exist nowhere or are of the wrong type.
 */
gboolean
_idk_import_check_staged (IdkStore  *store,
                          GError   **error)
{
  return
    find_fault (store,
                "SELECT record, min (type), max (type) FROM temp.incoming "
                "GROUP BY record HAVING min (type) <> max (type) LIMIT 1",
                report_type_clash, error) &&
    find_fault (store,
                "SELECT i.ord, i.record, i.type, r.type FROM temp.incoming i "
                "JOIN main.records r ON r.uuid = i.record WHERE r.type <> i.type ORDER BY i.ord LIMIT 1",
                report_type_differs, error) &&
    _idk_store_exec (store, held_sql, error) &&
    find_fault (store, content_differs_sql, report_content_differs, error) &&
    find_fault (store,
                "SELECT i.ord, i.type, i.record, p.parent FROM temp.incoming_parents p "
                "JOIN temp.incoming i ON i.rev_id = p.rev_id "
                "WHERE EXISTS (SELECT 1 FROM temp.incoming o WHERE o.rev_id = p.parent AND o.record <> i.record) "
                "   OR EXISTS (SELECT 1 FROM main.revisions v WHERE v.rev_id = p.parent "
                "              AND v.record_uuid <> i.record) "
                "ORDER BY i.ord LIMIT 1",
                report_foreign_parent, error) &&
    find_fault (store,
                "SELECT f.ord, i.type, i.record, f.field, f.target FROM temp.incoming_refs f "
                "JOIN temp.incoming i ON i.ord = f.ord "
                "WHERE NOT EXISTS (SELECT 1 FROM temp.incoming o WHERE o.record = f.target) "
                "  AND NOT EXISTS (SELECT 1 FROM main.records r WHERE r.uuid = f.target) "
                "ORDER BY f.ord LIMIT 1",
                report_dangling, error) &&
    find_fault (store,
                "SELECT ord, type, record, field, target, target_type, types FROM ("
                "  SELECT f.ord, i.type, i.record, f.field, f.target, f.types,"
                "    coalesce ((SELECT o.type FROM temp.incoming o WHERE o.record = f.target LIMIT 1),"
                "              (SELECT r.type FROM main.records r WHERE r.uuid = f.target)) AS target_type"
                "  FROM temp.incoming_refs f JOIN temp.incoming i ON i.ord = f.ord"
                ") WHERE instr (',' || types || ',', ',' || target_type || ',') = 0 "
                "ORDER BY ord LIMIT 1",
                report_wrong_target, error);
}

/**
 * _idk_import_count:
 * @counts: type name → guint[IDK_IMPORT_N_COUNTS], filled in
 *
 * The preview: what importing would do to each record, found by working
 * out the leaves and winner each record would have, as _idk_store_settle()
 * will, without writing.
 */
gboolean
_idk_import_count (IdkStore    *store,
                   GHashTable  *counts,
                   guint       *n_new,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 value = 0;
  int rc;

  if (!_idk_store_exec (store,
                        "INSERT INTO temp.preview (record, type, existed, old_winner) "
                        "SELECT i.record, i.type, r.uuid IS NOT NULL, r.winner_rev FROM "
                        "  (SELECT DISTINCT record, type FROM temp.incoming WHERE held = 0) i "
                        "LEFT JOIN main.records r ON r.uuid = i.record;"

                        "WITH new_parents AS (" NEW_PARENTS "),"
                        "leaves AS ("
                        "  SELECT v.record_uuid AS record, v.rev_id, v.deleted, v.hlc, v.office_uuid "
                        "  FROM temp.preview p JOIN main.revisions v ON v.record_uuid = p.record "
                        "  WHERE v.is_leaf = 1 AND v.rev_id NOT IN new_parents "
                        "  UNION ALL "
                        "  SELECT i.record, i.rev_id, i.deleted, i.hlc, i.office FROM temp.incoming i "
                        "  WHERE i.held = 0 AND i.rev_id NOT IN new_parents "
                        "    AND NOT EXISTS (SELECT 1 FROM main.rev_parents rp WHERE rp.parent_rev_id = i.rev_id)),"
                        "ranked AS ("
                        "  SELECT record, rev_id, count (*) OVER w AS n, sum (NOT deleted) OVER w AS live,"
                        "    row_number () OVER (PARTITION BY record ORDER BY " IDK_WINNER_ORDER ") AS k"
                        "  FROM leaves WINDOW w AS (PARTITION BY record)) "
                        "UPDATE temp.preview SET new_winner = ranked.rev_id, leaves = ranked.n, "
                        "  live_leaves = ranked.live "
                        "FROM ranked WHERE ranked.k = 1 AND ranked.record = temp.preview.record;",
                        error))
    return FALSE;

  if (!(stmt = _idk_store_prepare (store,
                                   "SELECT type, CASE WHEN leaves > 1 AND live_leaves > 0 THEN 3 "
                                   "  WHEN existed = 0 THEN 0 WHEN new_winner IS NOT old_winner THEN 1 "
                                   "  ELSE 2 END AS category, count (*) "
                                   "FROM temp.preview GROUP BY type, category "
                                   "UNION ALL "
                                   "SELECT type, 2, count (DISTINCT record) FROM temp.incoming "
                                   "WHERE record NOT IN (SELECT record FROM temp.preview) GROUP BY type",
                                   error)))
    return FALSE;

  g_hash_table_remove_all (counts);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = text (stmt, 0);
      guint *row = g_hash_table_lookup (counts, type);

      if (row == NULL)
        g_hash_table_insert (counts, g_strdup (type), (row = g_new0 (guint, IDK_IMPORT_N_COUNTS)));
      row[sqlite3_column_int (stmt, 1)] += (guint) sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (store, error);

  if (!_idk_store_query_int (_idk_store_get_db (store),
                             "SELECT count (*) FROM temp.incoming WHERE held = 0", &value, &rc))
    return _idk_store_sql_error (store, error);
  *n_new = (guint) value;

  return TRUE;
}

static gboolean
record_bundle (IdkStore               *store,
               const IdkImportRecord  *record,
               GError                **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt;

  if (!(stmt = _idk_store_prepare (store,
                                   "INSERT INTO bundles (bundle_id, origin, seq, since, sha256, revisions, at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->bundle_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record->origin, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, record->seq);
  sqlite3_bind_int64 (stmt, 4, record->since);
  sqlite3_bind_text (stmt, 5, record->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, record->n_revisions);
  sqlite3_bind_text (stmt, 7, at, -1, SQLITE_STATIC);
  if (!_idk_store_step_done (store, stmt, error))
    return FALSE;

  /* This database now holds all the origin held at that bundle only if it
   * held all the origin held at the bundle's starting point. */
  if (!(stmt = _idk_store_prepare (store,
                                   "INSERT INTO offices (uuid, name, organization, last_seq, acked) "
                                   "VALUES (?1, ?2, ?3, CASE WHEN ?5 = 0 THEN ?4 ELSE 0 END, ?6) "
                                   "ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, "
                                   "  organization = excluded.organization, "
                                   "  last_seq = CASE WHEN ?5 <= offices.last_seq "
                                   "    THEN max (offices.last_seq, ?4) ELSE offices.last_seq END, "
                                   "  acked = max (offices.acked, excluded.acked)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->origin, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record->origin_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, record->origin_organization, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, record->seq);
  sqlite3_bind_int64 (stmt, 5, record->since);
  sqlite3_bind_int64 (stmt, 6, record->acked_here);
  return _idk_store_step_done (store, stmt, error);
}

/**
 * _idk_import_write:
 *
 * Writes the staged revisions, their winners and query rows and the
 * bookkeeping in one transaction.  The database may have changed since
 * the checks (another import), so what it holds is looked up again.
 */
gboolean
_idk_import_write (IdkStore               *store,
                   const IdkImportRecord  *record,
                   GError                **error)
{
  if (!idk_store_begin (store, error))
    return FALSE;

  if (!_idk_store_exec (store, held_sql, error) ||
      !find_fault (store, content_differs_sql, report_content_differs, error) ||
      !_idk_store_exec (store,
                        "INSERT INTO main.revisions (rev_id, record_uuid, record_type, hlc, office_uuid, "
                        "  deleted, parents, fields, is_leaf) "
                        "SELECT rev_id, record, type, hlc, office, deleted, parents, fields, "
                        "  NOT EXISTS (SELECT 1 FROM main.rev_parents rp WHERE rp.parent_rev_id = i.rev_id) "
                        "FROM temp.incoming i WHERE held = 0 ORDER BY ord;"

                        "INSERT OR IGNORE INTO main.rev_parents (rev_id, parent_rev_id) "
                        "SELECT p.rev_id, p.parent FROM temp.incoming_parents p "
                        "JOIN temp.incoming i ON i.rev_id = p.rev_id WHERE i.held = 0;"

                        "UPDATE main.revisions SET is_leaf = 0 WHERE is_leaf = 1 AND rev_id IN (" NEW_PARENTS ");"

                        "INSERT OR IGNORE INTO temp.touched (record, type) "
                        "SELECT DISTINCT record, type FROM temp.incoming WHERE held = 0;",
                        error) ||
      !_idk_store_settle (store, error))
    goto failed;

  if (record->max_hlc > store->hlc)
    {
      store->hlc = idk_hlc_observe (store->hlc, record->max_hlc);
      if (!_idk_store_save_hlc (store, error))
        goto failed;
    }

  if (!record_bundle (store, record, error) ||
      !idk_store_commit (store, error))
    goto failed;

  /* Only now: a failed commit must leave the staging for another try. */
  return _idk_store_exec (store, clear_staging, error);

failed:
  idk_store_rollback (store);
  return FALSE;
}
