/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "idk-bundle.h"
#include "idk-import-parse-private.h"
#include "idk-json-flat-private.h"
#include "idk-record-type-private.h"
#include "idk-revision-private.h"
#include "idk-store-private.h"

/* The revisions of a bundle read (idk-json-flat.c) and checked in a thread
 * of their own, handed over in order in batches, while the importer
 * writes the ones before into SQLite: parsing and writing each take about
 * half of an import, and run side by side on two cores.  At most
 * N_BATCHES × BATCH parsed revisions wait, so memory stays bounded.  A
 * batch comes back once written, and is emptied here: what a thread
 * allocates it frees (the allocator consolidated all through an import
 * that freed in one thread what the other had allocated), and one hand-over
 * per batch instead of one per revision spares a wake-up each time.
 *
 * The values read stay in this thread's own blocks, reused from one
 * revision to the next: what the writer needs of the fields (the records
 * they refer to) is copied out here.  So are the
 * values of the record's query row, taken from the parsed fields or, for
 * fields with escapes, by SQLite on a connection of this thread's own,
 * for the writer to write as they are when the record is new (see
 * _idk_store_prepare_fresh_row ()). */

#define BATCH 64
#define N_BATCHES 16

/* A revision whose clock is further ahead than this would drag every
 * office's clock with it. */
#define MAX_CLOCK_AHEAD_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

typedef struct
{
  guint index;
  IdkRevision *revision;
  GPtrArray *refs;           /* IdkImportRef */
  IdkImportRow *row;
  GError *error;
} Item;

typedef struct
{
  Item items[BATCH];
  guint n_items;
  guint next;                /* the reader's place */
  gboolean end;              /* nothing comes after */
} Batch;

struct _IdkParser
{
  const char *data;
  GArray *elements;          /* IdkJsonElement, not owned */
  GAsyncQueue *full;         /* Batch, in the order of the bundle */
  GAsyncQueue *spent;        /* Batch, written or never filled */
  Batch *current;            /* the reader's */
  GThread *thread;
  sqlite3 *db;               /* the thread's, in memory */
  sqlite3_stmt **extract;    /* by record type */
  IdkJsonFlat flat;          /* the revision being parsed */
  GString *row_text;         /* its query row's text, being made */
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
collect_refs (const IdkRecordType *type,
              IdkJsonFlat         *flat,
              const guint         *members)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func (ref_free);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const IdkFieldSpec *spec = &type->fields[i];
      const IdkJsonValue *value;
      guint target;

      if ((spec->kind != IDK_FIELD_REF && spec->kind != IDK_FIELD_REFS) || members[i] == 0)
        continue;
      value = _idk_json_flat_at (flat, members[i]);
      if (value->kind == IDK_JSON_NULL)
        continue;

      /* Checked: a string, or an array of strings. */
      target = spec->kind == IDK_FIELD_REFS ? value->first : members[i];
      for (; target != 0; target = spec->kind == IDK_FIELD_REFS ? _idk_json_flat_at (flat, target)->next : 0)
        {
          IdkImportRef *ref = g_new0 (IdkImportRef, 1);

          ref->field = spec->name;
          ref->types = spec->ref_types;
          ref->target = g_strdup (_idk_json_flat_string (flat, target));
          g_ptr_array_add (refs, ref);
        }
    }

  return refs;
}

/* One block of memory for the whole row, @text_size bytes of text in
 * it: a dozen small blocks per revision made by one thread and freed by
 * the other kept the allocator consolidating. */
static IdkImportRow *
row_new (guint n_values,
         gsize text_size,
         char **text)
{
  IdkImportRow *row = g_malloc (sizeof (IdkImportRow) + n_values * sizeof (IdkImportValue) + text_size);

  row->n_values = n_values;
  *text = (char *) &row->values[n_values];
  return row;
}

static void
row_set_text (IdkImportValue  *value,
              char           **text,
              const char      *bytes,
              gsize            length)
{
  value->type = SQLITE_TEXT;
  value->length = (int) length;
  value->text = *text;
  memcpy (*text, bytes, length);
  (*text)[length] = '\0';
  *text += length + 1;
}

