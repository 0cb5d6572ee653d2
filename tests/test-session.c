/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"

/* The session cycle in the core: planning with its checks, agenda timing,
 * the paper register, and the review of the previous session's actions
 * with carry-over, on the default data and on crafted sessions. */

static void
set_up (IdkTestFixture *fixture,
        gconstpointer   data)
{
  idk_test_fixture_set_up_defaults (fixture, data);
  idk_store_set_today (fixture->store, "2018-06-01");
}

static gint64
revisions (IdkTestFixture *fixture)
{
  return idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions");
}

static char *
meeting_of (IdkTestFixture *fixture,
            const char     *number)
{
  char *uuid = idk_store_find_meeting (fixture->store, number);

  g_assert_nonnull (uuid);
  return uuid;
}

static gboolean
has_warning (GListModel *warnings,
             const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (warnings); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (warnings, i);

      if (g_strcmp0 (idk_entry_get_kind (entry), code) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_warning_text (GListModel *warnings,
                  const char *part)
{
  for (guint i = 0; i < g_list_model_get_n_items (warnings); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (warnings, i);

      if (strstr (idk_entry_get_title (entry), part) != NULL)
        return TRUE;
    }
  return FALSE;
}

#define NO_SG_AHEAD "No Steering Group session is planned between the previous full session and this one."

static void
test_default_lead (IdkTestFixture *fixture,
                   gconstpointer   data)
{
  /* Bogota 12 May → Montreux 23 June 2015, Arusha → New York, Istanbul
   * 8 May → Montreux 19 June 2018: the median is six weeks. */
  g_assert_cmpint (idk_store_default_sg_lead_weeks (fixture->store), ==, 6);
}

static void
test_plan_dry_run (IdkTestFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkPlanResult) result = NULL;
  IdkSessionPlan plan = { "2019-02-05", 4, "Geneva", "Switzerland", -1, NULL };
  gint64 before = revisions (fixture);

  result = idk_store_plan_session (fixture->store, &plan, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->number, ==, 29);
  g_assert_cmpstr (result->session_title, ==, "29th IASMN session");
  g_assert_cmpstr (result->session_end, ==, "2019-02-08");
  g_assert_cmpint (result->sg_lead_weeks, ==, 6);
  g_assert_cmpstr (result->sg_start, ==, "2018-12-25");
  g_assert_cmpstr (result->sg_end, ==, "2018-12-26");
  /* Four days is one too many since 2015, and 2019 has one session so far. */
  g_assert_true (has_warning (result->warnings, "full-session-max-days"));
  g_assert_true (has_warning (result->warnings, "iasmn-meets-twice-a-year"));
  g_assert_false (has_warning_text (result->warnings, NO_SG_AHEAD));
  /* Nothing written. */
  g_assert_cmpint (revisions (fixture), ==, before);
  g_assert_null (idk_store_find_meeting (fixture->store, "29"));
}

static void
test_plan_sg_too_late (IdkTestFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkPlanResult) first = NULL;
  g_autoptr(IdkPlanResult) second = NULL;
  /* The SG ToR apply from June 2020.  A session two weeks after another,
   * with its SG three weeks ahead, has no SG session between the two. */
  IdkSessionPlan a = { "2030-02-05", 3, "Vienna", NULL, -1, NULL };
  IdkSessionPlan b = { "2030-02-19", 3, "Vienna", NULL, 3, NULL };

  first = idk_store_plan_session (fixture->store, &a, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (has_warning_text (first->warnings, NO_SG_AHEAD));
  second = idk_store_plan_session (fixture->store, &b, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->sg_start, ==, "2030-01-29");
  g_assert_cmpint (second->number, ==, 30);
  g_assert_true (has_warning_text (second->warnings, NO_SG_AHEAD));
}

static void
test_plan_writes (IdkTestFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkPlanResult) result = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(IdkEntry) first = NULL;
  g_autoptr(GListModel) sg_agenda = NULL;
  g_autoptr(IdkEntry) sg_first = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *found = NULL;
  g_autofree char *type = NULL;
  IdkSessionPlan plan = { "2019-02-05", 3, "Geneva", "Switzerland", -1, "Rome" };

  result = idk_store_plan_session (fixture->store, &plan, FALSE, &error);
  g_assert_no_error (error);
  found = idk_store_find_meeting (fixture->store, "29");
  g_assert_cmpstr (found, ==, result->session_uuid);

  fields = idk_store_get_fields (fixture->store, result->session_uuid, &type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (idk_fields_get_text (fields, "status"), ==, "planned");
  g_assert_cmpstr (idk_fields_get_text (fields, "time_zone"), ==, "Europe/Zurich");
  g_assert_cmpint (json_object_get_int_member (fields, "number"), ==, 29);

  agenda = idk_store_list_agenda (fixture->store, result->session_uuid, &error);
  g_assert_no_error (error);
  /* The review, then an end-of-day marker for each of the three days. */
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 4);
  first = g_list_model_get_item (agenda, 0);
  g_assert_nonnull (strstr (idk_entry_get_title (first), "Review of the actions of the 28th IASMN session"));

  sg_agenda = idk_store_list_agenda (fixture->store, result->sg_uuid, &error);
  g_assert_no_error (error);
  sg_first = g_list_model_get_item (sg_agenda, 0);
  g_assert_nonnull (strstr (idk_entry_get_title (sg_first), "Review of the actions"));
  g_assert_cmpstr (result->sg_title, ==, "Steering Group, Rome");

  /* One change, undone as one. */
  {
    g_autoptr(IdkChange) change = idk_store_take_last_change (fixture->store);

    g_assert_nonnull (change);
    g_assert_true (idk_store_undo (fixture->store, change, &error));
    g_assert_no_error (error);
    g_assert_null (idk_store_find_meeting (fixture->store, "29"));
  }
}

