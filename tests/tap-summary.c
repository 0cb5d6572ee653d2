/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tap-summary"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

/* tap-summary TESTLOG.JSON MESON-STATUS
 *
 * Prints "N passed, N failed" from meson's test log, counting the TAP test
 * cases of each test program rather than the programs.  A skipped case
 * counts as failed (a test that cannot run its subject must not pass),
 * and so does a program that failed without a failing case (a crash), or
 * a failed meson run with no failure recorded.
 */

static void
count_tap (const char *output,
           guint      *passed,
           guint      *failed)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gboolean skip = strstr (line, "# SKIP") != NULL || strstr (line, "# skip") != NULL;

      if (g_str_has_prefix (line, "not ok"))
        (*failed)++;
      else if (g_str_has_prefix (line, "ok ") || g_str_equal (line, "ok"))
        {
          if (skip)
            (*failed)++;
          else
            (*passed)++;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) entries = NULL;
  guint passed = 0, failed = 0;
  int meson_status;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: tap-summary TESTLOG.JSON MESON-STATUS\n");
      return 2;
    }

  meson_status = atoi (argv[2]);

  if (!g_file_get_contents (argv[1], &contents, NULL, NULL))
    {
      printf ("0 passed, 1 failed\n");
      return 1;
    }

  entries = g_strsplit (contents, "\n", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *entry;
      const char *result, *output;
      guint case_passed = 0, case_failed = 0;

      if (*entries[i] == '\0')
        continue;

      if (!json_parser_load_from_data (parser, entries[i], -1, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          failed++;
          continue;
        }

      entry = json_node_get_object (json_parser_get_root (parser));
      result = json_object_get_string_member_with_default (entry, "result", "FAIL");
      output = json_object_get_string_member_with_default (entry, "stdout", "");

      count_tap (output, &case_passed, &case_failed);

      if (case_passed + case_failed == 0)
        {
          /* Not a TAP program, or one that died before any case. */
          if (g_str_equal (result, "OK") || g_str_equal (result, "EXPECTEDFAIL"))
            case_passed = 1;
          else
            case_failed = 1;
        }
      else if (case_failed == 0 && !g_str_equal (result, "OK") && !g_str_equal (result, "EXPECTEDFAIL"))
        case_failed = 1;

      if (case_failed > 0)
        fprintf (stderr, "FAILED: %s (%s)\n",
                 json_object_get_string_member_with_default (entry, "name", "?"), result);

      passed += case_passed;
      failed += case_failed;
    }

  if (meson_status != 0 && failed == 0)
    failed = 1;

  printf ("%u passed, %u failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
