/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report"

#include "config.h"

#include <string.h>

#include "idk-report-private.h"

/* Dates, session numbers and places as reports write them: "3 to 5
 * February 2015", "2–5 February 2016", "the 28th session", "in Manila,
 * Philippines".  Each scanner reads forward from one place, with no
 * pattern matching. */

int
_idk_report_month (const char *word,
                   gsize       length)
{
  static const char *const months[] = { "January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (length == strlen (months[i]) && g_ascii_strncasecmp (word, months[i], length) == 0)
      return i + 1;
  return 0;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == ',')
    p++;
  return p;
}

static const char *
read_number (const char *p,
             int        *value,
             guint       max_digits)
{
  guint digits = 0;

  *value = 0;
  while (g_ascii_isdigit (*p) && digits <= max_digits)
    *value = *value * 10 + (*p++ - '0'), digits++;
  return digits > 0 && digits <= max_digits && !g_ascii_isalnum (*p) ? p : NULL;
}

/* "-", "–", "to" or "and" between the two ends of a range. */
static const char *
range_separator (const char *p)
{
  p = skip_spaces (p);
  if (*p == '-')
    return skip_spaces (p + 1);
  if (strncmp (p, "\u2013", 3) == 0 || strncmp (p, "\u2014", 3) == 0)
    return skip_spaces (p + 3);
  if (strncmp (p, "to ", 3) == 0)
    return skip_spaces (p + 3);
  return NULL;
}

static const char *
read_month (const char *p,
            int        *month)
{
  const char *w = p;

  while (g_ascii_isalpha (*w))
    w++;
  *month = _idk_report_month (p, w - p);
  return *month > 0 ? w : NULL;
}

static const char *
read_year (const char *p,
           int        *year)
{
  const char *q = skip_spaces (p);

  if (q == p && *p != ' ')
    return NULL;
  q = read_number (q, year, 4);
  return q != NULL && *year >= 1945 && *year <= 2200 ? q : NULL;
}

/* One date or range starting at @p: "3 to 5 February 2015", "2–5
 * February 2016", "30 September–1 October 2015", "1 April 2015", "May
 * 2015", "June".  A year not given is @default_year (0: none, and a date
 * without one is not read). */
static gboolean
date_at (const char    *p,
         int            default_year,
         IdkDateRange  *r,
         const char   **end)
{
  const char *q, *after;
  int day = 0, month = 0, year = 0;

  memset (r, 0, sizeof *r);
  if ((q = read_number (p, &day, 2)) != NULL && day >= 1 && day <= 31)
    {
      const char *sep = range_separator (q);
      int day2 = 0, month2 = 0;

      if (sep != NULL && (after = read_number (sep, &day2, 2)) != NULL && day2 >= day && day2 <= 31)
        {
          /* "3 to 5 February" */
          q = skip_spaces (after);
          if ((q = read_month (q, &month)) == NULL)
            return FALSE;
          r->day = day, r->end_day = day2, r->month = r->end_month = month;
        }
      else
        {
          q = skip_spaces (q);
          if ((q = read_month (q, &month)) == NULL)
            return FALSE;
          r->day = r->end_day = day, r->month = r->end_month = month;
          /* "30 September–1 October" */
          sep = range_separator (q);
          if (sep != NULL && (after = read_number (sep, &day2, 2)) != NULL
              && (after = read_month (skip_spaces (after), &month2)) != NULL && month2 > month)
            {
              r->end_day = day2, r->end_month = month2;
              q = after;
            }
        }
    }
  else if ((q = read_month (p, &month)) != NULL)
    r->month = r->end_month = month;
  else
    return FALSE;

  if ((after = read_year (q, &year)) != NULL)
    q = after;
  else if (default_year > 0)
    year = default_year;
  else
    return FALSE;
  r->year = r->end_year = year;
  *end = q;
  return TRUE;
}

/**
 * _idk_report_find_date:
 * @end: (out) (optional): where the date ends in @text
 *
 * Returns: where the first date in @text begins, or %NULL
 */
