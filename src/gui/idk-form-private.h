/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-form.h"

G_BEGIN_DECLS

/* The form, split by concern: idk-form.c (the dialog, checks, errors and
 * Save), idk-form-rows.c (the rows of each kind of field). */

typedef enum
{
  WIDGET_ENTRY,
  WIDGET_TEXT_VIEW,
  WIDGET_COMBO,
  WIDGET_CHOOSER,
  WIDGET_SWITCH,
} WidgetKind;

typedef struct
{
  IdkForm *form;           /* unowned */
  char *name;
  WidgetKind widget_kind;
  gboolean in_record;      /* from the record description, written on Save */
  GtkWidget *row;
  GtkWidget *input;        /* the entry row, text view, chooser or switch */
  GtkWidget *error_row;
  GtkWidget *error_label;
  GPtrArray *values;       /* for a drop-down: the value of each item */
  char *text;              /* last text read, kept valid for the caller */
} Field;

struct _IdkForm
{
  AdwWindow parent_instance;

  char *record_type;
  JsonObject *record;
  GPtrArray *fields;
  IdkFormSaveFunc save_func;
  gpointer save_data;
  GDestroyNotify save_destroy;
  char *error_field;
  char *error_message;

  /* Template widgets */
  GtkLabel *general_error;
  AdwPreferencesGroup *group;
  AdwPreferencesPage *page;
  GtkButton *save_button;
  AdwWindowTitle *window_title;
};

Field *_idk_form_add_field           (IdkForm    *self,
                                     const char *name,
                                     GtkWidget  *row,
                                     GtkWidget  *input,
                                     WidgetKind  kind);
Field *_idk_form_find_field          (IdkForm    *self,
                                     const char *name);
void   _idk_form_on_field_changed_cb (Field      *field);
char  *_idk_form_raw_text            (Field      *field);

G_END_DECLS
