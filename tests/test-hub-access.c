/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-hub-server.h"

/* Who may do what on a hub: its rules, run by the server; members and
 * their passwords; and a server that drops the connection. */

/* The hub's rules, run by the server: a bundle is written once, under its
 * office's id and number, with its signature.  (Here every request is an
 * administrator's; members are tried in test_members.) */
static void
test_rules (Hub           *hub,
            gconstpointer  data)
{
  g_autoptr(IdkHub) client = idk_hub_new (hub->url, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *doc_url = NULL, *doc = NULL, *answer = NULL, *wrong = NULL, *body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *office = idk_store_get_office_uuid (hub->offices[0]);

  g_assert_true (idk_hub_install_rules (client, NULL, &error));
  g_assert_no_error (error);
  /* Again: the rules are rewritten, not refused. */
  g_assert_true (idk_hub_install_rules (client, NULL, &error));
  g_assert_no_error (error);

  hub_edit (hub->offices[0], "21/41", "Residential security (Secretariat)");
  g_assert_true (idk_hub_push (client, hub->offices[0], NULL, NULL, &error));
  g_assert_no_error (error);

  /* Written once: the same document again, with its revision, is refused. */
  doc_url = g_strdup_printf ("%s/bundle:%s:1", hub->url, office);
  g_assert_cmpuint (hub_http (hub, "GET", doc_url, NULL, &doc), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, doc, -1, NULL));
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)), "created", "2027-01-01");
  body = json_to_string (json_parser_get_root (parser), FALSE);
  g_assert_cmpuint (hub_http (hub, "PUT", doc_url, body, &answer), ==, 403);
  g_assert_nonnull (strstr (answer, "written once"));

  /* Another office's number, a document that is not a bundle, a bundle without its signature. */
  g_free (answer);
  wrong = g_strdup_printf ("%s/bundle:%s:2", hub->url, idk_store_get_office_uuid (hub->offices[1]));
  g_free (body);
  body = g_strdup_printf ("{\"origin\":\"%s\",\"seq\":2}", office);
  g_assert_cmpuint (hub_http (hub, "PUT", wrong, body, &answer), ==, 403);
  g_free (answer);
  g_free (wrong);
  wrong = g_strdup_printf ("%s/notes", hub->url);
  g_assert_cmpuint (hub_http (hub, "PUT", wrong, "{}", &answer), ==, 403);
  g_free (answer);
  g_free (wrong);
  wrong = g_strdup_printf ("%s/bundle:%s:7", hub->url, office);
  g_free (body);
  body = g_strdup_printf ("{\"origin\":\"%s\",\"seq\":7}", office);
  g_assert_cmpuint (hub_http (hub, "PUT", wrong, body, &answer), ==, 403);
  g_assert_nonnull (strstr (answer, "signature"));

  /* The office's own next push still goes through the rules. */
  hub_edit (hub->offices[0], "21/42", "Locally-recruited personnel (Secretariat)");
  g_assert_true (idk_hub_push (client, hub->offices[0], NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A hub with users: members write their office's bundles and read the
 * others', but cannot delete or overwrite another office's bundle; the
 * administrator can. */
static void
test_members (Hub           *hub,
              gconstpointer  data)
{
  g_autoptr(IdkHub) admin = idk_hub_new (hub->url, HUB_ADMIN, HUB_ADMIN_PASSWORD);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *doc_url = NULL, *doc = NULL, *body = NULL, *deleting = NULL, *answer = NULL;
  g_autofree char *geneva = NULL, *nairobi = NULL;
  const char *rev;
  IdkHubCounts counts;

  g_assert_true (idk_hub_install_rules (admin, NULL, &error));
  g_assert_no_error (error);

  hub_edit (hub->offices[0], "21/41", "Residential security (Secretariat)");
  counts = hub_sync_office (hub, 0);
  g_assert_cmpuint (counts.pushed, ==, 1);
  counts = hub_sync_office (hub, 1);
  g_assert_cmpuint (counts.pulled, ==, 1);

  /* Geneva's member, with the document's revision in hand. */
  g_clear_pointer (&hub->authorization, g_free);
  {
    g_autofree char *pair = g_strdup_printf ("%s:%s", hub_members[1], HUB_MEMBER_PASSWORD);
    g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

    hub->authorization = g_strdup_printf ("Basic %s", encoded);
  }
  doc_url = g_strdup_printf ("%s/bundle:%s:1", hub->url, idk_store_get_office_uuid (hub->offices[0]));
  g_assert_cmpuint (hub_http (hub, "GET", doc_url, NULL, &doc), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, doc, -1, NULL));
  rev = json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "_rev");

  deleting = g_strdup_printf ("%s?rev=%s", doc_url, rev);
  g_assert_cmpuint (hub_http (hub, "DELETE", deleting, NULL, &answer), ==, 403);
  g_assert_nonnull (strstr (answer, "administrator"));
  g_clear_pointer (&answer, g_free);

  json_object_set_int_member (json_node_get_object (json_parser_get_root (parser)), "seq", 1);
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)), "created", "2027-01-01");
  body = json_to_string (json_parser_get_root (parser), FALSE);
  g_assert_cmpuint (hub_http (hub, "PUT", doc_url, body, &answer), ==, 403);
  g_clear_pointer (&answer, g_free);

  /* Nor write a new bundle under the Secretariat's id: Geneva is tied to its own. */
  {
    g_autofree char *forged_url = g_strdup_printf ("%s/bundle:%s:2", hub->url,
                                                   idk_store_get_office_uuid (hub->offices[0]));
    g_autofree char *forged = g_strdup_printf ("{\"origin\":\"%s\",\"seq\":2,\"_attachments\":{"
                                               "\"bundle.iasmn\":{\"content_type\":\"text/plain\",\"data\":\"e30=\"},"
                                               "\"bundle.iasmn.minisig\":{\"content_type\":\"text/plain\",\"data\":\"e30=\"}}}",
                                               idk_store_get_office_uuid (hub->offices[0]));

    g_assert_cmpuint (hub_http (hub, "PUT", forged_url, forged, &answer), ==, 403);
    g_assert_nonnull (strstr (answer, "writes only the bundles of its own office"));
    g_clear_pointer (&answer, g_free);
  }
  /* Its own, it writes. */
  hub_edit (hub->offices[1], "27/33a", "Air travel (Geneva)");
  counts = hub_sync_office (hub, 1);
  g_assert_cmpuint (counts.pushed, ==, 1);

  /* Nor may a member change the rules. */
  {
    g_autofree char *design = g_strdup_printf ("%s/_design/iasmn", hub->url);

    g_assert_cmpuint (hub_http (hub, "DELETE", design, NULL, NULL), !=, 200);
  }

  /* Members sign in once, with a session cookie; the database holds the
   * rules and the two bundles. */
  {
    g_autoptr(IdkHub) member = hub_client (hub, 2);
    gint64 n_documents = 0;

    g_assert_true (idk_hub_check (member, &n_documents, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (idk_hub_get_signed_in (member), ==, "cookie");
    g_assert_cmpint (n_documents, ==, 3);
  }

  /* The Secretariat's bundle is still there, and a third office gets it with Geneva's. */
  counts = hub_sync_office (hub, 2);
  g_assert_cmpuint (counts.pulled, ==, 2);
  geneva = idk_test_dump_checksum (hub->offices[1]);
  nairobi = idk_test_dump_checksum (hub->offices[2]);
  g_assert_cmpstr (geneva, ==, nairobi);

  /* The administrator may delete it. */
  g_clear_pointer (&hub->authorization, g_free);
  {
    g_autofree char *pair = g_strdup (HUB_ADMIN ":" HUB_ADMIN_PASSWORD);
    g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

    hub->authorization = g_strdup_printf ("Basic %s", encoded);
  }
  g_assert_cmpuint (hub_http (hub, "DELETE", deleting, NULL, NULL), ==, 200);
}

/* A wrong password, and none: a clear message, and nothing changed. */
static void
test_wrong_password (Hub           *hub,
                     gconstpointer  data)
{
  g_autoptr(IdkHub) wrong = idk_hub_new (hub->url, hub_members[0], "not-the-password");
  g_autoptr(IdkHub) anonymous = idk_hub_new (hub->url, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *all = NULL, *answer = NULL;

  hub_edit (hub->offices[0], "21/41", "Residential security (Secretariat)");
  before = idk_test_file_content_checksum (idk_store_get_path (hub->offices[0]));

  g_assert_false (idk_hub_push (wrong, hub->offices[0], NULL, NULL, &error));
  g_assert_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "refused the user or the password"));
  g_assert_nonnull (strstr (error->message, hub->url));
  g_clear_error (&error);
  g_assert_false (idk_hub_pull (wrong, hub->offices[0], NULL, NULL, &error));
  g_assert_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (idk_hub_pull (anonymous, hub->offices[0], NULL, NULL, &error));
  g_assert_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_DENIED);
  g_clear_error (&error);

  /* The refused push made no bundle, and the hub holds none. */
  after = idk_test_file_content_checksum (idk_store_get_path (hub->offices[0]));
  g_assert_cmpstr (before, ==, after);
  all = g_strdup_printf ("%s/_all_docs", hub->url);
  g_assert_cmpuint (hub_http (hub, "GET", all, NULL, &answer), ==, 200);
  g_assert_nonnull (strstr (answer, "\"total_rows\":0"));

  /* With the right password it goes through. */
  {
    IdkHubCounts counts = hub_sync_office (hub, 0);

    g_assert_cmpuint (counts.pushed, ==, 1);
  }
}

