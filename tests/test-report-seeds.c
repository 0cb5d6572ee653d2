/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"

/* The report importer against the default data, proposal by proposal.
 * The default data was made from the same three reports by a script with
 * judgement written in (data/defaults/generate-defaults.py): which
 * paragraphs decide, who owns them, when they are due.  The importer has
 * none of it; what it reads alone must find what the default data holds
 * (recall), and must not propose an owner, a due or a date the default
 * data does not give (nothing invented).  Run with --verbose for the
 * figures. */

typedef struct
{
  guint expected, proposed, matched;
  guint invented;            /* a value proposed that the default data does not hold */
  guint agree, compared;     /* a second figure: kinds, observers, fields */
  guint owners_expected, owners_found;
  guint dues_expected, dues_found;
  guint topics_agree, texts_agree;
} Figures;

static sqlite3 *
open_db (IdkTestFixture *fixture)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

static sqlite3_stmt *
query (sqlite3    *db,
       const char *sql,
       const char *key)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return stmt;
}

static char *
text_of (sqlite3    *db,
         const char *sql,
         const char *key)
{
  sqlite3_stmt *stmt = query (db, sql, key);
  char *value = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
report_figures (const char    *what,
                const Figures *f)
{
  g_test_message ("%s: expected %u, proposed %u, matched %u: recall %.1f %%, precision %.1f %%; invented %u; "
                  "agreement %u/%u; owners %u/%u; dues %u/%u",
                  what, f->expected, f->proposed, f->matched,
                  f->expected > 0 ? 100.0 * f->matched / f->expected : 100.0,
                  f->proposed > 0 ? 100.0 * f->matched / f->proposed : 100.0,
                  f->invented, f->agree, f->compared, f->owners_found, f->owners_expected,
                  f->dues_found, f->dues_expected);
  if (f->topics_agree + f->texts_agree > 0)
    g_test_message ("%s: the same topic %u/%u, the same text %u/%u", what, f->topics_agree, f->matched,
                    f->texts_agree, f->matched);
}

static void
assert_figures (const Figures *f)
{
  g_assert_cmpuint (f->matched * 100, >=, f->expected * 95);
  g_assert_cmpuint (f->invented, ==, 0);
}

static gboolean
in_json_array (const char *array,
               const char *value)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", value);

  return array != NULL && strstr (array, quoted) != NULL;
}

static IdkReportDecision *
find_decision (GPtrArray *decisions,
               guint      paragraph,
               guint      part)
{
  for (guint i = 0; i < decisions->len; i++)
    {
      IdkReportDecision *d = g_ptr_array_index (decisions, i);

      if (d->paragraph == paragraph && d->part == part)
        return d;
    }
  return NULL;
}

