/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>

#include "idk-import.h"
#include "idk-store.h"
#include "idk-synthetic.h"

/* A deterministic synthetic IASMN, written straight to a bundle file: the
 * same sizes always give the same bytes (but for nothing: no clock, no
 * random numbers), so that benchmark figures compare from run to run. */

#define OFFICE "5e000000-0000-4000-8000-0000000000bb"
#define NETWORK "39027447-14a4-5783-8f3d-b7def0249000"
/* 2026-01-02T00:00:00Z, in milliseconds, as a clock value */
#define HLC_BASE (G_GUINT64_CONSTANT (1767312000000) << 16)

enum { ORGANIZATION = 1, MEETING, AGENDA_ITEM, ACTION, ACTION_UPDATE };

static const char * const statuses[] = { "open", "in-progress", "completed", "superseded", "cancelled" };
static const char * const kinds[] = { "request", "decision", "endorsement", "noting" };
static const char * const meeting_types[] = { "full-session", "sg-session", "wg-meeting", "vtc", "ad-hoc" };
static const char * const topics[] = {
  "Security Risk Management", "Safety and Security Training", "Gender Inclusion", "Road Safety",
  "Residential Security", "Crisis Management", "Security Funding", "Information Management",
};

typedef struct
{
  FILE *file;
  GChecksum *checksum;
  GString *line;
  guint64 n;
} Out;

static void
uuid (char  buffer[37],
      int   type,
      guint n)
{
  g_snprintf (buffer, 37, "5e0000%02x-0000-4000-8000-%012x", type, n);
}

static void
emit (Out        *out,
      const char *record,
      const char *type,
      const char *fields)
{
  guint64 hlc = HLC_BASE + out->n;

  g_string_printf (out->line, "%s\n{\"record\":\"%s\",\"type\":\"%s\",\"rev\":\"%016" G_GINT64_MODIFIER "x-"
                   OFFICE "\",\"parents\":[],\"hlc\":\"%016" G_GINT64_MODIFIER "x\",\"office\":\"" OFFICE
                   "\",\"deleted\":false,\"fields\":%s}",
                   out->n ? "," : "", record, type, hlc, hlc, fields);
  g_checksum_update (out->checksum, (const guchar *) out->line->str, (gssize) out->line->len);
  fwrite (out->line->str, 1, out->line->len, out->file);
  out->n++;
}

