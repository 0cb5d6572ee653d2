/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-agenda"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "idk-date.h"
#include "idk-record-type-private.h"
#include "idk-session.h"
#include "idk-store-private.h"

/* The timing of an agenda, day by day, and the register of a session's
 * conference room papers.  Only top-level items with both times take
 * time: sub-items share their parent's slot.  A day's planned end is the
 * time of its end-of-day marker, 17:30 when it has none. */

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))
#define refuse(error, name, ...) _idk_record_refuse (error, IDK_RECORD_ERROR_RULE, name, __VA_ARGS__)

static int
parse_minutes (const char *time)
{
  if (time == NULL || !idk_time_is_valid_text (time))
    return -1;
  return (time[0] - '0') * 600 + (time[1] - '0') * 60 + (time[3] - '0') * 10 + (time[4] - '0');
}

char *
idk_format_minutes (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/**
 * idk_format_duration:
 *
 * Returns: (transfer full): "2 h 30 min", "45 min", "3 h"
 */
char *
idk_format_duration (int minutes)
{
  if (minutes < 60)
    return g_strdup_printf (_("%d min"), minutes);
  if (minutes % 60 == 0)
    return g_strdup_printf (_("%d h"), minutes / 60);
  return g_strdup_printf (_("%d h %02d min"), minutes / 60, minutes % 60);
}

static void
slot_free (IdkAgendaSlot *slot)
{
  g_free (slot->uuid);
  g_free (slot->title);
  g_free (slot->kind);
  g_free (slot);
}

void
idk_agenda_day_free (IdkAgendaDay *day)
{
  if (day == NULL)
    return;
  g_free (day->day);
  g_free (day->end_item);
  g_clear_pointer (&day->slots, g_ptr_array_unref);
  g_clear_pointer (&day->warnings, g_ptr_array_unref);
  g_free (day);
}

static IdkAgendaDay *
day_new (const char *date)
{
  IdkAgendaDay *day = g_new0 (IdkAgendaDay, 1);

  day->day = g_strdup (date);
  day->planned_end = parse_minutes (IDK_DEFAULT_DAY_END);
  day->end_is_default = TRUE;
  day->first_start = -1;
  day->last_end = -1;
  day->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);
  day->warnings = g_ptr_array_new_with_free_func (g_free);
  return day;
}

static IdkAgendaDay *
find_day (GPtrArray  *days,
          const char *date)
{
  for (guint i = 0; i < days->len; i++)
    {
      IdkAgendaDay *day = g_ptr_array_index (days, i);

      if (g_strcmp0 (day->day, date) == 0)
        return day;
    }
  g_ptr_array_add (days, day_new (date));
  return g_ptr_array_index (days, days->len - 1);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 ((*(IdkAgendaDay **) a)->day, (*(IdkAgendaDay **) b)->day);
}

/* Running totals and the warnings, once the day's slots are in order. */
static void
measure_day (IdkAgendaDay *day)
{
  int previous_end = -1;
  const IdkAgendaSlot *previous = NULL;
  int total = 0;

  for (guint i = 0; i < day->slots->len; i++)
    {
      IdkAgendaSlot *slot = g_ptr_array_index (day->slots, i);
      int length = slot->end - slot->start;

      if (g_strcmp0 (slot->kind, "break") == 0)
        day->break_minutes += length;
      else
        total += length;
      slot->running_total = total;

      if (day->first_start < 0)
        day->first_start = slot->start;

      if (previous != NULL && slot->start > previous_end)
        {
          g_autofree char *from = idk_format_minutes (previous_end);
          g_autofree char *to = idk_format_minutes (slot->start);
          g_autofree char *length_text = idk_format_duration (slot->start - previous_end);

          g_ptr_array_add (day->warnings,
                           g_strdup_printf (_("Nothing is planned from %s to %s (%s)."), from, to, length_text));
        }
      else if (previous != NULL && slot->start < previous_end)
        {
          g_autofree char *a_start = idk_format_minutes (previous->start);
          g_autofree char *a_end = idk_format_minutes (previous->end);
          g_autofree char *b_start = idk_format_minutes (slot->start);
          g_autofree char *b_end = idk_format_minutes (slot->end);

          g_ptr_array_add (day->warnings,
                           g_strdup_printf (_("“%s” (%s–%s) overlaps “%s” (%s–%s)."),
                                            slot->title, b_start, b_end, previous->title, a_start, a_end));
        }

      if (slot->end > previous_end)
        {
          previous_end = slot->end;
          previous = slot;
        }
    }

  day->item_minutes = total;
  day->last_end = previous_end;

  if (day->last_end > day->planned_end)
    {
      g_autofree char *end = idk_format_minutes (day->last_end);
      g_autofree char *planned = idk_format_minutes (day->planned_end);
      g_autofree char *over = idk_format_duration (day->last_end - day->planned_end);

      g_ptr_array_add (day->warnings,
                       g_strdup_printf (_("The day runs until %s, %s past its planned end (%s)."),
                                        end, over, planned));
    }
}

