/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-action-selection"

#include "config.h"

#include "idk-action.h"
#include "idk-action-selection.h"

/* The selection of the Actions table.  GtkMultiSelection keeps the item
 * of every selected position, and after each change of its list looks
 * for them by walking the new list item by item: with 100,000 actions
 * selected, or one selected when a search replaces the rows, that loads
 * every action on the main thread.  This selection keeps the selected
 * rows' ids instead: selecting loads nothing, and a new result keeps the
 * rows still in it selected by a pass over integers. */

struct _IdkActionSelection
{
  GObject parent_instance;

  IdkActionList *list;
  GtkBitset *selected;    /* positions */
  GHashTable *rowids;     /* gint64 * of the selected rows, a set */
};

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
  return gtk_bitset_contains (IDK_ACTION_SELECTION (model)->selected, position);
}

static GtkBitset *
get_selection_in_range (GtkSelectionModel *model,
                        guint              position,
                        guint              n_items)
{
  return gtk_bitset_ref (IDK_ACTION_SELECTION (model)->selected);
}

static void
add_rowid (IdkActionSelection *self,
           guint               position)
{
  gint64 rowid = idk_action_list_get_rowid (self->list, position);

  if (rowid >= 0)
    g_hash_table_add (self->rowids, g_memdup2 (&rowid, sizeof rowid));
}

static gboolean
set_selection (GtkSelectionModel *model,
               GtkBitset         *selected,
               GtkBitset         *mask)
{
  IdkActionSelection *self = IDK_ACTION_SELECTION (model);
  g_autoptr(GtkBitset) changes = gtk_bitset_copy (self->selected);
  g_autoptr(GtkBitset) chosen = gtk_bitset_copy (selected);
  GtkBitsetIter iter;
  guint position, n = get_n_items (G_LIST_MODEL (self));
  guint min, max;

  /* The positions under the mask take their state from @selected. */
  gtk_bitset_intersect (chosen, mask);
  gtk_bitset_subtract (self->selected, mask);
  gtk_bitset_union (self->selected, chosen);
  if (n < G_MAXUINT)
    gtk_bitset_remove_range (self->selected, n, G_MAXUINT - n);

  /* What changed: the symmetric difference of before and after. */
  gtk_bitset_difference (changes, self->selected);
  if (gtk_bitset_is_empty (changes))
    return TRUE;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, changes, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      if (gtk_bitset_contains (self->selected, position))
        add_rowid (self, position);
      else
        {
          gint64 rowid = idk_action_list_get_rowid (self->list, position);

          g_hash_table_remove (self->rowids, &rowid);
        }
    }

  min = gtk_bitset_get_minimum (changes);
  max = gtk_bitset_get_maximum (changes);
  gtk_selection_model_selection_changed (model, min, max - min + 1);
  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = is_selected;
  iface->get_selection_in_range = get_selection_in_range;
  iface->set_selection = set_selection;
}

/* The rows still in the list stay selected, wherever they are now;
 * the others are no longer selected, so that a change acts only on rows
 * the user sees.  The list replaces rows by a removal then an addition:
 * the removal keeps the ids, the addition finds them again. */
static void
on_items_changed_cb (IdkActionSelection *self,
                     guint               position,
                     guint               removed,
                     guint               added,
                     GListModel         *list)
{
  g_autoptr(GtkBitset) expected = gtk_bitset_copy (self->selected);
  g_autoptr(GHashTable) kept = NULL;
  guint n = g_list_model_get_n_items (list);

  gtk_bitset_splice (expected, position, removed, added);
  if (added == 0 || g_hash_table_size (self->rowids) == 0)
    {
      gtk_bitset_remove_all (self->selected);
      gtk_bitset_union (self->selected, expected);
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  /* A pass over integers, not items. */
  gtk_bitset_remove_all (self->selected);
  kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      gint64 rowid = idk_action_list_get_rowid (self->list, i);
      gpointer key;

      if (g_hash_table_steal_extended (self->rowids, &rowid, &key, NULL))
        {
          gtk_bitset_add (self->selected, i);
          g_hash_table_add (kept, key);
        }
    }
  g_clear_pointer (&self->rowids, g_hash_table_unref);
  self->rowids = g_steal_pointer (&kept);

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);

  /* Rows outside the changed range whose state changed. */
  gtk_bitset_difference (expected, self->selected);
  gtk_bitset_remove_range (expected, position, added);
  if (!gtk_bitset_is_empty (expected))
    {
      guint min = gtk_bitset_get_minimum (expected);
      guint max = gtk_bitset_get_maximum (expected);

      gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), min, max - min + 1);
    }
}

static void
idk_action_selection_dispose (GObject *object)
{
  IdkActionSelection *self = IDK_ACTION_SELECTION (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, on_items_changed_cb, self);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (idk_action_selection_parent_class)->dispose (object);
}

static void
idk_action_selection_finalize (GObject *object)
{
  IdkActionSelection *self = IDK_ACTION_SELECTION (object);

  g_clear_pointer (&self->selected, gtk_bitset_unref);
  g_clear_pointer (&self->rowids, g_hash_table_unref);

  G_OBJECT_CLASS (idk_action_selection_parent_class)->finalize (object);
}

static void
idk_action_selection_class_init (IdkActionSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = idk_action_selection_dispose;
  object_class->finalize = idk_action_selection_finalize;
}

static void
idk_action_selection_init (IdkActionSelection *self)
{
  self->selected = gtk_bitset_new_empty ();
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
  gtk_bitset_remove_all (self->selected);
  g_hash_table_remove_all (self->rowids);
  if (list != NULL)
    g_signal_connect_object (list, "items-changed", G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, get_n_items (G_LIST_MODEL (self)));
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
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (IDK_IS_ACTION_SELECTION (self), rowids);

  for (gboolean more = gtk_bitset_iter_init_first (&iter, self->selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 rowid = idk_action_list_get_rowid (self->list, position);

      g_array_append_val (rowids, rowid);
    }

  return rowids;
}
