/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report"

#include "config.h"

#include <glib-object.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "idk-report-text.h"

/* The text of a session's final report, as the report importer reads it:
 * bounded, checked to be UTF-8, cut into numbered lines, and the marks of
 * the Markdown-like text the seed reports came as (headings with "#",
 * bold with "**") taken off each line and kept as flags.  Everything is
 * one pass over the bytes with no pattern matching, so that the time it
 * takes is linear whatever the text. */

struct _IdkReportText
{
  gatomicrefcount ref_count;
  GArray *lines;       /* IdkReportLine */
};

G_DEFINE_QUARK (idk-report-error-quark, idk_report_error)
G_DEFINE_BOXED_TYPE (IdkReportText, idk_report_text, idk_report_text_ref, idk_report_text_unref)

static void
line_clear (gpointer data)
{
  IdkReportLine *line = data;

  g_free (line->text);
}

/* Spaces, tabs and no-break spaces (U+00A0, common in converted PDFs). */
static gsize
space_at (const char *p,
          const char *end)
{
  if (p < end && (*p == ' ' || *p == '\t'))
    return 1;
  if (end - p >= 2 && (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  return 0;
}

static void
trim (const char **start,
      const char **end)
{
  gsize n;

  while ((n = space_at (*start, *end)) > 0)
    *start += n;
  while (*end > *start)
    {
      if ((*end)[-1] == ' ' || (*end)[-1] == '\t')
        (*end)--;
      else if (*end - *start >= 2 && (guchar) (*end)[-2] == 0xC2 && (guchar) (*end)[-1] == 0xA0)
        *end -= 2;
      else
        break;
    }
}

static gboolean
wrapped_in_bold (const char *start,
                 const char *end)
{
  return end - start > 4 && strncmp (start, "**", 2) == 0 && strncmp (end - 2, "**", 2) == 0;
}

/* The HTML a PDF converter leaves: bold, underline and italics say
 * nothing the importer reads, and a footnote's number (<sup>1</sup>)
 * would read as part of the word before it. */
static gsize
html_mark_at (const char *p,
              const char *end,
              gboolean   *bold)
{
  static const struct { const char *mark; gboolean bold; } marks[] = {
    { "<b>", TRUE }, { "</b>", TRUE }, { "<strong>", TRUE }, { "</strong>", TRUE },
    { "<u>", FALSE }, { "</u>", FALSE }, { "<i>", FALSE }, { "</i>", FALSE },
    { "<em>", FALSE }, { "</em>", FALSE },
  };

  *bold = FALSE;
  if (*p != '<')
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      gsize n = strlen (marks[i].mark);

      if ((gsize) (end - p) >= n && g_ascii_strncasecmp (p, marks[i].mark, n) == 0)
        {
          *bold = marks[i].bold;
          return n;
        }
    }
  if (end - p > 11 && g_ascii_strncasecmp (p, "<sup>", 5) == 0)
    {
      const char *q = p + 5;

      while (q < end && q - p < 9 && g_ascii_isdigit (*q))
        q++;
      if (q > p + 5 && end - q >= 6 && g_ascii_strncasecmp (q, "</sup>", 6) == 0)
        return q + 6 - p;
    }
  return 0;
}

/* Footnote markers as characters: superscript digits (¹²³⁰-⁹). */
static gsize
superscript_at (const char *p,
                const char *end)
{
  gunichar c;

  if ((guchar) *p < 0xC2)
    return 0;
  c = g_utf8_get_char_validated (p, end - p);
  if (c == 0x00B9 || c == 0x00B2 || c == 0x00B3 || (c >= 0x2070 && c <= 0x2079))
    return g_utf8_next_char (p) - p;
  return 0;
}

static IdkReportLine
read_line (guint       number,
           const char *start,
           const char *end)
{
  IdkReportLine line = { .number = number };
  g_autoptr(GString) plain = g_string_sized_new (end - start);
  GString *text;
  gboolean bold;
  gsize n;

  for (const char *p = start; p < end && (n = space_at (p, end)) > 0; p += n)
    line.indent++;

  /* HTML marks first, so that "<b>CHAIR</b>" reads as bold like "**CHAIR**". */
  for (const char *p = start; p < end; )
    {
      if ((n = html_mark_at (p, end, &bold)) > 0)
        {
          if (bold)
            g_string_append (plain, "**");
          p += n;
        }
      else if ((n = superscript_at (p, end)) > 0)
        p += n;
      else
        g_string_append_c (plain, *p++);
    }
  start = plain->str;
  end = plain->str + plain->len;

  trim (&start, &end);
  while (start < end && *start == '#' && line.heading < 6)
    start++, line.heading++;
  if (line.heading > 0)
    trim (&start, &end);
  if (wrapped_in_bold (start, end))
    {
      line.bold = TRUE;
      start += 2;
      end -= 2;
      trim (&start, &end);
    }

  /* Bold inside the line says nothing the importer reads: off. */
  text = g_string_sized_new (end - start);
  for (const char *p = start; p < end; p++)
    {
      if (*p == '*' && p + 1 < end && p[1] == '*')
        p++;
      else
        g_string_append_c (text, *p);
    }
  line.text = g_string_free (text, FALSE);
  return line;
}

/**
 * idk_report_text_new:
 * @data: (array length=length): the report's text, UTF-8
 *
 * Returns: (transfer full): its lines, or %NULL with @error set
 *   (#IDK_REPORT_ERROR) naming what is wrong and on which line
 */
IdkReportText *
idk_report_text_new (const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(GArray) lines = NULL;
  const char *p, *end, *bad;
  IdkReportText *self;
  gboolean any = FALSE;
  guint number = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > IDK_REPORT_MAX_SIZE)
    {
      g_set_error (error, IDK_REPORT_ERROR, IDK_REPORT_ERROR_TOO_LARGE,
                   _("The report is %zu KB; a report of more than %d KB is not read"),
                   length / 1024, IDK_REPORT_MAX_SIZE / 1024);
      return NULL;
    }

  p = data;
  end = data + length;
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  lines = g_array_new (FALSE, FALSE, sizeof (IdkReportLine));
  g_array_set_clear_func (lines, line_clear);
  while (p < end)
    {
      const char *stop = p;
      IdkReportLine line;

      while (stop < end && *stop != '\n' && *stop != '\r')
        stop++;
      number++;

      if ((gsize) (stop - p) > IDK_REPORT_MAX_LINE)
        {
          g_set_error (error, IDK_REPORT_ERROR, IDK_REPORT_ERROR_TOO_LARGE,
                       _("Line %u of the report is longer than %d bytes"), number, IDK_REPORT_MAX_LINE);
          return NULL;
        }
      if (memchr (p, '\0', stop - p) != NULL)
        {
          g_set_error (error, IDK_REPORT_ERROR, IDK_REPORT_ERROR_ENCODING,
                       _("Line %u of the report contains a NUL byte: this is not a text file"), number);
          return NULL;
        }
      if (!g_utf8_validate (p, stop - p, &bad))
        {
          g_set_error (error, IDK_REPORT_ERROR, IDK_REPORT_ERROR_ENCODING,
                       _("Line %u of the report is not UTF-8 text (byte %zu of the line); save the "
                         "report as UTF-8 and import it again"), number, (gsize) (bad - p) + 1);
          return NULL;
        }

      line = read_line (number, p, stop);
      any = any || line.text[0] != '\0';
      g_array_append_val (lines, line);

      /* \r\n, \n or \r each end one line. */
      if (stop < end && *stop == '\r' && stop + 1 < end && stop[1] == '\n')
        stop++;
      p = stop + 1;
    }

  if (!any)
    {
      g_set_error_literal (error, IDK_REPORT_ERROR, IDK_REPORT_ERROR_EMPTY, _("The report has no text"));
      return NULL;
    }

  self = g_new0 (IdkReportText, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->lines = g_steal_pointer (&lines);
  return self;
}

IdkReportText *
idk_report_text_ref (IdkReportText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
idk_report_text_unref (IdkReportText *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->lines);
      g_free (self);
    }
}

guint
idk_report_text_get_n_lines (IdkReportText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lines->len;
}

const IdkReportLine *
idk_report_text_get_line (IdkReportText *self,
                          guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);

  return &g_array_index (self->lines, IdkReportLine, index);
}
