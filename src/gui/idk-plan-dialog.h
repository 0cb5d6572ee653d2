/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-form.h"

G_BEGIN_DECLS

IdkForm *idk_plan_dialog_present (GtkWidget *view,
                                  IdkStore  *store);

G_END_DECLS
