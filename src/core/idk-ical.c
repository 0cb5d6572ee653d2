/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-ical"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "idk-date.h"
#include "idk-ical.h"
#include "idk-record.h"
#include "idk-session.h"
#include "idk-store-private.h"
#include "idk-time-zone.h"

/* The calendar as iCalendar (RFC 5545), written by libical, which escapes
 * TEXT values, ends lines with CRLF and folds them at 75 octets.  A
 * meeting's UID comes from its record UUID, so it never changes; its
 * SEQUENCE counts the revisions after the first, so every change raises
 * it, here or in another office.  Meetings known only to the month are
 * left out unless asked for, and those known to the year always are. */

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))
#define PRODID "-//IASMN Desk//IASMN Desk " PACKAGE_VERSION "//EN"

typedef struct
{
  IdkStore *store;
  const IdkIcalOptions *options;
  icalcomponent *calendar;
  GHashTable *zones;          /* IANA name → icaltimezone, those added */
  struct icaltimetype stamp;
  GPtrArray *notes;
  guint n_events;
} Writer;

/**
 * idk_meeting_ical_uid:
 *
 * Returns: (transfer full): the meeting's UID, the same in every export
 */
char *
idk_meeting_ical_uid (const char *meeting_uuid)
{
  return g_strdup_printf ("%s@iasmn-desk", meeting_uuid);
}

static struct icaltimetype
ical_date (GDate *day)
{
  struct icaltimetype value = icaltime_null_date ();

  value.year = g_date_get_year (day);
  value.month = g_date_get_month (day);
  value.day = g_date_get_day (day);
  value.is_date = 1;
  return value;
}

/* The first day of a date of any precision. */
static struct icaltimetype
date_value (const char *text)
{
  IdkDate date;
  g_autoptr(GDate) day = NULL;

  if (!idk_date_parse (text, &date))
    return icaltime_null_date ();
  day = idk_date_first_day (&date);
  return ical_date (day);
}

/* The day after the last day of a date of any precision: DTEND of an
 * all-day event is exclusive. */
static struct icaltimetype
last_day_value (const char *text)
{
  IdkDate date;
  g_autoptr(GDate) day = NULL;

  if (!idk_date_parse (text, &date))
    return icaltime_null_date ();
  day = idk_date_last_day (&date);
  g_date_add_days (day, 1);
  return ical_date (day);
}

static struct icaltimetype
utc_from_hlc (gint64 hlc)
{
  return icaltime_from_timet_with_zone ((time_t) ((hlc >> 16) / 1000), 0, icaltimezone_get_utc_timezone ());
}

static const char *
status_of (const char *status)
{
  if (g_strcmp0 (status, "cancelled") == 0)
    return "CANCELLED";
  if (g_strcmp0 (status, "planned") == 0)
    return "TENTATIVE";
  return "CONFIRMED";
}

static char *
location_of (sqlite3_stmt *stmt)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (COL (stmt, 7) != NULL)
    g_ptr_array_add (parts, (gpointer) COL (stmt, 7));
  if (COL (stmt, 5) != NULL)
    g_ptr_array_add (parts, (gpointer) COL (stmt, 5));
  if (COL (stmt, 6) != NULL)
    g_ptr_array_add (parts, (gpointer) COL (stmt, 6));
  g_ptr_array_add (parts, NULL);
  return parts->len > 1 ? g_strjoinv (", ", (char **) parts->pdata) : NULL;
}

static void
add_common (Writer        *writer,
            icalcomponent *event,
            const char    *uid,
            gint64         sequence,
            gint64         hlc)
{
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (writer->stamp));
  icalcomponent_add_property (event, icalproperty_new_lastmodified (utc_from_hlc (hlc)));
  icalcomponent_add_property (event, icalproperty_new_sequence ((int) MAX (sequence, 0)));
}

static icaltimezone *
zone_for (Writer     *writer,
          const char *name)
{
  icalcomponent *component;
  icalproperty *tzid;
  icaltimezone *zone;

  if (name == NULL)
    return NULL;
  if ((zone = g_hash_table_lookup (writer->zones, name)))
    return zone;
  if (!(zone = icaltimezone_get_builtin_timezone (name)))
    return NULL;

  /* The TZID is the IANA name itself, which every client maps. */
  component = icalcomponent_new_clone (icaltimezone_get_component (zone));
  tzid = icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY);
  if (tzid != NULL)
    icalproperty_set_tzid (tzid, name);
  icalcomponent_add_component (writer->calendar, component);
  g_hash_table_insert (writer->zones, g_strdup (name), zone);
  return zone;
}

