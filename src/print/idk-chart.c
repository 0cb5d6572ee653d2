/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "idk-chart.h"

/* Units are points on paper and pixels on screen: the chart is the same
 * shape in both.  Owners beyond the first few are summed as "Others", so
 * that the chart stays readable; the text alternative lists them all. */

#define MAX_BARS 12
#define BAR 13.0
#define GAP 6.0
#define LEGEND 30.0
#define FONT "DejaVu Sans, Sans"

static guint
n_bars (IdkReview *review)
{
  return MIN (review->by_owner->len, MAX_BARS + 1);
}

double
idk_chart_get_height (IdkReview *review,
                      double     width)
{
  return MAX (n_bars (review), 1) * (BAR + GAP) + LEGEND;
}

void
idk_chart_status_color (const char *status,
                        double     *rgb)
{
  /* GNOME's palette: blue, yellow, green, grey, red. */
  static const struct { const char *status; double rgb[3]; } colors[] = {
    { "open", { 0.208, 0.518, 0.894 } },
    { "in-progress", { 0.961, 0.761, 0.067 } },
    { "completed", { 0.180, 0.761, 0.494 } },
    { "superseded", { 0.604, 0.600, 0.588 } },
    { "cancelled", { 0.878, 0.106, 0.141 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (colors[i].status, status) == 0)
      {
        memcpy (rgb, colors[i].rgb, sizeof colors[i].rgb);
        return;
      }
  rgb[0] = rgb[1] = rgb[2] = 0.5;
}

static PangoLayout *
label (PangoContext *context,
       const char   *text,
       double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, 8 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static void
show (cairo_t      *cr,
      PangoContext *context,
      PangoLayout  *layout,
      double        x,
      double        y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_update_context (cr, context);
  pango_layout_context_changed (layout);
  pango_cairo_show_layout (cr, layout);
}

/* The counts of bar @i: an owner, or the sum of those past MAX_BARS. */
static const char *
bar_counts (IdkReview *review,
            guint      i,
            guint     *counts,
            guint     *total)
{
  guint n_statuses = review->by_status->len;

  memset (counts, 0, n_statuses * sizeof (guint));
  *total = 0;
  if (i < MAX_BARS || review->by_owner->len == MAX_BARS + 1)
    {
      IdkOwnerCounts *owner = g_ptr_array_index (review->by_owner, i);

      memcpy (counts, owner->counts, n_statuses * sizeof (guint));
      *total = owner->total;
      return owner->label;
    }

  for (guint o = MAX_BARS; o < review->by_owner->len; o++)
    {
      IdkOwnerCounts *owner = g_ptr_array_index (review->by_owner, o);

      for (guint s = 0; s < n_statuses; s++)
        counts[s] += owner->counts[s];
      *total += owner->total;
    }
  return _("Others");
}

void
idk_chart_draw (IdkReview    *review,
                cairo_t      *cr,
                PangoContext *context,
                double        width,
                double        height,
                gboolean      dark)
{
  double fg = dark ? 1.0 : 0.0;
  double label_width = MIN (width * 0.28, 150.0);
  double bars_x = label_width + 8;
  double bars_width = width - bars_x - 30;
  g_autofree guint *counts = g_new0 (guint, review->by_status->len);
  guint largest = 1;
  double x, y = 0;

  for (guint i = 0; i < review->by_owner->len; i++)
    largest = MAX (largest, ((IdkOwnerCounts *) g_ptr_array_index (review->by_owner, i))->total);
  if (review->by_owner->len > MAX_BARS + 1)
    {
      guint total;

      bar_counts (review, MAX_BARS, counts, &total);
      largest = MAX (largest, total);
    }

  for (guint i = 0; i < n_bars (review); i++, y += BAR + GAP)
    {
      guint total;
      const char *name = bar_counts (review, i, counts, &total);
      g_autoptr(PangoLayout) name_layout = label (context, name, label_width);
      g_autofree char *number = g_strdup_printf ("%u", total);
      g_autoptr(PangoLayout) number_layout = label (context, number, -1);

      cairo_set_source_rgb (cr, fg, fg, fg);
      pango_layout_set_alignment (name_layout, PANGO_ALIGN_RIGHT);
      show (cr, context, name_layout, 0, y);

      x = bars_x;
      for (guint s = 0; s < review->by_status->len; s++)
        {
          IdkStatusCount *status = g_ptr_array_index (review->by_status, s);
          double rgb[3];
          double w = bars_width * counts[s] / largest;

          if (counts[s] == 0)
            continue;
          idk_chart_status_color (status->status, rgb);
          cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
          cairo_rectangle (cr, x, y, w, BAR);
          cairo_fill (cr);
          x += w;
        }

      cairo_set_source_rgb (cr, fg, fg, fg);
      show (cr, context, number_layout, x + 4, y);
    }

  /* The legend, with the count of each status. */
  x = bars_x;
  y = MAX (n_bars (review), 1) * (BAR + GAP) + 6;
  for (guint s = 0; s < review->by_status->len; s++)
    {
      IdkStatusCount *status = g_ptr_array_index (review->by_status, s);
      g_autofree char *text = g_strdup_printf ("%s (%u)", status->label, status->count);
      g_autoptr(PangoLayout) layout = label (context, text, -1);
      double rgb[3];
      int w, h;

      pango_layout_get_size (layout, &w, &h);
      if (x + 14 + (double) w / PANGO_SCALE > width && x > bars_x)
        {
          x = bars_x;
          y += 12;
        }
      idk_chart_status_color (status->status, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, x, y + 2, 9, 9);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, fg, fg, fg);
      show (cr, context, layout, x + 12, y);
      x += 12 + (double) w / PANGO_SCALE + 12;
    }
}
