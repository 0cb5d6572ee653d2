/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-split-view.h"

G_BEGIN_DECLS

#define IDK_TYPE_ACCOUNTABILITY_VIEW (idk_accountability_view_get_type ())

G_DECLARE_FINAL_TYPE (IdkAccountabilityView, idk_accountability_view, IDK, ACCOUNTABILITY_VIEW, IdkSplitView)

typedef struct _IdkForm IdkForm;

IdkForm *idk_accountability_view_appoint          (IdkAccountabilityView *self,
                                                   const char            *post);
IdkForm *idk_accountability_view_edit_appointment (IdkAccountabilityView *self,
                                                   const char            *appointment);

G_END_DECLS
