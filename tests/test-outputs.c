/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-cli-test-util.h"

/* What a user takes elsewhere, made by the iasmn command and read back by
 * other programs: the calendar by Mozilla's ical.js, the actions table by
 * Python's csv module, the documents by pdftotext and pdfinfo.  A reader
 * that is missing fails the test; none is skipped. */

static void
set_up (IdkTestFixture *fixture,
        gconstpointer   data)
{
  idk_test_fixture_set_up_defaults (fixture, data);
}

/* Runs a program other than iasmn; its output in @run. */
static void
run_tool (Run        *run,
          const char *first,
          ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;
  int wait_status = 0;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &run->out, &run->err, &wait_status, &error))
    g_error ("%s is needed by this test and cannot run: %s", first, error->message);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
save_meeting (IdkTestFixture *fixture,
              const char     *title,
              const char     *start,
              const char     *end,
              const char     *city)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  char *uuid;

  json_object_set_string_member (fields, "type", "ad-hoc");
  json_object_set_string_member (fields, "title", title);
  json_object_set_string_member (fields, "start_date", start);
  if (end != NULL)
    json_object_set_string_member (fields, "end_date", end);
  if (city != NULL)
    json_object_set_string_member (fields, "city", city);
  json_object_set_string_member (fields, "venue", "Salle des Pas Perdus, 2ᵉ étage; aile « E »");
  json_object_set_string_member (fields, "status", "confirmed");
  uuid = idk_store_save_meeting (fixture->store, NULL, fields, &error);
  g_assert_no_error (error);
  return uuid;
}

static char *
npm_module (const char *name)
{
  const char *dir = g_getenv ("IDK_NPM_DIR");

  if (dir == NULL)
    g_error ("IDK_NPM_DIR is not set: build-aux/test installs ical.js there");
  return g_build_filename (dir, "node_modules", name, NULL);
}

/* The events ical.js reads, by UID. */
static GHashTable *
read_with_ical_js (const char *ics)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "ical-check.js", NULL);
  g_autofree char *module = npm_module ("ical.js");
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  if (!g_file_test (module, G_FILE_TEST_IS_DIR))
    g_error ("ical.js is not installed in %s: run build-aux/test, which installs it", module);

  run_tool (&run, "node", script, ics, NULL);
  if (run.status != 0)
    g_error ("ical.js could not read %s: %s%s", ics, run.out, run.err);
  g_assert_cmpstr (run.err, ==, "");

  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (lines[i], &error);
      JsonObject *event;

      g_assert_no_error (error);
      event = json_node_get_object (node);
      g_assert_false (json_object_has_member (event, "error"));
      g_hash_table_insert (events, g_strdup (json_object_get_string_member (event, "uid")),
                           json_object_ref (event));
    }
  return g_steal_pointer (&events);
}

