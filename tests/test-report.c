/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "idk-report-text.h"

/* The text of the seed reports (data/defaults/sources, where the default
 * data is made from), and text no report should be. */

static IdkReportText *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "defaults", "sources", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  IdkReportText *text;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  text = idk_report_text_new (data, length, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_seeds (void)
{
  g_autoptr(IdkReportText) london = read_fixture ("hlcm-2009-iasmn-london-report.txt");
  g_autoptr(IdkReportText) manila = read_fixture ("iasmn-21st-session-manila-2015.txt");
  g_autoptr(IdkReportText) new_york = read_fixture ("iasmn-27th-session-new-york-2018.txt");
  const IdkReportLine *line;

  /* The last line of two of them has no newline after it. */
  g_assert_cmpuint (idk_report_text_get_n_lines (london), ==, 628);
  g_assert_cmpuint (idk_report_text_get_n_lines (manila), ==, 1583);
  g_assert_cmpuint (idk_report_text_get_n_lines (new_york), ==, 622);

  line = idk_report_text_get_line (london, 53);
  g_assert_cmpuint (line->number, ==, 54);
  g_assert_cmpuint (line->heading, ==, 2);
  g_assert_true (line->bold);
  g_assert_cmpstr (line->text, ==, "REPORT OF THE INTER-AGENCY SECURITY MANAGEMENT NETWORK");
  line = idk_report_text_get_line (london, 61);
  g_assert_cmpuint (line->heading, ==, 3);
  g_assert_cmpstr (line->text, ==, "II. RECOMMENDATIONS OF THE IASMN");

  /* Plain text: the first line, its spaces trimmed. */
  line = idk_report_text_get_line (manila, 0);
  g_assert_cmpuint (line->heading, ==, 0);
  g_assert_false (line->bold);
  g_assert_cmpstr (line->text, ==, "FINAL REPORT");
}

static void
test_marks (void)
{
  const char *data = "\xEF\xBB\xBF# Title \r\n"
                     "\xC2\xA0 **Bold line** \r"
                     "Some **bold** words\n"
                     "####### deep\n"
                     "**\n"
                     "\n"
                     "last";
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkReportText) text = idk_report_text_new (data, strlen (data), &error);
  const IdkReportLine *line;

  g_assert_no_error (error);
  g_assert_cmpuint (idk_report_text_get_n_lines (text), ==, 7);

  line = idk_report_text_get_line (text, 0);
  g_assert_cmpuint (line->heading, ==, 1);
  g_assert_cmpstr (line->text, ==, "Title");
  line = idk_report_text_get_line (text, 1);
  g_assert_cmpuint (line->number, ==, 2);
  g_assert_true (line->bold);
  g_assert_cmpstr (line->text, ==, "Bold line");
  line = idk_report_text_get_line (text, 2);
  g_assert_false (line->bold);
  g_assert_cmpstr (line->text, ==, "Some bold words");
  /* Six levels at most: a seventh mark is text. */
  line = idk_report_text_get_line (text, 3);
  g_assert_cmpuint (line->heading, ==, 6);
  g_assert_cmpstr (line->text, ==, "# deep");
  line = idk_report_text_get_line (text, 4);
  g_assert_false (line->bold);
  g_assert_cmpstr (line->text, ==, "");
  line = idk_report_text_get_line (text, 6);
  g_assert_cmpuint (line->number, ==, 7);
  g_assert_cmpstr (line->text, ==, "last");
}

static void
assert_refused (const char     *data,
                gsize           length,
                IdkReportError  code,
                const char     *words)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (idk_report_text_new (data, length, &error));
  g_assert_error (error, IDK_REPORT_ERROR, (int) code);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_refused (void)
{
  g_autofree char *large = g_malloc0 (IDK_REPORT_MAX_SIZE + 1);
  g_autofree char *long_line = g_strnfill (IDK_REPORT_MAX_LINE + 1, 'x');
  g_autofree char *late_long = g_strconcat ("one\ntwo\n", long_line, NULL);

  memset (large, 'a', IDK_REPORT_MAX_SIZE + 1);
  assert_refused (large, IDK_REPORT_MAX_SIZE + 1, IDK_REPORT_ERROR_TOO_LARGE, "KB");
  assert_refused (late_long, strlen (late_long), IDK_REPORT_ERROR_TOO_LARGE, "Line 3");
  /* Latin-1, as a report saved in another encoding would be. */
  assert_refused ("Decisions\nS\xE9\x63urit\xE9\n", 20, IDK_REPORT_ERROR_ENCODING, "Line 2");
  assert_refused ("text\n\0more", 10, IDK_REPORT_ERROR_ENCODING, "Line 2");
  assert_refused ("", 0, IDK_REPORT_ERROR_EMPTY, NULL);
  assert_refused (" \n\t\n**\n# \n", 10, IDK_REPORT_ERROR_EMPTY, NULL);

  /* At the bound itself, a line is read. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(IdkReportText) text = idk_report_text_new (long_line, IDK_REPORT_MAX_LINE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (strlen (idk_report_text_get_line (text, 0)->text), ==, IDK_REPORT_MAX_LINE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/seeds", test_seeds);
  g_test_add_func ("/report/marks", test_marks);
  g_test_add_func ("/report/refused", test_refused);

  return g_test_run ();
}
