/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are stored as ISO 8601 text of reduced precision: "2014",
 * "2014-11" or "2014-11-12", because the reports give some meetings only
 * to the month.  The text sorts correctly and keeps what is known.
 */
typedef enum
{
  IDK_DATE_PRECISION_NONE = 0,
  IDK_DATE_PRECISION_YEAR,
  IDK_DATE_PRECISION_MONTH,
  IDK_DATE_PRECISION_DAY,
} IdkDatePrecision;

typedef struct
{
  guint16 year;
  guint8 month;   /* 0 when unknown */
  guint8 day;     /* 0 when unknown */
  IdkDatePrecision precision;
} IdkDate;

gboolean idk_date_parse           (const char    *text,
                                   IdkDate       *date);
gboolean idk_date_is_valid_text   (const char    *text);
gboolean idk_time_is_valid_text   (const char    *text);
GDate   *idk_date_first_day       (const IdkDate *date);
GDate   *idk_date_last_day        (const IdkDate *date);
char    *idk_date_format          (const char    *text);
char    *idk_date_format_range    (const char    *start,
                                   const char    *end);
int      idk_date_days_between    (const char    *start,
                                   const char    *end);

G_END_DECLS
