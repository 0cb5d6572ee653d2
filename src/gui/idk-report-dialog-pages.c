/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-details.h"
#include "idk-report-dialog-private.h"

/* The pages of the report dialog, one per kind of proposal: each
 * proposal a row with its accept check, what the store makes of it (new,
 * an update, unchanged), the fields a person may correct, and the lines
 * of the report it was read from.  Every text from the report goes into
 * the rows as plain text.  The rules of each field (a date, an owner the
 * store knows) are the core's: a field left invalid blocks Apply and
 * says why. */

static const char *
state_label (IdkReportState state)
{
  switch (state)
    {
    case IDK_REPORT_NEW: return _("New");
    case IDK_REPORT_UPDATE: return _("Update");
    case IDK_REPORT_SAME: return _("Unchanged");
    default: g_assert_not_reached ();
    }
}

static GtkWidget *
state_pill (const IdkReportMatch *match)
{
  const char *style = match->state == IDK_REPORT_NEW ? "open"
                      : match->state == IDK_REPORT_UPDATE ? "in-progress" : "noting";

  return idk_details_pill_new (state_label (match->state), style);
}

static void
on_check_toggled_cb (GtkCheckButton  *check,
                     IdkReportDialog *self)
{
  IdkReportMatch *match = g_object_get_data (G_OBJECT (check), "match");

  match->rejected = !gtk_check_button_get_active (check);
  _idk_report_dialog_update_summary (self);
}

static GtkWidget *
accept_check (IdkReportDialog *self,
              IdkReportMatch  *match,
              const char      *page)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !match->rejected);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Accept"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Accept"), -1);
  g_object_set_data (G_OBJECT (check), "match", match);
  g_object_set_data (G_OBJECT (check), "page", (gpointer) page);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);
  g_ptr_array_add (self->checks, check);
  return check;
}

static void
set_page_checks (GtkButton *button,
                 gboolean   active)
{
  IdkReportDialog *self = IDK_REPORT_DIALOG (gtk_widget_get_root (GTK_WIDGET (button)));
  const char *page = g_object_get_data (G_OBJECT (button), "page");

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "page"), page) == 0)
        gtk_check_button_set_active (check, active);
    }
}

static void
on_accept_all_cb (GtkButton *button)
{
  set_page_checks (button, TRUE);
}

static void
on_reject_all_cb (GtkButton *button)
{
  set_page_checks (button, FALSE);
}

static GtkBox *
add_page (IdkReportDialog *self,
          const char      *name,
          const char      *title,
          const char      *icon,
          guint            count)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  AdwViewStackPage *page;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  page = adw_view_stack_add_titled (self->view_stack, scrolled, name, title);
  adw_view_stack_page_set_icon_name (page, icon);
  if (count > 0)
    adw_view_stack_page_set_badge_number (page, count);
  return GTK_BOX (box);
}

static GtkWidget *
add_group (GtkBox     *box,
           const char *title,
           const char *description,
           const char *page)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *accept = gtk_button_new_with_mnemonic (_("Accept _All"));
  GtkWidget *reject = gtk_button_new_with_mnemonic (_("_Reject All"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  for (GtkWidget *b = accept; b != NULL; b = b == accept ? reject : NULL)
    {
      gtk_widget_add_css_class (b, "flat");
      gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (b), "page", (gpointer) page);
      gtk_box_append (GTK_BOX (buttons), b);
    }
  g_signal_connect (accept, "clicked", G_CALLBACK (on_accept_all_cb), NULL);
  g_signal_connect (reject, "clicked", G_CALLBACK (on_reject_all_cb), NULL);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);
  gtk_box_append (box, group);
  return group;
}

GtkWidget *
_idk_report_dialog_fact_row (const char *title,
                             const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL ? value : "");
  gtk_widget_add_css_class (row, "property");
  return row;
}

/* The report's own lines, numbered, that a proposal was read from. */
static GtkWidget *
source_row (IdkReportDialog       *self,
            const IdkReportSource *source)
{
  IdkReportText *text = idk_report_get_text (self->report);
  guint n = idk_report_text_get_n_lines (text);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *title = NULL;
  GtkWidget *row;

  if (source->first_line == 0)
    return NULL;
  for (guint i = source->first_line; i <= source->last_line && i <= n && i < source->first_line + 12; i++)
    {
      const IdkReportLine *line = idk_report_text_get_line (text, i - 1);

      if (*line->text != '\0')
        g_string_append_printf (lines, "%s%u  %s", lines->len > 0 ? "\n" : "", line->number, line->text);
    }
  if (source->last_line >= source->first_line + 12)
    g_string_append (lines, "\n…");
  title = source->first_line == source->last_line
          ? g_strdup_printf (_("Line %u of the report"), source->first_line)
          : g_strdup_printf (_("Lines %u to %u of the report"), source->first_line, source->last_line);
  row = _idk_report_dialog_fact_row (title, lines->str);
  gtk_widget_add_css_class (row, "report-source");
  return row;
}

