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

  /* Nor may a member change the rules. */
  {
    g_autofree char *design = g_strdup_printf ("%s/_design/iasmn", hub->url);

    g_assert_cmpuint (hub_http (hub, "DELETE", design, NULL, NULL), !=, 200);
  }

  /* The bundle is still there, and a third office gets it. */
  counts = hub_sync_office (hub, 2);
  g_assert_cmpuint (counts.pulled, ==, 1);
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hub-access/rules", Hub, NULL, hub_set_up, test_rules, hub_tear_down);
  g_test_add ("/hub-access/members", Hub, NULL, hub_set_up_users, test_members, hub_tear_down);
  g_test_add ("/hub-access/wrong-password", Hub, NULL, hub_set_up_users, test_wrong_password, hub_tear_down);
  return g_test_run ();
}
