/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-hub"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "idk-hub-private.h"
#include "idk-import.h"

/* Push and pull: the hub's documents of bundles, written once, and its
 * feed read into the import a file takes. */

static char *
document_path (const char *office,
               gint64      seq)
{
  return g_strdup_printf ("/bundle:%s:%" G_GINT64_FORMAT, office, seq);
}

/* The document of one bundle: plain fields, and the files as attachments. */
static GBytes *
document_body (const char *office,
               gint64      seq,
               const char *checksum,
               GBytes     *bundle,
               GBytes     *signature)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *data = g_base64_encode (g_bytes_get_data (bundle, NULL), g_bytes_get_size (bundle));
  g_autofree char *sig = g_base64_encode (g_bytes_get_data (signature, NULL), g_bytes_get_size (signature));
  g_autoptr(JsonNode) root = NULL;
  char *text;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "origin");
  json_builder_add_string_value (b, office);
  json_builder_set_member_name (b, "seq");
  json_builder_add_int_value (b, seq);
  json_builder_set_member_name (b, "checksum");
  json_builder_add_string_value (b, checksum);
  json_builder_set_member_name (b, "created");
  json_builder_add_string_value (b, created);
  json_builder_set_member_name (b, "_attachments");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, ATTACHMENT);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "content_type");
  json_builder_add_string_value (b, "application/vnd.iasmn-desk.bundle+json");
  json_builder_set_member_name (b, "data");
  json_builder_add_string_value (b, data);
  json_builder_end_object (b);
  json_builder_set_member_name (b, SIGNATURE_ATTACHMENT);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "content_type");
  json_builder_add_string_value (b, "text/plain");
  json_builder_set_member_name (b, "data");
  json_builder_add_string_value (b, sig);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);
  return g_bytes_new_take (text, strlen (text));
}

/* Writes one bundle as its document.  One already there under its number
 * with the same checksum was written by an earlier push whose answer was
 * lost; with another, it is a forgery, and refused. */
static gboolean
put_bundle (IdkHub        *self,
            const char    *office,
            gint64         seq,
            GBytes        *bundle,
            GBytes        *signature,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *doc = document_path (office, seq);
  g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bundle);
  g_autoptr(GBytes) body = document_body (office, seq, checksum, bundle, signature);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status = 0;
  const char *theirs;

  if (!(answer = _idk_hub_request (self, "PUT", doc, body, &status, cancellable, error)))
    return FALSE;
  if (status == 201 || status == 202)
    return TRUE;
  if (status != 409)
    return _idk_hub_refuse_status (self, status, error);

  if (!(node = _idk_hub_get_json (self, doc, cancellable, error)))
    return FALSE;
  theirs = json_object_get_string_member_with_default (json_node_get_object (node), "checksum", NULL);
  if (g_strcmp0 (theirs, checksum) != 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, seq);

      g_set_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_FORGED,
                   _("The hub already holds a different bundle %s of this office: "
                     "it was not written by this office, and is left as it is"), number);
      return FALSE;
    }
  return TRUE;
}

/* The bundles this office mailed since the last push, as they were. */
static gboolean
push_mailed (IdkHub        *self,
             IdkStore      *store,
             IdkHubCounts  *counts,
             GCancellable  *cancellable,
             GError       **error)
{
  const char *office = idk_store_get_office_uuid (store);

  for (;;)
    {
      g_autoptr(GBytes) bundle = NULL, signature = NULL;
      g_autofree char *number = NULL;
      gint64 seq = 0;

      if (!idk_store_next_for_hub (store, &seq, &bundle, &signature, error))
        return FALSE;
      if (seq == 0)
        return TRUE;
      if (!put_bundle (self, office, seq, bundle, signature, cancellable, error)
          || !idk_store_sent_to_hub (store, self->uuid, seq, error))
        return FALSE;
      if (counts != NULL)
        counts->pushed++;
      number = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
      _idk_hub_tell (self, _("pushed bundle %s, as it was mailed"), number);
    }
}

/**
 * idk_hub_push:
 *
 * Writes to the hub the bundles this office mailed since the last push,
 * then makes the bundle of what the hub still has not had from this
 * office, if there is anything, and writes it too.
 */
