/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-hub-server.h"

/* Offices syncing through a CouchDB hub: pouchdb-server (npm, in memory,
 * on 127.0.0.1 and a free port), installed under _build/npm by
 * build-aux/test and started and stopped here.  A test that cannot start
 * it fails: it is what these tests are about. */

/* Three offices edit, sync in a random order, and end with the same data;
 * a second sync transfers nothing. */
static void
test_three_offices (Hub           *hub,
                    gconstpointer  data)
{
  guint order[N_OFFICES] = { 0, 1, 2 };
  g_autofree char *first = NULL;

  hub_edit (hub->offices[0], "21/41", "Residential security (Secretariat)");
  hub_edit (hub->offices[1], "27/33a", "Air travel (Geneva)");
  hub_edit (hub->offices[2], "21/61", "Incident recording (Nairobi)");

  for (guint i = N_OFFICES - 1; i > 0; i--)
    {
      guint j = g_test_rand_int_range (0, i + 1), t = order[i];

      order[i] = order[j], order[j] = t;
    }
  g_test_message ("sync order %u %u %u", order[0], order[1], order[2]);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < N_OFFICES; i++)
      hub_sync_office (hub, order[i]);

  first = idk_test_dump_checksum (hub->offices[0]);
  for (guint i = 1; i < N_OFFICES; i++)
    {
      g_autofree char *other = idk_test_dump_checksum (hub->offices[i]);

      g_assert_cmpstr (other, ==, first);
    }

  for (guint i = 0; i < N_OFFICES; i++)
    {
      IdkHubCounts counts = hub_sync_office (hub, i);

      g_assert_cmpuint (counts.pushed, ==, 0);
      g_assert_cmpuint (counts.pulled, ==, 0);
    }
}

/* A bundle one office mails is also put on the hub as it was: an office
 * that received the file finds it there as imported before, and one that
 * did not imports it from the hub. */
static void
test_file_and_hub (Hub           *hub,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (hub->dir, "mailed.iasmn", NULL);
  g_autoptr(IdkImport) import = NULL;
  g_autofree char *first = NULL, *second = NULL, *third = NULL;
  IdkHubCounts counts;
  gint64 seq = 0;

  g_assert_true (idk_store_set_hub (hub->offices[0], hub->url, NULL, &error));
  g_assert_no_error (error);
  hub_edit (hub->offices[0], "21/41", "Residential security (Secretariat)");
  g_assert_true (idk_store_export (hub->offices[0], path, idk_store_get_office_uuid (hub->offices[2]), &seq, NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (seq, ==, 1);

  import = idk_import_new (hub->offices[2], path);
  g_assert_true (idk_import_prepare (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (idk_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The mailed bundle is the one pushed, and it holds all there was. */
  counts = hub_sync_office (hub, 0);
  g_assert_cmpuint (counts.pushed, ==, 1);
  g_assert_cmpint (idk_test_query_int (idk_store_get_path (hub->offices[0]), "SELECT count(*) FROM hub_outbox"), ==, 0);

  counts = hub_sync_office (hub, 2);
  g_assert_cmpuint (counts.pulled, ==, 0);
  g_assert_cmpuint (counts.known, ==, 1);
  counts = hub_sync_office (hub, 1);
  g_assert_cmpuint (counts.pulled, ==, 1);

  first = idk_test_dump_checksum (hub->offices[0]);
  second = idk_test_dump_checksum (hub->offices[1]);
  third = idk_test_dump_checksum (hub->offices[2]);
  g_assert_cmpstr (second, ==, first);
  g_assert_cmpstr (third, ==, first);

  /* Nothing is left to send, either way. */
  counts = hub_sync_office (hub, 0);
  g_assert_cmpuint (counts.pushed, ==, 0);
  g_assert_cmpuint (counts.pulled, ==, 0);
}

/* A bundle altered on the hub is refused by its signature; the office's
 * database is unchanged, and the pull stops there. */
static void
test_altered (Hub           *hub,
              gconstpointer  data)
{
  g_autoptr(IdkHub) client = idk_hub_new (hub->url, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  hub_edit (hub->offices[0], "21/41", "Residential security (Secretariat)");
  g_assert_true (idk_hub_push (client, hub->offices[0], NULL, NULL, &error));
  g_assert_no_error (error);

  /* Someone with write access to the hub changes one byte of the bundle. */
  hub_alter_bundle (hub, 0, 1, "Residential security (Secretariat)");

  before = idk_test_file_content_checksum (idk_store_get_path (hub->offices[1]));
  g_assert_false (idk_hub_pull (client, hub->offices[1], NULL, NULL, &error));
  g_assert_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_TAMPERED);
  g_clear_error (&error);
  after = idk_test_file_content_checksum (idk_store_get_path (hub->offices[1]));
  g_assert_cmpstr (before, ==, after);
}

/* A hub that does not answer, and a database that does not exist: each a
 * clear message. */
static void
test_unreachable (Hub           *hub,
                  gconstpointer  data)
{
  g_autofree char *closed = g_strdup_printf ("http://127.0.0.1:%u/iasmn", hub_free_port ());
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
  g_autofree char *closed = g_strdup_printf ("http://127.0.0.1:%u/iasmn", hub_free_port ());

  hub_edit (hub->offices[0], "21/41", "Residential security (Secretariat)");
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
  g_test_add ("/hub/file-and-hub", Hub, NULL, hub_set_up, test_file_and_hub, hub_tear_down);
  g_test_add ("/hub/altered", Hub, NULL, hub_set_up, test_altered, hub_tear_down);
  g_test_add ("/hub/unreachable", Hub, NULL, hub_set_up, test_unreachable, hub_tear_down);
  g_test_add ("/hub/cli", Hub, NULL, hub_set_up, test_cli, hub_tear_down);
  return g_test_run ();
}