static void
compare_decisions (sqlite3   *db,
                   IdkReport *report,
                   const char *meeting,
                   Figures   *f)
{
  GPtrArray *decisions = idk_report_get_decisions (report);
  sqlite3_stmt *stmt = query (db, "SELECT paragraph, reference, kind, owners, due_date, due_meeting, topic, text "
                                  "FROM actions WHERE meeting = ?1 ORDER BY ordinal", meeting);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  f->proposed += decisions->len;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint paragraph = sqlite3_column_int (stmt, 0);
      const char *reference = (const char *) sqlite3_column_text (stmt, 1);
      const char *kind = (const char *) sqlite3_column_text (stmt, 2);
      const char *owners = (const char *) sqlite3_column_text (stmt, 3);
      const char *due_date = (const char *) sqlite3_column_text (stmt, 4);
      const char *due_meeting = (const char *) sqlite3_column_text (stmt, 5);
      char last = reference[strlen (reference) - 1];
      guint part = g_ascii_islower (last) ? (guint) (last - 'a' + 1) : 0;
      IdkReportDecision *d = find_decision (decisions, paragraph, part);
      g_autoptr(JsonNode) owners_node = owners != NULL ? json_from_string (owners, NULL) : NULL;

      f->expected++;
      if (owners_node != NULL && JSON_NODE_HOLDS_ARRAY (owners_node))
        f->owners_expected += json_array_get_length (json_node_get_array (owners_node));
      f->dues_expected += due_date != NULL || due_meeting != NULL;
      if (d == NULL)
        {
          g_test_message ("  missed %s", reference);
          continue;
        }
      g_hash_table_add (seen, d);
      f->matched++;
      f->compared++;
      f->topics_agree += g_strcmp0 (d->topic, (const char *) sqlite3_column_text (stmt, 6)) == 0;
      f->texts_agree += g_strcmp0 (d->text, (const char *) sqlite3_column_text (stmt, 7)) == 0;
      if (g_strcmp0 (d->kind, kind) == 0)
        f->agree++;
      else
        g_test_message ("  %s: kind %s, the default data has %s", reference, d->kind, kind);

      for (guint k = 0; k < d->owners->len; k++)
        {
          IdkReportName *o = g_ptr_array_index (d->owners, k);

          if (o->uuid != NULL && in_json_array (owners, o->uuid))
            f->owners_found++;
          else
            {
              f->invented++;
              g_test_message ("  %s: owner %s invented", reference, o->label);
            }
        }
      if (d->due_date != NULL)
        {
          if (g_strcmp0 (d->due_date, due_date) == 0)
            f->dues_found++;
          else
            {
              f->invented++;
              g_test_message ("  %s: due %s invented", reference, d->due_date);
            }
        }
      else if (d->due_meeting_uuid != NULL)
        {
          if (g_strcmp0 (d->due_meeting_uuid, due_meeting) == 0)
            f->dues_found++;
          else
            {
              f->invented++;
              g_test_message ("  %s: due at “%s” invented", reference, d->due_meeting);
            }
        }
      else if (d->due_meeting != NULL && due_meeting != NULL)
        g_test_message ("  %s: due at “%s”, not resolved to a meeting", reference, d->due_meeting);
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < decisions->len; i++)
    if (!g_hash_table_contains (seen, g_ptr_array_index (decisions, i)))
      {
        IdkReportDecision *d = g_ptr_array_index (decisions, i);

        g_test_message ("  proposed %u%c, not in the default data", d->paragraph, d->part ? 'a' + d->part - 1 : ' ');
      }
}

/* The calendar a report sets: the meetings whose source note names the paragraph. */
static void
compare_meetings (sqlite3    *db,
                  IdkReport  *report,
                  const char *source,
                  Figures    *f)
{
  GPtrArray *meetings = idk_report_get_meetings (report);
  sqlite3_stmt *stmt = query (db, "SELECT uuid, start_date, end_date, city FROM meetings WHERE source LIKE ?1",
                              source);

  f->proposed += meetings->len;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
      const char *start = (const char *) sqlite3_column_text (stmt, 1);
      const char *end = (const char *) sqlite3_column_text (stmt, 2);
      const char *city = (const char *) sqlite3_column_text (stmt, 3);
      IdkReportMeeting *found = NULL;

      f->expected++;
      for (guint i = 0; i < meetings->len; i++)
        if (g_strcmp0 (((IdkReportMeeting *) g_ptr_array_index (meetings, i))->match.existing, uuid) == 0)
          found = g_ptr_array_index (meetings, i);
      if (found == NULL)
        {
          g_test_message ("  missed the meeting of %s in %s", start, city);
          continue;
        }
      f->matched++;
      f->compared += 3;
      f->agree += (g_strcmp0 (found->start, start) == 0) + (g_strcmp0 (found->end, end) == 0)
                  + (g_strcmp0 (found->city, city) == 0);
      if (g_strcmp0 (found->start, start) != 0 || g_strcmp0 (found->end, end) != 0)
        {
          f->invented++;
          g_test_message ("  meeting %s–%s, the default data has %s–%s", found->start, found->end, start, end);
        }
    }
  sqlite3_finalize (stmt);
}

static gboolean
same_person (const char *a,
             const char *b)
{
  g_autofree char *x = a != NULL ? g_str_to_ascii (a, "C") : NULL;
  g_autofree char *y = b != NULL ? g_str_to_ascii (b, "C") : NULL;

  return x != NULL && y != NULL && g_ascii_strcasecmp (x, y) == 0;
}

