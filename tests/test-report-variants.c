/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"

/* The seed reports rewritten as the next report may come: headings marked
 * otherwise, bold removed, paragraphs renumbered, decisions broken by page
 * breaks, participants in the other table format.  Each variant must give
 * the proposals of the report it was made from.  And a short report
 * written from scratch in the same style (tests/data/reports). */

#define MANILA "iasmn-21st-session-manila-2015.txt"
#define NEW_YORK "iasmn-27th-session-new-york-2018.txt"
#define LONDON "hlcm-2009-iasmn-london-report.txt"

static char *
read_seed (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "defaults", "sources", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static IdkReport *
read_report (IdkTestFixture *fixture,
             const char     *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkReportLexicon) lexicon = idk_store_load_report_lexicon (fixture->store, &error);
  g_autoptr(IdkReportText) text = NULL;

  g_assert_no_error (error);
  text = idk_report_text_new (data, strlen (data), &error);
  g_assert_no_error (error);
  return idk_report_new (text, lexicon);
}

/* Each line of @data through @edit, which returns the new line or NULL to keep it. */
static char *
rewrite_lines (const char *data,
               char     *(*edit) (const char *line, guint index, gpointer user_data),
               gpointer    user_data)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *edited = edit (lines[i], i, user_data);

      g_string_append (out, edited != NULL ? edited : lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
owners_of (const IdkReportDecision *d)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < d->owners->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "", ((IdkReportName *) g_ptr_array_index (d->owners, i))->label);
  return g_string_free (out, FALSE);
}

/* The variant proposes what the original does, paragraph numbers moved by @offset. */
static void
assert_same_decisions (IdkReport *original,
                       IdkReport *variant,
                       guint      offset,
                       gboolean   same_text)
{
  GPtrArray *a = idk_report_get_decisions (original);
  GPtrArray *b = idk_report_get_decisions (variant);

  g_assert_cmpuint (a->len, >, 0);
  g_assert_cmpuint (b->len, ==, a->len);
  for (guint i = 0; i < a->len; i++)
    {
      IdkReportDecision *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);
      g_autofree char *ox = owners_of (x), *oy = owners_of (y);

      g_assert_cmpuint (y->paragraph, ==, x->paragraph + offset);
      g_assert_cmpuint (y->part, ==, x->part);
      g_assert_cmpstr (y->kind, ==, x->kind);
      g_assert_cmpstr (oy, ==, ox);
      g_assert_cmpstr (y->due_date, ==, x->due_date);
      g_assert_cmpstr (y->due_meeting, ==, x->due_meeting);
      g_assert_cmpstr (y->due_meeting_uuid, ==, x->due_meeting_uuid);
      g_assert_cmpstr (y->topic, ==, x->topic);
      if (same_text)
        g_assert_cmpstr (y->text, ==, x->text);
    }
}

static void
assert_same_participants (IdkReport *original,
                          IdkReport *variant)
{
  GPtrArray *a = idk_report_get_participants (original);
  GPtrArray *b = idk_report_get_participants (variant);

  g_assert_cmpuint (a->len, >, 0);
  g_assert_cmpuint (b->len, ==, a->len);
  for (guint i = 0; i < a->len; i++)
    {
      IdkReportParticipant *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (y->person, ==, x->person);
      g_assert_cmpstr (y->organization_uuid, ==, x->organization_uuid);
      g_assert_cmpint (y->observer, ==, x->observer);
    }
}

/* "B. Global Security Environment" as "## Global Security Environment",
 * "RECOMMENDATION:" as "**Recommendations:**". */
