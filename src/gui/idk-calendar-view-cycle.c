/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-calendar-view-private.h"
#include "idk-details.h"
#include "idk-form.h"
#include "idk-plan-dialog.h"
#include "idk-print-operation.h"
#include "idk-review-chart.h"
#include "idk-window.h"

/* The session cycle on a meeting's page: the timing of each agenda day,
 * the register of papers, the review of the previous session's actions
 * with carry-over; and planning, the calendar export and printing.  The
 * figures all come from the core. */

#define MAX_OPEN_ROWS 60

static IdkStore *
store_of (IdkCalendarView *self)
{
  return idk_split_view_get_store (IDK_SPLIT_VIEW (self));
}

static GtkWidget *
warning_row (GtkWidget  *section,
             const char *text)
{
  GtkWidget *row = idk_details_add_row (section, text, NULL);

  gtk_widget_add_css_class (row, "warning-row");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  return row;
}

/* --- the page ---------------------------------------------------------- */

/**
 * _idk_calendar_view_add_day_timing:
 *
 * The first rows of a day's section: its totals and planned end (with a
 * button to change it), then what is wrong with its timing.
 */
void
_idk_calendar_view_add_day_timing (GtkWidget    *section,
                                   IdkAgendaDay *day)
{
  g_autofree char *items = idk_format_duration (day->item_minutes);
  g_autofree char *breaks = idk_format_duration (day->break_minutes);
  g_autofree char *end = idk_format_minutes (day->planned_end);
  g_autofree char *title = g_strdup_printf (_("Planned end %s"), end);
  g_autofree char *subtitle = g_strdup_printf (_("Items %s · breaks %s"), items, breaks);
  GtkWidget *row = idk_details_add_row (section, title, day->first_start >= 0 ? subtitle : NULL);
  g_autofree char *tooltip = g_strdup_printf (_("Change the planned end of %s"), day->day);

  gtk_widget_add_css_class (row, "day-timing");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("alarm-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             idk_details_icon_button ("document-edit-symbolic", tooltip, "calendar.set-day-end",
                                                      day->day));
  for (guint i = 0; i < day->warnings->len; i++)
    warning_row (section, g_ptr_array_index (day->warnings, i));
}

/* The time of items up to this slot, beside it. */
void
_idk_calendar_view_add_running_total (GtkWidget    *row,
                                      IdkAgendaDay *day,
                                      const char   *uuid)
{
  for (guint i = 0; day != NULL && i < day->slots->len; i++)
    {
      IdkAgendaSlot *slot = g_ptr_array_index (day->slots, i);

      if (g_strcmp0 (slot->uuid, uuid) == 0 && g_strcmp0 (slot->kind, "break") != 0)
        {
          g_autofree char *total = idk_format_duration (slot->running_total);
          g_autofree char *tooltip = g_strdup_printf (_("%s of items so far this day"), total);
          GtkWidget *label = gtk_label_new (total);

          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_add_css_class (label, "numeric");
          gtk_widget_set_tooltip_text (label, tooltip);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
          return;
        }
    }
}

void
_idk_calendar_view_add_papers (IdkCalendarView *self,
                               GtkBox          *details,
                               const char      *meeting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkPaperRegister) reg = idk_store_list_papers (store_of (self), meeting, &error);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *section, *row;

  if (reg == NULL)
    {
      idk_details_check (details, &error);
      return;
    }

  section = idk_details_add_section (details, _("Conference Room Papers"));
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u paper", "%u papers", reg->papers->len),
                           reg->papers->len);
  subtitle = g_strdup_printf (_("The next free number is CRP %d"), reg->next_free);
  row = idk_details_add_row (section, title, subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), idk_details_text_button (_("Add _Paper…"), "calendar.add-paper"));

  problems = idk_paper_register_describe (reg);
  for (guint i = 0; i < problems->len; i++)
    warning_row (section, g_ptr_array_index (problems, i));
}

