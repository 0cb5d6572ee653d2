/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-core.h"

G_BEGIN_DECLS

#define IDK_TYPE_FORM (idk_form_get_type ())

G_DECLARE_FINAL_TYPE (IdkForm, idk_form, IDK, FORM, AdwWindow)

/* Called on Save.  Returns TRUE when saved (the form closes), else FALSE
 * with @error set; an #IDK_RECORD_ERROR names the field it is shown at. */
typedef gboolean (*IdkFormSaveFunc) (IdkForm  *form,
                                     gpointer  user_data,
                                     GError  **error);

IdkForm    *idk_form_new            (GtkWidget          *parent,
                                     const char         *title,
                                     const char         *save_label);
void        idk_form_set_record     (IdkForm            *self,
                                     const char         *type,
                                     JsonObject         *fields);
GtkWidget  *idk_form_add_field      (IdkForm            *self,
                                     const char         *field);
GtkWidget  *idk_form_add_entry      (IdkForm            *self,
                                     const char         *field,
                                     const char         *label,
                                     const char         *value);
GtkWidget  *idk_form_add_date       (IdkForm            *self,
                                     const char         *field,
                                     const char         *label,
                                     const char         *value);
GtkWidget  *idk_form_add_choice     (IdkForm            *self,
                                     const char         *field,
                                     const char         *label,
                                     const char * const *values,
                                     const char * const *labels,
                                     const char         *selected);
GtkWidget  *idk_form_add_chooser    (IdkForm            *self,
                                     const char         *field,
                                     const char         *label,
                                     gboolean            multiple,
                                     GListModel         *entries,
                                     const char * const *selected);
GtkWidget  *idk_form_add_switch     (IdkForm            *self,
                                     const char         *field,
                                     const char         *label,
                                     gboolean            active);
const char *idk_form_get_text       (IdkForm            *self,
                                     const char         *field);
gboolean    idk_form_get_active     (IdkForm            *self,
                                     const char         *field);
void        idk_form_set_text       (IdkForm            *self,
                                     const char         *field,
                                     const char         *value);
void        idk_form_set_choice     (IdkForm            *self,
                                     const char         *field,
                                     const char         *value);
void        idk_form_set_values     (IdkForm            *self,
                                     const char         *field,
                                     const char * const *values);
gboolean    idk_form_apply          (IdkForm            *self,
                                     JsonObject         *fields,
                                     GError            **error);
void        idk_form_set_save_func  (IdkForm            *self,
                                     IdkFormSaveFunc     func,
                                     gpointer            user_data,
                                     GDestroyNotify      destroy);
gboolean    idk_form_save           (IdkForm            *self);
void        idk_form_show_error     (IdkForm            *self,
                                     const GError       *error);
const char *idk_form_get_error      (IdkForm            *self,
                                     const char        **field);
AdwPreferencesGroup *idk_form_add_group (IdkForm         *self,
                                         const char      *title);
GtkWidget  *idk_form_get_row        (IdkForm            *self,
                                     const char         *field);

G_END_DECLS