/* The value json_extract () gives for @index, a member of fields whose
 * text has no escape, no space and no duplicate key (see row_from_flat ()):
 * @text as the row would hold it, or FALSE for a kind of value that it
 * does not take on here. */
static gboolean
flat_value (IdkJsonFlat *flat,
            guint        index,
            GString     *text,
            gint64      *integer,
            int         *type)
{
  const IdkJsonValue *value = index ? _idk_json_flat_at (flat, index) : NULL;

  if (value == NULL || value->kind == IDK_JSON_NULL)
    *type = SQLITE_NULL;
  else if (value->kind == IDK_JSON_ARRAY)
    {
      /* An array is given back as its text, the same bytes here. */
      g_string_append_c (text, '[');
      for (guint e = value->first; e != 0; e = _idk_json_flat_at (flat, e)->next)
        {
          const IdkJsonValue *element = _idk_json_flat_at (flat, e);

          if (element->kind != IDK_JSON_STRING)
            return FALSE;
          g_string_append (text, e == value->first ? "\"" : ",\"");
          g_string_append_len (text, _idk_json_flat_text (flat, element->string), element->length);
          g_string_append_c (text, '"');
        }
      g_string_append_c (text, ']');
      *type = SQLITE_TEXT;
    }
  else if (value->kind == IDK_JSON_STRING)
    {
      g_string_append_len (text, _idk_json_flat_text (flat, value->string), value->length);
      *type = SQLITE_TEXT;
    }
  else if (value->kind == IDK_JSON_INTEGER || value->kind == IDK_JSON_BOOLEAN)
    {
      *integer = value->kind == IDK_JSON_INTEGER ? value->integer : value->boolean;
      *type = SQLITE_INTEGER;
    }
  else
    return FALSE;

  return TRUE;
}

/* The query row out of the fields as parsed, for the common case of a
 * text SQLite minified and that has no escape: the checks the revision
 * passed leave strings, whole numbers up to 2^53, booleans, nulls and
 * arrays of strings, whose json_extract () values are the string's bytes,
 * the number, 1 or 0, NULL and the array's text.  /exchange/rows-as-settled
 * holds this to what settling extracts.  NULL for anything else. */
static IdkImportRow *
row_from_flat (IdkParser           *self,
               const IdkRecordType *type,
               const guint         *members)
{
  GString *text = self->row_text;
  /* A descriptor has a few dozen fields at most: on the stack, as this
   * runs for every revision on the busier thread. */
  gsize *ends = g_newa (gsize, type->n_fields);
  gint64 *integers = g_newa (gint64, type->n_fields);
  int *types = g_newa (int, type->n_fields);
  IdkImportRow *row;
  char *block;

  g_string_truncate (text, 0);
  for (guint i = 0; i < type->n_fields; i++)
    {
      if (!flat_value (&self->flat, members[i], text, &integers[i], &types[i]))
        return NULL;
      ends[i] = text->len;
    }

  row = row_new (type->n_fields, text->len + type->n_fields, &block);
  for (guint i = 0; i < type->n_fields; i++)
    {
      IdkImportValue *value = &row->values[i];
      gsize start = i ? ends[i - 1] : 0;

      value->type = types[i];
      if (types[i] == SQLITE_TEXT)
        row_set_text (value, &block, text->str + start, ends[i] - start);
      else
        value->integer = integers[i];
    }
  return row;
}

/* The query row by SQLite itself, for fields with escapes; or NULL where
 * SQLite cannot give it: settling then extracts it, and meets the same
 * fault in the same place. */
