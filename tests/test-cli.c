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
  g_assert_cmpint (json_object_get_int_member (counts, "actions"), ==, 79);
  g_assert_cmpint (json_object_get_int_member (counts, "participants"), ==, 111);
  g_assert_cmpint (json_object_get_int_member (counts, "meetings"), ==, 22);
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
    { "actions", "reference\t", 79 },
    { "meetings", "start\tend\ttype\ttitle\tplace\tstatus", 22 },
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
      g_assert_nonnull (strstr (run.err, "Usage:"));
      g_assert_nonnull (strstr (run.err, "iasmn"));
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

/* Runs iasmn on @db as a user who may read it but not write it or its
 * folder: as root, whom permissions do not stop, under the "nobody" user
 * (with a copy of the program it can reach); otherwise with the write
 * permissions taken away. */
static void
run_as_reader (Run        *run,
               const char *dir,
               const char *db,
               const char *first,
               ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *program = g_build_filename (dir, "..", "iasmn", NULL);
  g_autofree char *cli = cli_path ();
  g_autofree char *binary = NULL;
  gsize length = 0;
  va_list args;
  int wait_status = 0;

  if (geteuid () == 0)
    {
      g_assert_true (g_file_get_contents (cli, &binary, &length, &error));
      g_assert_true (g_file_set_contents_full (program, binary, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0755,
                                               &error));
      g_ptr_array_add (argv, g_strdup ("setpriv"));
      g_ptr_array_add (argv, g_strdup ("--reuid=65534"));
      g_ptr_array_add (argv, g_strdup ("--regid=65534"));
      g_ptr_array_add (argv, g_strdup ("--clear-groups"));
      g_ptr_array_add (argv, g_steal_pointer (&program));
    }
  else
    g_ptr_array_add (argv, g_steal_pointer (&cli));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (db));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &run->out, &run->err,
                     &wait_status, &error))
    g_error ("Cannot run %s: %s", (char *) argv->pdata[0], error->message);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* A database that cannot be written (nor its folder) is read as usual;
 * a change says why it cannot be made, and the file stays as it was.  It
 * once said "is damaged: attempt to write a readonly database". */
static void
test_read_only_database (IdkTestFixture *fixture,
                         gconstpointer   data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "read-only", NULL);
  g_autofree char *path = g_build_filename (dir, "desk.sqlite3", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) stats = { 0 };
  g_auto(Run) dump = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) change = { 0 };
  gsize length = 0;

  /* Closed first: no journal is left beside it. */
  g_clear_object (&fixture->store);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (fixture->db_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents_full (path, contents, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
    }
  before = idk_test_file_checksum (path);

  run_as_reader (&stats, dir, path, "stats", NULL);
  if (stats.status != 0)
    g_error ("stats on a read-only database: %s", stats.err);
  g_assert_nonnull (strstr (stats.out, "\"actions\""));
  run_as_reader (&dump, dir, path, "dump", NULL);
  g_assert_cmpint (dump.status, ==, 0);
  g_assert_nonnull (strstr (dump.out, "# revisions"));
  run_as_reader (&list, dir, path, "list", "organizations", "--search", "UNHCR", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "UNHCR"));

  run_as_reader (&change, dir, path, "office", "set", "--name", "Nairobi", NULL);
  g_assert_cmpint (change.status, ==, 1);
  if (strstr (change.err, "can be read but not changed: the file is read-only") == NULL)
    g_error ("Refused for “%s”", change.err);

  after = idk_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_chmod (dir, 0755);
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

/* iasmn rules --json: the warnings the application shows, one object each. */
static void
test_rules_json (IdkTestFixture *fixture,
                 gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GListModel) warnings = idk_store_list_warnings (fixture->store, NULL, &error);
  g_auto(Run) run = { 0 };
  g_auto(Run) rows = { 0 };
  JsonArray *array;
  gboolean twice_a_year = FALSE;

  g_assert_no_error (error);
  run_cli (&run, fixture->db_path, "rules", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  root = json_from_string (run.out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  g_assert_cmpuint (json_array_get_length (array), ==, g_list_model_get_n_items (warnings));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *warning = json_array_get_object_element (array, i);

      g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (warning, "record")));
      g_assert_nonnull (json_object_get_string_member (warning, "warning"));
      g_assert_nonnull (json_object_get_string_member (warning, "subject"));
      twice_a_year |= g_str_equal (json_object_get_string_member (warning, "rule"), "iasmn-meets-twice-a-year");
    }
  g_assert_true (twice_a_year);

  run_cli (&rows, fixture->db_path, "rules", NULL);
  g_assert_cmpint (rows.status, ==, 0);
  g_assert_cmpuint (count_lines (rows.out), ==, json_array_get_length (array) + 1);
}

