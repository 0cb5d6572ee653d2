/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-split-view.h"

G_BEGIN_DECLS

#define IDK_TYPE_WORKING_GROUPS_VIEW (idk_working_groups_view_get_type ())

G_DECLARE_FINAL_TYPE (IdkWorkingGroupsView, idk_working_groups_view, IDK, WORKING_GROUPS_VIEW, IdkSplitView)

typedef struct _IdkForm IdkForm;

IdkForm *idk_working_groups_view_edit_group (IdkWorkingGroupsView *self,
                                             const char           *uuid);
IdkForm *idk_working_groups_view_add_member (IdkWorkingGroupsView *self,
                                             const char           *group);

G_END_DECLS
