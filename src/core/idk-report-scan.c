/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report"

#include "config.h"

#include <string.h>

#include "idk-report-private.h"

/* What every finder of the report importer starts from: the role of
 * each line (heading, numbered paragraph, bullet, page number, annex),
 * lines joined as text, words.  Dates and places are idk-report-dates.c.
 * All of them walk the text once with no pattern matching, so that no
 * input makes them slow. */

static gboolean
is_digits (const char *s,
           guint       min,
           guint       max)
{
  guint n = 0;

  for (; *s != '\0'; s++, n++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return n >= min && n <= max;
}

static gboolean
ends_with_any (const char *s,
               const char *chars)
{
  gsize n = strlen (s);

  return n > 0 && strchr (chars, s[n - 1]) != NULL;
}

/* "- ", "– ", "• ", "* ", "o " and the private-use bullet (U+F0B7) that
 * PDF converters leave for Symbol-font bullets. */
static const char *
bullet_body (const char *s)
{
  static const char *const marks[] = { "- ", "\u2013 ", "\u2022", "\uf0b7", "\u25aa", "\u25e6", "\u00b7",
                                       "* ", "o " };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      gsize n = strlen (marks[i]);

      if (strncmp (s, marks[i], n) == 0)
        {
          s += n;
          while (*s == ' ' || *s == '\t')
            s++;
          /* "o" is a letter too: a bullet only before a capital */
          if (i == G_N_ELEMENTS (marks) - 1 && !g_ascii_isupper (*s))
            return NULL;
          return *s != '\0' ? s : NULL;
        }
    }
  return NULL;
}

/* "12. Text": the paragraph's number, and where its text begins. */
static guint
paragraph_number (const char  *s,
                  const char **body)
{
  guint n = 0, digits = 0;

  while (g_ascii_isdigit (*s) && digits < 4)
    n = n * 10 + (*s++ - '0'), digits++;
  if (digits == 0 || digits > 3 || *s != '.' || (s[1] != ' ' && s[1] != '\t'))
    return 0;
  s++;
  while (*s == ' ' || *s == '\t')
    s++;
  if (*s == '\0')
    return 0;
  *body = s;
  return n;
}

/* "A. Title", "IV. TITLE" or "a. Title": the letter, and the title. */
static const char *
lettered (const char *s,
          gboolean   *lower)
{
  const char *p = s;

  while (*p == 'I' || *p == 'V' || *p == 'X')
    p++;
  if (p == s && g_ascii_isalpha (*p))
    p++;
  if (p == s || p - s > 4 || *p != '.' || (p[1] != ' ' && p[1] != '\t'))
    return NULL;
  *lower = g_ascii_islower (*s);
  p++;
  while (*p == ' ' || *p == '\t')
    p++;
  return g_ascii_isupper (*p) || g_ascii_isdigit (*p) ? p : NULL;
}

static gboolean
is_recommendation (const char *s)
{
  return g_ascii_strcasecmp (s, "RECOMMENDATION:") == 0 || g_ascii_strcasecmp (s, "RECOMMENDATIONS:") == 0
         || g_ascii_strcasecmp (s, "RECOMMENDATION") == 0 || g_ascii_strcasecmp (s, "RECOMMENDATIONS") == 0;
}

/* Where the body of a report ends: its annexes repeat the decisions, the
 * agenda, the participants, and must not be read as more of the body. */
