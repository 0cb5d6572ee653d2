/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-action.h"
#include "idk-date.h"
#include "idk-entry.h"
#include "idk-print.h"
#include "idk-record.h"
#include "idk-session.h"

/* The three documents of a session, built from the core's queries: the
 * agenda, the record of the session, and the review of the previous
 * session's actions. */

gboolean
idk_print_kind_from_name (const char   *name,
                          IdkPrintKind *kind)
{
  if (g_strcmp0 (name, "agenda") == 0)
    *kind = IDK_PRINT_AGENDA;
  else if (g_strcmp0 (name, "record") == 0)
    *kind = IDK_PRINT_RECORD;
  else if (g_strcmp0 (name, "review") == 0)
    *kind = IDK_PRINT_REVIEW;
  else
    return FALSE;
  return TRUE;
}

const char *
idk_print_kind_to_label (IdkPrintKind kind)
{
  switch (kind)
    {
    case IDK_PRINT_AGENDA:
      return _("Agenda");
    case IDK_PRINT_RECORD:
      return _("Record of the session");
    case IDK_PRINT_REVIEW:
      return _("Review of the previous session’s actions");
    default:
      g_assert_not_reached ();
    }
}

static const char *
text_of (JsonObject *fields,
         const char *name)
{
  const char *text = fields ? idk_fields_get_text (fields, name) : NULL;

  return text ? text : "";
}

static char *
label_of (IdkStore   *store,
          JsonObject *fields,
          const char *name)
{
  const char *uuid = fields ? idk_fields_get_text (fields, name) : NULL;

  return uuid ? idk_store_get_record_label (store, uuid) : NULL;
}

static char *
weekday_label (const char *day)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", day);

  if (!(date = g_date_time_new_from_iso8601 (iso, NULL)))
    return g_strdup (day);
  /* Translators: a day of a session, as strftime () writes it */
  return g_date_time_format (date, _("%A %-d %B %Y"));
}

static void
add_place_line (IdkPrintDoc *doc,
                IdkStore    *store,
                JsonObject  *meeting)
{
  g_autofree char *dates = idk_date_format_range (text_of (meeting, "start_date"),
                                                  idk_fields_get_text (meeting, "end_date"));
  g_autofree char *host = label_of (store, meeting, "host_organization");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  g_ptr_array_add (parts, dates);
  if (*text_of (meeting, "venue"))
    g_ptr_array_add (parts, (gpointer) text_of (meeting, "venue"));
  if (*text_of (meeting, "city"))
    g_ptr_array_add (parts, (gpointer) text_of (meeting, "city"));
  if (*text_of (meeting, "country"))
    g_ptr_array_add (parts, (gpointer) text_of (meeting, "country"));
  if (host != NULL || *text_of (meeting, "host_name"))
    g_ptr_array_add (parts, host ? host : (gpointer) text_of (meeting, "host_name"));
  g_ptr_array_add (parts, NULL);
  {
    g_autofree char *line = g_strjoinv (" · ", (char **) parts->pdata);

    idk_print_doc_add_paragraph (doc, line);
  }
}

static IdkAgendaDay *
timing_of (GPtrArray  *days,
           const char *day)
{
  for (guint i = 0; days != NULL && i < days->len; i++)
    if (g_strcmp0 (((IdkAgendaDay *) g_ptr_array_index (days, i))->day, day) == 0)
      return g_ptr_array_index (days, i);
  return NULL;
}

static void
add_day_heading (IdkPrintDoc  *doc,
                 const char   *day,
                 IdkAgendaDay *timing)
{
  g_autofree char *label = day ? weekday_label (day) : g_strdup (_("Items without a day"));

  idk_print_doc_add_heading (doc, 3, label);
  if (timing != NULL && timing->first_start >= 0)
    {
      g_autofree char *items = idk_format_duration (timing->item_minutes);
      g_autofree char *breaks = idk_format_duration (timing->break_minutes);
      g_autofree char *end = idk_format_minutes (timing->planned_end);
      g_autofree char *line = g_strdup_printf (_("Items %s · breaks %s · planned end %s"), items, breaks, end);

      idk_print_doc_add_paragraph (doc, line);
      for (guint i = 0; i < timing->warnings->len; i++)
        idk_print_doc_add_note (doc, g_ptr_array_index (timing->warnings, i));
    }
}

