/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-table-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-action.h"
#include "idk-store-private.h"
#include "idk-table-export.h"

/* The actions as the Actions view lists them (same filters, same order),
 * for a spreadsheet or a script: every column of the table, and the
 * owners' full names, the number of updates and the review trail. */

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))

static const struct
{
  const char *key;
  const char *label;
} columns[] = {
  { "reference", N_("Reference") },
  { "session", N_("Session") },
  { "topic", N_("Topic") },
  { "text", N_("Text") },
  { "owner", N_("Owner") },
  { "due", N_("Due") },
  { "status", N_("Status") },
  { "last_update", N_("Last update") },
  { "kind", N_("Kind") },
  { "owners", N_("Owners (full names)") },
  { "updates", N_("Updates") },
  { "carried_to", N_("Carried over to") },
};

gboolean
idk_table_format_from_name (const char     *name,
                            IdkTableFormat *format)
{
  if (g_strcmp0 (name, "csv") == 0)
    *format = IDK_TABLE_CSV;
  else if (g_strcmp0 (name, "tsv") == 0)
    *format = IDK_TABLE_TSV;
  else if (g_strcmp0 (name, "json") == 0)
    *format = IDK_TABLE_JSON;
  else
    return FALSE;
  return TRUE;
}

/**
 * idk_csv_append_field:
 *
 * Appends @value as one RFC 4180 field: quoted when it holds a comma, a
 * quote, a line break or edge spaces, quotes doubled.
 */
void
idk_csv_append_field (GString    *line,
                      const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL && !g_ascii_isspace (value[0]) &&
      (value[0] == '\0' || !g_ascii_isspace (value[strlen (value) - 1])))
    {
      g_string_append (line, value);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/**
 * idk_tsv_append_field:
 *
 * Appends @value as one tab-separated field.  A tab or line break in the
 * text would end the field or the row, so they are written \t, \n and \r,
 * and a backslash \\, as PostgreSQL's text format and Python's
 * "unicode_escape" read them.
 */
void
idk_tsv_append_field (GString    *line,
                      const char *value)
{
  for (const char *p = value ? value : ""; *p; p++)
    switch (*p)
      {
      case '\t': g_string_append (line, "\\t"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\r': g_string_append (line, "\\r"); break;
      case '\\': g_string_append (line, "\\\\"); break;
      default: g_string_append_c (line, *p);
      }
}

static void
append_row (GString            *out,
            IdkTableFormat      format,
            const char * const *values,
            JsonBuilder        *builder)
{
  if (format == IDK_TABLE_JSON)
    {
      json_builder_begin_object (builder);
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          json_builder_set_member_name (builder, columns[i].key);
          if (g_str_equal (columns[i].key, "updates"))
            json_builder_add_int_value (builder, g_ascii_strtoll (values[i], NULL, 10));
          else if (values[i] == NULL)
            json_builder_add_null_value (builder);
          else
            json_builder_add_string_value (builder, values[i]);
        }
      json_builder_end_object (builder);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (i > 0)
        g_string_append_c (out, format == IDK_TABLE_CSV ? ',' : '\t');
      if (format == IDK_TABLE_CSV)
        idk_csv_append_field (out, values[i]);
      else
        idk_tsv_append_field (out, values[i]);
    }
  g_string_append (out, format == IDK_TABLE_CSV ? "\r\n" : "\n");
}

/**
 * idk_store_export_actions:
 * @query: (nullable): the filters and order of the Actions view
 * @translated_header: column names in the user's language, else the keys
 * @n_rows: (out) (optional): how many actions were written
 *
 * Appends the actions to @out as a table with a header row.
 */
gboolean
idk_store_export_actions (IdkStore              *self,
                          const IdkActionQuery  *query,
                          IdkTableFormat         format,
                          gboolean               translated_header,
                          GString               *out,
                          guint                 *n_rows,
                          GError               **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *header[G_N_ELEMENTS (columns)];
  sqlite3_stmt *stmt;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);

  if (!(rows = idk_store_find_actions (self, query, error)))
    return FALSE;
  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT a.kind, "
                                   "  (SELECT group_concat (n, '; ') FROM (SELECT coalesce (org.name, wg.name) AS n "
                                   "    FROM action_owners o LEFT JOIN organizations org ON org.uuid = o.owner "
                                   "    LEFT JOIN working_groups wg ON wg.uuid = o.owner "
                                   "    WHERE o.action = a.uuid ORDER BY o.ordinal)), "
                                   "  (SELECT count(*) FROM action_updates u WHERE u.action = a.uuid), "
                                   "  (SELECT group_concat (m.title, '; ') FROM json_each (coalesce (a.carried_to, '[]')) c "
                                   "    JOIN meetings m ON m.uuid = c.value) "
                                   "FROM actions a WHERE a.rowid = ?1", error)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    header[i] = translated_header ? _(columns[i].label) : columns[i].key;
  if (format == IDK_TABLE_JSON)
    json_builder_begin_array (builder);
  else
    append_row (out, format, header, builder);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(IdkAction) action = NULL;
      g_autofree char *status = NULL;
      g_autofree char *kind = NULL;
      g_autofree char *owners = NULL;
      g_autofree char *updates = NULL;
      g_autofree char *carried = NULL;

      if (!(action = idk_store_load_action (self, g_array_index (rows, gint64, i), error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (rows, gint64, i));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          kind = g_strdup (COL (stmt, 0));
          owners = g_strdup (COL (stmt, 1));
          updates = g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, 2));
          carried = g_strdup (COL (stmt, 3));
        }
      sqlite3_reset (stmt);

      /* Scripts read the stored values, people the labels. */
      status = translated_header ? idk_action_get_status_label (action) : g_strdup (idk_action_get_status (action));
      {
        const char *values[] = {
          idk_action_get_reference (action), idk_action_get_session (action), idk_action_get_topic (action),
          idk_action_get_text (action), idk_action_get_owners (action), idk_action_get_due (action),
          status, idk_action_get_last_update (action), kind, owners, updates ? updates : "0", carried,
        };

        append_row (out, format, values, builder);
      }
    }

  if (format == IDK_TABLE_JSON)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }

  if (n_rows != NULL)
    *n_rows = rows->len;
  return TRUE;
}
