/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-plan-dialog.h"
#include "idk-split-view.h"
#include "idk-window.h"

/* Plan Session…: the dates and places of a full session and its Steering
 * Group session.  Every change runs the plan as a dry run in the core, so
 * the two meetings and the ToR checks they would get are shown before
 * anything is written. */

typedef struct
{
  GtkWidget *view;
  IdkStore *store;
  AdwPreferencesGroup *plan_group;
  AdwPreferencesGroup *checks_group;
  GPtrArray *rows;          /* rows of both groups, removed on each update */
} Plan;

static void
plan_free (gpointer data)
{
  Plan *plan = data;

  g_clear_object (&plan->store);
  g_ptr_array_unref (plan->rows);
  g_free (plan);
}

/* A count in an entry; @fallback when empty, 0 when not a number. */
static int
read_count (IdkForm    *form,
            const char *field,
            int         fallback)
{
  const char *text = idk_form_get_text (form, field);
  char *end;
  gint64 value;

  if (text == NULL || *text == '\0')
    return fallback;
  value = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || value < 0 || value > 1000)
    return fallback == -1 ? 1000 : 0;
  return (int) value;
}

static IdkPlanResult *
run_plan (IdkForm   *form,
          Plan      *plan,
          gboolean   dry_run,
          GError   **error)
{
  IdkSessionPlan values = {
    .start = idk_form_get_text (form, "start_date"),
    .days = read_count (form, "days", 0),
    .city = idk_form_get_text (form, "city"),
    .country = idk_form_get_text (form, "country"),
    .sg_lead_weeks = read_count (form, "sg_lead_weeks", -1),
    .sg_city = idk_form_get_text (form, "sg_city"),
  };

  return idk_store_plan_session (plan->store, &values, dry_run, error);
}

static GtkWidget *
add_row (Plan                *plan,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (icon != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  adw_preferences_group_add (group, row);
  g_ptr_array_add (plan->rows, row);
  return row;
}

static void
update (IdkForm *form,
        Plan    *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkPlanResult) result = NULL;

  for (guint i = 0; i < plan->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (plan->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (plan->rows, 0);

  if (!(result = run_plan (form, plan, TRUE, &error)))
    {
      add_row (plan, plan->plan_group, error->message, NULL, "dialog-information-symbolic");
      return;
    }

  {
    g_autofree char *sg_dates = idk_date_format_range (result->sg_start, result->sg_end);
    g_autofree char *session_dates = idk_date_format_range (result->session_start, result->session_end);
    g_autofree char *lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d week ahead",
                                                          "%s · %d weeks ahead", result->sg_lead_weeks),
                                             sg_dates, result->sg_lead_weeks);

    add_row (plan, plan->plan_group, result->sg_title, lead, "x-office-calendar-symbolic");
    add_row (plan, plan->plan_group, result->session_title, session_dates, "x-office-calendar-symbolic");
  }

  if (g_list_model_get_n_items (result->warnings) == 0)
    add_row (plan, plan->checks_group, _("The plan meets every check of the terms of reference."), NULL,
             "emblem-ok-symbolic");
  for (guint i = 0; i < g_list_model_get_n_items (result->warnings); i++)
    {
      g_autoptr(IdkEntry) warning = g_list_model_get_item (result->warnings, i);
      GtkWidget *row = add_row (plan, plan->checks_group, idk_entry_get_title (warning),
                                idk_entry_get_subtitle (warning), "dialog-warning-symbolic");

      gtk_widget_add_css_class (row, "warning-row");
    }
}

static gboolean
save_plan (IdkForm  *form,
           gpointer  data,
           GError  **error)
{
  Plan *plan = data;
  g_autoptr(IdkPlanResult) result = NULL;
  g_autofree char *title = NULL;

  if (!(result = run_plan (form, plan, FALSE, error)))
    return FALSE;

  title = g_strdup_printf (_("%s planned, with its Steering Group session"), result->session_title);
  idk_window_offer_change (plan->view, plan->store, title);
  idk_split_view_reveal_uuid (IDK_SPLIT_VIEW (plan->view), result->session_uuid);
  return TRUE;
}

/**
 * idk_plan_dialog_present:
 * @view: the calendar view, which shows the session once planned
 *
 * Returns: (transfer none): the dialog, presented
 */
IdkForm *
idk_plan_dialog_present (GtkWidget *view,
                         IdkStore  *store)
{
  IdkForm *form = idk_form_new (view, _("Plan Session"), _("_Plan"));
  Plan *plan = g_new0 (Plan, 1);
  g_autofree char *lead = g_strdup_printf ("%d", idk_store_default_sg_lead_weeks (store));

  plan->view = view;
  plan->store = g_object_ref (store);
  plan->rows = g_ptr_array_new ();

  idk_form_add_date (form, "start_date", _("First day of the session"), NULL);
  idk_form_add_entry (form, "days", _("Days"), "3");
  idk_form_add_entry (form, "city", _("City"), NULL);
  idk_form_add_entry (form, "country", _("Country"), NULL);
  idk_form_add_entry (form, "sg_lead_weeks", _("Steering Group: weeks ahead"), lead);
  idk_form_add_entry (form, "sg_city", _("Steering Group: city"), NULL);
  plan->plan_group = idk_form_add_group (form, _("The Plan"));
  plan->checks_group = idk_form_add_group (form, _("Checks of the Terms of Reference"));

  idk_form_set_save_func (form, save_plan, plan, plan_free);
  g_signal_connect (form, "changed", G_CALLBACK (update), plan);
  update (form, plan);
  gtk_window_set_default_size (GTK_WINDOW (form), 520, 720);
  gtk_window_present (GTK_WINDOW (form));
  return form;
}
