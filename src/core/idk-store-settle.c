/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store"

#include "config.h"

#include "idk-record-type-private.h"
#include "idk-store-private.h"

/* Settling: after revisions are added, the records they touch get their
 * winner recomputed and their query rows rewritten, all in SQL over the
 * set of touched records.  A local edit settles one record, an imported
 * bundle hundreds of thousands at once, through the same statements, so
 * that the query tables hold the same bytes whichever way a revision came.
 * The query rows are read out of the winner's stored JSON with
 * json_extract(), never re-serialized in C.
 */

/* Kept in the connection's temporary database: never part of the file.
 * A "fresh" record is one whose only revision is the one just added, with
 * no parents, to a record this database had no revision of: its winner is
 * that revision, with nothing to look up (most of a large import).
 * "rowed": the fresh record's query row was written with its revision
 * (see _idk_store_prepare_fresh_row ()); it stays so when a later revision
 * of the record makes it an ordinary one, whose row then exists.
 * "created": a fresh record of a type with no derived rows has its
 * records row written with its revision and no place here (see
 * _idk_store_add_fresh_record ()); a later revision of it brings it here
 * as an ordinary record with that row, created in this transaction, so
 * with no old winner.
 * Keyed by type first: settling goes type by type, and each of its
 * statements reads only the rows of its type. */
static const char touched_schema[] =
  "CREATE TEMP TABLE IF NOT EXISTS touched ("
  "  record TEXT NOT NULL,"
  "  type TEXT NOT NULL,"
  "  fresh INTEGER NOT NULL DEFAULT 0,"
  "  old_winner TEXT,"
  "  old_live INTEGER NOT NULL DEFAULT 0,"
  "  new_winner TEXT,"
  "  new_live INTEGER NOT NULL DEFAULT 0,"
  "  rowed INTEGER NOT NULL DEFAULT 0,"
  "  created INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (type, record)"
  ") WITHOUT ROWID;";

gboolean
_idk_store_create_temp_tables (IdkStore  *self,
                               GError   **error)
{
  return _idk_store_exec (self, touched_schema, error);
}

gboolean
_idk_store_touch (IdkStore    *self,
                  const char  *record,
                  const char  *type,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _idk_store_prepare (self,
                                   "INSERT INTO temp.touched (record, type) VALUES (?1, ?2) "
                                   "ON CONFLICT (type, record) DO UPDATE SET fresh = 0",
                                   error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, record, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  return _idk_store_step_done (self, stmt, error);
}

/**
 * _idk_store_touch_fresh:
 * @rev_id: the record's only revision, which has no parents
 * @rowed: whether its query row is written already
 *
 * As _idk_store_touch(), for a record this database held no revision of:
 * settling takes @rev_id as its winner without looking.  A second revision
 * of the record touched later makes it an ordinary one.
 */
gboolean
_idk_store_touch_fresh (IdkStore    *self,
                        const char  *record,
                        const char  *type,
                        const char  *rev_id,
                        gboolean     deleted,
                        gboolean     rowed,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _idk_store_prepare (self,
                                   "INSERT INTO temp.touched (record, type, fresh, new_winner, new_live, rowed) "
                                   "VALUES (?1, ?2, 1, ?3, ?4, ?5) "
                                   "ON CONFLICT (type, record) DO UPDATE SET fresh = 0, new_winner = NULL, new_live = 0",
                                   error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, record, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rev_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, !deleted);
  sqlite3_bind_int (stmt, 5, rowed);
  return _idk_store_step_done (self, stmt, error);
}

/* Whether settling keeps other tables in step with the type's rows (an
 * action's search index and owners): such records go through
 * temp.touched, whose statements the derived rows are written from. */
gboolean
_idk_record_type_derives_rows (const IdkRecordType *type)
{
  return type->before_sql != NULL || type->after_sql != NULL;
}

/**
 * _idk_store_add_fresh_record:
 *
 * For a fresh record (see _idk_store_touch_fresh ()) of a type with no
 * derived rows: its records row, written at once rather than listed in
 * temp.touched to be written when settling (0.8 s of the 422,200
 * revisions of 100,000 actions went to listing and then writing them).
 * Its query row is the caller's to write.
 */
gboolean
_idk_store_add_fresh_record (IdkStore    *self,
                             const char  *record,
                             const char  *type,
                             const char  *rev_id,
                             gboolean     deleted,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _idk_store_prepare (self,
                                   "INSERT INTO records (uuid, type, winner_rev, deleted, leaves) "
                                   "VALUES (?1, ?2, ?3, ?4, 1)",
                                   error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, record, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rev_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, deleted);
  self->txn_dirty = TRUE;
  return _idk_store_step_done (self, stmt, error);
}

/**
 * _idk_store_touch_created:
 * @rowed: whether its query row was written with its first revision
 *
 * As _idk_store_touch(), for a record _idk_store_add_fresh_record() wrote
 * in this transaction: the records row it has is not an old winner.
 */
gboolean
_idk_store_touch_created (IdkStore    *self,
                          const char  *record,
                          const char  *type,
                          gboolean     rowed,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _idk_store_prepare (self,
                                   "INSERT INTO temp.touched (record, type, created, rowed) VALUES (?1, ?2, 1, ?3) "
                                   "ON CONFLICT (type, record) DO UPDATE SET fresh = 0",
                                   error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, record, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, rowed);
  return _idk_store_step_done (self, stmt, error);
}

/**
 * _idk_record_type_columns_sql:
 * @source: an SQL expression for the fields' JSON text
 *
 * The values of a record's query row, in the order of its descriptor, as
 * json_extract () reads them out of @source: whether a row is settled here
 * or extracted where a bundle is parsed (idk-import-parse.c), SQLite
 * itself decides every value, so the rows hold the same bytes.
 */
char *
_idk_record_type_columns_sql (const IdkRecordType *type,
                              const char          *source)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < type->n_fields; i++)
    g_string_append_printf (sql, "%sjson_extract (%s, '$.%s')", i ? ", " : "", source, type->fields[i].name);
  return g_string_free (sql, FALSE);
}

