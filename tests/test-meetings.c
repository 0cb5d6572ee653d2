/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"

/* The calendar: listing meetings by period, type and month; saving a
 * meeting and its agenda with the checks that refuse bad input. */

static void
set_up (IdkTestFixture *fixture,
        gconstpointer   data)
{
  idk_test_fixture_set_up_defaults (fixture, data);
  idk_store_set_today (fixture->store, "2026-11-24");
}

static const char *
text_of (IdkTestFixture *fixture,
         const char     *sql)
{
  return idk_test_keep (idk_test_query_text (fixture->db_path, sql));
}

static guint
count (IdkTestFixture        *fixture,
       const IdkMeetingQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = idk_store_find_meetings (fixture->store, query, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (meetings);
}

static JsonObject *
meeting_fields (IdkTestFixture *fixture,
                const char     *start,
                const char     *end)
{
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (fields, "body", text_of (fixture, "SELECT uuid FROM bodies WHERE acronym = 'SG'"));
  json_object_set_string_member (fields, "type", "sg-session");
  json_object_set_string_member (fields, "title", "Steering Group, Geneva");
  json_object_set_string_member (fields, "start_date", start);
  if (end != NULL)
    json_object_set_string_member (fields, "end_date", end);
  json_object_set_string_member (fields, "city", "Geneva");
  json_object_set_string_member (fields, "status", "planned");
  return fields;
}

static JsonObject *
slot (const char *meeting,
      const char *day,
      const char *start,
      const char *end,
      const char *title)
{
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (fields, "meeting", meeting);
  if (day != NULL)
    json_object_set_string_member (fields, "day", day);
  if (start != NULL)
    json_object_set_string_member (fields, "start_time", start);
  if (end != NULL)
    json_object_set_string_member (fields, "end_time", end);
  json_object_set_string_member (fields, "title", title);
  json_object_set_string_member (fields, "kind", "item");
  return fields;
}

static void
test_query (IdkTestFixture *fixture,
            gconstpointer   data)
{
  IdkMeetingQuery all = { NULL };
  IdkMeetingQuery upcoming = { .period = IDK_PERIOD_UPCOMING };
  IdkMeetingQuery past = { .period = IDK_PERIOD_PAST };
  IdkMeetingQuery steering = { .type = "sg-session" };
  IdkMeetingQuery february_2015 = { .from = "2015-02-01", .to = "2015-02-28" };
  IdkMeetingQuery june_2014 = { .from = "2014-06-01", .to = "2014-06-30" };
  g_autoptr(GListModel) soonest = NULL;
  g_autoptr(IdkMeeting) first = NULL;

  g_assert_cmpuint (count (fixture, &all), ==, 22);
  g_assert_cmpuint (count (fixture, &upcoming), ==, 0);
  g_assert_cmpuint (count (fixture, &past), ==, 22);
  g_assert_cmpuint (count (fixture, &steering), ==, 5);
  /* The 21st session, and the STWG's meeting in Budapest, known only to the year. */
  g_assert_cmpuint (count (fixture, &february_2015), ==, 2);
  /* Known only to the month, the 20th session is in June 2014 all month. */
  g_assert_cmpuint (count (fixture, &june_2014), ==, 1);

  /* Seen from June 2015: upcoming meetings, soonest first. */
  idk_store_set_today (fixture->store, "2015-06-01");
  g_assert_cmpuint (count (fixture, &upcoming), ==, 10);
  soonest = idk_store_find_meetings (fixture->store, &upcoming, NULL);
  /* Known only to the year, the STWG's meeting in Budapest may come first. */
  first = g_list_model_get_item (soonest, 0);
  g_assert_cmpstr (idk_meeting_get_title (first), ==, "Security Training Working Group, Budapest");
  g_clear_object (&first);
  first = g_list_model_get_item (soonest, 1);
  g_assert_cmpstr (idk_meeting_get_title (first), ==, "22nd IASMN session");
}

static void
test_save_checks (IdkTestFixture *fixture,
                  gconstpointer   data)
{
  struct { const char *start, *end, *field, *message; } bad[] = {
    { "2027-05-12", "2027-05-10", "end_date", "cannot end before it starts" },
    { "12 May 2027", NULL, "start_date", "Give a date as" },
    { "2027-05-12", "2027-02-30", "end_date", "Give a date as" },
    { "1900-05-12", NULL, "start_date", "The year 1900 is outside 1945–2100" },
    { "2027-05", "2027-04", "end_date", "cannot end before it starts" },
  };
  gint64 revisions = idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) fields = meeting_fields (fixture, bad[i].start, bad[i].end);
      g_autofree char *uuid = idk_store_save_meeting (fixture->store, NULL, fields, &error);

      g_assert_null (uuid);
      g_assert_true (error->domain == IDK_RECORD_ERROR);
      g_assert_cmpstr (idk_record_error_get_field (error), ==, bad[i].field);
      g_assert_nonnull (strstr (error->message, bad[i].message));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) fields = meeting_fields (fixture, "2027-05-12", NULL);
    g_autofree char *uuid = NULL;

    json_object_set_string_member (fields, "title", "   ");
    uuid = idk_store_save_meeting (fixture->store, NULL, fields, &error);
    g_assert_null (uuid);
    g_assert_error (error, IDK_RECORD_ERROR, IDK_RECORD_ERROR_REQUIRED);
    g_assert_cmpstr (idk_record_error_get_field (error), ==, "title");
  }

  /* Refused means unchanged. */
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions"), ==, revisions);
}

