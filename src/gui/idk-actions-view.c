/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-actions-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-actions-view-private.h"
#include "idk-details.h"

/* The actions decided at the sessions, as a table: searched as you type,
 * filtered, sorted by any column, with the selected action's page beside
 * it and status changes on many rows at once.  The table's model is the
 * lazy IdkActionList, whose filtering and sorting run in SQLite. */

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

typedef enum
{
  CELL_TEXT,      /* one line */
  CELL_WRAP,      /* a few lines */
  CELL_STATUS,    /* a pill */
} CellKind;

typedef struct
{
  const char *property;   /* of IdkAction */
  CellKind kind;
  const char *sort_key;   /* of IdkActionQuery */
} Cell;

G_DEFINE_FINAL_TYPE (IdkActionsView, idk_actions_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];


static void
on_setup_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  const Cell               *cell)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  if (cell->kind == CELL_WRAP)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 3);
    }
  else if (cell->kind == CELL_STATUS)
    gtk_widget_set_halign (label, GTK_ALIGN_START);

  gtk_list_item_set_child (list_item, label);
}

static void
on_bind_cell_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 const Cell               *cell)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  IdkAction *action = gtk_list_item_get_item (list_item);
  g_autofree char *value = NULL;

  if (action == NULL)
    return;

  if (cell->kind == CELL_STATUS)
    {
      const char *classes[] = { "pill", idk_action_get_status_style (action), NULL };
      g_autofree char *text = idk_action_get_status_label (action);

      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_set_css_classes (label, classes);
      return;
    }

  /* Plain text, never markup: the data may come from another office.  A
   * cell shows a few lines, so line breaks in the text become spaces and
   * the whole text is in the tooltip. */
  g_object_get (action, cell->property, &value, NULL);
  gtk_widget_set_tooltip_text (label, cell->kind == CELL_WRAP ? value : NULL);
  if (value != NULL)
    g_strdelimit (value, "\n", ' ');
  gtk_label_set_text (GTK_LABEL (label), value ? value : "");
}

/* The column sorters only mark which column the user chose: the rows are
 * sorted by SQLite.  GTK 4.8 has no API to read the sort column of a
 * column view, so its sorter is asked to compare two dummies: it asks the
 * primary column's sorter, which records its key, and inverts the answer
 * if the order is descending. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  IdkActionsView *self = g_object_get_data (G_OBJECT (a), "view");

  g_free (self->sort_probe);
  self->sort_probe = g_strdup (user_data);
  return GTK_ORDERING_SMALLER;
}

static void
read_sort_order (IdkActionsView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  g_object_set_data (a, "view", self);
  g_clear_pointer (&self->sort_probe, g_free);
  order = gtk_sorter_compare (sorter, a, b);

  if (self->list != NULL)
    idk_action_list_set_sort (self->list, self->sort_probe, order == GTK_ORDERING_LARGER);
}

/* The width a text takes in the widget's font, scaled and bold as asked. */
static int
text_width (GtkWidget  *widget,
            const char *text,
            double      scale,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width;

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  pango_attr_list_unref (attrs);

  return width;
}

/* The widest status pill, whatever the language: every status, overdue
 * or not, and a noting's. */
static int
status_width (GtkWidget *widget)
{
  int widest = 0;

  for (const char * const *status = idk_record_field_values ("action", "status"); *status != NULL; status++)
    for (guint variant = 0; variant < 3; variant++)
      {
        g_autoptr(IdkAction) action = g_object_new (IDK_TYPE_ACTION, "status", *status,
                                                    "kind", variant == 2 ? "noting" : "request",
                                                    "overdue", variant == 1, NULL);
        g_autofree char *label = idk_action_get_status_label (action);

        /* The pill's padding, and the cell's. */
        widest = MAX (widest, text_width (widget, label, 0.85, TRUE) + 18 + 24);
      }

  return widest;
}

/* The widest date of the last update. */
static int
date_width (GtkWidget *widget)
{
  int widest = 0;

  for (guint month = 1; month <= 12; month++)
    {
      g_autofree char *day = g_strdup_printf ("2026-%02u-28", month);
      g_autofree char *text = idk_date_format (day);

      widest = MAX (widest, text_width (widget, text, 1.0, FALSE) + 24);
    }

  return widest;
}

