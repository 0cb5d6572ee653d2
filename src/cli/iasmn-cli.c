/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iasmn"

#include "config.h"

#include <stdio.h>

#include "iasmn-cli.h"

/* What the commands of iasmn share: errors and tab-separated output. */

const char usage_text[] =
  "Usage: iasmn [--db PATH] [--empty] COMMAND [OPTIONS]\n"
  "\n"
  "Commands:\n"
  "  stats                     Row counts of every table, as one JSON object\n"
  "  list KIND [--search TEXT] Tab-separated rows with a header line; KIND is one of\n"
  "                            actions, meetings, working-groups, actors, organizations\n"
  "  office show               This office: its UUID, name and organization\n"
  "  office set --name NAME [--organization ACRONYM]\n"
  "                            Name this office and the organization it belongs to\n"
  "  office list               The offices bundles came from, and what they acknowledged\n"
  "  export FILE [--for OFFICE_UUID]\n"
  "                            Write a bundle: everything, or what that office has not\n"
  "                            acknowledged yet\n"
  "  import FILE [--dry-run]   Check a bundle, show what it changes, and apply it\n"
  "  conflicts                 Records with concurrent versions, field by field\n"
  "  conflicts resolve RECORD --keep REVISION\n"
  "                            Settle a conflict by keeping one of its versions\n"
  "  dump                      The exchanged data in a canonical text form\n"
  "\n"
  "Options:\n"
  "  --db PATH                 The database (default: $IASMN_DESK_DB, or\n"
  "                            $XDG_DATA_HOME/iasmn-desk/desk.sqlite3)\n"
  "  --empty                   Create a new database without the default data\n"
  "  --help                    Show this help\n"
  "  --version                 Show the version\n"
  "\n"
  "Exit status: 0 done, 1 failed or refused (the reason on stderr), 2 bad usage.\n";

int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "iasmn: %s\n\n%s", message, usage_text);
  return EXIT_USAGE;
}

int
failed (GError *error)
{
  fprintf (stderr, "iasmn: %s\n", error->message);
  return EXIT_FAILED;
}

/* One field of a tab-separated row: tabs and line breaks would split it. */
void
print_field (GString    *line,
             const char *value)
{
  for (const char *p = value ? value : ""; *p; p++)
    g_string_append_c (line, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

void
print_fields (const char * const *fields,
              guint               n_fields)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (line, '\t');
      print_field (line, fields[i]);
    }

  puts (line->str);
}
