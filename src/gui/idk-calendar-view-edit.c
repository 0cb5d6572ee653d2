/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-calendar-view-private.h"
#include "idk-details.h"
#include "idk-form.h"
#include "idk-window.h"

/* Editing the calendar: the forms of a meeting, an agenda item and a
 * participant, and the page's buttons (cancel, move, remove).  Every
 * change is offered for undoing. */

typedef struct
{
  IdkCalendarView *view;     /* the form is modal on its window */
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

/* The fields of the record edited, or new ones. */
static JsonObject *
record_of (Edit    *edit,
           GError **error)
{
  if (edit->uuid == NULL)
    return json_object_new ();
  return idk_store_get_fields (store_of (edit), edit->uuid, NULL, error);
}

static gboolean
save_meeting (IdkForm  *form,
              gpointer  data,
              GError  **error)
{
  Edit *edit = data;
  IdkStore *store = store_of (edit);
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *host = NULL;
  const char *host_text = idk_form_get_text (form, "host");

  if (!(fields = record_of (edit, error)) || !idk_form_apply (form, fields, error))
    return FALSE;

  /* The host is an organization when one is called so, else a name. */
  host = idk_store_find_organization (store, host_text);
  json_object_remove_member (fields, "host_organization");
  json_object_remove_member (fields, "host_name");
  if (host != NULL)
    json_object_set_string_member (fields, "host_organization", host);
  else if (host_text != NULL)
    json_object_set_string_member (fields, "host_name", host_text);

  if (!(uuid = idk_store_save_meeting (store, edit->uuid, fields, error)))
    {
      if (g_strcmp0 (idk_record_error_get_field (*error), "host_name") == 0)
        idk_record_error_set_field (*error, "host");
      return FALSE;
    }

  idk_window_offer_change (GTK_WIDGET (edit->view), store,
                           edit->uuid ? _("Meeting saved") : _("Meeting created"));
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
  static const char * const names[] = {
    "title", "type", "number", "start_date", "end_date", "city", "country", "venue", "time_zone", NULL
  };
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  g_autoptr(JsonObject) fields = uuid ? idk_store_get_fields (store, uuid, NULL, NULL) : NULL;
  g_autofree char *host = NULL;
  IdkForm *form;

  if (idk_fields_get_text (fields, "host_organization") != NULL)
    host = idk_store_get_record_label (store, idk_fields_get_text (fields, "host_organization"));
  else
    host = g_strdup (idk_fields_get_text (fields, "host_name"));

  if (fields == NULL)
    fields = idk_record_new_fields ("meeting");

  form = idk_form_new (GTK_WIDGET (self), uuid ? _("Edit Meeting") : _("New Meeting"),
                       uuid ? _("_Save") : _("_Create"));
  idk_form_set_record (form, "meeting", fields);
  for (guint i = 0; names[i] != NULL; i++)
    idk_form_add_field (form, names[i]);
  idk_form_add_entry (form, "host", _("Host (an organization’s acronym, or a name)"), host);
  idk_form_add_field (form, "status");
  idk_form_set_save_func (form, save_meeting, edit_new (self, uuid, NULL), edit_free);
  gtk_window_present (GTK_WINDOW (form));

  return form;
}

static gboolean
save_agenda_item (IdkForm  *form,
                  gpointer  data,
                  GError  **error)
{
  Edit *edit = data;
  IdkStore *store = store_of (edit);
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *uuid = NULL;
  const char *day = idk_form_get_text (form, "day");

  if (!(fields = record_of (edit, error)) || !idk_form_apply (form, fields, error))
    return FALSE;
  if (edit->uuid == NULL)
    {
      json_object_set_string_member (fields, "meeting", edit->meeting);
      json_object_set_int_member (fields, "ordinal", idk_store_next_agenda_ordinal (store, edit->meeting));
    }
  if (day != NULL)
    json_object_set_string_member (fields, "day", day);
  else
    json_object_remove_member (fields, "day");

  if (!(uuid = idk_store_save_agenda_item (store, edit->uuid, fields, error)))
    return FALSE;

  idk_window_offer_change (GTK_WIDGET (edit->view), store,
                           edit->uuid ? _("Agenda item saved") : _("Agenda item added"));
  return TRUE;
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
  static const char * const names[] = { "start_time", "end_time", "title", "presenter", "crp", "kind", NULL };
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  g_autoptr(JsonObject) fields = uuid ? idk_store_get_fields (store, uuid, NULL, NULL) : NULL;
  g_auto(GStrv) days = idk_store_list_meeting_days (store, meeting);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *day = idk_fields_get_text (fields, "day");
  IdkForm *form;

  /* The day is one of the meeting's, or none. */
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
  if (fields == NULL)
    fields = idk_record_new_fields ("agenda_item");
  idk_form_set_record (form, "agenda_item", fields);
  idk_form_add_choice (form, "day", idk_record_field_label ("agenda_item", "day"),
                       (const char * const *) values->pdata, (const char * const *) labels->pdata,
                       day ? day : (days[0] ? days[0] : ""));
  for (guint i = 0; names[i] != NULL; i++)
    idk_form_add_field (form, names[i]);
  idk_form_set_save_func (form, save_agenda_item, edit_new (self, uuid, meeting), edit_free);
  gtk_window_present (GTK_WINDOW (form));

  return form;
}

static gboolean
save_participant (IdkForm  *form,
                  gpointer  data,
                  GError  **error)
{
  Edit *edit = data;
  IdkStore *store = store_of (edit);
  g_autofree char *uuid = NULL;

  uuid = idk_store_add_participant (store, edit->meeting,
                                    idk_form_get_text (form, "name") ? idk_form_get_text (form, "name") : "",
                                    idk_form_get_text (form, "organization"), idk_form_get_text (form, "role"),
                                    error);
  if (uuid == NULL)
    return FALSE;

  idk_window_offer_change (GTK_WIDGET (edit->view), store, _("Participant added"));
  return TRUE;
}

IdkForm *
idk_calendar_view_add_participant (IdkCalendarView *self,
                                   const char      *meeting)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  g_autoptr(GListModel) organizations = idk_store_list_references (store, "participant", "organization", NULL);
  g_autoptr(JsonObject) fields = idk_record_new_fields ("participant");
  IdkForm *form = idk_form_new (GTK_WIDGET (self), _("New Participant"), _("_Add"));

  idk_form_set_record (form, "participant", fields);
  idk_form_add_entry (form, "name", idk_record_field_label ("person", "name"), NULL);
  idk_form_add_chooser (form, "organization", idk_record_field_label ("participant", "organization"),
                        FALSE, organizations, NULL);
  idk_form_add_field (form, "role");
  idk_form_set_save_func (form, save_participant, edit_new (self, NULL, meeting), edit_free);
  gtk_window_present (GTK_WINDOW (form));

  return form;
}

