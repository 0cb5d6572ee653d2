/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "idk-bundle.h"
#include "idk-entry.h"
#include "idk-hlc-private.h"
#include "idk-sha256-private.h"
#include "idk-store-private.h"
#include "idk-trust-private.h"

/* Export: a bundle of this office's revisions, full or for one recipient
 * office (what it has not acknowledged), streamed row by row from SQLite
 * to a temporary file beside the target and renamed into place, so that a
 * reader never sees half a bundle.  Revisions are written from their
 * stored text, never re-serialized, so every office passes on the same
 * bytes it received.
 */

typedef struct
{
  FILE *file;
  char *temp_path;
  IdkSha256 *checksum;   /* over the revisions payload only */
  IdkSignatureHash *hash;  /* over every byte, for the signature */
} Writer;

static void
json_string (GString    *out,
             const char *value)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *quoted = NULL;

  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  node = json_node_init_string (json_node_alloc (), value);
  quoted = json_to_string (node, FALSE);
  g_string_append (out, quoted);
}

static gboolean
write_bytes (Writer      *writer,
             const char  *data,
             gsize        length,
             gboolean     payload,
             GError     **error)
{
  if (payload)
    _idk_sha256_update (writer->checksum, data, length);
  idk_signature_hash_update (writer->hash, (const guint8 *) data, length);

  if (fwrite (data, 1, length, writer->file) != length)
    {
      int saved = errno;

      g_set_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_IO, _("Cannot write the bundle: %s"),
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* A partial bundle is hidden beside its target and named after the
 * process writing it: ".X.iasmn.partial-PID-XXXXXX".  A process that was
 * killed cannot remove its own, so each export removes those of the same
 * target whose writer is gone. */
static void
remove_stale_partials (const char *path)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf (".%s.partial-", base);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      const char *pid_text;
      char *end;
      gint64 pid;

      if (!g_str_has_prefix (name, prefix))
        continue;
      pid_text = name + strlen (prefix);
      pid = g_ascii_strtoll (pid_text, &end, 10);
      if (end == pid_text || *end != '-' || pid <= 0 || pid > G_MAXINT)
        continue;
      if (kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;  /* still writing, or not ours to judge */
      {
        g_autofree char *stale = g_build_filename (dir_name, name, NULL);

        g_debug ("Removing %s, left by an export that did not finish", stale);
        g_unlink (stale);
      }
    }
}

static gboolean
writer_open (Writer      *writer,
             const char  *path,
             GError     **error)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *partial = NULL;
  int fd;

  remove_stale_partials (path);
  partial = g_strdup_printf (".%s.partial-%d-XXXXXX", base, (int) getpid ());
  writer->temp_path = g_build_filename (dir_name, partial, NULL);
  fd = g_mkstemp_full (writer->temp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_IO, _("Cannot write “%s”: %s"),
                   path, g_strerror (saved));
      g_clear_pointer (&writer->temp_path, g_free);
      return FALSE;
    }

  writer->file = fdopen (fd, "w");
  setvbuf (writer->file, NULL, _IOFBF, 1 << 20);
  writer->checksum = _idk_sha256_new ();
  writer->hash = idk_signature_hash_new ();
  return TRUE;
}

static gboolean
writer_close (Writer      *writer,
              const char  *path,
              gboolean     keep,
              GError     **error)
{
  gboolean ok = keep;

  if (writer->file != NULL)
    {
      if (ok && (fflush (writer->file) != 0 || fsync (fileno (writer->file)) != 0))
        {
          int saved = errno;

          g_set_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_IO, _("Cannot write “%s”: %s"),
                       path, g_strerror (saved));
          ok = FALSE;
        }
      if (fclose (writer->file) != 0 && ok)
        {
          int saved = errno;

          g_set_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_IO, _("Cannot write “%s”: %s"),
                       path, g_strerror (saved));
          ok = FALSE;
        }
      writer->file = NULL;
    }

  if (!ok && writer->temp_path != NULL)
    {
      g_unlink (writer->temp_path);
      g_clear_pointer (&writer->temp_path, g_free);
    }
  g_clear_pointer (&writer->checksum, _idk_sha256_free);
  g_clear_pointer (&writer->hash, idk_signature_hash_free);
  return ok;
}