/* What an update changes, named by the record type's own labels. */
static GtkWidget *
changed_row (const IdkReportMatch *match,
             const char           *type)
{
  g_autoptr(GString) fields = g_string_new (NULL);

  if (match->state != IDK_REPORT_UPDATE || match->changed == NULL)
    return NULL;
  for (guint i = 0; match->changed[i] != NULL; i++)
    g_string_append_printf (fields, "%s%s", i > 0 ? ", " : "", idk_record_field_label (type, match->changed[i]));
  return _idk_report_dialog_fact_row (_("Differs from the database in"), fields->str);
}

static GtkWidget *
expander (IdkReportDialog *self,
          IdkReportMatch  *match,
          const char      *page,
          const char      *title,
          const char      *subtitle)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), accept_check (self, match, page));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), state_pill (match));
  g_object_set_data (G_OBJECT (row), "match", match);
  g_object_set_data (G_OBJECT (row), "type", g_strcmp0 (page, "decisions") == 0 ? "action" : "meeting");
  return row;
}

static void
add_source (IdkReportDialog       *self,
            GtkWidget             *expander_row,
            const IdkReportSource *source)
{
  GtkWidget *row = source_row (self, source);
  IdkReportMatch *match = g_object_get_data (G_OBJECT (expander_row), "match");
  GtkWidget *changed = match != NULL ? changed_row (match, g_object_get_data (G_OBJECT (expander_row), "type"))
                                     : NULL;

  if (changed != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander_row), changed);

  if (row != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander_row), row);
}

/* --- the pages -------------------------------------------------------- */

static void
build_session (IdkReportDialog *self)
{
  IdkReportSession *s = (IdkReportSession *) idk_report_get_session (self->report);
  GtkBox *box = add_page (self, "session", _("Session"), "x-office-calendar-symbolic", 0);
  GtkWidget *group = add_group (box, _("Session"), NULL, "session");
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, s->number);
  /* TRANSLATORS: %s is the session's number, e.g. "Session 27" */
  g_autofree char *title = s->number > 0 ? g_strdup_printf (_("Session %s"), number) : g_strdup (_("Session"));
  g_autofree char *counts = NULL;
  GtkWidget *row;

  row = expander (self, &s->match, "session", title, s->city != NULL ? s->city : "");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  _idk_report_dialog_add_session_fields (self, ADW_EXPANDER_ROW (row), s);
  if (s->members >= 0 || s->observers >= 0)
    {
      /* TRANSLATORS: how many organizations the report says took part */
      counts = g_strdup_printf (_("%d members, %d observers"), MAX (s->members, 0), MAX (s->observers, 0));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), _idk_report_dialog_fact_row (_("Reported"), counts));
    }
  add_source (self, row, &s->source);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static char *
decision_subtitle (IdkReport         *report,
                   IdkReportDecision *d)
{
  g_autofree char *reference = idk_report_decision_reference (idk_report_get_session (report), d);
  g_autofree char *owners = idk_report_decision_get_owners_text (d);
  const char *kind = idk_record_value_label ("action", "kind", d->kind);
  GString *out = g_string_new (reference);

  g_string_append_printf (out, " · %s", kind != NULL ? kind : d->kind);
  if (*owners != '\0')
    g_string_append_printf (out, " · %s", owners);
  if (d->topic != NULL)
    g_string_append_printf (out, " · %s", d->topic);
  return g_string_free (out, FALSE);
}