static char *
remark_heading (const char *line,
                guint       index,
                gpointer    user_data)
{
  g_autofree char *t = g_strstrip (g_strdup (line));

  if (g_ascii_isupper (t[0]) && t[0] <= 'Q' && t[1] == '.' && t[2] == ' ')
    return g_strconcat ("## ", g_strchug (t + 3), NULL);
  if (g_ascii_islower (t[0]) && t[1] == '.' && t[2] == ' ' && strlen (t) < 60 && !g_str_has_suffix (t, ".")
      && !g_str_has_suffix (t, ";") && strstr (t, "The ") == NULL && strstr (t, "the ") == NULL
      && strstr (t, "In ") == NULL && strstr (t, "Furthermore") == NULL && strstr (t, "Finally") == NULL)
    return g_strconcat ("### ", t, NULL);
  if (strcmp (t, "RECOMMENDATION:") == 0)
    return g_strdup ("**Recommendations:**");
  return NULL;
}

static void
test_headings (IdkTestFixture *fixture,
               gconstpointer   data)
{
  g_autofree char *seed = read_seed (MANILA);
  g_autofree char *variant = rewrite_lines (seed, remark_heading, NULL);
  g_autoptr(IdkReport) original = read_report (fixture, seed);
  g_autoptr(IdkReport) remarked = read_report (fixture, variant);

  g_assert_cmpuint (idk_report_get_decisions (original)->len, ==, 32);
  assert_same_decisions (original, remarked, 0, TRUE);
}

static void
test_no_bold (IdkTestFixture *fixture,
              gconstpointer   data)
{
  g_autofree char *seed = read_seed (NEW_YORK);
  g_autoptr(GString) plain = g_string_new (seed);
  g_autoptr(IdkReport) original = read_report (fixture, seed);
  g_autoptr(IdkReport) variant = NULL;

  g_string_replace (plain, "**", "", 0);
  g_assert_null (strstr (plain->str, "**"));
  variant = read_report (fixture, plain->str);
  g_assert_cmpuint (idk_report_get_decisions (original)->len, ==, 45);
  assert_same_decisions (original, variant, 0, TRUE);
}

static char *
renumber (const char *line,
          guint       index,
          gpointer    user_data)
{
  guint n = 0;
  const char *p = line;

  while (g_ascii_isdigit (*p))
    n = n * 10 + (*p++ - '0');
  if (p == line || p - line > 3 || p[0] != '.' || p[1] != ' ')
    return NULL;
  return g_strdup_printf ("%u%s", n + GPOINTER_TO_UINT (user_data), p);
}

static void
test_renumbered (IdkTestFixture *fixture,
                 gconstpointer   data)
{
  g_autofree char *seed = read_seed (NEW_YORK);
  g_autofree char *variant = rewrite_lines (seed, renumber, GUINT_TO_POINTER (100));
  g_autoptr(IdkReport) original = read_report (fixture, seed);
  g_autoptr(IdkReport) renumbered = read_report (fixture, variant);

  assert_same_decisions (original, renumbered, 100, TRUE);
}

/* A page break in the middle of a decision, the report's running head and
 * a page number between its two halves, as a PDF converter leaves them. */
static char *
break_page (const char *line,
            guint       index,
            gpointer    user_data)
{
  guint *page = user_data;
  const char *middle;

  if (!g_str_has_prefix (line, "- **") || strlen (line) < 80 || (index % 2) != 0)
    return NULL;
  middle = line + strlen (line) / 2;
  while (*middle != '\0' && !(middle[0] == ' ' && g_ascii_islower (middle[1])))
    middle++;
  if (*middle == '\0')
    return NULL;
  ++*page;
  return g_strdup_printf ("%.*s\n\n%u\n\nIASMN 27th Session \u2013 Final Report\n\n%s",
                          (int) (middle - line), line, *page, middle + 1);
}

static void
test_page_breaks (IdkTestFixture *fixture,
                  gconstpointer   data)
{
  g_autofree char *seed = read_seed (NEW_YORK);
  guint pages = 0;
  g_autofree char *variant = rewrite_lines (seed, break_page, &pages);
  g_autoptr(IdkReport) original = read_report (fixture, seed);
  g_autoptr(IdkReport) broken = read_report (fixture, variant);

  /* Enough breaks for the running head to be recognised as one. */
  g_assert_cmpuint (pages, >=, 5);
  assert_same_decisions (original, broken, 0, TRUE);
}

