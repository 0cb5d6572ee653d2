/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store-open"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "idk-hlc-private.h"
#include "idk-store-private.h"

/* Opening a database: the checks that leave a damaged or foreign file
 * untouched, the migrations, this office's identity, and a second
 * connection for readers in other threads. */

/* Whether the file is at least as long as its header says (SQLite keeps
 * the page count there, valid when it was written with the change counter
 * beside it): a truncated file is found without reading it all.  Says
 * why not, or NULL. */
static char *
check_length (const char *path)
{
  guint8 header[100];
  GStatBuf buf;
  guint32 page_size, pages, counter, valid_for;
  gssize n = 0;
  int fd;

  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf wal_buf;

  /* Pages in a write-ahead log count too (a checkpoint cut short leaves
   * the file shorter than its header, and the log makes up for it). */
  if (g_stat (wal, &wal_buf) == 0 && wal_buf.st_size > 0)
    return NULL;
  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return NULL;
  if (fstat (fd, &buf) == 0 && buf.st_size >= (goffset) sizeof header)
    n = read (fd, header, sizeof header);
  close (fd);
  if (n != (gssize) sizeof header)
    return NULL;

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  memcpy (&counter, header + 24, 4);
  memcpy (&pages, header + 28, 4);
  memcpy (&valid_for, header + 92, 4);
  counter = GUINT32_FROM_BE (counter);
  pages = GUINT32_FROM_BE (pages);
  valid_for = GUINT32_FROM_BE (valid_for);
  if (pages == 0 || valid_for != counter || (guint64) pages * page_size <= (guint64) buf.st_size)
    return NULL;
  return g_strdup_printf (_("it is %llu bytes long, but its header counts %u pages of %u bytes: it was cut short"),
                          (unsigned long long) buf.st_size, pages, page_size);
}

/* Checks made before anything is written, so that a file that is not ours
 * or is damaged is left exactly as it was.  They read the header and the
 * schema only, so that opening costs the same whatever the file's size:
 * the full check (idk_store_check_integrity()) runs before the first
 * write, and a page found damaged on reading says so then. */
static gboolean
check_file (IdkStore  *self,
            int       *user_version,
            GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = check_length (self->path);
  gint64 application_id = 0, version = 0, tables = 0;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT count (*) FROM sqlite_schema", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK || problem != NULL)
    {
      int primary = rc & 0xff;

      if (_idk_store_no_room_error (self, error))
        return FALSE;
      if (primary == SQLITE_READONLY)
        g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_READ_ONLY,
                     _("Cannot read the database “%s”: it cannot be written to, and SQLite needs to write "
                       "beside it to read it (%s)"), self->path, sqlite3_errstr (rc));
      else if (primary == SQLITE_CANTOPEN || primary == SQLITE_PERM || primary == SQLITE_AUTH ||
               primary == SQLITE_IOERR)
        g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN,
                     _("Cannot read the database “%s”: %s"), self->path, sqlite3_errstr (rc));
      else
        g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_CORRUPT,
                     _("The database “%s” is damaged: %s"), self->path,
                     problem ? problem : sqlite3_errmsg (self->db));
      return FALSE;
    }

  if (!_idk_store_query_int (self->db, "PRAGMA application_id", &application_id, &rc) ||
      !_idk_store_query_int (self->db, "PRAGMA user_version", &version, &rc) ||
      !_idk_store_query_int (self->db, "SELECT count(*) FROM sqlite_schema", &tables, &rc))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN,
                   _("Cannot read the database “%s”: %s"), self->path, sqlite3_errstr (rc));
      return FALSE;
    }

  if ((version == 0 && tables > 0) || (version > 0 && application_id != IDK_APPLICATION_ID))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_A_DESK_DATABASE,
                   _("“%s” is an SQLite database of another program, not of IASMN Desk"), self->path);
      return FALSE;
    }

  if (version > _idk_schema_latest_version ())
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was made by a newer version of IASMN Desk (schema %d, "
                   "this version knows up to %d)"),
                   self->path, (int) version, _idk_schema_latest_version ());
      return FALSE;
    }

  *user_version = (int) version;
  return TRUE;
}

/* Why @path cannot be written, or NULL if it can (or does not exist yet). */
static char *
why_read_only (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  if (g_access (path, W_OK) != 0)
    return g_strdup (_("the file is read-only"));
  if (g_access (dir, W_OK) != 0)
    return g_strdup (_("its folder cannot be written to"));
  return NULL;
}

/* idk_deleted_label (name): the label of a record deleted, translated. */
static void
deleted_label (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *name = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *label = NULL;

  if (name == NULL)
    {
      sqlite3_result_text (context, _("a deleted record"), -1, SQLITE_TRANSIENT);
      return;
    }
  /* TRANSLATORS: %s is the name of an organization or working group */
  label = g_strdup_printf (_("%s (deleted)"), name);
  sqlite3_result_text (context, label, -1, SQLITE_TRANSIENT);
}