static void
test_plan_refused (IdkTestFixture *fixture,
                   gconstpointer   data)
{
  static const struct { IdkSessionPlan plan; const char *field; } cases[] = {
    { { "2019-02", 3, "Geneva", NULL, -1, NULL }, "start_date" },
    { { "2019-02-30", 3, "Geneva", NULL, -1, NULL }, "start_date" },
    { { "2019-02-05", 0, "Geneva", NULL, -1, NULL }, "days" },
    { { "2019-02-05", 3, "  ", NULL, -1, NULL }, "city" },
    { { "2019-02-05", 3, "Geneva", NULL, 60, NULL }, "sg_lead_weeks" },
  };
  gint64 before = revisions (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IdkPlanResult) result = idk_store_plan_session (fixture->store, &cases[i].plan, FALSE, &error);

      g_assert_null (result);
      g_assert_error (error, IDK_RECORD_ERROR, IDK_RECORD_ERROR_RULE);
      g_assert_cmpstr (idk_record_error_get_field (error), ==, cases[i].field);
    }
  g_assert_cmpint (revisions (fixture), ==, before);
}

/* --- agenda timing ----------------------------------------------------- */

static char *
add_meeting (IdkTestFixture *fixture,
             const char     *start,
             const char     *end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  char *uuid;

  json_object_set_string_member (fields, "type", "ad-hoc");
  json_object_set_string_member (fields, "title", "Crafted meeting");
  json_object_set_string_member (fields, "start_date", start);
  json_object_set_string_member (fields, "end_date", end);
  json_object_set_string_member (fields, "status", "planned");
  uuid = idk_store_save_meeting (fixture->store, NULL, fields, &error);
  g_assert_no_error (error);
  return uuid;
}

/* Written with the plain save, as an import would: two slots may overlap. */
static void
add_slot (IdkTestFixture *fixture,
          const char     *meeting,
          const char     *day,
          const char     *start,
          const char     *end,
          const char     *kind,
          const char     *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *uuid = NULL;

  json_object_set_string_member (fields, "meeting", meeting);
  json_object_set_string_member (fields, "day", day);
  json_object_set_string_member (fields, "start_time", start);
  if (end != NULL)
    json_object_set_string_member (fields, "end_time", end);
  json_object_set_string_member (fields, "kind", kind);
  json_object_set_string_member (fields, "title", title);
  uuid = idk_store_save (fixture->store, "agenda_item", NULL, fields, &error);
  g_assert_no_error (error);
}

