/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-report.h"
#include "idk-store-private.h"

/* Writing what a person accepted of a report's proposals: the session,
 * the meetings it sets, its participants, decisions, agenda and papers, as revisions
 * of this office in one transaction, so that one Undo takes it all back.
 * What the store already holds as the report says is not written again,
 * so that importing a report twice changes nothing the second time. */

typedef struct
{
  IdkStore *store;
  IdkReport *report;
  GHashTable *persons;      /* folded name -> UUID, those made here included */
  IdkReportApplied *applied;
} Apply;

static void
set_text (JsonObject *fields,
          const char *name,
          const char *value)
{
  if (value != NULL)
    json_object_set_string_member (fields, name, value);
}

static const char *
ordinal_suffix (gint64 n)
{
  if (n % 100 >= 11 && n % 100 <= 13)
    return "th";
  switch (n % 10)
    {
    case 1: return "st";
    case 2: return "nd";
    case 3: return "rd";
    default: return "th";
    }
}

/* Titles as the default data writes them: data, not interface text. */
static char *
meeting_title (const char *type,
               gint64      number,
               const char *city)
{
  if (g_strcmp0 (type, "sg-session") == 0)
    return city != NULL ? g_strdup_printf ("Steering Group, %s", city) : g_strdup ("Steering Group session");
  if (number > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "%s IASMN session", number, ordinal_suffix (number));
  return city != NULL ? g_strdup_printf ("IASMN session, %s", city) : g_strdup ("IASMN session");
}

static char *
source_note (guint first,
             guint last)
{
  return g_strdup_printf ("Final report, lines %u to %u", first, last);
}

/* The person of @name, made if the store has none of that name. */
static char *
person_for (Apply       *a,
            const char  *name,
            const char  *honorific,
            const char  *organization,
            GError     **error)
{
  g_autofree char *folded = _idk_store_fold_name (name);
  const char *known = g_hash_table_lookup (a->persons, folded);
  g_autoptr(JsonObject) fields = NULL;
  char *uuid;

  if (known != NULL)
    return g_strdup (known);
  fields = json_object_new ();
  set_text (fields, "name", name);
  set_text (fields, "honorific", honorific);
  set_text (fields, "organization", organization);
  if (!(uuid = idk_store_save (a->store, "person", NULL, fields, error)))
    return NULL;
  a->applied->created++;
  g_hash_table_insert (a->persons, g_steal_pointer (&folded), g_strdup (uuid));
  return uuid;
}

static gboolean
set_person (Apply       *a,
            JsonObject  *fields,
            const char  *member,
            const char  *name,
            GError     **error)
{
  g_autofree char *uuid = NULL;

  if (name == NULL)
    return TRUE;
  if (!(uuid = person_for (a, name, NULL, NULL, error)))
    return FALSE;
  json_object_set_string_member (fields, member, uuid);
  return TRUE;
}

static JsonObject *
fields_to_change (Apply            *a,
                  IdkReportMatch   *match,
                  GError          **error)
{
  if (match->state == IDK_REPORT_NEW)
    return json_object_new ();
  return idk_store_get_fields (a->store, match->existing, NULL, error);
}

static gboolean
write_record (Apply           *a,
       const char      *type,
       IdkReportMatch  *match,
       JsonObject      *fields,
       GError         **error)
{
  g_autofree char *uuid = idk_store_save (a->store, type, match->existing, fields, error);

  if (uuid == NULL)
    return FALSE;
  if (match->state == IDK_REPORT_NEW)
    {
      a->applied->created++;
      g_free (match->existing);
      match->existing = g_steal_pointer (&uuid);
    }
  else
    a->applied->updated++;
  return TRUE;
}

