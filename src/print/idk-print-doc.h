/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "idk-session.h"

G_BEGIN_DECLS

/* A printable document: headings, paragraphs, tables and charts, laid out
 * on pages with Pango and drawn with Cairo, the same for a PDF file and for
 * GtkPrintOperation. */

typedef struct _IdkPrintDoc IdkPrintDoc;

typedef enum
{
  IDK_PAPER_A4,
  IDK_PAPER_LETTER,
} IdkPaperSize;

IdkPrintDoc *idk_print_doc_new            (const char          *running_header);
void         idk_print_doc_free           (IdkPrintDoc         *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdkPrintDoc, idk_print_doc_free)

void         idk_print_doc_add_heading    (IdkPrintDoc         *doc,
                                           int                  level,
                                           const char          *text);
void         idk_print_doc_add_paragraph  (IdkPrintDoc         *doc,
                                           const char          *text);
void         idk_print_doc_add_note       (IdkPrintDoc         *doc,
                                           const char          *text);
void         idk_print_doc_begin_table    (IdkPrintDoc         *doc,
                                           guint                n_columns,
                                           const double        *widths,
                                           const char * const  *header);
void         idk_print_doc_add_row        (IdkPrintDoc         *doc,
                                           const char * const  *cells,
                                           gboolean             emphasis);
void         idk_print_doc_end_table      (IdkPrintDoc         *doc);
void         idk_print_doc_add_chart      (IdkPrintDoc         *doc,
                                           IdkReview           *review);

void         idk_print_paper_size         (IdkPaperSize         paper,
                                           double              *width,
                                           double              *height);
int          idk_print_doc_paginate       (IdkPrintDoc         *doc,
                                           cairo_t             *cr,
                                           double               width,
                                           double               height);
void         idk_print_doc_draw_page      (IdkPrintDoc         *doc,
                                           cairo_t             *cr,
                                           int                  page);
gboolean     idk_print_doc_write_pdf      (IdkPrintDoc         *doc,
                                           const char          *path,
                                           IdkPaperSize         paper,
                                           int                 *n_pages,
                                           GError             **error);

G_END_DECLS
