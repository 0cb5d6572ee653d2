/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-core.h"

G_BEGIN_DECLS

#define IDK_TYPE_CONFLICTS_WINDOW (idk_conflicts_window_get_type ())

G_DECLARE_FINAL_TYPE (IdkConflictsWindow, idk_conflicts_window, IDK, CONFLICTS_WINDOW, AdwWindow)

IdkConflictsWindow *idk_conflicts_window_new             (GtkWindow          *parent,
                                                          IdkStore           *store);
void                idk_conflicts_window_show_record     (IdkConflictsWindow *self,
                                                          const char         *uuid);
guint               idk_conflicts_window_get_n_conflicts (IdkConflictsWindow *self);

G_END_DECLS
