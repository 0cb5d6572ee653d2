/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store-meetings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-date.h"
#include "idk-meeting.h"
#include "idk-record-type-private.h"
#include "idk-store-private.h"
#include "idk-time-zone.h"

/* The calendar: which meetings to list, and the checks made before a
 * meeting or an agenda item is saved.  A refused change names the field
 * at fault, so that the dialog can show the message beside it. */

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))


/* A rule between fields or records broken, named by its field. */
#define refuse(error, name, ...) _idk_record_refuse (error, IDK_RECORD_ERROR_RULE, name, __VA_ARGS__)

/* The checks of the record description first, so that the rules below
 * meet well-formed values. */
static gboolean
check_description (const char  *type,
                   JsonObject  *fields,
                   GError     **error)
{
  return idk_record_type_validate (idk_record_type_lookup (type), fields, FALSE, error);
}

/**
 * idk_store_find_meetings:
 * @query: (nullable): what to list; %NULL lists every meeting, newest first
 *
 * Returns: (transfer full): the meetings as lists show them (IdkMeeting)
 */
GListModel *
idk_store_find_meetings (IdkStore               *self,
                         const IdkMeetingQuery  *query,
                         GError                **error)
{
  static const IdkMeetingQuery everything = { NULL };
  g_autoptr(GListStore) list = g_list_store_new (IDK_TYPE_MEETING);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (query == NULL)
    query = &everything;

  /* ?1 today, ?2 search, ?3 type, ?4 from, ?5 to */
  g_string_append (sql, "SELECT * FROM meeting_rows WHERE ?1 IS NOT NULL ");
  if (query->search != NULL && *query->search != '\0')
    {
      g_autofree char *stripped = g_strstrip (g_strdup (query->search));

      pattern = _idk_store_like_pattern (stripped);
      g_string_append (sql, "AND search LIKE ?2 ESCAPE '\\' ");
    }
  if (query->type != NULL)
    g_string_append (sql, "AND type = ?3 ");
  if (query->period == IDK_PERIOD_UPCOMING)
    g_string_append (sql, "AND " LAST_DAY ("coalesce (end_date, start_date)") " >= ?1 ");
  else if (query->period == IDK_PERIOD_PAST)
    g_string_append (sql, "AND " LAST_DAY ("coalesce (end_date, start_date)") " < ?1 ");
  if (query->from != NULL)
    g_string_append (sql, "AND " LAST_DAY ("coalesce (end_date, start_date)") " >= ?4 ");
  if (query->to != NULL)
    g_string_append (sql, "AND " FIRST_DAY ("start_date") " <= ?5 ");
  /* Upcoming meetings come soonest first; otherwise the newest first. */
  g_string_append (sql, query->period == IDK_PERIOD_UPCOMING || query->oldest_first
                        ? "ORDER BY start_date, title" : "ORDER BY start_date DESC, title");

  if (!(stmt = _idk_store_prepare (self, sql->str, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, _idk_store_today (self), -1, SQLITE_TRANSIENT);
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_TRANSIENT);
  if (query->type != NULL)
    sqlite3_bind_text (stmt, 3, query->type, -1, SQLITE_TRANSIENT);
  if (query->from != NULL)
    sqlite3_bind_text (stmt, 4, query->from, -1, SQLITE_TRANSIENT);
  if (query->to != NULL)
    sqlite3_bind_text (stmt, 5, query->to, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(IdkMeeting) meeting = _idk_store_meeting_from_row (stmt);
      g_list_store_append (list, meeting);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Compares two valid dates of any precision by their first days. */
static int
compare_dates (const char *a,
               const char *b)
{
  IdkDate da, db;
  g_autoptr(GDate) fa = NULL;
  g_autoptr(GDate) fb = NULL;

  idk_date_parse (a, &da);
  idk_date_parse (b, &db);
  fa = idk_date_first_day (&da);
  fb = idk_date_first_day (&db);
  return g_date_compare (fa, fb);
}

/* Whether DAY lies between the first day of FIRST and the last of LAST. */
static gboolean
within (const char *day,
        const char *first,
        const char *last)
{
  IdkDate d, f, l;
  g_autoptr(GDate) gd = NULL;
  g_autoptr(GDate) gf = NULL;
  g_autoptr(GDate) gl = NULL;

  if (!idk_date_parse (day, &d) || !idk_date_parse (first, &f) || !idk_date_parse (last, &l))
    return FALSE;

  gd = idk_date_first_day (&d);
  gf = idk_date_first_day (&f);
  gl = idk_date_last_day (&l);
  return g_date_compare (gd, gf) >= 0 && g_date_compare (gd, gl) <= 0;
}

/**
 * idk_store_save_meeting:
 * @uuid: (nullable): the meeting to change, or %NULL for a new one
 *
 * Checks and saves a meeting.  The end cannot come before the start.
 *
 * Returns: (transfer full): the meeting's UUID, or %NULL with @error set
 */
char *
idk_store_save_meeting (IdkStore    *self,
                        const char  *uuid,
                        JsonObject  *fields,
                        GError     **error)
{
  g_autofree char *body = NULL;
  const char *start, *end, *type, *zone;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if (!check_description ("meeting", fields, error))
    return NULL;

  start = idk_fields_get_text (fields, "start_date");
  end = idk_fields_get_text (fields, "end_date");
  if (end != NULL && compare_dates (end, start) < 0)
    return refuse (error, "end_date", _("The meeting cannot end before it starts.")), NULL;
  zone = idk_fields_get_text (fields, "time_zone");
  if (zone != NULL && !idk_time_zone_is_known (zone))
    return refuse (error, "time_zone", _("“%s” is not a time zone; give one such as Europe/Zurich."), zone), NULL;

  /* Full sessions are the IASMN's, Steering Group sessions its SG's. */
  type = idk_fields_get_text (fields, "type");
  if (g_strcmp0 (type, "full-session") == 0)
    body = idk_store_find_body (self, "IASMN");
  else if (g_strcmp0 (type, "sg-session") == 0)
    body = idk_store_find_body (self, "SG");
  if (body != NULL)
    json_object_set_string_member (fields, "body", body);

  return idk_store_save (self, "meeting", uuid, fields, error);
}

static int
minutes (const char *time)
{
  return (time[0] - '0') * 600 + (time[1] - '0') * 60 + (time[3] - '0') * 10 + (time[4] - '0');
}

/**
 * idk_store_save_agenda_item:
 * @uuid: (nullable): the item to change, or %NULL for a new one
 *
 * Checks and saves an item of a meeting's agenda: a time slot ends after
 * it starts, lies within the meeting's days, and does not overlap another
 * slot of the same day.
 *
 * Returns: (transfer full): the item's UUID, or %NULL with @error set
 */
char *
idk_store_save_agenda_item (IdkStore    *self,
                            const char  *uuid,
                            JsonObject  *fields,
                            GError     **error)
{
  g_autoptr(JsonObject) meeting = NULL;
  const char *meeting_uuid, *day, *start, *end;
  sqlite3_stmt *stmt;
  g_autofree char *clash = NULL;
  g_autofree char *clash_times = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  meeting_uuid = idk_fields_get_text (fields, "meeting");
  day = idk_fields_get_text (fields, "day");
  start = idk_fields_get_text (fields, "start_time");
  end = idk_fields_get_text (fields, "end_time");

  if (!check_description ("agenda_item", fields, error))
    return NULL;
  if (!(meeting = idk_store_get_fields (self, meeting_uuid, NULL, NULL)))
    return refuse (error, "meeting", _("The item belongs to no meeting.")), NULL;
  if (end != NULL && start == NULL)
    return refuse (error, "start_time", _("A slot with an end needs a start.")), NULL;
  if (start != NULL && end != NULL && minutes (end) <= minutes (start))
    return refuse (error, "end_time", _("The slot must end after it starts.")), NULL;

  if (day != NULL)
    {
      const char *first = idk_fields_get_text (meeting, "start_date");
      const char *last = idk_fields_get_text (meeting, "end_date") ? idk_fields_get_text (meeting, "end_date") : first;
      IdkDate d;

      if (!idk_date_parse (day, &d) || d.precision != IDK_DATE_PRECISION_DAY)
        return refuse (error, "day", _("Give the day as a date: 2027-02-03.")), NULL;
      if (!within (day, first, last))
        {
          g_autofree char *range = idk_date_format_range (first, last);

          return refuse (error, "day", _("The day is not one of the meeting’s days (%s)."), range), NULL;
        }
    }

  /* Two slots of one day may not share a minute; untimed items (sub-items,
   * agendas without times) take no time. */
  if (start != NULL && end != NULL)
    {
      if (!(stmt = _idk_store_prepare (self,
                                       "SELECT title, start_time, end_time FROM agenda_items "
                                       "WHERE meeting = ?1 AND day IS ?2 AND uuid IS NOT ?3 "
                                       "AND start_time IS NOT NULL AND end_time IS NOT NULL "
                                       "AND start_time < ?5 AND end_time > ?4 "
                                       "ORDER BY start_time LIMIT 1", error)))
        return NULL;
      sqlite3_bind_text (stmt, 1, meeting_uuid, -1, SQLITE_TRANSIENT);
      if (day != NULL)
        sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
      if (uuid != NULL)
        sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, start, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, end, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          clash = g_strdup (COL (stmt, 0));
          clash_times = g_strdup_printf ("%s–%s", COL (stmt, 1), COL (stmt, 2));
        }
      sqlite3_reset (stmt);

      if (clash != NULL)
        return refuse (error, "start_time", _("%s–%s overlaps “%s” (%s)."),
                       start, end, clash, clash_times), NULL;
    }

  return idk_store_save (self, "agenda_item", uuid, fields, error);
}

/**
 * idk_store_next_agenda_ordinal:
 *
 * Returns: the ordinal for an item added at the end of the agenda
 */
gint64
idk_store_next_agenda_ordinal (IdkStore   *self,
                               const char *meeting_uuid)
{
  sqlite3_stmt *stmt;
  gint64 next = 1;

  g_return_val_if_fail (IDK_IS_STORE (self), 1);

  if (!(stmt = _idk_store_prepare (self, "SELECT coalesce (max (ordinal), 0) + 1 FROM agenda_items "
                                         "WHERE meeting = ?1", NULL)))
    return 1;
  sqlite3_bind_text (stmt, 1, meeting_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return next;
}

/**
 * idk_store_move_agenda_item:
 * @delta: -1 to move it up, 1 down
 *
 * Swaps the item with its neighbour in the agenda (same day), as one
 * change.
 *
 * Returns: whether it moved; %FALSE with @error unset at either end
 */
gboolean
idk_store_move_agenda_item (IdkStore    *self,
                            const char  *uuid,
                            int          delta,
                            GError     **error)
{
  g_autoptr(JsonObject) item = NULL;
  g_autoptr(JsonObject) neighbour = NULL;
  g_autofree char *neighbour_uuid = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  sqlite3_stmt *stmt;
  gint64 ordinal, other;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  if (!(item = idk_store_get_fields (self, uuid, NULL, error)))
    return FALSE;
  ordinal = json_object_get_int_member_with_default (item, "ordinal", 0);

  if (!(stmt = _idk_store_prepare (self,
                                   delta < 0
                                   ? "SELECT uuid, ordinal FROM agenda_items WHERE meeting = ?1 AND day IS ?2 "
                                     "AND ordinal < ?3 ORDER BY ordinal DESC LIMIT 1"
                                   : "SELECT uuid, ordinal FROM agenda_items WHERE meeting = ?1 AND day IS ?2 "
                                     "AND ordinal > ?3 ORDER BY ordinal LIMIT 1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, idk_fields_get_text (item, "meeting"), -1, SQLITE_TRANSIENT);
  if (idk_fields_get_text (item, "day") != NULL)
    sqlite3_bind_text (stmt, 2, idk_fields_get_text (item, "day"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, ordinal);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      neighbour_uuid = g_strdup (COL (stmt, 0));
      other = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (neighbour_uuid == NULL)
    return FALSE;
  if (!(neighbour = idk_store_get_fields (self, neighbour_uuid, NULL, error)))
    return FALSE;

  json_object_set_int_member (item, "ordinal", other);
  json_object_set_int_member (neighbour, "ordinal", ordinal);

  if (!idk_store_begin (self, error))
    return FALSE;
  if (!(a = idk_store_save (self, "agenda_item", uuid, item, error)) ||
      !(b = idk_store_save (self, "agenda_item", neighbour_uuid, neighbour, error)) ||
      !idk_store_commit (self, error))
    {
      idk_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * idk_store_cancel_meeting:
 *
 * Marks a meeting cancelled: it stays in the calendar, with its agenda
 * and participants, as a meeting that did not take place.
 */
gboolean
idk_store_cancel_meeting (IdkStore    *self,
                          const char  *uuid,
                          GError     **error)
{
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *type = NULL;
  g_autofree char *saved = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!(fields = idk_store_get_fields (self, uuid, &type, error)))
    return FALSE;
  if (g_strcmp0 (type, "meeting") != 0)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND, _("%s is not a meeting."), uuid);
      return FALSE;
    }

  json_object_set_string_member (fields, "status", "cancelled");
  saved = idk_store_save (self, "meeting", uuid, fields, error);
  return saved != NULL;
}

/**
 * idk_store_list_meeting_days:
 *
 * Returns: (transfer full): the days of a meeting known to the day, as
 *   YYYY-MM-DD (none for a meeting known only to the month)
 */
GStrv
idk_store_list_meeting_days (IdkStore   *self,
                             const char *meeting)
{
  g_autoptr(JsonObject) fields = idk_store_get_fields (self, meeting, NULL, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *start = idk_fields_get_text (fields, "start_date");
  const char *end = idk_fields_get_text (fields, "end_date") ? idk_fields_get_text (fields, "end_date") : start;
  IdkDate first, last;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (idk_date_parse (start, &first) && idk_date_parse (end, &last) &&
      first.precision == IDK_DATE_PRECISION_DAY && last.precision == IDK_DATE_PRECISION_DAY)
    {
      g_autoptr(GDate) day = idk_date_first_day (&first);
      g_autoptr(GDate) stop = idk_date_first_day (&last);

      for (guint n = 0; g_date_compare (day, stop) <= 0 && n < 31; n++, g_date_add_days (day, 1))
        {
          char text[11];

          g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
          g_strv_builder_add (builder, text);
        }
    }

  return g_strv_builder_end (builder);
}

/**
 * idk_store_find_meeting:
 * @text: a meeting's UUID, the number of a full session ("28"), or a
 *   meeting's title, in any case
 *
 * Returns: (transfer full) (nullable): the meeting's UUID
 */
char *
idk_store_find_meeting (IdkStore   *self,
                        const char *text)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (text == NULL)
    return NULL;
  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT uuid FROM meetings WHERE uuid = ?1 "
                                   "OR (type = 'full-session' AND CAST (number AS TEXT) = ?1) "
                                   "OR title = ?1 COLLATE NOCASE "
                                   "ORDER BY uuid = ?1 DESC, start_date DESC LIMIT 1", NULL)))
    return NULL;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup (COL (stmt, 0));
  sqlite3_reset (stmt);
  return uuid;
}
