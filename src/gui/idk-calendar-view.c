/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-calendar-view.h"
#include "idk-details.h"
#include "idk-form.h"
#include "idk-month-grid.h"
#include "idk-window.h"

/* The calendar: a month grid and the list of meetings (all, upcoming or
 * past; by type), and the page of the selected meeting with its rule
 * warnings, facts, agenda by day, documents and participants, each of
 * which can be edited. */

struct _IdkCalendarView
{
  IdkSplitView parent_instance;

  IdkMonthGrid *grid;
  GtkDropDown *type_filter;
  GtkToggleButton *period_buttons[3];
  IdkPeriod period;
};

G_DEFINE_FINAL_TYPE (IdkCalendarView, idk_calendar_view, IDK_TYPE_SPLIT_VIEW)

static const char * const types[] = {
  "full-session", "sg-session", "wg-meeting", "vtc", "ad-hoc", "external", NULL
};
static const char * const meeting_statuses[] = { "planned", "confirmed", "held", "cancelled", NULL };

static const char *
selected_type (IdkCalendarView *self)
{
  guint selected = gtk_drop_down_get_selected (self->type_filter);

  return selected > 0 && selected <= g_strv_length ((char **) types) ? types[selected - 1] : NULL;
}

static GListModel *
idk_calendar_view_load (IdkSplitView  *split,
                        const char    *search,
                        GError       **error)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (split);
  IdkMeetingQuery query = { .search = search, .type = selected_type (self), .period = self->period };

  return idk_store_find_meetings (idk_split_view_get_store (split), &query, error);
}

static void
update_grid (IdkCalendarView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = NULL;
  g_autofree char *last = NULL;
  g_autofree char *first = NULL;
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  IdkMeetingQuery query = { .type = selected_type (self) };

  if (store == NULL)
    return;

  first = idk_month_grid_get_range (self->grid, &last);
  query.from = first;
  query.to = last;
  if (!(meetings = idk_store_find_meetings (store, &query, &error)))
    {
      g_warning ("Cannot list the month's meetings: %s", error->message);
      return;
    }

  idk_month_grid_set_today (self->grid, idk_store_get_today (store));
  idk_month_grid_set_meetings (self->grid, meetings);
}

static void
on_filters_changed_cb (IdkCalendarView *self)
{
  /* Still being built. */
  if (self->type_filter == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->period_buttons); i++)
    if (gtk_toggle_button_get_active (self->period_buttons[i]))
      self->period = (IdkPeriod) i;

  idk_split_view_reload (IDK_SPLIT_VIEW (self));
  update_grid (self);
}

static void
on_grid_meeting_activated_cb (IdkCalendarView *self,
                              const char      *uuid)
{
  if (!idk_split_view_select_uuid (IDK_SPLIT_VIEW (self), uuid))
    {
      /* Filtered out of the list: show everything of that type. */
      gtk_toggle_button_set_active (self->period_buttons[IDK_PERIOD_ALL], TRUE);
      idk_split_view_select_uuid (IDK_SPLIT_VIEW (self), uuid);
    }
  idk_split_view_show_page (IDK_SPLIT_VIEW (self));
}

/* Editing ---------------------------------------------------------------- */

typedef struct
{
  IdkCalendarView *view;     /* weak: the form is modal on its window */
  char *uuid;                /* the record edited, or NULL for a new one */
  char *meeting;             /* for agenda items and participants */
} Edit;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_free (edit->uuid);
  g_free (edit->meeting);
  g_free (edit);
}

static Edit *
edit_new (IdkCalendarView *view,
          const char      *uuid,
          const char      *meeting)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->view = view;
  edit->uuid = g_strdup (uuid);
  edit->meeting = g_strdup (meeting);
  return edit;
}

static IdkStore *
store_of (Edit *edit)
{
  return idk_split_view_get_store (IDK_SPLIT_VIEW (edit->view));
}

static void
set_or_remove (JsonObject *fields,
               const char *name,
               const char *value)
{
  if (value != NULL)
    json_object_set_string_member (fields, name, value);
  else
    json_object_set_null_member (fields, name);
}

