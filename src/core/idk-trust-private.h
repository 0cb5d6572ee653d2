/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-import-private.h"
#include "idk-signature.h"
#include "idk-trust.h"

G_BEGIN_DECLS

/* Shared by the exporter, the importer and idk-trust*.c. */

/* A row of the keys table. */
typedef struct
{
  char *public_key;
  char *office;
  char *name;          /* the office's current name */
  char *revoked_at;    /* NULL if not revoked */
  gint64 revoked_after;
} IdkHeldKey;

void        _idk_held_key_clear        (IdkHeldKey             *key);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IdkHeldKey, _idk_held_key_clear)
gboolean    _idk_trust_find_key        (IdkStore               *store,
                                        const char             *fingerprint,
                                        IdkHeldKey             *key,
                                        GError                **error);

IdkKeyPair *_idk_trust_load_own        (IdkStore               *self,
                                        GError                **error);
gboolean    _idk_trust_insert_key      (IdkStore               *self,
                                        const char             *public_key,
                                        const char             *office,
                                        const char             *name,
                                        const char             *introduced_by,
                                        GError                **error);
void        _idk_trust_write_signer    (IdkStore               *self,
                                        IdkKeyPair             *pair,
                                        GString                *head);
gboolean    _idk_trust_check_import    (IdkImport              *import,
                                        GError                **error);
gboolean    _idk_trust_check_accepted  (IdkImport              *import,
                                        GError                **error);
void        _idk_import_set_built_in   (IdkImport              *import);
const char *_idk_trust_describe_acceptance (IdkImport        *import);
gboolean    _idk_trust_adopt           (IdkStore               *store,
                                        const IdkImportRecord  *record,
                                        GError                **error);

G_END_DECLS
