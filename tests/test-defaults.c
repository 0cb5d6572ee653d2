/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"

/* The default dataset against the source documents (data/defaults/sources,
 * copies of the seed texts): the numbers below are the documents'. */

#define COUNT(sql) idk_test_query_int (fixture->db_path, sql)
#define TEXT(sql) idk_test_keep (idk_test_query_text (fixture->db_path, sql))

#define MEETING(title) "(SELECT uuid FROM meetings WHERE title = '" title "')"

static void
test_table_counts (IdkTestFixture *fixture,
                   gconstpointer   data)
{
  static const struct { const char *table; gint64 count; } expected[] = {
    { "actors", 18 },              /* 17 of the Framework, FSCO of its annex L */
    { "actions", 79 },             /* 32 + 45 in blocks + 2 outside them */
    { "meetings", 22 },
    { "working_groups", 22 },
    { "participants", 111 },       /* 49 + 62 */
    { "documents", 44 },           /* 13 + 12 + 19 */
    { "agenda_items", 100 },
    { "organizations", 71 },
    { "rules", 9 },
    { "relationships", 47 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", expected[i].table);

      if (COUNT (sql) != expected[i].count)
        g_error ("%s: %" G_GINT64_FORMAT " rows, expected %" G_GINT64_FORMAT,
                 expected[i].table, COUNT (sql), expected[i].count);
    }

  /* One live revision per record, all from the defaults office. */
  g_assert_cmpint (COUNT ("SELECT count(*) FROM revisions"), ==, COUNT ("SELECT count(*) FROM records"));
  g_assert_cmpint (COUNT ("SELECT count(DISTINCT office_uuid) FROM revisions"), ==, 1);
}

static void
test_london_participants (IdkTestFixture *fixture,
                          gconstpointer   data)
{
  /* 49 persons, some lines naming several (IFAD, IOM, UNFPA, UNICEF, WFP,
   * WHO, DSS), the Chair, Co-Chair and Secretary among them. */
  g_assert_cmpint (COUNT ("SELECT count(*) FROM participants WHERE meeting = " MEETING ("IASMN session, London")),
                   ==, 49);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM participants WHERE meeting = " MEETING ("IASMN session, London")
                          " AND role = 'observer'"), ==, 2);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM participants p JOIN organizations o ON o.uuid = p.organization "
                          "WHERE p.meeting = " MEETING ("IASMN session, London") " AND o.acronym = 'WHO'"), ==, 3);
  g_assert_cmpstr (TEXT ("SELECT p.name FROM participants x JOIN persons p ON p.uuid = x.person "
                         "WHERE x.meeting = " MEETING ("IASMN session, London") " AND x.function = 'chair'"),
                   ==, "Gregory B. Starr");
  g_assert_cmpstr (TEXT ("SELECT p.name FROM meetings m JOIN persons p ON p.uuid = m.co_chair "
                         "WHERE m.title = 'IASMN session, London'"), ==, "Satoru Tabusa");
  g_assert_cmpstr (TEXT ("SELECT venue FROM meetings WHERE title = 'IASMN session, London'"),
                   ==, "European Bank for Reconstruction and Development (EBRD)");
}

static void
test_27th_participants (IdkTestFixture *fixture,
                        gconstpointer   data)
{
  g_assert_cmpint (COUNT ("SELECT count(*) FROM participants WHERE meeting = " MEETING ("27th IASMN session")),
                   ==, 62);
  g_assert_cmpint (COUNT ("SELECT reported_persons FROM meetings WHERE number = 27"), ==, 62);
  g_assert_cmpint (COUNT ("SELECT reported_orgs FROM meetings WHERE number = 27"), ==, 37);
  /* 36 entities are listed; CCISUA/FICSA is one line for two federations. */
  g_assert_cmpint (COUNT ("SELECT count(DISTINCT affiliation) FROM participants WHERE meeting = "
                          MEETING ("27th IASMN session")), ==, 36);
  g_assert_cmpstr (TEXT ("SELECT p.name FROM participants x JOIN persons p ON p.uuid = x.person "
                         "WHERE x.meeting = " MEETING ("27th IASMN session") " AND x.ordinal = 62"),
                   ==, "Marlene Wiklund");
}

