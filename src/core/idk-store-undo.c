/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store-undo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-change-private.h"
#include "idk-record-type-private.h"
#include "idk-store-private.h"

/* Undo, for every local change alike.  While a transaction of this
 * connection is open, each record it writes is noted with its state
 * before; when the outermost transaction commits, the notes become the
 * store's last change.  Undoing it writes every record back as it was,
 * as new revisions after the ones the change made: an undo is an edit
 * like any other, and travels in bundles.  Bulk deletes and restores are
 * here too, one transaction each, so that one Undo takes them back. */

void
_idk_store_journal_begin (IdkStore *self)
{
  if (self->txn_depth == 0)
    {
      /* What is offered for undoing is what the latest transaction did:
       * one that changes nothing leaves nothing, not an older change. */
      g_clear_object (&self->last_change);
      if (self->journal == NULL)
        self->journal = g_ptr_array_new_with_free_func (_idk_change_entry_free);
      g_ptr_array_set_size (self->journal, 0);
      g_clear_pointer (&self->journal_marks, g_array_unref);
      self->journal_marks = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  g_array_append_val (self->journal_marks, self->journal->len);
}

void
_idk_store_journal_commit (IdkStore *self)
{
  /* txn_depth is the depth after the commit. */
  g_array_set_size (self->journal_marks, self->journal_marks->len - 1);
  if (self->txn_depth > 0)
    return;

  for (guint i = self->journal->len; i > 0; i--)
    if (((IdkChangeEntry *) g_ptr_array_index (self->journal, i - 1))->after_rev == NULL)
      g_ptr_array_remove_index (self->journal, i - 1);
  if (self->journal->len == 0)
    return;

  g_clear_object (&self->last_change);
  self->last_change = _idk_change_new (g_steal_pointer (&self->journal));
}

void
_idk_store_journal_rollback (IdkStore *self)
{
  guint mark = g_array_index (self->journal_marks, guint, self->journal_marks->len - 1);

  /* What the rolled-back part wrote is gone, and so are its notes. */
  g_array_set_size (self->journal_marks, self->journal_marks->len - 1);
  g_ptr_array_set_size (self->journal, mark);
}

static IdkChangeEntry *
find_entry (IdkStore   *self,
            const char *uuid)
{
  for (guint i = 0; i < self->journal->len; i++)
    {
      IdkChangeEntry *entry = g_ptr_array_index (self->journal, i);

      if (g_str_equal (entry->uuid, uuid))
        return entry;
    }
  return NULL;
}

/* Before a local revision of @uuid is written: notes the record's state,
 * the first time this transaction touches it. */
gboolean
_idk_store_journal_note (IdkStore    *self,
                         const char  *uuid,
                         const char  *type,
                         GError     **error)
{
  IdkChangeEntry *entry;
  sqlite3_stmt *stmt;
  int rc;

  if (self->journal == NULL || find_entry (self, uuid) != NULL)
    return TRUE;

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT r.deleted, v.fields FROM records r "
                                   "JOIN revisions v ON v.rev_id = r.winner_rev WHERE r.uuid = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);

  entry = g_new0 (IdkChangeEntry, 1);
  entry->uuid = g_strdup (uuid);
  entry->type = g_strdup (type);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      entry->existed = TRUE;
      entry->was_deleted = sqlite3_column_int (stmt, 0);
      entry->before_fields = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  g_ptr_array_add (self->journal, entry);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error);
  return TRUE;
}

/* After it is written. */
void
_idk_store_journal_written (IdkStore   *self,
                            const char *uuid,
                            const char *rev_id)
{
  IdkChangeEntry *entry = self->journal ? find_entry (self, uuid) : NULL;

  if (entry != NULL)
    {
      g_free (entry->after_rev);
      entry->after_rev = g_strdup (rev_id);
    }
}

/**
 * idk_store_take_last_change:
 *
 * The change that the last local transaction made (a save, a bulk
 * change, a delete, an undo), to offer it for undoing.  A transaction
 * that changed nothing leaves none.
 *
 * Returns: (transfer full) (nullable): the change, which the store forgets
 */
