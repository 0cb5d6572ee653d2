/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-month-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-core.h"
#include "idk-month-grid.h"

/* A month of six weeks from Monday, each day a button with coloured chips
 * for the meetings that fall on it (by type) and the titles in its
 * tooltip; today is marked.  Meetings known only to the month have no day
 * and appear in the list only. */

#define WEEKS 6
/* A day shows a chip for each of its first meetings, the rest in its
 * tooltip: a chip for every one made a busy day's cell as wide as all
 * of them (18 meetings on a day opened the window 1536 px wide). */
#define MAX_CHIPS 5

struct _IdkMonthGrid
{
  AdwBin parent_instance;

  guint year;
  guint month;
  char *today;
  GtkWidget *days[WEEKS * 7];
  GDate first;              /* the Monday the grid starts on */

  /* Template widgets */
  GtkGrid *grid;
  GtkLabel *month_label;
};

enum {
  MONTH_CHANGED,
  MEETING_ACTIVATED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (IdkMonthGrid, idk_month_grid, ADW_TYPE_BIN)

static guint signals[N_SIGNALS];

static void
date_text (const GDate *date,
           char         text[11])
{
  g_date_strftime (text, 11, "%Y-%m-%d", date);
}

static void
on_day_clicked_cb (GtkButton    *button,
                   IdkMonthGrid *self)
{
  const char *meeting = g_object_get_data (G_OBJECT (button), "meeting");

  if (meeting != NULL)
    g_signal_emit (self, signals[MEETING_ACTIVATED], 0, meeting);
}

static void
rebuild (IdkMonthGrid *self)
{
  g_autoptr(GDateTime) month_start = g_date_time_new_local ((int) self->year, (int) self->month, 1, 0, 0, 0);
  g_autofree char *title = month_start ? g_date_time_format (month_start, "%B %Y") : g_strdup ("");
  GDate day;

  gtk_label_set_text (self->month_label, title);

  g_date_clear (&self->first, 1);
  g_date_set_dmy (&self->first, 1, (GDateMonth) self->month, (GDateYear) self->year);
  g_date_subtract_days (&self->first, g_date_get_weekday (&self->first) - G_DATE_MONDAY);

  day = self->first;
  for (guint i = 0; i < WEEKS * 7; i++, g_date_add_days (&day, 1))
    {
      GtkWidget *button = self->days[i];
      GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));
      GtkWidget *number = gtk_widget_get_first_child (box);
      GtkWidget *chips = gtk_widget_get_next_sibling (number);
      g_autofree char *label = g_strdup_printf ("%u", g_date_get_day (&day));
      char text[11];

      date_text (&day, text);
      gtk_label_set_text (GTK_LABEL (number), label);
      g_object_set_data_full (G_OBJECT (button), "date", g_strdup (text), g_free);
      g_object_set_data (G_OBJECT (button), "meeting", NULL);
      gtk_widget_set_tooltip_text (button, NULL);

      gtk_widget_remove_css_class (button, "other-month");
      gtk_widget_remove_css_class (button, "today");
      gtk_widget_remove_css_class (button, "has-meeting");
      if (g_date_get_month (&day) != self->month)
        gtk_widget_add_css_class (button, "other-month");
      if (g_strcmp0 (text, self->today) == 0)
        gtk_widget_add_css_class (button, "today");

      while (gtk_widget_get_first_child (chips) != NULL)
        gtk_box_remove (GTK_BOX (chips), gtk_widget_get_first_child (chips));
    }
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IdkMonthGrid *self = IDK_MONTH_GRID (widget);

  if (self->month == 1)
    idk_month_grid_set_month (self, self->year - 1, 12);
  else
    idk_month_grid_set_month (self, self->year, self->month - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IdkMonthGrid *self = IDK_MONTH_GRID (widget);

  if (self->month == 12)
    idk_month_grid_set_month (self, self->year + 1, 1);
  else
    idk_month_grid_set_month (self, self->year, self->month + 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IdkMonthGrid *self = IDK_MONTH_GRID (widget);
  IdkDate today;

  if (idk_date_parse (self->today, &today))
    idk_month_grid_set_month (self, today.year, today.month);
}

static void
idk_month_grid_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);

  G_OBJECT_CLASS (idk_month_grid_parent_class)->dispose (object);
}

static void
idk_month_grid_finalize (GObject *object)
{
  IdkMonthGrid *self = IDK_MONTH_GRID (object);

  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (idk_month_grid_parent_class)->finalize (object);
}

static void
idk_month_grid_class_init (IdkMonthGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = idk_month_grid_dispose;
  object_class->finalize = idk_month_grid_finalize;

  /**
   * IdkMonthGrid::month-changed:
   *
   * Another month is shown: its meetings are wanted.
   */
  signals[MONTH_CHANGED] = g_signal_new ("month-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * IdkMonthGrid::meeting-activated:
   * @uuid: the first meeting of the day clicked
   */
  signals[MEETING_ACTIVATED] = g_signal_new ("meeting-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-month-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkMonthGrid, grid);
  gtk_widget_class_bind_template_child (widget_class, IdkMonthGrid, month_label);

  gtk_widget_class_install_action (widget_class, "grid.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "grid.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "grid.today", NULL, today_action);
}

static void
idk_month_grid_init (IdkMonthGrid *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate monday;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Weekday initials from a week known to start on a Monday. */
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 5, G_DATE_JANUARY, 2026);
  for (guint i = 0; i < 7; i++, g_date_add_days (&monday, 1))
    {
      char name[32];
      GtkWidget *label;

      g_date_strftime (name, sizeof name, "%a", &monday);
      label = gtk_label_new (name);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, (int) i, 0, 1, 1);
    }

  for (guint i = 0; i < WEEKS * 7; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);

      gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
      gtk_widget_set_halign (chips, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (chips, -1, 4);
      gtk_box_append (GTK_BOX (box), chips);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "day");
      g_signal_connect (button, "clicked", G_CALLBACK (on_day_clicked_cb), self);
      gtk_grid_attach (self->grid, button, (int) (i % 7), (int) (i / 7) + 1, 1, 1);
      self->days[i] = button;
    }

  self->today = g_date_time_format (now, "%Y-%m-%d");
  self->year = (guint) g_date_time_get_year (now);
  self->month = (guint) g_date_time_get_month (now);
  rebuild (self);
}

