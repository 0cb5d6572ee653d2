/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-trust"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "idk-bundle.h"
#include "idk-trust-private.h"

/* Signatures on bundles: the exporter's side (the envelope's "signer" and
 * the trusted comment) and the importer's (who signed, whether this office
 * trusts the key, and the refusals that no user choice overrides: a
 * signature that does not match the bytes, a signer that is not the
 * origin office, a revoked key, a signature taken from another bundle).
 */

/**
 * idk_trust_bundle_comment:
 *
 * The trusted comment of a bundle's signature: one line of JSON naming the
 * office, the bundle's number and its revisions' checksum, so that a
 * signature cannot be moved to another bundle.  A bundle signed with the
 * stock `minisign -S -t` needs this comment.
 *
 * Returns: (transfer full): the comment
 */
char *
idk_trust_bundle_comment (const char *office,
                           const char *name,
                           gint64      seq,
                           const char *sha256)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "iasmn_bundle");
  json_builder_add_string_value (builder, office);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "seq");
  json_builder_add_int_value (builder, seq);
  json_builder_set_member_name (builder, "revisions_sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  /* A name holds no line break (json_to_string escapes them anyway). */
  return json_to_string (root, FALSE);
}

static void
append_json_string (GString    *out,
                    const char *value)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);
  g_autofree char *quoted = json_to_string (node, FALSE);

  g_string_append (out, quoted);
}

void
_idk_trust_write_signer (IdkStore   *self,
                         IdkKeyPair *pair,
                         GString    *head)
{
  g_autofree char *public_key = idk_key_pair_get_public (pair);
  g_autofree char *endorsed_by = _idk_store_get_meta (self, "key_endorsed_by");
  g_autofree char *endorsement = _idk_store_get_meta (self, "key_endorsement");

  g_string_append (head, "\"signer\":{\"key\":");
  append_json_string (head, public_key);
  if (endorsed_by != NULL && endorsement != NULL)
    {
      g_string_append (head, ",\"endorsed_by\":");
      append_json_string (head, endorsed_by);
      g_string_append (head, ",\"endorsement\":");
      append_json_string (head, endorsement);
    }
  g_string_append (head, "},\n");
}

static gboolean
comment_matches (IdkImport  *self,
                 const char *comment)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *seq;

  if (comment == NULL || !json_parser_load_from_data (parser, comment, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  object = json_node_get_object (json_parser_get_root (parser));
  seq = json_object_get_member (object, "seq");
  return g_strcmp0 (json_object_get_string_member_with_default (object, "iasmn_bundle", NULL), self->origin) == 0 &&
         g_strcmp0 (json_object_get_string_member_with_default (object, "revisions_sha256", NULL), self->sha256) == 0 &&
         seq != NULL && JSON_NODE_HOLDS_VALUE (seq) && json_node_get_value_type (seq) == G_TYPE_INT64 &&
         json_node_get_int (seq) == self->seq;
}

/* The bytes against a key, and the trusted comment against the envelope. */
static gboolean
verify (IdkImport   *self,
        const char  *public_key,
        GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *comment = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (self->bytes, &length);

  /* The bytes are in memory and never change: checked once per key, the
   * apply after a preview does not hash a large bundle again. */
  if (g_strcmp0 (self->verified_key, public_key) == 0)
    return TRUE;
  if (!idk_signature_verify (public_key, data, length, self->signature, &comment, &local))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_TAMPERED, _("The signature is refused: %s"), local->message);
  if (!comment_matches (self, comment))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_TAMPERED,
                               _("The signature was made for another bundle (its trusted comment is %s), not for "
                                 "bundle %lld of office %s: it was moved from one bundle to another"),
                               comment, (long long) self->seq, self->origin);
  g_free (self->verified_key);
  self->verified_key = g_strdup (public_key);
  return TRUE;
}

void
_idk_held_key_clear (IdkHeldKey *key)
{
  g_clear_pointer (&key->public_key, g_free);
  g_clear_pointer (&key->office, g_free);
  g_clear_pointer (&key->name, g_free);
  g_clear_pointer (&key->revoked_at, g_free);
}

/* The key with @fingerprint this office knows (trusted, own or revoked),
 * with its office's current name: the one lookup of the keys table. */
