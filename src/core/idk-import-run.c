/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "idk-hlc-private.h"
#include "idk-import-parse-private.h"
#include "idk-import-private.h"
#include "idk-record-type-private.h"
#include "idk-revision-private.h"

/* One pass of a bundle's revisions into the database, in one write
 * transaction: each revision is checked against the database and the
 * revisions of the bundle before it, and written; the checks that need the
 * whole bundle (references) and the settling of winners and query rows
 * come at the end.  A fault anywhere rolls everything back, which leaves
 * the database file as it was; a preview is the same pass, rolled back.
 * Going through the bundle once, straight into the tables, is what keeps
 * an import of hundreds of thousands of revisions close to what SQLite
 * itself needs to load them.
 */

typedef struct
{
  const char *type;              /* static, from the descriptor */
  guint index;                   /* of its first revision in the bundle */
  /* Written by _idk_store_add_fresh_record (), not (yet) touched. */
  gboolean added;
  gboolean rowed;                /* its query row was written with it */
} SeenRecord;

struct _IdkImportRun
{
  IdkStore *store;
  gint64 watermark;              /* revisions with a greater rowid are the bundle's */
  GArray *inserted;              /* bundle index of each revision written, in order */
  GHashTable *held;              /* record → type, for revisions already held */
  IdkImportRefs *refs;           /* what the bundle refers to */
  GHashTable *seen;              /* record → SeenRecord, the bundle's so far */
  guint *added;                  /* per type: records added and still fresh */
  guint64 max_hlc;
  gboolean bulk;                 /* under a rollback journal, see begin_bulk () */
};

static const char *
text (sqlite3_stmt *stmt,
      int           column)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);

  return value ? value : "";
}

/* The bundle index of the revision written under @rowid in this run. */
static guint
index_of_rowid (IdkImportRun *run,
                gint64        rowid)
{
  gint64 n = rowid - run->watermark - 1;

  if (n < 0 || n >= (gint64) run->inserted->len)
    return 0;
  return g_array_index (run->inserted, guint, n);
}

/* Into a database that holds no revision (a new one, most often), the
 * one long transaction goes straight into the file under a rollback
 * journal: in WAL mode every page is written twice, into the log and by
 * the checkpoint at commit (3 s of a 100k import's 20).  Added pages need
 * no journal, so atomicity costs nothing; the journal is synced in full.
 * SQLite refuses the switch while another connection has the file open
 * (the window's): the import then runs in WAL like any other. */
static gboolean
begin_bulk (IdkStore *store)
{
  sqlite3 *db = _idk_store_get_db (store);
  gint64 revisions = 1;
  sqlite3_stmt *stmt = NULL;
  gboolean switched = FALSE;
  int rc;

  if (!_idk_store_query_int (db, "SELECT EXISTS (SELECT 1 FROM revisions)", &revisions, &rc) || revisions != 0)
    return FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA main.journal_mode = DELETE", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    switched = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "delete") == 0;
  sqlite3_finalize (stmt);

  if (switched)
    _idk_store_exec (store, "PRAGMA main.synchronous = FULL", NULL);
  g_debug ("Import into an empty database %s", switched ? "under a rollback journal" : "in WAL mode");
  return switched;
}

static void
end_bulk (IdkStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!_idk_store_exec (store, "PRAGMA main.journal_mode = WAL; PRAGMA main.synchronous = NORMAL", &error))
    g_warning ("The database stays out of WAL mode after an import: %s", error->message);
}

/* The connection as it was before the run, its transaction ended. */
static void
leave_run (IdkStore *store,
           gboolean  bulk)
{
  _idk_store_exec (store, "PRAGMA main.cache_size = -2000; PRAGMA temp.cache_size = -2000; "
                   "PRAGMA ignore_check_constraints = OFF; PRAGMA foreign_keys = ON", NULL);
  if (bulk)
    end_bulk (store);
}