/* A proxy between an office and the hub that, while told to, sends only
 * the first half of one bundle's attachment and hangs up: the connection
 * lost mid-attachment.  One connection at a time, each closed after its
 * answer. */
typedef struct
{
  GSocketListener *listener;
  GCancellable *cancellable;
  GThread *thread;
  guint16 port;
  guint16 upstream;
  char *target;            /* the attachment's path, as requested */
  gint dropping;
  gint dropped;
} Proxy;

static char *
read_head (GInputStream *in)
{
  GString *head = g_string_new (NULL);
  char c;

  while (g_input_stream_read (in, &c, 1, NULL, NULL) == 1)
    {
      g_string_append_c (head, c);
      if (g_str_has_suffix (head->str, "\r\n\r\n"))
        return g_string_free (head, FALSE);
    }
  g_string_free (head, TRUE);
  return NULL;
}

static void
proxy_one (Proxy             *proxy,
           GSocketConnection *office)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) hub = NULL;
  g_autofree char *head = read_head (g_io_stream_get_input_stream (G_IO_STREAM (office)));
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) forward = g_string_new (NULL);
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  guint8 buffer[8192];
  gssize n;
  gsize length;

  if (head == NULL)
    return;
  lines = g_strsplit (head, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    if (g_ascii_strncasecmp (lines[i], "Connection:", 11) != 0)
      g_string_append_printf (forward, "%s\r\n", lines[i]);
  g_string_append (forward, "Connection: close\r\n\r\n");

  hub = g_socket_client_connect_to_host (client, "127.0.0.1", proxy->upstream, NULL, NULL);
  g_assert_nonnull (hub);
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (hub)), forward->str,
                                            forward->len, NULL, NULL, NULL));
  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (hub)), buffer, sizeof buffer,
                                   NULL, NULL)) > 0)
    g_byte_array_append (answer, buffer, n);

  length = answer->len;
  if (g_atomic_int_get (&proxy->dropping) && strstr (lines[0], proxy->target) != NULL)
    {
      length /= 2;
      g_atomic_int_inc (&proxy->dropped);
    }
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (office)), answer->data, length, NULL,
                             NULL, NULL);
  g_io_stream_close (G_IO_STREAM (office), NULL, NULL);
}