/* The buttons of the page ------------------------------------------------ */

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

  if (_idk_calendar_view_selected_meeting (self) != NULL)
    idk_calendar_view_edit_meeting (self, _idk_calendar_view_selected_meeting (self));
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
  g_autofree char *uuid = g_strdup (_idk_calendar_view_selected_meeting (self));
  g_autoptr(GError) error = NULL;

  if (uuid == NULL)
    return;

  if (!idk_store_cancel_meeting (store, uuid, &error))
    {
      idk_details_report (widget, _("Cannot Cancel the Meeting"), error);
      return;
    }

  idk_window_offer_change (widget, store, _("Meeting cancelled"));
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (widget);

  if (_idk_calendar_view_selected_meeting (self) != NULL)
    idk_calendar_view_edit_agenda_item (self, _idk_calendar_view_selected_meeting (self), NULL);
}

static void
add_participant_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (widget);

  if (_idk_calendar_view_selected_meeting (self) != NULL)
    idk_calendar_view_add_participant (self, _idk_calendar_view_selected_meeting (self));
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (widget);

  if (_idk_calendar_view_selected_meeting (self) != NULL)
    idk_calendar_view_edit_agenda_item (self, _idk_calendar_view_selected_meeting (self), g_variant_get_string (parameter, NULL));
}

static void
move_item (GtkWidget *widget,
           GVariant  *parameter,
           int        delta)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (widget));
  g_autoptr(GError) error = NULL;

  if (idk_store_move_agenda_item (store, g_variant_get_string (parameter, NULL), delta, &error))
    idk_window_offer_change (widget, store, _("Agenda item moved"));
  else if (error != NULL)
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
  g_autoptr(GError) error = NULL;

  if (!idk_store_delete (store, g_variant_get_string (parameter, NULL), &error))
    {
      idk_details_report (widget, _("Cannot Remove"), error);
      return;
    }

  idk_window_offer_change (widget, store, g_str_equal (action_name, "calendar.remove-participant")
                                          ? _("Participant removed") : _("Agenda item removed"));
}

void
_idk_calendar_view_class_add_actions (GtkWidgetClass *widget_class)
{
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
