/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-record-type"

#include "config.h"

#include <string.h>

#include "idk-enums.h"
#include "idk-date.h"
#include "idk-record-type-private.h"
#include "idk-store.h"
#include "idk-store-private.h"

/* The record types that offices exchange, their fields, and the query
 * table each is materialized into (column names are the field names; the
 * tables themselves are created in idk-schema.c). */

static const char * const to_organization[] = { "organization", NULL };
static const char * const to_body[] = { "body", NULL };
static const char * const to_actor[] = { "actor", NULL };
static const char * const to_place[] = { "place", NULL };
static const char * const to_person[] = { "person", NULL };
static const char * const to_post[] = { "post", NULL };
static const char * const to_meeting[] = { "meeting", NULL };
static const char * const to_agenda_item[] = { "agenda_item", NULL };
static const char * const to_working_group[] = { "working_group", NULL };
static const char * const to_action[] = { "action", NULL };
static const char * const to_owner[] = { "organization", "working_group", NULL };

static const char * const body_kinds[] = { "board", "committee", "network", "steering-group", NULL };
static const char * const body_relations[] = { "reports-to", "supports", NULL };
static const char * const place_kinds[] = { "country", "area", "duty-station", "headquarters", NULL };
static const char * const item_kinds[] = { "item", "break", "marker", NULL };
static const char * const participant_roles[] = { "member", "observer", NULL };
static const char * const functions[] = { "chair", "co-chair", "secretary", NULL };
static const char * const group_roles[] = { "chair", "co-chair", "member", "observer", NULL };
static const char * const tor_statuses[] = { "none", "draft", "approved", NULL };

#define FIELD(n, k) { .name = n, .kind = IDK_FIELD_##k }
#define REQUIRED(n, k) { .name = n, .kind = IDK_FIELD_##k, .required = TRUE }
#define REF(n, types) { .name = n, .kind = IDK_FIELD_REF, .ref_types = types }
#define REQUIRED_REF(n, types) { .name = n, .kind = IDK_FIELD_REF, .ref_types = types, .required = TRUE }
#define ENUM(n, get_type) { .name = n, .kind = IDK_FIELD_ENUM, .enum_type = get_type, .required = TRUE }
#define ONE_OF(n, list) { .name = n, .kind = IDK_FIELD_ENUM, .values = list, .required = TRUE }
#define MAYBE_ONE_OF(n, list) { .name = n, .kind = IDK_FIELD_ENUM, .values = list }

static const IdkFieldSpec organization_fields[] = {
  FIELD ("acronym", TEXT),
  REQUIRED ("name", TEXT),
  ENUM ("category", idk_membership_category_get_type),
  REF ("parent", to_organization),
  FIELD ("aliases", STRINGS),
};

static const IdkFieldSpec body_fields[] = {
  FIELD ("acronym", TEXT),
  REQUIRED ("name", TEXT),
  ONE_OF ("kind", body_kinds),
  REF ("parent", to_body),
  MAYBE_ONE_OF ("relation", body_relations),
  FIELD ("description", TEXT),
};

static const IdkFieldSpec body_member_fields[] = {
  REQUIRED_REF ("body", to_body),
  REQUIRED_REF ("organization", to_organization),
  MAYBE_ONE_OF ("role", group_roles),
  FIELD ("from_date", DATE),
  FIELD ("to_date", DATE),
};

static const IdkFieldSpec rule_fields[] = {
  REQUIRED ("code", TEXT),
  REQUIRED ("title", TEXT),
  FIELD ("text", TEXT),
  FIELD ("source", TEXT),
  REQUIRED ("agreed_on", DATE),
  FIELD ("parameter", INT),
};

static const IdkFieldSpec actor_fields[] = {
  REQUIRED ("code", TEXT),
  REQUIRED ("title", TEXT),
  FIELD ("short_title", TEXT),
  FIELD ("section", TEXT),
  FIELD ("summary", TEXT),
  FIELD ("responsibilities", STRINGS),
  FIELD ("collective", BOOL),
  FIELD ("ordinal", INT),
};

static const IdkFieldSpec relationship_fields[] = {
  REQUIRED_REF ("actor", to_actor),
  ENUM ("kind", idk_relation_kind_get_type),
  REF ("target_actor", to_actor),
  REF ("target_body", to_body),
  REF ("via_actor", to_actor),
  FIELD ("note", TEXT),
  FIELD ("ordinal", INT),
};

static const IdkFieldSpec place_fields[] = {
  REQUIRED ("name", TEXT),
  ONE_OF ("kind", place_kinds),
  REF ("parent", to_place),
};