static gboolean
save_meeting (IdkForm  *form,
              gpointer  data,
              char    **field,
              GError  **error)
{
  Edit *edit = data;
  IdkStore *store = store_of (edit);
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *host = NULL;
  g_autofree char *body = NULL;
  const char *type = idk_form_get_text (form, "type");
  const char *number = idk_form_get_text (form, "number");
  const char *host_text = idk_form_get_text (form, "host");

  if (edit->uuid != NULL)
    {
      if (!(fields = idk_store_get_fields (store, edit->uuid, NULL, error)))
        return FALSE;
    }
  else
    fields = json_object_new ();

  if (number != NULL)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (number, 10, 1, 999, &value, NULL))
        {
          *field = g_strdup ("number");
          g_set_error_literal (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                               _("The session number is a whole number, e.g. 30."));
          return FALSE;
        }
      json_object_set_int_member (fields, "number", (gint64) value);
    }
  else
    json_object_set_null_member (fields, "number");

  /* Full sessions are the IASMN's, Steering Group sessions its SG's. */
  if (g_strcmp0 (type, "full-session") == 0)
    body = idk_store_find_body (store, "IASMN");
  else if (g_strcmp0 (type, "sg-session") == 0)
    body = idk_store_find_body (store, "SG");
  if (body != NULL)
    json_object_set_string_member (fields, "body", body);

  host = idk_store_find_organization (store, host_text);
  set_or_remove (fields, "host_organization", host);
  set_or_remove (fields, "host_name", host ? NULL : host_text);

  json_object_set_string_member (fields, "type", type);
  set_or_remove (fields, "title", idk_form_get_text (form, "title"));
  set_or_remove (fields, "start_date", idk_form_get_text (form, "start_date"));
  set_or_remove (fields, "end_date", idk_form_get_text (form, "end_date"));
  set_or_remove (fields, "city", idk_form_get_text (form, "city"));
  set_or_remove (fields, "country", idk_form_get_text (form, "country"));
  set_or_remove (fields, "venue", idk_form_get_text (form, "venue"));
  json_object_set_string_member (fields, "status", idk_form_get_text (form, "status"));

  if (!(uuid = idk_store_save_meeting (store, edit->uuid, fields, field, error)))
    return FALSE;

  idk_split_view_reveal_uuid (IDK_SPLIT_VIEW (edit->view), uuid);
  return TRUE;
}

/**
 * idk_calendar_view_edit_meeting:
 * @uuid: (nullable): the meeting, or %NULL for a new one
 *
 * Returns: (transfer none): the form, presented
 */
IdkForm *
idk_calendar_view_edit_meeting (IdkCalendarView *self,
                                const char      *uuid)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  g_autoptr(JsonObject) fields = uuid ? idk_store_get_fields (store, uuid, NULL, NULL) : NULL;
  const char *type_labels[G_N_ELEMENTS (types)] = { NULL };
  const char *status_labels[G_N_ELEMENTS (meeting_statuses)] = { NULL };
  g_autofree char *number = NULL;
  g_autofree char *host = NULL;
  IdkForm *form;

  for (guint i = 0; types[i] != NULL; i++)
    type_labels[i] = idk_meeting_type_to_label (types[i]);
  for (guint i = 0; meeting_statuses[i] != NULL; i++)
    status_labels[i] = idk_meeting_status_to_label (meeting_statuses[i]);

  if (fields != NULL && json_object_has_member (fields, "number") &&
      !json_object_get_null_member (fields, "number"))
    number = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (fields, "number"));

  if (idk_fields_get_text (fields, "host_organization") != NULL)
    {
      g_autoptr(JsonObject) organization =
        idk_store_get_fields (store, idk_fields_get_text (fields, "host_organization"), NULL, NULL);

      host = g_strdup (idk_fields_get_text (organization, "acronym") ? idk_fields_get_text (organization, "acronym")
                                                             : idk_fields_get_text (organization, "name"));
    }
  else
    host = g_strdup (idk_fields_get_text (fields, "host_name"));

  form = idk_form_new (GTK_WIDGET (self), uuid ? _("Edit Meeting") : _("New Meeting"),
                       uuid ? _("_Save") : _("_Create"));
  idk_form_add_entry (form, "title", _("Title"), idk_fields_get_text (fields, "title"));
  idk_form_add_choice (form, "type", _("Type"), types, type_labels,
                       fields ? idk_fields_get_text (fields, "type") : "sg-session");
  idk_form_add_entry (form, "number", _("Session number"), number);
  idk_form_add_entry (form, "start_date", _("Start (YYYY-MM-DD)"), idk_fields_get_text (fields, "start_date"));
  idk_form_add_entry (form, "end_date", _("End (YYYY-MM-DD)"), idk_fields_get_text (fields, "end_date"));
  idk_form_add_entry (form, "city", _("City"), idk_fields_get_text (fields, "city"));
  idk_form_add_entry (form, "country", _("Country"), idk_fields_get_text (fields, "country"));
  idk_form_add_entry (form, "venue", _("Venue"), idk_fields_get_text (fields, "venue"));
  idk_form_add_entry (form, "host", _("Host"), host);
  idk_form_add_choice (form, "status", _("Status"), meeting_statuses, status_labels,
                       fields ? idk_fields_get_text (fields, "status") : "planned");
  idk_form_set_save_func (form, save_meeting, edit_new (self, uuid, NULL), edit_free);
  gtk_window_present (GTK_WINDOW (form));

  return form;
}

