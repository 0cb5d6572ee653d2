/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-cli-test-util.h"

/* Bundles through `iasmn import` and `iasmn export`: the good bundle of
 * tests/bundles/ is applied, previewed and recognised when it comes again;
 * every malformed one of tests/bundles/bad/ is refused with exit status 1,
 * a message naming the fault, and the database file unchanged to the byte
 * (EXPECTED.tsv lists them; make-corpus.py wrote them).  Each is signed
 * first, after its mutation, by a key the database trusts for its origin
 * office, so that the importer's own checks must refuse it, not the
 * signature. */

static char *template_db;       /* a new database with the default data */
static IdkKeyPair *corpus_key;  /* the Test Field Office's, trusted there */

#define CORPUS_OFFICE "7e57f1e1-d0ff-4ce0-9a11-000000000001"

typedef struct
{
  char *dir;
  char *db;
} Case;

static void
case_set_up (Case          *c,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (template_db);
  g_autoptr(GFile) to = NULL;

  c->dir = g_dir_make_tmp ("idk-bundles-XXXXXX", &error);
  g_assert_no_error (error);
  c->db = g_build_filename (c->dir, "desk.sqlite3", NULL);
  to = g_file_new_for_path (c->db);
  g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
case_tear_down (Case          *c,
                gconstpointer  data)
{
  idk_test_remove_tree (c->dir);
  g_clear_pointer (&c->dir, g_free);
  g_clear_pointer (&c->db, g_free);
}

static char *
corpus_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "bundles", name, NULL);
}

/* A copy of @bundle in the case's folder with its signature beside it. */
static char *
signed_copy (Case       *c,
             const char *bundle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (bundle);
  g_autofree char *contents = NULL;
  char *copy = g_build_filename (c->dir, base, NULL);
  gsize length = 0;

  g_assert_true (g_file_get_contents (bundle, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, &error));
  idk_test_sign_bundle (corpus_key, copy);
  return copy;
}