static void
test_21st_attendance (IdkTestFixture *fixture,
                      gconstpointer   data)
{
  /* The report gives only the counts; its Annex B is not in the text. */
  g_assert_cmpint (COUNT ("SELECT count(*) FROM participants WHERE meeting = " MEETING ("21st IASMN session")),
                   ==, 0);
  g_assert_cmpint (COUNT ("SELECT reported_orgs - reported_observer_orgs FROM meetings WHERE number = 21"), ==, 28);
  g_assert_cmpint (COUNT ("SELECT reported_observer_orgs FROM meetings WHERE number = 21"), ==, 2);
  g_assert_cmpstr (TEXT ("SELECT p.name FROM meetings m JOIN persons p ON p.uuid = m.secretary "
                         "WHERE m.number = 21"), ==, "Florence Poussin");
}

static void
test_actions_per_session (IdkTestFixture *fixture,
                          gconstpointer   data)
{
  const char *last;

  g_assert_cmpint (COUNT ("SELECT count(*) FROM actions WHERE meeting = " MEETING ("21st IASMN session")), ==, 32);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM actions WHERE meeting = " MEETING ("27th IASMN session")), ==, 47);
  /* The 27th session's decisions come in 19 blocks, and two in the
   * discussion (paragraphs 50 and 91). */
  g_assert_cmpint (COUNT ("SELECT count(DISTINCT paragraph) FROM actions WHERE meeting = "
                          MEETING ("27th IASMN session")), ==, 21);
  g_assert_true (g_str_has_prefix (TEXT ("SELECT text FROM actions WHERE reference = '27/50'"),
                                   "UNDSS will review the consultation process of joint case studies"));
  g_assert_cmpstr (TEXT ("SELECT l.label FROM action_owner_labels l JOIN actions a ON a.uuid = l.action "
                         "WHERE a.reference = '27/50'"), ==, "UNDSS");
  g_assert_true (g_str_has_prefix (TEXT ("SELECT text FROM actions WHERE reference = '27/91'"),
                                   "The IASMN discussed and agreed on the 2018 priorities"));
  g_assert_cmpint (COUNT ("SELECT count(*) FROM actions WHERE reference LIKE '27/92_'"), ==, 7);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM actions WHERE reference LIKE '27/75_'"), ==, 7);

  /* The last line of the 27th report has no newline and holds a decision. */
  last = TEXT ("SELECT text FROM actions WHERE reference = '27/98'");
  g_assert_true (g_str_has_suffix (last, "tabled at the 28th session of the IASMN."));
  g_assert_cmpstr (TEXT ("SELECT m.title FROM actions a JOIN meetings m ON m.uuid = a.due_meeting "
                         "WHERE a.reference = '27/98'"), ==, "28th IASMN session");

  /* Owners and dues where the text states them.  The recommendation of
   * 21/23 names "interested organizations": UNHCR, UNICEF and UNRWA are
   * named in the discussion before it (paragraph 20), not as owners. */
  g_assert_cmpint (COUNT ("SELECT count(*) FROM action_owners WHERE action = "
                          "(SELECT uuid FROM actions WHERE reference = '21/23')"), ==, 0);
  g_assert_cmpstr (TEXT ("SELECT due_date FROM actions WHERE reference = '21/61'"), ==, "2015-04-01");
  g_assert_cmpstr (TEXT ("SELECT m.title FROM actions a JOIN meetings m ON m.uuid = a.due_meeting "
                         "WHERE a.reference = '21/75'"), ==, "Steering Group, Bogota");
  g_assert_cmpint (COUNT ("SELECT count(*) FROM actions WHERE kind = 'noting'"), >, 0);
}

