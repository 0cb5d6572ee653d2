/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A byte range [start, end) of the scanned text. */
typedef struct
{
  gsize start;
  gsize end;
} IdkJsonSpan;

/* One element of the top-level "revisions" array, and the value of its
 * "fields" member if it is an object that has one (else end is 0). */
typedef struct
{
  IdkJsonSpan value;
  IdkJsonSpan fields;
  gboolean fields_compact;  /* no whitespace between the tokens of fields */
} IdkJsonElement;

typedef struct
{
  gsize max_size;        /* bytes in the whole text */
  guint max_depth;       /* nesting of arrays and objects */
  gsize max_string;      /* bytes in one string */
  guint max_members;     /* members of one object or array */
  guint max_elements;    /* elements of the revisions array */
} IdkJsonLimits;

typedef struct
{
  IdkJsonSpan revisions; /* the value of the top-level "revisions", if an array */
  GArray *elements;      /* of IdkJsonElement */
} IdkJsonScan;

/* Called as the scan moves on: the bytes before @upto are not needed
 * again, so a mapped file can give their memory back. */
typedef void (*IdkJsonReleaseFunc) (const char *data,
                                    gsize       upto,
                                    gpointer    user_data);

const IdkJsonLimits *idk_json_limits_default (void);

gboolean idk_json_scan       (const char           *data,
                              gsize                 length,
                              const IdkJsonLimits  *limits,
                              IdkJsonScan          *scan,
                              GError              **error);
gboolean idk_json_scan_full  (const char           *data,
                              gsize                 length,
                              const IdkJsonLimits  *limits,
                              IdkJsonReleaseFunc    release,
                              gpointer              user_data,
                              IdkJsonScan          *scan,
                              GError              **error);
void     idk_json_scan_clear (IdkJsonScan          *scan);

G_END_DECLS