static void
import_good (Case *c)
{
  g_autofree char *source = corpus_path ("good.iasmn");
  g_autofree char *good = signed_copy (c, source);
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, "--db", c->db, "import", good, NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
assert_refused (Case       *c,
                const char *bundle,
                const char *expected)
{
  g_autofree char *before = idk_test_file_checksum (c->db);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (c->db, "-wal", NULL);
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, "--db", c->db, "import", bundle, NULL);
  if (run.status != 1 || strstr (run.err, expected) == NULL)
    g_error ("%s: status %d, stderr “%s”, expected “%s”", bundle, run.status, run.err, expected);
  g_assert_cmpstr (run.out, ==, "");
  /* One line, from the command: no criticals, no crash report. */
  g_assert_true (g_str_has_prefix (run.err, "iasmn: "));
  g_assert_cmpuint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);

  after = idk_test_file_checksum (c->db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* data: one line of EXPECTED.tsv */
static void
test_malformed (Case          *c,
                gconstpointer  data)
{
  g_auto(GStrv) columns = g_strsplit (data, "\t", 3);
  g_autofree char *name = g_build_filename ("bad", columns[0], NULL);
  g_autofree char *source = corpus_path (name);
  g_autofree char *bundle = NULL;

  g_assert_cmpuint (g_strv_length (columns), ==, 3);
  if (g_str_equal (columns[1], "after-good"))
    import_good (c);
  else
    g_assert_cmpstr (columns[1], ==, "fresh");

  bundle = signed_copy (c, source);
  assert_refused (c, bundle, columns[2]);
}

static void
test_oversized_string (Case          *c,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good_path = corpus_path ("good.iasmn");
  g_autofree char *good = NULL;
  g_autofree char *big = g_strnfill (2 * 1024 * 1024, 'x');
  g_autoptr(GString) text = NULL;
  g_autofree char *bundle = g_build_filename (c->dir, "oversized.iasmn", NULL);

  g_file_get_contents (good_path, &good, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (good);
  g_assert_cmpuint (g_string_replace (text, "Test Field Organization", big, 1), ==, 1);
  g_file_set_contents (bundle, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  idk_test_sign_bundle (corpus_key, bundle);

  assert_refused (c, bundle, "A string is longer than 1048576 bytes");
}

static void
test_good_bundle (Case          *c,
                  gconstpointer  data)
{
  g_autofree char *source = corpus_path ("good.iasmn");
  g_autofree char *good = signed_copy (c, source);
  g_autofree char *before = idk_test_file_checksum (c->db);
  g_autofree char *after_dry_run = NULL;
  g_autofree char *after_apply = NULL;
  g_autofree char *after_again = NULL;
  g_auto(Run) dry = { 0 };
  g_auto(Run) apply = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) search = { 0 };

  run_cli (&dry, NULL, "--db", c->db, "import", good, "--dry-run", NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_nonnull (strstr (dry.out, "Signature: Signed by “Test Field Office” with key "));
  g_assert_nonnull (strstr (dry.out, "which this office trusts"));
  g_assert_nonnull (strstr (dry.out, "Bundle 1 of Test Field Office (TFO)"));
  g_assert_nonnull (strstr (dry.out, "2 revisions, 2 new to this database"));
  g_assert_nonnull (strstr (dry.out, "organization\t1\t0\t0\t0\n"));
  g_assert_nonnull (strstr (dry.out, "action\t1\t0\t0\t0\n"));
  g_assert_nonnull (strstr (dry.out, "Dry run: nothing was written"));
  after_dry_run = idk_test_file_checksum (c->db);
  g_assert_cmpstr (before, ==, after_dry_run);

  run_cli (&apply, NULL, "--db", c->db, "import", good, NULL);
  g_assert_cmpint (apply.status, ==, 0);
  g_assert_nonnull (strstr (apply.out, "Imported 2 new revisions"));
  after_apply = idk_test_file_checksum (c->db);
  g_assert_cmpstr (before, !=, after_apply);

  run_cli (&search, NULL, "--db", c->db, "list", "actions", "--search", "exchange of bundles", NULL);
  g_assert_cmpint (search.status, ==, 0);
  g_assert_nonnull (strstr (search.out, "27/99"));
  g_assert_nonnull (strstr (search.out, "TFO"));

  run_cli (&again, NULL, "--db", c->db, "import", good, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "Already imported"));
  after_again = idk_test_file_checksum (c->db);
  g_assert_cmpstr (after_apply, ==, after_again);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (c->db, "SELECT trust FROM bundles WHERE origin = '"
                                                       CORPUS_OFFICE "'")), ==, "trusted");
}

/* Unsigned: refused, with the way to take it anyway; taken when asked,
 * and recorded so. */
static void
test_unsigned_bundle (Case          *c,
                      gconstpointer  data)
{
  g_autofree char *good = corpus_path ("good.iasmn");
  g_autofree char *before = idk_test_file_checksum (c->db);
  g_autofree char *after = NULL;
  g_auto(Run) refused = { 0 };
  g_auto(Run) dry = { 0 };
  g_auto(Run) accepted = { 0 };

  run_cli (&refused, NULL, "--db", c->db, "import", good, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "iasmn: The bundle is not signed: nothing shows it comes from "
                                         "“Test Field Office”"));
  g_assert_nonnull (strstr (refused.err, "--accept-unsigned"));
  after = idk_test_file_checksum (c->db);
  g_assert_cmpstr (before, ==, after);

  run_cli (&dry, NULL, "--db", c->db, "import", good, "--dry-run", NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_nonnull (strstr (dry.out, "Signature: Not signed: nothing shows it comes from “Test Field Office”"));
  g_assert_nonnull (strstr (dry.out, "importing it needs --accept-unsigned"));

  run_cli (&accepted, NULL, "--db", c->db, "import", good, "--accept-unsigned", NULL);
  g_assert_cmpint (accepted.status, ==, 0);
  g_assert_nonnull (strstr (accepted.out, "Accepted without a trusted signature"));
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (c->db, "SELECT trust || ' ' || coalesce (signer, '-') "
                                                       "FROM bundles WHERE origin = '" CORPUS_OFFICE "'")),
                   ==, "accepted-unsigned -");
}

