/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-entry.h"
#include "idk-record-type-private.h"
#include "idk-revision-private.h"
#include "idk-store-private.h"

/* Conflicts: records with concurrent versions after an exchange.  The
 * winner shows everywhere; the others wait here for a person, who keeps
 * one or combines them.  The resolution names every leaf as its parent,
 * so that every office that receives it settles the same way.  Also the
 * canonical dump that tells whether two offices hold the same data.
 */

/* The members that best name a record, in order. */
static const char * const label_members[] = {
  "title", "name", "reference", "symbol", "code", "acronym", "text", NULL
};

char *
_idk_store_record_label (const char *fields_json)
{
  g_autoptr(JsonNode) node = json_from_string (fields_json, NULL);
  JsonObject *fields = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  for (guint i = 0; fields != NULL && label_members[i] != NULL; i++)
    {
      const char *text = idk_fields_get_text (fields, label_members[i]);

      if (text != NULL && *text != '\0')
        {
          g_autofree char *start = NULL;

          if (g_utf8_strlen (text, -1) <= 80)
            return g_strdup (text);
          start = g_utf8_substring (text, 0, 79);
          return g_strconcat (start, "…", NULL);
        }
    }

  return NULL;
}

/**
 * idk_store_list_conflicts:
 *
 * Returns: (transfer full): an #IdkEntry per record with more than one
 *   leaf revision, one of them live: the record's label as title, its type
 *   as kind, its UUID as target
 */
