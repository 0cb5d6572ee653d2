/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "idk-test-util.h"

/* Dates of reduced precision, as the reports give them. */

static void
test_parse (void)
{
  IdkDate date;

  g_assert_true (idk_date_parse ("2014-11", &date));
  g_assert_cmpint (date.precision, ==, IDK_DATE_PRECISION_MONTH);
  g_assert_cmpuint (date.year, ==, 2014);
  g_assert_cmpuint (date.month, ==, 11);
  g_assert_cmpuint (date.day, ==, 0);

  g_assert_true (idk_date_parse ("2016-02-29", &date));
  g_assert_cmpint (date.precision, ==, IDK_DATE_PRECISION_DAY);
  g_assert_true (idk_date_parse ("2009", &date));
  g_assert_cmpint (date.precision, ==, IDK_DATE_PRECISION_YEAR);

  g_assert_false (idk_date_parse ("2015-02-29", &date));
  g_assert_false (idk_date_parse ("2015-13", &date));
  g_assert_false (idk_date_parse ("2015-1-05", &date));
  g_assert_false (idk_date_parse ("15-01-05", &date));
  g_assert_false (idk_date_parse ("2015-01-05T10:00", &date));
  g_assert_false (idk_date_parse ("", &date));
  g_assert_false (idk_date_parse (NULL, &date));

  g_assert_true (idk_time_is_valid_text ("08:30"));
  g_assert_false (idk_time_is_valid_text ("0830"));
  g_assert_false (idk_time_is_valid_text ("24:00"));
  g_assert_false (idk_time_is_valid_text ("12:60"));
}

static void
test_format (void)
{
  g_autofree char *day = idk_date_format ("2015-02-03");
  g_autofree char *month = idk_date_format ("2014-11");
  g_autofree char *year = idk_date_format ("2009");

  g_assert_cmpstr (day, ==, "3 February 2015");
  g_assert_cmpstr (month, ==, "November 2014");
  g_assert_cmpstr (year, ==, "2009");
}

static void
test_range (void)
{
  g_autofree char *same_month = idk_date_format_range ("2015-02-03", "2015-02-05");
  g_autofree char *two_months = idk_date_format_range ("2015-06-30", "2015-07-02");
  g_autofree char *two_years = idk_date_format_range ("2015-12-30", "2016-01-02");
  g_autofree char *months = idk_date_format_range ("2014-06", "2014-06");
  g_autofree char *one_day = idk_date_format_range ("2015-02-03", NULL);

  g_assert_cmpstr (same_month, ==, "3–5 February 2015");
  g_assert_cmpstr (two_months, ==, "30 June – 2 July 2015");
  g_assert_cmpstr (two_years, ==, "30 December 2015 – 2 January 2016");
  g_assert_cmpstr (months, ==, "June 2014");
  g_assert_cmpstr (one_day, ==, "3 February 2015");
}

static void
test_days_between (void)
{
  IdkDate date;
  g_autoptr(GDate) last = NULL;

  /* The 23rd session is four days, the 2010 sessions five. */
  g_assert_cmpint (idk_date_days_between ("2016-02-02", "2016-02-05"), ==, 4);
  g_assert_cmpint (idk_date_days_between ("2010-02-01", "2010-02-05"), ==, 5);
  g_assert_cmpint (idk_date_days_between ("2015-05-12", "2015-05-12"), ==, 1);
  g_assert_cmpint (idk_date_days_between ("2014-11", "2014-11"), ==, -1);

  g_assert_true (idk_date_parse ("2016-02", &date));
  last = idk_date_last_day (&date);
  g_assert_cmpint (g_date_get_day (last), ==, 29);
}

int
main (int   argc,
      char *argv[])
{
  /* Month names are checked in English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/range", test_range);
  g_test_add_func ("/date/days-between", test_days_between);

  return g_test_run ();
}
