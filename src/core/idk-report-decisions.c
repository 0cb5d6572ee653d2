/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report"

#include "config.h"

#include <string.h>

#include "idk-report-private.h"

/* The decisions of a report, in the forms the seeds use and their
 * variants:
 *  - each numbered paragraph after a "RECOMMENDATION(S):" heading, until
 *    the next section's heading, is one decision; and each of a part of
 *    the report headed "RECOMMENDATIONS OF THE IASMN", section by section;
 *  - a numbered paragraph that ends with "The IASMN:" (or "The IASMN agreed
 *    on the following:") heads a list: each of its bullets is one
 *    decision, and the bullets under one that ends with ":" are its points.
 * What each decision is (request, endorsement…), who owns it and when it
 * is due are read from its own words, in idk-report-decision.c. */

void
_idk_report_decision_free (IdkReportDecision *d)
{
  g_free (d->topic);
  g_free (d->kind);
  g_free (d->text);
  g_clear_pointer (&d->owners, g_ptr_array_unref);
  g_free (d->due_date);
  g_free (d->due_meeting);
  g_free (d->due_meeting_uuid);
  g_free (d->due_text);
  g_free (d->match.existing);
  g_strfreev (d->match.changed);
  g_free (d);
}

static gboolean
ends_paragraph (IdkLineRole role)
{
  return role == IDK_LINE_PARAGRAPH || role == IDK_LINE_HEADING || role == IDK_LINE_RECOMMENDATION
         || role == IDK_LINE_ANNEX;
}

static guint
line_number (IdkReportScan *scan,
             guint          index)
{
  return idk_report_text_get_line (scan->text, index)->number;
}

static char *
strip_end (char *text)
{
  gsize n;

  g_strstrip (text);
  n = strlen (text);
  while (n > 0 && (text[n - 1] == ';' || text[n - 1] == ','))
    text[--n] = '\0';
  if (n > 4 && strcmp (text + n - 4, " and") == 0)
    text[n - 4] = '\0';
  return g_strchomp (text);
}

/* "a. The need for…": a lettered point inside a paragraph. */
static gboolean
starts_point (IdkReportScan *scan,
              guint          j)
{
  const char *t = _idk_report_line (scan, j);

  if (scan->info[j].role == IDK_LINE_BULLET)
    return TRUE;
  return scan->info[j].role == IDK_LINE_TEXT && g_ascii_islower (t[0]) && t[1] == '.' && t[2] == ' '
         && g_ascii_isupper (t[3]);
}

/* A paragraph's text as the records keep it: wrapped lines joined, each
 * bullet or lettered point on a line of its own. */
static char *
paragraph_text (IdkReportScan *scan,
                guint          first,
                guint          last)
{
  GString *out = g_string_new (NULL);
  guint i = first;

  while (i <= last)
    {
      IdkLineInfo *info = &scan->info[i];
      g_autofree char *joined = NULL;
      guint j = i + 1;

      if (info->role == IDK_LINE_BLANK || info->role == IDK_LINE_PAGE)
        {
          i++;
          continue;
        }
      while (j <= last && !starts_point (scan, j))
        j++;
      joined = _idk_report_join (scan, i, j - 1, info->body);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (info->role == IDK_LINE_BULLET)
        g_string_append (out, "\u2022 ");
      g_string_append (out, joined);
      i = j;
    }
  return g_string_free (out, FALSE);
}

static IdkReportDecision *
add_decision (IdkReportScan *scan,
              guint          paragraph,
              const char    *topic,
              guint          first,
              guint          last,
              char          *text)
{
  IdkReportDecision *d = g_new0 (IdkReportDecision, 1);

  d->paragraph = paragraph;
  d->due_meeting_index = -1;
  d->topic = g_strdup (topic);
  d->text = text;
  d->owners = g_ptr_array_new_with_free_func ((GDestroyNotify) idk_report_name_free);
  d->source.first_line = line_number (scan, first);
  d->source.last_line = line_number (scan, last);
  d->source.confidence = 0.9;
  g_ptr_array_add (scan->decisions, d);
  return d;
}

/* "The IASMN:", "**The IASMN:**", "The IASMN agreed on the following
 * priorities:" — the end of a paragraph that a list of decisions follows. */
static gboolean
heads_decisions (const char *intro)
{
  gsize n = strlen (intro);
  const char *last_sentence = intro;

  if (n == 0 || intro[n - 1] != ':')
    return FALSE;
  for (const char *p = intro; p + 2 < intro + n; p++)
    if ((*p == '.' || *p == ':') && p[1] == ' ' && g_ascii_isupper (p[2]))
      last_sentence = p + 2;
  return _idk_report_find_word (last_sentence, "IASMN") != NULL
         || _idk_report_find_word (last_sentence, "Steering Group") != NULL
         || _idk_report_find_word (last_sentence, "Network") != NULL;
}

typedef struct
{
  guint first, last;       /* lines */
  guint indent;
  GString *text;
  GPtrArray *points;       /* char *, for a bullet that ends with ":" */
} Bullet;

static void
bullet_clear (gpointer data)
{
  Bullet *b = data;

  g_string_free (b->text, TRUE);
  g_clear_pointer (&b->points, g_ptr_array_unref);
}

