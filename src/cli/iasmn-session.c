/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iasmn"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iasmn-cli.h"
#include "idk-print.h"

/* The session cycle on the command line: plan a session, time its agenda,
 * review the previous session's actions, and publish the calendar and the
 * documents. */

static int
no_meeting (const char *text)
{
  fprintf (stderr, _("iasmn: no meeting “%s” (give its UUID, a session number or its title)\n"), text);
  return EXIT_FAILED;
}

/* --- plan -------------------------------------------------------------- */

static char *plan_start;
static int plan_days;
static char *plan_city;
static char *plan_country;
static int plan_lead = -1;
static char *plan_sg_city;
static gboolean plan_dry_run;

static const GOptionEntry plan_entries[] = {
  { "start", 0, 0, G_OPTION_ARG_STRING, &plan_start, N_("The session’s first day"), N_("DATE") },
  { "days", 0, 0, G_OPTION_ARG_INT, &plan_days, N_("How many days it lasts"), N_("N") },
  { "city", 0, 0, G_OPTION_ARG_STRING, &plan_city, N_("Where it meets"), N_("CITY") },
  { "country", 0, 0, G_OPTION_ARG_STRING, &plan_country, N_("The country of the city"), N_("COUNTRY") },
  { "sg-lead-weeks", 0, 0, G_OPTION_ARG_INT, &plan_lead,
    N_("Weeks from the Steering Group session to the session (default: as recorded)"), N_("W") },
  { "sg-city", 0, 0, G_OPTION_ARG_STRING, &plan_sg_city, N_("Where the Steering Group meets"), N_("CITY") },
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &plan_dry_run, N_("Show the plan and its checks, write nothing"), NULL },
  { NULL }
};

static int
run_plan (const char  *db,
          char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(IdkPlanResult) result = NULL;
  IdkSessionPlan plan = { plan_start, plan_days, plan_city, plan_country, plan_lead, plan_sg_city };
  guint n_warnings;

  if (args[0] != NULL)
    return usage_error (_("unexpected “%s”"), args[0]);
  if (plan_start == NULL || plan_days == 0 || plan_city == NULL)
    return usage_error (_("plan needs --start DATE, --days N and --city CITY"));

  if (!(store = open_store (db, &error)))
    return failed (error);
  if (!(result = idk_store_plan_session (store, &plan, plan_dry_run, &error)))
    return refused (error);

  print_row ("meeting", "uuid", "title", "start", "end");
  print_row ("sg-session", plan_dry_run ? NULL : result->sg_uuid, result->sg_title, result->sg_start, result->sg_end);
  print_row ("full-session", plan_dry_run ? NULL : result->session_uuid, result->session_title,
             result->session_start, result->session_end);
  n_warnings = g_list_model_get_n_items (result->warnings);
  for (guint i = 0; i < n_warnings; i++)
    {
      g_autoptr(IdkEntry) warning = g_list_model_get_item (result->warnings, i);

      print_row ("warning", idk_entry_get_kind (warning), idk_entry_get_title (warning), NULL, NULL);
    }
  fprintf (stderr, plan_dry_run ? _("Not written (--dry-run); the Steering Group meets %d weeks ahead; %u warnings.\n")
                                : _("Planned; the Steering Group meets %d weeks ahead; %u warnings.\n"),
           result->sg_lead_weeks, n_warnings);
  return EXIT_SUCCESS;
}

/* --- agenda ------------------------------------------------------------ */

static char *agenda_set_end;
static char *agenda_add_paper;

static const GOptionEntry agenda_entries[] = {
  { "set-end", 0, 0, G_OPTION_ARG_STRING, &agenda_set_end, N_("Set a day’s planned end"), N_("DAY=HH:MM") },
  { "add-paper", 0, 0, G_OPTION_ARG_STRING, &agenda_add_paper, N_("Register a paper under the next free number"),
    N_("TITLE") },
  { NULL }
};

