/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-print-doc.h"
#include "idk-store.h"

G_BEGIN_DECLS

typedef enum
{
  IDK_PRINT_AGENDA,   /* days, slots, items, presenters, papers, day totals */
  IDK_PRINT_RECORD,   /* details, agenda, attendance, decisions, papers */
  IDK_PRINT_REVIEW,   /* the previous session's actions: figures, chart, open list */
} IdkPrintKind;

gboolean     idk_print_kind_from_name (const char    *name,
                                       IdkPrintKind  *kind);
const char  *idk_print_kind_to_label  (IdkPrintKind   kind);
IdkPrintDoc *idk_print_make           (IdkStore      *store,
                                       IdkPrintKind   kind,
                                       const char    *meeting,
                                       GError       **error);

G_END_DECLS
