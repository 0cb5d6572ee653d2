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

/* idk-import-checks.c: the staging tables and the checks over them. */
gboolean _idk_import_check_seen    (IdkStore               *store,
                                    const char             *bundle_id,
                                    const char             *origin,
                                    gint64                  seq,
                                    const char             *sha256,
                                    gboolean               *already_imported,
                                    GError                **error);
gboolean _idk_import_begin_staging (IdkStore               *store,
                                    GError                **error);
gboolean _idk_import_end_staging   (IdkStore               *store,
                                    gboolean                keep,
                                    GError                **error);
gboolean _idk_import_stage         (IdkStore               *store,
                                    guint                   index,
                                    IdkRevision            *revision,
                                    const char             *fields,
                                    gsize                   fields_length,
                                    GError                **error);
gboolean _idk_import_check_staged  (IdkStore               *store,
                                    GError                **error);
gboolean _idk_import_count         (IdkStore               *store,
                                    GHashTable             *counts,
                                    guint                  *n_new,
                                    GError                **error);
gboolean _idk_import_write         (IdkStore               *store,
                                    const IdkImportRecord  *record,
                                    GError                **error);

G_END_DECLS