static void
add_open_row (GtkWidget *section,
              IdkAction *action)
{
  g_autofree char *status = idk_action_get_status_label (action);
  g_autofree char *title = g_strdup_printf ("%s  %s", idk_action_get_reference (action), idk_action_get_text (action));
  g_autoptr(GString) subtitle = g_string_new (status);
  GtkWidget *row;

  if (idk_action_get_owners (action) != NULL)
    g_string_append_printf (subtitle, " · %s", idk_action_get_owners (action));
  if (idk_action_get_due (action) != NULL)
    g_string_append_printf (subtitle, " · %s", idk_action_get_due (action));
  row = idk_details_add_row (section, title, subtitle->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
}

/**
 * _idk_calendar_view_add_review:
 *
 * For a full or Steering Group session: the figures of the previous full
 * session's actions, their chart, the open ones, and Carry Over.
 */
void
_idk_calendar_view_add_review (IdkCalendarView *self,
                               GtkBox          *details,
                               IdkMeeting      *meeting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkReview) review = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *subtitle = NULL;
  const char *type = idk_meeting_get_meeting_type (meeting);
  GtkWidget *section, *row, *chart_row;
  IdkStore *store = store_of (self);
  guint left;

  if (g_strcmp0 (type, "full-session") != 0 && g_strcmp0 (type, "sg-session") != 0)
    return;
  if (!(review = idk_store_review_session (store, idk_meeting_get_uuid (meeting), &error)))
    return;  /* the first session recorded: nothing to review */

  heading = g_strdup_printf (_("Review of the Actions of the %s"), review->session_title);
  section = idk_details_add_section (details, heading);
  gtk_widget_set_name (section, "review-section");

  summary = idk_review_summary (review);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Noting items left out · %u open, %u carried over to this meeting",
                                           "Noting items left out · %u open, %u carried over to this meeting",
                                           review->open->len),
                              review->open->len, review->carried);
  row = idk_details_add_row (section, summary, subtitle);
  gtk_widget_set_name (row, "review-summary");

  left = review->open->len - review->carried;
  if (left > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Carry Over %u Open Action",
                                                             "_Carry Over %u Open Actions", left), left);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), idk_details_text_button (label, "calendar.carry-over"));
    }

  if (review->total > 0)
    {
      g_autoptr(IdkReview) figures = idk_store_review_session (store, idk_meeting_get_uuid (meeting), NULL);
      GtkWidget *chart = idk_review_chart_new (g_steal_pointer (&figures));

      gtk_widget_set_margin_top (chart, 12);
      gtk_widget_set_margin_bottom (chart, 12);
      gtk_widget_set_margin_start (chart, 12);
      gtk_widget_set_margin_end (chart, 12);
      chart_row = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (chart_row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (chart_row), chart);
      gtk_list_box_append (GTK_LIST_BOX (section), chart_row);
    }

  for (guint i = 0; i < review->open->len && i < MAX_OPEN_ROWS; i++)
    {
      g_autoptr(IdkAction) action = idk_store_load_action_by_uuid (store, g_ptr_array_index (review->open, i), NULL);

      if (action != NULL)
        add_open_row (section, action);
    }
  if (review->open->len > MAX_OPEN_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("And %u more, in the Actions view"), review->open->len - MAX_OPEN_ROWS);

      gtk_widget_add_css_class (idk_details_add_row (section, more, NULL), "dim-label");
    }
}

/* --- actions ----------------------------------------------------------- */

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  idk_plan_dialog_present (widget, store_of (IDK_CALENDAR_VIEW (widget)));
}

static void
carry_over_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (widget);
  IdkMeeting *meeting = idk_split_view_get_selected_item (IDK_SPLIT_VIEW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  guint carried;

  if (meeting == NULL)
    return;
  /* The change reloads the list, and the meeting object with it. */
  uuid = g_strdup (idk_meeting_get_uuid (meeting));
  name = g_strdup (idk_meeting_get_title (meeting));
  if ((carried = idk_store_carry_over (store_of (self), uuid, &error)) == 0)
    {
      idk_details_report (widget, _("Cannot Carry Over"), error);
      return;
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action carried over to the %s",
                                        "%u actions carried over to the %s", carried),
                           carried, name);
  idk_window_offer_change (widget, store_of (self), title);
}

typedef struct
{
  IdkCalendarView *view;
  char *meeting;
  char *day;
} DayEnd;

static void
day_end_free (gpointer data)
{
  DayEnd *edit = data;

  g_free (edit->meeting);
  g_free (edit->day);
  g_free (edit);
}