static void
test_calendar_meetings (IdkTestFixture *fixture,
                        gconstpointer   data)
{
  static const struct { const char *city; const char *start; const char *end; const char *type; } calendar[] = {
    /* London report, paragraph 19 */
    { "Nairobi", "2010-02-01", "2010-02-05", "full-session" },
    { "Vienna", "2010-07-19", "2010-07-23", "full-session" },
    /* 21st session, paragraph 97 */
    { "Bogota", "2015-05-12", "2015-05-13", "sg-session" },
    { "Montreux", "2015-06-23", "2015-06-25", "full-session" },
    { "Arusha", "2015-11-11", "2015-11-12", "sg-session" },
    { "New York", "2016-02-02", "2016-02-05", "full-session" },
    /* 27th session, paragraph 99 */
    { "Istanbul", "2018-05-08", "2018-05-09", "sg-session" },
    { "Montreux", "2018-06-19", "2018-06-21", "full-session" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (calendar); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM meetings WHERE city = '%s' AND "
                                              "start_date = '%s' AND end_date = '%s' AND type = '%s'",
                                              calendar[i].city, calendar[i].start, calendar[i].end,
                                              calendar[i].type);
      if (COUNT (sql) != 1)
        g_error ("no %s meeting in %s from %s", calendar[i].type, calendar[i].city, calendar[i].start);
    }

  g_assert_cmpstr (TEXT ("SELECT o.acronym FROM meetings m JOIN organizations o ON o.uuid = m.host_organization "
                         "WHERE m.city = 'Bogota'"), ==, "UNDP");
  g_assert_cmpstr (TEXT ("SELECT host_name FROM meetings WHERE number = 28"), ==, "Swiss Federation");
}

static void
test_month_precision (IdkTestFixture *fixture,
                      gconstpointer   data)
{
  const char *dakar = TEXT ("SELECT start_date FROM meetings WHERE city = 'Dakar'");
  g_autofree char *shown = idk_date_format (dakar);

  /* Known only to the month: stored and shown as such. */
  g_assert_cmpstr (dakar, ==, "2014-11");
  g_assert_cmpstr (shown, ==, "November 2014");
  g_assert_cmpstr (TEXT ("SELECT start_date FROM meetings WHERE number = 20"), ==, "2014-06");
  g_assert_cmpstr (TEXT ("SELECT city FROM meetings WHERE number = 20"), ==, "Montreux");
  g_assert_cmpstr (TEXT ("SELECT start_date FROM meetings WHERE title = 'Steering Group, Budapest'"), ==, "2009-05");
}

static void
test_actors (IdkTestFixture *fixture,
             gconstpointer   data)
{
  static const struct { const char *code; gint64 responsibilities; } expected[] = {
    { "SG", 1 }, { "USG", 9 }, { "EGS", 3 }, { "EH", 11 }, { "SSM", 9 }, { "DO", 21 },
    { "REP", 18 }, { "SMT", 9 }, { "ASC", 8 }, { "CSA", 21 }, { "CSO", 11 }, { "CSFP", 8 },
    { "DSS", 10 }, { "FSCO", 5 }, { "SASO", 5 }, { "LSA", 7 }, { "WARDEN", 5 }, { "PERS", 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT json_array_length (responsibilities) FROM actors "
                                              "WHERE code = '%s'", expected[i].code);
      if (COUNT (sql) != expected[i].responsibilities)
        g_error ("%s has %" G_GINT64_FORMAT " responsibilities, the Framework lists %" G_GINT64_FORMAT,
                 expected[i].code, COUNT (sql), expected[i].responsibilities);
    }

  g_assert_cmpstr (TEXT ("SELECT title FROM actors WHERE code = 'DO'"), ==, "Designated Official");
  g_assert_cmpstr (TEXT ("SELECT json_extract (responsibilities, '$[9]') FROM actors WHERE code = 'DO'"),
                   ==, "Chairs the SMT and submits minutes to UNDSS");
}

static void
test_accountability_tree (IdkTestFixture *fixture,
                          gconstpointer   data)
{
  static const struct { const char *code; const char *parent; } lines[] = {
    { "USG", "SG" }, { "EH", "SG" }, { "DO", "USG" }, { "ASC", "DO" }, { "CSA", "DO" },
    { "WARDEN", "ASC" }, { "FSCO", "CSA" }, { "SSM", "EH" }, { "CSFP", "REP" }, { "PERS", "EH" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) roots = idk_store_list_actor_children (fixture->store, NULL, &error);
  g_autoptr(IdkActor) root = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (roots), ==, 1);
  root = g_list_model_get_item (roots, 0);
  g_assert_cmpstr (idk_actor_get_code (root), ==, "SG");

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT p.code FROM actor_tree t JOIN actors a ON a.uuid = t.uuid "
                                              "JOIN actors p ON p.uuid = t.parent WHERE a.code = '%s'",
                                              lines[i].code);
      const char *parent = TEXT (sql);

      if (g_strcmp0 (parent, lines[i].parent) != 0)
        g_error ("%s is under %s, expected %s", lines[i].code, parent, lines[i].parent);
    }

  /* Every actor is in the tree: no cycles leave one out. */
  g_assert_cmpint (COUNT ("WITH RECURSIVE t (uuid) AS (SELECT uuid FROM actor_tree WHERE parent IS NULL "
                          "UNION SELECT a.uuid FROM actor_tree a JOIN t ON a.parent = t.uuid) "
                          "SELECT count(*) FROM t"), ==, 18);
}

