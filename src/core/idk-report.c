/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "idk-report-private.h"

/**
 * IdkReport:
 *
 * What the report importer reads in a session's final report: the
 * session, the meetings it sets, its decisions and its participants, each
 * a proposal with the lines it was read from.  The finders run in an
 * order that lets each use what the one before found: the session's
 * dates date what follows, and the calendar resolves the meetings that
 * decisions are due at.
 */
struct _IdkReport
{
  GObject parent_instance;
  IdkReportText *text;
  IdkReportLexicon *lexicon;
  IdkReportSession *session;
  GPtrArray *decisions;
  GPtrArray *meetings;
  GPtrArray *participants;
  GPtrArray *agenda;
  GPtrArray *documents;
};

G_DEFINE_FINAL_TYPE (IdkReport, idk_report, G_TYPE_OBJECT)

static void
idk_report_finalize (GObject *object)
{
  IdkReport *self = IDK_REPORT (object);

  g_clear_pointer (&self->text, idk_report_text_unref);
  g_clear_pointer (&self->lexicon, idk_report_lexicon_unref);
  g_clear_pointer (&self->session, _idk_report_session_free);
  g_clear_pointer (&self->decisions, g_ptr_array_unref);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  G_OBJECT_CLASS (idk_report_parent_class)->finalize (object);
}

static void
idk_report_class_init (IdkReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = idk_report_finalize;
}

static void
idk_report_init (IdkReport *self)
{
}

/**
 * idk_report_new:
 * @lexicon: (nullable): the names and meetings to recognise; without one,
 *   no owner is proposed and no meeting resolved
 *
 * Returns: (transfer full): the proposals read from @text
 */
IdkReport *
idk_report_new (IdkReportText    *text,
                IdkReportLexicon *lexicon)
{
  IdkReport *self;
  IdkReportScan scan = { 0 };

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (IDK_TYPE_REPORT, NULL);
  self->text = idk_report_text_ref (text);
  self->lexicon = lexicon != NULL ? idk_report_lexicon_ref (lexicon) : NULL;

  scan.text = text;
  scan.lexicon = lexicon;
  scan.n_lines = idk_report_text_get_n_lines (text);
  scan.info = g_new0 (IdkLineInfo, scan.n_lines);
  scan.strings = g_ptr_array_new_with_free_func (g_free);
  scan.decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) _idk_report_decision_free);
  scan.meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) _idk_report_meeting_free);
  scan.participants = g_ptr_array_new_with_free_func ((GDestroyNotify) _idk_report_participant_free);
  scan.agenda = g_ptr_array_new_with_free_func ((GDestroyNotify) _idk_report_agenda_item_free);
  scan.documents = g_ptr_array_new_with_free_func ((GDestroyNotify) _idk_report_document_free);

  _idk_report_classify (&scan);
  _idk_report_find_session (&scan);
  _idk_report_find_calendar (&scan);
  _idk_report_find_decisions (&scan);
  _idk_report_find_participants (&scan);
  _idk_report_find_agenda (&scan);

  self->session = scan.session;
  self->decisions = scan.decisions;
  self->meetings = scan.meetings;
  self->participants = scan.participants;
  self->agenda = scan.agenda;
  self->documents = scan.documents;
  g_ptr_array_unref (scan.strings);
  g_free (scan.info);
  return self;
}

/**
 * idk_report_new_from_file:
 *
 * Returns: (transfer full): the proposals read from @file, or %NULL with
 *   @error set: the file cannot be read, or is not a report's text
 */
IdkReport *
idk_report_new_from_file (GFile             *file,
                          IdkReportLexicon  *lexicon,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(IdkReportText) text = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* The size first, so that a file of gigabytes is refused unread. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > IDK_REPORT_MAX_SIZE)
    {
      g_set_error (error, IDK_REPORT_ERROR, IDK_REPORT_ERROR_TOO_LARGE,
                   _("The report is %zu KB; a report of more than %d KB is not read"),
                   (gsize) (g_file_info_get_size (info) / 1024), IDK_REPORT_MAX_SIZE / 1024);
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  if ((text = idk_report_text_new (contents, length, error)) == NULL)
    return NULL;
  return idk_report_new (text, lexicon);
}

IdkReportText *
idk_report_get_text (IdkReport *self)
{
  g_return_val_if_fail (IDK_IS_REPORT (self), NULL);

  return self->text;
}

/**
 * idk_report_get_lexicon:
 *
 * Returns: (transfer none) (nullable): the names the report was read with
 */
IdkReportLexicon *
idk_report_get_lexicon (IdkReport *self)
{
  g_return_val_if_fail (IDK_IS_REPORT (self), NULL);

  return self->lexicon;
}

