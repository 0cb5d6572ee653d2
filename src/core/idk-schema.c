/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-store-private.h"

/* The whole schema and its migrations.  Each entry takes a database from
 * version N to N + 1 and is never edited once released: a change is a new
 * entry.  The query tables hold the current winner of each record's
 * revisions; their columns are the fields of idk-record-type.c.
 */

static const char schema_v1[] =
  /* --- exchange ------------------------------------------------------- */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE offices ("
  "  uuid TEXT PRIMARY KEY,"
  "  name TEXT,"
  "  organization TEXT,"
  "  last_seq INTEGER NOT NULL DEFAULT 0"
  ") WITHOUT ROWID;"

  /* rowid records the order of arrival, for incremental export. */
  "CREATE TABLE revisions ("
  "  rev_id TEXT NOT NULL UNIQUE,"
  "  record_uuid TEXT NOT NULL,"
  "  record_type TEXT NOT NULL,"
  "  hlc INTEGER NOT NULL,"
  "  office_uuid TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),"
  "  parents TEXT NOT NULL CHECK (json_valid (parents)),"
  "  fields TEXT NOT NULL CHECK (json_valid (fields)),"
  "  is_leaf INTEGER NOT NULL CHECK (is_leaf IN (0, 1))"
  ");"
  "CREATE INDEX revisions_leaves ON revisions (record_uuid, is_leaf);"

  "CREATE TABLE rev_parents ("
  "  rev_id TEXT NOT NULL REFERENCES revisions (rev_id) ON DELETE CASCADE,"
  "  parent_rev_id TEXT NOT NULL,"
  "  PRIMARY KEY (rev_id, parent_rev_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX rev_parents_parent ON rev_parents (parent_rev_id);"

  /* One row per record: its type, winning revision and number of leaves
   * (more than one is a conflict). */
  "CREATE TABLE records ("
  "  uuid TEXT PRIMARY KEY,"
  "  type TEXT NOT NULL,"
  "  winner_rev TEXT NOT NULL REFERENCES revisions (rev_id),"
  "  deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),"
  "  leaves INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE INDEX records_type ON records (type, deleted);"
  "CREATE INDEX records_conflicts ON records (leaves) WHERE leaves > 1;"

  /* --- organizations and governance ----------------------------------- */
  "CREATE TABLE organizations ("
  "  uuid TEXT PRIMARY KEY,"
  "  acronym TEXT,"
  "  name TEXT NOT NULL,"
  "  category TEXT NOT NULL,"
  "  parent TEXT,"
  "  aliases TEXT"
  ");"
  "CREATE INDEX organizations_acronym ON organizations (acronym);"

  "CREATE TABLE bodies ("
  "  uuid TEXT PRIMARY KEY,"
  "  acronym TEXT,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  parent TEXT,"
  "  relation TEXT,"
  "  description TEXT"
  ");"

  "CREATE TABLE body_members ("
  "  uuid TEXT PRIMARY KEY,"
  "  body TEXT NOT NULL,"
  "  organization TEXT NOT NULL,"
  "  role TEXT,"
  "  from_date TEXT,"
  "  to_date TEXT"
  ");"
  "CREATE INDEX body_members_body ON body_members (body);"

  "CREATE TABLE rules ("
  "  uuid TEXT PRIMARY KEY,"
  "  code TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  text TEXT,"
  "  source TEXT,"
  "  agreed_on TEXT NOT NULL,"
  "  parameter INTEGER"
  ");"

  /* --- accountability ------------------------------------------------- */
  "CREATE TABLE actors ("
  "  uuid TEXT PRIMARY KEY,"
  "  code TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  short_title TEXT,"
  "  section TEXT,"
  "  summary TEXT,"
  "  responsibilities TEXT,"
  "  collective INTEGER,"
  "  ordinal INTEGER"
  ");"

  "CREATE TABLE relationships ("
  "  uuid TEXT PRIMARY KEY,"
  "  actor TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  target_actor TEXT,"
  "  target_body TEXT,"
  "  via_actor TEXT,"
  "  note TEXT,"
  "  ordinal INTEGER"
  ");"
  "CREATE INDEX relationships_actor ON relationships (actor);"
  "CREATE INDEX relationships_target ON relationships (target_actor);"

  "CREATE TABLE places ("
  "  uuid TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  parent TEXT"
  ");"

  "CREATE TABLE persons ("
  "  uuid TEXT PRIMARY KEY,"
  "  honorific TEXT,"
  "  name TEXT NOT NULL,"
  "  organization TEXT,"
  "  title TEXT"
  ");"

  "CREATE TABLE posts ("
  "  uuid TEXT PRIMARY KEY,"
  "  actor TEXT NOT NULL,"
  "  place TEXT NOT NULL,"
  "  organization TEXT,"
  "  title TEXT"
  ");"
  "CREATE INDEX posts_actor ON posts (actor);"

  "CREATE TABLE appointments ("
  "  uuid TEXT PRIMARY KEY,"
  "  post TEXT NOT NULL,"
  "  person TEXT NOT NULL,"
  "  from_date TEXT,"
  "  to_date TEXT,"
  "  ad_interim INTEGER,"
  "  attested INTEGER,"
  "  note TEXT"
  ");"
  "CREATE INDEX appointments_post ON appointments (post);"

  /* The tree of the Accountability view: each actor under the actor of
   * its strongest line (accountable to, through the intermediary if one
   * is named; then reports to, appointed by, advises, acts ad interim). */
  "CREATE VIEW actor_tree AS "
  "SELECT a.uuid AS uuid, ("
  "  SELECT coalesce (r.via_actor, r.target_actor) FROM relationships r"
  "  WHERE r.actor = a.uuid AND coalesce (r.via_actor, r.target_actor) IS NOT NULL"
  "    AND r.kind IN ('accountable-to', 'reports-to', 'appointed-by', 'advises', 'acts-ad-interim-for')"
  "  ORDER BY CASE r.kind WHEN 'accountable-to' THEN 0 WHEN 'reports-to' THEN 1"
  "    WHEN 'appointed-by' THEN 2 WHEN 'advises' THEN 3 ELSE 4 END, r.ordinal"
  "  LIMIT 1) AS parent "
  "FROM actors a;"

  /* --- meetings ------------------------------------------------------- */
  "CREATE TABLE meetings ("
  "  uuid TEXT PRIMARY KEY,"
  "  body TEXT,"
  "  working_group TEXT,"
  "  type TEXT NOT NULL,"
  "  number INTEGER,"
  "  title TEXT NOT NULL,"
  "  start_date TEXT NOT NULL,"
  "  end_date TEXT,"
  "  city TEXT,"
  "  country TEXT,"
  "  venue TEXT,"
  "  host_organization TEXT,"
  "  host_name TEXT,"
  "  chair TEXT,"
  "  co_chair TEXT,"
  "  secretary TEXT,"
  "  status TEXT NOT NULL,"
  "  source TEXT,"
  "  reported_orgs INTEGER,"
  "  reported_observer_orgs INTEGER,"
  "  reported_persons INTEGER,"
  "  reported_observer_persons INTEGER"
  ");"
  "CREATE INDEX meetings_start ON meetings (start_date);"

  /* A meeting as lists show it; the column order is read by position in
   * idk-store-queries.c. */
  "CREATE VIEW meeting_rows AS "
  "SELECT m.uuid, m.title, m.type, m.start_date, m.end_date, m.city, m.country, m.venue,"
  "  coalesce (h.acronym, h.name, m.host_name) AS host, m.status,"
  "  (SELECT trim (coalesce (p.honorific || ' ', '') || p.name) FROM persons p WHERE p.uuid = m.chair),"
  "  (SELECT trim (coalesce (p.honorific || ' ', '') || p.name) FROM persons p WHERE p.uuid = m.co_chair),"
  "  (SELECT trim (coalesce (p.honorific || ' ', '') || p.name) FROM persons p WHERE p.uuid = m.secretary),"
  "  m.source,"
  "  (SELECT count(*) FROM participants p WHERE p.meeting = m.uuid),"
  "  (SELECT count(*) FROM participants p WHERE p.meeting = m.uuid AND p.role = 'observer'),"
  "  m.reported_orgs, m.reported_observer_orgs, m.reported_persons, m.number,"
  "  m.title || ' ' || coalesce (m.city, '') || ' ' || coalesce (m.country, '') || ' ' ||"
  "  coalesce (m.venue, '') || ' ' || coalesce (h.acronym, h.name, m.host_name, '') || ' ' ||"
  "  m.start_date AS search "
  "FROM meetings m LEFT JOIN organizations h ON h.uuid = m.host_organization;"

  "CREATE TABLE agenda_items ("
  "  uuid TEXT PRIMARY KEY,"
  "  meeting TEXT NOT NULL,"
  "  day TEXT,"
  "  start_time TEXT,"
  "  end_time TEXT,"
  "  title TEXT NOT NULL,"
  "  presenter TEXT,"
  "  crp TEXT,"
  "  ordinal INTEGER,"
  "  parent TEXT,"
  "  kind TEXT NOT NULL"
  ");"
  "CREATE INDEX agenda_items_meeting ON agenda_items (meeting, ordinal);"

  "CREATE TABLE documents ("
  "  uuid TEXT PRIMARY KEY,"
  "  meeting TEXT NOT NULL,"
  "  symbol TEXT NOT NULL,"
  "  number INTEGER,"
  "  title TEXT"
  ");"
  "CREATE INDEX documents_meeting ON documents (meeting, number);"

  "CREATE TABLE participants ("
  "  uuid TEXT PRIMARY KEY,"
  "  meeting TEXT NOT NULL,"
  "  person TEXT,"
  "  organization TEXT,"
  "  affiliation TEXT,"
  "  role TEXT NOT NULL,"
  "  function TEXT,"
  "  ordinal INTEGER"
  ");"
  "CREATE INDEX participants_meeting ON participants (meeting, ordinal);"

  /* --- working groups ------------------------------------------------- */
  "CREATE TABLE working_groups ("
  "  uuid TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  acronym TEXT,"
  "  body TEXT,"
  "  parent_group TEXT,"
  "  status TEXT NOT NULL,"
  "  tor_status TEXT NOT NULL,"
  "  tor_meeting TEXT,"
  "  created_meeting TEXT,"
  "  disbanded_meeting TEXT,"
  "  description TEXT"
  ");"

  "CREATE TABLE wg_members ("
  "  uuid TEXT PRIMARY KEY,"
  "  working_group TEXT NOT NULL,"
  "  organization TEXT,"
  "  person TEXT,"
  "  role TEXT NOT NULL,"
  "  note TEXT"
  ");"
  "CREATE INDEX wg_members_group ON wg_members (working_group);"

  /* --- actions -------------------------------------------------------- */
  "CREATE TABLE actions ("
  "  uuid TEXT NOT NULL UNIQUE,"
  "  meeting TEXT NOT NULL,"
  "  reference TEXT NOT NULL,"
  "  paragraph INTEGER,"
  "  topic TEXT,"
  "  text TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  owners TEXT,"
  "  due_date TEXT,"
  "  due_meeting TEXT,"
  "  status TEXT NOT NULL,"
  "  ordinal INTEGER"
  ");"
  "CREATE INDEX actions_meeting ON actions (meeting, ordinal);"
  "CREATE INDEX actions_status ON actions (status);"

  "CREATE TABLE action_owners ("
  "  action TEXT NOT NULL REFERENCES actions (uuid) ON DELETE CASCADE,"
  "  owner TEXT NOT NULL,"
  "  ordinal INTEGER,"
  "  PRIMARY KEY (action, owner)"
  ") WITHOUT ROWID;"
  "CREATE INDEX action_owners_owner ON action_owners (owner);"

  "CREATE VIEW action_owner_labels AS "
  "SELECT o.action AS action, o.ordinal AS ordinal,"
  "  coalesce (org.acronym, org.name, wg.acronym, wg.name) AS label "
  "FROM action_owners o "
  "LEFT JOIN organizations org ON org.uuid = o.owner "
  "LEFT JOIN working_groups wg ON wg.uuid = o.owner;"

  "CREATE TABLE action_updates ("
  "  uuid TEXT PRIMARY KEY,"
  "  action TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  note TEXT,"
  "  author TEXT,"
  "  at TEXT NOT NULL"
  ");"
  "CREATE INDEX action_updates_action ON action_updates (action, at);"

  "CREATE VIRTUAL TABLE actions_fts USING fts5 ("
  "  reference, topic, text, owners,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");";

