/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-change.h"

G_BEGIN_DECLS

/* One record touched by a local change: how it was before, and the
 * revision the change left it at. */
typedef struct
{
  char *uuid;
  char *type;
  gboolean existed;         /* FALSE: the change created it */
  gboolean was_deleted;
  char *before_fields;      /* JSON of the fields before, when it existed */
  char *after_rev;
} IdkChangeEntry;

void        _idk_change_entry_free  (gpointer   entry);
IdkChange  *_idk_change_new         (GPtrArray *entries);
GPtrArray  *_idk_change_get_entries (IdkChange *self);

G_END_DECLS
