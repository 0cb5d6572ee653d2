/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-revision"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "idk-hlc-private.h"
#include "idk-json-flat-private.h"
#include "idk-record-type-private.h"
#include "idk-revision-private.h"
#include "idk-revision.h"
#include "idk-store.h"

G_DEFINE_BOXED_TYPE (IdkRevision, idk_revision, idk_revision_ref, idk_revision_unref)

static const char * const revision_members[] = {
  "record", "type", "rev", "parents", "hlc", "office", "deleted", "fields", NULL
};

static char *
serialize_fields (JsonObject *fields)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, fields);
  return json_to_string (node, FALSE);
}

static gboolean
fail (GError    **error,
      const char *record,
      const char *type,
      const char *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError    **error,
      const char *record,
      const char *type,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
               _("revision of %s %s: %s"),
               type ? type : "unknown type",
               record ? record : "(no record id)",
               message);
  return FALSE;
}

/* One spelling per id: lower case, as g_uuid_string_random() writes them,
 * so that two offices never take one record for two. */
gboolean
_idk_uuid_is_canonical (const char *text)
{
  if (text == NULL || !g_uuid_string_is_valid (text))
    return FALSE;
  for (const char *p = text; *p; p++)
    if (g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

char *
_idk_revision_parents_json (const char * const *parents)
{
  GString *json = g_string_new ("[");

  /* Parent ids are checked to be plain ASCII, so no escaping is needed. */
  for (guint i = 0; parents != NULL && parents[i] != NULL; i++)
    g_string_append_printf (json, "%s\"%s\"", i ? "," : "", parents[i]);
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

char *
idk_revision_make_id (guint64     hlc,
                      const char *office)
{
  g_autofree char *hex = idk_hlc_to_hex (hlc);

  return g_strconcat (hex, "-", office, NULL);
}

gboolean
idk_revision_parse_id (const char  *rev_id,
                       guint64     *hlc,
                       char       **office)
{
  g_autofree char *hex = NULL;
  guint64 value;

  if (rev_id == NULL || strlen (rev_id) != IDK_HLC_HEX_LEN + 1 + 36 ||
      rev_id[IDK_HLC_HEX_LEN] != '-')
    return FALSE;

  hex = g_strndup (rev_id, IDK_HLC_HEX_LEN);
  if (!idk_hlc_from_hex (hex, &value) || !_idk_uuid_is_canonical (rev_id + IDK_HLC_HEX_LEN + 1))
    return FALSE;

  if (hlc)
    *hlc = value;
  if (office)
    *office = g_strdup (rev_id + IDK_HLC_HEX_LEN + 1);
  return TRUE;
}

IdkRevision *
idk_revision_new (const char  *record,
                  const char  *type,
                  guint64      hlc,
                  const char  *office,
                  const char **parents,
                  gboolean     deleted,
                  JsonObject  *fields)
{
  IdkRevision *self;

  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (office != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  self = g_new0 (IdkRevision, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->record = g_strdup (record);
  self->type = g_strdup (type);
  self->hlc = hlc;
  self->office = g_strdup (office);
  self->rev_id = idk_revision_make_id (hlc, office);
  self->parents = parents ? g_strdupv ((char **) parents) : g_new0 (char *, 1);
  self->deleted = !!deleted;
  self->fields = json_object_ref (fields);
  self->fields_json = serialize_fields (fields);

  return self;
}

/* The envelope's members, by position in revision_members. */
enum { RECORD, TYPE, REV, PARENTS, HLC, OFFICE, DELETED, FIELDS, N_MEMBERS };

/**
 * _idk_revision_parse_flat:
 * @flat: a revision read as flat values, at index 0
 * @fields: (out): the index of its fields in @flat
 * @members: (out caller-allocates) (array fixed-size=IDK_RECORD_TYPE_MAX_FIELDS):
 *   for each field of its type, its member in @flat, or 0
 *
 * Everything is checked, member by member and kind by kind.  This is the
 * one reading of a revision's envelope: a bundle's revisions come here
 * straight from their text, and idk_revision_new_from_json () through it.
 *
 * Returns: (transfer full): the revision without its fields, or %NULL
 *   with @error set
 */
IdkRevision *
_idk_revision_parse_flat (IdkJsonFlat  *flat,
                          guint        *fields,
                          guint        *members,
                          GError      **error)
{
  g_autoptr(IdkRevision) self = NULL;
  g_autofree char *rev_office = NULL;
  guint member[N_MEMBERS] = { 0 };
  const IdkJsonValue *value;
  const IdkRecordType *record_type;
  const char *record, *type, *rev, *hlc, *office, *unknown = NULL;
  guint64 rev_hlc;
  guint i;

  if (_idk_json_flat_at (flat, 0)->kind != IDK_JSON_OBJECT)
    return fail (error, NULL, NULL, "not a JSON object"), NULL;

  for (guint m = _idk_json_flat_at (flat, 0)->first; m != 0; m = _idk_json_flat_at (flat, m)->next)
    {
      const char *name = _idk_json_flat_text (flat, _idk_json_flat_at (flat, m)->name);

      for (i = 0; i < N_MEMBERS && strcmp (name, revision_members[i]) != 0; i++)
        ;
      if (i < N_MEMBERS)
        member[i] = m;
      else if (unknown == NULL)
        unknown = name;
    }

  /* A member not found is 0, the envelope itself: an object, no string. */
  record = _idk_json_flat_string (flat, member[RECORD]);
  type = _idk_json_flat_string (flat, member[TYPE]);
  if (unknown != NULL)
    return fail (error, record, type, _("unknown member “%s”"), unknown), NULL;

  if (!_idk_uuid_is_canonical (record))
    return fail (error, record, type, _("member “record” must be a UUID in lower case")), NULL;
  if (type == NULL)
    return fail (error, record, type, _("member “type” must be a string")), NULL;
  if ((record_type = idk_record_type_lookup (type)) == NULL)
    return fail (error, record, type, _("unknown record type “%s”"), type), NULL;

  rev = _idk_json_flat_string (flat, member[REV]);
  if (!idk_revision_parse_id (rev, &rev_hlc, &rev_office))
    return fail (error, record, type, _("member “rev” must be “<16 lower-case hex digits>-<office UUID>”")), NULL;

  hlc = _idk_json_flat_string (flat, member[HLC]);
  if (hlc == NULL || strncmp (hlc, rev, IDK_HLC_HEX_LEN) != 0 || strlen (hlc) != IDK_HLC_HEX_LEN)
    return fail (error, record, type, _("member “hlc” must repeat the clock value of “rev”")), NULL;

  office = _idk_json_flat_string (flat, member[OFFICE]);
  if (office == NULL || g_strcmp0 (office, rev_office) != 0)
    return fail (error, record, type, _("member “office” must be the office of “rev”")), NULL;

  if (member[DELETED] == 0 || _idk_json_flat_at (flat, member[DELETED])->kind != IDK_JSON_BOOLEAN)
    return fail (error, record, type, _("member “deleted” must be true or false")), NULL;

  value = member[PARENTS] ? _idk_json_flat_at (flat, member[PARENTS]) : NULL;
  if (value == NULL || value->kind != IDK_JSON_ARRAY)
    return fail (error, record, type, _("member “parents” must be an array")), NULL;
  if (value->count > IDK_REVISION_MAX_PARENTS)
    return fail (error, record, type, _("more than %u parents"), IDK_REVISION_MAX_PARENTS), NULL;

  self = g_new0 (IdkRevision, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->parents = g_new0 (char *, value->count + 1);
  i = 0;
  for (guint p = value->first; p != 0; p = _idk_json_flat_at (flat, p)->next, i++)
    {
      const char *parent = _idk_json_flat_string (flat, p);
      guint64 parent_hlc;

      if (parent == NULL || !idk_revision_parse_id (parent, &parent_hlc, NULL))
        return fail (error, record, type, _("parent %u is not a revision id"), i), NULL;
      if (strcmp (parent, rev) == 0)
        return fail (error, record, type, _("a revision cannot be its own parent")), NULL;
      /* A clock moves past what it has seen, so a parent is always older;
       * this also rules out cycles. */
      if (parent_hlc >= rev_hlc)
        return fail (error, record, type, _("parent %u is not older than the revision"), i), NULL;
      for (guint j = 0; j < i; j++)
        if (strcmp (self->parents[j], parent) == 0)
          return fail (error, record, type, _("parent %u is named twice"), i), NULL;
      self->parents[i] = g_strdup (parent);
    }

  if (member[FIELDS] == 0 || _idk_json_flat_at (flat, member[FIELDS])->kind != IDK_JSON_OBJECT)
    return fail (error, record, type, _("member “fields” must be an object")), NULL;

  self->record = g_strdup (record);
  self->type = g_strdup (type);
  self->rev_id = g_strdup (rev);
  self->hlc = rev_hlc;
  self->office = g_strdup (office);
  self->deleted = _idk_json_flat_at (flat, member[DELETED])->boolean;

  if (!_idk_record_type_validate_flat (record_type, flat, member[FIELDS], self->deleted, members, error))
    {
      const char *field = idk_record_error_get_field (*error);

      if (field != NULL)
        g_prefix_error (error, _("revision of %s %s, field “%s”: "), type, record, field);
      else
        g_prefix_error (error, _("revision of %s %s: "), type, record);
      return NULL;
    }

  *fields = member[FIELDS];
  return g_steal_pointer (&self);
}

IdkRevision *
idk_revision_new_from_json (JsonNode  *node,
                            GError   **error)
{
  guint members[IDK_RECORD_TYPE_MAX_FIELDS];
  IdkRevision *self;
  IdkJsonFlat flat;
  guint fields;

  if (node == NULL)
    return fail (error, NULL, NULL, "not a JSON object"), NULL;

  _idk_json_flat_init (&flat);
  _idk_json_flat_from_node (&flat, node);
  self = _idk_revision_parse_flat (&flat, &fields, members, error);
  _idk_json_flat_clear (&flat);
  if (self == NULL)
    return NULL;

  self->fields = json_object_ref (json_object_get_object_member (json_node_get_object (node), "fields"));
  self->fields_json = serialize_fields (self->fields);
  return self;
}

IdkRevision *
idk_revision_ref (IdkRevision *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
idk_revision_unref (IdkRevision *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->record);
      g_free (self->type);
      g_free (self->rev_id);
      g_strfreev (self->parents);
      g_free (self->office);
      g_clear_pointer (&self->fields, json_object_unref);
      g_free (self->fields_json);
      g_free (self);
    }
}