static gboolean
is_annex (const char *s)
{
  static const char *const titles[] = { "Summary of IASMN Recommendations", "IASMN Recommendations",
                                        "Summary of Recommendations", "Summary of decisions",
                                        "Revised Agenda", "Final Agenda", "Annex A", "Annex B", "Annex" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_ascii_strcasecmp (s, titles[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A trailing "(…)" that is not the acronym of the words before it names
 * a presenter or a document, not the topic: "Air Travel (CRP 7)", "Joint
 * Inspection Unit (JIU) (DPKO-DFS)". */
static gboolean
is_acronym_of (const char *words,
               const char *open,
               const char *acronym,
               gsize       length)
{
  const char *a = acronym, *a_end = acronym + length;
  const char *p = open;

  /* The letters of the acronym, last first, each an initial of a word. */
  while (a_end > a && p > words)
    {
      const char *w;

      while (p > words && (p[-1] == ' ' || p[-1] == '\t'))
        p--;
      w = p;
      while (w > words && w[-1] != ' ' && w[-1] != '\t')
        w--;
      if (w == p)
        break;
      if (g_ascii_toupper (*w) == a_end[-1])
        a_end--;
      else if (g_ascii_isupper (*w))
        return FALSE;
      p = w;
    }
  return a_end == a;
}

/* "(SRM)" after "Security Risk Management": the words' own acronym. */
gboolean
_idk_report_is_acronym_of (const char *words,
                           const char *open,
                           const char *inside)
{
  gsize n = strlen (inside);

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isupper (inside[i]))
      return FALSE;
  return n > 0 && is_acronym_of (words, open, inside, n);
}

static char *
topic_of (const char *title)
{
  g_autofree char *t = g_strstrip (g_strdup (title));
  gsize n;

  for (;;)
    {
      char *open;
      gboolean acronym = TRUE;

      n = strlen (t);
      if (n == 0 || t[n - 1] != ')' || (open = strrchr (t, '(')) == NULL || open == t)
        break;
      for (const char *c = open + 1; c < t + n - 1; c++)
        if (!g_ascii_isupper (*c))
          acronym = FALSE;
      if (acronym && open + 1 < t + n - 1 && is_acronym_of (t, open, open + 1, t + n - 1 - (open + 1)))
        break;
      *open = '\0';
      g_strchomp (t);
      n = strlen (t);
      if (n > 0 && (t[n - 1] == '-' || g_str_has_suffix (t, "\u2013")))
        {
          t[n - (t[n - 1] == '-' ? 1 : 3)] = '\0';
          g_strchomp (t);
        }
    }
  return g_steal_pointer (&t);
}

/* A lettered part's topic: "Any Other Business: Blast assessments", the
 * section's acronym left out. */
static char *
part_of (const char *section,
         const char *part)
{
  g_autofree char *parent = g_strdup (section);
  char *open;

  if (g_str_has_suffix (parent, ")") && (open = strrchr (parent, '(')) != NULL && open > parent)
    {
      *open = '\0';
      g_strchomp (parent);
    }
  return g_strconcat (parent, ": ", part, NULL);
}

/* "Air Travel", "eTA, Physical Security…": a first word with a capital. */
static gboolean
capitalised (const char *s)
{
  if ((guchar) *s >= 0x80)
    return TRUE;
  for (const char *p = s; g_ascii_isalpha (*p); p++)
    if (g_ascii_isupper (*p))
      return TRUE;
  return FALSE;
}

static guint
next_text_line (IdkReportScan *scan,
                guint          from)
{
  for (guint i = from; i < scan->n_lines; i++)
    if (scan->info[i].role != IDK_LINE_BLANK && scan->info[i].role != IDK_LINE_PAGE)
      return i;
  return scan->n_lines;
}

static void
set_heading (IdkReportScan *scan,
             guint          index,
             const char    *title)
{
  char *topic = topic_of (title);
  const char *crp = strstr (title, "(CRP ");

  g_ptr_array_add (scan->strings, topic);
  scan->info[index].role = IDK_LINE_HEADING;
  scan->info[index].topic = topic;
  if (crp != NULL && g_ascii_isdigit (crp[5]))
    {
      const char *e = crp + 5;
      char *symbol;

      while (g_ascii_isdigit (*e))
        e++;
      symbol = g_strndup (crp + 1, e - (crp + 1));
      g_ptr_array_add (scan->strings, symbol);
      scan->info[index].crp = symbol;
    }
}

static void
mark_running_heads (IdkReportScan *scan)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < scan->n_lines; i++)
    if (scan->info[i].role == IDK_LINE_TEXT && strlen (_idk_report_line (scan, i)) < 60)
      {
        const char *s = _idk_report_line (scan, i);

        g_hash_table_insert (counts, (gpointer) s,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, s)) + 1));
      }
  /* A running head stands alone between blank lines; a line of text
   * that a summary and an annex repeat does not. */
  for (guint i = 0; i < scan->n_lines; i++)
    if (scan->info[i].role == IDK_LINE_TEXT && !ends_with_any (_idk_report_line (scan, i), ":")
        && GPOINTER_TO_UINT (g_hash_table_lookup (counts, _idk_report_line (scan, i))) >= 3
        && (i == 0 || scan->info[i - 1].role == IDK_LINE_BLANK || scan->info[i - 1].role == IDK_LINE_PAGE)
        && (i + 1 == scan->n_lines || scan->info[i + 1].role == IDK_LINE_BLANK
            || scan->info[i + 1].role == IDK_LINE_PAGE))
      scan->info[i].role = IDK_LINE_PAGE;
}

