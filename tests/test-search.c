/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"

/* Search-as-you-type over the actions (FTS5) and the searches of the other
 * lists, on the default data. */

static guint
count_actions (IdkStore   *store,
               const char *search)
{
  g_autoptr(IdkActionList) list = idk_action_list_new (store);

  idk_action_list_set_search (list, search);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_heforshe (IdkTestFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(IdkActionList) list = idk_action_list_new (fixture->store);
  g_autoptr(IdkAction) action = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 79);
  idk_action_list_set_search (list, "HeForShe");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  action = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (idk_action_get_reference (action), ==, "27/4");
  g_assert_cmpstr (idk_action_get_session (action), ==, "27th IASMN session");
  g_assert_nonnull (strstr (idk_action_get_text (action), "HeForShe"));
}

/* Results follow the typing: every prefix of a word finds its actions. */
static void
test_prefix_as_you_type (IdkTestFixture *fixture,
                         gconstpointer   data)
{
  guint full = count_actions (fixture->store, "SSAFE");

  /* The seven decisions under "Update on STWG, training strategy, incl.
   * SSAFE for Senior Executives" (27th session, paragraph 75). */
  g_assert_cmpuint (full, ==, 7);
  g_assert_cmpuint (count_actions (fixture->store, "SSA"), >=, full);
  g_assert_cmpuint (count_actions (fixture->store, "ssafe"), ==, full);
  g_assert_cmpuint (count_actions (fixture->store, "SSAFE training"), <=, full);
  g_assert_cmpuint (count_actions (fixture->store, "xyzzy"), ==, 0);
  g_assert_cmpuint (count_actions (fixture->store, "   "), ==, 79);
}

static void
test_owner_and_topic (IdkTestFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(IdkActionList) list = idk_action_list_new (fixture->store);
  gboolean found = FALSE;

  /* 21/37 names the JRWG only as its owner, not in its text. */
  idk_action_list_set_search (list, "JRWG");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(IdkAction) action = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_str_equal (idk_action_get_reference (action), "21/37"))
        {
          found = TRUE;
          g_assert_cmpstr (idk_action_get_owners (action), ==, "JRWG");
        }
    }
  g_assert_true (found);

  g_assert_cmpuint (count_actions (fixture->store, "Road Safety Strategy"), >=, 3);
}

static void
test_syntax_is_text (IdkTestFixture *fixture,
                     gconstpointer   data)
{
  const char *inputs[] = { "\"", "AND", "OR NOT", "(", "*", "a\"b", "NEAR(x y)", "text:foo", "-", "'; DROP TABLE actions; --" };

  /* FTS5 operators typed by a user are searched as words, never parsed. */
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      IdkActionQuery query = { .search = inputs[i] };
      g_autoptr(GArray) rows = idk_store_find_actions (fixture->store, &query, &error);

      g_assert_no_error (error);
      g_assert_nonnull (rows);
    }
  g_assert_cmpuint (count_actions (fixture->store, NULL), ==, 79);
}

static void
test_query_building (void)
{
  g_autofree char *a = idk_store_fts_query ("air  travel");
  g_autofree char *b = idk_store_fts_query ("say \"hi\"");
  g_autofree char *c = idk_store_fts_query (" \t ");

  g_assert_cmpstr (a, ==, "\"air\"* \"travel\"*");
  g_assert_cmpstr (b, ==, "\"say\"* \"\"\"hi\"\"\"*");
  g_assert_null (c);
}

