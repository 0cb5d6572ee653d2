/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-signature"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "idk-signature.h"

/* minisign's formats, written and read with libsodium:
 *   public key:  base64 ("Ed" | key id (8) | Ed25519 public key (32))
 *   secret key:  base64 ("Ed" | kdf | "B2" | salt (32) | ops (8) | mem (8) |
 *                        key id (8) | Ed25519 secret key (64) | BLAKE2b-256 check (32))
 *   signature:   "untrusted comment: …", base64 ("ED" | key id | Ed25519 (BLAKE2b-512 (data))),
 *                "trusted comment: …", base64 (Ed25519 (signature | trusted comment))
 * A secret key is written without a passphrase (kdf "\0\0"), as
 * `minisign -G -W` writes it, or protected by one (kdf "Sc"): the key id,
 * the secret key and the check are then XORed with a stream that scrypt
 * derives from the passphrase and the salt, as minisign does. */

#define KEY_ID_BYTES 8
#define SECRET_BYTES (2 + 2 + 2 + crypto_pwhash_scryptsalsa208sha256_SALTBYTES + 8 + 8 + KEY_ID_BYTES + \
                      crypto_sign_SECRETKEYBYTES + 32)

struct _IdkKeyPair
{
  guint8 key_id[KEY_ID_BYTES];
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];
};

G_DEFINE_QUARK (idk-signature-error-quark, idk_signature_error)

static gboolean
ensure_sodium (void)
{
  return sodium_init () >= 0;
}

IdkKeyPair *
idk_key_pair_generate (void)
{
  IdkKeyPair *pair;

  g_return_val_if_fail (ensure_sodium (), NULL);

  pair = sodium_malloc (sizeof *pair);
  randombytes_buf (pair->key_id, sizeof pair->key_id);
  crypto_sign_keypair (pair->public_key, pair->secret_key);
  return pair;
}

void
idk_key_pair_free (IdkKeyPair *pair)
{
  if (pair != NULL)
    sodium_free (pair);
}

/**
 * idk_key_pair_get_public:
 *
 * Returns: (transfer full): the public key as minisign's one line of base64
 */
char *
idk_key_pair_get_public (IdkKeyPair *pair)
{
  guint8 raw[2 + KEY_ID_BYTES + crypto_sign_PUBLICKEYBYTES];

  memcpy (raw, "Ed", 2);
  memcpy (raw + 2, pair->key_id, KEY_ID_BYTES);
  memcpy (raw + 2 + KEY_ID_BYTES, pair->public_key, crypto_sign_PUBLICKEYBYTES);
  return g_base64_encode (raw, sizeof raw);
}

static char *
key_id_hex (const guint8 *key_id)
{
  GString *hex = g_string_new (NULL);

  /* As minisign prints it: the id as a little-endian number. */
  for (int i = KEY_ID_BYTES - 1; i >= 0; i--)
    g_string_append_printf (hex, "%02X", key_id[i]);
  return g_string_free (hex, FALSE);
}

static gboolean
decode_public (const char  *public_key,
               guint8      *key_id,
               guint8      *key,
               GError     **error)
{
  g_autofree guint8 *raw = NULL;
  gsize length = 0;

  if (public_key != NULL)
    raw = g_base64_decode (public_key, &length);
  if (length != 2 + KEY_ID_BYTES + crypto_sign_PUBLICKEYBYTES || memcmp (raw, "Ed", 2) != 0)
    {
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_FORMAT,
                   _("Not a public key of minisign’s format"));
      return FALSE;
    }
  memcpy (key_id, raw + 2, KEY_ID_BYTES);
  memcpy (key, raw + 2 + KEY_ID_BYTES, crypto_sign_PUBLICKEYBYTES);
  return TRUE;
}

/**
 * idk_key_fingerprint:
 *
 * Returns: (transfer full) (nullable): the key's id, 16 hex digits as
 *   `minisign` shows it, or %NULL if @public_key is not a key
 */