static void
compare_participants (sqlite3    *db,
                      IdkReport  *report,
                      const char *meeting,
                      Figures    *f)
{
  GPtrArray *participants = idk_report_get_participants (report);
  sqlite3_stmt *stmt = query (db, "SELECT p.ordinal, pe.name, p.organization, p.role FROM participants p "
                                  "JOIN persons pe ON pe.uuid = p.person WHERE p.meeting = ?1 ORDER BY p.ordinal",
                              meeting);

  f->proposed += participants->len;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint ordinal = sqlite3_column_int (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *organization = (const char *) sqlite3_column_text (stmt, 2);
      gboolean observer = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "observer") == 0;
      IdkReportParticipant *p = ordinal <= participants->len ? g_ptr_array_index (participants, ordinal - 1) : NULL;

      f->expected++;
      if (p == NULL || g_strcmp0 (p->organization_uuid, organization) != 0)
        {
          if (p != NULL && p->organization_uuid != NULL)
            f->invented++;
          g_test_message ("  participant %u (%s): %s of %s", ordinal, name, p ? p->person : "none",
                          p ? p->organization : "none");
          continue;
        }
      if (!same_person (p->person, name))
        {
          g_test_message ("  participant %u: “%s”, the default data has “%s”", ordinal, p->person, name);
          continue;
        }
      f->matched++;
      f->compared++;
      f->agree += p->observer == observer;
      if (p->observer != observer)
        g_test_message ("  participant %u (%s): observer %d, the default data %d", ordinal, name,
                        p->observer, observer);
    }
  sqlite3_finalize (stmt);
}

static void
compare_field (Figures    *f,
               const char *what,
               const char *proposed,
               const char *expected,
               gboolean    is_date)
{
  f->proposed += proposed != NULL;
  if (expected == NULL)
    return;
  f->expected++;
  if (g_strcmp0 (proposed, expected) == 0)
    f->matched++;
  else
    {
      g_test_message ("  session %s: “%s”, the default data has “%s”", what, proposed ? proposed : "", expected);
      if (proposed != NULL && is_date)
        f->invented++;
    }
}

static void
compare_session (sqlite3    *db,
                 IdkReport  *report,
                 const char *meeting,
                 Figures    *f)
{
  const IdkReportSession *s = idk_report_get_session (report);
  g_autofree char *number = text_of (db, "SELECT number FROM meetings WHERE uuid = ?1", meeting);
  g_autofree char *start = text_of (db, "SELECT start_date FROM meetings WHERE uuid = ?1", meeting);
  g_autofree char *end = text_of (db, "SELECT end_date FROM meetings WHERE uuid = ?1", meeting);
  g_autofree char *city = text_of (db, "SELECT city FROM meetings WHERE uuid = ?1", meeting);
  g_autofree char *host = text_of (db, "SELECT host_organization FROM meetings WHERE uuid = ?1", meeting);
  g_autofree char *chair = text_of (db, "SELECT p.name FROM meetings m JOIN persons p ON p.uuid = m.chair "
                                        "WHERE m.uuid = ?1", meeting);
  g_autofree char *co_chair = text_of (db, "SELECT p.name FROM meetings m JOIN persons p ON p.uuid = m.co_chair "
                                           "WHERE m.uuid = ?1", meeting);
  g_autofree char *secretary = text_of (db, "SELECT p.name FROM meetings m JOIN persons p "
                                            "ON p.uuid = m.secretary WHERE m.uuid = ?1", meeting);
  g_autofree char *proposed_number = s->number > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, s->number) : NULL;

  compare_field (f, "number", proposed_number, number, TRUE);
  compare_field (f, "start", s->start, start, TRUE);
  compare_field (f, "end", s->end, end, TRUE);
  compare_field (f, "city", s->city, city, FALSE);
  compare_field (f, "host", s->host_uuid, host, FALSE);
  compare_field (f, "chair", same_person (s->chair, chair) ? chair : s->chair, chair, FALSE);
  compare_field (f, "co-chair", same_person (s->co_chair, co_chair) ? co_chair : s->co_chair, co_chair, FALSE);
  compare_field (f, "secretary", same_person (s->secretary, secretary) ? secretary : s->secretary, secretary,
                 FALSE);
}

