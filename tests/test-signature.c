/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/stat.h>

#include "idk-cli-test-util.h"

/* Signatures in minisign's format: a round trip, what is refused and why,
 * key files, and both ways with Debian's stock minisign (which must be
 * installed: build-aux/test installs it; the test fails without it). */

static const char data[] = "{\"format\":\"iasmn-desk-bundle\",\"revisions\":[]}\n";

static void
run_minisign (Run        *run,
              const char *first,
              ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "minisign");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                     &run->out, &run->err, &status, &error))
    g_error ("minisign is needed by this test and cannot run: %s", error->message);
  run->status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkKeyPair) pair = idk_key_pair_generate ();
  g_autoptr(IdkKeyPair) other = idk_key_pair_generate ();
  g_autofree char *public_key = idk_key_pair_get_public (pair);
  g_autofree char *other_key = idk_key_pair_get_public (other);
  g_autofree char *signature = idk_signature_sign (pair, (const guint8 *) data, strlen (data),
                                                   "office 7e57 seq 3 sha256 ab12", &error);
  g_autofree char *comment = NULL;
  g_autofree char *tampered = g_strdup (data);
  g_autofree char *forged_comment = NULL;
  g_autofree char *fingerprint = idk_key_fingerprint (public_key);

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (fingerprint), ==, 16);
  g_assert_true (idk_signature_verify (public_key, (const guint8 *) data, strlen (data), signature, &comment, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (comment, ==, "office 7e57 seq 3 sha256 ab12");

  /* One byte changed. */
  tampered[10] ^= 1;
  g_assert_false (idk_signature_verify (public_key, (const guint8 *) tampered, strlen (tampered), signature, NULL, &error));
  g_assert_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_BAD);
  g_assert_nonnull (strstr (error->message, "altered after it was signed"));
  g_clear_error (&error);

  /* Another office's key. */
  g_assert_false (idk_signature_verify (other_key, (const guint8 *) data, strlen (data), signature, NULL, &error));
  g_assert_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_WRONG_KEY);
  g_clear_error (&error);

  /* The trusted comment rewritten (another seq). */
  forged_comment = g_strdup (signature);
  *strstr (forged_comment, "seq 3") = 'S';
  g_assert_false (idk_signature_verify (public_key, (const guint8 *) data, strlen (data), forged_comment, NULL, &error));
  g_assert_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_BAD);
  g_assert_nonnull (strstr (error->message, "trusted comment"));
  g_clear_error (&error);

  /* Not a signature at all. */
  g_assert_false (idk_signature_verify (public_key, (const guint8 *) data, strlen (data), "hello", NULL, &error));
  g_assert_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_FORMAT);
}

