/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"

/* Writing a report's proposals: twice is once, an edit since is offered
 * as an update, what is rejected or corrected is written so, a refused
 * proposal leaves the database as it was, and Undo takes it all back. */

#define NEW_YORK "iasmn-27th-session-new-york-2018.txt"

/* A seed report, matched to the fixture's database. */
static IdkReport *
read_seed (IdkTestFixture *fixture,
           const char     *name)
{
  g_autoptr(GError) error = NULL;
  IdkReport *report = idk_test_read_seed_report (fixture->store, name);

  idk_store_match_report (fixture->store, report, &error);
  g_assert_no_error (error);
  return report;
}

static IdkReportApplied
apply (IdkTestFixture *fixture,
       IdkReport      *report)
{
  g_autoptr(GError) error = NULL;
  IdkReportApplied applied = { 0 };

  g_assert_true (idk_store_apply_report (fixture->store, report, &applied, &error));
  g_assert_no_error (error);
  return applied;
}

static IdkReportDecision *
decision (IdkReport *report,
          guint      paragraph,
          guint      part)
{
  GPtrArray *decisions = idk_report_get_decisions (report);

  for (guint i = 0; i < decisions->len; i++)
    {
      IdkReportDecision *d = g_ptr_array_index (decisions, i);

      if (d->paragraph == paragraph && d->part == part)
        return d;
    }
  g_assert_not_reached ();
}

static guint
count_state (GPtrArray *proposals,
             gsize      match_offset,
             IdkReportState state)
{
  guint n = 0;

  for (guint i = 0; i < proposals->len; i++)
    n += ((IdkReportMatch *) ((char *) g_ptr_array_index (proposals, i) + match_offset))->state == state;
  return n;
}

/* On an empty database: everything is new, then everything the same. */
static void
test_twice (IdkTestFixture *fixture,
            gconstpointer   data)
{
  g_autoptr(IdkReport) first = read_seed (fixture, NEW_YORK);
  g_autoptr(IdkReport) second = NULL;
  IdkReportApplied applied;
  gint64 revisions;

  g_assert_cmpint (idk_report_get_session (first)->match.state, ==, IDK_REPORT_NEW);
  applied = apply (fixture, first);
  /* The session, its 2 meetings, 62 persons and their participation, 45
   * decisions, 51 agenda items and the 18 papers the agenda cites. */
  g_assert_cmpuint (applied.created, ==, 1 + 2 + 62 + 62 + 45 + 51 + 18);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM agenda_items WHERE parent IS NOT NULL"),
                   ==, idk_test_query_int (fixture->db_path, "SELECT count(*) FROM agenda_items a JOIN agenda_items p "
                                                             "ON p.uuid = a.parent AND p.meeting = a.meeting"));
  g_assert_cmpuint (applied.updated, ==, 0);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions"), ==, 45);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM participants "
                                                         "WHERE role = 'observer'"), ==, 4);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (fixture->db_path, "SELECT start_date || ' ' || end_date "
                                                                         "|| ' ' || city FROM meetings "
                                                                         "WHERE number = 28")),
                   ==, "2018-06-19 2018-06-21 Montreux");
  /* A decision due at a meeting of the report's own calendar is due at the record made for it. */
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions a JOIN meetings m "
                                                         "ON m.uuid = a.due_meeting WHERE m.number = 28"), ==, 1);
  revisions = idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions");

  second = read_seed (fixture, NEW_YORK);
  g_assert_cmpint (idk_report_get_session (second)->match.state, ==, IDK_REPORT_SAME);
  g_assert_cmpuint (count_state (idk_report_get_decisions (second), G_STRUCT_OFFSET (IdkReportDecision, match),
                                 IDK_REPORT_SAME), ==, 45);
  g_assert_cmpuint (count_state (idk_report_get_participants (second),
                                 G_STRUCT_OFFSET (IdkReportParticipant, match), IDK_REPORT_SAME), ==, 62);
  applied = apply (fixture, second);
  g_assert_cmpuint (applied.created, ==, 0);
  g_assert_cmpuint (applied.updated, ==, 0);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions"), ==, revisions);
}

/* A decision edited in the app since is offered as an update, and only it. */
static void
test_edited_since (IdkTestFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(IdkReport) first = read_seed (fixture, NEW_YORK);
  g_autoptr(IdkReport) again = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  const char *uuid;
  IdkReportApplied applied;

  apply (fixture, first);
  uuid = decision (first, 33, 2)->match.existing;
  fields = idk_store_get_fields (fixture->store, uuid, NULL, &error);
  g_assert_no_error (error);
  json_object_set_string_member (fields, "text", "Decided that the RMT will remain in use.");
  saved = idk_store_save (fixture->store, "action", uuid, fields, &error);
  g_assert_no_error (error);

  again = read_seed (fixture, NEW_YORK);
  g_assert_cmpuint (count_state (idk_report_get_decisions (again), G_STRUCT_OFFSET (IdkReportDecision, match),
                                 IDK_REPORT_UPDATE), ==, 1);
  g_assert_cmpint (decision (again, 33, 2)->match.state, ==, IDK_REPORT_UPDATE);
  g_assert_cmpstr (decision (again, 33, 2)->match.existing, ==, uuid);
  /* What the update changes: the text, and only it. */
  g_assert_cmpstrv (decision (again, 33, 2)->match.changed, ((const char *[]) { "text", NULL }));
  applied = apply (fixture, again);
  g_assert_cmpuint (applied.updated, ==, 1);
  g_assert_cmpuint (applied.created, ==, 0);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (fixture->db_path, "SELECT text FROM actions "
                                                                         "WHERE reference = '27/33b'")),
                   ==, decision (again, 33, 2)->text);
}

