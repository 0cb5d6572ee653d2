/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-cli-test-util.h"

/* The iasmn command, run as a user runs it: exit codes, output, and a
 * database file left untouched when it cannot be used. */

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
test_stats_new_database (IdkTestFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "new.sqlite3", NULL);
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) stats = NULL;
  JsonObject *counts;

  run_cli (&run, NULL, "--db", path, "stats", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  stats = json_from_string (run.out, &error);
  g_assert_no_error (error);
  counts = json_node_get_object (stats);
  g_assert_cmpint (json_object_get_int_member (counts, "actions"), ==, 77);
  g_assert_cmpint (json_object_get_int_member (counts, "participants"), ==, 111);
  g_assert_cmpint (json_object_get_int_member (counts, "meetings"), ==, 20);
  g_assert_cmpint (json_object_get_int_member (counts, "actors"), ==, 18);
  g_assert_cmpint (json_object_get_int_member (counts, "working_groups"), ==, 22);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_list_actions_search (IdkTestFixture *fixture,
                          gconstpointer   data)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, NULL, "--db", fixture->db_path, "list", "actions", "--search", "HeForShe", NULL);
  g_assert_cmpint (run.status, ==, 0);

  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "reference\tsession\ttopic\tkind\tstatus\towners\tdue\ttext");
  g_assert_true (g_str_has_prefix (lines[1], "27/4\t27th IASMN session\t"));
  g_assert_nonnull (strstr (lines[1], "HeForShe"));
  g_assert_cmpstr (lines[2], ==, "");
}

static void
test_list_each_kind (IdkTestFixture *fixture,
                     gconstpointer   data)
{
  static const struct { const char *kind; const char *header; guint rows; } kinds[] = {
    { "actions", "reference\t", 77 },
    { "meetings", "start\tend\ttype\ttitle\tplace\tstatus", 20 },
    { "working-groups", "acronym\tname\tstatus\tchair\tco-chair\tmembers", 22 },
    { "actors", "code\ttitle\tshort title\taccountable to", 18 },
    { "organizations", "acronym\tname\tcategory", 71 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto(Run) run = { 0 };
      g_auto(GStrv) lines = NULL;

      run_cli (&run, fixture->db_path, "list", kinds[i].kind, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_prefix (run.out, kinds[i].header));
      g_assert_cmpuint (count_lines (run.out), ==, kinds[i].rows + 1);

      /* Every row has as many fields as the header. */
      lines = g_strsplit (run.out, "\n", -1);
      for (guint j = 1; lines[j] != NULL && *lines[j]; j++)
        {
          g_auto(GStrv) a = g_strsplit (lines[0], "\t", -1);
          g_auto(GStrv) b = g_strsplit (lines[j], "\t", -1);

          g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
        }
    }
}

static void
test_list_search_options (IdkTestFixture *fixture,
                          gconstpointer   data)
{
  g_auto(Run) meetings = { 0 };
  g_auto(Run) actors = { 0 };

  run_cli (&meetings, fixture->db_path, "list", "meetings", "--search=Montreux", NULL);
  g_assert_cmpint (meetings.status, ==, 0);
  g_assert_cmpuint (count_lines (meetings.out), ==, 4);

  run_cli (&actors, fixture->db_path, "list", "actors", "--search", "Designated Official", NULL);
  g_assert_cmpint (actors.status, ==, 0);
  g_assert_nonnull (strstr (actors.out, "DO\tDesignated Official\tDO\tUSG\n"));
}

static void
test_usage_errors (IdkTestFixture *fixture,
                   gconstpointer   data)
{
  const char *cases[][4] = {
    { "frobnicate", NULL },
    { "--colour", "stats", NULL },
    { "list", NULL },
    { "list", "planets", NULL },
    { "list", "actions", "--sort", NULL },
    { "stats", "extra", NULL },
    { "--db", NULL },
    { NULL },
  };
  g_autofree char *before = idk_test_file_checksum (fixture->db_path);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, fixture->db_path, cases[i][0], cases[i][1], cases[i][2], cases[i][3]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "iasmn: "));
      g_assert_nonnull (strstr (run.err, "Usage: iasmn"));
    }

  after = idk_test_file_checksum (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_refused (const char *path)
{
  g_auto(Run) run = { 0 };
  g_autofree char *before = idk_test_file_checksum (path);
  g_autofree char *after = NULL;

  run_cli (&run, NULL, "--db", path, "stats", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  /* One clear line, naming the file. */
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "iasmn: "));
  g_assert_nonnull (strstr (run.err, path));

  after = idk_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_corrupt_database (IdkTestFixture *fixture,
                       gconstpointer   data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "corrupt.sqlite3", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  /* A real database whose pages after the header were overwritten. */
  g_clear_object (&fixture->store);
  g_assert_true (g_file_get_contents (fixture->db_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 100, 0xA5, length - 100);
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));

  assert_refused (path);
}

static void
test_not_a_database (IdkTestFixture *fixture,
                     gconstpointer   data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.txt", NULL);

  g_assert_true (g_file_set_contents (path, "Minutes of the 21st session\n", -1, NULL));
  assert_refused (path);
}

static void
test_unreadable_database (IdkTestFixture *fixture,
                          gconstpointer   data)
{
  g_auto(Run) run = { 0 };

  /* A folder cannot be read as a database, even by root. */
  run_cli (&run, NULL, "--db", fixture->dir, "stats", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, fixture->dir));
}

static void
test_environment_database (IdkTestFixture *fixture,
                           gconstpointer   data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "from-env.sqlite3", NULL);
  g_auto(Run) run = { 0 };

  run_cli (&run, path, "list", "organizations", "--search", "UNHCR", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "UNHCR\tUnited Nations High Commissioner for Refugees\tceb-member"));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  IDK_TEST_ADD_DEFAULTS ("/cli/stats-new-database", test_stats_new_database);
  IDK_TEST_ADD_DEFAULTS ("/cli/list-actions-search", test_list_actions_search);
  IDK_TEST_ADD_DEFAULTS ("/cli/list-each-kind", test_list_each_kind);
  IDK_TEST_ADD_DEFAULTS ("/cli/list-search-options", test_list_search_options);
  IDK_TEST_ADD_DEFAULTS ("/cli/usage-errors", test_usage_errors);
  IDK_TEST_ADD_DEFAULTS ("/cli/corrupt-database", test_corrupt_database);
  IDK_TEST_ADD_DEFAULTS ("/cli/not-a-database", test_not_a_database);
  IDK_TEST_ADD_DEFAULTS ("/cli/unreadable-database", test_unreadable_database);
  IDK_TEST_ADD_DEFAULTS ("/cli/environment-database", test_environment_database);

  return g_test_run ();
}
