/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tap-summary"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

/* tap-summary TESTLOG.JSON MESON-STATUS [TESTLOG.JSON MESON-STATUS ...]
 *
 * Prints "N passed, N failed" from meson's test logs (one per build),
 * counting the TAP test cases of each test program rather than the
 * programs.  A skipped case
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

static void
count_log (const char *path,
           int         meson_status,
           guint      *passed,
           guint      *failed)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) entries = NULL;
  guint log_failed = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      fprintf (stderr, "FAILED: no test log %s\n", path);
      (*failed)++;
      return;
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
          log_failed++;
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
        fprintf (stderr, "FAILED: %s (%s, %s)\n",
                 json_object_get_string_member_with_default (entry, "name", "?"), result, path);

      *passed += case_passed;
      log_failed += case_failed;
    }

  if (meson_status != 0 && log_failed == 0)
    log_failed = 1;
  *failed += log_failed;
}

int
main (int   argc,
      char *argv[])
{
  guint passed = 0, failed = 0;

  if (argc < 3 || argc % 2 == 0)
    {
      fprintf (stderr, "Usage: tap-summary TESTLOG.JSON MESON-STATUS [TESTLOG.JSON MESON-STATUS ...]\n");
      return 2;
    }

  for (int i = 1; i + 1 < argc; i += 2)
    count_log (argv[i], atoi (argv[i + 1]), &passed, &failed);

  printf ("%u passed, %u failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
