/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-cli-test-util.h"

/* iasmn report FILE --dry-run [--json] and --apply, as a user runs them. */

static char *
short_report (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "reports", "iasmn-29th-session-short.md", NULL);
}

static void
test_dry_run (IdkTestFixture *fixture,
              gconstpointer   data)
{
  g_autofree char *report = short_report ();
  g_autofree char *before = idk_test_file_checksum (fixture->db_path);
  g_autofree char *after = NULL;
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *session, *decision;

  run_cli (&text, fixture->db_path, "report", report, "--dry-run", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.err, ==, "");
  g_assert_true (g_str_has_prefix (text.out, "Session\tnew\t29\t2019-02-12 to 2019-02-14\tNairobi\n"));
  g_assert_nonnull (strstr (text.out, "Decision\tnew\t29/4b\trequest\tUNDSS\t2019-09-30\n"));
  g_assert_nonnull (strstr (text.out, "Participant\tnew\tValerie De Kermel\tFICSA\tobserver\n"));
  g_assert_true (g_str_has_suffix (text.out, "7 decisions, 2 meetings, 7 participants\n"));

  run_cli (&json, fixture->db_path, "report", report, "--dry-run", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  session = json_object_get_object_member (root, "session");
  g_assert_cmpint (json_object_get_int_member (session, "number"), ==, 29);
  g_assert_cmpstr (json_object_get_string_member (session, "co_chair"), ==, "Mary Moné");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "decisions")), ==, 7);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "meetings")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "participants")), ==, 7);
  decision = json_array_get_object_element (json_object_get_array_member (root, "decisions"), 3);
  g_assert_cmpint (json_object_get_int_member (decision, "paragraph"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (decision, "kind"), ==, "decision");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (decision, "due"), "text"),
                   ==, "within six months");
  g_assert_cmpstr (json_object_get_string_member (decision, "state"), ==, "new");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (decision, "source_lines")), ==, 2);

  /* A dry run writes nothing. */
  after = idk_test_file_checksum (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_apply_twice (IdkTestFixture *fixture,
                  gconstpointer   data)
{
  g_autofree char *report = short_report ();
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) dry = { 0 };

  run_cli (&first, fixture->db_path, "report", report, "--apply", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.out, ==, "19 created, 0 updated, 0 unchanged\n");
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions a JOIN meetings m "
                                                         "ON m.uuid = a.meeting WHERE m.number = 29"), ==, 7);

  run_cli (&second, fixture->db_path, "report", report, "--apply", NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (second.out, ==, "0 created, 0 updated, 17 unchanged\n");
  run_cli (&dry, fixture->db_path, "report", report, "--dry-run", NULL);
  g_assert_null (strstr (dry.out, "\tnew\t"));
}

static void
test_refused (IdkTestFixture *fixture,
              gconstpointer   data)
{
  g_autofree char *binary = g_build_filename (fixture->dir, "report.txt", NULL);
  g_autofree char *before = idk_test_file_checksum (fixture->db_path);
  g_autofree char *after = NULL;
  const char *usage[][4] = {
    { "report", NULL },
    { "report", "a.txt", "b.txt", NULL },
    { "report", "a.txt", NULL },
    { "report", "a.txt", "--apply", "--dry-run" },
    { "report", "a.txt", "--apply", "--json" },
  };
  g_auto(Run) run = { 0 };
  g_auto(Run) missing = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_auto(Run) u = { 0 };

      run_cli (&u, fixture->db_path, usage[i][0], usage[i][1], usage[i][2], usage[i][3], NULL);
      g_assert_cmpint (u.status, ==, 2);
      g_assert_true (g_str_has_prefix (u.err, "iasmn: "));
    }

  g_assert_true (g_file_set_contents (binary, "1. The IASMN met\0 in Geneva.\n", 28, NULL));
  run_cli (&run, fixture->db_path, "report", binary, "--apply", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Line 1 of the report contains a NUL byte"));
  run_cli (&missing, fixture->db_path, "report", "no-such-report.txt", "--dry-run", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "no-such-report.txt"));

  after = idk_test_file_checksum (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  IDK_TEST_ADD_DEFAULTS ("/cli-report/dry-run", test_dry_run);
  IDK_TEST_ADD_DEFAULTS ("/cli-report/apply-twice", test_apply_twice);
  IDK_TEST_ADD_DEFAULTS ("/cli-report/refused", test_refused);
  return g_test_run ();
}
