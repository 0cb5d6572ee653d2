/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-record-type"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "idk-date.h"
#include "idk-record-type-private.h"
#include "idk-store.h"
#include "idk-store-private.h"

/* The record types that offices exchange: for each, its fields with their
 * labels, kinds, limits, references and values, and the query table it
 * is materialized into (column names are the field names; the tables
 * themselves are created in idk-schema.c).  This is the one place where a
 * field's rules are written: a local save, an imported revision, a form
 * being typed into and the command line are all checked against it.
 */

static const char * const to_organization[] = { "organization", NULL };
static const char * const to_body[] = { "body", NULL };
static const char * const to_actor[] = { "actor", NULL };
static const char * const to_place[] = { "place", NULL };
static const char * const to_person[] = { "person", NULL };
static const char * const to_post[] = { "post", NULL };
static const char * const to_meeting[] = { "meeting", NULL };
static const char * const to_agenda_item[] = { "agenda_item", NULL };
static const char * const to_working_group[] = { "working_group", NULL };
static const char * const to_action[] = { "action", NULL };
static const char * const to_owner[] = { "organization", "working_group", NULL };

static const IdkChoice membership_categories[] = {
  { "ceb-member", N_("CEB member") },
  { "mou", N_("Memorandum of understanding") },
  { "mandate", N_("Specific mandate") },
  { "observer", N_("Observer") },
  { "staff-federation", N_("Staff federation") },
  { "unit", N_("Unit") },
  { "non-member", N_("Not a member") },
  { NULL }
};

static const IdkChoice body_kinds[] = {
  { "board", N_("Board") },
  { "committee", N_("Committee") },
  { "network", N_("Network") },
  { "steering-group", N_("Steering group") },
  { NULL }
};

static const IdkChoice body_relations[] = {
  { "reports-to", N_("Reports to") },
  { "supports", N_("Supports") },
  { NULL }
};

static const IdkChoice relation_kinds[] = {
  { "accountable-to", N_("Accountable to") },
  { "reports-to", N_("Reports to") },
  { "appointed-by", N_("Appointed by") },
  { "advises", N_("Advises") },
  { "chairs", N_("Chairs") },
  { "member-of", N_("Member of") },
  { "acts-ad-interim-for", N_("Acts ad interim for") },
  { NULL }
};

static const IdkChoice place_kinds[] = {
  { "country", N_("Country") },
  { "area", N_("Area") },
  { "duty-station", N_("Duty station") },
  { "headquarters", N_("Headquarters") },
  { NULL }
};

static const IdkChoice meeting_types[] = {
  { "full-session", N_("Full session") },
  { "sg-session", N_("Steering Group session") },
  { "wg-meeting", N_("Working-group meeting") },
  { "vtc", N_("VTC") },
  { "ad-hoc", N_("Ad hoc meeting") },
  { "external", N_("Other body") },
  { NULL }
};

static const IdkChoice meeting_statuses[] = {
  { "planned", N_("Planned") },
  { "confirmed", N_("Confirmed") },
  { "held", N_("Held") },
  { "cancelled", N_("Cancelled") },
  { NULL }
};

static const IdkChoice item_kinds[] = {
  { "item", N_("Item") },
  { "break", N_("Break") },
  { "marker", N_("End of day or session") },
  { NULL }
};

static const IdkChoice participant_roles[] = {
  { "member", N_("Member") },
  { "observer", N_("Observer") },
  { NULL }
};

static const IdkChoice functions[] = {
  { "chair", N_("Chair") },
  { "co-chair", N_("Co-chair") },
  { "secretary", N_("Secretary") },
  { NULL }
};

static const IdkChoice group_roles[] = {
  { "chair", N_("Chair") },
  { "co-chair", N_("Co-chair") },
  { "member", N_("Member") },
  { "observer", N_("Observer") },
  { NULL }
};

static const IdkChoice group_statuses[] = {
  { "proposed", N_("Proposed") },
  { "active", N_("Active") },
  { "disbanded", N_("Disbanded") },
  { NULL }
};

static const IdkChoice tor_statuses[] = {
  { "none", N_("No terms of reference") },
  { "draft", N_("Draft") },
  { "approved", N_("Approved") },
  { NULL }
};

static const IdkChoice action_kinds[] = {
  { "request", N_("Request") },
  { "decision", N_("Decision") },
  { "endorsement", N_("Endorsement") },
  { "noting", N_("Noting") },
  { NULL }
};

