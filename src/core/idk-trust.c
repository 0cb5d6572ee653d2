/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-trust"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "idk-import-private.h"
#include "idk-revision-private.h"
#include "idk-signature.h"
#include "idk-trust-private.h"

/* The keys of other offices, trusted once their fingerprint was
 * confirmed (table keys, schema v4), introduced by an office already
 * trusted, or revoked.  This office's own key is in idk-trust-own.c.
 */

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

gboolean
_idk_trust_insert_key (IdkStore    *self,
                       const char  *public_key,
                       const char  *office,
                       const char  *name,
                       const char  *introduced_by,
                       GError     **error)
{
  g_autofree char *fingerprint = idk_key_fingerprint (public_key);
  g_autofree char *at = now_iso8601 ();
  sqlite3_stmt *stmt;

  if (!(stmt = _idk_store_prepare (self,
                                   "INSERT INTO keys (fingerprint, public_key, office, name, added_at, introduced_by) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, fingerprint, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, public_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, office, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, introduced_by, -1, SQLITE_STATIC);
  return _idk_store_step_done (self, stmt, error);
}

/**
 * idk_key_format_fingerprint:
 *
 * Returns: (transfer full): @fingerprint in groups of four, as people
 *   read them to each other
 */
char *
idk_key_format_fingerprint (const char *fingerprint)
{
  GString *out = g_string_new (NULL);

  for (const char *c = fingerprint; c != NULL && *c != '\0'; c++)
    {
      if (out->len > 0 && (c - fingerprint) % 4 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

/* A fingerprint as typed: any case, spaces and colons ignored. */
static char *
normalize_fingerprint (const char *typed)
{
  GString *out = g_string_new (NULL);

  for (const char *c = typed; c != NULL && *c != '\0'; c++)
    if (g_ascii_isxdigit (*c))
      g_string_append_c (out, g_ascii_toupper (*c));
    else if (*c != ' ' && *c != ':' && *c != '-')
      g_string_append_c (out, '?');
  return g_string_free (out, FALSE);
}

/**
 * idk_store_trust_key:
 * @fingerprint: the fingerprint the user confirmed, read out by the other
 *   office: the key is refused if it differs
 * @office: the UUID of the office the key belongs to
 * @name: (nullable): its name, for display until its bundles bring one
 *
 * Trusts @public_key for the bundles of @office.
 */
gboolean
idk_store_trust_key (IdkStore    *self,
                     const char  *public_key,
                     const char  *fingerprint,
                     const char  *office,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *actual = idk_key_fingerprint (public_key);
  g_autofree char *typed = normalize_fingerprint (fingerprint);
  g_auto(IdkHeldKey) held = { NULL, };
  const char *held_office = NULL;

  if (actual == NULL)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, _("Not a public key of minisign’s format"));
      return FALSE;
    }
  if (!g_str_equal (typed, actual))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("The key’s fingerprint is %s, not %s: it is not the key you were given, so it is not trusted"),
                   actual, fingerprint);
      return FALSE;
    }
  if (!_idk_uuid_is_canonical (office))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("“%s” is not an office UUID"), office ? office : "");
      return FALSE;
    }
  if (g_str_equal (office, idk_store_get_office_uuid (self)))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("Office %s is this office: its key is not trusted from a file"), office);
      return FALSE;
    }
  if (name != NULL && g_utf8_strlen (name, -1) > IDK_OFFICE_NAME_MAX)
    name = NULL;

  if (_idk_trust_find_key (self, actual, &held, error))
    held_office = held.office;
  else if (error != NULL && *error != NULL)
    return FALSE;
  if (held.revoked_at != NULL)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("Key %s was revoked here: it is not trusted again"), actual);
      return FALSE;
    }
  if (held_office != NULL && !g_str_equal (held_office, office))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("Key %s is already trusted as the key of office %s"), actual, held_office);
      return FALSE;
    }
  if (held_office != NULL)
    return TRUE;

  if (!idk_store_begin (self, error))
    return FALSE;
  if (!_idk_trust_insert_key (self, public_key, office, name, NULL, error) ||
      !idk_store_commit (self, error))
    {
      idk_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* "… office <uuid> (<name>) …", as idk_store_export_public_key() writes
 * the untrusted comment: only a suggestion, confirmed by the fingerprint. */
static char *
office_in_comment (const char *text,
                   char      **name)
{
  const char *at = strstr (text, " office ");
  g_autofree char *uuid = NULL;
  const char *open, *close, *eol;

  if (at == NULL || strlen (at) < 8 + 36)
    return NULL;
  uuid = g_strndup (at + 8, 36);
  if (!_idk_uuid_is_canonical (uuid))
    return NULL;
  eol = strchr (at, '\n');
  open = strstr (at + 8 + 36, " (");
  close = open ? strstr (open, "), ") : NULL;
  if (name != NULL && open != NULL && close != NULL && (eol == NULL || close < eol))
    *name = g_strndup (open + 2, close - open - 2);
  return g_steal_pointer (&uuid);
}

/* An introduction: FILE.pub.minisig beside the key, signed by an office
 * this one trusts, whose trusted comment names the key's office. */
static gboolean
read_introduction (IdkStore    *self,
                   const char  *path,
                   const char  *text,
                   char       **office,
                   char       **name,
                   char       **introducer,
                   GError     **error)
{
  g_autofree char *signature_path = g_strconcat (path, ".minisig", NULL);
  g_autofree char *signature = NULL;
  g_autofree char *signer = NULL;
  g_autofree char *signer_key = NULL;
  g_autofree char *comment = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(IdkHeldKey) held = { NULL, };
  JsonObject *object;

  if (!g_file_get_contents (signature_path, &signature, NULL, NULL))
    return TRUE;
  if ((signer = idk_signature_get_key_id (signature)) == NULL)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, _("“%s” is not a signature of minisign’s format"),
                   signature_path);
      return FALSE;
    }
  if (_idk_trust_find_key (self, signer, &held, NULL) && held.revoked_at == NULL)
    signer_key = g_strdup (held.public_key);
  if (signer_key == NULL)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("The introduction “%s” is signed with key %s, which this office does not trust"),
                   signature_path, signer);
      return FALSE;
    }
  if (!idk_signature_verify (signer_key, (const guint8 *) text, strlen (text), signature, &comment, &local))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, _("The introduction “%s” is refused: %s"),
                   signature_path, local->message);
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, comment, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      !_idk_uuid_is_canonical (json_object_get_string_member_with_default (
          (object = json_node_get_object (json_parser_get_root (parser))), "introduces", NULL)))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("The introduction “%s” does not name the office of the key"), signature_path);
      return FALSE;
    }
  g_free (*office);
  *office = g_strdup (json_object_get_string_member (object, "introduces"));
  g_free (*name);
  *name = g_strdup (json_object_get_string_member_with_default (object, "name", NULL));
  *introducer = g_steal_pointer (&signer);
  return TRUE;
}

