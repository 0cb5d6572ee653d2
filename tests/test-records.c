/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"

/* The one description of each record type, and what is built on it: the
 * checks of saves and imports, the defaults of new records, undo. */

static JsonNode *
string_node (const char *text)
{
  return json_node_init_string (json_node_alloc (), text);
}

/* Every field of every type is described: a label, a kind; texts have a
 * limit, enumerations values with labels of their own. */
static void
test_descriptions (void)
{
  const char *types[] = {
    "organization", "body", "body_member", "rule", "actor", "relationship", "place", "person", "post",
    "appointment", "meeting", "agenda_item", "document", "participant", "working_group", "wg_member",
    "action", "action_update",
  };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      const char * const *names = idk_record_type_field_names (types[t]);

      g_assert_true (idk_record_type_exists (types[t]));
      g_assert_cmpstr (idk_record_type_label (types[t]), !=, types[t]);
      g_assert_nonnull (names);
      g_assert_nonnull (names[0]);

      for (guint f = 0; names[f] != NULL; f++)
        {
          const char *kind = idk_record_field_kind (types[t], names[f]);
          const char *label = idk_record_field_label (types[t], names[f]);

          g_assert_nonnull (kind);
          g_assert_true (label != NULL && *label != '\0');

          if (g_str_equal (kind, "text") || g_str_equal (kind, "strings"))
            g_assert_cmpuint (idk_record_field_max_length (types[t], names[f]), >=, 40);
          if (g_str_equal (kind, "ref") || g_str_equal (kind, "refs"))
            for (const char * const *ref = idk_record_field_ref_types (types[t], names[f]); *ref; ref++)
              g_assert_true (idk_record_type_exists (*ref));
          if (g_str_equal (kind, "enum"))
            {
              const char * const *values = idk_record_field_values (types[t], names[f]);

              g_assert_nonnull (values);
              g_assert_nonnull (values[0]);
              for (guint v = 0; values[v] != NULL; v++)
                {
                  g_autoptr(JsonNode) node = string_node (values[v]);

                  g_assert_cmpstr (idk_record_value_label (types[t], names[f], values[v]), !=, values[v]);
                  g_assert_true (idk_record_check_field (types[t], names[f], node, NULL));
                }
            }
        }
    }

  /* Labels and values of the fields most shown. */
  g_assert_cmpstr (idk_record_value_label ("action", "status", "in-progress"), ==, "In progress");
  g_assert_cmpstr (idk_record_value_label ("meeting", "type", "full-session"), ==, "Full session");
  g_assert_cmpstr (idk_record_value_label ("action", "status", "from-the-future"), ==, "from-the-future");
  g_assert_cmpuint (idk_record_field_max_length ("meeting", "title"), ==, 200);
  g_assert_cmpuint (idk_record_field_max_length ("action", "text"), ==, 20000);
  g_assert_true (idk_record_field_is_multiline ("action", "text"));
  g_assert_true (idk_record_field_is_required ("action", "meeting"));
  g_assert_false (idk_record_field_exists ("action", "colour"));
}

