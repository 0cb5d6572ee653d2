/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store-actions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-action.h"
#include "idk-date.h"
#include "idk-entry.h"
#include "idk-record-type-private.h"
#include "idk-store-private.h"
#include "idk-types.h"

/* The actions: the table's query with its filters and sort order, all in
 * SQL so that a list of 100,000 actions never goes through C; the history
 * of status updates; bulk changes. */

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))

/* The last day an action is due: its due date (a month or a year meaning
 * its last day), else the start of the meeting it is due at. */
#define DUE_TEXT "coalesce (a.due_date, dm.start_date)"
#define DUE_DAY \
  "(CASE length (" DUE_TEXT ") WHEN 10 THEN " DUE_TEXT \
  " WHEN 7 THEN date (" DUE_TEXT " || '-01', '+1 month', '-1 day')" \
  " WHEN 4 THEN " DUE_TEXT " || '-12-31' END)"

/* Open or in progress past its due day; a noting needs no follow-up. */
#define OVERDUE \
  "(a.status IN ('open', 'in-progress') AND a.kind != 'noting' AND " DUE_DAY " < ?1)"

#define OWNER_LABELS \
  "(SELECT group_concat (label, ', ') FROM (SELECT label FROM action_owner_labels l " \
  "  WHERE l.action = a.uuid ORDER BY l.ordinal))"

#define LAST_UPDATE "(SELECT max (at) FROM action_updates u WHERE u.action = a.uuid)"

static const struct
{
  const char *key;
  const char *order;  /* {dir} stands for ASC or DESC; NULLs go last either way */
} sort_keys[] = {
  { "reference", "m.start_date {dir}, a.ordinal {dir}, a.reference {dir}" },
  { "session", "m.start_date {dir}, m.title {dir}, a.ordinal {dir}" },
  { "topic", "a.topic IS NULL, a.topic COLLATE NOCASE {dir}, a.ordinal {dir}, a.rowid {dir}" },
  { "text", "a.text COLLATE NOCASE {dir}, a.ordinal {dir}, a.rowid {dir}" },
  { "owner", OWNER_LABELS " IS NULL, " OWNER_LABELS " COLLATE NOCASE {dir}, m.start_date {dir}, a.ordinal {dir}" },
  { "due", DUE_DAY " IS NULL, " DUE_DAY " {dir}, m.start_date {dir}, a.ordinal {dir}" },
  { "status", "CASE a.status WHEN 'open' THEN 0 WHEN 'in-progress' THEN 1 WHEN 'completed' THEN 2 "
              "WHEN 'superseded' THEN 3 ELSE 4 END {dir}, m.start_date {dir}, a.ordinal {dir}" },
  { "last-update", LAST_UPDATE " IS NULL, " LAST_UPDATE " {dir}, m.start_date {dir}, a.ordinal {dir}" },
};

/* A JSON array of row ids, for json_each (): one statement for any
 * number of rows. */
static GString *
rowids_json (const gint64 *rowids,
             guint         n)
{
  GString *ids = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", rowids[i]);
  g_string_append_c (ids, ']');
  return ids;
}

static IdkAction *
action_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *due = NULL;
  g_autofree char *last_update = NULL;

  due = COL (stmt, 8) ? idk_date_format (COL (stmt, 8)) : g_strdup (COL (stmt, 9));
  if (COL (stmt, 11) != NULL)
    {
      g_autofree char *day = g_strndup (COL (stmt, 11), 10);

      last_update = idk_date_format (day);
    }

  return g_object_new (IDK_TYPE_ACTION,
                       "uuid", COL (stmt, 1), "reference", COL (stmt, 2), "session", COL (stmt, 3),
                       "topic", COL (stmt, 4), "text", COL (stmt, 5), "kind", COL (stmt, 6),
                       "owners", COL (stmt, 7), "due", due, "status", COL (stmt, 10),
                       "last-update", last_update, "overdue", sqlite3_column_int (stmt, 12), NULL);
}

static void
unref_action (gpointer action)
{
  if (action != NULL)
    g_object_unref (action);
}

