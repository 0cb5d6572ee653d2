/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-window.h"

G_BEGIN_DECLS

#define IDK_TYPE_REPORT_DIALOG (idk_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IdkReportDialog, idk_report_dialog, IDK, REPORT_DIALOG, AdwWindow)

IdkReportDialog *idk_report_dialog_new      (IdkWindow       *window,
                                             GFile           *file);
gboolean         idk_report_dialog_is_ready (IdkReportDialog *self);

G_END_DECLS
