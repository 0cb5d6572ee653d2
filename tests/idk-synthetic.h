/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  guint organizations;
  guint meetings;
  guint agenda_items;
  guint actions;
  guint updates;
} IdkSyntheticSize;

gboolean idk_synthetic_write_bundle (const char              *path,
                                     const IdkSyntheticSize  *size,
                                     guint64                 *n_revisions,
                                     GError                 **error);

gpointer idk_synthetic_make_database (const char              *dir,
                                     const IdkSyntheticSize  *size,
                                     GError                 **error);

G_END_DECLS