static const IdkChoice action_statuses[] = {
  { "open", N_("Open") },
  { "in-progress", N_("In progress") },
  { "completed", N_("Completed") },
  { "superseded", N_("Superseded") },
  { "cancelled", N_("Cancelled") },
  { NULL }
};

/* Lengths, in characters: codes and symbols, names and titles, notes,
 * and texts of several paragraphs. */
#define CODE 40
#define NAME 200
#define NOTE 2000
#define PROSE 20000

#define TEXT(n, l, max) { .name = n, .label = l, .kind = IDK_FIELD_TEXT, .max_length = max }
#define REQUIRED_TEXT(n, l, max) { .name = n, .label = l, .kind = IDK_FIELD_TEXT, .max_length = max, .required = TRUE }
#define PARAGRAPHS(n, l) { .name = n, .label = l, .kind = IDK_FIELD_TEXT, .max_length = PROSE, .multiline = TRUE }
#define FIELD(n, l, k) { .name = n, .label = l, .kind = IDK_FIELD_##k }
#define REQUIRED(n, l, k) { .name = n, .label = l, .kind = IDK_FIELD_##k, .required = TRUE }
#define REF(n, l, types) { .name = n, .label = l, .kind = IDK_FIELD_REF, .ref_types = types }
#define REQUIRED_REF(n, l, types) { .name = n, .label = l, .kind = IDK_FIELD_REF, .ref_types = types, .required = TRUE }
#define ONE_OF(n, l, list) { .name = n, .label = l, .kind = IDK_FIELD_ENUM, .choices = list, .required = TRUE }
#define MAYBE_ONE_OF(n, l, list) { .name = n, .label = l, .kind = IDK_FIELD_ENUM, .choices = list }
#define STRINGS(n, l, max) { .name = n, .label = l, .kind = IDK_FIELD_STRINGS, .max_length = max }

/* Not const: ensure_values () fills in the values of the choices and
 * the names of the fields, once. */
static IdkFieldSpec organization_fields[] = {
  TEXT ("acronym", N_("Acronym"), CODE),
  REQUIRED_TEXT ("name", N_("Name"), NAME),
  ONE_OF ("category", N_("Membership"), membership_categories),
  REF ("parent", N_("Part of"), to_organization),
  STRINGS ("aliases", N_("Other names"), NAME),
};

static IdkFieldSpec body_fields[] = {
  TEXT ("acronym", N_("Acronym"), CODE),
  REQUIRED_TEXT ("name", N_("Name"), NAME),
  ONE_OF ("kind", N_("Kind"), body_kinds),
  REF ("parent", N_("Part of"), to_body),
  MAYBE_ONE_OF ("relation", N_("Relation to its parent"), body_relations),
  PARAGRAPHS ("description", N_("Description")),
};

static IdkFieldSpec body_member_fields[] = {
  REQUIRED_REF ("body", N_("Body"), to_body),
  REQUIRED_REF ("organization", N_("Organization"), to_organization),
  MAYBE_ONE_OF ("role", N_("Role"), group_roles),
  FIELD ("from_date", N_("From"), DATE),
  FIELD ("to_date", N_("To"), DATE),
};

static IdkFieldSpec rule_fields[] = {
  REQUIRED_TEXT ("code", N_("Code"), CODE),
  REQUIRED_TEXT ("title", N_("Title"), NAME),
  PARAGRAPHS ("text", N_("Text")),
  TEXT ("source", N_("Source"), NOTE),
  REQUIRED ("agreed_on", N_("Agreed on"), DATE),
  FIELD ("parameter", N_("Parameter"), INT),
};

static IdkFieldSpec actor_fields[] = {
  REQUIRED_TEXT ("code", N_("Code"), CODE),
  REQUIRED_TEXT ("title", N_("Title"), NAME),
  TEXT ("short_title", N_("Short title"), NAME),
  TEXT ("section", N_("Section"), CODE),
  PARAGRAPHS ("summary", N_("Summary")),
  STRINGS ("responsibilities", N_("Responsibilities"), NOTE),
  FIELD ("collective", N_("Collective"), BOOL),
  FIELD ("ordinal", N_("Order"), INT),
};

static IdkFieldSpec relationship_fields[] = {
  REQUIRED_REF ("actor", N_("Actor"), to_actor),
  ONE_OF ("kind", N_("Kind"), relation_kinds),
  REF ("target_actor", N_("Other actor"), to_actor),
  REF ("target_body", N_("Body"), to_body),
  REF ("via_actor", N_("Through"), to_actor),
  TEXT ("note", N_("Note"), NOTE),
  FIELD ("ordinal", N_("Order"), INT),
};

