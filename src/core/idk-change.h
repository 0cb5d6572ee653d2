/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IDK_TYPE_CHANGE (idk_change_get_type ())

G_DECLARE_FINAL_TYPE (IdkChange, idk_change, IDK, CHANGE, GObject)

guint        idk_change_get_n_records (IdkChange *self);
const char  *idk_change_get_record    (IdkChange *self,
                                       guint      n);

G_END_DECLS
