/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <sys/prctl.h>

#include "idk-hub-server.h"

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

const char *const hub_members[N_OFFICES] = { "secretariat", "geneva", "nairobi" };

/* Users as a CouchDB administrator sets them up: members with the role
 * "office" may read and write the database, each tied to its own office's
 * bundles by the role "office:<uuid>", the administrator alone may
 * change its security.  The database is made first: pouchdb-server in
 * memory fails to make one once it has an administrator. */
static void
add_users (Hub *hub)
{
  g_autofree char *security = NULL, *admin = NULL;

  for (guint i = 0; i < N_OFFICES; i++)
    {
      g_autofree char *url = g_strdup_printf ("%s/_users/org.couchdb.user:%s", hub->base, hub_members[i]);
      g_autofree char *body = g_strdup_printf ("{\"name\":\"%s\",\"password\":\"%s\","
                                               "\"roles\":[\"office\",\"office:%s\"],\"type\":\"user\"}",
                                               hub_members[i], HUB_MEMBER_PASSWORD,
                                               idk_store_get_office_uuid (hub->offices[i]));

      g_assert_cmpuint (hub_http (hub, "PUT", url, body, NULL), ==, 201);
    }
  admin = g_strdup_printf ("%s/_config/admins/" HUB_ADMIN, hub->base);
  g_assert_cmpuint (hub_http (hub, "PUT", admin, "\"" HUB_ADMIN_PASSWORD "\"", NULL), ==, 200);

  /* From now on the fixture's own requests are the administrator's. */
  {
    g_autofree char *pair = g_strdup (HUB_ADMIN ":" HUB_ADMIN_PASSWORD);
    g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

    hub->authorization = g_strdup_printf ("Basic %s", encoded);
  }
  security = g_strdup_printf ("%s/_security", hub->url);
  g_assert_cmpuint (hub_http (hub, "PUT", security, "{\"admins\":{\"names\":[\"" HUB_ADMIN "\"],\"roles\":[]},"
                              "\"members\":{\"names\":[],\"roles\":[\"office\"]}}", NULL), ==, 200);
}

guint16
hub_free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

guint
hub_http (Hub        *hub,
      const char *method,
      const char *url,
      const char *body,
      char      **answer)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;

  if (hub->authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", hub->authorization);
  if (body != NULL)
    {
      g_autoptr(GBytes) content = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", content);
    }
  bytes = soup_session_send_and_read (hub->http, msg, NULL, NULL);
  if (answer != NULL)
    *answer = bytes != NULL ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) : NULL;
  return bytes != NULL ? soup_message_get_status (msg) : 0;
}

