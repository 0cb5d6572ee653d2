/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef enum
{
  IDK_FIELD_TEXT,     /* a string */
  IDK_FIELD_INT,      /* an integer within ±2^53 */
  IDK_FIELD_BOOL,
  IDK_FIELD_DATE,     /* "YYYY", "YYYY-MM" or "YYYY-MM-DD" */
  IDK_FIELD_TIME,     /* "HH:MM" */
  IDK_FIELD_ENUM,     /* the nick of a value of enum_type */
  IDK_FIELD_REF,      /* the UUID of a record of one of ref_types */
  IDK_FIELD_REFS,     /* an array of such UUIDs */
  IDK_FIELD_STRINGS,  /* an array of strings */
} IdkFieldKind;

typedef struct
{
  const char *name;
  IdkFieldKind kind;
  gboolean required;
  const char * const *ref_types;
  GType (*enum_type) (void);
  const char * const *values;   /* allowed strings when no enum_type */
} IdkFieldSpec;

typedef struct _IdkRecordType IdkRecordType;

struct _IdkRecordType
{
  const char *name;
  const char *table;
  const IdkFieldSpec *fields;
  guint n_fields;
  /* Keep derived tables (search index, owners) in step with the rows of
   * the touched records whose winner changed; ?1 is the type's name. */
  const char * const *before_sql;
  const char * const *after_sql;
};

/* Longest text accepted in one field; bounds what a bundle can make us store. */
#define IDK_FIELD_MAX_TEXT (64 * 1024)
/* JSON numbers beyond this lose precision in other implementations. */
#define IDK_MAX_SAFE_INTEGER G_GINT64_CONSTANT (9007199254740991)

const IdkRecordType *  idk_record_type_lookup       (const char           *name);
const IdkRecordType *  idk_record_type_nth          (guint                 n);
guint                  idk_record_type_count        (void);
const IdkFieldSpec  *  idk_record_type_field        (const IdkRecordType  *type,
                                                     const char           *name);
gboolean               idk_record_type_validate     (const IdkRecordType  *type,
                                                     JsonObject           *fields,
                                                     gboolean              deleted,
                                                     GError              **error);

G_END_DECLS
