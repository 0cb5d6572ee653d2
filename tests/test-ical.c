/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libical/ical.h>

#include "idk-test-util.h"

/* The iCalendar export read back with libical and compared with the
 * store, field by field; the rules of RFC 5545 the clients depend on
 * (CRLF, 75-octet lines, exclusive DTEND, stable UID, SEQUENCE). */

static void
set_up (IdkTestFixture *fixture,
        gconstpointer   data)
{
  idk_test_fixture_set_up_defaults (fixture, data);
}

static char *
make (IdkTestFixture       *fixture,
      const IdkIcalOptions *options,
      guint                *n_events,
      GPtrArray           **notes)
{
  g_autoptr(GError) error = NULL;
  char *text = idk_store_make_ical (fixture->store, options, n_events, notes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static void
assert_lines (const char *text)
{
  const char *line = text;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  while (*line)
    {
      const char *end = strstr (line, "\r\n");

      g_assert_nonnull (end);
      g_assert_cmpint (end - line, <=, 75);
      /* No bare LF inside a line. */
      g_assert_null (memchr (line, '\n', end - line));
      /* A fold never splits a UTF-8 character: a continuation line does
       * not start inside one. */
      if (*line == ' ')
        g_assert_false ((line[1] & 0xC0) == 0x80);
      line = end + 2;
    }
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *uid)
{
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (c), uid) == 0)
      return c;
  return NULL;
}

static char *
date_text (struct icaltimetype t)
{
  return g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);
}

static void
test_every_meeting (IdkTestFixture *fixture,
                    gconstpointer   data)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  icalcomponent *calendar;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint n_events = 0, compared = 0;

  text = make (fixture, NULL, &n_events, &notes);
  assert_lines (text);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, n_events);

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT uuid, title, start_date, coalesce (end_date, start_date), status, "
                                           "(SELECT count(*) FROM revisions r WHERE r.record_uuid = m.uuid) "
                                           "FROM meetings m", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *start = (const char *) sqlite3_column_text (stmt, 2);
      const char *end = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *uid = idk_meeting_ical_uid ((const char *) sqlite3_column_text (stmt, 0));
      icalcomponent *event = find_event (calendar, uid);
      g_autofree char *dtstart = NULL;
      g_autofree char *dtend = NULL;
      g_autoptr(GDate) after = NULL;
      char expected_end[11];

      if (strlen (start) != 10 || strlen (end) != 10)
        {
          /* Known to the month or year: left out, with a note. */
          g_assert_null (event);
          continue;
        }
      g_assert_nonnull (event);
      g_assert_cmpstr (icalcomponent_get_summary (event), ==, (const char *) sqlite3_column_text (stmt, 1));
      g_assert_true (icalcomponent_get_dtstart (event).is_date);
      dtstart = date_text (icalcomponent_get_dtstart (event));
      g_assert_cmpstr (dtstart, ==, start);
      /* All-day DTEND is the day after the last day. */
      after = g_date_new ();
      g_date_set_parse (after, end);
      g_date_add_days (after, 1);
      g_date_strftime (expected_end, sizeof expected_end, "%Y-%m-%d", after);
      dtend = date_text (icalcomponent_get_dtend (event));
      g_assert_cmpstr (dtend, ==, expected_end);
      g_assert_cmpint (icalcomponent_get_sequence (event), ==, sqlite3_column_int (stmt, 5) - 1);
      g_assert_cmpint (icalcomponent_get_status (event), ==,
                       g_str_equal ((const char *) sqlite3_column_text (stmt, 4), "cancelled") ? ICAL_STATUS_CANCELLED
                       : g_str_equal ((const char *) sqlite3_column_text (stmt, 4), "planned") ? ICAL_STATUS_TENTATIVE
                       : ICAL_STATUS_CONFIRMED);
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY));
      g_assert_true (icalproperty_get_dtstamp (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY)).zone
                     == icaltimezone_get_utc_timezone ());
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_LASTMODIFIED_PROPERTY));
      compared++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpuint (compared, ==, n_events);
  g_assert_cmpuint (compared, >=, 10);
  g_assert_cmpuint (notes->len, ==, 22 - compared);
  icalcomponent_free (calendar);
}

static char *
save_meeting (IdkTestFixture *fixture,
              const char     *uuid,
              const char     *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  char *saved;

  json_object_set_string_member (fields, "type", "ad-hoc");
  json_object_set_string_member (fields, "title", title);
  json_object_set_string_member (fields, "start_date", "2027-03-30");
  json_object_set_string_member (fields, "end_date", "2027-04-01");
  json_object_set_string_member (fields, "city", "Genève");
  json_object_set_string_member (fields, "venue", "Palais des Nations, salle XX; étage 3");
  json_object_set_string_member (fields, "status", "confirmed");
  saved = idk_store_save_meeting (fixture->store, uuid, fields, &error);
  g_assert_no_error (error);
  return saved;
}

static icalcomponent *
only_event (IdkTestFixture *fixture,
            const char     *meeting,
            icalcomponent **calendar)
{
  IdkIcalOptions options = { .meeting = meeting };
  g_autofree char *text = make (fixture, &options, NULL, NULL);
  icalcomponent *event;

  assert_lines (text);
  *calendar = icalparser_parse_string (text);
  g_assert_nonnull (*calendar);
  event = icalcomponent_get_first_component (*calendar, ICAL_VEVENT_COMPONENT);
  g_assert_nonnull (event);
  g_assert_null (icalcomponent_get_next_component (*calendar, ICAL_VEVENT_COMPONENT));
  return event;
}

