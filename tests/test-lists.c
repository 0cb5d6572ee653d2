/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-action.h"
#include "idk-action-list.h"
#include "idk-synthetic.h"
#include "idk-test-util.h"

/* The actions list at scale: a database of the exchange benchmark's
 * synthetic network (100,000 actions), searched, filtered and sorted
 * through IdkActionList as the Actions view does.  Nothing here measures
 * time; what is checked is what the list costs (the actions it makes),
 * that its pages cover every row once in every order, and that a search
 * superseded or given up leaves nothing of itself behind. */

typedef struct
{
  char *dir;
  IdkStore *store;
  guint n_actions;
} Dataset;

static Dataset large, small;

static void
make_dataset (Dataset *dataset,
              guint    n_actions)
{
  IdkSyntheticSize size = { 50, 200, 0, n_actions, 0 };
  g_autoptr(GError) error = NULL;

  dataset->dir = g_dir_make_tmp ("idk-lists-XXXXXX", &error);
  g_assert_no_error (error);
  dataset->store = idk_synthetic_make_database (dataset->dir, &size, &error);
  g_assert_no_error (error);
  dataset->n_actions = n_actions;
}

static void
free_dataset (Dataset *dataset)
{
  g_clear_object (&dataset->store);
  idk_test_remove_tree (dataset->dir);
  g_clear_pointer (&dataset->dir, g_free);
}

/* What a window does with a list: asks for the rows on screen. */
static void
look_at (GListModel *model,
         guint       from,
         guint       n)
{
  for (guint i = from; i < from + n && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IdkAction) action = g_list_model_get_item (model, i);

      g_assert_nonnull (idk_action_get_uuid (action));
    }
}

static void
test_search_makes_few_actions (void)
{
  g_autoptr(IdkActionList) list = idk_action_list_new (large.store);
  GListModel *model = G_LIST_MODEL (list);
  guint before = idk_action_count_alive ();
  guint n;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, large.n_actions);
  look_at (model, 0, 40);

  /* A search matching every action, then one matching an eighth, a
   * filter and a sort: each replaces 100,000 rows. */
  idk_action_list_set_search (list, "work");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, large.n_actions);
  look_at (model, 0, 40);
  idk_action_list_set_search (list, "resid");
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 1000);
  g_assert_cmpuint (n, <, large.n_actions);
  look_at (model, 0, 40);
  idk_action_list_set_filters (list, "open", NULL, NULL, FALSE, FALSE);
  look_at (model, 0, 40);
  idk_action_list_set_sort (list, "due", TRUE);
  look_at (model, 0, 40);

  /* Scrolled to the end, and back. */
  look_at (model, g_list_model_get_n_items (model) - 40, 40);
  look_at (model, 0, 40);

  g_assert_cmpuint (idk_action_count_alive () - before, <, 300);
}

/* Every sort key in both directions: the pages together give every row
 * once, in the order the query gives. */
static void
test_pages_cover_every_row (void)
{
  static const char * const keys[] = {
    "reference", "session", "topic", "text", "owner", "due", "status", "last-update",
  };
  g_autoptr(IdkActionList) list = idk_action_list_new (small.store);
  GListModel *model = G_LIST_MODEL (list);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        g_autoptr(GArray) rowids = NULL;
        g_auto(GStrv) expected = NULL;
        g_autoptr(GError) error = NULL;
        IdkActionQuery query = { .sort_key = keys[k], .descending = descending };
        guint n;

        idk_action_list_set_sort (list, keys[k], descending);
        n = g_list_model_get_n_items (model);
        g_assert_cmpuint (n, ==, small.n_actions);

        rowids = idk_store_find_actions (small.store, &query, &error);
        g_assert_no_error (error);
        expected = idk_store_get_action_uuids (small.store, (const gint64 *) rowids->data, rowids->len, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_strv_length (expected), ==, n);

        /* Read in an order a scrolling window might: from the end, then
         * from the start, so that pages are loaded, dropped and loaded
         * again. */
        for (guint j = 0; j < n; j++)
          {
            guint i = j % 2 ? j / 2 : n - 1 - j / 2;
            g_autoptr(IdkAction) action = g_list_model_get_item (model, i);

            g_assert_cmpstr (idk_action_get_uuid (action), ==, expected[i]);
            g_assert_true (g_hash_table_add (seen, g_strdup (idk_action_get_uuid (action))));
          }
        g_assert_cmpuint (g_hash_table_size (seen), ==, n);
      }
}

typedef struct
{
  guint changes;
  guint last_added;
} Changes;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Changes    *changes)
{
  changes->changes++;
  if (added > 0)
    changes->last_added = position + added;
}

