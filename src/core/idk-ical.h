/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-store.h"

G_BEGIN_DECLS

/* Which meetings go into an iCalendar file, and how. */
typedef struct
{
  const char *from;          /* meetings not over before this day */
  const char *to;            /* meetings started by this day */
  const char *type;          /* "full-session", … */
  const char *meeting;       /* this meeting only */
  gboolean include_months;   /* meetings known to the month, as all-day events over the month */
  gboolean timed_days;       /* also one timed event per agenda day, in the city's zone */
} IdkIcalOptions;

char     *idk_store_make_ical  (IdkStore              *self,
                                const IdkIcalOptions  *options,
                                guint                 *n_events,
                                GPtrArray            **notes,
                                GError               **error);
gboolean  idk_store_write_ical (IdkStore              *self,
                                const IdkIcalOptions  *options,
                                const char            *path,
                                guint                 *n_events,
                                GPtrArray            **notes,
                                GError               **error);
char     *idk_meeting_ical_uid (const char            *meeting_uuid);

G_END_DECLS
