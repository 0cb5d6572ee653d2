/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "idk-store.h"

G_BEGIN_DECLS

/* Office keys and the keys this office trusts (SPEC §5): every bundle is
 * signed with its origin office's key, and accepted only from an office
 * whose key is trusted here, confirmed by its fingerprint. */

typedef enum
{
  IDK_TRUST_UNSIGNED,     /* no signature beside the bundle */
  IDK_TRUST_UNKNOWN_KEY,  /* signed with a key this office does not trust */
  IDK_TRUST_TRUSTED,      /* signed with a trusted key of its origin office */
  IDK_TRUST_BUILT_IN,     /* the default data, trusted by construction */
} IdkTrust;

char       *idk_store_get_key_directory   (void);
gboolean    idk_store_ensure_key          (IdkStore     *self,
                                           GError      **error);
char       *idk_store_get_key_fingerprint (IdkStore     *self);
gboolean    idk_store_get_key_files       (IdkStore     *self,
                                           char        **secret_path,
                                           char        **public_path,
                                           GError      **error);
JsonNode   *idk_store_describe_keys       (IdkStore     *self,
                                           GError      **error);
gboolean    idk_store_export_public_key   (IdkStore     *self,
                                           const char   *path,
                                           GError      **error);
gboolean    idk_store_introduce_key       (IdkStore     *self,
                                           const char   *public_key_path,
                                           GError      **error);
gboolean    idk_store_trust_key           (IdkStore     *self,
                                           const char   *public_key,
                                           const char   *fingerprint,
                                           const char   *office,
                                           const char   *name,
                                           GError      **error);
gboolean    idk_store_trust_key_file      (IdkStore     *self,
                                           const char   *path,
                                           const char   *fingerprint,
                                           const char   *office,
                                           char        **trusted_office,
                                           GError      **error);
gboolean    idk_store_revoke_key          (IdkStore     *self,
                                           const char   *fingerprint,
                                           GError      **error);
char       *idk_store_rotate_key          (IdkStore     *self,
                                           GError      **error);
void        idk_store_set_key_passphrase  (IdkStore     *self,
                                           const char   *passphrase);
gboolean    idk_store_protect_key         (IdkStore     *self,
                                           const char   *passphrase,
                                           GError      **error);
char       *idk_key_format_fingerprint    (const char   *fingerprint);
char       *idk_trust_bundle_comment      (const char   *office,
                                           const char   *name,
                                           gint64        seq,
                                           const char   *sha256);

G_END_DECLS