gboolean
_idk_trust_find_key (IdkStore    *store,
                     const char  *fingerprint,
                     IdkHeldKey  *key,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (!(stmt = _idk_store_prepare (store,
                                   "SELECT k.public_key, k.office, coalesce (o.name, k.name), k.revoked_at, "
                                   "  k.revoked_after "
                                   "FROM keys k LEFT JOIN offices o ON o.uuid = k.office WHERE k.fingerprint = ?1",
                                   error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, fingerprint, -1, SQLITE_STATIC);
  if ((found = sqlite3_step (stmt) == SQLITE_ROW))
    {
      key->public_key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      key->office = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      key->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      key->revoked_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      key->revoked_after = sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_reset (stmt);
  return found;
}

/* A new key of the origin office, endorsed by a key of that office this
 * one trusts and has not revoked: a rotation. */
static gboolean
endorsed (IdkImport  *self,
          const char *fingerprint)
{
  g_autofree char *endorser = idk_key_fingerprint (self->endorsed_by);
  g_autofree char *comment = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(IdkHeldKey) key = { NULL, };
  JsonObject *object;

  if (endorser == NULL || !_idk_trust_find_key (self->store, endorser, &key, NULL) ||
      key.revoked_at != NULL || g_strcmp0 (key.office, self->origin) != 0 ||
      g_strcmp0 (key.public_key, self->endorsed_by) != 0)
    return FALSE;
  if (!idk_signature_verify (self->endorsed_by, (const guint8 *) self->signer_key, strlen (self->signer_key),
                             self->endorsement, &comment, NULL) ||
      !json_parser_load_from_data (parser, comment, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  object = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "office", NULL), self->origin) != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "key", NULL), fingerprint) != 0)
    return FALSE;

  self->adopt_key = g_strdup (self->signer_key);
  self->adopt_from = g_steal_pointer (&endorser);
  return TRUE;
}

static void
read_signature (IdkImport *self)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (self->signature_read)
    return;
  self->signature_read = TRUE;
  if (self->path == NULL)
    return;
  path = g_strconcat (self->path, ".minisig", NULL);
  /* A signature is a few hundred bytes: anything much larger is not one. */
  if (g_file_get_contents (path, &text, &length, NULL) && length <= 16384)
    self->signature = g_steal_pointer (&text);
  else if (text != NULL)
    self->signature = g_strdup ("");
}

/**
 * _idk_trust_check_import:
 *
 * Finds who signed the bundle and whether this office trusts the key;
 * refuses a signature that does not hold.  Leaves to the apply step the
 * refusal of a bundle that is unsigned or signed by an unknown key, which
 * the user may accept.
 */
gboolean
_idk_trust_check_import (IdkImport  *self,
                         GError    **error)
{
  g_auto(IdkHeldKey) key = { NULL, };
  g_autofree char *fingerprint = NULL;
  g_autofree char *claimed = NULL;

  /* Run again at apply: the keys may have changed since the preview. */
  self->trust = IDK_TRUST_UNSIGNED;
  g_clear_pointer (&self->signer_fingerprint, g_free);
  g_clear_pointer (&self->signer_office_name, g_free);
  g_clear_pointer (&self->adopt_key, g_free);
  g_clear_pointer (&self->adopt_from, g_free);
  if (self->built_in)
    {
      self->trust = IDK_TRUST_BUILT_IN;
      return TRUE;
    }
  read_signature (self);
  if (self->signature == NULL)
    return TRUE;

  if (!(fingerprint = idk_signature_get_key_id (self->signature)))
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_TAMPERED,
                               _("The signature beside the bundle is not a signature of minisign’s format"));
  self->signer_fingerprint = g_strdup (fingerprint);

  if (_idk_trust_find_key (self->store, fingerprint, &key, error))
    {
      self->signer_office_name = g_strdup (key.name);
      if (!g_str_equal (key.office, self->origin))
        return _idk_import_refuse (error, IDK_BUNDLE_ERROR_TAMPERED,
                                   _("The bundle says it comes from “%s” (office %s), but it is signed with the key "
                                     "of “%s” (office %s): it is forged"),
                                   self->origin_name, self->origin, key.name ? key.name : key.office, key.office);
      if (!verify (self, key.public_key, error))
        return FALSE;
      if (key.revoked_at != NULL && self->seq > key.revoked_after)
        return _idk_import_refuse (error, IDK_BUNDLE_ERROR_REVOKED,
                                   _("The bundle is signed with key %s of “%s”, revoked here on %s: its bundles after "
                                     "number %lld are refused"),
                                   fingerprint, self->origin_name, key.revoked_at, (long long) key.revoked_after);
      self->trust = IDK_TRUST_TRUSTED;
      return TRUE;
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  /* A key this office does not know: the one the envelope names, if it
   * made the signature, shows what the user would be trusting. */
  claimed = self->signer_key ? idk_key_fingerprint (self->signer_key) : NULL;
  self->trust = IDK_TRUST_UNKNOWN_KEY;
  if (g_strcmp0 (claimed, fingerprint) != 0)
    return TRUE;
  if (!verify (self, self->signer_key, error))
    return FALSE;
  if (self->endorsement != NULL && endorsed (self, fingerprint))
    self->trust = IDK_TRUST_TRUSTED;
  return TRUE;
}