char *
idk_key_fingerprint (const char *public_key)
{
  guint8 key_id[KEY_ID_BYTES], key[crypto_sign_PUBLICKEYBYTES];

  if (!decode_public (public_key, key_id, key, NULL))
    return NULL;
  return key_id_hex (key_id);
}

static char *
second_line (const char  *text,
             const char  *path,
             GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", 3);

  if (g_strv_length (lines) < 2 || !g_str_has_prefix (lines[0], "untrusted comment:"))
    {
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_FORMAT,
                   _("“%s” is not a key file of minisign’s format"), path);
      return NULL;
    }
  return g_strstrip (g_strdup (lines[1]));
}

/**
 * idk_key_read_public_file:
 *
 * Returns: (transfer full): the public key of a minisign .pub file
 */
char *
idk_key_read_public_file (const char  *path,
                          GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;
  char *key;
  guint8 key_id[KEY_ID_BYTES], raw[crypto_sign_PUBLICKEYBYTES];

  if (!g_file_get_contents (path, &text, NULL, &local))
    {
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_IO, "%s", local->message);
      return NULL;
    }
  if (!(key = second_line (text, path, error)))
    return NULL;
  if (!decode_public (key, key_id, raw, error))
    {
      g_free (key);
      return NULL;
    }
  return key;
}

static void
secret_check (const guint8 *key_id,
              const guint8 *secret,
              guint8       *check)
{
  crypto_generichash_state state;

  crypto_generichash_init (&state, NULL, 0, 32);
  crypto_generichash_update (&state, (const guint8 *) "Ed", 2);
  crypto_generichash_update (&state, key_id, KEY_ID_BYTES);
  crypto_generichash_update (&state, secret, crypto_sign_SECRETKEYBYTES);
  crypto_generichash_final (&state, check, 32);
}

/**
 * idk_key_pair_save:
 *
 * Writes the secret key (mode 0600) and the public key in minisign's
 * formats.
 */
gboolean
idk_key_pair_save (IdkKeyPair  *pair,
                   const char  *secret_path,
                   const char  *public_path,
                   GError     **error)
{
  return idk_key_pair_save_with_passphrase (pair, secret_path, public_path, NULL, error);
}

/* The scrypt limits of a protected key: minisign reads them from the file,
 * so these need not be its own (which ask for 1 GiB). */
#define KDF_OPSLIMIT (G_GUINT64_CONSTANT (1) << 22)
#define KDF_MEMLIMIT (G_GUINT64_CONSTANT (1) << 26)

/* XORs the key id, the secret key and the check (@at) with the stream of
 * @passphrase. */
static gboolean
apply_passphrase (guint8       *raw,
                  const char   *passphrase)
{
  guint8 *salt = raw + 6;
  guint64 ops = 0, mem = 0;
  guint8 *at = salt + crypto_pwhash_scryptsalsa208sha256_SALTBYTES + 16;
  gsize length = KEY_ID_BYTES + crypto_sign_SECRETKEYBYTES + 32;
  guint8 *stream = sodium_malloc (length);
  gboolean ok;

  for (int i = 7; i >= 0; i--)
    {
      ops = (ops << 8) | salt[crypto_pwhash_scryptsalsa208sha256_SALTBYTES + i];
      mem = (mem << 8) | salt[crypto_pwhash_scryptsalsa208sha256_SALTBYTES + 8 + i];
    }
  ok = crypto_pwhash_scryptsalsa208sha256 (stream, length, passphrase, strlen (passphrase), salt,
                                           (unsigned long long) ops, (size_t) mem) == 0;
  for (gsize i = 0; ok && i < length; i++)
    at[i] ^= stream[i];
  sodium_free (stream);
  return ok;
}