static char *
save_slot (IdkTestFixture  *fixture,
           JsonObject      *fields,
           char           **field,
           GError         **error)
{
  char *uuid = idk_store_save_agenda_item (fixture->store, NULL, fields, error);

  if (field != NULL && error != NULL && *error != NULL)
    *field = g_strdup (idk_record_error_get_field (*error));

  json_object_unref (fields);
  return uuid;
}

static void
test_agenda_checks (IdkTestFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = meeting_fields (fixture, "2027-05-10", "2027-05-11");
  g_autofree char *meeting = idk_store_save_meeting (fixture->store, NULL, fields, &error);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *field = NULL;
  g_autofree char *refused = NULL;
  g_autoptr(JsonObject) edited = NULL;
  g_autofree char *saved = NULL;

  g_assert_no_error (error);

  first = save_slot (fixture, slot (meeting, "2027-05-10", "09:00", "10:30", "Opening"), NULL, &error);
  second = save_slot (fixture, slot (meeting, "2027-05-10", "10:30", "12:00", "Agenda of the 30th session"), NULL, &error);
  third = save_slot (fixture, slot (meeting, "2027-05-11", "09:00", "11:00", "Draft policies"), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (third);

  /* Overlapping slots are refused with the slot they overlap. */
  refused = save_slot (fixture, slot (meeting, "2027-05-10", "10:00", "11:00", "Coffee"), &field, &error);
  g_assert_null (refused);
  g_assert_cmpstr (field, ==, "start_time");
  g_assert_cmpstr (error->message, ==, "10:00–11:00 overlaps “Opening” (09:00–10:30).");
  g_clear_error (&error);
  g_clear_pointer (&field, g_free);

  /* Outside the meeting's days. */
  refused = save_slot (fixture, slot (meeting, "2027-05-12", "09:00", "10:00", "Extra day"), &field, &error);
  g_assert_null (refused);
  g_assert_cmpstr (field, ==, "day");
  g_assert_nonnull (strstr (error->message, "10–11 May 2027"));
  g_clear_error (&error);
  g_clear_pointer (&field, g_free);

  /* Ending before it starts. */
  refused = save_slot (fixture, slot (meeting, "2027-05-11", "12:00", "11:30", "Backwards"), &field, &error);
  g_assert_cmpstr (field, ==, "end_time");
  g_clear_error (&error);
  g_clear_pointer (&field, g_free);

  /* A bad time. */
  refused = save_slot (fixture, slot (meeting, "2027-05-11", "9h", "11:30", "Badly written"), &field, &error);
  g_assert_cmpstr (field, ==, "start_time");
  g_clear_error (&error);
  g_clear_pointer (&field, g_free);

  /* Moving a slot onto its own time is no overlap. */
  edited = idk_store_get_fields (fixture->store, first, NULL, &error);
  json_object_set_string_member (edited, "end_time", "10:15");
  saved = idk_store_save_agenda_item (fixture->store, first, edited, &error);
  g_assert_no_error (error);

  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM agenda_items WHERE title IN "
                                       "('Opening', 'Agenda of the 30th session', 'Draft policies')"), ==, 3);
}