/* The 27th session's list, one person a row, as London's: one row per
 * organization, its persons in one cell. */
static char *
group_by_organization (const char *seed)
{
  const char *start = strstr (seed, "List of Participants");
  const char *end = strstr (seed, "Summary of IASMN Recommendations");
  g_autofree char *block = g_strndup (start, end - start);
  g_auto(GStrv) lines = g_strsplit (block, "\n", -1);
  GString *out = g_string_new_len (seed, start - seed);
  g_autofree char *last = NULL;

  g_string_append (out, "List of Participants\n\n");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (cells) != 3 || !g_ascii_isdigit (cells[0][0]))
        continue;
      if (g_strcmp0 (last, cells[1]) == 0)
        g_string_append_printf (out, " %s", cells[2]);
      else
        {
          g_string_append_printf (out, "%s%s\t%s", last != NULL ? "\n" : "", cells[1], cells[2]);
          g_free (last);
          last = g_strdup (cells[1]);
        }
    }
  g_string_append (out, "\n\n");
  g_string_append (out, end);
  return g_string_free (out, FALSE);
}

/* London's list as a Markdown table, one person a row. */
static char *
one_person_a_row (IdkReport  *london,
                  const char *seed)
{
  GPtrArray *participants = idk_report_get_participants (london);
  const char *start = strstr (seed, "**LIST OF PARTICIPANTS**");
  const char *end = strstr (seed, "## Agenda");
  GString *out = g_string_new_len (seed, start - seed);
  gboolean observers = FALSE;

  g_string_append (out, "List of Participants\n\n| No. | Organization | Name |\n|---|---|---|\n");
  for (guint i = 0; i < participants->len; i++)
    {
      IdkReportParticipant *p = g_ptr_array_index (participants, i);

      if (p->observer && !observers)
        {
          g_string_append (out, "\nOBSERVERS\n\n");
          observers = TRUE;
        }
      if (p->function != NULL)
        {
          g_autofree char *function = g_ascii_strup (p->function, -1);

          g_string_append_printf (out, "| %s | %s %s (%s) |\n", function, p->honorific, p->person,
                                  p->organization);
        }
      else
        g_string_append_printf (out, "| %u | %s | %s %s |\n", i + 1, p->organization, p->honorific, p->person);
    }
  g_string_append (out, "\n");
  g_string_append (out, end);
  return g_string_free (out, FALSE);
}

static void
test_tables (IdkTestFixture *fixture,
             gconstpointer   data)
{
  g_autofree char *new_york = read_seed (NEW_YORK);
  g_autofree char *london = read_seed (LONDON);
  g_autofree char *grouped = group_by_organization (new_york);
  g_autoptr(IdkReport) new_york_report = read_report (fixture, new_york);
  g_autoptr(IdkReport) grouped_report = read_report (fixture, grouped);
  g_autoptr(IdkReport) london_report = read_report (fixture, london);
  g_autofree char *rows = one_person_a_row (london_report, london);
  g_autoptr(IdkReport) rows_report = read_report (fixture, rows);

  g_assert_cmpuint (idk_report_get_participants (new_york_report)->len, ==, 62);
  assert_same_participants (new_york_report, grouped_report);
  g_assert_cmpuint (idk_report_get_participants (london_report)->len, ==, 49);
  assert_same_participants (london_report, rows_report);
}