/* One decision rejected, one owner corrected: written so. */
static void
test_reject_and_correct (IdkTestFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(IdkReport) report = read_seed (fixture, NEW_YORK);
  g_autofree char *dro = idk_store_find_organization (fixture->store, "DRO");
  IdkReportDecision *rejected = decision (report, 64, 0);
  IdkReportDecision *corrected = decision (report, 40, 0);
  IdkReportApplied applied;

  g_autoptr(GError) error = NULL;
  g_autofree char *owners = NULL;

  rejected->match.rejected = TRUE;
  g_assert_cmpuint (corrected->owners->len, ==, 0);
  /* A name the store does not know: refused at the field, nothing changed. */
  g_assert_false (idk_report_decision_set_owners (report, corrected, "DRO, Ministry of Magic", &error));
  g_assert_error (error, IDK_REPORT_ERROR, IDK_REPORT_ERROR_UNKNOWN_NAME);
  g_assert_nonnull (strstr (error->message, "Ministry of Magic"));
  g_assert_cmpuint (corrected->owners->len, ==, 0);
  g_clear_error (&error);
  /* By acronym, in any case, or by alias: "Division of Regional Operations", "UNDSS/DRO". */
  g_assert_true (idk_report_decision_set_owners (report, corrected, "dro, UNDSS/DRO", &error));
  g_assert_no_error (error);
  owners = idk_report_decision_get_owners_text (corrected);
  g_assert_cmpstr (owners, ==, "DRO");
  g_assert_cmpstr (((IdkReportName *) g_ptr_array_index (corrected->owners, 0))->uuid, ==, dro);
  applied = apply (fixture, report);
  g_assert_cmpuint (applied.rejected, ==, 1);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions WHERE meeting = "
                                                         "(SELECT uuid FROM meetings WHERE number = 27)"), ==, 47);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (fixture->db_path,
                                                       "SELECT group_concat (l.label) FROM action_owner_labels l "
                                                       "JOIN actions a ON a.uuid = l.action WHERE a.reference = '27/40'")),
                   ==, "DRO");
}

/* A proposal the record type refuses: an error naming the field, nothing written. */
static void
test_refused (IdkTestFixture *fixture,
              gconstpointer   data)
{
  g_autoptr(IdkReport) report = read_seed (fixture, NEW_YORK);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = idk_test_file_content_checksum (fixture->db_path);
  g_autofree char *after = NULL;
  IdkReportApplied applied = { 0 };
  IdkReportDecision *d = decision (report, 98, 0);

  g_free (d->kind);
  d->kind = g_strdup ("promise");
  g_assert_false (idk_store_apply_report (fixture->store, report, &applied, &error));
  g_assert_error (error, IDK_RECORD_ERROR, IDK_RECORD_ERROR_UNKNOWN_VALUE);
  g_assert_cmpstr (idk_record_error_get_field (error), ==, "kind");
  g_assert_true (g_str_has_prefix (error->message, "Decision 27/98: "));
  after = idk_test_file_content_checksum (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
  /* What the rolled-back transaction made is new again. */
  g_assert_cmpint (idk_report_get_session (report)->match.state, ==, IDK_REPORT_NEW);
  g_assert_null (idk_report_get_session (report)->match.existing);
  g_assert_cmpint (decision (report, 4, 0)->match.state, ==, IDK_REPORT_NEW);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions"), ==, 0);
}

/* Undo takes back the whole import. */
static void
test_undo (IdkTestFixture *fixture,
           gconstpointer   data)
{
  g_autoptr(IdkReport) report = read_seed (fixture, NEW_YORK);
  g_autoptr(IdkChange) change = NULL;
  g_autoptr(GError) error = NULL;

  apply (fixture, report);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM participants"), ==, 62);
  change = idk_store_take_last_change (fixture->store);
  g_assert_nonnull (change);
  g_assert_true (idk_store_undo (fixture->store, change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM participants"), ==, 0);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions"), ==, 0);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM persons"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  IDK_TEST_ADD_EMPTY ("/report-apply/twice", test_twice);
  IDK_TEST_ADD_DEFAULTS ("/report-apply/edited-since", test_edited_since);
  IDK_TEST_ADD_DEFAULTS ("/report-apply/reject-and-correct", test_reject_and_correct);
  IDK_TEST_ADD_EMPTY ("/report-apply/refused", test_refused);
  IDK_TEST_ADD_EMPTY ("/report-apply/undo", test_undo);
  return g_test_run ();
}
