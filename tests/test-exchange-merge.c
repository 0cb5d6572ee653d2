/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-record-type-private.h"
#include "idk-exchange-network.h"

/* Offices that change the same records: conflicts and their resolution,
 * an edit against a deletion, and the convergence of three offices that
 * edit at random and exchange in random orders. */

static void
test_conflict_and_resolution (Network       *net,
                              gconstpointer  data)
{
  Office *a = &net->offices[0], *b = &net->offices[1];
  g_autofree char *org = create_organization (a, "GEOC", "Global Emergency Operations Centre");
  g_autofree char *base = export_bundle (net, a, NULL, NULL);
  g_autoptr(IdkImport) i0 = import_bundle (b, base);
  g_autofree char *from_a = NULL, *from_b = NULL, *settled = NULL;
  g_autoptr(IdkImport) i1 = NULL, i2 = NULL, i3 = NULL;
  g_autoptr(GListModel) conflicts_a = NULL, conflicts_b = NULL;
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sum_a = NULL, *sum_b = NULL;
  g_autofree char *winner_a = NULL, *winner_b = NULL;
  IdkRevision *from_secretariat = NULL;

  /* Both offices rename the same organization before hearing of the other. */
  rename_record (a, org, "name", "Centre renamed by the Secretariat");
  rename_record (b, org, "name", "Centre renamed in Geneva");

  from_a = export_bundle (net, a, b, NULL);
  from_b = export_bundle (net, b, a, NULL);

  i1 = idk_import_new (b->store, from_a);
  g_assert_true (idk_import_prepare (i1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (idk_import_get_count (i1, "organization", IDK_IMPORT_CONFLICTING), ==, 1);
  g_assert_true (idk_import_apply (i1, NULL, NULL, NULL, &error));
  i2 = import_bundle (a, from_b);

  /* The same winner on both sides, the loser listed on both. */
  winner_a = idk_test_query_text (a->path, "SELECT name FROM organizations WHERE acronym = 'GEOC'");
  winner_b = idk_test_query_text (b->path, "SELECT name FROM organizations WHERE acronym = 'GEOC'");
  g_assert_cmpstr (winner_a, ==, winner_b);
  conflicts_a = idk_store_list_conflicts (a->store, &error);
  conflicts_b = idk_store_list_conflicts (b->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts_a), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts_b), ==, 1);
  sum_a = idk_test_dump_checksum (a->store);
  sum_b = idk_test_dump_checksum (b->store);
  g_assert_cmpstr (sum_a, ==, sum_b);

  /* Geneva keeps the Secretariat's version; the resolution travels. */
  leaves = idk_store_get_leaves (b->store, org, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (leaves->len, ==, 2);
  for (guint i = 0; i < leaves->len; i++)
    if (g_str_equal (((IdkRevision *) leaves->pdata[i])->office, idk_store_get_office_uuid (a->store)))
      from_secretariat = leaves->pdata[i];
  g_assert_nonnull (from_secretariat);
  g_assert_true (idk_store_resolve_conflict (b->store, org, from_secretariat->fields, FALSE, &error));
  g_assert_no_error (error);

  settled = export_bundle (net, b, a, NULL);
  i3 = import_bundle (a, settled);
  g_clear_object (&conflicts_a);
  conflicts_a = idk_store_list_conflicts (a->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts_a), ==, 0);
  g_free (winner_a);
  winner_a = idk_test_query_text (a->path, "SELECT name FROM organizations WHERE acronym = 'GEOC'");
  g_assert_cmpstr (winner_a, ==, "Centre renamed by the Secretariat");

  g_free (sum_a);
  g_free (sum_b);
  sum_a = idk_test_dump_checksum (a->store);
  sum_b = idk_test_dump_checksum (b->store);
  g_assert_cmpstr (sum_a, ==, sum_b);
}

