/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store"

#include "config.h"

#include <string.h>

#include "idk-report.h"
#include "idk-store-private.h"

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))

/* What the report importer recognises in a report's text, taken from the
 * store: the names of its organizations and working groups, and its
 * meetings.  Deleted records are not in these tables. */

static gboolean
add_names (IdkStore          *self,
           IdkReportLexicon  *lexicon,
           IdkReportNameKind  kind,
           const char        *sql,
           GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _idk_store_prepare (self, sql, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    idk_report_lexicon_add_name (lexicon, kind, COL (stmt, 0), COL (stmt, 1), COL (stmt, 2));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _idk_store_sql_error (self, error);
}

/**
 * idk_store_load_report_lexicon:
 *
 * Returns: (transfer full): the names and meetings of the store, for
 *   #IdkReport to match a report's text to
 */
IdkReportLexicon *
idk_store_load_report_lexicon (IdkStore  *self,
                               GError   **error)
{
  g_autoptr(IdkReportLexicon) lexicon = idk_report_lexicon_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!add_names (self, lexicon, IDK_REPORT_NAME_ORGANIZATION,
                  "SELECT uuid, coalesce (acronym, name), acronym FROM organizations WHERE acronym IS NOT NULL "
                  "UNION ALL SELECT uuid, coalesce (acronym, name), name FROM organizations "
                  "UNION ALL SELECT o.uuid, coalesce (o.acronym, o.name), a.value "
                  "FROM organizations o, json_each (o.aliases) a WHERE json_valid (o.aliases)", error)
      || !add_names (self, lexicon, IDK_REPORT_NAME_WORKING_GROUP,
                     "SELECT uuid, coalesce (acronym, name), acronym FROM working_groups WHERE acronym IS NOT NULL "
                     "UNION ALL SELECT uuid, coalesce (acronym, name), name FROM working_groups", error))
    return NULL;

  if (!(stmt = _idk_store_prepare (self, "SELECT uuid, type, number, start_date, city FROM meetings "
                                         "WHERE status IS NOT 'cancelled'", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    idk_report_lexicon_add_meeting (lexicon, COL (stmt, 0), COL (stmt, 1), sqlite3_column_int64 (stmt, 2),
                                    COL (stmt, 3), COL (stmt, 4));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;
  return g_steal_pointer (&lexicon);
}

/* --- matching a report's proposals to the store ------------------------ */

/* Persons are matched by name, in any case and without accents: the 27th
 * session's list writes "Mary Mone" for the "Mary Moné" of its text. */
char *
_idk_store_fold_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");

  return g_ascii_strdown (g_strstrip (ascii), -1);
}

GHashTable *
_idk_store_load_names (IdkStore    *self,
            const char  *sql,
            const char  *key,
            GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _idk_store_prepare (self, sql, error)))
    return NULL;
  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (COL (stmt, 1) != NULL)
      g_hash_table_insert (names, _idk_store_fold_name (COL (stmt, 1)), g_strdup (COL (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;
  return g_steal_pointer (&names);
}

/* The first column of the first row of @sql, its parameters text and, if
 * @number is not 0, a number after them. */
static char *
lookup_text (IdkStore    *self,
             const char  *sql,
             const char  *first,
             const char  *second,
             gint64       number)
{
  sqlite3_stmt *stmt = _idk_store_prepare (self, sql, NULL);
  char *value = NULL;
  int n = 1;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, n++, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, n++, second, -1, SQLITE_TRANSIENT);
  if (number != 0)
    sqlite3_bind_int64 (stmt, n, number);
  if (sqlite3_step (stmt) == SQLITE_ROW && COL (stmt, 0) != NULL)
    value = g_strdup (COL (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

/* "21/13", "27/29a": how the default data and the action form name a
 * decision; a session without a number is named by its month. */
char *
idk_report_decision_reference (const IdkReportSession  *session,
                               const IdkReportDecision *d)
{
  g_autofree char *prefix = NULL;
  char part[2] = { d->part > 0 && d->part <= 26 ? (char) ('a' + d->part - 1) : '\0', '\0' };

  if (session->number > 0)
    prefix = g_strdup_printf ("%" G_GINT64_FORMAT, session->number);
  else
    prefix = g_strndup (session->start != NULL ? session->start : "", 7);
  return g_strdup_printf ("%s/%u%s", prefix, d->paragraph, part);
}

static void
set_match (IdkReportMatch *match,
           char           *existing,
           gboolean        same)
{
  g_free (match->existing);
  match->existing = existing;
  match->state = existing == NULL ? IDK_REPORT_NEW : same ? IDK_REPORT_SAME : IDK_REPORT_UPDATE;
  g_clear_pointer (&match->changed, g_strfreev);
}

/* What differs, field by field, so that a person sees what an update changes. */
typedef struct
{
  GStrvBuilder *changed;
  gboolean same;
} Diff;

static void
diff_field (Diff       *diff,
            const char *field,
            gboolean    same)
{
  if (!same)
    g_strv_builder_add (diff->changed, field);
  diff->same = diff->same && same;
}

static void
set_diff (IdkReportMatch *match,
          char           *existing,
          Diff           *diff)
{
  set_match (match, existing, diff->same);
  if (!diff->same)
    match->changed = g_strv_builder_end (diff->changed);
  g_strv_builder_unref (diff->changed);
}

static gboolean
same_text (JsonObject *fields,
           const char *name,
           const char *value)
{
  return g_strcmp0 (idk_fields_get_text (fields, name), value) == 0;
}

static gboolean
same_owners (JsonObject              *fields,
             const IdkReportDecision *d)
{
  JsonNode *node = json_object_get_member (fields, "owners");
  JsonArray *owners = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint n = owners != NULL ? json_array_get_length (owners) : 0, known = 0;

  for (guint i = 0; i < d->owners->len; i++)
    {
      const IdkReportName *o = g_ptr_array_index (d->owners, i);
      gboolean found = FALSE;

      if (o->uuid == NULL)
        continue;
      known++;
      for (guint k = 0; k < n && !found; k++)
        found = g_strcmp0 (json_array_get_string_element (owners, k), o->uuid) == 0;
      if (!found)
        return FALSE;
    }
  return known == n;
}

const char *
_idk_report_due_meeting_of (IdkReport               *report,
                const IdkReportDecision *d)
{
  GPtrArray *meetings = idk_report_get_meetings (report);

  if (d->due_meeting_index >= 0 && (guint) d->due_meeting_index < meetings->len)
    return ((IdkReportMeeting *) g_ptr_array_index (meetings, d->due_meeting_index))->match.existing;
  return d->due_meeting_uuid;
}

static void
match_decision (IdkStore          *self,
                IdkReport         *report,
                IdkReportDecision *d)
{
  const IdkReportSession *session = idk_report_get_session (report);
  g_autofree char *reference = idk_report_decision_reference (session, d);
  g_autoptr(JsonObject) fields = NULL;
  char *existing = NULL;

  if (session->match.existing != NULL)
    existing = lookup_text (self, "SELECT uuid FROM actions WHERE meeting = ?1 AND reference = ?2",
                            session->match.existing, reference, 0);
  if (existing == NULL || !(fields = idk_store_get_fields (self, existing, NULL, NULL)))
    {
      set_match (&d->match, existing, FALSE);
      return;
    }
  {
    Diff diff = { g_strv_builder_new (), TRUE };

    diff_field (&diff, "text", same_text (fields, "text", d->text));
    diff_field (&diff, "kind", same_text (fields, "kind", d->kind));
    diff_field (&diff, "topic", same_text (fields, "topic", d->topic));
    diff_field (&diff, "owners", same_owners (fields, d));
    diff_field (&diff, "due_date", same_text (fields, "due_date", d->due_date));
    diff_field (&diff, "due_meeting", same_text (fields, "due_meeting", _idk_report_due_meeting_of (report, d)));
    set_diff (&d->match, existing, &diff);
  }
}

static gboolean
same_person (IdkStore   *self,
             JsonObject *fields,
             const char *name,
             const char *person)
{
  const char *uuid = idk_fields_get_text (fields, name);
  g_autofree char *stored = uuid != NULL ? lookup_text (self, "SELECT name FROM persons WHERE uuid = ?1", uuid,
                                                        NULL, 0) : NULL;
  g_autofree char *a = stored != NULL ? _idk_store_fold_name (stored) : NULL;
  g_autofree char *b = person != NULL ? _idk_store_fold_name (person) : NULL;

  /* A field the report leaves empty does not differ. */
  return person == NULL || g_strcmp0 (a, b) == 0;
}

static void
match_session (IdkStore         *self,
               IdkReportSession *s)
{
  char *existing = NULL;
  g_autoptr(JsonObject) fields = NULL;

  if (s->type == NULL || s->start == NULL)
    return;
  if (s->number > 0)
    existing = lookup_text (self, "SELECT uuid FROM meetings WHERE type = ?1 AND number = ?2", s->type, NULL,
                            s->number);
  else
    existing = lookup_text (self, "SELECT uuid FROM meetings WHERE type = ?1 AND start_date = ?2", s->type,
                            s->start, 0);
  if (existing == NULL || !(fields = idk_store_get_fields (self, existing, NULL, NULL)))
    {
      set_match (&s->match, existing, FALSE);
      return;
    }
  {
    Diff diff = { g_strv_builder_new (), TRUE };

    diff_field (&diff, "start_date", same_text (fields, "start_date", s->start));
    diff_field (&diff, "end_date", same_text (fields, "end_date", s->end));
    diff_field (&diff, "city", s->city == NULL || same_text (fields, "city", s->city));
    diff_field (&diff, "host_organization",
                s->host_uuid == NULL || same_text (fields, "host_organization", s->host_uuid));
    diff_field (&diff, "chair", same_person (self, fields, "chair", s->chair));
    diff_field (&diff, "co_chair", same_person (self, fields, "co_chair", s->co_chair));
    diff_field (&diff, "secretary", same_person (self, fields, "secretary", s->secretary));
    set_diff (&s->match, existing, &diff);
  }
}

static void
match_meeting (IdkStore         *self,
               IdkReportMeeting *m)
{
  g_autoptr(JsonObject) fields = NULL;

  if (m->match.existing == NULL || !(fields = idk_store_get_fields (self, m->match.existing, NULL, NULL)))
    {
      set_match (&m->match, NULL, FALSE);
      return;
    }
  {
    Diff diff = { g_strv_builder_new (), TRUE };

    diff_field (&diff, "start_date", same_text (fields, "start_date", m->start));
    diff_field (&diff, "end_date", same_text (fields, "end_date", m->end));
    diff_field (&diff, "city", m->city == NULL || same_text (fields, "city", m->city));
    set_diff (&m->match, g_strdup (m->match.existing), &diff);
  }
}

static void
match_agenda (IdkStore  *self,
              IdkReport *report)
{
  const IdkReportSession *session = idk_report_get_session (report);
  GPtrArray *agenda = idk_report_get_agenda (report);
  GPtrArray *documents = idk_report_get_documents (report);

  for (guint i = 0; i < agenda->len; i++)
    {
      IdkReportAgendaItem *a = g_ptr_array_index (agenda, i);
      g_autoptr(JsonObject) fields = NULL;
      char *existing = NULL;
      const char *parent = a->parent >= 0 && (guint) a->parent < i
                           ? ((IdkReportAgendaItem *) g_ptr_array_index (agenda, a->parent))->match.existing : NULL;

      if (session->match.existing != NULL)
        existing = lookup_text (self, "SELECT uuid FROM agenda_items WHERE meeting = ?1 AND ordinal = ?2",
                                session->match.existing, NULL, i + 1);
      if (existing == NULL || !(fields = idk_store_get_fields (self, existing, NULL, NULL)))
        set_match (&a->match, existing, FALSE);
      else
        {
          Diff diff = { g_strv_builder_new (), TRUE };

          diff_field (&diff, "title", same_text (fields, "title", a->title));
          diff_field (&diff, "day", same_text (fields, "day", a->day));
          diff_field (&diff, "start_time", same_text (fields, "start_time", a->start));
          diff_field (&diff, "end_time", same_text (fields, "end_time", a->end));
          diff_field (&diff, "presenter", same_text (fields, "presenter", a->presenter));
          diff_field (&diff, "crp", same_text (fields, "crp", a->crp));
          diff_field (&diff, "kind", same_text (fields, "kind", a->kind));
          diff_field (&diff, "parent", same_text (fields, "parent", parent));
          set_diff (&a->match, existing, &diff);
        }
    }

  for (guint i = 0; i < documents->len; i++)
    {
      IdkReportDocument *d = g_ptr_array_index (documents, i);
      g_autoptr(JsonObject) fields = NULL;
      char *existing = NULL;

      if (session->match.existing != NULL)
        existing = lookup_text (self, "SELECT uuid FROM documents WHERE meeting = ?1 AND symbol = ?2",
                                session->match.existing, d->symbol, 0);
      if (existing == NULL || !(fields = idk_store_get_fields (self, existing, NULL, NULL)))
        set_match (&d->match, existing, FALSE);
      else
        {
          Diff diff = { g_strv_builder_new (), TRUE };

          diff_field (&diff, "title", same_text (fields, "title", d->title));
          set_diff (&d->match, existing, &diff);
        }
    }
}

/**
 * idk_store_match_report:
 *
 * Says of each proposal of @report whether the store holds it already,
 * as the report says (nothing to write) or otherwise (an update).
 */
gboolean
idk_store_match_report (IdkStore   *self,
                        IdkReport  *report,
                        GError    **error)
{
  IdkReportSession *session = (IdkReportSession *) idk_report_get_session (report);
  GPtrArray *meetings = idk_report_get_meetings (report);
  GPtrArray *decisions = idk_report_get_decisions (report);
  GPtrArray *participants = idk_report_get_participants (report);
  g_autoptr(GHashTable) present = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (IDK_IS_REPORT (report), FALSE);

  match_session (self, session);
  for (guint i = 0; i < meetings->len; i++)
    match_meeting (self, g_ptr_array_index (meetings, i));
  for (guint i = 0; i < decisions->len; i++)
    match_decision (self, report, g_ptr_array_index (decisions, i));
  match_agenda (self, report);

  /* A participant is the one of the same name at the session, or the one
   * of the same surname and organization: lists write "Andy Clinton" for
   * the "Andrew Clinton" of another. */
  if (session->match.existing != NULL
      && !(present = _idk_store_load_names (self, "SELECT p.uuid, pe.name FROM participants p JOIN persons pe "
                                                  "ON pe.uuid = p.person WHERE p.meeting = ?1 UNION ALL "
                                                  "SELECT p.uuid, coalesce (p.organization, '') || ' ' || "
                                                  "replace (pe.name, rtrim (pe.name, replace (pe.name, ' ', '')), '') "
                                                  "FROM participants p JOIN persons pe ON pe.uuid = p.person "
                                                  "WHERE p.meeting = ?1", session->match.existing, error)))
    return FALSE;
  for (guint i = 0; i < participants->len; i++)
    {
      IdkReportParticipant *p = g_ptr_array_index (participants, i);
      g_autofree char *folded = _idk_store_fold_name (p->person);
      const char *surname = strrchr (p->person, ' ');
      g_autofree char *by_surname = g_strconcat (p->organization_uuid != NULL ? p->organization_uuid : "", " ",
                                                 surname != NULL ? surname + 1 : p->person, NULL);
      g_autofree char *folded_surname = _idk_store_fold_name (by_surname);
      const char *existing = NULL;

      if (present != NULL && (existing = g_hash_table_lookup (present, folded)) == NULL
          && p->organization_uuid != NULL)
        existing = g_hash_table_lookup (present, folded_surname);
      set_match (&p->match, g_strdup (existing), TRUE);
    }
  return TRUE;
}