static struct icaltimetype
local_time (const char *day,
            int         minutes)
{
  struct icaltimetype value = date_value (day);

  /* Local time; the TZID parameter names its zone. */
  value.is_date = 0;
  value.hour = minutes / 60;
  value.minute = minutes % 60;
  value.second = 0;
  return value;
}

static icalproperty *
with_tzid (icalproperty *property,
           const char   *zone)
{
  icalproperty_add_parameter (property, icalparameter_new_tzid (zone));
  return property;
}

/* One timed event per day of the agenda, in the zone of the city. */
static void
add_days (Writer       *writer,
          sqlite3_stmt *stmt,
          const char   *summary,
          const char   *location)
{
  const char *uuid = COL (stmt, 0);
  const char *zone_name = COL (stmt, 9) ? COL (stmt, 9) : idk_time_zone_for_city (COL (stmt, 5));
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *meeting_uid = idk_meeting_ical_uid (uuid);
  icaltimezone *zone;

  if (!(days = idk_store_time_agenda (writer->store, uuid, NULL)) || days->len == 0)
    return;
  if (!(zone = zone_for (writer, zone_name)))
    {
      g_ptr_array_add (writer->notes,
                       g_strdup_printf (_("“%s” has no time zone, so its days are not given times; "
                                          "set its time zone to add them."), COL (stmt, 1)));
      return;
    }

  for (guint i = 0; i < days->len; i++)
    {
      IdkAgendaDay *day = g_ptr_array_index (days, i);
      g_autofree char *compact = NULL;
      g_autofree char *uid = NULL;
      g_autofree char *title = NULL;
      icalcomponent *event;
      int end;

      if (day->first_start < 0)
        continue;
      end = MAX (day->last_end, day->planned_end);
      compact = g_strdup (day->day);
      g_strdelimit (compact, "-", '_');
      uid = g_strdup_printf ("%s-%s@iasmn-desk", uuid, compact);
      title = g_strdup_printf (_("%s, day %u"), summary, i + 1);

      event = icalcomponent_new_vevent ();
      add_common (writer, event, uid, sqlite3_column_int64 (stmt, 12) - 1, sqlite3_column_int64 (stmt, 13));
      icalcomponent_add_property (event, icalproperty_new_summary (title));
      icalcomponent_add_property (event, with_tzid (icalproperty_new_dtstart (local_time (day->day, day->first_start)), zone_name));
      icalcomponent_add_property (event, with_tzid (icalproperty_new_dtend (local_time (day->day, end)), zone_name));
      icalcomponent_add_property (event, icalproperty_new_relatedto (meeting_uid));
      if (location != NULL)
        icalcomponent_add_property (event, icalproperty_new_location (location));
      icalcomponent_add_property (event, icalproperty_new_status (icalproperty_string_to_status (status_of (COL (stmt, 8)))));
      icalcomponent_add_component (writer->calendar, event);
      writer->n_events++;
    }
}

static void
add_meeting (Writer       *writer,
             sqlite3_stmt *stmt)
{
  const char *title = COL (stmt, 1);
  const char *start = COL (stmt, 3);
  const char *end = COL (stmt, 4) ? COL (stmt, 4) : start;
  g_autofree char *uid = idk_meeting_ical_uid (COL (stmt, 0));
  g_autofree char *location = location_of (stmt);
  g_autoptr(GString) description = g_string_new (NULL);
  gboolean month_only = strlen (start) == 7 || strlen (end) == 7;
  const char *type_label = idk_record_value_label ("meeting", "type", COL (stmt, 2));
  icalcomponent *event;

  if (strlen (start) == 4 || strlen (end) == 4)
    {
      g_ptr_array_add (writer->notes,
                       g_strdup_printf (_("“%s” (%s) is left out: its dates are known only to the year."),
                                        title, start));
      return;
    }
  if (month_only && !writer->options->include_months)
    {
      g_ptr_array_add (writer->notes,
                       g_strdup_printf (_("“%s” (%s) is left out: its dates are known only to the month."),
                                        title, start));
      return;
    }

  g_string_append (description, type_label ? type_label : COL (stmt, 2));
  if (COL (stmt, 10) != NULL)
    g_string_append_printf (description, "\n%s %s", _("Host:"), COL (stmt, 10));
  if (month_only)
    g_string_append_printf (description, "\n%s", _("The dates are known only to the month."));

  event = icalcomponent_new_vevent ();
  add_common (writer, event, uid, sqlite3_column_int64 (stmt, 11) - 1, sqlite3_column_int64 (stmt, 13));
  icalcomponent_add_property (event, icalproperty_new_summary (title));
  icalcomponent_add_property (event, icalproperty_new_dtstart (date_value (start)));
  icalcomponent_add_property (event, icalproperty_new_dtend (last_day_value (end)));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  if (location != NULL)
    icalcomponent_add_property (event, icalproperty_new_location (location));
  icalcomponent_add_property (event, icalproperty_new_description (description->str));
  if (type_label != NULL)
    icalcomponent_add_property (event, icalproperty_new_categories (type_label));
  icalcomponent_add_property (event, icalproperty_new_status (icalproperty_string_to_status (status_of (COL (stmt, 8)))));
  icalcomponent_add_component (writer->calendar, event);
  writer->n_events++;

  if (writer->options->timed_days && !month_only)
    add_days (writer, stmt, title, location);
}

