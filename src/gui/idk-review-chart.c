/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-review-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "idk-chart.h"
#include "idk-review-chart.h"

/* The chart of a review on screen: the printed chart's drawing, through
 * GtkSnapshot.  Screen readers get the same figures as text. */

struct _IdkReviewChart
{
  GtkWidget parent_instance;

  IdkReview *review;
};

G_DEFINE_FINAL_TYPE (IdkReviewChart, idk_review_chart, GTK_TYPE_WIDGET)

static void
idk_review_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  IdkReviewChart *self = IDK_REVIEW_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
    }
  else
    *minimum = *natural = (int) idk_chart_get_height (self->review, for_size > 0 ? for_size : 560) + 4;
}

static void
idk_review_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  IdkReviewChart *self = IDK_REVIEW_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  idk_chart_draw (self->review, cr, gtk_widget_get_pango_context (widget), width, height,
                  adw_style_manager_get_dark (adw_style_manager_get_default ()));
  cairo_destroy (cr);
}

static void
idk_review_chart_finalize (GObject *object)
{
  IdkReviewChart *self = IDK_REVIEW_CHART (object);

  g_clear_pointer (&self->review, idk_review_free);
  G_OBJECT_CLASS (idk_review_chart_parent_class)->finalize (object);
}

static void
idk_review_chart_class_init (IdkReviewChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = idk_review_chart_finalize;
  widget_class->measure = idk_review_chart_measure;
  widget_class->snapshot = idk_review_chart_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
idk_review_chart_init (IdkReviewChart *self)
{
}

/**
 * idk_review_chart_new:
 * @review: (transfer full): what the chart shows
 */
GtkWidget *
idk_review_chart_new (IdkReview *review)
{
  IdkReviewChart *self = g_object_new (IDK_TYPE_REVIEW_CHART, NULL);
  g_autofree char *description = idk_review_describe (review);

  self->review = review;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actions by owner and status"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  return GTK_WIDGET (self);
}