/* At apply: a bundle no trusted key vouches for goes in only when the user
 * said so for this import. */
gboolean
_idk_trust_check_accepted (IdkImport  *self,
                           GError    **error)
{
  if (self->trust == IDK_TRUST_TRUSTED || self->trust == IDK_TRUST_BUILT_IN || self->accept_untrusted)
    return TRUE;
  if (self->trust == IDK_TRUST_UNSIGNED)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_UNTRUSTED,
                               _("The bundle is not signed: nothing shows it comes from “%s”. Import it only if you "
                                 "know where it comes from, by accepting it explicitly"), self->origin_name);
  return _idk_import_refuse (error, IDK_BUNDLE_ERROR_UNTRUSTED,
                             _("The bundle is signed with key %s, which this office does not trust: trust the key of "
                               "“%s” once you have confirmed its fingerprint with them, or accept this bundle "
                               "explicitly"), self->signer_fingerprint, self->origin_name);
}

/* On apply: the origin's rotated key is trusted from now on, its old one
 * marked replaced. */
gboolean
_idk_trust_adopt (IdkStore               *store,
                  const IdkImportRecord  *record,
                  GError                **error)
{
  g_autofree char *fingerprint = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *at = NULL;
  sqlite3_stmt *stmt;

  if (record->adopt_key == NULL)
    return TRUE;
  fingerprint = idk_key_fingerprint (record->adopt_key);
  now = g_date_time_new_now_utc ();
  at = g_date_time_format_iso8601 (now);
  if (!(stmt = _idk_store_prepare (store,
                                   "INSERT OR IGNORE INTO keys (fingerprint, public_key, office, name, added_at, "
                                   "  introduced_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, fingerprint, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record->adopt_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, record->origin, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, record->origin_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, record->adopt_from, -1, SQLITE_STATIC);
  if (!_idk_store_step_done (store, stmt, error))
    return FALSE;
  if (!(stmt = _idk_store_prepare (store, "UPDATE keys SET replaced_by = ?2 WHERE fingerprint = ?1 "
                                   "AND replaced_by IS NULL", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->adopt_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fingerprint, -1, SQLITE_STATIC);
  return _idk_store_step_done (store, stmt, error);
}

/**
 * idk_store_describe_keys:
 *
 * Returns: (transfer full): this office's key (fingerprint, public key,
 *   key files) and every key it knows, as one JSON object
 */
JsonNode *
idk_store_describe_keys (IdkStore  *self,
                         GError   **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *secret_path = NULL;
  g_autofree char *public_path = NULL;
  g_autofree char *fingerprint = NULL;
  static const char * const columns[] = {
    "fingerprint", "public_key", "office", "name", "added_at", "introduced_by", "replaced_by", "revoked_at",
  };
  sqlite3_stmt *stmt;
  int rc;

  if (!idk_store_get_key_files (self, &secret_path, &public_path, error))
    return NULL;
  fingerprint = idk_store_get_key_fingerprint (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "office");
  json_builder_add_string_value (builder, idk_store_get_office_uuid (self));
  json_builder_set_member_name (builder, "fingerprint");
  json_builder_add_string_value (builder, fingerprint);
  json_builder_set_member_name (builder, "secret_key_file");
  json_builder_add_string_value (builder, secret_path);
  json_builder_set_member_name (builder, "public_key_file");
  json_builder_add_string_value (builder, public_path);
  json_builder_set_member_name (builder, "keys");
  json_builder_begin_array (builder);

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT k.fingerprint, k.public_key, k.office, coalesce (o.name, k.name), "
                                   "  k.added_at, k.introduced_by, k.replaced_by, k.revoked_at, k.revoked_after, "
                                   "  k.office = ?1 "
                                   "FROM keys k LEFT JOIN offices o ON o.uuid = k.office "
                                   "ORDER BY k.fingerprint = ?2 DESC, k.office = ?1 DESC, coalesce (o.name, k.name), "
                                   "  k.added_at", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, idk_store_get_office_uuid (self), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fingerprint, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          json_builder_set_member_name (builder, columns[i]);
          if (sqlite3_column_type (stmt, (int) i) == SQLITE_NULL)
            json_builder_add_null_value (builder);
          else
            json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, (int) i));
        }
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        {
          json_builder_set_member_name (builder, "revoked_after");
          json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 8));
        }
      json_builder_set_member_name (builder, "own");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 9));
      json_builder_set_member_name (builder, "current");
      json_builder_add_boolean_value (builder, g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0),
                                                          fingerprint) == 0);
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _idk_store_sql_error (self, error);
      return NULL;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* What the bundles table keeps of how a bundle was let in. */