static IdkFieldSpec place_fields[] = {
  REQUIRED_TEXT ("name", N_("Name"), NAME),
  ONE_OF ("kind", N_("Kind"), place_kinds),
  REF ("parent", N_("Within"), to_place),
};

static IdkFieldSpec person_fields[] = {
  TEXT ("honorific", N_("Honorific"), CODE),
  REQUIRED_TEXT ("name", N_("Name"), NAME),
  REF ("organization", N_("Organization"), to_organization),
  TEXT ("title", N_("Title"), NAME),
};

static IdkFieldSpec post_fields[] = {
  REQUIRED_REF ("actor", N_("Role"), to_actor),
  REQUIRED_REF ("place", N_("Place"), to_place),
  REF ("organization", N_("Organization"), to_organization),
  TEXT ("title", N_("Title"), NAME),
};

static IdkFieldSpec appointment_fields[] = {
  REQUIRED_REF ("post", N_("Post"), to_post),
  REQUIRED_REF ("person", N_("Person"), to_person),
  FIELD ("from_date", N_("From"), DATE),
  FIELD ("to_date", N_("To"), DATE),
  FIELD ("ad_interim", N_("Ad interim"), BOOL),
  FIELD ("attested", N_("Attested by a report"), BOOL),
  TEXT ("note", N_("Note"), NOTE),
};

static IdkFieldSpec meeting_fields[] = {
  REF ("body", N_("Body"), to_body),
  REF ("working_group", N_("Working group"), to_working_group),
  ONE_OF ("type", N_("Type"), meeting_types),
  FIELD ("number", N_("Session number"), INT),
  REQUIRED_TEXT ("title", N_("Title"), NAME),
  REQUIRED ("start_date", N_("Start"), DATE),
  FIELD ("end_date", N_("End"), DATE),
  TEXT ("city", N_("City"), NAME),
  TEXT ("country", N_("Country"), NAME),
  TEXT ("venue", N_("Venue"), NAME),
  REF ("host_organization", N_("Host"), to_organization),
  TEXT ("host_name", N_("Host"), NAME),
  REF ("chair", N_("Chair"), to_person),
  REF ("co_chair", N_("Co-chair"), to_person),
  REF ("secretary", N_("Secretary"), to_person),
  ONE_OF ("status", N_("Status"), meeting_statuses),
  TEXT ("source", N_("Source"), NOTE),
  FIELD ("reported_orgs", N_("Organizations reported"), INT),
  FIELD ("reported_observer_orgs", N_("Observer organizations reported"), INT),
  FIELD ("reported_persons", N_("Participants reported"), INT),
  FIELD ("reported_observer_persons", N_("Observers reported"), INT),
};

static IdkFieldSpec agenda_item_fields[] = {
  REQUIRED_REF ("meeting", N_("Meeting"), to_meeting),
  FIELD ("day", N_("Day"), DATE),
  FIELD ("start_time", N_("Start"), TIME),
  FIELD ("end_time", N_("End"), TIME),
  REQUIRED_TEXT ("title", N_("Title"), NAME),
  TEXT ("presenter", N_("Presenter"), NAME),
  TEXT ("crp", N_("Conference room paper"), CODE),
  FIELD ("ordinal", N_("Order"), INT),
  REF ("parent", N_("Part of"), to_agenda_item),
  ONE_OF ("kind", N_("Kind"), item_kinds),
};

static IdkFieldSpec document_fields[] = {
  REQUIRED_REF ("meeting", N_("Meeting"), to_meeting),
  REQUIRED_TEXT ("symbol", N_("Symbol"), CODE),
  FIELD ("number", N_("Number"), INT),
  TEXT ("title", N_("Title"), NAME),
};

static IdkFieldSpec participant_fields[] = {
  REQUIRED_REF ("meeting", N_("Meeting"), to_meeting),
  REF ("person", N_("Person"), to_person),
  REF ("organization", N_("Organization"), to_organization),
  TEXT ("affiliation", N_("Affiliation"), NAME),
  ONE_OF ("role", N_("Role"), participant_roles),
  MAYBE_ONE_OF ("function", N_("Function"), functions),
  FIELD ("ordinal", N_("Order"), INT),
};