static gpointer
proxy_run (gpointer data)
{
  Proxy *proxy = data;

  for (;;)
    {
      g_autoptr(GSocketConnection) office = g_socket_listener_accept (proxy->listener, NULL, proxy->cancellable,
                                                                     NULL);

      if (office == NULL)
        return NULL;
      proxy_one (proxy, office);
    }
}

static void
proxy_start (Proxy      *proxy,
             const char *base)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (base, G_URI_FLAGS_NONE, NULL);

  proxy->upstream = g_uri_get_port (uri);
  proxy->listener = g_socket_listener_new ();
  proxy->cancellable = g_cancellable_new ();
  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
    g_autoptr(GSocketAddress) bound = NULL;

    g_assert_true (g_socket_listener_add_address (proxy->listener, any, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                  NULL, &bound, &error));
    g_assert_no_error (error);
    proxy->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  }
  proxy->thread = g_thread_new ("proxy", proxy_run, proxy);
}

static void
proxy_stop (Proxy *proxy)
{
  g_cancellable_cancel (proxy->cancellable);
  g_thread_join (proxy->thread);
  g_socket_listener_close (proxy->listener);
  g_clear_object (&proxy->listener);
  g_clear_object (&proxy->cancellable);
  g_free (proxy->target);
}

/* The connection dropped mid-attachment, on every try: the pull stops
 * with the bundles before it imported whole and the place kept; the next
 * pull takes the rest, none skipped or read twice. */
