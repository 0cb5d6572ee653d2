/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"

/* The actions table's query (filters, order), status updates one by one
 * and in bulk, and deletion with undo, on the default data. */

#define TODAY "2026-11-24"

static void
set_up (IdkTestFixture *fixture,
        gconstpointer   data)
{
  idk_test_fixture_set_up_defaults (fixture, data);
  idk_store_set_today (fixture->store, TODAY);
}

static const char *
uuid_of (IdkTestFixture *fixture,
         const char     *sql)
{
  const char *uuid = idk_test_keep (idk_test_query_text (fixture->db_path, sql));

  g_assert_nonnull (uuid);
  return uuid;
}

static const char *
action (IdkTestFixture *fixture,
        const char     *reference)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM actions WHERE reference = '%s'", reference);

  return uuid_of (fixture, sql);
}

/* The references of the actions QUERY finds, comma-separated. */
static char *
find (IdkTestFixture       *fixture,
      const IdkActionQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = idk_store_find_actions (fixture->store, query, &error);
  g_autoptr(GString) references = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(IdkAction) a = idk_store_load_action (fixture->store, g_array_index (rows, gint64, i), &error);

      g_assert_no_error (error);
      if (references->len > 0)
        g_string_append_c (references, ',');
      g_string_append (references, idk_action_get_reference (a));
    }

  return g_string_free (g_steal_pointer (&references), FALSE);
}

static guint
count (IdkTestFixture       *fixture,
       const IdkActionQuery *query)
{
  g_autofree char *found = find (fixture, query);

  return *found ? g_strv_length (idk_test_keep_strv (g_strsplit (found, ",", -1))) : 0;
}

