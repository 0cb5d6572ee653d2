/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-record"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-record-type-private.h"

/* The record description as the views, the forms and the command line
 * read it (idk-record.h): labels, kinds, values, limits, one field
 * checked or parsed from text, the defaults of a new record. */

/* The public view of the description ------------------------------------ */

static const IdkFieldSpec *
lookup_field (const char *type,
              const char *field)
{
  return idk_record_type_field (idk_record_type_lookup (type), field);
}

gboolean
idk_record_type_exists (const char *type)
{
  return idk_record_type_lookup (type) != NULL;
}

/**
 * idk_record_type_label:
 *
 * Returns: what the records of @type are called, in the plural
 */
const char *
idk_record_type_label (const char *type)
{
  const IdkRecordType *record_type = idk_record_type_lookup (type);

  return record_type ? g_dgettext (GETTEXT_PACKAGE, record_type->label) : type;
}

/**
 * idk_record_type_field_names:
 *
 * Returns: (nullable): the names of the fields of @type, in order
 */
const char * const *
idk_record_type_field_names (const char *type)
{
  const IdkRecordType *record_type = idk_record_type_lookup (type);

  return record_type ? record_type->field_names : NULL;
}

gboolean
idk_record_field_exists (const char *type,
                         const char *field)
{
  return lookup_field (type, field) != NULL;
}

/**
 * idk_record_field_label:
 *
 * Returns: what the field is called, translated
 */
const char *
idk_record_field_label (const char *type,
                        const char *field)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec ? g_dgettext (GETTEXT_PACKAGE, spec->label) : field;
}

gboolean
idk_record_field_is_required (const char *type,
                              const char *field)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec != NULL && spec->required;
}

gboolean
idk_record_field_is_multiline (const char *type,
                               const char *field)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec != NULL && spec->multiline;
}

/**
 * idk_record_field_max_length:
 *
 * Returns: the most characters a text of the field may have, 0 if the
 *   field is not text
 */
guint
idk_record_field_max_length (const char *type,
                             const char *field)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec != NULL ? spec->max_length : 0;
}

/**
 * idk_record_field_kind:
 *
 * Returns: (nullable): "text", "int", "bool", "date", "time", "enum",
 *   "ref", "refs" or "strings"
 */
const char *
idk_record_field_kind (const char *type,
                       const char *field)
{
  static const char * const kinds[] = {
    [IDK_FIELD_TEXT] = "text", [IDK_FIELD_INT] = "int", [IDK_FIELD_BOOL] = "bool",
    [IDK_FIELD_DATE] = "date", [IDK_FIELD_TIME] = "time", [IDK_FIELD_ENUM] = "enum",
    [IDK_FIELD_REF] = "ref", [IDK_FIELD_REFS] = "refs", [IDK_FIELD_STRINGS] = "strings",
  };
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec ? kinds[spec->kind] : NULL;
}

/**
 * idk_record_field_ref_types:
 *
 * Returns: (nullable): the record types a reference field may name
 */
const char * const *
idk_record_field_ref_types (const char *type,
                            const char *field)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec ? spec->ref_types : NULL;
}

/**
 * idk_record_field_values:
 *
 * Returns: (nullable): the values of an enumerated field, in the order
 *   they are offered, %NULL-terminated
 */
const char * const *
idk_record_field_values (const char *type,
                         const char *field)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec ? spec->values : NULL;
}

/**
 * idk_record_value_label:
 *
 * Returns: what a value of an enumerated field is called, translated; a
 *   value this version does not know (from a newer office) as it is
 */
const char *
idk_record_value_label (const char *type,
                        const char *field,
                        const char *value)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  if (value == NULL)
    return "";
  for (guint i = 0; spec != NULL && spec->choices != NULL && spec->choices[i].value != NULL; i++)
    if (g_str_equal (spec->choices[i].value, value))
      return g_dgettext (GETTEXT_PACKAGE, spec->choices[i].label);

  return value;
}

/**
 * idk_record_check_field:
 * @value: (nullable): the value, %NULL or a JSON null for none
 *
 * Checks one value against its field, as a save would: what a form
 * shows while it is typed into.
 */
gboolean
idk_record_check_field (const char  *type,
                        const char  *field,
                        JsonNode    *value,
                        GError     **error)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  if (spec == NULL)
    return _idk_record_refuse (error, IDK_RECORD_ERROR_UNKNOWN_FIELD, field,
                               _("Not a field of %s."), type);
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      if (spec->required)
        return _idk_record_refuse (error, IDK_RECORD_ERROR_REQUIRED, spec->name, _("This is needed."));
      return TRUE;
    }
  return _idk_record_validate_value (spec, value, error);
}

/**
 * idk_record_parse_value:
 * @text: the value as typed: a number, true or false, a date, UUIDs or
 *   strings separated by commas; an empty text is no value
 *
 * Returns: (transfer full): the value as stored (a JSON null for none),
 *   checked against the field, or %NULL with @error set
 */
JsonNode *
idk_record_parse_value (const char  *type,
                        const char  *field,
                        const char  *text,
                        GError     **error)
{
  const IdkFieldSpec *spec = lookup_field (type, field);
  g_autoptr(JsonNode) node = NULL;

  if (spec == NULL)
    return _idk_record_refuse (error, IDK_RECORD_ERROR_UNKNOWN_FIELD, field,
                               _("Not a field of %s."), type), NULL;

  if (text == NULL || *text == '\0')
    node = json_node_new (JSON_NODE_NULL);
  else
    switch (spec->kind)
      {
      case IDK_FIELD_INT:
        {
          gint64 value;

          if (!g_ascii_string_to_signed (text, 10, -IDK_MAX_SAFE_INTEGER, IDK_MAX_SAFE_INTEGER, &value, NULL))
            return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                                       _("This must be a whole number.")), NULL;
          node = json_node_init_int (json_node_alloc (), value);
          break;
        }

      case IDK_FIELD_BOOL:
        if (!g_str_equal (text, "true") && !g_str_equal (text, "false"))
          return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                                     _("This must be true or false.")), NULL;
        node = json_node_init_boolean (json_node_alloc (), g_str_equal (text, "true"));
        break;

      case IDK_FIELD_REFS:
      case IDK_FIELD_STRINGS:
        {
          g_auto(GStrv) parts = g_strsplit (text, ",", -1);
          g_autoptr(JsonArray) array = json_array_new ();

          for (guint i = 0; parts[i] != NULL; i++)
            {
              g_strstrip (parts[i]);
              if (*parts[i] != '\0')
                json_array_add_string_element (array, parts[i]);
            }
          node = json_node_init_array (json_node_alloc (), array);
          break;
        }

      default:
        node = json_node_init_string (json_node_alloc (), text);
      }

  if (!idk_record_check_field (type, field, node, error))
    return NULL;
  return g_steal_pointer (&node);
}

/**
 * idk_record_new_fields:
 *
 * Returns: (transfer full): the fields of a new record of @type: each
 *   enumerated field that must have a value has its default
 */
JsonObject *
idk_record_new_fields (const char *type)
{
  const IdkRecordType *record_type = idk_record_type_lookup (type);
  JsonObject *fields = json_object_new ();

  for (guint i = 0; record_type != NULL && i < record_type->n_fields; i++)
    {
      const IdkFieldSpec *spec = &record_type->fields[i];

      if (spec->kind == IDK_FIELD_ENUM && spec->required)
        json_object_set_string_member (fields, spec->name,
                                       spec->default_value ? spec->default_value : spec->values[0]);
    }

  return fields;
}
