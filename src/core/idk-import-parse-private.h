/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-json-scan.h"
#include "idk-revision.h"

G_BEGIN_DECLS

/* idk-import-parse.c: the revisions of a scanned bundle, parsed and
 * checked one by one in a thread of their own. */
typedef struct _IdkParser IdkParser;

/* A reference from a revision's fields to another record. */
typedef struct
{
  const char *field;            /* static, from the descriptor */
  const char * const *types;    /* static, from the descriptor */
  char *target;
} IdkImportRef;

IdkParser   *_idk_parser_start (const char  *data,
                                GArray      *elements);
IdkRevision *_idk_parser_next  (IdkParser   *self,
                                guint       *index,
                                GPtrArray  **refs,
                                GError     **error);
void         _idk_parser_stop  (IdkParser   *self);

G_END_DECLS