static const IdkFieldSpec person_fields[] = {
  FIELD ("honorific", TEXT),
  REQUIRED ("name", TEXT),
  REF ("organization", to_organization),
  FIELD ("title", TEXT),
};

static const IdkFieldSpec post_fields[] = {
  REQUIRED_REF ("actor", to_actor),
  REQUIRED_REF ("place", to_place),
  REF ("organization", to_organization),
  FIELD ("title", TEXT),
};

static const IdkFieldSpec appointment_fields[] = {
  REQUIRED_REF ("post", to_post),
  REQUIRED_REF ("person", to_person),
  FIELD ("from_date", DATE),
  FIELD ("to_date", DATE),
  FIELD ("ad_interim", BOOL),
  FIELD ("attested", BOOL),
  FIELD ("note", TEXT),
};

static const IdkFieldSpec meeting_fields[] = {
  REF ("body", to_body),
  REF ("working_group", to_working_group),
  ENUM ("type", idk_meeting_type_get_type),
  FIELD ("number", INT),
  REQUIRED ("title", TEXT),
  REQUIRED ("start_date", DATE),
  FIELD ("end_date", DATE),
  FIELD ("city", TEXT),
  FIELD ("country", TEXT),
  FIELD ("venue", TEXT),
  REF ("host_organization", to_organization),
  FIELD ("host_name", TEXT),
  REF ("chair", to_person),
  REF ("co_chair", to_person),
  REF ("secretary", to_person),
  ENUM ("status", idk_meeting_status_get_type),
  FIELD ("source", TEXT),
  FIELD ("reported_orgs", INT),
  FIELD ("reported_observer_orgs", INT),
  FIELD ("reported_persons", INT),
  FIELD ("reported_observer_persons", INT),
};

static const IdkFieldSpec agenda_item_fields[] = {
  REQUIRED_REF ("meeting", to_meeting),
  FIELD ("day", DATE),
  FIELD ("start_time", TIME),
  FIELD ("end_time", TIME),
  REQUIRED ("title", TEXT),
  FIELD ("presenter", TEXT),
  FIELD ("crp", TEXT),
  FIELD ("ordinal", INT),
  REF ("parent", to_agenda_item),
  ONE_OF ("kind", item_kinds),
};

static const IdkFieldSpec document_fields[] = {
  REQUIRED_REF ("meeting", to_meeting),
  REQUIRED ("symbol", TEXT),
  FIELD ("number", INT),
  FIELD ("title", TEXT),
};

static const IdkFieldSpec participant_fields[] = {
  REQUIRED_REF ("meeting", to_meeting),
  REF ("person", to_person),
  REF ("organization", to_organization),
  FIELD ("affiliation", TEXT),
  ONE_OF ("role", participant_roles),
  MAYBE_ONE_OF ("function", functions),
  FIELD ("ordinal", INT),
};

static const IdkFieldSpec working_group_fields[] = {
  REQUIRED ("name", TEXT),
  FIELD ("acronym", TEXT),
  REF ("body", to_body),
  REF ("parent_group", to_working_group),
  ENUM ("status", idk_working_group_status_get_type),
  ONE_OF ("tor_status", tor_statuses),
  REF ("tor_meeting", to_meeting),
  REF ("created_meeting", to_meeting),
  REF ("disbanded_meeting", to_meeting),
  FIELD ("description", TEXT),
};

static const IdkFieldSpec wg_member_fields[] = {
  REQUIRED_REF ("working_group", to_working_group),
  REF ("organization", to_organization),
  REF ("person", to_person),
  ONE_OF ("role", group_roles),
  FIELD ("note", TEXT),
};

static const IdkFieldSpec action_fields[] = {
  REQUIRED_REF ("meeting", to_meeting),
  REQUIRED ("reference", TEXT),
  FIELD ("paragraph", INT),
  FIELD ("topic", TEXT),
  REQUIRED ("text", TEXT),
  ENUM ("kind", idk_action_kind_get_type),
  { .name = "owners", .kind = IDK_FIELD_REFS, .ref_types = to_owner },
  FIELD ("due_date", DATE),
  REF ("due_meeting", to_meeting),
  ENUM ("status", idk_action_status_get_type),
  FIELD ("ordinal", INT),
};

static const IdkFieldSpec action_update_fields[] = {
  REQUIRED_REF ("action", to_action),
  ENUM ("status", idk_action_status_get_type),
  FIELD ("note", TEXT),
  FIELD ("author", TEXT),
  REQUIRED ("at", TEXT),
};

/* The owners live in the action's JSON; the join table and the search
 * index are derived from it so that filters and FTS stay in SQL. */