/**
 * idk_store_load_action:
 * @rowid: the action's row, from idk_store_find_actions()
 *
 * Returns: (transfer full) (type IdkAction): the action as the Actions
 *   view shows it, or %NULL with @error set
 */
gpointer
idk_store_load_action (IdkStore    *self,
                       gint64       rowid,
                       GError     **error)
{
  g_autoptr(GPtrArray) actions = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!(actions = idk_store_load_actions (self, &rowid, 1, error)))
    return NULL;

  if (g_ptr_array_index (actions, 0) == NULL)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND,
                   _("No action at row %lld"), (long long) rowid);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (actions, 0));
}

/**
 * idk_store_load_actions:
 * @rowids: (array length=n): rows from idk_store_find_actions()
 *
 * Loads a page of a list in one query.
 *
 * Returns: (transfer full) (element-type IdkAction): the actions in the
 *   order of @rowids, %NULL in place of a row that is gone; or %NULL with
 *   @error set
 */
GPtrArray *
idk_store_load_actions (IdkStore      *self,
                        const gint64  *rowids,
                        guint          n,
                        GError       **error)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_full (n, unref_action);
  g_autoptr(GString) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  /* Each row comes with its place in @rowids (the key of json_each). */
  ids = rowids_json (rowids, n);
  g_ptr_array_set_size (actions, (int) n);
  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT j.key, a.uuid, a.reference, m.title, a.topic, a.text, a.kind, "
                                   OWNER_LABELS ", a.due_date, dm.title, a.status, " LAST_UPDATE ", "
                                   OVERDUE " "
                                   "FROM json_each (?2) j JOIN actions a ON a.rowid = j.value "
                                   "JOIN meetings m ON m.uuid = a.meeting "
                                   "LEFT JOIN meetings dm ON dm.uuid = a.due_meeting", error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, _idk_store_today (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ids->str, (int) ids->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 position = sqlite3_column_int64 (stmt, 0);

      if (position >= 0 && position < n)
        g_ptr_array_index (actions, position) = action_from_row (stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  return g_steal_pointer (&actions);
}

/**
 * idk_store_get_action_uuids:
 * @rowids: (array length=n): rows from idk_store_find_actions()
 *
 * Returns: (transfer full): the UUIDs of the actions still there, in the
 *   order of @rowids, or %NULL with @error set
 */
GStrv
idk_store_get_action_uuids (IdkStore      *self,
                            const gint64  *rowids,
                            guint          n,
                            GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  ids = rowids_json (rowids, n);
  if (!(stmt = _idk_store_prepare (self, "SELECT a.uuid FROM json_each (?1) j "
                                   "JOIN actions a ON a.rowid = j.value ORDER BY j.key", error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, ids->str, (int) ids->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, COL (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  return g_strv_builder_end (builder);
}

/**
 * idk_store_load_action_by_uuid:
 *
 * Returns: (transfer full) (type IdkAction): the action, or %NULL with
 *   @error set (it may have been deleted)
 */
gpointer
idk_store_load_action_by_uuid (IdkStore    *self,
                               const char  *uuid,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 rowid = -1;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!(stmt = _idk_store_prepare (self, "SELECT rowid FROM actions WHERE uuid = ?1", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rowid < 0)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND, _("No action %s"), uuid);
      return NULL;
    }

  return idk_store_load_action (self, rowid, error);
}

/**
 * idk_store_find_actions:
 * @query: (nullable): filters and order; %NULL lists every action
 *
 * Returns: (transfer full) (element-type gint64): the rows of the matching
 *   actions, in the order asked for
 */
GArray *
idk_store_find_actions (IdkStore              *self,
                        const IdkActionQuery  *query,
                        GError               **error)
{
  static const IdkActionQuery everything = { NULL };
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *fts = NULL;
  g_autofree char *office = NULL;
  const char *order = sort_keys[0].order;
  const char *direction;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (query == NULL)
    query = &everything;

  fts = idk_store_fts_query (query->search);
  office = query->mine_only ? idk_store_get_office_organization (self) : NULL;

  /* Parameters are numbered, so each clause binds its own whatever else
   * is present: ?1 today, ?2 search, ?3 status, ?4 owner, ?5 session,
   * ?6 this office's organization. */
  g_string_append (sql, "SELECT a.rowid FROM actions a JOIN meetings m ON m.uuid = a.meeting "
                        "LEFT JOIN meetings dm ON dm.uuid = a.due_meeting ");
  if (fts != NULL)
    g_string_append (sql, "JOIN actions_fts f ON f.rowid = a.rowid AND actions_fts MATCH ?2 ");
  g_string_append (sql, "WHERE ?1 IS NOT NULL ");
  if (query->status != NULL)
    /* A noting left open needs no follow-up: it is not among the open. */
    g_string_append (sql, "AND a.status = ?3 AND NOT (?3 = 'open' AND a.kind = 'noting') ");
  if (query->owner != NULL)
    g_string_append (sql, "AND EXISTS (SELECT 1 FROM action_owners o WHERE o.action = a.uuid AND o.owner = ?4) ");
  if (query->session != NULL)
    g_string_append (sql, "AND a.meeting = ?5 ");
  if (query->overdue_only)
    g_string_append (sql, "AND " OVERDUE " ");
  if (query->mine_only)
    /* With no office organization set, "mine" is nothing. */
    g_string_append (sql, "AND EXISTS (SELECT 1 FROM action_owners o "
                          "LEFT JOIN organizations x ON x.uuid = o.owner "
                          "WHERE o.action = a.uuid AND (o.owner = ?6 OR x.parent = ?6)) ");

  for (guint i = 0; i < G_N_ELEMENTS (sort_keys); i++)
    if (g_strcmp0 (query->sort_key, sort_keys[i].key) == 0)
      order = sort_keys[i].order;
  /* The key, then tie-breakers in the same direction, so that the order
   * is stable. */
  direction = query->descending ? "DESC" : "ASC";
  g_string_append (sql, "ORDER BY ");
  g_string_append (sql, order);
  g_string_replace (sql, "{dir}", direction, 0);

  if (!(stmt = _idk_store_prepare (self, sql->str, error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, _idk_store_today (self), -1, SQLITE_TRANSIENT);
  if (fts != NULL)
    sqlite3_bind_text (stmt, 2, fts, -1, SQLITE_TRANSIENT);
  if (query->status != NULL)
    sqlite3_bind_text (stmt, 3, query->status, -1, SQLITE_TRANSIENT);
  if (query->owner != NULL)
    sqlite3_bind_text (stmt, 4, query->owner, -1, SQLITE_TRANSIENT);
  if (query->session != NULL)
    sqlite3_bind_text (stmt, 5, query->session, -1, SQLITE_TRANSIENT);
  if (query->mine_only)
    sqlite3_bind_text (stmt, 6, office, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rows, rowid);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_INTERRUPT)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The search was cancelled"));
      return NULL;
    }
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  return g_steal_pointer (&rows);
}

/* Adds one status update; *written says whether it recorded anything (a
 * status already held and no note record nothing). */
static gboolean
write_update (IdkStore    *self,
              const char  *action,
              const char  *status,
              const char  *note,
              const char  *author,
              const char  *at,
              gboolean    *written,
              GError     **error)
{
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(JsonObject) update = json_object_new ();
  g_autofree char *type = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *update_uuid = NULL;
  gboolean same_status;

  *written = FALSE;
  if (!(fields = idk_store_get_fields (self, action, &type, error)))
    return FALSE;
  if (g_strcmp0 (type, "action") != 0)
    return _idk_record_refuse (error, IDK_RECORD_ERROR_REFERENCE, "action",
                               _("%s is not an action."), action);

  same_status = g_strcmp0 (idk_fields_get_text (fields, "status"), status) == 0;
  if (same_status && _idk_text_is_blank (note))
    return TRUE;

  json_object_set_string_member (update, "action", action);
  json_object_set_string_member (update, "status", status);
  if (!_idk_text_is_blank (note))
    json_object_set_string_member (update, "note", note);
  if (!_idk_text_is_blank (author))
    json_object_set_string_member (update, "author", author);
  json_object_set_string_member (update, "at", at);

  if (!(update_uuid = idk_store_save (self, "action_update", NULL, update, error)))
    return FALSE;
  *written = TRUE;

  /* The action's status follows its latest update. */
  if (same_status)
    return TRUE;
  json_object_set_string_member (fields, "status", status);
  saved = idk_store_save (self, "action", action, fields, error);
  return saved != NULL;
}

/**
 * idk_store_add_action_update:
 * @actions: the actions to update, one or many
 * @status: their new status
 * @note: (nullable): what happened
 * @author: (nullable): who says so
 *
 * Adds a status update to each action (stamped with the time here; the
 * office is that of its revision) and sets its status, all in one
 * transaction: either every action is updated or none.  An action that
 * already has the status gets no update unless there is a note, since
 * the history is append-only; when that leaves nothing to record, the
 * update is refused (%IDK_RECORD_ERROR_NO_CHANGE, field "note").
 */
gboolean
idk_store_add_action_update (IdkStore            *self,
                             const char * const  *actions,
                             const char          *status,
                             const char          *note,
                             const char          *author,
                             GError             **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(JsonNode) status_node = NULL;
  g_autoptr(JsonNode) note_node = NULL;
  guint n_written = 0;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (actions != NULL, FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  status_node = json_node_init_string (json_node_alloc (), status);
  if (!idk_record_check_field ("action_update", "status", status_node, error) ||
      (note != NULL && !idk_record_check_field ("action_update", "note",
                                                json_node_init_string (note_node = json_node_alloc (), note),
                                                error)))
    return FALSE;

  if (!idk_store_begin (self, error))
    return FALSE;

  for (guint i = 0; actions[i] != NULL; i++)
    {
      gboolean written;

      if (!write_update (self, actions[i], status, note, author, at, &written, error))
        {
          idk_store_rollback (self);
          return FALSE;
        }
      n_written += written;
    }

  if (n_written == 0)
    {
      idk_store_rollback (self);
      return _idk_record_refuse (error, IDK_RECORD_ERROR_NO_CHANGE, "note",
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "Nothing to record: the action is already “%s”. Write a note "
                                              "to add to its history without changing its status.",
                                              "Nothing to record: the actions are already “%s”. Write a note "
                                              "to add to their history without changing their status.",
                                              g_strv_length ((char **) actions)),
                                 idk_action_status_to_label (status));
    }

  return idk_store_commit (self, error) || (idk_store_rollback (self), FALSE);
}

/**
 * idk_store_save_action:
 * @uuid: (nullable): the action to change, or %NULL for a new one
 *
 * Checks and saves an action: it is decided at a meeting, is due by a
 * date or at a meeting but not both, and its reference is its own within
 * its session.  A new action is open.
 *
 * Returns: (transfer full): the action's UUID, or %NULL with @error set
 */
char *
idk_store_save_action (IdkStore    *self,
                       const char  *uuid,
                       JsonObject  *fields,
                       GError     **error)
{
  const char *reference, *meeting;
  sqlite3_stmt *stmt;
  gboolean taken;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if (idk_fields_get_text (fields, "status") == NULL)
    json_object_set_string_member (fields, "status", "open");
  if (!json_object_has_member (fields, "owners"))
    json_object_set_array_member (fields, "owners", json_array_new ());
  if (!idk_record_type_validate (idk_record_type_lookup ("action"), fields, FALSE, error))
    return NULL;

  if (idk_fields_get_text (fields, "due_date") != NULL && idk_fields_get_text (fields, "due_meeting") != NULL)
    return _idk_record_refuse (error, IDK_RECORD_ERROR_RULE, "due_meeting",
                               "%s", _("An action is due by a date or at a meeting, not both: "
                                       "clear one of them.")), NULL;

  reference = idk_fields_get_text (fields, "reference");
  meeting = idk_fields_get_text (fields, "meeting");
  if (!(stmt = _idk_store_prepare (self, "SELECT 1 FROM actions WHERE meeting = ?1 AND reference = ?2 "
                                         "AND uuid IS NOT ?3", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, meeting, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, reference, -1, SQLITE_TRANSIENT);
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_TRANSIENT);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    return _idk_record_refuse (error, IDK_RECORD_ERROR_RULE, "reference",
                               _("Another action of this session is %s already."), reference), NULL;

  return idk_store_save (self, "action", uuid, fields, error);
}
