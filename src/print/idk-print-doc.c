/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "idk-chart.h"
#include "idk-print-doc.h"

/* Blocks are laid out top to bottom in points (1/72 inch), at a Pango
 * resolution of 72 dpi so that a 10 pt font is 10 units high on a PDF
 * surface and on a print context set to points alike.  A heading stays
 * with what follows it; a table that breaks repeats its header row on the
 * next page.  Text is always set as text, never parsed as markup, since
 * it comes from reports and other offices. */

#define MARGIN 50.0
#define HEADER_SPACE 28.0
#define FOOTER_SPACE 24.0
#define CELL_PAD 3.0
#define FONT "DejaVu Sans, Sans"

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_ROW,
  BLOCK_CHART,
} BlockKind;

typedef struct
{
  guint n_columns;
  double *widths;      /* fractions of the text width */
  char **header;
  double header_height;
} Table;

typedef struct
{
  BlockKind kind;
  int level;
  char *text;
  char **cells;
  gboolean emphasis;
  gboolean first_row;
  Table *table;
  IdkReview *review;
  double height;
} Block;

typedef struct
{
  guint block;
  int page;
  double y;
  gboolean header_before;
} Placement;

struct _IdkPrintDoc
{
  char *running_header;
  GPtrArray *blocks;
  GPtrArray *tables;
  Table *open_table;
  gboolean row_pending_first;

  PangoContext *context;
  double page_width;
  double page_height;
  GArray *placements;
  int n_pages;
};

static void
table_free (Table *table)
{
  g_free (table->widths);
  g_strfreev (table->header);
  g_free (table);
}

static void
block_free (Block *block)
{
  g_clear_pointer (&block->review, idk_review_free);
  g_free (block->text);
  g_strfreev (block->cells);
  g_free (block);
}

IdkPrintDoc *
idk_print_doc_new (const char *running_header)
{
  IdkPrintDoc *doc = g_new0 (IdkPrintDoc, 1);

  doc->running_header = g_strdup (running_header);
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  doc->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  doc->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  return doc;
}

void
idk_print_doc_free (IdkPrintDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->running_header);
  g_ptr_array_unref (doc->blocks);
  g_ptr_array_unref (doc->tables);
  g_array_unref (doc->placements);
  g_clear_object (&doc->context);
  g_free (doc);
}

static Block *
add_block (IdkPrintDoc *doc,
           BlockKind    kind,
           const char  *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text ? text : "");
  g_ptr_array_add (doc->blocks, block);
  return block;
}

void
idk_print_doc_add_heading (IdkPrintDoc *doc,
                           int          level,
                           const char  *text)
{
  add_block (doc, BLOCK_HEADING, text)->level = CLAMP (level, 1, 3);
}

void
idk_print_doc_add_paragraph (IdkPrintDoc *doc,
                             const char  *text)
{
  add_block (doc, BLOCK_PARAGRAPH, text);
}

void
idk_print_doc_add_note (IdkPrintDoc *doc,
                        const char  *text)
{
  add_block (doc, BLOCK_NOTE, text);
}

void
idk_print_doc_begin_table (IdkPrintDoc        *doc,
                           guint               n_columns,
                           const double       *widths,
                           const char * const *header)
{
  Table *table = g_new0 (Table, 1);

  table->n_columns = n_columns;
  table->widths = g_memdup2 (widths, n_columns * sizeof (double));
  table->header = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    table->header[i] = g_strdup (header[i]);
  g_ptr_array_add (doc->tables, table);
  doc->open_table = table;
  doc->row_pending_first = TRUE;
}

void
idk_print_doc_add_row (IdkPrintDoc        *doc,
                       const char * const *cells,
                       gboolean            emphasis)
{
  Block *block;

  g_return_if_fail (doc->open_table != NULL);

  block = add_block (doc, BLOCK_ROW, NULL);
  block->table = doc->open_table;
  block->cells = g_new0 (char *, doc->open_table->n_columns + 1);
  for (guint i = 0; i < doc->open_table->n_columns; i++)
    block->cells[i] = g_strdup (cells[i] ? cells[i] : "");
  block->emphasis = emphasis;
  block->first_row = doc->row_pending_first;
  doc->row_pending_first = FALSE;
}

void
idk_print_doc_end_table (IdkPrintDoc *doc)
{
  doc->open_table = NULL;
}

/**
 * idk_print_doc_add_chart:
 * @review: (transfer full): what the chart shows
 */