/* The written bundle, renamed into place: only once the database has
 * recorded its seq, so that a crash never publishes a seq it could give
 * again to other content. */
static gboolean
writer_publish (Writer      *writer,
                const char  *path,
                GError     **error)
{
  g_autofree char *temp_path = g_steal_pointer (&writer->temp_path);

  if (g_rename (temp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (temp_path);
      g_set_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_IO, _("Cannot write “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* The signature, beside the bundle's partial file under the same kind of
 * hidden name, published with it. */
static char *
write_signature (const char  *path,
                 const char  *text,
                 GError     **error)
{
  g_autofree char *signature_path = g_strconcat (path, ".minisig", NULL);
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (signature_path);
  g_autofree char *partial = g_strdup_printf (".%s.partial-%d-XXXXXX", base, (int) getpid ());
  g_autofree char *temp_path = g_build_filename (dir_name, partial, NULL);
  gsize length = strlen (text);
  int fd;

  remove_stale_partials (signature_path);
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0 || write (fd, text, length) != (gssize) length || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (temp_path);
        }
      g_set_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_IO, _("Cannot write “%s”: %s"),
                   signature_path, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&temp_path);
}

static gboolean
write_header (IdkStore    *self,
              Writer      *writer,
              IdkKeyPair  *pair,
              const char  *bundle_id,
              gint64       seq,
              gint64       since,
              GError     **error)
{
  g_autoptr(GString) head = g_string_new ("{\n");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *name = idk_store_get_office_name (self);
  g_autofree char *organization = idk_store_get_office_organization (self);
  g_autofree char *acronym = NULL;
  sqlite3_stmt *stmt;
  int rc;
  guint n = 0;

  if (organization != NULL && *organization != '\0')
    {
      if (!(stmt = _idk_store_prepare (self, "SELECT coalesce (acronym, name) FROM organizations WHERE uuid = ?1",
                                       error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, organization, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        acronym = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  g_string_append_printf (head, "\"format\":\"%s\",\n\"format_version\":%d,\n\"network_id\":\"%s\",\n"
                          "\"bundle_id\":\"%s\",\n\"origin\":{\"office\":\"%s\",\"name\":",
                          IDK_BUNDLE_FORMAT, IDK_BUNDLE_FORMAT_VERSION, IDK_NETWORK_ID,
                          bundle_id, self->office_uuid);
  json_string (head, name);
  g_string_append (head, ",\"organization\":");
  json_string (head, acronym);
  g_string_append_printf (head, "},\n\"seq\":%" G_GINT64_FORMAT ",\n\"since\":%" G_GINT64_FORMAT ",\n"
                          "\"created_at\":\"%s\",\n\"acks\":{", seq, since, created);

  if (!(stmt = _idk_store_prepare (self, "SELECT uuid, last_seq FROM offices WHERE last_seq > 0 ORDER BY uuid",
                                   error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (head, "%s\"%s\":%" G_GINT64_FORMAT, n++ ? "," : "",
                            (const char *) sqlite3_column_text (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error);

  g_string_append (head, "},\n");
  _idk_trust_write_signer (self, pair, head);
  g_string_append (head, "\"revisions\":");
  return write_bytes (writer, head->str, head->len, FALSE, error);
}

static gboolean
write_revisions (IdkStore    *self,
                 Writer      *writer,
                 gint64       after,
                 gint64       upto,
                 const char  *only_office,
                 guint       *n_revisions,
                 GError     **error)
{
  g_autoptr(GString) line = g_string_sized_new (4096);
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  if (!write_bytes (writer, "[", 1, TRUE, error))
    return FALSE;

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT record_uuid, record_type, rev_id, parents, hlc, office_uuid, "
                                   "  deleted, fields FROM revisions WHERE rowid > ?1 AND rowid <= ?2 "
                                   "AND (?3 IS NULL OR office_uuid = ?3) ORDER BY rowid", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after);
  sqlite3_bind_int64 (stmt, 2, upto);
  if (only_office != NULL)
    sqlite3_bind_text (stmt, 3, only_office, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 3);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* Ids, types and clock values are checked ASCII: no escaping. */
      g_string_truncate (line, 0);
      g_string_append_printf (line, "%s\n{\"record\":\"%s\",\"type\":\"%s\",\"rev\":\"%s\",\"parents\":%s,"
                              "\"hlc\":\"%016" G_GINT64_MODIFIER "x\",\"office\":\"%s\",\"deleted\":%s,"
                              "\"fields\":",
                              n ? "," : "",
                              (const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3),
                              (guint64) sqlite3_column_int64 (stmt, 4),
                              (const char *) sqlite3_column_text (stmt, 5),
                              sqlite3_column_int (stmt, 6) ? "true" : "false");
      g_string_append_len (line, (const char *) sqlite3_column_text (stmt, 7), sqlite3_column_bytes (stmt, 7));
      g_string_append_c (line, '}');
      n++;

      if (!write_bytes (writer, line->str, line->len, TRUE, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error);

  *n_revisions = n;
  return write_bytes (writer, "\n]", 2, TRUE, error);
}

gboolean
_idk_store_find_start (IdkStore    *self,
            const char  *recipient,
            gint64      *since,
            gint64      *after,
            GError     **error)
{
  sqlite3_stmt *stmt;

  *since = 0;
  *after = 0;
  if (recipient == NULL)
    return TRUE;

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT b.seq, b.watermark FROM offices o "
                                   "JOIN bundles b ON b.origin = ?2 AND b.seq = o.acked "
                                   "WHERE o.uuid = ?1 AND b.watermark IS NOT NULL", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, recipient, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->office_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *since = sqlite3_column_int64 (stmt, 0);
      *after = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean export_bundle (IdkStore    *self,
                               const char  *path,
                               const char  *recipient,
                               gboolean     own_only,
                               gint64      *seq,
                               guint       *n_revisions,
                               GError     **error);

gboolean
idk_store_export (IdkStore    *self,
                  const char  *path,
                  const char  *recipient,
                  gint64      *seq,
                  guint       *n_revisions,
                  GError     **error)
{
  return export_bundle (self, path, recipient, FALSE, seq, n_revisions, error);
}

/**
 * idk_store_export_own:
 *
 * As idk_store_export(), with this office's own revisions only: what a
 * hub, where every office writes its own, has not had from this one.
 */
gboolean
idk_store_export_own (IdkStore    *self,
                      const char  *path,
                      const char  *recipient,
                      gint64      *seq,
                      guint       *n_revisions,
                      GError     **error)
{
  return export_bundle (self, path, recipient, TRUE, seq, n_revisions, error);
}

static gboolean
export_bundle (IdkStore    *self,
               const char  *path,
               const char  *recipient,
               gboolean     own_only,
               gint64      *seq,
               guint       *n_revisions,
               GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *bundle_id = g_uuid_string_random ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  g_autofree char *tail = NULL;
  Writer writer = { NULL, NULL, NULL, NULL };
  g_autoptr(IdkKeyPair) pair = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *signature_temp = NULL;
  g_autofree char *signature_path = NULL;
  gint64 next = 0, since = 0, after = 0, upto = 0;
  guint count = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  name = idk_store_get_office_name (self);
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("This office has no name yet: name it before exporting"));
      return FALSE;
    }
  if (recipient != NULL && !g_uuid_string_is_valid (recipient))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, _("“%s” is not an office UUID"), recipient);
      return FALSE;
    }

  if (!(pair = _idk_trust_load_own (self, error)))
    return FALSE;

  /* A write transaction: the seq is taken and the file written from one
   * consistent view of the revisions. */
  if (!idk_store_begin (self, error))
    return FALSE;

  if (!_idk_store_query_int (self->db, "SELECT coalesce (max (rowid), 0) FROM revisions", &upto, &rc))
    goto sql_failed;
  if (!(stmt = _idk_store_prepare (self, "SELECT coalesce (max (seq), 0) + 1 FROM bundles WHERE origin = ?1",
                                   error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, self->office_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (next < 1)
    goto sql_failed;

  if (!_idk_store_find_start (self, recipient, &since, &after, error))
    goto failed;

  if (!writer_open (&writer, path, error))
    goto failed;

  if (!write_header (self, &writer, pair, bundle_id, next, since, error) ||
      !write_revisions (self, &writer, after, upto, own_only ? self->office_uuid : NULL, &count, error))
    goto close_failed;

  tail = g_strdup_printf (",\n\"revisions_sha256\":\"%s\"\n}\n", _idk_sha256_hex (writer.checksum));
  if (!write_bytes (&writer, tail, strlen (tail), FALSE, error))
    goto close_failed;

  comment = idk_trust_bundle_comment (self->office_uuid, name, next, _idk_sha256_hex (writer.checksum));
  if (!(signature = idk_signature_hash_sign (writer.hash, pair, comment, error)) ||
      !(signature_temp = write_signature (path, signature, error)))
    goto close_failed;

  if (!(stmt = _idk_store_prepare (self,
                                   "INSERT INTO bundles (bundle_id, origin, seq, since, sha256, recipient, "
                                   "  watermark, revisions, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                   error)))
    goto close_failed;
  sqlite3_bind_text (stmt, 1, bundle_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->office_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, next);
  sqlite3_bind_int64 (stmt, 4, since);
  sqlite3_bind_text (stmt, 5, _idk_sha256_hex (writer.checksum), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, recipient, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, upto);
  sqlite3_bind_int64 (stmt, 8, count);
  sqlite3_bind_text (stmt, 9, at, -1, SQLITE_STATIC);
  if (!_idk_store_step_done (self, stmt, error))
    goto close_failed;

  if (!writer_close (&writer, path, TRUE, error))
    goto failed;
  if (!own_only && !_idk_store_keep_for_hub (self, next, after, writer.temp_path, signature_temp, error))
    {
      g_unlink (writer.temp_path);
      g_clear_pointer (&writer.temp_path, g_free);
      g_unlink (signature_temp);
      goto failed;
    }

  /* Recorded first, published second: the signature, then the bundle, so
   * that a bundle never shows without its signature. */
  if (!idk_store_commit (self, error))
    {
      g_unlink (writer.temp_path);
      g_clear_pointer (&writer.temp_path, g_free);
      g_unlink (signature_temp);
      idk_store_rollback (self);
      return FALSE;
    }
  signature_path = g_strconcat (path, ".minisig", NULL);
  if (g_rename (signature_temp, signature_path) != 0)
    {
      int saved = errno;

      g_unlink (signature_temp);
      g_unlink (writer.temp_path);
      g_set_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_IO, _("Cannot write “%s”: %s"),
                   signature_path, g_strerror (saved));
      return FALSE;
    }
  if (!writer_publish (&writer, path, error))
    return FALSE;

  g_debug ("Exported bundle %" G_GINT64_FORMAT " (%u revisions) to %s", next, count, path);
  if (seq != NULL)
    *seq = next;
  if (n_revisions != NULL)
    *n_revisions = count;
  return TRUE;

sql_failed:
  _idk_store_sql_error (self, error);
  goto failed;
close_failed:
  writer_close (&writer, path, FALSE, NULL);
  if (signature_temp != NULL)
    g_unlink (signature_temp);
failed:
  idk_store_rollback (self);
  return FALSE;
}
