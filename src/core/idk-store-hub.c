/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-store-private.h"

/* What the store keeps of a hub: its address and user (the password is
 * never stored here), how far this office has read its feed, and which of
 * this office's bundles it holds — as if the hub were an office that
 * acknowledged them, so that the next bundle for it is incremental. */

/**
 * idk_store_check_hub_url:
 * @url: what the user gave as the hub's address
 *
 * Whether @url can be a hub: http(s), a host, a database, and no
 * credentials in it.
 */
gboolean
idk_store_check_hub_url (const char  *url,
                         GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0)
      || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' || strlen (g_uri_get_path (uri)) < 2)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("“%s” is not the address of a database on a hub: give http(s)://host:port/database"), url);
      return FALSE;
    }
  if (g_uri_get_user (uri) != NULL || g_uri_get_password (uri) != NULL)
    {
      g_set_error_literal (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                           _("Give the user on its own, not in the address, and never the password"));
      return FALSE;
    }
  return TRUE;
}

/**
 * idk_store_set_hub:
 * @url: (nullable): the database's address, "https://host:6984/iasmn";
 *   %NULL or "" for no hub
 * @user: (nullable): the user to sign in as
 */
gboolean
idk_store_set_hub (IdkStore    *self,
                   const char  *url,
                   const char  *user,
                   GError     **error)
{
  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);

  if (url != NULL && *url != '\0' && !idk_store_check_hub_url (url, error))
    return FALSE;
  return _idk_store_set_meta (self, "hub_url", url != NULL ? url : "", error)
         && _idk_store_set_meta (self, "hub_user", user != NULL ? user : "", error);
}

char *
idk_store_get_hub_url (IdkStore *self)
{
  g_autofree char *url = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  url = _idk_store_get_meta (self, "hub_url");
  return url != NULL && *url != '\0' ? g_steal_pointer (&url) : NULL;
}

char *
idk_store_get_hub_user (IdkStore *self)
{
  g_autofree char *user = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  user = _idk_store_get_meta (self, "hub_user");
  return user != NULL && *user != '\0' ? g_steal_pointer (&user) : NULL;
}

/**
 * idk_store_get_hub_since:
 * @hub: the hub's UUID
 *
 * Returns: (transfer full): the last sequence of the hub's feed read, "0"
 *   at first
 */
char *
idk_store_get_hub_since (IdkStore   *self,
                         const char *hub)
{
  g_autofree char *key = g_strdup_printf ("hub_since:%s", hub);
  char *since = _idk_store_get_meta (self, key);

  return since != NULL ? since : g_strdup ("0");
}

gboolean
idk_store_set_hub_since (IdkStore    *self,
                         const char  *hub,
                         const char  *since,
                         GError     **error)
{
  g_autofree char *key = g_strdup_printf ("hub_since:%s", hub);

  return _idk_store_set_meta (self, key, since, error);
}

/**
 * idk_store_record_hub_ack:
 * @seq: the number of this office's bundle the hub now holds
 */
gboolean
idk_store_record_hub_ack (IdkStore    *self,
                          const char  *hub,
                          gint64       seq,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = _idk_store_prepare (self, "INSERT INTO offices (uuid, name, last_seq, acked) VALUES (?1, ?2, 0, ?3) "
                                         "ON CONFLICT (uuid) DO UPDATE SET acked = max (offices.acked, excluded.acked)",
                                   error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, hub, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, "hub", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, seq);
  return _idk_store_step_done (self, stmt, error);
}

/**
 * idk_store_count_unsent:
 * @recipient: the office, or the hub, the next bundle would be for
 * @own_only: count only this office's own revisions, as for a hub
 * @count: (out): how many revisions it would hold
 *
 * So that a sync with nothing new makes no bundle.
 */
