/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-form"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-chooser.h"
#include "idk-form.h"

/* A dialog of labelled fields with Cancel and Save, the one every editor
 * is made of.  A form edits a record: its fields are built from the
 * record description (label, kind, values, limits), checked against it
 * as they are typed into, and written back into the record's fields on
 * Save.  A refusal is shown under the field at fault, which is scrolled
 * into view and focused; it goes once the field changes.  The form stays
 * open with what was typed. */

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
  GtkButton *save_button;
  AdwWindowTitle *window_title;
};

G_DEFINE_FINAL_TYPE (IdkForm, idk_form, ADW_TYPE_WINDOW)

static void
field_free (Field *field)
{
  g_free (field->name);
  g_free (field->text);
  g_clear_pointer (&field->values, g_ptr_array_unref);
  g_free (field);
}

static Field *
find_field (IdkForm    *self,
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
  Field *field = find_field (self, name);

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
static char *
raw_text (Field *field)
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
        g_autofree char *text = g_strstrip (raw_text (field));

        return idk_record_parse_value (self->record_type, field->name, text, error);
      }
    }
}

/* Typing into a field of the record checks it at once, against the same
 * description a save is checked against. */
static void
on_field_changed_cb (Field *field)
{
  IdkForm *self = field->form;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

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
static Field *
add_field (IdkForm    *self,
           const char *name,
           GtkWidget  *row,
           GtkWidget  *input,
           WidgetKind  kind)
{
  Field *field = g_new0 (Field, 1);
  GtkWidget *error_row = gtk_list_box_row_new ();
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
      g_signal_connect_swapped (input, "changed", G_CALLBACK (on_field_changed_cb), field);
      break;
    case WIDGET_TEXT_VIEW:
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), "changed",
                                G_CALLBACK (on_field_changed_cb), field);
      break;
    case WIDGET_COMBO:
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_field_changed_cb), field);
      break;
    case WIDGET_CHOOSER:
      g_signal_connect_swapped (input, "changed", G_CALLBACK (on_field_changed_cb), field);
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

const char *
idk_form_get_record_type (IdkForm *self)
{
  g_return_val_if_fail (IDK_IS_FORM (self), NULL);

  return self->record_type;
}

static char *
value_text (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

/**
 * idk_form_add_field:
 * @field: a field of the form's record type
 *
 * Adds the row the description calls for: an entry, a text view for
 * paragraphs, a date with its calendar, a drop-down of the values, a
 * switch.  (References need their choices: idk_form_add_chooser().)
 *
 * Returns: (transfer none): the row
 */
GtkWidget *
idk_form_add_field (IdkForm    *self,
                    const char *name)
{
  const char *type = self->record_type;
  const char *kind = idk_record_field_kind (type, name);
  JsonNode *node = self->record ? json_object_get_member (self->record, name) : NULL;
  const char *label = idk_record_field_label (type, name);
  g_autofree char *text = value_text (node);
  GtkWidget *row;
  Field *field;

  g_return_val_if_fail (IDK_IS_FORM (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (g_str_equal (kind, "enum"))
    {
      const char * const *values = idk_record_field_values (type, name);
      g_autoptr(GPtrArray) choices = g_ptr_array_new ();
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      /* A value that may be left out can be set back to none. */
      if (!idk_record_field_is_required (type, name))
        {
          g_ptr_array_add (choices, (gpointer) "");
          g_ptr_array_add (labels, (gpointer) _("None"));
        }
      for (guint i = 0; values[i] != NULL; i++)
        {
          g_ptr_array_add (choices, (gpointer) values[i]);
          g_ptr_array_add (labels, (gpointer) idk_record_value_label (type, name, values[i]));
        }
      g_ptr_array_add (choices, NULL);
      g_ptr_array_add (labels, NULL);
      row = idk_form_add_choice (self, name, label, (const char * const *) choices->pdata,
                                 (const char * const *) labels->pdata,
                                 text ? text : (const char *) choices->pdata[0]);
    }
  else if (g_str_equal (kind, "bool"))
    row = idk_form_add_switch (self, name, label, node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
                                                  json_node_get_boolean (node));
  else if (g_str_equal (kind, "date"))
    row = idk_form_add_date (self, name, label, text);
  else if (idk_record_field_is_multiline (type, name))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (label);
      GtkWidget *view = gtk_text_view_new ();

      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 10);
      gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
      gtk_widget_add_css_class (title, "dim-label");
      gtk_widget_add_css_class (title, "caption");
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_widget_set_size_request (view, -1, 110);
      gtk_widget_add_css_class (view, "form-text");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), view);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      add_field (self, name, row, view, WIDGET_TEXT_VIEW);
    }
  else
    row = idk_form_add_entry (self, name, label, text);

  field = find_field (self, name);
  field->in_record = TRUE;
  return row;
}

