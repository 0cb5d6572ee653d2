/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-chooser.h"

/* A button that opens a list to choose one value, or several, from
 * choices too many for a drop-down: the organizations, the sessions, the
 * owners of an action.  The list filters as one types; Enter takes the
 * first match. */

struct _IdkChooser
{
  AdwBin parent_instance;

  gboolean multiple;
  GPtrArray *values;        /* char *, parallel to the rows */
  GPtrArray *labels;
  GHashTable *selected;     /* value → itself */
  char *filter;

  /* Template widgets */
  GtkMenuButton *button;
  GtkLabel *button_label;
  GtkLabel *empty_label;
  GtkListBox *list_box;
  GtkPopover *popover;
  GtkSearchEntry *search_entry;
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (IdkChooser, idk_chooser, ADW_TYPE_BIN)

static guint signals[N_SIGNALS];

static void
update_label (IdkChooser *self)
{
  g_autofree char *text = idk_chooser_get_text (self);

  gtk_label_set_text (self->button_label, *text ? text : _("None"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), *text ? text : NULL);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  IdkChooser *self = data;
  guint index = (guint) gtk_list_box_row_get_index (row);
  g_autofree char *label = NULL;

  if (self->filter == NULL || *self->filter == '\0' || index >= self->labels->len)
    return TRUE;

  label = g_utf8_casefold (g_ptr_array_index (self->labels, index), -1);
  return strstr (label, self->filter) != NULL;
}

static void
on_check_toggled_cb (IdkChooser     *self,
                     GtkCheckButton *check)
{
  const char *value = g_object_get_data (G_OBJECT (check), "value");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->selected, g_strdup (value));
  else
    g_hash_table_remove (self->selected, value);

  update_label (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
choose (IdkChooser *self,
        guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) index);

  if (self->multiple)
    {
      GtkWidget *check = gtk_list_box_row_get_child (row);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
      return;
    }

  idk_chooser_set_value (self, g_ptr_array_index (self->values, index));
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_row_activated_cb (IdkChooser    *self,
                     GtkListBoxRow *row)
{
  choose (self, (guint) gtk_list_box_row_get_index (row));
}

static void
on_search_changed_cb (IdkChooser *self)
{
  g_free (self->filter);
  self->filter = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  gtk_list_box_invalidate_filter (self->list_box);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), idk_chooser_count_shown (self) == 0);
}

static void
on_search_activate_cb (IdkChooser *self)
{
  for (guint i = 0; i < self->values->len; i++)
    if (filter_row (gtk_list_box_get_row_at_index (self->list_box, (int) i), self))
      {
        choose (self, i);
        return;
      }
}