/* A column of the table.  Fixed widths grow to fit the title in the
 * language shown, so that no header is cut off. */
static void
add_column (IdkActionsView *self,
            const char     *title,
            const Cell     *cell,
            int             width,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  g_autoptr(GtkSorter) sorter = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cell_cb), (gpointer) cell);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cell_cb), (gpointer) cell);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, MAX (width, text_width (GTK_WIDGET (self), title, 1.0, TRUE) + 40));

  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, (gpointer) cell->sort_key, NULL));
  gtk_column_view_column_set_sorter (column, sorter);

  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

/* The narrow layout: one row per action, its reference and status pill
 * over its text, owners and due date. */
static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *reference = gtk_label_new (NULL);
  GtkWidget *pill = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_add_css_class (reference, "heading");
  gtk_label_set_xalign (GTK_LABEL (reference), 0.0f);
  gtk_widget_set_hexpand (reference, TRUE);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text), 3);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");

  gtk_box_append (GTK_BOX (top), reference);
  gtk_box_append (GTK_BOX (top), pill);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), details);
  g_object_set_data (G_OBJECT (box), "reference", reference);
  g_object_set_data (G_OBJECT (box), "pill", pill);
  g_object_set_data (G_OBJECT (box), "text", text);
  g_object_set_data (G_OBJECT (box), "details", details);
  gtk_list_item_set_child (list_item, box);
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GObject *box = G_OBJECT (gtk_list_item_get_child (list_item));
  IdkAction *action = gtk_list_item_get_item (list_item);
  const char *classes[] = { "pill", NULL, NULL };
  g_autofree char *status = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) details = g_string_new (NULL);

  if (action == NULL)
    return;

  status = idk_action_get_status_label (action);
  classes[1] = idk_action_get_status_style (action);
  text = g_strdup (idk_action_get_text (action) ? idk_action_get_text (action) : "");
  g_strdelimit (text, "\n", ' ');
  if (idk_action_get_owners (action) != NULL)
    g_string_append (details, idk_action_get_owners (action));
  if (idk_action_get_due (action) != NULL)
    /* Translators: when an action is due, after its owners in a list row */
    g_string_append_printf (details, details->len ? _(" · due %s") : _("Due %s"), idk_action_get_due (action));

  /* Plain text: the data may come from another office. */
  gtk_label_set_text (g_object_get_data (box, "reference"), idk_action_get_reference (action));
  gtk_label_set_text (g_object_get_data (box, "pill"), status);
  gtk_widget_set_css_classes (g_object_get_data (box, "pill"), classes);
  gtk_label_set_text (g_object_get_data (box, "text"), text);
  gtk_label_set_text (g_object_get_data (box, "details"), details->str);
  gtk_widget_set_visible (g_object_get_data (box, "details"), details->len > 0);
}

static void
setup_narrow_list (IdkActionsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), NULL);
  gtk_list_view_set_factory (self->narrow_list, factory);
  gtk_list_view_set_model (self->narrow_list, GTK_SELECTION_MODEL (self->selection));
}

static void
update_count (IdkActionsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n), n);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "table" : "empty");
}

/* The UUIDs of the selected actions, NULL-terminated. */
GStrv
_idk_actions_view_selected_uuids (IdkActionsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autofree char *uuid = idk_action_list_get_uuid (self->list, position);

      if (uuid != NULL)
        g_strv_builder_add (builder, uuid);
    }

  return g_strv_builder_end (builder);
}

static void
on_selection_changed_cb (IdkActionsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected",
                                                        (gulong) n), (guint) n);

  gtk_label_set_text (self->selection_label, text);
  gtk_action_bar_set_revealed (self->selection_bar, n > 0);

  /* One action selected: its page follows the selection once open. */
  if (n == 1 && adw_flap_get_reveal_flap (self->flap))
    {
      g_auto(GStrv) uuids = _idk_actions_view_selected_uuids (self);

      idk_action_page_set_action (self->page, uuids[0]);
    }
}

