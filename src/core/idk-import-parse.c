/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <json-glib/json-glib.h>

#include "idk-bundle.h"
#include "idk-import-parse-private.h"
#include "idk-json-build-private.h"
#include "idk-record-type-private.h"
#include "idk-revision-private.h"

/* The revisions of a bundle parsed by json-glib and checked in a thread
 * of their own, handed over in order through a bounded queue, while the
 * importer writes the ones before into SQLite: parsing and writing each
 * take about half of an import, and run side by side on two cores.  At
 * most QUEUE_DEPTH parsed revisions wait, so memory stays bounded.
 *
 * json-glib counts references without atomics, so no json-glib value
 * crosses threads: what the writer needs of the fields (the records they
 * refer to) is copied out here, and the fields are dropped. */

#define QUEUE_DEPTH 1024

/* A revision whose clock is further ahead than this would drag every
 * office's clock with it. */
#define MAX_CLOCK_AHEAD_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

typedef struct
{
  guint index;
  IdkRevision *revision;
  GPtrArray *refs;           /* IdkImportRef */
  GError *error;
  gboolean end;
} Item;

struct _IdkParser
{
  const char *data;
  GArray *elements;          /* IdkJsonElement, not owned */
  GAsyncQueue *items;        /* Item, in the order of the bundle */
  GAsyncQueue *tokens;       /* one per free place in the queue */
  GThread *thread;
  gint stop;
  gboolean ended;
};

static void
ref_free (gpointer data)
{
  IdkImportRef *ref = data;

  g_free (ref->target);
  g_free (ref);
}

static GPtrArray *
collect_refs (IdkRevision *revision)
{
  const IdkRecordType *type = idk_record_type_lookup (revision->type);
  GPtrArray *refs = g_ptr_array_new_with_free_func (ref_free);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const IdkFieldSpec *spec = &type->fields[i];
      JsonNode *node;
      JsonArray *array;

      if (spec->kind != IDK_FIELD_REF && spec->kind != IDK_FIELD_REFS)
        continue;
      node = json_object_get_member (revision->fields, spec->name);
      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;

      array = spec->kind == IDK_FIELD_REFS ? json_node_get_array (node) : NULL;
      for (guint j = 0; j < (array ? json_array_get_length (array) : 1); j++)
        {
          IdkImportRef *ref = g_new0 (IdkImportRef, 1);

          ref->field = spec->name;
          ref->types = spec->ref_types;
          ref->target = g_strdup (array ? json_array_get_string_element (array, j) : json_node_get_string (node));
          g_ptr_array_add (refs, ref);
        }
    }

  return refs;
}

static void
item_free (Item *item)
{
  g_clear_pointer (&item->revision, idk_revision_unref);
  g_clear_pointer (&item->refs, g_ptr_array_unref);
  g_clear_error (&item->error);
  g_free (item);
}

static IdkRevision *
parse_one (const char            *data,
           guint                  index,
           const IdkJsonElement  *element,
           GError               **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(IdkRevision) revision = NULL;
  g_autoptr(JsonNode) root = NULL;
  gint64 now_ms = g_get_real_time () / 1000;

  if (!(root = _idk_json_build (data + element->value.start, element->value.end - element->value.start, &local)))
    {
      g_set_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_MALFORMED,
                   _("Revision %u of the bundle: %s"), index + 1, local->message);
      return NULL;
    }

  revision = _idk_revision_parse (root, FALSE, &local);
  if (revision == NULL)
    {
      g_set_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_INVALID,
                   _("Revision %u of the bundle: %s"), index + 1, local->message);
      return NULL;
    }

  if ((gint64) (revision->hlc >> 16) > now_ms + MAX_CLOCK_AHEAD_MS)
    {
      g_set_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_INVALID,
                   _("Revision %u of the bundle (%s %s): its clock value is more than a day ahead of this "
                   "computer's clock"), index + 1, revision->type, revision->record);
      return NULL;
    }

  return g_steal_pointer (&revision);
}

static gpointer
parse_thread (gpointer data)
{
  IdkParser *self = data;
  Item *end;

  for (guint i = 0; i < self->elements->len; i++)
    {
      Item *item;
      gboolean failed;

      g_async_queue_pop (self->tokens);
      if (g_atomic_int_get (&self->stop))
        break;

      item = g_new0 (Item, 1);
      item->index = i;
      item->revision = parse_one (self->data, i, &g_array_index (self->elements, IdkJsonElement, i),
                                  &item->error);
      if (item->revision != NULL)
        {
          item->refs = collect_refs (item->revision);
          g_clear_pointer (&item->revision->fields, json_object_unref);
        }
      /* Once pushed, the item belongs to the reader. */
      failed = item->error != NULL;
      g_async_queue_push (self->items, item);
      if (failed)
        break;
    }

  end = g_new0 (Item, 1);
  end->end = TRUE;
  g_async_queue_push (self->items, end);
  return NULL;
}

IdkParser *
_idk_parser_start (const char *data,
                   GArray     *elements)
{
  IdkParser *self = g_new0 (IdkParser, 1);

  self->data = data;
  self->elements = elements;
  self->items = g_async_queue_new ();
  self->tokens = g_async_queue_new ();
  for (guint i = 0; i < QUEUE_DEPTH; i++)
    g_async_queue_push (self->tokens, GUINT_TO_POINTER (1));
  self->thread = g_thread_new ("idk-import-parse", parse_thread, self);

  return self;
}

/**
 * _idk_parser_next:
 * @index: (out): the position of the revision in the bundle
 * @refs: (out) (transfer full): its references, as #IdkImportRef
 *
 * Returns: (transfer full) (nullable): the next revision, without its
 *   fields, or %NULL at the end, or with @error set if it is refused
 */
IdkRevision *
_idk_parser_next (IdkParser  *self,
                  guint      *index,
                  GPtrArray **refs,
                  GError    **error)
{
  Item *item;
  IdkRevision *revision;

  if (self->ended)
    return NULL;

  item = g_async_queue_pop (self->items);
  if (item->end)
    {
      self->ended = TRUE;
      item_free (item);
      return NULL;
    }

  g_async_queue_push (self->tokens, GUINT_TO_POINTER (1));
  if (item->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&item->error));
      item_free (item);
      return NULL;
    }

  *index = item->index;
  *refs = g_steal_pointer (&item->refs);
  revision = g_steal_pointer (&item->revision);
  item_free (item);
  return revision;
}

/* Stops the thread wherever it is, and frees everything. */
void
_idk_parser_stop (IdkParser *self)
{
  g_atomic_int_set (&self->stop, TRUE);
  g_async_queue_push (self->tokens, GUINT_TO_POINTER (1));

  while (!self->ended)
    {
      Item *item = g_async_queue_pop (self->items);

      self->ended = item->end;
      item_free (item);
      g_async_queue_push (self->tokens, GUINT_TO_POINTER (1));
    }

  g_thread_join (self->thread);
  g_async_queue_unref (self->items);
  g_async_queue_unref (self->tokens);
  g_free (self);
}
