/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A JSON value read into two growing blocks, one for the values and one
 * for their text, kept and reused from one value to the next: the
 * importer reads every revision of a bundle this way, where json-glib
 * spent a hash table, a queue and a few allocations per node, and as much
 * again freeing them.  Values refer to each other by index, so the blocks
 * can grow while they are read; index 0 is the outermost value, which is
 * nobody's member, so 0 also means "none". */

typedef enum
{
  IDK_JSON_NULL,
  IDK_JSON_BOOLEAN,
  IDK_JSON_INTEGER,   /* written without a fraction or an exponent */
  IDK_JSON_DOUBLE,
  IDK_JSON_STRING,
  IDK_JSON_ARRAY,
  IDK_JSON_OBJECT,
} IdkJsonKind;

typedef struct
{
  IdkJsonKind kind;
  guint next;          /* the next member or element of the container, or 0 */
  guint first;         /* of an array or object: its first member or element, or 0 */
  guint count;         /* of an array or object: its members or elements */
  guint name;          /* of a member: its name, in text */
  guint string;        /* of a string: where it is in text */
  guint length;        /* of a string: its bytes */
  union
  {
    gboolean boolean;
    gint64 integer;
    double real;
  };
} IdkJsonValue;

typedef struct
{
  GArray *values;      /* IdkJsonValue */
  GString *text;       /* names and strings, decoded, each ending with a NUL */
} IdkJsonFlat;

void     _idk_json_flat_init      (IdkJsonFlat  *flat);
void     _idk_json_flat_clear     (IdkJsonFlat  *flat);
gboolean _idk_json_flat_read      (IdkJsonFlat  *flat,
                                   const char   *data,
                                   gsize         length,
                                   GError      **error);
void     _idk_json_flat_from_node (IdkJsonFlat  *flat,
                                   JsonNode     *node);
guint    _idk_json_flat_member    (IdkJsonFlat  *flat,
                                   guint         object,
                                   const char   *name);

static inline const IdkJsonValue *
_idk_json_flat_at (IdkJsonFlat *flat,
                   guint        index)
{
  return &g_array_index (flat->values, IdkJsonValue, index);
}

/* The text of a string value, or the name of a member (@offset). */
static inline const char *
_idk_json_flat_text (IdkJsonFlat *flat,
                     guint        offset)
{
  return flat->text->str + offset;
}

/* The text of the string at @index, or NULL if it is no string. */
static inline const char *
_idk_json_flat_string (IdkJsonFlat *flat,
                       guint        index)
{
  const IdkJsonValue *value = _idk_json_flat_at (flat, index);

  return value->kind == IDK_JSON_STRING ? _idk_json_flat_text (flat, value->string) : NULL;
}

G_END_DECLS
