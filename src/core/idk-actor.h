/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IDK_TYPE_ACTOR (idk_actor_get_type ())

G_DECLARE_FINAL_TYPE (IdkActor, idk_actor, IDK, ACTOR, GObject)

const char *          idk_actor_get_uuid (IdkActor *self);
const char *          idk_actor_get_code (IdkActor *self);
const char *          idk_actor_get_title (IdkActor *self);
const char *          idk_actor_get_short_title (IdkActor *self);
const char *          idk_actor_get_section (IdkActor *self);
const char *          idk_actor_get_summary (IdkActor *self);
const char * const *  idk_actor_get_responsibilities (IdkActor *self);
const char *          idk_actor_get_parent_uuid (IdkActor *self);
gboolean              idk_actor_get_collective (IdkActor *self);

G_END_DECLS