/* A report written from scratch in the seeds' style. */
static void
test_short_report (IdkTestFixture *fixture,
                   gconstpointer   data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "reports", "iasmn-29th-session-short.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkReport) report = NULL;
  const IdkReportSession *s;
  GPtrArray *decisions, *meetings, *participants;
  IdkReportDecision *d;
  IdkReportMeeting *m;
  g_autofree char *owners = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  report = read_report (fixture, text);
  s = idk_report_get_session (report);
  g_assert_cmpint (s->number, ==, 29);
  g_assert_cmpstr (s->start, ==, "2019-02-12");
  g_assert_cmpstr (s->end, ==, "2019-02-14");
  g_assert_cmpstr (s->city, ==, "Nairobi");
  g_assert_cmpstr (s->country, ==, "Kenya");
  g_assert_cmpstr (s->host, ==, "UNEP");
  g_assert_cmpstr (s->chair, ==, "Peter Drennan");
  g_assert_cmpstr (s->co_chair, ==, "Mary Moné");
  g_assert_cmpstr (s->secretary, ==, "Florence Poussin");
  g_assert_cmpint (s->members, ==, 30);
  g_assert_cmpint (s->observers, ==, 3);

  meetings = idk_report_get_meetings (report);
  g_assert_cmpuint (meetings->len, ==, 2);
  m = g_ptr_array_index (meetings, 0);
  g_assert_cmpstr (m->type, ==, "sg-session");
  g_assert_cmpstr (m->start, ==, "2019-05-07");
  g_assert_cmpstr (m->city, ==, "Geneva");
  g_assert_cmpstr (m->host, ==, "WHO");
  m = g_ptr_array_index (meetings, 1);
  g_assert_cmpint (m->number, ==, 30);
  g_assert_cmpstr (m->end, ==, "2019-06-27");

  decisions = idk_report_get_decisions (report);
  g_assert_cmpuint (decisions->len, ==, 7);
  /* "the Security Training WG": the working group, by its name shortened */
  d = g_ptr_array_index (decisions, 0);
  owners = owners_of (d);
  g_assert_cmpstr (owners, ==, "STWG");
  g_assert_cmpstr (d->kind, ==, "request");
  g_assert_cmpint (d->due_meeting_index, ==, 0);
  g_assert_cmpstr (d->topic, ==, "Security Training");
  /* "within six months" is kept as words: no date is made of it */
  d = g_ptr_array_index (decisions, 3);
  g_assert_cmpstr (d->due_text, ==, "within six months");
  g_assert_null (d->due_date);
  d = g_ptr_array_index (decisions, 4);
  g_assert_cmpstr (d->due_date, ==, "2019-09-30");
  d = g_ptr_array_index (decisions, 5);
  g_assert_cmpuint (d->paragraph, ==, 5);
  g_assert_cmpint (d->due_meeting_index, ==, 1);
  d = g_ptr_array_index (decisions, 6);
  g_assert_cmpstr (d->kind, ==, "noting");
  g_assert_cmpuint (d->owners->len, ==, 0);
  g_assert_null (d->due_meeting);

  participants = idk_report_get_participants (report);
  g_assert_cmpuint (participants->len, ==, 7);
  g_assert_cmpstr (((IdkReportParticipant *) g_ptr_array_index (participants, 1))->person, ==, "Florence Poussin");
  g_assert_cmpstr (((IdkReportParticipant *) g_ptr_array_index (participants, 3))->organization, ==, "WFP");
  g_assert_true (((IdkReportParticipant *) g_ptr_array_index (participants, 6))->observer);
  g_assert_false (((IdkReportParticipant *) g_ptr_array_index (participants, 5))->observer);
}

/* London's form: no "RECOMMENDATION:" heading, but a part of the report
 * headed "RECOMMENDATIONS OF THE IASMN", whose numbered paragraphs are
 * its recommendations, section by section; not those of the parts after. */
