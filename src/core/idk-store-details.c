/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store-details"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-date.h"
#include "idk-entry.h"
#include "idk-store-private.h"
#include "idk-types.h"

/* The lines of the detail pages.  Each query returns plain text columns;
 * they are joined here into what a row shows. */

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))

typedef void (*RowFunc) (sqlite3_stmt *stmt,
                         GListStore   *list);

static GListModel *
run_query (IdkStore    *self,
           const char  *sql,
           const char  *uuid,
           RowFunc      row_func,
           GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (IDK_TYPE_ENTRY);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!(stmt = _idk_store_prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row_func (stmt, list);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Joins the non-empty parts with " · ". */
static char *
join_parts (const char *first,
            ...) G_GNUC_NULL_TERMINATED;

static char *
join_parts (const char *first,
            ...)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *part;
  va_list args;

  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    {
      if (*part == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, part);
    }
  va_end (args);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define S(x) ((x) ? (x) : "")

static void
add_entry (GListStore *list,
           const char *title,
           const char *subtitle,
           const char *group,
           const char *kind,
           const char *target,
           int         level)
{
  g_autoptr(IdkEntry) entry = g_object_new (IDK_TYPE_ENTRY,
                                            "title", title, "subtitle", subtitle, "group", group,
                                            "kind", kind, "target-uuid", target, "level", level,
                                            NULL);
  g_list_store_append (list, entry);
}

static const char *
relationship_group (const char *kind)
{
  if (g_strcmp0 (kind, "inverse:accountable-to") == 0)
    return _("Accountable to it");
  if (g_strcmp0 (kind, "inverse:reports-to") == 0)
    return _("Report to it");
  if (g_strcmp0 (kind, "inverse:appointed-by") == 0)
    return _("Appoints");

  return idk_relation_kind_to_label (kind);
}

static void
relationship_row (sqlite3_stmt *stmt,
                  GListStore   *list)
{
  g_autofree char *target = NULL;
  g_autofree char *via = NULL;

  /* A line to someone outside the framework (the Member States) is
   * described by its note alone. */
  if (COL (stmt, 1) == NULL && COL (stmt, 3) == NULL)
    {
      add_entry (list, COL (stmt, 5), NULL, relationship_group (COL (stmt, 0)), COL (stmt, 0), NULL, 0);
      return;
    }

  target = g_strdup (COL (stmt, 1) ? COL (stmt, 1) : COL (stmt, 3));
  if (COL (stmt, 4) != NULL)
    /* Translators: an accountability line through an intermediary */
    via = g_strdup_printf (_("through %s"), COL (stmt, 4));

  {
    g_autofree char *title = join_parts (S (target), S (via), NULL);

    add_entry (list, title, COL (stmt, 5), relationship_group (COL (stmt, 0)),
               COL (stmt, 0), COL (stmt, 2), 0);
  }
}

/**
 * idk_store_list_actor_relationships:
 *
 * Returns: (transfer full): the actor's lines to other actors and bodies;
 *   each entry's group is the kind of line, its target the other actor
 */
GListModel *
idk_store_list_actor_relationships (IdkStore    *self,
                                    const char  *actor_uuid,
                                    GError     **error)
{
  return run_query (self,
                    "SELECT r.kind, t.title, r.target_actor, b.name, v.title, r.note "
                    "FROM relationships r "
                    "LEFT JOIN actors t ON t.uuid = r.target_actor "
                    "LEFT JOIN bodies b ON b.uuid = r.target_body "
                    "LEFT JOIN actors v ON v.uuid = r.via_actor "
                    "WHERE r.actor = ?1 AND (t.uuid IS NOT NULL OR b.uuid IS NOT NULL "
                    "  OR (r.target_actor IS NULL AND r.target_body IS NULL)) "
                    "UNION ALL "
                    /* The other direction, so each actor shows who answers to it. */
                    "SELECT 'inverse:' || r.kind, a.title, r.actor, NULL, NULL, r.note "
                    "FROM relationships r JOIN actors a ON a.uuid = r.actor "
                    "WHERE r.target_actor = ?1 AND r.kind IN ('accountable-to', 'reports-to', 'appointed-by') "
                    "ORDER BY 1",
                    actor_uuid, relationship_row, error);
}

static void
holder_row (sqlite3_stmt *stmt,
            GListStore   *list,
            const char   *today)
{
  g_autofree char *from = COL (stmt, 5) ? idk_date_format (COL (stmt, 5)) : NULL;
  g_autofree char *to = COL (stmt, 6) ? idk_date_format (COL (stmt, 6)) : NULL;
  g_autofree char *dates = NULL;
  g_autofree char *subtitle = NULL;
  gboolean attested = sqlite3_column_int (stmt, 8);
  const char *interim = sqlite3_column_int (stmt, 7) ? _("ad interim") : "";
  const char *kind;

  if (attested)
    {
      kind = "attested";
      if (to != NULL && g_strcmp0 (COL (stmt, 5), COL (stmt, 6)) != 0)
        /* Translators: the texts show the person in the post between these dates */
        dates = g_strdup_printf (_("in the post from %s to at least %s"), S (from), to);
      else
        /* Translators: the texts show the person in the post at this date */
        dates = g_strdup_printf (_("in the post in %s"), S (from));
    }
  else
    {
      kind = COL (stmt, 6) != NULL && g_strcmp0 (COL (stmt, 6), today) < 0 ? "past" : "holder";
      if (from != NULL && to != NULL)
        dates = g_strdup_printf (_("from %s to %s"), from, to);
      else if (from != NULL)
        dates = g_strdup_printf (_("since %s"), from);
    }

  subtitle = join_parts (S (COL (stmt, 1)), S (COL (stmt, 2)), S (dates), interim, NULL);
  add_entry (list, COL (stmt, 4), subtitle, _("Holders"), kind, COL (stmt, 3), 0);
}

/**
 * idk_store_list_actor_holders:
 *
 * Returns: (transfer full): the actor's posts and who held them, where and
 *   when: a post nobody holds now first ("vacancy", its target the post),
 *   then the holders, current ("holder"), ended ("past") or only attested
 *   by the texts ("attested"), their target the appointment
 */
GListModel *
idk_store_list_actor_holders (IdkStore    *self,
                              const char  *actor_uuid,
                              GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (IDK_TYPE_ENTRY);
  g_autofree char *last_post = NULL;
  const char *today = _idk_store_today (self);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT p.uuid, p.title, pl.name, ap.uuid, "
                                   "  trim (coalesce (pe.honorific || ' ', '') || pe.name), "
                                   "  ap.from_date, ap.to_date, ap.ad_interim, ap.attested, "
                                   "  NOT EXISTS (SELECT 1 FROM appointments a WHERE a.post = p.uuid "
                                   "    AND (a.attested = 1 OR ((a.from_date IS NULL OR a.from_date <= ?2) "
                                   "    AND (a.to_date IS NULL OR a.to_date >= ?2)))) AS vacant "
                                   "FROM posts p "
                                   "LEFT JOIN places pl ON pl.uuid = p.place "
                                   "LEFT JOIN appointments ap ON ap.post = p.uuid "
                                   "LEFT JOIN persons pe ON pe.uuid = ap.person "
                                   "WHERE p.actor = ?1 "
                                   "ORDER BY vacant DESC, pl.name, p.uuid, "
                                   "  coalesce (ap.to_date, '9999') DESC, ap.from_date DESC", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, actor_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 9) && g_strcmp0 (last_post, COL (stmt, 0)) != 0)
        {
          /* A post nobody holds now. */
          g_autofree char *subtitle = join_parts (S (COL (stmt, 1)), S (COL (stmt, 2)), NULL);

          add_entry (list, _("Vacant"), subtitle, _("Holders"), "vacancy", COL (stmt, 0), 0);
        }
      g_free (last_post);
      last_post = g_strdup (COL (stmt, 0));

      if (COL (stmt, 3) != NULL)
        holder_row (stmt, list, today);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

static void
agenda_row (sqlite3_stmt *stmt,
            GListStore   *list)
{
  g_autofree char *day = COL (stmt, 0) ? idk_date_format (COL (stmt, 0)) : g_strdup (_("Agenda"));
  g_autofree char *times = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = join_parts (S (COL (stmt, 4)), S (COL (stmt, 5)), NULL);

  if (COL (stmt, 1) != NULL && COL (stmt, 2) != NULL)
    times = g_strdup_printf ("%s–%s", COL (stmt, 1), COL (stmt, 2));
  else if (COL (stmt, 1) != NULL)
    times = g_strdup (COL (stmt, 1));

  title = times ? g_strdup_printf ("%s  %s", times, COL (stmt, 3)) : g_strdup (COL (stmt, 3));
  add_entry (list, title, subtitle, day, COL (stmt, 6), COL (stmt, 7), sqlite3_column_int (stmt, 8));
}

GListModel *
idk_store_list_agenda (IdkStore    *self,
                       const char  *meeting_uuid,
                       GError     **error)
{
  return run_query (self,
                    "SELECT day, start_time, end_time, title, presenter, crp, kind, uuid, "
                    "  parent IS NOT NULL "
                    "FROM agenda_items WHERE meeting = ?1 ORDER BY day, ordinal",
                    meeting_uuid, agenda_row, error);
}

static void
document_row (sqlite3_stmt *stmt,
              GListStore   *list)
{
  add_entry (list, COL (stmt, 0), COL (stmt, 1), _("Documents"), "document", COL (stmt, 2), 0);
}

GListModel *
idk_store_list_documents (IdkStore    *self,
                          const char  *meeting_uuid,
                          GError     **error)
{
  return run_query (self,
                    "SELECT symbol, title, uuid FROM documents WHERE meeting = ?1 ORDER BY number, symbol",
                    meeting_uuid, document_row, error);
}

static void
participant_row (sqlite3_stmt *stmt,
                 GListStore   *list)
{
  const char *role = g_strcmp0 (COL (stmt, 2), "observer") == 0 ? _("Observer") : "";
  const char *function = g_strcmp0 (COL (stmt, 3), "chair") == 0 ? _("Chair")
                       : g_strcmp0 (COL (stmt, 3), "co-chair") == 0 ? _("Co-Chair")
                       : g_strcmp0 (COL (stmt, 3), "secretary") == 0 ? _("Secretary") : "";
  g_autofree char *subtitle = join_parts (S (COL (stmt, 1)), function, role, NULL);

  add_entry (list, COL (stmt, 0), subtitle, _("Participants"), COL (stmt, 2), COL (stmt, 4), 0);
}

GListModel *
idk_store_list_participants (IdkStore    *self,
                             const char  *meeting_uuid,
                             GError     **error)
{
  return run_query (self,
                    "SELECT trim (coalesce (pe.honorific || ' ', '') || pe.name), x.affiliation, x.role, "
                    "  x.function, x.uuid "
                    "FROM participants x LEFT JOIN persons pe ON pe.uuid = x.person "
                    "WHERE x.meeting = ?1 ORDER BY x.ordinal",
                    meeting_uuid, participant_row, error);
}

static void
member_row (sqlite3_stmt *stmt,
            GListStore   *list)
{
  const char *role = g_strcmp0 (COL (stmt, 2), "chair") == 0 ? _("Chair")
                   : g_strcmp0 (COL (stmt, 2), "co-chair") == 0 ? _("Co-Chair")
                   : g_strcmp0 (COL (stmt, 2), "observer") == 0 ? _("Observer") : _("Member");
  g_autofree char *title = COL (stmt, 1) ? g_strdup_printf ("%s (%s)", S (COL (stmt, 0)), COL (stmt, 1))
                                         : g_strdup (COL (stmt, 0));
  g_autofree char *subtitle = join_parts (role, S (COL (stmt, 3)), NULL);

  add_entry (list, title, subtitle, role, COL (stmt, 2), COL (stmt, 4), 0);
}

GListModel *
idk_store_list_group_members (IdkStore    *self,
                              const char  *group_uuid,
                              GError     **error)
{
  return run_query (self,
                    "SELECT coalesce (o.acronym, o.name), p.name, m.role, m.note, m.uuid "
                    "FROM wg_members m LEFT JOIN organizations o ON o.uuid = m.organization "
                    "LEFT JOIN persons p ON p.uuid = m.person "
                    "WHERE m.working_group = ?1 "
                    "ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'co-chair' THEN 1 WHEN 'member' THEN 2 "
                    "  ELSE 3 END, o.acronym COLLATE NOCASE",
                    group_uuid, member_row, error);
}

static void
group_action_row (sqlite3_stmt *stmt,
                  GListStore   *list)
{
  g_autofree char *subtitle = join_parts (S (COL (stmt, 2)),
                                          idk_action_status_to_label (COL (stmt, 3)), NULL);
  g_autofree char *title = g_strdup_printf ("%s  %s", COL (stmt, 0), COL (stmt, 1));

  add_entry (list, title, subtitle, _("Actions"), COL (stmt, 3), COL (stmt, 4), 0);
}

GListModel *
idk_store_list_group_actions (IdkStore    *self,
                              const char  *group_uuid,
                              GError     **error)
{
  return run_query (self,
                    "SELECT a.reference, a.text, m.title, a.status, a.uuid "
                    "FROM action_owners o JOIN actions a ON a.uuid = o.action "
                    "JOIN meetings m ON m.uuid = a.meeting "
                    "WHERE o.owner = ?1 ORDER BY m.start_date, a.ordinal",
                    group_uuid, group_action_row, error);
}

static void
group_meeting_row (sqlite3_stmt *stmt,
                   GListStore   *list)
{
  g_autofree char *dates = idk_date_format_range (COL (stmt, 1), COL (stmt, 2));
  g_autofree char *subtitle = join_parts (S (dates), S (COL (stmt, 3)), NULL);

  add_entry (list, COL (stmt, 0), subtitle, _("Meetings"), COL (stmt, 4), COL (stmt, 5), 0);
}

GListModel *
idk_store_list_group_meetings (IdkStore    *self,
                               const char  *group_uuid,
                               GError     **error)
{
  return run_query (self,
                    "SELECT title, start_date, end_date, city, status, uuid FROM meetings "
                    "WHERE working_group = ?1 ORDER BY start_date",
                    group_uuid, group_meeting_row, error);
}
