/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "idk-bundle.h"
#include "idk-import-private.h"
#include "idk-sha256-private.h"
#include "idk-revision-private.h"
#include "idk-trust-private.h"

/* The envelope of a bundle, checked member by member before any revision
 * is read: json-glib answers a missing or mistyped member with a critical
 * and a default, so every one is looked at first.  And the bundles this
 * office remembers: whether it has seen this one, or another under its
 * origin and number, and the record kept of one imported. */

gboolean
_idk_import_refuse (GError         **error,
                    IdkBundleError   code,
                    const char      *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, IDK_BUNDLE_ERROR, code, message);
  return FALSE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);

  return value ? value : "";
}

gboolean
_idk_import_check_seen (IdkStore    *store,
                        const char  *bundle_id,
                        const char  *origin,
                        gint64       seq,
                        const char  *sha256,
                        gboolean    *already_imported,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *already_imported = FALSE;

  if (!(stmt = _idk_store_prepare (store,
                                   "SELECT bundle_id, origin, seq, sha256 FROM bundles "
                                   "WHERE bundle_id = ?1 OR (origin = ?2 AND seq = ?3)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, bundle_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, origin, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, seq);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean same_id = g_str_equal (column_text (stmt, 0), bundle_id);
      gboolean same_number = g_str_equal (column_text (stmt, 1), origin) && sqlite3_column_int64 (stmt, 2) == seq;
      gboolean same = same_id && same_number && g_str_equal (column_text (stmt, 3), sha256);

      if (!same)
        {
          sqlite3_reset (stmt);
          if (!same_number)
            return _idk_import_refuse (error, IDK_BUNDLE_ERROR_TAMPERED,
                           _("A bundle with the id %s was received before with other content: "
                           "this one was altered or forged"), bundle_id);
          return _idk_import_refuse (error, IDK_BUNDLE_ERROR_TAMPERED,
                         _("Office %s already sent its bundle number %lld with other "
                           "content: this one was altered or forged"), origin, (long long) seq);
        }
      *already_imported = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (store, error);

  if (!*already_imported && g_str_equal (origin, idk_store_get_office_uuid (store)))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_TAMPERED,
                   _("The bundle claims to come from this office, which did not make it"));

  return TRUE;
}

static const char * const envelope_members[] = {
  "format", "format_version", "network_id", "bundle_id", "origin", "seq", "since",
  "created_at", "acks", "signer", "revisions", "revisions_sha256", NULL
};

/* The member as a string, or NULL if it is missing or of another type. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
int_member (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
check_origin (IdkImport   *self,
              JsonObject  *envelope,
              GError     **error)
{
  JsonNode *node = json_object_get_member (envelope, "origin");
  g_autoptr(GList) names = NULL;
  JsonObject *origin;
  const char *organization;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “origin” must be an object"));
  origin = json_node_get_object (node);

  names = json_object_get_members (origin);
  for (const GList *l = names; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "office") && !g_str_equal (l->data, "name") && !g_str_equal (l->data, "organization"))
      return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Unknown member “%s” in the envelope's “origin”"),
                     (const char *) l->data);

  if (!_idk_uuid_is_canonical (string_member (origin, "office")))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “origin.office” must be a UUID in lower case"));
  if (string_member (origin, "name") == NULL || *string_member (origin, "name") == '\0')
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “origin.name” must be a non-empty string"));
  /* An office is named as an organization is. */
  if (g_utf8_strlen (string_member (origin, "name"), -1) > IDK_OFFICE_NAME_MAX)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID,
                               _("Envelope member “origin.name” is %ld characters long; an office’s name has at most %d"),
                               (long) g_utf8_strlen (string_member (origin, "name"), -1), IDK_OFFICE_NAME_MAX);

  node = json_object_get_member (origin, "organization");
  organization = string_member (origin, "organization");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && organization == NULL)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “origin.organization” must be a string or null"));
  /* A label of the sender's (an acronym or name, as its export writes it),
   * shown as text and never looked up: another office may have renamed or
   * deleted that organization since.  Only its length is bounded. */
  if (organization != NULL && g_utf8_strlen (organization, -1) > IDK_OFFICE_NAME_MAX)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID,
                               _("Envelope member “origin.organization” is %ld characters long; at most %d are taken"),
                               (long) g_utf8_strlen (organization, -1), IDK_OFFICE_NAME_MAX);

  self->origin = g_strdup (string_member (origin, "office"));
  self->origin_name = g_strdup (string_member (origin, "name"));
  self->origin_organization = g_strdup (organization);
  return TRUE;
}

