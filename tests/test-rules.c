/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"

/* The rules of the ToR and the session reports, on the seed calendar and
 * on crafted violations.  A rule applies from the date it was agreed. */

#define TODAY "2026-11-24"

static const char *
uuid_of (IdkTestFixture *fixture,
         const char     *sql)
{
  const char *uuid = idk_test_keep (idk_test_query_text (fixture->db_path, sql));

  g_assert_nonnull (uuid);
  return uuid;
}

static const char *
body (IdkTestFixture *fixture,
      const char     *acronym)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM bodies WHERE acronym = '%s'", acronym);

  return uuid_of (fixture, sql);
}

static const char *
organization (IdkTestFixture *fixture,
              const char     *acronym)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM organizations WHERE acronym = '%s'", acronym);

  return uuid_of (fixture, sql);
}

static const char *
add_meeting (IdkTestFixture *fixture,
             const char     *body_acronym,
             const char     *type,
             const char     *start,
             const char     *end,
             const char     *co_chair)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  char *uuid;

  json_object_set_string_member (fields, "body", body (fixture, body_acronym));
  json_object_set_string_member (fields, "type", type);
  json_object_set_string_member (fields, "title", "Crafted meeting");
  json_object_set_string_member (fields, "start_date", start);
  json_object_set_string_member (fields, "end_date", end);
  json_object_set_string_member (fields, "status", "planned");
  if (co_chair != NULL)
    json_object_set_string_member (fields, "co_chair", co_chair);

  uuid = idk_store_save (fixture->store, "meeting", NULL, fields, &error);
  g_assert_no_error (error);
  return idk_test_keep (uuid);
}

static const char *
add_record (IdkTestFixture *fixture,
            const char     *type,
            JsonObject     *fields)
{
  g_autoptr(GError) error = NULL;
  char *uuid = idk_store_save (fixture->store, type, NULL, fields, &error);

  g_assert_no_error (error);
  json_object_unref (fields);
  return idk_test_keep (uuid);
}

static const char *
add_sg_member (IdkTestFixture *fixture,
               const char     *organization_uuid)
{
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (fields, "body", body (fixture, "SG"));
  json_object_set_string_member (fields, "organization", organization_uuid);
  json_object_set_string_member (fields, "role", "member");
  json_object_set_string_member (fields, "from_date", "2024-01");
  return add_record (fixture, "body_member", fields);
}

/* The warnings of RULE, as "subject|message" lines. */
static GPtrArray *
warnings_of (IdkTestFixture *fixture,
             const char     *rule,
             const char     *subject)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = idk_store_list_warnings (fixture->store, subject, &error);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (all, i);

      g_assert_nonnull (idk_entry_get_group (entry));
      g_assert_nonnull (idk_entry_get_subtitle (entry));
      if (rule == NULL || g_strcmp0 (idk_entry_get_kind (entry), rule) == 0)
        g_ptr_array_add (found, g_strdup_printf ("%s|%s", idk_entry_get_target_uuid (entry),
                                                 idk_entry_get_title (entry)));
    }

  return found;
}

static gboolean
flags (IdkTestFixture *fixture,
       const char     *rule,
       const char     *subject)
{
  g_autoptr(GPtrArray) found = warnings_of (fixture, rule, NULL);

  for (guint i = 0; i < found->len; i++)
    if (g_str_has_prefix (found->pdata[i], subject))
      return TRUE;

  return FALSE;
}

static void
set_up (IdkTestFixture *fixture,
        gconstpointer   data)
{
  idk_test_fixture_set_up_defaults (fixture, data);
  idk_store_set_today (fixture->store, TODAY);
}

/* On the seed calendar: the 23rd session (2–5 February 2016, four days) is
 * too long; the five-day sessions of 2010 predate the rule; the years the
 * calendar holds one full session only are noted. */