/* Version 2: the bookkeeping of exchange.  offices.last_seq is the highest
 * seq of that office's bundles whose whole content this database holds;
 * offices.acked the highest seq of this office's own bundles that office
 * has acknowledged, where its next incremental export starts.  Every
 * bundle made or imported is remembered, so that a repeat is recognised
 * and the same origin and seq with other content refused. */
static const char schema_v2[] =
  "ALTER TABLE offices ADD COLUMN acked INTEGER NOT NULL DEFAULT 0;"

  "CREATE TABLE bundles ("
  "  bundle_id TEXT PRIMARY KEY,"
  "  origin TEXT NOT NULL,"
  "  seq INTEGER NOT NULL CHECK (seq > 0),"
  "  since INTEGER NOT NULL CHECK (since >= 0 AND since < seq),"
  "  sha256 TEXT NOT NULL,"
  "  recipient TEXT,"
  "  watermark INTEGER,"
  "  revisions INTEGER NOT NULL,"
  "  at TEXT NOT NULL,"
  "  UNIQUE (origin, seq)"
  ") WITHOUT ROWID;";

/* Version 3: the session cycle.  An action carried over to later sessions
 * lists them (its review trail); a meeting may name the IANA time zone of
 * its city, for calendars with timed days. */
static const char schema_v3[] =
  "ALTER TABLE actions ADD COLUMN carried_to TEXT;"
  "ALTER TABLE meetings ADD COLUMN time_zone TEXT;";

