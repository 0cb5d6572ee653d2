/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "idk-bundle.h"
#include "idk-store.h"

G_BEGIN_DECLS

typedef enum
{
  IDK_IMPORT_NEW,          /* records this database did not have */
  IDK_IMPORT_UPDATED,      /* records whose current version changes */
  IDK_IMPORT_UNCHANGED,    /* records the bundle brings nothing new for */
  IDK_IMPORT_CONFLICTING,  /* records left with concurrent versions */
  IDK_IMPORT_N_COUNTS
} IdkImportCount;

typedef void (*IdkProgressFunc) (double   fraction,
                                 gpointer user_data);

#define IDK_TYPE_IMPORT (idk_import_get_type ())

G_DECLARE_FINAL_TYPE (IdkImport, idk_import, IDK, IMPORT, GObject)

IdkImport   *idk_import_new                  (IdkStore         *store,
                                              const char       *path);
IdkImport   *idk_import_new_from_bytes       (IdkStore         *store,
                                              GBytes           *bytes,
                                              const char       *name);
gboolean     idk_import_prepare              (IdkImport        *self,
                                              IdkProgressFunc   progress,
                                              gpointer          user_data,
                                              GCancellable     *cancellable,
                                              GError          **error);
gboolean     idk_import_apply                (IdkImport        *self,
                                              IdkProgressFunc   progress,
                                              gpointer          user_data,
                                              GCancellable     *cancellable,
                                              GError          **error);
gboolean     idk_import_is_already_imported  (IdkImport        *self);
guint64      idk_import_get_work             (IdkImport        *self);
const char  *idk_import_get_origin           (IdkImport        *self);
const char  *idk_import_get_origin_name      (IdkImport        *self);
const char  *idk_import_get_origin_organization (IdkImport     *self);
gint64       idk_import_get_seq              (IdkImport        *self);
const char  *idk_import_get_created_at       (IdkImport        *self);
guint        idk_import_get_n_revisions      (IdkImport        *self);
guint        idk_import_get_n_new_revisions  (IdkImport        *self);
guint        idk_import_get_count            (IdkImport        *self,
                                              const char       *type,
                                              IdkImportCount    which);
void         idk_import_set_signature        (IdkImport        *self,
                                              const char       *signature);
void         idk_import_set_accept_untrusted (IdkImport        *self,
                                              gboolean          accept);
int          idk_import_get_trust            (IdkImport        *self);
const char  *idk_import_get_signer_fingerprint (IdkImport      *self);
const char  *idk_import_get_signer_key       (IdkImport        *self);
char        *idk_import_describe_signer      (IdkImport        *self);
GStrv        idk_import_list_types           (IdkImport        *self);
char        *idk_import_describe             (IdkImport        *self);

G_END_DECLS