/* Each limit, at it and past it, and each enumeration, named by its field. */
static void
test_field_checks (void)
{
  const char *types[] = { "meeting", "action", "organization", "agenda_item", "working_group", "action_update" };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      const char * const *names = idk_record_type_field_names (types[t]);

      for (guint f = 0; names[f] != NULL; f++)
        {
          const char *kind = idk_record_field_kind (types[t], names[f]);
          guint max = idk_record_field_max_length (types[t], names[f]);

          if (g_str_equal (kind, "text"))
            {
              g_autofree char *at = g_strnfill (max, 'a');
              g_autofree char *past = g_strnfill (max + 1, 'a');
              g_autofree char *limit = g_strdup_printf ("At most %u characters", max);
              g_autoptr(JsonNode) ok = string_node (at);
              g_autoptr(JsonNode) bad = string_node (past);
              g_autoptr(GError) error = NULL;

              g_assert_true (idk_record_check_field (types[t], names[f], ok, NULL));
              g_assert_false (idk_record_check_field (types[t], names[f], bad, &error));
              g_assert_error (error, IDK_RECORD_ERROR, IDK_RECORD_ERROR_TOO_LONG);
              g_assert_cmpstr (idk_record_error_get_field (error), ==, names[f]);
              g_assert_nonnull (strstr (error->message, limit));
            }
          else if (g_str_equal (kind, "enum"))
            {
              g_autoptr(JsonNode) bad = string_node ("no-such-value");
              g_autoptr(GError) error = NULL;

              g_assert_false (idk_record_check_field (types[t], names[f], bad, &error));
              g_assert_error (error, IDK_RECORD_ERROR, IDK_RECORD_ERROR_UNKNOWN_VALUE);
              g_assert_cmpstr (idk_record_error_get_field (error), ==, names[f]);
            }
          else if (g_str_equal (kind, "date"))
            {
              const char *good[] = { "1945", "1945-01-01", "2100-12", "2027-06-30" };
              const char *out[] = { "1944-12-31", "2101", "1900-06" };

              for (guint i = 0; i < G_N_ELEMENTS (good); i++)
                {
                  g_autoptr(JsonNode) node = string_node (good[i]);

                  g_assert_true (idk_record_check_field (types[t], names[f], node, NULL));
                }
              for (guint i = 0; i < G_N_ELEMENTS (out); i++)
                {
                  g_autoptr(JsonNode) node = string_node (out[i]);
                  g_autoptr(GError) error = NULL;

                  g_assert_false (idk_record_check_field (types[t], names[f], node, &error));
                  g_assert_error (error, IDK_RECORD_ERROR, IDK_RECORD_ERROR_OUT_OF_RANGE);
                  g_assert_nonnull (strstr (error->message, "1945–2100"));
                }
            }
          else if (g_str_equal (kind, "int"))
            {
              /* Counts, numbers and positions: a paragraph −1 is refused. */
              g_autoptr(JsonNode) zero = json_node_init_int (json_node_alloc (), 0);
              g_autoptr(JsonNode) negative = json_node_init_int (json_node_alloc (), -1);
              g_autoptr(GError) error = NULL;

              g_assert_true (idk_record_check_field (types[t], names[f], zero, NULL));
              g_assert_false (idk_record_check_field (types[t], names[f], negative, &error));
              g_assert_error (error, IDK_RECORD_ERROR, IDK_RECORD_ERROR_OUT_OF_RANGE);
              g_assert_cmpstr (idk_record_error_get_field (error), ==, names[f]);
              g_assert_nonnull (strstr (error->message, "0 or more, not -1"));
            }
        }
    }
}

static JsonObject *
meeting (const char *title)
{
  JsonObject *fields = idk_record_new_fields ("meeting");

  json_object_set_string_member (fields, "title", title);
  json_object_set_string_member (fields, "start_date", "2027-05-10");
  return fields;
}

/* A 300-character title is refused on save, said at the field with its
 * limit, and nothing is written. */