IdkImportRun *
_idk_import_run_begin (IdkStore  *store,
                       GError   **error)
{
  IdkImportRun *run;
  gint64 watermark = 0;
  gboolean bulk;
  int rc;

  /* No switch, a write, to a file known to be damaged. */
  if (store->txn_depth == 0 && (!idk_store_check_writable (store, error) || !idk_store_check_integrity (store, error)))
    return NULL;
  bulk = store->txn_depth == 0 && begin_bulk (store);

  /* Every row the run writes that names another names one it has just
   * written or read: a records row its winner among the revisions, a
   * revision's parents links the revision, the owners of an action the
   * action's row (whose owners settling removes itself before the row).
   * Checking each of them again looked up 422,200 revision ids at random
   * in an index larger than the cache (0.5 s of a 100k import).  SQLite
   * takes the setting only outside a transaction; on again after. */
  if (store->txn_depth == 0)
    _idk_store_exec (store, "PRAGMA foreign_keys = OFF", NULL);

  /* Larger page caches for the one long transaction, shared between the
   * file and the temporary tables: the list of touched records lives in
   * the latter, which with SQLite's default 2 MB read back and wrote out
   * its pages all through a large import.  Half and half was as fast as
   * 32 MB for the file alone, with 20 MB less at the peak.
   * While the revisions are written, the schema's json_valid () checks
   * would parse every revision's fields once more (0.6 s of a 100k
   * import): the pre-scan read each of those texts as JSON already, more
   * strictly, SQLite's json () wrote the rest and the parents are written
   * here from checked UUIDs; the checks are back on for everything after
   * (see _idk_import_run_finish ()). */
  if (!_idk_store_exec (store, "PRAGMA main.cache_size = -16384; PRAGMA temp.cache_size = -16384; "
                        "PRAGMA ignore_check_constraints = ON", error) ||
      !idk_store_begin (store, error))
    {
      leave_run (store, bulk);
      return NULL;
    }

  if (!_idk_store_query_int (_idk_store_get_db (store), "SELECT coalesce (max (rowid), 0) FROM revisions",
                             &watermark, &rc))
    {
      _idk_store_sql_error (store, error);
      idk_store_rollback (store);
      leave_run (store, bulk);
      return NULL;
    }

  run = g_new0 (IdkImportRun, 1);
  run->store = store;
  run->bulk = bulk;
  run->watermark = watermark;
  run->inserted = g_array_new (FALSE, FALSE, sizeof (guint));
  run->held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->refs = _idk_import_refs_new ();
  run->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->added = g_new0 (guint, idk_record_type_count ());
  return run;
}

static void
run_free (IdkImportRun *run)
{
  g_array_unref (run->inserted);
  g_hash_table_unref (run->held);
  _idk_import_refs_free (run->refs);
  g_hash_table_unref (run->seen);
  g_free (run->added);
  g_free (run);
}

void
_idk_import_run_abort (IdkImportRun *run)
{
  idk_store_rollback (run->store);
  _idk_store_exec (run->store, "DELETE FROM temp.touched", NULL);
  leave_run (run->store, run->bulk);
  run_free (run);
}

/* A revision the database holds under the same id must be the same in
 * every byte that counts; the fields are compared as SQLite minifies them. */
