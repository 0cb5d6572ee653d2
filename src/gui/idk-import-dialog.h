/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-window.h"

G_BEGIN_DECLS

#define IDK_TYPE_IMPORT_DIALOG (idk_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IdkImportDialog, idk_import_dialog, IDK, IMPORT_DIALOG, AdwWindow)

IdkImportDialog *idk_import_dialog_new      (IdkWindow       *window,
                                             GFile           *file);
gboolean         idk_import_dialog_is_ready (IdkImportDialog *self);

G_END_DECLS