IdkChange *
idk_store_take_last_change (IdkStore *self)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  return g_steal_pointer (&self->last_change);
}

static char *
winner_of (IdkStore    *self,
           const char  *uuid,
           GError     **error)
{
  sqlite3_stmt *stmt;
  char *winner = NULL;

  if (!(stmt = _idk_store_prepare (self, "SELECT winner_rev FROM records WHERE uuid = ?1", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    winner = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return winner;
}

static gboolean
undo_entry (IdkStore        *self,
            IdkChangeEntry  *entry,
            GError         **error)
{
  g_autofree char *winner = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonObject) current = NULL;
  const IdkRecordType *type = idk_record_type_lookup (entry->type);

  /* A change made since (here, or arriving in a bundle) is not silently
   * overwritten. */
  winner = winner_of (self, entry->uuid, error);
  if (g_strcmp0 (winner, entry->after_rev) != 0)
    {
      g_autofree char *label = idk_store_get_record_label (self, entry->uuid);

      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_CONFLICT,
                   _("“%s” has changed again since, so this change cannot be undone."),
                   label ? label : entry->uuid);
      return FALSE;
    }

  if (!entry->existed)
    {
      /* It was created: undoing deletes it, its last fields kept. */
      if (!(current = idk_store_get_fields (self, entry->uuid, NULL, error)))
        return FALSE;
      return _idk_store_write_revision (self, entry->type, entry->uuid, TRUE, current, NULL, error);
    }

  if (!(before = json_from_string (entry->before_fields, error)))
    return FALSE;

  if (!entry->was_deleted &&
      !_idk_store_check_field_references (self, type, json_node_get_object (before), error))
    return FALSE;

  return _idk_store_write_revision (self, entry->type, entry->uuid, entry->was_deleted,
                                    json_node_get_object (before), NULL, error);
}

/**
 * idk_store_undo:
 * @change: a change from idk_store_take_last_change()
 *
 * Puts every record the change touched back as it was before, in one
 * transaction.  Refused, and nothing written, if one of them has changed
 * again since.
 */
gboolean
idk_store_undo (IdkStore   *self,
                IdkChange  *change,
                GError    **error)
{
  GPtrArray *entries;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (IDK_IS_CHANGE (change), FALSE);

  entries = _idk_change_get_entries (change);
  if (!idk_store_begin (self, error))
    return FALSE;

  /* Last touched first: a record created for another (a person for an
   * appointment) goes after what refers to it. */
  for (guint i = entries->len; i > 0; i--)
    if (!undo_entry (self, g_ptr_array_index (entries, i - 1), error))
      {
        idk_store_rollback (self);
        return FALSE;
      }

  return idk_store_commit (self, error) || (idk_store_rollback (self), FALSE);
}

/* @verb on each record, all in one transaction. */
static gboolean
each_in_one_transaction (IdkStore            *self,
                         const char * const  *uuids,
                         gboolean           (*verb) (IdkStore *, const char *, GError **),
                         GError             **error)
{
  if (!idk_store_begin (self, error))
    return FALSE;
  for (guint i = 0; uuids[i] != NULL; i++)
    if (!verb (self, uuids[i], error))
      {
        idk_store_rollback (self);
        return FALSE;
      }

  return idk_store_commit (self, error) || (idk_store_rollback (self), FALSE);
}

/**
 * idk_store_delete_records:
 * @uuids: the records, %NULL-terminated
 *
 * Deletes every record, or none, in one transaction (one change to undo).
 */
gboolean
idk_store_delete_records (IdkStore            *self,
                          const char * const  *uuids,
                          GError             **error)
{
  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuids != NULL, FALSE);

  return each_in_one_transaction (self, uuids, idk_store_delete, error);
}

/**
 * idk_store_restore_records:
 * @uuids: deleted records, %NULL-terminated
 *
 * Brings every record back, or none, in one transaction.
 */
gboolean
idk_store_restore_records (IdkStore            *self,
                           const char * const  *uuids,
                           GError             **error)
{
  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuids != NULL, FALSE);

  return each_in_one_transaction (self, uuids, idk_store_restore, error);
}