static void
test_save_limits (IdkTestFixture *fixture,
                  gconstpointer   data)
{
  g_autofree char *long_title = g_strnfill (300, 'T');
  g_autofree char *title_200 = g_strnfill (200, 'T');
  g_autoptr(JsonObject) bad = meeting (long_title);
  g_autoptr(JsonObject) good = meeting (title_200);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = idk_test_query_text (fixture->db_path, "SELECT count(*) FROM revisions");
  g_autofree char *after = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *saved = NULL;

  uuid = idk_store_save_meeting (fixture->store, NULL, bad, &error);
  g_assert_null (uuid);
  g_assert_error (error, IDK_RECORD_ERROR, IDK_RECORD_ERROR_TOO_LONG);
  g_assert_cmpstr (idk_record_error_get_field (error), ==, "title");
  g_assert_cmpstr (error->message, ==, "At most 200 characters; this text has 300.");
  after = idk_test_query_text (fixture->db_path, "SELECT count(*) FROM revisions");
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  saved = idk_store_save_meeting (fixture->store, NULL, good, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
}

/* The same limits hold for a bundle: an over-long title from another
 * office is refused, and the database stays as it was. */
static void
test_import_limits (IdkTestFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = meeting ("TITLE-TO-STRETCH");
  g_autofree char *uuid = idk_store_save_meeting (fixture->store, NULL, fields, &error);
  g_autofree char *bundle = g_build_filename (fixture->dir, "out.iasmn", NULL);
  g_autofree char *forged = g_build_filename (fixture->dir, "long.iasmn", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.sqlite3", NULL);
  g_autofree char *long_title = g_strnfill (201, 'T');
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(IdkStore) other = NULL;
  g_autoptr(IdkImport) import = NULL;

  g_assert_no_error (error);
  g_assert_true (idk_store_set_office (fixture->store, "Geneva", NULL, &error));
  g_assert_true (idk_store_export (fixture->store, bundle, NULL, NULL, NULL, &error));
  idk_test_rewrite_bundle (bundle, forged, "TITLE-TO-STRETCH", long_title);

  other = idk_store_open (other_path, IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&other);
  before = idk_test_file_checksum (other_path);

  other = idk_store_open (other_path, IDK_STORE_OPEN_DEFAULT, &error);
  import = idk_import_new (other, forged);
  idk_import_set_accept_untrusted (import, TRUE);  /* crafted, unsigned */
  g_assert_false (idk_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "field “title”: At most 200 characters; this text has 201."));
  g_clear_object (&import);
  g_clear_object (&other);

  after = idk_test_file_checksum (other_path);
  g_assert_cmpstr (before, ==, after);
}

static char *
action_uuid (IdkTestFixture *fixture,
             const char     *reference)
{
  return idk_store_find_action (fixture->store, reference);
}

/* An edit, undone: the fields come back, as a new revision that travels. */
static void
test_undo_edit (IdkTestFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = action_uuid (fixture, "21/41");
  g_autofree char *other = action_uuid (fixture, "21/42");
  g_autoptr(JsonObject) before = idk_store_get_fields (fixture->store, uuid, NULL, &error);
  g_autoptr(JsonObject) fields = idk_store_get_fields (fixture->store, uuid, NULL, &error);
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(IdkChange) change = NULL;
  g_autoptr(IdkChange) none = NULL;
  g_autofree char *saved = NULL;
  gint64 revisions;

  json_object_set_string_member (fields, "text", "Reworded.");
  saved = idk_store_save_action (fixture->store, uuid, fields, &error);
  g_assert_no_error (error);
  change = idk_store_take_last_change (fixture->store);
  g_assert_nonnull (change);
  g_assert_cmpuint (idk_change_get_n_records (change), ==, 1);
  g_assert_cmpstr (idk_change_get_record (change, 0), ==, uuid);
  g_assert_null (idk_store_take_last_change (fixture->store));

  revisions = idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions");
  g_assert_true (idk_store_undo (fixture->store, change, &error));
  g_assert_no_error (error);
  after = idk_store_get_fields (fixture->store, uuid, NULL, &error);
  g_assert_true (json_object_equal (before, after));
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions"), ==, revisions + 1);
  /* The undo is a change of its own. */
  g_clear_object (&change);
  change = idk_store_take_last_change (fixture->store);
  g_assert_nonnull (change);

  /* Saving what is there records nothing, and leaves nothing to undo: not
   * even an older change that was not taken. */
  g_assert_true (idk_store_add_action_update (fixture->store, (const char *[]) { other, NULL }, "in-progress",
                                              NULL, NULL, &error));
  revisions = idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions");
  g_clear_pointer (&saved, g_free);
  saved = idk_store_save_action (fixture->store, uuid, after, &error);
  g_assert_no_error (error);
  none = idk_store_take_last_change (fixture->store);
  g_assert_null (none);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM revisions"), ==, revisions);
}

/* Five actions completed in one step, and one Undo for all five. */
static void
test_undo_bulk (IdkTestFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkChange) change = NULL;
  const char *references[] = { "21/13", "21/14", "21/22", "21/23", "21/28" };
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  const char *path = fixture->db_path;

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    g_ptr_array_add (uuids, action_uuid (fixture, references[i]));
  g_ptr_array_add (uuids, NULL);

  g_assert_true (idk_store_add_action_update (fixture->store, (const char * const *) uuids->pdata, "completed",
                                              NULL, "Test", &error));
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actions WHERE status = 'completed'"), ==, 5);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM action_updates"), ==, 5);
  change = idk_store_take_last_change (fixture->store);
  g_assert_cmpuint (idk_change_get_n_records (change), ==, 10);

  g_assert_true (idk_store_undo (fixture->store, change, &error));
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actions WHERE status = 'completed'"), ==, 0);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM action_updates"), ==, 0);
}

/* Deleting many, and bringing them back in one Undo. */
static void
test_undo_delete (IdkTestFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkChange) change = NULL;
  g_autofree char *a = action_uuid (fixture, "27/4");
  g_autofree char *b = action_uuid (fixture, "27/40");
  const char *both[] = { a, b, NULL };

  g_assert_true (idk_store_delete_records (fixture->store, both, &error));
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions"), ==, 77);
  change = idk_store_take_last_change (fixture->store);
  g_assert_true (idk_store_undo (fixture->store, change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions"), ==, 79);

  /* Restoring is a verb of its own too, all or none. */
  g_assert_true (idk_store_delete_records (fixture->store, both, &error));
  g_assert_true (idk_store_restore_records (fixture->store, both, &error));
  g_assert_no_error (error);
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM actions"), ==, 79);
  g_assert_false (idk_store_restore_records (fixture->store, both, &error));
  g_assert_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND);
}

