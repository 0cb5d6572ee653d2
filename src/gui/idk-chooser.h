/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IDK_TYPE_CHOOSER (idk_chooser_get_type ())

G_DECLARE_FINAL_TYPE (IdkChooser, idk_chooser, IDK, CHOOSER, AdwBin)

GtkWidget  *idk_chooser_new          (gboolean            multiple);
void        idk_chooser_set_items    (IdkChooser         *self,
                                      const char * const *values,
                                      const char * const *labels);
void        idk_chooser_set_selected (IdkChooser         *self,
                                      const char * const *values);
GStrv       idk_chooser_get_selected (IdkChooser         *self);
const char *idk_chooser_get_value    (IdkChooser         *self);
void        idk_chooser_set_value    (IdkChooser         *self,
                                      const char         *value);
char       *idk_chooser_get_text     (IdkChooser         *self);
void        idk_chooser_set_search   (IdkChooser         *self,
                                      const char         *text);
guint       idk_chooser_count_shown  (IdkChooser         *self);

G_END_DECLS
