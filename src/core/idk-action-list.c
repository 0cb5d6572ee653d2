/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-action-list"

#include "config.h"

#include "idk-action.h"
#include "idk-action-list-private.h"

/* The actions matching a search, as a GListModel.  The query returns only
 * row ids, in the order asked for; the actions are loaded a page at a
 * time when a list widget asks for a position, and only the last few
 * pages are kept, so a list of 100,000 actions costs 100,000 integers and
 * a few hundred objects however far it is scrolled.
 */

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_ASYNC,
  PROP_DEFERRED,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IdkActionList, idk_action_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static GType
idk_action_list_get_item_type (GListModel *model)
{
  return IDK_TYPE_ACTION;
}

static guint
idk_action_list_get_n_items (GListModel *model)
{
  IdkActionList *self = IDK_ACTION_LIST (model);

  return self->rows->len - self->hidden_n;
}

/* The row at a position the widgets know of. */
static inline guint
row_index (IdkActionList *self,
           guint          position)
{
  return position >= self->hidden_start ? position + self->hidden_n : position;
}

void
_idk_action_list_page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
clear_pages (IdkActionList *self)
{
  g_queue_clear_full (&self->pages, _idk_action_list_page_free);
}

/* A page one of whose actions something else holds: a list widget shows
 * it.  Such a page is kept, so that a widget's item is always one of the
 * list's, and a new result is written into it (see apply_rows ()). */
gboolean
_idk_action_list_page_is_held (Page *page)
{
  for (guint i = 0; i < page->items->len; i++)
    {
      GObject *item = g_ptr_array_index (page->items, i);

      if (g_atomic_int_get (&item->ref_count) > 1)
        return TRUE;
    }
  return FALSE;
}

/* The actions of @n rows from @start, a blank one for a row gone since
 * the query: a list widget needs an item at every position. */
GPtrArray *
_idk_action_list_load_items (IdkActionList  *self,
            guint           start,
            guint           n,
            GError        **error)
{
  GPtrArray *items = idk_store_load_actions (self->store, &g_array_index (self->rows, gint64, start),
                                             n, error);

  for (guint i = 0; items != NULL && i < items->len; i++)
    if (g_ptr_array_index (items, i) == NULL)
      g_ptr_array_index (items, i) = g_object_new (IDK_TYPE_ACTION, NULL);
  return items;
}

static Page *
find_page (IdkActionList *self,
           guint          index)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  Page *page;
  guint start = index * PAGE_SIZE;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    if (((Page *) l->data)->index == index)
      {
        g_queue_unlink (&self->pages, l);
        g_queue_push_head_link (&self->pages, l);
        /* Scrolled to before its turn: written now, told later. */
        if (((Page *) l->data)->stale)
          _idk_action_list_refresh_page (self, l->data);
        return l->data;
      }

  if (!(items = _idk_action_list_load_items (self, start, MIN (PAGE_SIZE, self->rows->len - start), &error)))
    {
      g_warning ("Cannot load the actions from position %u: %s", start, error->message);
      return NULL;
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->items = items;
  g_queue_push_head (&self->pages, page);

  /* The least recently used pages go, but not those on screen, nor the
   * one asked for. */
  for (GList *l = self->pages.tail; l != self->pages.head && self->pages.length > MAX_PAGES;)
    {
      GList *prev = l->prev;

      if (!_idk_action_list_page_is_held (l->data))
        {
          /* Nothing shows it any more: nothing to tell. */
          self->n_unannounced -= ((Page *) l->data)->unannounced;
          _idk_action_list_page_free (l->data);
          g_queue_delete_link (&self->pages, l);
        }
      l = prev;
    }

  return page;
}

static gpointer
idk_action_list_get_item (GListModel *model,
                          guint       position)
{
  IdkActionList *self = IDK_ACTION_LIST (model);
  Page *page;
  gpointer item;

  if (position >= idk_action_list_get_n_items (model))
    return NULL;
  position = row_index (self, position);

  /* A list widget needs an item at every position: a blank one for a row
   * that cannot be read. */
  if (!(page = find_page (self, position / PAGE_SIZE)))
    return g_object_new (IDK_TYPE_ACTION, NULL);
  item = g_ptr_array_index (page->items, position % PAGE_SIZE);

  return g_object_ref (item);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = idk_action_list_get_item_type;
  iface->get_n_items = idk_action_list_get_n_items;
  iface->get_item = idk_action_list_get_item;
}

