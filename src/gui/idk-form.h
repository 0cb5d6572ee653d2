/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IDK_TYPE_FORM (idk_form_get_type ())

G_DECLARE_FINAL_TYPE (IdkForm, idk_form, IDK, FORM, AdwWindow)

/* Called on Save.  Returns TRUE when saved (the form closes), else FALSE
 * with @error set and @field naming the field at fault (or NULL). */
typedef gboolean (*IdkFormSaveFunc) (IdkForm  *form,
                                     gpointer  user_data,
                                     char    **field,
                                     GError  **error);

IdkForm    *idk_form_new           (GtkWidget          *parent,
                                    const char         *title,
                                    const char         *save_label);
GtkWidget  *idk_form_add_entry     (IdkForm            *self,
                                    const char         *field,
                                    const char         *label,
                                    const char         *value);
GtkWidget  *idk_form_add_choice    (IdkForm            *self,
                                    const char         *field,
                                    const char         *label,
                                    const char * const *values,
                                    const char * const *labels,
                                    const char         *selected);
GtkWidget  *idk_form_add_switch    (IdkForm            *self,
                                    const char         *field,
                                    const char         *label,
                                    gboolean            active);
const char *idk_form_get_text      (IdkForm            *self,
                                    const char         *field);
gboolean    idk_form_get_active    (IdkForm            *self,
                                    const char         *field);
void        idk_form_set_text      (IdkForm            *self,
                                    const char         *field,
                                    const char         *value);
void        idk_form_set_choice    (IdkForm            *self,
                                    const char         *field,
                                    const char         *value);
void        idk_form_set_save_func (IdkForm            *self,
                                    IdkFormSaveFunc     func,
                                    gpointer            user_data,
                                    GDestroyNotify      destroy);
gboolean    idk_form_save          (IdkForm            *self);
const char *idk_form_get_error     (IdkForm            *self,
                                    const char        **field);

G_END_DECLS