static void
test_edit_beats_delete (Network       *net,
                        gconstpointer  data)
{
  Office *a = &net->offices[0], *b = &net->offices[1];
  g_autofree char *org = create_organization (a, "GEOC", "Global Emergency Operations Centre");
  g_autofree char *base = export_bundle (net, a, NULL, NULL);
  g_autoptr(IdkImport) i0 = import_bundle (b, base);
  g_autofree char *from_a = NULL, *from_b = NULL;
  g_autoptr(IdkImport) i1 = NULL, i2 = NULL;
  g_autoptr(GListModel) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (idk_store_delete (a->store, org, &error));
  rename_record (b, org, "name", "Still here");
  from_a = export_bundle (net, a, b, NULL);
  from_b = export_bundle (net, b, a, NULL);
  i1 = import_bundle (b, from_a);
  i2 = import_bundle (a, from_b);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = idk_test_query_text (net->offices[i].path,
                                                   "SELECT name FROM organizations WHERE acronym = 'GEOC'");

      g_assert_cmpstr (name, ==, "Still here");
    }
  conflicts = idk_store_list_conflicts (a->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
}

/* --- convergence ----------------------------------------------------- */

static char *
pick_record (Office     *office,
             GRand      *rand,
             const char *type,
             gboolean    live)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM records WHERE type = '%s' AND deleted = %d "
                                          "ORDER BY uuid LIMIT 1 OFFSET abs (%d) %% max (1, "
                                          "(SELECT count(*) FROM records WHERE type = '%s' AND deleted = %d))",
                                          type, !live, g_rand_int (rand) >> 1, type, !live);

  return idk_test_query_text (office->path, sql);
}

static void
random_edit (Office *office,
             GRand  *rand,
             guint   round)
{
  static const char * const statuses[] = { "open", "in-progress", "completed", "superseded", "cancelled" };
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *label = g_strdup_printf ("R%u-%u", round, g_rand_int_range (rand, 0, 1000000));

  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:
      {
        g_autofree char *uuid = create_organization (office, label, label);
        break;
      }
    case 1:
      {
        g_autofree char *uuid = pick_record (office, rand, "organization", TRUE);

        if (uuid != NULL)
          try_rename (office, uuid, "name", label);
        break;
      }
    case 2:
      {
        g_autofree char *uuid = pick_record (office, rand, "action", TRUE);

        if (uuid != NULL)
          try_rename (office, uuid, "status", statuses[g_rand_int_range (rand, 0, 5)]);
        break;
      }
    case 3:
      {
        g_autofree char *meeting = pick_record (office, rand, "meeting", TRUE);
        g_autofree char *owner = pick_record (office, rand, "organization", TRUE);
        g_autoptr(JsonObject) fields = json_object_new ();
        g_autoptr(JsonArray) owners = json_array_new ();

        if (meeting == NULL || owner == NULL)
          break;
        json_array_add_string_element (owners, owner);
        json_object_set_string_member (fields, "meeting", meeting);
        json_object_set_string_member (fields, "reference", label);
        json_object_set_string_member (fields, "text", label);
        json_object_set_string_member (fields, "kind", "decision");
        json_object_set_string_member (fields, "status", "open");
        json_object_set_array_member (fields, "owners", g_steal_pointer (&owners));
        saved = idk_store_save (office->store, "action", NULL, fields, &error);
        g_assert_no_error (error);
        break;
      }
    case 4:
    case 5:
      {
        const char *type = g_rand_boolean (rand) ? "organization" : "action";
        g_autofree char *uuid = pick_record (office, rand, type, TRUE);

        if (uuid != NULL)
          {
            g_assert_true (idk_store_delete (office->store, uuid, &error));
            g_assert_no_error (error);
          }
        break;
      }
    default:
      {
        g_autofree char *uuid = pick_record (office, rand, "organization", FALSE);

        /* A restore the rules refuse (its parent gone) is simply not made. */
        if (uuid != NULL && !idk_store_restore (office->store, uuid, &error))
          g_assert_error (error, IDK_RECORD_ERROR, IDK_RECORD_ERROR_REFERENCE);
        break;
      }
    }
}

static void
assert_losers_listed (Office *office)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) conflicts = idk_store_list_conflicts (office->store, &error);
  gint64 losers = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(IdkEntry) conflict = g_list_model_get_item (conflicts, i);
      g_autoptr(GPtrArray) leaves = idk_store_get_leaves (office->store, idk_entry_get_target_uuid (conflict),
                                                          &error);

      g_assert_no_error (error);
      g_assert_cmpuint (leaves->len, >, 1);
      losers += leaves->len - 1;
    }

  /* Every leaf that is not its record's winner, where a version is live. */
  g_assert_cmpint (losers, ==,
                   idk_test_query_int (office->path,
                                       "SELECT count(*) FROM revisions v JOIN records r ON r.uuid = v.record_uuid "
                                       "WHERE v.is_leaf = 1 AND v.rev_id <> r.winner_rev AND r.deleted = 0"));
}