/* The agenda, item by item in order, every field; the papers by symbol. */
static void
compare_agenda (sqlite3    *db,
                IdkReport  *report,
                const char *meeting,
                Figures    *items,
                Figures    *papers)
{
  GPtrArray *agenda = idk_report_get_agenda (report);
  GPtrArray *documents = idk_report_get_documents (report);
  sqlite3_stmt *stmt = query (db, "SELECT a.ordinal, a.day, a.start_time, a.end_time, a.title, a.presenter, a.crp, "
                                  "a.kind, (SELECT p.ordinal FROM agenda_items p WHERE p.uuid = a.parent) "
                                  "FROM agenda_items a WHERE a.meeting = ?1 ORDER BY a.ordinal", meeting);

  items->proposed += agenda->len;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint ordinal = sqlite3_column_int (stmt, 0);
      IdkReportAgendaItem *a = ordinal <= agenda->len ? g_ptr_array_index (agenda, ordinal - 1) : NULL;
      const char *expected[7];
      const char *proposed[7];
      g_autofree char *parent = a != NULL && a->parent >= 0 ? g_strdup_printf ("%d", a->parent + 1) : NULL;
      gboolean same = a != NULL;

      /* day, start, end, title, presenter, paper; then the parent's ordinal */
      for (guint k = 0; k < 6; k++)
        expected[k] = (const char *) sqlite3_column_text (stmt, k + 1);
      expected[6] = (const char *) sqlite3_column_text (stmt, 8);
      if (a != NULL)
        {
          proposed[0] = a->day, proposed[1] = a->start, proposed[2] = a->end, proposed[3] = a->title;
          proposed[4] = a->presenter, proposed[5] = a->crp, proposed[6] = parent;
          for (guint k = 0; k < 7; k++)
            same = same && g_strcmp0 (proposed[k], expected[k]) == 0;
          same = same && g_strcmp0 (a->kind, (const char *) sqlite3_column_text (stmt, 7)) == 0;
        }
      items->expected++;
      items->matched += same;
      if (!same)
        g_test_message ("  agenda item %u “%s” differs", ordinal, expected[3]);
    }
  sqlite3_finalize (stmt);

  stmt = query (db, "SELECT symbol, title FROM documents WHERE meeting = ?1", meeting);
  papers->proposed += documents->len;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *symbol = (const char *) sqlite3_column_text (stmt, 0);
      const char *title = (const char *) sqlite3_column_text (stmt, 1);
      IdkReportDocument *found = NULL;

      papers->expected++;
      for (guint i = 0; i < documents->len; i++)
        if (g_strcmp0 (((IdkReportDocument *) g_ptr_array_index (documents, i))->symbol, symbol) == 0)
          found = g_ptr_array_index (documents, i);
      if (found == NULL)
        {
          g_test_message ("  missed the paper %s", symbol);
          continue;
        }
      papers->matched++;
      papers->compared++;
      papers->agree += g_strcmp0 (found->title, title) == 0;
    }
  sqlite3_finalize (stmt);
}

/* The default data, the three seed reports read against it, and the
 * sessions they are of. */
typedef struct
{
  IdkTestFixture store;
  IdkReport *manila, *new_york, *london;
  sqlite3 *db;
  char *s21, *s27, *s09;
} Seeds;

static void
seeds_set_up (Seeds         *seeds,
              gconstpointer  data)
{
  idk_test_fixture_set_up_defaults (&seeds->store, data);
  seeds->manila = idk_test_read_seed_report (seeds->store.store, "iasmn-21st-session-manila-2015.txt");
  seeds->new_york = idk_test_read_seed_report (seeds->store.store, "iasmn-27th-session-new-york-2018.txt");
  seeds->london = idk_test_read_seed_report (seeds->store.store, "hlcm-2009-iasmn-london-report.txt");
  seeds->db = open_db (&seeds->store);
  seeds->s21 = text_of (seeds->db, "SELECT uuid FROM meetings WHERE type = 'full-session' AND number = 21", NULL);
  seeds->s27 = text_of (seeds->db, "SELECT uuid FROM meetings WHERE type = 'full-session' AND number = 27", NULL);
  seeds->s09 = text_of (seeds->db, "SELECT uuid FROM meetings WHERE city = 'London' AND type = 'full-session'", NULL);
}

static void
seeds_tear_down (Seeds         *seeds,
                 gconstpointer  data)
{
  g_clear_object (&seeds->manila);
  g_clear_object (&seeds->new_york);
  g_clear_object (&seeds->london);
  sqlite3_close (seeds->db);
  g_free (seeds->s21);
  g_free (seeds->s27);
  g_free (seeds->s09);
  idk_test_fixture_tear_down (&seeds->store, data);
}

static void
test_decisions (Seeds         *seeds,
                gconstpointer  data)
{
  Figures f21 = { 0 }, f27 = { 0 }, all;

  compare_decisions (seeds->db, seeds->manila, seeds->s21, &f21);
  report_figures ("21st session decisions", &f21);
  compare_decisions (seeds->db, seeds->new_york, seeds->s27, &f27);
  report_figures ("27th session decisions", &f27);

  /* Every one of the 32 recommendations, proposal for proposal. */
  g_assert_cmpuint (f21.expected, ==, 32);
  g_assert_cmpuint (f21.matched, ==, 32);
  g_assert_cmpuint (f21.proposed, ==, 32);
  /* The 19 blocks hold 45 of the 47; two are sentences of the discussion. */
  g_assert_cmpuint (f27.expected, ==, 47);
  g_assert_cmpuint (f27.matched, ==, 45);
  g_assert_cmpuint (f27.proposed, ==, 45);

  all = f21;
  all.expected += f27.expected, all.matched += f27.matched, all.invented += f27.invented;
  assert_figures (&all);
}