static gboolean
save_day_end (IdkForm  *form,
              gpointer  data,
              GError  **error)
{
  DayEnd *edit = data;
  IdkStore *store = store_of (edit->view);

  if (!idk_store_set_day_end (store, edit->meeting, edit->day, idk_form_get_text (form, "planned_end"), error))
    return FALSE;
  idk_window_offer_change (GTK_WIDGET (edit->view), store, _("Planned end changed"));
  return TRUE;
}

static void
set_day_end_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (widget);
  const char *meeting = _idk_calendar_view_selected_meeting (self);
  const char *day = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *current = g_strdup (IDK_DEFAULT_DAY_END);
  g_autofree char *label = NULL;
  g_autofree char *when = idk_date_format (day);
  DayEnd *edit;
  IdkForm *form;

  if (meeting == NULL)
    return;
  days = idk_store_time_agenda (store_of (self), meeting, NULL);
  for (guint i = 0; days != NULL && i < days->len; i++)
    if (g_strcmp0 (((IdkAgendaDay *) g_ptr_array_index (days, i))->day, day) == 0)
      {
        g_free (current);
        current = idk_format_minutes (((IdkAgendaDay *) g_ptr_array_index (days, i))->planned_end);
      }

  edit = g_new0 (DayEnd, 1);
  edit->view = self;
  edit->meeting = g_strdup (meeting);
  edit->day = g_strdup (day);
  label = g_strdup_printf (_("Planned end of %s (HH:MM)"), when);
  form = idk_form_new (widget, _("Planned End of the Day"), _("_Save"));
  idk_form_add_entry (form, "planned_end", label, current);
  idk_form_set_save_func (form, save_day_end, edit, day_end_free);
  gtk_window_set_default_size (GTK_WINDOW (form), 420, 260);
  gtk_window_present (GTK_WINDOW (form));
}

typedef struct
{
  IdkCalendarView *view;
  char *meeting;
} Paper;

static void
paper_free (gpointer data)
{
  Paper *paper = data;

  g_free (paper->meeting);
  g_free (paper);
}

static gboolean
save_paper (IdkForm  *form,
            gpointer  data,
            GError  **error)
{
  Paper *paper = data;
  IdkStore *store = store_of (paper->view);
  const char *number_text = idk_form_get_text (form, "number");
  g_autofree char *uuid = NULL;
  char *end = NULL;
  gint64 number = number_text ? g_ascii_strtoll (number_text, &end, 10) : 0;

  if (number_text == NULL || end == NULL || *end != '\0' || number < 1 || number > G_MAXINT)
    {
      g_set_error (error, IDK_RECORD_ERROR, IDK_RECORD_ERROR_RULE, _("Give the paper’s number: 12."));
      idk_record_error_set_field (*error, "number");
      return FALSE;
    }
  if (!(uuid = idk_store_add_paper (store, paper->meeting, (int) number, idk_form_get_text (form, "title"), error)))
    return FALSE;
  idk_window_offer_change (GTK_WIDGET (paper->view), store, _("Paper added"));
  return TRUE;
}

static void
add_paper_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (widget);
  const char *meeting = _idk_calendar_view_selected_meeting (self);
  g_autoptr(IdkPaperRegister) reg = NULL;
  g_autofree char *next = NULL;
  Paper *paper;
  IdkForm *form;

  if (meeting == NULL || !(reg = idk_store_list_papers (store_of (self), meeting, NULL)))
    return;

  paper = g_new0 (Paper, 1);
  paper->view = self;
  paper->meeting = g_strdup (meeting);
  next = g_strdup_printf ("%d", reg->next_free);
  form = idk_form_new (widget, _("Add Paper"), _("_Add"));
  idk_form_add_entry (form, "number", _("Number (CRP)"), next);
  idk_form_add_entry (form, "title", _("Title"), NULL);
  idk_form_set_save_func (form, save_paper, paper, paper_free);
  gtk_window_set_default_size (GTK_WINDOW (form), 460, 300);
  gtk_window_present (GTK_WINDOW (form));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IdkCalendarView *self = IDK_CALENDAR_VIEW (widget);
  const char *meeting = _idk_calendar_view_selected_meeting (self);
  g_autoptr(GError) error = NULL;
  IdkPrintKind kind = IDK_PRINT_RECORD;

  if (meeting == NULL)
    {
      idk_window_add_toast (IDK_WINDOW (gtk_widget_get_root (widget)),
                            idk_details_toast_new (_("Choose a meeting to print")));
      return;
    }
  if (parameter != NULL)
    idk_print_kind_from_name (g_variant_get_string (parameter, NULL), &kind);
  if (!idk_print_run (widget, store_of (self), kind, meeting, NULL, &error))
    idk_details_report (widget, _("Cannot Print"), error);
}