/**
 * _idk_report_classify:
 *
 * Gives each line its role.  Headings are found in three ways: "#"
 * marks; a letter ("A. Topic"), and a lower-case letter only before a
 * numbered paragraph; or, in a report that letters none of its sections,
 * a short line standing alone between blank lines.
 */
void
_idk_report_classify (IdkReportScan *scan)
{
  const char *major = NULL;      /* the topic of the last section, for its lettered parts */
  guint n_lettered = 0;

  scan->body_end = scan->n_lines;
  for (guint i = 0; i < scan->n_lines; i++)
    {
      const IdkReportLine *line = idk_report_text_get_line (scan->text, i);
      IdkLineInfo *info = &scan->info[i];
      const char *s = line->text, *body;
      gboolean lower;
      guint n;

      info->body = s;
      if (*s == '\0')
        info->role = IDK_LINE_BLANK;
      else if (is_digits (s, 1, 3) || (g_str_has_prefix (s, "Page ") && is_digits (s + 5, 1, 3)))
        info->role = IDK_LINE_PAGE;
      else if (is_recommendation (s))
        info->role = IDK_LINE_RECOMMENDATION;
      else if (i > 0 && scan->body_end == scan->n_lines && is_annex (s))
        {
          info->role = IDK_LINE_ANNEX;
          scan->body_end = i;
          /* "21st Session" / "Revised Agenda": the annex's title on two lines */
          if (scan->info[i - 1].role == IDK_LINE_TEXT && strlen (_idk_report_line (scan, i - 1)) < 40)
            {
              scan->info[i - 1].role = IDK_LINE_ANNEX;
              scan->body_end = i - 1;
            }
        }
      else if ((n = paragraph_number (s, &body)) > 0)
        {
          info->role = IDK_LINE_PARAGRAPH;
          info->paragraph = n;
          info->body = body;
        }
      else if ((body = bullet_body (s)) != NULL)
        {
          info->role = IDK_LINE_BULLET;
          info->body = body;
        }
      else
        info->role = IDK_LINE_TEXT;

      if (info->role == IDK_LINE_TEXT && (body = lettered (s, &lower)) != NULL && !lower
          && !ends_with_any (s, ".;,"))
        n_lettered++;
    }

  mark_running_heads (scan);

  for (guint i = 0; i < scan->n_lines; i++)
    {
      const IdkReportLine *line = idk_report_text_get_line (scan->text, i);
      IdkLineInfo *info = &scan->info[i];
      const char *s = line->text, *title;
      gboolean lower = FALSE;

      if (info->role != IDK_LINE_TEXT || ends_with_any (s, ".;,:"))
        continue;
      title = lettered (s, &lower);
      if (line->heading > 0 || line->bold || (title != NULL && !lower))
        {
          g_autofree char *joined = NULL;

          if (title == NULL)
            title = s;
          /* A title wrapped onto a second line, alone before a blank. */
          if (i + 1 < scan->n_lines && scan->info[i + 1].role == IDK_LINE_TEXT && !ends_with_any (s, ")")
              && strlen (_idk_report_line (scan, i + 1)) < 80
              && (i + 2 >= scan->n_lines || scan->info[i + 2].role == IDK_LINE_BLANK))
            {
              joined = g_strconcat (title, " ", _idk_report_line (scan, i + 1), NULL);
              scan->info[i + 1].role = IDK_LINE_BLANK;
            }
          if (strlen (title) < 150 && lower && major != NULL)
            {
              g_autofree char *composed = part_of (major, joined != NULL ? joined : title);

              set_heading (scan, i, composed);
            }
          else if (strlen (title) < 150)
            {
              set_heading (scan, i, joined != NULL ? joined : title);
              major = info->topic;
            }
        }
      else if (title != NULL)
        {
          guint next = next_text_line (scan, i + 1);

          /* "a. Blast assessments" under "Q. Any Other Business (AOB)":
           * "Any Other Business: Blast assessments" */
          if (next < scan->n_lines && (scan->info[next].role == IDK_LINE_PARAGRAPH
                                       || scan->info[next].role == IDK_LINE_RECOMMENDATION))
            {
              g_autofree char *composed = major != NULL ? part_of (major, title) : g_strdup (title);

              set_heading (scan, i, composed);
            }
          continue;
        }
      else if (n_lettered < 3 && strlen (s) < 100 && capitalised (s)
               && (i == 0 || scan->info[i - 1].role == IDK_LINE_BLANK)
               && (i + 1 == scan->n_lines || scan->info[i + 1].role == IDK_LINE_BLANK))
        set_heading (scan, i, s);
    }
}