static void
on_popover_show_cb (IdkChooser *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
idk_chooser_dispose (GObject *object)
{
  IdkChooser *self = IDK_CHOOSER (object);

  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (idk_chooser_parent_class)->dispose (object);
}

static void
idk_chooser_finalize (GObject *object)
{
  IdkChooser *self = IDK_CHOOSER (object);

  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (idk_chooser_parent_class)->finalize (object);
}

static void
idk_chooser_class_init (IdkChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = idk_chooser_dispose;
  object_class->finalize = idk_chooser_finalize;

  /**
   * IdkChooser::changed:
   *
   * The user changed the choice.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkChooser, button);
  gtk_widget_class_bind_template_child (widget_class, IdkChooser, button_label);
  gtk_widget_class_bind_template_child (widget_class, IdkChooser, empty_label);
  gtk_widget_class_bind_template_child (widget_class, IdkChooser, list_box);
  gtk_widget_class_bind_template_child (widget_class, IdkChooser, popover);
  gtk_widget_class_bind_template_child (widget_class, IdkChooser, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
}

static void
idk_chooser_init (IdkChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->values = g_ptr_array_new_with_free_func (g_free);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);
  update_label (self);
}

/**
 * idk_chooser_new:
 * @multiple: whether several values may be chosen
 */
GtkWidget *
idk_chooser_new (gboolean multiple)
{
  IdkChooser *self = g_object_new (IDK_TYPE_CHOOSER, NULL);

  self->multiple = multiple;
  return GTK_WIDGET (self);
}

static void
add_row (IdkChooser *self,
         const char *value,
         const char *label)
{
  GtkWidget *row;

  g_ptr_array_add (self->values, g_strdup (value));
  g_ptr_array_add (self->labels, g_strdup (label));

  /* Plain text: the labels come from the database. */
  if (self->multiple)
    {
      row = gtk_check_button_new_with_label (label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (row), g_hash_table_contains (self->selected, value));
      g_object_set_data_full (G_OBJECT (row), "value", g_strdup (value), g_free);
      g_signal_connect_object (row, "toggled", G_CALLBACK (on_check_toggled_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      row = gtk_label_new (label);
      gtk_label_set_xalign (GTK_LABEL (row), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (row), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_top (row, 6);
      gtk_widget_set_margin_bottom (row, 6);
      gtk_widget_set_margin_start (row, 6);
      if (*value == '\0')
        gtk_widget_add_css_class (row, "dim-label");
    }
  gtk_list_box_append (self->list_box, row);
}

/**
 * idk_chooser_set_items:
 * @values: the values, %NULL-terminated
 * @labels: what each shows
 */
void
idk_chooser_set_items (IdkChooser         *self,
                       const char * const *values,
                       const char * const *labels)
{
  GtkWidget *child;

  g_return_if_fail (IDK_IS_CHOOSER (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->values, 0);
  g_ptr_array_set_size (self->labels, 0);

  /* A single choice can be taken back: "None" comes first (value ""). */
  if (!self->multiple)
    add_row (self, "", _("None"));
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    add_row (self, values[i], labels[i]);

  update_label (self);
}

/**
 * idk_chooser_set_selected:
 * @values: (nullable): the values chosen, %NULL-terminated
 */
void
idk_chooser_set_selected (IdkChooser         *self,
                          const char * const *values)
{
  g_return_if_fail (IDK_IS_CHOOSER (self));

  g_hash_table_remove_all (self->selected);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    g_hash_table_add (self->selected, g_strdup (values[i]));

  if (self->multiple)
    for (guint i = 0; i < self->values->len; i++)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) i);
        GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_box_row_get_child (row));

        g_signal_handlers_block_by_func (check, on_check_toggled_cb, self);
        gtk_check_button_set_active (check, g_hash_table_contains (self->selected, g_ptr_array_index (self->values, i)));
        g_signal_handlers_unblock_by_func (check, on_check_toggled_cb, self);
      }

  update_label (self);
}

/**
 * idk_chooser_get_selected:
 *
 * Returns: (transfer full): the values chosen, in the order of the list
 */
GStrv
idk_chooser_get_selected (IdkChooser *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (IDK_IS_CHOOSER (self), NULL);

  for (guint i = 0; i < self->values->len; i++)
    if (*(const char *) g_ptr_array_index (self->values, i) != '\0' &&
        g_hash_table_contains (self->selected, g_ptr_array_index (self->values, i)))
      g_strv_builder_add (builder, g_ptr_array_index (self->values, i));

  return g_strv_builder_end (builder);
}

/**
 * idk_chooser_get_value:
 *
 * Returns: (nullable): the value chosen (the first, if several)
 */
const char *
idk_chooser_get_value (IdkChooser *self)
{
  g_return_val_if_fail (IDK_IS_CHOOSER (self), NULL);

  for (guint i = 0; i < self->values->len; i++)
    {
      const char *value = g_ptr_array_index (self->values, i);

      if (*value != '\0' && g_hash_table_contains (self->selected, value))
        return value;
    }

  return NULL;
}

void
idk_chooser_set_value (IdkChooser *self,
                       const char *value)
{
  const char *values[] = { value ? value : "", NULL };

  g_return_if_fail (IDK_IS_CHOOSER (self));

  idk_chooser_set_selected (self, values);
}

/**
 * idk_chooser_get_text:
 *
 * Returns: (transfer full): the labels of the values chosen, as the
 *   button shows them
 */
char *
idk_chooser_get_text (IdkChooser *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (IDK_IS_CHOOSER (self), NULL);

  for (guint i = 0; i < self->values->len; i++)
    if (*(const char *) g_ptr_array_index (self->values, i) != '\0' &&
        g_hash_table_contains (self->selected, g_ptr_array_index (self->values, i)))
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, g_ptr_array_index (self->labels, i));
      }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What typing in the list's search entry does. */
void
idk_chooser_set_search (IdkChooser *self,
                        const char *text)
{
  g_return_if_fail (IDK_IS_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed_cb (self);
}

/**
 * idk_chooser_count_shown:
 *
 * Returns: how many choices the filter leaves
 */
guint
idk_chooser_count_shown (IdkChooser *self)
{
  guint n = 0;

  g_return_val_if_fail (IDK_IS_CHOOSER (self), 0);

  for (guint i = 0; i < self->values->len; i++)
    n += filter_row (gtk_list_box_get_row_at_index (self->list_box, (int) i), self);
  return n;
}
