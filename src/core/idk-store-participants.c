/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store-participants"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-record-type-private.h"
#include "idk-store-private.h"

/* Participants of meetings, and finding organizations and bodies by
 * what people call them. */

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))

/**
 * idk_store_add_participant:
 * @name: the person's name; someone of that name is reused, else added
 * @organization: (nullable): the organization they represent
 * @role: "member" or "observer"
 *
 * Returns: (transfer full): the participant's UUID, or %NULL with @error set
 */
char *
idk_store_add_participant (IdkStore    *self,
                           const char  *meeting,
                           const char  *name,
                           const char  *organization,
                           const char  *role,
                           GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *person = NULL;
  g_autofree char *affiliation = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  sqlite3_stmt *stmt;
  gint64 ordinal = 1;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (meeting != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      _idk_record_refuse (error, IDK_RECORD_ERROR_REQUIRED, "name", "%s", _("The participant needs a name."));
      return NULL;
    }

  if (!idk_store_begin (self, error))
    return NULL;

  if (!(stmt = _idk_store_prepare (self, "SELECT uuid FROM persons WHERE name = ?1 COLLATE NOCASE LIMIT 1", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    person = g_strdup (COL (stmt, 0));
  sqlite3_reset (stmt);

  if (person == NULL)
    {
      g_autoptr(JsonObject) person_fields = json_object_new ();

      json_object_set_string_member (person_fields, "name", stripped);
      if (organization != NULL)
        json_object_set_string_member (person_fields, "organization", organization);
      if (!(person = idk_store_save (self, "person", NULL, person_fields, error)))
        goto failed;
    }

  if (!(stmt = _idk_store_prepare (self, "SELECT coalesce (max (ordinal), 0) + 1 FROM participants "
                                         "WHERE meeting = ?1", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, meeting, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ordinal = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (organization != NULL &&
      (stmt = _idk_store_prepare (self, "SELECT coalesce (acronym, name) FROM organizations WHERE uuid = ?1", NULL)))
    {
      sqlite3_bind_text (stmt, 1, organization, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        affiliation = g_strdup (COL (stmt, 0));
      sqlite3_reset (stmt);
    }

  json_object_set_string_member (fields, "meeting", meeting);
  json_object_set_string_member (fields, "person", person);
  if (organization != NULL)
    json_object_set_string_member (fields, "organization", organization);
  if (affiliation != NULL)
    json_object_set_string_member (fields, "affiliation", affiliation);
  json_object_set_string_member (fields, "role", role ? role : "member");
  json_object_set_int_member (fields, "ordinal", ordinal);

  if (!(uuid = idk_store_save (self, "participant", NULL, fields, error)) ||
      !idk_store_commit (self, error))
    goto failed;

  return g_steal_pointer (&uuid);

failed:
  idk_store_rollback (self);
  return NULL;
}

static char *
lookup (IdkStore   *self,
        const char *sql,
        const char *key)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  if (key == NULL || !(stmt = _idk_store_prepare (self, sql, NULL)))
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup (COL (stmt, 0));
  sqlite3_reset (stmt);

  return uuid;
}

/**
 * idk_store_find_organization:
 * @text: an acronym, a name or a former name, in any case
 *
 * Returns: (transfer full) (nullable): the organization's UUID
 */
char *
idk_store_find_organization (IdkStore   *self,
                             const char *text)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  return lookup (self,
                 "SELECT o.uuid FROM organizations o WHERE o.acronym = ?1 COLLATE NOCASE "
                 "OR o.name = ?1 COLLATE NOCASE "
                 "OR EXISTS (SELECT 1 FROM json_each (o.aliases) a WHERE a.value = ?1 COLLATE NOCASE) "
                 "ORDER BY o.acronym = ?1 COLLATE NOCASE DESC LIMIT 1", text);
}

/**
 * idk_store_find_body:
 *
 * Returns: (transfer full) (nullable): the UUID of the body with @acronym
 */
char *
idk_store_find_body (IdkStore   *self,
                     const char *acronym)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  return lookup (self, "SELECT uuid FROM bodies WHERE acronym = ?1 LIMIT 1", acronym);
}

/**
 * idk_store_find_latest_session:
 *
 * Returns: (transfer full) (nullable): the UUID of the latest full
 *   session begun by today, where new actions are most often decided
 */
char *
idk_store_find_latest_session (IdkStore *self)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  return lookup (self, "SELECT uuid FROM meetings WHERE type = 'full-session' AND start_date <= ?1 "
                       "AND status IS NOT 'cancelled' ORDER BY start_date DESC LIMIT 1",
                 _idk_store_today (self));
}
