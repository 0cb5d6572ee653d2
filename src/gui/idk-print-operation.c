/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-print-operation.h"

/* Print…: the documents of idk-print.h through GtkPrintOperation, laid out
 * on the paper the user chooses, as the command line lays them out in a
 * PDF. */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   IdkPrintDoc       *doc)
{
  int pages = idk_print_doc_paginate (doc, gtk_print_context_get_cairo_context (context),
                                      gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, pages);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 IdkPrintDoc       *doc)
{
  idk_print_doc_draw_page (doc, gtk_print_context_get_cairo_context (context), page);
}

/**
 * idk_print_run:
 * @export_path: (nullable): write a PDF there without asking; %NULL shows
 *   the print dialog
 */
gboolean
idk_print_run (GtkWidget     *parent,
               IdkStore      *store,
               IdkPrintKind   kind,
               const char    *meeting,
               const char    *export_path,
               GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  IdkPrintDoc *doc;
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkPrintOperationResult result;

  if (!(doc = idk_print_make (store, kind, meeting, error)))
    return FALSE;

  operation = gtk_print_operation_new ();
  /* The document lays out its own margins, in points. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, idk_print_kind_to_label (kind));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_page_setup_set_paper_size (setup, gtk_paper_size_new (GTK_PAPER_NAME_A4));
  gtk_print_operation_set_default_page_setup (operation, setup);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), doc);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), doc);
  g_object_set_data_full (G_OBJECT (operation), "doc", doc, (GDestroyNotify) idk_print_doc_free);

  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  result = gtk_print_operation_run (operation,
                                    export_path ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