GListModel *
idk_store_list_conflicts (IdkStore  *self,
                          GError   **error)
{
  g_autoptr(GListStore) list = g_list_store_new (IDK_TYPE_ENTRY);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  /* Live beats deleted, so a live leaf makes a live winner. */
  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT r.uuid, r.type, v.fields, r.leaves FROM records r "
                                   "JOIN revisions v ON v.rev_id = r.winner_rev "
                                   "WHERE r.leaves > 1 AND r.deleted = 0 ORDER BY r.type, r.uuid", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *label = _idk_store_record_label ((const char *) sqlite3_column_text (stmt, 2));
      g_autofree char *subtitle = g_strdup_printf ("%s · %d versions",
                                                   (const char *) sqlite3_column_text (stmt, 1),
                                                   sqlite3_column_int (stmt, 3));
      g_autoptr(IdkEntry) entry = g_object_new (IDK_TYPE_ENTRY,
                                                "title", label ? label : (const char *) sqlite3_column_text (stmt, 0),
                                                "subtitle", subtitle,
                                                "kind", (const char *) sqlite3_column_text (stmt, 1),
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
 * idk_store_get_leaves:
 *
 * Returns: (transfer full) (element-type IdkRevision): the leaf revisions
 *   of a record, the winner first, then in the order that chose it
 */
GPtrArray *
idk_store_get_leaves (IdkStore    *self,
                      const char  *uuid,
                      GError     **error)
{
  g_autoptr(GPtrArray) leaves = g_ptr_array_new_with_free_func ((GDestroyNotify) idk_revision_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT record_type, hlc, office_uuid, parents, deleted, fields "
                                   "FROM revisions WHERE record_uuid = ?1 AND is_leaf = 1 "
                                   "ORDER BY " IDK_WINNER_ORDER, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (leaves, _idk_store_revision_from_row (stmt, uuid));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;
  if (leaves->len == 0)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND, _("No record %s"), uuid);
      return NULL;
    }

  return g_steal_pointer (&leaves);
}

/**
 * idk_store_get_record_label:
 *
 * Returns: (transfer full) (nullable): what names the record (its title,
 *   name, reference…), or %NULL if there is no such record
 */
char *
idk_store_get_record_label (IdkStore   *self,
                            const char *uuid)
{
  sqlite3_stmt *stmt;
  char *label = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (uuid == NULL || !(stmt = _idk_store_prepare (self,
                                                   "SELECT v.fields FROM records r "
                                                   "JOIN revisions v ON v.rev_id = r.winner_rev WHERE r.uuid = ?1",
                                                   NULL)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = _idk_store_record_label ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return label;
}

/**
 * idk_store_resolve_conflict:
 * @fields: the version to keep: one of the leaves' fields, or a mix
 * @deleted: whether the record is to stay deleted (a deletion won)
 *
 * Settles a conflict with a revision whose parents are all the record's
 * leaves, so that it is the only leaf left, here and in every office
 * that imports it.
 */
gboolean
idk_store_resolve_conflict (IdkStore    *self,
                            const char  *uuid,
                            JsonObject  *fields,
                            gboolean     deleted,
                            GError     **error)
{
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parents = NULL;
  const IdkRecordType *type;
  IdkRevision *winner;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!idk_store_begin (self, error))
    return FALSE;

  if (!(leaves = idk_store_get_leaves (self, uuid, error)))
    goto failed;
  if (leaves->len < 2)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("Record %s has no concurrent versions to settle"), uuid);
      goto failed;
    }

  winner = g_ptr_array_index (leaves, 0);
  type = idk_record_type_lookup (winner->type);
  for (guint i = 0; i < leaves->len; i++)
    g_strv_builder_add (builder, ((IdkRevision *) g_ptr_array_index (leaves, i))->rev_id);
  parents = g_strv_builder_end (builder);

  if (!idk_record_type_validate (type, fields, deleted, error) ||
      (!deleted && !_idk_store_check_field_references (self, type, fields, error)) ||
      !_idk_store_write_revision (self, winner->type, uuid, deleted, fields,
                                  (const char * const *) parents, error) ||
      !idk_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  idk_store_rollback (self);
  return FALSE;
}

static gboolean
dump_query (IdkStore       *self,
            GOutputStream  *out,
            const char     *title,
            const char     *sql,
            GError        **error)
{
  g_autoptr(GString) line = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_string_printf (line, "# %s\n", title);
  if (!g_output_stream_write_all (out, line->str, line->len, NULL, NULL, error))
    return FALSE;

  if (!(stmt = _idk_store_prepare (self, sql, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_truncate (line, 0);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          if (i > 0)
            g_string_append_c (line, '\t');
          if (value == NULL)
            g_string_append (line, "\\N");
          else
            for (const char *p = value; *p; p++)
              {
                if (*p == '\\')
                  g_string_append (line, "\\\\");
                else if (*p == '\t')
                  g_string_append (line, "\\t");
                else if (*p == '\n')
                  g_string_append (line, "\\n");
                else
                  g_string_append_c (line, *p);
              }
        }
      g_string_append_c (line, '\n');
      if (!g_output_stream_write_all (out, line->str, line->len, NULL, NULL, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error);
  return TRUE;
}

/**
 * idk_store_dump:
 *
 * Writes the exchanged data in a canonical text form: every revision, the
 * winner of every record and every query row, each sorted by its key and
 * without anything local to this office (row ids, arrival order, clock,
 * bookkeeping).  Two offices that hold the same revisions write the same
 * bytes.
 */
gboolean
idk_store_dump (IdkStore       *self,
                GOutputStream  *out,
                GError        **error)
{
  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (!dump_query (self, out, "revisions",
                   "SELECT rev_id, record_uuid, record_type, deleted, is_leaf, parents, fields "
                   "FROM revisions ORDER BY rev_id", error) ||
      !dump_query (self, out, "records",
                   "SELECT uuid, type, winner_rev, deleted, leaves FROM records ORDER BY uuid", error) ||
      !dump_query (self, out, "action_owners",
                   "SELECT action, owner, ordinal FROM action_owners ORDER BY action, owner", error))
    return FALSE;

  for (guint i = 0; i < idk_record_type_count (); i++)
    {
      const IdkRecordType *type = idk_record_type_nth (i);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY uuid", type->table);

      if (!dump_query (self, out, type->table, sql, error))
        return FALSE;
    }

  return TRUE;
}