void
idk_print_doc_add_chart (IdkPrintDoc *doc,
                         IdkReview   *review)
{
  add_block (doc, BLOCK_CHART, NULL)->review = review;
}

/* --- layout ------------------------------------------------------------ */

static PangoLayout *
make_layout (IdkPrintDoc *doc,
             const char  *text,
             double       size,
             gboolean     bold,
             gboolean     italic,
             double       width)
{
  PangoLayout *layout = pango_layout_new (doc->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
text_width (IdkPrintDoc *doc)
{
  return doc->page_width - 2 * MARGIN;
}

static double
heading_size (int level)
{
  return level == 1 ? 16.0 : level == 2 ? 12.5 : 10.5;
}

static PangoLayout *
cell_layout (IdkPrintDoc *doc,
             Table       *table,
             guint        column,
             const char  *text,
             gboolean     bold)
{
  double width = table->widths[column] * text_width (doc) - 2 * CELL_PAD;

  return make_layout (doc, text, 8.5, bold, FALSE, MAX (width, 10.0));
}

static double
row_height (IdkPrintDoc        *doc,
            Table              *table,
            const char * const *cells,
            gboolean            bold)
{
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (doc, table, i, cells[i], bold);

      height = MAX (height, layout_height (layout));
    }
  return height + 2 * CELL_PAD;
}

static double
block_height (IdkPrintDoc *doc,
              Block       *block)
{
  g_autoptr(PangoLayout) layout = NULL;

  switch (block->kind)
    {
    case BLOCK_HEADING:
      layout = make_layout (doc, block->text, heading_size (block->level), TRUE, FALSE, text_width (doc));
      return layout_height (layout) + (block->level == 1 ? 10 : 8);
    case BLOCK_PARAGRAPH:
      layout = make_layout (doc, block->text, 9.5, FALSE, FALSE, text_width (doc));
      return layout_height (layout) + 5;
    case BLOCK_NOTE:
      layout = make_layout (doc, block->text, 8.5, FALSE, TRUE, text_width (doc));
      return layout_height (layout) + 4;
    case BLOCK_ROW:
      return row_height (doc, block->table, (const char * const *) block->cells, block->emphasis);
    case BLOCK_CHART:
      return idk_chart_get_height (block->review, text_width (doc)) + 8;
    default:
      g_assert_not_reached ();
    }
}

static void
place (IdkPrintDoc *doc,
       guint        block,
       int          page,
       double       y,
       gboolean     header_before)
{
  Placement placement = { block, page, y, header_before };

  g_array_append_val (doc->placements, placement);
}

/**
 * idk_print_doc_paginate:
 * @cr: a context of the target (a PDF surface, a print context), whose
 *   user units are points
 *
 * Returns: the number of pages
 */
int
idk_print_doc_paginate (IdkPrintDoc *doc,
                        cairo_t     *cr,
                        double       width,
                        double       height)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  double top = MARGIN + HEADER_SPACE;
  double bottom = height - MARGIN - FOOTER_SPACE;
  double y = top;
  int page = 0;

  g_clear_object (&doc->context);
  doc->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (doc->context, 72.0);
  /* The same line breaks on screen, in the preview and on paper. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (doc->context, options);
  cairo_font_options_destroy (options);

  doc->page_width = width;
  doc->page_height = height;
  g_array_set_size (doc->placements, 0);

  for (guint i = 0; i < doc->tables->len; i++)
    {
      Table *table = g_ptr_array_index (doc->tables, i);

      table->header_height = row_height (doc, table, (const char * const *) table->header, TRUE);
    }
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);

      block->height = block_height (doc, block);
    }

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);
      gboolean header_before = FALSE;
      double needed = block->height;

      if (block->kind == BLOCK_ROW && block->first_row)
        {
          header_before = TRUE;
          needed += block->table->header_height;
        }
      /* A heading is not left alone at the foot of a page. */
      if (block->kind == BLOCK_HEADING && i + 1 < doc->blocks->len)
        {
          Block *next = g_ptr_array_index (doc->blocks, i + 1);

          needed += MIN (next->height, bottom - top - block->height);
          if (next->kind == BLOCK_ROW && next->first_row)
            needed += next->table->header_height;
        }

      if (y + needed > bottom && y > top)
        {
          page++;
          y = top;
          if (block->kind == BLOCK_ROW)
            header_before = TRUE;
        }

      place (doc, i, page, y, header_before);
      if (header_before)
        y += block->table->header_height;
      y += block->height;
      if (block->kind == BLOCK_ROW && (i + 1 == doc->blocks->len ||
                                       ((Block *) g_ptr_array_index (doc->blocks, i + 1))->kind != BLOCK_ROW ||
                                       ((Block *) g_ptr_array_index (doc->blocks, i + 1))->first_row))
        y += 8;  /* space after a table */
    }

  doc->n_pages = page + 1;
  return doc->n_pages;
}