/**
 * idk_store_make_ical:
 * @options: (nullable): which meetings; %NULL for all
 * @n_events: (out) (optional): how many events were written
 * @notes: (out) (optional) (transfer container): why meetings were left
 *   out, as sentences
 *
 * Returns: (transfer full): the calendar, or %NULL with @error set
 */
char *
idk_store_make_ical (IdkStore              *self,
                     const IdkIcalOptions  *options,
                     guint                 *n_events,
                     GPtrArray            **notes,
                     GError               **error)
{
  static const IdkIcalOptions everything = { NULL };
  Writer writer = { self, options ? options : &everything };
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) found_notes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  char *ical_text;
  char *text;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  /* The revisions of the meeting (11) and of it with its agenda (12), and
   * the clock of the latest (13). */
  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT m.uuid, m.title, m.type, m.start_date, m.end_date, m.city, m.country,"
                                   "  m.venue, m.status, m.time_zone, coalesce (h.acronym, h.name, m.host_name),"
                                   "  (SELECT count(*) FROM revisions r WHERE r.record_uuid = m.uuid),"
                                   "  (SELECT count(*) FROM revisions r WHERE r.record_uuid = m.uuid OR r.record_uuid IN"
                                   "    (SELECT uuid FROM agenda_items a WHERE a.meeting = m.uuid)),"
                                   "  (SELECT max (r.hlc) FROM revisions r WHERE r.record_uuid = m.uuid) "
                                   "FROM meetings m LEFT JOIN organizations h ON h.uuid = m.host_organization "
                                   "WHERE (?1 IS NULL OR m.type = ?1) "
                                   "AND (?2 IS NULL OR " LAST_DAY ("coalesce (m.end_date, m.start_date)") " >= ?2) "
                                   "AND (?3 IS NULL OR " FIRST_DAY ("m.start_date") " <= ?3) "
                                   "AND (?4 IS NULL OR m.uuid = ?4) "
                                   "ORDER BY m.start_date, m.title", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, writer.options->type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, writer.options->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, writer.options->to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, writer.options->meeting, -1, SQLITE_TRANSIENT);

  writer.zones = zones;
  writer.notes = found_notes;
  writer.stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());
  writer.calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                         icalproperty_new_version ("2.0"),
                                         icalproperty_new_prodid (PRODID),
                                         icalproperty_new_calscale ("GREGORIAN"),
                                         icalproperty_new_method (ICAL_METHOD_PUBLISH),
                                         (void *) 0);
  {
    icalproperty *name = icalproperty_new_x (_("IASMN meetings"));

    icalproperty_set_x_name (name, "X-WR-CALNAME");
    icalcomponent_add_property (writer.calendar, name);
  }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_meeting (&writer, stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      icalcomponent_free (writer.calendar);
      return _idk_store_sql_error (self, error), NULL;
    }

  ical_text = icalcomponent_as_ical_string_r (writer.calendar);
  text = g_strdup (ical_text);
  icalmemory_free_buffer (ical_text);
  icalcomponent_free (writer.calendar);

  if (n_events != NULL)
    *n_events = writer.n_events;
  if (notes != NULL)
    *notes = g_steal_pointer (&found_notes);
  return text;
}

/**
 * idk_store_write_ical:
 *
 * Writes idk_store_make_ical() to @path, replacing it whole or not at all.
 */
gboolean
idk_store_write_ical (IdkStore              *self,
                      const IdkIcalOptions  *options,
                      const char            *path,
                      guint                 *n_events,
                      GPtrArray            **notes,
                      GError               **error)
{
  g_autofree char *text = NULL;

  if (!(text = idk_store_make_ical (self, options, n_events, notes, error)))
    return FALSE;
  return g_file_set_contents (path, text, -1, error);
}
