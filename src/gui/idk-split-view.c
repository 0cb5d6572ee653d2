/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-split-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-details.h"
#include "idk-split-view.h"

typedef struct
{
  IdkStore *store;
  GtkSingleSelection *selection;
  char *search;

  /* Template widgets */
  GtkButton *back_button;
  GtkBox *content;
  GtkBox *details_box;
  GtkScrolledWindow *details_scroller;
  AdwStatusPage *empty_page;
  AdwLeaflet *leaflet;
  GtkListView *list_view;
  GtkSearchEntry *search_entry;
  GtkBox *sidebar;
  GtkStack *sidebar_stack;
} IdkSplitViewPrivate;

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

G_DEFINE_TYPE_WITH_PRIVATE (IdkSplitView, idk_split_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

/* The item itself, unwrapped from its tree row if the list is a tree. */
static gpointer
unwrap (gpointer item)
{
  if (GTK_IS_TREE_LIST_ROW (item))
    {
      gpointer inner = gtk_tree_list_row_get_item (item);

      /* The row keeps it alive as long as the caller's reference to the row. */
      g_object_unref (inner);
      return inner;
    }

  return item;
}

static void
on_selection_changed_cb (IdkSplitView *self)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);
  gpointer item = idk_split_view_get_selected_item (self);

  idk_details_clear (priv->details_box);
  if (item != NULL)
    IDK_SPLIT_VIEW_GET_CLASS (self)->show_item (self, item, priv->details_box);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (priv->details_scroller), 0);
}

static void
on_search_changed_cb (IdkSplitView *self)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (priv->search_entry))));

  g_clear_pointer (&priv->search, g_free);
  if (*text != '\0')
    priv->search = g_steal_pointer (&text);

  idk_split_view_reload (self);
}

static void
on_list_activate_cb (IdkSplitView *self,
                     guint         position)
{
  idk_split_view_show_page (self);
}

static void
on_back_clicked_cb (IdkSplitView *self)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);

  adw_leaflet_navigate (priv->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_link_activated_cb (AdwActionRow *row,
                      IdkSplitView *self)
{
  idk_split_view_reveal_uuid (self, g_object_get_data (G_OBJECT (row), "target-uuid"));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IdkSplitView *self = IDK_SPLIT_VIEW (widget);
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);

  adw_leaflet_navigate (priv->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
}

static void
idk_split_view_dispose (GObject *object)
{
  IdkSplitView *self = IDK_SPLIT_VIEW (object);
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);

  /* gtk_widget_dispose_template() of GTK 4.8 looks up the template of the
   * instance's own class, which subclasses do not have: drop the child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&priv->selection);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (idk_split_view_parent_class)->dispose (object);
}

static void
idk_split_view_finalize (GObject *object)
{
  IdkSplitView *self = IDK_SPLIT_VIEW (object);
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);

  g_clear_pointer (&priv->search, g_free);

  G_OBJECT_CLASS (idk_split_view_parent_class)->finalize (object);
}

static void
idk_split_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IdkSplitView *self = IDK_SPLIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, idk_split_view_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_split_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IdkSplitView *self = IDK_SPLIT_VIEW (object);
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&priv->store, g_value_get_object (value)))
        {
          if (priv->store != NULL)
            g_signal_connect_object (priv->store, "changed", G_CALLBACK (idk_split_view_reload),
                                     self, G_CONNECT_SWAPPED);
          idk_split_view_reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_split_view_class_init (IdkSplitViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = idk_split_view_dispose;
  object_class->finalize = idk_split_view_finalize;
  object_class->get_property = idk_split_view_get_property;
  object_class->set_property = idk_split_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IDK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-split-view.ui");
  gtk_widget_class_bind_template_child_private (widget_class, IdkSplitView, back_button);
  gtk_widget_class_bind_template_child_private (widget_class, IdkSplitView, content);
  gtk_widget_class_bind_template_child_private (widget_class, IdkSplitView, details_box);
  gtk_widget_class_bind_template_child_private (widget_class, IdkSplitView, details_scroller);
  gtk_widget_class_bind_template_child_private (widget_class, IdkSplitView, empty_page);
  gtk_widget_class_bind_template_child_private (widget_class, IdkSplitView, leaflet);
  gtk_widget_class_bind_template_child_private (widget_class, IdkSplitView, list_view);
  gtk_widget_class_bind_template_child_private (widget_class, IdkSplitView, search_entry);
  gtk_widget_class_bind_template_child_private (widget_class, IdkSplitView, sidebar);
  gtk_widget_class_bind_template_child_private (widget_class, IdkSplitView, sidebar_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "view.focus-search", NULL, focus_search_action);
}

static void
idk_split_view_init (IdkSplitView *self)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  priv->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (priv->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (priv->list_view, GTK_SELECTION_MODEL (priv->selection));
}

IdkStore *
idk_split_view_get_store (IdkSplitView *self)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);

  g_return_val_if_fail (IDK_IS_SPLIT_VIEW (self), NULL);

  return priv->store;
}

const char *
idk_split_view_get_search (IdkSplitView *self)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);

  g_return_val_if_fail (IDK_IS_SPLIT_VIEW (self), NULL);

  return priv->search;
}

/**
 * idk_split_view_get_selected_item:
 *
 * Returns: (transfer none) (nullable): the item whose page is shown
 */
gpointer
idk_split_view_get_selected_item (IdkSplitView *self)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);
  gpointer item;

  g_return_val_if_fail (IDK_IS_SPLIT_VIEW (self), NULL);

  item = gtk_single_selection_get_selected_item (priv->selection);
  return item ? unwrap (item) : NULL;
}

