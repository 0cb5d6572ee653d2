/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-import.h"
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
} IdkImportRecord;

/* idk-import-run.c: one pass of the revisions into the database, inside
 * one transaction that is committed or rolled back at the end. */
typedef struct _IdkImportRun IdkImportRun;

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
IdkImportRun *_idk_import_run_begin  (IdkStore               *store,
                                      GError                **error);
gboolean      _idk_import_run_add    (IdkImportRun           *run,
                                      guint                   index,
                                      IdkRevision            *revision,
                                      GPtrArray              *refs,
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
