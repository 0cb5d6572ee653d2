/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iasmn"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iasmn-cli.h"

/* A session's final report on the command line: what the importer reads
 * in it (--dry-run, as text or --json), and writing it (--apply). */

static gboolean report_dry_run;
static gboolean report_json;
static gboolean report_apply;

static const GOptionEntry report_entries[] = {
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &report_dry_run, N_("Print what the report proposes, write nothing"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &report_json, N_("The proposals as one JSON object (with --dry-run)"), NULL },
  { "apply", 0, 0, G_OPTION_ARG_NONE, &report_apply, N_("Write every proposal, in one transaction"), NULL },
  { NULL }
};

static void
print_text (IdkReport *report)
{
  const IdkReportSession *s = idk_report_get_session (report);
  GPtrArray *decisions = idk_report_get_decisions (report);
  GPtrArray *meetings = idk_report_get_meetings (report);
  GPtrArray *participants = idk_report_get_participants (report);

  printf (_("Session: %s %s to %s, %s\n"), s->number > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, s->number) : "—",
          s->start != NULL ? s->start : "—", s->end != NULL ? s->end : "—", s->city != NULL ? s->city : "—");
  for (guint i = 0; i < decisions->len; i++)
    {
      IdkReportDecision *d = g_ptr_array_index (decisions, i);
      g_autoptr(GString) owners = g_string_new (NULL);

      for (guint k = 0; k < d->owners->len; k++)
        g_string_append_printf (owners, "%s%s", k > 0 ? ", " : "",
                                ((IdkReportName *) g_ptr_array_index (d->owners, k))->label);
      printf ("%u%c\t%s\t%s\t%s\t%s\n", d->paragraph, d->part > 0 ? 'a' + d->part - 1 : ' ', d->kind,
              owners->str, d->due_date != NULL ? d->due_date : d->due_meeting != NULL ? d->due_meeting : "",
              d->topic != NULL ? d->topic : "");
    }
  for (guint i = 0; i < meetings->len; i++)
    {
      IdkReportMeeting *m = g_ptr_array_index (meetings, i);

      printf (_("Meeting: %s %s to %s, %s\n"), m->type, m->start, m->end, m->city != NULL ? m->city : "—");
    }
  printf (ngettext ("%u decision, %u meeting, %u participant\n", "%u decisions, %u meetings, %u participants\n",
                    decisions->len),
          decisions->len, meetings->len, participants->len);
}

static int
run_report (const char  *db,
            char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(IdkReportLexicon) lexicon = NULL;
  g_autoptr(IdkReport) report = NULL;
  g_autoptr(GFile) file = NULL;

  if (args[0] == NULL)
    return usage_error (_("report needs a FILE"));
  if (args[1] != NULL)
    return usage_error (_("unexpected “%s”"), args[1]);
  if (report_dry_run == report_apply)
    return usage_error (_("report needs --dry-run or --apply"));
  if (report_json && !report_dry_run)
    return usage_error (_("--json goes with --dry-run"));

  if (!(store = open_store (db, &error)) || !(lexicon = idk_store_load_report_lexicon (store, &error)))
    return failed (error);
  file = g_file_new_for_commandline_arg (args[0]);
  if (!(report = idk_report_new_from_file (file, lexicon, NULL, &error)))
    return refused (error);

  if (report_json)
    {
      g_autoptr(JsonNode) node = idk_report_to_json (report);
      g_autofree char *text = json_to_string (node, TRUE);

      printf ("%s\n", text);
      return 0;
    }
  print_text (report);
  return 0;
}

const IasmnCommand iasmn_report_commands[] = {
  { "report", N_("FILE"), N_("Read a session’s final report: its session, decisions, calendar and participants"),
    N_("With --dry-run, print what the report proposes (--json: as one object); with --apply, write it."),
    report_entries, run_report },
  { NULL }
};