/* --- the calendar as iCalendar ----------------------------------------- */

static void
on_ics_response_cb (IdkCalendarView *self,
                    int              response,
                    GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  IdkIcalOptions options = { 0 };
  const char *scope = g_object_get_data (G_OBJECT (chooser), "scope");
  guint n_events = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || !(path = g_file_get_path (file)))
    {
      _idk_calendar_view_set_chooser (self, NULL);
      return;
    }

  options.timed_days = g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "timed"), "true") == 0;
  options.include_months = g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "months"), "true") == 0;
  if (g_strcmp0 (scope, "meeting") == 0)
    options.meeting = _idk_calendar_view_selected_meeting (self);
  else if (g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "shown"), "true") == 0)
    _idk_calendar_view_get_filter (self, &options);

  if (!idk_store_write_ical (store_of (self), &options, path, &n_events, &notes, &error))
    {
      _idk_calendar_view_set_chooser (self, NULL);
      idk_details_report (GTK_WIDGET (self), _("Cannot Export the Calendar"), error);
      return;
    }

  name = g_file_get_basename (file);
  if (notes->len > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event written to %s; %u meeting without exact dates left out",
                                          "%u events written to %s; %u meetings without exact dates left out",
                                          notes->len),
                             n_events, name, notes->len);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event written to %s", "%u events written to %s",
                                          n_events),
                             n_events, name);
  idk_window_add_toast (IDK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), idk_details_toast_new (title));
  _idk_calendar_view_set_chooser (self, NULL);
}

static void
export_ics (IdkCalendarView *self,
            const char      *scope)
{
  IdkMeeting *meeting = idk_split_view_get_selected_item (IDK_SPLIT_VIEW (self));
  gboolean one = g_str_equal (scope, "meeting");
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (one && meeting == NULL)
    return;

  if (one)
    {
      name = g_strconcat (idk_meeting_get_title (meeting), ".ics", NULL);
      g_strdelimit (name, "/\\:", '-');
    }
  else
    name = g_strdup (_("IASMN meetings.ics"));
  chooser = idk_details_save_chooser_new (GTK_WIDGET (self), one ? _("Export Meeting") : _("Export Calendar"),
                                          _("iCalendar files"), "text/calendar", "*.ics", name);
  if (!one)
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "shown", _("Only the meetings of the type and period shown"),
                                   NULL, NULL);
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "months", _("Also meetings known only to the month"),
                                   NULL, NULL);
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "timed",
                               _("Also each agenda day, timed in the city’s time zone"), NULL, NULL);
  g_object_set_data_full (G_OBJECT (chooser), "scope", g_strdup (scope), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_ics_response_cb), self, G_CONNECT_SWAPPED);
  _idk_calendar_view_set_chooser (self, chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  export_ics (IDK_CALENDAR_VIEW (widget), "calendar");
}

static void
export_meeting_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  export_ics (IDK_CALENDAR_VIEW (widget), "meeting");
}

void
_idk_calendar_view_class_add_cycle_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "calendar.plan", NULL, plan_action);
  gtk_widget_class_install_action (widget_class, "calendar.carry-over", NULL, carry_over_action);
  gtk_widget_class_install_action (widget_class, "calendar.set-day-end", "s", set_day_end_action);
  gtk_widget_class_install_action (widget_class, "calendar.add-paper", NULL, add_paper_action);
  gtk_widget_class_install_action (widget_class, "calendar.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "view.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "calendar.export-calendar", NULL, export_calendar_action);
  gtk_widget_class_install_action (widget_class, "calendar.export-meeting", NULL, export_meeting_action);
}
