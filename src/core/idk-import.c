/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "idk-import-parse-private.h"
#include "idk-import-private.h"
#include "idk-json-scan.h"
#include "idk-record-type-private.h"
#include "idk-revision-private.h"
#include "idk-trust-private.h"

/* Importing a bundle, in the order SPEC §5 demands: the bounded pre-scan
 * (idk-json-scan.c), then json-glib on the envelope and the flat reader
 * (idk-json-flat.c) on one revision at a time, each checked in full, then the checks that need the whole bundle
 * and the database (idk-import-run.c).  The preview is that pass rolled
 * back; idk_import_apply() is that pass committed, in one transaction.
 * The file is read once into a private copy (see _idk_import_read_file ()), so the
 * bytes checked are the bytes imported; only the pages being read are in
 * memory.
 */

G_DEFINE_FINAL_TYPE (IdkImport, idk_import, G_TYPE_OBJECT)

/* Told by the pre-scan how far it got, inside the revisions: their hash
 * follows in a thread, and the pages both are past go back. */
static void
scanned (const char *data,
         gsize       upto,
         gpointer    user_data)
{
  IdkImport *self = user_data;

  if (self->checksum == NULL)
    self->checksum = _idk_import_checksum_start (data, self->scan.revisions.start);
  _idk_import_checksum_feed (self->checksum, upto);
  _idk_import_release_pages (data, MIN (upto, _idk_import_checksum_hashed (self->checksum)), self);
}

/* The checks of the file and its envelope, done once. */
static gboolean
load (IdkImport  *self,
      GError    **error)
{
  gint64 start = g_get_monotonic_time ();
  const char *data;
  gsize length;

  if (self->loaded)
    return TRUE;

  if (self->bytes == NULL && !_idk_import_read_file (self, error))
    return FALSE;

  data = g_bytes_get_data (self->bytes, &length);
  if (!idk_json_scan_full (data ? data : "", length, NULL, scanned, self, &self->scan, error) ||
      !_idk_import_check_envelope (self, data, length, &self->scan, error) ||
      !_idk_trust_check_import (self, error))
    {
      g_clear_pointer (&self->checksum, _idk_import_checksum_free);
      return FALSE;
    }
  g_debug ("%s: %" G_GSIZE_FORMAT " bytes scanned and checked in %.2f s", self->path, length,
           (g_get_monotonic_time () - start) / 1e6);

  self->n_revisions = self->scan.elements->len;
  self->loaded = TRUE;
  return TRUE;
}

/* The pass over the revisions, committed or rolled back. */
static int
count_work (void *data)
{
  (*(guint64 *) data)++;
  return 0;
}

