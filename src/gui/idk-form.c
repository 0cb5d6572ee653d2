/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-form"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-chooser.h"
#include "idk-form-private.h"

/* A dialog of labelled fields with Cancel and Save, the one every editor
 * is made of.  A form edits a record: its fields are built from the
 * record description (label, kind, values, limits), checked against it
 * as they are typed into, and written back into the record's fields on
 * Save.  A refusal is shown under the field at fault, which is scrolled
 * into view and focused; it goes once the field changes.  The form stays
 * open with what was typed. */

G_DEFINE_FINAL_TYPE (IdkForm, idk_form, ADW_TYPE_WINDOW)

enum { CHANGED, N_SIGNALS };
static guint form_signals[N_SIGNALS];

static void
field_free (Field *field)
{
  g_free (field->name);
  g_free (field->text);
  g_clear_pointer (&field->values, g_ptr_array_unref);
  g_free (field);
}

Field *
_idk_form_find_field (IdkForm    *self,
            const char *name)
{
  for (guint i = 0; name != NULL && i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->name, name))
        return field;
    }

  return NULL;
}

static void
hide_field_error (Field *field)
{
  gtk_widget_remove_css_class (field->row, "error");
  gtk_widget_set_visible (field->error_row, FALSE);
}

static void
clear_errors (IdkForm *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    hide_field_error (g_ptr_array_index (self->fields, i));
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
  g_clear_pointer (&self->error_field, g_free);
  g_clear_pointer (&self->error_message, g_free);
}

static void
show_field_error (Field      *field,
                  const char *message)
{
  gtk_widget_add_css_class (field->row, "error");
  gtk_label_set_text (GTK_LABEL (field->error_label), message);
  gtk_widget_set_visible (field->error_row, TRUE);
}

/* Once laid out: the field and its message in view. */
static gboolean
scroll_to_field (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  Field *field = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (field->row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t row_bounds, error_bounds;
  double top, bottom, value, page;

  if (scrolled == NULL || !(content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))) ||
      !gtk_widget_compute_bounds (field->row, content, &row_bounds) ||
      !gtk_widget_compute_bounds (field->error_row, content, &error_bounds))
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = row_bounds.origin.y - 12;
  bottom = error_bounds.origin.y + error_bounds.size.height + 12;
  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, MIN (top, bottom - page));

  return G_SOURCE_REMOVE;
}

static void
show_error (IdkForm    *self,
            const char *name,
            const char *message)
{
  Field *field = _idk_form_find_field (self, name);

  self->error_field = g_strdup (name);
  self->error_message = g_strdup (message);

  /* A refusal that names no field of the form goes at its top. */
  if (field == NULL)
    {
      gtk_label_set_text (self->general_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
      return;
    }

  show_field_error (field, message);
  gtk_widget_grab_focus (field->input);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_field, field, NULL);
}

/* The text of an entry or a text view, as typed (not stripped). */
char *
_idk_form_raw_text (Field *field)
{
  if (field->widget_kind == WIDGET_TEXT_VIEW)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->input));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->input)));
}

/* The value of a field of the record, as stored, or %NULL with @error
 * naming the field. */
static JsonNode *
field_value (IdkForm  *self,
             Field    *field,
             GError  **error)
{
  switch (field->widget_kind)
    {
    case WIDGET_SWITCH:
      return json_node_init_boolean (json_node_alloc (), gtk_switch_get_active (GTK_SWITCH (field->input)));

    case WIDGET_CHOOSER:
      if (g_strcmp0 (idk_record_field_kind (self->record_type, field->name), "refs") == 0)
        {
          g_auto(GStrv) values = idk_chooser_get_selected (IDK_CHOOSER (field->input));
          g_autoptr(JsonArray) array = json_array_new ();

          for (guint i = 0; values[i] != NULL; i++)
            json_array_add_string_element (array, values[i]);
          return json_node_init_array (json_node_alloc (), array);
        }
      /* fall through */
    case WIDGET_COMBO:
      {
        const char *value = idk_form_get_text (self, field->name);
        JsonNode *node = value ? json_node_init_string (json_node_alloc (), value)
                               : json_node_new (JSON_NODE_NULL);

        if (!idk_record_check_field (self->record_type, field->name, node, error))
          return (json_node_unref (node), NULL);
        return node;
      }

    default:
      {
        g_autofree char *text = g_strstrip (_idk_form_raw_text (field));

        return idk_record_parse_value (self->record_type, field->name, text, error);
      }
    }
}

/* Typing into a field of the record checks it at once, against the same
 * description a save is checked against. */
