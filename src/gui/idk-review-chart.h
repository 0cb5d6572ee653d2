/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "idk-session.h"

G_BEGIN_DECLS

#define IDK_TYPE_REVIEW_CHART (idk_review_chart_get_type ())

G_DECLARE_FINAL_TYPE (IdkReviewChart, idk_review_chart, IDK, REVIEW_CHART, GtkWidget)

GtkWidget *idk_review_chart_new (IdkReview *review);

G_END_DECLS
