/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-date.h"
#include "idk-entry.h"
#include "idk-store-private.h"

/* The rules of the ToR and the session reports, checked against the data
 * and reported as warnings, never enforced.  Each rule's parameter and
 * the date it was agreed come from the rules table, and a rule never
 * flags a meeting that took place before it was agreed. */

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))

typedef struct
{
  const char *code;
  char *title;
  char *source;
  char *agreed_on;     /* YYYY[-MM[-DD]] */
  gint64 parameter;
} Rule;

typedef struct
{
  IdkStore *store;
  GListStore *warnings;
  const char *subject;  /* only warnings about this record, or NULL */
  GError **error;
} Check;

static void
rule_clear (Rule *rule)
{
  g_clear_pointer (&rule->title, g_free);
  g_clear_pointer (&rule->source, g_free);
  g_clear_pointer (&rule->agreed_on, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Rule, rule_clear)

/* The rule as the database holds it; FALSE if it was deleted, and then
 * it is not checked. */
static gboolean
load_rule (Check      *check,
           const char *code,
           Rule       *rule)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (!(stmt = _idk_store_prepare (check->store,
                                   "SELECT title, source, agreed_on, parameter FROM rules WHERE code = ?1",
                                   check->error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);

  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      rule->code = code;
      rule->title = g_strdup (COL (stmt, 0));
      rule->source = g_strdup (COL (stmt, 1));
      rule->agreed_on = g_strdup (COL (stmt, 2));
      rule->parameter = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);

  return found;
}

/* The first day the rule applies: the day after a month or year given
 * alone has ended would be too late, so a month-precision date counts from
 * its first day. */
static char *
rule_start (const Rule *rule)
{
  IdkDate date;
  g_autoptr(GDate) first = NULL;
  char text[16];

  if (!idk_date_parse (rule->agreed_on, &date))
    return g_strdup ("0000-00-00");

  first = idk_date_first_day (&date);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", first);
  return g_strdup (text);
}

static void
warn (Check      *check,
      const Rule *rule,
      const char *subject,
      const char *message)
{
  g_autoptr(IdkEntry) entry = NULL;

  if (check->subject != NULL && g_strcmp0 (check->subject, subject) != 0)
    return;

  entry = g_object_new (IDK_TYPE_ENTRY,
                        "title", message,
                        "subtitle", rule->source,
                        "group", rule->title,
                        "kind", rule->code,
                        "target-uuid", subject,
                        NULL);
  g_list_store_append (check->warnings, entry);
}

static sqlite3_stmt *
prepare (Check      *check,
         const char *sql)
{
  return _idk_store_prepare (check->store, sql, check->error);
}

static gboolean
finish (Check        *check,
        sqlite3_stmt *stmt,
        int           rc)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (check->store, check->error);
  return TRUE;
}

/* IASMN full sessions, not cancelled, as (uuid, start, end, year). */
#define FULL_SESSIONS \
  "SELECT m.uuid AS uuid, m.start_date AS start_date, coalesce (m.end_date, m.start_date) AS end_date, " \
  "  substr (m.start_date, 1, 4) AS year " \
  "FROM meetings m JOIN bodies b ON b.uuid = m.body " \
  "WHERE b.acronym = 'IASMN' AND m.type = 'full-session' AND m.status != 'cancelled' "

#define SG_SESSIONS \
  "SELECT m.uuid AS uuid, m.start_date AS start_date, coalesce (m.end_date, m.start_date) AS end_date, " \
  "  substr (m.start_date, 1, 4) AS year " \
  "FROM meetings m JOIN bodies b ON b.uuid = m.body " \
  "WHERE b.acronym = 'SG' AND m.type = 'sg-session' AND m.status != 'cancelled' "

/* The ToR: the IASMN meets twice a year.  Checked for each whole year
 * after the ToR, that has at least one session in the calendar; each
 * session of a year that breaks the rule carries the warning. */
static gboolean
check_twice_a_year (Check *check)
{
  g_auto(Rule) rule = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  if (!load_rule (check, "iasmn-meets-twice-a-year", &rule))
    return check->error == NULL || *check->error == NULL;

  if (!(stmt = prepare (check,
                        "WITH s AS (" FULL_SESSIONS ") "
                        "SELECT s.uuid, s.year, (SELECT count(*) FROM s t WHERE t.year = s.year) "
                        "FROM s WHERE s.year > substr (?1, 1, 4) ORDER BY s.start_date")))
    return FALSE;
  sqlite3_bind_text (stmt, 1, rule.agreed_on, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 count = sqlite3_column_int64 (stmt, 2);
      g_autofree char *message = NULL;

      if (count == rule.parameter)
        continue;

      /* The calendar holds what the reports happen to mention: a year
       * with fewer sessions may be a year with fewer recorded. */
      if (count < rule.parameter)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Only %d full session of the IASMN is recorded in %s; the ToR "
                                                "have it meet twice a year (a session the reports do not "
                                                "mention may be missing).",
                                                "Only %d full sessions of the IASMN are recorded in %s; the ToR "
                                                "have it meet twice a year (a session the reports do not "
                                                "mention may be missing).",
                                                (gulong) count),
                                   (int) count, COL (stmt, 1));
      else
        message = g_strdup_printf (_("%d full sessions of the IASMN are recorded in %s; the ToR have it "
                                     "meet twice a year."),
                                   (int) count, COL (stmt, 1));
      warn (check, &rule, COL (stmt, 0), message);
    }

  return finish (check, stmt, rc);
}

