/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store-write"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-hlc-private.h"
#include "idk-record-type-private.h"
#include "idk-revision-private.h"
#include "idk-store-private.h"

/* Writing revisions: the one path of local edits (save, delete, restore)
 * and imported revisions alike, each in one transaction with the update
 * of the record's current row, so that the two never disagree. */

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
                       _("revision %s of %s %s differs from the one already held under that id"),
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
                   _("record %s is a %s, not a %s"),
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
                                   "  NOT EXISTS (SELECT 1 FROM rev_parents p JOIN revisions c ON c.rev_id = p.rev_id "
                                   "    WHERE p.parent_rev_id = ?1 AND c.record_uuid = ?2))",
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

      if (!(stmt = _idk_store_prepare (self, "UPDATE revisions SET is_leaf = 0 "
                                       "WHERE rev_id = ?1 AND record_uuid = ?2", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, revision->parents[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, revision->record, -1, SQLITE_STATIC);
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

char *
_idk_store_minify_json (IdkStore    *store,
                        const char  *json,
                        gsize        length,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  char *result = NULL;

  if (!(stmt = _idk_store_prepare (store, "SELECT json (?1)", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, json, (int) length, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (result == NULL)
    _idk_store_sql_error (store, error);
  return result;
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
            return _idk_record_refuse (error, IDK_RECORD_ERROR_REFERENCE, spec->name,
                                       _("No record of this database is the %s chosen here (%s)."),
                                       idk_record_field_label (type->name, spec->name),
                                       (const char *) targets->pdata[j]);
        }
    }

  return TRUE;
}

static JsonObject *
without_nulls (JsonObject *fields)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &name, &node))
    if (!JSON_NODE_HOLDS_NULL (node))
      json_object_set_member (copy, name, json_node_copy (node));

  return copy;
}

static gboolean
same_fields (const char *stored,
             JsonObject *fields)
{
  g_autoptr(JsonNode) node = stored ? json_from_string (stored, NULL) : NULL;

  g_autoptr(JsonObject) current = NULL;
  g_autoptr(JsonObject) given = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  /* A null member is no value (older data and bundles may hold some). */
  current = without_nulls (json_node_get_object (node));
  given = without_nulls (fields);
  return json_object_equal (current, given);
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
      gboolean live = FALSE;
      g_autofree char *current = NULL;

      if (!(stmt = _idk_store_prepare (self,
                                       "SELECT r.winner_rev, r.deleted, v.fields FROM records r "
                                       "JOIN revisions v ON v.rev_id = r.winner_rev WHERE r.uuid = ?1", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          winner = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          live = !sqlite3_column_int (stmt, 1);
          current = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      sqlite3_reset (stmt);

      /* Saving what is already there records nothing: no revision, no
       * entry in the history, nothing to undo. */
      if (winner != NULL && !deleted && live && same_fields (current, fields))
        return TRUE;
      if (winner != NULL && deleted && !live)
        return TRUE;

      winner_only[0] = winner;
      parents = winner_only;
    }

  if (!_idk_store_journal_note (self, uuid, type_name, error))
    return FALSE;

  self->hlc = idk_hlc_tick (self->hlc, g_get_real_time () / 1000);
  revision = idk_revision_new (uuid, type_name, self->hlc, self->office_uuid,
                               (const char **) parents, deleted, fields);

  if (!_idk_store_save_hlc (self, error) ||
      !idk_store_apply_revision (self, revision, NULL, error))
    return FALSE;

  _idk_store_journal_written (self, uuid, revision->rev_id);
  return TRUE;
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
  g_autoptr(JsonObject) stored = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  record_type = idk_record_type_lookup (type);
  if (record_type == NULL)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, _("unknown record type “%s”"), type);
      return NULL;
    }

  if (uuid == NULL)
    uuid = new_uuid = g_uuid_string_random ();
  else if (!g_uuid_string_is_valid (uuid))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, _("“%s” is not a record UUID"), uuid);
      return NULL;
    }

  /* A null member is a field without a value: it is left out, so that
   * the stored form of a record does not depend on how it was edited. */
  stored = without_nulls (fields);
  if (!idk_record_type_validate (record_type, stored, FALSE, error))
    return NULL;

  if (!idk_store_begin (self, error))
    return NULL;

  if (!_idk_store_check_field_references (self, record_type, stored, error) ||
      !_idk_store_write_revision (self, type, uuid, FALSE, stored, NULL, error) ||
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
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND, _("No deleted record %s"), uuid);
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

