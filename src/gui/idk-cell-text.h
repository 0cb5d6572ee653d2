/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IDK_TYPE_CELL_TEXT (idk_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (IdkCellText, idk_cell_text, IDK, CELL_TEXT, GtkWidget)

GtkWidget  *idk_cell_text_new       (guint        lines);
const char *idk_cell_text_get_text  (IdkCellText *self);
void        idk_cell_text_set_text  (IdkCellText *self,
                                     const char  *text);

G_END_DECLS
