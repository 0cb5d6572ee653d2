/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store-queries"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-action.h"
#include "idk-actor.h"
#include "idk-date.h"
#include "idk-entry.h"
#include "idk-record.h"
#include "idk-meeting.h"
#include "idk-organization.h"
#include "idk-record-type-private.h"
#include "idk-store-private.h"
#include "idk-types.h"
#include "idk-working-group.h"

/* What the views and the command line list.  Filtering and ordering run in
 * SQLite; C only turns rows into objects. */

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))

/* A LIKE pattern matching TEXT anywhere, with LIKE's wildcards escaped. */
char *
_idk_store_like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/* Whether TEXT is missing or only white space. */
gboolean
_idk_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static sqlite3_stmt *
prepare_search (IdkStore    *self,
                const char  *sql,
                const char  *search,
                GError     **error)
{
  sqlite3_stmt *stmt = _idk_store_prepare (self, sql, error);

  if (stmt != NULL)
    {
      if (!_idk_text_is_blank (search))
        {
          g_autofree char *stripped = g_strstrip (g_strdup (search));

          sqlite3_bind_text (stmt, 1, _idk_store_like_pattern (stripped), -1, g_free);
        }
      else
        sqlite3_bind_null (stmt, 1);
    }

  return stmt;
}

static GListModel *
finish_list (IdkStore      *self,
             sqlite3_stmt  *stmt,
             int            rc,
             GListStore    *list,
             GError       **error)
{
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _idk_store_sql_error (self, error);
      g_object_unref (list);
      return NULL;
    }

  return G_LIST_MODEL (list);
}

/**
 * idk_store_fts_query:
 * @text: what the user typed
 *
 * Turns typed text into an FTS5 query that matches rows containing every
 * word, the last ones as prefixes, so that results follow the typing.
 * Each word is quoted, so FTS5 syntax in the text has no effect.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL if @text has no words
 */
char *
idk_store_fts_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

GListModel *
idk_store_list_organizations (IdkStore    *self,
                              const char  *search,
                              GError     **error)
{
  GListStore *list = g_list_store_new (IDK_TYPE_ORGANIZATION);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!(stmt = prepare_search (self,
                               "SELECT uuid, acronym, name, category, parent FROM organizations "
                               "WHERE ?1 IS NULL OR acronym LIKE ?1 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\' "
                               "  OR aliases LIKE ?1 ESCAPE '\\' "
                               "ORDER BY coalesce (acronym, name) COLLATE NOCASE",
                               search, error)))
    return g_object_unref (list), NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(IdkOrganization) organization =
        g_object_new (IDK_TYPE_ORGANIZATION,
                      "uuid", COL (stmt, 0), "acronym", COL (stmt, 1), "name", COL (stmt, 2),
                      "category", COL (stmt, 3), "parent-uuid", COL (stmt, 4), NULL);
      g_list_store_append (list, organization);
    }

  return finish_list (self, stmt, rc, list, error);
}

static IdkActor *
actor_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) responsibilities = NULL;

  if (COL (stmt, 6) != NULL && (node = json_from_string (COL (stmt, 6), NULL)) != NULL &&
      JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (builder, json_array_get_string_element (array, i));
    }
  responsibilities = g_strv_builder_end (builder);

  return g_object_new (IDK_TYPE_ACTOR,
                       "uuid", COL (stmt, 0), "code", COL (stmt, 1), "title", COL (stmt, 2),
                       "short-title", COL (stmt, 3), "section", COL (stmt, 4), "summary", COL (stmt, 5),
                       "responsibilities", responsibilities, "parent-uuid", COL (stmt, 7),
                       "collective", sqlite3_column_int (stmt, 8), NULL);
}

#define ACTOR_COLUMNS \
  "a.uuid, a.code, a.title, a.short_title, a.section, a.summary, a.responsibilities, t.parent, a.collective "

/**
 * idk_store_list_actors:
 * @search: (nullable): words of a role, a person holding it, or a place
 *
 * Returns: (transfer full): the actors matching @search, in the order of
 *   the Framework for Accountability
 */
GListModel *
idk_store_list_actors (IdkStore    *self,
                       const char  *search,
                       GError     **error)
{
  GListStore *list = g_list_store_new (IDK_TYPE_ACTOR);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!(stmt = prepare_search (self,
                               "SELECT " ACTOR_COLUMNS "FROM actors a JOIN actor_tree t ON t.uuid = a.uuid "
                               "WHERE ?1 IS NULL OR a.title LIKE ?1 ESCAPE '\\' "
                               "  OR a.short_title LIKE ?1 ESCAPE '\\' OR a.code LIKE ?1 ESCAPE '\\' "
                               "  OR EXISTS (SELECT 1 FROM posts p "
                               "    LEFT JOIN places pl ON pl.uuid = p.place "
                               "    LEFT JOIN appointments ap ON ap.post = p.uuid "
                               "    LEFT JOIN persons pe ON pe.uuid = ap.person "
                               "    WHERE p.actor = a.uuid AND (pl.name LIKE ?1 ESCAPE '\\' "
                               "      OR pe.name LIKE ?1 ESCAPE '\\' OR p.title LIKE ?1 ESCAPE '\\')) "
                               "ORDER BY a.ordinal",
                               search, error)))
    return g_object_unref (list), NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(IdkActor) actor = actor_from_row (stmt);
      g_list_store_append (list, actor);
    }

  return finish_list (self, stmt, rc, list, error);
}

