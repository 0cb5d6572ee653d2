/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-hlc"

#include "config.h"

#include <string.h>

#include "idk-hlc-private.h"

#define COUNTER_BITS 16
#define COUNTER_MASK ((G_GUINT64_CONSTANT (1) << COUNTER_BITS) - 1)
#define MS_MAX ((G_GUINT64_CONSTANT (1) << 48) - 1)

guint64
idk_hlc_tick (guint64 last,
              gint64  now_ms)
{
  guint64 physical;

  physical = now_ms < 0 ? 0 : MIN ((guint64) now_ms, MS_MAX);
  if ((physical << COUNTER_BITS) > last)
    return physical << COUNTER_BITS;

  /* The clock has not moved past the last value (same millisecond, a clock
   * set back, or an imported value from the future): count on from it. */
  return last + 1;
}

guint64
idk_hlc_observe (guint64 last,
                 guint64 seen)
{
  return MAX (last, seen);
}

char *
idk_hlc_to_hex (guint64 hlc)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x", hlc);
}

gboolean
idk_hlc_from_hex (const char *hex,
                  guint64    *hlc)
{
  guint64 value = 0;

  if (hex == NULL || strlen (hex) != IDK_HLC_HEX_LEN)
    return FALSE;

  for (guint i = 0; i < IDK_HLC_HEX_LEN; i++)
    {
      int digit = g_ascii_xdigit_value (hex[i]);

      /* Lower case only, so that one value has one spelling. */
      if (digit < 0 || g_ascii_isupper (hex[i]))
        return FALSE;
      value = (value << 4) | (guint64) digit;
    }

  *hlc = value;
  return TRUE;
}