/**
 * idk_split_view_select_uuid:
 *
 * Selects the item of the record @uuid and shows its page.
 *
 * Returns: whether the item is in the list
 */
gboolean
idk_split_view_select_uuid (IdkSplitView *self,
                            const char   *uuid)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);
  GListModel *model;

  g_return_val_if_fail (IDK_IS_SPLIT_VIEW (self), FALSE);

  if (uuid == NULL)
    return FALSE;

  model = G_LIST_MODEL (priv->selection);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (IDK_SPLIT_VIEW_GET_CLASS (self)->item_uuid (unwrap (item)), uuid) == 0)
        {
          gtk_single_selection_set_selected (priv->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (priv->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * idk_split_view_reveal_uuid:
 *
 * Selects the item of @uuid, clearing the search first if it hides it.
 */
void
idk_split_view_reveal_uuid (IdkSplitView *self,
                            const char   *uuid)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);

  g_return_if_fail (IDK_IS_SPLIT_VIEW (self));

  if (idk_split_view_select_uuid (self, uuid))
    return;

  gtk_editable_set_text (GTK_EDITABLE (priv->search_entry), "");
  g_clear_pointer (&priv->search, g_free);
  idk_split_view_reload (self);
  idk_split_view_select_uuid (self, uuid);
}

/**
 * idk_split_view_reload:
 *
 * Lists the items again (after the data or the search changed), keeping
 * the selected one selected if it is still there.
 */
void
idk_split_view_reload (IdkSplitView *self)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autofree char *selected = NULL;
  gpointer current;

  g_return_if_fail (IDK_IS_SPLIT_VIEW (self));

  if (priv->store == NULL)
    return;

  current = idk_split_view_get_selected_item (self);
  if (current != NULL)
    selected = g_strdup (IDK_SPLIT_VIEW_GET_CLASS (self)->item_uuid (current));

  items = IDK_SPLIT_VIEW_GET_CLASS (self)->load (self, priv->search, &error);
  if (items == NULL)
    {
      g_warning ("Cannot list the items: %s", error->message);
      return;
    }

  gtk_single_selection_set_model (priv->selection, items);
  gtk_stack_set_visible_child_name (priv->sidebar_stack,
                                    g_list_model_get_n_items (items) > 0 ? "list" : "empty");

  if (!idk_split_view_select_uuid (self, selected))
    on_selection_changed_cb (self);
}

/**
 * idk_split_view_show_page:
 *
 * Shows the page of the selected item, which matters when the view is
 * folded into one column.
 */
void
idk_split_view_show_page (IdkSplitView *self)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);

  g_return_if_fail (IDK_IS_SPLIT_VIEW (self));

  adw_leaflet_navigate (priv->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Subclass API ----------------------------------------------------------- */

void
idk_split_view_set_row_resource (IdkSplitView *self,
                                 const char   *resource_path)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);
  g_autoptr(GtkListItemFactory) factory = gtk_builder_list_item_factory_new_from_resource (NULL, resource_path);

  gtk_list_view_set_factory (priv->list_view, factory);
}

void
idk_split_view_set_texts (IdkSplitView *self,
                          const char   *search_placeholder,
                          const char   *list_label,
                          const char   *empty_description)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);

  g_object_set (priv->search_entry, "placeholder-text", search_placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search_placeholder, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, list_label, -1);
  adw_status_page_set_description (priv->empty_page, empty_description);
}

/* Widgets shown between the search entry and the list (filters, a month). */
void
idk_split_view_add_sidebar_widget (IdkSplitView *self,
                                   GtkWidget    *widget)
{
  IdkSplitViewPrivate *priv = idk_split_view_get_instance_private (self);

  gtk_box_insert_child_after (priv->sidebar, widget, GTK_WIDGET (priv->search_entry));
}

/* A row of the page that leads to another item of the list. */
GtkWidget *
idk_split_view_add_link_row (IdkSplitView *self,
                             GtkWidget    *section,
                             const char   *title,
                             const char   *subtitle,
                             const char   *target_uuid)
{
  GtkWidget *row = idk_details_add_row (section, title, subtitle);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "target-uuid", g_strdup (target_uuid), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_link_activated_cb), self, 0);

  return row;
}

/* Entries under a heading per group; with @linked, those with a target
 * lead to it. */
void
idk_split_view_add_entries (IdkSplitView *self,
                            GtkBox       *details,
                            GListModel   *entries,
                            gboolean      linked)
{
  g_autofree char *current_group = NULL;
  GtkWidget *section = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (entries, i);
      const char *group = idk_entry_get_group (entry);
      GtkWidget *row;

      if (section == NULL || g_strcmp0 (group, current_group) != 0)
        {
          section = idk_details_add_section (details, group);
          g_free (current_group);
          current_group = g_strdup (group);
        }

      if (linked && idk_entry_get_target_uuid (entry) != NULL)
        row = idk_split_view_add_link_row (self, section, idk_entry_get_title (entry),
                                           idk_entry_get_subtitle (entry), idk_entry_get_target_uuid (entry));
      else
        row = idk_details_add_row (section, idk_entry_get_title (entry), idk_entry_get_subtitle (entry));

      if (idk_entry_get_level (entry) > 0)
        {
          /* Sub-items sit indented under their item. */
          GtkWidget *indent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

          gtk_widget_set_size_request (indent, 18 * idk_entry_get_level (entry), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), indent);
        }
      if (idk_entry_is_secondary (entry))
        gtk_widget_add_css_class (row, "dim-label");
    }
}
