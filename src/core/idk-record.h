/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The one description of each record type (idk-record-type.c), as the
 * views, the forms and the command line read it: the fields, their
 * labels, the values an enumerated field takes and their labels, what is
 * required, how long a text may be.  Whatever checks a record (a save, an
 * import, a form as it is typed into) checks it against this description.
 */

#define IDK_RECORD_ERROR (idk_record_error_quark ())

/* A change refused because of one field; idk_record_error_get_field()
 * names it, so that a form shows the message beside it. */
typedef enum
{
  IDK_RECORD_ERROR_REQUIRED,       /* empty, and the field is needed */
  IDK_RECORD_ERROR_TOO_LONG,       /* a text past the field's limit */
  IDK_RECORD_ERROR_OUT_OF_RANGE,   /* a date or number outside its bounds */
  IDK_RECORD_ERROR_INVALID,        /* not of the field's kind */
  IDK_RECORD_ERROR_UNKNOWN_VALUE,  /* not one of an enumeration's values */
  IDK_RECORD_ERROR_UNKNOWN_FIELD,
  IDK_RECORD_ERROR_REFERENCE,      /* names no record of the right type */
  IDK_RECORD_ERROR_RULE,           /* breaks a rule between fields or records */
  IDK_RECORD_ERROR_NO_CHANGE,      /* would record nothing new */
} IdkRecordError;

/* The earliest and latest year of any date: the UN system from its
 * founding to the end of the century. */
#define IDK_RECORD_FIRST_YEAR 1945
#define IDK_RECORD_LAST_YEAR 2100

GQuark              idk_record_error_quark          (void);
const char         *idk_record_error_get_field      (const GError  *error);
void                idk_record_error_set_field      (GError        *error,
                                                     const char    *field);

gboolean            idk_record_type_exists          (const char    *type);
const char         *idk_record_type_label           (const char    *type);
const char * const *idk_record_type_field_names     (const char    *type);
gboolean            idk_record_field_exists         (const char    *type,
                                                     const char    *field);
const char         *idk_record_field_label          (const char    *type,
                                                     const char    *field);
gboolean            idk_record_field_is_required    (const char    *type,
                                                     const char    *field);
gboolean            idk_record_field_is_multiline   (const char    *type,
                                                     const char    *field);
guint               idk_record_field_max_length     (const char    *type,
                                                     const char    *field);
const char         *idk_record_field_kind           (const char    *type,
                                                     const char    *field);
const char * const *idk_record_field_ref_types      (const char    *type,
                                                     const char    *field);
const char * const *idk_record_field_values         (const char    *type,
                                                     const char    *field);
const char         *idk_record_value_label          (const char    *type,
                                                     const char    *field,
                                                     const char    *value);
gboolean            idk_record_check_field          (const char    *type,
                                                     const char    *field,
                                                     JsonNode      *value,
                                                     GError       **error);
JsonObject         *idk_record_new_fields           (const char    *type);
JsonNode           *idk_record_parse_value          (const char    *type,
                                                     const char    *field,
                                                     const char    *text,
                                                     GError       **error);

G_END_DECLS
