/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-import-private.h"
#include "idk-record-type-private.h"

/* The records a bundle's revisions refer to, noted as they are written
 * and checked once at the end, when the whole bundle is in the tables: a
 * revision may name a record that comes later in the bundle. */

typedef struct _RefUse RefUse;

/* The first use of a target by a kind of field (the types it takes). */
struct _RefUse
{
  const char *field;             /* static, from the descriptor */
  const char * const *types;     /* static, from the descriptor */
  guint index;
  char *record;
  const char *type;              /* static, from the descriptor */
  RefUse *next;                  /* the target's use by another kind of field */
};

struct _IdkImportRefs
{
  GHashTable *targets;           /* target → RefUse */
};

static void
ref_use_free (gpointer data)
{
  RefUse *use = data;

  while (use != NULL)
    {
      RefUse *next = use->next;

      g_free (use->record);
      g_free (use);
      use = next;
    }
}

IdkImportRefs *
_idk_import_refs_new (void)
{
  IdkImportRefs *self = g_new0 (IdkImportRefs, 1);

  self->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, ref_use_free);
  return self;
}

void
_idk_import_refs_free (IdkImportRefs *self)
{
  g_hash_table_unref (self->targets);
  g_free (self);
}

/* Each target once for each kind of field that names it: a record named
 * rightly once and wrongly later is checked both times. */
void
_idk_import_refs_note (IdkImportRefs *self,
                       guint          index,
                       IdkRevision   *revision,
                       GPtrArray     *refs)
{
  for (guint i = 0; i < refs->len; i++)
    {
      IdkImportRef *ref = g_ptr_array_index (refs, i);
      RefUse *first = g_hash_table_lookup (self->targets, ref->target);
      RefUse *use;

      for (use = first; use != NULL; use = use->next)
        if (use->types == ref->types)
          break;
      if (use != NULL)
        continue;

      use = g_new0 (RefUse, 1);
      use->field = ref->field;
      use->types = ref->types;
      use->index = index;
      use->record = g_strdup (revision->record);
      use->type = idk_record_type_lookup (revision->type)->name;
      if (first != NULL)
        {
          use->next = first->next;
          first->next = use;
        }
      else
        g_hash_table_insert (self->targets, g_strdup (ref->target), use);
    }
}

/* Every record the bundle refers to must exist, here or in the bundle
 * (all of which is in records by now), and be of a type the field takes. */
gboolean
_idk_import_refs_check (IdkImportRefs  *self,
                        IdkStore       *store,
                        GError        **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->targets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *target = key;
      g_autofree char *type = NULL;
      sqlite3_stmt *stmt;

      if (!(stmt = _idk_store_prepare (store, "SELECT type FROM records WHERE uuid = ?1", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, target, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);

      for (RefUse *use = value; use != NULL; use = use->next)
        {
          if (type == NULL)
            return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Revision %u of the bundle (%s %s), field “%s”: refers to "
                           "%s, which is neither in the bundle nor in this database"),
                           use->index + 1, use->type, use->record, use->field, target);
          if (!g_strv_contains (use->types, type))
            return _idk_import_refuse (error, IDK_BUNDLE_ERROR_INVALID, _("Revision %u of the bundle (%s %s), field “%s”: refers to "
                           "%s, which is of type %s, not %s"),
                           use->index + 1, use->type, use->record, use->field, target, type, use->types[0]);
        }
    }

  return TRUE;
}