/* The 21st session: Steering Group sessions last at most two days, full
 * sessions at most three.  Meetings known only to the month are not
 * measured. */
static gboolean
check_length (Check      *check,
              const char *code,
              gboolean    steering_group)
{
  g_auto(Rule) rule = { 0 };
  g_autofree char *start = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!load_rule (check, code, &rule))
    return check->error == NULL || *check->error == NULL;

  start = rule_start (&rule);
  if (!(stmt = prepare (check, steering_group ? SG_SESSIONS : FULL_SESSIONS)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int days = idk_date_days_between (COL (stmt, 1), COL (stmt, 2));
      g_autofree char *message = NULL;

      if (days < 0 || days <= rule.parameter || g_strcmp0 (COL (stmt, 1), start) < 0)
        continue;

      if (steering_group)
        message = g_strdup_printf (_("This Steering Group session lasts %d days; since February 2015 "
                                     "they last at most %d."), days, (int) rule.parameter);
      else
        message = g_strdup_printf (_("This session lasts %d days; since February 2015 IASMN sessions "
                                     "last at most %d."), days, (int) rule.parameter);
      warn (check, &rule, COL (stmt, 0), message);
    }

  return finish (check, stmt, rc);
}

/* The Steering Group ToR (2020): it meets ahead of each full session, and
 * at least twice a year. */
static gboolean
check_sg_ahead (Check *check)
{
  g_auto(Rule) rule = { 0 };
  g_autofree char *start = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!load_rule (check, "sg-meets-ahead-of-sessions", &rule))
    return check->error == NULL || *check->error == NULL;

  start = rule_start (&rule);

  /* For each full session since the rule, an SG session after the end of
   * the previous full session and before this one's start. */
  if (!(stmt = prepare (check,
                        "WITH f AS (" FULL_SESSIONS "), g AS (" SG_SESSIONS ") "
                        "SELECT f.uuid FROM f WHERE f.start_date >= ?1 AND length (f.start_date) = 10 "
                        "AND NOT EXISTS (SELECT 1 FROM g WHERE g.start_date < f.start_date "
                        "  AND g.start_date > coalesce ((SELECT max (p.end_date) FROM f p "
                        "    WHERE p.start_date < f.start_date), '0000')) "
                        "ORDER BY f.start_date")))
    return FALSE;
  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    warn (check, &rule, COL (stmt, 0),
          _("No Steering Group session is planned between the previous full session and this one."));
  if (!finish (check, stmt, rc))
    return FALSE;

  /* At least twice a year, for the years after the rule that have full
   * sessions in the calendar. */
  if (!(stmt = prepare (check,
                        "WITH f AS (" FULL_SESSIONS "), g AS (" SG_SESSIONS ") "
                        "SELECT f.uuid, f.year, (SELECT count(*) FROM g WHERE g.year = f.year) "
                        "FROM f WHERE f.year > substr (?1, 1, 4) ORDER BY f.start_date")))
    return FALSE;
  sqlite3_bind_text (stmt, 1, rule.agreed_on, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 count = sqlite3_column_int64 (stmt, 2);
      g_autofree char *message = NULL;

      if (count >= rule.parameter)
        continue;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Only %d Steering Group session is recorded in %s; it meets at "
                                              "least twice a year (a session the reports do not mention may "
                                              "be missing).",
                                              "Only %d Steering Group sessions are recorded in %s; it meets at "
                                              "least twice a year (a session the reports do not mention may "
                                              "be missing).",
                                              (gulong) count),
                                 (int) count, COL (stmt, 1));
      warn (check, &rule, COL (stmt, 0), message);
    }

  return finish (check, stmt, rc);
}

#define CURRENT_SG_MEMBERS \
  "SELECT bm.organization, coalesce (o.acronym, o.name) AS name, bm.body " \
  "FROM body_members bm JOIN bodies b ON b.uuid = bm.body " \
  "LEFT JOIN organizations o ON o.uuid = bm.organization " \
  "WHERE b.acronym = 'SG' AND (bm.from_date IS NULL OR bm.from_date <= ?1) " \
  "AND (bm.to_date IS NULL OR bm.to_date >= ?1) "

