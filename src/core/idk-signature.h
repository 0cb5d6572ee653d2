/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Signatures in minisign's format (Ed25519 over the BLAKE2b-512 hash of
 * the file: minisign's prehashed "ED" mode), so that a bundle signed here
 * verifies with `minisign -V` and one signed by minisign verifies here. */

#define IDK_SIGNATURE_ERROR (idk_signature_error_quark ())

typedef enum
{
  IDK_SIGNATURE_ERROR_FORMAT,     /* not a key or signature of minisign's format */
  IDK_SIGNATURE_ERROR_WRONG_KEY,  /* signed with another key */
  IDK_SIGNATURE_ERROR_BAD,        /* the bytes or the trusted comment do not match */
  IDK_SIGNATURE_ERROR_IO,
  IDK_SIGNATURE_ERROR_NEEDS_PASSPHRASE,  /* the secret key is protected */
  IDK_SIGNATURE_ERROR_WRONG_PASSPHRASE,
} IdkSignatureError;

typedef struct _IdkKeyPair IdkKeyPair;
typedef struct _IdkSignatureHash IdkSignatureHash;

GQuark      idk_signature_error_quark   (void);

IdkKeyPair *idk_key_pair_generate       (void);
void        idk_key_pair_free           (IdkKeyPair   *pair);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdkKeyPair, idk_key_pair_free)
gboolean    idk_key_pair_save           (IdkKeyPair   *pair,
                                         const char   *secret_path,
                                         const char   *public_path,
                                         GError      **error);
IdkKeyPair *idk_key_pair_load           (const char   *secret_path,
                                         GError      **error);
gboolean    idk_key_pair_save_with_passphrase (IdkKeyPair   *pair,
                                               const char   *secret_path,
                                               const char   *public_path,
                                               const char   *passphrase,
                                               GError      **error);
IdkKeyPair *idk_key_pair_load_with_passphrase (const char   *secret_path,
                                               const char   *passphrase,
                                               GError      **error);
char       *idk_key_pair_get_public     (IdkKeyPair   *pair);
char       *idk_key_fingerprint         (const char   *public_key);
char       *idk_key_read_public_file    (const char   *path,
                                         GError      **error);

char       *idk_signature_sign          (IdkKeyPair   *pair,
                                         const guint8 *data,
                                         gsize         length,
                                         const char   *trusted_comment,
                                         GError      **error);
gboolean    idk_signature_verify        (const char   *public_key,
                                         const guint8 *data,
                                         gsize         length,
                                         const char   *signature,
                                         char        **trusted_comment,
                                         GError      **error);

char       *idk_signature_get_key_id    (const char   *signature);

IdkSignatureHash *idk_signature_hash_new    (void);
void        idk_signature_hash_update   (IdkSignatureHash  *hash,
                                         const guint8      *data,
                                         gsize              length);
char       *idk_signature_hash_sign     (IdkSignatureHash  *hash,
                                         IdkKeyPair        *pair,
                                         const char        *trusted_comment,
                                         GError           **error);
void        idk_signature_hash_free     (IdkSignatureHash  *hash);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdkSignatureHash, idk_signature_hash_free)

G_END_DECLS
