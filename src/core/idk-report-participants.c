/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report"

#include "config.h"

#include <string.h>

#include "idk-report-private.h"

/* The list of participants, in the table formats of the seeds:
 *  - one person a row, the organization in a column: "12	IMF	Mr. James
 *    Blakeney" (tabs, or "|" in a Markdown table);
 *  - one organization a row, several persons in one cell: "World Food
 *    Programme (WFP)	Mr. Mick Lorentzen Mr. Stephen Gluning";
 *  - the organization as a heading, wrapped or not, its persons below;
 *  - "CHAIR", "CO-CHAIR", "SECRETARY" rows, and an "OBSERVERS" heading
 *    after which everyone is an observer.
 * Who is an observer is also read from the report's own sentence ("eight
 * representatives attending as observers from OLA, UNMD…"). */

void
_idk_report_participant_free (IdkReportParticipant *p)
{
  g_free (p->honorific);
  g_free (p->person);
  g_free (p->organization);
  g_free (p->organization_uuid);
  g_free (p->function);
  g_free (p->match.existing);
  g_strfreev (p->match.changed);
  g_free (p);
}

static gboolean
starts_list (const char *s)
{
  return g_ascii_strcasecmp (s, "List of Participants") == 0 || g_ascii_strcasecmp (s, "Participants") == 0
         || g_ascii_strcasecmp (s, "List of Participants:") == 0 || g_ascii_strcasecmp (s, "Attendance") == 0;
}

static gboolean
ends_list (IdkReportScan *scan,
           guint          i)
{
  const char *s = _idk_report_line (scan, i);

  return idk_report_text_get_line (scan->text, i)->heading > 0 || scan->info[i].role == IDK_LINE_ANNEX
         || g_ascii_strncasecmp (s, "Agenda", 6) == 0 || g_ascii_strncasecmp (s, "List of Documents", 17) == 0
         || g_ascii_strncasecmp (s, "Summary of", 10) == 0;
}

static const char *
function_of (const char *cell)
{
  if (g_ascii_strcasecmp (cell, "CHAIR") == 0 || g_ascii_strcasecmp (cell, "CHAIRPERSON") == 0)
    return "chair";
  if (g_ascii_strcasecmp (cell, "CO-CHAIR") == 0 || g_ascii_strcasecmp (cell, "CO-CHAIRPERSON") == 0)
    return "co-chair";
  if (g_ascii_strcasecmp (cell, "SECRETARY") == 0)
    return "secretary";
  return NULL;
}

/* "World Food Programme (WFP)", "WIPO Geneva", "CCISUA/FICSA". */
static void
read_organization (IdkReportScan        *scan,
                   const char           *cell,
                   char                **label,
                   char                **uuid)
{
  g_autofree char *acronym = NULL;
  g_autoptr(GArray) names = NULL;
  const IdkNameMatch *m = NULL;
  gsize n = strlen (cell);
  const char *open;

  *label = NULL;
  *uuid = NULL;
  if (n > 2 && cell[n - 1] == ')' && (open = strrchr (cell, '(')) != NULL)
    acronym = g_strndup (open + 1, cell + n - 1 - (open + 1));
  if (acronym != NULL && (m = _idk_report_lexicon_find (scan->lexicon, acronym)) == NULL)
    m = _idk_report_lexicon_find (scan->lexicon, cell);
  else if (acronym == NULL)
    m = _idk_report_lexicon_find (scan->lexicon, cell);
  /* "CCISUA/FICSA": the first name in it */
  if (m == NULL)
    names = _idk_report_lexicon_scan (scan->lexicon, cell);
  if (names != NULL && names->len > 0)
    m = &g_array_index (names, IdkNameMatch, 0);
  if (m != NULL)
    {
      *label = g_strdup (m->label);
      *uuid = g_strdup (m->uuid);
    }
  else
    *label = g_strdup (acronym != NULL ? acronym : cell);
}

typedef struct
{
  IdkReportScan *scan;
  gboolean observers;            /* after an "OBSERVERS" heading */
  GHashTable *observer_orgs;     /* labels the report says observed */
  GString *pending;              /* an organization heading, wrapped over lines */
  char *org_label;
  char *org_uuid;
} Reader;

static gboolean is_observer (GHashTable *orgs,
                             const char *label);

static void
add (Reader     *r,
     const char *person,
     const char *label,
     const char *uuid,
     const char *function,
     guint       line)
{
  IdkReportParticipant *p = g_new0 (IdkReportParticipant, 1);
  const char *h = _idk_report_honorific_at (person);

  p->honorific = h != NULL ? g_strdup (h) : NULL;
  p->person = _idk_report_person_at (person, NULL, NULL);
  p->organization = g_strdup (label);
  p->organization_uuid = g_strdup (uuid);
  p->function = g_strdup (function);
  p->observer = r->observers || is_observer (r->observer_orgs, label);
  p->source.first_line = p->source.last_line = line;
  p->source.confidence = uuid != NULL ? 0.95 : 0.7;
  if (p->person == NULL)
    {
      _idk_report_participant_free (p);
      return;
    }
  g_ptr_array_add (r->scan->participants, p);
}