/* --- drawing ----------------------------------------------------------- */

static void
show (IdkPrintDoc *doc,
      cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_update_context (cr, doc->context);
  pango_layout_context_changed (layout);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_row (IdkPrintDoc        *doc,
          cairo_t            *cr,
          Table              *table,
          const char * const *cells,
          double              y,
          double              height,
          gboolean            header,
          gboolean            emphasis)
{
  double x = MARGIN;

  if (header || emphasis)
    {
      cairo_set_source_rgb (cr, header ? 0.88 : 0.95, header ? 0.90 : 0.95, header ? 0.93 : 0.95);
      cairo_rectangle (cr, MARGIN, y, text_width (doc), height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (doc, table, i, cells[i], header || emphasis);

      show (doc, cr, layout, x + CELL_PAD, y + CELL_PAD);
      x += table->widths[i] * text_width (doc);
    }

  cairo_set_source_rgb (cr, 0.75, 0.75, 0.78);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, y + height);
  cairo_line_to (cr, MARGIN + text_width (doc), y + height);
  cairo_stroke (cr);
}

static void
draw_frame (IdkPrintDoc *doc,
            cairo_t     *cr,
            int          page)
{
  g_autoptr(PangoLayout) header = make_layout (doc, doc->running_header, 8, FALSE, FALSE, text_width (doc));
  g_autofree char *number = g_strdup_printf (_("Page %d of %d"), page + 1, doc->n_pages);
  g_autoptr(PangoLayout) footer = make_layout (doc, number, 8, FALSE, FALSE, text_width (doc));

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.4);
  pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
  show (doc, cr, header, MARGIN, MARGIN);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, MARGIN + 13);
  cairo_line_to (cr, doc->page_width - MARGIN, MARGIN + 13);
  cairo_stroke (cr);

  pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
  show (doc, cr, footer, MARGIN, doc->page_height - MARGIN - 10);
}

/**
 * idk_print_doc_draw_page:
 * @page: from 0, below the count idk_print_doc_paginate() gave
 */
void
idk_print_doc_draw_page (IdkPrintDoc *doc,
                         cairo_t     *cr,
                         int          page)
{
  g_return_if_fail (doc->context != NULL);

  cairo_save (cr);
  draw_frame (doc, cr, page);

  for (guint i = 0; i < doc->placements->len; i++)
    {
      Placement *p = &g_array_index (doc->placements, Placement, i);
      Block *block = g_ptr_array_index (doc->blocks, p->block);
      g_autoptr(PangoLayout) layout = NULL;
      double y = p->y;

      if (p->page != page)
        continue;

      cairo_set_source_rgb (cr, 0, 0, 0);
      switch (block->kind)
        {
        case BLOCK_HEADING:
          layout = make_layout (doc, block->text, heading_size (block->level), TRUE, FALSE, text_width (doc));
          show (doc, cr, layout, MARGIN, y + (block->level == 1 ? 2 : 4));
          break;
        case BLOCK_PARAGRAPH:
          layout = make_layout (doc, block->text, 9.5, FALSE, FALSE, text_width (doc));
          show (doc, cr, layout, MARGIN, y);
          break;
        case BLOCK_NOTE:
          cairo_set_source_rgb (cr, 0.45, 0.2, 0.0);
          layout = make_layout (doc, block->text, 8.5, FALSE, TRUE, text_width (doc));
          show (doc, cr, layout, MARGIN, y);
          break;
        case BLOCK_ROW:
          if (p->header_before)
            {
              draw_row (doc, cr, block->table, (const char * const *) block->table->header, y,
                        block->table->header_height, TRUE, FALSE);
              y += block->table->header_height;
            }
          draw_row (doc, cr, block->table, (const char * const *) block->cells, y, block->height, FALSE,
                    block->emphasis);
          break;
        case BLOCK_CHART:
          cairo_save (cr);
          cairo_translate (cr, MARGIN, y + 4);
          idk_chart_draw (block->review, cr, doc->context, text_width (doc), block->height - 8, FALSE);
          cairo_restore (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}