static void
on_row_activated_cb (IdkActionsView *self,
                     guint           position)
{
  g_autofree char *uuid = idk_action_list_get_uuid (self->list, position);

  if (uuid == NULL)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  idk_action_page_set_action (self->page, uuid);
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
on_page_closed_cb (IdkActionsView *self)
{
  adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
on_search_changed_cb (IdkActionsView *self)
{
  idk_actions_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static const char *
selected_value (GtkDropDown *dropdown,
                GPtrArray   *values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return values != NULL && selected < values->len ? g_ptr_array_index (values, selected) : NULL;
}

static void
on_filters_changed_cb (IdkActionsView *self)
{
  const char * const *statuses = idk_record_field_values ("action", "status");
  guint status = gtk_drop_down_get_selected (self->status_filter);

  if (self->list == NULL)
    return;

  idk_action_list_set_filters (self->list,
                               status > 0 && status <= g_strv_length ((char **) statuses) ? statuses[status - 1] : NULL,
                               selected_value (self->owner_filter, self->owner_uuids),
                               selected_value (self->session_filter, self->session_uuids),
                               gtk_toggle_button_get_active (self->overdue_toggle),
                               gtk_toggle_button_get_active (self->mine_toggle));
}

/* Fills a filter drop-down with "All …" and the entries, keeping the
 * choice if it is still there. */
static void
fill_filter (GtkDropDown  *dropdown,
             GPtrArray   **values,
             const char   *all_label,
             GListModel   *entries)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *previous = NULL;
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  guint keep = 0;

  if (*values != NULL)
    previous = g_strdup (selected_value (dropdown, *values));

  gtk_string_list_append (labels, all_label);
  g_ptr_array_add (uuids, NULL);
  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (entries, i);

      gtk_string_list_append (labels, idk_entry_get_title (entry));
      g_ptr_array_add (uuids, g_strdup (idk_entry_get_target_uuid (entry)));
      if (g_strcmp0 (previous, idk_entry_get_target_uuid (entry)) == 0)
        keep = i + 1;
    }

  g_clear_pointer (values, g_ptr_array_unref);
  *values = uuids;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, keep);
}

static void
update_filter_choices (IdkActionsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) owners = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autofree char *office = NULL;

  if (self->store == NULL)
    return;

  owners = idk_store_list_action_owners (self->store, &error);
  sessions = idk_store_list_sessions (self->store, &error);
  if (error != NULL)
    g_warning ("Cannot list the filters' choices: %s", error->message);

  g_signal_handlers_block_by_func (self->owner_filter, on_filters_changed_cb, self);
  g_signal_handlers_block_by_func (self->session_filter, on_filters_changed_cb, self);
  fill_filter (self->owner_filter, &self->owner_uuids, _("All owners"), owners);
  fill_filter (self->session_filter, &self->session_uuids, _("All sessions"), sessions);
  g_signal_handlers_unblock_by_func (self->owner_filter, on_filters_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->session_filter, on_filters_changed_cb, self);

  /* "Mine" needs to know whose office this is. */
  office = idk_store_get_office_organization (self->store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_toggle), office != NULL && *office != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_toggle),
                               office != NULL && *office != '\0'
                               ? _("Only actions of this office's organization")
                               : _("Set this office's organization to see its actions"));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
idk_actions_view_dispose (GObject *object)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (object);

  /* The template's root is the bin's child: dropping it disposes the rest
   * (gtk_widget_dispose_template () would unparent it a second time). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->owner_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->session_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->sort_probe, g_free);

  G_OBJECT_CLASS (idk_actions_view_parent_class)->dispose (object);
}

static void
idk_actions_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_store (IdkActionsView *self,
           IdkStore       *store)
{
  if (!g_set_object (&self->store, store))
    return;

  g_clear_object (&self->list);
  if (self->store != NULL)
    {
      self->list = idk_action_list_new (self->store);
      /* Queries over a large database must not freeze the window. */
      idk_action_list_set_async (self->list, TRUE);
      g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_count),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "changed", G_CALLBACK (update_filter_choices),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  idk_action_page_set_store (self->page, store);
  update_filter_choices (self);
  if (self->list != NULL)
    {
      on_filters_changed_cb (self);
      read_sort_order (self);
      update_count (self);
    }
}

