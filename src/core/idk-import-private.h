/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-import.h"
#include "idk-import-parse-private.h"
#include "idk-json-scan.h"
#include "idk-revision.h"
#include "idk-store-private.h"

G_BEGIN_DECLS

/* What idk_import_apply() records of a bundle besides its revisions. */
typedef struct
{
  const char *bundle_id;
  const char *origin;
  const char *origin_name;
  const char *origin_organization;
  gint64 seq;
  gint64 since;
  const char *sha256;
  guint n_revisions;
  gint64 acked_here;
  guint64 max_hlc;
  const char *signer;        /* fingerprint of the key that signed it */
  const char *trust;         /* "trusted", "built-in", "accepted-unsigned", "accepted-untrusted" */
  const char *adopt_key;     /* a rotated key of the origin to trust from now on */
  const char *adopt_from;    /* the fingerprint of the key that endorsed it */
} IdkImportRecord;

/* idk-import-checksum.c */
typedef struct _IdkImportChecksum IdkImportChecksum;

IdkImportChecksum *_idk_import_checksum_start  (const char         *data,
                                                gsize               start);
void               _idk_import_checksum_feed   (IdkImportChecksum  *self,
                                                gsize               upto);
gsize              _idk_import_checksum_hashed (IdkImportChecksum  *self);
char              *_idk_import_checksum_finish (IdkImportChecksum  *self,
                                                gsize               end);
void               _idk_import_checksum_free   (IdkImportChecksum  *self);

/* Shared by the files of the importer (idk-import.c, idk-import-envelope.c). */
struct _IdkImport
{
  GObject parent_instance;

  IdkStore *store;
  char *path;
  GBytes *bytes;
  GMappedFile *mapped;
  IdkJsonScan scan;
  IdkImportChecksum *checksum; /* of the revisions, during the scan */
  gboolean loaded;

  gboolean already_imported;
  gboolean applied;

  char *bundle_id;
  char *origin;
  char *origin_name;
  char *origin_organization;
  char *created_at;
  char *sha256;
  gint64 seq;
  gint64 since;
  gint64 acked_here;      /* the origin's ack of this office's bundles */
  guint n_revisions;
  guint n_new;
  guint64 max_hlc;
  guint64 work;           /* thousands of SQLite VM steps of the last pass */
  GHashTable *counts;     /* type name → guint[IDK_IMPORT_N_COUNTS] */

  /* Who signed it (idk-trust-check.c). */
  char *signature;        /* the .minisig text, NULL if none */
  gboolean signature_read;
  char *signer_key;       /* envelope "signer": claims, checked against the signature */
  char *endorsed_by;
  char *endorsement;
  int trust;              /* IdkTrust */
  gboolean built_in;      /* the default data */
  gboolean accept_untrusted;
  char *signer_fingerprint;
  char *signer_office_name;
  char *adopt_key;
  char *adopt_from;
  char *verified_key;     /* the key the bytes were verified with */
};

gboolean      _idk_import_check_envelope (IdkImport          *self,
                                          const char         *data,
                                          gsize               length,
                                          const IdkJsonScan  *scan,
                                          GError            **error);
void          _idk_import_release_pages  (const char         *data,
                                          gsize               upto,
                                          gpointer            user_data);

/* idk-import-run.c: one pass of the revisions into the database, inside
 * one transaction that is committed or rolled back at the end. */
typedef struct _IdkImportRun IdkImportRun;

gboolean      _idk_import_read_file  (IdkImport              *self,
                                      GError                **error);
gboolean      _idk_import_refuse     (GError                **error,
                                      IdkBundleError          code,
                                      const char             *format,
                                      ...) G_GNUC_PRINTF (3, 4);

gboolean      _idk_import_check_seen (IdkStore               *store,
                                      const char             *bundle_id,
                                      const char             *origin,
                                      gint64                  seq,
                                      const char             *sha256,
                                      gboolean               *already_imported,
                                      GError                **error);
gboolean      _idk_import_record_bundle (IdkStore               *store,
                                         const IdkImportRecord  *record,
                                         GError                **error);
IdkImportRun *_idk_import_run_begin  (IdkStore               *store,
                                      GError                **error);
/* idk-import-refs.c */
typedef struct _IdkImportRefs IdkImportRefs;

IdkImportRefs *_idk_import_refs_new   (void);
void           _idk_import_refs_free  (IdkImportRefs  *self);
void           _idk_import_refs_note  (IdkImportRefs  *self,
                                       guint           index,
                                       IdkRevision    *revision,
                                       GPtrArray      *refs);
gboolean       _idk_import_refs_check (IdkImportRefs  *self,
                                       IdkStore       *store,
                                       GError        **error);

gboolean      _idk_import_run_add    (IdkImportRun           *run,
                                      guint                   index,
                                      IdkRevision            *revision,
                                      GPtrArray              *refs,
                                      IdkImportRow           *row,
                                      const char             *fields,
                                      gsize                   fields_length,
                                      gboolean                fields_compact,
                                      GError                **error);
gboolean      _idk_import_run_finish (IdkImportRun           *run,
                                      const IdkImportRecord  *record,
                                      GHashTable             *counts,
                                      guint                  *n_new,
                                      GError                **error);
void          _idk_import_run_abort  (IdkImportRun           *run);

G_END_DECLS
