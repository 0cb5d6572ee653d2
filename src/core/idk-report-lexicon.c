/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-report"

#include "config.h"

#include <string.h>

#include "idk-report-private.h"

/* The names the report importer can recognise: the organizations and the
 * working groups of the store (acronyms, names, aliases), and the meetings
 * it holds.  A name not in the lexicon is never proposed as an owner, so
 * that the importer does not invent one from any capitalised word. */

typedef struct
{
  char *name;
  gboolean any_case;     /* a long name matches in any case; an acronym only as written */
  IdkReportNameKind kind;
  char *label;
  char *uuid;
} Entry;

typedef struct
{
  char *uuid;
  char *type;
  gint64 number;
  char *start;
  char *city;
} Meeting;

struct _IdkReportLexicon
{
  gatomicrefcount ref_count;
  GArray *entries;        /* Entry */
  GArray *meetings;       /* Meeting, by start date */
  GHashTable *names;      /* casefolded name -> IdkNameMatch, for whole names */
};

G_DEFINE_BOXED_TYPE (IdkReportLexicon, idk_report_lexicon, idk_report_lexicon_ref, idk_report_lexicon_unref)

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_free (e->name);
  g_free (e->label);
  g_free (e->uuid);
}

static void
meeting_clear (gpointer data)
{
  Meeting *m = data;

  g_free (m->uuid);
  g_free (m->type);
  g_free (m->start);
  g_free (m->city);
}

IdkReportLexicon *
idk_report_lexicon_new (void)
{
  IdkReportLexicon *self = g_new0 (IdkReportLexicon, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->meetings = g_array_new (FALSE, TRUE, sizeof (Meeting));
  g_array_set_clear_func (self->meetings, meeting_clear);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

IdkReportLexicon *
idk_report_lexicon_ref (IdkReportLexicon *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
idk_report_lexicon_unref (IdkReportLexicon *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->entries);
      g_array_unref (self->meetings);
      g_hash_table_unref (self->names);
      g_free (self);
    }
}

static gboolean
is_acronym (const char *name)
{
  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_islower (*p))
      return FALSE;
  return TRUE;
}

static void
add_entry (IdkReportLexicon  *self,
           IdkReportNameKind  kind,
           const char        *uuid,
           const char        *label,
           const char        *name)
{
  Entry e = { 0 };
  g_autofree char *key = g_utf8_casefold (name, -1);
  IdkNameMatch *match;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *o = &g_array_index (self->entries, Entry, i);

      if (strcmp (o->name, name) == 0 && g_strcmp0 (o->uuid, uuid) == 0)
        return;
    }
  e.name = g_strdup (name);
  e.any_case = !is_acronym (name) && strlen (name) > 6;
  e.kind = kind;
  e.label = g_strdup (label);
  e.uuid = g_strdup (uuid);
  g_array_append_val (self->entries, e);

  if (!g_hash_table_contains (self->names, key))
    {
      const Entry *added = &g_array_index (self->entries, Entry, self->entries->len - 1);

      match = g_new0 (IdkNameMatch, 1);
      match->kind = kind;
      match->label = added->label;
      match->uuid = added->uuid;
      g_hash_table_insert (self->names, g_steal_pointer (&key), match);
    }
}

/**
 * idk_report_lexicon_add_name:
 * @uuid: (nullable): the record's
 * @label: how a proposal names the record: its acronym, or its name
 * @name: one way the text may write it (acronym, name or alias)
 *
 * A working group's name is also known with "WG" for "Working Group"
 * ("the Security Training WG").
 */
void
idk_report_lexicon_add_name (IdkReportLexicon  *self,
                             IdkReportNameKind  kind,
                             const char        *uuid,
                             const char        *label,
                             const char        *name)
{
  const char *wg;

  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL && name != NULL);

  if (*name == '\0')
    return;
  add_entry (self, kind, uuid, label, name);
  if (kind == IDK_REPORT_NAME_WORKING_GROUP && (wg = strstr (name, "Working Group")) != NULL)
    {
      g_autofree char *shortened = g_strdup_printf ("%.*sWG%s", (int) (wg - name), name,
                                                    wg + strlen ("Working Group"));

      add_entry (self, kind, uuid, label, shortened);
    }
}

void
idk_report_lexicon_add_meeting (IdkReportLexicon *self,
                                const char       *uuid,
                                const char       *type,
                                gint64            number,
                                const char       *start,
                                const char       *city)
{
  Meeting m = { g_strdup (uuid), g_strdup (type), number, g_strdup (start), g_strdup (city) };
  guint at = self->meetings->len;

  g_return_if_fail (self != NULL && type != NULL && start != NULL);

  while (at > 0 && strcmp (g_array_index (self->meetings, Meeting, at - 1).start, start) > 0)
    at--;
  g_array_insert_val (self->meetings, at, m);
}