static void
test_working_groups (IdkTestFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) groups = idk_store_list_working_groups (fixture->store, "STWG", &error);
  g_autoptr(IdkWorkingGroup) stwg = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 1);
  stwg = g_list_model_get_item (groups, 0);
  g_assert_cmpstr (idk_working_group_get_name (stwg), ==, "Security Training Working Group");
  g_assert_cmpstr (idk_working_group_get_chair (stwg), ==, "UNDSS (Katja Hemmerich)");
  g_assert_cmpstr (idk_working_group_get_co_chair (stwg), ==, "UNHCR");

  /* 21st session, paragraph 42: chaired by UNICEF, seven members, CCISUA observing. */
  g_assert_cmpint (COUNT ("SELECT count(*) FROM wg_members m JOIN working_groups w ON w.uuid = m.working_group "
                          "WHERE w.name LIKE '%locally-recruited%' AND m.role = 'member'"), ==, 7);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM wg_members m JOIN working_groups w ON w.uuid = m.working_group "
                          "WHERE w.name LIKE '%locally-recruited%' AND m.role = 'observer'"), ==, 1);
  g_assert_cmpstr (TEXT ("SELECT tor_status FROM working_groups WHERE acronym = 'TAG'"), ==, "approved");
}

static void
test_agendas (IdkTestFixture *fixture,
              gconstpointer   data)
{
  g_assert_cmpint (COUNT ("SELECT count(*) FROM agenda_items WHERE meeting = " MEETING ("21st IASMN session")
                          " AND day = '2015-02-03' AND start_time IS NOT NULL"), ==, 11);
  g_assert_cmpstr (TEXT ("SELECT crp FROM agenda_items WHERE title = 'Arming of Security Professionals'"),
                   ==, "CRP 16");
  g_assert_cmpstr (TEXT ("SELECT presenter FROM agenda_items WHERE title = 'Security Risk Management (SRM)'"),
                   ==, "OCHA, FSS");
  g_assert_cmpint (COUNT ("SELECT count(*) FROM documents WHERE meeting = " MEETING ("IASMN session, London")),
                   ==, 13);
  g_assert_cmpint (COUNT ("SELECT count(DISTINCT day) FROM agenda_items WHERE meeting = "
                          MEETING ("27th IASMN session")), ==, 3);
  g_assert_cmpstr (TEXT ("SELECT symbol FROM documents WHERE title = 'Letter from the Asian Infrastructure "
                         "Investment Bank'"), ==, "CRP 18");
}

static void
test_rules (IdkTestFixture *fixture,
            gconstpointer   data)
{
  g_assert_cmpint (COUNT ("SELECT parameter FROM rules WHERE code = 'full-session-max-days'"), ==, 3);
  g_assert_cmpint (COUNT ("SELECT parameter FROM rules WHERE code = 'sg-session-max-days'"), ==, 2);
  g_assert_cmpstr (TEXT ("SELECT agreed_on FROM rules WHERE code = 'full-session-max-days'"), ==, "2015-02-05");
  g_assert_cmpint (COUNT ("SELECT parameter FROM rules WHERE code = 'sg-max-members'"), ==, 15);
  g_assert_cmpstr (TEXT ("SELECT b.acronym FROM bodies a JOIN bodies b ON b.uuid = a.parent "
                         "WHERE a.acronym = 'IASMN'"), ==, "HLCM");
  g_assert_cmpstr (TEXT ("SELECT b.acronym FROM bodies a JOIN bodies b ON b.uuid = a.parent "
                         "WHERE a.acronym = 'HLCM'"), ==, "CEB");
}

