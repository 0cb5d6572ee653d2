/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-core.h"
#include "idk-report-dialog.h"

G_BEGIN_DECLS

/* Shared by idk-report-dialog.c (reading, applying),
 * idk-report-dialog-pages.c (a page of proposals per kind) and
 * idk-report-dialog-fields.c (the fields a person corrects). */
struct _IdkReportDialog
{
  AdwWindow parent_instance;

  IdkWindow *window;          /* weak */
  IdkStore *store;            /* the window's */
  GFile *file;
  IdkReportLexicon *lexicon;
  IdkReport *report;
  GCancellable *cancellable;
  GPtrArray *checks;          /* every proposal's accept check */
  GHashTable *invalid;        /* rows whose field the user left invalid -> message */

  /* Template widgets */
  GtkButton *apply_button;
  GtkButton *cancel_button;
  GtkStack *main_stack;
  AdwStatusPage *failure_page;
  GtkLabel *summary_label;
  GtkLabel *error_label;
  AdwViewStack *view_stack;
};

void       _idk_report_dialog_build_pages          (IdkReportDialog   *self);
void       _idk_report_dialog_update_summary       (IdkReportDialog   *self);
GtkWidget *_idk_report_dialog_fact_row             (const char        *title,
                                                    const char        *value);
void       _idk_report_dialog_add_session_fields   (IdkReportDialog   *self,
                                                    AdwExpanderRow    *row,
                                                    IdkReportSession  *session);
void       _idk_report_dialog_add_decision_fields  (IdkReportDialog   *self,
                                                    AdwExpanderRow    *row,
                                                    IdkReportDecision *decision);
void       _idk_report_dialog_add_meeting_fields   (IdkReportDialog   *self,
                                                    AdwExpanderRow    *row,
                                                    IdkReportMeeting  *meeting);

G_END_DECLS
