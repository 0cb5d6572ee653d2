/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report"

#include "config.h"

#include <string.h>

#include "idk-report-private.h"

/* What one decision is, who owns it and when it is due, read from its own
 * words.  Each reading needs the text to say it: an owner is a name the
 * lexicon knows, in the place of the one who is to act ("requested UNDSS
 * to", "that the ATWG should"); a due is a date after "by", or a meeting
 * the text names ("the next Steering Group session", "the 28th session").
 * What is not said stays empty. */

typedef struct
{
  const char *words;
  const char *kind;
} Verb;

/* The first of these in a decision says what it is. */
static const Verb verbs[] = {
  { "requested", "request" }, { "requests", "request" }, { "called on", "request" },
  { "calls on", "request" }, { "called upon", "request" }, { "called for", "request" },
  { "asked", "request" }, { "invited", "request" }, { "tasked", "request" }, { "urged", "request" },
  { "suggested that", "request" }, { "looks forward to receiving", "request" },
  { "looked forward to receiving", "request" },
  { "endorsed", "endorsement" }, { "endorses", "endorsement" }, { "adopted", "endorsement" },
  { "approved the", "endorsement" }, { "approved its", "endorsement" },
  { "took note", "noting" }, { "takes note", "noting" }, { "noted", "noting" }, { "notes", "noting" },
  { "welcomed", "noting" }, { "welcomes", "noting" }, { "reviewed", "noting" },
  { "acknowledged", "noting" }, { "expressed appreciation", "noting" },
  { "expressed deep appreciation", "noting" },
  { "agreed", "decision" }, { "decided", "decision" }, { "approved", "decision" },
  { "confirmed", "decision" }, { "supported", "decision" }, { "emphasized", "decision" },
  { "stressed", "decision" }, { "reaffirmed", "decision" }, { "made clear", "decision" },
};

/* The verb of the decision itself, not of its points: those are on the
 * lines after its first. */
static char *
read_kind (const char *text)
{
  const char *best = NULL, *kind = "decision";
  const char *first_end = strchr (text, '\n');

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      const char *at = _idk_report_find_word (text, verbs[i].words);

      if (at != NULL && (first_end == NULL || at < first_end) && (best == NULL || at < best))
        best = at, kind = verbs[i].kind;
    }
  return g_strdup (kind);
}

/* Before a name, what puts it in the place of the one to act. */
static const char *const before_owner[] = {
  "requested ", "requests ", "called on ", "calls on ", "called upon ", "invited ", "tasked ", "asked ",
  "urged ", "encouraged ", "that ", "update from ", "updates from ", "report from ", NULL,
};

/* After it: what it is to do. */
static const char *const after_owner[] = {
  " to ", " would ", " will ", " should ", " shall ", " must ", " needs to ", " need to ", " is to ",
  " are to ", " continue", " complete", " provide", " include", " review", " present", " prepare",
  " submit", " finalize", " develop", " lead", ", as ", " be responsible", NULL,
};

static const char *const modal_after_owner[] = {
  " would ", " will ", " should ", " shall ", " must ", NULL,
};

static gboolean
preceded_by (const char        *text,
             const char        *at,
             const char *const *words,
             gboolean           or_clause)
{
  const char *p = at;

  if (p - text >= 4 && g_ascii_strncasecmp (p - 4, "the ", 4) == 0)
    p -= 4;
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize n = strlen (words[i]);

      if ((gsize) (p - text) >= n && g_ascii_strncasecmp (p - n, words[i], n) == 0
          && (p - text == (gssize) n || !g_ascii_isalnum (p[-(gssize) n - 1])))
        return TRUE;
    }
  /* "…, UNDSS will become responsible": a clause of its own */
  return or_clause && p - text >= 2 && p[-2] == ',' && p[-1] == ' ';
}

static gboolean
followed_by (const char        *at,
             const char *const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strncasecmp (at, words[i], strlen (words[i])) == 0)
      return TRUE;
  return FALSE;
}

static void
add_owner (IdkReportDecision  *d,
           const IdkNameMatch *m)
{
  for (guint i = 0; i < d->owners->len; i++)
    {
      IdkReportName *o = g_ptr_array_index (d->owners, i);

      if (g_strcmp0 (o->uuid, m->uuid) == 0 && strcmp (o->label, m->label) == 0)
        return;
    }
  g_ptr_array_add (d->owners, _idk_report_name_new (m));
}

/* "the working group", "the group": the working group the topic names. */
static void
read_generic_owner (IdkReportScan     *scan,
                    IdkReportDecision *d)
{
  static const char *const generic[] = { "the working group", "the Working Group", "the group", "the WG", NULL };
  g_autoptr(GArray) in_topic = NULL;
  const IdkNameMatch *group = NULL;

  if (d->topic == NULL)
    return;
  in_topic = _idk_report_lexicon_scan (scan->lexicon, d->topic);
  for (guint i = 0; i < in_topic->len; i++)
    if (g_array_index (in_topic, IdkNameMatch, i).kind == IDK_REPORT_NAME_WORKING_GROUP)
      group = &g_array_index (in_topic, IdkNameMatch, i);
  if (group == NULL)
    return;
  for (guint i = 0; generic[i] != NULL; i++)
    for (const char *p = d->text; (p = strstr (p, generic[i])) != NULL; p++)
      {
        const char *after = p + strlen (generic[i]);

        if (preceded_by (d->text, p + 4, before_owner, FALSE) && (followed_by (after, after_owner)
                                                            || g_str_has_prefix (after, " for ")
                                                            || g_str_has_prefix (after, " at ")))
          add_owner (d, group);
      }
}

