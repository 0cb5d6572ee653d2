/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>

#include "idk-cli-test-util.h"

/* Offices syncing through a CouchDB hub: pouchdb-server (npm, in memory,
 * on 127.0.0.1 and a free port), installed under _build/npm by
 * build-aux/test and started and stopped here.  A test that cannot start
 * it fails: it is what these tests are about. */

#define N_OFFICES 3

typedef struct
{
  char *dir;
  GSubprocess *server;
  char *base;              /* http://127.0.0.1:PORT */
  char *url;               /* the hub's database */
  IdkStore *offices[N_OFFICES];
  SoupSession *http;
} Hub;

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static guint
http (Hub        *hub,
      const char *method,
      const char *url,
      const char *body,
      char      **answer)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;

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
hub_set_up (Hub           *hub,
            gconstpointer  data)
{
  static const char *const names[] = { "Secretariat", "Geneva HQ", "Nairobi field office" };
  static const char *const organizations[] = { "UNDSS", "UNHCR", "WFP" };
  const char *npm = g_getenv ("IDK_NPM_DIR");
  g_autofree char *server = g_build_filename (npm != NULL ? npm : "", "node_modules", ".bin", "pouchdb-server", NULL);
  g_autofree char *port = g_strdup_printf ("%u", free_port ());
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
    hub->server = g_subprocess_launcher_spawn (launcher, &error, server, "--in-memory", "--host", "127.0.0.1",
                                               "--port", port, NULL);
    g_assert_no_error (error);
  }
  hub->base = g_strdup_printf ("http://127.0.0.1:%s", port);
  hub->url = g_strdup_printf ("%s/iasmn", hub->base);
  hub->http = soup_session_new ();

  /* Up when it answers. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (http (hub, "GET", hub->base, NULL, NULL) != 200)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("pouchdb-server did not answer on %s", hub->base);
      g_usleep (100000);
    }
  g_assert_cmpuint (http (hub, "PUT", hub->url, NULL, NULL), ==, 201);

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
}

static void
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
}

static IdkHubCounts
sync_office (Hub      *hub,
             IdkStore *store)
{
  g_autoptr(IdkHub) client = idk_hub_new (hub->url, NULL, NULL);
  g_autoptr(GError) error = NULL;
  IdkHubCounts counts = { 0 };

  g_assert_true (idk_hub_push (client, store, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (idk_hub_pull (client, store, &counts, NULL, &error));
  g_assert_no_error (error);
  return counts;
}

/* A change of this office's own: a topic on one of the default actions. */
static void
edit (IdkStore   *store,
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

/* Three offices edit, sync in a random order, and end with the same data;
 * a second sync transfers nothing. */
static void
test_three_offices (Hub           *hub,
                    gconstpointer  data)
{
  guint order[N_OFFICES] = { 0, 1, 2 };
  g_autofree char *first = NULL;

  edit (hub->offices[0], "21/41", "Residential security (Secretariat)");
  edit (hub->offices[1], "27/33a", "Air travel (Geneva)");
  edit (hub->offices[2], "21/61", "Incident recording (Nairobi)");

  for (guint i = N_OFFICES - 1; i > 0; i--)
    {
      guint j = g_test_rand_int_range (0, i + 1), t = order[i];

      order[i] = order[j], order[j] = t;
    }
  g_test_message ("sync order %u %u %u", order[0], order[1], order[2]);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < N_OFFICES; i++)
      sync_office (hub, hub->offices[order[i]]);

  first = idk_test_dump_checksum (hub->offices[0]);
  for (guint i = 1; i < N_OFFICES; i++)
    {
      g_autofree char *other = idk_test_dump_checksum (hub->offices[i]);

      g_assert_cmpstr (other, ==, first);
    }

  for (guint i = 0; i < N_OFFICES; i++)
    {
      IdkHubCounts counts = sync_office (hub, hub->offices[i]);

      g_assert_cmpuint (counts.pushed, ==, 0);
      g_assert_cmpuint (counts.pulled, ==, 0);
    }
}

/* A bundle altered on the hub is refused by its signature; the office's
 * database is unchanged, and the pull stops there. */
