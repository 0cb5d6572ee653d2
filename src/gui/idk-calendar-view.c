/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-calendar-view-private.h"
#include "idk-details.h"
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
  GtkFileChooserNative *chooser;   /* the export's, while it is open */
};

G_DEFINE_FINAL_TYPE (IdkCalendarView, idk_calendar_view, IDK_TYPE_SPLIT_VIEW)

static const char *
selected_type (IdkCalendarView *self)
{
  const char * const *types = idk_record_field_values ("meeting", "type");
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

/* The page ---------------------------------------------------------------- */

static IdkAgendaDay *
find_day (GPtrArray  *days,
          const char *day)
{
  for (guint i = 0; days != NULL && day != NULL && i < days->len; i++)
    if (g_strcmp0 (((IdkAgendaDay *) g_ptr_array_index (days, i))->day, day) == 0)
      return g_ptr_array_index (days, i);
  return NULL;
}

/* The agenda by day, each day headed by its timing. */
static void
add_agenda (IdkCalendarView *self,
            GtkBox          *details,
            GListModel      *agenda,
            GPtrArray       *days)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  g_autofree char *current = NULL;
  GtkWidget *section = NULL;
  IdkAgendaDay *day = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (agenda, i);
      const char *uuid = idk_entry_get_target_uuid (entry);
      GtkWidget *row;

      if (section == NULL || g_strcmp0 (current, idk_entry_get_group (entry)) != 0)
        {
          g_autoptr(JsonObject) fields = idk_store_get_fields (store, uuid, NULL, NULL);

          section = idk_details_add_section (details, idk_entry_get_group (entry));
          g_free (current);
          current = g_strdup (idk_entry_get_group (entry));
          if ((day = find_day (days, idk_fields_get_text (fields, "day"))))
            _idk_calendar_view_add_day_timing (section, day);
        }

      row = idk_details_add_row (section, idk_entry_get_title (entry), idk_entry_get_subtitle (entry));
      _idk_calendar_view_add_running_total (row, day, uuid);
      if (idk_entry_get_level (entry) > 0)
        {
          GtkWidget *indent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

          gtk_widget_set_size_request (indent, 18, -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), indent);
        }
      if (idk_entry_is_secondary (entry))
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

static GtkWidget *
print_menu_button (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (menu, _("Print _Agenda…"), "calendar.print::agenda");
  g_menu_append (menu, _("Print _Record…"), "calendar.print::record");
  g_menu_append (menu, _("Print Re_view…"), "calendar.print::review");
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Print"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("Print the agenda, the record or the review (Ctrl+P prints the record)"));
  return button;
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
  g_autoptr(GPtrArray) days = NULL;
  GtkWidget *heading, *pills, *buttons, *facts, *section, *print;
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
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), idk_details_text_button (_("E_xport to Calendar…"),
                                                                         "calendar.export-meeting"));
  print = print_menu_button ();
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), print);
  if (!idk_meeting_is_cancelled (meeting))
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

  idk_details_check (details, &error);

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

  _idk_calendar_view_add_review (self, details, meeting);

  if ((days = idk_store_time_agenda (store, uuid, &error)) &&
      (agenda = idk_store_list_agenda (store, uuid, &error)))
    add_agenda (self, details, agenda, days);
  idk_details_check (details, &error);
  _idk_calendar_view_add_papers (self, details, uuid);
  if ((documents = idk_store_list_documents (store, uuid, &error)))
    idk_split_view_add_entries (split, details, documents, FALSE);
  idk_details_check (details, &error);

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

  idk_details_check (details, &error);

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
idk_calendar_view_dispose (GObject *object)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (idk_calendar_view_parent_class)->dispose (object);
}

static void
idk_calendar_view_class_init (IdkCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  IdkSplitViewClass *split_class = IDK_SPLIT_VIEW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  split_class->load = idk_calendar_view_load;
  split_class->show_item = idk_calendar_view_show_item;
  split_class->item_uuid = idk_calendar_view_item_uuid;

  g_type_ensure (IDK_TYPE_MEETING);
  g_type_ensure (IDK_TYPE_MONTH_GRID);

  object_class->dispose = idk_calendar_view_dispose;
  _idk_calendar_view_class_add_actions (widget_class);
  _idk_calendar_view_class_add_cycle_actions (widget_class);
}

/* What the calendar does besides listing: plan, export. */
static GtkWidget *
calendar_menu_button (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (menu, _("_New Meeting…"), "view.new");
  g_menu_append (menu, _("_Plan Session…"), "calendar.plan");
  g_menu_append (menu, _("_Export Calendar…"), "calendar.export-calendar");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("Calendar menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calendar menu"), -1);
  return button;
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
  gtk_box_append (GTK_BOX (row), calendar_menu_button ());
  gtk_box_append (GTK_BOX (box), row);

  gtk_string_list_append (type_labels, _("All types"));
  for (const char * const *type = idk_record_field_values ("meeting", "type"); *type != NULL; type++)
    gtk_string_list_append (type_labels, idk_meeting_type_to_label (*type));
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

/**
 * idk_calendar_view_get_chooser:
 *
 * Returns: (transfer none) (nullable): the file chooser of the export in
 *   progress
 */
GtkFileChooserNative *
idk_calendar_view_get_chooser (IdkCalendarView *self)
{
  g_return_val_if_fail (IDK_IS_CALENDAR_VIEW (self), NULL);

  return self->chooser;
}

void
_idk_calendar_view_set_chooser (IdkCalendarView      *self,
                                GtkFileChooserNative *chooser)
{
  if (self->chooser != NULL && self->chooser != chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_set_object (&self->chooser, chooser);
  if (chooser != NULL)
    g_object_unref (chooser);  /* the view holds the only reference */
}

/* The meetings the list shows, as far as a calendar file can say: their
 * type and period (the search is not kept). */
void
_idk_calendar_view_get_filter (IdkCalendarView *self,
                               IdkIcalOptions  *options)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));

  options->type = selected_type (self);
  if (self->period == IDK_PERIOD_UPCOMING)
    options->from = idk_store_get_today (store);
  else if (self->period == IDK_PERIOD_PAST)
    options->to = idk_store_get_today (store);
}

/* The UUID of the meeting whose page is shown, or NULL. */
const char *
_idk_calendar_view_selected_meeting (IdkCalendarView *self)
{
  IdkMeeting *meeting = idk_split_view_get_selected_item (IDK_SPLIT_VIEW (self));

  return meeting ? idk_meeting_get_uuid (meeting) : NULL;
}
