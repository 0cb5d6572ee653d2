/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-json-scan.h"

G_BEGIN_DECLS

/* The pre-scan, split by concern: idk-json-scan.c (values, objects,
 * arrays, the bundle's layout), idk-json-scan-tokens.c (strings, numbers,
 * literals). */

/* ±2^53: beyond, other implementations lose precision. */
#define MAX_SAFE_INTEGER G_GUINT64_CONSTANT (9007199254740992)

typedef enum
{
  ROLE_NONE,
  ROLE_TOP,        /* the bundle's own object */
  ROLE_REVISIONS,  /* its "revisions" array */
  ROLE_REVISION,   /* an object in that array */
} Role;

typedef struct
{
  const guchar *data;
  gsize length;
  gsize pos;
  const IdkJsonLimits *limits;
  IdkJsonScan *scan;
  GError **error;
  guint depth;
  GString *keys;        /* the decoded keys of the open objects, NUL-separated */
  IdkJsonSpan fields;   /* of the revision being scanned */
  gboolean fields_compact;
  gsize spaces;         /* whitespace skipped so far */
  IdkJsonReleaseFunc release;
  gpointer release_data;
  gsize released;
} Scanner;

gboolean _idk_json_fail         (Scanner     *s,
                                IdkBundleError code,
                                const char  *format,
                                ...) G_GNUC_PRINTF (3, 4);
gboolean _idk_json_truncated    (Scanner     *s);
void     _idk_json_skip_space   (Scanner     *s);
gboolean _idk_json_expect_colon (Scanner     *s);
gboolean _idk_json_scan_string  (Scanner     *s,
                                 GString     *out);
gboolean _idk_json_scan_number  (Scanner     *s);
gboolean _idk_json_scan_literal (Scanner     *s,
                                 const char  *word);

G_END_DECLS