GtkWidget *
idk_form_add_entry (IdkForm    *self,
                    const char *name,
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

  add_field (self, name, row, row, WIDGET_ENTRY);
  return row;
}

static void
on_day_selected_cb (GtkCalendar *calendar,
                    GtkWidget   *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The calendar opens on the date typed, if it is one. */
static void
on_calendar_show_cb (GtkWidget *popover,
                     GtkWidget *row)
{
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (row), "calendar");
  IdkDate date;

  if (idk_date_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &date) &&
      date.precision == IDK_DATE_PRECISION_DAY)
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (date.year, date.month, date.day, 0, 0, 0);

      g_signal_handlers_block_by_func (calendar, on_day_selected_cb, row);
      gtk_calendar_select_day (calendar, day);
      g_signal_handlers_unblock_by_func (calendar, on_day_selected_cb, row);
    }
}

/**
 * idk_form_add_date:
 *
 * An entry for a date of any precision (2027, 2027-06, 2027-06-30), with
 * a calendar to pick a day from.
 */
GtkWidget *
idk_form_add_date (IdkForm    *self,
                   const char *name,
                   const char *label,
                   const char *value)
{
  GtkWidget *row = idk_form_add_entry (self, name, label, value);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  g_autofree char *tooltip = g_strdup_printf (_("Pick the day of “%s”"), label);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_day_selected_cb), row, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_calendar_show_cb), row, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "calendar", calendar);

  return row;
}

/**
 * idk_form_add_choice:
 * @values: the value of each choice, %NULL-terminated
 * @labels: what each choice shows
 * @selected: (nullable): the value chosen at first
 */
GtkWidget *
idk_form_add_choice (IdkForm            *self,
                     const char         *name,
                     const char         *label,
                     const char * const *values,
                     const char * const *labels,
                     const char         *selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) strings = gtk_string_list_new ((const char * const *) labels);
  Field *field;

  g_return_val_if_fail (IDK_IS_FORM (self), NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (strings));

  field = add_field (self, name, row, row, WIDGET_COMBO);
  field->values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; values[i] != NULL; i++)
    g_ptr_array_add (field->values, g_strdup (values[i]));

  idk_form_set_choice (self, name, selected);
  return row;
}

/**
 * idk_form_add_chooser:
 * @multiple: whether several may be chosen
 * @entries: the choices (#IdkEntry: target UUID, title, subtitle)
 * @selected: (nullable): the UUIDs chosen at first
 *
 * A choice among many records, filtered as one types.  For a field of
 * the record (a reference), call idk_form_set_record() first.
 */
GtkWidget *
idk_form_add_chooser (IdkForm            *self,
                      const char         *name,
                      const char         *label,
                      gboolean            multiple,
                      GListModel         *entries,
                      const char * const *selected)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *chooser = idk_chooser_new (multiple);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  Field *field;

  g_return_val_if_fail (IDK_IS_FORM (self), NULL);

  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (entries, i);

      g_ptr_array_add (values, (gpointer) idk_entry_get_target_uuid (entry));
      g_ptr_array_add (labels, (gpointer) idk_entry_get_title (entry));
    }
  g_ptr_array_add (values, NULL);
  g_ptr_array_add (labels, NULL);
  idk_chooser_set_items (IDK_CHOOSER (chooser), (const char * const *) values->pdata,
                         (const char * const *) labels->pdata);
  idk_chooser_set_selected (IDK_CHOOSER (chooser), selected);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chooser);

  field = add_field (self, name, row, chooser, WIDGET_CHOOSER);
  field->in_record = self->record_type != NULL && idk_record_field_exists (self->record_type, name);
  return row;
}