gboolean
idk_hub_push (IdkHub        *self,
              IdkStore      *store,
              IdkHubCounts  *counts,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *dir = NULL, *path = NULL, *sig_path = NULL, *number = NULL;
  g_autofree char *bundle_data = NULL, *sig_data = NULL;
  g_autoptr(GBytes) bundle = NULL, signature = NULL;
  gint64 unsent = 0, seq = 0;
  guint n_revisions = 0;
  gsize bundle_length, sig_length;

  g_return_val_if_fail (IDK_IS_HUB (self), FALSE);

  /* Asked first, so that a wrong password or address costs no bundle number. */
  if (!idk_hub_check (self, NULL, cancellable, error))
    return FALSE;

  if (!push_mailed (self, store, counts, cancellable, error)
      || !idk_store_count_unsent (store, self->uuid, TRUE, &unsent, error))
    return FALSE;
  if (unsent == 0)
    return TRUE;

  if (!(dir = g_dir_make_tmp ("iasmn-hub-XXXXXX", error)))
    return FALSE;
  path = g_build_filename (dir, ATTACHMENT, NULL);
  sig_path = g_strconcat (path, ".minisig", NULL);
  if (!idk_store_export_own (store, path, self->uuid, &seq, &n_revisions, error)
      || !g_file_get_contents (path, &bundle_data, &bundle_length, error)
      || !g_file_get_contents (sig_path, &sig_data, &sig_length, error))
    {
      g_remove (path), g_remove (sig_path), g_rmdir (dir);
      return FALSE;
    }
  g_remove (path), g_remove (sig_path), g_rmdir (dir);

  bundle = g_bytes_new_take (g_steal_pointer (&bundle_data), bundle_length);
  signature = g_bytes_new_take (g_steal_pointer (&sig_data), sig_length);
  if (!put_bundle (self, idk_store_get_office_uuid (store), seq, bundle, signature, cancellable, error)
      || !idk_store_record_hub_ack (store, self->uuid, seq, error))
    return FALSE;
  if (counts != NULL)
    counts->pushed++;
  number = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  _idk_hub_tell (self, g_dngettext (GETTEXT_PACKAGE, "pushed bundle %s (%u revision)", "pushed bundle %s (%u revisions)",
                                    n_revisions), number, n_revisions);
  return TRUE;
}

/* The document with both its files, in one request. */
static gboolean
fetch_bundle (IdkHub        *self,
              const char    *id,
              GBytes       **bundle,
              char         **signature,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *escaped = g_uri_escape_string (id, ":", FALSE);
  g_autofree char *path = g_strdup_printf ("/%s?attachments=true", escaped);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *files, *file;
  const char *data;
  gsize n;
  guchar *raw;

  if (!(node = _idk_hub_get_json (self, path, cancellable, error)))
    return FALSE;
  files = json_object_get_object_member (json_node_get_object (node), "_attachments");
  file = files != NULL ? json_object_get_object_member (files, ATTACHMENT) : NULL;
  data = file != NULL ? json_object_get_string_member_with_default (file, "data", NULL) : NULL;
  if (data == NULL)
    {
      g_set_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_PROTOCOL, _("%s on the hub has no bundle"), id);
      return FALSE;
    }
  raw = g_base64_decode (data, &n);
  *bundle = g_bytes_new_take (raw, n);
  file = json_object_get_object_member (files, SIGNATURE_ATTACHMENT);
  data = file != NULL ? json_object_get_string_member_with_default (file, "data", NULL) : NULL;
  if (data != NULL)
    {
      raw = g_base64_decode (data, &n);
      *signature = g_strndup ((const char *) raw, n);
      g_free (raw);
    }
  return TRUE;
}

/* A refusal names the bundle as a person knows it: its number and its
 * office, "bundle:<uuid>:<seq>" being the hub's name for it. */
static void
refused (IdkStore    *store,
         const char  *id,
         GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (id, ":", 3);
  g_autofree char *office = NULL;

  if (g_strv_length (parts) != 3)
    {
      g_prefix_error (error, _("%s: "), id);
      return;
    }
  office = idk_store_describe_office (store, parts[1]);
  /* TRANSLATORS: "Bundle 3 of Geneva HQ, on the hub: …" */
  g_prefix_error (error, _("Bundle %s of %s, on the hub: "), parts[2], office);
}