/* The functions the schema's views call, on a connection to the file:
 * every one the store opens, and any other that reads those views. */
void
_idk_store_register_functions (sqlite3 *db)
{
  sqlite3_create_function (db, "idk_deleted_label", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, deleted_label,
                           NULL, NULL);
}

/* In a folder that cannot be written, without its -shm file and with no
 * write-ahead log to apply. */
static gboolean
needs_immutable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf buf;

  return g_access (dir, W_OK) != 0 && !g_file_test (shm, G_FILE_TEST_EXISTS) &&
         (g_stat (wal, &buf) != 0 || buf.st_size == 0);
}

static int
open_file (const char  *path,
           gboolean     read_only,
           int          flags,
           sqlite3    **db)
{
  static gsize configured;

  /* SQLite counts its memory under one lock for the whole process, taken
   * on every allocation: an import's two threads, each with a connection,
   * waited on each other there.  Nothing here reads the counts.  Only
   * possible before SQLite's first use in the process; harmless after. */
  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }

  /* SQLite cannot make the shared-memory file beside a WAL database in a
   * folder it cannot write: with no journal pending, the file is read as
   * it is. */
  if (read_only && needs_immutable (path))
    {
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);

      return sqlite3_open_v2 (immutable, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL);
    }
  return sqlite3_open_v2 (path, db, flags | SQLITE_OPEN_NOFOLLOW, NULL);
}

/**
 * idk_store_get_read_only_reason:
 *
 * Returns: (nullable): why the database cannot be written, or %NULL if it
 *   can
 */
const char *
idk_store_get_read_only_reason (IdkStore *self)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  return self->read_only;
}

/**
 * idk_store_check_writable:
 *
 * Before a write: a read-only file says so, rather than an SQLite error.
 */
gboolean
idk_store_check_writable (IdkStore  *self,
                           GError   **error)
{
  if (self->read_only == NULL)
    return TRUE;
  g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_READ_ONLY,
               _("The database “%s” can be read but not changed: %s"), self->path, self->read_only);
  return FALSE;
}

/* A write that failed for lack of room: the disk is full (or the file
 * may grow no more).  Says so if that is why. */
gboolean
_idk_store_no_room_error (IdkStore  *self,
                          GError   **error)
{
  int code = sqlite3_errcode (self->db) & 0xff;
  int system = sqlite3_system_errno (self->db);

  if (code != SQLITE_FULL && !(code == SQLITE_IOERR && (system == ENOSPC || system == EFBIG || system == EDQUOT)))
    return FALSE;
  g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_FULL,
               _("There is no room left to write to the database “%s” (%s): free some space on its disk, then "
                 "try again. Nothing was changed."), self->path,
               g_strerror (system != 0 && code == SQLITE_IOERR ? system : ENOSPC));
  return TRUE;
}

static gboolean
initialize_office (IdkStore  *self,
                   GError   **error)
{
  g_autofree char *office = _idk_store_get_meta (self, "office_uuid");
  g_autofree char *hlc = _idk_store_get_meta (self, "hlc");

  if (office == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *created = g_date_time_format_iso8601 (now);

      office = g_uuid_string_random ();
      if (!_idk_store_set_meta (self, "office_uuid", office, error) ||
          !_idk_store_set_meta (self, "created_at", created, error))
        return FALSE;
    }

  if (hlc == NULL || !idk_hlc_from_hex (hlc, &self->hlc))
    self->hlc = 0;

  self->office_uuid = g_steal_pointer (&office);
  return TRUE;
}

/**
 * idk_store_default_path:
 *
 * Returns: the database used when none is named: `$IASMN_DESK_DB`, or
 *   `$XDG_DATA_HOME/iasmn-desk/desk.sqlite3`.
 */