GtkWidget *
idk_form_add_switch (IdkForm    *self,
                     const char *name,
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

  add_field (self, name, row, toggle, WIDGET_SWITCH);
  return row;
}

/**
 * idk_form_get_text:
 *
 * Returns: (nullable): the text of an entry, stripped, or the value of a
 *   choice (the first, for a chooser of several); %NULL when empty
 */
const char *
idk_form_get_text (IdkForm    *self,
                   const char *name)
{
  Field *field;

  g_return_val_if_fail (IDK_IS_FORM (self), NULL);

  if (!(field = find_field (self, name)))
    return NULL;

  switch (field->widget_kind)
    {
    case WIDGET_COMBO:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));
        const char *value = selected < field->values->len ? g_ptr_array_index (field->values, selected) : NULL;

        return value && *value ? value : NULL;
      }

    case WIDGET_CHOOSER:
      return idk_chooser_get_value (IDK_CHOOSER (field->input));

    case WIDGET_SWITCH:
      return NULL;

    default:
      /* Kept on the field so that the pointer stays valid. */
      g_free (field->text);
      field->text = g_strstrip (raw_text (field));
      return *field->text ? field->text : NULL;
    }
}

gboolean
idk_form_get_active (IdkForm    *self,
                     const char *name)
{
  Field *field;

  g_return_val_if_fail (IDK_IS_FORM (self), FALSE);

  field = find_field (self, name);
  return field != NULL && field->widget_kind == WIDGET_SWITCH && gtk_switch_get_active (GTK_SWITCH (field->input));
}

/**
 * idk_form_get_values:
 *
 * Returns: (transfer full): the values chosen in a chooser
 */
GStrv
idk_form_get_values (IdkForm    *self,
                     const char *name)
{
  Field *field;

  g_return_val_if_fail (IDK_IS_FORM (self), NULL);

  if (!(field = find_field (self, name)) || field->widget_kind != WIDGET_CHOOSER)
    return g_new0 (char *, 1);
  return idk_chooser_get_selected (IDK_CHOOSER (field->input));
}

void
idk_form_set_text (IdkForm    *self,
                   const char *name,
                   const char *value)
{
  Field *field;

  g_return_if_fail (IDK_IS_FORM (self));

  if (!(field = find_field (self, name)))
    return;
  if (field->widget_kind == WIDGET_ENTRY)
    gtk_editable_set_text (GTK_EDITABLE (field->input), value ? value : "");
  else if (field->widget_kind == WIDGET_TEXT_VIEW)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->input)), value ? value : "", -1);
}

void
idk_form_set_choice (IdkForm    *self,
                     const char *name,
                     const char *value)
{
  Field *field;

  g_return_if_fail (IDK_IS_FORM (self));

  if (!(field = find_field (self, name)))
    return;

  if (field->widget_kind == WIDGET_CHOOSER)
    {
      idk_chooser_set_value (IDK_CHOOSER (field->input), value);
      on_field_changed_cb (field);
      return;
    }

  for (guint i = 0; field->values != NULL && i < field->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (field->values, i), value ? value : "") == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), i);
}

void
idk_form_set_values (IdkForm            *self,
                     const char         *name,
                     const char * const *values)
{
  Field *field;

  g_return_if_fail (IDK_IS_FORM (self));

  if ((field = find_field (self, name)) && field->widget_kind == WIDGET_CHOOSER)
    {
      idk_chooser_set_selected (IDK_CHOOSER (field->input), values);
      on_field_changed_cb (field);
    }
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

  field = find_field (self, name);
  return field ? field->row : NULL;
}