static void
test_ical_js (IdkTestFixture *fixture,
              gconstpointer   data)
{
  g_autofree char *ics = g_build_filename (fixture->dir, "calendar.ics", NULL);
  g_autofree char *long_title = g_strnfill (120, 'x');
  g_autofree char *title = g_strdup_printf ("Atelier « sûreté », Genève; %s", long_title);
  g_autofree char *multi = save_meeting (fixture, title, "2027-03-30", "2027-04-02", "Geneva");
  g_autofree char *one_day = save_meeting (fixture, "Réunion d’un jour", "2027-12-31", NULL, "Geneva");
  g_autofree char *cancelled = save_meeting (fixture, "Cancelled meeting", "2027-05-10", "2027-05-11", NULL);
  g_autoptr(GHashTable) events = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint compared = 0;

  g_assert_true (idk_store_cancel_meeting (fixture->store, cancelled, &error));
  g_assert_no_error (error);

  run_cli (&run, NULL, "--db", fixture->db_path, "ics", ics, "--timed", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "events written to"));
  /* Meetings known only to the month are named on stderr. */
  g_assert_nonnull (strstr (run.err, "known only to the month"));

  events = read_with_ical_js (ics);

  /* Every meeting known to the day is there with its dates; ends are
   * exclusive. */
  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT uuid, title, start_date, date (coalesce (end_date, start_date), "
                                           "'+1 day'), status FROM meetings WHERE length (start_date) = 10 "
                                           "AND length (coalesce (end_date, start_date)) = 10", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *uid = idk_meeting_ical_uid ((const char *) sqlite3_column_text (stmt, 0));
      JsonObject *event = g_hash_table_lookup (events, uid);

      g_assert_nonnull (event);
      g_assert_cmpstr (json_object_get_string_member (event, "summary"), ==, (const char *) sqlite3_column_text (stmt, 1));
      g_assert_cmpstr (json_object_get_string_member (event, "start"), ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpstr (json_object_get_string_member (event, "end"), ==, (const char *) sqlite3_column_text (stmt, 3));
      g_assert_true (json_object_get_boolean_member (event, "is_date"));
      if (g_str_equal ((const char *) sqlite3_column_text (stmt, 4), "cancelled"))
        g_assert_cmpstr (json_object_get_string_member (event, "status"), ==, "CANCELLED");
      compared++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (compared, >=, 14);

  /* The crafted ones, as written. */
  {
    g_autofree char *uid = idk_meeting_ical_uid (multi);
    JsonObject *event = g_hash_table_lookup (events, uid);

    g_assert_cmpstr (json_object_get_string_member (event, "start"), ==, "2027-03-30");
    g_assert_cmpstr (json_object_get_string_member (event, "end"), ==, "2027-04-03");
    g_assert_cmpstr (json_object_get_string_member (event, "location"), ==,
                     "Salle des Pas Perdus, 2ᵉ étage; aile « E », Geneva");
  }
  {
    g_autofree char *uid = idk_meeting_ical_uid (one_day);
    JsonObject *event = g_hash_table_lookup (events, uid);

    g_assert_cmpstr (json_object_get_string_member (event, "end"), ==, "2028-01-01");
  }

  /* A timed day of the 27th session: 09:00 in New York is 14:00 UTC. */
  {
    g_autofree char *meeting = idk_store_find_meeting (fixture->store, "27");
    g_autofree char *uid = g_strdup_printf ("%s-2018_02_06@iasmn-desk", meeting);
    JsonObject *event = g_hash_table_lookup (events, uid);

    g_assert_nonnull (event);
    g_assert_cmpstr (json_object_get_string_member (event, "tzid"), ==, "America/New_York");
    g_assert_cmpstr (json_object_get_string_member (event, "start"), ==, "2018-02-06T09:00:00");
    g_assert_cmpint (json_object_get_int_member (event, "utc_start"), ==, 1517925600);
  }
}

static void
test_ics_usage (IdkTestFixture *fixture,
                gconstpointer   data)
{
  g_autofree char *ics = g_build_filename (fixture->dir, "calendar.ics", NULL);
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };

  run_cli (&a, NULL, "--db", fixture->db_path, "ics", NULL);
  g_assert_cmpint (a.status, ==, 2);
  run_cli (&b, NULL, "--db", fixture->db_path, "ics", ics, "--type", "party", NULL);
  g_assert_cmpint (b.status, ==, 2);
  run_cli (&c, NULL, "--db", fixture->db_path, "ics", ics, "--meeting", "no such meeting", NULL);
  g_assert_cmpint (c.status, ==, 1);
  g_assert_false (g_file_test (ics, G_FILE_TEST_EXISTS));
}

/* --- CSV ---------------------------------------------------------------- */

static const char * const awkward_texts[] = {
  "Commas, \"quotes\" and a \"\"double\"\" quote",
  "Two lines\nof text",
  "Windows line\r\nends",
  "A\ttab and a back\\slash",
  "  Leading and trailing spaces  ",
  "Accents: sûreté, Genève, Öffentlichkeit, 安全",
};