/* The Steering Group ToR (2020): at most fifteen member organizations. */
static gboolean
check_sg_size (Check *check)
{
  g_auto(Rule) rule = { 0 };
  g_autofree char *start = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!load_rule (check, "sg-max-members", &rule))
    return check->error == NULL || *check->error == NULL;

  start = rule_start (&rule);
  if (g_strcmp0 (_idk_store_today (check->store), start) < 0)
    return TRUE;

  if (!(stmt = prepare (check, "SELECT count (DISTINCT organization), max (body) FROM (" CURRENT_SG_MEMBERS ")")))
    return FALSE;
  sqlite3_bind_text (stmt, 1, _idk_store_today (check->store), -1, SQLITE_STATIC);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > rule.parameter)
    {
      g_autofree char *message =
        g_strdup_printf (_("The Steering Group has %d member organizations; it has at most %d."),
                         sqlite3_column_int (stmt, 0), (int) rule.parameter);

      warn (check, &rule, COL (stmt, 1), message);
      rc = SQLITE_DONE;
    }
  else if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;

  return finish (check, stmt, rc);
}

/* The 21st session: every Steering Group member takes part in at least one
 * IASMN working group (observers do not count). */
static gboolean
check_sg_members_in_groups (Check *check)
{
  g_auto(Rule) rule = { 0 };
  g_autofree char *start = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!load_rule (check, "sg-member-in-working-group", &rule))
    return check->error == NULL || *check->error == NULL;

  start = rule_start (&rule);
  if (g_strcmp0 (_idk_store_today (check->store), start) < 0)
    return TRUE;

  if (!(stmt = prepare (check,
                        "SELECT DISTINCT s.organization, s.name FROM (" CURRENT_SG_MEMBERS ") s "
                        "WHERE NOT EXISTS (SELECT 1 FROM wg_members m "
                        "  JOIN working_groups w ON w.uuid = m.working_group "
                        "  JOIN bodies b ON b.uuid = w.body "
                        "  WHERE m.organization = s.organization AND m.role != 'observer' "
                        "  AND w.status = 'active' AND b.acronym = 'IASMN') "
                        "ORDER BY s.name COLLATE NOCASE")))
    return FALSE;
  sqlite3_bind_text (stmt, 1, _idk_store_today (check->store), -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s, a Steering Group member, takes part in no IASMN working group."),
                         COL (stmt, 1));

      warn (check, &rule, COL (stmt, 0), message);
    }

  return finish (check, stmt, rc);
}

/* The ToR: the co-chair is elected for two years.  A session whose
 * co-chair has co-chaired since more than two years before it is flagged. */
static gboolean
check_co_chair_term (Check *check)
{
  g_auto(Rule) rule = { 0 };
  g_autofree char *start = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!load_rule (check, "co-chair-term", &rule))
    return check->error == NULL || *check->error == NULL;

  start = rule_start (&rule);
  if (!(stmt = prepare (check,
                        "WITH f AS (SELECT m.uuid, m.start_date, m.co_chair FROM meetings m "
                        "  JOIN bodies b ON b.uuid = m.body WHERE b.acronym = 'IASMN' "
                        "  AND m.type = 'full-session' AND m.status != 'cancelled' AND m.co_chair IS NOT NULL) "
                        "SELECT f.uuid, p.name, "
                        "  (SELECT min (e.start_date) FROM f e WHERE e.co_chair = f.co_chair) AS since "
                        "FROM f LEFT JOIN persons p ON p.uuid = f.co_chair "
                        "WHERE f.start_date >= ?1 AND length (f.start_date) >= 7 "
                        "AND f.start_date > date (substr (since || '-01-01', 1, 10), '+' || ?2 || ' years') "
                        "ORDER BY f.start_date")))
    return FALSE;
  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rule.parameter);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *since = idk_date_format (COL (stmt, 2));
      g_autofree char *message =
        g_strdup_printf (_("%s has co-chaired since %s; the co-chair is elected for %d years."),
                         COL (stmt, 1) ? COL (stmt, 1) : _("The co-chair"), since, (int) rule.parameter);

      warn (check, &rule, COL (stmt, 0), message);
    }

  return finish (check, stmt, rc);
}

/**
 * idk_store_list_warnings:
 * @subject_uuid: (nullable): a meeting, organization or body, or %NULL
 *
 * Checks the rules of the ToR and the session reports against the data.
 *
 * Returns: (transfer full): the warnings (IdkEntry: the message as title,
 *   the source as subtitle, the rule as group and kind, the record it is
 *   about as target), about @subject_uuid only if given
 */
GListModel *
idk_store_list_warnings (IdkStore    *self,
                         const char  *subject_uuid,
                         GError     **error)
{
  g_autoptr(GListStore) warnings = g_list_store_new (IDK_TYPE_ENTRY);
  Check check = { self, warnings, subject_uuid, error };

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!check_twice_a_year (&check) ||
      !check_sg_ahead (&check) ||
      !check_length (&check, "sg-session-max-days", TRUE) ||
      !check_length (&check, "full-session-max-days", FALSE) ||
      !check_sg_size (&check) ||
      !check_sg_members_in_groups (&check) ||
      !check_co_chair_term (&check))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&warnings));
}