static void
idk_actions_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_actions_view_class_init (IdkActionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = idk_actions_view_dispose;
  object_class->get_property = idk_actions_view_get_property;
  object_class->set_property = idk_actions_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IDK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IDK_TYPE_ACTION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-actions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, flap);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, mark_button);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, mine_toggle);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, narrow_list);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, page);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, session_filter);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, squeezer);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, stack);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, status_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "view.focus-search", NULL, focus_search_action);
  _idk_actions_view_class_add_actions (widget_class);
}

static void
idk_actions_view_init (IdkActionsView *self)
{
  static const Cell reference = { "reference", CELL_TEXT, "reference" };
  static const Cell session = { "session", CELL_WRAP, "session" };
  static const Cell topic = { "topic", CELL_WRAP, "topic" };
  static const Cell text = { "text", CELL_WRAP, "text" };
  static const Cell owners = { "owners", CELL_WRAP, "owner" };
  static const Cell due = { "due", CELL_WRAP, "due" };
  static const Cell status = { "status", CELL_STATUS, "status" };
  static const Cell last_update = { "last-update", CELL_TEXT, "last-update" };
  g_autoptr(GtkStringList) status_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_multi_selection_new (NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  add_column (self, _("Reference"), &reference, 80, FALSE);
  add_column (self, _("Session"), &session, 120, FALSE);
  add_column (self, _("Topic"), &topic, 190, FALSE);
  add_column (self, _("Text"), &text, -1, TRUE);
  add_column (self, _("Owner"), &owners, 120, FALSE);
  add_column (self, _("Due"), &due, 130, FALSE);
  add_column (self, _("Status"), &status, status_width (GTK_WIDGET (self)), FALSE);
  add_column (self, _("Last update"), &last_update, date_width (GTK_WIDGET (self)), FALSE);
  setup_narrow_list (self);
  _idk_actions_view_fill_mark_menu (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (read_sort_order), self, G_CONNECT_SWAPPED);

  gtk_string_list_append (status_labels, _("All statuses"));
  for (const char * const *value = idk_record_field_values ("action", "status"); *value != NULL; value++)
    gtk_string_list_append (status_labels, idk_action_status_to_label (*value));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (status_labels));

  g_signal_connect_object (self->status_filter, "notify::selected", G_CALLBACK (on_filters_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_filter, "notify::selected", G_CALLBACK (on_filters_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session_filter, "notify::selected", G_CALLBACK (on_filters_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

IdkStore *
idk_actions_view_get_store (IdkActionsView *self)
{
  g_return_val_if_fail (IDK_IS_ACTIONS_VIEW (self), NULL);

  return self->store;
}

/**
 * idk_actions_view_get_list:
 *
 * Returns: (transfer none) (nullable): the actions the table shows
 */
IdkActionList *
idk_actions_view_get_list (IdkActionsView *self)
{
  g_return_val_if_fail (IDK_IS_ACTIONS_VIEW (self), NULL);

  return self->list;
}

/**
 * idk_actions_view_get_selection:
 *
 * Returns: (transfer none): the selection of the table
 */
GtkSelectionModel *
idk_actions_view_get_selection (IdkActionsView *self)
{
  g_return_val_if_fail (IDK_IS_ACTIONS_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

void
idk_actions_view_set_search (IdkActionsView *self,
                             const char     *text)
{
  g_return_if_fail (IDK_IS_ACTIONS_VIEW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);

  if (self->list != NULL)
    idk_action_list_set_search (self->list, text);
}

/**
 * idk_actions_view_show_action:
 *
 * Opens the page of the action at @position of the table.
 */
void
idk_actions_view_show_action (IdkActionsView *self,
                              guint           position)
{
  g_return_if_fail (IDK_IS_ACTIONS_VIEW (self));

  on_row_activated_cb (self, position);
}

/**
 * idk_actions_view_hide_action:
 *
 * Closes the page of the action.
 */
void
idk_actions_view_hide_action (IdkActionsView *self)
{
  g_return_if_fail (IDK_IS_ACTIONS_VIEW (self));

  adw_flap_set_reveal_flap (self->flap, FALSE);
}