static gboolean
check_acks (IdkImport   *self,
            JsonObject  *envelope,
            GError     **error)
{
  JsonNode *node = json_object_get_member (envelope, "acks");
  JsonObject *acks;
  g_autoptr(GList) names = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “acks” must be an object"));
  acks = json_node_get_object (node);

  names = json_object_get_members (acks);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      gint64 value;

      if (!_idk_uuid_is_canonical (l->data))
        return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “acks”: “%s” is not an office UUID"),
                       (const char *) l->data);
      if (!int_member (acks, l->data, &value) || value < 0)
        return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “acks”: the value for %s must be a "
                       "non-negative integer"), (const char *) l->data);
      if (g_str_equal (l->data, idk_store_get_office_uuid (self->store)))
        self->acked_here = value;
    }

  return TRUE;
}

/* "signer": the public key the bundle says it is signed with, and, after
 * a rotation, the office's previous key and its endorsement of this one.
 * Nothing here is believed: idk-trust.c checks it against the signature
 * and the keys this office trusts. */
static gboolean
check_signer (IdkImport   *self,
              JsonObject  *envelope,
              GError     **error)
{
  static const char * const members[] = { "key", "endorsed_by", "endorsement", NULL };
  JsonNode *node = json_object_get_member (envelope, "signer");
  g_autoptr(GList) names = NULL;
  JsonObject *signer;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “signer” must be an object"));
  signer = json_node_get_object (node);
  names = json_object_get_members (signer);
  for (const GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (members, l->data))
      return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Unknown member “%s” in the envelope's “signer”"),
                                 (const char *) l->data);
  for (guint i = 0; members[i] != NULL; i++)
    {
      const char *value = string_member (signer, members[i]);

      if (json_object_has_member (signer, members[i]) && (value == NULL || strlen (value) > 4096))
        return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID,
                                   _("Envelope member “signer.%s” must be a string of at most 4096 bytes"), members[i]);
    }
  if (string_member (signer, "key") == NULL)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “signer.key” is missing"));
  if ((string_member (signer, "endorsed_by") == NULL) != (string_member (signer, "endorsement") == NULL))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID,
                               _("Envelope members “signer.endorsed_by” and “signer.endorsement” go together"));

  self->signer_key = g_strdup (string_member (signer, "key"));
  self->endorsed_by = g_strdup (string_member (signer, "endorsed_by"));
  self->endorsement = g_strdup (string_member (signer, "endorsement"));
  return TRUE;
}

#define CHECKSUM_SLICE (8 << 20)

