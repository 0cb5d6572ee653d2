/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "idk-core.h"

/* libFuzzer harness: the whole import of any bytes as a bundle — the
 * pre-scan, the envelope, every revision's checks and the pass into a
 * scratch database — as a preview, which rolls back, so that every input
 * meets the same database.  Refusals are expected; crashes, leaks,
 * undefined behaviour and hangs are findings. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static IdkStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("idk-fuzz-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "scratch.sqlite3", NULL);
  /* The default data: references of the inputs meet real records. */
  store = idk_store_open (path, IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(IdkImport) import = idk_import_new_from_bytes (store, bytes, "fuzz input");

  idk_import_prepare (import, NULL, NULL, NULL, &error);
  return 0;
}