static void
test_sequence_and_cancel (IdkTestFixture *fixture,
                          gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_title = g_strnfill (150, 'e');
  g_autofree char *title = g_strdup_printf ("Réunion, « spéciale »; %s", long_title);
  g_autofree char *uuid = save_meeting (fixture, NULL, "Réunion");
  g_autofree char *again = NULL;
  g_autofree char *third = NULL;
  g_autofree char *uid = idk_meeting_ical_uid (uuid);
  icalcomponent *calendar, *event;

  event = only_event (fixture, uuid, &calendar);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 0);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
  icalcomponent_free (calendar);

  again = save_meeting (fixture, uuid, "Réunion, deuxième");
  third = save_meeting (fixture, uuid, title);
  event = only_event (fixture, uuid, &calendar);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 2);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
  /* Commas, semicolons, accents and a long line come back as written. */
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, title);
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "Palais des Nations, salle XX; étage 3, Genève");
  icalcomponent_free (calendar);

  g_assert_true (idk_store_cancel_meeting (fixture->store, uuid, &error));
  g_assert_no_error (error);
  event = only_event (fixture, uuid, &calendar);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 3);
  icalcomponent_free (calendar);
}

static void
test_months_and_filters (IdkTestFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *all = NULL;
  g_autofree char *with_months = NULL;
  g_autofree char *sg = NULL;
  IdkIcalOptions months = { .include_months = TRUE };
  IdkIcalOptions sg_only = { .type = "sg-session", .from = "2015-01-01", .to = "2015-12-31" };
  guint n_all, n_months, n_sg;
  icalcomponent *calendar, *event;
  g_autofree char *uid = NULL;
  g_autofree char *dakar = idk_test_query_text (fixture->db_path, "SELECT uuid FROM meetings WHERE title = 'Steering Group, Dakar'");

  all = make (fixture, NULL, &n_all, &notes);
  with_months = make (fixture, &months, &n_months, NULL);
  g_assert_cmpuint (n_months, >, n_all);
  g_assert_true (notes->len > 0);
  g_assert_nonnull (strstr (g_ptr_array_index (notes, 0), "known only to the month"));

  /* A month's meeting covers the month, as all-day dates. */
  calendar = icalparser_parse_string (with_months);
  uid = idk_meeting_ical_uid (dakar);
  event = find_event (calendar, uid);
  g_assert_nonnull (event);
  g_assert_cmpint (icalcomponent_get_dtstart (event).day, ==, 1);
  g_assert_cmpint (icalcomponent_get_dtend (event).month, ==, 12);
  g_assert_cmpint (icalcomponent_get_dtend (event).day, ==, 1);
  icalcomponent_free (calendar);

  sg = make (fixture, &sg_only, &n_sg, NULL);
  g_assert_cmpuint (n_sg, ==, 2);  /* Bogota and Arusha */
}

static void
test_bad_time_zone (IdkTestFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *uuid = NULL;
  gint64 before = idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions");

  json_object_set_string_member (fields, "type", "ad-hoc");
  json_object_set_string_member (fields, "title", "Zoned");
  json_object_set_string_member (fields, "start_date", "2027-03-30");
  json_object_set_string_member (fields, "status", "planned");
  json_object_set_string_member (fields, "time_zone", "Europe/Atlantis");
  uuid = idk_store_save_meeting (fixture->store, NULL, fields, &error);
  g_assert_null (uuid);
  g_assert_cmpstr (idk_record_error_get_field (error), ==, "time_zone");
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions"), ==, before);

  g_clear_error (&error);
  json_object_set_string_member (fields, "time_zone", "Europe/Zurich");
  uuid = idk_store_save_meeting (fixture->store, NULL, fields, &error);
  g_assert_no_error (error);
}

static void
test_timed_days (IdkTestFixture *fixture,
                 gconstpointer   data)
{
  IdkIcalOptions options = { .timed_days = TRUE };
  g_autofree char *text = make (fixture, &options, NULL, NULL);
  g_autofree char *meeting = idk_store_find_meeting (fixture->store, "27");
  g_autofree char *uid = g_strdup_printf ("%s-2018_02_06@iasmn-desk", meeting);
  icalcomponent *calendar = icalparser_parse_string (text);
  icalcomponent *event = find_event (calendar, uid);
  icalproperty *start;
  gboolean zone_found = FALSE;

  g_assert_nonnull (event);
  start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  g_assert_cmpstr (icalparameter_get_tzid (icalproperty_get_first_parameter (start, ICAL_TZID_PARAMETER)), ==,
                   "America/New_York");
  g_assert_cmpint (icalcomponent_get_dtstart (event).hour, ==, 9);
  g_assert_cmpint (icalcomponent_get_dtend (event).hour, ==, 17);
  g_assert_cmpint (icalcomponent_get_dtend (event).minute, ==, 30);

  for (icalcomponent *z = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT); z != NULL;
       z = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    if (g_strcmp0 (icalproperty_get_tzid (icalcomponent_get_first_property (z, ICAL_TZID_PROPERTY)),
                   "America/New_York") == 0)
      zone_found = TRUE;
  g_assert_true (zone_found);
  icalcomponent_free (calendar);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/ical/" path, IdkTestFixture, NULL, set_up, func, idk_test_fixture_tear_down)
  ADD ("every-meeting", test_every_meeting);
  ADD ("sequence-and-cancel", test_sequence_and_cancel);
  ADD ("months-and-filters", test_months_and_filters);
  ADD ("timed-days", test_timed_days);
  ADD ("bad-time-zone", test_bad_time_zone);
#undef ADD

  return g_test_run ();
}