static gboolean
check_held (IdkImportRun  *run,
            guint          index,
            IdkRevision   *revision,
            const char    *parents,
            const char    *fields,
            gboolean      *held,
            GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean same;
  gint64 rowid;

  *held = FALSE;

  if (!(stmt = _idk_store_prepare (run->store,
                                   "SELECT rowid, record_uuid = ?2 AND record_type = ?3 AND deleted = ?4 "
                                   "  AND parents = ?5 AND fields = ?6 "
                                   "FROM revisions WHERE rev_id = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, revision->rev_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, revision->record, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, revision->type, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, revision->deleted);
  sqlite3_bind_text (stmt, 5, parents, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, fields, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  rowid = sqlite3_column_int64 (stmt, 0);
  same = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);

  if (rowid > run->watermark)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Revisions %u and %u of the bundle (%s %s) have the same id %s"),
                   index_of_rowid (run, rowid) + 1, index + 1, revision->type, revision->record, revision->rev_id);
  if (!same)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_TAMPERED, _("Revision %u of the bundle (%s %s) differs from the revision "
                   "this database holds under the same id %s: it was altered or forged"),
                   index + 1, revision->type, revision->record, revision->rev_id);

  g_hash_table_insert (run->held, g_strdup (revision->record), (gpointer) idk_record_type_lookup (revision->type)->name);
  *held = TRUE;
  return TRUE;
}

/* A record is of one type everywhere.  @exists: whether the database (or
 * the bundle so far) holds a revision of it.  The bundle's records are
 * remembered as they come and the database's are looked up by key, so the
 * check costs the same for the thousandth revision of a record as for its
 * first (it once read every earlier revision of the record each time). */
static gboolean
check_record_type (IdkImportRun  *run,
                   guint          index,
                   IdkRevision   *revision,
                   gboolean      *exists,
                   SeenRecord   **seen_out,
                   GError       **error)
{
  const IdkRecordType *type = idk_record_type_lookup (revision->type);
  SeenRecord *seen = g_hash_table_lookup (run->seen, revision->record);
  g_autofree char *held_type = NULL;
  sqlite3_stmt *stmt;

  if ((*seen_out = seen) != NULL)
    {
      *exists = TRUE;
      if (seen->type == type->name)
        return TRUE;
      return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Record %s appears in the bundle as %s (revision %u) and "
                     "as %s (revision %u)"), revision->record, seen->type, seen->index + 1,
                     revision->type, index + 1);
    }

  /* A database that had no revision holds no record (the records rows
   * of this run come when settling). */
  if (run->watermark > 0)
    {
      if (!(stmt = _idk_store_prepare (run->store, "SELECT type FROM records WHERE uuid = ?1", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, revision->record, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        held_type = g_strdup (text (stmt, 0));
      sqlite3_reset (stmt);
    }

  *exists = held_type != NULL;
  if (held_type != NULL && !g_str_equal (held_type, revision->type))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Revision %u of the bundle: record %s is of type %s there, "
                   "but this database holds it as %s"), index + 1, revision->record, revision->type, held_type);

  seen = g_new0 (SeenRecord, 1);
  seen->type = type->name;
  seen->index = index;
  g_hash_table_insert (run->seen, g_strdup (revision->record), seen);
  *seen_out = seen;
  return TRUE;
}

/* Its place among the descriptors, for run->added. */
static guint
type_index (const IdkRecordType *type)
{
  return (guint) (type - idk_record_type_nth (0));
}

/* Writes the revision, unless the database holds one under its id
 * (@duplicate, nothing written): most revisions are new, so the insert
 * itself is the lookup.
 *
 * A parent counts only as a revision of the same record: a revision that
 * names one of another record, or one this database never received, keeps
 * the name as written, but it makes no leaf of anything.  Refusing such a
 * bundle made the outcome depend on what arrived first (a forger naming
 * another office's next revision id as a parent got the genuine bundle
 * refused, or was refused, by order); ignoring the link depends on the
 * revisions alone, so every order of the same bundles leaves the same
 * data, and a bundle vouches only for revisions it carries. */