static gboolean
add_agenda (IdkPrintDoc  *doc,
            IdkStore     *store,
            const char   *meeting,
            GError      **error)
{
  static const double widths[] = { 0.14, 0.50, 0.24, 0.12 };
  const char *header[] = { _("Time"), _("Item"), _("Presenter"), _("Paper") };
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *current = NULL;
  gboolean started = FALSE;

  if (!(items = idk_store_list_agenda (store, meeting, error)) ||
      !(days = idk_store_time_agenda (store, meeting, error)))
    return FALSE;

  if (g_list_model_get_n_items (items) == 0)
    {
      idk_print_doc_add_paragraph (doc, _("The agenda has no items yet."));
      return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (items, i);
      g_autoptr(JsonObject) fields = idk_store_get_fields (store, idk_entry_get_target_uuid (entry), NULL, NULL);
      const char *day = fields ? idk_fields_get_text (fields, "day") : NULL;
      g_autofree char *time = NULL;
      g_autofree char *title = NULL;

      if (fields == NULL)
        continue;
      if (!started || g_strcmp0 (day, current) != 0)
        {
          if (started)
            idk_print_doc_end_table (doc);
          g_free (current);
          current = g_strdup (day);
          add_day_heading (doc, day, day ? timing_of (days, day) : NULL);
          idk_print_doc_begin_table (doc, G_N_ELEMENTS (widths), widths, header);
          started = TRUE;
        }

      if (*text_of (fields, "start_time") && *text_of (fields, "end_time"))
        time = g_strdup_printf ("%s–%s", text_of (fields, "start_time"), text_of (fields, "end_time"));
      else
        time = g_strdup (text_of (fields, "start_time"));
      title = idk_fields_get_text (fields, "parent") ? g_strdup_printf ("   – %s", text_of (fields, "title"))
                                                     : g_strdup (text_of (fields, "title"));
      {
        const char *cells[] = { time, title, text_of (fields, "presenter"), text_of (fields, "crp") };

        idk_print_doc_add_row (doc, cells, g_strcmp0 (text_of (fields, "kind"), "item") != 0);
      }
    }
  idk_print_doc_end_table (doc);
  return TRUE;
}

static gboolean
add_papers (IdkPrintDoc  *doc,
            IdkStore     *store,
            const char   *meeting,
            GError      **error)
{
  static const double widths[] = { 0.2, 0.65, 0.15 };
  const char *header[] = { _("Paper"), _("Title"), _("Registered") };
  g_autoptr(IdkPaperRegister) reg = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (!(reg = idk_store_list_papers (store, meeting, error)))
    return FALSE;
  if (reg->papers->len == 0)
    return TRUE;

  idk_print_doc_add_heading (doc, 2, _("Conference room papers"));
  problems = idk_paper_register_describe (reg);
  for (guint i = 0; i < problems->len; i++)
    idk_print_doc_add_note (doc, g_ptr_array_index (problems, i));
  idk_print_doc_begin_table (doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < reg->papers->len; i++)
    {
      IdkPaper *paper = g_ptr_array_index (reg->papers, i);
      const char *cells[] = { paper->symbol, paper->title, paper->registered ? _("Yes") : _("Cited only") };

      idk_print_doc_add_row (doc, cells, FALSE);
    }
  idk_print_doc_end_table (doc);
  return TRUE;
}

static void
add_details (IdkPrintDoc *doc,
             IdkStore    *store,
             JsonObject  *meeting)
{
  static const double widths[] = { 0.3, 0.7 };
  const char *header[] = { _("Detail"), _("Value") };
  static const char * const names[] = { "type", "status", "host_organization", "chair", "co_chair", "secretary", "source" };

  idk_print_doc_begin_table (doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *value = NULL;
      const char *kind = idk_record_field_kind ("meeting", names[i]);

      if (!json_object_has_member (meeting, names[i]))
        continue;
      if (g_strcmp0 (kind, "ref") == 0)
        value = label_of (store, meeting, names[i]);
      else if (g_strcmp0 (kind, "enum") == 0)
        value = g_strdup (idk_record_value_label ("meeting", names[i], text_of (meeting, names[i])));
      else
        value = g_strdup (text_of (meeting, names[i]));
      if (value == NULL || *value == '\0')
        continue;
      {
        const char *cells[] = { idk_record_field_label ("meeting", names[i]), value };

        idk_print_doc_add_row (doc, cells, FALSE);
      }
    }
  idk_print_doc_end_table (doc);
}

