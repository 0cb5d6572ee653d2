/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-form"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-form.h"

/* A dialog of labelled fields with Cancel and Save, used by every editor.
 * The caller checks and saves; a refusal is shown under the field at
 * fault, which gets the focus, and the form stays open with what was
 * typed. */

typedef struct
{
  char *name;
  GtkWidget *row;
  GtkWidget *error_row;
  GtkWidget *error_label;
  GPtrArray *values;     /* for a choice: the value of each item */
} Field;

struct _IdkForm
{
  AdwWindow parent_instance;

  GPtrArray *fields;
  IdkFormSaveFunc save_func;
  gpointer save_data;
  GDestroyNotify save_destroy;
  char *error_field;
  char *error_message;

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkButton *save_button;
  AdwWindowTitle *window_title;
};

G_DEFINE_FINAL_TYPE (IdkForm, idk_form, ADW_TYPE_WINDOW)

static void
field_free (Field *field)
{
  g_free (field->name);
  g_clear_pointer (&field->values, g_ptr_array_unref);
  g_free (field);
}

static Field *
find_field (IdkForm    *self,
            const char *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (field->name, name) == 0)
        return field;
    }

  return NULL;
}

static void
clear_errors (IdkForm *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      gtk_widget_remove_css_class (field->row, "error");
      gtk_widget_set_visible (field->error_row, FALSE);
    }
  g_clear_pointer (&self->error_field, g_free);
  g_clear_pointer (&self->error_message, g_free);
}

static void
show_error (IdkForm    *self,
            const char *name,
            const char *message)
{
  Field *field = name ? find_field (self, name) : NULL;

  self->error_field = g_strdup (name);
  self->error_message = g_strdup (message);

  /* A message without a field goes under the first one. */
  if (field == NULL && self->fields->len > 0)
    field = g_ptr_array_index (self->fields, 0);
  if (field == NULL)
    return;

  gtk_widget_add_css_class (field->row, "error");
  gtk_label_set_text (GTK_LABEL (field->error_label), message);
  gtk_widget_set_visible (field->error_row, TRUE);
  gtk_widget_grab_focus (field->row);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  idk_form_save (IDK_FORM (widget));
}

/* The field's row, then a hidden label for its error message. */
static GtkWidget *
add_field (IdkForm    *self,
           const char *name,
           GtkWidget  *row)
{
  Field *field = g_new0 (Field, 1);
  GtkWidget *error_row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  field->name = g_strdup (name);
  field->row = row;
  field->error_row = error_row;
  field->error_label = label;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_widget_set_visible (error_row, FALSE);

  adw_preferences_group_add (self->group, row);
  adw_preferences_group_add (self->group, error_row);
  g_ptr_array_add (self->fields, field);

  return row;
}

static void
idk_form_dispose (GObject *object)
{
  IdkForm *self = IDK_FORM (object);

  if (self->save_destroy != NULL && self->save_data != NULL)
    self->save_destroy (self->save_data);
  self->save_data = NULL;
  self->save_destroy = NULL;

  G_OBJECT_CLASS (idk_form_parent_class)->dispose (object);
}

static void
idk_form_finalize (GObject *object)
{
  IdkForm *self = IDK_FORM (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->error_field, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (idk_form_parent_class)->finalize (object);
}

static void
idk_form_class_init (IdkFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = idk_form_dispose;
  object_class->finalize = idk_form_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-form.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkForm, group);
  gtk_widget_class_bind_template_child (widget_class, IdkForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, IdkForm, window_title);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "form.save", NULL);
}

static void
idk_form_init (IdkForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
}

/**
 * idk_form_new:
 * @parent: (nullable): a widget of the window the form belongs to
 *
 * Returns: (transfer none): a new form, to be filled and presented
 */
IdkForm *
idk_form_new (GtkWidget  *parent,
              const char *title,
              const char *save_label)
{
  IdkForm *self = g_object_new (IDK_TYPE_FORM, "title", title, NULL);
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  adw_window_title_set_title (self->window_title, title);
  gtk_button_set_label (self->save_button, save_label);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));

  return self;
}