static void
test_organizations (IdkTestFixture *fixture,
                    gconstpointer   data)
{
  const char *named[] = { "AIIB", "IOC", "AfDB", "IsDB", "OSCE", "JIU", "CTBTO", "UNISERV", "UNMD", "ICTR" };

  /* Every organization of the two participant lists and those the texts name. */
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM organizations WHERE acronym = '%s'", named[i]);

      if (COUNT (sql) != 1)
        g_error ("no organization %s", named[i]);
    }

  /* "DSS" in 2009 and "UNDSS" later are one department. */
  g_assert_cmpint (COUNT ("SELECT count(*) FROM organizations WHERE acronym IN ('DSS', 'UNDSS')"), ==, 1);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM organizations o, json_each (o.aliases) a "
                          "WHERE o.acronym = 'UNDSS' AND a.value = 'DSS'"), ==, 1);
  g_assert_cmpstr (TEXT ("SELECT p.acronym FROM organizations o JOIN organizations p ON p.uuid = o.parent "
                         "WHERE o.acronym = 'PPCU'"), ==, "UNDSS");
  g_assert_cmpstr (TEXT ("SELECT category FROM organizations WHERE acronym = 'FICSA'"), ==, "staff-federation");
  /* Each participant is linked to an organization. */
  g_assert_cmpint (COUNT ("SELECT count(*) FROM participants WHERE organization IS NULL"), ==, 0);
}

static void
test_references (IdkTestFixture *fixture,
                 gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (idk_store_check_references (fixture->store, &error));
  g_assert_no_error (error);
}

/* Two offices start from identical default data, which is what lets their
 * later bundles merge without conflicts. */
static void
test_identical_across_offices (IdkTestFixture *fixture,
                               gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.sqlite3", NULL);
  g_autoptr(IdkStore) other = idk_store_open (other_path, IDK_STORE_OPEN_DEFAULT, &error);
  const char *digest_sql =
    "SELECT hex (sha3_agg) FROM (SELECT group_concat (rev_id || record_uuid || fields, '|') AS sha3_agg "
    "FROM (SELECT * FROM revisions ORDER BY rev_id))";
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (idk_store_get_office_uuid (other), !=, idk_store_get_office_uuid (fixture->store));

  mine = g_compute_checksum_for_string (G_CHECKSUM_SHA256, TEXT (digest_sql), -1);
  theirs = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                          idk_test_keep (idk_test_query_text (other_path, digest_sql)), -1);
  g_assert_cmpstr (mine, ==, theirs);
}

/* The re-reading of the seeds (issue 7). */

/* London report paragraph 20 and Annex L: where the Head of Mission is
 * the DO and no USG-appointed security professional is present, the CSO
 * acts as the Security Adviser, with the SA's accountability; Annex L's
 * responsibilities are those of the other case.  The SMT includes the
 * Chief Security Adviser/Officer (paragraph 15). */
static void
test_chief_security_officer (IdkTestFixture *fixture,
                             gconstpointer   data)
{
#define CSO_LINES(kind, target) \
  COUNT ("SELECT count(*) FROM relationships r JOIN actors a ON a.uuid = r.actor " \
         "JOIN actors t ON t.uuid = r.target_actor WHERE a.code = 'CSO' AND r.kind = '" kind "' " \
         "AND t.code = '" target "'")

  g_assert_cmpint (CSO_LINES ("advises", "DO"), ==, 1);
  g_assert_cmpint (CSO_LINES ("reports-to", "DO"), ==, 1);
  g_assert_cmpint (CSO_LINES ("member-of", "SMT"), ==, 1);
  g_assert_cmpint (CSO_LINES ("acts-ad-interim-for", "CSA"), ==, 0);
  g_assert_nonnull (strstr (TEXT ("SELECT summary FROM actors WHERE code = 'CSO'"),
                            "Where the Head of Mission is not the Designated Official"));
  g_assert_cmpint (COUNT ("SELECT json_array_length (responsibilities) FROM actors WHERE code = 'CSO'"), ==, 11);
  g_assert_true (g_str_has_prefix (TEXT ("SELECT json_extract (responsibilities, '$[0]') FROM actors "
                                         "WHERE code = 'CSO'"), "Manages the day-to-day operations"));
#undef CSO_LINES
}

