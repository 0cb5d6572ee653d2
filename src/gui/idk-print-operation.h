/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "idk-print.h"

G_BEGIN_DECLS

gboolean idk_print_run (GtkWidget     *parent,
                        IdkStore      *store,
                        IdkPrintKind   kind,
                        const char    *meeting,
                        const char    *export_path,
                        GError       **error);

G_END_DECLS