static IdkFieldSpec working_group_fields[] = {
  REQUIRED_TEXT ("name", N_("Name"), NAME),
  TEXT ("acronym", N_("Acronym"), CODE),
  REF ("body", N_("Body"), to_body),
  REF ("parent_group", N_("Part of"), to_working_group),
  ONE_OF ("status", N_("Status"), group_statuses),
  ONE_OF ("tor_status", N_("Terms of reference"), tor_statuses),
  REF ("tor_meeting", N_("Terms of reference approved at"), to_meeting),
  REF ("created_meeting", N_("Created at"), to_meeting),
  REF ("disbanded_meeting", N_("Disbanded at"), to_meeting),
  PARAGRAPHS ("description", N_("Description")),
};

static IdkFieldSpec wg_member_fields[] = {
  REQUIRED_REF ("working_group", N_("Working group"), to_working_group),
  REF ("organization", N_("Organization"), to_organization),
  REF ("person", N_("Person"), to_person),
  { .name = "role", .label = N_("Role"), .kind = IDK_FIELD_ENUM, .choices = group_roles, .required = TRUE,
    .default_value = "member" },
  TEXT ("note", N_("Note"), NOTE),
};

static IdkFieldSpec action_fields[] = {
  REQUIRED_REF ("meeting", N_("Session"), to_meeting),
  REQUIRED_TEXT ("reference", N_("Reference"), CODE),
  FIELD ("paragraph", N_("Paragraph"), INT),
  TEXT ("topic", N_("Topic"), NAME),
  { .name = "text", .label = N_("Text"), .kind = IDK_FIELD_TEXT, .max_length = PROSE, .multiline = TRUE,
    .required = TRUE },
  ONE_OF ("kind", N_("Kind"), action_kinds),
  { .name = "owners", .label = N_("Owners"), .kind = IDK_FIELD_REFS, .ref_types = to_owner },
  FIELD ("due_date", N_("Due date"), DATE),
  REF ("due_meeting", N_("Due at"), to_meeting),
  ONE_OF ("status", N_("Status"), action_statuses),
  FIELD ("ordinal", N_("Order"), INT),
};

static IdkFieldSpec action_update_fields[] = {
  REQUIRED_REF ("action", N_("Action"), to_action),
  ONE_OF ("status", N_("Status"), action_statuses),
  { .name = "note", .label = N_("Note"), .kind = IDK_FIELD_TEXT, .max_length = PROSE, .multiline = TRUE },
  TEXT ("author", N_("Author"), NAME),
  REQUIRED_TEXT ("at", N_("When"), CODE),
};

/* The owners live in the action's JSON; the join table and the search
 * index are derived from it so that filters and FTS stay in SQL. */
static const char * const action_before_sql[] = {
  "DELETE FROM actions_fts WHERE rowid IN (SELECT a.rowid FROM temp.touched t "
  "  JOIN actions a ON a.uuid = t.record WHERE t.type = ?1 AND t.new_winner IS NOT t.old_winner)",
  "DELETE FROM action_owners WHERE action IN (SELECT record FROM temp.touched "
  "  WHERE type = ?1 AND new_winner IS NOT old_winner)",
  NULL
};

static const char * const action_after_sql[] = {
  "INSERT OR IGNORE INTO action_owners (action, owner, ordinal) "
  "SELECT a.uuid, j.value, j.key FROM temp.touched t JOIN actions a ON a.uuid = t.record, "
  "  json_each (a.owners) j "
  "WHERE t.type = ?1 AND t.new_live = 1 AND t.new_winner IS NOT t.old_winner",
  "INSERT INTO actions_fts (rowid, reference, topic, text, owners) "
  "SELECT a.rowid, a.reference, a.topic, a.text, "
  "  (SELECT group_concat (label, ' ') FROM action_owner_labels l WHERE l.action = a.uuid) "
  "FROM temp.touched t JOIN actions a ON a.uuid = t.record "
  "WHERE t.type = ?1 AND t.new_live = 1 AND t.new_winner IS NOT t.old_winner",
  NULL
};

#define TYPE(n, l, t, f, ...) { .name = n, .label = l, .table = t, .fields = f, .n_fields = G_N_ELEMENTS (f), __VA_ARGS__ }