/* 27th report paragraph 54: those that "expressed an interest in joining"
 * the SAFRM WG are not its members. */
static void
test_interest_is_not_membership (IdkTestFixture *fixture,
                                 gconstpointer   data)
{
  g_assert_cmpint (COUNT ("SELECT count(*) FROM wg_members m JOIN working_groups w ON w.uuid = m.working_group "
                          "WHERE w.acronym = 'SAFRM WG'"), ==, 2);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM wg_members WHERE note LIKE '%expressed an interest%'"), ==, 0);
  g_assert_nonnull (strstr (TEXT ("SELECT description FROM working_groups WHERE acronym = 'SAFRM WG'"),
                            "expressed an interest in joining it (paragraph 54)"));
}

/* What the texts do not state is said to be inferred; what they state is not. */
static void
test_inferred_notes (IdkTestFixture *fixture,
                     gconstpointer   data)
{
  g_assert_nonnull (strstr (TEXT ("SELECT source FROM meetings WHERE title = 'IASMN session, Nairobi'"),
                            "inferred, not stated: the country (Kenya)"));
  g_assert_nonnull (strstr (TEXT ("SELECT source FROM meetings WHERE number = 26"), "inferred, not stated: the year"));
  g_assert_nonnull (strstr (TEXT ("SELECT source FROM meetings WHERE number = 20"), "the country (Switzerland)"));
  /* The 22nd session's "Montreux, Switzerland" is in the text. */
  g_assert_null (strstr (TEXT ("SELECT source FROM meetings WHERE number = 22"), "inferred"));
  g_assert_null (strstr (TEXT ("SELECT source FROM meetings WHERE number = 21"), "inferred"));
}

/* Meetings the reports mention in passing. */
static void
test_mentioned_meetings (IdkTestFixture *fixture,
                         gconstpointer   data)
{
  g_assert_cmpstr (TEXT ("SELECT start_date || '/' || status || '/' || type FROM meetings "
                         "WHERE title = 'Security Training Working Group, Budapest'"), ==, "2015/planned/wg-meeting");
  g_assert_cmpstr (TEXT ("SELECT start_date || '/' || city FROM meetings "
                         "WHERE title = 'Inter-Agency Standing Committee, Geneva'"), ==, "2018-02/Geneva");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  IDK_TEST_ADD_DEFAULTS ("/defaults/table-counts", test_table_counts);
  IDK_TEST_ADD_DEFAULTS ("/defaults/london-participants", test_london_participants);
  IDK_TEST_ADD_DEFAULTS ("/defaults/27th-participants", test_27th_participants);
  IDK_TEST_ADD_DEFAULTS ("/defaults/21st-attendance", test_21st_attendance);
  IDK_TEST_ADD_DEFAULTS ("/defaults/actions-per-session", test_actions_per_session);
  IDK_TEST_ADD_DEFAULTS ("/defaults/calendar-meetings", test_calendar_meetings);
  IDK_TEST_ADD_DEFAULTS ("/defaults/month-precision", test_month_precision);
  IDK_TEST_ADD_DEFAULTS ("/defaults/actors", test_actors);
  IDK_TEST_ADD_DEFAULTS ("/defaults/accountability-tree", test_accountability_tree);
  IDK_TEST_ADD_DEFAULTS ("/defaults/working-groups", test_working_groups);
  IDK_TEST_ADD_DEFAULTS ("/defaults/agendas", test_agendas);
  IDK_TEST_ADD_DEFAULTS ("/defaults/rules", test_rules);
  IDK_TEST_ADD_DEFAULTS ("/defaults/organizations", test_organizations);
  IDK_TEST_ADD_DEFAULTS ("/defaults/references", test_references);
  IDK_TEST_ADD_DEFAULTS ("/defaults/identical-across-offices", test_identical_across_offices);
  IDK_TEST_ADD_DEFAULTS ("/defaults/chief-security-officer", test_chief_security_officer);
  IDK_TEST_ADD_DEFAULTS ("/defaults/interest-is-not-membership", test_interest_is_not_membership);
  IDK_TEST_ADD_DEFAULTS ("/defaults/inferred-notes", test_inferred_notes);
  IDK_TEST_ADD_DEFAULTS ("/defaults/mentioned-meetings", test_mentioned_meetings);

  return g_test_run ();
}