GtkWidget *
idk_form_add_entry (IdkForm    *self,
                    const char *field,
                    const char *label,
                    const char *value)
{
  GtkWidget *row = adw_entry_row_new ();

  g_return_val_if_fail (IDK_IS_FORM (self), NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), FALSE);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (idk_form_save), self);

  return add_field (self, field, row);
}

/**
 * idk_form_add_choice:
 * @values: the value of each choice, %NULL-terminated
 * @labels: what each choice shows
 * @selected: (nullable): the value chosen at first
 */
GtkWidget *
idk_form_add_choice (IdkForm            *self,
                     const char         *field,
                     const char         *label,
                     const char * const *values,
                     const char * const *labels,
                     const char         *selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) strings = gtk_string_list_new ((const char * const *) labels);
  Field *entry;

  g_return_val_if_fail (IDK_IS_FORM (self), NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (strings));

  add_field (self, field, row);
  entry = find_field (self, field);
  entry->values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; values[i] != NULL; i++)
    g_ptr_array_add (entry->values, g_strdup (values[i]));

  idk_form_set_choice (self, field, selected);
  return row;
}

GtkWidget *
idk_form_add_switch (IdkForm    *self,
                     const char *field,
                     const char *label,
                     gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  g_return_val_if_fail (IDK_IS_FORM (self), NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), "switch", toggle);

  return add_field (self, field, row);
}

/**
 * idk_form_get_text:
 *
 * Returns: (nullable): the text of an entry, stripped, or the value of a
 *   choice; %NULL when empty
 */
const char *
idk_form_get_text (IdkForm    *self,
                   const char *name)
{
  Field *field;

  g_return_val_if_fail (IDK_IS_FORM (self), NULL);

  if (!(field = find_field (self, name)))
    return NULL;

  if (ADW_IS_COMBO_ROW (field->row))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

      return selected < field->values->len ? g_ptr_array_index (field->values, selected) : NULL;
    }
  else
    {
      /* Kept on the row so that the pointer stays valid. */
      char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row))));

      g_object_set_data_full (G_OBJECT (field->row), "stripped", text, g_free);
      return *text ? text : NULL;
    }
}

gboolean
idk_form_get_active (IdkForm    *self,
                     const char *name)
{
  Field *field;

  g_return_val_if_fail (IDK_IS_FORM (self), FALSE);

  field = find_field (self, name);
  return field != NULL && gtk_switch_get_active (g_object_get_data (G_OBJECT (field->row), "switch"));
}

void
idk_form_set_text (IdkForm    *self,
                   const char *name,
                   const char *value)
{
  Field *field;

  g_return_if_fail (IDK_IS_FORM (self));

  if ((field = find_field (self, name)) && GTK_IS_EDITABLE (field->row))
    gtk_editable_set_text (GTK_EDITABLE (field->row), value ? value : "");
}

void
idk_form_set_choice (IdkForm    *self,
                     const char *name,
                     const char *value)
{
  Field *field;

  g_return_if_fail (IDK_IS_FORM (self));

  if (!(field = find_field (self, name)) || field->values == NULL)
    return;

  for (guint i = 0; i < field->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (field->values, i), value) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), i);
}

void
idk_form_set_save_func (IdkForm         *self,
                        IdkFormSaveFunc  func,
                        gpointer         user_data,
                        GDestroyNotify   destroy)
{
  g_return_if_fail (IDK_IS_FORM (self));

  self->save_func = func;
  self->save_data = user_data;
  self->save_destroy = destroy;
}

/**
 * idk_form_save:
 *
 * What Save does: calls the save function, then closes the form, or
 * shows the refusal at its field.
 *
 * Returns: whether it was saved
 */
gboolean
idk_form_save (IdkForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;

  g_return_val_if_fail (IDK_IS_FORM (self), FALSE);

  clear_errors (self);
  if (self->save_func == NULL)
    return FALSE;

  if (!self->save_func (self, self->save_data, &field, &error))
    {
      show_error (self, field, error ? error->message : _("Cannot save."));
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/**
 * idk_form_get_error:
 * @field: (out) (optional): the field it is shown at
 *
 * Returns: (nullable): the refusal shown, if any
 */
const char *
idk_form_get_error (IdkForm     *self,
                    const char **field)
{
  g_return_val_if_fail (IDK_IS_FORM (self), NULL);

  if (field != NULL)
    *field = self->error_field;
  return self->error_message;
}