/* Version 4: trusted exchange.  The keys of offices: this office's own
 * (the secret halves are files in the user's data directory) and those it
 * trusts, each bound to one office; a revoked key's bundles after
 * revoked_after are refused.  Each bundle records who signed it and how it
 * was accepted ("trusted", "built-in", or accepted by the user unsigned or
 * from an untrusted key). */
static const char schema_v4[] =
  "CREATE TABLE keys ("
  "  fingerprint TEXT PRIMARY KEY,"
  "  public_key TEXT NOT NULL,"
  "  office TEXT NOT NULL,"
  "  name TEXT,"
  "  added_at TEXT NOT NULL,"
  "  introduced_by TEXT,"
  "  replaced_by TEXT,"
  "  revoked_at TEXT,"
  "  revoked_after INTEGER"
  ") WITHOUT ROWID;"
  "CREATE INDEX keys_office ON keys (office);"
  "ALTER TABLE bundles ADD COLUMN signer TEXT;"
  "ALTER TABLE bundles ADD COLUMN trust TEXT;"

  /* An owner deleted (here or by another office) keeps its place in the
   * action's owners, under its last name marked as deleted: refusing such
   * a reference would make the outcome depend on which came first, the
   * action or the deletion.  idk_deleted_label () is registered on every
   * connection (idk-store-open.c), for the translation. */
  "DROP VIEW action_owner_labels;"
  "CREATE VIEW action_owner_labels AS "
  "SELECT o.action AS action, o.ordinal AS ordinal,"
  "  coalesce (org.acronym, org.name, wg.acronym, wg.name,"
  "    (SELECT idk_deleted_label (coalesce (json_extract (v.fields, '$.acronym'), json_extract (v.fields, '$.name')))"
  "     FROM records r JOIN revisions v ON v.rev_id = r.winner_rev WHERE r.uuid = o.owner AND r.deleted = 1)) AS label "
  "FROM action_owners o "
  "LEFT JOIN organizations org ON org.uuid = o.owner "
  "LEFT JOIN working_groups wg ON wg.uuid = o.owner;";

