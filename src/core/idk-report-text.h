/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IDK_REPORT_ERROR (idk_report_error_quark ())

typedef enum
{
  IDK_REPORT_ERROR_TOO_LARGE,   /* beyond a bound: the file, or one line */
  IDK_REPORT_ERROR_ENCODING,    /* not UTF-8 text */
  IDK_REPORT_ERROR_EMPTY,       /* no text at all */
  IDK_REPORT_ERROR_UNKNOWN_NAME, /* a correction names no record the store knows */
} IdkReportError;

/* Bounds of a report's text: the largest seed is under 100 KB. */
#define IDK_REPORT_MAX_SIZE (4 * 1024 * 1024)
#define IDK_REPORT_MAX_LINE 16384

/* One line of a report as read, its markup taken off. */
typedef struct
{
  guint number;       /* in the file, from 1 */
  guint indent;       /* spaces before it, a tab counting as one */
  guint heading;      /* "#" marks before it: 0 for body text */
  gboolean bold;      /* the whole line was in "**" */
  char *text;         /* without the marks, spaces at its ends trimmed */
} IdkReportLine;

typedef struct _IdkReportText IdkReportText;

GQuark               idk_report_error_quark       (void);
GType                idk_report_text_get_type     (void) G_GNUC_CONST;
IdkReportText       *idk_report_text_new          (const char     *data,
                                                   gsize           length,
                                                   GError        **error);
IdkReportText       *idk_report_text_ref          (IdkReportText  *self);
void                 idk_report_text_unref        (IdkReportText  *self);
guint                idk_report_text_get_n_lines  (IdkReportText  *self);
const IdkReportLine *idk_report_text_get_line     (IdkReportText  *self,
                                                   guint           index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdkReportText, idk_report_text_unref)

G_END_DECLS