static char *
build_insert_sql (const IdkRecordType *type)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (uuid", type->table);
  for (guint i = 0; i < type->n_fields; i++)
    g_string_append_printf (sql, ", \"%s\"", type->fields[i].name);
  g_string_append (sql, ") VALUES (?1");
  for (guint i = 0; i < type->n_fields; i++)
    g_string_append_printf (sql, ", ?%u", i + 2);
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

static char *
build_upsert_sql (const IdkRecordType *type)
{
  g_autofree char *columns = _idk_record_type_columns_sql (type, "v.fields");
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (uuid", type->table);
  for (guint i = 0; i < type->n_fields; i++)
    g_string_append_printf (sql, ", \"%s\"", type->fields[i].name);
  g_string_append (sql, ") SELECT t.record, ");
  g_string_append (sql, columns);
  g_string_append (sql,
                   " FROM temp.touched t JOIN revisions v ON v.rev_id = t.new_winner"
                   " WHERE t.type = ?1 AND t.new_live = 1 AND t.new_winner IS NOT t.old_winner"
                   "  AND NOT (t.fresh = 1 AND t.rowed = 1)"
                   " ON CONFLICT (uuid) DO UPDATE SET ");
  for (guint i = 0; i < type->n_fields; i++)
    g_string_append_printf (sql, "%s\"%s\" = excluded.\"%s\"",
                            i ? ", " : "", type->fields[i].name, type->fields[i].name);

  return g_string_free (sql, FALSE);
}

static gboolean
run_for_type (IdkStore             *self,
              const IdkRecordType  *type,
              const char           *sql,
              GError              **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _idk_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, type->name, -1, SQLITE_STATIC);
  return _idk_store_step_done (self, stmt, error);
}

static gboolean
run_hooks (IdkStore             *self,
           const IdkRecordType  *type,
           const char * const   *statements,
           GError              **error)
{
  for (guint i = 0; statements != NULL && statements[i] != NULL; i++)
    if (!run_for_type (self, type, statements[i], error))
      return FALSE;
  return TRUE;
}

static char *
build_remove_sql (const IdkRecordType *type)
{
  return g_strdup_printf ("DELETE FROM %s WHERE uuid IN "
                          "(SELECT record FROM temp.touched WHERE type = ?1 "
                          " AND (old_live = 1 OR rowed = 1) AND new_live = 0)", type->table);
}

typedef enum
{
  SQL_REMOVE,
  SQL_UPSERT,
  SQL_INSERT,
  N_SQL
} TypeSql;

/* The statements of each record type, built once: settling runs on every
 * local save, and from import threads too. */
static const char *
type_sql (const IdkRecordType *type,
          TypeSql              which)
{
  static gsize initialized;
  static char **sql;
  guint n = idk_record_type_count ();

  if (g_once_init_enter (&initialized))
    {
      sql = g_new0 (char *, n * N_SQL);
      for (guint i = 0; i < n; i++)
        {
          sql[i * N_SQL + SQL_REMOVE] = build_remove_sql (idk_record_type_nth (i));
          sql[i * N_SQL + SQL_UPSERT] = build_upsert_sql (idk_record_type_nth (i));
          sql[i * N_SQL + SQL_INSERT] = build_insert_sql (idk_record_type_nth (i));
        }
      g_once_init_leave (&initialized, 1);
    }

  for (guint i = 0; i < n; i++)
    if (idk_record_type_nth (i) == type)
      return sql[i * N_SQL + which];

  g_return_val_if_reached (NULL);
}

/**
 * _idk_store_prepare_fresh_row:
 *
 * The statement that writes the query row of a fresh record (see
 * _idk_store_touch_fresh ()) with its revision, @record bound, its values
 * (parameters 2 on, as _idk_record_type_columns_sql () gives them) to be
 * bound by the caller: the importer extracts them where it parses the
 * bundle, and settling would read every new revision back from the table
 * only to extract the same values.
 */
sqlite3_stmt *
_idk_store_prepare_fresh_row (IdkStore             *self,
                              const IdkRecordType  *type,
                              const char           *record,
                              GError              **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _idk_store_prepare (self, type_sql (type, SQL_INSERT), error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, record, -1, SQLITE_STATIC);
  return stmt;
}

static gboolean
rewrite_rows (IdkStore             *self,
              const IdkRecordType  *type,
              GError              **error)
{
  gint64 start = g_get_monotonic_time (), rows;

  /* Derived rows (search index, owners) refer to the row: they go first. */
  if (!run_hooks (self, type, type->before_sql, error) ||
      !run_for_type (self, type, type_sql (type, SQL_REMOVE), error) ||
      !run_for_type (self, type, type_sql (type, SQL_UPSERT), error))
    return FALSE;
  rows = g_get_monotonic_time ();
  if (!run_hooks (self, type, type->after_sql, error))
    return FALSE;

  /* Where a large import's settling goes, per type. */
  g_debug ("Settled %s rows in %.2f s, derived rows in %.2f s", type->name,
           (rows - start) / 1e6, (g_get_monotonic_time () - rows) / 1e6);
  return TRUE;
}

/**
 * _idk_store_settle_rows:
 *
 * Recomputes the winner of every record in temp.touched and rewrites the
 * query rows of those whose winner changed, leaving temp.touched as it is
 * (with the old and new winners) for the caller to read.  The winner
 * depends on the revisions alone: among the leaves, live beats deleted,
 * then the higher clock, then the office UUID bytewise, then the revision
 * id.
 */
gboolean
_idk_store_settle_rows (IdkStore  *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  gint64 start = g_get_monotonic_time ();
  int rc;

  /* A record has few leaves: finding its winner is one index seek.  A
   * fresh record needs none: it had no row, its revision wins. */
  if (!_idk_store_exec (self,
                        "UPDATE temp.touched SET old_winner = r.winner_rev, old_live = NOT r.deleted "
                        "FROM records r WHERE r.uuid = temp.touched.record AND temp.touched.fresh = 0 "
                        "  AND temp.touched.created = 0;"

                        "INSERT INTO records (uuid, type, winner_rev, deleted, leaves) "
                        "SELECT t.record, t.type, w.rev_id, w.deleted, "
                        "  (SELECT count (*) FROM revisions c WHERE c.record_uuid = t.record AND c.is_leaf = 1) "
                        "FROM temp.touched t JOIN revisions w ON w.rev_id = "
                        "  (SELECT rev_id FROM revisions v WHERE v.record_uuid = t.record AND v.is_leaf = 1 "
                        "   ORDER BY " IDK_WINNER_ORDER " LIMIT 1) "
                        "WHERE t.fresh = 0 "
                        "ON CONFLICT (uuid) DO UPDATE SET winner_rev = excluded.winner_rev, "
                        "  deleted = excluded.deleted, leaves = excluded.leaves;"

                        "INSERT INTO records (uuid, type, winner_rev, deleted, leaves) "
                        "SELECT record, type, new_winner, NOT new_live, 1 FROM temp.touched WHERE fresh = 1;"

                        "UPDATE temp.touched SET new_winner = r.winner_rev, new_live = NOT r.deleted "
                        "FROM records r WHERE r.uuid = temp.touched.record AND temp.touched.fresh = 0;",
                        error))
    return FALSE;

  g_debug ("Winners settled in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT DISTINCT type FROM temp.touched WHERE new_winner IS NOT old_winner",
                                   error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (types, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error);

  /* In the order of the descriptors, so that a row's derived data (an
   * action's owner labels) finds the rows it names. */
  for (guint i = 0; types->len > 0 && i < idk_record_type_count (); i++)
    {
      const IdkRecordType *type = idk_record_type_nth (i);

      if (g_ptr_array_find_with_equal_func (types, type->name, g_str_equal, NULL) &&
          !rewrite_rows (self, type, error))
        return FALSE;
    }

  if (types->len > 0)
    self->txn_dirty = TRUE;

  return TRUE;
}

/**
 * _idk_store_settle:
 *
 * _idk_store_settle_rows(), then empties temp.touched.
 */
gboolean
_idk_store_settle (IdkStore  *self,
                   GError   **error)
{
  return _idk_store_settle_rows (self, error) &&
         _idk_store_exec (self, "DELETE FROM temp.touched", error);
}