static void
read_row (Reader     *r,
          char      **cells,
          guint       line)
{
  guint n = g_strv_length (cells);
  const char *org = NULL;

  for (guint c = 0; c < n; c++)
    {
      g_autoptr(GPtrArray) persons = NULL;
      const char *function = function_of (cells[c]);

      if (function != NULL && c + 1 < n)
        {
          /* "CHAIR	Mr. Gregory B. Starr (DSS)" */
          g_autofree char *label = NULL, *uuid = NULL;
          const char *open = strrchr (cells[c + 1], '(');

          if (open != NULL)
            read_organization (r->scan, open, &label, &uuid);
          add (r, cells[c + 1], label, uuid, function, line);
          return;
        }
      persons = _idk_report_persons_in (cells[c]);
      if (persons->len == 0)
        {
          /* a number column, then the organization */
          if (!g_ascii_isdigit (cells[c][0]))
            org = cells[c];
          continue;
        }
      g_string_truncate (r->pending, 0);
      if (org != NULL)
        {
          g_clear_pointer (&r->org_label, g_free);
          g_clear_pointer (&r->org_uuid, g_free);
          read_organization (r->scan, org, &r->org_label, &r->org_uuid);
        }
      for (guint k = 0; k < persons->len; k++)
        add (r, g_ptr_array_index (persons, k), r->org_label, r->org_uuid, NULL, line);
      return;
    }
  /* No person: an organization heading, perhaps wrapped ("Office for the
   * Coordination of Humanitarian Affairs" / "(OCHA)"). */
  if (n == 1 && org != NULL)
    {
      gsize len;

      if (r->pending->len > 0)
        g_string_append_c (r->pending, ' ');
      g_string_append (r->pending, org);
      len = r->pending->len;
      if (r->pending->str[len - 1] == ')')
        {
          g_clear_pointer (&r->org_label, g_free);
          g_clear_pointer (&r->org_uuid, g_free);
          read_organization (r->scan, r->pending->str, &r->org_label, &r->org_uuid);
          g_string_truncate (r->pending, 0);
        }
    }
}

/* The organizations the report says attended as observers. */
static void
read_observer_sentence (IdkReportScan *scan,
                        GHashTable    *orgs)
{
  guint last = MIN (scan->n_lines, 80);
  g_autofree char *text = last > 0 ? _idk_report_join (scan, 0, last - 1, NULL) : g_strdup ("");
  const char *at = text;

  /* Every sentence that says so: a summary may name fewer than the introduction. */
  while ((at = strstr (at, "as observers from ")) != NULL)
    {
      g_autoptr(GArray) names = NULL;
      const char *end;

      at += strlen ("as observers from ");
      end = strstr (at, ". ");
      names = _idk_report_lexicon_scan (scan->lexicon, at);
      for (guint i = 0; i < names->len; i++)
        {
          const IdkNameMatch *m = &g_array_index (names, IdkNameMatch, i);

          if (end != NULL && m->start > end)
            break;
          g_hash_table_add (orgs, g_strdup (m->label));
        }
      /* And the acronyms as written, for a store that knows none of them. */
      for (const char *w = at; *w != '\0' && (end == NULL || w < end); w++)
        if (g_ascii_isupper (*w) && (w == at || !g_ascii_isalnum (w[-1])))
          {
            const char *e = w;

            while (g_ascii_isupper (*e))
              e++;
            if (e - w >= 2 && !g_ascii_isalnum (*e))
              g_hash_table_add (orgs, g_strndup (w, e - w));
            w = e - 1;
          }
    }
}

/* "CCISUA/FICSA": an observer if either is. */
static gboolean
is_observer (GHashTable *orgs,
             const char *label)
{
  g_auto(GStrv) parts = NULL;

  if (label == NULL)
    return FALSE;
  if (g_hash_table_contains (orgs, label))
    return TRUE;
  parts = g_strsplit (label, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_hash_table_contains (orgs, g_strstrip (parts[i])))
      return TRUE;
  return FALSE;
}

void
_idk_report_find_participants (IdkReportScan *scan)
{
  Reader r = { scan };
  guint start = scan->n_lines;

  for (guint i = 0; i < scan->n_lines; i++)
    if (starts_list (_idk_report_line (scan, i)))
      {
        start = i + 1;
        break;
      }
  if (start == scan->n_lines)
    return;

  r.observer_orgs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.pending = g_string_new (NULL);
  read_observer_sentence (scan, r.observer_orgs);
  for (guint i = start; i < scan->n_lines && !ends_list (scan, i); i++)
    {
      const char *s = _idk_report_line (scan, i);
      g_auto(GStrv) cells = NULL;
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      if (*s == '\0')
        continue;
      if (g_ascii_strncasecmp (s, "OBSERVERS", 9) == 0 && strlen (s) < 20)
        {
          r.observers = TRUE;
          continue;
        }
      cells = g_strsplit_set (s, "\t|", -1);
      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_strstrip (cells[c]);
          /* "----" separates a Markdown table's head from its rows */
          if (cells[c][0] != '\0' && strspn (cells[c], "-: ") != strlen (cells[c]))
            g_ptr_array_add (kept, cells[c]);
        }
      g_ptr_array_add (kept, NULL);
      if (kept->len > 1)
        read_row (&r, (char **) kept->pdata, idk_report_text_get_line (scan->text, i)->number);
    }

  /* The chair, co-chair and secretary of the list, where the text did not name them. */
  for (guint i = 0; i < scan->participants->len && scan->session != NULL; i++)
    {
      IdkReportParticipant *p = g_ptr_array_index (scan->participants, i);
      char **slot = g_strcmp0 (p->function, "chair") == 0 ? &scan->session->chair
                    : g_strcmp0 (p->function, "co-chair") == 0 ? &scan->session->co_chair
                    : g_strcmp0 (p->function, "secretary") == 0 ? &scan->session->secretary : NULL;

      if (slot != NULL && *slot == NULL)
        *slot = g_strdup (p->person);
    }

  g_hash_table_unref (r.observer_orgs);
  g_string_free (r.pending, TRUE);
  g_free (r.org_label);
  g_free (r.org_uuid);
}
