/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "idk-session.h"

G_BEGIN_DECLS

/* The chart of a review: one bar per owner, split by status, with a
 * legend.  Drawn with Cairo for paper and, through GtkSnapshot, on
 * screen. */

double idk_chart_get_height      (IdkReview    *review,
                                  double        width);
void   idk_chart_draw            (IdkReview    *review,
                                  cairo_t      *cr,
                                  PangoContext *context,
                                  double        width,
                                  double        height,
                                  gboolean      dark);
void   idk_chart_status_color    (const char   *status,
                                  double       *rgb);

G_END_DECLS