static int
run_agenda (const char  *db,
            char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(IdkPaperRegister) reg = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *next = NULL;

  if (args[0] == NULL)
    return usage_error (_("agenda needs a MEETING"));
  if (args[1] != NULL)
    return usage_error (_("unexpected “%s”"), args[1]);
  if (agenda_set_end != NULL && strchr (agenda_set_end, '=') == NULL)
    return usage_error (_("--set-end takes DAY=HH:MM"));

  if (!(store = open_store (db, &error)))
    return failed (error);
  if (!(meeting = idk_store_find_meeting (store, args[0])))
    return no_meeting (args[0]);

  if (agenda_set_end != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (agenda_set_end, "=", 2);

      if (!idk_store_set_day_end (store, meeting, parts[0], parts[1], &error))
        return refused (error);
    }
  if (agenda_add_paper != NULL)
    {
      g_autofree char *uuid = idk_store_add_paper (store, meeting, 0, agenda_add_paper, &error);

      if (uuid == NULL)
        return refused (error);
    }

  if (!(days = idk_store_time_agenda (store, meeting, &error)) ||
      !(reg = idk_store_list_papers (store, meeting, &error)))
    return failed (error);

  print_row ("day", "planned end", "items", "breaks", "first", "last", "warning");
  for (guint i = 0; i < days->len; i++)
    {
      IdkAgendaDay *day = g_ptr_array_index (days, i);
      g_autofree char *end = idk_format_minutes (day->planned_end);
      g_autofree char *items = g_strdup_printf ("%d", day->item_minutes);
      g_autofree char *breaks = g_strdup_printf ("%d", day->break_minutes);
      g_autofree char *first = day->first_start >= 0 ? idk_format_minutes (day->first_start) : NULL;
      g_autofree char *last = day->last_end >= 0 ? idk_format_minutes (day->last_end) : NULL;

      print_row (day->day, end, items, breaks, first, last, NULL);
      for (guint w = 0; w < day->warnings->len; w++)
        print_row (day->day, NULL, NULL, NULL, NULL, NULL, g_ptr_array_index (day->warnings, w));
    }

  next = g_strdup_printf ("%d", reg->next_free);
  print_row ("paper", "title", "registered");
  for (guint i = 0; i < reg->papers->len; i++)
    {
      IdkPaper *paper = g_ptr_array_index (reg->papers, i);

      print_row (paper->symbol, paper->title, paper->registered ? "yes" : "no");
    }
  problems = idk_paper_register_describe (reg);
  for (guint i = 0; i < problems->len; i++)
    print_row ("warning", g_ptr_array_index (problems, i), NULL);
  print_row ("next", next, NULL);
  return EXIT_SUCCESS;
}

/* --- review ------------------------------------------------------------ */

static gboolean review_carry_over;

static const GOptionEntry review_entries[] = {
  { "carry-over", 0, 0, G_OPTION_ARG_NONE, &review_carry_over,
    N_("Carry the open actions over to MEETING first"), NULL },
  { NULL }
};

static int
run_review (const char  *db,
            char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(IdkReview) review = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *summary = NULL;

  if (args[0] == NULL)
    return usage_error (_("review needs a MEETING"));
  if (args[1] != NULL)
    return usage_error (_("unexpected “%s”"), args[1]);

  if (!(store = open_store (db, &error)))
    return failed (error);
  if (!(meeting = idk_store_find_meeting (store, args[0])))
    return no_meeting (args[0]);

  if (review_carry_over)
    {
      guint carried = idk_store_carry_over (store, meeting, &error);

      if (carried == 0)
        return failed (error);
      fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "%u action carried over.\n", "%u actions carried over.\n",
                                    carried), carried);
    }

  if (!(review = idk_store_review_session (store, meeting, &error)))
    return failed (error);

  summary = idk_review_summary (review);
  print_row ("session", review->session_title, summary);
  for (guint i = 0; i < review->by_status->len; i++)
    {
      IdkStatusCount *count = g_ptr_array_index (review->by_status, i);
      g_autofree char *n = g_strdup_printf ("%u", count->count);

      print_row ("status", count->status, n);
    }
  for (guint i = 0; i < review->by_owner->len; i++)
    {
      IdkOwnerCounts *owner = g_ptr_array_index (review->by_owner, i);
      g_autofree char *n = g_strdup_printf ("%u", owner->total);

      print_row ("owner", owner->label, n);
    }
  for (guint i = 0; i < review->open->len; i++)
    {
      g_autoptr(IdkAction) action = idk_store_load_action_by_uuid (store, g_ptr_array_index (review->open, i), NULL);

      if (action != NULL)
        print_row ("open", idk_action_get_reference (action), idk_action_get_status (action));
    }
  return EXIT_SUCCESS;
}

/* --- ics --------------------------------------------------------------- */

static char *ics_from;
static char *ics_to;
static char *ics_type;
static char *ics_meeting;
static gboolean ics_months;
static gboolean ics_timed;