static IdkImportRow *
extract_row (IdkParser            *self,
             const IdkRecordType  *type,
             const char           *fields,
             gsize                 length)
{
  guint n = idk_record_type_count (), t = 0;
  IdkImportRow *row = NULL;
  sqlite3_stmt *stmt;

  while (t < n && idk_record_type_nth (t) != type)
    t++;
  if (t == n || length > G_MAXINT)
    return NULL;

  if (self->db == NULL &&
      sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    return NULL;
  if (self->extract == NULL)
    self->extract = g_new0 (sqlite3_stmt *, n);
  if ((stmt = self->extract[t]) == NULL)
    {
      g_autofree char *columns = _idk_record_type_columns_sql (type, "?1");
      g_autofree char *sql = g_strconcat ("SELECT ", columns, NULL);

      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        return NULL;
      self->extract[t] = stmt;
    }

  sqlite3_bind_text (stmt, 1, fields, (int) length, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gsize size = 0;
      char *text;

      for (guint i = 0; i < type->n_fields; i++)
        if (sqlite3_column_type (stmt, (int) i) == SQLITE_TEXT)
          size += (gsize) sqlite3_column_bytes (stmt, (int) i) + 1;

      row = row_new (type->n_fields, size, &text);
      for (guint i = 0; i < type->n_fields; i++)
        {
          IdkImportValue *value = &row->values[i];

          value->type = sqlite3_column_type (stmt, (int) i);
          if (value->type == SQLITE_INTEGER)
            value->integer = sqlite3_column_int64 (stmt, (int) i);
          else if (value->type == SQLITE_FLOAT)
            value->real = sqlite3_column_double (stmt, (int) i);
          else if (value->type == SQLITE_TEXT)
            row_set_text (value, &text, (const char *) sqlite3_column_text (stmt, (int) i),
                          (gsize) sqlite3_column_bytes (stmt, (int) i));
          else
            value->type = SQLITE_NULL;
        }
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return row;
}

/**
 * _idk_import_row_bind:
 *
 * Binds the values of @row to @stmt, from parameter 2 on.
 */
void
_idk_import_row_bind (const IdkImportRow *row,
                      sqlite3_stmt       *stmt)
{
  for (guint i = 0; i < row->n_values; i++)
    {
      const IdkImportValue *value = &row->values[i];
      int column = (int) i + 2;

      if (value->type == SQLITE_INTEGER)
        sqlite3_bind_int64 (stmt, column, value->integer);
      else if (value->type == SQLITE_FLOAT)
        sqlite3_bind_double (stmt, column, value->real);
      else if (value->type == SQLITE_TEXT)
        sqlite3_bind_text (stmt, column, value->text, value->length, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, column);
    }
}

static void
batch_clear (Batch *batch)
{
  for (guint i = 0; i < batch->n_items; i++)
    {
      Item *item = &batch->items[i];

      g_clear_pointer (&item->revision, idk_revision_unref);
      g_clear_pointer (&item->refs, g_ptr_array_unref);
      g_clear_pointer (&item->row, g_free);
      g_clear_error (&item->error);
    }
  batch->n_items = batch->next = 0;
  batch->end = FALSE;
}

static IdkRevision *
parse_one (IdkParser             *self,
           guint                  index,
           const IdkJsonElement  *element,
           guint                 *members,
           GError               **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(IdkRevision) revision = NULL;
  gint64 now_ms = g_get_real_time () / 1000;
  guint fields;

  if (!_idk_json_flat_read (&self->flat, self->data + element->value.start,
                            element->value.end - element->value.start, &local))
    {
      g_set_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_MALFORMED,
                   _("Revision %u of the bundle: %s"), index + 1, local->message);
      return NULL;
    }

  revision = _idk_revision_parse_flat (&self->flat, &fields, members, &local);
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

static void
parse_item (IdkParser *self,
            guint      index,
            Item      *item)
{
  const IdkJsonElement *element = &g_array_index (self->elements, IdkJsonElement, index);
  guint members[IDK_RECORD_TYPE_MAX_FIELDS];
  const IdkRecordType *type;

  item->index = index;
  item->revision = parse_one (self, index, element, members, &item->error);
  if (item->revision == NULL)
    return;

  type = idk_record_type_lookup (item->revision->type);
  item->refs = collect_refs (type, &self->flat, members);
  /* Fields as the database stores them, else settling minifies. */
  if (!item->revision->deleted && element->fields_compact)
    {
      const char *fields = self->data + element->fields.start;
      gsize length = element->fields.end - element->fields.start;

      if (memchr (fields, '\\', length) == NULL)
        item->row = row_from_flat (self, type, members);
      if (item->row == NULL)
        item->row = extract_row (self, type, fields, length);
    }
}

static gpointer
parse_thread (gpointer data)
{
  IdkParser *self = data;
  gboolean end = FALSE;
  guint i = 0;

  while (!end)
    {
      Batch *batch = g_async_queue_pop (self->spent);

      batch_clear (batch);
      end = g_atomic_int_get (&self->stop);
      while (!end && batch->n_items < BATCH && i < self->elements->len)
        {
          Item *item = &batch->items[batch->n_items++];

          parse_item (self, i++, item);
          end = item->error != NULL;
        }
      batch->end = end = end || i == self->elements->len;
      /* Once pushed, the batch is the reader's until it comes back. */
      g_async_queue_push (self->full, batch);
    }

  /* The thread's connection ends with it. */
  for (guint t = 0; self->extract != NULL && t < idk_record_type_count (); t++)
    sqlite3_finalize (self->extract[t]);
  g_clear_pointer (&self->extract, g_free);
  g_clear_pointer (&self->db, sqlite3_close);
  _idk_json_flat_clear (&self->flat);
  g_string_free (self->row_text, TRUE);
  return NULL;
}

IdkParser *
_idk_parser_start (const char *data,
                   GArray     *elements)
{
  IdkParser *self = g_new0 (IdkParser, 1);

  self->data = data;
  self->elements = elements;
  _idk_json_flat_init (&self->flat);
  self->row_text = g_string_sized_new (512);
  self->full = g_async_queue_new ();
  self->spent = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (self->spent, g_new0 (Batch, 1));
  self->thread = g_thread_new ("idk-import-parse", parse_thread, self);

  return self;
}

/**
 * _idk_parser_next:
 * @index: (out): the position of the revision in the bundle
 * @refs: (out) (transfer none): its references, as #IdkImportRef
 * @row: (out) (transfer none) (nullable): the values of its record's query
 *   row, unless it is a deletion
 *
 * Returns: (transfer none) (nullable): the next revision, without its
 *   fields, or %NULL at the end, or with @error set if it is refused.  It
 *   and what comes with it are the parser's, until the next call.
 */
IdkRevision *
_idk_parser_next (IdkParser     *self,
                  guint         *index,
                  GPtrArray    **refs,
                  IdkImportRow **row,
                  GError       **error)
{
  while (!self->ended)
    {
      Item *item;

      if (self->current == NULL)
        self->current = g_async_queue_pop (self->full);
      if (self->current->next == self->current->n_items)
        {
          self->ended = self->current->end;
          if (!self->ended)
            g_async_queue_push (self->spent, g_steal_pointer (&self->current));
          continue;
        }

      item = &self->current->items[self->current->next++];
      if (item->error != NULL)
        {
          self->ended = TRUE;
          g_propagate_error (error, g_steal_pointer (&item->error));
          return NULL;
        }
      *index = item->index;
      *refs = item->refs;
      *row = item->row;
      return item->revision;
    }

  return NULL;
}

/* Stops the thread wherever it is, and frees everything. */
void
_idk_parser_stop (IdkParser *self)
{
  Batch *batch;

  g_atomic_int_set (&self->stop, TRUE);
  if (self->current != NULL)
    {
      self->ended = self->ended || self->current->end;
      g_async_queue_push (self->spent, g_steal_pointer (&self->current));
    }
  while (!self->ended)
    {
      batch = g_async_queue_pop (self->full);
      self->ended = batch->end;
      g_async_queue_push (self->spent, batch);
    }

  g_thread_join (self->thread);
  while ((batch = g_async_queue_try_pop (self->spent)) != NULL)
    {
      batch_clear (batch);
      g_free (batch);
    }
  g_async_queue_unref (self->full);
  g_async_queue_unref (self->spent);
  g_free (self);
}
