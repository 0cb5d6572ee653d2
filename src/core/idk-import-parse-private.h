/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-json-scan.h"
#include "idk-revision.h"
#include "idk-store-private.h"

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

/* A value of a record's query row, as json_extract () gave it: NULL,
 * INTEGER, FLOAT or TEXT (SQLite's type codes). */
typedef struct
{
  int type;
  int length;                   /* of text, in bytes */
  union
  {
    gint64 integer;
    double real;
    const char *text;           /* in the row's own block */
  };
} IdkImportValue;

/* The values of a record's query row, as _idk_record_type_columns_sql ()
 * reads them, in one block (g_free ()). */
typedef struct
{
  guint n_values;
  IdkImportValue values[];
} IdkImportRow;

void         _idk_import_row_bind (const IdkImportRow   *row,
                                   sqlite3_stmt         *stmt);

IdkParser   *_idk_parser_start (const char  *data,
                                GArray      *elements);
IdkRevision *_idk_parser_next  (IdkParser     *self,
                                guint         *index,
                                GPtrArray    **refs,
                                IdkImportRow **row,
                                GError       **error);
void         _idk_parser_stop  (IdkParser   *self);

G_END_DECLS