const char *
_idk_report_find_date (const char    *text,
                       int            default_year,
                       IdkDateRange  *range,
                       const char   **end)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *stop;

      if ((p > text && g_ascii_isalnum (p[-1])) || !(g_ascii_isdigit (*p) || g_ascii_isupper (*p)))
        continue;
      /* "May" is also a verb: a month alone needs its year. */
      if (date_at (p, g_ascii_isdigit (*p) ? default_year : 0, range, &stop))
        {
          if (end != NULL)
            *end = stop;
          return p;
        }
    }
  return NULL;
}

char *
_idk_report_date_start (const IdkDateRange *r)
{
  if (r->day > 0)
    return g_strdup_printf ("%04d-%02d-%02d", r->year, r->month, r->day);
  return g_strdup_printf ("%04d-%02d", r->year, r->month);
}

char *
_idk_report_date_end (const IdkDateRange *r)
{
  if (r->end_day > 0)
    return g_strdup_printf ("%04d-%02d-%02d", r->end_year, r->end_month, r->end_day);
  return g_strdup_printf ("%04d-%02d", r->end_year, r->end_month);
}

/* "21st", "22nd", "27th", "twenty-first" is not read: the seeds write
 * sessions' numbers in figures. */
gint64
_idk_report_ordinal_at (const char  *at,
                        const char **end)
{
  int n;
  const char *p = read_number (at, &n, 3);

  if (p == NULL)
    {
      /* read_number refuses "21st": the suffix is alphanumeric */
      n = 0;
      p = at;
      while (g_ascii_isdigit (*p) && p - at < 3)
        n = n * 10 + (*p++ - '0');
      if (p == at)
        return 0;
    }
  if (g_ascii_strncasecmp (p, "st", 2) == 0 || g_ascii_strncasecmp (p, "nd", 2) == 0
      || g_ascii_strncasecmp (p, "rd", 2) == 0 || g_ascii_strncasecmp (p, "th", 2) == 0)
    {
      if (g_ascii_isalnum (p[2]))
        return 0;
      if (end != NULL)
        *end = p + 2;
      return n;
    }
  return 0;
}

/* "in Manila, Philippines", "in New York, USA": a capitalised place after
 * @at, and the country after its comma. */
char *
_idk_report_place_after (const char  *at,
                         char       **country)
{
  const char *p = at, *start;
  GString *city = g_string_new (NULL);

  *country = NULL;
  while (*p == ' ')
    p++;
  start = p;
  while (g_ascii_isupper (*p) || (guchar) *p >= 0x80)
    {
      const char *w = p;

      while (*w != '\0' && *w != ' ' && *w != ',' && *w != '.' && *w != ';' && *w != ')')
        w++;
      g_string_append_len (city, p, w - p);
      p = w;
      if (*p == ' ' && (g_ascii_isupper (p[1]) || (guchar) p[1] >= 0x80))
        {
          g_string_append_c (city, ' ');
          p++;
        }
      else
        break;
    }
  if (city->len == 0 || p == start)
    {
      g_string_free (city, TRUE);
      return NULL;
    }
  if (*p == ',' && p[1] == ' ' && (g_ascii_isupper (p[2])))
    {
      const char *c = p + 2, *w = c;

      /* the country: capitalised words, "of" and "the" inside */
      while (*w != '\0')
        {
          const char *e = w;

          while (*e != '\0' && *e != ' ' && *e != ',' && *e != '.' && *e != ';' && *e != ')')
            e++;
          if (!(g_ascii_isupper (*w) || strncmp (w, "of ", 3) == 0 || strncmp (w, "the ", 4) == 0))
            break;
          w = e;
          if (*w == ' ' && (g_ascii_isupper (w[1]) || strncmp (w + 1, "of ", 3) == 0
                            || strncmp (w + 1, "the ", 4) == 0))
            w++;
          else
            break;
        }
      if (w > c)
        *country = g_strndup (c, w - c);
    }
  return g_string_free (city, FALSE);
}
