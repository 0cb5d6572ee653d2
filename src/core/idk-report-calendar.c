/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report"

#include "config.h"

#include <string.h>

#include "idk-report-private.h"

/* The meetings a report sets, in the two ways the seeds write them:
 *  - a list, one meeting a line: "12-13 May 2015: IASMN Steering Group
 *    Session in Bogota, Colombia", its host on the next ("o Host: UNDP");
 *  - sentences in the future: "The 28th IASMN Session will take place from
 *    19 to 21 June 2018 in Montreux, Switzerland, hosted by the Swiss
 *    Federation", "the first meeting in 2010 will take place in Nairobi
 *    during the period 1-5 February 2010".
 * A meeting the report only mentions as past is not proposed. */

void
_idk_report_meeting_free (IdkReportMeeting *m)
{
  g_free (m->type);
  g_free (m->start);
  g_free (m->end);
  g_free (m->city);
  g_free (m->country);
  g_free (m->host);
  g_free (m->host_uuid);
  g_free (m->match.existing);
  g_strfreev (m->match.changed);
  g_free (m);
}

static const char *
meeting_type (const char *text)
{
  if (strstr (text, "Steering Group") != NULL || strstr (text, "IASMN SG") != NULL)
    return "sg-session";
  if (strstr (text, "Working Group") != NULL || strstr (text, "working group") != NULL)
    return "wg-meeting";
  return "full-session";
}

static gint64
session_number (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *after;
      gint64 n;

      if (g_ascii_isdigit (*p) && (p == text || !g_ascii_isalnum (p[-1]))
          && (n = _idk_report_ordinal_at (p, &after)) > 0)
        {
          if (g_str_has_prefix (after, " IASMN"))
            after += 6;
          if (g_ascii_strncasecmp (after, " session", 8) == 0 || g_ascii_strncasecmp (after, " meeting", 8) == 0)
            return n;
        }
    }
  return 0;
}

static void
read_host (IdkReportScan    *scan,
           IdkReportMeeting *m,
           const char       *text)
{
  const char *at = strstr (text, "hosted by ");
  const IdkNameMatch *match;
  g_autoptr(GArray) names = NULL;

  if (at == NULL && (at = strstr (text, "Host: ")) != NULL)
    at += 6;
  else if (at != NULL)
    at += 10;
  if (at == NULL)
    return;
  names = _idk_report_lexicon_scan (scan->lexicon, at);
  if (names->len > 0 && (match = &g_array_index (names, IdkNameMatch, 0))->start <= at + 4)
    {
      m->host = g_strdup (match->label);
      m->host_uuid = g_strdup (match->uuid);
      return;
    }
  if (g_str_has_prefix (at, "the "))
    at += 4;
  /* A host the lexicon does not know: its name as written, to the clause's end. */
  {
    const char *e = at;

    while (*e != '\0' && *e != ',' && *e != ';' && !(*e == '.' && (e[1] == ' ' || e[1] == '\0')))
      e++;
    if (e > at && e - at < 80)
      m->host = g_strndup (at, e - at);
  }
}

static void
read_city (IdkReportMeeting *m,
           const char       *text)
{
  for (const char *in = text; (in = strstr (in, " in ")) != NULL; in += 4)
    {
      char *country = NULL;
      char *city = _idk_report_place_after (in + 4, &country);

      if (city != NULL && _idk_report_month (city, strchr (city, ' ') ? (gsize) (strchr (city, ' ') - city)
                                                                     : strlen (city)) == 0)
        {
          m->city = city;
          m->country = country;
          return;
        }
      g_free (city);
      g_free (country);
    }
}

/* Returns: (nullable): the meeting added, or NULL when it was there already */
static IdkReportMeeting *
add_meeting (IdkReportScan    *scan,
             IdkReportMeeting *m)
{
  for (guint i = 0; i < scan->meetings->len; i++)
    {
      IdkReportMeeting *o = g_ptr_array_index (scan->meetings, i);

      if (strcmp (o->type, m->type) == 0 && g_strcmp0 (o->start, m->start) == 0)
        {
          _idk_report_meeting_free (m);
          return NULL;
        }
    }
  m->match.existing = g_strdup (_idk_report_lexicon_meeting_at (scan->lexicon, m->type, m->number, m->start));
  g_ptr_array_add (scan->meetings, m);
  return m;
}