/* Returns: where the first owner is named, or NULL */
static const char *
read_owners (IdkReportScan     *scan,
             IdkReportDecision *d)
{
  g_autoptr(GArray) names = _idk_report_lexicon_scan (scan->lexicon, d->text);
  const char *first = NULL;

  for (guint i = 0; i < names->len; i++)
    {
      const IdkNameMatch *m = &g_array_index (names, IdkNameMatch, i);
      gboolean from = preceded_by (d->text, m->start, (const char *const[]) { "update from ", "updates from ",
                                                                               "report from ", NULL }, FALSE);
      gboolean clause = m->start - d->text >= 2 && m->start[-2] == ',';
      /* "requested that DSS further revise it": after a request, the one
       * named is the one to act, whatever word comes next. */
      gboolean requested = preceded_by (d->text, m->start, (const char *const[]) {
                                          "requested that ", "requests that ", "recommends that ",
                                          "recommended that ", "asked that ", NULL }, FALSE)
                           && m->end[0] == ' ' && g_ascii_islower (m->end[1]);

      /* A clause of its own must say what the name will do. */
      if (preceded_by (d->text, m->start, before_owner, TRUE)
          && (from || requested
              || (clause ? followed_by (m->end, modal_after_owner) : followed_by (m->end, after_owner))))
        {
          add_owner (d, m);
          if (first == NULL)
            first = m->start;
        }
    }
  read_generic_owner (scan, d);
  return first;
}

/* The meeting of @type that the report's own calendar or the store hold,
 * numbered @number, or the first one after the session. */
static const char *
find_meeting (IdkReportScan *scan,
              const char    *type,
              gint64         number,
              const char    *in_month,
              int           *index)
{
  const char *after = scan->session != NULL ? scan->session->end : NULL;

  *index = -1;
  for (guint i = 0; i < scan->meetings->len; i++)
    {
      IdkReportMeeting *m = g_ptr_array_index (scan->meetings, i);

      if (strcmp (m->type, type) != 0 || m->start == NULL)
        continue;
      if (number > 0 ? m->number == number
                     : in_month != NULL ? g_str_has_prefix (m->start, in_month)
                                        : (after == NULL || strcmp (m->start, after) > 0))
        {
          *index = i;
          return m->match.existing != NULL ? m->match.existing : "";
        }
    }
  if (in_month != NULL)
    return NULL;
  return _idk_report_lexicon_meeting (scan->lexicon, type, number, after);
}

static void
set_due_meeting (IdkReportScan     *scan,
                 IdkReportDecision *d,
                 const char        *words,
                 gsize              length,
                 const char        *type,
                 gint64             number,
                 const char        *in_month)
{
  const char *uuid = find_meeting (scan, type, number, in_month, &d->due_meeting_index);

  d->due_meeting = g_strndup (words, length);
  d->due_meeting_uuid = uuid != NULL && *uuid != '\0' ? g_strdup (uuid) : NULL;
}

/* "the Steering Group", "the IASMN SG", "Steering Group session in May 2015". */
static const char *
steering_group_at (const char *text,
                   const char *p,
                   const char **end)
{
  if (strncmp (p, "Steering Group", 14) == 0)
    {
      *end = p + 14;
      return p;
    }
  if (strncmp (p, "IASMN SG", 8) == 0 && !g_ascii_isalnum (p[8]) && p[8] != '\'')
    {
      *end = p + 8;
      return p;
    }
  return NULL;
}