static void
start (Hub *hub)
{
  static const char *const names[N_OFFICES] = { "Secretariat", "Geneva HQ", "Nairobi field office" };
  static const char *const organizations[] = { "UNDSS", "UNHCR", "WFP" };
  const char *npm = g_getenv ("IDK_NPM_DIR");
  g_autofree char *server = g_build_filename (npm != NULL ? npm : "", "node_modules", ".bin", "pouchdb-server", NULL);
  g_autofree char *port = g_strdup_printf ("%u", hub_free_port ());
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  if (npm == NULL || !g_file_test (server, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("pouchdb-server is not installed at %s: build-aux/test installs it", server);

  hub->dir = g_dir_make_tmp ("idk-hub-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                                                         | G_SUBPROCESS_FLAGS_STDERR_SILENCE);

    /* Its log and configuration files go in the test's folder. */
    g_subprocess_launcher_set_cwd (launcher, hub->dir);
    /* A test that aborts takes its server with it. */
    g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
    hub->server = g_subprocess_launcher_spawn (launcher, &error, server, "--in-memory", "--host", "127.0.0.1",
                                               "--port", port, NULL);
    g_assert_no_error (error);
  }
  hub->base = g_strdup_printf ("http://127.0.0.1:%s", port);
  hub->url = g_strdup_printf ("%s/iasmn", hub->base);
  hub->http = soup_session_new ();

  /* Up when it answers. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (hub_http (hub, "GET", hub->base, NULL, NULL) != 200)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("pouchdb-server did not answer on %s", hub->base);
      g_usleep (100000);
    }
  g_assert_cmpuint (hub_http (hub, "PUT", hub->url, NULL, NULL), ==, 201);

  for (guint i = 0; i < N_OFFICES; i++)
    {
      g_autofree char *file = g_strdup_printf ("office-%u.sqlite3", i);
      g_autofree char *path = g_build_filename (hub->dir, file, NULL);
      g_autofree char *organization = NULL;

      hub->offices[i] = idk_store_open (path, IDK_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      organization = idk_store_find_organization (hub->offices[i], organizations[i]);
      g_assert_true (idk_store_set_office (hub->offices[i], names[i], organization, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_OFFICES; i++)
    for (guint j = 0; j < N_OFFICES; j++)
      if (i != j)
        idk_test_trust_office (hub->offices[i], hub->offices[j]);
  if (hub->users)
    add_users (hub);
}

void
hub_tear_down (Hub           *hub,
               gconstpointer  data)
{
  for (guint i = 0; i < N_OFFICES; i++)
    g_clear_object (&hub->offices[i]);
  g_subprocess_force_exit (hub->server);
  g_subprocess_wait (hub->server, NULL, NULL);
  g_clear_object (&hub->server);
  g_clear_object (&hub->http);
  idk_test_remove_tree (hub->dir);
  g_free (hub->dir);
  g_free (hub->base);
  g_free (hub->url);
  g_free (hub->authorization);
}

void
hub_set_up (Hub           *hub,
            gconstpointer  data)
{
  start (hub);
}

void
hub_set_up_users (Hub           *hub,
                  gconstpointer  data)
{
  hub->users = TRUE;
  start (hub);
}

/* A client for one office: the office's member, when there are users. */
IdkHub *
hub_client (Hub   *hub,
            guint  office)
{
  if (hub->users)
    return idk_hub_new (hub->url, hub_members[office], HUB_MEMBER_PASSWORD);
  return idk_hub_new (hub->url, NULL, NULL);
}

IdkHubCounts
hub_sync_office (Hub   *hub,
                 guint  office)
{
  g_autoptr(IdkHub) client = hub_client (hub, office);
  g_autoptr(GError) error = NULL;
  IdkHubCounts counts = { 0 };

  g_assert_true (idk_hub_push (client, hub->offices[office], &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (idk_hub_pull (client, hub->offices[office], &counts, NULL, &error));
  g_assert_no_error (error);
  return counts;
}

/* A change of this office's own: a topic on one of the default actions. */
void
hub_edit (IdkStore   *store,
          const char *reference,
          const char *topic)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = idk_store_find_action (store, reference);
  g_autoptr(JsonObject) fields = idk_store_get_fields (store, uuid, NULL, &error);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  json_object_set_string_member (fields, "topic", topic);
  saved = idk_store_save (store, "action", uuid, fields, &error);
  g_assert_no_error (error);
}

/* Someone with write access to the hub changes one byte of a bundle, the
 * first of @text in it, and writes it back as a new CouchDB revision. */
void
hub_alter_bundle (Hub        *hub,
                  guint       office,
                  gint64      seq,
                  const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *doc_url = NULL, *doc = NULL, *bundle = NULL, *body = NULL, *encoded = NULL;
  JsonObject *object, *attachment;
  gsize n;
  char *at;

  doc_url = g_strdup_printf ("%s/bundle:%s:%" G_GINT64_FORMAT "?attachments=true", hub->url,
                             idk_store_get_office_uuid (hub->offices[office]), seq);
  g_assert_cmpuint (hub_http (hub, "GET", doc_url, NULL, &doc), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, doc, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  attachment = json_object_get_object_member (json_object_get_object_member (object, "_attachments"),
                                              "bundle.iasmn");
  bundle = (char *) g_base64_decode (json_object_get_string_member (attachment, "data"), &n);
  at = g_strstr_len (bundle, n, text);
  g_assert_nonnull (at);
  at[0] = at[0] == 'P' ? 'Q' : 'P';
  encoded = g_base64_encode ((const guchar *) bundle, n);
  json_object_set_string_member (attachment, "data", encoded);
  json_object_remove_member (attachment, "digest");
  json_object_remove_member (attachment, "revpos");
  json_object_remove_member (attachment, "length");
  body = json_to_string (json_parser_get_root (parser), FALSE);
  *strchr (doc_url, '?') = '\0';
  g_assert_cmpuint (hub_http (hub, "PUT", doc_url, body, NULL), ==, 201);
}
