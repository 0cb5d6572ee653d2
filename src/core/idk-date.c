/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "idk-date.h"

static gboolean
parse_number (const char *text,
              guint       digits,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

static char *
month_name (guint month,
            guint year)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc ((int) year, (int) month, 1, 0, 0, 0);

  if (dt == NULL)
    return g_strdup ("?");

  /* %OB is the stand-alone month name where the locale has one. */
  return g_date_time_format (dt, "%B");
}

gboolean
idk_date_parse (const char *text,
                IdkDate    *date)
{
  guint year, month = 0, day = 0;
  gsize len;

  g_return_val_if_fail (date != NULL, FALSE);

  memset (date, 0, sizeof *date);

  if (text == NULL)
    return FALSE;

  len = strlen (text);
  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  if (!parse_number (text, 4, &year) || year < 1900 || year > 9999)
    return FALSE;

  if (len >= 7)
    {
      if (text[4] != '-' || !parse_number (text + 5, 2, &month) || month < 1 || month > 12)
        return FALSE;
    }

  if (len == 10)
    {
      if (text[7] != '-' || !parse_number (text + 8, 2, &day) ||
          !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        return FALSE;
    }

  date->year = (guint16) year;
  date->month = (guint8) month;
  date->day = (guint8) day;
  date->precision = len == 4 ? IDK_DATE_PRECISION_YEAR
                  : len == 7 ? IDK_DATE_PRECISION_MONTH
                  : IDK_DATE_PRECISION_DAY;
  return TRUE;
}

gboolean
idk_date_is_valid_text (const char *text)
{
  IdkDate date;

  return idk_date_parse (text, &date);
}

gboolean
idk_time_is_valid_text (const char *text)
{
  guint hours, minutes;

  return text != NULL && strlen (text) == 5 && text[2] == ':' &&
         parse_number (text, 2, &hours) && parse_number (text + 3, 2, &minutes) &&
         hours < 24 && minutes < 60;
}

GDate *
idk_date_first_day (const IdkDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (date->precision != IDK_DATE_PRECISION_NONE, NULL);

  return g_date_new_dmy (date->day ? date->day : 1,
                         date->month ? date->month : G_DATE_JANUARY,
                         date->year);
}

GDate *
idk_date_last_day (const IdkDate *date)
{
  GDateMonth month;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (date->precision != IDK_DATE_PRECISION_NONE, NULL);

  if (date->day)
    return g_date_new_dmy (date->day, date->month, date->year);

  month = date->month ? date->month : G_DATE_DECEMBER;
  return g_date_new_dmy (g_date_get_days_in_month (month, date->year), month, date->year);
}

/* "12 November 2014", "November 2014" or "2014". */
char *
idk_date_format (const char *text)
{
  IdkDate date;
  g_autofree char *month = NULL;

  if (!idk_date_parse (text, &date))
    return g_strdup (text ? text : "");

  if (date.precision == IDK_DATE_PRECISION_YEAR)
    return g_strdup_printf ("%u", date.year);

  month = month_name (date.month, date.year);
  if (date.precision == IDK_DATE_PRECISION_MONTH)
    /* Translators: a month known without its day, e.g. "November 2014" */
    return g_strdup_printf (C_("month precision", "%s %u"), month, date.year);

  /* Translators: a full date, e.g. "12 November 2014" */
  return g_strdup_printf (C_("day precision", "%u %s %u"), date.day, month, date.year);
}

/* "3–5 February 2015", "30 June – 2 July 2015", or each end formatted. */
char *
idk_date_format_range (const char *start,
                       const char *end)
{
  IdkDate s, e;

  if (end == NULL || g_strcmp0 (start, end) == 0 ||
      !idk_date_parse (start, &s) || !idk_date_parse (end, &e))
    return idk_date_format (start);

  if (s.precision == IDK_DATE_PRECISION_DAY && e.precision == IDK_DATE_PRECISION_DAY &&
      s.year == e.year)
    {
      g_autofree char *end_month = month_name (e.month, e.year);

      if (s.month == e.month)
        /* Translators: days of one month, e.g. "3–5 February 2015" */
        return g_strdup_printf (C_("date range", "%u–%u %s %u"), s.day, e.day, end_month, e.year);
      else
        {
          g_autofree char *start_month = month_name (s.month, s.year);

          /* Translators: e.g. "30 June – 2 July 2015" */
          return g_strdup_printf (C_("date range", "%u %s – %u %s %u"),
                                  s.day, start_month, e.day, end_month, e.year);
        }
    }
  else
    {
      g_autofree char *a = idk_date_format (start);
      g_autofree char *b = idk_date_format (end);

      return g_strdup_printf ("%s – %s", a, b);
    }
}

/* Calendar days from START to END inclusive, or -1 when either is unknown
 * to the day.  A meeting known only to the month has no length. */
int
idk_date_days_between (const char *start,
                       const char *end)
{
  IdkDate s, e;
  g_autoptr(GDate) a = NULL;
  g_autoptr(GDate) b = NULL;

  if (!idk_date_parse (start, &s) || !idk_date_parse (end ? end : start, &e) ||
      s.precision != IDK_DATE_PRECISION_DAY || e.precision != IDK_DATE_PRECISION_DAY)
    return -1;

  a = idk_date_first_day (&s);
  b = idk_date_first_day (&e);
  return g_date_days_between (a, b) + 1;
}