/**
 * idk_store_trust_key_file:
 * @path: a minisign .pub file; an introduction beside it
 *   (`FILE.pub.minisig`, signed by a trusted office) names its office
 * @office: (nullable): the office of the key, if neither the file nor an
 *   introduction names it
 * @trusted_office: (out) (optional): the office the key is now trusted for
 */
gboolean
idk_store_trust_key_file (IdkStore    *self,
                          const char  *path,
                          const char  *fingerprint,
                          const char  *office,
                          char       **trusted_office,
                          GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *public_key = NULL;
  g_autofree char *named = NULL;
  g_autofree char *name = NULL;
  g_autofree char *introducer = NULL;
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;

  if (!g_file_get_contents (path, &text, NULL, &local))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN, "%s", local->message);
      return FALSE;
    }
  if (!(public_key = idk_key_read_public_file (path, &local)))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, "%s", local->message);
      return FALSE;
    }
  named = office_in_comment (text, &name);
  if (!read_introduction (self, path, text, &named, &name, &introducer, error))
    return FALSE;
  if (office != NULL && named != NULL && !g_str_equal (office, named))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("“%s” is the key of office %s, not of %s"), path, named, office);
      return FALSE;
    }
  if (office == NULL && named == NULL)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("“%s” does not say which office it belongs to: name the office’s UUID"), path);
      return FALSE;
    }
  office = office ? office : named;
  if (!idk_store_trust_key (self, public_key, fingerprint, office, name, error))
    return FALSE;

  if (introducer != NULL)
    {
      if (!(stmt = _idk_store_prepare (self, "UPDATE keys SET introduced_by = ?2 WHERE fingerprint = ?1 "
                                       "AND introduced_by IS NULL", error)))
        return FALSE;
      g_autofree char *fp = idk_key_fingerprint (public_key);
      sqlite3_bind_text (stmt, 1, fp, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, introducer, -1, SQLITE_STATIC);
      if (!_idk_store_step_done (self, stmt, error))
        return FALSE;
    }
  if (trusted_office != NULL)
    *trusted_office = g_strdup (office);
  return TRUE;
}