static void
test_move_item (IdkTestFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = meeting_fields (fixture, "2027-05-10", "2027-05-11");
  g_autofree char *meeting = idk_store_save_meeting (fixture->store, NULL, fields, &error);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  JsonObject *item;

  item = slot (meeting, "2027-05-10", NULL, NULL, "First");
  json_object_set_int_member (item, "ordinal", idk_store_next_agenda_ordinal (fixture->store, meeting));
  a = save_slot (fixture, item, NULL, &error);
  item = slot (meeting, "2027-05-10", NULL, NULL, "Second");
  json_object_set_int_member (item, "ordinal", idk_store_next_agenda_ordinal (fixture->store, meeting));
  b = save_slot (fixture, item, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (idk_store_move_agenda_item (fixture->store, b, -1, &error));
  g_assert_cmpstr (text_of (fixture, "SELECT group_concat (title) FROM (SELECT title FROM agenda_items "
                                     "WHERE title IN ('First', 'Second') ORDER BY ordinal)"), ==, "Second,First");

  /* At the top already: nothing moves, and it is no error. */
  g_assert_false (idk_store_move_agenda_item (fixture->store, b, -1, &error));
  g_assert_no_error (error);
}

static void
test_participants (IdkTestFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  const char *meeting = text_of (fixture, "SELECT uuid FROM meetings WHERE number = 28");
  const char *unicef = text_of (fixture, "SELECT uuid FROM organizations WHERE acronym = 'UNICEF'");
  gint64 persons = idk_test_query_int (fixture->db_path, "SELECT count(*) FROM persons");
  g_autofree char *known = idk_store_add_participant (fixture->store, meeting, "Peter Drennan", NULL, "member", &error);
  g_autofree char *added = idk_store_add_participant (fixture->store, meeting, " Amina Diallo ", unicef, "observer", &error);
  g_autofree char *blank = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM persons"), ==, persons + 1);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM participants WHERE meeting = "
                                       "(SELECT uuid FROM meetings WHERE number = 28)"), ==, 2);
  g_assert_cmpstr (text_of (fixture, "SELECT affiliation || '/' || role FROM participants p JOIN persons x "
                                     "ON x.uuid = p.person WHERE x.name = 'Amina Diallo'"), ==, "UNICEF/observer");

  blank = idk_store_add_participant (fixture->store, meeting, "  ", NULL, "member", &error);
  g_assert_null (blank);
  g_assert_error (error, IDK_RECORD_ERROR, IDK_RECORD_ERROR_REQUIRED);
  g_assert_cmpstr (idk_record_error_get_field (error), ==, "name");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define MEETINGS_TEST(path, func) \
  g_test_add (path, IdkTestFixture, NULL, set_up, func, idk_test_fixture_tear_down)

  MEETINGS_TEST ("/meetings/query", test_query);
  MEETINGS_TEST ("/meetings/save-checks", test_save_checks);
  MEETINGS_TEST ("/meetings/agenda-checks", test_agenda_checks);
  MEETINGS_TEST ("/meetings/move-item", test_move_item);
  MEETINGS_TEST ("/meetings/participants", test_participants);

  return g_test_run ();
}
