/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-window.h"

G_BEGIN_DECLS

#define IDK_TYPE_HUB_DIALOG (idk_hub_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IdkHubDialog, idk_hub_dialog, IDK, HUB_DIALOG, AdwWindow)

IdkHubDialog *idk_hub_dialog_new          (IdkWindow    *window,
                                           const char   *message);
gboolean      idk_hub_dialog_save         (IdkHubDialog *self);
gboolean      idk_hub_dialog_is_testing   (IdkHubDialog *self);

G_END_DECLS
