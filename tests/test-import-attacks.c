/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include <unistd.h>

#include "idk-test-util.h"

/* The importer against bundles written to hurt it: each case is a finding
 * of the trusted-exchange issue, with the database file left byte for byte
 * as it was when a bundle is refused. */

typedef struct
{
  char *dir;
  char *source_db;     /* where the crafted bundles are written from */
  IdkStore *source;
  char *target_db;     /* where they are imported */
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) target = NULL;

  fixture->dir = g_dir_make_tmp ("idk-attacks-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->source_db = g_build_filename (fixture->dir, "source.sqlite3", NULL);
  fixture->target_db = g_build_filename (fixture->dir, "target.sqlite3", NULL);
  fixture->source = idk_store_open (fixture->source_db, IDK_STORE_OPEN_EMPTY, &error);
  g_assert_no_error (error);
  g_assert_true (idk_store_set_office (fixture->source, "Crafting office", NULL, &error));
  target = idk_store_open (fixture->target_db, IDK_STORE_OPEN_EMPTY, &error);
  g_assert_no_error (error);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_clear_object (&fixture->source);
  idk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->source_db);
  g_free (fixture->target_db);
}

static char *
save (Fixture    *fixture,
      const char *type,
      const char *uuid,
      JsonObject *fields)
{
  g_autoptr(GError) error = NULL;
  char *saved = idk_store_save (fixture->source, type, uuid, fields, &error);

  g_assert_no_error (error);
  return saved;
}

static char *
add_organization (Fixture    *fixture,
                  const char *name)
{
  g_autoptr(JsonObject) fields = json_object_new ();

  json_object_set_string_member (fields, "name", name);
  json_object_set_string_member (fields, "category", "mou");
  return save (fixture, "organization", NULL, fields);
}

static char *
add_meeting (Fixture    *fixture,
             const char *title)
{
  g_autoptr(JsonObject) fields = json_object_new ();

  json_object_set_string_member (fields, "type", "ad-hoc");
  json_object_set_string_member (fields, "title", title);
  json_object_set_string_member (fields, "start_date", "2027-03-01");
  json_object_set_string_member (fields, "status", "planned");
  return save (fixture, "meeting", NULL, fields);
}

static char *
add_action (Fixture    *fixture,
            const char *reference,
            const char *meeting,
            const char *owner,
            const char *due_meeting)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonArray) owners = json_array_new ();

  if (owner != NULL)
    json_array_add_string_element (owners, owner);
  json_object_set_string_member (fields, "meeting", meeting);
  json_object_set_string_member (fields, "reference", reference);
  json_object_set_string_member (fields, "text", "Crafted");
  json_object_set_string_member (fields, "kind", "request");
  json_object_set_string_member (fields, "status", "open");
  json_object_set_array_member (fields, "owners", g_steal_pointer (&owners));
  if (due_meeting != NULL)
    json_object_set_string_member (fields, "due_meeting", due_meeting);
  return save (fixture, "action", NULL, fields);
}