/**
 * idk_report_decision_get_owners_text:
 *
 * Returns: (transfer full): the owners as a person edits them: "ATWG, UNDSS"
 */
char *
idk_report_decision_get_owners_text (const IdkReportDecision *decision)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < decision->owners->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "",
                            ((IdkReportName *) g_ptr_array_index (decision->owners, i))->label);
  return g_string_free (out, FALSE);
}

/**
 * idk_report_decision_set_owners:
 * @text: names separated by commas: acronyms, names or aliases
 *
 * Corrects a decision's owners.  Each name must be one the store knows;
 * otherwise nothing changes and @error names the first it does not.
 */
gboolean
idk_report_decision_set_owners (IdkReport          *self,
                                IdkReportDecision  *decision,
                                const char         *text,
                                GError            **error)
{
  g_auto(GStrv) names = g_strsplit (text, ",", -1);
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func ((GDestroyNotify) idk_report_name_free);

  g_return_val_if_fail (IDK_IS_REPORT (self), FALSE);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      const IdkNameMatch *match;
      gboolean again = FALSE;

      if (*name == '\0')
        continue;
      if ((match = _idk_report_lexicon_find (self->lexicon, name)) == NULL)
        {
          g_set_error (error, IDK_REPORT_ERROR, IDK_REPORT_ERROR_UNKNOWN_NAME,
                       _("No organization or working group is called “%s”"), name);
          return FALSE;
        }
      for (guint k = 0; k < owners->len; k++)
        again |= g_strcmp0 (((IdkReportName *) g_ptr_array_index (owners, k))->uuid, match->uuid) == 0;
      if (!again)
        g_ptr_array_add (owners, _idk_report_name_new (match));
    }
  g_ptr_array_set_size (decision->owners, 0);
  while (owners->len > 0)
    g_ptr_array_add (decision->owners, g_ptr_array_steal_index (owners, 0));
  return TRUE;
}

const IdkReportSession *
idk_report_get_session (IdkReport *self)
{
  g_return_val_if_fail (IDK_IS_REPORT (self), NULL);

  return self->session;
}

/**
 * idk_report_get_decisions:
 *
 * Returns: (transfer none) (element-type IdkReportDecision): in the
 *   report's order
 */
GPtrArray *
idk_report_get_decisions (IdkReport *self)
{
  g_return_val_if_fail (IDK_IS_REPORT (self), NULL);

  return self->decisions;
}

/**
 * idk_report_get_meetings:
 *
 * Returns: (transfer none) (element-type IdkReportMeeting)
 */
GPtrArray *
idk_report_get_meetings (IdkReport *self)
{
  g_return_val_if_fail (IDK_IS_REPORT (self), NULL);

  return self->meetings;
}

/**
 * idk_report_get_participants:
 *
 * Returns: (transfer none) (element-type IdkReportParticipant)
 */
GPtrArray *
idk_report_get_participants (IdkReport *self)
{
  g_return_val_if_fail (IDK_IS_REPORT (self), NULL);

  return self->participants;
}

/**
 * idk_report_get_agenda:
 *
 * Returns: (transfer none) (element-type IdkReportAgendaItem): in the
 *   agenda's order, the parts of an item after it
 */
GPtrArray *
idk_report_get_agenda (IdkReport *self)
{
  g_return_val_if_fail (IDK_IS_REPORT (self), NULL);

  return self->agenda;
}

/**
 * idk_report_get_documents:
 *
 * Returns: (transfer none) (element-type IdkReportDocument)
 */
GPtrArray *
idk_report_get_documents (IdkReport *self)
{
  g_return_val_if_fail (IDK_IS_REPORT (self), NULL);

  return self->documents;
}

