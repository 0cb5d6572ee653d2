/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *idk_time_zone_for_city (const char *city);
gboolean    idk_time_zone_is_known (const char *zone);

G_END_DECLS