static gboolean
write_revision (IdkImportRun  *run,
                guint          index,
                IdkRevision   *revision,
                SeenRecord    *seen,
                gboolean       fresh,
                IdkImportRow  *row,
                const char    *parents,
                const char    *fields,
                gboolean      *duplicate,
                GError       **error)
{
  IdkStore *store = run->store;
  sqlite3_stmt *stmt;
  int rc;

  *duplicate = FALSE;

  if (!(stmt = _idk_store_prepare (store,
                                   "INSERT INTO revisions (rev_id, record_uuid, record_type, hlc, office_uuid, "
                                   "  deleted, parents, fields, is_leaf) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                   "  NOT EXISTS (SELECT 1 FROM rev_parents p JOIN revisions c ON c.rev_id = p.rev_id "
                                   "    WHERE p.parent_rev_id = ?1 AND c.record_uuid = ?2))", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, revision->rev_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, revision->record, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, revision->type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, (gint64) revision->hlc);
  sqlite3_bind_text (stmt, 5, revision->office, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, revision->deleted);
  sqlite3_bind_text (stmt, 7, parents, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, fields, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE ||
      (rc == SQLITE_CONSTRAINT && sqlite3_extended_errcode (_idk_store_get_db (store)) == SQLITE_CONSTRAINT_UNIQUE))
    {
      *duplicate = TRUE;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (store, error);
  g_array_append_val (run->inserted, index);

  for (guint i = 0; revision->parents[i] != NULL; i++)
    {

      if (!(stmt = _idk_store_prepare (store,
                                       "INSERT OR IGNORE INTO rev_parents (rev_id, parent_rev_id) VALUES (?1, ?2)",
                                       error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, revision->rev_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, revision->parents[i], -1, SQLITE_STATIC);
      if (!_idk_store_step_done (store, stmt, error))
        return FALSE;

      if (!(stmt = _idk_store_prepare (store, "UPDATE revisions SET is_leaf = 0 "
                                       "WHERE rev_id = ?1 AND record_uuid = ?2 AND is_leaf = 1",
                                       error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, revision->parents[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, revision->record, -1, SQLITE_STATIC);
      if (!_idk_store_step_done (store, stmt, error))
        return FALSE;
    }

  /* A new record's row out of the values parsed with it (most of a
   * large import), an ordinary one's when settling. */
  if (fresh)
    {
      const IdkRecordType *type = idk_record_type_lookup (revision->type);
      gboolean rowed = row != NULL && !revision->deleted && row->n_values == type->n_fields;

      if (rowed)
        {
          if (!(stmt = _idk_store_prepare_fresh_row (store, type, revision->record, error)))
            return FALSE;
          _idk_import_row_bind (row, stmt);
          if (!_idk_store_step_done (store, stmt, error))
            return FALSE;
        }
      /* Settling writes the rest: a row not parsed with the revision
       * (fields with spaces), or derived rows. */
      if (_idk_record_type_derives_rows (type) || (!rowed && !revision->deleted))
        return _idk_store_touch_fresh (store, revision->record, revision->type, revision->rev_id,
                                       revision->deleted, rowed, error);

      seen->added = TRUE;
      seen->rowed = rowed;
      run->added[type_index (type)]++;
      return _idk_store_add_fresh_record (store, revision->record, revision->type, revision->rev_id,
                                          revision->deleted, error);
    }
  if (seen != NULL && seen->added)
    {
      seen->added = FALSE;
      run->added[type_index (idk_record_type_lookup (revision->type))]--;
      return _idk_store_touch_created (store, revision->record, revision->type, seen->rowed, error);
    }
  return _idk_store_touch (store, revision->record, revision->type, error);
}

/**
 * _idk_import_run_add:
 * @index: the revision's position in the bundle, from 0
 * @refs: the records its fields refer to, as #IdkImportRef
 * @row: (nullable): the values of its record's query row
 * @fields: the text of its fields as the bundle has it
 * @fields_compact: whether that text has no whitespace between tokens
 */
gboolean
_idk_import_run_add (IdkImportRun  *run,
                     guint          index,
                     IdkRevision   *revision,
                     GPtrArray     *refs,
                     IdkImportRow  *row,
                     const char    *fields,
                     gsize          fields_length,
                     gboolean       fields_compact,
                     GError       **error)
{
  g_autofree char *parents = _idk_revision_parents_json ((const char * const *) revision->parents);
  g_autofree char *stored = NULL;
  gboolean held, exists, duplicate;
  SeenRecord *seen;

  /* Stored as SQLite writes JSON, so that offices compare equal bytes. */
  stored = fields_compact ? g_strndup (fields, fields_length) : _idk_store_minify_json (run->store, fields, fields_length, error);
  if (stored == NULL)
    return FALSE;

  if (!check_record_type (run, index, revision, &exists, &seen, error) ||
      !write_revision (run, index, revision, seen, !exists && revision->parents[0] == NULL, row, parents, stored,
                       &duplicate, error))
    return FALSE;

  /* Held already: it must be the same; then there is nothing to do. */
  if (duplicate)
    {
      if (!check_held (run, index, revision, parents, stored, &held, error))
        return FALSE;
      if (!held)
        return _idk_store_sql_error (run->store, error);
      return TRUE;
    }

  _idk_import_refs_note (run->refs, index, revision, refs);
  run->max_hlc = MAX (run->max_hlc, revision->hlc);
  return TRUE;
}

static guint *
counts_row (GHashTable *counts,
            const char *type)
{
  guint *row = g_hash_table_lookup (counts, type);

  if (row == NULL)
    g_hash_table_insert (counts, g_strdup (type), (row = g_new0 (guint, IDK_IMPORT_N_COUNTS)));
  return row;
}

/* The preview, read off what settling did to each touched record. */
static gboolean
count (IdkImportRun  *run,
       GHashTable    *counts,
       GError       **error)
{
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  g_hash_table_remove_all (counts);

  /* A record still fresh has one revision, its only leaf: new, with
   * nothing to look up (most of a large import). */
  if (!(stmt = _idk_store_prepare (run->store,
                                   "SELECT type, 0, count (*) FROM temp.touched WHERE fresh = 1 GROUP BY type "
                                   "UNION ALL "
                                   "SELECT t.type, CASE WHEN r.leaves > 1 AND r.deleted = 0 THEN 3 "
                                   "  WHEN t.old_winner IS NULL THEN 0 WHEN t.new_winner IS NOT t.old_winner THEN 1 "
                                   "  ELSE 2 END AS category, count (*) "
                                   "FROM temp.touched t JOIN records r ON r.uuid = t.record WHERE t.fresh = 0 "
                                   "GROUP BY t.type, category", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    counts_row (counts, text (stmt, 0))[sqlite3_column_int (stmt, 1)] += (guint) sqlite3_column_int64 (stmt, 2);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (run->store, error);
  for (guint i = 0; i < idk_record_type_count (); i++)
    if (run->added[i] > 0)
      counts_row (counts, idk_record_type_nth (i)->name)[IDK_IMPORT_NEW] += run->added[i];

  /* Records the bundle brought nothing new for. */
  g_hash_table_iter_init (&iter, run->held);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean touched;

      if (!(stmt = _idk_store_prepare (run->store, "SELECT 1 FROM temp.touched WHERE type = ?2 AND record = ?1", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      touched = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!touched)
        counts_row (counts, value)[IDK_IMPORT_UNCHANGED]++;
    }

  return TRUE;
}

gboolean
_idk_import_run_finish (IdkImportRun           *run,
                        const IdkImportRecord  *record,
                        GHashTable             *counts,
                        guint                  *n_new,
                        GError                **error)
{
  IdkStore *store = run->store;
  gint64 start = g_get_monotonic_time ();

  *n_new = run->inserted->len;
  if (!_idk_store_exec (store, "PRAGMA ignore_check_constraints = OFF", error))
    goto failed;

  if (!_idk_store_settle_rows (store, error))
    goto failed;
  g_debug ("%u revisions settled in %.2f s", run->inserted->len, (g_get_monotonic_time () - start) / 1e6);
  if (!_idk_import_refs_check (run->refs, store, error) ||
      !count (run, counts, error))
    goto failed;

  if (record == NULL)
    {
      _idk_import_run_abort (run);
      return TRUE;
    }

  if (run->max_hlc > store->hlc)
    {
      store->hlc = idk_hlc_observe (store->hlc, run->max_hlc);
      if (!_idk_store_save_hlc (store, error))
        goto failed;
    }

  start = g_get_monotonic_time ();
  if (!_idk_store_exec (store, "DELETE FROM temp.touched", error) ||
      !_idk_import_record_bundle (store, record, error) ||
      !idk_store_commit (store, error))
    goto failed;
  g_debug ("Import committed in %.2f s", (g_get_monotonic_time () - start) / 1e6);

  leave_run (store, run->bulk);
  run_free (run);
  return TRUE;

failed:
  _idk_import_run_abort (run);
  return FALSE;
}