static void
test_seed_calendar (IdkTestFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(GPtrArray) length = warnings_of (fixture, "full-session-max-days", NULL);
  g_autoptr(GPtrArray) sg_length = warnings_of (fixture, "sg-session-max-days", NULL);
  g_autoptr(GPtrArray) twice = warnings_of (fixture, "iasmn-meets-twice-a-year", NULL);
  g_autoptr(GPtrArray) all = warnings_of (fixture, NULL, NULL);
  const char *s23 = uuid_of (fixture, "SELECT uuid FROM meetings WHERE number = 23");

  g_assert_cmpuint (length->len, ==, 1);
  g_assert_true (g_str_has_prefix (length->pdata[0], s23));
  g_assert_nonnull (strstr (length->pdata[0], "lasts 4 days"));
  g_assert_false (flags (fixture, "full-session-max-days",
                         uuid_of (fixture, "SELECT uuid FROM meetings WHERE city = 'Nairobi'")));
  g_assert_false (flags (fixture, "full-session-max-days",
                         uuid_of (fixture, "SELECT uuid FROM meetings WHERE number = 21")));
  g_assert_cmpuint (sg_length->len, ==, 0);

  /* 2014, 2016 and 2017 hold one session each in the seeds; 2010, 2015 and
   * 2018 two; 2009 predates the ToR. */
  g_assert_cmpuint (twice->len, ==, 3);
  g_assert_nonnull (strstr (twice->pdata[0], "in 2014"));
  g_assert_nonnull (strstr (twice->pdata[1], "in 2016"));
  /* What the calendar holds is what the reports mention: a year with one
   * session recorded is said to be that, not a breach of the ToR. */
  g_assert_nonnull (strstr (twice->pdata[1], "Only 1 full session of the IASMN is recorded in 2016"));
  g_assert_nonnull (strstr (twice->pdata[1], "may be missing"));
  g_assert_nonnull (strstr (twice->pdata[2], "in 2017"));

  /* The Steering Group ToR date from 2020; no seed meeting is flagged. */
  g_assert_cmpuint (all->len, ==, 4);
}

static void
test_session_length (IdkTestFixture *fixture,
                     gconstpointer   data)
{
  const char *long_sg = add_meeting (fixture, "SG", "sg-session", "2027-03-01", "2027-03-03", NULL);
  const char *short_sg = add_meeting (fixture, "SG", "sg-session", "2027-09-01", "2027-09-02", NULL);
  const char *old_sg = add_meeting (fixture, "SG", "sg-session", "2013-03-01", "2013-03-04", NULL);
  const char *long_full = add_meeting (fixture, "IASMN", "full-session", "2027-06-01", "2027-06-04", NULL);
  const char *month_only = add_meeting (fixture, "IASMN", "full-session", "2027-10", "2027-10", NULL);

  g_assert_true (flags (fixture, "sg-session-max-days", long_sg));
  g_assert_false (flags (fixture, "sg-session-max-days", short_sg));
  g_assert_false (flags (fixture, "sg-session-max-days", old_sg));
  g_assert_true (flags (fixture, "full-session-max-days", long_full));
  /* Known only to the month: its length is unknown, so not flagged. */
  g_assert_false (flags (fixture, "full-session-max-days", month_only));
}