static IdkRecordType record_types[] = {
  TYPE ("organization", N_("Organizations"), "organizations", organization_fields),
  TYPE ("body", N_("Governance bodies"), "bodies", body_fields),
  TYPE ("body_member", N_("Body members"), "body_members", body_member_fields),
  TYPE ("rule", N_("Rules"), "rules", rule_fields),
  TYPE ("actor", N_("Accountability actors"), "actors", actor_fields),
  TYPE ("relationship", N_("Relationships"), "relationships", relationship_fields),
  TYPE ("place", N_("Places"), "places", place_fields),
  TYPE ("person", N_("Persons"), "persons", person_fields),
  TYPE ("post", N_("Posts"), "posts", post_fields),
  TYPE ("appointment", N_("Appointments"), "appointments", appointment_fields),
  TYPE ("meeting", N_("Meetings"), "meetings", meeting_fields),
  TYPE ("agenda_item", N_("Agenda items"), "agenda_items", agenda_item_fields),
  TYPE ("document", N_("Documents"), "documents", document_fields),
  TYPE ("participant", N_("Participants"), "participants", participant_fields),
  TYPE ("working_group", N_("Working groups"), "working_groups", working_group_fields),
  TYPE ("wg_member", N_("Working group members"), "wg_members", wg_member_fields),
  TYPE ("action", N_("Actions"), "actions", action_fields,
        .before_sql = action_before_sql, .after_sql = action_after_sql),
  TYPE ("action_update", N_("Action updates"), "action_updates", action_update_fields),
};

/* The error domain: a GError that carries the name of its field. */

typedef struct
{
  char *field;
} IdkRecordErrorPrivate;

static void
idk_record_error_private_init (IdkRecordErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
idk_record_error_private_copy (const IdkRecordErrorPrivate *src,
                               IdkRecordErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
idk_record_error_private_clear (IdkRecordErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (IdkRecordError, idk_record_error)

/**
 * idk_record_error_get_field:
 *
 * Returns: (nullable): the field an #IDK_RECORD_ERROR is about
 */
const char *
idk_record_error_get_field (const GError *error)
{
  IdkRecordErrorPrivate *priv;

  if (error == NULL || !(priv = idk_record_error_get_private (error)))
    return NULL;
  return priv->field;
}

void
idk_record_error_set_field (GError     *error,
                            const char *field)
{
  IdkRecordErrorPrivate *priv;

  g_return_if_fail (error != NULL);

  if ((priv = idk_record_error_get_private (error)) != NULL)
    {
      g_free (priv->field);
      priv->field = g_strdup (field);
    }
}

gboolean
_idk_record_refuse (GError         **error,
                    IdkRecordError   code,
                    const char      *field,
                    const char      *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, IDK_RECORD_ERROR, code, message);
  idk_record_error_set_field (*error, field);
  return FALSE;
}

/* The values of every enumerated field, NULL-terminated, made once from
 * the choices: the importer validates in a thread of its own. */
static void
ensure_values (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint t = 0; t < G_N_ELEMENTS (record_types); t++)
        {
          IdkRecordType *type = (IdkRecordType *) &record_types[t];
          const char **names = g_new0 (const char *, type->n_fields + 1);

          for (guint f = 0; f < type->n_fields; f++)
            {
              IdkFieldSpec *spec = (IdkFieldSpec *) &type->fields[f];

              names[f] = spec->name;
              if (spec->choices != NULL)
                {
                  guint n = 0;
                  const char **values;

                  while (spec->choices[n].value != NULL)
                    n++;
                  values = g_new0 (const char *, n + 1);
                  for (guint i = 0; i < n; i++)
                    values[i] = spec->choices[i].value;
                  spec->values = values;
                }
            }
          type->field_names = names;
        }
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
has_control_characters (const char *text)
{
  /* json-glib cuts strings at an escaped NUL, so a NUL cannot be inside;
   * control characters other than tab and newlines have no place here. */
  for (const char *p = text; *p; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      return TRUE;
  return FALSE;
}

static gboolean
check_text (const IdkFieldSpec  *spec,
            const char          *text,
            GError             **error)
{
  glong length;

  if (!g_utf8_validate (text, -1, NULL))
    return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This is not valid UTF-8 text."));
  if (has_control_characters (text))
    return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                               _("This text contains control characters."));

  /* Counting stops at the first character past the limit: the bound
   * holds whatever the size of the input. */
  length = g_utf8_strlen (text, (gssize) MIN (strlen (text), (gsize) spec->max_length * 4 + 4));
  if (length > (glong) spec->max_length)
    return _idk_record_refuse (error, IDK_RECORD_ERROR_TOO_LONG, spec->name,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "At most %u character; this text has %lu.",
                                            "At most %u characters; this text has %lu.",
                                            spec->max_length),
                               spec->max_length, (gulong) g_utf8_strlen (text, -1));
  return TRUE;
}

static gboolean
check_date (const IdkFieldSpec  *spec,
            const char          *text,
            GError             **error)
{
  IdkDate date;

  if (!idk_date_parse (text, &date))
    return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                               _("Give a date as 2027-06-30, or 2027-06 or 2027 when only the month or "
                                 "the year is known."));
  if (date.year < IDK_RECORD_FIRST_YEAR || date.year > IDK_RECORD_LAST_YEAR)
    return _idk_record_refuse (error, IDK_RECORD_ERROR_OUT_OF_RANGE, spec->name,
                               _("The year %d is outside %d–%d, the years a date can have here."),
                               date.year, IDK_RECORD_FIRST_YEAR, IDK_RECORD_LAST_YEAR);
  return TRUE;
}