/* One bundle of the feed, through the import a file takes. */
static gboolean
import_bundle (IdkHub        *self,
               IdkStore      *store,
               const char    *id,
               IdkHubCounts  *counts,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GBytes) bundle = NULL;
  g_autoptr(IdkImport) import = NULL;
  g_autofree char *sig_text = NULL;

  gint64 start = g_get_monotonic_time ();

  if (!fetch_bundle (self, id, &bundle, &sig_text, cancellable, error))
    return FALSE;
  g_debug ("%s: %" G_GSIZE_FORMAT " bytes fetched in %.3f s", id, g_bytes_get_size (bundle),
           (g_get_monotonic_time () - start) / 1e6);
  import = idk_import_new_from_bytes (store, bundle, id);
  /* A bundle without its signature is judged as an unsigned file is. */
  if (sig_text != NULL)
    idk_import_set_signature (import, sig_text);
  if (!idk_import_prepare (import, NULL, NULL, cancellable, error))
    {
      refused (store, id, error);
      return FALSE;
    }
  if (idk_import_is_already_imported (import))
    {
      if (counts != NULL)
        counts->known++;
      _idk_hub_tell (self, _("%s: imported before"), id);
      return TRUE;
    }
  if (!idk_import_apply (import, NULL, NULL, cancellable, error))
    {
      refused (store, id, error);
      return FALSE;
    }
  if (counts != NULL)
    counts->pulled++;
  if (!g_strv_contains ((const char * const *) self->pulled_from->pdata, idk_import_get_origin_name (import)))
    g_ptr_array_insert (self->pulled_from, self->pulled_from->len - 1, g_strdup (idk_import_get_origin_name (import)));
  _idk_hub_tell (self, g_dngettext (GETTEXT_PACKAGE, "pulled %s from %s (%u new revision)",
                           "pulled %s from %s (%u new revisions)", idk_import_get_n_new_revisions (import)),
        id, idk_import_get_origin_name (import), idk_import_get_n_new_revisions (import));
  return TRUE;
}

static char *
seq_text (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_VALUE (node))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

/**
 * idk_hub_pull:
 *
 * Imports every bundle the hub has received since the last pull, in the
 * order it received them.  The place in the feed is kept after each
 * bundle, so that a pull cut short resumes from the last one imported and
 * never skips one; a bundle refused stops the pull there, with the
 * import's error.
 */
gboolean
idk_hub_pull (IdkHub        *self,
              IdkStore      *store,
              IdkHubCounts  *counts,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *since = idk_store_get_hub_since (store, self->uuid);
  g_autofree char *escaped = g_uri_escape_string (since, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/_changes?since=%s", escaped);
  g_autofree char *own = g_strdup_printf ("bundle:%s:", idk_store_get_office_uuid (store));
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *last = NULL;
  JsonArray *results;

  g_return_val_if_fail (IDK_IS_HUB (self), FALSE);

  if (!(node = _idk_hub_get_json (self, path, cancellable, error)))
    return FALSE;
  if (!json_object_has_member (json_node_get_object (node), "results")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (node), "results")))
    {
      g_set_error (error, IDK_HUB_ERROR, IDK_HUB_ERROR_PROTOCOL, _("The hub at %s sent a feed without results"),
                   self->url);
      return FALSE;
    }
  results = json_object_get_array_member (json_node_get_object (node), "results");
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *change = json_array_get_object_element (results, i);
      const char *id = change != NULL ? json_object_get_string_member_with_default (change, "id", NULL) : NULL;
      g_autofree char *seq = change != NULL ? seq_text (json_object_get_member (change, "seq")) : NULL;

      if (self->progress != NULL)
        self->progress (i, json_array_get_length (results), self->progress_data);
      if (id == NULL || seq == NULL)
        continue;
      if (g_str_has_prefix (id, "bundle:") && !g_str_has_prefix (id, own)
          && !json_object_get_boolean_member_with_default (change, "deleted", FALSE))
        {
          if (!import_bundle (self, store, id, counts, cancellable, error))
            return FALSE;
        }
      else if (g_str_has_prefix (id, own) && counts != NULL)
        counts->known++;
      if (!idk_store_set_hub_since (store, self->uuid, seq, error))
        return FALSE;
    }
  if (self->progress != NULL)
    self->progress (json_array_get_length (results), json_array_get_length (results), self->progress_data);
  last = seq_text (json_object_get_member (json_node_get_object (node), "last_seq"));
  return last == NULL || idk_store_set_hub_since (store, self->uuid, last, error);
}

