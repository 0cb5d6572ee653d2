/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store-actions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-date.h"
#include "idk-entry.h"
#include "idk-store-private.h"
#include "idk-types.h"

/* What the Actions view's filters and an action's page list: the history
 * of an action's status updates, the owners and the sessions. */

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))

static void
update_row (sqlite3_stmt *stmt,
            GListStore   *list,
            IdkStore     *self)
{
  g_autofree char *day = g_strndup (COL (stmt, 2), 10);
  g_autofree char *when = idk_date_format (day);
  g_autofree char *time = g_strndup (COL (stmt, 2) + MIN (strlen (COL (stmt, 2)), 11), 5);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(IdkEntry) entry = NULL;
  const char *office = COL (stmt, 4);

  g_string_append_printf (subtitle, "%s %s UTC", when, time);
  if (COL (stmt, 3) != NULL)
    g_string_append_printf (subtitle, " · %s", COL (stmt, 3));
  if (g_strcmp0 (COL (stmt, 6), idk_store_get_office_uuid (self)) == 0)
    g_string_append_printf (subtitle, " · %s", _("this office"));
  else if (office != NULL)
    g_string_append_printf (subtitle, " · %s", office);

  entry = g_object_new (IDK_TYPE_ENTRY,
                        "title", COL (stmt, 1) ? COL (stmt, 1) : idk_action_status_to_label (COL (stmt, 0)),
                        "subtitle", subtitle->str,
                        "group", idk_action_status_to_label (COL (stmt, 0)),
                        "kind", COL (stmt, 0),
                        "target-uuid", COL (stmt, 5),
                        NULL);
  g_list_store_append (list, entry);
}

/**
 * idk_store_list_action_updates:
 *
 * Returns: (transfer full): the status updates of the action, newest
 *   first (IdkEntry: the note as title, or the status if there is none;
 *   when, who and which office as subtitle; the status as kind)
 */
GListModel *
idk_store_list_action_updates (IdkStore    *self,
                               const char  *action_uuid,
                               GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (IDK_TYPE_ENTRY);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  /* The office of an update is the office of the revision that made it. */
  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT u.status, u.note, u.at, u.author, o.name, u.uuid, v.office_uuid "
                                   "FROM action_updates u "
                                   "JOIN revisions v ON v.rev_id = (SELECT rev_id FROM revisions "
                                   "  WHERE record_uuid = u.uuid ORDER BY hlc LIMIT 1) "
                                   "LEFT JOIN offices o ON o.uuid = v.office_uuid "
                                   "WHERE u.action = ?1 ORDER BY u.at DESC, v.hlc DESC", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, action_uuid, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    update_row (stmt, list, self);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

static GListModel *
list_pairs (IdkStore    *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (IDK_TYPE_ENTRY);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _idk_store_prepare (self, sql, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(IdkEntry) entry = g_object_new (IDK_TYPE_ENTRY,
                                                "target-uuid", COL (stmt, 0),
                                                "title", COL (stmt, 1),
                                                "subtitle", COL (stmt, 2),
                                                NULL);
      g_list_store_append (list, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * idk_store_list_action_owners:
 *
 * Returns: (transfer full): the organizations and working groups that own
 *   at least one action, for the owner filter (IdkEntry: UUID as target,
 *   acronym or name as title, full name as subtitle)
 */
GListModel *
idk_store_list_action_owners (IdkStore  *self,
                              GError   **error)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  return list_pairs (self,
                     /* An owner's label is the same on each of its actions:
                      * one action of each owner, read off the owner index
                      * alone (not a pass over every action's labels), then
                      * its label. */
                     "SELECT o.owner, l.label, coalesce (org.name, wg.name) "
                     "FROM (SELECT owner, min (action) AS action FROM action_owners GROUP BY owner) d "
                     "JOIN action_owners o ON o.action = d.action AND o.owner = d.owner "
                     "JOIN action_owner_labels l ON l.action = o.action AND l.ordinal = o.ordinal "
                     "LEFT JOIN organizations org ON org.uuid = o.owner "
                     "LEFT JOIN working_groups wg ON wg.uuid = o.owner "
                     "ORDER BY l.label COLLATE NOCASE", error);
}

/**
 * idk_store_list_sessions:
 *
 * Returns: (transfer full): the meetings that decided at least one
 *   action, oldest first, for the session filter
 */
GListModel *
idk_store_list_sessions (IdkStore  *self,
                         GError   **error)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  return list_pairs (self,
                     "SELECT m.uuid, m.title, m.start_date FROM meetings m "
                     "WHERE EXISTS (SELECT 1 FROM actions a WHERE a.meeting = m.uuid) "
                     "ORDER BY m.start_date", error);
}
