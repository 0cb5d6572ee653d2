/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"

/* Posts and appointments: vacancies, appointing, ending; and the holders
 * the Accountability view lists. */

static void
set_up (IdkTestFixture *fixture,
        gconstpointer   data)
{
  idk_test_fixture_set_up_defaults (fixture, data);
  idk_store_set_today (fixture->store, "2026-11-24");
}

static const char *
actor (IdkTestFixture *fixture,
       const char     *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM actors WHERE code = '%s'", code);

  return idk_test_keep (idk_test_query_text (fixture->db_path, sql));
}

static guint
count_kind (IdkStore   *store,
            const char *actor_uuid,
            const char *kind)
{
  g_autoptr(GListModel) holders = idk_store_list_actor_holders (store, actor_uuid, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (holders); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (holders, i);

      n += g_strcmp0 (idk_entry_get_kind (entry), kind) == 0;
    }
  return n;
}

static void
test_seed_holders (IdkTestFixture *fixture,
                   gconstpointer   data)
{
  /* The texts attest holders but no current ones: no vacancy is claimed. */
  g_assert_cmpuint (idk_store_count_vacancies (fixture->store, NULL), ==, 0);
  g_assert_cmpuint (count_kind (fixture->store, actor (fixture, "USG"), "attested"), ==, 2);
  g_assert_cmpuint (count_kind (fixture->store, actor (fixture, "DSS"), "attested"), ==, 8);
  g_assert_cmpuint (count_kind (fixture->store, actor (fixture, "DSS"), "holder"), ==, 0);
}

static void
test_vacancy_filled_and_ended (IdkTestFixture *fixture,
                               gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  const char *csfp = actor (fixture, "CSFP");
  g_autofree char *post = idk_store_create_post (fixture->store, csfp, "Haiti", "country",
                                                 "Country Security Focal Point, Haiti", NULL, &error);
  g_autofree char *again = NULL;
  g_autofree char *appointment = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (idk_store_count_vacancies (fixture->store, csfp), ==, 1);
  g_assert_cmpuint (count_kind (fixture->store, csfp, "vacancy"), ==, 1);

  /* The same actor at the same place is the same post. */
  again = idk_store_create_post (fixture->store, csfp, "haiti", "country", NULL, NULL, &error);
  g_assert_cmpstr (again, ==, post);

  appointment = idk_store_appoint (fixture->store, post, "Marie-Claire Joseph", "2026-11-01", NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (idk_store_count_vacancies (fixture->store, csfp), ==, 0);
  g_assert_cmpuint (count_kind (fixture->store, csfp, "holder"), ==, 1);

  /* Ended today, held today; vacant from tomorrow. */
  g_assert_true (idk_store_end_appointment (fixture->store, appointment, "2026-11-24", &error));
  g_assert_cmpuint (idk_store_count_vacancies (fixture->store, csfp), ==, 0);
  idk_store_set_today (fixture->store, "2026-11-25");
  g_assert_cmpuint (idk_store_count_vacancies (fixture->store, csfp), ==, 1);
  g_assert_cmpuint (count_kind (fixture->store, csfp, "past"), ==, 1);
}

static void
test_appoint_checks (IdkTestFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *post = idk_store_create_post (fixture->store, actor (fixture, "DO"), "Mali", NULL,
                                                 NULL, NULL, &error);
  gint64 revisions = idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions");
  struct { const char *person, *from, *to, *field; } bad[] = {
    { "  ", NULL, NULL, "person" },
    { "A. Person", "tomorrow", NULL, "from_date" },
    { "A. Person", "2027-01-15", "2026-01-01", "to_date" },
  };
  g_autofree char *nowhere = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *uuid = idk_store_appoint (fixture->store, post, bad[i].person, bad[i].from, bad[i].to,
                                                 FALSE, &error);

      g_assert_null (uuid);
      g_assert_true (error->domain == IDK_RECORD_ERROR);
      g_assert_cmpstr (idk_record_error_get_field (error), ==, bad[i].field);
      g_clear_error (&error);
    }
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions"), ==, revisions);

  nowhere = idk_store_create_post (fixture->store, actor (fixture, "DO"), " ", NULL, NULL, NULL, &error);
  g_assert_null (nowhere);
  g_assert_cmpstr (idk_record_error_get_field (error), ==, "place");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define POSTS_TEST(path, func) \
  g_test_add (path, IdkTestFixture, NULL, set_up, func, idk_test_fixture_tear_down)

  POSTS_TEST ("/posts/seed-holders", test_seed_holders);
  POSTS_TEST ("/posts/vacancy-filled-and-ended", test_vacancy_filled_and_ended);
  POSTS_TEST ("/posts/appoint-checks", test_appoint_checks);

  return g_test_run ();
}