static gboolean
validate_value (const IdkFieldSpec  *spec,
                JsonNode            *node,
                GError             **error)
{
  switch (spec->kind)
    {
    case IDK_FIELD_TEXT:
      if (!node_is (node, G_TYPE_STRING))
        return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This must be text."));
      if (spec->required && _idk_text_is_blank (json_node_get_string (node)))
        return _idk_record_refuse (error, IDK_RECORD_ERROR_REQUIRED, spec->name, _("This is needed."));
      return check_text (spec, json_node_get_string (node), error);

    case IDK_FIELD_INT:
      if (!node_is (node, G_TYPE_INT64))
        return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This must be a whole number."));
      if (ABS (json_node_get_int (node)) > IDK_MAX_SAFE_INTEGER)
        return _idk_record_refuse (error, IDK_RECORD_ERROR_OUT_OF_RANGE, spec->name, _("This number is too large."));
      return TRUE;

    case IDK_FIELD_BOOL:
      if (!node_is (node, G_TYPE_BOOLEAN))
        return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This must be true or false."));
      return TRUE;

    case IDK_FIELD_DATE:
      if (!node_is (node, G_TYPE_STRING))
        return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This must be a date."));
      return check_date (spec, json_node_get_string (node), error);

    case IDK_FIELD_TIME:
      if (!node_is (node, G_TYPE_STRING) || !idk_time_is_valid_text (json_node_get_string (node)))
        return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("Give a time as 09:30."));
      return TRUE;

    case IDK_FIELD_ENUM:
      {
        const char *value;

        if (!node_is (node, G_TYPE_STRING))
          return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This must be text."));
        value = json_node_get_string (node);
        if (!g_strv_contains (spec->values, value))
          {
            g_autofree char *known = g_strjoinv (", ", (char **) spec->values);

            return _idk_record_refuse (error, IDK_RECORD_ERROR_UNKNOWN_VALUE, spec->name,
                                       _("Unknown value “%s”: it is one of %s."), value, known);
          }
        return TRUE;
      }

    case IDK_FIELD_REF:
      if (!node_is (node, G_TYPE_STRING) || !g_uuid_string_is_valid (json_node_get_string (node)))
        return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                                   _("This must name a record by its UUID."));
      return TRUE;

    case IDK_FIELD_REFS:
    case IDK_FIELD_STRINGS:
      {
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name, _("This must be a list."));
        array = json_node_get_array (node);
        if (json_array_get_length (array) > IDK_FIELD_MAX_ELEMENTS)
          return _idk_record_refuse (error, IDK_RECORD_ERROR_TOO_LONG, spec->name,
                                     _("At most %u elements."), IDK_FIELD_MAX_ELEMENTS);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            if (!node_is (element, G_TYPE_STRING))
              return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                                         _("Element %u must be text."), i + 1);
            if (spec->kind == IDK_FIELD_REFS &&
                !g_uuid_string_is_valid (json_node_get_string (element)))
              return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                                         _("Element %u must name a record by its UUID."), i + 1);
            if (spec->kind == IDK_FIELD_STRINGS && !check_text (spec, json_node_get_string (element), error))
              {
                g_prefix_error (error, _("Element %u: "), i + 1);
                return FALSE;
              }
          }
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

const IdkRecordType *
idk_record_type_lookup (const char *name)
{
  if (name == NULL)
    return NULL;

  ensure_values ();
  for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
    if (g_str_equal (record_types[i].name, name))
      return &record_types[i];

  return NULL;
}

const IdkRecordType *
idk_record_type_nth (guint n)
{
  g_return_val_if_fail (n < G_N_ELEMENTS (record_types), NULL);

  ensure_values ();
  return &record_types[n];
}