void
_idk_form_on_field_changed_cb (Field *field)
{
  IdkForm *self = field->form;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_signal_emit (self, form_signals[CHANGED], 0);
  hide_field_error (field);
  if (g_strcmp0 (self->error_field, field->name) == 0)
    {
      g_clear_pointer (&self->error_field, g_free);
      g_clear_pointer (&self->error_message, g_free);
    }

  if (!field->in_record || !(node = field_value (self, field, &error)))
    {
      if (error != NULL)
        show_field_error (field, error->message);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  idk_form_save (IDK_FORM (widget));
}

/* The field's row, then a hidden label for its error message. */
Field *
_idk_form_add_field (IdkForm    *self,
           const char *name,
           GtkWidget  *row,
           GtkWidget  *input,
           WidgetKind  kind)
{
  Field *field = g_new0 (Field, 1);
  /* A preferences row, so that it sits right under its field (a group puts
   * any other widget below its list). */
  GtkWidget *error_row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  field->form = self;
  field->name = g_strdup (name);
  field->row = row;
  field->input = input;
  field->widget_kind = kind;
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
  gtk_accessible_update_relation (GTK_ACCESSIBLE (input),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                  -1);

  adw_preferences_group_add (self->group, row);
  adw_preferences_group_add (self->group, error_row);
  g_ptr_array_add (self->fields, field);

  switch (kind)
    {
    case WIDGET_ENTRY:
      g_signal_connect_swapped (input, "changed", G_CALLBACK (_idk_form_on_field_changed_cb), field);
      break;
    case WIDGET_TEXT_VIEW:
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), "changed",
                                G_CALLBACK (_idk_form_on_field_changed_cb), field);
      break;
    case WIDGET_COMBO:
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (_idk_form_on_field_changed_cb), field);
      break;
    case WIDGET_CHOOSER:
      g_signal_connect_swapped (input, "changed", G_CALLBACK (_idk_form_on_field_changed_cb), field);
      break;
    case WIDGET_SWITCH:
      break;
    }

  return field;
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
  g_clear_pointer (&self->record, json_object_unref);
  g_clear_pointer (&self->record_type, g_free);
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
  gtk_widget_class_bind_template_child (widget_class, IdkForm, general_error);
  gtk_widget_class_bind_template_child (widget_class, IdkForm, group);
  gtk_widget_class_bind_template_child (widget_class, IdkForm, page);

  /* Any field changed: for forms that show what the values would do. */
  form_signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
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

/**
 * idk_form_set_record:
 * @type: the record type the form edits, e.g. "action"
 * @fields: (nullable): the record as it is, or %NULL for a new one
 *
 * Fields added with idk_form_add_field() then come from the description
 * of @type and start with the values of @fields.
 */
void
idk_form_set_record (IdkForm    *self,
                     const char *type,
                     JsonObject *fields)
{
  g_return_if_fail (IDK_IS_FORM (self));
  g_return_if_fail (idk_record_type_exists (type));

  g_free (self->record_type);
  self->record_type = g_strdup (type);
  g_clear_pointer (&self->record, json_object_unref);
  self->record = fields ? json_object_ref (fields) : json_object_new ();
}

/**
 * idk_form_apply:
 * @fields: the record's fields, to update
 *
 * Writes the values of the form's fields of the record into @fields: a
 * field left empty loses its value.
 *
 * Returns: whether every value is well-formed; else %FALSE with @error
 *   naming the field
 */
gboolean
idk_form_apply (IdkForm     *self,
                JsonObject  *fields,
                GError     **error)
{
  g_return_val_if_fail (IDK_IS_FORM (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      JsonNode *node;

      if (!field->in_record)
        continue;
      if (!(node = field_value (self, field, error)))
        return FALSE;
      if (JSON_NODE_HOLDS_NULL (node))
        {
          json_object_remove_member (fields, field->name);
          json_node_unref (node);
        }
      else
        json_object_set_member (fields, field->name, node);
    }

  return TRUE;
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
 * idk_form_show_error:
 *
 * Shows a refusal at the field it names (or at the top of the form).
 */
void
idk_form_show_error (IdkForm      *self,
                     const GError *error)
{
  g_return_if_fail (IDK_IS_FORM (self));

  clear_errors (self);
  show_error (self, idk_record_error_get_field (error), error ? error->message : _("Cannot save."));
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

  g_return_val_if_fail (IDK_IS_FORM (self), FALSE);

  clear_errors (self);
  if (self->save_func == NULL)
    return FALSE;

  if (!self->save_func (self, self->save_data, &error))
    {
      idk_form_show_error (self, error);
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

/**
 * idk_form_get_row:
 *
 * Returns: (transfer none) (nullable): the row of a field
 */
GtkWidget *
idk_form_get_row (IdkForm    *self,
                  const char *name)
{
  Field *field;

  g_return_val_if_fail (IDK_IS_FORM (self), NULL);

  field = _idk_form_find_field (self, name);
  return field ? field->row : NULL;
}

/**
 * idk_form_add_group:
 *
 * Returns: (transfer none): a group of its own below the fields, for what
 *   the form shows besides them
 */
AdwPreferencesGroup *
idk_form_add_group (IdkForm    *self,
                    const char *title)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  g_return_val_if_fail (IDK_IS_FORM (self), NULL);

  adw_preferences_group_set_title (group, title);
  adw_preferences_page_add (self->page, group);
  return group;
}