gboolean
_idk_import_check_envelope (IdkImport          *self,
                            const char         *data,
                            gsize               length,
                            const IdkJsonScan  *scan,
                            GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GString) text = NULL;
  g_autoptr(GList) names = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(IdkSha256) checksum = NULL;
  JsonObject *envelope;
  const char *format, *value;
  gint64 version;

  if (scan->revisions.end == 0)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “revisions” is missing or not an array"));

  /* The envelope alone: the revisions are parsed one by one later. */
  text = g_string_sized_new (scan->revisions.start + (length - scan->revisions.end) + 2);
  g_string_append_len (text, data, (gssize) scan->revisions.start);
  g_string_append (text, "[]");
  g_string_append_len (text, data + scan->revisions.end, (gssize) (length - scan->revisions.end));

  if (!json_parser_load_from_data (parser, text->str, (gssize) text->len, &local))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_MALFORMED, _("The envelope cannot be read: %s"), local->message);
  envelope = json_node_get_object (json_parser_get_root (parser));

  format = string_member (envelope, "format");
  if (g_strcmp0 (format, IDK_BUNDLE_FORMAT) != 0)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Not an IASMN Desk bundle: envelope member “format” is %s%s%s"),
                   format ? "“" : "", format ? format : "missing or not a string", format ? "”" : "");
  if (!int_member (envelope, "format_version", &version))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “format_version” must be an integer"));
  if (version != IDK_BUNDLE_FORMAT_VERSION)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID,
                   _("Bundle format version %lld is not supported (this version reads %d)"),
                   (long long) version, IDK_BUNDLE_FORMAT_VERSION);

  names = json_object_get_members (envelope);
  for (const GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (envelope_members, l->data))
      return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Unknown envelope member “%s”"), (const char *) l->data);

  value = string_member (envelope, "network_id");
  if (value == NULL)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “network_id” must be a string"));
  if (!g_str_equal (value, IDK_NETWORK_ID))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("The bundle belongs to another network (%s)"), value);

  if (!_idk_uuid_is_canonical (string_member (envelope, "bundle_id")))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “bundle_id” must be a UUID in lower case"));
  self->bundle_id = g_strdup (string_member (envelope, "bundle_id"));

  if (!check_origin (self, envelope, error))
    return FALSE;

  if (!int_member (envelope, "seq", &self->seq) || self->seq < 1)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “seq” must be a positive integer"));
  if (!int_member (envelope, "since", &self->since) || self->since < 0 || self->since >= self->seq)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID,
                   _("Envelope member “since” must be an integer from 0 to seq − 1"));

  value = string_member (envelope, "created_at");
  if (value == NULL || !g_utf8_validate (value, -1, NULL) || strlen (value) > 64)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Envelope member “created_at” must be a short string"));
  self->created_at = g_strdup (value);

  if (!check_acks (self, envelope, error) ||
      !check_signer (self, envelope, error))
    return FALSE;

  value = string_member (envelope, "revisions_sha256");
  if (value == NULL || strlen (value) != 64 || strspn (value, "0123456789abcdef") != 64)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID,
                   _("Envelope member “revisions_sha256” must be 64 lower-case hex digits"));

  /* Hashed while the revisions were scanned (see scanned () in
   * idk-import.c), if they were long enough; else here, in slices,
   * giving the pages back as it goes. */
  g_clear_pointer (&self->sha256, g_free);
  if (self->checksum != NULL)
    {
      self->sha256 = _idk_import_checksum_finish (g_steal_pointer (&self->checksum), scan->revisions.end);
      _idk_import_release_pages (data, scan->revisions.end, self);
    }
  if (self->sha256 == NULL)
    {
      checksum = _idk_sha256_new ();
      for (gsize at = scan->revisions.start; at < scan->revisions.end; at += CHECKSUM_SLICE)
        {
          gsize slice = MIN (CHECKSUM_SLICE, scan->revisions.end - at);

          _idk_sha256_update (checksum, data + at, slice);
          _idk_import_release_pages (data, at + slice, self);
        }
      self->sha256 = g_strdup (_idk_sha256_hex (checksum));
    }
  if (!g_str_equal (value, self->sha256))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_TAMPERED,
                   _("The revisions do not match their SHA-256 checksum: the file was altered or damaged"));

  return TRUE;
}


/* What this office remembers of a bundle it imported. */
gboolean
_idk_import_record_bundle (IdkStore               *store,
                           const IdkImportRecord  *record,
                           GError                **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt;

  if (!(stmt = _idk_store_prepare (store,
                                   "INSERT INTO bundles (bundle_id, origin, seq, since, sha256, revisions, at, "
                                   "  signer, trust) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->bundle_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record->origin, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, record->seq);
  sqlite3_bind_int64 (stmt, 4, record->since);
  sqlite3_bind_text (stmt, 5, record->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, record->n_revisions);
  sqlite3_bind_text (stmt, 7, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, record->signer, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, record->trust, -1, SQLITE_STATIC);
  if (!_idk_store_step_done (store, stmt, error) ||
      !_idk_trust_adopt (store, record, error))
    return FALSE;

  /* This database now holds all the origin held at that bundle only if it
   * held all the origin held at the bundle's starting point. */
  if (!(stmt = _idk_store_prepare (store,
                                   "INSERT INTO offices (uuid, name, organization, last_seq, acked) "
                                   "VALUES (?1, ?2, ?3, CASE WHEN ?5 = 0 THEN ?4 ELSE 0 END, ?6) "
                                   "ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, "
                                   "  organization = excluded.organization, "
                                   "  last_seq = CASE WHEN ?5 <= offices.last_seq "
                                   "    THEN max (offices.last_seq, ?4) ELSE offices.last_seq END, "
                                   "  acked = max (offices.acked, excluded.acked)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->origin, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record->origin_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, record->origin_organization, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, record->seq);
  sqlite3_bind_int64 (stmt, 5, record->since);
  sqlite3_bind_int64 (stmt, 6, record->acked_here);
  return _idk_store_step_done (store, stmt, error);
}

/**
 * _idk_import_run_finish:
 * @record: (nullable): the bundle to record and commit, or %NULL to roll
 *   everything back (a preview)
 * @counts: type name → guint[IDK_IMPORT_N_COUNTS], filled in
 *
 * Settles the touched records, checks the references, counts, and commits
 * or rolls back.  Frees @run.
 */