static void
build_decisions (IdkReportDialog *self)
{
  GPtrArray *decisions = idk_report_get_decisions (self->report);
  GtkBox *box = add_page (self, "decisions", _("Decisions"), "emblem-ok-symbolic", decisions->len);
  GtkWidget *group = add_group (box, _("Decisions"), _("Each becomes an action to follow."), "decisions");

  for (guint i = 0; i < decisions->len; i++)
    {
      IdkReportDecision *d = g_ptr_array_index (decisions, i);
      g_autofree char *subtitle = decision_subtitle (self->report, d);
      const char *newline = strchr (d->text, '\n');
      g_autofree char *first = newline != NULL ? g_strndup (d->text, newline - d->text) : g_strdup (d->text);
      GtkWidget *row = expander (self, &d->match, "decisions", first, subtitle);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), _idk_report_dialog_fact_row (_("Text"), d->text));
      _idk_report_dialog_add_decision_fields (self, ADW_EXPANDER_ROW (row), d);
      if (d->due_meeting != NULL || d->due_text != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  _idk_report_dialog_fact_row (_("Due, as the report says"),
                                            d->due_meeting != NULL ? d->due_meeting : d->due_text));
      add_source (self, row, &d->source);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
build_calendar (IdkReportDialog *self)
{
  GPtrArray *meetings = idk_report_get_meetings (self->report);
  GtkBox *box = add_page (self, "calendar", _("Calendar"), "x-office-calendar-symbolic", meetings->len);
  GtkWidget *group = add_group (box, _("Meetings the Report Sets"), NULL, "calendar");

  for (guint i = 0; i < meetings->len; i++)
    {
      IdkReportMeeting *m = g_ptr_array_index (meetings, i);
      const char *type = idk_record_value_label ("meeting", "type", m->type);
      g_autofree char *title = m->number > 0 ? g_strdup_printf ("%s %" G_GINT64_FORMAT, type, m->number)
                                             : g_strdup (type);
      g_autofree char *subtitle = g_strdup_printf ("%s – %s · %s", m->start, m->end != NULL ? m->end : "",
                                                   m->city != NULL ? m->city : "");
      GtkWidget *row = expander (self, &m->match, "calendar", title, subtitle);

      _idk_report_dialog_add_meeting_fields (self, ADW_EXPANDER_ROW (row), m);
      add_source (self, row, &m->source);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (meetings->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("The report sets no meeting to come."));
}

static void
build_agenda (IdkReportDialog *self)
{
  GPtrArray *agenda = idk_report_get_agenda (self->report);
  GPtrArray *documents = idk_report_get_documents (self->report);
  GtkBox *box = add_page (self, "agenda", _("Agenda"), "view-list-symbolic", agenda->len);
  GtkWidget *group = add_group (box, _("Agenda"), NULL, "agenda");
  GtkWidget *papers;

  for (guint i = 0; i < agenda->len; i++)
    {
      IdkReportAgendaItem *a = g_ptr_array_index (agenda, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();

      if (a->day != NULL)
        g_string_append (subtitle, a->day);
      if (a->start != NULL)
        g_string_append_printf (subtitle, "%s%s%s%s", subtitle->len > 0 ? " · " : "", a->start,
                                a->end != NULL ? "–" : "", a->end != NULL ? a->end : "");
      if (a->presenter != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", a->presenter);
      if (a->crp != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", a->crp);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), accept_check (self, &a->match, "agenda"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state_pill (&a->match));
      /* A part of an item sits under it. */
      if (a->parent >= 0)
        gtk_widget_add_css_class (row, "report-part");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (agenda->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("The report has no agenda."));

  papers = add_group (box, _("Conference Room Papers"), NULL, "agenda");
  for (guint i = 0; i < documents->len; i++)
    {
      IdkReportDocument *d = g_ptr_array_index (documents, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->symbol);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), d->title != NULL ? d->title : "");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), accept_check (self, &d->match, "agenda"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state_pill (&d->match));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (papers), row);
    }
  if (documents->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (papers), _("The report lists no papers."));
}

static void
build_participants (IdkReportDialog *self)
{
  GPtrArray *participants = idk_report_get_participants (self->report);
  GtkBox *box = add_page (self, "participants", _("Participants"), "system-users-symbolic", participants->len);
  GtkWidget *group = add_group (box, _("Participants"), NULL, "participants");

  for (guint i = 0; i < participants->len; i++)
    {
      IdkReportParticipant *p = g_ptr_array_index (participants, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      subtitle = g_strdup_printf (_("%s · %s · line %u"), p->organization != NULL ? p->organization : "—",
                                  p->observer ? _("Observer") : _("Member"), p->source.first_line);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->person);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), accept_check (self, &p->match, "participants"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state_pill (&p->match));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (participants->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("The report lists no participants."));
}

void
_idk_report_dialog_build_pages (IdkReportDialog *self)
{
  build_session (self);
  build_decisions (self);
  build_agenda (self);
  build_calendar (self);
  build_participants (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "decisions");
}
