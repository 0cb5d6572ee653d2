/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report"

#include "config.h"

#include <string.h>

#include "idk-report-private.h"

/* The session a report is of: read from the sentence that says where and
 * when the network met ("The IASMN held its 21st session at … in Manila,
 * Philippines from 3 to 5 February 2015"), and from those that name its
 * chair, co-chair and secretary and count its participants. */

#define HEADER_LINES 80

void
_idk_report_session_free (IdkReportSession *s)
{
  if (s == NULL)
    return;
  g_free (s->type);
  g_free (s->start);
  g_free (s->end);
  g_free (s->city);
  g_free (s->country);
  g_free (s->host);
  g_free (s->host_uuid);
  g_free (s->chair);
  g_free (s->co_chair);
  g_free (s->secretary);
  g_free (s->match.existing);
  g_strfreev (s->match.changed);
  g_free (s);
}

/* The sentence around @at in @text. */
static char *
sentence_around (const char  *text,
                 const char  *at,
                 const char **start)
{
  const char *s = at, *e = at;

  while (s > text && !(s[-1] == ' ' && s - text >= 2 && s[-2] == '.'
                       && (s - text < 4 || _idk_report_honorific_at (s - 4) == NULL)
                       && (s - text < 3 || _idk_report_honorific_at (s - 3) == NULL)))
    s--;
  while (*e != '\0' && !(*e == '.' && (e[1] == ' ' || e[1] == '\0') && e - s > 3
                         && _idk_report_honorific_at (e - 2) == NULL && _idk_report_honorific_at (e - 3) == NULL))
    e++;
  *start = s;
  return g_strndup (s, e - s);
}

static const char *
find_any (const char        *text,
          const char *const *words)
{
  const char *best = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *p = strstr (text, words[i]);

      if (p != NULL && (best == NULL || p < best))
        best = p;
    }
  return best;
}

/* The year of the report, for dates it gives without one: the first
 * year its title page names. */