static void
test_twice_a_year (IdkTestFixture *fixture,
                   gconstpointer   data)
{
  const char *first = add_meeting (fixture, "IASMN", "full-session", "2030-02-04", "2030-02-06", NULL);
  const char *second, *third;

  g_assert_true (flags (fixture, "iasmn-meets-twice-a-year", first));

  second = add_meeting (fixture, "IASMN", "full-session", "2030-06-10", "2030-06-12", NULL);
  g_assert_false (flags (fixture, "iasmn-meets-twice-a-year", first));
  g_assert_false (flags (fixture, "iasmn-meets-twice-a-year", second));

  third = add_meeting (fixture, "IASMN", "full-session", "2030-11-10", "2030-11-11", NULL);
  g_assert_true (flags (fixture, "iasmn-meets-twice-a-year", third));

  /* A cancelled session does not count. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) fields = idk_store_get_fields (fixture->store, third, NULL, &error);
    g_autofree char *saved = NULL;

    json_object_set_string_member (fields, "status", "cancelled");
    saved = idk_store_save (fixture->store, "meeting", third, fields, &error);
    g_assert_no_error (error);
  }
  g_assert_false (flags (fixture, "iasmn-meets-twice-a-year", first));
}

static void
test_sg_ahead (IdkTestFixture *fixture,
               gconstpointer   data)
{
  const char *feb = add_meeting (fixture, "IASMN", "full-session", "2031-02-10", "2031-02-12", NULL);
  const char *jun = add_meeting (fixture, "IASMN", "full-session", "2031-06-20", "2031-06-22", NULL);
  const char *sg;

  g_assert_true (flags (fixture, "sg-meets-ahead-of-sessions", feb));
  g_assert_true (flags (fixture, "sg-meets-ahead-of-sessions", jun));

  sg = add_meeting (fixture, "SG", "sg-session", "2031-05-06", "2031-05-07", NULL);
  g_assert_false (flags (fixture, "sg-meets-ahead-of-sessions", sg));
  {
    g_autoptr(GPtrArray) june = warnings_of (fixture, "sg-meets-ahead-of-sessions", jun);

    /* Ahead of June now, but 2031 still has one SG session only. */
    g_assert_cmpuint (june->len, ==, 1);
    g_assert_nonnull (strstr (june->pdata[0], "Only 1 Steering Group session is recorded in 2031"));
  }

  add_meeting (fixture, "SG", "sg-session", "2031-01-20", "2031-01-21", NULL);
  g_assert_false (flags (fixture, "sg-meets-ahead-of-sessions", feb));
  g_assert_false (flags (fixture, "sg-meets-ahead-of-sessions", jun));

  /* Before the Steering Group ToR of June 2020, nothing is flagged. */
  g_assert_false (flags (fixture, "sg-meets-ahead-of-sessions",
                         uuid_of (fixture, "SELECT uuid FROM meetings WHERE number = 28")));
}

static void
test_sg_size (IdkTestFixture *fixture,
              gconstpointer   data)
{
  const char *members[] = { "FAO", "ICAO", "IFAD", "ILO", "IMF", "IOM", "IMO", "ITU", "UNAIDS", "UNDP",
                            "UNFPA", "UNHCR", "UNICEF", "UNIDO", "UNEP", "UNOPS" };
  const char *sg = body (fixture, "SG");

  for (guint i = 0; i < 15; i++)
    add_sg_member (fixture, organization (fixture, members[i]));
  g_assert_false (flags (fixture, "sg-max-members", sg));

  add_sg_member (fixture, organization (fixture, members[15]));
  g_assert_true (flags (fixture, "sg-max-members", sg));
}

static void
test_sg_member_in_group (IdkTestFixture *fixture,
                         gconstpointer   data)
{
  const char *undp = organization (fixture, "UNDP");
  const char *imo = organization (fixture, "IMO");
  const char *stwg = uuid_of (fixture, "SELECT uuid FROM working_groups WHERE acronym = 'STWG'");
  JsonObject *fields;

  add_sg_member (fixture, undp);
  add_sg_member (fixture, imo);
  g_assert_false (flags (fixture, "sg-member-in-working-group", undp));
  g_assert_true (flags (fixture, "sg-member-in-working-group", imo));

  /* An observer does not take part in the sense of the rule. */
  fields = json_object_new ();
  json_object_set_string_member (fields, "working_group", stwg);
  json_object_set_string_member (fields, "organization", imo);
  json_object_set_string_member (fields, "role", "observer");
  add_record (fixture, "wg_member", fields);
  g_assert_true (flags (fixture, "sg-member-in-working-group", imo));

  fields = json_object_new ();
  json_object_set_string_member (fields, "working_group", stwg);
  json_object_set_string_member (fields, "organization", imo);
  json_object_set_string_member (fields, "role", "member");
  add_record (fixture, "wg_member", fields);
  g_assert_false (flags (fixture, "sg-member-in-working-group", imo));
}

