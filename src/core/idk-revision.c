/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-revision"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "idk-hlc-private.h"
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

static const char *
get_string (JsonObject  *object,
            const char  *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
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

/* Everything is checked, member by member and type by type, because
 * json-glib answers a missing or mistyped member with a critical and a
 * default value rather than an error.  @serialize: whether to write the
 * fields out again (an import stores the bundle's own text instead). */
IdkRevision *
_idk_revision_parse (JsonNode  *node,
                     gboolean   serialize,
                     GError   **error)
{
  g_autoptr(IdkRevision) self = NULL;
  g_autofree char *rev_office = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonArray *parents;
  const char *record, *type, *rev, *hlc, *office;
  guint64 rev_hlc;
  JsonObjectIter iter;
  const char *name;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, NULL, NULL, "not a JSON object"), NULL;

  object = json_node_get_object (node);
  record = get_string (object, "record");
  type = get_string (object, "type");

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    if (!g_strv_contains (revision_members, name))
      return fail (error, record, type, _("unknown member “%s”"), name), NULL;

  if (!_idk_uuid_is_canonical (record))
    return fail (error, record, type, _("member “record” must be a UUID in lower case")), NULL;
  if (type == NULL)
    return fail (error, record, type, _("member “type” must be a string")), NULL;
  if (idk_record_type_lookup (type) == NULL)
    return fail (error, record, type, _("unknown record type “%s”"), type), NULL;

  rev = get_string (object, "rev");
  if (!idk_revision_parse_id (rev, &rev_hlc, &rev_office))
    return fail (error, record, type, _("member “rev” must be “<16 lower-case hex digits>-<office UUID>”")), NULL;

  hlc = get_string (object, "hlc");
  if (hlc == NULL || strncmp (hlc, rev, IDK_HLC_HEX_LEN) != 0 || strlen (hlc) != IDK_HLC_HEX_LEN)
    return fail (error, record, type, _("member “hlc” must repeat the clock value of “rev”")), NULL;

  office = get_string (object, "office");
  if (office == NULL || g_strcmp0 (office, rev_office) != 0)
    return fail (error, record, type, _("member “office” must be the office of “rev”")), NULL;

  member = json_object_get_member (object, "deleted");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_BOOLEAN)
    return fail (error, record, type, _("member “deleted” must be true or false")), NULL;

  member = json_object_get_member (object, "parents");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    return fail (error, record, type, _("member “parents” must be an array")), NULL;
  parents = json_node_get_array (member);
  if (json_array_get_length (parents) > IDK_REVISION_MAX_PARENTS)
    return fail (error, record, type, _("more than %u parents"), IDK_REVISION_MAX_PARENTS), NULL;
  for (guint i = 0; i < json_array_get_length (parents); i++)
    {
      JsonNode *p = json_array_get_element (parents, i);
      guint64 parent_hlc;

      if (!JSON_NODE_HOLDS_VALUE (p) || json_node_get_value_type (p) != G_TYPE_STRING ||
          !idk_revision_parse_id (json_node_get_string (p), &parent_hlc, NULL))
        return fail (error, record, type, _("parent %u is not a revision id"), i), NULL;
      if (g_strcmp0 (json_node_get_string (p), rev) == 0)
        return fail (error, record, type, _("a revision cannot be its own parent")), NULL;
      /* A clock moves past what it has seen, so a parent is always older;
       * this also rules out cycles. */
      if (parent_hlc >= rev_hlc)
        return fail (error, record, type, _("parent %u is not older than the revision"), i), NULL;
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (json_array_get_string_element (parents, j), json_node_get_string (p)) == 0)
          return fail (error, record, type, _("parent %u is named twice"), i), NULL;
    }

  member = json_object_get_member (object, "fields");
  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    return fail (error, record, type, _("member “fields” must be an object")), NULL;

  self = g_new0 (IdkRevision, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->record = g_strdup (record);
  self->type = g_strdup (type);
  self->rev_id = g_strdup (rev);
  self->hlc = rev_hlc;
  self->office = g_strdup (office);
  self->deleted = json_node_get_boolean (json_object_get_member (object, "deleted"));
  self->parents = g_new0 (char *, json_array_get_length (parents) + 1);
  for (guint i = 0; i < json_array_get_length (parents); i++)
    self->parents[i] = g_strdup (json_array_get_string_element (parents, i));
  self->fields = json_object_ref (json_node_get_object (member));

  if (!idk_record_type_validate (idk_record_type_lookup (type), self->fields, self->deleted, error))
    {
      const char *field = idk_record_error_get_field (*error);

      if (field != NULL)
        g_prefix_error (error, _("revision of %s %s, field “%s”: "), type, record, field);
      else
        g_prefix_error (error, _("revision of %s %s: "), type, record);
      return NULL;
    }

  if (serialize)
    self->fields_json = serialize_fields (self->fields);
  return g_steal_pointer (&self);
}

IdkRevision *
idk_revision_new_from_json (JsonNode  *node,
                            GError   **error)
{
  return _idk_revision_parse (node, TRUE, error);
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