guint
idk_record_type_count (void)
{
  return G_N_ELEMENTS (record_types);
}

const IdkFieldSpec *
idk_record_type_field (const IdkRecordType *type,
                       const char          *name)
{
  if (type == NULL || name == NULL)
    return NULL;

  for (guint i = 0; i < type->n_fields; i++)
    if (g_str_equal (type->fields[i].name, name))
      return &type->fields[i];

  return NULL;
}

gboolean
idk_record_type_validate (const IdkRecordType  *type,
                          JsonObject           *fields,
                          gboolean              deleted,
                          GError              **error)
{
  JsonObjectIter iter;
  const char *name;

  g_return_val_if_fail (type != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &name, NULL))
    if (idk_record_type_field (type, name) == NULL)
      return _idk_record_refuse (error, IDK_RECORD_ERROR_UNKNOWN_FIELD, name,
                                 _("Not a field of %s."), type->name);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const IdkFieldSpec *spec = &type->fields[i];
      JsonNode *node = json_object_get_member (fields, spec->name);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          /* A tombstone need not carry the record's content. */
          if (spec->required && !deleted)
            return _idk_record_refuse (error, IDK_RECORD_ERROR_REQUIRED, spec->name, _("This is needed."));
          continue;
        }

      if (!validate_value (spec, node, error))
        return FALSE;
    }

  return TRUE;
}

/* The public view of the description ------------------------------------ */

static const IdkFieldSpec *
lookup_field (const char *type,
              const char *field)
{
  return idk_record_type_field (idk_record_type_lookup (type), field);
}

gboolean
idk_record_type_exists (const char *type)
{
  return idk_record_type_lookup (type) != NULL;
}

/**
 * idk_record_type_label:
 *
 * Returns: what the records of @type are called, in the plural
 */
const char *
idk_record_type_label (const char *type)
{
  const IdkRecordType *record_type = idk_record_type_lookup (type);

  return record_type ? g_dgettext (GETTEXT_PACKAGE, record_type->label) : type;
}

/**
 * idk_record_type_field_names:
 *
 * Returns: (nullable): the names of the fields of @type, in order
 */
const char * const *
idk_record_type_field_names (const char *type)
{
  const IdkRecordType *record_type = idk_record_type_lookup (type);

  return record_type ? record_type->field_names : NULL;
}

gboolean
idk_record_field_exists (const char *type,
                         const char *field)
{
  return lookup_field (type, field) != NULL;
}

/**
 * idk_record_field_label:
 *
 * Returns: what the field is called, translated
 */
const char *
idk_record_field_label (const char *type,
                        const char *field)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec ? g_dgettext (GETTEXT_PACKAGE, spec->label) : field;
}

gboolean
idk_record_field_is_required (const char *type,
                              const char *field)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec != NULL && spec->required;
}

gboolean
idk_record_field_is_multiline (const char *type,
                               const char *field)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec != NULL && spec->multiline;
}

/**
 * idk_record_field_max_length:
 *
 * Returns: the most characters a text of the field may have, 0 if the
 *   field is not text
 */
guint
idk_record_field_max_length (const char *type,
                             const char *field)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec != NULL ? spec->max_length : 0;
}

/**
 * idk_record_field_kind:
 *
 * Returns: (nullable): "text", "int", "bool", "date", "time", "enum",
 *   "ref", "refs" or "strings"
 */
const char *
idk_record_field_kind (const char *type,
                       const char *field)
{
  static const char * const kinds[] = {
    [IDK_FIELD_TEXT] = "text", [IDK_FIELD_INT] = "int", [IDK_FIELD_BOOL] = "bool",
    [IDK_FIELD_DATE] = "date", [IDK_FIELD_TIME] = "time", [IDK_FIELD_ENUM] = "enum",
    [IDK_FIELD_REF] = "ref", [IDK_FIELD_REFS] = "refs", [IDK_FIELD_STRINGS] = "strings",
  };
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec ? kinds[spec->kind] : NULL;
}

/**
 * idk_record_field_ref_types:
 *
 * Returns: (nullable): the record types a reference field may name
 */
const char * const *
idk_record_field_ref_types (const char *type,
                            const char *field)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec ? spec->ref_types : NULL;
}

/**
 * idk_record_field_values:
 *
 * Returns: (nullable): the values of an enumerated field, in the order
 *   they are offered, %NULL-terminated
 */
