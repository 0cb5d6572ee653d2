/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "idk-json-flat-private.h"
#include "idk-record.h"

G_BEGIN_DECLS

typedef enum
{
  IDK_FIELD_TEXT,     /* a string */
  IDK_FIELD_INT,      /* an integer within ±2^53 */
  IDK_FIELD_BOOL,
  IDK_FIELD_DATE,     /* "YYYY", "YYYY-MM" or "YYYY-MM-DD" */
  IDK_FIELD_TIME,     /* "HH:MM" */
  IDK_FIELD_ENUM,     /* one of the values of choices */
  IDK_FIELD_REF,      /* the UUID of a record of one of ref_types */
  IDK_FIELD_REFS,     /* an array of such UUIDs */
  IDK_FIELD_STRINGS,  /* an array of strings */
} IdkFieldKind;

/* A value of an enumerated field and what it is called (untranslated). */
typedef struct
{
  const char *value;
  const char *label;
} IdkChoice;

typedef struct
{
  const char *name;
  const char *label;             /* untranslated */
  IdkFieldKind kind;
  gboolean required;
  guint max_length;              /* characters of a text, or of each string of a list */
  gboolean multiline;            /* a text of paragraphs, edited in a text view */
  const char * const *ref_types;
  const IdkChoice *choices;      /* ends with { NULL }; the first is a new record's */
  const char * const *values;    /* the values of choices, NULL-terminated */
  const char *default_value;     /* a new record's, when not the first choice */
} IdkFieldSpec;

typedef struct _IdkRecordType IdkRecordType;

struct _IdkRecordType
{
  const char *name;
  const char *label;             /* untranslated, plural */
  const char *table;
  const IdkFieldSpec *fields;
  guint n_fields;
  const char * const *field_names;
  GHashTable *fields_by_name;    /* name → its IdkFieldSpec */
  /* Keep derived tables (search index, owners) in step with the rows of
   * the touched records whose winner changed; ?1 is the type's name. */
  const char * const *before_sql;
  const char * const *after_sql;
};

/* JSON numbers beyond this lose precision in other implementations. */
#define IDK_MAX_SAFE_INTEGER G_GINT64_CONSTANT (9007199254740991)
/* Fields of one record type (checked as the descriptions are read). */
#define IDK_RECORD_TYPE_MAX_FIELDS 48
/* Elements of one list field. */
#define IDK_FIELD_MAX_ELEMENTS 1000

/* idk-record-description.c */
extern IdkRecordType _idk_record_types[];
extern const guint _idk_n_record_types;

const IdkRecordType *  idk_record_type_lookup       (const char           *name);
const IdkRecordType *  idk_record_type_nth          (guint                 n);
guint                  idk_record_type_count        (void);
const IdkFieldSpec  *  idk_record_type_field        (const IdkRecordType  *type,
                                                     const char           *name);
gboolean               idk_record_type_validate     (const IdkRecordType  *type,
                                                     JsonObject           *fields,
                                                     gboolean              deleted,
                                                     GError              **error);
gboolean               _idk_record_validate_value   (const IdkFieldSpec   *spec,
                                                     JsonNode             *node,
                                                     GError              **error);
gboolean               _idk_record_type_validate_flat (const IdkRecordType  *type,
                                                       IdkJsonFlat          *flat,
                                                       guint                 object,
                                                       gboolean              deleted,
                                                       guint                *members,
                                                       GError              **error);
gboolean               _idk_record_refuse           (GError              **error,
                                                     IdkRecordError        code,
                                                     const char           *field,
                                                     const char           *format,
                                                     ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