static char *
export (Fixture    *fixture,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (idk_store_export (fixture->source, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Imports @bundle; it must be refused with @expected in its message and
 * the database file unchanged, its write counters aside. */
static void
assert_refused (Fixture    *fixture,
                const char *bundle,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = idk_test_file_content_checksum (fixture->target_db);
  g_autofree char *after = NULL;

  {
    g_autoptr(IdkStore) target = idk_store_open (fixture->target_db, IDK_STORE_OPEN_EMPTY, &error);
    g_autoptr(IdkImport) import = NULL;

    g_assert_no_error (error);
    import = idk_import_new (target, bundle);
  idk_import_set_accept_untrusted (import, TRUE);  /* crafted, unsigned */
    idk_import_set_accept_untrusted (import, TRUE);  /* crafted, unsigned */
    g_assert_false (idk_import_apply (import, NULL, NULL, NULL, &error));
    g_assert_nonnull (error);
    if (strstr (error->message, expected) == NULL)
      g_error ("Refused for “%s”, not for “%s”", error->message, expected);
  }
  after = idk_test_file_content_checksum (fixture->target_db);
  g_assert_cmpstr (before, ==, after);
}

/* Finding 3: only the first use of each target was type-checked.  Each
 * bundle names a record rightly first, then wrongly. */
static void
test_reference_types (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *org = add_organization (fixture, "Right organization");
  g_autofree char *meeting = add_meeting (fixture, "Right meeting");
  g_autofree char *spare_meeting = add_meeting (fixture, "Spare meeting");
  g_autofree char *spare_org = add_organization (fixture, "Spare organization");
  g_autofree char *right = add_action (fixture, "1", meeting, org, meeting);
  g_autofree char *wrong = add_action (fixture, "2", spare_meeting, spare_org, spare_meeting);
  g_autofree char *bundle = export (fixture, "crafted.iasmn");
  static const struct { const char *field; const char *type; } cases[] = {
    { "meeting", "organization" },     /* an action decided at an organization */
    { "owners", "meeting" },           /* owned by a meeting */
    { "due_meeting", "organization" }, /* due at an organization */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *forged = g_strdup_printf ("%s/forged-%u.iasmn", fixture->dir, i);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *expected = NULL;
      const char *target = g_str_equal (cases[i].type, "organization") ? org : meeting;
      const char *spare = g_str_equal (cases[i].field, "owners") ? spare_org : spare_meeting;

      if (g_str_equal (cases[i].field, "owners"))
        {
          from = g_strdup_printf ("\"owners\":[\"%s\"]", spare);
          to = g_strdup_printf ("\"owners\":[\"%s\"]", target);
        }
      else
        {
          from = g_strdup_printf ("\"%s\":\"%s\"", cases[i].field, spare);
          to = g_strdup_printf ("\"%s\":\"%s\"", cases[i].field, target);
        }
      idk_test_rewrite_bundle (bundle, forged, from, to);
      expected = g_strdup_printf ("field “%s”: refers to %s, which is of type %s", cases[i].field, target,
                                  cases[i].type);
      assert_refused (fixture, forged, expected);
    }
  (void) right;
  (void) wrong;
}

/* Finding 1: a record's chain of revisions cost time in its length
 * squared.  Measured in SQLite's work, not seconds: four times the chain
 * must cost about four times as much (it cost sixteen). */
static guint64
chain_work (Fixture *fixture,
            guint    length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *uuid = NULL;
  g_autofree char *name = g_strdup_printf ("chain-%u.iasmn", length);
  g_autofree char *bundle = NULL;
  g_autofree char *db = g_strdup_printf ("%s/chain-%u.sqlite3", fixture->dir, length);
  g_autoptr(IdkStore) target = NULL;
  g_autoptr(IdkImport) import = NULL;

  json_object_set_string_member (fields, "category", "mou");
  g_assert_true (idk_store_begin (fixture->source, &error));
  for (guint i = 0; i < length; i++)
    {
      g_autofree char *label = g_strdup_printf ("Chain %u revision %u", length, i);
      g_autofree char *saved = NULL;

      json_object_set_string_member (fields, "name", label);
      saved = save (fixture, "organization", uuid, fields);
      if (uuid == NULL)
        uuid = g_steal_pointer (&saved);
    }
  g_assert_true (idk_store_commit (fixture->source, &error));
  bundle = export (fixture, name);

  target = idk_store_open (db, IDK_STORE_OPEN_EMPTY, &error);
  g_assert_no_error (error);
  import = idk_import_new (target, bundle);
  idk_import_set_accept_untrusted (import, TRUE);  /* crafted, unsigned */
  g_assert_true (idk_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return idk_import_get_work (import);
}

static void
test_chain_is_linear (Fixture       *fixture,
                      gconstpointer  data)
{
  guint64 small = chain_work (fixture, 1000);
  guint64 large;
  double ratio;

  /* A second source: the first bundle would come along in the second. */
  g_clear_object (&fixture->source);
  g_remove (fixture->source_db);
  {
    g_autoptr(GError) error = NULL;

    fixture->source = idk_store_open (fixture->source_db, IDK_STORE_OPEN_EMPTY, &error);
    g_assert_no_error (error);
    g_assert_true (idk_store_set_office (fixture->source, "Crafting office", NULL, &error));
  }
  large = chain_work (fixture, 4000);
  ratio = (double) large / (double) MAX (small, 1);
  g_test_message ("chain of 1,000: %" G_GUINT64_FORMAT "k steps; of 4,000: %" G_GUINT64_FORMAT "k (×%.1f)",
                  small, large, ratio);
  g_assert_cmpfloat (ratio, <, 6.0);
}

/* Finding 2: the importer mapped the file and read it again after the
 * checks: bytes written in place were imported under the original
 * checksum, and a file truncated meanwhile killed the process (SIGBUS).
 * Now what was checked is what goes in, whatever the file does. */
static void
test_file_changed_after_check (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *org = add_organization (fixture, "Original name");
  g_autofree char *bundle = export (fixture, "checked.iasmn");

  for (guint truncate = 0; truncate < 2; truncate++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *db = g_strdup_printf ("%s/changed-%u.sqlite3", fixture->dir, truncate);
      g_autofree char *copy = g_strdup_printf ("%s/copy-%u.iasmn", fixture->dir, truncate);
      g_autofree char *contents = NULL;
      g_autofree char *name = NULL;
      g_autoptr(IdkStore) target = idk_store_open (db, IDK_STORE_OPEN_EMPTY, &error);
      g_autoptr(IdkImport) import = NULL;
      gsize length;
      FILE *file;

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (bundle, &contents, &length, &error));
      g_assert_true (g_file_set_contents (copy, contents, (gssize) length, &error));

      import = idk_import_new (target, copy);
      idk_import_set_accept_untrusted (import, TRUE);  /* crafted, unsigned */
      g_assert_true (idk_import_prepare (import, NULL, NULL, NULL, &error));
      g_assert_no_error (error);

      /* After the checks: written over in place, or cut to nothing. */
      file = fopen (copy, "r+");
      g_assert_nonnull (file);
      if (truncate)
        g_assert_cmpint (ftruncate (fileno (file), 0), ==, 0);
      else
        {
          g_autofree char *altered = g_strdup (contents);
          char *at = strstr (altered, "Original name");

          memcpy (at, "Altered! name", strlen ("Altered! name"));
          g_assert_cmpuint (fwrite (altered, 1, length, file), ==, length);
        }
      fclose (file);

      g_assert_true (idk_import_apply (import, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      name = idk_test_query_text (db, "SELECT name FROM organizations WHERE name LIKE '%name'");
      g_assert_cmpstr (name, ==, "Original name");
    }
  (void) org;
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Finding 5: bytes flipped in a table page passed the quick check made at
 * open, and the database took an import; integrity_check then found an
 * index row missing.  Now the full check runs before the first write: the
 * file stays readable and every write is refused, saying why. */
static void
test_damaged_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "damaged.sqlite3", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *saved = NULL;
  g_autofree char *bundle = export (fixture, "for-damaged.iasmn");
  g_autoptr(IdkImport) import = NULL;
  gsize length;
  char *row;

  store = idk_store_open (path, IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* The Asian Development Bank's acronym in its table row: the index on
   * acronyms still says ADB. */
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  row = memmem (contents, length, "ADBAsian Development Bank", strlen ("ADBAsian Development Bank"));
  g_assert_nonnull (row);
  row[2] = 'X';
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, &error));
  before = idk_test_file_checksum (path);

  /* It opens (the quick check passes) and reads. */
  store = idk_store_open (path, IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM organizations"), ==, 71);

  /* The check in the background, as the window runs it, finds it. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    idk_store_check_integrity_async (store, NULL, keep_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (idk_store_check_integrity_finish (store, result, &error));
    g_assert_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_CORRUPT);
    g_clear_error (&error);
  }

  /* A save is refused, and says what is wrong. */
  json_object_set_string_member (fields, "name", "Not written");
  json_object_set_string_member (fields, "category", "mou");
  saved = idk_store_save (store, "organization", NULL, fields, &error);
  g_assert_null (saved);
  g_assert_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "is damaged ("));
  g_assert_nonnull (strstr (error->message, "nothing more is written to it"));
  g_assert_true (idk_store_is_damaged (store));
  g_clear_error (&error);

  /* So is an import. */
  import = idk_import_new (store, bundle);
  idk_import_set_accept_untrusted (import, TRUE);  /* crafted, unsigned */
  g_assert_false (idk_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_CORRUPT);
  g_clear_object (&store);

  after = idk_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* Finding 9: questionable input.  An office name of a megabyte in the
 * envelope is refused (and here, when an office is named); a negative
 * paragraph is refused by the record's description (test-records). */
static void
test_huge_office_name (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *org = add_organization (fixture, "Named organization");
  g_autofree char *bundle = export (fixture, "named.iasmn");
  g_autofree char *forged = g_build_filename (fixture->dir, "huge-name.iasmn", NULL);
  g_autofree char *huge = g_strnfill (1 << 20, 'n');
  g_autofree char *quoted = g_strdup_printf ("\"name\":\"%s\"", huge);
  g_autofree char *long_name = g_strnfill (201, 'o');

  idk_test_rewrite_bundle (bundle, forged, "\"name\":\"Crafting office\"", quoted);
  assert_refused (fixture, forged, "is 1048576 characters long; an office’s name has at most 200");

  g_assert_false (idk_store_set_office (fixture->source, long_name, NULL, &error));
  g_assert_nonnull (strstr (error->message, "at most 200 characters; this one has 201"));
  (void) org;
}

/* Finding 4: a forged bundle names as parent the revision id another
 * office will give its next change (ids are predictable).  Refusing on
 * that made the order decide: the genuine bundle after the forged one was
 * refused whole, before it the forged one was.  A parent of another record
 * now counts for nothing, so both orders take both bundles and end alike. */
static void
test_parent_poisoning (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *geneva_db = g_build_filename (fixture->dir, "geneva.sqlite3", NULL);
  g_autoptr(IdkStore) geneva = idk_store_open (geneva_db, IDK_STORE_OPEN_EMPTY, &error);
  g_autofree char *genuine = g_build_filename (fixture->dir, "genuine.iasmn", NULL);
  g_autofree char *forged = g_build_filename (fixture->dir, "forged.iasmn", NULL);
  g_autofree char *plain = NULL;
  g_autofree char *record_y = NULL;
  g_autofree char *rev_p = NULL;
  g_autofree char *poison = NULL;
  char *sums[2] = { NULL, NULL };
  g_autoptr(JsonObject) fields = json_object_new ();

  g_assert_no_error (error);
  g_assert_true (idk_store_set_office (geneva, "Geneva HQ", NULL, &error));
  json_object_set_string_member (fields, "name", "Genuine organization");
  json_object_set_string_member (fields, "category", "mou");
  record_y = idk_store_save (geneva, "organization", NULL, fields, &error);
  g_assert_no_error (error);
  g_assert_true (idk_store_export (geneva, genuine, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rev_p = idk_test_query_text (geneva_db, "SELECT winner_rev FROM records WHERE type = 'organization'");

  /* The forger's record X, its first revision naming P as its parent. */
  g_free (add_organization (fixture, "Forged organization"));
  plain = export (fixture, "plain.iasmn");
  poison = g_strdup_printf ("\"parents\":[\"%s\"]", rev_p);
  idk_test_rewrite_bundle (plain, forged, "\"parents\":[]", poison);

  for (guint order = 0; order < 2; order++)
    {
      g_autofree char *name = g_strdup_printf ("order-%u.sqlite3", order);
      g_autofree char *db = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(IdkStore) store = idk_store_open (db, IDK_STORE_OPEN_EMPTY, &error);
      const char *first = order == 0 ? forged : genuine;
      const char *second = order == 0 ? genuine : forged;

      g_assert_no_error (error);
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(IdkImport) import = idk_import_new (store, i == 0 ? first : second);

          idk_import_set_accept_untrusted (import, TRUE);  /* crafted, and a new office */
          if (!idk_import_apply (import, NULL, NULL, NULL, &error))
            g_error ("Order %u, bundle %u refused: %s", order, i + 1, error->message);
        }
      /* Each record has its one revision as its leaf and winner. */
      g_assert_cmpint (idk_test_query_int (db, "SELECT count(*) FROM records WHERE leaves = 1"), ==, 2);
      g_assert_cmpstr (idk_test_keep (idk_test_query_text (db, idk_test_keep (g_strdup_printf (
                         "SELECT winner_rev FROM records WHERE uuid = '%s'", record_y)))), ==, rev_p);
      g_assert_cmpint (idk_test_query_int (db, "SELECT count(*) FROM organizations"), ==, 2);
      sums[order] = idk_test_dump_checksum (store);
    }
  g_assert_cmpstr (sums[0], ==, sums[1]);
  g_free (sums[0]);
  g_free (sums[1]);
}

/* Finding 9: a reference to a record deleted is accepted (the action may
 * have been made before another office deleted its owner: refusing it
 * would make the order decide), and the owner shows under its last name,
 * marked as deleted, instead of vanishing from the action. */
static void
test_reference_to_deleted (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = add_organization (fixture, "Gone Organization");
  g_autofree char *meeting = add_meeting (fixture, "Crafted meeting");
  g_autofree char *action = add_action (fixture, "99/1", meeting, owner, NULL);
  g_autofree char *bundle = NULL;
  g_autoptr(IdkStore) target = NULL;
  g_autoptr(IdkImport) import = NULL;
  g_autoptr(GListModel) owners = NULL;
  gboolean shown = FALSE;

  g_assert_true (idk_store_delete (fixture->source, owner, &error));
  g_assert_no_error (error);
  bundle = export (fixture, "deleted-owner.iasmn");

  target = idk_store_open (fixture->target_db, IDK_STORE_OPEN_EMPTY, &error);
  g_assert_no_error (error);
  import = idk_import_new (target, bundle);
  idk_import_set_accept_untrusted (import, TRUE);  /* crafted */
  g_assert_true (idk_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  owners = idk_store_list_action_owners (target, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (owners); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (owners, i);

      shown |= g_strcmp0 (idk_entry_get_title (entry), "Gone Organization (deleted)") == 0;
    }
  g_assert_true (shown);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/attacks/" path, Fixture, NULL, set_up, func, tear_down)
  ADD ("parent-poisoning", test_parent_poisoning);
  ADD ("reference-to-deleted", test_reference_to_deleted);
  ADD ("reference-types", test_reference_types);
  ADD ("chain-is-linear", test_chain_is_linear);
  ADD ("huge-office-name", test_huge_office_name);
  ADD ("file-changed-after-check", test_file_changed_after_check);
  ADD ("damaged-database", test_damaged_database);
#undef ADD

  return g_test_run ();
}
