/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-record-type"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "idk-date.h"
#include "idk-record-type-private.h"
#include "idk-store.h"
#include "idk-store-private.h"

/* Records checked against their description (idk-record-description.c):
 * a local save, an imported revision, a form being typed into and the
 * command line all come through here, and the error domain that names the
 * field a refusal is about. */

/* The error domain: a GError that carries the name of its field. */

typedef struct
{
  char *field;
} IdkRecordErrorPrivate;

static void
idk_record_error_private_init (IdkRecordErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
idk_record_error_private_copy (const IdkRecordErrorPrivate *src,
                               IdkRecordErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
idk_record_error_private_clear (IdkRecordErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (IdkRecordError, idk_record_error)

/**
 * idk_record_error_get_field:
 *
 * Returns: (nullable): the field an #IDK_RECORD_ERROR is about
 */
const char *
idk_record_error_get_field (const GError *error)
{
  IdkRecordErrorPrivate *priv;

  if (error == NULL || !(priv = idk_record_error_get_private (error)))
    return NULL;
  return priv->field;
}

void
idk_record_error_set_field (GError     *error,
                            const char *field)
{
  IdkRecordErrorPrivate *priv;

  g_return_if_fail (error != NULL);

  if ((priv = idk_record_error_get_private (error)) != NULL)
    {
      g_free (priv->field);
      priv->field = g_strdup (field);
    }
}

gboolean
_idk_record_refuse (GError         **error,
                    IdkRecordError   code,
                    const char      *field,
                    const char      *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, IDK_RECORD_ERROR, code, message);
  idk_record_error_set_field (*error, field);
  return FALSE;
}

/* Types and fields by name: an import looks up a type and each of its
 * fields for every revision, and a string compared with the names one
 * after the other was 3 % of its parser's time ("action" comes 17th). */
static GHashTable *types_by_name;

/* The values of every enumerated field, NULL-terminated, made once from
 * the choices: the importer validates in a thread of its own. */
static void
ensure_values (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      types_by_name = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint t = 0; t < _idk_n_record_types; t++)
        {
          IdkRecordType *type = (IdkRecordType *) &_idk_record_types[t];
          const char **names = g_new0 (const char *, type->n_fields + 1);

          g_assert (type->n_fields <= IDK_RECORD_TYPE_MAX_FIELDS);
          g_hash_table_insert (types_by_name, (gpointer) type->name, type);
          type->fields_by_name = g_hash_table_new (g_str_hash, g_str_equal);

          for (guint f = 0; f < type->n_fields; f++)
            {
              IdkFieldSpec *spec = (IdkFieldSpec *) &type->fields[f];

              names[f] = spec->name;
              g_hash_table_insert (type->fields_by_name, (gpointer) spec->name, spec);
              if (spec->choices != NULL)
                {
                  guint n = 0;
                  const char **values;

                  while (spec->choices[n].value != NULL)
                    n++;
                  values = g_new0 (const char *, n + 1);
                  for (guint i = 0; i < n; i++)
                    values[i] = spec->choices[i].value;
                  spec->values = values;
                }
            }
          type->field_names = names;
        }
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
has_control_characters (const char *text)
{
  /* Neither json-glib nor the pre-scan lets a NUL into a string;
   * control characters other than tab and newlines have no place here. */
  for (const char *p = text; *p; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      return TRUE;
  return FALSE;
}

static gboolean
check_text (const IdkFieldSpec  *spec,
            const char          *text,
            GError             **error)
{
  glong length;

  if (!g_utf8_validate (text, -1, NULL))
    return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This is not valid UTF-8 text."));
  if (has_control_characters (text))
    return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                               _("This text contains control characters."));

  /* Counting stops at the first character past the limit: the bound
   * holds whatever the size of the input. */
  length = g_utf8_strlen (text, (gssize) MIN (strlen (text), (gsize) spec->max_length * 4 + 4));
  if (length > (glong) spec->max_length)
    return _idk_record_refuse (error, IDK_RECORD_ERROR_TOO_LONG, spec->name,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "At most %u character; this text has %lu.",
                                            "At most %u characters; this text has %lu.",
                                            spec->max_length),
                               spec->max_length, (gulong) g_utf8_strlen (text, -1));
  return TRUE;
}

static gboolean
check_date (const IdkFieldSpec  *spec,
            const char          *text,
            GError             **error)
{
  IdkDate date;

  if (!idk_date_parse (text, &date))
    return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                               _("Give a date as 2027-06-30, or 2027-06 or 2027 when only the month or "
                                 "the year is known."));
  if (date.year < IDK_RECORD_FIRST_YEAR || date.year > IDK_RECORD_LAST_YEAR)
    return _idk_record_refuse (error, IDK_RECORD_ERROR_OUT_OF_RANGE, spec->name,
                               _("The year %d is outside %d–%d, the years a date can have here."),
                               date.year, IDK_RECORD_FIRST_YEAR, IDK_RECORD_LAST_YEAR);
  return TRUE;
}

