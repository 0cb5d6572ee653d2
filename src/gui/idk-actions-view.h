/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-core.h"

G_BEGIN_DECLS

#define IDK_TYPE_ACTIONS_VIEW (idk_actions_view_get_type ())

G_DECLARE_FINAL_TYPE (IdkActionsView, idk_actions_view, IDK, ACTIONS_VIEW, AdwBin)

typedef struct _IdkForm IdkForm;

IdkForm       *idk_actions_view_new_action (IdkActionsView *self);
IdkForm       *idk_actions_view_edit_action (IdkActionsView *self,
                                             const char     *uuid);
IdkStore      *idk_actions_view_get_store  (IdkActionsView *self);
IdkActionList *idk_actions_view_get_list   (IdkActionsView *self);
GtkSelectionModel *idk_actions_view_get_selection (IdkActionsView *self);
void           idk_actions_view_set_search (IdkActionsView *self,
                                            const char     *text);
void           idk_actions_view_show_action (IdkActionsView *self,
                                             guint           position);
void           idk_actions_view_hide_action (IdkActionsView *self);

G_END_DECLS