static int
header_year (IdkReportScan *scan)
{
  for (guint i = 0; i < MIN (scan->n_lines, 30); i++)
    {
      IdkDateRange r;

      if (_idk_report_find_date (_idk_report_line (scan, i), 0, &r, NULL) != NULL)
        return r.year;
    }
  for (guint i = 0; i < MIN (scan->n_lines, 30); i++)
    for (const char *p = _idk_report_line (scan, i); *p != '\0'; p++)
      if ((p[0] == '1' || p[0] == '2') && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
          && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
        return (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
  return 0;
}

static void
read_place (IdkReportSession *s,
            const char       *sentence,
            const char       *date)
{
  const char *in = sentence;

  /* "in Manila, Philippines": the last "in <Capital>" before the date or after it */
  while ((in = strstr (in, " in ")) != NULL)
    {
      char *country = NULL;
      char *city = _idk_report_place_after (in + 4, &country);

      if (city != NULL && _idk_report_month (city, strlen (city)) == 0)
        {
          g_free (s->city);
          g_free (s->country);
          s->city = city;
          s->country = country;
          if (in > date)
            return;
        }
      else
        {
          g_free (city);
          g_free (country);
        }
      in += 4;
    }
  if (s->city != NULL)
    return;

  /* "…(EBRD), London, from 4-6 August": the place between commas before the date */
  for (const char *c = date; c > sentence + 2; c--)
    if (c[-1] == ',' && c[0] == ' ' && g_ascii_isupper (c[1]))
      {
        char *country = NULL;

        s->city = _idk_report_place_after (c + 1, &country);
        g_free (country);
        break;
      }
}

static void
read_roles (IdkReportScan    *scan,
            IdkReportSession *s,
            const char       *text)
{
  static const char *const chair[] = { "chaired the session", "led the session", "as Chair", NULL };
  static const char *const co_chair[] = { "as Co-Chair", "as co-chair", "as Co-chair", NULL };
  static const char *const secretary[] = { "as Secretary", NULL };
  const char *at;

  if ((at = find_any (text, chair)) != NULL)
    s->chair = _idk_report_person_before (text, at);
  if ((at = find_any (text, co_chair)) != NULL)
    s->co_chair = _idk_report_person_before (text, at);
  if ((at = find_any (text, secretary)) != NULL && at[strlen ("as Secretary")] != '-')
    s->secretary = _idk_report_person_before (text, at);
}

static void
read_counts (IdkReportSession *s,
             const char       *text)
{
  static const char *const members[] = { " members participated", " entities of the", " organizations participated",
                                         " members of the", NULL };
  const char *at;

  if ((at = find_any (text, members)) != NULL)
    s->members = _idk_report_count_before (text, at);
  if ((at = strstr (text, "as observers")) != NULL || (at = strstr (text, "observers")) != NULL)
    {
      const char *o = strstr (text, " observers");

      if (o != NULL)
        s->observers = _idk_report_count_before (text, o);
    }
}

void
_idk_report_find_session (IdkReportScan *scan)
{
  static const char *const met[] = { " met ", " held its ", " was held ", " convened ", " met for ", NULL };
  IdkReportSession *s = g_new0 (IdkReportSession, 1);
  guint last = MIN (scan->body_end, HEADER_LINES);
  g_autofree char *text = NULL;
  const char *p, *found_at = NULL;

  s->members = s->observers = -1;
  scan->session = s;
  scan->year = header_year (scan);
  if (last == 0)
    return;
  text = _idk_report_join (scan, 0, last - 1, NULL);

  /* The first sentence that says the network met, with a date. */
  for (p = text; (p = find_any (p, met)) != NULL; p++)
    {
      g_autofree char *sentence = NULL;
      const char *start, *date, *date_end, *n;
      IdkDateRange r;

      sentence = sentence_around (text, p, &start);
      if ((date = _idk_report_find_date (sentence, scan->year, &r, &date_end)) == NULL)
        continue;
      s->start = _idk_report_date_start (&r);
      s->end = _idk_report_date_end (&r);
      if (scan->year == 0)
        scan->year = r.year;
      s->type = g_strdup (strstr (sentence, "Steering Group") != NULL ? "sg-session" : "full-session");
      for (n = sentence; *n != '\0'; n++)
        {
          const char *after;
          gint64 number;

          if (g_ascii_isdigit (*n) && (n == sentence || !g_ascii_isalnum (n[-1]))
              && (number = _idk_report_ordinal_at (n, &after)) > 0
              && g_ascii_strncasecmp (after, " session", 8) == 0)
            {
              s->number = number;
              break;
            }
        }
      read_place (s, sentence, date);
      {
        g_autoptr(GArray) names = _idk_report_lexicon_scan (scan->lexicon, sentence);
        const char *hosted = strstr (sentence, "hosted by ");
        const char *at = strstr (sentence, " at the ");

        for (guint i = 0; i < names->len; i++)
          {
            const IdkNameMatch *m = &g_array_index (names, IdkNameMatch, i);

            if (m->kind == IDK_REPORT_NAME_ORGANIZATION
                && ((hosted != NULL && m->start == hosted + 10)
                    || (hosted == NULL && at != NULL && m->start == at + 8)))
              {
                s->host = g_strdup (m->label);
                s->host_uuid = g_strdup (m->uuid);
                break;
              }
          }
      }
      found_at = p;
      s->source.first_line = 0;
      s->source.last_line = last - 1;
      break;
    }
  if (found_at == NULL)
    return;

  read_roles (scan, s, text);
  read_counts (s, text);
  s->source.confidence = (s->start != NULL) + (s->city != NULL) + (s->chair != NULL) + (s->number > 0);
  s->source.confidence /= 4;
  /* The lines the proposal rests on: those of the sentence that says the network met. */
  for (guint i = 0; i < last; i++)
    {
      const char *line = _idk_report_line (scan, i);

      if (*line != '\0' && s->start != NULL && (strstr (line, " met ") != NULL || strstr (line, " held ") != NULL))
        {
          s->source.first_line = i + 1;
          s->source.last_line = MIN (i + 3, last);
          break;
        }
    }
}
