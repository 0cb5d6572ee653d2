/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "idk-action-list.h"

G_BEGIN_DECLS

#define IDK_TYPE_ACTION_SELECTION (idk_action_selection_get_type ())

G_DECLARE_FINAL_TYPE (IdkActionSelection, idk_action_selection, IDK, ACTION_SELECTION, GObject)

IdkActionSelection *idk_action_selection_new      (void);
void                idk_action_selection_set_list (IdkActionSelection *self,
                                                   IdkActionList      *list);
GArray             *idk_action_selection_get_rowids (IdkActionSelection *self);
guint               idk_action_selection_get_n_selected (IdkActionSelection *self);

G_END_DECLS
