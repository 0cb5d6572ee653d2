/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-date.h"
#include "idk-entry.h"
#include "idk-record-type-private.h"
#include "idk-session.h"
#include "idk-store-private.h"
#include "idk-time-zone.h"

/* Planning a full session: the session, its Steering Group session ahead
 * of it, and an agenda skeleton for both whose first item reviews the
 * previous session's actions.  A plan is written in one transaction; a dry
 * run writes the same and rolls it back, so that the ToR checks the user
 * sees before planning are exactly the ones the saved plan gets. */

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))
#define refuse(error, name, ...) _idk_record_refuse (error, IDK_RECORD_ERROR_RULE, name, __VA_ARGS__)

/* When no pair is recorded: six weeks, as in 2015 and 2018. */
#define FALLBACK_LEAD_WEEKS 6
#define MAX_LEAD_WEEKS 26

void
idk_plan_result_free (IdkPlanResult *result)
{
  if (result == NULL)
    return;
  g_free (result->session_uuid);
  g_free (result->sg_uuid);
  g_free (result->session_title);
  g_free (result->session_start);
  g_free (result->session_end);
  g_free (result->sg_title);
  g_free (result->sg_start);
  g_free (result->sg_end);
  g_free (result->previous_uuid);
  g_clear_object (&result->warnings);
  g_free (result);
}

/**
 * idk_ordinal_session_title:
 *
 * Returns: (transfer full): "29th IASMN session", in the user's language
 */
char *
idk_ordinal_session_title (int number)
{
  int tens = number % 100;

  if (number <= 0)
    return g_strdup (_("IASMN session"));

  /* Translators: ordinals of session titles; in French all are "%de",
   * except "1re". */
  if (tens >= 11 && tens <= 13)
    return g_strdup_printf (_("%dth IASMN session"), number);
  switch (number % 10)
    {
    case 1:
      return g_strdup_printf (number == 1 ? C_("first session", "%dst IASMN session") : _("%dst IASMN session"), number);
    case 2:
      return g_strdup_printf (_("%dnd IASMN session"), number);
    case 3:
      return g_strdup_printf (_("%drd IASMN session"), number);
    default:
      return g_strdup_printf (_("%dth IASMN session"), number);
    }
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/**
 * idk_store_default_sg_lead_weeks:
 *
 * Returns: the median lead of the recorded pairs, in weeks: for each full
 *   session known to the day, the Steering Group session held between the
 *   previous full session and it (Istanbul, 8 May 2018, six weeks before
 *   Montreux, 19 June)
 */
int
idk_store_default_sg_lead_weeks (IdkStore *self)
{
  g_autoptr(GArray) leads = g_array_new (FALSE, FALSE, sizeof (int));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IDK_IS_STORE (self), FALLBACK_LEAD_WEEKS);

  if (!(stmt = _idk_store_prepare (self,
                                   "WITH f AS (SELECT start_date, coalesce (end_date, start_date) AS end_date "
                                   "  FROM meetings WHERE type = 'full-session' AND status != 'cancelled' "
                                   "  AND length (start_date) = 10) "
                                   "SELECT julianday (f.start_date) - julianday (("
                                   "  SELECT max (g.start_date) FROM meetings g WHERE g.type = 'sg-session' "
                                   "  AND g.status != 'cancelled' AND length (g.start_date) = 10 "
                                   "  AND g.start_date < f.start_date AND g.start_date > coalesce (("
                                   "    SELECT max (p.end_date) FROM f p WHERE p.start_date < f.start_date), '0000'))) "
                                   "FROM f", NULL)))
    return FALLBACK_LEAD_WEEKS;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int weeks;

      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        continue;
      weeks = (int) ((sqlite3_column_double (stmt, 0) + 3.5) / 7.0);
      if (weeks > 0 && weeks <= MAX_LEAD_WEEKS)
        g_array_append_val (leads, weeks);
    }
  sqlite3_reset (stmt);

  if (leads->len == 0)
    return FALLBACK_LEAD_WEEKS;
  g_array_sort (leads, compare_ints);
  return g_array_index (leads, int, leads->len / 2);
}

