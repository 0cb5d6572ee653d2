/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-action-list"

#include "config.h"

#include "idk-action-list-private.h"
#include "idk-store-private.h"

/* The list's query: run at once, or in a worker thread on a connection
 * of its own, interrupted when the next one is asked for. */

/* A query of its own, for a worker thread. */
typedef struct
{
  IdkStore *store;
  char *search, *status, *owner, *session, *sort_key;
  gboolean overdue_only, mine_only, descending;
  guint generation;
} Query;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_clear_object (&query->store);
  g_free (query->search);
  g_free (query->status);
  g_free (query->owner);
  g_free (query->session);
  g_free (query->sort_key);
  g_free (query);
}

static Query *
query_new (IdkActionList *self)
{
  Query *query = g_new0 (Query, 1);

  query->store = g_object_ref (self->store);
  query->search = g_strdup (self->search);
  query->status = g_strdup (self->status);
  query->owner = g_strdup (self->owner);
  query->session = g_strdup (self->session);
  query->sort_key = g_strdup (self->sort_key);
  query->overdue_only = self->overdue_only;
  query->mine_only = self->mine_only;
  query->descending = self->descending;
  query->generation = self->generation;
  return query;
}

static GArray *
run_query (IdkStore  *store,
           Query     *query,
           GError   **error)
{
  IdkActionQuery action_query = {
    .search = query->search,
    .status = query->status,
    .owner = query->owner,
    .session = query->session,
    .overdue_only = query->overdue_only,
    .mine_only = query->mine_only,
    .sort_key = query->sort_key,
    .descending = query->descending,
  };

  return idk_store_find_actions (store, &action_query, error);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Query *query = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) reader = idk_store_open_reader (query->store, &error);
  GArray *rows;

  if (reader != NULL)
    _idk_store_set_cancellable (reader, cancellable);
  if (reader == NULL || !(rows = run_query (reader, query, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_array_unref);
  if (reader != NULL)
    _idk_store_set_cancellable (reader, NULL);
}

static void
on_query_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  IdkActionList *self = IDK_ACTION_LIST (object);
  Query *query = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GArray *rows = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer query has been asked for since: its result will come. */
  if (query->generation != self->generation)
    {
      g_clear_pointer (&rows, g_array_unref);
      return;
    }
  _idk_action_list_set_loading (self, FALSE);

  if (rows == NULL)
    {
      /* A query given up (its list is going) may fail in any way, and so
       * may one whose database file has been removed: nothing to say. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !self->given_up &&
          !g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))) &&
          g_file_test (idk_store_get_path (self->store), G_FILE_TEST_EXISTS))
        g_warning ("Cannot list the actions: %s", error->message);
      return;
    }

  _idk_action_list_apply_rows (self, rows);
}

/**
 * idk_action_list_set_async:
 *
 * Runs the queries in a worker thread on a connection of their own, so
 * that a large list does not freeze the window; the list changes when the
 * result is in.  Off by default, so that callers (the command line,
 * tests) see the result at once.
 */
void
idk_action_list_set_async (IdkActionList *self,
                           gboolean       async)
{
  g_return_if_fail (IDK_IS_ACTION_LIST (self));

  self->async = !!async;
}

/**
 * idk_action_list_refresh:
 *
 * Runs the query again, after the data or the search changed.
 */
gboolean
idk_action_list_refresh (IdkActionList  *self,
                         GError        **error)
{
  Query *query;
  GArray *rows;

  g_return_val_if_fail (IDK_IS_ACTION_LIST (self), FALSE);

  if (self->given_up)
    return TRUE;

  self->generation++;
  query = query_new (self);

  if (self->async)
    {
      g_autoptr(GTask) task = NULL;

      if (self->cancellable != NULL)
        g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();

      task = g_task_new (self, self->cancellable, on_query_done_cb, NULL);
      g_task_set_source_tag (task, idk_action_list_refresh);
      g_task_set_task_data (task, query, query_free);
      g_task_run_in_thread (task, query_thread);
      _idk_action_list_set_loading (self, TRUE);
      return TRUE;
    }

  rows = run_query (self->store, query, error);
  query_free (query);
  if (rows == NULL)
    return FALSE;

  _idk_action_list_apply_rows (self, rows);
  return TRUE;
}