/* Version 5: records loses its index by type.  Only the reference
 * choosers read records by type, and they find a type's live records in
 * its own table; the index was 26 MB of a 100,000-action database and a
 * third of the time its records rows took to write. */
static const char schema_v5[] =
  "DROP INDEX records_type;";

/* Version 6: the bundles this office mailed, kept until its hub holds
 * them too, so that an office that gets one both ways imports it once. */
static const char schema_v6[] =
  "CREATE TABLE hub_outbox ("
  "  seq INTEGER PRIMARY KEY,"
  "  after INTEGER NOT NULL,"
  "  bundle BLOB NOT NULL,"
  "  signature TEXT NOT NULL"
  ");";

static const char * const migrations[] = {
  schema_v1,
  schema_v2,
  schema_v3,
  schema_v4,
  schema_v5,
  schema_v6,
};

int
_idk_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

gboolean
_idk_schema_migrate (sqlite3  *db,
                     int       from_version,
                     GError  **error)
{
  g_assert (from_version >= 0);

  for (int version = from_version; version < (int) G_N_ELEMENTS (migrations); version++)
    {
      g_autofree char *set_version = NULL;
      char *message = NULL;

      g_debug ("Migrating schema from version %d to %d", version, version + 1);

      set_version = g_strdup_printf ("PRAGMA user_version = %d;", version + 1);
      if (sqlite3_exec (db, migrations[version], NULL, NULL, &message) != SQLITE_OK ||
          sqlite3_exec (db, set_version, NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_SQL,
                       _("Cannot migrate the database to version %d: %s"),
                       version + 1, message ? message : "unknown error");
          sqlite3_free (message);
          return FALSE;
        }
    }

  return TRUE;
}
