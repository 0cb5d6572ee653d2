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
 * idk_store_set_hub:
 * @url: the database's address, "https://host:6984/iasmn"
 * @user: (nullable): the user to sign in as
 */
gboolean
idk_store_set_hub (IdkStore    *self,
                   const char  *url,
                   const char  *user,
                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0)
      || g_uri_get_host (uri) == NULL || strlen (g_uri_get_path (uri)) < 2)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("“%s” is not the address of a database on a hub: give http(s)://host:port/database"), url);
      return FALSE;
    }
  if (g_uri_get_user (uri) != NULL || g_uri_get_password (uri) != NULL)
    {
      g_set_error_literal (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                           _("Give the user with --user, not in the address, and never the password"));
      return FALSE;
    }
  return _idk_store_set_meta (self, "hub_url", url, error)
         && _idk_store_set_meta (self, "hub_user", user != NULL ? user : "", error);
}

char *
idk_store_get_hub_url (IdkStore *self)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  return _idk_store_get_meta (self, "hub_url");
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
