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

  idk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signature/round-trip", test_round_trip);
  g_test_add_func ("/signature/key-files-and-minisign", test_key_files_and_minisign);

  return g_test_run ();
}
