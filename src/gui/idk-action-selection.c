/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-action-selection"

#include "config.h"

#include "idk-action.h"
#include "idk-action-selection.h"

/* The selection of the Actions table.  GtkMultiSelection keeps the item
 * of every selected position, and after each change of its list looks
 * for them by walking the new list item by item: with 100,000 actions
 * selected, or one selected when a search replaces the rows, that loads
 * every action on the main thread.  This selection is the set of the
 * selected rows' ids, and nothing else: whether a position is selected
 * is a lookup of its row, so a change of the list needs no bookkeeping
 * here, whatever order the list announces it in.  Once the list has a new
 * result, the rows no longer in it leave the set, so that a change acts
 * only on rows the user sees. */

struct _IdkActionSelection
{
  GObject parent_instance;

  IdkActionList *list;
  GHashTable *rowids;     /* gint64 * of the selected rows, a set */
  guint forget_source;
};

enum {
  PROP_0,
  PROP_N_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IdkActionSelection, idk_action_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, selection_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return IDK_TYPE_ACTION;
}

static guint
get_n_items (GListModel *model)
{
  IdkActionSelection *self = IDK_ACTION_SELECTION (model);

  return self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  IdkActionSelection *self = IDK_ACTION_SELECTION (model);

  return self->list ? g_list_model_get_item (G_LIST_MODEL (self->list), position) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
is_selected (GtkSelectionModel *model,
             guint              position)
{
  IdkActionSelection *self = IDK_ACTION_SELECTION (model);
  gint64 rowid;

  if (self->list == NULL || g_hash_table_size (self->rowids) == 0)
    return FALSE;
  rowid = idk_action_list_get_rowid (self->list, position);
  return rowid >= 0 && g_hash_table_contains (self->rowids, &rowid);
}

static GtkBitset *
get_selection_in_range (GtkSelectionModel *model,
                        guint              position,
                        guint              n_items)
{
  GtkBitset *selected = gtk_bitset_new_empty ();
  guint n = get_n_items (G_LIST_MODEL (model));

  for (guint i = position; i < n && i - position < n_items; i++)
    if (is_selected (model, i))
      gtk_bitset_add (selected, i);
  return selected;
}

static gboolean
set_selection (GtkSelectionModel *model,
               GtkBitset         *selected,
               GtkBitset         *mask)
{
  IdkActionSelection *self = IDK_ACTION_SELECTION (model);
  GtkBitsetIter iter;
  guint position, min = G_MAXUINT, max = 0;
  guint n = get_n_items (G_LIST_MODEL (self));

  /* The positions under the mask take their state from @selected. */
  for (gboolean more = gtk_bitset_iter_init_first (&iter, mask, &position);
       more && position < n;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 rowid = idk_action_list_get_rowid (self->list, position);
      gboolean changed;

      if (gtk_bitset_contains (selected, position))
        changed = g_hash_table_add (self->rowids, g_memdup2 (&rowid, sizeof rowid));
      else
        changed = g_hash_table_remove (self->rowids, &rowid);
      if (changed)
        min = MIN (min, position), max = MAX (max, position);
    }

  if (min <= max)
    {
      gtk_selection_model_selection_changed (model, min, max - min + 1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
    }
  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = is_selected;
  iface->get_selection_in_range = get_selection_in_range;
  iface->set_selection = set_selection;
}

/* The ids of rows that are no longer in the list go, once the list has
 * announced its change: a pass over integers. */
static gboolean
forget_gone_rows_cb (gpointer data)
{
  IdkActionSelection *self = data;
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint before = g_hash_table_size (self->rowids);
  guint n = get_n_items (G_LIST_MODEL (self));

  self->forget_source = 0;
  for (guint i = 0; i < n && g_hash_table_size (self->rowids) > 0; i++)
    {
      gint64 rowid = idk_action_list_get_rowid (self->list, i);
      gpointer key;

      if (g_hash_table_steal_extended (self->rowids, &rowid, &key, NULL))
        g_hash_table_add (kept, key);
    }
  g_clear_pointer (&self->rowids, g_hash_table_unref);
  self->rowids = g_steal_pointer (&kept);

  /* No position changed state, but the count of selected rows did. */
  if (g_hash_table_size (self->rowids) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
  return G_SOURCE_REMOVE;
}

static void
on_items_changed_cb (IdkActionSelection *self,
                     guint               position,
                     guint               removed,
                     guint               added,
                     GListModel         *list)
{
  if (removed > 0 && self->forget_source == 0 && g_hash_table_size (self->rowids) > 0)
    self->forget_source = g_idle_add_full (G_PRIORITY_HIGH, forget_gone_rows_cb, self, NULL);

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
idk_action_selection_dispose (GObject *object)
{
  IdkActionSelection *self = IDK_ACTION_SELECTION (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, on_items_changed_cb, self);
  g_clear_object (&self->list);
  g_clear_handle_id (&self->forget_source, g_source_remove);

  G_OBJECT_CLASS (idk_action_selection_parent_class)->dispose (object);
}

static void
idk_action_selection_finalize (GObject *object)
{
  IdkActionSelection *self = IDK_ACTION_SELECTION (object);

  g_clear_pointer (&self->rowids, g_hash_table_unref);

  G_OBJECT_CLASS (idk_action_selection_parent_class)->finalize (object);
}

static void
idk_action_selection_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IdkActionSelection *self = IDK_ACTION_SELECTION (object);

  switch (prop_id)
    {
    case PROP_N_SELECTED:
      g_value_set_uint (value, g_hash_table_size (self->rowids));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_action_selection_class_init (IdkActionSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = idk_action_selection_dispose;
  object_class->finalize = idk_action_selection_finalize;
  object_class->get_property = idk_action_selection_get_property;

  /* How many rows of the list are selected, notified at each change of
   * the selection; a row gone from the list counts until the list has
   * announced all of its change. */
  properties[PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
idk_action_selection_init (IdkActionSelection *self)
{
  self->rowids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

IdkActionSelection *
idk_action_selection_new (void)
{
  return g_object_new (IDK_TYPE_ACTION_SELECTION, NULL);
}

void
idk_action_selection_set_list (IdkActionSelection *self,
                               IdkActionList      *list)
{
  guint removed;

  g_return_if_fail (IDK_IS_ACTION_SELECTION (self));
  g_return_if_fail (list == NULL || IDK_IS_ACTION_LIST (list));

  if (self->list == list)
    return;

  removed = get_n_items (G_LIST_MODEL (self));
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, on_items_changed_cb, self);
  g_set_object (&self->list, list);
  if (g_hash_table_size (self->rowids) > 0)
    {
      g_hash_table_remove_all (self->rowids);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
    }
  g_clear_handle_id (&self->forget_source, g_source_remove);
  if (list != NULL)
    g_signal_connect_object (list, "items-changed", G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, get_n_items (G_LIST_MODEL (self)));
}

/**
 * idk_action_selection_get_n_selected:
 *
 * Returns: how many rows are selected, without a pass over the list
 *   (gtk_selection_model_get_selection () makes one)
 */
guint
idk_action_selection_get_n_selected (IdkActionSelection *self)
{
  g_return_val_if_fail (IDK_IS_ACTION_SELECTION (self), 0);

  return g_hash_table_size (self->rowids);
}

/**
 * idk_action_selection_get_rowids:
 *
 * Returns: (transfer full) (element-type gint64): the selected rows, in
 *   the order of the list
 */
GArray *
idk_action_selection_get_rowids (IdkActionSelection *self)
{
  GArray *rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;

  g_return_val_if_fail (IDK_IS_ACTION_SELECTION (self), rowids);

  n = get_n_items (G_LIST_MODEL (self));
  for (guint i = 0; i < n && rowids->len < g_hash_table_size (self->rowids); i++)
    {
      gint64 rowid = idk_action_list_get_rowid (self->list, i);

      if (g_hash_table_contains (self->rowids, &rowid))
        g_array_append_val (rowids, rowid);
    }

  return rowids;
}