gboolean
idk_synthetic_write_bundle (const char              *path,
                            const IdkSyntheticSize  *size,
                            guint64                 *n_revisions,
                            GError                 **error)
{
  g_autoptr(GString) fields = g_string_new (NULL);
  Out out = { NULL, g_checksum_new (G_CHECKSUM_SHA256), g_string_new (NULL), 0 };
  char id[37], ref[37], ref2[37];
  gboolean ok;

  out.file = fopen (path, "w");
  if (out.file == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Cannot write %s: %s", path, g_strerror (saved));
      g_checksum_free (out.checksum);
      g_string_free (out.line, TRUE);
      return FALSE;
    }
  setvbuf (out.file, NULL, _IOFBF, 1 << 20);

  fputs ("{\n\"format\":\"iasmn-desk-bundle\",\n\"format_version\":1,\n\"network_id\":\"" NETWORK "\",\n"
         "\"bundle_id\":\"5e000000-0000-4000-8000-0000000000b1\",\n"
         "\"origin\":{\"office\":\"" OFFICE "\",\"name\":\"Synthetic office\",\"organization\":null},\n"
         "\"seq\":1,\n\"since\":0,\n\"created_at\":\"2026-01-02T00:00:00Z\",\n\"acks\":{},\n\"revisions\":",
         out.file);
  g_checksum_update (out.checksum, (const guchar *) "[", 1);
  fputc ('[', out.file);

  for (guint i = 0; i < size->organizations; i++)
    {
      uuid (id, ORGANIZATION, i);
      g_string_printf (fields, "{\"acronym\":\"ORG%u\",\"name\":\"Synthetic Organization %u\",\"category\":\"%s\","
                       "\"parent\":null,\"aliases\":[]}", i, i, i % 3 ? "ceb-member" : "mou");
      emit (&out, id, "organization", fields->str);
    }

  for (guint i = 0; i < size->meetings; i++)
    {
      uuid (id, MEETING, i);
      g_string_printf (fields, "{\"type\":\"%s\",\"number\":%u,\"title\":\"Synthetic meeting %u\","
                       "\"start_date\":\"%04u-%02u-%02u\",\"end_date\":\"%04u-%02u-%02u\",\"city\":\"City %u\","
                       "\"country\":\"Country %u\",\"status\":\"held\"}",
                       meeting_types[i % 5], i + 1, i, 2000 + i % 27, 1 + i % 12, 1 + i % 27,
                       2000 + i % 27, 1 + i % 12, 2 + i % 27, i % 97, i % 41);
      emit (&out, id, "meeting", fields->str);
    }

  for (guint i = 0; i < size->agenda_items; i++)
    {
      uuid (id, AGENDA_ITEM, i);
      uuid (ref, MEETING, i % MAX (size->meetings, 1));
      g_string_printf (fields, "{\"meeting\":\"%s\",\"start_time\":\"%02u:00\",\"end_time\":\"%02u:30\","
                       "\"title\":\"Agenda item %u: %s\",\"presenter\":\"Presenter %u\",\"crp\":\"CRP.%u\","
                       "\"ordinal\":%u,\"kind\":\"item\"}",
                       ref, 9 + i % 8, 9 + i % 8, i, topics[i % G_N_ELEMENTS (topics)], i % 300, i % 40, i % 10);
      emit (&out, id, "agenda_item", fields->str);
    }

  for (guint i = 0; i < size->actions; i++)
    {
      uuid (id, ACTION, i);
      uuid (ref, MEETING, i % MAX (size->meetings, 1));
      uuid (ref2, ORGANIZATION, i % MAX (size->organizations, 1));
      g_string_printf (fields, "{\"meeting\":\"%s\",\"reference\":\"S/%u\",\"paragraph\":%u,\"topic\":\"%s\","
                       "\"text\":\"The IASMN requested the working group on %s to report on item %u "
                       "at its next session, with a review of the measures taken by the organizations.\","
                       "\"kind\":\"%s\",\"owners\":[\"%s\"],\"due_date\":\"%04u-%02u\",\"status\":\"%s\","
                       "\"ordinal\":%u}",
                       ref, i, i % 60 + 1, topics[i % G_N_ELEMENTS (topics)], topics[(i / 8) % G_N_ELEMENTS (topics)],
                       i, kinds[i % 4], ref2, 2000 + i % 30, 1 + i % 12, statuses[i % 5], i % 60);
      emit (&out, id, "action", fields->str);
    }

  for (guint i = 0; i < size->updates; i++)
    {
      uuid (id, ACTION_UPDATE, i);
      uuid (ref, ACTION, i % MAX (size->actions, 1));
      g_string_printf (fields, "{\"action\":\"%s\",\"status\":\"%s\",\"note\":\"Progress report %u on the "
                       "action, sent by the focal point.\",\"author\":\"Focal point %u\","
                       "\"at\":\"20%02u-%02u-%02uT10:00:00Z\"}",
                       ref, statuses[(i / 7) % 5], i, i % 500, 10 + i % 16, 1 + i % 12, 1 + i % 28);
      emit (&out, id, "action_update", fields->str);
    }

  g_checksum_update (out.checksum, (const guchar *) "\n]", 2);
  fprintf (out.file, "\n],\n\"revisions_sha256\":\"%s\"\n}\n", g_checksum_get_string (out.checksum));

  ok = fclose (out.file) == 0;
  if (!ok)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "Cannot write %s: %s", path, g_strerror (saved));
    }
  if (n_revisions != NULL)
    *n_revisions = out.n;

  g_checksum_free (out.checksum);
  g_string_free (out.line, TRUE);
  return ok;
}

/**
 * idk_synthetic_make_database:
 *
 * Writes the synthetic bundle in @dir and imports it into a new
 * database there, desk.sqlite3.
 *
 * Returns: (transfer full) (type IdkStore): the database, or %NULL
 */
gpointer
idk_synthetic_make_database (const char              *dir,
                             const IdkSyntheticSize  *size,
                             GError                 **error)
{
  g_autofree char *bundle = g_build_filename (dir, "synthetic.iasmn", NULL);
  g_autofree char *db = g_build_filename (dir, "desk.sqlite3", NULL);
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(IdkImport) import = NULL;

  if (!idk_synthetic_write_bundle (bundle, size, NULL, error) ||
      !(store = idk_store_open (db, IDK_STORE_OPEN_EMPTY, error)))
    return NULL;

  import = idk_import_new (store, bundle);
  idk_import_set_accept_untrusted (import, TRUE);  /* made here, unsigned */
  if (!idk_import_apply (import, NULL, NULL, NULL, error))
    return NULL;

  return g_steal_pointer (&store);
}
