/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *idk_time_zone_for_city (const char *city);

G_END_DECLS