/**
 * _idk_report_lexicon_meeting:
 * @number: the meeting's number, or 0 for the first of @type after @after
 *
 * Returns: (nullable): the UUID of the meeting
 */
const char *
_idk_report_lexicon_meeting (IdkReportLexicon *self,
                             const char       *type,
                             gint64            number,
                             const char       *after)
{
  if (self == NULL)
    return NULL;
  for (guint i = 0; i < self->meetings->len; i++)
    {
      const Meeting *m = &g_array_index (self->meetings, Meeting, i);

      if (strcmp (m->type, type) != 0)
        continue;
      if (number > 0 ? m->number == number : (after != NULL && strcmp (m->start, after) > 0))
        return m->uuid;
    }
  return NULL;
}

/**
 * _idk_report_lexicon_meeting_at:
 *
 * Returns: (nullable): the UUID of the meeting of @type numbered @number,
 *   or, when it has no number, that begins in the month of @start
 */
const char *
_idk_report_lexicon_meeting_at (IdkReportLexicon *self,
                                const char       *type,
                                gint64            number,
                                const char       *start)
{
  if (self == NULL || start == NULL)
    return NULL;
  for (guint i = 0; i < self->meetings->len; i++)
    {
      const Meeting *m = &g_array_index (self->meetings, Meeting, i);

      if (strcmp (m->type, type) != 0)
        continue;
      if (number > 0 && m->number == number)
        return m->uuid;
      if (number == 0 && strncmp (m->start, start, 7) == 0)
        return m->uuid;
    }
  return NULL;
}

/* A whole name, in any case: "UNDSS", "the Secretariat". */
const IdkNameMatch *
_idk_report_lexicon_find (IdkReportLexicon *self,
                          const char       *name)
{
  g_autofree char *key = NULL;
  const char *p = name;

  if (self == NULL)
    return NULL;
  if (g_ascii_strncasecmp (p, "the ", 4) == 0)
    p += 4;
  key = g_utf8_casefold (p, -1);
  return g_hash_table_lookup (self->names, key);
}

static gboolean
name_at (const Entry *e,
         const char  *text,
         const char  *p,
         gsize        n)
{
  if (e->any_case ? g_ascii_strncasecmp (p, e->name, n) != 0 : strncmp (p, e->name, n) != 0)
    return FALSE;
  if (p > text && (g_ascii_isalnum (p[-1]) || p[-1] == '-'))
    return FALSE;
  /* "UNDSS'", "UNDSS’s" and "UNDSS/PPCU" end a name; "UNDSSX" or "UN-Women" do not. */
  return !g_ascii_isalnum (p[n]) && !(p[n] == '-' && g_ascii_isalpha (p[n + 1]));
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const IdkNameMatch *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (y->end - y->start) - (x->end - x->start);
}

/**
 * _idk_report_lexicon_scan:
 *
 * Returns: (transfer full): the #IdkNameMatch of every known name in
 *   @text, pointing into it
 */
GArray *
_idk_report_lexicon_scan (IdkReportLexicon *self,
                          const char       *text)
{
  GArray *all = g_array_new (FALSE, FALSE, sizeof (IdkNameMatch));
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (IdkNameMatch));
  const char *covered = text;

  if (self == NULL)
    return kept;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *e = &g_array_index (self->entries, Entry, i);
      gsize n = strlen (e->name);
      char first = e->name[0];

      for (const char *p = text; *p != '\0'; p++)
        if ((e->any_case ? g_ascii_tolower (*p) == g_ascii_tolower (first) : *p == first)
            && name_at (e, text, p, n))
          {
            IdkNameMatch m = { p, p + n, e->kind, e->label, e->uuid };

            g_array_append_val (all, m);
          }
    }
  g_array_sort (all, compare_matches);
  for (guint i = 0; i < all->len; i++)
    {
      const IdkNameMatch *m = &g_array_index (all, IdkNameMatch, i);

      if (m->start < covered)
        continue;
      g_array_append_val (kept, *m);
      covered = m->end;
    }
  g_array_unref (all);
  return kept;
}

/**
 * idk_report_name_new:
 * @uuid: (nullable): the record's
 *
 * An owner as a person correcting a proposal gives it.
 */
IdkReportName *
idk_report_name_new (IdkReportNameKind  kind,
                     const char        *label,
                     const char        *uuid)
{
  IdkReportName *name = g_new0 (IdkReportName, 1);

  name->kind = kind;
  name->label = g_strdup (label);
  name->uuid = g_strdup (uuid);
  return name;
}

IdkReportName *
_idk_report_name_new (const IdkNameMatch *match)
{
  return idk_report_name_new (match->kind, match->label, match->uuid);
}

void
idk_report_name_free (IdkReportName *name)
{
  g_free (name->label);
  g_free (name->uuid);
  g_free (name);
}