static IdkAgendaDay *
day_of (GPtrArray  *days,
        const char *day)
{
  for (guint i = 0; i < days->len; i++)
    if (g_str_equal (((IdkAgendaDay *) g_ptr_array_index (days, i))->day, day))
      return g_ptr_array_index (days, i);
  g_assert_not_reached ();
}

static gboolean
has_text (GPtrArray  *lines,
          const char *part)
{
  for (guint i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_timing (IdkTestFixture *fixture,
             gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *meeting = add_meeting (fixture, "2027-03-01", "2027-03-02");
  IdkAgendaDay *day;
  gint64 items;

  add_slot (fixture, meeting, "2027-03-01", "09:00", "10:00", "item", "Opening");
  add_slot (fixture, meeting, "2027-03-01", "10:00", "10:30", "break", "Break");
  add_slot (fixture, meeting, "2027-03-01", "10:45", "12:00", "item", "Policy");
  add_slot (fixture, meeting, "2027-03-01", "11:30", "12:30", "item", "Training");
  add_slot (fixture, meeting, "2027-03-01", "12:30", "18:00", "item", "Long afternoon");

  days = idk_store_time_agenda (fixture->store, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  day = day_of (days, "2027-03-01");
  g_assert_true (day->end_is_default);
  g_assert_cmpint (day->planned_end, ==, 17 * 60 + 30);
  g_assert_cmpint (day->first_start, ==, 9 * 60);
  g_assert_cmpint (day->last_end, ==, 18 * 60);
  /* 60 + 75 + 60 + 330 minutes of items, 30 of breaks. */
  g_assert_cmpint (day->item_minutes, ==, 525);
  g_assert_cmpint (day->break_minutes, ==, 30);
  g_assert_cmpint (((IdkAgendaSlot *) g_ptr_array_index (day->slots, 0))->running_total, ==, 60);
  g_assert_cmpint (((IdkAgendaSlot *) g_ptr_array_index (day->slots, 2))->running_total, ==, 135);
  g_assert_true (has_text (day->warnings, "Nothing is planned from 10:30 to 10:45 (15 min)."));
  g_assert_true (has_text (day->warnings, "“Training” (11:30–12:30) overlaps “Policy” (10:45–12:00)."));
  g_assert_true (has_text (day->warnings, "The day runs until 18:00, 30 min past its planned end (17:30)."));
  g_assert_cmpuint (day_of (days, "2027-03-02")->slots->len, ==, 0);

  /* A later planned end takes the overrun away; set twice, one marker. */
  g_assert_true (idk_store_set_day_end (fixture->store, meeting, "2027-03-01", "18:15", &error));
  g_assert_no_error (error);
  items = idk_test_query_int (fixture->db_path, "SELECT count(*) FROM agenda_items");
  g_assert_true (idk_store_set_day_end (fixture->store, meeting, "2027-03-01", "18:30", &error));
  g_assert_no_error (error);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM agenda_items"), ==, items);
  again = idk_store_time_agenda (fixture->store, meeting, &error);
  g_assert_no_error (error);
  day = day_of (again, "2027-03-01");
  g_assert_false (day->end_is_default);
  g_assert_cmpint (day->planned_end, ==, 18 * 60 + 30);
  g_assert_false (has_text (day->warnings, "past its planned end"));
}

static void
test_day_end_refused (IdkTestFixture *fixture,
                      gconstpointer   data)
{
  g_autofree char *meeting = add_meeting (fixture, "2027-03-01", "2027-03-02");
  gint64 before = revisions (fixture);
  static const char * const bad[][2] = { { "2027-03-01", "25:00" }, { "2027-03-01", "5pm" }, { "2027-04-01", "17:00" } };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (idk_store_set_day_end (fixture->store, meeting, bad[i][0], bad[i][1], &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (idk_record_error_get_field (error), ==, "planned_end");
    }
  g_assert_cmpint (revisions (fixture), ==, before);
}

static void
test_seed_timing (IdkTestFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting = meeting_of (fixture, "27");
  g_autoptr(GPtrArray) days = idk_store_time_agenda (fixture->store, meeting, &error);
  IdkAgendaDay *last;

  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 3);
  /* The last day closes at 14:30, as the report's agenda says. */
  last = day_of (days, "2018-02-08");
  g_assert_cmpint (last->planned_end, ==, 14 * 60 + 30);
  g_assert_cmpint (last->last_end, ==, 14 * 60 + 30);
  g_assert_cmpuint (last->warnings->len, ==, 0);
}

/* --- papers ------------------------------------------------------------ */

static void
add_document (IdkTestFixture *fixture,
              const char     *meeting,
              const char     *symbol,
              int             number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *uuid = NULL;

  json_object_set_string_member (fields, "meeting", meeting);
  json_object_set_string_member (fields, "symbol", symbol);
  json_object_set_int_member (fields, "number", number);
  json_object_set_string_member (fields, "title", symbol);
  uuid = idk_store_save (fixture->store, "document", NULL, fields, &error);
  g_assert_no_error (error);
}

static void
test_papers (IdkTestFixture *fixture,
             gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkPaperRegister) reg = NULL;
  g_autoptr(IdkPaperRegister) after = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *meeting = add_meeting (fixture, "2027-03-01", "2027-03-02");
  g_autofree char *paper = NULL;
  g_autofree char *refused = NULL;
  gint64 before;

  add_document (fixture, meeting, "CRP 1", 1);
  add_document (fixture, meeting, "CRP 2", 2);
  add_document (fixture, meeting, "CRP 2", 2);
  add_document (fixture, meeting, "CRP 1 Annex B", 1);
  add_slot (fixture, meeting, "2027-03-01", "09:00", "10:00", "item", "Cited");
  {
    g_autoptr(JsonObject) fields = json_object_new ();
    g_autofree char *uuid = NULL;

    json_object_set_string_member (fields, "meeting", meeting);
    json_object_set_string_member (fields, "title", "Item citing CRP 5");
    json_object_set_string_member (fields, "crp", "CRP 5");
    json_object_set_string_member (fields, "kind", "item");
    uuid = idk_store_save (fixture->store, "agenda_item", NULL, fields, &error);
    g_assert_no_error (error);
  }

  reg = idk_store_list_papers (fixture->store, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reg->next_free, ==, 6);
  g_assert_cmpuint (reg->gaps->len, ==, 2);
  g_assert_cmpint (g_array_index (reg->gaps, int, 0), ==, 3);
  g_assert_cmpint (g_array_index (reg->gaps, int, 1), ==, 4);
  /* An annex shares its paper's number without repeating it. */
  g_assert_cmpuint (reg->repeats->len, ==, 1);
  g_assert_cmpint (g_array_index (reg->repeats, int, 0), ==, 2);
  lines = idk_paper_register_describe (reg);
  g_assert_true (has_text (lines, "CRPs 3 and 4 are missing from the sequence."));
  g_assert_true (has_text (lines, "Two documents are numbered CRP 2."));

  paper = idk_store_add_paper (fixture->store, meeting, 0, "New paper", &error);
  g_assert_no_error (error);
  after = idk_store_list_papers (fixture->store, meeting, &error);
  g_assert_cmpint (after->next_free, ==, 7);

  before = revisions (fixture);
  refused = idk_store_add_paper (fixture->store, meeting, 1, "Again", &error);
  g_assert_null (refused);
  g_assert_cmpstr (idk_record_error_get_field (error), ==, "number");
  g_assert_nonnull (strstr (error->message, "the next free number is 7"));
  g_assert_cmpint (revisions (fixture), ==, before);
}

static void
test_seed_papers (IdkTestFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting = meeting_of (fixture, "21");
  g_autoptr(IdkPaperRegister) reg = idk_store_list_papers (fixture->store, meeting, &error);

  g_assert_no_error (error);
  /* The 21st session's papers run to CRP 16; 1, 2, 14 and 15 are not in
   * the report. */
  g_assert_cmpint (reg->next_free, ==, 17);
  g_assert_cmpuint (reg->gaps->len, ==, 4);
}

/* --- review ------------------------------------------------------------ */

static void
test_seed_review (IdkTestFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting = meeting_of (fixture, "28");
  g_autoptr(IdkReview) review = idk_store_review_session (fixture->store, meeting, &error);
  g_autofree char *summary = NULL;
  gint64 all, noting;

  g_assert_no_error (error);
  g_assert_cmpstr (review->session_title, ==, "27th IASMN session");
  all = idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions a JOIN meetings m ON m.uuid = a.meeting "
                                              "WHERE m.number = 27");
  noting = idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions a JOIN meetings m ON m.uuid = a.meeting "
                                                 "WHERE m.number = 27 AND a.kind = 'noting'");
  g_assert_cmpint (all, ==, 47);
  g_assert_cmpint (noting, ==, 8);
  g_assert_cmpuint (review->total, ==, all - noting);
  g_assert_cmpuint (review->open->len, ==, all - noting);
  g_assert_cmpuint (((IdkStatusCount *) g_ptr_array_index (review->by_status, 0))->count, ==, all - noting);
  summary = idk_review_summary (review);
  g_assert_cmpstr (summary, ==, "0 of 39 completed, 0 %");
}