static void
read_list (IdkReportScan *scan,
           guint          paragraph,
           const char    *topic,
           const char    *intro,
           guint          from,
           guint          last)
{
  g_autoptr(GArray) bullets = g_array_new (FALSE, TRUE, sizeof (Bullet));
  Bullet *current = NULL;
  gboolean blank_before = FALSE;

  g_array_set_clear_func (bullets, bullet_clear);
  for (guint i = from; i <= last; i++)
    {
      IdkLineInfo *info = &scan->info[i];
      guint indent = idk_report_text_get_line (scan->text, i)->indent;
      gboolean ends;

      if (info->role == IDK_LINE_BLANK || info->role == IDK_LINE_PAGE)
        {
          blank_before = TRUE;
          continue;
        }
      if (info->role == IDK_LINE_BULLET)
        {
          /* A point of the decision before, which announced its points with ":". */
          if (current != NULL && current->points != NULL && indent > current->indent)
            {
              g_ptr_array_add (current->points, strip_end (g_strdup (info->body)));
              current->last = i;
              continue;
            }
          g_array_set_size (bullets, bullets->len + 1);
          current = &g_array_index (bullets, Bullet, bullets->len - 1);
          current->first = current->last = i;
          current->indent = indent;
          current->text = g_string_new (info->body);
          if (g_str_has_suffix (info->body, ":"))
            current->points = g_ptr_array_new_with_free_func (g_free);
          blank_before = FALSE;
          continue;
        }
      /* Text after a bullet: its continuation when wrapped or broken by a
       * page; anything else ends the list. */
      if (current == NULL)
        continue;
      ends = g_str_has_suffix (current->points != NULL && current->points->len > 0
                               ? g_ptr_array_index (current->points, current->points->len - 1)
                               : current->text->str, ".");
      if ((g_ascii_islower (*info->body) && !ends) || (!blank_before && !ends))
        {
          if (current->points != NULL && current->points->len > 0)
            {
              char **point = (char **) &g_ptr_array_index (current->points, current->points->len - 1);
              char *longer = g_strconcat (*point, " ", info->body, NULL);

              g_free (*point);
              *point = strip_end (longer);
            }
          else
            g_string_append_printf (current->text, " %s", info->body);
          current->last = i;
          blank_before = FALSE;
          continue;
        }
      break;
    }

  for (guint b = 0; b < bullets->len; b++)
    {
      Bullet *bullet = &g_array_index (bullets, Bullet, b);
      g_autofree char *first = strip_end (g_strdup (bullet->text->str));
      GString *text = g_string_new (first);
      IdkReportDecision *d;

      if (bullet->points != NULL)
        for (guint k = 0; k < bullet->points->len; k++)
          g_string_append_printf (text, "\n\u2022 %s", (char *) g_ptr_array_index (bullet->points, k));
      d = add_decision (scan, paragraph, topic, bullet->first, bullet->last, g_string_free (text, FALSE));
      d->part = bullets->len > 1 ? b + 1 : 0;
      _idk_report_read_decision (scan, d);
      /* "The IASMN agreed on the following priorities:": what the list's
       * head says of every item, where the item has no verb of its own. */
      if (g_strcmp0 (d->kind, "decision") == 0 && intro != NULL)
        {
          IdkReportDecision head = { .text = (char *) intro, .due_meeting_index = -1 };

          _idk_report_read_decision (scan, &head);
          if (head.kind != NULL && strcmp (head.kind, "decision") != 0 && d->owners->len == 0)
            {
              g_free (d->kind);
              d->kind = g_strdup (head.kind);
            }
          g_free (head.kind);
          g_clear_pointer (&head.owners, g_ptr_array_unref);
          g_free (head.due_date);
          g_free (head.due_meeting);
          g_free (head.due_meeting_uuid);
          g_free (head.due_text);
        }
    }
}

void
_idk_report_find_decisions (IdkReportScan *scan)
{
  const char *topic = NULL;
  gboolean recommendation = FALSE;
  guint part_level = 0;      /* of a "RECOMMENDATIONS OF THE IASMN" part, 0 outside one */

  for (guint i = 0; i < scan->body_end; i++)
    {
      IdkLineInfo *info = &scan->info[i];
      guint last, list = 0;
      g_autofree char *intro = NULL;

      if (info->role == IDK_LINE_HEADING)
        {
          guint level = idk_report_text_get_line (scan->text, i)->heading;

          /* "### II. RECOMMENDATIONS OF THE IASMN": every numbered paragraph
           * of the part, through its sections, until the next part. */
          if (level > 0 && part_level > 0 && level <= part_level)
            part_level = 0;
          if (level > 0 && part_level == 0 && _idk_report_find_word (info->topic, "RECOMMENDATIONS") != NULL
              && g_ascii_strcasecmp (info->topic, "Summary of Recommendations") != 0)
            {
              part_level = level;
              recommendation = FALSE;
              continue;
            }
          topic = info->topic;
          recommendation = part_level > 0;
          continue;
        }
      if (info->role == IDK_LINE_RECOMMENDATION)
        {
          recommendation = TRUE;
          continue;
        }
      if (info->role != IDK_LINE_PARAGRAPH)
        continue;

      /* The paragraph: up to the next one, the next heading or the annexes. */
      last = i;
      for (guint j = i + 1; j < scan->body_end && !ends_paragraph (scan->info[j].role); j++)
        {
          if (scan->info[j].role == IDK_LINE_BULLET && list == 0)
            list = j;
          if (scan->info[j].role != IDK_LINE_BLANK && scan->info[j].role != IDK_LINE_PAGE)
            last = j;
        }

      if (recommendation)
        {
          IdkReportDecision *d = add_decision (scan, info->paragraph, topic, i, last,
                                               paragraph_text (scan, i, last));
          _idk_report_read_decision (scan, d);
        }
      else if (list > 0 && heads_decisions ((intro = _idk_report_join (scan, i, list - 1, info->body))))
        read_list (scan, info->paragraph, topic, intro, list, last);
      i = last;
    }
}