static gboolean
validate_value (const IdkFieldSpec  *spec,
                IdkJsonFlat         *flat,
                guint                index,
                GError             **error)
{
  const IdkJsonValue *value = _idk_json_flat_at (flat, index);
  const char *text = NULL;

  switch (spec->kind)
    {
    case IDK_FIELD_TEXT:
      if ((text = _idk_json_flat_string (flat, index)) == NULL)
        return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This must be text."));
      if (spec->required && _idk_text_is_blank (text))
        return _idk_record_refuse (error, IDK_RECORD_ERROR_REQUIRED, spec->name, _("This is needed."));
      return check_text (spec, text, error);

    case IDK_FIELD_INT:
      if (value->kind != IDK_JSON_INTEGER)
        return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This must be a whole number."));
      /* Every whole number of a record counts or orders something: a
       * paragraph, a session, a position.  None is below zero. */
      if (value->integer < 0)
        return _idk_record_refuse (error, IDK_RECORD_ERROR_OUT_OF_RANGE, spec->name,
                                   _("This number is 0 or more, not %lld."), (long long) value->integer);
      if (value->integer > IDK_MAX_SAFE_INTEGER)
        return _idk_record_refuse (error, IDK_RECORD_ERROR_OUT_OF_RANGE, spec->name, _("This number is too large."));
      return TRUE;

    case IDK_FIELD_BOOL:
      if (value->kind != IDK_JSON_BOOLEAN)
        return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This must be true or false."));
      return TRUE;

    case IDK_FIELD_DATE:
      if ((text = _idk_json_flat_string (flat, index)) == NULL)
        return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This must be a date."));
      return check_date (spec, text, error);

    case IDK_FIELD_TIME:
      if ((text = _idk_json_flat_string (flat, index)) == NULL || !idk_time_is_valid_text (text))
        return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("Give a time as 09:30."));
      return TRUE;

    case IDK_FIELD_ENUM:
      if ((text = _idk_json_flat_string (flat, index)) == NULL)
        return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This must be text."));
      if (!g_strv_contains (spec->values, text))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) spec->values);

          return _idk_record_refuse (error, IDK_RECORD_ERROR_UNKNOWN_VALUE, spec->name,
                                     _("Unknown value “%s”: it is one of %s."), text, known);
        }
      return TRUE;

    case IDK_FIELD_REF:
      if ((text = _idk_json_flat_string (flat, index)) == NULL || !g_uuid_string_is_valid (text))
        return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                                   _("This must name a record by its UUID."));
      return TRUE;

    case IDK_FIELD_REFS:
    case IDK_FIELD_STRINGS:
      {
        guint i = 0;

        if (value->kind != IDK_JSON_ARRAY)
          return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This must be a list."));
        if (value->count > IDK_FIELD_MAX_ELEMENTS)
          return _idk_record_refuse (error, IDK_RECORD_ERROR_TOO_LONG, spec->name,
                                     _("At most %u elements."), IDK_FIELD_MAX_ELEMENTS);
        for (guint e = value->first; e != 0; e = _idk_json_flat_at (flat, e)->next, i++)
          {
            if ((text = _idk_json_flat_string (flat, e)) == NULL)
              return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                                         _("Element %u must be text."), i + 1);
            if (spec->kind == IDK_FIELD_REFS && !g_uuid_string_is_valid (text))
              return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                                         _("Element %u must name a record by its UUID."), i + 1);
            if (spec->kind == IDK_FIELD_STRINGS && !check_text (spec, text, error))
              {
                g_prefix_error (error, _("Element %u: "), i + 1);
                return FALSE;
              }
          }
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* One value as json-glib holds it, for a form being typed into. */
gboolean
_idk_record_validate_value (const IdkFieldSpec  *spec,
                            JsonNode            *node,
                            GError             **error)
{
  IdkJsonFlat flat;
  gboolean ok;

  _idk_json_flat_init (&flat);
  _idk_json_flat_from_node (&flat, node);
  ok = validate_value (spec, &flat, 0, error);
  _idk_json_flat_clear (&flat);
  return ok;
}

