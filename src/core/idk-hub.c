/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-hub"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "idk-hub-private.h"

/**
 * IdkHub:
 *
 * A CouchDB database (or any server speaking its protocol) used as a
 * mailbox of signed bundles.  Each bundle an office makes for the hub is
 * one document, "bundle:<office>:<seq>", with the bundle and its signature
 * as attachments; pushing PUTs the next one, pulling reads the database's
 * _changes feed and imports each new bundle through the import a file
 * takes.  Nothing depends on CouchDB's revisions: a document is written
 * once, and one that exists with other content is a forgery, never
 * overwritten.
 */
G_DEFINE_QUARK (idk-hub-error-quark, idk_hub_error)
G_DEFINE_FINAL_TYPE (IdkHub, idk_hub, G_TYPE_OBJECT)

static void
idk_hub_finalize (GObject *object)
{
  IdkHub *self = IDK_HUB (object);

  g_free (self->url);
  g_free (self->uuid);
  g_free (self->user);
  g_free (self->password);
  g_free (self->authorization);
  g_free (self->cookie);
  g_clear_pointer (&self->pulled_from, g_ptr_array_unref);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (idk_hub_parent_class)->finalize (object);
}

static void
idk_hub_class_init (IdkHubClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = idk_hub_finalize;
}

static void
idk_hub_init (IdkHub *self)
{
  self->pulled_from = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->pulled_from, NULL);
}

/**
 * idk_hub_get_pulled_from:
 *
 * Returns: (transfer none): the names of the offices whose bundles this
 *   hub's pulls imported, each once, in the order they came
 */
const char * const *
idk_hub_get_pulled_from (IdkHub *self)
{
  g_return_val_if_fail (IDK_IS_HUB (self), NULL);

  return (const char * const *) self->pulled_from->pdata;
}

/* The hub's UUID, the same for every office that names it alike. */
static char *
uuid_of (const char *url)
{
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);

  hex[12] = '4';
  hex[16] = '8';
  return g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

/**
 * idk_hub_new:
 * @url: the database, "https://host:6984/iasmn"
 * @user: (nullable): for basic authentication
 * @password: (nullable): its password
 */
IdkHub *
idk_hub_new (const char *url,
             const char *user,
             const char *password)
{
  IdkHub *self = g_object_new (IDK_TYPE_HUB, NULL);
  gsize n = strlen (url);

  while (n > 0 && url[n - 1] == '/')
    n--;
  self->url = g_strndup (url, n);
  self->uuid = uuid_of (self->url);
  if (user != NULL && *user != '\0')
    {
      g_autofree char *pair = g_strdup_printf ("%s:%s", user, password != NULL ? password : "");
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

      self->authorization = g_strdup_printf ("Basic %s", encoded);
      self->user = g_strdup (user);
      self->password = g_strdup (password != NULL ? password : "");
    }
  self->session = soup_session_new ();
  soup_session_set_timeout (self->session, 60);
  soup_session_set_idle_timeout (self->session, 60);
  return self;
}

void
idk_hub_set_notify (IdkHub       *self,
                    IdkHubNotify  notify,
                    gpointer      user_data)
{
  g_return_if_fail (IDK_IS_HUB (self));

  self->notify = notify;
  self->notify_data = user_data;
}

void
_idk_hub_tell (IdkHub     *self,
               const char *format,
               ...)
{
  g_autofree char *line = NULL;
  va_list args;

  if (self->notify == NULL)
    return;
  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  self->notify (line, self->notify_data);
}

void
idk_hub_set_progress (IdkHub         *self,
                      IdkHubProgress  progress,
                      gpointer        user_data)
{
  g_return_if_fail (IDK_IS_HUB (self));

  self->progress = progress;
  self->progress_data = user_data;
}

/**
 * idk_hub_get_signed_in:
 *
 * Returns: (nullable): "cookie" once signed in with a session cookie,
 *   "basic" when the server has no sessions and each request carries the
 *   password, %NULL before the first request or without a user
 */
const char *
idk_hub_get_signed_in (IdkHub *self)
{
  g_return_val_if_fail (IDK_IS_HUB (self), NULL);

  if (self->cookie != NULL)
    return "cookie";
  if (self->basic_only)
    return "basic";
  return NULL;
}

const char *
idk_hub_get_uuid (IdkHub *self)
{
  g_return_val_if_fail (IDK_IS_HUB (self), NULL);

  return self->uuid;
}


/**
 * idk_hub_check:
 * @n_documents: (out) (optional): how many documents the database holds
 *
 * Asks the database for its state: whether the address, the user and the
 * password are right.
 */
gboolean
idk_hub_check (IdkHub        *self,
               gint64        *n_documents,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (IDK_IS_HUB (self), FALSE);

  if (!(node = _idk_hub_get_json (self, "", cancellable, error)))
    return FALSE;
  if (n_documents != NULL)
    *n_documents = json_object_get_int_member_with_default (json_node_get_object (node), "doc_count", 0);
  return TRUE;
}

