/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report"

#include "config.h"

#include <string.h>

#include "idk-report-private.h"

/* The agenda of a session and its list of documents, in the formats the
 * seeds use:
 *  - days ("Tuesday, 3 February 2015: …") and time slots ("0830 – 0900
 *    Title (presenter)", "09:00 – 09:30 Title", "1730 End of Day"), the
 *    items of a slot as bullets under it, a slot's title wrapped onto the
 *    next line;
 *  - a numbered list ("- 1. Title (CRP3)", "  - a. Part");
 * each item with its presenter (a last "(…)" that is not the acronym of
 * the title) and its conference room paper ("[CRP 10]", "(CRP3)").  The
 * documents are the "List of Documents" ("- CRP 2  Report of…"), or else
 * the papers the agenda cites. */

void
_idk_report_agenda_item_free (IdkReportAgendaItem *item)
{
  g_free (item->day);
  g_free (item->start);
  g_free (item->end);
  g_free (item->title);
  g_free (item->presenter);
  g_free (item->crp);
  g_free (item->kind);
  g_free (item->match.existing);
  g_strfreev (item->match.changed);
  g_free (item);
}

void
_idk_report_document_free (IdkReportDocument *document)
{
  g_free (document->symbol);
  g_free (document->title);
  g_free (document->match.existing);
  g_strfreev (document->match.changed);
  g_free (document);
}

