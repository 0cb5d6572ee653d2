/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store"

#include "config.h"

#include "idk-report.h"
#include "idk-store-private.h"

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))

/* What the report importer recognises in a report's text, taken from the
 * store: the names of its organizations and working groups, and its
 * meetings.  Deleted records are not in these tables. */

static gboolean
add_names (IdkStore          *self,
           IdkReportLexicon  *lexicon,
           IdkReportNameKind  kind,
           const char        *sql,
           GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _idk_store_prepare (self, sql, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    idk_report_lexicon_add_name (lexicon, kind, COL (stmt, 0), COL (stmt, 1), COL (stmt, 2));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || _idk_store_sql_error (self, error);
}

/**
 * idk_store_load_report_lexicon:
 *
 * Returns: (transfer full): the names and meetings of the store, for
 *   #IdkReport to match a report's text to
 */
IdkReportLexicon *
idk_store_load_report_lexicon (IdkStore  *self,
                               GError   **error)
{
  g_autoptr(IdkReportLexicon) lexicon = idk_report_lexicon_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!add_names (self, lexicon, IDK_REPORT_NAME_ORGANIZATION,
                  "SELECT uuid, coalesce (acronym, name), acronym FROM organizations WHERE acronym IS NOT NULL "
                  "UNION ALL SELECT uuid, coalesce (acronym, name), name FROM organizations "
                  "UNION ALL SELECT o.uuid, coalesce (o.acronym, o.name), a.value "
                  "FROM organizations o, json_each (o.aliases) a WHERE json_valid (o.aliases)", error)
      || !add_names (self, lexicon, IDK_REPORT_NAME_WORKING_GROUP,
                     "SELECT uuid, coalesce (acronym, name), acronym FROM working_groups WHERE acronym IS NOT NULL "
                     "UNION ALL SELECT uuid, coalesce (acronym, name), name FROM working_groups", error))
    return NULL;

  if (!(stmt = _idk_store_prepare (self, "SELECT uuid, type, number, start_date, city FROM meetings "
                                         "WHERE status IS NOT 'cancelled'", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    idk_report_lexicon_add_meeting (lexicon, COL (stmt, 0), COL (stmt, 1), sqlite3_column_int64 (stmt, 2),
                                    COL (stmt, 3), COL (stmt, 4));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;
  return g_steal_pointer (&lexicon);
}
