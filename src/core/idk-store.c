/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "idk-date.h"
#include "idk-hlc-private.h"
#include "idk-record-type-private.h"
#include "idk-revision-private.h"
#include "idk-store-private.h"

/* The database of one office.  Every change to an exchangeable record is a
 * revision; the query tables hold, for each record, the winner among its
 * leaf revisions.  Local edits and imported revisions go through the same
 * idk_store_apply_revision(), inside one transaction with the row update,
 * so the two can never disagree.
 */


enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (IdkStore, idk_store, G_TYPE_OBJECT)

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (idk-store-error-quark, idk_store_error)

gboolean
_idk_store_set_meta (IdkStore    *self,
                     const char  *key,
                     const char  *value,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _idk_store_prepare (self,
                                   "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return _idk_store_step_done (self, stmt, error);
}

char *
_idk_store_get_meta (IdkStore   *self,
                     const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  if (!(stmt = _idk_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL)))
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

gboolean
_idk_store_save_hlc (IdkStore  *self,
                     GError   **error)
{
  g_autofree char *hex = idk_hlc_to_hex (self->hlc);

  return _idk_store_set_meta (self, "hlc", hex, error);
}

gboolean
_idk_store_query_int (sqlite3    *db,
                      const char *sql,
                      gint64     *value,
                      int        *code)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  *code = rc;
  return rc == SQLITE_OK;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
idk_store_finalize (GObject *object)
{
  IdkStore *self = (IdkStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->office_uuid, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (idk_store_parent_class)->finalize (object);
}

static void
idk_store_class_init (IdkStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = idk_store_finalize;

  /**
   * IdkStore::changed:
   *
   * Emitted after a transaction that changed records has committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
idk_store_init (IdkStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/* Private API ------------------------------------------------------------ */

sqlite3 *
_idk_store_get_db (IdkStore *self)
{
  return self->db;
}

gboolean
_idk_store_sql_error (IdkStore  *self,
                      GError   **error)
{
  g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_SQL,
               "Database error: %s", sqlite3_errmsg (self->db));
  return FALSE;
}

/* Statements are prepared once and kept: an import of a large bundle runs
 * the same few statements hundreds of thousands of times. */
sqlite3_stmt *
_idk_store_prepare (IdkStore    *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_SQL,
                   "Database error: %s (in “%s”)", sqlite3_errmsg (self->db), sql);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_idk_store_step_done (IdkStore      *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _idk_store_sql_error (self, error);

  return TRUE;
}

gboolean
_idk_store_exec (IdkStore    *self,
                 const char  *sql,
                 GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_SQL, "Database error: %s", message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

void
_idk_store_emit_changed (IdkStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Today as YYYY-MM-DD, in local time: what "overdue" and "current" are
 * measured against. */
const char *
_idk_store_today (IdkStore *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  if (self->today != NULL)
    return self->today;

  now = g_date_time_new_now_local ();
  text = g_date_time_format (now, "%Y-%m-%d");
  g_strlcpy (self->today_buffer, text, sizeof self->today_buffer);
  return self->today_buffer;
}

/* Public API ------------------------------------------------------------- */

const char *
idk_store_get_path (IdkStore *self)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  return self->path;
}

const char *
idk_store_get_office_uuid (IdkStore *self)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  return self->office_uuid;
}

int
idk_store_get_schema_version (IdkStore *self)
{
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), -1);

  _idk_store_query_int (self->db, "PRAGMA user_version", &version, &rc);
  return (int) version;
}

/**
 * idk_store_begin:
 *
 * Starts a write transaction (`BEGIN IMMEDIATE`), or a savepoint inside
 * one already started, so that callers compose.
 */
gboolean
idk_store_begin (IdkStore  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);

  sql = self->txn_depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                             : g_strdup_printf ("SAVEPOINT s%u", self->txn_depth);
  if (!_idk_store_exec (self, sql, error))
    return FALSE;

  if (self->txn_depth == 0)
    {
      g_autofree char *hlc = _idk_store_get_meta (self, "hlc");
      guint64 stored;

      /* Another connection (an import, the CLI) may have moved the clock. */
      if (hlc != NULL && idk_hlc_from_hex (hlc, &stored) && stored > self->hlc)
        self->hlc = stored;
      self->txn_dirty = FALSE;
    }
  self->txn_depth++;
  return TRUE;
}

gboolean
idk_store_commit (IdkStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->txn_depth > 0, FALSE);

  sql = self->txn_depth == 1 ? g_strdup ("COMMIT")
                             : g_strdup_printf ("RELEASE s%u", self->txn_depth - 1);
  if (!_idk_store_exec (self, sql, error))
    return FALSE;

  self->txn_depth--;
  if (self->txn_depth == 0 && self->txn_dirty)
    {
      self->txn_dirty = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

void
idk_store_rollback (IdkStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (IDK_IS_STORE (self));
  g_return_if_fail (self->txn_depth > 0);

  self->txn_depth--;
  if (self->txn_depth == 0)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO s%u; RELEASE s%u", self->txn_depth, self->txn_depth);

  if (!_idk_store_exec (self, sql, NULL))
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->db));

  /* The in-memory clock may have moved within the transaction; reload. */
  if (self->txn_depth == 0)
    {
      g_autofree char *hlc = _idk_store_get_meta (self, "hlc");

      if (hlc == NULL || !idk_hlc_from_hex (hlc, &self->hlc))
        self->hlc = 0;
    }
}