/* The days of a meeting known to the day, for the agenda form. */
static GStrv
meeting_days (IdkStore   *store,
              const char *meeting)
{
  g_autoptr(JsonObject) fields = idk_store_get_fields (store, meeting, NULL, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *start = idk_fields_get_text (fields, "start_date");
  const char *end = idk_fields_get_text (fields, "end_date") ? idk_fields_get_text (fields, "end_date") : start;
  IdkDate first, last;
  g_autoptr(GDate) day = NULL;
  g_autoptr(GDate) stop = NULL;

  if (idk_date_parse (start, &first) && idk_date_parse (end, &last) &&
      first.precision == IDK_DATE_PRECISION_DAY && last.precision == IDK_DATE_PRECISION_DAY)
    {
      day = idk_date_first_day (&first);
      stop = idk_date_first_day (&last);
      for (guint n = 0; g_date_compare (day, stop) <= 0 && n < 31; n++, g_date_add_days (day, 1))
        {
          char text[11];

          g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
          g_strv_builder_add (builder, text);
        }
    }

  return g_strv_builder_end (builder);
}

static gboolean
save_agenda_item (IdkForm  *form,
                  gpointer  data,
                  char    **field,
                  GError  **error)
{
  Edit *edit = data;
  IdkStore *store = store_of (edit);
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *uuid = NULL;
  const char *day = idk_form_get_text (form, "day");

  if (edit->uuid != NULL)
    {
      if (!(fields = idk_store_get_fields (store, edit->uuid, NULL, error)))
        return FALSE;
    }
  else
    {
      fields = json_object_new ();
      json_object_set_string_member (fields, "meeting", edit->meeting);
      json_object_set_int_member (fields, "ordinal", idk_store_next_agenda_ordinal (store, edit->meeting));
    }

  set_or_remove (fields, "day", day && *day ? day : NULL);
  set_or_remove (fields, "start_time", idk_form_get_text (form, "start_time"));
  set_or_remove (fields, "end_time", idk_form_get_text (form, "end_time"));
  set_or_remove (fields, "title", idk_form_get_text (form, "title"));
  set_or_remove (fields, "presenter", idk_form_get_text (form, "presenter"));
  set_or_remove (fields, "crp", idk_form_get_text (form, "crp"));
  json_object_set_string_member (fields, "kind", idk_form_get_text (form, "kind"));

  uuid = idk_store_save_agenda_item (store, edit->uuid, fields, field, error);
  return uuid != NULL;
}

/**
 * idk_calendar_view_edit_agenda_item:
 * @uuid: (nullable): the item, or %NULL for a new one of @meeting
 *
 * Returns: (transfer none): the form, presented
 */
IdkForm *
idk_calendar_view_edit_agenda_item (IdkCalendarView *self,
                                    const char      *meeting,
                                    const char      *uuid)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  g_autoptr(JsonObject) fields = uuid ? idk_store_get_fields (store, uuid, NULL, NULL) : NULL;
  g_auto(GStrv) days = meeting_days (store, meeting);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  static const char * const kinds[] = { "item", "break", "marker", NULL };
  const char *kind_labels[] = { _("Item"), _("Break"), _("End of day or session"), NULL };
  IdkForm *form;

  g_ptr_array_add (values, (gpointer) "");
  g_ptr_array_add (labels, g_strdup (_("No day")));
  for (guint i = 0; days[i] != NULL; i++)
    {
      g_ptr_array_add (values, days[i]);
      g_ptr_array_add (labels, idk_date_format (days[i]));
    }
  g_ptr_array_add (values, NULL);
  g_ptr_array_add (labels, NULL);

  form = idk_form_new (GTK_WIDGET (self), uuid ? _("Edit Agenda Item") : _("New Agenda Item"),
                       uuid ? _("_Save") : _("_Add"));
  idk_form_add_choice (form, "day", _("Day"), (const char * const *) values->pdata,
                       (const char * const *) labels->pdata,
                       idk_fields_get_text (fields, "day") ? idk_fields_get_text (fields, "day") : (days[0] ? days[0] : ""));
  idk_form_add_entry (form, "start_time", _("Start (HH:MM)"), idk_fields_get_text (fields, "start_time"));
  idk_form_add_entry (form, "end_time", _("End (HH:MM)"), idk_fields_get_text (fields, "end_time"));
  idk_form_add_entry (form, "title", _("Title"), idk_fields_get_text (fields, "title"));
  idk_form_add_entry (form, "presenter", _("Presenter"), idk_fields_get_text (fields, "presenter"));
  idk_form_add_entry (form, "crp", _("Conference room paper (e.g. CRP 4)"), idk_fields_get_text (fields, "crp"));
  idk_form_add_choice (form, "kind", _("Kind"), kinds, kind_labels,
                       idk_fields_get_text (fields, "kind") ? idk_fields_get_text (fields, "kind") : "item");
  idk_form_set_save_func (form, save_agenda_item, edit_new (self, uuid, meeting), edit_free);
  gtk_window_present (GTK_WINDOW (form));

  return form;
}