static void
test_review_no_previous (IdkTestFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = idk_test_query_text (fixture->db_path, "SELECT uuid FROM meetings WHERE type = 'full-session' "
                                                                  "ORDER BY start_date LIMIT 1");
  g_autoptr(IdkReview) review = idk_store_review_session (fixture->store, first, &error);

  g_assert_null (review);
  g_assert_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND);
}

/* A session of 34 actions: 2 noting, 15 of the others completed, 3 in
 * progress, 1 cancelled, owners UNHCR and WFP in turn. */
static char *
craft_session (IdkTestFixture *fixture,
               const char     *start,
               int             number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *unhcr = idk_store_find_organization (fixture->store, "UNHCR");
  g_autofree char *wfp = idk_store_find_organization (fixture->store, "WFP");
  char *session;

  json_object_set_string_member (fields, "type", "full-session");
  json_object_set_string_member (fields, "title", "Crafted session");
  json_object_set_int_member (fields, "number", number);
  json_object_set_string_member (fields, "start_date", start);
  json_object_set_string_member (fields, "status", "held");
  session = idk_store_save_meeting (fixture->store, NULL, fields, &error);
  g_assert_no_error (error);

  for (int i = 1; i <= 34; i++)
    {
      g_autoptr(JsonObject) action = json_object_new ();
      g_autoptr(JsonArray) owners = json_array_new ();
      g_autofree char *reference = g_strdup_printf ("%d/%d", number, i);
      g_autofree char *uuid = NULL;
      const char *status = i <= 15 ? "completed" : i <= 18 ? "in-progress" : i == 19 ? "cancelled" : "open";

      json_array_add_string_element (owners, i % 2 ? unhcr : wfp);
      json_object_set_string_member (action, "meeting", session);
      json_object_set_string_member (action, "reference", reference);
      json_object_set_int_member (action, "paragraph", i);
      json_object_set_string_member (action, "text", "Crafted action");
      json_object_set_string_member (action, "kind", i > 32 ? "noting" : "request");
      json_object_set_string_member (action, "status", i > 32 ? "open" : status);
      json_object_set_array_member (action, "owners", g_steal_pointer (&owners));
      uuid = idk_store_save_action (fixture->store, NULL, action, &error);
      g_assert_no_error (error);
    }
  return session;
}