/**
 * idk_store_list_actor_children:
 * @parent_uuid: (nullable): an actor, or %NULL for the top of the tree
 *
 * Returns: (transfer full): the actors directly under @parent_uuid in the
 *   accountability tree
 */
GListModel *
idk_store_list_actor_children (IdkStore    *self,
                               const char  *parent_uuid,
                               GError     **error)
{
  GListStore *list = g_list_store_new (IDK_TYPE_ACTOR);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT " ACTOR_COLUMNS "FROM actors a JOIN actor_tree t ON t.uuid = a.uuid "
                                   "WHERE t.parent IS ?1 ORDER BY a.ordinal", error)))
    return g_object_unref (list), NULL;
  if (parent_uuid != NULL)
    sqlite3_bind_text (stmt, 1, parent_uuid, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(IdkActor) actor = actor_from_row (stmt);
      g_list_store_append (list, actor);
    }

  return finish_list (self, stmt, rc, list, error);
}

static char *
attendance_label (sqlite3_stmt *stmt,
                  int           first)
{
  int listed = sqlite3_column_int (stmt, first);
  int observers = sqlite3_column_int (stmt, first + 1);
  int reported_orgs = sqlite3_column_int (stmt, first + 2);
  int reported_observer_orgs = sqlite3_column_int (stmt, first + 3);
  int reported_persons = sqlite3_column_int (stmt, first + 4);

  if (listed > 0)
    {
      /* Translators: the participant list of a meeting */
      g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d participant",
                                                              "%d participants", listed), listed);
      if (observers > 0)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d observer", "%s, %d observers",
                                             observers), people, observers);
      return g_steal_pointer (&people);
    }

  if (reported_persons > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d participant reported",
                                         "%d participants reported", reported_persons), reported_persons);

  if (reported_orgs > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d organization reported (%d observers), no list",
                                         "%d organizations reported (%d observers), no list",
                                         reported_orgs),
                            reported_orgs, reported_observer_orgs);

  return NULL;
}

/* A row of the meeting_rows view as an IdkMeeting. */
gpointer
_idk_store_meeting_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *dates = idk_date_format_range (COL (stmt, 3), COL (stmt, 4));
  g_autofree char *place = NULL;
  g_autofree char *attendance = attendance_label (stmt, 14);
  g_autofree char *summary = NULL;

  if (COL (stmt, 5) && COL (stmt, 6))
    place = g_strdup_printf ("%s, %s", COL (stmt, 5), COL (stmt, 6));
  else
    place = g_strdup (COL (stmt, 5) ? COL (stmt, 5) : COL (stmt, 6));

  summary = place ? g_strdup_printf ("%s\n%s", dates, place) : g_strdup (dates);

  return g_object_new (IDK_TYPE_MEETING,
                       "uuid", COL (stmt, 0), "title", COL (stmt, 1), "meeting-type", COL (stmt, 2),
                       "start-date", COL (stmt, 3), "end-date", COL (stmt, 4),
                       "dates-label", dates, "place-label", place, "venue", COL (stmt, 7),
                       "host-label", COL (stmt, 8), "status", COL (stmt, 9),
                       "chair", COL (stmt, 10), "co-chair", COL (stmt, 11),
                       "secretary", COL (stmt, 12), "source", COL (stmt, 13),
                       "attendance-label", attendance, "summary", summary,
                       "number", sqlite3_column_int (stmt, 19),
                       NULL);
}

