/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-actions-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-actions-view-private.h"
#include "idk-cell-text.h"

/* The table of actions and its narrow form: the cells of each column,
 * the columns' widths, the sort order chosen in the headers, and the rows
 * of the narrow list.  The rows come from the lazy IdkActionList, whose
 * filtering and sorting run in SQLite. */

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

/* The whole text of a cell, which may show only its first lines.  Asked for
 * when the pointer rests on the cell: setting a tooltip at each bind
 * asks the X server where the pointer is, a round trip per cell. */
static gboolean
on_query_tooltip_cb (GtkWidget  *label,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    data)
{
  const char *text = g_object_get_data (G_OBJECT (label), "idk-full-text");

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_setup_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  const Cell               *cell)
{
  GtkWidget *child;

  if (cell->kind == CELL_STATUS)
    {
      child = gtk_label_new (NULL);
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_widget_set_valign (child, GTK_ALIGN_START);
    }
  else
    {
      /* Text in a size of its own: see idk-cell-text.c. */
      child = idk_cell_text_new (cell->kind == CELL_WRAP ? 3 : 1);
      gtk_widget_set_has_tooltip (child, TRUE);
      g_signal_connect (child, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
    }

  gtk_list_item_set_child (list_item, child);
}

static void
on_bind_cell_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 const Cell               *cell)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  IdkAction *action = gtk_list_item_get_item (list_item);
  g_autofree char *value = NULL;

  if (action == NULL)
    return;

  if (cell->kind == CELL_STATUS)
    {
      const char *classes[] = { "pill", idk_action_get_status_style (action), NULL };
      g_autofree char *text = idk_action_get_status_label (action);

      gtk_label_set_text (GTK_LABEL (child), text);
      gtk_widget_set_css_classes (child, classes);
      return;
    }

  /* Plain text, never markup: the data may come from another office.  A
   * cell shows a few lines, so line breaks in the text become spaces and
   * the whole text is in the tooltip. */
  g_object_get (action, cell->property, &value, NULL);
  g_object_set_data_full (G_OBJECT (child), "idk-full-text", g_strdup (value), g_free);
  if (value != NULL)
    g_strdelimit (value, "\n", ' ');
  idk_cell_text_set_text (IDK_CELL_TEXT (child), value ? value : "");
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

void
_idk_actions_view_read_sort_order (IdkActionsView *self)
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
  g_auto(GStrv) labels = idk_action_list_status_labels ();
  int widest = 0;

  /* The pill's padding, and the cell's. */
  for (guint i = 0; labels[i] != NULL; i++)
    widest = MAX (widest, text_width (widget, labels[i], 0.85, TRUE) + 18 + 24);

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

/* The hidden one of the two lists has no model: a list widget handles
 * every change of its model, shown or not, and at 100,000 rows that is a
 * fifth of the time a new result takes. */
/* Which rows are on screen, for the list to give them a new result
 * first.  GTK 4.8 does not say: the scroll bar's range stands for all
 * the rows, of about one height. */
static void
update_shown_range (IdkActionsView *self)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (self->squeezer);
  GtkAdjustment *adjustment;
  double upper;
  guint n;

  if (self->list == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  adjustment = GTK_IS_SCROLLED_WINDOW (shown) ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (shown))
                                              : NULL;
  upper = adjustment ? gtk_adjustment_get_upper (adjustment) : 0;
  if (n == 0 || upper <= 0)
    idk_action_list_set_shown_range (self->list, 0, 0);
  else
    idk_action_list_set_shown_range (self->list,
                                     (guint) (gtk_adjustment_get_value (adjustment) / upper * n),
                                     (guint) (gtk_adjustment_get_page_size (adjustment) / upper * n) + 1);
}

static gboolean
announce_deferred_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (widget);

  /* A page a frame, bound and drawn before the next. */
  if (self->list != NULL && idk_action_list_announce_deferred (self->list))
    return G_SOURCE_CONTINUE;
  self->announce_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
on_deferred_cb (IdkActionsView *self)
{
  gboolean deferred = FALSE;

  g_object_get (self->list, "deferred", &deferred, NULL);
  if (deferred && self->announce_tick == 0)
    self->announce_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), announce_deferred_cb, NULL, NULL);
}

/**
 * _idk_actions_view_follow_list:
 *
 * Tells the view's list where it is scrolled to, and gives the rows off
 * screen a new result a frame at a time.
 */
void
_idk_actions_view_follow_list (IdkActionsView *self)
{
  if (self->list == NULL)
    return;

  g_signal_connect_object (self->list, "notify::deferred", G_CALLBACK (on_deferred_cb),
                           self, G_CONNECT_SWAPPED);
  update_shown_range (self);
}

static void
on_squeezed_cb (IdkActionsView *self)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (self->squeezer);
  gboolean narrow = shown != NULL && shown != GTK_WIDGET (self->table_scroller);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (self->selection);

  gtk_list_view_set_model (self->narrow_list, narrow ? selection : NULL);
  update_shown_range (self);
}

static void
follow_scrolling (IdkActionsView    *self,
                  GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (update_shown_range),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (update_shown_range),
                           self, G_CONNECT_SWAPPED);
}

static void
setup_narrow_list (IdkActionsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), NULL);
  gtk_list_view_set_factory (self->narrow_list, factory);
  g_signal_connect_object (self->squeezer, "notify::visible-child", G_CALLBACK (on_squeezed_cb),
                           self, G_CONNECT_SWAPPED);
  follow_scrolling (self, self->table_scroller);
  follow_scrolling (self, GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->narrow_list),
                                                                        GTK_TYPE_SCROLLED_WINDOW)));
  on_squeezed_cb (self);
}

/**
 * _idk_actions_view_build_table:
 *
 * The columns of the table, and the rows of the narrow list.
 */
void
_idk_actions_view_build_table (IdkActionsView *self)
{
  static const Cell reference = { "reference", CELL_TEXT, "reference" };
  static const Cell session = { "session", CELL_WRAP, "session" };
  static const Cell topic = { "topic", CELL_WRAP, "topic" };
  static const Cell text = { "text", CELL_WRAP, "text" };
  static const Cell owners = { "owners", CELL_WRAP, "owner" };
  static const Cell due = { "due", CELL_WRAP, "due" };
  static const Cell status = { "status", CELL_STATUS, "status" };
  static const Cell last_update = { "last-update", CELL_TEXT, "last-update" };

  add_column (self, _("Reference"), &reference, 80, FALSE);
  add_column (self, _("Session"), &session, 120, FALSE);
  add_column (self, _("Topic"), &topic, 170, FALSE);
  add_column (self, _("Text"), &text, -1, TRUE);
  add_column (self, _("Owner"), &owners, 120, FALSE);
  add_column (self, _("Due"), &due, 130, FALSE);
  add_column (self, _("Status"), &status, status_width (GTK_WIDGET (self)), FALSE);
  add_column (self, _("Last update"), &last_update, date_width (GTK_WIDGET (self)), FALSE);
  setup_narrow_list (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (_idk_actions_view_read_sort_order), self, G_CONNECT_SWAPPED);
}