static void
test_calendars (Seeds         *seeds,
                gconstpointer  data)
{
  Figures f21 = { 0 }, f27 = { 0 }, f09 = { 0 };

  compare_meetings (seeds->db, seeds->manila, "21st session paragraph 97%", &f21);
  report_figures ("2015–16 calendar", &f21);
  compare_meetings (seeds->db, seeds->new_york, "27th session paragraph 99%", &f27);
  report_figures ("2018 calendar", &f27);
  compare_meetings (seeds->db, seeds->london, "London report paragraph 19%", &f09);
  report_figures ("2010 calendar", &f09);

  g_assert_cmpuint (f21.expected, ==, 4);
  g_assert_cmpuint (f27.expected, ==, 2);
  g_assert_cmpuint (f09.expected, ==, 2);
  assert_figures (&f21);
  assert_figures (&f27);
  assert_figures (&f09);
  g_assert_cmpuint (f21.proposed + f27.proposed + f09.proposed, ==, 8);
}

static void
test_participants (Seeds         *seeds,
                   gconstpointer  data)
{
  Figures fl = { 0 }, f27 = { 0 };

  compare_participants (seeds->db, seeds->london, seeds->s09, &fl);
  report_figures ("London participants", &fl);
  compare_participants (seeds->db, seeds->new_york, seeds->s27, &f27);
  report_figures ("27th session participants", &f27);

  g_assert_cmpuint (fl.expected, ==, 49);
  g_assert_cmpuint (fl.proposed, ==, 49);
  g_assert_cmpuint (f27.expected, ==, 62);
  g_assert_cmpuint (f27.proposed, ==, 62);
  assert_figures (&fl);
  assert_figures (&f27);
  g_assert_cmpuint (fl.agree, ==, fl.compared);
  g_assert_cmpuint (f27.agree, ==, f27.compared);
}

static void
test_sessions (Seeds         *seeds,
               gconstpointer  data)
{
  Figures f = { 0 };

  compare_session (seeds->db, seeds->manila, seeds->s21, &f);
  compare_session (seeds->db, seeds->new_york, seeds->s27, &f);
  compare_session (seeds->db, seeds->london, seeds->s09, &f);
  report_figures ("session fields", &f);

  assert_figures (&f);
  g_assert_cmpint (idk_report_get_session (seeds->manila)->members, ==, 28);
  g_assert_cmpint (idk_report_get_session (seeds->manila)->observers, ==, 2);
  g_assert_cmpint (idk_report_get_session (seeds->new_york)->members, ==, 37);
}

static void
test_agendas (Seeds         *seeds,
              gconstpointer  data)
{
  Figures items = { 0 }, papers = { 0 };

  compare_agenda (seeds->db, seeds->manila, seeds->s21, &items, &papers);
  compare_agenda (seeds->db, seeds->new_york, seeds->s27, &items, &papers);
  compare_agenda (seeds->db, seeds->london, seeds->s09, &items, &papers);
  report_figures ("agenda items, every field", &items);
  report_figures ("papers by symbol (agreement: the same title)", &papers);

  g_assert_cmpuint (items.expected, ==, 33 + 51 + 16);
  g_assert_cmpuint (items.proposed, ==, items.expected);
  assert_figures (&items);
  assert_figures (&papers);
}


int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report-seeds/decisions", Seeds, NULL, seeds_set_up, test_decisions, seeds_tear_down);
  g_test_add ("/report-seeds/calendars", Seeds, NULL, seeds_set_up, test_calendars, seeds_tear_down);
  g_test_add ("/report-seeds/participants", Seeds, NULL, seeds_set_up, test_participants, seeds_tear_down);
  g_test_add ("/report-seeds/sessions", Seeds, NULL, seeds_set_up, test_sessions, seeds_tear_down);
  g_test_add ("/report-seeds/agendas", Seeds, NULL, seeds_set_up, test_agendas, seeds_tear_down);
  return g_test_run ();
}