static gboolean
save_participant (IdkForm  *form,
                  gpointer  data,
                  char    **field,
                  GError  **error)
{
  Edit *edit = data;
  IdkStore *store = store_of (edit);
  const char *organization_text = idk_form_get_text (form, "organization");
  g_autofree char *organization = idk_store_find_organization (store, organization_text);
  g_autofree char *uuid = NULL;

  if (organization_text != NULL && organization == NULL)
    {
      *field = g_strdup ("organization");
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("No organization is called “%s”; give its acronym, e.g. UNICEF."), organization_text);
      return FALSE;
    }

  uuid = idk_store_add_participant (store, edit->meeting,
                                    idk_form_get_text (form, "name") ? idk_form_get_text (form, "name") : "",
                                    organization, idk_form_get_active (form, "observer") ? "observer" : "member",
                                    error);
  if (uuid == NULL)
    *field = g_strdup ("name");
  return uuid != NULL;
}

IdkForm *
idk_calendar_view_add_participant (IdkCalendarView *self,
                                   const char      *meeting)
{
  IdkForm *form = idk_form_new (GTK_WIDGET (self), _("New Participant"), _("_Add"));

  idk_form_add_entry (form, "name", _("Name"), NULL);
  idk_form_add_entry (form, "organization", _("Organization (acronym)"), NULL);
  idk_form_add_switch (form, "observer", _("Observer"), FALSE);
  idk_form_set_save_func (form, save_participant, edit_new (self, NULL, meeting), edit_free);
  gtk_window_present (GTK_WINDOW (form));

  return form;
}

/* The buttons of the page ------------------------------------------------ */