static gboolean
title_is (const char        *s,
          const char *const *titles)
{
  for (guint i = 0; titles[i] != NULL; i++)
    if (g_ascii_strcasecmp (s, titles[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *const agenda_titles[] = { "Agenda", "Revised Agenda", "Final Agenda", "Provisional Agenda",
                                             "Annotated Agenda", NULL };
static const char *const document_titles[] = { "List of Documents", "Documents", NULL };
static const char *const other_titles[] = { "List of Participants", "Summary of IASMN Recommendations",
                                            "IASMN Recommendations", "Summary of Recommendations", "Annex",
                                            NULL };

/* "Tuesday, 3 February 2015: Strategic Priorities": the day's date. */
static char *
day_of (const char *s,
        int         year)
{
  static const char *const days[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                      "Sunday", NULL };
  IdkDateRange r;

  for (guint i = 0; days[i] != NULL; i++)
    {
      gsize n = strlen (days[i]);

      if (strncmp (s, days[i], n) == 0 && s[n] == ',')
        {
          const char *p = s + n + 1;

          while (*p == ' ')
            p++;
          if (_idk_report_find_date (p, year, &r, NULL) == p && r.day > 0)
            return _idk_report_date_start (&r);
        }
    }
  return NULL;
}

/* "0830", "08:30": the time, or NULL. */
static const char *
time_at (const char *p,
         char        out[6])
{
  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && p[2] == ':' && g_ascii_isdigit (p[3])
      && g_ascii_isdigit (p[4]) && !g_ascii_isdigit (p[5]))
    {
      memcpy (out, p, 5);
      out[5] = '\0';
      return p + 5;
    }
  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
      && !g_ascii_isdigit (p[4]) && (p[4] == ' ' || p[4] == '\t'))
    {
      out[0] = p[0], out[1] = p[1], out[2] = ':', out[3] = p[2], out[4] = p[3], out[5] = '\0';
      return p + 4;
    }
  return NULL;
}

static const char *
skip_blank (const char *p)
{
  for (;;)
    {
      if (*p == ' ' || *p == '\t')
        p++;
      else if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
        p += 2;
      else
        return p;
    }
}

/* A slot: "0830 – 0900  Title", "09:00 – 09:30 Title", "1730  Title". */
static const char *
slot_of (const char *s,
         char        start[6],
         char        end[6])
{
  const char *p = time_at (s, start);

  end[0] = '\0';
  if (p == NULL)
    return NULL;
  p = skip_blank (p);
  if (strncmp (p, "\u2013", 3) == 0 || *p == '-')
    {
      const char *q = skip_blank (p + (*p == '-' ? 1 : 3));

      if ((q = time_at (q, end)) == NULL)
        return NULL;
      p = skip_blank (q);
    }
  return *p != '\0' ? p : NULL;
}

static char *
strip_marks (const char *title)
{
  g_autofree char *t = g_strstrip (g_strdup (title));
  gsize n;

  /* "*Break*" in italics, a "**" left unclosed */
  while ((n = strlen (t)) > 0 && t[n - 1] == '*')
    t[n - 1] = '\0';
  {
    const char *p = t;

    while (*p == '*')
      p++;
    return g_strstrip (g_strdup (p));
  }
}

/* Takes the paper out of @title: "[\[CRP 10\]](#)", "[CRP 3]", "(CRP3)",
 * "- [\[CRP 1 Annex B\]](#)"; returns "CRP 10", or NULL. */
static char *
take_crp (char *title)
{
  char *at = strstr (title, "CRP");
  char *start, *end;
  GString *symbol;

  if (at == NULL || (at > title && g_ascii_isalnum (at[-1])))
    return NULL;
  end = at + 3;
  while (*end == ' ')
    end++;
  if (!g_ascii_isdigit (*end))
    return NULL;
  symbol = g_string_new ("CRP ");
  while (g_ascii_isdigit (*end))
    g_string_append_c (symbol, *end++);
  if (g_str_has_prefix (end, " Annex ") && g_ascii_isalnum (end[7]))
    {
      g_string_append_len (symbol, end, 8);
      end += 8;
    }
  /* The marks around it, and a " - " before. */
  start = at;
  while (start > title && strchr ("[(\\ ", start[-1]) != NULL)
    start--;
  while (*end != '\0' && strchr ("])\\(#", *end) != NULL)
    end++;
  if (start > title + 1 && start[-1] == '-' && start[-2] == ' ')
    start -= 2;
  memmove (start, end, strlen (end) + 1);
  g_strstrip (title);
  return g_string_free (symbol, FALSE);
}

/* Takes the presenter out of @title: a last "(…)" that is not the acronym
 * of the words before it ("Security Risk Management (SRM)" keeps its). */
static char *
take_presenter (char *title)
{
  gsize n = strlen (title);
  char *open;
  char *presenter;

  if (n < 3 || title[n - 1] != ')' || (open = strrchr (title, '(')) == NULL || open == title)
    return NULL;
  presenter = g_strndup (open + 1, title + n - 1 - (open + 1));
  /* A presenter is named: "PPCU", "USG, UNDSS", "Yannick Glemarec, …", not "“Policies of the UNSMS”". */
  if (_idk_report_is_acronym_of (title, open, presenter) || !g_ascii_isupper (*presenter))
    {
      g_free (presenter);
      return NULL;
    }
  *open = '\0';
  g_strchomp (title);
  n = strlen (title);
  /* "Safety Risk Management – (PCCS/OCHA)" */
  if (n > 2 && title[n - 1] == '-')
    title[n - 1] = '\0';
  else if (g_str_has_suffix (title, "\u2013"))
    title[n - 3] = '\0';
  g_strchomp (title);
  return presenter;
}

static const char *
kind_of (const char *title)
{
  if (g_ascii_strncasecmp (title, "Break", 5) == 0 || g_ascii_strncasecmp (title, "Lunch", 5) == 0
      || g_ascii_strncasecmp (title, "Coffee", 6) == 0)
    return "break";
  if (g_ascii_strncasecmp (title, "End of Day", 10) == 0 || g_ascii_strncasecmp (title, "Close of Session", 16) == 0)
    return "marker";
  return "item";
}

static IdkReportAgendaItem *
add_item (IdkReportScan *scan,
          guint          line,
          const char    *day,
          const char    *start,
          const char    *end,
          const char    *raw_title,
          int            parent)
{
  IdkReportAgendaItem *item = g_new0 (IdkReportAgendaItem, 1);
  char *title = strip_marks (raw_title);

  item->crp = take_crp (title);
  item->presenter = g_strcmp0 (kind_of (title), "item") == 0 ? take_presenter (title) : NULL;
  item->title = title;
  item->day = g_strdup (day);
  item->start = start != NULL && *start != '\0' ? g_strdup (start) : NULL;
  item->end = end != NULL && *end != '\0' ? g_strdup (end) : NULL;
  item->kind = g_strdup (kind_of (title));
  item->parent = parent;
  item->source.first_line = item->source.last_line = line;
  item->source.confidence = 0.9;
  g_ptr_array_add (scan->agenda, item);
  return item;
}

/* "- 1. Title", "- a. Part": whether it is numbered or lettered.  The
 * title keeps its number: agendas are cited by it ("item 3 (a)"). */
static gboolean
numbered (const char *s,
          gboolean   *letter)
{
  const char *p = s;

  if (g_ascii_islower (*p) && p[1] == '.' && p[2] == ' ')
    {
      *letter = TRUE;
      return TRUE;
    }
  while (g_ascii_isdigit (*p))
    p++;
  *letter = FALSE;
  return p > s && p - s <= 2 && *p == '.' && p[1] == ' ';
}

static void
read_agenda (IdkReportScan *scan,
             guint          from)
{
  g_autofree char *day = NULL;
  int slot = -1, top = -1;
  guint slot_line = 0;

  for (guint i = from; i < scan->n_lines; i++)
    {
      const IdkReportLine *line = idk_report_text_get_line (scan->text, i);
      const char *s = line->text, *title;
      char start[6], end[6];
      char *date;
      gboolean letter;

      if (*s == '\0' || scan->info[i].role == IDK_LINE_PAGE)
        continue;
      if (title_is (s, document_titles) || title_is (s, other_titles) || title_is (s, agenda_titles)
          || (line->heading > 0 && i > from))
        break;
      if ((date = day_of (s, scan->year)) != NULL)
        {
          g_free (day);
          day = date;
          slot = -1;
          continue;
        }
      if ((title = slot_of (s, start, end)) != NULL)
        {
          slot = scan->agenda->len;
          slot_line = i;
          add_item (scan, line->number, day, start, end, title, -1);
          continue;
        }
      if (scan->info[i].role == IDK_LINE_BULLET)
        {
          const char *body = scan->info[i].body;
          gboolean is_numbered = numbered (body, &letter);

          if (is_numbered && !letter)
            {
              top = scan->agenda->len;
              add_item (scan, line->number, day, NULL, NULL, body, -1);
            }
          else if (is_numbered && top >= 0)
            add_item (scan, line->number, day, NULL, NULL, body, top);
          else if (slot >= 0)
            add_item (scan, line->number, day, NULL, NULL, body, slot);
          continue;
        }
      /* A slot's title wrapped onto the next line. */
      if (slot >= 0 && (guint) slot == scan->agenda->len - 1 && i <= slot_line + 3)
        {
          IdkReportAgendaItem *last = g_ptr_array_index (scan->agenda, slot);
          g_autofree char *joined = g_strconcat (last->title, " ", s, NULL);
          char *presenter = NULL, *crp = NULL;

          crp = take_crp (joined);
          presenter = take_presenter (joined);
          g_free (last->title);
          last->title = g_steal_pointer (&joined);
          if (presenter != NULL)
            {
              g_free (last->presenter);
              last->presenter = presenter;
            }
          if (crp != NULL)
            {
              g_free (last->crp);
              last->crp = crp;
            }
          last->source.last_line = line->number;
        }
    }
}

static void
add_document (IdkReportScan *scan,
              guint          line,
              const char    *symbol,
              const char    *title)
{
  IdkReportDocument *d;

  for (guint i = 0; i < scan->documents->len; i++)
    if (strcmp (((IdkReportDocument *) g_ptr_array_index (scan->documents, i))->symbol, symbol) == 0)
      return;
  d = g_new0 (IdkReportDocument, 1);
  d->symbol = g_strdup (symbol);
  d->number = g_ascii_strtoll (symbol + 4, NULL, 10);
  d->title = g_strdup (title);
  d->source.first_line = d->source.last_line = line;
  d->source.confidence = 0.9;
  g_ptr_array_add (scan->documents, d);
}

/* "- CRP 2      Report of the Steering Group, Budapest, May 2009" */
static void
read_documents (IdkReportScan *scan,
                guint          from)
{
  for (guint i = from; i < scan->n_lines; i++)
    {
      const IdkReportLine *line = idk_report_text_get_line (scan->text, i);
      const char *s = scan->info[i].role == IDK_LINE_BULLET ? scan->info[i].body : line->text;
      const char *p = s;
      g_autoptr(GString) symbol = NULL;

      if (*line->text == '\0')
        continue;
      if (title_is (line->text, other_titles) || title_is (line->text, agenda_titles)
          || (line->heading > 0 && i > from))
        break;
      if (strncmp (p, "CRP", 3) != 0)
        continue;
      p = skip_blank (p + 3);
      if (!g_ascii_isdigit (*p))
        continue;
      symbol = g_string_new ("CRP ");
      while (g_ascii_isdigit (*p))
        g_string_append_c (symbol, *p++);
      p = skip_blank (p);
      if (*p != '\0')
        add_document (scan, line->number, symbol->str, p);
    }
}

void
_idk_report_find_agenda (IdkReportScan *scan)
{
  for (guint i = 0; i < scan->n_lines; i++)
    {
      const char *s = _idk_report_line (scan, i);

      if (scan->agenda->len == 0 && title_is (s, agenda_titles))
        read_agenda (scan, i + 1);
      else if (scan->documents->len == 0 && title_is (s, document_titles))
        read_documents (scan, i + 1);
    }

  /* A slot without a paper: the one its section in the body names
   * ("C. HLCM Working Group on Duty of Care (CRP 5)"). */
  for (guint i = 0; i < scan->agenda->len; i++)
    {
      IdkReportAgendaItem *item = g_ptr_array_index (scan->agenda, i);

      for (guint k = 0; k < scan->body_end && item->crp == NULL && item->parent < 0; k++)
        if (scan->info[k].role == IDK_LINE_HEADING && scan->info[k].crp != NULL
            && g_ascii_strncasecmp (scan->info[k].topic, item->title, strlen (item->title)) == 0)
          item->crp = g_strdup (scan->info[k].crp);
    }

  /* No list of documents: the papers the agenda cites, by number. */
  if (scan->documents->len == 0)
    for (guint i = 0; i < scan->agenda->len; i++)
      {
        IdkReportAgendaItem *item = g_ptr_array_index (scan->agenda, i);

        if (item->crp != NULL && strchr (item->crp + 4, ' ') == NULL)
          add_document (scan, item->source.first_line, item->crp, item->title);
      }
}
