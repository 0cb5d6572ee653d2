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

static const char *
state_label (IdkReportState state)
{
  switch (state)
    {
    case IDK_REPORT_NEW: return _("new");
    case IDK_REPORT_SAME: return _("same");
    case IDK_REPORT_UPDATE: return _("update");
    default: g_assert_not_reached ();
    }
}

static const char *
or_dash (const char *value)
{
  return value != NULL ? value : "\u2014";
}

/* One line a proposal, tab-separated, each kind under its own heading. */
static void
print_text (IdkReport *report)
{
  const IdkReportSession *s = idk_report_get_session (report);
  GPtrArray *decisions = idk_report_get_decisions (report);
  GPtrArray *meetings = idk_report_get_meetings (report);
  GPtrArray *participants = idk_report_get_participants (report);
  g_autofree char *number = s->number > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, s->number) : NULL;

  printf (_("Session\t%s\t%s\t%s to %s\t%s\n"), state_label (s->match.state), or_dash (number),
          or_dash (s->start), or_dash (s->end), or_dash (s->city));
  for (guint i = 0; i < meetings->len; i++)
    {
      IdkReportMeeting *m = g_ptr_array_index (meetings, i);

      printf (_("Meeting\t%s\t%s\t%s to %s\t%s\n"), state_label (m->match.state), m->type, m->start, m->end,
              or_dash (m->city));
    }
  for (guint i = 0; i < decisions->len; i++)
    {
      IdkReportDecision *d = g_ptr_array_index (decisions, i);
      g_autoptr(GString) owners = g_string_new (NULL);
      g_autofree char *reference = idk_report_decision_reference (s, d);

      for (guint k = 0; k < d->owners->len; k++)
        g_string_append_printf (owners, "%s%s", k > 0 ? ", " : "",
                                ((IdkReportName *) g_ptr_array_index (d->owners, k))->label);
      printf (_("Decision\t%s\t%s\t%s\t%s\t%s\n"), state_label (d->match.state), reference, d->kind,
              owners->len > 0 ? owners->str : "\u2014",
              d->due_date != NULL ? d->due_date : or_dash (d->due_meeting != NULL ? d->due_meeting : d->due_text));
    }
  for (guint i = 0; i < participants->len; i++)
    {
      IdkReportParticipant *p = g_ptr_array_index (participants, i);

      printf (_("Participant\t%s\t%s\t%s\t%s\n"), state_label (p->match.state), p->person,
              or_dash (p->organization), p->observer ? _("observer") : _("member"));
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "%u decision, ", "%u decisions, ", decisions->len), decisions->len);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting, ", "%u meetings, ", meetings->len), meetings->len);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u participant\n", "%u participants\n", participants->len),
          participants->len);
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
  if (!idk_store_match_report (store, report, &error))
    return failed (error);

  if (report_apply)
    {
      IdkReportApplied applied;

      if (!idk_store_apply_report (store, report, &applied, &error))
        return refused (error);
      printf (_("%u created, %u updated, %u unchanged\n"), applied.created, applied.updated, applied.unchanged);
      return 0;
    }

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
