/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-change"

#include "config.h"

#include "idk-change-private.h"

/* What one local transaction changed, record by record, kept so that it
 * can be undone: idk_store_take_last_change() hands it out after a verb,
 * idk_store_undo() writes each record back as it was, as new revisions
 * (so an undo travels in bundles like any edit). */

struct _IdkChange
{
  GObject parent_instance;

  GPtrArray *entries;       /* IdkChangeEntry, in the order first touched */
};

G_DEFINE_FINAL_TYPE (IdkChange, idk_change, G_TYPE_OBJECT)

void
_idk_change_entry_free (gpointer data)
{
  IdkChangeEntry *entry = data;

  g_free (entry->uuid);
  g_free (entry->type);
  g_free (entry->before_fields);
  g_free (entry->after_rev);
  g_free (entry);
}

static void
idk_change_finalize (GObject *object)
{
  IdkChange *self = IDK_CHANGE (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (idk_change_parent_class)->finalize (object);
}

static void
idk_change_class_init (IdkChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = idk_change_finalize;
}

static void
idk_change_init (IdkChange *self)
{
}

/* Takes @entries. */
IdkChange *
_idk_change_new (GPtrArray *entries)
{
  IdkChange *self = g_object_new (IDK_TYPE_CHANGE, NULL);

  self->entries = entries;
  return self;
}

GPtrArray *
_idk_change_get_entries (IdkChange *self)
{
  return self->entries;
}

/**
 * idk_change_get_n_records:
 *
 * Returns: how many records the change touched
 */
guint
idk_change_get_n_records (IdkChange *self)
{
  g_return_val_if_fail (IDK_IS_CHANGE (self), 0);

  return self->entries->len;
}

/**
 * idk_change_get_record:
 *
 * Returns: the UUID of the @n-th record the change touched
 */
const char *
idk_change_get_record (IdkChange *self,
                       guint      n)
{
  g_return_val_if_fail (IDK_IS_CHANGE (self), NULL);
  g_return_val_if_fail (n < self->entries->len, NULL);

  return ((IdkChangeEntry *) g_ptr_array_index (self->entries, n))->uuid;
}