static void
test_key_files_and_minisign (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("idk-signature-XXXXXX", &error);
  g_autofree char *secret = g_build_filename (dir, "office.key", NULL);
  g_autofree char *public_path = g_build_filename (dir, "office.pub", NULL);
  g_autofree char *file = g_build_filename (dir, "bundle.iasmn", NULL);
  g_autofree char *sig = g_build_filename (dir, "bundle.iasmn.minisig", NULL);
  g_autoptr(IdkKeyPair) pair = idk_key_pair_generate ();
  g_autoptr(IdkKeyPair) loaded = NULL;
  g_autofree char *public_key = idk_key_pair_get_public (pair);
  g_autofree char *read_back = NULL;
  g_autofree char *signature = NULL;
  GStatBuf buf;

  g_assert_true (g_file_set_contents (file, data, -1, &error));
  g_assert_true (idk_key_pair_save (pair, secret, public_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (secret, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  read_back = idk_key_read_public_file (public_path, &error);
  g_assert_cmpstr (read_back, ==, public_key);
  loaded = idk_key_pair_load (secret, &error);
  g_assert_no_error (error);

  /* Signed here, verified by stock minisign. */
  signature = idk_signature_sign (loaded, (const guint8 *) data, strlen (data), "IASMN Desk test", &error);
  g_assert_true (g_file_set_contents (sig, signature, -1, &error));
  {
    g_auto(Run) run = { 0 };

    run_minisign (&run, "-V", "-P", public_key, "-m", file, "-x", sig, NULL);
    if (run.status != 0)
      g_error ("minisign -V refused the app's signature: %s%s", run.out, run.err);
    g_assert_nonnull (strstr (run.out, "Trusted comment: IASMN Desk test"));
  }

  /* Signed by stock minisign (its key, unprotected: -W), verified here. */
  {
    g_auto(Run) keygen = { 0 };
    g_auto(Run) sign = { 0 };
    g_autofree char *their_secret = g_build_filename (dir, "theirs.key", NULL);
    g_autofree char *their_public = g_build_filename (dir, "theirs.pub", NULL);
    g_autofree char *their_sig = g_build_filename (dir, "theirs.minisig", NULL);
    g_autofree char *their_key = NULL;
    g_autofree char *their_signature = NULL;
    g_autofree char *comment = NULL;
    g_autoptr(IdkKeyPair) their_pair = NULL;

    run_minisign (&keygen, "-G", "-W", "-p", their_public, "-s", their_secret, NULL);
    g_assert_cmpint (keygen.status, ==, 0);
    run_minisign (&sign, "-S", "-s", their_secret, "-m", file, "-x", their_sig, "-t", "signed by minisign", NULL);
    g_assert_cmpint (sign.status, ==, 0);

    their_key = idk_key_read_public_file (their_public, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (their_sig, &their_signature, NULL, &error));
    g_assert_true (idk_signature_verify (their_key, (const guint8 *) data, strlen (data), their_signature,
                                         &comment, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (comment, ==, "signed by minisign");

    /* And its secret key file loads here. */
    their_pair = idk_key_pair_load (their_secret, &error);
    g_assert_no_error (error);
    {
      g_autofree char *mine = idk_key_pair_get_public (their_pair);

      g_assert_cmpstr (mine, ==, their_key);
    }
  }

  /* Protected by a passphrase (minisign's scrypt format): refused without
   * it or with a wrong one; stock minisign signs with it. */
  {
    g_autofree char *protected_key = g_build_filename (dir, "protected.key", NULL);
    g_autofree char *protected_sig = g_build_filename (dir, "protected.minisig", NULL);
    g_autofree char *script = g_strdup_printf ("printf 'correct horse\\n' | minisign -S -s '%s' -m '%s' -x '%s'",
                                               protected_key, file, protected_sig);
    g_autofree char *protected_signature = NULL;
    g_autoptr(IdkKeyPair) opened = NULL;
    g_autoptr(GError) local = NULL;
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status = 0;

    g_assert_true (idk_key_pair_save_with_passphrase (pair, protected_key, NULL, "correct horse", &error));
    g_assert_no_error (error);
    g_assert_null (idk_key_pair_load (protected_key, &local));
    g_assert_error (local, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_NEEDS_PASSPHRASE);
    g_clear_error (&local);
    g_assert_null (idk_key_pair_load_with_passphrase (protected_key, "correct battery", &local));
    g_assert_error (local, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_WRONG_PASSPHRASE);
    opened = idk_key_pair_load_with_passphrase (protected_key, "correct horse", &error);
    g_assert_no_error (error);
    {
      g_autofree char *opened_key = idk_key_pair_get_public (opened);

      g_assert_cmpstr (opened_key, ==, public_key);
    }

    g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "sh", (char *) "-c", script, NULL }, NULL,
                                 G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
    if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
      g_error ("minisign -S refused the app's protected key: %s%s", out, err);
    g_assert_true (g_file_get_contents (protected_sig, &protected_signature, NULL, &error));
    g_assert_true (idk_signature_verify (public_key, (const guint8 *) data, strlen (data), protected_signature,
                                         NULL, &error));
    g_assert_no_error (error);
  }

  idk_test_remove_tree (dir);
}

/* Offices that exchange signed bundles: each test names two or three. */
typedef struct
{
  char *dir;
  IdkStore *office[3];
  char *path[3];
  guint n_bundles;
} Net;

static void
net_set_up (Net           *net,
            gconstpointer  user_data)
{
  static const char * const names[] = { "Geneva HQ", "Nairobi field office", "Bangkok regional office" };
  static const char * const organizations[] = { "UNHCR", "WFP", "UNICEF" };
  g_autoptr(GError) error = NULL;

  net->dir = g_dir_make_tmp ("idk-trust-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (net->office); i++)
    {
      g_autofree char *file = g_strdup_printf ("office-%u.sqlite3", i);
      g_autofree char *organization = NULL;

      net->path[i] = g_build_filename (net->dir, file, NULL);
      net->office[i] = idk_store_open (net->path[i], IDK_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      organization = idk_store_find_organization (net->office[i], organizations[i]);
      g_assert_true (idk_store_set_office (net->office[i], names[i], organization, &error));
      g_assert_no_error (error);
    }
}

static void
net_tear_down (Net           *net,
               gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (net->office); i++)
    {
      g_clear_object (&net->office[i]);
      g_clear_pointer (&net->path[i], g_free);
    }
  idk_test_remove_tree (net->dir);
  g_clear_pointer (&net->dir, g_free);
}

/* A new organization at @office, then a full bundle of it. */
static char *
edit_and_export (Net      *net,
                 IdkStore *office)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *name = g_strdup_printf ("bundle-%u.iasmn", net->n_bundles++);
  g_autofree char *acronym = g_strdup_printf ("ORG%u", net->n_bundles);
  g_autofree char *uuid = NULL;
  char *path = g_build_filename (net->dir, name, NULL);

  json_object_set_string_member (fields, "acronym", acronym);
  json_object_set_string_member (fields, "name", "An organization of the test");
  json_object_set_string_member (fields, "category", "non-member");
  uuid = idk_store_save (office, "organization", NULL, fields, &error);
  g_assert_no_error (error);
  g_assert_true (idk_store_export (office, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Refused at @store with @code and a message holding @expected, the
 * database file unchanged. */
static void
assert_refused (Net        *net,
                guint       at,
                const char *bundle,
                gboolean    accept,
                int         code,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkImport) import = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_clear_object (&net->office[at]);
  before = idk_test_file_checksum (net->path[at]);
  net->office[at] = idk_store_open (net->path[at], IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  import = idk_import_new (net->office[at], bundle);
  idk_import_set_accept_untrusted (import, accept);
  g_assert_false (idk_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_error (error, IDK_BUNDLE_ERROR, code);
  if (strstr (error->message, expected) == NULL)
    g_error ("Refused for “%s”, not for “%s”", error->message, expected);
  g_clear_error (&error);
  g_clear_object (&import);
  g_clear_object (&net->office[at]);
  after = idk_test_file_checksum (net->path[at]);
  g_assert_cmpstr (before, ==, after);
  net->office[at] = idk_store_open (net->path[at], IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static IdkImport *
import_ok (IdkStore   *store,
           const char *bundle,
           gboolean    accept)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkImport) import = idk_import_new (store, bundle);

  idk_import_set_accept_untrusted (import, accept);
  g_assert_true (idk_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static char *
copy_to (Net        *net,
         const char *from,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  char *to = g_build_filename (net->dir, name, NULL);

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_true (g_file_set_contents (to, contents, (gssize) length, &error));
  return to;
}

/* The app's bundle verifies with stock minisign; trusted, it is taken and
 * recorded as signed; untrusted, refused unless the user accepts it. */
static void
test_trusted_and_untrusted (Net           *net,
                            gconstpointer  user_data)
{
  g_autofree char *bundle = edit_and_export (net, net->office[0]);
  g_autofree char *signature = g_strconcat (bundle, ".minisig", NULL);
  g_autofree char *public_path = g_build_filename (net->dir, "geneva.pub", NULL);
  g_autoptr(IdkImport) accepted = NULL;
  g_autoptr(IdkImport) trusted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (idk_store_export_public_key (net->office[0], public_path, &error));
  g_assert_no_error (error);
  run_minisign (&run, "-V", "-p", public_path, "-m", bundle, "-x", signature, NULL);
  if (run.status != 0)
    g_error ("minisign -V refused the app's bundle: %s%s", run.out, run.err);
  g_assert_nonnull (strstr (run.out, "\"iasmn_bundle\":\""));

  /* Untrusted: refused, then accepted for this once, and recorded so. */
  assert_refused (net, 1, bundle, FALSE, IDK_BUNDLE_ERROR_UNTRUSTED, "which this office does not trust");
  accepted = import_ok (net->office[1], bundle, TRUE);
  g_assert_cmpint (idk_import_get_trust (accepted), ==, IDK_TRUST_UNKNOWN_KEY);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (net->path[1], "SELECT trust FROM bundles WHERE trust <> 'built-in'")), ==,
                   "accepted-untrusted");

  /* Trusted by its fingerprint: taken, and said so. */
  idk_test_trust_office (net->office[2], net->office[0]);
  trusted = import_ok (net->office[2], bundle, FALSE);
  g_assert_cmpint (idk_import_get_trust (trusted), ==, IDK_TRUST_TRUSTED);
  description = idk_import_describe_signer (trusted);
  g_assert_nonnull (strstr (description, "Signed by “Geneva HQ” with key "));

  /* From memory, its signature given beside it (as a hub would hand it
   * over): the same verdict; without it, unsigned. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *signature_text = NULL;
    gsize length = 0;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(IdkImport) from_memory = NULL;
    g_autoptr(IdkImport) bare = NULL;

    g_assert_true (g_file_get_contents (bundle, &contents, &length, &error));
    g_assert_true (g_file_get_contents (signature, &signature_text, NULL, &error));
    bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
    from_memory = idk_import_new_from_bytes (net->office[2], bytes, "from the hub");
    idk_import_set_signature (from_memory, signature_text);
    g_assert_true (idk_import_prepare (from_memory, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (idk_import_get_trust (from_memory), ==, IDK_TRUST_TRUSTED);
    bare = idk_import_new_from_bytes (net->office[2], bytes, "from the hub");
    g_assert_true (idk_import_prepare (bare, NULL, NULL, NULL, &error));
    g_assert_cmpint (idk_import_get_trust (bare), ==, IDK_TRUST_UNSIGNED);
  }
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (net->path[2], "SELECT trust || ' ' || signer FROM bundles "
                                                                          "WHERE trust <> 'built-in'")),
                   ==, idk_test_keep (g_strconcat ("trusted ", idk_test_keep (idk_store_get_key_fingerprint (
                                                     net->office[0])), NULL)));
}

/* What no choice of the user lets in: a changed byte, a signer that is
 * not the origin, a signature taken from another bundle, a revoked key. */
static void
test_refusals (Net           *net,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = edit_and_export (net, net->office[0]);
  g_autofree char *second = edit_and_export (net, net->office[0]);
  g_autofree char *from_nairobi = edit_and_export (net, net->office[1]);
  g_autofree char *tampered = copy_to (net, first, "tampered.iasmn");
  g_autofree char *tampered_sig = g_strconcat (tampered, ".minisig", NULL);
  g_autofree char *first_sig = g_strconcat (first, ".minisig", NULL);
  g_autofree char *moved = copy_to (net, second, "moved.iasmn");
  g_autofree char *moved_sig = g_strconcat (moved, ".minisig", NULL);
  g_autofree char *forged = NULL;
  g_autofree char *forged_sig = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(IdkImport) replayed = NULL;
  g_autoptr(IdkImport) taken = NULL;
  gsize length = 0;

  idk_test_trust_office (net->office[2], net->office[0]);
  idk_test_trust_office (net->office[2], net->office[1]);

  /* One byte of a name changed: the signature no longer holds, and no
   * acceptance overrides that. */
  /* (with its checksum made to match again) */
  idk_test_rewrite_bundle (first, tampered, "An organization of the test", "An organization of the tesT");
  g_assert_true (g_file_get_contents (first_sig, &contents, &length, &error));
  g_assert_true (g_file_set_contents (tampered_sig, contents, (gssize) length, &error));
  assert_refused (net, 2, tampered, TRUE, IDK_BUNDLE_ERROR_TAMPERED, "the file was altered after it was signed");

  /* Geneva's bundle signed by Nairobi, a trusted office: a forgery. */
  forged = copy_to (net, first, "forged.iasmn");
  forged_sig = g_strconcat (forged, ".minisig", NULL);
  {
    g_autofree char *secret_path = NULL;
    g_autoptr(IdkKeyPair) nairobi = NULL;

    g_assert_true (idk_store_get_key_files (net->office[1], &secret_path, NULL, &error));
    nairobi = idk_key_pair_load (secret_path, &error);
    g_assert_no_error (error);
    idk_test_sign_bundle (nairobi, forged);
  }
  assert_refused (net, 2, forged, TRUE, IDK_BUNDLE_ERROR_TAMPERED,
                  "signed with the key of “Nairobi field office”");

  /* Bundle 2's bytes with bundle 1's signature: refused. */
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (first_sig, &contents, &length, &error));
  g_assert_true (g_file_set_contents (moved_sig, contents, (gssize) length, &error));
  assert_refused (net, 2, moved, TRUE, IDK_BUNDLE_ERROR_TAMPERED, "altered after it was signed");

  /* Bundle 1 taken; again, it is a replay: nothing changes. */
  taken = import_ok (net->office[2], first, FALSE);
  {
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    g_clear_object (&net->office[2]);
    before = idk_test_file_checksum (net->path[2]);
    net->office[2] = idk_store_open (net->path[2], IDK_STORE_OPEN_DEFAULT, &error);
    replayed = import_ok (net->office[2], first, FALSE);
    g_assert_true (idk_import_is_already_imported (replayed));
    g_clear_object (&replayed);
    g_clear_object (&net->office[2]);
    after = idk_test_file_checksum (net->path[2]);
    g_assert_cmpstr (before, ==, after);
    net->office[2] = idk_store_open (net->path[2], IDK_STORE_OPEN_DEFAULT, &error);
  }

  /* Geneva's key revoked: bundle 1 stays, bundle 2 is refused. */
  g_assert_true (idk_store_revoke_key (net->office[2], idk_test_keep (idk_store_get_key_fingerprint (net->office[0])),
                                       &error));
  g_assert_no_error (error);
  assert_refused (net, 2, second, TRUE, IDK_BUNDLE_ERROR_REVOKED, "its bundles after number 1 are refused");
  g_assert_cmpint (idk_test_query_int (net->path[2], "SELECT count(*) FROM organizations WHERE acronym = 'ORG1'"),
                   ==, 1);
  /* A revoked key is not trusted again. */
  g_assert_false (idk_store_revoke_key (net->office[2], "0000000000000000", &error));
  g_assert_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (idk_store_revoke_key (net->office[0], idk_test_keep (idk_store_get_key_fingerprint (net->office[0])),
                                        &error));
  g_assert_nonnull (strstr (error->message, "rotate it first"));
  g_clear_error (&error);
  g_assert_nonnull (from_nairobi);
}

/* A rotated key reaches the offices that trust the old one with the next
 * bundle; an introduction by a trusted office names the key's office. */
static void
test_rotation_and_introduction (Net           *net,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old_fingerprint = NULL;
  g_autofree char *new_fingerprint = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *nairobi_pub = g_build_filename (net->dir, "nairobi.pub", NULL);
  g_autofree char *office = NULL;
  g_autoptr(IdkImport) rotated = NULL;
  g_autoptr(IdkImport) from_nairobi = NULL;
  g_autofree char *nairobi_bundle = NULL;

  idk_test_trust_office (net->office[1], net->office[0]);
  old_fingerprint = idk_store_get_key_fingerprint (net->office[0]);
  new_fingerprint = idk_store_rotate_key (net->office[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (new_fingerprint, !=, old_fingerprint);

  bundle = edit_and_export (net, net->office[0]);
  rotated = import_ok (net->office[1], bundle, FALSE);
  g_assert_cmpint (idk_import_get_trust (rotated), ==, IDK_TRUST_TRUSTED);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (net->path[1], idk_test_keep (g_strdup_printf (
                     "SELECT introduced_by FROM keys WHERE fingerprint = '%s'", new_fingerprint)))), ==, old_fingerprint);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (net->path[1], idk_test_keep (g_strdup_printf (
                     "SELECT replaced_by FROM keys WHERE fingerprint = '%s'", old_fingerprint)))), ==, new_fingerprint);

  /* Geneva trusts Nairobi and introduces its key to Bangkok, which trusts
   * Geneva: Bangkok still confirms the fingerprint, and learns the office
   * from the introduction. */
  idk_test_trust_office (net->office[0], net->office[1]);
  idk_test_trust_office (net->office[2], net->office[0]);
  g_assert_true (idk_store_export_public_key (net->office[1], nairobi_pub, &error));
  {
    /* The file's own comment is only a suggestion: strip it. */
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    g_autofree char *bare = NULL;

    g_assert_true (g_file_get_contents (nairobi_pub, &text, NULL, &error));
    lines = g_strsplit (text, "\n", 3);
    bare = g_strdup_printf ("untrusted comment: minisign public key\n%s\n", lines[1]);
    g_assert_true (g_file_set_contents (nairobi_pub, bare, -1, &error));
  }
  g_assert_false (idk_store_trust_key_file (net->office[2], nairobi_pub,
                                            idk_test_keep (idk_store_get_key_fingerprint (net->office[1])),
                                            NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "does not say which office it belongs to"));
  g_clear_error (&error);
  g_assert_true (idk_store_introduce_key (net->office[0], nairobi_pub, &error));
  g_assert_no_error (error);
  g_assert_true (idk_store_trust_key_file (net->office[2], nairobi_pub,
                                           idk_test_keep (idk_store_get_key_fingerprint (net->office[1])),
                                           NULL, &office, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (office, ==, idk_store_get_office_uuid (net->office[1]));
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (net->path[2], idk_test_keep (g_strdup_printf (
                     "SELECT introduced_by FROM keys WHERE office = '%s'", office)))), ==, new_fingerprint);
  nairobi_bundle = edit_and_export (net, net->office[1]);
  from_nairobi = import_ok (net->office[2], nairobi_bundle, FALSE);
  g_assert_cmpint (idk_import_get_trust (from_nairobi), ==, IDK_TRUST_TRUSTED);
}

/* A bundle signed by stock `minisign -S` (with the trusted comment the
 * app documents) under a key this office trusts is taken. */
static void
test_signed_by_minisign (Net           *net,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "bundles", "good.iasmn", NULL);
  g_autofree char *bundle = copy_to (net, source, "good.iasmn");
  g_autofree char *signature = g_strconcat (bundle, ".minisig", NULL);
  g_autofree char *secret = g_build_filename (net->dir, "field.key", NULL);
  g_autofree char *public_path = g_build_filename (net->dir, "field.pub", NULL);
  g_autofree char *public_key = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sum = NULL;
  g_autoptr(IdkImport) import = NULL;
  g_auto(Run) keygen = { 0 };
  g_auto(Run) sign = { 0 };

  g_assert_true (g_file_get_contents (bundle, &contents, NULL, &error));
  sum = idk_test_envelope_member (contents, "\"revisions_sha256\":\"", TRUE);
  comment = idk_trust_bundle_comment ("7e57f1e1-d0ff-4ce0-9a11-000000000001", "Test Field Office", 1, sum);
  run_minisign (&keygen, "-G", "-W", "-p", public_path, "-s", secret, NULL);
  g_assert_cmpint (keygen.status, ==, 0);
  run_minisign (&sign, "-S", "-s", secret, "-m", bundle, "-x", signature, "-t", comment, NULL);
  g_assert_cmpint (sign.status, ==, 0);

  public_key = idk_key_read_public_file (public_path, &error);
  g_assert_no_error (error);
  g_assert_true (idk_store_trust_key (net->office[0], public_key, idk_test_keep (idk_key_fingerprint (public_key)),
                                      "7e57f1e1-d0ff-4ce0-9a11-000000000001", NULL, &error));
  g_assert_no_error (error);
  import = import_ok (net->office[0], bundle, FALSE);
  g_assert_cmpint (idk_import_get_trust (import), ==, IDK_TRUST_TRUSTED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signature/round-trip", test_round_trip);
  g_test_add_func ("/signature/key-files-and-minisign", test_key_files_and_minisign);
  g_test_add ("/signature/bundle/trusted-and-untrusted", Net, NULL, net_set_up, test_trusted_and_untrusted,
              net_tear_down);
  g_test_add ("/signature/bundle/refusals", Net, NULL, net_set_up, test_refusals, net_tear_down);
  g_test_add ("/signature/bundle/rotation-and-introduction", Net, NULL, net_set_up, test_rotation_and_introduction,
              net_tear_down);
  g_test_add ("/signature/bundle/signed-by-minisign", Net, NULL, net_set_up, test_signed_by_minisign,
              net_tear_down);

  return g_test_run ();
}
