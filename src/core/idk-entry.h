/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IDK_TYPE_ENTRY (idk_entry_get_type ())

G_DECLARE_FINAL_TYPE (IdkEntry, idk_entry, IDK, ENTRY, GObject)

const char *          idk_entry_get_title (IdkEntry *self);
const char *          idk_entry_get_subtitle (IdkEntry *self);
const char *          idk_entry_get_group (IdkEntry *self);
const char *          idk_entry_get_kind (IdkEntry *self);
const char *          idk_entry_get_target_uuid (IdkEntry *self);
int                   idk_entry_get_level (IdkEntry *self);
gboolean              idk_entry_is_secondary (IdkEntry *self);

G_END_DECLS