static gint
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const IdkAgendaSlot *x = *(IdkAgendaSlot **) a;
  const IdkAgendaSlot *y = *(IdkAgendaSlot **) b;

  return x->start != y->start ? x->start - y->start : x->end - y->end;
}

/**
 * idk_store_time_agenda:
 *
 * Returns: (transfer container): the meeting's days (IdkAgendaDay), each
 *   with its slots, totals, planned end and warnings; every day of a
 *   meeting known to the day, and any other day its items name
 */
GPtrArray *
idk_store_time_agenda (IdkStore    *self,
                       const char  *meeting,
                       GError     **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) idk_agenda_day_free);
  g_auto(GStrv) meeting_days = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  meeting_days = idk_store_list_meeting_days (self, meeting);
  for (guint i = 0; meeting_days != NULL && meeting_days[i] != NULL; i++)
    find_day (days, meeting_days[i]);

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT uuid, day, start_time, end_time, title, kind FROM agenda_items "
                                   "WHERE meeting = ?1 AND day IS NOT NULL AND parent IS NULL "
                                   "AND start_time IS NOT NULL ORDER BY day, ordinal", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, meeting, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IdkAgendaDay *day;
      IdkAgendaSlot *slot;
      int start = parse_minutes (COL (stmt, 2));
      int end = parse_minutes (COL (stmt, 3));

      if (!idk_date_is_valid_text (COL (stmt, 1)) || start < 0)
        continue;
      day = find_day (days, COL (stmt, 1));

      if (g_strcmp0 (COL (stmt, 5), "marker") == 0)
        {
          /* The last marker of the day closes it. */
          day->planned_end = start;
          day->end_is_default = FALSE;
          g_free (day->end_item);
          day->end_item = g_strdup (COL (stmt, 0));
          continue;
        }
      if (end <= start)
        continue;

      slot = g_new0 (IdkAgendaSlot, 1);
      slot->uuid = g_strdup (COL (stmt, 0));
      slot->title = g_strdup (COL (stmt, 4));
      slot->kind = g_strdup (COL (stmt, 5));
      slot->start = start;
      slot->end = end;
      g_ptr_array_add (day->slots, slot);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  g_ptr_array_sort (days, compare_days);
  for (guint i = 0; i < days->len; i++)
    {
      IdkAgendaDay *day = g_ptr_array_index (days, i);

      g_ptr_array_sort (day->slots, compare_slots);
      measure_day (day);
    }

  return g_steal_pointer (&days);
}

/**
 * idk_store_set_day_end:
 * @time: HH:MM
 *
 * Sets the planned end of one day of the meeting: the time of its
 * end-of-day marker, added if the day has none.
 */