static const char * const action_before_sql[] = {
  "DELETE FROM actions_fts WHERE rowid IN (SELECT a.rowid FROM temp.touched t "
  "  JOIN actions a ON a.uuid = t.record WHERE t.type = ?1 AND t.new_winner IS NOT t.old_winner)",
  "DELETE FROM action_owners WHERE action IN (SELECT record FROM temp.touched "
  "  WHERE type = ?1 AND new_winner IS NOT old_winner)",
  NULL
};

static const char * const action_after_sql[] = {
  "INSERT OR IGNORE INTO action_owners (action, owner, ordinal) "
  "SELECT a.uuid, j.value, j.key FROM temp.touched t JOIN actions a ON a.uuid = t.record, "
  "  json_each (a.owners) j "
  "WHERE t.type = ?1 AND t.new_live = 1 AND t.new_winner IS NOT t.old_winner",
  "INSERT INTO actions_fts (rowid, reference, topic, text, owners) "
  "SELECT a.rowid, a.reference, a.topic, a.text, "
  "  (SELECT group_concat (label, ' ') FROM action_owner_labels l WHERE l.action = a.uuid) "
  "FROM temp.touched t JOIN actions a ON a.uuid = t.record "
  "WHERE t.type = ?1 AND t.new_live = 1 AND t.new_winner IS NOT t.old_winner",
  NULL
};

#define TYPE(n, t, f, ...) { .name = n, .table = t, .fields = f, .n_fields = G_N_ELEMENTS (f), __VA_ARGS__ }

