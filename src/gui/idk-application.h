/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-core.h"

G_BEGIN_DECLS

#define IDK_TYPE_APPLICATION (idk_application_get_type ())

G_DECLARE_FINAL_TYPE (IdkApplication, idk_application, IDK, APPLICATION, AdwApplication)

IdkApplication *idk_application_new       (const char        *application_id,
                                           GApplicationFlags  flags);
IdkStore       *idk_application_get_store (IdkApplication    *self);
void            idk_application_ensure_resources (void);

G_END_DECLS