static IdkReportMeeting *
meeting_new (const char         *description,
             const IdkDateRange *r,
             guint               line)
{
  IdkReportMeeting *m = g_new0 (IdkReportMeeting, 1);

  m->type = g_strdup (meeting_type (description));
  m->number = session_number (description);
  m->start = _idk_report_date_start (r);
  m->end = _idk_report_date_end (r);
  m->source.first_line = m->source.last_line = line;
  read_city (m, description);
  m->source.confidence = m->city != NULL ? 0.9 : 0.6;
  return m;
}

/* "12-13 May 2015: IASMN Steering Group Session in Bogota, Colombia" */
static gboolean
read_list_line (IdkReportScan *scan,
                guint          i,
                const char    *s)
{
  IdkDateRange r;
  const char *end, *d;
  IdkReportMeeting *m;

  if (_idk_report_find_date (s, 0, &r, &end) != s)
    return FALSE;
  if (*end == ':')
    d = end + 1;
  else if (g_str_has_prefix (end, " \u2013 ") || g_str_has_prefix (end, " - "))
    d = strchr (end + 1, ' ');
  else
    return FALSE;
  while (*d == ' ')
    d++;
  if (strstr (d, "ession") == NULL && strstr (d, "eeting") == NULL)
    return FALSE;
  m = meeting_new (d, &r, idk_report_text_get_line (scan->text, i)->number);
  read_host (scan, m, d);

  /* "o Host: UNDP" on the line after */
  for (guint j = i + 1; j < scan->body_end && j < i + 3; j++)
    {
      const char *next = scan->info[j].body;

      if (scan->info[j].role == IDK_LINE_BLANK)
        continue;
      if (m->host == NULL && g_str_has_prefix (next, "Host: "))
        {
          read_host (scan, m, next);
          m->source.last_line = idk_report_text_get_line (scan->text, j)->number;
        }
      break;
    }
  add_meeting (scan, m);
  return TRUE;
}


static const char *const future[] = { " will take place", " will be held", " will be in ", " will meet",
                                      " is scheduled", " are scheduled", " will convene", NULL };

/* Each clause of @sentence that sets a meeting in the future. */
static void
read_sentence (IdkReportScan *scan,
               const char    *sentence,
               guint          line)
{
  g_auto(GStrv) clauses = NULL;
  g_autofree char *split = g_strdup (sentence);
  IdkReportMeeting *last = NULL;

  /* "…in Nairobi during…, and the second meeting will be in Vienna…" */
  for (char *p = split; (p = strstr (p, ", and ")) != NULL; p++)
    *p = ';';
  clauses = g_strsplit (split, ";", -1);
  for (guint c = 0; clauses[c] != NULL; c++)
    {
      const char *clause = clauses[c];
      gboolean sets = FALSE;
      IdkDateRange r;
      IdkReportMeeting *m;

      for (guint i = 0; future[i] != NULL; i++)
        sets = sets || strstr (clause, future[i]) != NULL;
      if (!sets || _idk_report_find_date (clause, 0, &r, NULL) == NULL)
        {
          /* "…from 8 to 9 May 2018, and will be hosted by UNDP" */
          if (last != NULL && last->host == NULL)
            read_host (scan, last, clause);
          continue;
        }
      m = meeting_new (clause, &r, line);
      read_host (scan, m, clause);
      last = add_meeting (scan, m);
    }
}

void
_idk_report_find_calendar (IdkReportScan *scan)
{
  for (guint i = 0; i < scan->body_end; i++)
    {
      IdkLineInfo *info = &scan->info[i];
      g_autofree char *text = NULL;
      guint last = i;

      if ((info->role == IDK_LINE_BULLET || info->role == IDK_LINE_TEXT) && read_list_line (scan, i, info->body))
        continue;
      if (info->role != IDK_LINE_PARAGRAPH)
        continue;

      /* A numbered paragraph, sentence by sentence. */
      for (guint j = i + 1; j < scan->body_end && (scan->info[j].role == IDK_LINE_TEXT
                                                   || scan->info[j].role == IDK_LINE_BLANK
                                                   || scan->info[j].role == IDK_LINE_PAGE); j++)
        last = j;
      text = _idk_report_join (scan, i, last, info->body);
      for (const char *s = text; *s != '\0'; )
        {
          const char *e = s;
          g_autofree char *sentence = NULL;

          while (*e != '\0' && !(*e == '.' && (e[1] == ' ' || e[1] == '\0') && e - s > 3
                                 && _idk_report_honorific_at (e - 2) == NULL))
            e++;
          sentence = g_strndup (s, e - s);
          read_sentence (scan, sentence, idk_report_text_get_line (scan->text, i)->number);
          s = *e != '\0' ? e + 1 : e;
          while (*s == ' ')
            s++;
        }
    }
}
