/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-actions-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-actions-view.h"
#include "idk-details.h"

/* The actions decided at the sessions, as a table searched as you type.
 * The table's model is the lazy IdkActionList: only the visible rows are
 * loaded from the database. */

struct _IdkActionsView
{
  AdwBin parent_instance;

  IdkStore *store;
  IdkActionList *list;
  GtkMultiSelection *selection;

  /* Template widgets */
  GtkColumnView *column_view;
  GtkLabel *count_label;
  AdwStatusPage *empty_page;
  GtkSearchEntry *search_entry;
  GtkStack *stack;
};

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
  const char *property;
  CellKind kind;
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
    {
      gtk_widget_add_css_class (label, "pill");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
    }

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

  if (cell->kind == CELL_STATUS)
    {
      const char *status = idk_action_get_status (action);
      gboolean overdue = idk_action_get_overdue (action);
      const char *classes[] = { "pill", overdue ? "overdue" : status, NULL };
      g_autofree char *text = NULL;

      if (overdue)
        /* Translators: an action's status when past its due date, e.g. "Open, overdue" */
        text = g_strdup_printf (_("%s, overdue"), idk_action_status_to_label (status));
      gtk_label_set_text (GTK_LABEL (label), text ? text : idk_action_status_to_label (status));
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

static void
add_column (IdkActionsView *self,
            const char     *title,
            const Cell     *cell,
            int             width,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cell_cb), (gpointer) cell);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cell_cb), (gpointer) cell);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
update_count (IdkActionsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n), n);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "table" : "empty");
}

static void
on_search_changed_cb (IdkActionsView *self)
{
  idk_actions_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
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

  gtk_widget_dispose_template (GTK_WIDGET (self), IDK_TYPE_ACTIONS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

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
idk_actions_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          g_clear_object (&self->list);
          if (self->store != NULL)
            {
              self->list = idk_action_list_new (self->store);
              g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_count),
                                       self, G_CONNECT_SWAPPED);
            }
          gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->list));
          if (self->list != NULL)
            update_count (self);
          g_object_notify_by_pspec (object, pspec);
        }
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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-actions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "view.focus-search", NULL, focus_search_action);
}

static void
idk_actions_view_init (IdkActionsView *self)
{
  static const Cell reference = { "reference", CELL_TEXT };
  static const Cell session = { "session", CELL_WRAP };
  static const Cell topic = { "topic", CELL_WRAP };
  static const Cell text = { "text", CELL_WRAP };
  static const Cell owners = { "owners", CELL_WRAP };
  static const Cell due = { "due", CELL_WRAP };
  static const Cell status = { "status", CELL_STATUS };
  static const Cell last_update = { "last-update", CELL_TEXT };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_multi_selection_new (NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  add_column (self, _("Reference"), &reference, 80, FALSE);
  add_column (self, _("Session"), &session, 120, FALSE);
  add_column (self, _("Topic"), &topic, 190, FALSE);
  add_column (self, _("Text"), &text, -1, TRUE);
  add_column (self, _("Owner"), &owners, 120, FALSE);
  add_column (self, _("Due"), &due, 130, FALSE);
  add_column (self, _("Status"), &status, 130, FALSE);
  add_column (self, _("Last update"), &last_update, 110, FALSE);
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
