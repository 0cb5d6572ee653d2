/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-signature"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "idk-signature-private.h"

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

#define SECRET_BYTES (2 + 2 + 2 + crypto_pwhash_scryptsalsa208sha256_SALTBYTES + 8 + 8 + KEY_ID_BYTES + \
                      crypto_sign_SECRETKEYBYTES + 32)

gboolean
_idk_signature_ensure_sodium (void)
{
  return sodium_init () >= 0;
}

IdkKeyPair *
idk_key_pair_generate (void)
{
  IdkKeyPair *pair;

  g_return_val_if_fail (_idk_signature_ensure_sodium (), NULL);

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

char *
_idk_key_id_hex (const guint8 *key_id)
{
  GString *hex = g_string_new (NULL);

  /* As minisign prints it: the id as a little-endian number. */
  for (int i = KEY_ID_BYTES - 1; i >= 0; i--)
    g_string_append_printf (hex, "%02X", key_id[i]);
  return g_string_free (hex, FALSE);
}

gboolean
_idk_key_decode_public (const char  *public_key,
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

  if (!_idk_key_decode_public (public_key, key_id, key, NULL))
    return NULL;
  return _idk_key_id_hex (key_id);
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
  if (!_idk_key_decode_public (key, key_id, raw, error))
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
  g_autofree char *fingerprint = _idk_key_id_hex (pair->key_id);
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

  g_return_val_if_fail (_idk_signature_ensure_sodium (), NULL);

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