/**
 * idk_key_pair_save_with_passphrase:
 * @passphrase: (nullable): protects the secret key if given
 *
 * Writes the secret key (mode 0600) and the public key in minisign's
 * formats.
 */
gboolean
idk_key_pair_save_with_passphrase (IdkKeyPair  *pair,
                                   const char  *secret_path,
                                   const char  *public_path,
                                   const char  *passphrase,
                                   GError     **error)
{
  guint8 *raw = sodium_malloc (SECRET_BYTES);
  guint8 *at = raw;
  g_autofree char *fingerprint = key_id_hex (pair->key_id);
  g_autofree char *public_key = idk_key_pair_get_public (pair);
  g_autofree char *public_text = NULL;
  char *encoded;
  g_autofree char *secret_text = NULL;
  gboolean ok;

  memset (raw, 0, SECRET_BYTES);
  memcpy (at, "Ed", 2), at += 2;
  if (passphrase != NULL)
    memcpy (at, "Sc", 2);                                   /* kdf: scrypt, or none */
  at += 2;
  memcpy (at, "B2", 2), at += 2;
  if (passphrase != NULL)
    {
      randombytes_buf (at, crypto_pwhash_scryptsalsa208sha256_SALTBYTES);
      for (int i = 0; i < 8; i++)
        {
          at[crypto_pwhash_scryptsalsa208sha256_SALTBYTES + i] = (guint8) (KDF_OPSLIMIT >> (8 * i));
          at[crypto_pwhash_scryptsalsa208sha256_SALTBYTES + 8 + i] = (guint8) (KDF_MEMLIMIT >> (8 * i));
        }
    }
  at += crypto_pwhash_scryptsalsa208sha256_SALTBYTES + 8 + 8;
  memcpy (at, pair->key_id, KEY_ID_BYTES), at += KEY_ID_BYTES;
  memcpy (at, pair->secret_key, crypto_sign_SECRETKEYBYTES), at += crypto_sign_SECRETKEYBYTES;
  secret_check (pair->key_id, pair->secret_key, at);
  if (passphrase != NULL && !apply_passphrase (raw, passphrase))
    {
      sodium_free (raw);
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_IO,
                   _("Not enough memory to protect the key with its passphrase"));
      return FALSE;
    }

  encoded = g_base64_encode (raw, SECRET_BYTES);
  sodium_free (raw);
  secret_text = g_strdup_printf ("untrusted comment: IASMN Desk secret key %s\n%s\n", fingerprint, encoded);
  sodium_memzero (encoded, strlen (encoded));
  g_free (encoded);

  ok = g_file_set_contents_full (secret_path, secret_text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
  sodium_memzero (secret_text, strlen (secret_text));
  if (!ok)
    return FALSE;

  public_text = g_strdup_printf ("untrusted comment: minisign public key %s\n%s\n", fingerprint, public_key);
  return public_path == NULL ||
         g_file_set_contents_full (public_path, public_text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static gboolean
key_halves_agree (IdkKeyPair *pair)
{
  guint8 seed[crypto_sign_SEEDBYTES];
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];
  gboolean agree;

  crypto_sign_ed25519_sk_to_seed (seed, pair->secret_key);
  crypto_sign_seed_keypair (public_key, secret_key, seed);
  agree = sodium_memcmp (secret_key, pair->secret_key, sizeof secret_key) == 0;
  sodium_memzero (seed, sizeof seed);
  sodium_memzero (secret_key, sizeof secret_key);
  return agree;
}

/**
 * idk_key_pair_load:
 *
 * Returns: (transfer full): the key pair of a minisign secret key file
 *   written without a passphrase, or %NULL with @error set
 */
IdkKeyPair *
idk_key_pair_load (const char  *secret_path,
                   GError     **error)
{
  return idk_key_pair_load_with_passphrase (secret_path, NULL, error);
}

/**
 * idk_key_pair_load_with_passphrase:
 * @passphrase: (nullable): for a protected key
 *
 * Returns: (transfer full): the key pair of a minisign secret key file,
 *   or %NULL with @error set (%IDK_SIGNATURE_ERROR_NEEDS_PASSPHRASE,
 *   %IDK_SIGNATURE_ERROR_WRONG_PASSPHRASE for a protected one)
 */
IdkKeyPair *
idk_key_pair_load_with_passphrase (const char  *secret_path,
                                   const char  *passphrase,
                                   GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) local = NULL;
  guint8 *raw;
  gsize length = 0;
  IdkKeyPair *pair;
  guint8 check[32];
  const guint8 *keynum;
  gboolean protected;

  g_return_val_if_fail (ensure_sodium (), NULL);

  if (!g_file_get_contents (secret_path, &text, NULL, &local))
    {
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_IO, "%s", local->message);
      return NULL;
    }
  if (!(line = second_line (text, secret_path, error)))
    return NULL;
  raw = g_base64_decode (line, &length);
  sodium_memzero (text, strlen (text));
  if (length != SECRET_BYTES || memcmp (raw, "Ed", 2) != 0 || memcmp (raw + 4, "B2", 2) != 0)
    {
      g_free (raw);
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_FORMAT,
                   _("“%s” is not a secret key of minisign’s format"), secret_path);
      return NULL;
    }
  protected = memcmp (raw + 2, "Sc", 2) == 0;
  if (!protected && (raw[2] != 0 || raw[3] != 0))
    {
      g_free (raw);
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_FORMAT,
                   _("“%s” is protected in a way this version does not know"), secret_path);
      return NULL;
    }
  if (protected && passphrase == NULL)
    {
      g_free (raw);
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_NEEDS_PASSPHRASE,
                   _("“%s” is protected by a passphrase"), secret_path);
      return NULL;
    }
  if (protected && !apply_passphrase (raw, passphrase))
    {
      sodium_memzero (raw, length);
      g_free (raw);
      g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_IO,
                   _("Not enough memory to open the key with its passphrase"));
      return NULL;
    }

  keynum = raw + 6 + crypto_pwhash_scryptsalsa208sha256_SALTBYTES + 16;
  pair = sodium_malloc (sizeof *pair);
  memcpy (pair->key_id, keynum, KEY_ID_BYTES);
  memcpy (pair->secret_key, keynum + KEY_ID_BYTES, crypto_sign_SECRETKEYBYTES);
  secret_check (pair->key_id, pair->secret_key, check);
  crypto_sign_ed25519_sk_to_pk (pair->public_key, pair->secret_key);
  /* minisign 0.11 leaves the check of an unprotected key (-W) zero: the
   * key is then checked by its halves, the second being the public key
   * the first one derives. */
  if (sodium_memcmp (check, keynum + KEY_ID_BYTES + crypto_sign_SECRETKEYBYTES, 32) != 0 &&
      !(sodium_is_zero (keynum + KEY_ID_BYTES + crypto_sign_SECRETKEYBYTES, 32) && key_halves_agree (pair)))
    {
      sodium_memzero (raw, length);
      g_free (raw);
      idk_key_pair_free (pair);
      if (protected)
        g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_WRONG_PASSPHRASE,
                     _("The passphrase of “%s” is wrong"), secret_path);
      else
        g_set_error (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_FORMAT,
                     _("“%s” is damaged: its checksum does not match"), secret_path);
      return NULL;
    }
  sodium_memzero (raw, length);
  g_free (raw);
  return pair;
}

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

  g_return_val_if_fail (ensure_sodium (), NULL);

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
  return key_id_hex (line + 2);
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
  g_autofree char *fingerprint = key_id_hex (pair->key_id);
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

  g_return_val_if_fail (ensure_sodium (), FALSE);

  if (!decode_public (public_key, key_id, key, error))
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
      signer = key_id_hex (line + 2);
      expected = key_id_hex (key_id);
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