static void
on_store_changed_cb (IdkActionList *self,
                     IdkStore      *store)
{
  g_autoptr(GError) error = NULL;

  self->data_changed = TRUE;
  if (!idk_action_list_refresh (self, &error))
    g_warning ("Cannot refresh the actions: %s", error->message);
}

static void
idk_action_list_dispose (GObject *object)
{
  IdkActionList *self = (IdkActionList *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (idk_action_list_parent_class)->dispose (object);
}

static void
idk_action_list_finalize (GObject *object)
{
  IdkActionList *self = (IdkActionList *) object;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->session, g_free);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_pointer (&self->rows, g_array_unref);
  clear_pages (self);

  G_OBJECT_CLASS (idk_action_list_parent_class)->finalize (object);
}

static void
idk_action_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IdkActionList *self = IDK_ACTION_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, idk_action_list_get_n_items (G_LIST_MODEL (self)));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_ASYNC:
      g_value_set_boolean (value, self->async);
      break;

    case PROP_DEFERRED:
      g_value_set_boolean (value, self->n_unannounced > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_action_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IdkActionList *self = IDK_ACTION_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb),
                               self, G_CONNECT_SWAPPED);
      break;

    case PROP_SEARCH:
      idk_action_list_set_search (self, g_value_get_string (value));
      break;

    case PROP_ASYNC:
      idk_action_list_set_async (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_action_list_constructed (GObject *object)
{
  IdkActionList *self = IDK_ACTION_LIST (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (idk_action_list_parent_class)->constructed (object);

  if (!idk_action_list_refresh (self, &error))
    g_warning ("Cannot list the actions: %s", error->message);
}

static void
idk_action_list_class_init (IdkActionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = idk_action_list_constructed;
  object_class->dispose = idk_action_list_dispose;
  object_class->finalize = idk_action_list_finalize;
  object_class->get_property = idk_action_list_get_property;
  object_class->set_property = idk_action_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IDK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Words typed by the user, matched with the full-text index. */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* A query runs: the list shows the last result meanwhile. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* See idk_action_list_set_async(); set at construction, the first
   * query runs in a thread too. */
  properties[PROP_ASYNC] =
    g_param_spec_boolean ("async", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  /* Held actions off screen wait for the last result: see
   * idk_action_list_announce_deferred (). */
  properties[PROP_DEFERRED] =
    g_param_spec_boolean ("deferred", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
idk_action_list_init (IdkActionList *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_queue_init (&self->pages);
}

void
_idk_action_list_notify (IdkActionList *self,
                         const char    *property)
{
  g_object_notify_by_pspec (G_OBJECT (self),
                            g_object_class_find_property (G_OBJECT_GET_CLASS (self), property));
}

void
_idk_action_list_set_loading (IdkActionList *self,
                              gboolean       loading)
{
  if (self->loading != loading)
    {
      self->loading = loading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

/**
 * idk_action_list_is_loading:
 *
 * Returns: whether a query runs, whose result will replace the rows
 */
gboolean
idk_action_list_is_loading (IdkActionList *self)
{
  g_return_val_if_fail (IDK_IS_ACTION_LIST (self), FALSE);

  return self->loading;
}

/**
 * idk_action_list_get_rowid:
 *
 * Returns: the row of the action at @position, without loading it, or -1
 */
gint64
idk_action_list_get_rowid (IdkActionList *self,
                           guint          position)
{
  g_return_val_if_fail (IDK_IS_ACTION_LIST (self), -1);

  if (position >= idk_action_list_get_n_items (G_LIST_MODEL (self)))
    return -1;
  return g_array_index (self->rows, gint64, row_index (self, position));
}

IdkActionList *
idk_action_list_new (IdkStore *store)
{
  g_return_val_if_fail (IDK_IS_STORE (store), NULL);

  return g_object_new (IDK_TYPE_ACTION_LIST, "store", store, NULL);
}

/**
 * idk_action_list_new_async:
 *
 * A list whose queries, the first one included, run in a worker thread
 * (see idk_action_list_set_async()): it is empty until the first result
 * is in, and #IdkActionList:loading says so.
 */
IdkActionList *
idk_action_list_new_async (IdkStore *store)
{
  g_return_val_if_fail (IDK_IS_STORE (store), NULL);

  return g_object_new (IDK_TYPE_ACTION_LIST, "store", store, "async", TRUE, NULL);
}

IdkStore *
idk_action_list_get_store (IdkActionList *self)
{
  g_return_val_if_fail (IDK_IS_ACTION_LIST (self), NULL);

  return self->store;
}

const char *
idk_action_list_get_search (IdkActionList *self)
{
  g_return_val_if_fail (IDK_IS_ACTION_LIST (self), NULL);

  return self->search;
}

void
idk_action_list_set_search (IdkActionList *self,
                            const char    *search)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (IDK_IS_ACTION_LIST (self));

  if (g_strcmp0 (self->search, search) != 0)
    {
      g_free (self->search);
      self->search = g_strdup (search);
      if (self->store != NULL && !idk_action_list_refresh (self, &error))
        g_warning ("Cannot search the actions: %s", error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
    }
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/**
 * idk_action_list_set_filters:
 * @status: (nullable): only actions with this status
 * @owner: (nullable): only actions this organization or group owns
 * @session: (nullable): only actions decided at this meeting
 * @overdue_only: only overdue actions
 * @mine_only: only actions of this office's organization
 *
 * Narrows the list; %NULL or %FALSE leaves a filter off.
 */
void
idk_action_list_set_filters (IdkActionList *self,
                             const char    *status,
                             const char    *owner,
                             const char    *session,
                             gboolean       overdue_only,
                             gboolean       mine_only)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  g_return_if_fail (IDK_IS_ACTION_LIST (self));

  changed |= set_string (&self->status, status);
  changed |= set_string (&self->owner, owner);
  changed |= set_string (&self->session, session);
  changed |= self->overdue_only != !!overdue_only || self->mine_only != !!mine_only;
  self->overdue_only = !!overdue_only;
  self->mine_only = !!mine_only;

  if (changed && !idk_action_list_refresh (self, &error))
    g_warning ("Cannot filter the actions: %s", error->message);
}

/**
 * idk_action_list_set_sort:
 * @key: (nullable): a sort key of #IdkActionQuery, or %NULL for the
 *   order of the sessions and their paragraphs
 */
void
idk_action_list_set_sort (IdkActionList *self,
                          const char    *key,
                          gboolean       descending)
{
  g_autoptr(GError) error = NULL;
  gboolean changed;

  g_return_if_fail (IDK_IS_ACTION_LIST (self));

  changed = set_string (&self->sort_key, key) || self->descending != !!descending;
  self->descending = !!descending;

  if (changed && !idk_action_list_refresh (self, &error))
    g_warning ("Cannot sort the actions: %s", error->message);
}

/**
 * idk_action_list_get_uuid:
 *
 * Returns: (transfer full) (nullable): the UUID of the action at @position
 */
char *
idk_action_list_get_uuid (IdkActionList *self,
                          guint          position)
{
  g_autoptr(IdkAction) action = g_list_model_get_item (G_LIST_MODEL (self), position);

  return action && idk_action_get_uuid (action) ? g_strdup (idk_action_get_uuid (action)) : NULL;
}

/**
 * idk_action_list_get_query:
 * @query: (out caller-allocates): filled with the list's filters and
 *   order, pointing into the list (valid until it changes)
 *
 * What the list shows, for an export of the same rows.
 */
void
idk_action_list_get_query (IdkActionList  *self,
                           IdkActionQuery *query)
{
  g_return_if_fail (IDK_IS_ACTION_LIST (self));

  *query = (IdkActionQuery) {
    .search = self->search,
    .status = self->status,
    .owner = self->owner,
    .session = self->session,
    .overdue_only = self->overdue_only,
    .mine_only = self->mine_only,
    .sort_key = self->sort_key,
    .descending = self->descending,
  };
}

/**
 * idk_action_list_cancel:
 *
 * Gives up the query in progress, and any later one, for an owner that
 * lets the list go: the query's thread holds the list until it ends, and
 * the store's changes would start new ones meanwhile.
 */
void
idk_action_list_cancel (IdkActionList *self)
{
  g_return_if_fail (IDK_IS_ACTION_LIST (self));

  self->given_up = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  _idk_action_list_set_loading (self, FALSE);
}
