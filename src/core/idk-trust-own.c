/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-trust"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "idk-import-private.h"
#include "idk-revision-private.h"
#include "idk-signature.h"
#include "idk-trust-private.h"

/* This office's own key: the secret half is a file of the user's data
 * directory (mode 0600, named after the office and the key's fingerprint,
 * so that a rotation never overwrites the key it replaces).  The database
 * remembers which key is the current one (meta key_fingerprint), and,
 * after a rotation, the endorsement of the new key by the old one that
 * every bundle then carries, so that peers who trust the old key take the
 * new one.
 */

char *
idk_store_get_key_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "iasmn-desk", "keys", NULL);
}

static char *
key_file (const char *office,
          const char *fingerprint,
          const char *extension)
{
  g_autofree char *dir = idk_store_get_key_directory ();
  g_autofree char *base = g_strdup_printf ("%s-%s.%s", office, fingerprint, extension);

  return g_build_filename (dir, base, NULL);
}

/**
 * idk_store_get_key_fingerprint:
 *
 * Returns: (transfer full) (nullable): the fingerprint of this office's
 *   current key, %NULL if it has none yet
 */
char *
idk_store_get_key_fingerprint (IdkStore *self)
{
  return _idk_store_get_meta (self, "key_fingerprint");
}

static gboolean
make_key_files (IdkStore    *self,
                IdkKeyPair  *pair,
                GError     **error)
{
  g_autofree char *dir = idk_store_get_key_directory ();
  g_autofree char *public_key = idk_key_pair_get_public (pair);
  g_autofree char *fingerprint = idk_key_fingerprint (public_key);
  g_autofree char *secret_path = key_file (idk_store_get_office_uuid (self), fingerprint, "key");
  g_autofree char *public_path = key_file (idk_store_get_office_uuid (self), fingerprint, "pub");

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN, _("Cannot make the folder of the office keys “%s”: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  return idk_key_pair_save (pair, secret_path, public_path, error);
}

/**
 * idk_store_ensure_key:
 *
 * Gives this office a key pair if it has none: the secret key in the
 * user's data directory, the fingerprint in the database.
 */
gboolean
idk_store_ensure_key (IdkStore  *self,
                      GError   **error)
{
  g_autofree char *current = idk_store_get_key_fingerprint (self);
  g_autoptr(IdkKeyPair) pair = NULL;
  g_autofree char *public_key = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *name = NULL;

  if (current != NULL)
    return TRUE;

  pair = idk_key_pair_generate ();
  public_key = idk_key_pair_get_public (pair);
  fingerprint = idk_key_fingerprint (public_key);
  name = idk_store_get_office_name (self);
  if (!make_key_files (self, pair, error) ||
      !idk_store_begin (self, error))
    return FALSE;
  if (!_idk_trust_insert_key (self, public_key, idk_store_get_office_uuid (self), name, NULL, error) ||
      !_idk_store_set_meta (self, "key_fingerprint", fingerprint, error) ||
      !idk_store_commit (self, error))
    {
      idk_store_rollback (self);
      return FALSE;
    }
  g_debug ("Office %s has key %s", idk_store_get_office_uuid (self), fingerprint);
  return TRUE;
}

gboolean
idk_store_get_key_files (IdkStore  *self,
                         char     **secret_path,
                         char     **public_path,
                         GError   **error)
{
  g_autofree char *fingerprint = NULL;

  if (!idk_store_ensure_key (self, error))
    return FALSE;
  fingerprint = idk_store_get_key_fingerprint (self);
  if (secret_path != NULL)
    *secret_path = key_file (idk_store_get_office_uuid (self), fingerprint, "key");
  if (public_path != NULL)
    *public_path = key_file (idk_store_get_office_uuid (self), fingerprint, "pub");
  return TRUE;
}

/* This office's current key pair; a database moved without its key (or
 * whose key file was replaced) says so rather than signing with another. */
IdkKeyPair *
_idk_trust_load_own (IdkStore  *self,
                     GError   **error)
{
  g_autofree char *secret_path = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *public_key = NULL;
  g_autofree char *found = NULL;
  g_autoptr(IdkKeyPair) pair = NULL;
  g_autoptr(GError) local = NULL;

  if (!idk_store_get_key_files (self, &secret_path, NULL, error))
    return NULL;
  fingerprint = idk_store_get_key_fingerprint (self);
  if (!(pair = idk_key_pair_load_with_passphrase (secret_path, self->key_passphrase, &local)))
    {
      /* The user can answer these: the caller asks for the passphrase. */
      if (g_error_matches (local, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_NEEDS_PASSPHRASE) ||
          g_error_matches (local, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_WRONG_PASSPHRASE))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN,
                   _("Cannot sign: the secret key of this office (%s) cannot be read: %s"),
                   fingerprint, local->message);
      return NULL;
    }
  public_key = idk_key_pair_get_public (pair);
  found = idk_key_fingerprint (public_key);
  if (g_strcmp0 (found, fingerprint) != 0)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN,
                   _("Cannot sign: “%s” holds key %s, not this office’s key %s"), secret_path, found, fingerprint);
      return NULL;
    }
  return g_steal_pointer (&pair);
}