static void
test_dropped (Hub           *hub,
              gconstpointer  data)
{
  static const char *const topics[] = { "First change", "Second change", "Third change" };
  Proxy proxy = { 0 };
  g_autoptr(IdkHub) direct = hub_client (hub, 0);
  g_autoptr(IdkHub) proxied = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL, *path = g_strdup (idk_store_get_path (hub->offices[1]));
  g_autofree char *mine = NULL, *theirs = NULL;
  IdkHubCounts counts = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      hub_edit (hub->offices[0], "21/41", topics[i]);
      g_assert_true (idk_hub_push (direct, hub->offices[0], NULL, NULL, &error));
      g_assert_no_error (error);
    }

  proxy_start (&proxy, hub->base);
  proxy.target = g_strdup_printf ("/bundle:%s:2?attachments=true ", idk_store_get_office_uuid (hub->offices[0]));
  g_atomic_int_set (&proxy.dropping, TRUE);
  url = g_strdup_printf ("http://127.0.0.1:%u/iasmn", proxy.port);
  proxied = idk_hub_new (url, NULL, NULL);

  g_assert_false (idk_hub_pull (proxied, hub->offices[1], &counts, NULL, &error));
  g_assert_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_UNREACHABLE);
  g_clear_error (&error);
  g_assert_cmpint (g_atomic_int_get (&proxy.dropped), ==, 4);
  g_assert_cmpuint (counts.pulled, ==, 1);

  /* Bundle 1 whole, nothing of 2 or 3, and the database sound. */
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actions WHERE topic = 'First change'"), ==, 1);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actions WHERE topic IN "
                                             "('Second change', 'Third change')"), ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM bundles WHERE origin = '%s'",
                                            idk_store_get_office_uuid (hub->offices[0]));

    g_assert_cmpint (idk_test_query_int (path, sql), ==, 1);
  }
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (path, "PRAGMA integrity_check")), ==, "ok");

  g_atomic_int_set (&proxy.dropping, FALSE);
  counts = (IdkHubCounts) { 0 };
  g_assert_true (idk_hub_pull (proxied, hub->offices[1], &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.pulled, ==, 2);
  g_assert_cmpuint (counts.known, ==, 0);
  proxy_stop (&proxy);

  mine = idk_test_dump_checksum (hub->offices[0]);
  theirs = idk_test_dump_checksum (hub->offices[1]);
  g_assert_cmpstr (theirs, ==, mine);
}

static gpointer
cancel_soon (gpointer data)
{
  g_usleep (300000);
  g_cancellable_cancel (data);
  return NULL;
}

/* Cancelled while the connection keeps dropping: the pull ends as
 * cancelled, not unreachable, with the bundle before it kept. */
static void
test_cancelled (Hub           *hub,
                gconstpointer  data)
{
  Proxy proxy = { 0 };
  g_autoptr(IdkHub) direct = hub_client (hub, 0);
  g_autoptr(IdkHub) proxied = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  IdkHubCounts counts = { 0 };
  GThread *canceller;

  hub_edit (hub->offices[0], "21/41", "First change");
  g_assert_true (idk_hub_push (direct, hub->offices[0], NULL, NULL, &error));
  hub_edit (hub->offices[0], "21/41", "Second change");
  g_assert_true (idk_hub_push (direct, hub->offices[0], NULL, NULL, &error));
  g_assert_no_error (error);

  proxy_start (&proxy, hub->base);
  proxy.target = g_strdup_printf ("/bundle:%s:2?attachments=true ", idk_store_get_office_uuid (hub->offices[0]));
  g_atomic_int_set (&proxy.dropping, TRUE);
  url = g_strdup_printf ("http://127.0.0.1:%u/iasmn", proxy.port);
  proxied = idk_hub_new (url, NULL, NULL);

  canceller = g_thread_new ("cancel", cancel_soon, cancellable);
  g_assert_false (idk_hub_pull (proxied, hub->offices[1], &counts, cancellable, &error));
  g_thread_join (canceller);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_atomic_int_get (&proxy.dropped), <, 4);
  g_assert_cmpuint (counts.pulled, ==, 1);
  proxy_stop (&proxy);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hub-access/rules", Hub, NULL, hub_set_up, test_rules, hub_tear_down);
  g_test_add ("/hub-access/members", Hub, NULL, hub_set_up_users, test_members, hub_tear_down);
  g_test_add ("/hub-access/wrong-password", Hub, NULL, hub_set_up_users, test_wrong_password, hub_tear_down);
  g_test_add ("/hub-access/dropped", Hub, NULL, hub_set_up, test_dropped, hub_tear_down);
  g_test_add ("/hub-access/cancelled", Hub, NULL, hub_set_up, test_cancelled, hub_tear_down);
  return g_test_run ();
}