/* Participants grouped by their organization, in order of appearance. */
static gboolean
add_attendance (IdkPrintDoc  *doc,
                IdkStore     *store,
                const char   *meeting,
                GError      **error)
{
  static const double widths[] = { 0.3, 0.58, 0.12 };
  const char *header[] = { _("Organization"), _("Participants"), _("Number") };
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  guint n;

  if (!(people = idk_store_list_participants (store, meeting, error)))
    return FALSE;
  n = g_list_model_get_n_items (people);

  idk_print_doc_add_heading (doc, 2, _("Attendance"));
  if (n == 0)
    {
      idk_print_doc_add_paragraph (doc, _("No participant is recorded."));
      return TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (people, i);
      g_autoptr(JsonObject) fields = idk_store_get_fields (store, idk_entry_get_target_uuid (entry), NULL, NULL);
      g_autofree char *org = label_of (store, fields, "organization");
      const char *key = org ? org : *text_of (fields, "affiliation") ? text_of (fields, "affiliation") : _("Other");
      GPtrArray *list = g_hash_table_lookup (names, key);
      const char *name = idk_entry_get_title (entry) ? idk_entry_get_title (entry) : "?";

      if (list == NULL)
        {
          char *owned = g_strdup (key);

          g_ptr_array_add (order, owned);
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (names, owned, list);
        }
      g_ptr_array_add (list, g_strcmp0 (text_of (fields, "role"), "observer") == 0
                               ? g_strdup_printf (_("%s (observer)"), name) : g_strdup (name));
    }

  {
    g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u participant from %u organizations.",
                                                             "%u participants from %u organizations.", n),
                                                n, order->len);
    idk_print_doc_add_paragraph (doc, summary);
  }
  idk_print_doc_begin_table (doc, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *list = g_hash_table_lookup (names, g_ptr_array_index (order, i));
      g_autofree char *count = g_strdup_printf ("%u", list->len);
      g_autofree char *joined = NULL;

      g_ptr_array_add (list, NULL);
      joined = g_strjoinv ("; ", (char **) list->pdata);
      {
        const char *cells[] = { g_ptr_array_index (order, i), joined, count };

        idk_print_doc_add_row (doc, cells, FALSE);
      }
    }
  idk_print_doc_end_table (doc);
  return TRUE;
}

static void
add_action_row (IdkPrintDoc *doc,
                IdkAction   *action)
{
  g_autofree char *status = idk_action_get_status_label (action);
  const char *cells[] = { idk_action_get_reference (action), idk_action_get_text (action),
                          idk_action_get_owners (action), idk_action_get_due (action), status };

  idk_print_doc_add_row (doc, cells, FALSE);
}

static const double action_widths[] = { 0.08, 0.52, 0.16, 0.12, 0.12 };

static void
begin_action_table (IdkPrintDoc *doc)
{
  const char *header[] = { _("Ref."), _("Action"), _("Owners"), _("Due"), _("Status") };

  idk_print_doc_begin_table (doc, G_N_ELEMENTS (action_widths), action_widths, header);
}

static gboolean
add_decisions (IdkPrintDoc  *doc,
               IdkStore     *store,
               const char   *meeting,
               GError      **error)
{
  IdkActionQuery query = { .session = meeting, .sort_key = "reference" };
  g_autoptr(GArray) rows = NULL;
  g_autofree char *topic = NULL;

  if (!(rows = idk_store_find_actions (store, &query, error)))
    return FALSE;

  idk_print_doc_add_heading (doc, 2, _("Decisions and actions"));
  if (rows->len == 0)
    {
      idk_print_doc_add_paragraph (doc, _("No action is recorded for this session."));
      return TRUE;
    }

  begin_action_table (doc);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(IdkAction) action = idk_store_load_action (store, g_array_index (rows, gint64, i), error);

      if (action == NULL)
        return FALSE;
      /* The topic heads its actions, as in the report. */
      if (idk_action_get_topic (action) != NULL && g_strcmp0 (idk_action_get_topic (action), topic) != 0)
        {
          const char *cells[] = { "", idk_action_get_topic (action), "", "", "" };

          g_free (topic);
          topic = g_strdup (idk_action_get_topic (action));
          idk_print_doc_add_row (doc, cells, TRUE);
        }
      add_action_row (doc, action);
    }
  idk_print_doc_end_table (doc);
  return TRUE;
}