static void
test_csv_round_trip (IdkTestFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting = idk_store_find_meeting (fixture->store, "27");
  g_autofree char *checker = g_test_build_filename (G_TEST_DIST, "csv-check.py", NULL);
  g_autofree char *expected_path = g_build_filename (fixture->dir, "expected.json", NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *expected = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (awkward_texts); i++)
    {
      g_autoptr(JsonObject) fields = json_object_new ();
      g_autofree char *reference = g_strdup_printf ("27/X%u", i);
      g_autofree char *uuid = NULL;

      json_object_set_string_member (fields, "meeting", meeting);
      json_object_set_string_member (fields, "reference", reference);
      json_object_set_string_member (fields, "text", awkward_texts[i]);
      json_object_set_string_member (fields, "kind", "request");
      uuid = idk_store_save_action (fixture->store, NULL, fields, &error);
      g_assert_no_error (error);
    }

  /* What the database holds: every action's text. */
  json_builder_begin_object (builder);
  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT reference, text FROM actions", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      json_builder_set_member_name (builder, (const char *) sqlite3_column_text (stmt, 0));
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  expected = json_to_string (root, FALSE);
  g_assert_true (g_file_set_contents (expected_path, expected, -1, &error));

  for (guint f = 0; f < 2; f++)
    {
      const char *format = f == 0 ? "csv" : "tsv";
      g_autofree char *table = g_build_filename (fixture->dir, f == 0 ? "actions.csv" : "actions.tsv", NULL);
      g_auto(Run) run = { 0 };
      g_auto(Run) check = { 0 };

      run_cli (&run, NULL, "--db", fixture->db_path, "list", "actions", "--format", format, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_set_contents (table, run.out, -1, &error));

      run_tool (&check, "python3", checker, format, table, expected_path, NULL);
      if (check.status != 0)
        g_error ("%s: %s", format, check.err);
      g_assert_cmpstr (g_strstrip (check.out), ==, "85");
    }

  /* JSON keeps the text as is, too. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) node = NULL;
    JsonArray *rows;
    guint found = 0;

    run_cli (&run, NULL, "--db", fixture->db_path, "list", "actions", "--format", "json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    node = json_from_string (run.out, &error);
    g_assert_no_error (error);
    rows = json_node_get_array (node);
    g_assert_cmpuint (json_array_get_length (rows), ==, 85);
    for (guint i = 0; i < json_array_get_length (rows); i++)
      {
        JsonObject *row = json_array_get_object_element (rows, i);

        for (guint t = 0; t < G_N_ELEMENTS (awkward_texts); t++)
          found += g_strcmp0 (json_object_get_string_member (row, "text"), awkward_texts[t]) == 0;
      }
    g_assert_cmpuint (found, ==, G_N_ELEMENTS (awkward_texts));
  }
}

static void
test_csv_filters (IdkTestFixture *fixture,
                  gconstpointer   data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) other = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, NULL, "--db", fixture->db_path, "list", "actions", "--format", "csv", "--session", "21", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "reference,session,topic,text,owner,due,status,last_update,kind,owners,updates,"
                                 "carried_to");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 32 + 1);

  run_cli (&bad, NULL, "--db", fixture->db_path, "list", "actions", "--format", "xls", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  run_cli (&other, NULL, "--db", fixture->db_path, "list", "meetings", "--format", "csv", NULL);
  g_assert_cmpint (other.status, ==, 2);
}

/* --- PDF ---------------------------------------------------------------- */

static char *
pdf_text (const char *pdf,
          int         page)
{
  g_auto(Run) run = { 0 };
  g_autofree char *first = g_strdup_printf ("%d", page);

  if (page > 0)
    run_tool (&run, "pdftotext", "-f", first, "-l", first, pdf, "-", NULL);
  else
    run_tool (&run, "pdftotext", pdf, "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static int
pdf_pages (const char *pdf)
{
  g_auto(Run) run = { 0 };
  const char *line;

  run_tool (&run, "pdfinfo", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = strstr (run.out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

static void
print_pdf (IdkTestFixture *fixture,
           const char     *kind,
           const char     *meeting,
           const char     *pdf,
           const char     *paper)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, "--db", fixture->db_path, "print", kind, meeting, "-o", pdf, "--paper", paper, NULL);
  if (run.status != 0)
    g_error ("print %s %s: %s", kind, meeting, run.err);
  g_assert_nonnull (strstr (run.out, "pages"));
}

static void
test_pdf_documents (IdkTestFixture *fixture,
                    gconstpointer   data)
{
  g_autofree char *agenda = g_build_filename (fixture->dir, "agenda.pdf", NULL);
  g_autofree char *record = g_build_filename (fixture->dir, "record.pdf", NULL);
  g_autofree char *review = g_build_filename (fixture->dir, "review.pdf", NULL);
  g_autofree char *agenda_text = NULL;
  g_autofree char *record_text = NULL;
  g_autofree char *review_text = NULL;
  g_autofree char *page2 = NULL;
  int pages;

  print_pdf (fixture, "agenda", "27", agenda, "a4");
  print_pdf (fixture, "record", "27", record, "letter");
  print_pdf (fixture, "review", "28", review, "a4");

  agenda_text = pdf_text (agenda, 0);
  g_assert_nonnull (strstr (agenda_text, "27th IASMN session"));
  g_assert_nonnull (strstr (agenda_text, "Tuesday 6 February 2018"));
  g_assert_nonnull (strstr (agenda_text, "Security Risk Management Process"));
  g_assert_nonnull (strstr (agenda_text, "CRP 10"));
  g_assert_nonnull (strstr (agenda_text, "planned end 14:30"));
  g_assert_nonnull (strstr (agenda_text, "Conference room papers"));
  g_assert_nonnull (strstr (agenda_text, "Page 1 of"));

  record_text = pdf_text (record, 0);
  g_assert_nonnull (strstr (record_text, "Attendance"));
  g_assert_nonnull (strstr (record_text, "UN Women"));
  g_assert_nonnull (strstr (record_text, "Decisions and actions"));
  g_assert_nonnull (strstr (record_text, "27/4"));
  g_assert_nonnull (strstr (record_text, "HeForShe"));
  pages = pdf_pages (record);
  g_assert_cmpint (pages, >=, 4);
  g_assert_cmpint (pages, <=, 12);
  /* The running header on every page. */
  page2 = pdf_text (record, 2);
  g_assert_nonnull (strstr (page2, "27th IASMN session — Record of the session"));

  review_text = pdf_text (review, 0);
  g_assert_nonnull (strstr (review_text, "Review of the actions of the 27th IASMN session"));
  g_assert_nonnull (strstr (review_text, "0 of 39 completed, 0 %"));
  g_assert_nonnull (strstr (review_text, "By owner"));
  g_assert_nonnull (strstr (review_text, "Still open"));
  g_assert_nonnull (strstr (review_text, "27/18"));
}

static void
test_pdf_long_agenda (IdkTestFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting = save_meeting (fixture, "Hundred-item session", "2027-06-01", "2027-06-01", "Geneva");
  g_autofree char *pdf = g_build_filename (fixture->dir, "long.pdf", NULL);
  int pages;

  for (int i = 1; i <= 100; i++)
    {
      g_autoptr(JsonObject) fields = json_object_new ();
      g_autofree char *title = g_strdup_printf ("Item %03d: a title long enough to wrap onto a second line of "
                                                "its cell in the printed agenda of the session", i);
      g_autofree char *uuid = NULL;

      json_object_set_string_member (fields, "meeting", meeting);
      json_object_set_string_member (fields, "day", "2027-06-01");
      json_object_set_string_member (fields, "title", title);
      json_object_set_string_member (fields, "presenter", "Présentatrice");
      json_object_set_string_member (fields, "kind", "item");
      json_object_set_int_member (fields, "ordinal", i);
      uuid = idk_store_save_agenda_item (fixture->store, NULL, fields, &error);
      g_assert_no_error (error);
    }

  print_pdf (fixture, "record", "Hundred-item session", pdf, "a4");
  pages = pdf_pages (pdf);
  g_assert_cmpint (pages, >=, 3);

  /* Each page of the agenda starts with the table's header again. */
  for (int page = 1; page <= pages; page++)
    {
      g_autofree char *text = pdf_text (pdf, page);

      if (strstr (text, "Item 0") == NULL)
        continue;
      g_assert_nonnull (strstr (text, "Presenter"));
    }
  {
    g_autofree char *all = pdf_text (pdf, 0);

    g_assert_nonnull (strstr (all, "Item 001"));
    g_assert_nonnull (strstr (all, "Item 100"));
    g_assert_nonnull (strstr (all, "Présentatrice"));
  }
}

static void
test_print_usage (IdkTestFixture *fixture,
                  gconstpointer   data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "x.pdf", NULL);
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };

  run_cli (&a, NULL, "--db", fixture->db_path, "print", "minutes", "27", "-o", pdf, NULL);
  g_assert_cmpint (a.status, ==, 2);
  run_cli (&b, NULL, "--db", fixture->db_path, "print", "agenda", "27", NULL);
  g_assert_cmpint (b.status, ==, 2);
  /* The first full session has no previous one to review. */
  run_cli (&c, NULL, "--db", fixture->db_path, "print", "review", "IASMN session", "-o", pdf, NULL);
  g_assert_cmpint (c.status, ==, 1);
  g_assert_nonnull (strstr (c.err, "No full session is recorded before"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* --- plan --------------------------------------------------------------- */

static void
test_plan_cli (IdkTestFixture *fixture,
               gconstpointer   data)
{
  g_auto(Run) dry = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) real = { 0 };
  g_autoptr(IdkStore) reopened = NULL;
  gint64 before = idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions");

  run_cli (&dry, NULL, "--db", fixture->db_path, "plan", "--start", "2019-02-05", "--days", "4", "--city", "Geneva",
           "--dry-run", NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_nonnull (strstr (dry.out, "full-session\t\t29th IASMN session\t2019-02-05\t2019-02-08"));
  g_assert_nonnull (strstr (dry.out, "sg-session\t\tSteering Group, ahead of the 29th IASMN session\t2018-12-25"));
  g_assert_nonnull (strstr (dry.out, "warning\tfull-session-max-days\tThis session lasts 4 days"));
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions"), ==, before);

  run_cli (&usage, NULL, "--db", fixture->db_path, "plan", "--start", "2019-02-05", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  run_cli (&bad, NULL, "--db", fixture->db_path, "plan", "--start", "5 Feb", "--days", "3", "--city", "Geneva", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "field “start_date”"));
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions"), ==, before);

  run_cli (&real, NULL, "--db", fixture->db_path, "plan", "--start", "2019-02-05", "--days", "3", "--city", "Geneva",
           NULL);
  g_assert_cmpint (real.status, ==, 0);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM meetings WHERE number = 29"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/outputs/" path, IdkTestFixture, NULL, set_up, func, idk_test_fixture_tear_down)
  ADD ("ics/ical-js", test_ical_js);
  ADD ("ics/usage", test_ics_usage);
  ADD ("csv/round-trip", test_csv_round_trip);
  ADD ("csv/filters", test_csv_filters);
  ADD ("pdf/documents", test_pdf_documents);
  ADD ("pdf/long-agenda", test_pdf_long_agenda);
  ADD ("pdf/usage", test_print_usage);
  ADD ("plan/cli", test_plan_cli);
#undef ADD

  return g_test_run ();
}
