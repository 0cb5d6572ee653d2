/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-defaults"

#include "config.h"

#include <json-glib/json-glib.h>

#include "idk-core-resources.h"
#include "idk-store-private.h"

/* The default dataset: the real IASMN as a bundle of revisions from a
 * fixed "defaults" office (data/defaults/, built by generate-defaults.py).
 * Every office loads the same revisions, so their default data is
 * identical and merges without conflicts.  The bundle ships in the
 * binary, so it is trusted: it is checked as any revision is, but not
 * pre-scanned the way an imported file is.
 */

#define DEFAULTS_RESOURCE "/io/github/iasmndesk/Desk/core/iasmn-defaults.iasmn"
#define BUNDLE_FORMAT "iasmn-desk-bundle"

static gboolean
apply_revisions (IdkStore   *self,
                 JsonArray  *revisions,
                 GError    **error)
{
  for (guint i = 0; i < json_array_get_length (revisions); i++)
    {
      g_autoptr(IdkRevision) revision = NULL;

      revision = idk_revision_new_from_json (json_array_get_element (revisions, i), error);
      if (revision == NULL || !idk_store_apply_revision (self, revision, NULL, error))
        {
          g_prefix_error (error, "default data, revision %u: ", i);
          return FALSE;
        }
    }

  return idk_store_check_references (self, error);
}

gboolean
_idk_store_load_defaults (IdkStore  *self,
                          GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;
  JsonNode *revisions;

  /* Looked up in our own resource (not the global registry) so that the
   * static library's resource object is always linked in. */
  bytes = g_resource_lookup_data (idk_core_get_resource (), DEFAULTS_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), error))
    return FALSE;

  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
       ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  revisions = root ? json_object_get_member (root, "revisions") : NULL;
  if (root == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (root, "format", NULL), BUNDLE_FORMAT) != 0 ||
      revisions == NULL || !JSON_NODE_HOLDS_ARRAY (revisions))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   "The default data is not a bundle of revisions");
      return FALSE;
    }

  g_debug ("Loading %u default revisions", json_array_get_length (json_node_get_array (revisions)));

  if (!idk_store_begin (self, error))
    return FALSE;

  if (!apply_revisions (self, json_node_get_array (revisions), error) ||
      !idk_store_commit (self, error))
    {
      idk_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}
