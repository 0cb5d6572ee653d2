/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-report-dialog-private.h"

/* The fields of the report dialog a person corrects: a session's dates,
 * city and officers, a meeting's dates and city, a decision's kind,
 * owners and due date.  Each is checked as it is typed, by the core's
 * rules (a date the record type reads, an owner the store knows); a field
 * left invalid is marked, and the dialog blocks Apply and says why. */

typedef gboolean (*SetFunc) (IdkReportDialog *self,
                             gpointer         proposal,
                             const char      *text,
                             GError         **error);

static void
on_entry_changed_cb (AdwEntryRow     *row,
                     IdkReportDialog *self)
{
  SetFunc set = g_object_get_data (G_OBJECT (row), "set");
  gpointer proposal = g_object_get_data (G_OBJECT (row), "proposal");
  g_autoptr(GError) error = NULL;

  if (set (self, proposal, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
      g_hash_table_remove (self->invalid, row);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), error->message);
      g_hash_table_insert (self->invalid, row, g_strdup (error->message));
    }
  _idk_report_dialog_update_summary (self);
}

static GtkWidget *
entry_row (IdkReportDialog *self,
           const char      *title,
           const char      *text,
           SetFunc          set,
           gpointer         proposal)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_object_set_data (G_OBJECT (row), "set", set);
  g_object_set_data (G_OBJECT (row), "proposal", proposal);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_entry_changed_cb), self, 0);
  return row;
}

/* A date as the record type reads it, or empty for none. */
static gboolean
set_date (char       **slot,
          const char  *type,
          const char  *field,
          const char  *text,
          GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(JsonNode) value = NULL;

  if (*stripped != '\0' && !(value = idk_record_parse_value (type, field, stripped, error)))
    return FALSE;
  g_free (*slot);
  *slot = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
  return TRUE;
}

static gboolean
set_text (char       **slot,
          const char  *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_free (*slot);
  *slot = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
  return TRUE;
}

static gboolean
set_owners (IdkReportDialog *self, gpointer p, const char *text, GError **error)
{
  return idk_report_decision_set_owners (self->report, p, text, error);
}

static gboolean
set_due_date (IdkReportDialog *self, gpointer p, const char *text, GError **error)
{
  return set_date (&((IdkReportDecision *) p)->due_date, "action", "due_date", text, error);
}

static gboolean
set_session_start (IdkReportDialog *self, gpointer p, const char *text, GError **error)
{
  return set_date (&((IdkReportSession *) p)->start, "meeting", "start_date", text, error);
}

static gboolean
set_session_end (IdkReportDialog *self, gpointer p, const char *text, GError **error)
{
  return set_date (&((IdkReportSession *) p)->end, "meeting", "end_date", text, error);
}

static gboolean
set_session_city (IdkReportDialog *self, gpointer p, const char *text, GError **error)
{
  return set_text (&((IdkReportSession *) p)->city, text);
}

static gboolean
set_chair (IdkReportDialog *self, gpointer p, const char *text, GError **error)
{
  return set_text (&((IdkReportSession *) p)->chair, text);
}

static gboolean
set_co_chair (IdkReportDialog *self, gpointer p, const char *text, GError **error)
{
  return set_text (&((IdkReportSession *) p)->co_chair, text);
}

static gboolean
set_secretary (IdkReportDialog *self, gpointer p, const char *text, GError **error)
{
  return set_text (&((IdkReportSession *) p)->secretary, text);
}

static gboolean
set_meeting_start (IdkReportDialog *self, gpointer p, const char *text, GError **error)
{
  return set_date (&((IdkReportMeeting *) p)->start, "meeting", "start_date", text, error);
}

static gboolean
set_meeting_end (IdkReportDialog *self, gpointer p, const char *text, GError **error)
{
  return set_date (&((IdkReportMeeting *) p)->end, "meeting", "end_date", text, error);
}

static gboolean
set_meeting_city (IdkReportDialog *self, gpointer p, const char *text, GError **error)
{
  return set_text (&((IdkReportMeeting *) p)->city, text);
}

static void
on_kind_selected_cb (AdwComboRow       *row,
                     GParamSpec        *pspec,
                     IdkReportDecision *d)
{
  const char * const *values = idk_record_field_values ("action", "kind");
  guint selected = adw_combo_row_get_selected (row);

  if (values != NULL && selected < g_strv_length ((char **) values))
    {
      g_free (d->kind);
      d->kind = g_strdup (values[selected]);
    }
}

/* The kinds the action record type has, with their labels. */
static GtkWidget *
kind_row (IdkReportDecision *d)
{
  const char * const *values = idk_record_field_values ("action", "kind");
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      gtk_string_list_append (labels, idk_record_value_label ("action", "kind", values[i]));
      if (g_strcmp0 (values[i], d->kind) == 0)
        selected = i;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), idk_record_field_label ("action", "kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_kind_selected_cb), d);
  g_object_unref (labels);
  return row;
}

void
_idk_report_dialog_add_session_fields (IdkReportDialog  *self,
                                       AdwExpanderRow   *row,
                                       IdkReportSession *s)
{
  adw_expander_row_add_row (row, entry_row (self, _("Start"), s->start, set_session_start, s));
  adw_expander_row_add_row (row, entry_row (self, _("End"), s->end, set_session_end, s));
  adw_expander_row_add_row (row, entry_row (self, _("City"), s->city, set_session_city, s));
  adw_expander_row_add_row (row, _idk_report_dialog_fact_row (_("Country"), s->country));
  adw_expander_row_add_row (row, _idk_report_dialog_fact_row (_("Host"), s->host));
  adw_expander_row_add_row (row, entry_row (self, _("Chair"), s->chair, set_chair, s));
  adw_expander_row_add_row (row, entry_row (self, _("Co-chair"), s->co_chair, set_co_chair, s));
  adw_expander_row_add_row (row, entry_row (self, _("Secretary"), s->secretary, set_secretary, s));
}

void
_idk_report_dialog_add_decision_fields (IdkReportDialog   *self,
                                        AdwExpanderRow    *row,
                                        IdkReportDecision *d)
{
  g_autofree char *owners = idk_report_decision_get_owners_text (d);

  adw_expander_row_add_row (row, kind_row (d));
  adw_expander_row_add_row (row, entry_row (self, _("Owners"), owners, set_owners, d));
  adw_expander_row_add_row (row, entry_row (self, _("Due date"), d->due_date, set_due_date, d));
}

void
_idk_report_dialog_add_meeting_fields (IdkReportDialog  *self,
                                       AdwExpanderRow   *row,
                                       IdkReportMeeting *m)
{
  adw_expander_row_add_row (row, entry_row (self, _("Start"), m->start, set_meeting_start, m));
  adw_expander_row_add_row (row, entry_row (self, _("End"), m->end, set_meeting_end, m));
  adw_expander_row_add_row (row, entry_row (self, _("City"), m->city, set_meeting_city, m));
  adw_expander_row_add_row (row, _idk_report_dialog_fact_row (_("Host"), m->host));
}
