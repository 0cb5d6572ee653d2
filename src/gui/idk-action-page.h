/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-core.h"

G_BEGIN_DECLS

#define IDK_TYPE_ACTION_PAGE (idk_action_page_get_type ())

G_DECLARE_FINAL_TYPE (IdkActionPage, idk_action_page, IDK, ACTION_PAGE, AdwBin)

GtkWidget  *idk_action_page_new            (void);
void        idk_action_page_set_store      (IdkActionPage *self,
                                            IdkStore      *store);
void        idk_action_page_set_action     (IdkActionPage *self,
                                            const char    *uuid);
const char *idk_action_page_get_action     (IdkActionPage *self);
gboolean    idk_action_page_add_update     (IdkActionPage *self,
                                            const char    *status,
                                            const char    *note,
                                            GError       **error);

G_END_DECLS