gboolean
idk_store_set_day_end (IdkStore    *self,
                       const char  *meeting,
                       const char  *day,
                       const char  *time,
                       GError     **error)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *saved = NULL;
  const char *marker = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);

  if (time == NULL || !idk_time_is_valid_text (time))
    return refuse (error, "planned_end", _("Give the time as hours and minutes: 17:30."));
  if (!(days = idk_store_time_agenda (self, meeting, error)))
    return FALSE;
  for (guint i = 0; i < days->len; i++)
    {
      IdkAgendaDay *d = g_ptr_array_index (days, i);

      if (g_strcmp0 (d->day, day) == 0)
        marker = d->end_item;
    }

  if (marker != NULL)
    {
      if (!(fields = idk_store_get_fields (self, marker, NULL, error)))
        return FALSE;
    }
  else
    {
      fields = json_object_new ();
      json_object_set_string_member (fields, "meeting", meeting);
      json_object_set_string_member (fields, "day", day);
      json_object_set_string_member (fields, "kind", "marker");
      json_object_set_string_member (fields, "title", _("End of day"));
      json_object_set_int_member (fields, "ordinal", idk_store_next_agenda_ordinal (self, meeting));
    }
  json_object_set_string_member (fields, "start_time", time);
  json_object_remove_member (fields, "end_time");

  saved = idk_store_save_agenda_item (self, marker, fields, error);
  if (saved == NULL && error != NULL && *error != NULL)
    idk_record_error_set_field (*error, "planned_end");
  return saved != NULL;
}

/* --- conference room papers ------------------------------------------ */

static void
paper_free (IdkPaper *paper)
{
  g_free (paper->symbol);
  g_free (paper->title);
  g_free (paper);
}

void
idk_paper_register_free (IdkPaperRegister *reg)
{
  if (reg == NULL)
    return;
  g_clear_pointer (&reg->papers, g_ptr_array_unref);
  g_clear_pointer (&reg->gaps, g_array_unref);
  g_clear_pointer (&reg->repeats, g_array_unref);
  g_free (reg);
}

/* "CRP 12" → 12, with @primary FALSE for "CRP 1 Annex B"; 0 if it is not
 * a numbered paper. */
static int
paper_number (const char *symbol,
              gboolean   *primary)
{
  g_autofree char *text = g_strstrip (g_strdup (symbol ? symbol : ""));
  const char *p = text;
  char *end;
  long n;

  *primary = FALSE;
  if (g_ascii_strncasecmp (p, "CRP", 3) != 0)
    return 0;
  p += 3;
  while (*p == ' ' || *p == '.')
    p++;
  n = strtol (p, &end, 10);
  if (end == p || n <= 0 || n > 100000)
    return 0;
  *primary = *end == '\0';
  return (int) n;
}

static gint
compare_papers (gconstpointer a,
                gconstpointer b)
{
  const IdkPaper *x = *(IdkPaper **) a;
  const IdkPaper *y = *(IdkPaper **) b;

  return x->number != y->number ? x->number - y->number : g_strcmp0 (x->symbol, y->symbol);
}

/**
 * idk_store_list_papers:
 *
 * The session's conference room papers: its documents and the papers its
 * agenda cites, by number, with the numbers missing from the sequence,
 * those two documents claim, and the next free one.
 */