char *
idk_store_default_path (void)
{
  const char *env = g_getenv ("IASMN_DESK_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "iasmn-desk", "desk.sqlite3", NULL);
}

/**
 * idk_store_open:
 * @path: (nullable): the database file, or %NULL for the default one
 * @flags: how to open it
 * @error: a location for a #GError
 *
 * Opens the database at @path, creating it if it does not exist and
 * migrating it to the current schema.  A new database is filled with the
 * default data unless @flags has %IDK_STORE_OPEN_EMPTY.  A file that is
 * damaged or belongs to another program is refused and left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
IdkStore *
idk_store_open (const char         *path,
                IdkStoreOpenFlags   flags,
                GError            **error)
{
  g_autoptr(IdkStore) self = g_object_new (IDK_TYPE_STORE, NULL);
  int user_version = 0;
  int rc;

  self->path = path ? g_strdup (path) : idk_store_default_path ();

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: it is a folder"), self->path);
      return NULL;
    }

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN,
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
          return NULL;
        }
    }

  /* A file that cannot be written (or whose folder cannot, where SQLite
   * keeps its journal) is opened for reading: it can be looked at and
   * exported from, and every change says why it cannot be made. */
  self->read_only = why_read_only (self->path);
  rc = open_file (self->path, self->read_only != NULL,
                  self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &self->db);
  if (rc != SQLITE_OK)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (!g_file_test (self->path, G_FILE_TEST_EXISTS) && g_access (dir, W_OK) != 0)
        g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_READ_ONLY,
                     _("Cannot create the database “%s”: its folder cannot be written to"), self->path);
      else
        g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN,
                     _("Cannot open the database “%s”: %s"), self->path,
                     self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);
  _idk_store_register_functions (self->db);

  if (!check_file (self, &user_version, error))
    return NULL;

  if (self->read_only == NULL && sqlite3_db_readonly (self->db, "main") == 1)
    self->read_only = g_strdup (_("SQLite opened it for reading only"));

  if (self->read_only != NULL && user_version < _idk_schema_latest_version ())
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is of an older version of IASMN Desk and must be upgraded, which means "
                     "writing to it, but %s"), self->path, self->read_only);
      return NULL;
    }

  if (!_idk_store_exec (self, self->read_only ? "PRAGMA foreign_keys = ON;"
                                              : "PRAGMA foreign_keys = ON;"
                                                "PRAGMA journal_mode = WAL;"
                                                "PRAGMA synchronous = NORMAL;", error))
    return NULL;

  if (user_version < _idk_schema_latest_version ())
    {
      g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", IDK_APPLICATION_ID);

      if (!_idk_store_exec (self, "BEGIN IMMEDIATE", error))
        return NULL;
      if (!_idk_schema_migrate (self->db, user_version, error) ||
          !_idk_store_exec (self, set_id, error))
        {
          _idk_store_exec (self, "ROLLBACK", NULL);
          return NULL;
        }
      if (!_idk_store_exec (self, "COMMIT", error))
        return NULL;
    }

  if (!initialize_office (self, error) ||
      !_idk_store_create_temp_tables (self, error))
    return NULL;

  if (user_version == 0 && !(flags & IDK_STORE_OPEN_EMPTY))
    {
      if (!_idk_store_load_defaults (self, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/* Another connection to the database of @self, sharing its office and
 * clock, with no checks or migrations: @self has done them. */
static IdkStore *
open_another (IdkStore  *self,
              int        flags,
              int        busy_timeout,
              GError   **error)
{
  g_autoptr(IdkStore) other = g_object_new (IDK_TYPE_STORE, NULL);
  int rc;

  other->path = g_strdup (self->path);
  other->office_uuid = g_strdup (self->office_uuid);
  other->today = g_strdup (self->today);
  other->hlc = self->hlc;
  other->read_only = g_strdup (self->read_only);
  other->key_passphrase = g_strdup (self->key_passphrase);
  if (self->read_only != NULL)
    flags = SQLITE_OPEN_READONLY;

  rc = open_file (other->path, other->read_only != NULL, flags, &other->db);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN, _("Cannot open the database “%s”: %s"),
                   other->path, other->db ? sqlite3_errmsg (other->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (other->db, TRUE);
  sqlite3_busy_timeout (other->db, busy_timeout);
  _idk_store_register_functions (other->db);

  return g_steal_pointer (&other);
}

/**
 * idk_store_open_reader:
 *
 * Opens a second, read-only connection to the same database, for a query
 * run in another thread: SQLite's WAL lets it read while this one
 * writes.  Use it from one thread at a time.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set
 */
IdkStore *
idk_store_open_reader (IdkStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  return open_another (self, SQLITE_OPEN_READONLY, 5000, error);
}

/**
 * idk_store_open_connection:
 *
 * Opens a second read-write connection to the same database, for long
 * work (an import, an export) in another thread, so that this one stays
 * free for the window.  SQLite serialises the writes; the other
 * connection's changes are seen here once committed (emit
 * idk_store_notify_changed() then).
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
IdkStore *
idk_store_open_connection (IdkStore  *self,
                           GError   **error)
{
  g_autoptr(IdkStore) other = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  /* A writer may wait for the window's short transactions. */
  if (!(other = open_another (self, SQLITE_OPEN_READWRITE, 30000, error)) ||
      !_idk_store_exec (other, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;", error) ||
      !_idk_store_create_temp_tables (other, error))
    return NULL;

  return g_steal_pointer (&other);
}

/**
 * idk_store_notify_changed:
 *
 * Tells the listeners of #IdkStore::changed that the data changed, when
 * another connection (see idk_store_open_connection()) changed it.
 */
void
idk_store_notify_changed (IdkStore *self)
{
  g_return_if_fail (IDK_IS_STORE (self));

  _idk_store_emit_changed (self);
}