/* A change made again since is not overwritten by an undo. */
static void
test_undo_refused_after_change (IdkTestFixture *fixture,
                                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = action_uuid (fixture, "21/41");
  g_autoptr(JsonObject) fields = idk_store_get_fields (fixture->store, uuid, NULL, &error);
  g_autoptr(IdkChange) first = NULL;
  g_autoptr(IdkChange) second = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  g_autofree char *before = NULL;

  json_object_set_string_member (fields, "topic", "First");
  saved = idk_store_save_action (fixture->store, uuid, fields, &error);
  first = idk_store_take_last_change (fixture->store);
  json_object_set_string_member (fields, "topic", "Second");
  again = idk_store_save_action (fixture->store, uuid, fields, &error);
  second = idk_store_take_last_change (fixture->store);

  before = idk_test_query_text (fixture->db_path, "SELECT count(*) FROM revisions");
  g_assert_false (idk_store_undo (fixture->store, first, &error));
  g_assert_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (fixture->db_path, "SELECT count(*) FROM revisions")),
                   ==, before);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (fixture->db_path,
                                                       "SELECT topic FROM actions WHERE reference = '21/41'")),
                   ==, "Second");
}

/* An update that changes nothing and says nothing is refused. */
static void
test_empty_update (IdkTestFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = action_uuid (fixture, "21/41");
  const char *one[] = { uuid, NULL };
  g_autofree char *status = idk_test_query_text (fixture->db_path,
                                                 "SELECT status FROM actions WHERE reference = '21/41'");

  g_assert_false (idk_store_add_action_update (fixture->store, one, status, "  ", NULL, &error));
  g_assert_error (error, IDK_RECORD_ERROR, IDK_RECORD_ERROR_NO_CHANGE);
  g_assert_cmpstr (idk_record_error_get_field (error), ==, "note");
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM action_updates"), ==, 0);
  g_clear_error (&error);

  /* With a note, it is a line of the history. */
  g_assert_true (idk_store_add_action_update (fixture->store, one, status, "Discussed at the SG", NULL, &error));
  g_assert_cmpint (idk_test_query_int (fixture->db_path, "SELECT count(*) FROM action_updates"), ==, 1);
}

/* A noting needs no follow-up: not open, never overdue. */
static void
test_noting (IdkTestFixture *fixture,
             gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = action_uuid (fixture, "21/21");
  g_autoptr(IdkAction) action = idk_store_load_action_by_uuid (fixture->store, uuid, &error);
  g_autofree char *label = NULL;
  IdkActionQuery open = { .status = "open" };
  g_autoptr(GArray) rows = NULL;

  g_assert_cmpstr (idk_action_get_kind (action), ==, "noting");
  label = idk_action_get_status_label (action);
  g_assert_cmpstr (label, ==, "No follow-up");
  g_assert_cmpstr (idk_action_get_status_style (action), ==, "noting");
  g_assert_false (idk_action_get_overdue (action));

  rows = idk_store_find_actions (fixture->store, &open, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rows->len, ==, idk_test_query_int (fixture->db_path,
                                                      "SELECT count(*) FROM actions WHERE status = 'open' "
                                                      "AND kind != 'noting'"));
}

/* New records start with the description's defaults. */
static void
test_new_fields (void)
{
  g_autoptr(JsonObject) action = idk_record_new_fields ("action");
  g_autoptr(JsonObject) member = idk_record_new_fields ("wg_member");

  g_assert_cmpstr (idk_fields_get_text (action, "status"), ==, "open");
  g_assert_cmpstr (idk_fields_get_text (action, "kind"), ==, "request");
  g_assert_cmpstr (idk_fields_get_text (member, "role"), ==, "member");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/descriptions", test_descriptions);
  g_test_add_func ("/records/field-checks", test_field_checks);
  g_test_add_func ("/records/new-fields", test_new_fields);
  IDK_TEST_ADD_DEFAULTS ("/records/save-limits", test_save_limits);
  IDK_TEST_ADD_DEFAULTS ("/records/import-limits", test_import_limits);
  IDK_TEST_ADD_DEFAULTS ("/records/undo-edit", test_undo_edit);
  IDK_TEST_ADD_DEFAULTS ("/records/undo-bulk", test_undo_bulk);
  IDK_TEST_ADD_DEFAULTS ("/records/undo-delete", test_undo_delete);
  IDK_TEST_ADD_DEFAULTS ("/records/undo-refused-after-change", test_undo_refused_after_change);
  IDK_TEST_ADD_DEFAULTS ("/records/empty-update", test_empty_update);
  IDK_TEST_ADD_DEFAULTS ("/records/noting", test_noting);

  return g_test_run ();
}