IdkPaperRegister *
idk_store_list_papers (IdkStore    *self,
                       const char  *meeting,
                       GError     **error)
{
  g_autoptr(IdkPaperRegister) reg = g_new0 (IdkPaperRegister, 1);
  g_autoptr(GHashTable) primaries = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int highest = 0;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  reg->papers = g_ptr_array_new_with_free_func ((GDestroyNotify) paper_free);
  reg->gaps = g_array_new (FALSE, FALSE, sizeof (int));
  reg->repeats = g_array_new (FALSE, FALSE, sizeof (int));

  /* Documents first, so that a paper both registered and cited is
   * listed once, as registered. */
  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT symbol, title, 1 FROM documents WHERE meeting = ?1 "
                                   "UNION ALL SELECT crp, title, 0 FROM agenda_items WHERE meeting = ?1 "
                                   "AND crp IS NOT NULL", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, meeting, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean primary;
      gboolean registered = sqlite3_column_int (stmt, 2);
      int number = paper_number (COL (stmt, 0), &primary);
      g_autofree char *key = g_utf8_casefold (COL (stmt, 0), -1);
      IdkPaper *paper;

      if (number == 0)
        continue;
      if (registered && primary)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (primaries, GINT_TO_POINTER (number)));

          g_hash_table_insert (primaries, GINT_TO_POINTER (number), GUINT_TO_POINTER (count + 1));
          if (count == 1)
            g_array_append_val (reg->repeats, number);
        }
      else if (g_hash_table_contains (seen, key))
        continue;

      highest = MAX (highest, number);
      g_hash_table_add (seen, g_steal_pointer (&key));
      paper = g_new0 (IdkPaper, 1);
      paper->number = number;
      paper->symbol = g_strstrip (g_strdup (COL (stmt, 0)));
      paper->title = g_strdup (COL (stmt, 1));
      paper->registered = registered;
      g_ptr_array_add (reg->papers, paper);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  g_ptr_array_sort (reg->papers, compare_papers);
  for (int n = 1; n <= highest; n++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < reg->papers->len && !found; i++)
        found = ((IdkPaper *) g_ptr_array_index (reg->papers, i))->number == n;
      if (!found)
        g_array_append_val (reg->gaps, n);
    }
  reg->next_free = highest + 1;

  return g_steal_pointer (&reg);
}

static char *
join_numbers (GArray *numbers)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < numbers->len; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == numbers->len ? _(" and ") : ", ");
      g_string_append_printf (text, "%d", g_array_index (numbers, int, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * idk_paper_register_describe:
 *
 * Returns: (transfer container): the register's problems as sentences
 */
GPtrArray *
idk_paper_register_describe (IdkPaperRegister *reg)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  if (reg->gaps->len > 0)
    {
      g_autofree char *numbers = join_numbers (reg->gaps);

      g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "CRP %s is missing from the sequence.",
                                                            "CRPs %s are missing from the sequence.",
                                                            reg->gaps->len),
                                               numbers));
    }
  for (guint i = 0; i < reg->repeats->len; i++)
    g_ptr_array_add (lines, g_strdup_printf (_("Two documents are numbered CRP %d."),
                                             g_array_index (reg->repeats, int, i)));
  return lines;
}

/**
 * idk_store_add_paper:
 * @number: the paper's number; 0 takes the next free one
 *
 * Registers a conference room paper of the session, "CRP @number".
 *
 * Returns: (transfer full): the document's UUID, or %NULL with @error set
 */
char *
idk_store_add_paper (IdkStore    *self,
                     const char  *meeting,
                     int          number,
                     const char  *title,
                     GError     **error)
{
  g_autoptr(IdkPaperRegister) reg = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *symbol = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!(reg = idk_store_list_papers (self, meeting, error)))
    return NULL;
  if (number == 0)
    number = reg->next_free;
  if (number < 1)
    return refuse (error, "number", _("A paper’s number is 1 or more.")), NULL;
  for (guint i = 0; i < reg->papers->len; i++)
    {
      IdkPaper *paper = g_ptr_array_index (reg->papers, i);
      gboolean primary;

      if (paper->registered && paper_number (paper->symbol, &primary) == number && primary)
        return refuse (error, "number", _("CRP %d is already “%s”; the next free number is %d."),
                       number, paper->title ? paper->title : paper->symbol, reg->next_free), NULL;
    }

  symbol = g_strdup_printf ("CRP %d", number);
  json_object_set_string_member (fields, "meeting", meeting);
  json_object_set_string_member (fields, "symbol", symbol);
  json_object_set_int_member (fields, "number", number);
  if (title != NULL && !_idk_text_is_blank (title))
    json_object_set_string_member (fields, "title", title);

  return idk_store_save (self, "document", NULL, fields, error);
}
