/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-entry.h"
#include "idk-record-type-private.h"
#include "idk-store-private.h"
#include "idk-trust.h"

/* Reading records and their revisions, checking references, the office's
 * identity, and the row counts of `iasmn stats`. */

/**
 * idk_store_get_fields:
 * @type: (out) (optional): the record's type
 *
 * Returns: (transfer full): the fields of the current version of a live
 *   record, or %NULL with @error set
 */
JsonObject *
idk_store_get_fields (IdkStore    *self,
                      const char  *uuid,
                      char       **type,
                      GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT v.fields, r.type FROM records r "
                                   "JOIN revisions v ON v.rev_id = r.winner_rev "
                                   "WHERE r.uuid = ?1 AND r.deleted = 0", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND, _("No record %s"), uuid);
      return NULL;
    }

  node = json_from_string ((const char *) sqlite3_column_text (stmt, 0), error);
  if (type != NULL)
    *type = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  if (node == NULL)
    return NULL;

  return json_object_ref (json_node_get_object (node));
}

/**
 * idk_fields_get_text:
 * @fields: (nullable): the fields of a record
 *
 * Returns: (nullable): the text of a field, or %NULL if it is missing,
 *   null or not text
 */
const char *
idk_fields_get_text (JsonObject *fields,
                     const char *name)
{
  JsonNode *node = fields ? json_object_get_member (fields, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A revision of @uuid from a row of record_type, hlc, office_uuid,
 * parents, deleted, fields. */
IdkRevision *
_idk_store_revision_from_row (sqlite3_stmt *stmt,
                              const char   *uuid)
{
  g_autoptr(JsonNode) parents = json_from_string ((const char *) sqlite3_column_text (stmt, 3), NULL);
  g_autoptr(JsonNode) fields = json_from_string ((const char *) sqlite3_column_text (stmt, 5), NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parent_ids = NULL;
  JsonArray *array = json_node_get_array (parents);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  parent_ids = g_strv_builder_end (builder);

  return idk_revision_new (uuid, (const char *) sqlite3_column_text (stmt, 0),
                           (guint64) sqlite3_column_int64 (stmt, 1),
                           (const char *) sqlite3_column_text (stmt, 2),
                           (const char **) parent_ids, sqlite3_column_int (stmt, 4),
                           json_node_get_object (fields));
}

/**
 * idk_store_get_revisions:
 *
 * Returns: (transfer full) (element-type IdkRevision): every revision of
 *   the record, oldest clock first
 */
GPtrArray *
idk_store_get_revisions (IdkStore    *self,
                         const char  *uuid,
                         GError     **error)
{
  g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) idk_revision_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT record_type, hlc, office_uuid, parents, deleted, fields "
                                   "FROM revisions WHERE record_uuid = ?1 ORDER BY hlc, office_uuid",
                                   error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (revisions, _idk_store_revision_from_row (stmt, uuid));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  return g_steal_pointer (&revisions);
}

/**
 * idk_store_check_references:
 *
 * Checks that every reference of every live record names a live record
 * of the right type.
 */
gboolean
idk_store_check_references (IdkStore  *self,
                            GError   **error)
{
  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);

  for (guint t = 0; t < idk_record_type_count (); t++)
    {
      const IdkRecordType *type = idk_record_type_nth (t);

      for (guint i = 0; i < type->n_fields; i++)
        {
          const IdkFieldSpec *spec = &type->fields[i];
          g_autofree char *types = NULL;
          g_autofree char *sql = NULL;
          g_auto(GStrv) quoted = NULL;
          sqlite3_stmt *stmt;

          if (spec->kind != IDK_FIELD_REF && spec->kind != IDK_FIELD_REFS)
            continue;

          quoted = g_new0 (char *, g_strv_length ((char **) spec->ref_types) + 1);
          for (guint j = 0; spec->ref_types[j] != NULL; j++)
            quoted[j] = g_strdup_printf ("'%s'", spec->ref_types[j]);
          types = g_strjoinv (", ", quoted);

          if (spec->kind == IDK_FIELD_REF)
            sql = g_strdup_printf ("SELECT t.uuid, t.\"%s\" FROM %s t WHERE t.\"%s\" IS NOT NULL "
                                   "AND NOT EXISTS (SELECT 1 FROM records r WHERE r.uuid = t.\"%s\" "
                                   "AND r.deleted = 0 AND r.type IN (%s)) LIMIT 1",
                                   spec->name, type->table, spec->name, spec->name, types);
          else
            sql = g_strdup_printf ("SELECT t.uuid, j.value FROM %s t, json_each (t.\"%s\") j "
                                   "WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.uuid = j.value "
                                   "AND r.deleted = 0 AND r.type IN (%s)) LIMIT 1",
                                   type->table, spec->name, types);

          if (!(stmt = _idk_store_prepare (self, sql, error)))
            return FALSE;
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                           _("%s %s, field “%s”: dangling reference to %s"),
                           type->name, (const char *) sqlite3_column_text (stmt, 0), spec->name,
                           (const char *) sqlite3_column_text (stmt, 1));
              sqlite3_reset (stmt);
              return FALSE;
            }
          sqlite3_reset (stmt);
        }
    }

  return TRUE;
}

/**
 * idk_store_get_office_name:
 *
 * Returns: (transfer full) (nullable): the name of this office
 */
char *
idk_store_get_office_name (IdkStore *self)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  return _idk_store_get_meta (self, "office_name");
}

/**
 * idk_store_get_office_organization:
 *
 * Returns: (transfer full) (nullable): the UUID of the organization this
 *   office belongs to, whose actions are "mine"
 */
char *
idk_store_get_office_organization (IdkStore *self)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  return _idk_store_get_meta (self, "office_organization");
}