/**
 * idk_store_set_key_passphrase:
 * @passphrase: (nullable): the passphrase of this office's secret key
 *
 * Kept in memory for the signatures this store makes until it is closed.
 */
void
idk_store_set_key_passphrase (IdkStore   *self,
                              const char *passphrase)
{
  g_return_if_fail (IDK_IS_STORE (self));

  if (self->key_passphrase != NULL)
    sodium_memzero (self->key_passphrase, strlen (self->key_passphrase));
  g_free (self->key_passphrase);
  self->key_passphrase = g_strdup (passphrase);
}

/**
 * idk_store_protect_key:
 * @passphrase: (nullable): the new passphrase, or %NULL to write the key
 *   without one
 *
 * Writes this office's secret key again, protected by @passphrase (in
 * minisign's scrypt format).  The current passphrase, if any, must have
 * been given with idk_store_set_key_passphrase().
 */
gboolean
idk_store_protect_key (IdkStore    *self,
                       const char  *passphrase,
                       GError     **error)
{
  g_autoptr(IdkKeyPair) pair = NULL;
  g_autofree char *secret_path = NULL;
  g_autofree char *public_path = NULL;
  g_autoptr(GError) local = NULL;

  if (passphrase != NULL && *passphrase == '\0')
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, _("A passphrase cannot be empty"));
      return FALSE;
    }
  if (!(pair = _idk_trust_load_own (self, error)) ||
      !idk_store_get_key_files (self, &secret_path, &public_path, error))
    return FALSE;
  if (!idk_key_pair_save_with_passphrase (pair, secret_path, public_path, passphrase, &local))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN, "%s", local->message);
      return FALSE;
    }
  idk_store_set_key_passphrase (self, passphrase);
  return TRUE;
}

/* One line of text: a comment of a key or signature file. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text ? text : "");

  g_strdelimit (line, "\r\n", ' ');
  return line;
}

/**
 * idk_store_export_public_key:
 *
 * Writes this office's public key in minisign's format, its untrusted
 * comment naming the office, for `minisign -V -p` and for other offices
 * to trust.
 */
gboolean
idk_store_export_public_key (IdkStore    *self,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(IdkKeyPair) pair = NULL;
  g_autofree char *public_key = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *name = NULL;
  g_autofree char *raw_name = idk_store_get_office_name (self);
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;

  if (!(pair = _idk_trust_load_own (self, error)))
    return FALSE;
  public_key = idk_key_pair_get_public (pair);
  fingerprint = idk_key_fingerprint (public_key);
  name = one_line (raw_name && *raw_name ? raw_name : _("unnamed office"));
  text = g_strdup_printf ("untrusted comment: IASMN Desk key of office %s (%s), fingerprint %s\n%s\n",
                          idk_store_get_office_uuid (self), name, fingerprint, public_key);
  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_OPEN, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * idk_store_rotate_key:
 *
 * Replaces this office's key by a new one, endorsed by the old: the
 * offices that trust the old key take the new one with this office's next
 * bundle.  The old secret key file stays, unused.
 *
 * Returns: (transfer full): the new key's fingerprint
 */
char *
idk_store_rotate_key (IdkStore  *self,
                      GError   **error)
{
  g_autoptr(IdkKeyPair) old = NULL;
  g_autoptr(IdkKeyPair) pair = NULL;
  g_autofree char *old_public = NULL;
  g_autofree char *old_fingerprint = NULL;
  g_autofree char *public_key = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *endorsement = NULL;
  g_autofree char *name = idk_store_get_office_name (self);
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;

  if (!(old = _idk_trust_load_own (self, error)))
    return NULL;
  old_public = idk_key_pair_get_public (old);
  old_fingerprint = idk_key_fingerprint (old_public);
  pair = idk_key_pair_generate ();
  public_key = idk_key_pair_get_public (pair);
  fingerprint = idk_key_fingerprint (public_key);

  comment = g_strdup_printf ("{\"office\":\"%s\",\"key\":\"%s\",\"replaces\":\"%s\"}",
                             idk_store_get_office_uuid (self), fingerprint, old_fingerprint);
  if (!(endorsement = idk_signature_sign (old, (const guint8 *) public_key, strlen (public_key), comment, &local)))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, "%s", local->message);
      return NULL;
    }
  if (!make_key_files (self, pair, error) ||
      !idk_store_begin (self, error))
    return NULL;
  if (!_idk_trust_insert_key (self, public_key, idk_store_get_office_uuid (self), name, old_fingerprint, error) ||
      !(stmt = _idk_store_prepare (self, "UPDATE keys SET replaced_by = ?2 WHERE fingerprint = ?1", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, old_fingerprint, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fingerprint, -1, SQLITE_STATIC);
  if (!_idk_store_step_done (self, stmt, error) ||
      !_idk_store_set_meta (self, "key_fingerprint", fingerprint, error) ||
      !_idk_store_set_meta (self, "key_endorsed_by", old_public, error) ||
      !_idk_store_set_meta (self, "key_endorsement", endorsement, error) ||
      !idk_store_commit (self, error))
    goto failed;
  return g_steal_pointer (&fingerprint);

failed:
  idk_store_rollback (self);
  return NULL;
}