static const char *
selected_meeting (IdkCalendarView *self)
{
  IdkMeeting *meeting = idk_split_view_get_selected_item (IDK_SPLIT_VIEW (self));

  return meeting ? idk_meeting_get_uuid (meeting) : NULL;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  idk_calendar_view_edit_meeting (IDK_CALENDAR_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (widget);

  if (selected_meeting (self) != NULL)
    idk_calendar_view_edit_meeting (self, selected_meeting (self));
}

/* A cancelled meeting is kept, with its status; Undo gives the old one back. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (widget);
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  /* A copy: saving reloads the list, which frees the selected item. */
  g_autofree char *uuid = g_strdup (selected_meeting (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(JsonObject) previous = NULL;
  g_autofree char *saved = NULL;

  if (uuid == NULL)
    return;

  /* Two copies: one is changed and saved, the other is what Undo restores. */
  if ((previous = idk_store_get_fields (store, uuid, NULL, &error)) != NULL)
    fields = idk_store_get_fields (store, uuid, NULL, &error);
  if (fields != NULL)
    json_object_set_string_member (fields, "status", "cancelled");
  if (fields == NULL || !(saved = idk_store_save (store, "meeting", uuid, fields, &error)))
    {
      idk_details_report (widget, _("Cannot Cancel the Meeting"), error);
      return;
    }

  idk_window_offer_revert (widget, _("Meeting cancelled"), store, uuid, previous);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (widget);

  if (selected_meeting (self) != NULL)
    idk_calendar_view_edit_agenda_item (self, selected_meeting (self), NULL);
}

static void
add_participant_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (widget);

  if (selected_meeting (self) != NULL)
    idk_calendar_view_add_participant (self, selected_meeting (self));
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (widget);

  if (selected_meeting (self) != NULL)
    idk_calendar_view_edit_agenda_item (self, selected_meeting (self), g_variant_get_string (parameter, NULL));
}

static void
move_item (GtkWidget *widget,
           GVariant  *parameter,
           int        delta)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (widget));
  g_autoptr(GError) error = NULL;

  if (!idk_store_move_agenda_item (store, g_variant_get_string (parameter, NULL), delta, &error) && error)
    idk_details_report (widget, _("Cannot Move the Item"), error);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_item (widget, parameter, -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_item (widget, parameter, 1);
}

/* Removes an agenda item or a participant, with Undo. */
static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (widget));
  const char *uuids[] = { g_variant_get_string (parameter, NULL), NULL };
  g_autoptr(GError) error = NULL;

  if (!idk_store_delete (store, uuids[0], &error))
    {
      idk_details_report (widget, _("Cannot Remove"), error);
      return;
    }

  idk_window_offer_restore (widget, g_str_equal (action_name, "calendar.remove-participant")
                                    ? _("Participant removed") : _("Agenda item removed"),
                            store, uuids);
}

/* The page ---------------------------------------------------------------- */

static void
add_agenda (IdkCalendarView *self,
            GtkBox          *details,
            GListModel      *agenda)
{
  g_autofree char *current = NULL;
  GtkWidget *section = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (agenda, i);
      const char *uuid = idk_entry_get_target_uuid (entry);
      GtkWidget *row;

      if (section == NULL || g_strcmp0 (current, idk_entry_get_group (entry)) != 0)
        {
          section = idk_details_add_section (details, idk_entry_get_group (entry));
          g_free (current);
          current = g_strdup (idk_entry_get_group (entry));
        }

      row = idk_details_add_row (section, idk_entry_get_title (entry), idk_entry_get_subtitle (entry));
      if (idk_entry_get_level (entry) > 0)
        {
          GtkWidget *indent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

          gtk_widget_set_size_request (indent, 18, -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), indent);
        }
      if (g_strcmp0 (idk_entry_get_kind (entry), "item") != 0)
        gtk_widget_add_css_class (row, "dim-label");

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 idk_details_icon_button ("go-up-symbolic", _("Move up"), "calendar.move-up", uuid));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 idk_details_icon_button ("go-down-symbolic", _("Move down"), "calendar.move-down", uuid));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 idk_details_icon_button ("document-edit-symbolic", _("Edit the item"), "calendar.edit-item", uuid));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 idk_details_icon_button ("user-trash-symbolic", _("Remove the item"), "calendar.remove-item", uuid));
    }
}

