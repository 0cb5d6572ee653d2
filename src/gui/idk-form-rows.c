/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-form"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-chooser.h"
#include "idk-form-private.h"

/* The rows of a form: one for each kind of field of the record
 * description, and the reading and setting of their values. */

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
      GtkWidget *scroller;

      /* A preferences row: the group puts any other widget below its list. */
      row = adw_preferences_row_new ();
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
      /* A long text scrolls within its field rather than stretching the form. */
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), scroller);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      _idk_form_add_field (self, name, row, view, WIDGET_TEXT_VIEW);
    }
  else
    row = idk_form_add_entry (self, name, label, text);

  field = _idk_form_find_field (self, name);
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

  _idk_form_add_field (self, name, row, row, WIDGET_ENTRY);
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

  field = _idk_form_add_field (self, name, row, row, WIDGET_COMBO);
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

  field = _idk_form_add_field (self, name, row, chooser, WIDGET_CHOOSER);
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

  _idk_form_add_field (self, name, row, toggle, WIDGET_SWITCH);
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

  if (!(field = _idk_form_find_field (self, name)))
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
      field->text = g_strstrip (_idk_form_raw_text (field));
      return *field->text ? field->text : NULL;
    }
}

gboolean
idk_form_get_active (IdkForm    *self,
                     const char *name)
{
  Field *field;

  g_return_val_if_fail (IDK_IS_FORM (self), FALSE);

  field = _idk_form_find_field (self, name);
  return field != NULL && field->widget_kind == WIDGET_SWITCH && gtk_switch_get_active (GTK_SWITCH (field->input));
}

void
idk_form_set_text (IdkForm    *self,
                   const char *name,
                   const char *value)
{
  Field *field;

  g_return_if_fail (IDK_IS_FORM (self));

  if (!(field = _idk_form_find_field (self, name)))
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

  if (!(field = _idk_form_find_field (self, name)))
    return;

  if (field->widget_kind == WIDGET_CHOOSER)
    {
      idk_chooser_set_value (IDK_CHOOSER (field->input), value);
      _idk_form_on_field_changed_cb (field);
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

  if ((field = _idk_form_find_field (self, name)) && field->widget_kind == WIDGET_CHOOSER)
    {
      idk_chooser_set_selected (IDK_CHOOSER (field->input), values);
      _idk_form_on_field_changed_cb (field);
    }
}