/* Whether to write a proposal: accepted, and not held as it is already. */
static gboolean
to_write (Apply          *a,
          IdkReportMatch *match)
{
  if (match->rejected)
    {
      a->applied->rejected++;
      return FALSE;
    }
  if (match->state == IDK_REPORT_SAME)
    {
      a->applied->unchanged++;
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_session (Apply             *a,
               IdkReportSession  *s,
               GError           **error)
{
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *title = NULL, *source = NULL, *body = NULL;

  if (!to_write (a, &s->match))
    return TRUE;
  if (s->start == NULL)
    {
      g_set_error_literal (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                           _("The report does not say when the session was held: give its dates first"));
      return FALSE;
    }
  if (!(fields = fields_to_change (a, &s->match, error)))
    return FALSE;
  if (s->match.state == IDK_REPORT_NEW)
    {
      body = idk_store_find_body (a->store, g_strcmp0 (s->type, "sg-session") == 0 ? "SG" : "IASMN");
      title = meeting_title (s->type, s->number, s->city);
      source = source_note (s->source.first_line, s->source.last_line);
      set_text (fields, "body", body);
      set_text (fields, "type", s->type);
      set_text (fields, "title", title);
      set_text (fields, "status", "held");
      set_text (fields, "source", source);
      if (s->number > 0)
        json_object_set_int_member (fields, "number", s->number);
    }
  set_text (fields, "start_date", s->start);
  set_text (fields, "end_date", s->end);
  set_text (fields, "city", s->city);
  set_text (fields, "country", s->country);
  if (s->host_uuid != NULL)
    set_text (fields, "host_organization", s->host_uuid);
  else
    set_text (fields, "host_name", s->host);
  if (!set_person (a, fields, "chair", s->chair, error) || !set_person (a, fields, "co_chair", s->co_chair, error)
      || !set_person (a, fields, "secretary", s->secretary, error))
    return FALSE;
  if (!write_record (a, "meeting", &s->match, fields, error))
    {
      g_prefix_error (error, _("Session: "));
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_meeting (Apply             *a,
               IdkReportMeeting  *m,
               GError           **error)
{
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *title = NULL, *source = NULL, *body = NULL;

  if (!to_write (a, &m->match))
    return TRUE;
  if (!(fields = fields_to_change (a, &m->match, error)))
    return FALSE;
  if (m->match.state == IDK_REPORT_NEW)
    {
      body = idk_store_find_body (a->store, g_strcmp0 (m->type, "sg-session") == 0 ? "SG" : "IASMN");
      title = meeting_title (m->type, m->number, m->city);
      source = source_note (m->source.first_line, m->source.last_line);
      set_text (fields, "body", body);
      set_text (fields, "type", m->type);
      set_text (fields, "title", title);
      set_text (fields, "status", "confirmed");
      set_text (fields, "source", source);
      set_text (fields, "country", m->country);
      if (m->host_uuid != NULL)
        set_text (fields, "host_organization", m->host_uuid);
      else
        set_text (fields, "host_name", m->host);
      if (m->number > 0)
        json_object_set_int_member (fields, "number", m->number);
    }
  set_text (fields, "start_date", m->start);
  set_text (fields, "end_date", m->end);
  set_text (fields, "city", m->city);
  if (!write_record (a, "meeting", &m->match, fields, error))
    {
      g_prefix_error (error, _("Meeting of %s: "), m->start);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_participant (Apply                 *a,
                   const char            *meeting,
                   guint                  ordinal,
                   IdkReportParticipant  *p,
                   GError               **error)
{
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *person = NULL;

  if (!to_write (a, &p->match))
    return TRUE;
  if (!(person = person_for (a, p->person, p->honorific, p->organization_uuid, error)))
    return FALSE;
  fields = json_object_new ();
  set_text (fields, "meeting", meeting);
  set_text (fields, "person", person);
  set_text (fields, "organization", p->organization_uuid);
  set_text (fields, "affiliation", p->organization);
  set_text (fields, "role", p->observer ? "observer" : "member");
  set_text (fields, "function", p->function);
  json_object_set_int_member (fields, "ordinal", ordinal);
  if (!write_record (a, "participant", &p->match, fields, error))
    {
      g_prefix_error (error, _("Participant %s: "), p->person);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_decision (Apply              *a,
                const char         *meeting,
                guint               ordinal,
                IdkReportDecision  *d,
                GError            **error)
{
  const IdkReportSession *session = idk_report_get_session (a->report);
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *reference = NULL;
  JsonArray *owners;

  if (!to_write (a, &d->match))
    return TRUE;
  if (!(fields = fields_to_change (a, &d->match, error)))
    return FALSE;
  reference = idk_report_decision_reference (session, d);
  if (d->match.state == IDK_REPORT_NEW)
    {
      set_text (fields, "meeting", meeting);
      set_text (fields, "reference", reference);
      set_text (fields, "status", "open");
      json_object_set_int_member (fields, "paragraph", d->paragraph);
      json_object_set_int_member (fields, "ordinal", ordinal);
    }
  json_object_set_string_member (fields, "text", d->text);
  set_text (fields, "kind", d->kind);
  json_object_remove_member (fields, "topic");
  set_text (fields, "topic", d->topic);
  owners = json_array_new ();
  for (guint i = 0; i < d->owners->len; i++)
    {
      const IdkReportName *o = g_ptr_array_index (d->owners, i);

      if (o->uuid != NULL)
        json_array_add_string_element (owners, o->uuid);
    }
  json_object_set_array_member (fields, "owners", owners);
  json_object_remove_member (fields, "due_date");
  json_object_remove_member (fields, "due_meeting");
  set_text (fields, "due_date", d->due_date);
  set_text (fields, "due_meeting", _idk_report_due_meeting_of (a->report, d));
  if (!write_record (a, "action", &d->match, fields, error))
    {
      g_prefix_error (error, _("Decision %s: "), reference);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_agenda_item (Apply                *a,
                   const char           *meeting,
                   guint                 ordinal,
                   IdkReportAgendaItem  *item,
                   GError              **error)
{
  GPtrArray *agenda = idk_report_get_agenda (a->report);
  g_autoptr(JsonObject) fields = NULL;
  const char *members[] = { "day", "start_time", "end_time", "presenter", "crp", "parent" };

  if (!to_write (a, &item->match))
    return TRUE;
  if (!(fields = fields_to_change (a, &item->match, error)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    json_object_remove_member (fields, members[i]);
  set_text (fields, "meeting", meeting);
  set_text (fields, "title", item->title);
  set_text (fields, "day", item->day);
  set_text (fields, "start_time", item->start);
  set_text (fields, "end_time", item->end);
  set_text (fields, "presenter", item->presenter);
  set_text (fields, "crp", item->crp);
  set_text (fields, "kind", item->kind);
  json_object_set_int_member (fields, "ordinal", ordinal);
  if (item->parent >= 0 && (guint) item->parent < agenda->len)
    set_text (fields, "parent", ((IdkReportAgendaItem *) g_ptr_array_index (agenda, item->parent))->match.existing);
  if (!write_record (a, "agenda_item", &item->match, fields, error))
    {
      g_prefix_error (error, _("Agenda item “%s”: "), item->title);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_document (Apply              *a,
                const char         *meeting,
                IdkReportDocument  *d,
                GError            **error)
{
  g_autoptr(JsonObject) fields = NULL;

  if (!to_write (a, &d->match))
    return TRUE;
  if (!(fields = fields_to_change (a, &d->match, error)))
    return FALSE;
  set_text (fields, "meeting", meeting);
  set_text (fields, "symbol", d->symbol);
  json_object_set_int_member (fields, "number", d->number);
  set_text (fields, "title", d->title);
  if (!write_record (a, "document", &d->match, fields, error))
    {
      g_prefix_error (error, _("Document %s: "), d->symbol);
      return FALSE;
    }
  return TRUE;
}

/**
 * idk_store_apply_report:
 * @applied: (out caller-allocates) (optional): how many records were
 *   created, updated, left as they were, and rejected
 *
 * Writes what is accepted of @report, matched first with
 * idk_store_match_report(), in one transaction: idk_store_take_last_change()
 * then gives it to undo.  Nothing is written if one proposal is refused;
 * @error then names it.
 */
gboolean
idk_store_apply_report (IdkStore          *self,
                        IdkReport         *report,
                        IdkReportApplied  *applied,
                        GError           **error)
{
  IdkReportApplied counts = { 0 };
  IdkReportSession *session = (IdkReportSession *) idk_report_get_session (report);
  GPtrArray *meetings = idk_report_get_meetings (report);
  GPtrArray *decisions = idk_report_get_decisions (report);
  GPtrArray *participants = idk_report_get_participants (report);
  GPtrArray *agenda = idk_report_get_agenda (report);
  GPtrArray *documents = idk_report_get_documents (report);
  g_autoptr(GHashTable) persons = NULL;
  Apply a = { self, report, NULL, &counts };
  gboolean needs_session = FALSE;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (IDK_IS_REPORT (report), FALSE);

  for (guint i = 0; i < decisions->len; i++)
    needs_session |= !((IdkReportDecision *) g_ptr_array_index (decisions, i))->match.rejected;
  for (guint i = 0; i < participants->len; i++)
    needs_session |= !((IdkReportParticipant *) g_ptr_array_index (participants, i))->match.rejected;
  for (guint i = 0; i < agenda->len; i++)
    needs_session |= !((IdkReportAgendaItem *) g_ptr_array_index (agenda, i))->match.rejected;
  for (guint i = 0; i < documents->len; i++)
    needs_session |= !((IdkReportDocument *) g_ptr_array_index (documents, i))->match.rejected;
  if (needs_session && session->match.existing == NULL && session->match.rejected)
    {
      g_set_error_literal (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                           _("The decisions and participants belong to the session: accept the session too"));
      return FALSE;
    }

  if (!idk_store_begin (self, error))
    return FALSE;
  if (!(persons = _idk_store_load_names (self, "SELECT uuid, name FROM persons", NULL, error)))
    goto failed;
  a.persons = persons;

  /* The session and the calendar first: decisions are due at them. */
  if (!apply_session (&a, session, error))
    goto failed;
  for (guint i = 0; i < meetings->len; i++)
    if (!apply_meeting (&a, g_ptr_array_index (meetings, i), error))
      goto failed;
  for (guint i = 0; i < participants->len; i++)
    if (!apply_participant (&a, session->match.existing, i + 1, g_ptr_array_index (participants, i), error))
      goto failed;
  for (guint i = 0; i < decisions->len; i++)
    if (!apply_decision (&a, session->match.existing, i + 1, g_ptr_array_index (decisions, i), error))
      goto failed;
  /* Parts after the item they are part of, which is written first. */
  for (guint i = 0; i < agenda->len; i++)
    if (!apply_agenda_item (&a, session->match.existing, i + 1, g_ptr_array_index (agenda, i), error))
      goto failed;
  for (guint i = 0; i < documents->len; i++)
    if (!apply_document (&a, session->match.existing, g_ptr_array_index (documents, i), error))
      goto failed;

  if (!idk_store_commit (self, error))
    goto failed;
  if (applied != NULL)
    *applied = counts;
  /* What was written is now held as the report says. */
  return idk_store_match_report (self, report, error);

failed:
  idk_store_rollback (self);
  /* The records made before the refusal were rolled back with it. */
  idk_store_match_report (self, report, NULL);
  return FALSE;
}
