/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store-posts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-date.h"
#include "idk-record-type-private.h"
#include "idk-store-private.h"

/* Posts and appointments: an actor of the Framework held at a place (a
 * post), and who holds it when.  A post nobody holds now is a vacancy. */

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))

#define refuse(error, name, code, message) _idk_record_refuse (error, code, name, "%s", message)

static gboolean
check_date_field (const char  *type,
                  const char  *field,
                  const char  *value,
                  GError     **error)
{
  g_autoptr(JsonNode) node = value ? json_node_init_string (json_node_alloc (), value) : NULL;

  return idk_record_check_field (type, field, node, error);
}

static char *
stripped_or_null (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static char *
find_one (IdkStore   *self,
          const char *sql,
          const char *a,
          const char *b)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  if (!(stmt = _idk_store_prepare (self, sql, NULL)))
    return NULL;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup (COL (stmt, 0));
  sqlite3_reset (stmt);

  return uuid;
}

/**
 * idk_store_create_post:
 * @place: the name of the place; a place of that name is reused, else
 *   added as @place_kind
 * @title: (nullable): the post's title, e.g. "Country Security Focal Point, Haiti"
 * @organization: (nullable): the organization the post belongs to
 *
 * Returns: (transfer full): the post of @actor at @place (an existing one
 *   if there is), or %NULL with @error set
 */
char *
idk_store_create_post (IdkStore    *self,
                       const char  *actor,
                       const char  *place,
                       const char  *place_kind,
                       const char  *title,
                       const char  *organization,
                       GError     **error)
{
  g_autofree char *place_name = stripped_or_null (place);
  g_autofree char *place_uuid = NULL;
  g_autofree char *post = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (place_name == NULL)
    return refuse (error, "place", IDK_RECORD_ERROR_REQUIRED,
                   _("Say where the post is: a country, area or duty station.")), NULL;

  if (!idk_store_begin (self, error))
    return NULL;

  place_uuid = find_one (self, "SELECT uuid FROM places WHERE name = ?1 COLLATE NOCASE LIMIT 1", place_name, NULL);
  if (place_uuid == NULL)
    {
      g_autoptr(JsonObject) fields = json_object_new ();

      json_object_set_string_member (fields, "name", place_name);
      json_object_set_string_member (fields, "kind", place_kind ? place_kind : "country");
      if (!(place_uuid = idk_store_save (self, "place", NULL, fields, error)))
        {
          /* The place's name is what the form calls the place. */
          if (error != NULL && *error != NULL && (*error)->domain == IDK_RECORD_ERROR)
            idk_record_error_set_field (*error, "place");
          goto failed;
        }
    }

  post = find_one (self, "SELECT uuid FROM posts WHERE actor = ?1 AND place = ?2 LIMIT 1", actor, place_uuid);
  if (post == NULL)
    {
      g_autoptr(JsonObject) fields = json_object_new ();
      g_autofree char *post_title = stripped_or_null (title);

      json_object_set_string_member (fields, "actor", actor);
      json_object_set_string_member (fields, "place", place_uuid);
      if (organization != NULL)
        json_object_set_string_member (fields, "organization", organization);
      if (post_title != NULL)
        json_object_set_string_member (fields, "title", post_title);
      if (!(post = idk_store_save (self, "post", NULL, fields, error)))
        goto failed;
    }

  if (!idk_store_commit (self, error))
    goto failed;
  return g_steal_pointer (&post);

failed:
  idk_store_rollback (self);
  return NULL;
}

/**
 * idk_store_appoint:
 * @person: the name of the person; someone of that name is reused, else added
 * @from: (nullable): the first day, as a date of any precision
 * @to: (nullable): the last day, if known
 *
 * Returns: (transfer full): the appointment's UUID, or %NULL with @error set
 */
char *
idk_store_appoint (IdkStore    *self,
                   const char  *post,
                   const char  *person,
                   const char  *from,
                   const char  *to,
                   gboolean     ad_interim,
                   GError     **error)
{
  g_autofree char *name = stripped_or_null (person);
  g_autofree char *person_uuid = NULL;
  g_autofree char *appointment = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (post != NULL, NULL);

  if (name == NULL)
    return refuse (error, "person", IDK_RECORD_ERROR_REQUIRED, _("Name the person appointed.")), NULL;
  if (!check_date_field ("appointment", "from_date", from, error) ||
      !check_date_field ("appointment", "to_date", to, error))
    return NULL;
  if (from != NULL && to != NULL && g_strcmp0 (to, from) < 0)
    return refuse (error, "to_date", IDK_RECORD_ERROR_RULE, _("The appointment cannot end before it starts.")), NULL;

  if (!idk_store_begin (self, error))
    return NULL;

  person_uuid = find_one (self, "SELECT uuid FROM persons WHERE name = ?1 COLLATE NOCASE LIMIT 1", name, NULL);
  if (person_uuid == NULL)
    {
      g_autoptr(JsonObject) person_fields = json_object_new ();

      json_object_set_string_member (person_fields, "name", name);
      if (!(person_uuid = idk_store_save (self, "person", NULL, person_fields, error)))
        {
          if (error != NULL && *error != NULL && (*error)->domain == IDK_RECORD_ERROR)
            idk_record_error_set_field (*error, "person");
          goto failed;
        }
    }

  json_object_set_string_member (fields, "post", post);
  json_object_set_string_member (fields, "person", person_uuid);
  if (from != NULL)
    json_object_set_string_member (fields, "from_date", from);
  if (to != NULL)
    json_object_set_string_member (fields, "to_date", to);
  json_object_set_boolean_member (fields, "ad_interim", ad_interim);
  json_object_set_boolean_member (fields, "attested", FALSE);

  if (!(appointment = idk_store_save (self, "appointment", NULL, fields, error)) ||
      !idk_store_commit (self, error))
    goto failed;

  return g_steal_pointer (&appointment);

failed:
  idk_store_rollback (self);
  return NULL;
}

