/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-keyring"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "idk-keyring.h"

/* The hub's password, in the user's keyring (the Secret Service, or the
 * file the portal gives a sandboxed app), under the hub's address and
 * user: never in the database, which offices copy and mail. */

static const SecretSchema *
hub_schema (void)
{
  static const SecretSchema schema = {
    "io.github.iasmndesk.Desk.Hub", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

void
idk_keyring_store_password (const char          *url,
                            const char          *user,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  /* TRANSLATORS: the name of the password in the keyring; %s is the user */
  g_autofree char *label = g_strdup_printf (_("IASMN Desk hub password for %s"), user);

  secret_password_store (hub_schema (), SECRET_COLLECTION_DEFAULT, label, password, cancellable, callback, user_data,
                         "url", url, "user", user, NULL);
}

gboolean
idk_keyring_store_password_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return secret_password_store_finish (result, error);
}

void
idk_keyring_lookup_password (const char          *url,
                             const char          *user,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  secret_password_lookup (hub_schema (), cancellable, callback, user_data, "url", url, "user", user, NULL);
}

/**
 * idk_keyring_lookup_password_finish:
 *
 * Returns: (transfer full) (nullable): the password, or %NULL when the
 *   keyring holds none (@error unset) or cannot be reached (@error set)
 */
char *
idk_keyring_lookup_password_finish (GAsyncResult  *result,
                                    GError       **error)
{
  char *password = secret_password_lookup_finish (result, error);
  char *copy;

  /* Out of the keyring's secure memory into ordinary memory: libsoup
   * copies it into its requests anyway. */
  copy = g_strdup (password);
  secret_password_free (password);
  return copy;
}