GListModel *
idk_store_list_working_groups (IdkStore    *self,
                               const char  *search,
                               GError     **error)
{
  GListStore *list = g_list_store_new (IDK_TYPE_WORKING_GROUP);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

#define OFFICER(role) \
  "(SELECT group_concat (label, ', ') FROM (" \
  "  SELECT coalesce (o.acronym, o.name) || coalesce (' (' || p.name || ')', '') AS label " \
  "  FROM wg_members x LEFT JOIN organizations o ON o.uuid = x.organization " \
  "  LEFT JOIN persons p ON p.uuid = x.person " \
  "  WHERE x.working_group = w.uuid AND x.role = '" role "'))"

  if (!(stmt = prepare_search (self,
                               "SELECT w.uuid, w.name, w.acronym, w.status, w.tor_status, "
                               OFFICER ("chair") ", " OFFICER ("co-chair") ", w.description, "
                               "(SELECT count(*) FROM wg_members x WHERE x.working_group = w.uuid "
                               "  AND x.role != 'observer') "
                               "FROM working_groups w "
                               "WHERE ?1 IS NULL OR w.name LIKE ?1 ESCAPE '\\' OR w.acronym LIKE ?1 ESCAPE '\\' "
                               "ORDER BY w.name COLLATE NOCASE",
                               search, error)))
    return g_object_unref (list), NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GString) summary = g_string_new (NULL);
      g_autoptr(IdkWorkingGroup) group = NULL;

      if (COL (stmt, 2) != NULL)
        g_string_append_printf (summary, "%s · ", COL (stmt, 2));
      g_string_append (summary, idk_working_group_status_to_label (COL (stmt, 3)));
      if (COL (stmt, 5) != NULL)
        {
          g_string_append (summary, " · ");
          /* Translators: who chairs a working group, e.g. "chair: UNICEF" */
          g_string_append_printf (summary, _("chair: %s"), COL (stmt, 5));
        }

      group = g_object_new (IDK_TYPE_WORKING_GROUP,
                            "uuid", COL (stmt, 0), "name", COL (stmt, 1), "acronym", COL (stmt, 2),
                            "status", COL (stmt, 3), "tor-status", COL (stmt, 4), "chair", COL (stmt, 5),
                            "co-chair", COL (stmt, 6), "description", COL (stmt, 7),
                            "summary", summary->str, "member-count", sqlite3_column_int (stmt, 8), NULL);
      g_list_store_append (list, group);
    }

  return finish_list (self, stmt, rc, list, error);
}

typedef struct
{
  IdkEntry *entry;
  char *key;       /* what the list is sorted by */
} Choice;

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (((const Choice *) a)->key, ((const Choice *) b)->key);
}

/**
 * idk_store_list_references:
 * @type: a record type
 * @field: one of its reference fields
 *
 * The records the field may name, for a chooser: meetings the latest
 * first, the others by name.
 *
 * Returns: (transfer full): #IdkEntry items: the UUID as target, the
 *   record's label as title ("UNHCR (Office of the United Nations High
 *   Commissioner for Refugees)"), its type as kind
 */
GListModel *
idk_store_list_references (IdkStore    *self,
                           const char  *type,
                           const char  *field,
                           GError     **error)
{
  const char * const *types = idk_record_field_ref_types (type, field);
  g_autoptr(GListStore) list = g_list_store_new (IDK_TYPE_ENTRY);
  g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (types != NULL, NULL);

  for (guint t = 0; types[t] != NULL; t++)
    {
      /* The live records of a type are the rows of its table: records
       * has no index by type, which cost a third of its writes. */
      g_autofree char *sql = g_strdup_printf ("SELECT q.uuid, NULL, v.fields FROM %s q "
                                              "JOIN records r ON r.uuid = q.uuid "
                                              "JOIN revisions v ON v.rev_id = r.winner_rev",
                                              idk_record_type_lookup (types[t])->table);

      if (!(stmt = _idk_store_prepare (self, sql, error)))
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *json = (const char *) sqlite3_column_text (stmt, 2);
          g_autoptr(JsonNode) node = json_from_string (json, NULL);
          JsonObject *fields = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          const char *acronym = idk_fields_get_text (fields, "acronym");
          const char *name = idk_fields_get_text (fields, "name");
          const char *start = idk_fields_get_text (fields, "start_date");
          g_autofree char *label = NULL;
          Choice choice;

          if (acronym != NULL && name != NULL && g_strcmp0 (acronym, name) != 0)
            label = g_strdup_printf ("%s (%s)", acronym, name);
          else
            label = _idk_store_record_label (json);

          choice.entry = g_object_new (IDK_TYPE_ENTRY, "target-uuid", (const char *) sqlite3_column_text (stmt, 0),
                                       "title", label ? label : "", "kind", types[t], NULL);
          /* Meetings newest first: their start reversed digit by digit. */
          if (start != NULL)
            {
              choice.key = g_strdup (start);
              for (char *p = choice.key; *p; p++)
                if (g_ascii_isdigit (*p))
                  *p = (char) ('9' - (*p - '0'));
            }
          else
            choice.key = g_utf8_collate_key (label ? label : "", -1);
          g_array_append_val (choices, choice);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _idk_store_sql_error (self, error), NULL;
    }

  g_array_sort (choices, compare_choices);
  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = &g_array_index (choices, Choice, i);

      g_list_store_append (list, choice->entry);
      g_object_unref (choice->entry);
      g_free (choice->key);
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}