gboolean
idk_store_count_unsent (IdkStore    *self,
                        const char  *recipient,
                        gboolean     own_only,
                        gint64      *count,
                        GError     **error)
{
  gint64 since, after;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);

  if (!_idk_store_find_start (self, recipient, &since, &after, error)
      || !(stmt = _idk_store_prepare (self, "SELECT count(*) FROM revisions WHERE rowid > ?1 "
                                            "AND (?2 IS NULL OR office_uuid = ?2)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after);
  if (own_only)
    sqlite3_bind_text (stmt, 2, self->office_uuid, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 2);
  *count = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * idk_store_export:
 * @path: the bundle file to write
 * @recipient: (nullable): the office the bundle is for, whose
 *   acknowledgements make it incremental; %NULL for a full export
 * @seq: (out) (optional): the number of the bundle
 * @n_revisions: (out) (optional): how many revisions it holds
 *
 * Writes a bundle of the revisions this database holds: all of them, or
 * those @recipient has not acknowledged, and its signature by this
 * office's key beside it (@path.minisig).  The file appears whole or not
 * at all.
 */

/* The bundles this office mails are kept, while a hub is set, until the
 * hub holds them too: an office that receives one by file and then finds
 * it on the hub recognises the same bundle, and imports it once. */
gboolean
_idk_store_keep_for_hub (IdkStore    *self,
                         gint64       seq,
                         gint64       after,
                         const char  *bundle_path,
                         const char  *signature_path,
                         GError     **error)
{
  g_autofree char *url = _idk_store_get_meta (self, "hub_url");
  g_autofree char *bundle = NULL, *signature = NULL;
  gsize bundle_length = 0;
  sqlite3_stmt *stmt;

  if (url == NULL || *url == '\0')
    return TRUE;
  if (!g_file_get_contents (bundle_path, &bundle, &bundle_length, error)
      || !g_file_get_contents (signature_path, &signature, NULL, error)
      || !(stmt = _idk_store_prepare (self, "INSERT INTO hub_outbox (seq, after, bundle, signature) "
                                            "VALUES (?1, ?2, ?3, ?4)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_int64 (stmt, 2, after);
  sqlite3_bind_blob64 (stmt, 3, bundle, bundle_length, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, signature, -1, SQLITE_STATIC);
  return _idk_store_step_done (self, stmt, error);
}

/**
 * idk_store_next_for_hub:
 * @seq: (out): the bundle's number, 0 when none is waiting
 * @bundle: (out) (transfer full): the bundle as it was mailed
 * @signature: (out) (transfer full): its signature
 *
 * The first bundle this office mailed that its hub does not hold yet.
 */
gboolean
idk_store_next_for_hub (IdkStore  *self,
                        gint64    *seq,
                        GBytes   **bundle,
                        GBytes   **signature,
                        GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);

  *seq = 0;
  *bundle = *signature = NULL;
  if (!(stmt = _idk_store_prepare (self, "SELECT seq, bundle, signature FROM hub_outbox ORDER BY seq LIMIT 1", error)))
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *seq = sqlite3_column_int64 (stmt, 0);
      *bundle = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      *signature = g_bytes_new (sqlite3_column_text (stmt, 2), sqlite3_column_bytes (stmt, 2));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * idk_store_sent_to_hub:
 * @seq: a bundle of idk_store_next_for_hub() the hub now holds
 *
 * Forgets it; and when it started no later than what the hub had, the
 * hub now holds everything of this office up to it, and the next bundle
 * for the hub starts after it.
 */
gboolean
idk_store_sent_to_hub (IdkStore    *self,
                       const char  *hub,
                       gint64       seq,
                       GError     **error)
{
  gint64 since = 0, hub_after = 0, after = -1;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);

  if (!_idk_store_find_start (self, hub, &since, &hub_after, error)
      || !(stmt = _idk_store_prepare (self, "SELECT after FROM hub_outbox WHERE seq = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    after = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (!idk_store_begin (self, error))
    return FALSE;
  if (after >= 0 && after <= hub_after && !idk_store_record_hub_ack (self, hub, seq, error))
    goto failed;
  if (!(stmt = _idk_store_prepare (self, "DELETE FROM hub_outbox WHERE seq = ?1", error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, seq);
  if (!_idk_store_step_done (self, stmt, error) || !idk_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  idk_store_rollback (self);
  return FALSE;
}

/**
 * idk_store_get_hub_minutes:
 *
 * Returns: the minutes between automatic syncs while the app is open, 0
 *   for none
 */
guint
idk_store_get_hub_minutes (IdkStore *self)
{
  g_autofree char *text = NULL;
  guint64 minutes = 0;

  g_return_val_if_fail (IDK_IS_STORE (self), 0);

  text = _idk_store_get_meta (self, "hub_minutes");
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, IDK_HUB_MAX_MINUTES, &minutes, NULL))
    return 0;
  return minutes;
}

/**
 * idk_store_set_hub_minutes:
 * @minutes: 0 for no automatic sync, or from %IDK_HUB_MIN_MINUTES to
 *   %IDK_HUB_MAX_MINUTES
 */
gboolean
idk_store_set_hub_minutes (IdkStore  *self,
                           guint      minutes,
                           GError   **error)
{
  g_autofree char *text = g_strdup_printf ("%u", minutes);

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);

  if (minutes != 0 && (minutes < IDK_HUB_MIN_MINUTES || minutes > IDK_HUB_MAX_MINUTES))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("Sync every %u to %u minutes, or not automatically"), IDK_HUB_MIN_MINUTES, IDK_HUB_MAX_MINUTES);
      return FALSE;
    }
  return _idk_store_set_meta (self, "hub_minutes", text, error);
}
