/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-defaults"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-core-resources.h"
#include "idk-import.h"
#include "idk-store-private.h"
#include "idk-trust-private.h"

/* The default dataset: the real IASMN as a bundle of revisions from a
 * fixed "defaults" office (data/defaults/, built by generate-defaults.py).
 * Every office loads the same revisions, so their default data is
 * identical and merges without conflicts.  It goes through the importer
 * like any bundle, so it is checked the same way and remembered: sending
 * it back later is recognised as already imported.
 */

#define DEFAULTS_RESOURCE "/io/github/iasmndesk/Desk/core/iasmn-defaults.iasmn"

gboolean
_idk_store_load_defaults (IdkStore  *self,
                          GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(IdkImport) import = NULL;

  /* Looked up in our own resource (not the global registry) so that the
   * static library's resource object is always linked in. */
  bytes = g_resource_lookup_data (idk_core_get_resource (), DEFAULTS_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  import = idk_import_new_from_bytes (self, bytes, "the default data");
  _idk_import_set_built_in (import);
  if (!idk_import_prepare (import, NULL, NULL, NULL, error) ||
      !idk_import_apply (import, NULL, NULL, NULL, error))
    {
      g_prefix_error (error, _("Cannot load the default data: "));
      return FALSE;
    }

  g_debug ("Loaded %u default revisions", idk_import_get_n_revisions (import));
  return TRUE;
}
