/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-action.h"
#include "idk-action-list.h"
#include "idk-actions-view.h"
#include "idk-gui-test-util.h"
#include "idk-synthetic.h"

/* The real window on the benchmark's 100,000 actions: a row selected, a
 * search typed, the table scrolled to its end.  What is checked is what
 * the user sees (the count, the last row) and what it costs: a few
 * hundred actions made, not 100,000.  No time is measured here
 * (bench-gui does that). */

#define N_ACTIONS 100000

static char *dir;
static IdkStore *store;

static void
wait_for_list (IdkActionList *list)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (idk_action_list_is_loading (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  idk_gui_settle (200);
}

static gboolean
is_column_view (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

static void
test_search_and_scroll (void)
{
  g_autoptr(GError) error = NULL;
  IdkWindow *window = idk_window_new (NULL, store);
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *view, *table, *scrolled;
  GtkSelectionModel *selection;
  IdkActionList *list;
  GtkAdjustment *adjustment;
  g_autoptr(IdkAction) last = NULL;
  g_autofree char *count = NULL;
  guint before, n;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  idk_window_set_view (window, "actions");
  view = idk_window_get_view_widget (window, "actions");
  list = idk_actions_view_get_list (IDK_ACTIONS_VIEW (view));
  selection = idk_actions_view_get_selection (IDK_ACTIONS_VIEW (view));
  wait_for_list (list);
  idk_gui_wait_for_text (root, "100000 actions");
  before = idk_action_count_alive ();

  /* A row selected, then a search that replaces every row: the list is
   * not walked to find the selected row again. */
  gtk_selection_model_select_item (selection, 3, TRUE);
  idk_actions_view_set_search (IDK_ACTIONS_VIEW (view), "resid");
  wait_for_list (list);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 1000);
  g_assert_cmpuint (n, <, N_ACTIONS);
  count = g_strdup_printf ("%u actions", n);
  idk_gui_wait_for_text (root, count);
  g_assert_cmpuint (idk_action_count_alive (), <, before + 300);
  /* The rows on screen were written over with the result: they show it. */
  {
    g_autoptr(IdkAction) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(GPtrArray) fresh = NULL;
    gint64 rowid = idk_action_list_get_rowid (list, 0);

    fresh = idk_store_load_actions (idk_action_list_get_store (list), &rowid, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (idk_action_get_reference (first), ==,
                     idk_action_get_reference (g_ptr_array_index (fresh, 0)));
    idk_gui_wait_for_text (root, idk_action_get_reference (first));
  }

  /* All selected, then a filter: still no walk. */
  gtk_selection_model_select_all (selection);
  idk_actions_view_set_search (IDK_ACTIONS_VIEW (view), "");
  wait_for_list (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ACTIONS);
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (selection)), ==, n);
  g_assert_cmpuint (idk_action_count_alive (), <, before + 300);
  gtk_selection_model_unselect_all (selection);

  /* Scrolled to the end: the last row is on screen. */
  table = idk_gui_wait_for (root, is_column_view, NULL, "The table");
  scrolled = gtk_widget_get_ancestor (table, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  for (int i = 0; i < 20; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      idk_gui_settle (50);
    }
  last = g_list_model_get_item (G_LIST_MODEL (list), N_ACTIONS - 1);
  idk_gui_wait_for_text (root, idk_action_get_reference (last));
  g_assert_cmpuint (idk_action_count_alive (), <, before + 300);

  if (g_getenv ("IDK_SCALE_SCREENSHOT") != NULL)
    idk_gui_settle (60 * 1000);

  gtk_window_destroy (GTK_WINDOW (window));
  idk_gui_settle (10);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  IdkSyntheticSize size = { 50, 200, 0, N_ACTIONS, 0 };
  g_autoptr(GError) error = NULL;
  int status;

  idk_gui_init (&argc, &argv);

  dir = g_dir_make_tmp ("idk-gui-scale-XXXXXX", &error);
  g_assert_no_error (error);
  store = idk_synthetic_make_database (dir, &size, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui-scale/search-and-scroll", test_search_and_scroll);
  status = g_test_run ();

  g_clear_object (&store);
  idk_test_remove_tree (dir);
  g_free (dir);
  return status;
}