static const GOptionEntry ics_entries[] = {
  { "from", 0, 0, G_OPTION_ARG_STRING, &ics_from, N_("Meetings not over before this day"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &ics_to, N_("Meetings started by this day"), N_("DATE") },
  { "type", 0, 0, G_OPTION_ARG_STRING, &ics_type, N_("Meetings of this type only"), N_("TYPE") },
  { "meeting", 0, 0, G_OPTION_ARG_STRING, &ics_meeting, N_("This meeting only"), N_("MEETING") },
  { "months", 0, 0, G_OPTION_ARG_NONE, &ics_months,
    N_("Also meetings known only to the month, over the whole month"), NULL },
  { "timed", 0, 0, G_OPTION_ARG_NONE, &ics_timed,
    N_("Also one timed event per agenda day, in the city’s time zone"), NULL },
  { NULL }
};

static int
run_ics (const char  *db,
         char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *meeting = NULL;
  IdkIcalOptions options = { ics_from, ics_to, ics_type, NULL, ics_months, ics_timed };
  guint n_events = 0;

  if (args[0] == NULL)
    return usage_error (_("ics needs a FILE"));
  if (args[1] != NULL)
    return usage_error (_("unexpected “%s”"), args[1]);
  if ((ics_from != NULL && !idk_date_is_valid_text (ics_from)) || (ics_to != NULL && !idk_date_is_valid_text (ics_to)))
    return usage_error (_("--from and --to take dates: 2027-02-03"));
  if (ics_type != NULL && !g_strv_contains (idk_record_field_values ("meeting", "type"), ics_type))
    return usage_error (_("“%s” is not a meeting type"), ics_type);

  if (!(store = open_store (db, &error)))
    return failed (error);
  if (ics_meeting != NULL && !(options.meeting = meeting = idk_store_find_meeting (store, ics_meeting)))
    return no_meeting (ics_meeting);

  if (!idk_store_write_ical (store, &options, args[0], &n_events, &notes, &error))
    return failed (error);

  for (guint i = 0; i < notes->len; i++)
    fprintf (stderr, "%s\n", (char *) g_ptr_array_index (notes, i));
  printf (g_dngettext (GETTEXT_PACKAGE, "%u event written to %s\n", "%u events written to %s\n", n_events),
          n_events, args[0]);
  return EXIT_SUCCESS;
}

/* --- print ------------------------------------------------------------- */

static char *print_output;
static char *print_paper;

static const GOptionEntry print_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &print_output, N_("The PDF file to write"), N_("FILE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, &print_paper, N_("a4 (default) or letter"), N_("SIZE") },
  { NULL }
};

static int
run_print (const char  *db,
           char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(IdkPrintDoc) doc = NULL;
  g_autofree char *meeting = NULL;
  IdkPaperSize paper = IDK_PAPER_A4;
  IdkPrintKind kind;
  int pages;

  if (args[0] == NULL || args[1] == NULL)
    return usage_error (_("print needs a DOCUMENT and a MEETING"));
  if (args[2] != NULL)
    return usage_error (_("unexpected “%s”"), args[2]);
  if (!idk_print_kind_from_name (args[0], &kind))
    return usage_error (_("DOCUMENT is agenda, record or review, not “%s”"), args[0]);
  if (print_output == NULL)
    return usage_error (_("print needs -o FILE.pdf"));
  if (print_paper != NULL && g_ascii_strcasecmp (print_paper, "letter") == 0)
    paper = IDK_PAPER_LETTER;
  else if (print_paper != NULL && g_ascii_strcasecmp (print_paper, "a4") != 0)
    return usage_error (_("--paper is a4 or letter, not “%s”"), print_paper);

  if (!(store = open_store (db, &error)))
    return failed (error);
  if (!(meeting = idk_store_find_meeting (store, args[1])))
    return no_meeting (args[1]);

  if (!(doc = idk_print_make (store, kind, meeting, &error)) ||
      !idk_print_doc_write_pdf (doc, print_output, paper, &pages, &error))
    return failed (error);

  printf (g_dngettext (GETTEXT_PACKAGE, "%s: %d page\n", "%s: %d pages\n", pages), print_output, pages);
  return EXIT_SUCCESS;
}

const IasmnCommand iasmn_session_commands[] = {
  { "plan", NULL, N_("Plan a full session and its Steering Group session"),
    N_("Creates both meetings with an agenda skeleton whose first item reviews the previous session’s "
       "actions, and prints the ToR warnings they get."), plan_entries, run_plan },
  { "agenda", N_("MEETING"), N_("The timing of a meeting’s agenda, day by day, and its papers"),
    N_("MEETING is a UUID, the number of a full session, or a title."), agenda_entries, run_agenda },
  { "review", N_("MEETING"), N_("The review of the previous full session’s actions"),
    N_("Counts by status and owner, and the actions still open; --carry-over carries them to MEETING."),
    review_entries, run_review },
  { "ics", N_("FILE"), N_("Write the calendar as iCalendar (RFC 5545)"), NULL, ics_entries, run_ics },
  { "print", N_("DOCUMENT MEETING"), N_("Write the agenda, record or review of a session as PDF"),
    N_("DOCUMENT is agenda, record or review."), print_entries, run_print },
  { NULL }
};