static gboolean
same_revision (sqlite3_stmt *stmt,
               IdkRevision  *revision)
{
  return g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), revision->record) == 0 &&
         sqlite3_column_int (stmt, 1) == revision->deleted &&
         g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), revision->fields_json) == 0;
}

/**
 * idk_store_apply_revision:
 * @applied: (out) (optional): whether the revision was new
 *
 * Adds @revision to the database if it is not there yet and updates the
 * record's current row.  A revision already held is ignored, but one with
 * the same id and other content is refused: ids are never reused.
 * Call inside idk_store_begin() / idk_store_commit().
 */
gboolean
idk_store_apply_revision (IdkStore     *self,
                          IdkRevision  *revision,
                          gboolean     *applied,
                          GError      **error)
{
  g_autofree char *parents_json = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (revision != NULL, FALSE);
  g_return_val_if_fail (self->txn_depth > 0, FALSE);

  if (applied)
    *applied = FALSE;

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT record_uuid, deleted, fields FROM revisions WHERE rev_id = ?1",
                                   error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, revision->rev_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gboolean same = same_revision (stmt, revision);

      sqlite3_reset (stmt);
      if (!same)
        {
          g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_CONFLICT,
                       "revision %s of %s %s differs from the one already held under that id",
                       revision->rev_id, revision->type, revision->record);
          return FALSE;
        }
      return TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error);

  if (!(stmt = _idk_store_prepare (self, "SELECT type FROM records WHERE uuid = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, revision->record, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW &&
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), revision->type) != 0)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   "record %s is a %s, not a %s",
                   revision->record, (const char *) sqlite3_column_text (stmt, 0), revision->type);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  parents_json = _idk_revision_parents_json ((const char * const *) revision->parents);

  if (!(stmt = _idk_store_prepare (self,
                                   "INSERT INTO revisions (rev_id, record_uuid, record_type, hlc, "
                                   "  office_uuid, deleted, parents, fields, is_leaf) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                   "  NOT EXISTS (SELECT 1 FROM rev_parents WHERE parent_rev_id = ?1))",
                                   error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, revision->rev_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, revision->record, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, revision->type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, (gint64) revision->hlc);
  sqlite3_bind_text (stmt, 5, revision->office, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, revision->deleted);
  sqlite3_bind_text (stmt, 7, parents_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, revision->fields_json, -1, SQLITE_STATIC);
  if (!_idk_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; revision->parents[i] != NULL; i++)
    {
      if (!(stmt = _idk_store_prepare (self,
                                       "INSERT OR IGNORE INTO rev_parents (rev_id, parent_rev_id) "
                                       "VALUES (?1, ?2)", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, revision->rev_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, revision->parents[i], -1, SQLITE_STATIC);
      if (!_idk_store_step_done (self, stmt, error))
        return FALSE;

      if (!(stmt = _idk_store_prepare (self, "UPDATE revisions SET is_leaf = 0 WHERE rev_id = ?1", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, revision->parents[i], -1, SQLITE_STATIC);
      if (!_idk_store_step_done (self, stmt, error))
        return FALSE;
    }

  if (!_idk_store_touch (self, revision->record, revision->type, error) ||
      !_idk_store_settle (self, error))
    return FALSE;

  if (revision->hlc > self->hlc)
    {
      self->hlc = idk_hlc_observe (self->hlc, revision->hlc);
      if (!_idk_store_save_hlc (self, error))
        return FALSE;
    }

  if (applied)
    *applied = TRUE;
  return TRUE;
}

gboolean
_idk_store_check_field_references (IdkStore             *self,
                                   const IdkRecordType  *type,
                                   JsonObject           *fields,
                                   GError              **error)
{
  for (guint i = 0; i < type->n_fields; i++)
    {
      const IdkFieldSpec *spec = &type->fields[i];
      JsonNode *node = json_object_get_member (fields, spec->name);
      g_autoptr(GPtrArray) targets = g_ptr_array_new ();

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;

      if (spec->kind == IDK_FIELD_REF)
        g_ptr_array_add (targets, (gpointer) json_node_get_string (node));
      else if (spec->kind == IDK_FIELD_REFS)
        {
          JsonArray *array = json_node_get_array (node);

          for (guint j = 0; j < json_array_get_length (array); j++)
            g_ptr_array_add (targets, (gpointer) json_array_get_string_element (array, j));
        }

      for (guint j = 0; j < targets->len; j++)
        {
          sqlite3_stmt *stmt;
          const char *target_type = NULL;
          gboolean found;

          if (!(stmt = _idk_store_prepare (self,
                                           "SELECT type FROM records WHERE uuid = ?1 AND deleted = 0",
                                           error)))
            return FALSE;
          sqlite3_bind_text (stmt, 1, targets->pdata[j], -1, SQLITE_STATIC);
          found = sqlite3_step (stmt) == SQLITE_ROW;
          if (found)
            target_type = (const char *) sqlite3_column_text (stmt, 0);
          found = found && g_strv_contains (spec->ref_types, target_type);
          sqlite3_reset (stmt);

          if (!found)
            {
              g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                           "field “%s”: no %s %s", spec->name, spec->ref_types[0],
                           (const char *) targets->pdata[j]);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* @parents: %NULL for an ordinary edit, which continues from the version
 * the user saw (the winner); settling a conflict names every leaf. */
gboolean
_idk_store_write_revision (IdkStore            *self,
                           const char          *type_name,
                           const char          *uuid,
                           gboolean             deleted,
                           JsonObject          *fields,
                           const char * const  *parents,
                           GError             **error)
{
  g_autoptr(IdkRevision) revision = NULL;
  g_autofree char *winner = NULL;
  const char *winner_only[2] = { NULL, NULL };
  sqlite3_stmt *stmt;

  if (parents == NULL)
    {
      if (!(stmt = _idk_store_prepare (self, "SELECT winner_rev FROM records WHERE uuid = ?1", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        winner = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);

      winner_only[0] = winner;
      parents = winner_only;
    }

  self->hlc = idk_hlc_tick (self->hlc, g_get_real_time () / 1000);
  revision = idk_revision_new (uuid, type_name, self->hlc, self->office_uuid,
                               (const char **) parents, deleted, fields);

  return _idk_store_save_hlc (self, error) &&
         idk_store_apply_revision (self, revision, NULL, error);
}

/**
 * idk_store_save:
 * @type: the record type, e.g. "action"
 * @uuid: (nullable): the record to change, or %NULL to create one
 * @fields: all the fields of the record
 *
 * Writes a new revision of a record made in this office, in one
 * transaction with the update of its row.
 *
 * Returns: (transfer full): the UUID of the record, or %NULL with @error set
 */
char *
idk_store_save (IdkStore    *self,
                const char  *type,
                const char  *uuid,
                JsonObject  *fields,
                GError     **error)
{
  const IdkRecordType *record_type;
  g_autofree char *new_uuid = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  record_type = idk_record_type_lookup (type);
  if (record_type == NULL)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, "unknown record type “%s”", type);
      return NULL;
    }

  if (uuid == NULL)
    uuid = new_uuid = g_uuid_string_random ();
  else if (!g_uuid_string_is_valid (uuid))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, "“%s” is not a record UUID", uuid);
      return NULL;
    }

  if (!idk_record_type_validate (record_type, fields, FALSE, error))
    return NULL;

  if (!idk_store_begin (self, error))
    return NULL;

  if (!_idk_store_check_field_references (self, record_type, fields, error) ||
      !_idk_store_write_revision (self, type, uuid, FALSE, fields, NULL, error) ||
      !idk_store_commit (self, error))
    {
      idk_store_rollback (self);
      return NULL;
    }

  return g_strdup (uuid);
}

/**
 * idk_store_delete:
 *
 * Deletes a record by writing a tombstone revision; the revisions before
 * it are kept, so the record can be restored.
 */
gboolean
idk_store_delete (IdkStore    *self,
                  const char  *uuid,
                  GError     **error)
{
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *type = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!idk_store_begin (self, error))
    return FALSE;

  if (!(fields = idk_store_get_fields (self, uuid, &type, error)) ||
      !_idk_store_write_revision (self, type, uuid, TRUE, fields, NULL, error) ||
      !idk_store_commit (self, error))
    {
      idk_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * idk_store_restore:
 *
 * Brings back a deleted record as it was when deleted (undo of
 * idk_store_delete()), as a new revision after the tombstone.
 */
gboolean
idk_store_restore (IdkStore    *self,
                   const char  *uuid,
                   GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *type = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!idk_store_begin (self, error))
    return FALSE;

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT v.fields, r.type FROM records r "
                                   "JOIN revisions v ON v.rev_id = r.winner_rev "
                                   "WHERE r.uuid = ?1 AND r.deleted = 1", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      node = json_from_string ((const char *) sqlite3_column_text (stmt, 0), NULL);
      type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (node == NULL)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND, "No deleted record %s", uuid);
      goto failed;
    }

  if (!_idk_store_check_field_references (self, idk_record_type_lookup (type), json_node_get_object (node), error) ||
      !_idk_store_write_revision (self, type, uuid, FALSE, json_node_get_object (node), NULL, error) ||
      !idk_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  idk_store_rollback (self);
  return FALSE;
}

/**
 * idk_store_set_today:
 * @date: (nullable): a date as YYYY-MM-DD, or %NULL for the real one
 *
 * Fixes the date the store takes as today, so that tests of overdue
 * actions and current holders do not depend on when they run.
 */
void
idk_store_set_today (IdkStore   *self,
                     const char *date)
{
  g_return_if_fail (IDK_IS_STORE (self));
  g_return_if_fail (date == NULL || idk_date_is_valid_text (date));

  g_free (self->today);
  self->today = g_strdup (date);
}

const char *
idk_store_get_today (IdkStore *self)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  return _idk_store_today (self);
}
