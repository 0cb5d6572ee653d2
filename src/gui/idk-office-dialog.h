/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-core.h"

G_BEGIN_DECLS

#define IDK_TYPE_OFFICE_DIALOG (idk_office_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IdkOfficeDialog, idk_office_dialog, IDK, OFFICE_DIALOG, AdwWindow)

IdkOfficeDialog *idk_office_dialog_new      (GtkWindow       *parent,
                                             IdkStore        *store);
void             idk_office_dialog_set_name (IdkOfficeDialog *self,
                                             const char      *name);
gboolean         idk_office_dialog_select_organization (IdkOfficeDialog *self,
                                                        const char      *acronym);
gboolean         idk_office_dialog_save     (IdkOfficeDialog *self);

typedef struct _IdkChooser IdkChooser;
IdkChooser      *idk_office_dialog_get_chooser (IdkOfficeDialog *self);

G_END_DECLS
