/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-print"

#include "config.h"

#include <errno.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "idk-print-doc.h"

/* A document as a PDF file, for the command line: the paper sizes, and a
 * file that is complete or not there at all. */

void
idk_print_paper_size (IdkPaperSize  paper,
                      double       *width,
                      double       *height)
{
  if (paper == IDK_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

/**
 * idk_print_doc_write_pdf:
 * @n_pages: (out) (optional)
 */
gboolean
idk_print_doc_write_pdf (IdkPrintDoc   *doc,
                         const char    *path,
                         IdkPaperSize   paper,
                         int           *n_pages,
                         GError       **error)
{
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  int pages;

  idk_print_paper_size (paper, &width, &height);
  surface = cairo_pdf_surface_create (partial, width, height);
  cr = cairo_create (surface);

  pages = idk_print_doc_paginate (doc, cr, width, height);
  for (int i = 0; i < pages; i++)
    {
      idk_print_doc_draw_page (doc, cr, i);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write “%s”: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }

  if (n_pages != NULL)
    *n_pages = pages;
  return TRUE;
}
