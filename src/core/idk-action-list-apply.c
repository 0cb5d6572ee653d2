/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-action-list"

#include "config.h"

#include "idk-action.h"
#include "idk-action-list-private.h"

/* How a new result reaches the list's widgets: what they show is written
 * over in place, what is off screen a page a frame, the rest replaced. */

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

/* Whether the rows at a held page's positions are other than those its
 * actions hold, or as many. */
static gboolean
page_changed (IdkActionList *self,
              GArray        *old,
              Page          *page,
              gboolean       data_changed)
{
  guint start = page->index * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->rows->len - start);

  if (data_changed || page->stale || page->unannounced || page->items->len != n)
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (g_array_index (old, gint64, start + i) != g_array_index (self->rows, gint64, start + i))
      return TRUE;
  return FALSE;
}

/**
 * _idk_action_list_refresh_page:
 *
 * Writes the list's rows at a held page's positions into its actions, and
 * gives it as many as the rows have there.
 */
void
_idk_action_list_refresh_page (IdkActionList *self,
                               Page          *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  guint start = page->index * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->rows->len - start);
  guint kept = MIN (n, page->items->len);

  page->stale = FALSE;
  if (!(fresh = _idk_action_list_load_items (self, start, n, &error)))
    {
      /* Shown blank until the next change: better than stale. */
      g_warning ("Cannot load the actions from position %u: %s", start, error->message);
      fresh = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (fresh, g_object_new (IDK_TYPE_ACTION, NULL));
    }

  for (guint i = 0; i < kept; i++)
    idk_action_swap_contents (g_ptr_array_index (page->items, i), g_ptr_array_index (fresh, i));
  g_ptr_array_set_size (page->items, (int) kept);
  for (guint i = kept; i < n; i++)
    g_ptr_array_add (page->items, g_object_ref (g_ptr_array_index (fresh, i)));
}

/* Whether a held page is on screen, or near enough to be seen before the
 * next frame; all are, in a list no widget has told where it is. */
static gboolean
is_shown (IdkActionList *self,
          guint          start,
          guint          n)
{
  guint margin = PAGE_SIZE / 4;

  if (self->shown_n == 0)
    return TRUE;
  return start + n + margin > self->shown_first && start < self->shown_first + self->shown_n + margin;
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
 * new rows' contents (_idk_action_list_refresh_page ()): GTK 4.8 keeps some two hundred
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
  gboolean had_unannounced = self->n_unannounced > 0;
  guint old_n = old->len, new_n = rows->len;
  guint end = 0;

  self->rows = rows;
  self->data_changed = FALSE;
  self->n_unannounced = 0;
  g_queue_init (&self->pages);

  while (!g_queue_is_empty (&old_pages))
    {
      Page *page = g_queue_pop_head (&old_pages);
      guint n;
      Kept k = { page->index * PAGE_SIZE, 0, FALSE };

      if (k.start >= MIN (old_n, new_n) || !_idk_action_list_page_is_held (page))
        {
          _idk_action_list_page_free (page);
          continue;
        }
      n = MIN (PAGE_SIZE, new_n - k.start);
      k.n = MIN (n, page->items->len);
      k.rewritten = page_changed (self, old, page, data_changed);

      /* Off screen (and as long as before): written and told later, a
       * page a frame, or written when scrolled to. */
      if (k.rewritten && !is_shown (self, k.start, k.n) && page->items->len == n)
        {
          page->stale = page->unannounced = TRUE;
          k.rewritten = FALSE;
        }
      else if (k.rewritten)
        {
          _idk_action_list_refresh_page (self, page);
          page->unannounced = FALSE;
        }
      self->n_unannounced += page->unannounced;

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
  if (had_unannounced != (self->n_unannounced > 0))
    _idk_action_list_notify (self, "deferred");
}

/**
 * idk_action_list_set_shown_range:
 * @first: the first position on screen
 * @n: how many are, or 0 if the list is not shown
 *
 * Where the list's widget shows it.  After a new result, only the rows
 * on screen are written into the actions a widget holds and announced at
 * once; the others a page at a time (idk_action_list_announce_deferred ()),
 * or when asked for.  A list never told does everything at once.
 */
void
idk_action_list_set_shown_range (IdkActionList *self,
                                 guint          first,
                                 guint          n)
{
  g_return_if_fail (IDK_IS_ACTION_LIST (self));

  self->shown_first = first;
  self->shown_n = n;
}

/**
 * idk_action_list_announce_deferred:
 *
 * Writes the last result into one page of held actions off screen, the
 * nearest to the screen, and tells its widgets.  For a widget to call
 * once a frame while #IdkActionList:deferred is %TRUE: a page costs a
 * query and the binding of its rows.
 *
 * Returns: whether pages remain to announce
 */
gboolean
idk_action_list_announce_deferred (IdkActionList *self)
{
  Page *best = NULL;
  guint best_distance = G_MAXUINT;
  guint start;

  g_return_val_if_fail (IDK_IS_ACTION_LIST (self), FALSE);

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;
      guint position = page->index * PAGE_SIZE;
      guint distance = position >= self->shown_first ? position - self->shown_first
                                                     : self->shown_first - position;

      if (page->unannounced && distance < best_distance)
        best = page, best_distance = distance;
    }
  if (best == NULL)
    {
      self->n_unannounced = 0;
      return FALSE;
    }

  if (best->stale)
    _idk_action_list_refresh_page (self, best);
  best->unannounced = FALSE;
  self->n_unannounced--;
  start = best->index * PAGE_SIZE;
  g_list_model_items_changed (G_LIST_MODEL (self), start, best->items->len, best->items->len);

  if (self->n_unannounced == 0)
    _idk_action_list_notify (self, "deferred");
  return self->n_unannounced > 0;
}