/**
 * _idk_report_join:
 * @first_text: the text of line @first to start from, or %NULL for all of it
 *
 * Returns: lines @first to @last as one text, wrapped lines joined with
 *   a space, page numbers and running heads left out
 */
char *
_idk_report_join (IdkReportScan *scan,
                  guint          first,
                  guint          last,
                  const char    *first_text)
{
  GString *out = g_string_new (NULL);

  for (guint i = first; i <= last && i < scan->n_lines; i++)
    {
      const char *s = i == first && first_text != NULL ? first_text : _idk_report_line (scan, i);

      if (scan->info[i].role == IDK_LINE_BLANK || scan->info[i].role == IDK_LINE_PAGE)
        continue;
      if (out->len > 0)
        {
          /* A word broken at its hyphen ("Twenty-\neight") is one word. */
          if (out->str[out->len - 1] == '-' && out->len > 1 && g_ascii_isalpha (out->str[out->len - 2])
              && g_ascii_islower (*s))
            ;
          else
            g_string_append_c (out, ' ');
        }
      /* Runs of spaces inside a line are one: tabs are kept, as columns. */
      for (const char *c = s; *c != '\0'; c++)
        if (!(*c == ' ' && (c[1] == ' ' || (out->len > 0 && out->str[out->len - 1] == ' '))))
          g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

gboolean
_idk_report_word_at (const char *text,
                     const char *at,
                     const char *word)
{
  gsize n = strlen (word);

  if (g_ascii_strncasecmp (at, word, n) != 0)
    return FALSE;
  if (at > text && g_ascii_isalnum (at[-1]))
    return FALSE;
  return !g_ascii_isalnum (at[n]);
}

/* The first @word in @text as a whole word, in any case. */
const char *
_idk_report_find_word (const char *text,
                       const char *word)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_tolower (*p) == g_ascii_tolower (*word) && _idk_report_word_at (text, p, word))
      return p;
  return NULL;
}