const IdkRecordType *
idk_record_type_lookup (const char *name)
{
  if (name == NULL)
    return NULL;

  ensure_values ();
  return g_hash_table_lookup (types_by_name, name);
}

const IdkRecordType *
idk_record_type_nth (guint n)
{
  g_return_val_if_fail (n < _idk_n_record_types, NULL);

  ensure_values ();
  return &_idk_record_types[n];
}

guint
idk_record_type_count (void)
{
  return _idk_n_record_types;
}

const IdkFieldSpec *
idk_record_type_field (const IdkRecordType *type,
                       const char          *name)
{
  if (type == NULL || name == NULL)
    return NULL;

  ensure_values ();
  return g_hash_table_lookup (type->fields_by_name, name);
}

/**
 * _idk_record_type_validate_flat:
 * @object: the index in @flat of the fields, an object
 * @members: (out caller-allocates) (array) (optional): for each field of
 *   @type, its member in @flat, or 0
 *
 * Checks fields read as flat values (see idk_record_type_validate ()).
 */
gboolean
_idk_record_type_validate_flat (const IdkRecordType  *type,
                                IdkJsonFlat          *flat,
                                guint                 object,
                                gboolean              deleted,
                                guint                *members,
                                GError              **error)
{
  guint *found = members ? members : g_newa (guint, type->n_fields);

  g_return_val_if_fail (type != NULL, FALSE);
  g_return_val_if_fail (_idk_json_flat_at (flat, object)->kind == IDK_JSON_OBJECT, FALSE);

  ensure_values ();
  memset (found, 0, type->n_fields * sizeof (guint));
  for (guint m = _idk_json_flat_at (flat, object)->first; m != 0; m = _idk_json_flat_at (flat, m)->next)
    {
      const char *name = _idk_json_flat_text (flat, _idk_json_flat_at (flat, m)->name);
      const IdkFieldSpec *spec = g_hash_table_lookup (type->fields_by_name, name);

      if (spec == NULL)
        return _idk_record_refuse (error, IDK_RECORD_ERROR_UNKNOWN_FIELD, name, _("Not a field of %s."), type->name);
      found[spec - type->fields] = m;
    }

  for (guint i = 0; i < type->n_fields; i++)
    {
      const IdkFieldSpec *spec = &type->fields[i];

      if (found[i] == 0 || _idk_json_flat_at (flat, found[i])->kind == IDK_JSON_NULL)
        {
          /* A tombstone need not carry the record's content. */
          if (spec->required && !deleted)
            return _idk_record_refuse (error, IDK_RECORD_ERROR_REQUIRED, spec->name, _("This is needed."));
          continue;
        }

      if (!validate_value (spec, flat, found[i], error))
        return FALSE;
    }

  return TRUE;
}

/* Records are checked as flat values, the way an import reads them, so
 * that a bundle and a local save meet the same rules word for word. */
gboolean
idk_record_type_validate (const IdkRecordType  *type,
                          JsonObject           *fields,
                          gboolean              deleted,
                          GError              **error)
{
  g_autoptr(JsonNode) node = NULL;
  IdkJsonFlat flat;
  gboolean ok;

  g_return_val_if_fail (type != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  node = json_node_init_object (json_node_alloc (), fields);
  _idk_json_flat_init (&flat);
  _idk_json_flat_from_node (&flat, node);
  ok = _idk_record_type_validate_flat (type, &flat, 0, deleted, NULL, error);
  _idk_json_flat_clear (&flat);
  return ok;
}