static gboolean
run (IdkImport        *self,
     gboolean          commit,
     IdkProgressFunc   progress,
     gpointer          user_data,
     GCancellable     *cancellable,
     GError          **error)
{
  const char *data;
  IdkImportRun *pass;
  IdkParser *parser;
  IdkRevision *revision;
  GPtrArray *refs = NULL;
  IdkImportRow *row = NULL;
  gint64 start;
  g_autoptr(GError) local = NULL;
  gsize released = 0;
  guint index = 0, done = 0;
  gboolean finished;

  if (!load (self, error) ||
      !_idk_import_check_seen (self->store, self->bundle_id, self->origin, self->seq, self->sha256,
                               &self->already_imported, error))
    return FALSE;
  if (self->already_imported)
    return TRUE;
  if (commit && (!_idk_trust_check_import (self, error) || !_idk_trust_check_accepted (self, error)))
    return FALSE;

  if (!(pass = _idk_import_run_begin (self->store, error)))
    return FALSE;

  /* What the pass costs, in work rather than seconds: a figure that does
   * not depend on the machine, for the tests that keep imports linear. */
  self->work = 0;
  sqlite3_progress_handler (_idk_store_get_db (self->store), 1000, count_work, &self->work);

  start = g_get_monotonic_time ();
  data = g_bytes_get_data (self->bytes, NULL);
  parser = _idk_parser_start (data, self->scan.elements);
  while ((revision = _idk_parser_next (parser, &index, &refs, &row, &local)) != NULL)
    {
      const IdkJsonElement *element = &g_array_index (self->scan.elements, IdkJsonElement, index);
      gboolean ok;

      if (++done % 1024 == 0)
        {
          if (g_cancellable_is_cancelled (cancellable))
            g_set_error (&local, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_CANCELLED, _("The import was cancelled"));
          if (progress != NULL)
            progress (0.9 * done / self->scan.elements->len, user_data);
          /* Both threads are past these pages. */
          if (element->value.start - released > (8 << 20))
            {
              _idk_import_release_pages (data, element->value.start, self);
              released = element->value.start;
            }
        }

      self->max_hlc = MAX (self->max_hlc, revision->hlc);
      ok = local == NULL &&
           _idk_import_run_add (pass, index, revision, refs, row,
                                data + element->fields.start, element->fields.end - element->fields.start,
                                element->fields_compact, &local);
      if (!ok)
        break;
    }
  _idk_parser_stop (parser);
  g_debug ("%s: %u revisions read and written in %.2f s", self->path, done,
           (g_get_monotonic_time () - start) / 1e6);
  if (local == NULL && done != self->scan.elements->len)
    g_set_error (&local, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_INVALID,
                 _("Only %u of the %u revisions could be read"), done, self->scan.elements->len);

  if (local != NULL)
    {
      sqlite3_progress_handler (_idk_store_get_db (self->store), 0, NULL, NULL);
      _idk_import_run_abort (pass);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  finished = _idk_import_run_finish (pass, commit ? &(IdkImportRecord) {
                                 .bundle_id = self->bundle_id,
                                 .origin = self->origin,
                                 .origin_name = self->origin_name,
                                 .origin_organization = self->origin_organization,
                                 .seq = self->seq,
                                 .since = self->since,
                                 .sha256 = self->sha256,
                                 .n_revisions = self->n_revisions,
                                 .acked_here = self->acked_here,
                                 .max_hlc = self->max_hlc,
                                 .signer = self->signer_fingerprint,
                                 .trust = _idk_trust_describe_acceptance (self),
                                 .adopt_key = self->adopt_key,
                                 .adopt_from = self->adopt_from,
                               } : NULL, self->counts, &self->n_new, error);
  sqlite3_progress_handler (_idk_store_get_db (self->store), 0, NULL, NULL);
  if (!finished)
    return FALSE;

  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

static void
idk_import_finalize (GObject *object)
{
  IdkImport *self = (IdkImport *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_pointer (&self->checksum, _idk_import_checksum_free);
  idk_json_scan_clear (&self->scan);
  g_clear_pointer (&self->bundle_id, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->origin_name, g_free);
  g_clear_pointer (&self->origin_organization, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->signer_key, g_free);
  g_clear_pointer (&self->endorsed_by, g_free);
  g_clear_pointer (&self->endorsement, g_free);
  g_clear_pointer (&self->signer_fingerprint, g_free);
  g_clear_pointer (&self->signer_office_name, g_free);
  g_clear_pointer (&self->adopt_key, g_free);
  g_clear_pointer (&self->adopt_from, g_free);
  g_clear_pointer (&self->verified_key, g_free);

  G_OBJECT_CLASS (idk_import_parent_class)->finalize (object);
}

static void
idk_import_class_init (IdkImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = idk_import_finalize;
}

static void
idk_import_init (IdkImport *self)
{
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * idk_import_new:
 * @store: the database to import into; the import uses its connection,
 *   so both belong to one thread
 * @path: the bundle file
 */
IdkImport *
idk_import_new (IdkStore   *store,
                const char *path)
{
  IdkImport *self;

  g_return_val_if_fail (IDK_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (IDK_TYPE_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (path);
  return self;
}

/**
 * idk_import_new_from_bytes:
 * @name: how to call the bundle in messages
 */
IdkImport *
idk_import_new_from_bytes (IdkStore   *store,
                           GBytes     *bytes,
                           const char *name)
{
  IdkImport *self;

  g_return_val_if_fail (IDK_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (IDK_TYPE_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (name);
  self->bytes = g_bytes_ref (bytes);
  /* No file beside it: its signature, if any, comes with
   * idk_import_set_signature(). */
  self->signature_read = TRUE;
  return self;
}

/**
 * idk_import_prepare:
 * @progress: (nullable): called with the fraction done
 *
 * Reads and checks the whole bundle and computes the preview: the import
 * is made in a transaction that is rolled back, so the database is left
 * as it was.  A bundle already imported is not an error: see
 * idk_import_is_already_imported().
 *
 * Returns: %FALSE with @error naming the fault and where it is if the
 *   bundle is refused
 */
gboolean
idk_import_prepare (IdkImport        *self,
                    IdkProgressFunc   progress,
                    gpointer          user_data,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_return_val_if_fail (IDK_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  return run (self, FALSE, progress, user_data, cancellable, error);
}

/**
 * idk_import_apply:
 * @progress: (nullable): called with the fraction done
 *
 * Checks and writes the bundle in one transaction, with the bookkeeping
 * of exchange (the bundle, the origin office, its acks), and fills the
 * counts as the preview does.  Nothing is written if it is refused.
 */
gboolean
idk_import_apply (IdkImport        *self,
                  IdkProgressFunc   progress,
                  gpointer          user_data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_return_val_if_fail (IDK_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  if (!run (self, TRUE, progress, user_data, cancellable, error))
    return FALSE;

  self->applied = !self->already_imported;
  return TRUE;
}

gboolean
idk_import_is_already_imported (IdkImport *self)
{
  g_return_val_if_fail (IDK_IS_IMPORT (self), FALSE);
  return self->already_imported;
}

const char *
idk_import_get_origin (IdkImport *self)
{
  g_return_val_if_fail (IDK_IS_IMPORT (self), NULL);
  return self->origin;
}

const char *
idk_import_get_origin_name (IdkImport *self)
{
  g_return_val_if_fail (IDK_IS_IMPORT (self), NULL);
  return self->origin_name;
}

const char *
idk_import_get_origin_organization (IdkImport *self)
{
  g_return_val_if_fail (IDK_IS_IMPORT (self), NULL);
  return self->origin_organization;
}

gint64
idk_import_get_seq (IdkImport *self)
{
  g_return_val_if_fail (IDK_IS_IMPORT (self), 0);
  return self->seq;
}

const char *
idk_import_get_created_at (IdkImport *self)
{
  g_return_val_if_fail (IDK_IS_IMPORT (self), NULL);
  return self->created_at;
}

guint
idk_import_get_n_revisions (IdkImport *self)
{
  g_return_val_if_fail (IDK_IS_IMPORT (self), 0);
  return self->n_revisions;
}

/**
 * idk_import_get_n_new_revisions:
 *
 * Returns: how many of the bundle's revisions the database does not hold
 */
guint
idk_import_get_n_new_revisions (IdkImport *self)
{
  g_return_val_if_fail (IDK_IS_IMPORT (self), 0);
  return self->n_new;
}

/**
 * idk_import_get_count:
 * @type: (nullable): a record type, or %NULL for all of them
 *
 * Returns: the number of records of @type the preview puts in @which
 */
guint
idk_import_get_count (IdkImport      *self,
                      const char     *type,
                      IdkImportCount  which)
{
  GHashTableIter iter;
  gpointer key, value;
  guint total = 0;

  g_return_val_if_fail (IDK_IS_IMPORT (self), 0);
  g_return_val_if_fail (which < IDK_IMPORT_N_COUNTS, 0);

  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (type == NULL || g_str_equal (type, key))
      total += ((guint *) value)[which];

  return total;
}

/**
 * idk_import_list_types:
 *
 * Returns: (transfer full): the record types the bundle holds, in the
 *   order of the record type descriptors
 */
GStrv
idk_import_list_types (IdkImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (IDK_IS_IMPORT (self), NULL);

  for (guint i = 0; i < idk_record_type_count (); i++)
    {
      const char *name = idk_record_type_nth (i)->name;

      if (g_hash_table_contains (self->counts, name))
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

/**
 * idk_import_describe:
 *
 * Returns: (transfer full): the preview as plain text, a line per
 *   record type, for the command line
 */
char *
idk_import_describe (IdkImport *self)
{
  g_auto(GStrv) types = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (IDK_IS_IMPORT (self), NULL);

  g_string_append_printf (text, _("Bundle %lld of %s%s%s%s (office %s), made %s: "
                                  "%u revisions, %u new to this database\n"),
                          (long long) self->seq, self->origin_name,
                          self->origin_organization ? " (" : "",
                          self->origin_organization ? self->origin_organization : "",
                          self->origin_organization ? ")" : "",
                          self->origin, self->created_at, self->n_revisions, self->n_new);
  if (self->already_imported)
    {
      g_string_append (text, _("Already imported: nothing to do\n"));
      return g_string_free (text, FALSE);
    }

  g_string_append (text, "type\tnew\tupdated\tunchanged\tconflicting\n");
  types = idk_import_list_types (self);
  for (guint i = 0; types[i] != NULL; i++)
    g_string_append_printf (text, "%s\t%u\t%u\t%u\t%u\n", types[i],
                            idk_import_get_count (self, types[i], IDK_IMPORT_NEW),
                            idk_import_get_count (self, types[i], IDK_IMPORT_UPDATED),
                            idk_import_get_count (self, types[i], IDK_IMPORT_UNCHANGED),
                            idk_import_get_count (self, types[i], IDK_IMPORT_CONFLICTING));
  g_string_append_printf (text, "total\t%u\t%u\t%u\t%u\n",
                          idk_import_get_count (self, NULL, IDK_IMPORT_NEW),
                          idk_import_get_count (self, NULL, IDK_IMPORT_UPDATED),
                          idk_import_get_count (self, NULL, IDK_IMPORT_UNCHANGED),
                          idk_import_get_count (self, NULL, IDK_IMPORT_CONFLICTING));

  return g_string_free (text, FALSE);
}

/**
 * idk_import_get_work:
 *
 * Returns: the work of the last pass (preview or apply), in thousands of
 *   SQLite virtual-machine steps: a measure of cost that, unlike time,
 *   is the same on every machine
 */
guint64
idk_import_get_work (IdkImport *self)
{
  g_return_val_if_fail (IDK_IS_IMPORT (self), 0);

  return self->work;
}