const char *
_idk_trust_describe_acceptance (IdkImport *self)
{
  switch ((IdkTrust) self->trust)
    {
    case IDK_TRUST_TRUSTED:
      return "trusted";
    case IDK_TRUST_BUILT_IN:
      return "built-in";
    case IDK_TRUST_UNSIGNED:
      return "accepted-unsigned";
    case IDK_TRUST_UNKNOWN_KEY:
    default:
      return "accepted-untrusted";
    }
}

/* The importer's side of signatures, public. */

/**
 * idk_import_set_signature:
 * @signature: (nullable): the text of the bundle's .minisig, for a bundle
 *   that does not come from a file (for a file, the one beside it is read)
 */
void
idk_import_set_signature (IdkImport  *self,
                          const char *signature)
{
  g_return_if_fail (IDK_IS_IMPORT (self));
  g_return_if_fail (!self->loaded);

  g_free (self->signature);
  self->signature = g_strdup (signature);
  self->signature_read = TRUE;
}

/**
 * idk_import_set_accept_untrusted:
 *
 * The user's explicit choice, for this import only, to take a bundle that
 * is unsigned or signed by a key this office does not trust; recorded
 * with the bundle.  A signature that does not hold is refused whatever.
 */
void
idk_import_set_accept_untrusted (IdkImport *self,
                                 gboolean   accept)
{
  g_return_if_fail (IDK_IS_IMPORT (self));
  self->accept_untrusted = accept;
}

void
_idk_import_set_built_in (IdkImport *self)
{
  self->built_in = TRUE;
}

/**
 * idk_import_get_trust:
 *
 * Returns: an #IdkTrust, known once the bundle is prepared
 */
int
idk_import_get_trust (IdkImport *self)
{
  g_return_val_if_fail (IDK_IS_IMPORT (self), IDK_TRUST_UNSIGNED);
  return self->trust;
}

const char *
idk_import_get_signer_fingerprint (IdkImport *self)
{
  g_return_val_if_fail (IDK_IS_IMPORT (self), NULL);
  return self->signer_fingerprint;
}

/* The public key the envelope names, verified to have made the signature
 * when idk_import_get_trust() is IDK_TRUST_UNKNOWN_KEY and the fingerprints
 * agree: what the user would trust. */
const char *
idk_import_get_signer_key (IdkImport *self)
{
  g_autofree char *claimed = NULL;

  g_return_val_if_fail (IDK_IS_IMPORT (self), NULL);
  if (self->signer_key == NULL || self->signer_fingerprint == NULL)
    return NULL;
  claimed = idk_key_fingerprint (self->signer_key);
  return g_strcmp0 (claimed, self->signer_fingerprint) == 0 ? self->signer_key : NULL;
}

/**
 * idk_import_describe_signer:
 *
 * Returns: (transfer full): one sentence on who signed the bundle, plain
 *   text
 */
char *
idk_import_describe_signer (IdkImport *self)
{
  g_autofree char *fingerprint = NULL;

  g_return_val_if_fail (IDK_IS_IMPORT (self), NULL);

  fingerprint = idk_key_format_fingerprint (self->signer_fingerprint);
  switch ((IdkTrust) self->trust)
    {
    case IDK_TRUST_BUILT_IN:
      return g_strdup (_("The default data of IASMN Desk"));
    case IDK_TRUST_TRUSTED:
      if (self->adopt_key != NULL)
        return g_strdup_printf (_("Signed by “%s” with its new key %s, endorsed by its previous key, which this "
                                  "office trusts"), self->origin_name, fingerprint);
      return g_strdup_printf (_("Signed by “%s” with key %s, which this office trusts"),
                              self->signer_office_name ? self->signer_office_name : self->origin_name, fingerprint);
    case IDK_TRUST_UNKNOWN_KEY:
      return g_strdup_printf (_("Signed with key %s, which this office does not trust: nothing shows it comes "
                                "from “%s”"), fingerprint, self->origin_name);
    case IDK_TRUST_UNSIGNED:
    default:
      return g_strdup_printf (_("Not signed: nothing shows it comes from “%s”"), self->origin_name);
    }
}
