/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define IDK_TYPE_REVISION (idk_revision_get_type ())

/* An immutable change to one record, as stored and as exchanged. */
typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  char *record;        /* UUID of the record */
  char *type;          /* record type, e.g. "action" */
  char *rev_id;        /* "<hlc hex>-<office uuid>" */
  char **parents;      /* revisions this one was based on */
  guint64 hlc;
  char *office;        /* UUID of the office that made it */
  gboolean deleted;    /* a tombstone */
  JsonObject *fields;
  char *fields_json;   /* the fields as stored, compact JSON */
} IdkRevision;

GType        idk_revision_get_type       (void) G_GNUC_CONST;
IdkRevision *idk_revision_new            (const char   *record,
                                          const char   *type,
                                          guint64       hlc,
                                          const char   *office,
                                          const char  **parents,
                                          gboolean      deleted,
                                          JsonObject   *fields);
IdkRevision *idk_revision_new_from_json  (JsonNode     *node,
                                          GError      **error);
IdkRevision *idk_revision_ref            (IdkRevision  *self);
void         idk_revision_unref          (IdkRevision  *self);
char        *idk_revision_make_id        (guint64       hlc,
                                          const char   *office);
gboolean     idk_revision_parse_id       (const char   *rev_id,
                                          guint64      *hlc,
                                          char        **office);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdkRevision, idk_revision_unref)

G_END_DECLS
