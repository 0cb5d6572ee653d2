/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-signature"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "idk-signature-private.h"

/* Signatures in minisign's format (see idk-key-pair.c for the keys):
 *   "untrusted comment: …", base64 ("ED" | key id | Ed25519 (BLAKE2b-512 (data))),
 *   "trusted comment: …", base64 (Ed25519 (signature | trusted comment)) */

G_DEFINE_QUARK (idk-signature-error-quark, idk_signature_error)

static void
prehash (const guint8 *data,
         gsize         length,
         guint8       *hash)
{
  crypto_generichash (hash, crypto_generichash_BYTES_MAX, data, length, NULL, 0);
}

/* A hash computed as the bytes are written, for a file too large to be
 * read again just to sign it. */
struct _IdkSignatureHash
{
  crypto_generichash_state state;
};

IdkSignatureHash *
idk_signature_hash_new (void)
{
  IdkSignatureHash *hash;

  g_return_val_if_fail (_idk_signature_ensure_sodium (), NULL);

  /* libsodium's state asks for 64-byte alignment. */
  hash = g_aligned_alloc0 (1, sizeof *hash, 64);
  crypto_generichash_init (&hash->state, NULL, 0, crypto_generichash_BYTES_MAX);
  return hash;
}

void
idk_signature_hash_update (IdkSignatureHash *hash,
                           const guint8     *data,
                           gsize             length)
{
  crypto_generichash_update (&hash->state, data, length);
}

void
idk_signature_hash_free (IdkSignatureHash *hash)
{
  g_aligned_free (hash);
}

static char *sign_prehashed (IdkKeyPair   *pair,
                             const guint8 *hash,
                             const char   *trusted_comment,
                             GError      **error);

/**
 * idk_signature_hash_sign:
 *
 * Signs what went through @hash, which is then spent.
 *
 * Returns: (transfer full): the text of a .minisig file
 */
char *
idk_signature_hash_sign (IdkSignatureHash  *hash,
                         IdkKeyPair        *pair,
                         const char        *trusted_comment,
                         GError           **error)
{
  guint8 digest[crypto_generichash_BYTES_MAX];

  crypto_generichash_final (&hash->state, digest, sizeof digest);
  return sign_prehashed (pair, digest, trusted_comment, error);
}

/**
 * idk_signature_get_key_id:
 *
 * Returns: (transfer full) (nullable): the fingerprint of the key that
 *   made @signature, as idk_key_fingerprint() gives it, or %NULL if it is
 *   not a signature of minisign's format
 */
char *
idk_signature_get_key_id (const char *signature)
{
  g_auto(GStrv) lines = g_strsplit (signature ? signature : "", "\n", 3);
  g_autofree guint8 *line = NULL;
  gsize length = 0;

  if (g_strv_length (lines) < 2 || !g_str_has_prefix (lines[0], "untrusted comment:"))
    return NULL;
  line = g_base64_decode (g_strstrip (lines[1]), &length);
  if (length != 2 + KEY_ID_BYTES + crypto_sign_BYTES)
    return NULL;
  return _idk_key_id_hex (line + 2);
}

/**
 * idk_signature_sign:
 * @trusted_comment: one line, signed with the rest
 *
 * Returns: (transfer full): the text of a .minisig file for @data
 */
char *
idk_signature_sign (IdkKeyPair   *pair,
                    const guint8 *data,
                    gsize         length,
                    const char   *trusted_comment,
                    GError      **error)
{
  guint8 hash[crypto_generichash_BYTES_MAX];

  prehash (data, length, hash);
  return sign_prehashed (pair, hash, trusted_comment, error);
}