gboolean
idk_store_set_office (IdkStore    *self,
                      const char  *name,
                      const char  *organization_uuid,
                      GError     **error)
{
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, _("The office needs a name"));
      return FALSE;
    }
  if (g_utf8_strlen (stripped, -1) > IDK_OFFICE_NAME_MAX)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("An office’s name has at most %d characters; this one has %ld."),
                   IDK_OFFICE_NAME_MAX, (long) g_utf8_strlen (stripped, -1));
      return FALSE;
    }

  if (organization_uuid != NULL)
    {
      if (!(stmt = _idk_store_prepare (self, "SELECT 1 FROM organizations WHERE uuid = ?1", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, organization_uuid, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!found)
        {
          g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, _("No organization %s"), organization_uuid);
          return FALSE;
        }
    }

  if (!idk_store_begin (self, error))
    return FALSE;

  if (!_idk_store_set_meta (self, "office_name", name, error) ||
      !_idk_store_set_meta (self, "office_organization", organization_uuid ? organization_uuid : "", error) ||
      !idk_store_commit (self, error))
    {
      idk_store_rollback (self);
      return FALSE;
    }

  _idk_store_emit_changed (self);
  /* An office set up gets its key, for the bundles it will sign. */
  return idk_store_ensure_key (self, error);
}

/**
 * idk_store_get_stats:
 *
 * Returns: (transfer full): a JSON object with the number of rows of each
 *   table, by table name
 */
JsonNode *
idk_store_get_stats (IdkStore  *self,
                     GError   **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  /* The FTS index's own shadow tables are an implementation detail. */
  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                   "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'actions_fts_%' "
                                   "ORDER BY name", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", (char *) tables->pdata[i]);
      gint64 count = 0;

      if (!_idk_store_query_int (_idk_store_get_db (self), sql, &count, &rc))
        return _idk_store_sql_error (self, error), NULL;

      json_builder_set_member_name (builder, tables->pdata[i]);
      json_builder_add_int_value (builder, count);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * idk_store_find_action:
 * @reference: what the report calls it, e.g. "21/41"
 *
 * Returns: (transfer full) (nullable): the action's UUID
 */
char *
idk_store_find_action (IdkStore   *self,
                       const char *reference)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (reference == NULL || !(stmt = _idk_store_prepare (self, "SELECT uuid FROM actions WHERE reference = ?1 "
                                                              "ORDER BY rowid LIMIT 1", NULL)))
    return NULL;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return uuid;
}

/**
 * idk_store_save_record:
 *
 * Saves a record through the checks of its type: those of the record
 * description, and the rules between fields a meeting, an agenda item, an
 * action or a working group has.
 *
 * Returns: (transfer full): the record's UUID, or %NULL with @error set
 */
char *
idk_store_save_record (IdkStore    *self,
                       const char  *type,
                       const char  *uuid,
                       JsonObject  *fields,
                       GError     **error)
{
  static const struct {
    const char *type;
    char *(*save) (IdkStore *, const char *, JsonObject *, GError **);
  } checked[] = {
    { "meeting", idk_store_save_meeting },
    { "agenda_item", idk_store_save_agenda_item },
    { "action", idk_store_save_action },
    { "working_group", idk_store_save_working_group },
  };

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    if (g_strcmp0 (checked[i].type, type) == 0)
      return checked[i].save (self, uuid, fields, error);

  return idk_store_save (self, type, uuid, fields, error);
}

/**
 * idk_store_list_offices:
 *
 * Returns: (transfer full): an #IdkEntry per office this database has
 *   received bundles from: its name as title, its organization and what
 *   it has acknowledged as subtitle, its UUID as target
 */
GListModel *
idk_store_list_offices (IdkStore  *self,
                        GError   **error)
{
  g_autoptr(GListStore) list = g_list_store_new (IDK_TYPE_ENTRY);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT uuid, coalesce (name, uuid), organization, last_seq, acked "
                                   "FROM offices WHERE uuid <> ?1 ORDER BY name, uuid", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, self->office_uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *subtitle = NULL;
      g_autoptr(IdkEntry) entry = NULL;
      const char *organization = (const char *) sqlite3_column_text (stmt, 2);

      subtitle = g_strdup_printf (_("%s%sreceived up to bundle %lld, acknowledged ours up to %lld"),
                                  organization ? organization : "", organization ? " · " : "",
                                  (long long) sqlite3_column_int64 (stmt, 3),
                                  (long long) sqlite3_column_int64 (stmt, 4));
      entry = g_object_new (IDK_TYPE_ENTRY,
                            "title", (const char *) sqlite3_column_text (stmt, 1),
                            "subtitle", subtitle,
                            "group", organization,
                            "target-uuid", (const char *) sqlite3_column_text (stmt, 0),
                            NULL);
      g_list_store_append (list, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * idk_store_describe_office:
 *
 * Returns: (transfer full): the name of an office as its bundles gave it
 *   (or as its key was trusted), "this office" for this one, or its UUID
 *   for an unknown one
 */
char *
idk_store_describe_office (IdkStore   *self,
                           const char *uuid)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (g_str_equal (uuid, self->office_uuid))
    {
      g_autofree char *own = idk_store_get_office_name (self);

      return own && *own ? g_steal_pointer (&own) : g_strdup ("this office");
    }

  /* Its bundles' name, else the name it was trusted under. */
  if ((stmt = _idk_store_prepare (self, "SELECT coalesce ((SELECT name FROM offices WHERE uuid = ?1), "
                                        "(SELECT name FROM keys WHERE office = ?1 AND name IS NOT NULL "
                                        " ORDER BY added_at DESC LIMIT 1))", NULL)))
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
        name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  return name ? name : g_strdup (uuid);
}