static const IdkRecordType record_types[] = {
  TYPE ("organization", "organizations", organization_fields),
  TYPE ("body", "bodies", body_fields),
  TYPE ("body_member", "body_members", body_member_fields),
  TYPE ("rule", "rules", rule_fields),
  TYPE ("actor", "actors", actor_fields),
  TYPE ("relationship", "relationships", relationship_fields),
  TYPE ("place", "places", place_fields),
  TYPE ("person", "persons", person_fields),
  TYPE ("post", "posts", post_fields),
  TYPE ("appointment", "appointments", appointment_fields),
  TYPE ("meeting", "meetings", meeting_fields),
  TYPE ("agenda_item", "agenda_items", agenda_item_fields),
  TYPE ("document", "documents", document_fields),
  TYPE ("participant", "participants", participant_fields),
  TYPE ("working_group", "working_groups", working_group_fields),
  TYPE ("wg_member", "wg_members", wg_member_fields),
  TYPE ("action", "actions", action_fields,
        .before_sql = action_before_sql, .after_sql = action_after_sql),
  TYPE ("action_update", "action_updates", action_update_fields),
};

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
               "field “%s”: %s", field, message);
  return FALSE;
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
valid_text (const char *text)
{
  /* json-glib cuts strings at an escaped NUL, so a NUL cannot be inside;
   * control characters other than tab and newlines have no place here. */
  for (const char *p = text; *p; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return g_utf8_validate (text, -1, NULL) && strlen (text) <= IDK_FIELD_MAX_TEXT;
}

/* The nicks of an enum type, looked up once: an import validates hundreds
 * of thousands of values, in a thread of its own, and the type system's
 * class references take a lock. */
static const char * const *
enum_nicks (GType (*get_type) (void))
{
  static gsize initialized;
  static struct {
    GType (*get_type) (void);
    GStrv nicks;
  } cache[16];
  static guint n_cached;

  if (g_once_init_enter (&initialized))
    {
      for (guint t = 0; t < G_N_ELEMENTS (record_types); t++)
        for (guint f = 0; f < record_types[t].n_fields; f++)
          {
            const IdkFieldSpec *spec = &record_types[t].fields[f];
            g_autoptr(GEnumClass) klass = NULL;
            g_autoptr(GStrvBuilder) builder = NULL;
            gboolean known = FALSE;

            if (spec->enum_type == NULL)
              continue;
            for (guint i = 0; i < n_cached; i++)
              known |= cache[i].get_type == spec->enum_type;
            if (known)
              continue;

            g_assert (n_cached < G_N_ELEMENTS (cache));
            klass = g_type_class_ref (spec->enum_type ());
            builder = g_strv_builder_new ();
            for (guint v = 0; v < klass->n_values; v++)
              g_strv_builder_add (builder, klass->values[v].value_nick);
            cache[n_cached].get_type = spec->enum_type;
            cache[n_cached].nicks = g_strv_builder_end (builder);
            n_cached++;
          }
      g_once_init_leave (&initialized, 1);
    }

  for (guint i = 0; i < n_cached; i++)
    if (cache[i].get_type == get_type)
      return (const char * const *) cache[i].nicks;

  g_return_val_if_reached (NULL);
}

static gboolean
validate_value (const IdkFieldSpec  *spec,
                JsonNode            *node,
                GError             **error)
{
  switch (spec->kind)
    {
    case IDK_FIELD_TEXT:
      if (!node_is (node, G_TYPE_STRING))
        return invalid (error, spec->name, "must be a string");
      if (!valid_text (json_node_get_string (node)))
        return invalid (error, spec->name, "contains control characters or is too long");
      if (spec->required && *json_node_get_string (node) == '\0')
        return invalid (error, spec->name, "must not be empty");
      return TRUE;

    case IDK_FIELD_INT:
      if (!node_is (node, G_TYPE_INT64))
        return invalid (error, spec->name, "must be an integer");
      if (ABS (json_node_get_int (node)) > IDK_MAX_SAFE_INTEGER)
        return invalid (error, spec->name, "integer out of range");
      return TRUE;

    case IDK_FIELD_BOOL:
      if (!node_is (node, G_TYPE_BOOLEAN))
        return invalid (error, spec->name, "must be true or false");
      return TRUE;

    case IDK_FIELD_DATE:
      if (!node_is (node, G_TYPE_STRING) || !idk_date_is_valid_text (json_node_get_string (node)))
        return invalid (error, spec->name, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD");
      return TRUE;

    case IDK_FIELD_TIME:
      if (!node_is (node, G_TYPE_STRING) || !idk_time_is_valid_text (json_node_get_string (node)))
        return invalid (error, spec->name, "must be a time as HH:MM");
      return TRUE;

    case IDK_FIELD_ENUM:
      {
        const char *nick;

        if (!node_is (node, G_TYPE_STRING))
          return invalid (error, spec->name, "must be a string");
        nick = json_node_get_string (node);

        if (!g_strv_contains (spec->enum_type != NULL ? enum_nicks (spec->enum_type) : spec->values, nick))
          return invalid (error, spec->name, "unknown value “%s”", nick);
        return TRUE;
      }

    case IDK_FIELD_REF:
      if (!node_is (node, G_TYPE_STRING) || !g_uuid_string_is_valid (json_node_get_string (node)))
        return invalid (error, spec->name, "must be a record UUID");
      return TRUE;

    case IDK_FIELD_REFS:
    case IDK_FIELD_STRINGS:
      {
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return invalid (error, spec->name, "must be an array");
        array = json_node_get_array (node);
        if (json_array_get_length (array) > 1000)
          return invalid (error, spec->name, "too many elements");
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            if (!node_is (element, G_TYPE_STRING))
              return invalid (error, spec->name, "element %u must be a string", i);
            if (spec->kind == IDK_FIELD_REFS &&
                !g_uuid_string_is_valid (json_node_get_string (element)))
              return invalid (error, spec->name, "element %u must be a record UUID", i);
            if (spec->kind == IDK_FIELD_STRINGS && !valid_text (json_node_get_string (element)))
              return invalid (error, spec->name, "element %u contains control characters or is too long", i);
          }
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

const IdkRecordType *
idk_record_type_lookup (const char *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
    if (g_str_equal (record_types[i].name, name))
      return &record_types[i];

  return NULL;
}

const IdkRecordType *
idk_record_type_nth (guint n)
{
  g_return_val_if_fail (n < G_N_ELEMENTS (record_types), NULL);

  return &record_types[n];
}

guint
idk_record_type_count (void)
{
  return G_N_ELEMENTS (record_types);
}

const IdkFieldSpec *
idk_record_type_field (const IdkRecordType *type,
                       const char          *name)
{
  for (guint i = 0; i < type->n_fields; i++)
    if (g_str_equal (type->fields[i].name, name))
      return &type->fields[i];

  return NULL;
}

gboolean
idk_record_type_validate (const IdkRecordType  *type,
                          JsonObject           *fields,
                          gboolean              deleted,
                          GError              **error)
{
  JsonObjectIter iter;
  const char *name;

  g_return_val_if_fail (type != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &name, NULL))
    if (idk_record_type_field (type, name) == NULL)
      return invalid (error, name, "not a field of %s", type->name);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const IdkFieldSpec *spec = &type->fields[i];
      JsonNode *node = json_object_get_member (fields, spec->name);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          /* A tombstone need not carry the record's content. */
          if (spec->required && !deleted)
            return invalid (error, spec->name, "is required");
          continue;
        }

      if (!validate_value (spec, node, error))
        return FALSE;
    }

  return TRUE;
}
