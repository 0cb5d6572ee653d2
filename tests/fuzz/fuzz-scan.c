/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-core.h"
#include "idk-json-scan.h"

/* libFuzzer harness: the bounded pre-scan of a bundle, on any bytes.  It
 * must refuse or accept every input without a crash, a leak, undefined
 * behaviour or unbounded work. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  IdkJsonScan scan = { 0 };

  idk_json_scan_full ((const char *) data, size, NULL, NULL, NULL, &scan, &error);
  idk_json_scan_clear (&scan);
  return 0;
}