GtkWidget *
idk_month_grid_new (void)
{
  return g_object_new (IDK_TYPE_MONTH_GRID, NULL);
}

void
idk_month_grid_set_month (IdkMonthGrid *self,
                          guint         year,
                          guint         month)
{
  g_return_if_fail (IDK_IS_MONTH_GRID (self));
  g_return_if_fail (month >= 1 && month <= 12);

  if (self->year == year && self->month == month)
    return;

  self->year = year;
  self->month = month;
  rebuild (self);
  g_signal_emit (self, signals[MONTH_CHANGED], 0);
}

guint
idk_month_grid_get_year (IdkMonthGrid *self)
{
  g_return_val_if_fail (IDK_IS_MONTH_GRID (self), 0);

  return self->year;
}

guint
idk_month_grid_get_month (IdkMonthGrid *self)
{
  g_return_val_if_fail (IDK_IS_MONTH_GRID (self), 0);

  return self->month;
}

/* What "today" is (the store's, which tests can fix). */
void
idk_month_grid_set_today (IdkMonthGrid *self,
                          const char   *today)
{
  g_return_if_fail (IDK_IS_MONTH_GRID (self));

  g_free (self->today);
  self->today = g_strdup (today);
  rebuild (self);
}

/**
 * idk_month_grid_get_range:
 * @last: (out) (transfer full): the last day shown
 *
 * Returns: (transfer full): the first day shown, as YYYY-MM-DD
 */
char *
idk_month_grid_get_range (IdkMonthGrid  *self,
                          char         **last)
{
  GDate end = self->first;
  char text[11];

  g_date_add_days (&end, WEEKS * 7 - 1);
  date_text (&end, text);
  *last = g_strdup (text);
  date_text (&self->first, text);
  return g_strdup (text);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/**
 * idk_month_grid_set_meetings:
 * @meetings: (element-type IdkMeeting): the meetings of the days shown
 */
void
idk_month_grid_set_meetings (IdkMonthGrid *self,
                             GListModel   *meetings)
{
  g_return_if_fail (IDK_IS_MONTH_GRID (self));

  rebuild (self);

  for (guint m = 0; m < g_list_model_get_n_items (meetings); m++)
    {
      g_autoptr(IdkMeeting) meeting = g_list_model_get_item (meetings, m);
      const char *start = idk_meeting_get_start_date (meeting);
      const char *end = idk_meeting_get_end_date (meeting) ? idk_meeting_get_end_date (meeting) : start;

      if (strlen (start) != 10 || strlen (end) != 10)
        continue;

      for (guint i = 0; i < WEEKS * 7; i++)
        {
          GtkWidget *button = self->days[i];
          const char *date = g_object_get_data (G_OBJECT (button), "date");
          GtkWidget *chips, *chip;
          const char *tooltip;
          g_autofree char *text = NULL;

          if (g_strcmp0 (date, start) < 0 || g_strcmp0 (date, end) > 0)
            continue;

          chips = gtk_widget_get_last_child (gtk_button_get_child (GTK_BUTTON (button)));
          if (count_children (chips) < MAX_CHIPS)
            {
              chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
              gtk_widget_set_size_request (chip, 10, 4);
              gtk_widget_add_css_class (chip, "chip");
              gtk_widget_add_css_class (chip, idk_meeting_get_meeting_type (meeting));
              gtk_box_append (GTK_BOX (chips), chip);
            }
          gtk_widget_add_css_class (button, "has-meeting");

          if (g_object_get_data (G_OBJECT (button), "meeting") == NULL)
            g_object_set_data_full (G_OBJECT (button), "meeting",
                                    g_strdup (idk_meeting_get_uuid (meeting)), g_free);

          tooltip = gtk_widget_get_tooltip_text (button);
          text = tooltip ? g_strdup_printf ("%s\n%s", tooltip, idk_meeting_get_title (meeting))
                         : g_strdup (idk_meeting_get_title (meeting));
          gtk_widget_set_tooltip_text (button, text);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
        }
    }
}

/**
 * idk_month_grid_get_day:
 *
 * Returns: (transfer none) (nullable): the button of the day @date, if shown
 */
GtkWidget *
idk_month_grid_get_day (IdkMonthGrid *self,
                        const char   *date)
{
  g_return_val_if_fail (IDK_IS_MONTH_GRID (self), NULL);

  for (guint i = 0; i < WEEKS * 7; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (self->days[i]), "date"), date) == 0)
      return self->days[i];

  return NULL;
}
