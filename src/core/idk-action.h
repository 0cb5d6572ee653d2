/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IDK_TYPE_ACTION (idk_action_get_type ())

G_DECLARE_FINAL_TYPE (IdkAction, idk_action, IDK, ACTION, GObject)

const char *          idk_action_get_uuid (IdkAction *self);
const char *          idk_action_get_reference (IdkAction *self);
const char *          idk_action_get_session (IdkAction *self);
const char *          idk_action_get_topic (IdkAction *self);
const char *          idk_action_get_text (IdkAction *self);
const char *          idk_action_get_kind (IdkAction *self);
const char *          idk_action_get_owners (IdkAction *self);
const char *          idk_action_get_due (IdkAction *self);
const char *          idk_action_get_status (IdkAction *self);
const char *          idk_action_get_last_update (IdkAction *self);
gboolean              idk_action_get_overdue (IdkAction *self);
char *                idk_action_get_status_label (IdkAction *self);
const char *          idk_action_get_status_style (IdkAction *self);
GStrv                 idk_action_list_status_labels (void);
guint                 idk_action_count_alive (void);
void                  idk_action_swap_contents (IdkAction *self,
                                                IdkAction *other);

G_END_DECLS
