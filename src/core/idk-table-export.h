/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-store.h"

G_BEGIN_DECLS

typedef enum
{
  IDK_TABLE_CSV,   /* RFC 4180: quoted where needed, CRLF line ends */
  IDK_TABLE_TSV,   /* tab-separated; tabs, line breaks and backslashes escaped as \t \n \r \\ */
  IDK_TABLE_JSON,  /* an array of objects */
} IdkTableFormat;

gboolean idk_table_format_from_name (const char            *name,
                                     IdkTableFormat        *format);
void     idk_csv_append_field       (GString               *line,
                                     const char            *value);
void     idk_tsv_append_field       (GString               *line,
                                     const char            *value);
gboolean idk_store_export_actions   (IdkStore              *self,
                                     const IdkActionQuery  *query,
                                     IdkTableFormat         format,
                                     gboolean               translated_header,
                                     GString               *out,
                                     guint                 *n_rows,
                                     GError               **error);

G_END_DECLS
