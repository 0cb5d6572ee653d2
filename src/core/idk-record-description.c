/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-record-type"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-record-type-private.h"

/* The description of each record type that offices exchange: its fields
 * with their labels, kinds, limits, references and values, and the query
 * table it is materialized into (column names are the field names; the
 * tables themselves are created in idk-schema.c).  This is the one place
 * where a field's rules are written; idk-record-type.c checks records
 * against it and answers questions about it. */

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
  TEXT ("time_zone", N_("Time zone"), CODE),
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
  { .name = "carried_to", .label = N_("Carried over to"), .kind = IDK_FIELD_REFS, .ref_types = to_meeting },
};

static IdkFieldSpec action_update_fields[] = {
  REQUIRED_REF ("action", N_("Action"), to_action),
  ONE_OF ("status", N_("Status"), action_statuses),
  { .name = "note", .label = N_("Note"), .kind = IDK_FIELD_TEXT, .max_length = PROSE, .multiline = TRUE },
  TEXT ("author", N_("Author"), NAME),
  REQUIRED_TEXT ("at", N_("When"), CODE),
};

/* The owners live in the action's JSON; the join table and the search
 * index are derived from it so that filters and FTS stay in SQL.
 * A fresh record (see idk-store-settle.c) has no derived rows yet to
 * remove: looking for them was 0.26 s of a 100k import. */
static const char * const action_before_sql[] = {
  "DELETE FROM actions_fts WHERE rowid IN (SELECT a.rowid FROM temp.touched t "
  "  JOIN actions a ON a.uuid = t.record WHERE t.type = ?1 AND t.fresh = 0 AND t.new_winner IS NOT t.old_winner)",
  "DELETE FROM action_owners WHERE action IN (SELECT record FROM temp.touched "
  "  WHERE type = ?1 AND fresh = 0 AND new_winner IS NOT old_winner)",
  NULL
};

/* What the search index holds of an action a: the text of its row and
 * its owners' labels. */
#define INDEX_ACTION \
  "INSERT INTO actions_fts (rowid, reference, topic, text, owners) " \
  "SELECT a.rowid, a.reference, a.topic, a.text, " \
  "  (SELECT group_concat (label, ' ') FROM action_owner_labels l WHERE l.action = a.uuid) "

static const char * const action_after_sql[] = {
  "INSERT OR IGNORE INTO action_owners (action, owner, ordinal) "
  "SELECT a.uuid, j.value, j.key FROM temp.touched t JOIN actions a ON a.uuid = t.record, "
  "  json_each (a.owners) j "
  "WHERE t.type = ?1 AND t.new_live = 1 AND t.new_winner IS NOT t.old_winner",
  INDEX_ACTION
  "FROM temp.touched t JOIN actions a ON a.uuid = t.record "
  "WHERE t.type = ?1 AND t.new_live = 1 AND t.new_winner IS NOT t.old_winner",
  NULL
};

/* An action's indexed owners are its owners' labels: when an owner's
 * winner changes (renamed, deleted, restored), the actions it owns are
 * indexed again, or a search would find them under the old label only.
 * An action being settled in the same pass is indexed again after this
 * by its own statements; one new in it has no owners rows yet. */
static const char * const owner_after_sql[] = {
  "DELETE FROM actions_fts WHERE rowid IN (SELECT a.rowid FROM temp.touched t "
  "  JOIN action_owners o ON o.owner = t.record JOIN actions a ON a.uuid = o.action "
  "  WHERE t.type = ?1 AND t.new_winner IS NOT t.old_winner)",
  INDEX_ACTION
  "FROM actions a WHERE a.uuid IN (SELECT o.action FROM temp.touched t "
  "  JOIN action_owners o ON o.owner = t.record WHERE t.type = ?1 AND t.new_winner IS NOT t.old_winner)",
  NULL
};

#define TYPE(n, l, t, f, ...) { .name = n, .label = l, .table = t, .fields = f, .n_fields = G_N_ELEMENTS (f), __VA_ARGS__ }

IdkRecordType _idk_record_types[] = {
  TYPE ("organization", N_("Organizations"), "organizations", organization_fields,
        .after_sql = owner_after_sql),
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
  TYPE ("working_group", N_("Working groups"), "working_groups", working_group_fields,
        .after_sql = owner_after_sql),
  TYPE ("wg_member", N_("Working group members"), "wg_members", wg_member_fields),
  TYPE ("action", N_("Actions"), "actions", action_fields,
        .before_sql = action_before_sql, .after_sql = action_after_sql),
  TYPE ("action_update", N_("Action updates"), "action_updates", action_update_fields),
};


const guint _idk_n_record_types = G_N_ELEMENTS (_idk_record_types);