static gboolean
add_review (IdkPrintDoc  *doc,
            IdkStore     *store,
            const char   *meeting,
            GError      **error)
{
  static const double status_widths[] = { 0.5, 0.25, 0.25 };
  const char *status_header[] = { _("Status"), _("Actions"), _("Share") };
  static const double owner_widths[] = { 0.4, 0.6 };
  const char *owner_header[] = { _("Owner"), _("Actions by status") };
  g_autoptr(IdkReview) review = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *described = NULL;
  g_auto(GStrv) lines = NULL;

  if (!(review = idk_store_review_session (store, meeting, error)))
    return FALSE;

  heading = g_strdup_printf (_("Review of the actions of the %s"), review->session_title);
  idk_print_doc_add_heading (doc, 2, heading);
  summary = idk_review_summary (review);
  idk_print_doc_add_paragraph (doc, summary);
  idk_print_doc_add_note (doc, _("Noting items ask nothing of anyone and are left out; actions carried over "
                                 "to that session are counted with it."));

  idk_print_doc_begin_table (doc, G_N_ELEMENTS (status_widths), status_widths, status_header);
  for (guint i = 0; i < review->by_status->len; i++)
    {
      IdkStatusCount *count = g_ptr_array_index (review->by_status, i);
      g_autofree char *number = g_strdup_printf ("%u", count->count);
      g_autofree char *share = g_strdup_printf ("%u %%", review->total ? (count->count * 100 + review->total / 2) / review->total : 0);
      const char *cells[] = { count->label, number, share };

      idk_print_doc_add_row (doc, cells, FALSE);
    }
  idk_print_doc_end_table (doc);

  idk_print_doc_add_heading (doc, 3, _("By owner"));
  described = idk_review_describe (review);
  lines = g_strsplit (g_strchomp (described), "\n", -1);

  {
    g_autoptr(IdkReview) chart = idk_store_review_session (store, meeting, NULL);

    if (chart != NULL && chart->by_owner->len > 0)
      idk_print_doc_add_chart (doc, g_steal_pointer (&chart));
  }
  idk_print_doc_begin_table (doc, G_N_ELEMENTS (owner_widths), owner_widths, owner_header);
  for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
    {
      char *colon = strchr (lines[i], ':');
      const char *cells[2] = { lines[i], "" };

      if (colon != NULL)
        {
          *colon = '\0';
          cells[1] = g_strchug (colon + 1);
        }
      idk_print_doc_add_row (doc, cells, FALSE);
    }
  idk_print_doc_end_table (doc);

  idk_print_doc_add_heading (doc, 3, _("Still open"));
  if (review->open->len == 0)
    {
      idk_print_doc_add_paragraph (doc, _("Every action is settled."));
      return TRUE;
    }
  begin_action_table (doc);
  for (guint i = 0; i < review->open->len; i++)
    {
      g_autoptr(IdkAction) action = idk_store_load_action_by_uuid (store, g_ptr_array_index (review->open, i), error);

      if (action == NULL)
        return FALSE;
      add_action_row (doc, action);
    }
  idk_print_doc_end_table (doc);
  return TRUE;
}

/**
 * idk_print_make:
 *
 * Returns: (transfer full): the document of @kind for @meeting, ready to
 *   paginate, or %NULL with @error set
 */
IdkPrintDoc *
idk_print_make (IdkStore      *store,
                IdkPrintKind   kind,
                const char    *meeting,
                GError       **error)
{
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(IdkPrintDoc) doc = NULL;
  g_autofree char *type = NULL;
  g_autofree char *running = NULL;
  const char *title;

  if (!(fields = idk_store_get_fields (store, meeting, &type, error)))
    return NULL;
  if (g_strcmp0 (type, "meeting") != 0)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND, _("That record is not a meeting."));
      return NULL;
    }

  title = text_of (fields, "title");
  running = g_strdup_printf ("%s — %s", title, idk_print_kind_to_label (kind));
  doc = idk_print_doc_new (running);

  idk_print_doc_add_heading (doc, 1, title);
  add_place_line (doc, store, fields);

  switch (kind)
    {
    case IDK_PRINT_AGENDA:
      idk_print_doc_add_heading (doc, 2, _("Agenda"));
      if (!add_agenda (doc, store, meeting, error) || !add_papers (doc, store, meeting, error))
        return NULL;
      break;
    case IDK_PRINT_RECORD:
      add_details (doc, store, fields);
      idk_print_doc_add_heading (doc, 2, _("Agenda"));
      if (!add_agenda (doc, store, meeting, error) ||
          !add_attendance (doc, store, meeting, error) ||
          !add_decisions (doc, store, meeting, error) ||
          !add_papers (doc, store, meeting, error))
        return NULL;
      break;
    case IDK_PRINT_REVIEW:
      if (!add_review (doc, store, meeting, error))
        return NULL;
      break;
    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&doc);
}