static char *
sign_prehashed (IdkKeyPair   *pair,
                const guint8 *hash,
                const char   *trusted_comment,
                GError      **error)
{
  guint8 line[2 + KEY_ID_BYTES + crypto_sign_BYTES];
  guint8 global[crypto_sign_BYTES];
  g_autofree guint8 *signed_comment = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *fingerprint = _idk_key_id_hex (pair->key_id);
  gsize comment_length;

  if (trusted_comment == NULL || strchr (trusted_comment, '\n') != NULL || strchr (trusted_comment, '\r') != NULL)
    {
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_FORMAT,
                   _("A trusted comment is one line"));
      return NULL;
    }

  memcpy (line, "ED", 2);
  memcpy (line + 2, pair->key_id, KEY_ID_BYTES);
  crypto_sign_detached (line + 2 + KEY_ID_BYTES, NULL, hash, crypto_generichash_BYTES_MAX, pair->secret_key);

  comment_length = strlen (trusted_comment);
  signed_comment = g_malloc (crypto_sign_BYTES + comment_length);
  memcpy (signed_comment, line + 2 + KEY_ID_BYTES, crypto_sign_BYTES);
  memcpy (signed_comment + crypto_sign_BYTES, trusted_comment, comment_length);
  crypto_sign_detached (global, NULL, signed_comment, crypto_sign_BYTES + comment_length, pair->secret_key);

  first = g_base64_encode (line, sizeof line);
  second = g_base64_encode (global, sizeof global);
  return g_strdup_printf ("untrusted comment: signature from IASMN Desk key %s\n%s\ntrusted comment: %s\n%s\n",
                          fingerprint, first, trusted_comment, second);
}

/**
 * idk_signature_verify:
 * @trusted_comment: (out) (optional): the signed comment
 *
 * Checks a .minisig text against @data and @public_key: the key that made
 * it, the bytes, and the trusted comment.
 */
gboolean
idk_signature_verify (const char   *public_key,
                      const guint8 *data,
                      gsize         length,
                      const char   *signature,
                      char        **trusted_comment,
                      GError      **error)
{
  g_auto(GStrv) lines = NULL;
  g_autofree guint8 *line = NULL;
  g_autofree guint8 *global = NULL;
  g_autofree guint8 *signed_comment = NULL;
  g_autofree char *signer = NULL;
  g_autofree char *expected = NULL;
  guint8 key_id[KEY_ID_BYTES], key[crypto_sign_PUBLICKEYBYTES];
  guint8 hash[crypto_generichash_BYTES_MAX];
  const char *comment;
  gsize line_length = 0, global_length = 0, comment_length;

  g_return_val_if_fail (_idk_signature_ensure_sodium (), FALSE);

  if (!_idk_key_decode_public (public_key, key_id, key, error))
    return FALSE;

  lines = g_strsplit (signature ? signature : "", "\n", 5);
  if (g_strv_length (lines) < 4 || !g_str_has_prefix (lines[0], "untrusted comment:") ||
      !g_str_has_prefix (lines[2], "trusted comment: "))
    {
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_FORMAT,
                   _("Not a signature of minisign’s format"));
      return FALSE;
    }
  line = g_base64_decode (g_strstrip (lines[1]), &line_length);
  global = g_base64_decode (g_strstrip (lines[3]), &global_length);
  if (line_length != 2 + KEY_ID_BYTES + crypto_sign_BYTES || global_length != crypto_sign_BYTES)
    {
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_FORMAT,
                   _("Not a signature of minisign’s format"));
      return FALSE;
    }
  if (memcmp (line, "ED", 2) != 0)
    {
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_FORMAT,
                   _("The signature is not of the prehashed kind (minisign -S makes those)"));
      return FALSE;
    }
  if (memcmp (line + 2, key_id, KEY_ID_BYTES) != 0)
    {
      signer = _idk_key_id_hex (line + 2);
      expected = _idk_key_id_hex (key_id);
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_WRONG_KEY,
                   _("Signed with key %s, not with %s"), signer, expected);
      return FALSE;
    }

  prehash (data, length, hash);
  if (crypto_sign_verify_detached (line + 2 + KEY_ID_BYTES, hash, sizeof hash, key) != 0)
    {
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_BAD,
                   _("The signature does not match the bytes: the file was altered after it was signed"));
      return FALSE;
    }

  /* The comment line keeps its text after the prefix, the CR of a CRLF
   * file aside. */
  comment = lines[2] + strlen ("trusted comment: ");
  comment_length = strlen (comment);
  if (comment_length > 0 && comment[comment_length - 1] == '\r')
    comment_length--;
  signed_comment = g_malloc (crypto_sign_BYTES + comment_length);
  memcpy (signed_comment, line + 2 + KEY_ID_BYTES, crypto_sign_BYTES);
  memcpy (signed_comment + crypto_sign_BYTES, comment, comment_length);
  if (crypto_sign_verify_detached (global, signed_comment, crypto_sign_BYTES + comment_length, key) != 0)
    {
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_BAD,
                   _("The trusted comment was altered after it was signed"));
      return FALSE;
    }

  if (trusted_comment != NULL)
    *trusted_comment = g_strndup (comment, comment_length);
  return TRUE;
}