static void
update (IdkTestFixture *fixture,
        const char     *reference,
        const char     *status)
{
  g_autoptr(GError) error = NULL;
  const char *actions[] = { action (fixture, reference), NULL };

  g_assert_true (idk_store_add_action_update (fixture->store, actions, status, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_filters (IdkTestFixture *fixture,
              gconstpointer   data)
{
  IdkActionQuery by_owner = { .owner = uuid_of (fixture, "SELECT uuid FROM organizations WHERE acronym = 'PPCU'") };
  IdkActionQuery by_group = { .owner = uuid_of (fixture, "SELECT uuid FROM working_groups WHERE acronym = 'STWG'") };
  IdkActionQuery by_session = { .session = uuid_of (fixture, "SELECT uuid FROM meetings WHERE number = 27") };
  IdkActionQuery in_progress = { .status = "in-progress" };
  IdkActionQuery combined = { .search = "policy", .session = by_session.session };
  g_autofree char *ppcu = find (fixture, &by_owner);
  g_autofree char *stwg = find (fixture, &by_group);

  g_assert_cmpstr (ppcu, ==, "21/62,27/62b,27/81d");
  g_assert_cmpstr (stwg, ==, "21/84");
  g_assert_cmpuint (count (fixture, &by_session), ==, 47);
  g_assert_cmpuint (count (fixture, &in_progress), ==, 0);

  update (fixture, "21/84", "in-progress");
  g_assert_cmpuint (count (fixture, &in_progress), ==, 1);

  /* Filters and search narrow together. */
  g_assert_cmpuint (count (fixture, &combined), >, 0);
  g_assert_cmpuint (count (fixture, &combined), <, 47);
}

/* Overdue: open or in progress past the due date or meeting, never a
 * noting; as of 24 November 2026 that is every dated open action. */
static void
test_overdue (IdkTestFixture *fixture,
              gconstpointer   data)
{
  IdkActionQuery overdue = { .overdue_only = TRUE };
  g_autofree char *before = find (fixture, &overdue);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkAction) a = NULL;

  g_assert_cmpstr (before, ==, "21/37,21/41,21/47,21/61,21/67,21/70,21/75,21/79,"
                               "27/26,27/40,27/47a,27/55b,27/62b,27/98");

  update (fixture, "21/61", "completed");
  after = find (fixture, &overdue);
  g_assert_null (strstr (after, "21/61"));

  /* On the day before the due date of 21/61 it was not overdue yet. */
  idk_store_set_today (fixture->store, "2015-03-31");
  update (fixture, "21/61", "open");
  a = idk_store_load_action (fixture->store,
                             idk_test_query_int (fixture->db_path, "SELECT rowid FROM actions WHERE reference = '21/61'"),
                             &error);
  g_assert_no_error (error);
  g_assert_false (idk_action_get_overdue (a));
  g_clear_object (&a);

  idk_store_set_today (fixture->store, "2015-04-02");
  a = idk_store_load_action (fixture->store,
                             idk_test_query_int (fixture->db_path, "SELECT rowid FROM actions WHERE reference = '21/61'"),
                             &error);
  g_assert_true (idk_action_get_overdue (a));

  /* Due "end of February 2015" (month precision): due to the last day. */
  idk_store_set_today (fixture->store, "2015-02-28");
  g_assert_null (strstr (idk_test_keep (find (fixture, &overdue)), "21/47"));
  idk_store_set_today (fixture->store, "2015-03-01");
  g_assert_nonnull (strstr (idk_test_keep (find (fixture, &overdue)), "21/47"));
}

static void
test_mine (IdkTestFixture *fixture,
           gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  IdkActionQuery mine = { .mine_only = TRUE };
  g_autofree char *office_org = NULL;

  /* No organization set: nothing is "mine". */
  g_assert_cmpuint (count (fixture, &mine), ==, 0);

  g_assert_true (idk_store_set_office (fixture->store, "UNDSS New York",
                                       uuid_of (fixture, "SELECT uuid FROM organizations WHERE acronym = 'UNDSS'"),
                                       &error));
  office_org = idk_store_get_office_organization (fixture->store);
  g_assert_nonnull (office_org);

  /* UNDSS's own and those of its units (PPCU, DRO, FSS). */
  g_assert_cmpstr (idk_test_keep (find (fixture, &mine)), ==,
                   "21/61,21/62,21/70,27/18,27/26,27/33b,27/50,27/62b,27/75a,27/75b,27/81d,27/90b");

  g_assert_false (idk_store_set_office (fixture->store, "  ", NULL, &error));
  g_assert_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID);
}

static void
test_sort (IdkTestFixture *fixture,
           gconstpointer   data)
{
  IdkActionQuery natural = { NULL };
  IdkActionQuery reversed = { .sort_key = "reference", .descending = TRUE };
  IdkActionQuery by_due = { .sort_key = "due" };
  IdkActionQuery by_due_desc = { .sort_key = "due", .descending = TRUE };
  IdkActionQuery by_owner = { .sort_key = "owner" };
  IdkActionQuery by_status = { .sort_key = "status", .descending = TRUE };
  g_auto(GStrv) forward = g_strsplit (idk_test_keep (find (fixture, &natural)), ",", -1);
  g_auto(GStrv) backward = g_strsplit (idk_test_keep (find (fixture, &reversed)), ",", -1);
  g_auto(GStrv) due = g_strsplit (idk_test_keep (find (fixture, &by_due)), ",", -1);
  g_auto(GStrv) due_desc = g_strsplit (idk_test_keep (find (fixture, &by_due_desc)), ",", -1);
  g_auto(GStrv) owner = NULL;
  g_auto(GStrv) status = NULL;
  guint n = g_strv_length (forward);

  g_assert_cmpuint (n, ==, 79);
  g_assert_cmpstr (forward[0], ==, "21/13");
  g_assert_cmpstr (forward[78], ==, "27/98");
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (forward[i], ==, backward[n - 1 - i]);

  /* Earliest due first (21/47, end of February 2015); undated ones last,
   * in both directions. */
  g_assert_cmpstr (due[0], ==, "21/47");
  g_assert_cmpstr (due[1], ==, "21/61");
  g_assert_cmpstr (due_desc[0], ==, "27/98");
  g_assert_cmpstr (due_desc[13], ==, "21/47");
  g_assert_cmpstr (due_desc[14], ==, "27/92g");

  owner = g_strsplit (idk_test_keep (find (fixture, &by_owner)), ",", -1);
  g_assert_cmpstr (owner[0], ==, "27/33a");   /* ATWG */

  update (fixture, "27/98", "cancelled");
  status = g_strsplit (idk_test_keep (find (fixture, &by_status)), ",", -1);
  g_assert_cmpstr (status[0], ==, "27/98");
}

static void
test_update_history (IdkTestFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  const char *uuid = action (fixture, "21/84");
  const char *actions[] = { uuid, NULL };
  g_autoptr(GListModel) history = NULL;
  g_autoptr(IdkEntry) latest = NULL;

  g_assert_true (idk_store_add_action_update (fixture->store, actions, "in-progress",
                                              "Stock-taking started", "Ana", &error));
  g_assert_true (idk_store_add_action_update (fixture->store, actions, "completed",
                                              "Report sent to the IASMN", "Ana", &error));
  g_assert_no_error (error);

  g_assert_cmpstr (idk_test_keep (idk_test_query_text (fixture->db_path,
                                                       "SELECT status FROM actions WHERE reference = '21/84'")),
                   ==, "completed");

  history = idk_store_list_action_updates (fixture->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  latest = g_list_model_get_item (history, 0);
  g_assert_cmpstr (idk_entry_get_title (latest), ==, "Report sent to the IASMN");
  g_assert_cmpstr (idk_entry_get_kind (latest), ==, "completed");
  g_assert_nonnull (strstr (idk_entry_get_subtitle (latest), "Ana"));
  g_assert_nonnull (strstr (idk_entry_get_subtitle (latest), "this office"));
  g_assert_nonnull (strstr (idk_entry_get_subtitle (latest), "UTC"));

  /* Each update is a revision of its own, kept in full. */
  g_assert_cmpint (idk_test_query_int (fixture->db_path,
                                       "SELECT count(*) FROM revisions WHERE record_type = 'action_update'"), ==, 2);
}

static void
test_bulk_all_or_nothing (IdkTestFixture *fixture,
                          gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  const char *two[] = { action (fixture, "27/75f"), action (fixture, "27/75g"), NULL };
  const char *with_bad[] = { action (fixture, "27/75a"), "4a9c1a2e-0000-4000-8000-000000000000", NULL };
  gint64 revisions_before;

  g_assert_true (idk_store_add_action_update (fixture->store, two, "completed", "Done", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (idk_test_query_int (fixture->db_path,
                                       "SELECT count(*) FROM actions WHERE status = 'completed'"), ==, 2);

  revisions_before = idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions");
  g_assert_false (idk_store_add_action_update (fixture->store, with_bad, "completed", NULL, NULL, &error));
  g_assert_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (idk_test_query_int (fixture->db_path,
                                       "SELECT count(*) FROM actions WHERE status = 'completed'"), ==, 2);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions"), ==, revisions_before);
}

static void
test_delete_and_restore (IdkTestFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  const char *uuid = action (fixture, "27/4");
  IdkActionQuery search = { .search = "HeForShe" };

  g_assert_cmpuint (count (fixture, &search), ==, 1);
  g_assert_true (idk_store_delete (fixture->store, uuid, &error));
  g_assert_cmpuint (count (fixture, &search), ==, 0);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions"), ==, 78);

  g_assert_true (idk_store_restore (fixture->store, uuid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, &search), ==, 1);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions"), ==, 79);
  g_assert_cmpint (idk_test_query_int (fixture->db_path,
                                       "SELECT count(*) FROM revisions WHERE record_uuid = "
                                       "(SELECT uuid FROM actions WHERE reference = '27/4')"), ==, 3);

  /* Only a deleted record can be restored. */
  g_assert_false (idk_store_restore (fixture->store, uuid, &error));
  g_assert_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND);
}

static void
test_filter_choices (IdkTestFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) owners = idk_store_list_action_owners (fixture->store, &error);
  g_autoptr(GListModel) sessions = idk_store_list_sessions (fixture->store, &error);
  g_autoptr(IdkEntry) first = NULL;
  gboolean has_ppcu = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (owners); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (owners, i);

      has_ppcu |= g_strcmp0 (idk_entry_get_title (entry), "PPCU") == 0;
      g_assert_nonnull (idk_entry_get_target_uuid (entry));
    }
  g_assert_true (has_ppcu);

  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);
  first = g_list_model_get_item (sessions, 0);
  g_assert_cmpstr (idk_entry_get_title (first), ==, "21st IASMN session");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ACTIONS_TEST(path, func) \
  g_test_add (path, IdkTestFixture, NULL, set_up, func, idk_test_fixture_tear_down)

  ACTIONS_TEST ("/actions/filters", test_filters);
  ACTIONS_TEST ("/actions/overdue", test_overdue);
  ACTIONS_TEST ("/actions/mine", test_mine);
  ACTIONS_TEST ("/actions/sort", test_sort);
  ACTIONS_TEST ("/actions/update-history", test_update_history);
  ACTIONS_TEST ("/actions/bulk-all-or-nothing", test_bulk_all_or_nothing);
  ACTIONS_TEST ("/actions/delete-and-restore", test_delete_and_restore);
  ACTIONS_TEST ("/actions/filter-choices", test_filter_choices);

  return g_test_run ();
}
