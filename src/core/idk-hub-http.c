/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-hub"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "idk-hub-private.h"

/* The hub's HTTP: requests retried on a lost connection or a 5xx, the
 * sign-in, and its answers read as the user would be told of them. */

#define TRIES 4

/* The server's _session, beside the database: CouchDB's cookie sign-in,
 * so that the password is sent once rather than with every request.  A
 * server without sessions is asked with Basic authentication instead. */
static gboolean
sign_in (IdkHub        *self,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autofree char *root = g_strndup (self->url, strrchr (self->url, '/') - self->url);
  g_autofree char *url = g_strconcat (root, "/_session", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(GBytes) body = NULL, answer = NULL;
  g_autofree char *text = NULL;
  const char *set_cookie;
  guint status;

  if (msg == NULL)
    {
      g_set_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_PROTOCOL, _("“%s” is not an address"), url);
      return FALSE;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, self->user);
  json_builder_set_member_name (b, "password");
  json_builder_add_string_value (b, self->password);
  json_builder_end_object (b);
  root_node = json_builder_get_root (b);
  text = json_to_string (root_node, FALSE);
  body = g_bytes_new (text, strlen (text));
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");

  if (!(answer = soup_session_send_and_read (self->session, msg, cancellable, error)))
    return FALSE;
  status = soup_message_get_status (msg);
  if (status == 401 || status == 403)
    return _idk_hub_refuse_status (self, status, error);
  set_cookie = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Set-Cookie");
  if (status == 200 && set_cookie != NULL && g_str_has_prefix (set_cookie, "AuthSession="))
    {
      g_free (self->cookie);
      self->cookie = g_strndup (set_cookie, strcspn (set_cookie, ";"));
    }
  else
    self->basic_only = TRUE;
  return TRUE;
}

/* One request, retried with a growing pause when the connection fails or
 * the server answers 5xx.  Returns the body, and the status in @status. */
GBytes *
_idk_hub_request (IdkHub        *self,
         const char    *method,
         const char    *path,
         GBytes        *body,
         guint         *status,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autofree char *url = g_strconcat (self->url, path, NULL);
  g_autoptr(GError) last = NULL;
  gulong pause = 200000;

  gboolean signed_again = FALSE;

  for (guint attempt = 0; attempt < TRIES; attempt++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new (method, url);
      g_autoptr(GError) local = NULL;
      GBytes *answer = NULL;

      if (msg == NULL)
        {
          g_set_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_PROTOCOL, _("“%s” is not an address"), url);
          return NULL;
        }
      /* A refused password, or a cancel, ends here; a lost connection is tried again. */
      if (self->user != NULL && self->cookie == NULL && !self->basic_only
          && !sign_in (self, cancellable, &local)
          && (local->domain == IDK_HUB_ERROR || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (self->cookie != NULL)
        soup_message_headers_replace (soup_message_get_request_headers (msg), "Cookie", self->cookie);
      else if (self->authorization != NULL)
        soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", self->authorization);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");
      if (body != NULL)
        soup_message_set_request_body_from_bytes (msg, "application/json", body);

      if (local == NULL)
        answer = soup_session_send_and_read (self->session, msg, cancellable, &local);
      /* A session that expired is signed in again, once. */
      if (answer != NULL && soup_message_get_status (msg) == 401 && self->cookie != NULL && !signed_again)
        {
          g_clear_pointer (&self->cookie, g_free);
          g_clear_pointer (&answer, g_bytes_unref);
          signed_again = TRUE;
          attempt--;
          continue;
        }
      if (answer != NULL && soup_message_get_status (msg) < 500)
        {
          *status = soup_message_get_status (msg);
          return answer;
        }
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      g_clear_error (&last);
      if (local != NULL)
        last = g_steal_pointer (&local);
      else
        last = g_error_new (IDK_HUB_ERROR, IDK_HUB_ERROR_UNREACHABLE, _("the server answered %u %s"),
                            soup_message_get_status (msg), soup_message_get_reason_phrase (msg));
      g_clear_pointer (&answer, g_bytes_unref);
      g_debug ("%s %s: %s; again in %lu ms", method, url, last->message, pause / 1000);
      /* A pause a cancel cuts short. */
      for (gulong slept = 0; attempt + 1 < TRIES && slept < pause; slept += 50000)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          g_usleep (50000);
        }
      pause *= 2;
    }
  g_set_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_UNREACHABLE, _("The hub at %s cannot be reached: %s"),
               self->url, last->message);
  return NULL;
}

/* An answer that is not a success, as the user reads it. */
gboolean
_idk_hub_refuse_status (IdkHub   *self,
               guint     status,
               GError  **error)
{
  if (status == 401 || status == 403)
    g_set_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_DENIED,
                 _("The hub at %s refused the user or the password (%u)"), self->url, status);
  else if (status == 404)
    g_set_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_NO_DATABASE,
                 _("The hub has no database at %s: create it, or check the address"), self->url);
  else
    g_set_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_PROTOCOL, _("The hub at %s answered %u"), self->url, status);
  return FALSE;
}

JsonNode *
_idk_hub_parse (IdkHub  *self,
       GBytes  *bytes,
       GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);

  if (!json_parser_load_from_data (parser, data, n, NULL) || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_PROTOCOL, _("The hub at %s answered with what is not JSON"),
                   self->url);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}


/* A GET answered 200 with a JSON object, or the error the user reads. */
JsonNode *
_idk_hub_get_json (IdkHub        *self,
                   const char    *path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GBytes) answer = NULL;
  guint status = 0;

  if (!(answer = _idk_hub_request (self, "GET", path, NULL, &status, cancellable, error)))
    return NULL;
  if (status != 200)
    {
      _idk_hub_refuse_status (self, status, error);
      return NULL;
    }
  return _idk_hub_parse (self, answer, error);
}
