/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "idk-date.h"
#include "idk-hlc-private.h"
#include "idk-record-type-private.h"
#include "idk-revision-private.h"
#include "idk-store-private.h"
#include "idk-trust.h"

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

  g_clear_pointer (&self->statements_by_address, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->office_uuid, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->journal, g_ptr_array_unref);
  g_clear_pointer (&self->journal_marks, g_array_unref);
  g_clear_object (&self->last_change);
  g_clear_pointer (&self->damage, g_free);
  g_clear_pointer (&self->read_only, g_free);
  idk_store_set_key_passphrase (self, NULL);

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
  self->statements_by_address = g_hash_table_new (NULL, NULL);
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
  if (_idk_store_no_room_error (self, error))
    return FALSE;
  if ((sqlite3_errcode (self->db) & 0xff) == SQLITE_CORRUPT || (sqlite3_errcode (self->db) & 0xff) == SQLITE_NOTADB)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_CORRUPT, _("The database “%s” is damaged: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }
  g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_SQL,
               _("Database error: %s"), sqlite3_errmsg (self->db));
  return FALSE;
}

static int
on_progress_cb (void *data)
{
  return g_cancellable_is_cancelled (data);
}

/* A query of this connection stops soon after @cancellable is cancelled,
 * with SQLITE_INTERRUPT: a search superseded by the next keystroke does
 * not run to its end.  %NULL lets queries run. */
void
_idk_store_set_cancellable (IdkStore     *self,
                            GCancellable *cancellable)
{
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 1000, on_progress_cb, cancellable);
  else
    sqlite3_progress_handler (self->db, 0, NULL, NULL);
}

/* Statements are prepared once and kept: an import of a large bundle runs
 * the same few statements hundreds of thousands of times. */
sqlite3_stmt *
_idk_store_prepare (IdkStore    *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements_by_address, sql);

  /* Most SQL is a literal, met again at the same address: hashing its
   * text for each of an import's million statements showed in profiles.
   * The address is only a hint (text built at run time may come back at
   * an address another text had); the statement's own text decides. */
  if (stmt == NULL || strcmp (sqlite3_sql (stmt), sql) != 0)
    {
      if ((stmt = g_hash_table_lookup (self->statements, sql)) != NULL)
        g_hash_table_insert (self->statements_by_address, (gpointer) sql, stmt);
    }

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_SQL,
                   _("Database error: %s (in “%s”)"), sqlite3_errmsg (self->db), sql);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  g_hash_table_insert (self->statements_by_address, (gpointer) sql, stmt);
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
      if (!_idk_store_no_room_error (self, error))
        g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_SQL, _("Database error: %s"), message);
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
 * idk_store_check_integrity:
 *
 * The full check of the database file (PRAGMA integrity_check), which
 * the quick check made at open leaves out: it finds an index that no
 * longer matches its table.  It runs once per store, before the first
 * write, or earlier when called (the application calls it once its window
 * is up).  A damaged file stays readable; every write to it is refused.
 *
 * Returns: %FALSE with @error set (%IDK_STORE_ERROR_CORRUPT) when damaged
 */
gboolean
idk_store_check_integrity (IdkStore  *self,
                           GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) found = NULL;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);

  if (self->integrity == IDK_INTEGRITY_UNKNOWN)
    {
      gint64 start = g_get_monotonic_time ();

      found = g_string_new (NULL);
      rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check (8)", -1, &stmt, NULL);
      while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (line, "ok") != 0)
            g_string_append_printf (found, "%s%s", found->len ? "; " : "", line ? line : "?");
        }
      if (rc != SQLITE_OK)
        g_string_append (found, sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
      g_debug ("integrity_check of %s in %.2f s: %s", self->path, (g_get_monotonic_time () - start) / 1e6,
               found->len ? found->str : "ok");

      if (found->len == 0)
        self->integrity = IDK_INTEGRITY_OK;
      else
        {
          self->integrity = IDK_INTEGRITY_DAMAGED;
          self->damage = g_string_free (g_steal_pointer (&found), FALSE);
        }
    }

  if (self->integrity == IDK_INTEGRITY_DAMAGED)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). It can be read, but nothing more is written to it: "
                     "keep a copy, and restore it from a backup or import your bundles into a new one."),
                   self->path, self->damage);
      return FALSE;
    }
  return TRUE;
}

static void
check_integrity_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  IdkStore *self = source_object;
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) reader = idk_store_open_reader (self, &error);

  if (reader == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!idk_store_check_integrity (reader, &error) && reader->integrity != IDK_INTEGRITY_DAMAGED)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_strdup (reader->damage), g_free);
}

/**
 * idk_store_check_integrity_async:
 *
 * The full check of idk_store_check_integrity(), on a connection of its
 * own in a thread, so that the window stays live however large the file.
 * A write asked for meanwhile still waits for a check of its own.
 */
void
idk_store_check_integrity_async (IdkStore            *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (IDK_IS_STORE (self));

  g_task_set_source_tag (task, idk_store_check_integrity_async);
  if (self->integrity != IDK_INTEGRITY_UNKNOWN)
    g_task_return_pointer (task, g_strdup (self->damage), g_free);
  else
    g_task_run_in_thread (task, check_integrity_thread);
}

/**
 * idk_store_check_integrity_finish:
 *
 * Returns: %FALSE with @error set when the file is damaged (then the
 *   store refuses every write) or could not be checked
 */
gboolean
idk_store_check_integrity_finish (IdkStore      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autofree char *damage = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  damage = g_task_propagate_pointer (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (self->integrity == IDK_INTEGRITY_UNKNOWN)
    {
      self->integrity = damage ? IDK_INTEGRITY_DAMAGED : IDK_INTEGRITY_OK;
      self->damage = g_steal_pointer (&damage);
    }
  return idk_store_check_integrity (self, error);
}

/**
 * idk_store_is_damaged:
 *
 * Returns: whether the full check found the file damaged (read-only now)
 */
gboolean
idk_store_is_damaged (IdkStore *self)
{
  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);

  return self->integrity == IDK_INTEGRITY_DAMAGED;
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

  /* Writes wait for the full check of the file, and none goes to a file
   * known to be damaged. */
  if (self->txn_depth == 0 && (!idk_store_check_writable (self, error) || !idk_store_check_integrity (self, error)))
    return FALSE;

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
  _idk_store_journal_begin (self);
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
  _idk_store_journal_commit (self);
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
  _idk_store_journal_rollback (self);
  if (self->txn_depth == 0)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO s%u; RELEASE s%u", self->txn_depth, self->txn_depth);

  /* SQLite rolls the whole transaction back itself after some errors (a
   * full disk, for one): then there is nothing left to undo. */
  if (sqlite3_get_autocommit (self->db))
    ;
  else if (!_idk_store_exec (self, sql, NULL))
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->db));

  /* The in-memory clock may have moved within the transaction; reload. */
  if (self->txn_depth == 0)
    {
      g_autofree char *hlc = _idk_store_get_meta (self, "hlc");

      if (hlc == NULL || !idk_hlc_from_hex (hlc, &self->hlc))
        self->hlc = 0;
    }
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
