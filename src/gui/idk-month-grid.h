/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IDK_TYPE_MONTH_GRID (idk_month_grid_get_type ())

G_DECLARE_FINAL_TYPE (IdkMonthGrid, idk_month_grid, IDK, MONTH_GRID, AdwBin)

GtkWidget *idk_month_grid_new           (void);
void       idk_month_grid_set_month     (IdkMonthGrid *self,
                                         guint         year,
                                         guint         month);
guint      idk_month_grid_get_year      (IdkMonthGrid *self);
guint      idk_month_grid_get_month     (IdkMonthGrid *self);
void       idk_month_grid_set_today     (IdkMonthGrid *self,
                                         const char   *today);
void       idk_month_grid_set_meetings  (IdkMonthGrid *self,
                                         GListModel   *meetings);
char      *idk_month_grid_get_range     (IdkMonthGrid *self,
                                         char        **last);
GtkWidget *idk_month_grid_get_day       (IdkMonthGrid *self,
                                         const char   *date);

G_END_DECLS