const char * const *
idk_record_field_values (const char *type,
                         const char *field)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  return spec ? spec->values : NULL;
}

/**
 * idk_record_value_label:
 *
 * Returns: what a value of an enumerated field is called, translated; a
 *   value this version does not know (from a newer office) as it is
 */
const char *
idk_record_value_label (const char *type,
                        const char *field,
                        const char *value)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  if (value == NULL)
    return "";
  for (guint i = 0; spec != NULL && spec->choices != NULL && spec->choices[i].value != NULL; i++)
    if (g_str_equal (spec->choices[i].value, value))
      return g_dgettext (GETTEXT_PACKAGE, spec->choices[i].label);

  return value;
}

/**
 * idk_record_check_field:
 * @value: (nullable): the value, %NULL or a JSON null for none
 *
 * Checks one value against its field, as a save would: what a form
 * shows while it is typed into.
 */
gboolean
idk_record_check_field (const char  *type,
                        const char  *field,
                        JsonNode    *value,
                        GError     **error)
{
  const IdkFieldSpec *spec = lookup_field (type, field);

  if (spec == NULL)
    return _idk_record_refuse (error, IDK_RECORD_ERROR_UNKNOWN_FIELD, field,
                               _("Not a field of %s."), type);
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      if (spec->required)
        return _idk_record_refuse (error, IDK_RECORD_ERROR_REQUIRED, spec->name, _("This is needed."));
      return TRUE;
    }
  return validate_value (spec, value, error);
}

/**
 * idk_record_parse_value:
 * @text: the value as typed: a number, true or false, a date, UUIDs or
 *   strings separated by commas; an empty text is no value
 *
 * Returns: (transfer full): the value as stored (a JSON null for none),
 *   checked against the field, or %NULL with @error set
 */
JsonNode *
idk_record_parse_value (const char  *type,
                        const char  *field,
                        const char  *text,
                        GError     **error)
{
  const IdkFieldSpec *spec = lookup_field (type, field);
  g_autoptr(JsonNode) node = NULL;

  if (spec == NULL)
    return _idk_record_refuse (error, IDK_RECORD_ERROR_UNKNOWN_FIELD, field,
                               _("Not a field of %s."), type), NULL;

  if (text == NULL || *text == '\0')
    node = json_node_new (JSON_NODE_NULL);
  else
    switch (spec->kind)
      {
      case IDK_FIELD_INT:
        {
          gint64 value;

          if (!g_ascii_string_to_signed (text, 10, -IDK_MAX_SAFE_INTEGER, IDK_MAX_SAFE_INTEGER, &value, NULL))
            return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                                       _("This must be a whole number.")), NULL;
          node = json_node_init_int (json_node_alloc (), value);
          break;
        }

      case IDK_FIELD_BOOL:
        if (!g_str_equal (text, "true") && !g_str_equal (text, "false"))
          return _idk_record_refuse (error, IDK_RECORD_ERROR_INVALID, spec->name,
                                     _("This must be true or false.")), NULL;
        node = json_node_init_boolean (json_node_alloc (), g_str_equal (text, "true"));
        break;

      case IDK_FIELD_REFS:
      case IDK_FIELD_STRINGS:
        {
          g_auto(GStrv) parts = g_strsplit (text, ",", -1);
          g_autoptr(JsonArray) array = json_array_new ();

          for (guint i = 0; parts[i] != NULL; i++)
            {
              g_strstrip (parts[i]);
              if (*parts[i] != '\0')
                json_array_add_string_element (array, parts[i]);
            }
          node = json_node_init_array (json_node_alloc (), array);
          break;
        }

      default:
        node = json_node_init_string (json_node_alloc (), text);
      }

  if (!idk_record_check_field (type, field, node, error))
    return NULL;
  return g_steal_pointer (&node);
}

/**
 * idk_record_new_fields:
 *
 * Returns: (transfer full): the fields of a new record of @type: each
 *   enumerated field that must have a value has its default
 */
JsonObject *
idk_record_new_fields (const char *type)
{
  const IdkRecordType *record_type = idk_record_type_lookup (type);
  JsonObject *fields = json_object_new ();

  for (guint i = 0; record_type != NULL && i < record_type->n_fields; i++)
    {
      const IdkFieldSpec *spec = &record_type->fields[i];

      if (spec->kind == IDK_FIELD_ENUM && spec->required)
        json_object_set_string_member (fields, spec->name,
                                       spec->default_value ? spec->default_value : spec->values[0]);
    }

  return fields;
}