static void
test_follows_edits (IdkTestFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = idk_test_query_text (fixture->db_path, "SELECT uuid FROM actions WHERE reference = '27/4'");
  g_autoptr(JsonObject) fields = idk_store_get_fields (fixture->store, uuid, NULL, &error);
  g_autoptr(IdkActionList) list = idk_action_list_new (fixture->store);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  idk_action_list_set_search (list, "zebracrossing");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  json_object_set_string_member (fields, "text", "Requested a zebracrossing study.");
  saved = idk_store_save (fixture->store, "action", uuid, fields, &error);
  g_assert_no_error (error);

  /* The list listens to the store and runs its query again. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (count_actions (fixture->store, "HeForShe"), ==, 0);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions_fts"), ==, 79);
}

/* An owner renamed or deleted is searched for under its label as it is
 * now: the actions it owns are indexed again with it. */
static void
test_follows_owner_renames (IdkTestFixture *fixture,
                            gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = idk_test_query_text (fixture->db_path, "SELECT uuid FROM working_groups WHERE acronym = 'JRWG'");
  g_autoptr(JsonObject) fields = idk_store_get_fields (fixture->store, uuid, NULL, &error);
  g_autofree char *saved = NULL;
  g_autoptr(IdkChange) change = NULL;
  guint owned;

  g_assert_no_error (error);
  owned = count_actions (fixture->store, "JRWG");
  g_assert_cmpuint (owned, >, 0);
  g_assert_cmpuint (count_actions (fixture->store, "ZRWG"), ==, 0);

  json_object_set_string_member (fields, "acronym", "ZRWG");
  saved = idk_store_save (fixture->store, "working_group", uuid, fields, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_actions (fixture->store, "ZRWG"), >=, 1);
  g_assert_cmpuint (count_actions (fixture->store, "JRWG"), <, owned);

  /* And undone, as it was. */
  change = idk_store_take_last_change (fixture->store);
  g_assert_nonnull (change);
  g_assert_true (idk_store_undo (fixture->store, change, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_actions (fixture->store, "ZRWG"), ==, 0);
  g_assert_cmpuint (count_actions (fixture->store, "JRWG"), ==, owned);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions_fts"), ==, 79);
}

static void
test_other_lists (IdkTestFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  IdkMeetingQuery query = { .search = "Montreux" };
  g_autoptr(GListModel) montreux = idk_store_find_meetings (fixture->store, &query, &error);
  g_autoptr(GListModel) unhcr = idk_store_list_organizations (fixture->store, "UNHCR", &error);
  g_autoptr(GListModel) by_person = idk_store_list_actors (fixture->store, "Harrington", &error);
  g_autoptr(GListModel) by_place = idk_store_list_actors (fixture->store, "Philippines", &error);
  g_autoptr(GListModel) by_role = idk_store_list_actors (fixture->store, "Designated", &error);
  g_autoptr(GListModel) wildcard = idk_store_list_organizations (fixture->store, "%", &error);
  g_autoptr(IdkActor) actor = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (montreux), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (unhcr), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (by_person), ==, 1);
  actor = g_list_model_get_item (by_person, 0);
  g_assert_cmpstr (idk_actor_get_code (actor), ==, "CSA");
  g_assert_cmpuint (g_list_model_get_n_items (by_place), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (by_role), ==, 1);
  /* LIKE wildcards typed by the user are plain characters. */
  g_assert_cmpuint (g_list_model_get_n_items (wildcard), ==, 0);
}

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gboolean   *done)
{
  *done = TRUE;
}

/* In a worker thread, on a reader connection of its own: the list changes
 * when the result is in, and only the latest query's result is kept. */
static void
test_async (IdkTestFixture *fixture,
            gconstpointer   data)
{
  g_autoptr(IdkActionList) list = idk_action_list_new (fixture->store);
  gboolean done = FALSE;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  idk_action_list_set_async (list, TRUE);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &done);

  idk_action_list_set_search (list, "Montreux");
  idk_action_list_set_search (list, "HeForShe");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 79);

  while (g_list_model_get_n_items (G_LIST_MODEL (list)) != 1 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (done);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  IDK_TEST_ADD_DEFAULTS ("/search/heforshe", test_heforshe);
  IDK_TEST_ADD_DEFAULTS ("/search/prefix-as-you-type", test_prefix_as_you_type);
  IDK_TEST_ADD_DEFAULTS ("/search/owner-and-topic", test_owner_and_topic);
  IDK_TEST_ADD_DEFAULTS ("/search/syntax-is-text", test_syntax_is_text);
  g_test_add_func ("/search/query-building", test_query_building);
  IDK_TEST_ADD_DEFAULTS ("/search/follows-edits", test_follows_edits);
  IDK_TEST_ADD_DEFAULTS ("/search/follows-owner-renames", test_follows_owner_renames);
  IDK_TEST_ADD_DEFAULTS ("/search/other-lists", test_other_lists);
  IDK_TEST_ADD_DEFAULTS ("/search/async", test_async);

  return g_test_run ();
}