static void
test_export (Case          *c,
             gconstpointer  data)
{
  g_autofree char *bundle = g_build_filename (c->dir, "out.iasmn", NULL);
  g_autofree char *other = g_build_filename (c->dir, "other.sqlite3", NULL);
  g_auto(Run) unnamed = { 0 };
  g_auto(Run) name = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) import = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(Run) untrusted = { 0 };
  g_auto(Run) key_export = { 0 };
  g_auto(Run) key_show = { 0 };
  g_auto(Run) wrong_fp = { 0 };
  g_auto(Run) trust = { 0 };
  g_autofree char *public_key = g_build_filename (c->dir, "test-hq.pub", NULL);
  g_autofree char *fingerprint = NULL;
  g_autoptr(GDir) dir = NULL;
  guint files = 0;

  /* An office exports under its name. */
  run_cli (&unnamed, NULL, "--db", c->db, "export", bundle, NULL);
  g_assert_cmpint (unnamed.status, ==, 1);
  g_assert_nonnull (strstr (unnamed.err, "no name yet"));
  g_assert_false (g_file_test (bundle, G_FILE_TEST_EXISTS));

  run_cli (&name, NULL, "--db", c->db, "office", "set", "--name", "Test HQ", "--organization", "UNICEF", NULL);
  g_assert_cmpint (name.status, ==, 0);
  g_assert_nonnull (strstr (name.out, "name\tTest HQ\norganization\tUNICEF\n"));

  run_cli (&export, NULL, "--db", c->db, "export", bundle, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_nonnull (strstr (export.out, "Wrote bundle 1 (748 revisions)"));

  /* Written through a temporary file that is gone once renamed. */
  dir = g_dir_open (c->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    files++;
  g_assert_cmpuint (files, ==, 3);  /* the database, the bundle, its signature */
  g_assert_nonnull (strstr (export.out, ".minisig"));

  /* Another office does not know the key yet. */
  run_cli (&untrusted, NULL, "--db", other, "import", bundle, NULL);
  g_assert_cmpint (untrusted.status, ==, 1);
  g_assert_nonnull (strstr (untrusted.err, "which this office does not trust"));

  /* Test HQ gives its public key and reads its fingerprint out; the other
   * office trusts it only with the fingerprint it was read. */
  run_cli (&key_export, NULL, "--db", c->db, "key", "export", public_key, NULL);
  g_assert_cmpint (key_export.status, ==, 0);
  run_cli (&key_show, NULL, "--db", c->db, "key", "show", "--json", NULL);
  g_assert_cmpint (key_show.status, ==, 0);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *shown;

    g_assert_true (json_parser_load_from_data (parser, key_show.out, -1, NULL));
    shown = json_node_get_object (json_parser_get_root (parser));
    fingerprint = g_strdup (json_object_get_string_member (shown, "fingerprint"));
    g_assert_cmpuint (strlen (fingerprint), ==, 16);
    g_assert_true (g_file_test (json_object_get_string_member (shown, "secret_key_file"), G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (json_object_get_string_member (shown, "public_key_file"), G_FILE_TEST_EXISTS));
    g_assert_true (json_object_get_boolean_member (
        json_array_get_object_element (json_object_get_array_member (shown, "keys"), 0), "current"));
  }
  run_cli (&wrong_fp, NULL, "--db", other, "key", "trust", public_key, "--fingerprint", "0123456789ABCDEF", NULL);
  g_assert_cmpint (wrong_fp.status, ==, 1);
  g_assert_nonnull (strstr (wrong_fp.err, "not the key you were given"));
  run_cli (&trust, NULL, "--db", other, "key", "trust", public_key, "--fingerprint", fingerprint, NULL);
  g_assert_cmpint (trust.status, ==, 0);

  run_cli (&import, NULL, "--db", other, "import", bundle, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "Bundle 1 of Test HQ (UNICEF)"));
  g_assert_nonnull (strstr (import.out, "Signed by “Test HQ” with key"));

  run_cli (&usage, NULL, "--db", c->db, "export", NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

/* The key commands the README gives, as a user types them. */
static void
test_keys (Case          *c,
           gconstpointer  data)
{
  g_autofree char *other = g_build_filename (c->dir, "other.sqlite3", NULL);
  g_autofree char *their_pub = g_build_filename (c->dir, "other.pub", NULL);
  g_autofree char *introduction = g_strconcat (their_pub, ".minisig", NULL);
  g_autofree char *old_fp = NULL;
  g_autofree char *their_fp = NULL;
  g_auto(Run) name = { 0 };
  g_auto(Run) other_name = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) their_show = { 0 };
  g_auto(Run) their_export = { 0 };
  g_auto(Run) trust = { 0 };
  g_auto(Run) introduce = { 0 };
  g_auto(Run) rotate = { 0 };
  g_auto(Run) revoke_current = { 0 };
  g_auto(Run) revoke_old = { 0 };
  g_auto(Run) table = { 0 };
  g_auto(Run) usage = { 0 };

  run_cli (&name, NULL, "--db", c->db, "office", "set", "--name", "Test HQ", NULL);
  g_assert_cmpint (name.status, ==, 0);
  run_cli (&other_name, NULL, "--db", other, "office", "set", "--name", "Other office", NULL);
  g_assert_cmpint (other_name.status, ==, 0);
  run_cli (&show, NULL, "--db", c->db, "key", "show", NULL);
  g_assert_cmpint (show.status, ==, 0);
  /* As shown, in groups of four: typed so, it is read so. */
  old_fp = idk_test_envelope_member (show.out, "fingerprint\t", FALSE);
  g_assert_cmpuint (strlen (old_fp), ==, 19);

  /* Test HQ trusts the other office, then introduces its key. */
  run_cli (&their_export, NULL, "--db", other, "key", "export", their_pub, NULL);
  g_assert_cmpint (their_export.status, ==, 0);
  run_cli (&their_show, NULL, "--db", other, "key", "show", "--json", NULL);
  their_fp = idk_test_envelope_member (their_show.out, "\"fingerprint\" : \"", FALSE);
  g_assert_cmpuint (strlen (their_fp), ==, 16);
  run_cli (&trust, NULL, "--db", c->db, "key", "trust", their_pub, "--fingerprint", their_fp, NULL);
  g_assert_cmpint (trust.status, ==, 0);
  g_assert_nonnull (strstr (trust.out, "Trusted key"));
  run_cli (&introduce, NULL, "--db", c->db, "key", "introduce", their_pub, NULL);
  g_assert_cmpint (introduce.status, ==, 0);
  g_assert_true (g_file_test (introduction, G_FILE_TEST_EXISTS));

  /* Rotation: the current key cannot be revoked; the old one can. */
  run_cli (&rotate, NULL, "--db", c->db, "key", "rotate", NULL);
  g_assert_cmpint (rotate.status, ==, 0);
  g_assert_nonnull (strstr (rotate.out, "endorsed by the previous one"));
  run_cli (&revoke_old, NULL, "--db", c->db, "key", "revoke", old_fp, NULL);
  g_assert_cmpint (revoke_old.status, ==, 0);
  run_cli (&table, NULL, "--db", c->db, "key", "show", NULL);
  g_assert_nonnull (strstr (table.out, "\tcurrent\t"));
  g_assert_nonnull (strstr (table.out, "\trevoked\t"));
  g_assert_nonnull (strstr (table.out, "\ttrusted\t"));
  {
    g_autofree char *current = idk_test_envelope_member (table.out, "fingerprint\t", FALSE);

    run_cli (&revoke_current, NULL, "--db", c->db, "key", "revoke", current, NULL);
  }
  g_assert_cmpint (revoke_current.status, ==, 1);
  g_assert_nonnull (strstr (revoke_current.err, "rotate it first"));

  run_cli (&usage, NULL, "--db", c->db, "key", "trust", their_pub, NULL);
  g_assert_cmpint (usage.status, ==, 2);

  /* A passphrase for the secret key, typed on standard input; then the
   * commands that sign need it. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *cli = cli_path ();
    g_autofree char *script = g_strdup_printf ("printf 'correct horse\\n' | '%s' --db '%s' key protect", cli, c->db);
    g_autofree char *bundle = g_build_filename (c->dir, "protected.iasmn", NULL);
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_auto(Run) locked = { 0 };
    g_auto(Run) wrong = { 0 };
    g_auto(Run) opened = { 0 };
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "sh", (char *) "-c", script, NULL }, NULL,
                                 G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    g_assert_nonnull (strstr (out, "now protected by the passphrase"));

    run_cli (&locked, NULL, "--db", c->db, "export", bundle, NULL);
    g_assert_cmpint (locked.status, ==, 1);
    g_assert_nonnull (strstr (locked.err, "is protected by a passphrase"));
    g_assert_nonnull (strstr (locked.err, "IASMN_KEY_PASSPHRASE"));
    g_setenv ("IASMN_KEY_PASSPHRASE", "correct battery", TRUE);
    run_cli (&wrong, NULL, "--db", c->db, "export", bundle, NULL);
    g_assert_cmpint (wrong.status, ==, 1);
    g_assert_nonnull (strstr (wrong.err, "is wrong"));
    g_setenv ("IASMN_KEY_PASSPHRASE", "correct horse", TRUE);
    run_cli (&opened, NULL, "--db", c->db, "export", bundle, NULL);
    g_unsetenv ("IASMN_KEY_PASSPHRASE");
    g_assert_cmpint (opened.status, ==, 0);
    g_assert_nonnull (strstr (opened.out, "Signed with key"));
  }
}

static void
test_usage (Case          *c,
            gconstpointer  data)
{
  const char *wrong[][4] = {
    { "import", NULL },
    { "import", "a.iasmn", "b.iasmn", NULL },
    { "import", "--apply", NULL },
    { "export", "--for", "not-a-uuid", NULL },
    { "office", "rename", NULL },
    { "office", "set", NULL },
    { "conflicts", "resolve", NULL },
    { "dump", "extra", NULL },
  };
  g_autofree char *before = idk_test_file_checksum (c->db);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, NULL, "--db", c->db, wrong[i][0], wrong[i][1], wrong[i][2], wrong[i][3], NULL);
      if (run.status != 2 || strstr (run.err, "Usage:") == NULL || strstr (run.err, "iasmn") == NULL)
        g_error ("iasmn %s %s: status %d, “%s”", wrong[i][0], wrong[i][1] ? wrong[i][1] : "", run.status, run.err);
    }

  after = idk_test_file_checksum (c->db);
  g_assert_cmpstr (before, ==, after);
}

static GPtrArray *
read_expected (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = corpus_path ("bad/EXPECTED.tsv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && lines[i][0] != '#')
      g_ptr_array_add (cases, g_strdup (lines[i]));

  return cases;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *dir = NULL;
  g_auto(Run) make = { 0 };
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("idk-bundles-template-XXXXXX", NULL);
  template_db = g_build_filename (dir, "template.sqlite3", NULL);
  run_cli (&make, NULL, "--db", template_db, "stats", NULL);
  g_assert_cmpint (make.status, ==, 0);
  corpus_key = idk_key_pair_generate ();
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(IdkStore) store = idk_store_open (template_db, IDK_STORE_OPEN_DEFAULT, &error);
    g_autofree char *public_key = idk_key_pair_get_public (corpus_key);
    g_autofree char *fingerprint = idk_key_fingerprint (public_key);

    g_assert_no_error (error);
    g_assert_true (idk_store_trust_key (store, public_key, fingerprint, CORPUS_OFFICE, "Test Field Office", &error));
    g_assert_no_error (error);
  }

  cases = read_expected ();
  g_assert_cmpuint (cases->len, >=, 25);
  for (guint i = 0; i < cases->len; i++)
    {
      g_autofree char *name = g_strndup (cases->pdata[i], strcspn (cases->pdata[i], "."));
      g_autofree char *test = g_strconcat ("/bundles/refused/", name, NULL);

      g_test_add (test, Case, cases->pdata[i], case_set_up, test_malformed, case_tear_down);
    }
  g_test_add ("/bundles/refused/oversized-string", Case, NULL, case_set_up, test_oversized_string, case_tear_down);
  g_test_add ("/bundles/good", Case, NULL, case_set_up, test_good_bundle, case_tear_down);
  g_test_add ("/bundles/unsigned", Case, NULL, case_set_up, test_unsigned_bundle, case_tear_down);
  g_test_add ("/bundles/export", Case, NULL, case_set_up, test_export, case_tear_down);
  g_test_add ("/bundles/usage", Case, NULL, case_set_up, test_usage, case_tear_down);
  g_test_add ("/bundles/keys", Case, NULL, case_set_up, test_keys, case_tear_down);

  status = g_test_run ();

  idk_test_remove_tree (dir);
  g_free (template_db);
  idk_key_pair_free (corpus_key);
  return status;
}