static void
member_string (JsonBuilder *b,
               const char  *name,
               const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
member_int (JsonBuilder *b,
            const char  *name,
            gint64       value,
            gboolean     known)
{
  json_builder_set_member_name (b, name);
  if (known)
    json_builder_add_int_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_match (JsonBuilder          *b,
           const IdkReportMatch *match)
{
  static const char *const states[] = { "new", "same", "update" };

  member_string (b, "state", states[match->state]);
  member_string (b, "existing", match->existing);
  if (match->changed != NULL)
    {
      json_builder_set_member_name (b, "changed");
      json_builder_begin_array (b);
      for (guint i = 0; match->changed[i] != NULL; i++)
        json_builder_add_string_value (b, match->changed[i]);
      json_builder_end_array (b);
    }
}

static void
add_source (JsonBuilder           *b,
            const IdkReportSource *source)
{
  json_builder_set_member_name (b, "source_lines");
  json_builder_begin_array (b);
  if (source->first_line > 0)
    {
      json_builder_add_int_value (b, source->first_line);
      json_builder_add_int_value (b, source->last_line);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "confidence");
  json_builder_add_double_value (b, source->confidence);
}

static void
add_decision (JsonBuilder             *b,
              const IdkReportDecision *d)
{
  json_builder_begin_object (b);
  member_int (b, "paragraph", d->paragraph, TRUE);
  if (d->part > 0)
    member_int (b, "part", d->part, TRUE);
  member_string (b, "topic", d->topic);
  member_string (b, "kind", d->kind);
  json_builder_set_member_name (b, "owners");
  json_builder_begin_array (b);
  for (guint i = 0; i < d->owners->len; i++)
    json_builder_add_string_value (b, ((IdkReportName *) g_ptr_array_index (d->owners, i))->label);
  json_builder_end_array (b);
  /* The due as the text gives it: a date, a meeting, or words. */
  json_builder_set_member_name (b, "due");
  if (d->due_date != NULL)
    json_builder_add_string_value (b, d->due_date);
  else if (d->due_meeting != NULL || d->due_text != NULL)
    {
      json_builder_begin_object (b);
      if (d->due_meeting != NULL)
        {
          member_string (b, "meeting", d->due_meeting);
          member_string (b, "meeting_uuid", d->due_meeting_uuid);
        }
      if (d->due_text != NULL)
        member_string (b, "text", d->due_text);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  member_string (b, "text", d->text);
  add_match (b, &d->match);
  add_source (b, &d->source);
  json_builder_end_object (b);
}

/**
 * idk_report_to_json:
 *
 * Returns: (transfer full): the proposals as one object, as `iasmn
 *   report --dry-run --json` prints them
 */
JsonNode *
idk_report_to_json (IdkReport *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const IdkReportSession *s;

  g_return_val_if_fail (IDK_IS_REPORT (self), NULL);

  s = self->session;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "session");
  json_builder_begin_object (b);
  member_int (b, "number", s->number, s->number > 0);
  member_string (b, "type", s->type);
  member_string (b, "start", s->start);
  member_string (b, "end", s->end);
  member_string (b, "city", s->city);
  member_string (b, "country", s->country);
  member_string (b, "host", s->host);
  member_string (b, "chair", s->chair);
  member_string (b, "co_chair", s->co_chair);
  member_string (b, "secretary", s->secretary);
  member_int (b, "members", s->members, s->members >= 0);
  member_int (b, "observers", s->observers, s->observers >= 0);
  add_match (b, &s->match);
  add_source (b, &s->source);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "agenda");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->agenda->len; i++)
    {
      const IdkReportAgendaItem *a = g_ptr_array_index (self->agenda, i);

      json_builder_begin_object (b);
      member_string (b, "day", a->day);
      member_string (b, "start", a->start);
      member_string (b, "end", a->end);
      member_string (b, "title", a->title);
      member_string (b, "presenter", a->presenter);
      member_string (b, "crp", a->crp);
      member_string (b, "kind", a->kind);
      member_int (b, "parent", a->parent, a->parent >= 0);
      add_match (b, &a->match);
      add_source (b, &a->source);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->documents->len; i++)
    {
      const IdkReportDocument *d = g_ptr_array_index (self->documents, i);

      json_builder_begin_object (b);
      member_string (b, "symbol", d->symbol);
      member_string (b, "title", d->title);
      add_match (b, &d->match);
      add_source (b, &d->source);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "decisions");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->decisions->len; i++)
    add_decision (b, g_ptr_array_index (self->decisions, i));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "meetings");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->meetings->len; i++)
    {
      const IdkReportMeeting *m = g_ptr_array_index (self->meetings, i);

      json_builder_begin_object (b);
      member_string (b, "type", m->type);
      member_int (b, "number", m->number, m->number > 0);
      member_string (b, "start", m->start);
      member_string (b, "end", m->end);
      member_string (b, "city", m->city);
      member_string (b, "country", m->country);
      member_string (b, "host", m->host);
      add_match (b, &m->match);
      add_source (b, &m->source);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "participants");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->participants->len; i++)
    {
      const IdkReportParticipant *p = g_ptr_array_index (self->participants, i);

      json_builder_begin_object (b);
      member_string (b, "organization", p->organization);
      member_string (b, "person", p->person);
      member_string (b, "honorific", p->honorific);
      member_string (b, "function", p->function);
      json_builder_set_member_name (b, "observer");
      json_builder_add_boolean_value (b, p->observer);
      add_match (b, &p->match);
      add_source (b, &p->source);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