static void
wait_until_done (IdkActionList *list)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (idk_action_list_is_loading (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* Results of superseded queries would come in now, if they came. */
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* Searches typed key by key: each supersedes the last, and only the last
 * one's rows ever reach the list. */
static void
test_superseded_search (void)
{
  g_autoptr(IdkActionList) list = idk_action_list_new (large.store);
  g_autoptr(IdkActionList) reference = idk_action_list_new (large.store);
  Changes changes = { 0, 0 };
  const char *typed[] = { "w", "wo", "wor", "work", "r", "re", "res", "resid" };

  idk_action_list_set_async (list, TRUE);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    idk_action_list_set_search (list, typed[i]);
  wait_until_done (list);

  idk_action_list_set_search (reference, "resid");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (reference)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reference)); i += 997)
    g_assert_cmpint (idk_action_list_get_rowid (list, i), ==, idk_action_list_get_rowid (reference, i));

  /* One result, in a removal and an addition. */
  g_assert_cmpuint (changes.changes, <=, 2);
  g_assert_cmpuint (changes.last_added, ==, g_list_model_get_n_items (G_LIST_MODEL (reference)));
}

/* A search given up (its list is going) never changes the list. */
static void
test_cancelled_search (void)
{
  g_autoptr(IdkActionList) list = idk_action_list_new (large.store);
  Changes changes = { 0, 0 };

  idk_action_list_set_async (list, TRUE);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  idk_action_list_set_search (list, "resid");
  g_assert_true (idk_action_list_is_loading (list));
  idk_action_list_cancel (list);
  g_assert_false (idk_action_list_is_loading (list));
  wait_until_done (list);

  g_assert_cmpuint (changes.changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, large.n_actions);

  /* And it asks for no more. */
  idk_action_list_set_search (list, "work");
  wait_until_done (list);
  g_assert_cmpuint (changes.changes, ==, 0);
}

/* The rows of a page deleted since the query read as blank actions, not
 * as holes a list widget would trip on. */
static void
test_deleted_rows_read_blank (void)
{
  g_autoptr(IdkActionList) list = idk_action_list_new (small.store);
  g_autoptr(GError) error = NULL;
  gint64 rows[2] = { idk_action_list_get_rowid (list, 0), -5 };
  g_autoptr(GPtrArray) actions = idk_store_load_actions (small.store, rows, 2, &error);

  g_assert_no_error (error);
  g_assert_nonnull (g_ptr_array_index (actions, 0));
  g_assert_null (g_ptr_array_index (actions, 1));
  g_assert_cmpint (idk_action_list_get_rowid (list, small.n_actions), ==, -1);
}

/* What a list widget learns of a list from its "items-changed" alone,
 * as row ids: it must end as the list, and agree with its count at each
 * step. */
typedef struct
{
  IdkActionList *list;
  GArray *rows;
  GPtrArray *held;     /* the items "on screen", by position, or NULL */
  GArray *torn_down;   /* held positions announced with other items */
} Shadow;

static void
on_shadow_changed_cb (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      Shadow     *shadow)
{
  g_array_remove_range (shadow->rows, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gint64 rowid = idk_action_list_get_rowid (shadow->list, position + i);

      g_array_insert_val (shadow->rows, position + i, rowid);
    }
  g_assert_cmpuint (shadow->rows->len, ==, g_list_model_get_n_items (model));

  /* A widget's item announced as removed, and not back at once, would
   * be torn down; the list's positions before the change stay the same
   * until its end, so they are comparable with the final count. */
  for (guint i = position; i < position + removed && i < shadow->held->len; i++)
    if (g_ptr_array_index (shadow->held, i) != NULL)
      {
        g_autoptr(IdkAction) now = removed == added ? g_list_model_get_item (model, i) : NULL;

        if (now != g_ptr_array_index (shadow->held, i))
          g_array_append_val (shadow->torn_down, i);
      }
}

static void
check_shadow (Shadow *shadow)
{
  GListModel *model = G_LIST_MODEL (shadow->list);
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (shadow->rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (shadow->rows, gint64, i), ==, idk_action_list_get_rowid (shadow->list, i));

  /* The held actions are still the list's, with their new rows' contents. */
  for (guint i = 0; i < shadow->held->len && i < n; i++)
    {
      IdkAction *held = g_ptr_array_index (shadow->held, i);
      g_autoptr(IdkAction) item = NULL;
      g_autoptr(GPtrArray) fresh = NULL;
      gint64 rowid = idk_action_list_get_rowid (shadow->list, i);

      if (held == NULL)
        continue;
      item = g_list_model_get_item (model, i);
      g_assert_true (item == held);
      fresh = idk_store_load_actions (small.store, &rowid, 1, NULL);
      g_assert_cmpstr (idk_action_get_uuid (held), ==, idk_action_get_uuid (g_ptr_array_index (fresh, 0)));
      g_assert_cmpstr (idk_action_get_text (held), ==, idk_action_get_text (g_ptr_array_index (fresh, 0)));
    }
  /* Torn down only if beyond the new end. */
  for (guint i = 0; i < shadow->torn_down->len; i++)
    g_assert_cmpuint (g_array_index (shadow->torn_down, guint, i), >=, n);
  g_array_set_size (shadow->torn_down, 0);

  /* As the widget would, let go of the rows beyond the end. */
  for (guint i = n; i < shadow->held->len; i++)
    g_clear_object (&g_ptr_array_index (shadow->held, i));
}

