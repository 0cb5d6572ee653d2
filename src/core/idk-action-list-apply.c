/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-action-list"

#include "config.h"

#include "idk-action.h"
#include "idk-action-list-private.h"

/* How a new result reaches the list's widgets: what they show is written
 * over in place, the rest replaced. */

/* Announces that the rows [start, old_end) of @old are now [start,
 * new_end) of the list's rows.  What both begin and end with is left
 * out; the rest is removed, then added: a list widget of GTK 4.8 given a
 * replacement that covers an item it tracks looks for that item among
 * all the new ones, asking for each in turn, which would load them all.
 * Between the two steps, the new rows are hidden. */
static void
announce_replaced (IdkActionList *self,
                   GArray        *old,
                   guint          start,
                   guint          old_end,
                   guint          new_end)
{
  GArray *rows = self->rows;

  while (start < old_end && start < new_end &&
         g_array_index (old, gint64, start) == g_array_index (rows, gint64, start))
    start++;
  while (old_end > start && new_end > start &&
         g_array_index (old, gint64, old_end - 1) == g_array_index (rows, gint64, new_end - 1))
    old_end--, new_end--;

  self->hidden_start = start;
  self->hidden_n = new_end - start;
  if (old_end > start)
    g_list_model_items_changed (G_LIST_MODEL (self), start, old_end - start, 0);
  self->hidden_n = 0;
  if (new_end > start)
    g_list_model_items_changed (G_LIST_MODEL (self), start, 0, new_end - start);
}

/* Writes the new rows at a held page's positions into its actions, and
 * gives it as many as the new rows have there.  Returns how many of its
 * actions stay at their place, and in @rewritten whether they changed. */
static guint
rewrite_page (IdkActionList *self,
              GArray        *old,
              Page          *page,
              gboolean       data_changed,
              gboolean      *rewritten)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  guint start = page->index * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->rows->len - start);
  guint kept = MIN (n, page->items->len);

  *rewritten = data_changed;
  for (guint i = 0; i < kept && !*rewritten; i++)
    *rewritten = g_array_index (old, gint64, start + i) != g_array_index (self->rows, gint64, start + i);
  if (!*rewritten && kept == page->items->len && kept == n)
    return kept;

  if (!(fresh = _idk_action_list_load_items (self, start, n, &error)))
    {
      /* Shown blank until the next change: better than stale. */
      g_warning ("Cannot load the actions from position %u: %s", start, error->message);
      fresh = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (fresh, g_object_new (IDK_TYPE_ACTION, NULL));
    }

  for (guint i = 0; i < kept && *rewritten; i++)
    idk_action_swap_contents (g_ptr_array_index (page->items, i), g_ptr_array_index (fresh, i));
  g_ptr_array_set_size (page->items, (int) kept);
  for (guint i = kept; i < n; i++)
    g_ptr_array_add (page->items, g_object_ref (g_ptr_array_index (fresh, i)));

  return kept;
}

/* A held page whose actions took a new result's contents. */
typedef struct
{
  guint start;
  guint n;
  gboolean rewritten;
} Kept;

static int
compare_kept (gconstpointer a,
              gconstpointer b)
{
  return (int) ((const Kept *) a)->start - (int) ((const Kept *) b)->start;
}

/* Tells the list's widgets what changed between the old rows and the
 * new.  The actions a widget shows stay at their positions and take the
 * new rows' contents (rewrite_page ()): GTK 4.8 keeps some two hundred
 * row widgets, and given new items it would tear them all down and make
 * them again, which was most of what a new result cost; given the same
 * items, it binds them again.  The other ranges are replaced (see
 * announce_replaced ()), the one that changes the count first. */
void
_idk_action_list_apply_rows (IdkActionList *self,
                             GArray        *rows)
{
  g_autoptr(GArray) old = self->rows;
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (Kept));
  GQueue old_pages = self->pages;
  gboolean data_changed = self->data_changed;
  guint old_n = old->len, new_n = rows->len;
  guint end = 0;

  self->rows = rows;
  self->data_changed = FALSE;
  g_queue_init (&self->pages);

  while (!g_queue_is_empty (&old_pages))
    {
      Page *page = g_queue_pop_head (&old_pages);
      Kept k = { page->index * PAGE_SIZE, 0, FALSE };

      if (k.start >= MIN (old_n, new_n) || !_idk_action_list_page_is_held (page))
        {
          _idk_action_list_page_free (page);
          continue;
        }
      k.n = rewrite_page (self, old, page, data_changed, &k.rewritten);
      g_array_append_val (kept, k);
      g_queue_push_tail (&self->pages, page);
      end = MAX (end, k.start + k.n);
    }
  g_array_sort (kept, compare_kept);

  announce_replaced (self, old, end, old_n, new_n);
  end = 0;
  for (guint i = 0; i < kept->len; i++)
    {
      Kept *k = &g_array_index (kept, Kept, i);

      announce_replaced (self, old, end, k->start, k->start);
      if (k->rewritten)
        g_list_model_items_changed (G_LIST_MODEL (self), k->start, k->n, k->n);
      end = k->start + k->n;
    }

  if (old_n != new_n)
    _idk_action_list_notify (self, "n-items");
}
