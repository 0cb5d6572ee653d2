/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-window.h"

G_BEGIN_DECLS

#define IDK_TYPE_EXPORT_DIALOG (idk_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IdkExportDialog, idk_export_dialog, IDK, EXPORT_DIALOG, AdwWindow)

IdkExportDialog *idk_export_dialog_new           (IdkWindow       *window);
gboolean         idk_export_dialog_set_recipient (IdkExportDialog *self,
                                                  const char      *office_uuid);
void             idk_export_dialog_export_to     (IdkExportDialog *self,
                                                  GFile           *file);

G_END_DECLS