static void
test_co_chair_term (IdkTestFixture *fixture,
                    gconstpointer   data)
{
  const char *person = uuid_of (fixture, "SELECT uuid FROM persons WHERE name = 'Drew Donovan'");
  const char *first = add_meeting (fixture, "IASMN", "full-session", "2030-02-04", "2030-02-06", person);
  const char *within = add_meeting (fixture, "IASMN", "full-session", "2030-06-04", "2030-06-06", person);
  const char *beyond = add_meeting (fixture, "IASMN", "full-session", "2032-06-04", "2032-06-06", person);

  /* Donovan first co-chaired in February 2015 (21st session). */
  g_assert_true (flags (fixture, "co-chair-term", first));
  g_assert_true (flags (fixture, "co-chair-term", within));
  g_assert_true (flags (fixture, "co-chair-term", beyond));
  g_assert_false (flags (fixture, "co-chair-term", uuid_of (fixture, "SELECT uuid FROM meetings WHERE number = 21")));

  /* A new co-chair: two years pass before the term is over. */
  person = uuid_of (fixture, "SELECT uuid FROM persons WHERE name = 'Lassi Kuusinen'");
  first = add_meeting (fixture, "IASMN", "full-session", "2034-02-04", "2034-02-06", person);
  within = add_meeting (fixture, "IASMN", "full-session", "2035-06-04", "2035-06-06", person);
  beyond = add_meeting (fixture, "IASMN", "full-session", "2036-06-04", "2036-06-06", person);
  g_assert_false (flags (fixture, "co-chair-term", first));
  g_assert_false (flags (fixture, "co-chair-term", within));
  g_assert_true (flags (fixture, "co-chair-term", beyond));
}

static void
test_subject_filter (IdkTestFixture *fixture,
                     gconstpointer   data)
{
  const char *s23 = uuid_of (fixture, "SELECT uuid FROM meetings WHERE number = 23");
  g_autoptr(GPtrArray) about = warnings_of (fixture, NULL, s23);
  g_autoptr(GPtrArray) none = warnings_of (fixture, NULL,
                                           uuid_of (fixture, "SELECT uuid FROM meetings WHERE number = 27"));

  g_assert_cmpuint (about->len, ==, 2);
  g_assert_cmpuint (none->len, ==, 0);
}

/* The rules are data: a changed parameter changes the check, a deleted
 * rule is no longer checked. */
static void
test_rules_are_data (IdkTestFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  const char *rule = uuid_of (fixture, "SELECT uuid FROM rules WHERE code = 'full-session-max-days'");
  const char *s23 = uuid_of (fixture, "SELECT uuid FROM meetings WHERE number = 23");
  g_autoptr(JsonObject) fields = idk_store_get_fields (fixture->store, rule, NULL, &error);
  g_autofree char *saved = NULL;

  g_assert_true (flags (fixture, "full-session-max-days", s23));
  json_object_set_int_member (fields, "parameter", 4);
  saved = idk_store_save (fixture->store, "rule", rule, fields, &error);
  g_assert_no_error (error);
  g_assert_false (flags (fixture, "full-session-max-days", s23));

  g_assert_true (flags (fixture, "iasmn-meets-twice-a-year", s23));
  g_assert_true (idk_store_delete (fixture->store,
                                   uuid_of (fixture, "SELECT uuid FROM rules WHERE code = 'iasmn-meets-twice-a-year'"),
                                   &error));
  g_assert_false (flags (fixture, "iasmn-meets-twice-a-year", s23));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define RULES_TEST(path, func) \
  g_test_add (path, IdkTestFixture, NULL, set_up, func, idk_test_fixture_tear_down)

  RULES_TEST ("/rules/seed-calendar", test_seed_calendar);
  RULES_TEST ("/rules/session-length", test_session_length);
  RULES_TEST ("/rules/twice-a-year", test_twice_a_year);
  RULES_TEST ("/rules/sg-ahead-of-sessions", test_sg_ahead);
  RULES_TEST ("/rules/sg-size", test_sg_size);
  RULES_TEST ("/rules/sg-member-in-working-group", test_sg_member_in_group);
  RULES_TEST ("/rules/co-chair-term", test_co_chair_term);
  RULES_TEST ("/rules/subject-filter", test_subject_filter);
  RULES_TEST ("/rules/rules-are-data", test_rules_are_data);

  return g_test_run ();
}
