/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sodium.h>

#include "idk-signature.h"

G_BEGIN_DECLS

/* Shared by idk-signature.c (signatures) and idk-key-pair.c (keys). */

#define KEY_ID_BYTES 8

struct _IdkKeyPair
{
  guint8 key_id[KEY_ID_BYTES];
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];
};

gboolean  _idk_signature_ensure_sodium (void);
char     *_idk_key_id_hex              (const guint8  *key_id);
gboolean  _idk_key_decode_public       (const char    *public_key,
                                        guint8        *key_id,
                                        guint8        *key,
                                        GError       **error);

G_END_DECLS