static void
test_convergence (Network       *net,
                  gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  g_autoptr(GPtrArray) bundles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *reference = NULL;
  guint rounds = 60;

  for (guint round = 0; round < rounds; round++)
    {
      guint edits = g_rand_int_range (rand, 1, 4);

      for (guint e = 0; e < edits; e++)
        random_edit (&net->offices[g_rand_int_range (rand, 0, 3)], rand, round);

      /* A random exchange, full or incremental; now and then an old
       * bundle arrives again. */
      if (g_rand_int_range (rand, 0, 3) > 0)
        {
          guint from = g_rand_int_range (rand, 0, 3);
          guint to = (from + g_rand_int_range (rand, 1, 3)) % 3;
          gboolean full = g_rand_int_range (rand, 0, 4) == 0;
          char *path = export_bundle (net, &net->offices[from], full ? NULL : &net->offices[to], NULL);
          g_autoptr(IdkImport) import = NULL;

          g_ptr_array_add (bundles, path);
          import = import_bundle (&net->offices[to], path);
        }
      if (bundles->len > 0 && g_rand_int_range (rand, 0, 4) == 0)
        {
          const char *old = bundles->pdata[g_rand_int_range (rand, 0, bundles->len)];
          g_autoptr(IdkImport) import = import_bundle (&net->offices[g_rand_int_range (rand, 0, 3)], old);
        }
    }

  /* The offices have drifted apart, or the test proves nothing. */
  {
    g_autofree char *sum_0 = idk_test_dump_checksum (net->offices[0].store);
    g_autofree char *sum_1 = idk_test_dump_checksum (net->offices[1].store);
    g_autofree char *sum_2 = idk_test_dump_checksum (net->offices[2].store);

    g_assert_true (!g_str_equal (sum_0, sum_1) || !g_str_equal (sum_1, sum_2));
  }

  /* Everyone tells everyone, in incremental bundles, twice round. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint from = 0; from < 3; from++)
      for (guint to = 0; to < 3; to++)
        if (from != to)
          {
            char *path = export_bundle (net, &net->offices[from], &net->offices[to], NULL);
            g_autoptr(IdkImport) import = import_bundle (&net->offices[to], path);

            g_ptr_array_add (bundles, path);
          }

  reference = idk_test_dump_checksum (net->offices[0].store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *sum = idk_test_dump_checksum (net->offices[i].store);

      g_assert_cmpstr (sum, ==, reference);
      assert_losers_listed (&net->offices[i]);
    }
  g_test_message ("%u bundles, %" G_GINT64_FORMAT " revisions, %" G_GINT64_FORMAT " records in conflict",
                  bundles->len,
                  idk_test_query_int (net->offices[0].path, "SELECT count(*) FROM revisions"),
                  idk_test_query_int (net->offices[0].path,
                                      "SELECT count(*) FROM records WHERE leaves > 1 AND deleted = 0"));
  g_assert_cmpint (idk_test_query_int (net->offices[0].path, "SELECT count(*) FROM revisions"), >, 800);

  /* Any bundle again, anywhere: nothing changes. */
  for (guint b = 0; b < bundles->len; b++)
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(IdkImport) import = import_bundle (&net->offices[i], bundles->pdata[b]);

        g_assert_cmpuint (idk_import_get_n_new_revisions (import), ==, 0);
      }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *sum = idk_test_dump_checksum (net->offices[i].store);

      g_assert_cmpstr (sum, ==, reference);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  NETWORK_ADD ("/exchange/conflict-and-resolution", test_conflict_and_resolution, NULL);
  NETWORK_ADD ("/exchange/edit-beats-delete", test_edit_beats_delete, NULL);
  NETWORK_ADD ("/exchange/convergence/seed-1", test_convergence, GUINT_TO_POINTER (1));
  NETWORK_ADD ("/exchange/convergence/seed-2", test_convergence, GUINT_TO_POINTER (20261124));

  return g_test_run ();
}