static void
test_recommendations_part (IdkTestFixture *fixture,
                           gconstpointer   data)
{
  g_autofree char *seed = read_seed (LONDON);
  g_autoptr(IdkReport) report = read_report (fixture, seed);
  GPtrArray *decisions = idk_report_get_decisions (report);
  IdkReportDecision *d;
  g_autofree char *owners = NULL;

  g_assert_cmpuint (decisions->len, ==, 20);
  for (guint i = 0; i < decisions->len; i++)
    g_assert_cmpuint (((IdkReportDecision *) g_ptr_array_index (decisions, i))->paragraph, ==, i + 2);
  d = g_ptr_array_index (decisions, 9);
  owners = owners_of (d);
  /* "requested that DSS further revise it and circulate for comment by the end of August 2009" */
  g_assert_cmpstr (owners, ==, "UNDSS");
  g_assert_cmpstr (d->due_date, ==, "2009-08");
  g_assert_cmpstr (d->topic, ==, "UN Policies and Guidelines for Estate Safety and Security; update on Blast "
                                 "Assessment Working Group");
}

/* "SG" alone is never read as the Steering Group: the short report's
 * "the SG's reform" is the Secretary-General's, and gives no due. */
static void
test_sg (IdkTestFixture *fixture,
         gconstpointer   data)
{
  const char *text = "1. The IASMN met in Geneva, Switzerland from 3 to 4 March 2020.\n\n"
                     "RECOMMENDATION:\n\n"
                     "2. The IASMN requested UNDSS to align the policy with the SG's reform before the SG meeting.\n\n"
                     "3. The IASMN requested UNDSS to report to the IASMN SG at its next session.\n";
  g_autoptr(IdkReport) report = read_report (fixture, text);
  GPtrArray *decisions = idk_report_get_decisions (report);

  g_assert_cmpuint (decisions->len, ==, 2);
  g_assert_null (((IdkReportDecision *) g_ptr_array_index (decisions, 0))->due_meeting);
  g_assert_cmpstr (((IdkReportDecision *) g_ptr_array_index (decisions, 1))->due_meeting, !=, NULL);
}

/* A fuzz finding (tests/data/reports/fuzz-finding-by-at-end.txt): "By"
 * in capitals at the end of a decision read past the text's end.  Under
 * AddressSanitizer (build-aux/test) a read past the end fails the test. */
static void
test_by_at_end (IdkTestFixture *fixture,
                gconstpointer   data)
{
  const char *texts[] = { "RECOMMENDATION:\n\n2. The IASMN requested UNDSS to act BY",
                          "RECOMMENDATION:\n\n2. The IASMN requested UNDSS to act BEFORE",
                          "RECOMMENDATION:\n\n2. The IASMN requested UNDSS to act No later than",
                          "RECOMMENDATION:\n\n2. The IASMN requested UNDSS to act By 1 April 2015" };
  const char *dues[] = { NULL, NULL, NULL, "2015-04-01" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(IdkReport) report = read_report (fixture, texts[i]);
      GPtrArray *decisions = idk_report_get_decisions (report);

      g_assert_cmpuint (decisions->len, ==, 1);
      g_assert_cmpstr (((IdkReportDecision *) g_ptr_array_index (decisions, 0))->due_date, ==, dues[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  IDK_TEST_ADD_DEFAULTS ("/report-variants/headings", test_headings);
  IDK_TEST_ADD_DEFAULTS ("/report-variants/no-bold", test_no_bold);
  IDK_TEST_ADD_DEFAULTS ("/report-variants/renumbered", test_renumbered);
  IDK_TEST_ADD_DEFAULTS ("/report-variants/page-breaks", test_page_breaks);
  IDK_TEST_ADD_DEFAULTS ("/report-variants/tables", test_tables);
  IDK_TEST_ADD_DEFAULTS ("/report-variants/short-report", test_short_report);
  IDK_TEST_ADD_DEFAULTS ("/report-variants/sg", test_sg);
  IDK_TEST_ADD_DEFAULTS ("/report-variants/recommendations-part", test_recommendations_part);
  IDK_TEST_ADD_DEFAULTS ("/report-variants/by-at-end", test_by_at_end);
  return g_test_run ();
}