static void
test_edit (IdkTestFixture *fixture,
           gconstpointer   data)
{
  g_autofree char *long_topic = g_strnfill (300, 't');
  g_autofree char *too_long = g_strconcat ("topic=", long_topic, NULL);
  const char *path = fixture->db_path;
  g_auto(Run) good = { 0 };
  g_auto(Run) clear = { 0 };
  g_auto(Run) same = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct { const char *args[4]; int status; const char *says; } bad[] = {
    { { "action", "21/41", too_long, NULL }, 1, "field “topic”: At most 200 characters; this text has 300." },
    { { "action", "21/41", "colour=blue", NULL }, 1, "field “colour”" },
    { { "action", "21/41", "due_date=1900-01-01", NULL }, 1, "field “due_date”: The year 1900 is outside" },
    { { "action", "21/41", "kind=wish", NULL }, 1, "field “kind”: Unknown value “wish”" },
    { { "action", "21/41", "text=", NULL }, 1, "field “text”: This is needed." },
    { { "action", "99/99", "topic=x", NULL }, 1, "no action “99/99”" },
    { { "planet", "21/41", "topic=x", NULL }, 2, "not a record type" },
    { { "action", "21/41", "topic", NULL }, 2, "is not FIELD=VALUE" },
  };

  g_clear_object (&fixture->store);

  run_cli (&good, path, "edit", "action", "21/41", "topic=Residential security", "paragraph=41", NULL);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_true (g_str_has_prefix (good.out, "Saved action "));
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (path, "SELECT topic || '/' || paragraph FROM actions "
                                                       "WHERE reference = '21/41'")), ==, "Residential security/41");

  /* An empty value clears the field; the same again changes nothing. */
  run_cli (&clear, path, "edit", "action", "21/41", "paragraph=", NULL);
  g_assert_cmpint (clear.status, ==, 0);
  g_assert_cmpint (idk_test_query_int (path, "SELECT paragraph IS NULL FROM actions WHERE reference = '21/41'"), ==, 1);
  before = idk_test_file_checksum (path);
  run_cli (&same, path, "edit", "action", "21/41", "paragraph=", NULL);
  g_assert_cmpint (same.status, ==, 0);
  g_assert_true (g_str_has_prefix (same.out, "Nothing changed in action "));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, path, "edit", bad[i].args[0], bad[i].args[1], bad[i].args[2], bad[i].args[3]);
      if (run.status != bad[i].status || strstr (run.err, bad[i].says) == NULL)
        g_error ("edit %s %s: status %d, “%s”", bad[i].args[0], bad[i].args[2], run.status, run.err);
      g_assert_cmpstr (run.out, ==, "");
    }

  /* Refused means unchanged. */
  after = idk_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_update (IdkTestFixture *fixture,
             gconstpointer   data)
{
  const char *path = fixture->db_path;
  g_auto(Run) done = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) note = { 0 };
  g_auto(Run) wrong = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_clear_object (&fixture->store);

  run_cli (&done, path, "update", "21/41", "--status", "completed", "--note", "Policy approved by HLCM",
           "--author", "F. Poussin", NULL);
  g_assert_cmpint (done.status, ==, 0);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (path, "SELECT a.status || '/' || u.note || '/' || u.author "
                                                       "FROM actions a JOIN action_updates u ON u.action = a.uuid "
                                                       "WHERE a.reference = '21/41'")),
                   ==, "completed/Policy approved by HLCM/F. Poussin");

  /* The same status and no note: nothing to record, refused at the note. */
  before = idk_test_file_checksum (path);
  run_cli (&again, path, "update", "21/41", "--status", "completed", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "field “note”: Nothing to record"));
  run_cli (&wrong, path, "update", "21/41", "--status", "finished", NULL);
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_nonnull (strstr (wrong.err, "field “status”: Unknown value “finished”"));
  after = idk_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* A note alone keeps the status. */
  run_cli (&note, path, "update", "21/41", "--note", "Guidelines published", NULL);
  g_assert_cmpint (note.status, ==, 0);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM action_updates u JOIN actions a "
                                       "ON a.uuid = u.action WHERE a.reference = '21/41' "
                                       "AND u.status = 'completed'"), ==, 2);
}

/* Each command has its own help, as gio's do. */
static void
test_command_help (IdkTestFixture *fixture,
                   gconstpointer   data)
{
  const char *commands[] = { "stats", "list", "office", "export", "import", "conflicts", "dump",
                             "edit", "update", "rules" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) option = { 0 };
      g_auto(Run) help = { 0 };
      g_autofree char *usage = g_strdup_printf ("iasmn %s [OPTION…]", commands[i]);

      run_cli (&option, fixture->db_path, commands[i], "--help", NULL);
      g_assert_cmpint (option.status, ==, 0);
      if (strstr (option.out, usage) == NULL)
        g_error ("iasmn %s --help: “%s”", commands[i], option.out);

      run_cli (&help, fixture->db_path, "help", commands[i], NULL);
      g_assert_cmpint (help.status, ==, 0);
      g_assert_cmpstr (help.out, ==, option.out);
    }
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
  IDK_TEST_ADD_DEFAULTS ("/cli/read-only-database", test_read_only_database);
  IDK_TEST_ADD_DEFAULTS ("/cli/environment-database", test_environment_database);
  IDK_TEST_ADD_DEFAULTS ("/cli/rules-json", test_rules_json);
  IDK_TEST_ADD_DEFAULTS ("/cli/edit", test_edit);
  IDK_TEST_ADD_DEFAULTS ("/cli/update", test_update);
  IDK_TEST_ADD_DEFAULTS ("/cli/command-help", test_command_help);

  return g_test_run ();
}