/**
 * idk_store_introduce_key:
 * @public_key_path: the .pub file of an office this office trusts
 *
 * Writes `FILE.pub.minisig`, this office's introduction of that key to
 * the offices that trust this one.
 */
gboolean
idk_store_introduce_key (IdkStore    *self,
                         const char  *public_key_path,
                         GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *public_key = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *office = NULL;
  g_autofree char *name = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *signature_path = g_strconcat (public_key_path, ".minisig", NULL);
  g_autoptr(IdkKeyPair) pair = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local = NULL;
  g_auto(IdkHeldKey) held = { NULL, };

  if (!g_file_get_contents (public_key_path, &text, NULL, &local) ||
      !(public_key = idk_key_read_public_file (public_key_path, &local)))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN, "%s", local->message);
      return FALSE;
    }
  fingerprint = idk_key_fingerprint (public_key);
  if (_idk_trust_find_key (self, fingerprint, &held, NULL) && held.revoked_at == NULL &&
      g_strcmp0 (held.public_key, public_key) == 0)
    {
      office = g_strdup (held.office);
      name = g_strdup (held.name);
    }
  if (office == NULL)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND,
                   _("Key %s is not trusted here: only a trusted key can be introduced"), fingerprint);
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "introduces");
  json_builder_add_string_value (builder, office);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, fingerprint);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  comment = json_to_string (root, FALSE);

  if (!(pair = _idk_trust_load_own (self, error)) ||
      !(signature = idk_signature_sign (pair, (const guint8 *) text, strlen (text), comment, &local)))
    {
      if (local != NULL)
        g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, "%s", local->message);
      return FALSE;
    }
  if (!g_file_set_contents_full (signature_path, signature, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * idk_store_revoke_key:
 *
 * Stops trusting a key: bundles it signed that this office already took
 * stay, later ones are refused.
 */
gboolean
idk_store_revoke_key (IdkStore    *self,
                      const char  *fingerprint,
                      GError     **error)
{
  g_autofree char *wanted = normalize_fingerprint (fingerprint);
  g_autofree char *own = idk_store_get_key_fingerprint (self);
  g_autofree char *at = now_iso8601 ();
  sqlite3_stmt *stmt;

  if (g_strcmp0 (wanted, own) == 0)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("Key %s is this office’s current key: rotate it first (iasmn key rotate), then revoke the old one"),
                   wanted);
      return FALSE;
    }
  if (!idk_store_begin (self, error))
    return FALSE;
  if (!(stmt = _idk_store_prepare (self,
                                   "UPDATE keys SET revoked_at = ?2, revoked_after = "
                                   "  (SELECT coalesce (max (seq), 0) FROM bundles WHERE origin = keys.office) "
                                   "WHERE fingerprint = ?1 AND revoked_at IS NULL", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, wanted, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  if (!_idk_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (_idk_store_get_db (self)) == 0)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND,
                   _("No trusted key has the fingerprint %s"), fingerprint);
      goto failed;
    }
  return idk_store_commit (self, error);

failed:
  idk_store_rollback (self);
  return FALSE;
}