static void
test_altered (Hub           *hub,
              gconstpointer  data)
{
  g_autoptr(IdkHub) client = idk_hub_new (hub->url, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *doc_url = NULL, *doc = NULL, *bundle = NULL, *body = NULL, *before = NULL, *after = NULL;
  g_autofree char *encoded = NULL;
  JsonObject *object, *attachment;
  gsize n;
  guchar *raw;

  edit (hub->offices[0], "21/41", "Residential security (Secretariat)");
  g_assert_true (idk_hub_push (client, hub->offices[0], NULL, NULL, &error));
  g_assert_no_error (error);

  /* Someone with write access to the hub changes one byte of the bundle. */
  doc_url = g_strdup_printf ("%s/bundle:%s:1?attachments=true", hub->url, idk_store_get_office_uuid (hub->offices[0]));
  g_assert_cmpuint (http (hub, "GET", doc_url, NULL, &doc), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, doc, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  attachment = json_object_get_object_member (json_object_get_object_member (object, "_attachments"),
                                              "bundle.iasmn");
  raw = g_base64_decode (json_object_get_string_member (attachment, "data"), &n);
  bundle = (char *) raw;
  {
    char *at = g_strstr_len (bundle, n, "Residential security (Secretariat)");

    g_assert_nonnull (at);
    at[0] = 'P';
  }
  encoded = g_base64_encode ((const guchar *) bundle, n);
  json_object_set_string_member (attachment, "data", encoded);
  json_object_remove_member (attachment, "digest");
  json_object_remove_member (attachment, "revpos");
  json_object_remove_member (attachment, "length");
  body = json_to_string (json_parser_get_root (parser), FALSE);
  g_free (doc_url);
  doc_url = g_strdup_printf ("%s/bundle:%s:1", hub->url, idk_store_get_office_uuid (hub->offices[0]));
  g_assert_cmpuint (http (hub, "PUT", doc_url, body, NULL), ==, 201);

  before = idk_test_file_content_checksum (idk_store_get_path (hub->offices[1]));
  g_assert_false (idk_hub_pull (client, hub->offices[1], NULL, NULL, &error));
  g_assert_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_TAMPERED);
  g_clear_error (&error);
  after = idk_test_file_content_checksum (idk_store_get_path (hub->offices[1]));
  g_assert_cmpstr (before, ==, after);
}

/* The hub's rules, run by the server: a bundle is written once, under its
 * office's id and number, with its signature.  (Deleting, which only an
 * administrator may, is not tried: pouchdb-server in memory has no users,
 * every request is an administrator's.) */
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

  edit (hub->offices[0], "21/41", "Residential security (Secretariat)");
  g_assert_true (idk_hub_push (client, hub->offices[0], NULL, NULL, &error));
  g_assert_no_error (error);

  /* Written once: the same document again, with its revision, is refused. */
  doc_url = g_strdup_printf ("%s/bundle:%s:1", hub->url, office);
  g_assert_cmpuint (http (hub, "GET", doc_url, NULL, &doc), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, doc, -1, NULL));
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)), "created", "2027-01-01");
  body = json_to_string (json_parser_get_root (parser), FALSE);
  g_assert_cmpuint (http (hub, "PUT", doc_url, body, &answer), ==, 403);
  g_assert_nonnull (strstr (answer, "written once"));

  /* Another office's number, a document that is not a bundle, a bundle without its signature. */
  g_free (answer);
  wrong = g_strdup_printf ("%s/bundle:%s:2", hub->url, idk_store_get_office_uuid (hub->offices[1]));
  g_free (body);
  body = g_strdup_printf ("{\"origin\":\"%s\",\"seq\":2}", office);
  g_assert_cmpuint (http (hub, "PUT", wrong, body, &answer), ==, 403);
  g_free (answer);
  g_free (wrong);
  wrong = g_strdup_printf ("%s/notes", hub->url);
  g_assert_cmpuint (http (hub, "PUT", wrong, "{}", &answer), ==, 403);
  g_free (answer);
  g_free (wrong);
  wrong = g_strdup_printf ("%s/bundle:%s:7", hub->url, office);
  g_free (body);
  body = g_strdup_printf ("{\"origin\":\"%s\",\"seq\":7}", office);
  g_assert_cmpuint (http (hub, "PUT", wrong, body, &answer), ==, 403);
  g_assert_nonnull (strstr (answer, "signature"));

  /* The office's own next push still goes through the rules. */
  edit (hub->offices[0], "21/42", "Locally-recruited personnel (Secretariat)");
  g_assert_true (idk_hub_push (client, hub->offices[0], NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A hub that does not answer, and a database that does not exist: each a
 * clear message. */
static void
test_unreachable (Hub           *hub,
                  gconstpointer  data)
{
  g_autofree char *closed = g_strdup_printf ("http://127.0.0.1:%u/iasmn", free_port ());
  g_autofree char *missing = g_strdup_printf ("%s/no-such-database", hub->base);
  g_autoptr(IdkHub) nowhere = idk_hub_new (closed, NULL, NULL);
  g_autoptr(IdkHub) no_database = idk_hub_new (missing, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (idk_hub_pull (nowhere, hub->offices[0], NULL, NULL, &error));
  g_assert_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, closed));
  g_clear_error (&error);

  g_assert_false (idk_hub_pull (no_database, hub->offices[0], NULL, NULL, &error));
  g_assert_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_NO_DATABASE);
  g_assert_nonnull (strstr (error->message, "no-such-database"));
}