static gboolean
deferred (IdkActionList *list)
{
  gboolean value = FALSE;

  g_object_get (list, "deferred", &value, NULL);
  return value;
}

static void
unref_held (gpointer data)
{
  g_clear_object (&data);
}

/* A new result is written into the actions a widget holds, at their
 * positions (so that GTK binds its rows again instead of making them),
 * and the rest is announced so that a widget following the
 * announcements ends with the list's rows. */
static void
test_held_rows_rewritten (void)
{
  g_autoptr(IdkActionList) list = idk_action_list_new (small.store);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (unref_held);
  g_autoptr(GArray) torn_down = g_array_new (FALSE, FALSE, sizeof (guint));
  Shadow shadow = { list, rows, held, torn_down };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  /* A window at the top, and a focused row further down. */
  for (guint i = 0; i < 240; i++)
    g_ptr_array_add (held, i < 70 || i >= 200 ? g_list_model_get_item (G_LIST_MODEL (list), i) : NULL);
  for (guint i = 0; i < n; i++)
    {
      gint64 rowid = idk_action_list_get_rowid (list, i);

      g_array_append_val (rows, rowid);
    }
  g_signal_connect (list, "items-changed", G_CALLBACK (on_shadow_changed_cb), &shadow);

  idk_action_list_set_search (list, "resid");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 240);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, n);
  check_shadow (&shadow);

  idk_action_list_set_sort (list, "reference", TRUE);
  check_shadow (&shadow);

  /* Fewer rows than those held: the held beyond the end go. */
  idk_action_list_set_search (list, "residxyz");
  check_shadow (&shadow);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  idk_action_list_set_search (list, NULL);
  check_shadow (&shadow);
  for (guint i = 0; i < 70; i++)
    g_ptr_array_index (held, i) = g_list_model_get_item (G_LIST_MODEL (list), i);
  idk_action_list_set_sort (list, NULL, FALSE);
  check_shadow (&shadow);
  check_shadow (&shadow);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  /* Only a few hundred actions, however often the rows change. */
  g_assert_cmpuint (idk_action_count_alive (), <, 300 + held->len);

  /* Told that rows 0-9 are on screen, the list writes the others later,
   * a page at a time, or when asked for one of them. */
  idk_action_list_set_shown_range (list, 0, 10);
  idk_action_list_set_search (list, "resid");
  g_assert_true (deferred (list));
  {
    g_autoptr(IdkAction) item = g_list_model_get_item (G_LIST_MODEL (list), 69);
    gint64 rowid = idk_action_list_get_rowid (list, 69);
    g_autoptr(GPtrArray) fresh = idk_store_load_actions (small.store, &rowid, 1, NULL);

    g_assert_true (item == g_ptr_array_index (held, 69));
    g_assert_cmpstr (idk_action_get_uuid (item), ==, idk_action_get_uuid (g_ptr_array_index (fresh, 0)));
  }
  while (idk_action_list_announce_deferred (list))
    ;
  g_assert_false (deferred (list));
  check_shadow (&shadow);

  /* A new result while pages wait: they wait for the newer one. */
  idk_action_list_set_sort (list, "reference", TRUE);
  g_assert_true (deferred (list));
  idk_action_list_set_sort (list, "due", TRUE);
  while (idk_action_list_announce_deferred (list))
    ;
  check_shadow (&shadow);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  make_dataset (&large, 100000);
  make_dataset (&small, 1500);

  g_test_add_func ("/lists/search-makes-few-actions", test_search_makes_few_actions);
  g_test_add_func ("/lists/pages-cover-every-row", test_pages_cover_every_row);
  g_test_add_func ("/lists/superseded-search", test_superseded_search);
  g_test_add_func ("/lists/cancelled-search", test_cancelled_search);
  g_test_add_func ("/lists/deleted-rows-read-blank", test_deleted_rows_read_blank);
  g_test_add_func ("/lists/held-rows-rewritten", test_held_rows_rewritten);

  status = g_test_run ();
  free_dataset (&large);
  free_dataset (&small);
  return status;
}
