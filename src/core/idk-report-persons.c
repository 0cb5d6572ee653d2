/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report"

#include "config.h"

#include <string.h>

#include "idk-report-private.h"

/* Persons and counts as reports write them: "Mr. Peter Drennan",
 * "Ms. Mary Moné", "Twenty-eight (28) … members". */

static const char *const honorifics[] = { "Mr.", "Ms.", "Mrs.", "Dr.", "Prof." };

/* Words of a name that are not capitalised: "Rommel Enrique Del Mundo",
 * "Valerie De Kermel", "Jan Van Hecke", "Maria de la Cruz". */
static gboolean
is_particle (const char *w,
             gsize       n)
{
  static const char *const particles[] = { "de", "del", "della", "la", "van", "von", "der", "da", "dos", "bin", "al" };

  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    if (n == strlen (particles[i]) && strncmp (w, particles[i], n) == 0)
      return TRUE;
  return FALSE;
}

const char *
_idk_report_honorific_at (const char *at)
{
  for (guint i = 0; i < G_N_ELEMENTS (honorifics); i++)
    if (strncmp (at, honorifics[i], strlen (honorifics[i])) == 0
        && (at[strlen (honorifics[i])] == ' ' || at[strlen (honorifics[i])] == '\t'))
      return honorifics[i];
  return NULL;
}

/**
 * _idk_report_person_at:
 * @at: an honorific ("Mr.") or the first word of a name
 * @end: (out) (optional): where the name ends
 * @honorific: (out) (optional): the honorific, static
 *
 * Returns: (transfer full) (nullable): the name without its honorific
 */
char *
_idk_report_person_at (const char  *at,
                       const char **end,
                       const char **honorific)
{
  const char *h = _idk_report_honorific_at (at), *p = at, *last = NULL;
  guint words = 0;

  if (honorific != NULL)
    *honorific = h;
  if (h != NULL)
    p += strlen (h);
  while (*p == ' ' || *p == '\t')
    p++;
  at = p;
  while (*p != '\0' && words < 7)
    {
      const char *w = p;
      gunichar c = g_utf8_get_char (w);

      while (*p != '\0' && *p != ' ' && *p != '\t' && *p != ',' && *p != '(' && *p != ')' && *p != ';'
             && *p != ':')
        p++;
      if (p == w)
        break;
      /* A honorific starts the next person: "Mr. Antonio Kamil Ms. Maria Turco". */
      if (_idk_report_honorific_at (w) != NULL)
        break;
      if (!g_unichar_isupper (c) && !is_particle (w, p - w))
        break;
      /* "Peter Drennan." ends a sentence; "Gregory B. Starr" has an initial. */
      if (p[-1] == '.' && p - w > 2)
        {
          last = p - 1;
          words++;
          break;
        }
      last = p;
      words++;
      if (*p != ' ')
        break;
      while (*p == ' ')
        p++;
    }
  /* A name ends on a capitalised word, never on a particle. */
  while (last != NULL && last > at)
    {
      const char *w = last;

      while (w > at && w[-1] != ' ')
        w--;
      if (!is_particle (w, last - w))
        break;
      last = w > at ? w - 1 : NULL;
      words--;
    }
  if (last == NULL || words < 2 || (h == NULL && words < 2))
    return NULL;
  if (end != NULL)
    *end = last;
  return g_strndup (at, last - at);
}

/* The persons of one table cell: "Mr. John Shabatura Mr. Duni Thakur". */
GPtrArray *
_idk_report_persons_in (const char *text)
{
  GPtrArray *persons = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = text; *p != '\0'; )
    {
      const char *h = _idk_report_honorific_at (p), *end;
      char *name;

      if (h != NULL && (p == text || p[-1] == ' ' || p[-1] == '\t')
          && (name = _idk_report_person_at (p, &end, NULL)) != NULL)
        {
          g_ptr_array_add (persons, g_strconcat (h, " ", name, NULL));
          g_free (name);
          p = end;
        }
      else
        p++;
    }
  return persons;
}

/* The last person with an honorific that begins in @text before @limit,
 * within the same sentence. */
char *
_idk_report_person_before (const char *text,
                           const char *limit)
{
  const char *found = NULL;

  for (const char *p = text; p < limit; p++)
    {
      if (_idk_report_honorific_at (p) != NULL && (p == text || p[-1] == ' '))
        {
          found = p;
          p += 2;
        }
      else if (*p == '.' && p[1] == ' ' && g_ascii_isupper (p[2]))
        {
          const char *w = p;

          while (w > text && w[-1] != ' ')
            w--;
          /* "B." is an initial and "Mr." a honorific: neither ends a sentence */
          if (p - w > 1 && _idk_report_honorific_at (w) == NULL)
            found = NULL;
        }
    }
  return found != NULL ? _idk_report_person_at (found, NULL, NULL) : NULL;
}

static int
number_word (const char *w,
             gsize       n)
{
  static const char *const units[] = { "zero", "one", "two", "three", "four", "five", "six", "seven",
                                       "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                                       "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                                       "nineteen" };
  static const char *const tens[] = { "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                                      "eighty", "ninety" };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (n == strlen (units[i]) && g_ascii_strncasecmp (w, units[i], n) == 0)
      return i;
  for (guint i = 0; i < G_N_ELEMENTS (tens); i++)
    if (n == strlen (tens[i]) && g_ascii_strncasecmp (w, tens[i], n) == 0)
      return 20 + 10 * i;
  return -1;
}

/* A count at @at: "37", "(28)", "two (2)", "Twenty-eight", "Sixty-two".
 * Returns -1 when there is none. */
int
_idk_report_count_at (const char  *at,
                      const char **end)
{
  const char *p = at, *w;
  int value = -1;

  if (g_ascii_isdigit (*p))
    {
      value = 0;
      while (g_ascii_isdigit (*p) && value < 100000)
        value = value * 10 + (*p++ - '0');
    }
  else
    {
      int tens;

      w = p;
      while (g_ascii_isalpha (*p))
        p++;
      if ((tens = number_word (w, p - w)) < 0)
        return -1;
      value = tens;
      if (tens >= 20 && *p == '-' && g_ascii_isalpha (p[1]))
        {
          int unit;

          w = ++p;
          while (g_ascii_isalpha (*p))
            p++;
          if ((unit = number_word (w, p - w)) < 1 || unit > 9)
            return -1;
          value += unit;
        }
      /* "two (2)": the figure repeats the words */
      if (p[0] == ' ' && p[1] == '(' && g_ascii_isdigit (p[2]))
        {
          const char *q = p + 2;

          while (g_ascii_isdigit (*q))
            q++;
          if (*q == ')')
            p = q + 1;
        }
    }
  if (end != NULL)
    *end = p;
  return value;
}

/* The count in the words just before @at ("Twenty-eight (28) United
 * Nations … members": the nearest count among the eight words before). */
int
_idk_report_count_before (const char *text,
                          const char *at)
{
  const char *p = at;
  int words = 0, found = -1;

  while (p > text && words < 9)
    {
      const char *w;
      int value;

      while (p > text && p[-1] == ' ')
        p--;
      w = p;
      while (w > text && w[-1] != ' ')
        w--;
      if (w == p)
        break;
      if ((value = _idk_report_count_at (*w == '(' ? w + 1 : w, NULL)) >= 0)
        {
          found = value;
          break;
        }
      p = w;
      words++;
    }
  return found;
}
