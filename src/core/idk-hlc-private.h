/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Hybrid logical clock: 48 bits of milliseconds since the epoch and a
 * 16-bit counter, so that revisions made in one office are ordered even
 * when the wall clock stands still or goes back, and every office moves
 * its clock past the values it imports.  Written as 16 hex digits in
 * bundles because the value does not fit JSON's safe integers.
 */

#define IDK_HLC_HEX_LEN 16

guint64  idk_hlc_tick        (guint64     last,
                              gint64      now_ms);
guint64  idk_hlc_observe     (guint64     last,
                              guint64     seen);
char    *idk_hlc_to_hex      (guint64     hlc);
gboolean idk_hlc_from_hex    (const char *hex,
                              guint64    *hlc);

G_END_DECLS