static char *
format_day (GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static char *
add_days (const char *day,
          int         days)
{
  IdkDate parsed;
  g_autoptr(GDate) date = NULL;

  if (!idk_date_parse (day, &parsed))
    return NULL;
  date = idk_date_first_day (&parsed);
  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
  return format_day (date);
}

/* The full session before @start, and the number the next one takes. */
static char *
find_previous (IdkStore   *self,
               const char *start,
               int        *number)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  *number = 0;
  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT uuid, number, (SELECT max (number) FROM meetings "
                                   "  WHERE type = 'full-session' AND start_date < ?1) "
                                   "FROM meetings WHERE type = 'full-session' AND status != 'cancelled' "
                                   "AND start_date < ?1 ORDER BY start_date DESC LIMIT 1", NULL)))
    return NULL;
  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      uuid = g_strdup (COL (stmt, 0));
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        *number = sqlite3_column_int (stmt, 1) + 1;
      else if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        *number = sqlite3_column_int (stmt, 2) + 1;
    }
  sqlite3_reset (stmt);
  return uuid;
}

static gint64
rule_parameter (IdkStore   *self,
                const char *code,
                gint64      fallback)
{
  sqlite3_stmt *stmt;
  gint64 value = fallback;

  if (!(stmt = _idk_store_prepare (self, "SELECT parameter FROM rules WHERE code = ?1 AND parameter > 0", NULL)))
    return fallback;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gboolean
add_item (IdkStore    *self,
          const char  *meeting,
          const char  *day,
          const char  *start,
          const char  *end,
          const char  *kind,
          const char  *title,
          gint64       ordinal,
          GError     **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *uuid = NULL;

  json_object_set_string_member (fields, "meeting", meeting);
  json_object_set_string_member (fields, "day", day);
  json_object_set_string_member (fields, "start_time", start);
  if (end != NULL)
    json_object_set_string_member (fields, "end_time", end);
  json_object_set_string_member (fields, "kind", kind);
  json_object_set_string_member (fields, "title", title);
  json_object_set_int_member (fields, "ordinal", ordinal);

  uuid = idk_store_save_agenda_item (self, NULL, fields, error);
  return uuid != NULL;
}

/* The review first, then what the meeting is for, and the planned end of
 * each day, where the agenda's timing reads it. */
static gboolean
add_skeleton (IdkStore    *self,
              const char  *meeting,
              const char  *first_day,
              int          days,
              const char  *review_title,
              const char  *second_title,
              GError     **error)
{
  gint64 ordinal = 1;

  if (!add_item (self, meeting, first_day, "09:00", "10:00", "item", review_title, ordinal++, error) ||
      (second_title != NULL &&
       !add_item (self, meeting, first_day, "10:00", "11:00", "item", second_title, ordinal++, error)))
    return FALSE;

  for (int i = 0; i < days; i++)
    {
      g_autofree char *day = add_days (first_day, i);

      if (!add_item (self, meeting, day, IDK_DEFAULT_DAY_END, NULL, "marker",
                     i == days - 1 ? _("Close of session") : _("End of day"), ordinal++, error))
        return FALSE;
    }
  return TRUE;
}

static char *
save_meeting (IdkStore    *self,
              const char  *type,
              const char  *title,
              int          number,
              const char  *start,
              const char  *end,
              const char  *city,
              const char  *country,
              GError     **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  const char *zone = city != NULL ? idk_time_zone_for_city (city) : NULL;

  json_object_set_string_member (fields, "type", type);
  json_object_set_string_member (fields, "title", title);
  if (number > 0)
    json_object_set_int_member (fields, "number", number);
  json_object_set_string_member (fields, "start_date", start);
  if (g_strcmp0 (end, start) != 0)
    json_object_set_string_member (fields, "end_date", end);
  if (city != NULL)
    json_object_set_string_member (fields, "city", city);
  if (country != NULL)
    json_object_set_string_member (fields, "country", country);
  if (zone != NULL)
    json_object_set_string_member (fields, "time_zone", zone);
  json_object_set_string_member (fields, "status", "planned");

  return idk_store_save_meeting (self, NULL, fields, error);
}

static gboolean
check_plan (const IdkSessionPlan  *plan,
            GError               **error)
{
  IdkDate date;

  if (plan->start == NULL || !idk_date_parse (plan->start, &date) || date.precision != IDK_DATE_PRECISION_DAY)
    return refuse (error, "start_date", _("Give the first day as a date: 2027-02-03."));
  if (plan->days < 1 || plan->days > 14)
    return refuse (error, "days", _("A session lasts from 1 to 14 days."));
  if (plan->city == NULL || _idk_text_is_blank (plan->city))
    return refuse (error, "city", _("Name the city where the session meets."));
  if (plan->sg_lead_weeks > MAX_LEAD_WEEKS)
    return refuse (error, "sg_lead_weeks", _("The Steering Group meets at most %d weeks ahead."), MAX_LEAD_WEEKS);
  return TRUE;
}

static void
collect_warnings (IdkStore    *self,
                  const char  *uuid,
                  GListStore  *into)
{
  g_autoptr(GListModel) found = idk_store_list_warnings (self, uuid, NULL);

  for (guint i = 0; found != NULL && i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (found, i);

      g_list_store_append (into, item);
    }
}

static gboolean
write_plan (IdkStore             *self,
            const IdkSessionPlan *plan,
            IdkPlanResult        *result,
            GError              **error)
{
  g_autofree char *review = NULL;
  g_autofree char *agenda = NULL;
  g_autofree char *previous_title = NULL;
  int sg_days = (int) rule_parameter (self, "sg-session-max-days", 2);

  result->session_title = idk_ordinal_session_title (result->number);
  if (plan->sg_city != NULL && !_idk_text_is_blank (plan->sg_city))
    result->sg_title = g_strdup_printf (_("Steering Group, %s"), plan->sg_city);
  else
    result->sg_title = g_strdup_printf (_("Steering Group, ahead of the %s"), result->session_title);
  result->sg_end = add_days (result->sg_start, sg_days - 1);
  if (g_strcmp0 (result->sg_end, result->session_start) >= 0)
    {
      g_free (result->sg_end);
      result->sg_end = g_strdup (result->sg_start);
    }

  if (result->previous_uuid != NULL)
    {
      g_autoptr(JsonObject) previous = idk_store_get_fields (self, result->previous_uuid, NULL, NULL);

      previous_title = g_strdup (previous ? idk_fields_get_text (previous, "title") : NULL);
    }
  if (previous_title != NULL)
    review = g_strdup_printf (_("Review of the actions of the %s"), previous_title);
  else
    review = g_strdup (_("Review of the previous session’s actions"));
  agenda = g_strdup_printf (_("Agenda of the %s"), result->session_title);

  if (!(result->sg_uuid = save_meeting (self, "sg-session", result->sg_title, 0, result->sg_start,
                                        result->sg_end, plan->sg_city, NULL, error)) ||
      !(result->session_uuid = save_meeting (self, "full-session", result->session_title, result->number,
                                             result->session_start, result->session_end, plan->city,
                                             plan->country, error)) ||
      !add_skeleton (self, result->sg_uuid, result->sg_start,
                     MAX (idk_date_days_between (result->sg_start, result->sg_end), 1), review, agenda, error) ||
      !add_skeleton (self, result->session_uuid, result->session_start, plan->days, review, NULL, error))
    return FALSE;

  return TRUE;
}

/**
 * idk_store_plan_session:
 * @dry_run: check and roll back: nothing is written
 *
 * Plans a full session and its Steering Group session.  The result gives
 * the dates, titles and number chosen and the ToR warnings the two
 * meetings get; after a dry run the UUIDs are those they would have had.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set (naming the
 *   field of @plan at fault)
 */
IdkPlanResult *
idk_store_plan_session (IdkStore             *self,
                        const IdkSessionPlan *plan,
                        gboolean              dry_run,
                        GError              **error)
{
  g_autoptr(IdkPlanResult) result = g_new0 (IdkPlanResult, 1);
  g_autoptr(GListStore) warnings = g_list_store_new (IDK_TYPE_ENTRY);
  g_autoptr(IdkChange) kept_change = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  if (!check_plan (plan, error))
    return NULL;

  result->sg_lead_weeks = plan->sg_lead_weeks >= 0 ? plan->sg_lead_weeks : idk_store_default_sg_lead_weeks (self);
  result->session_start = g_strdup (plan->start);
  result->session_end = add_days (plan->start, plan->days - 1);
  result->sg_start = add_days (plan->start, -7 * result->sg_lead_weeks);
  if (result->sg_lead_weeks == 0)
    {
      g_free (result->sg_start);
      result->sg_start = add_days (plan->start, -1);
    }
  result->previous_uuid = find_previous (self, plan->start, &result->number);

  /* A dry run must not take the undo of the user's last change away. */
  if (dry_run && self->last_change != NULL)
    kept_change = g_object_ref (self->last_change);

  if (!idk_store_begin (self, error))
    return NULL;
  if (!write_plan (self, plan, result, error))
    {
      idk_store_rollback (self);
      return NULL;
    }

  collect_warnings (self, result->sg_uuid, warnings);
  collect_warnings (self, result->session_uuid, warnings);
  result->warnings = G_LIST_MODEL (g_steal_pointer (&warnings));

  if (dry_run)
    {
      idk_store_rollback (self);
      g_clear_object (&self->last_change);
      self->last_change = g_steal_pointer (&kept_change);
    }
  else if (!idk_store_commit (self, error))
    {
      idk_store_rollback (self);
      return NULL;
    }

  return g_steal_pointer (&result);
}