static void
idk_calendar_view_show_item (IdkSplitView *split,
                             gpointer      item,
                             GtkBox       *details)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (split);
  IdkMeeting *meeting = item;
  IdkStore *store = idk_split_view_get_store (split);
  const char *uuid = idk_meeting_get_uuid (meeting);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) warnings = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) participants = NULL;
  GtkWidget *heading, *pills, *buttons, *facts, *section;
  IdkDate start;

  heading = idk_details_add_heading (details, idk_meeting_get_title (meeting),
                                     idk_meeting_type_to_label (idk_meeting_get_meeting_type (meeting)));
  pills = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (pills),
                  idk_details_pill_new (idk_meeting_status_to_label (idk_meeting_get_status (meeting)),
                                        idk_meeting_get_status (meeting)));
  gtk_box_append (GTK_BOX (heading), pills);

  buttons = idk_details_button_box ();
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), idk_details_text_button (_("_Edit…"), "calendar.edit"));
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), idk_details_text_button (_("Add _Agenda Item…"), "calendar.add-item"));
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), idk_details_text_button (_("Add _Participant…"), "calendar.add-participant"));
  if (g_strcmp0 (idk_meeting_get_status (meeting), "cancelled") != 0)
    gtk_flow_box_append (GTK_FLOW_BOX (buttons), idk_details_text_button (_("_Cancel Meeting"), "calendar.cancel"));
  gtk_box_append (details, buttons);

  /* The rules this meeting breaks, inline. */
  if ((warnings = idk_store_list_warnings (store, uuid, &error)) && g_list_model_get_n_items (warnings) > 0)
    {
      section = idk_details_add_section (details, _("Rule Warnings"));
      for (guint i = 0; i < g_list_model_get_n_items (warnings); i++)
        {
          g_autoptr(IdkEntry) warning = g_list_model_get_item (warnings, i);
          GtkWidget *row = idk_details_add_row (section, idk_entry_get_title (warning),
                                                idk_entry_get_subtitle (warning));

          gtk_widget_add_css_class (row, "warning-row");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
        }
    }

  facts = idk_details_add_section (details, _("Details"));
  idk_details_add_fact (facts, _("Dates"), idk_meeting_get_dates_label (meeting));
  idk_details_add_fact (facts, _("Place"), idk_meeting_get_place_label (meeting));
  idk_details_add_fact (facts, _("Venue"), idk_meeting_get_venue (meeting));
  idk_details_add_fact (facts, _("Host"), idk_meeting_get_host_label (meeting));
  idk_details_add_fact (facts, _("Chair"), idk_meeting_get_chair (meeting));
  idk_details_add_fact (facts, _("Co-Chair"), idk_meeting_get_co_chair (meeting));
  idk_details_add_fact (facts, _("Secretary"), idk_meeting_get_secretary (meeting));
  idk_details_add_fact (facts, _("Attendance"), idk_meeting_get_attendance_label (meeting));
  idk_details_add_fact (facts, _("Source"), idk_meeting_get_source (meeting));

  if ((agenda = idk_store_list_agenda (store, uuid, &error)))
    add_agenda (self, details, agenda);
  if ((documents = idk_store_list_documents (store, uuid, &error)))
    idk_split_view_add_entries (split, details, documents, FALSE);

  if ((participants = idk_store_list_participants (store, uuid, &error)) &&
      g_list_model_get_n_items (participants) > 0)
    {
      section = idk_details_add_section (details, _("Participants"));
      for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
        {
          g_autoptr(IdkEntry) entry = g_list_model_get_item (participants, i);
          GtkWidget *row = idk_details_add_row (section, idk_entry_get_title (entry), idk_entry_get_subtitle (entry));

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     idk_details_icon_button ("user-trash-symbolic", _("Remove the participant"),
                                                  "calendar.remove-participant",
                                                  idk_entry_get_target_uuid (entry)));
        }
    }

  if (error != NULL)
    g_warning ("Cannot show the meeting %s: %s", uuid, error->message);

  /* The grid follows the meeting shown. */
  if (idk_date_parse (idk_meeting_get_start_date (meeting), &start) && start.month != 0)
    idk_month_grid_set_month (self->grid, start.year, start.month);
}