static gboolean
due_preposition (const char *text,
                 const char *at)
{
  static const char *const before[] = { "at the ", "to the ", "for the ", "by the ", "before the ",
                                        "until the ", "prior to the ", "at its ", "by its ", NULL };

  for (guint i = 0; before[i] != NULL; i++)
    {
      gsize n = strlen (before[i]);

      if ((gsize) (at - text) >= n && strncmp (at - n, before[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Where the sentence around @at begins and ends. */
static void
sentence_bounds (const char  *text,
                 const char  *at,
                 const char **start,
                 const char **end)
{
  const char *s = at, *e = at;

  while (s > text && !(s[-1] == ' ' && s - text >= 2 && s[-2] == '.'))
    s--;
  while (*e != '\0' && !(*e == '.' && (e[1] == ' ' || e[1] == '\0' || e[1] == '\n')))
    e++;
  *start = s;
  *end = e;
}

static void
read_due (IdkReportScan     *scan,
          IdkReportDecision *d,
          const char        *owner_at)
{
  const char *text = d->text;
  const char *next_sg = NULL, *next_sg_end = NULL, *month_sg = NULL;
  const char *meeting_at = NULL, *date_at = NULL;
  g_autofree char *month = NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *end, *after;
      gint64 number;
      IdkDateRange r;
      gsize n = 0;

      /* "the 22nd session", "the 28th IASMN session": the most precise due */
      if (g_ascii_isdigit (*p) && (p == text || !g_ascii_isalnum (p[-1]))
          && (number = _idk_report_ordinal_at (p, &after)) > 0 && d->due_meeting == NULL)
        {
          if (g_str_has_prefix (after, " IASMN"))
            after += 6;
          /* "at the 22nd session", not "the 21st session of the IASMN
           * endorsed": a due is a session to come, that the text points to. */
          if (g_ascii_strncasecmp (after, " session", 8) == 0 && due_preposition (text, p)
              && (scan->session == NULL || scan->session->number == 0 || number > scan->session->number))
            {
              set_due_meeting (scan, d, p, after + 8 - p, "full-session", number, NULL);
              meeting_at = p;
            }
        }

      if (next_sg == NULL && steering_group_at (text, p, &end) != NULL)
        {
          const char *q = end;

          if (g_str_has_prefix (q, " session") || g_str_has_prefix (q, " meeting"))
            q += 8;
          /* "the next Steering Group", "the spring session of the IASMN SG", "its next" */
          if ((p - text >= 5 && strncmp (p - 5, "next ", 5) == 0)
              || (p - text >= 23 && g_strstr_len (p - 23, 23, "session of the") != NULL)
              || g_str_has_prefix (q, " at its next"))
            {
              next_sg = p - (p - text >= 5 && strncmp (p - 5, "next ", 5) == 0 ? 5 : 0);
              next_sg_end = g_str_has_prefix (q, " at its next") ? q + 12 : q;
            }
          else if (g_str_has_prefix (q, " in ") && _idk_report_find_date (q + 4, 0, &r, &after) == q + 4
                   && r.day == 0)
            {
              month_sg = p;
              month = g_strdup_printf ("%04d-%02d", r.year, r.month);
            }
        }

      /* "by 1 April 2015", "by the end of February 2015", "no later than…" */
      if (d->due_date == NULL
          && ((n = 2, _idk_report_word_at (text, p, "by")) || (n = 6, _idk_report_word_at (text, p, "before"))
              || (n = 13, _idk_report_word_at (text, p, "no later than")))
          && p[n] == ' ')
        {
          /* The length of the word matched, in any case: "BY" at the end of
           * a text is not followed by anything to read. */
          const char *q = p + n + 1;

          if (g_str_has_prefix (q, "the end of "))
            q += 11;
          if (_idk_report_find_date (q, 0, &r, &after) == q && (date_at = p))
            d->due_date = r.day > 0 && r.end_day == r.day ? _idk_report_date_start (&r)
                                                          : g_strdup_printf ("%04d-%02d", r.year, r.month);
        }

      if (d->due_text == NULL && g_ascii_strncasecmp (p, "within ", 7) == 0)
        {
          const char *q = p + 7;
          int count = _idk_report_count_at (q, &after);

          if (count > 0 && (g_str_has_prefix (after, " month") || g_str_has_prefix (after, " week")
                        || g_str_has_prefix (after, " year") || g_str_has_prefix (after, " day")))
            {
              const char *e = after + 1;

              while (g_ascii_isalpha (*e))
                e++;
              d->due_text = g_strndup (p, e - p);
            }
        }
    }

  if (d->due_meeting == NULL && month_sg != NULL)
    {
      int index;
      const char *uuid = find_meeting (scan, "sg-session", 0, month, &index);

      if (uuid != NULL)
        {
          set_due_meeting (scan, d, month_sg, strlen ("Steering Group"), "sg-session", 0, month);
          meeting_at = month_sg;
        }
    }
  if (d->due_meeting == NULL && next_sg != NULL)
    {
      set_due_meeting (scan, d, next_sg, next_sg_end - next_sg, "sg-session", 0, NULL);
      meeting_at = next_sg;
    }

  /* A date and a meeting: the due is the one in the sentence that names
   * the owner ("members were requested to submit … by the end of March;
   * the IASMN called on UNDSS to draft … for the next Steering Group"). */
  if (d->due_date != NULL && d->due_meeting != NULL && owner_at != NULL)
    {
      const char *start, *end;

      sentence_bounds (text, owner_at, &start, &end);
      if (meeting_at >= start && meeting_at <= end && !(date_at >= start && date_at <= end))
        g_clear_pointer (&d->due_date, g_free);
      else if (date_at >= start && date_at <= end && !(meeting_at >= start && meeting_at <= end))
        {
          g_clear_pointer (&d->due_meeting, g_free);
          g_clear_pointer (&d->due_meeting_uuid, g_free);
          d->due_meeting_index = -1;
        }
    }
}

void
_idk_report_read_decision (IdkReportScan     *scan,
                           IdkReportDecision *d)
{
  const char *owner_at;

  if (d->owners == NULL)
    d->owners = g_ptr_array_new_with_free_func ((GDestroyNotify) idk_report_name_free);
  d->kind = read_kind (d->text);
  owner_at = read_owners (scan, d);
  read_due (scan, d, owner_at);
}