/**
 * idk_store_end_appointment:
 * @to: the last day in the post
 *
 * Ends an appointment; the post is vacant unless someone else holds it.
 */
gboolean
idk_store_end_appointment (IdkStore    *self,
                           const char  *appointment,
                           const char  *to,
                           GError     **error)
{
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *saved = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (idk_date_is_valid_text (to), FALSE);

  if (!(fields = idk_store_get_fields (self, appointment, NULL, error)))
    return FALSE;

  json_object_set_string_member (fields, "to_date", to);
  saved = idk_store_save (self, "appointment", appointment, fields, error);
  return saved != NULL;
}

/**
 * idk_store_count_vacancies:
 * @actor: (nullable): only the posts of this actor
 *
 * Returns: how many posts have nobody in them today
 */
guint
idk_store_count_vacancies (IdkStore   *self,
                           const char *actor)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (IDK_IS_STORE (self), 0);

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT count(*) FROM posts p WHERE (?2 IS NULL OR p.actor = ?2) "
                                   "AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.post = p.uuid "
                                   "  AND (a.attested = 1 OR ((a.from_date IS NULL OR a.from_date <= ?1) "
                                   "  AND (a.to_date IS NULL OR a.to_date >= ?1))))", NULL)))
    return 0;
  sqlite3_bind_text (stmt, 1, _idk_store_today (self), -1, SQLITE_TRANSIENT);
  if (actor != NULL)
    sqlite3_bind_text (stmt, 2, actor, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/**
 * idk_store_fill_post:
 * @actor: the role of the Framework
 * @post: (nullable): an existing post to fill, or %NULL for a new one at
 *   @place (a place of that name is reused, else added as @place_kind)
 * @person: (nullable): who is appointed; none leaves a new post vacant
 * @from: (nullable): the first day
 * @to: (nullable): the last day, if known
 *
 * Names a post and who holds it, in one transaction: both or neither.
 *
 * Returns: (transfer full): the post's UUID, or %NULL with @error set
 *   (naming its field: place, title, organization, person, from_date,
 *   to_date)
 */
char *
idk_store_fill_post (IdkStore    *self,
                     const char  *actor,
                     const char  *post,
                     const char  *place,
                     const char  *place_kind,
                     const char  *title,
                     const char  *organization,
                     const char  *person,
                     const char  *from,
                     const char  *to,
                     gboolean     ad_interim,
                     GError     **error)
{
  g_autofree char *post_uuid = g_strdup (post);
  g_autofree char *appointment = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (actor != NULL || post != NULL, NULL);

  if (post != NULL && _idk_text_is_blank (person))
    return refuse (error, "person", IDK_RECORD_ERROR_REQUIRED, _("Name the person appointed.")), NULL;

  if (!idk_store_begin (self, error))
    return NULL;

  if (post_uuid == NULL &&
      !(post_uuid = idk_store_create_post (self, actor, place, place_kind, title, organization, error)))
    goto failed;

  if (!_idk_text_is_blank (person) &&
      !(appointment = idk_store_appoint (self, post_uuid, person, from, to, ad_interim, error)))
    goto failed;

  if (!idk_store_commit (self, error))
    goto failed;
  return g_steal_pointer (&post_uuid);

failed:
  idk_store_rollback (self);
  return NULL;
}

/**
 * idk_store_edit_appointment:
 * @from: (nullable): the first day
 * @to: (nullable): the last day
 *
 * Changes when an appointment runs, and whether it is ad interim.
 */
gboolean
idk_store_edit_appointment (IdkStore    *self,
                            const char  *appointment,
                            const char  *from,
                            const char  *to,
                            gboolean     ad_interim,
                            GError     **error)
{
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *saved = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (appointment != NULL, FALSE);

  if (!check_date_field ("appointment", "from_date", from, error) ||
      !check_date_field ("appointment", "to_date", to, error))
    return FALSE;
  if (from != NULL && to != NULL && g_strcmp0 (to, from) < 0)
    return refuse (error, "to_date", IDK_RECORD_ERROR_RULE, _("The appointment cannot end before it starts."));

  if (!(fields = idk_store_get_fields (self, appointment, NULL, error)))
    return FALSE;
  json_object_remove_member (fields, "from_date");
  json_object_remove_member (fields, "to_date");
  if (from != NULL)
    json_object_set_string_member (fields, "from_date", from);
  if (to != NULL)
    json_object_set_string_member (fields, "to_date", to);
  json_object_set_boolean_member (fields, "ad_interim", ad_interim);

  saved = idk_store_save (self, "appointment", appointment, fields, error);
  return saved != NULL;
}