/* iasmn hub set|show and iasmn sync, as a user runs them. */
static void
test_cli (Hub           *hub,
          gconstpointer  data)
{
  g_autofree char *a = g_strdup (idk_store_get_path (hub->offices[0]));
  g_autofree char *b = g_strdup (idk_store_get_path (hub->offices[1]));
  g_auto(Run) set_a = { 0 }, set_b = { 0 }, show = { 0 }, push = { 0 }, pull = { 0 }, again = { 0 };
  g_auto(Run) usage = { 0 }, bad_url = { 0 }, nowhere = { 0 };
  g_autofree char *closed = g_strdup_printf ("http://127.0.0.1:%u/iasmn", free_port ());

  edit (hub->offices[0], "21/41", "Residential security (Secretariat)");
  /* The CLI opens the databases itself. */
  g_clear_object (&hub->offices[0]);
  g_clear_object (&hub->offices[1]);

  run_cli (&set_a, NULL, "--db", a, "hub", "set", hub->url, NULL);
  g_assert_cmpint (set_a.status, ==, 0);
  run_cli (&show, NULL, "--db", a, "hub", "show", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_true (g_str_has_prefix (show.out, hub->url));
  run_cli (&set_b, NULL, "--db", b, "hub", "set", hub->url, NULL);
  g_assert_cmpint (set_b.status, ==, 0);

  run_cli (&push, NULL, "--db", a, "sync", "--push-only", NULL);
  g_assert_cmpint (push.status, ==, 0);
  g_assert_nonnull (strstr (push.out, "pushed bundle 1 (1 revision)\n"));
  g_assert_true (g_str_has_suffix (push.out, "1 pushed, 0 pulled, 0 known\n"));

  run_cli (&pull, NULL, "--db", b, "sync", NULL);
  g_assert_cmpint (pull.status, ==, 0);
  g_assert_nonnull (strstr (pull.out, "from Secretariat (1 new revision)\n"));
  g_assert_cmpint (idk_test_query_int (b, "SELECT count(*) FROM actions WHERE topic = "
                                          "'Residential security (Secretariat)'"), ==, 1);

  run_cli (&again, NULL, "--db", b, "sync", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_str_has_suffix (again.out, "0 pushed, 0 pulled, 1 known\n") ||
                 g_str_has_suffix (again.out, "0 pushed, 0 pulled, 0 known\n"));

  {
    g_auto(Run) rules = { 0 };

    run_cli (&rules, NULL, "--db", b, "hub", "install-rules", NULL);
    g_assert_cmpint (rules.status, ==, 0);
    g_assert_cmpstr (rules.out, ==, "the hub's rules are installed\n");
  }
  run_cli (&usage, NULL, "--db", b, "sync", "--push-only", "--pull-only", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  run_cli (&bad_url, NULL, "--db", b, "hub", "set", "ftp://example.org/iasmn", NULL);
  g_assert_cmpint (bad_url.status, ==, 1);
  g_assert_nonnull (strstr (bad_url.err, "is not the address of a database"));

  {
    g_auto(Run) elsewhere = { 0 };

    run_cli (&elsewhere, NULL, "--db", b, "hub", "set", closed, NULL);
    g_assert_cmpint (elsewhere.status, ==, 0);
  }
  run_cli (&nowhere, NULL, "--db", b, "sync", NULL);
  g_assert_cmpint (nowhere.status, ==, 1);
  g_assert_nonnull (strstr (nowhere.err, "cannot be reached"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hub/three-offices", Hub, NULL, hub_set_up, test_three_offices, hub_tear_down);
  g_test_add ("/hub/altered", Hub, NULL, hub_set_up, test_altered, hub_tear_down);
  g_test_add ("/hub/unreachable", Hub, NULL, hub_set_up, test_unreachable, hub_tear_down);
  g_test_add ("/hub/cli", Hub, NULL, hub_set_up, test_cli, hub_tear_down);
  g_test_add ("/hub/rules", Hub, NULL, hub_set_up, test_rules, hub_tear_down);
  return g_test_run ();
}