static const char *
idk_calendar_view_item_uuid (gpointer item)
{
  return idk_meeting_get_uuid (item);
}

static void
idk_calendar_view_class_init (IdkCalendarViewClass *klass)
{
  IdkSplitViewClass *split_class = IDK_SPLIT_VIEW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  split_class->load = idk_calendar_view_load;
  split_class->show_item = idk_calendar_view_show_item;
  split_class->item_uuid = idk_calendar_view_item_uuid;

  g_type_ensure (IDK_TYPE_MEETING);
  g_type_ensure (IDK_TYPE_MONTH_GRID);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "calendar.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "calendar.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "calendar.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "calendar.add-participant", NULL, add_participant_action);
  gtk_widget_class_install_action (widget_class, "calendar.edit-item", "s", edit_item_action);
  gtk_widget_class_install_action (widget_class, "calendar.move-up", "s", move_up_action);
  gtk_widget_class_install_action (widget_class, "calendar.move-down", "s", move_down_action);
  gtk_widget_class_install_action (widget_class, "calendar.remove-item", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "calendar.remove-participant", "s", remove_action);
}

static void
idk_calendar_view_init (IdkCalendarView *self)
{
  const char *period_labels[] = { N_("All"), N_("Upcoming"), N_("Past") };
  g_autoptr(GtkStringList) type_labels = gtk_string_list_new (NULL);
  GtkWidget *box, *periods, *row, *add;

  idk_split_view_set_row_resource (IDK_SPLIT_VIEW (self), "/io/github/iasmndesk/Desk/idk-meeting-row.ui");
  idk_split_view_set_texts (IDK_SPLIT_VIEW (self),
                            _("Search meetings, places, hosts"),
                            _("Meetings"),
                            _("No meeting matches the search and filters."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  self->grid = IDK_MONTH_GRID (idk_month_grid_new ());
  g_signal_connect_object (self->grid, "month-changed", G_CALLBACK (update_grid), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "meeting-activated", G_CALLBACK (on_grid_meeting_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grid));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  periods = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (periods, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (period_labels); i++)
    {
      self->period_buttons[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_(period_labels[i])));
      if (i > 0)
        gtk_toggle_button_set_group (self->period_buttons[i], self->period_buttons[0]);
      g_signal_connect_object (self->period_buttons[i], "toggled", G_CALLBACK (on_filters_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (periods), GTK_WIDGET (self->period_buttons[i]));
    }
  gtk_toggle_button_set_active (self->period_buttons[0], TRUE);
  gtk_widget_set_hexpand (periods, TRUE);
  gtk_box_append (GTK_BOX (row), periods);

  add = idk_details_icon_button ("list-add-symbolic", _("New meeting (Ctrl+N)"), "view.new", NULL);
  gtk_box_append (GTK_BOX (row), add);
  gtk_box_append (GTK_BOX (box), row);

  gtk_string_list_append (type_labels, _("All types"));
  for (guint i = 0; types[i] != NULL; i++)
    gtk_string_list_append (type_labels, idk_meeting_type_to_label (types[i]));
  self->type_filter = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (type_labels)), NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->type_filter), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->type_filter), _("Filter by type"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->type_filter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Filter by type"), -1);
  g_signal_connect_object (self->type_filter, "notify::selected", G_CALLBACK (on_filters_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->type_filter));

  idk_split_view_add_sidebar_widget (IDK_SPLIT_VIEW (self), box);
  g_signal_connect (self, "notify::store", G_CALLBACK (update_grid), NULL);
}

/**
 * idk_calendar_view_get_grid:
 *
 * Returns: (transfer none): the month grid
 */
IdkMonthGrid *
idk_calendar_view_get_grid (IdkCalendarView *self)
{
  g_return_val_if_fail (IDK_IS_CALENDAR_VIEW (self), NULL);

  return self->grid;
}