static void
test_crafted_review (IdkTestFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *session = craft_session (fixture, "2030-02-05", 40);
  g_autoptr(IdkReview) review = idk_store_review_actions_of (fixture->store, session, &error);
  g_autofree char *summary = NULL;
  g_autofree char *described = NULL;

  g_assert_no_error (error);
  summary = idk_review_summary (review);
  g_assert_cmpstr (summary, ==, "15 of 32 completed, 47 %");
  g_assert_cmpuint (review->open->len, ==, 32 - 15 - 1);  /* 13 open, 3 in progress */
  g_assert_cmpuint (review->by_owner->len, ==, 2);
  g_assert_cmpuint (((IdkOwnerCounts *) g_ptr_array_index (review->by_owner, 0))->total, ==, 16);
  described = idk_review_describe (review);
  g_assert_nonnull (strstr (described, "UNHCR: "));
  g_assert_nonnull (strstr (described, "Completed"));
}

static void
test_carry_over (IdkTestFixture *fixture,
                 gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *s40 = craft_session (fixture, "2030-02-05", 40);
  g_autofree char *s41 = NULL;
  g_autofree char *s42 = NULL;
  g_autofree char *first_open = NULL;
  g_autofree char *carry = NULL;
  g_autoptr(IdkReview) review = NULL;
  g_autoptr(IdkReview) later = NULL;
  g_autoptr(GListModel) updates = NULL;
  guint carried;
  gint64 before;

  {
    g_autoptr(JsonObject) fields = json_object_new ();

    json_object_set_string_member (fields, "type", "full-session");
    json_object_set_string_member (fields, "title", "41st IASMN session");
    json_object_set_int_member (fields, "number", 41);
    json_object_set_string_member (fields, "start_date", "2030-06-18");
    json_object_set_string_member (fields, "status", "planned");
    s41 = idk_store_save_meeting (fixture->store, NULL, fields, &error);
    g_assert_no_error (error);
    json_object_set_string_member (fields, "title", "42nd IASMN session");
    json_object_set_int_member (fields, "number", 42);
    json_object_set_string_member (fields, "start_date", "2031-02-04");
    s42 = idk_store_save_meeting (fixture->store, NULL, fields, &error);
    g_assert_no_error (error);
  }

  carried = idk_store_carry_over (fixture->store, s41, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (carried, ==, 16);

  /* Identity, history and trail. */
  review = idk_store_review_session (fixture->store, s41, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (review->carried, ==, 16);
  first_open = g_strdup (g_ptr_array_index (review->open, 0));
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions WHERE reference LIKE '40/%'"), ==, 34);
  updates = idk_store_list_action_updates (fixture->store, first_open, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (updates), ==, 1);
  carry = idk_store_describe_carry (fixture->store, first_open);
  g_assert_cmpstr (carry, ==, "Carried over from Crafted session to 41st IASMN session");

  /* Nothing left to carry: refused, nothing written. */
  before = revisions (fixture);
  g_assert_cmpuint (idk_store_carry_over (fixture->store, s41, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (revisions (fixture), ==, before);

  /* The next session reviews the 41st: its own actions (none) and those
   * carried over to it. */
  later = idk_store_review_session (fixture->store, s42, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->total, ==, 16);
  g_assert_cmpuint (later->open->len, ==, 16);

  /* One undo takes the whole carry-over back. */
  {
    g_autoptr(IdkChange) change = NULL;
    g_autoptr(IdkReview) undone = NULL;

    idk_store_carry_over (fixture->store, s42, &error);
    g_assert_no_error (error);
    change = idk_store_take_last_change (fixture->store);
    g_assert_true (idk_store_undo (fixture->store, change, &error));
    g_assert_no_error (error);
    undone = idk_store_review_session (fixture->store, s42, &error);
    g_assert_cmpuint (undone->carried, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/session/" path, IdkTestFixture, NULL, set_up, func, idk_test_fixture_tear_down)
  ADD ("plan/default-lead", test_default_lead);
  ADD ("plan/dry-run", test_plan_dry_run);
  ADD ("plan/sg-too-late", test_plan_sg_too_late);
  ADD ("plan/writes", test_plan_writes);
  ADD ("plan/refused", test_plan_refused);
  ADD ("agenda/timing", test_timing);
  ADD ("agenda/day-end-refused", test_day_end_refused);
  ADD ("agenda/seed", test_seed_timing);
  ADD ("papers/register", test_papers);
  ADD ("papers/seed", test_seed_papers);
  ADD ("review/seed", test_seed_review);
  ADD ("review/no-previous", test_review_no_previous);
  ADD ("review/crafted", test_crafted_review);
  ADD ("review/carry-over", test_carry_over);
#undef ADD

  return g_test_run ();
}
