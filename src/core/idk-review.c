/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-action.h"
#include "idk-record.h"
#include "idk-session.h"
#include "idk-store-private.h"

/* Each session opens with the review of the previous full session's
 * actions: their figures by status and by owner, and those still open,
 * which can be carried over.  An action carried over keeps its identity
 * and history; the sessions it was carried to are its review trail
 * (carried_to), so a later review counts it again.  Noting items ask
 * nothing of anyone and are left out. */

#define COL(stmt, i) ((const char *) sqlite3_column_text (stmt, i))

/* Actions decided at ?1 or carried over to it. */
#define REVIEWED_ACTIONS \
  "SELECT a.uuid, a.status, a.reference FROM actions a WHERE a.kind != 'noting' " \
  "AND (a.meeting = ?1 OR EXISTS (SELECT 1 FROM json_each (coalesce (a.carried_to, '[]')) c " \
  "  WHERE c.value = ?1)) "

static gboolean
is_open (const char *status)
{
  return g_strcmp0 (status, "open") == 0 || g_strcmp0 (status, "in-progress") == 0;
}

static void
status_count_free (IdkStatusCount *count)
{
  g_free (count->status);
  g_free (count->label);
  g_free (count);
}

static void
owner_counts_free (IdkOwnerCounts *counts)
{
  g_free (counts->owner);
  g_free (counts->label);
  g_free (counts->counts);
  g_free (counts);
}

void
idk_review_free (IdkReview *review)
{
  if (review == NULL)
    return;
  g_free (review->session);
  g_free (review->session_title);
  g_free (review->for_session);
  g_clear_pointer (&review->by_status, g_ptr_array_unref);
  g_clear_pointer (&review->by_owner, g_ptr_array_unref);
  g_clear_pointer (&review->open, g_ptr_array_unref);
  g_free (review);
}

/**
 * idk_store_find_previous_session:
 *
 * Returns: (transfer full) (nullable): the last full session, not
 *   cancelled, that started before @meeting
 */
char *
idk_store_find_previous_session (IdkStore   *self,
                                 const char *meeting)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!(stmt = _idk_store_prepare (self,
                                   "SELECT p.uuid FROM meetings m JOIN meetings p ON p.type = 'full-session' "
                                   "AND p.status != 'cancelled' AND p.start_date < m.start_date "
                                   "WHERE m.uuid = ?1 ORDER BY p.start_date DESC LIMIT 1", NULL)))
    return NULL;
  sqlite3_bind_text (stmt, 1, meeting, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup (COL (stmt, 0));
  sqlite3_reset (stmt);
  return uuid;
}

static guint
status_index (GPtrArray  *by_status,
              const char *status)
{
  for (guint i = 0; i < by_status->len; i++)
    if (g_strcmp0 (((IdkStatusCount *) g_ptr_array_index (by_status, i))->status, status) == 0)
      return i;
  return 0;
}

static gint
compare_owners (gconstpointer a,
                gconstpointer b)
{
  const IdkOwnerCounts *x = *(IdkOwnerCounts **) a;
  const IdkOwnerCounts *y = *(IdkOwnerCounts **) b;

  if (x->total != y->total)
    return x->total < y->total ? 1 : -1;
  if ((x->owner == NULL) != (y->owner == NULL))
    return x->owner == NULL ? 1 : -1;
  return g_utf8_collate (x->label, y->label);
}

static gboolean
count_owners (IdkStore    *self,
              IdkReview   *review,
              GError     **error)
{
  g_autoptr(GHashTable) owners = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _idk_store_prepare (self,
                                   "WITH r AS (" REVIEWED_ACTIONS ") "
                                   "SELECT o.owner, coalesce (l.label, ?2), r.status FROM r "
                                   "LEFT JOIN action_owners o ON o.action = r.uuid "
                                   "LEFT JOIN action_owner_labels l ON l.action = o.action AND l.ordinal = o.ordinal",
                                   error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, review->session, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, _("No owner"), -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = COL (stmt, 0) ? COL (stmt, 0) : "";
      IdkOwnerCounts *counts = g_hash_table_lookup (owners, key);

      if (counts == NULL)
        {
          counts = g_new0 (IdkOwnerCounts, 1);
          counts->owner = g_strdup (COL (stmt, 0));
          counts->label = g_strdup (COL (stmt, 1));
          counts->counts = g_new0 (guint, review->by_status->len);
          g_ptr_array_add (review->by_owner, counts);
          g_hash_table_insert (owners, counts->owner ? counts->owner : "", counts);
        }
      counts->counts[status_index (review->by_status, COL (stmt, 2))]++;
      counts->total++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error);

  g_ptr_array_sort (review->by_owner, compare_owners);
  return TRUE;
}

/**
 * idk_store_review_actions_of:
 *
 * The figures of the actions decided at @session or carried over to it,
 * noting items left out.
 *
 * Returns: (transfer full): the review, or %NULL with @error set
 */
IdkReview *
idk_store_review_actions_of (IdkStore    *self,
                             const char  *session,
                             GError     **error)
{
  g_autoptr(IdkReview) review = g_new0 (IdkReview, 1);
  const char * const *statuses;
  g_autoptr(JsonObject) fields = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!(fields = idk_store_get_fields (self, session, NULL, error)))
    return NULL;

  review->session = g_strdup (session);
  review->session_title = g_strdup (idk_fields_get_text (fields, "title"));
  review->by_status = g_ptr_array_new_with_free_func ((GDestroyNotify) status_count_free);
  review->by_owner = g_ptr_array_new_with_free_func ((GDestroyNotify) owner_counts_free);
  review->open = g_ptr_array_new_with_free_func (g_free);

  statuses = idk_record_field_values ("action", "status");
  for (guint i = 0; statuses[i] != NULL; i++)
    {
      IdkStatusCount *count = g_new0 (IdkStatusCount, 1);

      count->status = g_strdup (statuses[i]);
      count->label = g_strdup (idk_record_value_label ("action", "status", statuses[i]));
      g_ptr_array_add (review->by_status, count);
    }

  if (!(stmt = _idk_store_prepare (self,
                                   "WITH r AS (" REVIEWED_ACTIONS ") SELECT uuid, status FROM r "
                                   "ORDER BY length (reference), reference", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, session, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IdkStatusCount *count = g_ptr_array_index (review->by_status,
                                                 status_index (review->by_status, COL (stmt, 1)));

      count->count++;
      review->total++;
      if (g_strcmp0 (COL (stmt, 1), "completed") == 0)
        review->completed++;
      if (is_open (COL (stmt, 1)))
        g_ptr_array_add (review->open, g_strdup (COL (stmt, 0)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _idk_store_sql_error (self, error), NULL;

  review->percent = review->total ? (review->completed * 100 + review->total / 2) / review->total : 0;

  if (!count_owners (self, review, error))
    return NULL;

  return g_steal_pointer (&review);
}

static gboolean
is_carried_to (JsonObject *fields,
               const char *meeting)
{
  JsonNode *node = json_object_get_member (fields, "carried_to");

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    if (g_strcmp0 (json_array_get_string_element (json_node_get_array (node), i), meeting) == 0)
      return TRUE;
  return FALSE;
}

/**
 * idk_store_review_session:
 *
 * The review @meeting opens with: the actions of the previous full
 * session (and those carried over to it).
 *
 * Returns: (transfer full): the review, or %NULL with @error set
 *   (%IDK_STORE_ERROR_NOT_FOUND when no earlier session is recorded)
 */
IdkReview *
idk_store_review_session (IdkStore    *self,
                          const char  *meeting,
                          GError     **error)
{
  g_autofree char *previous = NULL;
  IdkReview *review;

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);

  if (!(previous = idk_store_find_previous_session (self, meeting)))
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_NOT_FOUND,
                   _("No full session is recorded before this meeting."));
      return NULL;
    }

  if (!(review = idk_store_review_actions_of (self, previous, error)))
    return NULL;
  review->for_session = g_strdup (meeting);

  for (guint i = 0; i < review->open->len; i++)
    {
      g_autoptr(JsonObject) fields = idk_store_get_fields (self, g_ptr_array_index (review->open, i), NULL, NULL);

      if (fields != NULL && is_carried_to (fields, meeting))
        review->carried++;
    }
  return review;
}

/**
 * idk_review_summary:
 *
 * Returns: (transfer full): "15 of 32 completed, 47 %"
 */
char *
idk_review_summary (IdkReview *review)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u completed, %u %%", "%u of %u completed, %u %%",
                                       review->total),
                          review->completed, review->total, review->percent);
}

/**
 * idk_review_describe:
 *
 * The chart as text, for screen readers and for the printed review.
 *
 * Returns: (transfer full): one line per owner: "UNHCR: 2 Open, 1 Completed"
 */
char *
idk_review_describe (IdkReview *review)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < review->by_owner->len; i++)
    {
      IdkOwnerCounts *owner = g_ptr_array_index (review->by_owner, i);
      gboolean first = TRUE;

      g_string_append_printf (text, "%s: ", owner->label);
      for (guint s = 0; s < review->by_status->len; s++)
        {
          if (owner->counts[s] == 0)
            continue;
          g_string_append_printf (text, "%s%u %s", first ? "" : ", ", owner->counts[s],
                                  ((IdkStatusCount *) g_ptr_array_index (review->by_status, s))->label);
          first = FALSE;
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * idk_store_carry_over:
 *
 * Carries the still open actions of the previous full session over to
 * @meeting, in one transaction: each gains @meeting in its review trail
 * and a note in its history.  Those carried already are left alone.
 *
 * Returns: how many were carried over; 0 with @error set on failure
 */
guint
idk_store_carry_over (IdkStore    *self,
                      const char  *meeting,
                      GError     **error)
{
  g_autoptr(IdkReview) review = NULL;
  g_autoptr(JsonObject) meeting_fields = NULL;
  g_autofree char *note = NULL;
  guint carried = 0;

  g_return_val_if_fail (IDK_IS_STORE (self), 0);

  if (!(meeting_fields = idk_store_get_fields (self, meeting, NULL, error)) ||
      !(review = idk_store_review_session (self, meeting, error)))
    return 0;
  note = g_strdup_printf (_("Carried over to the %s"), idk_fields_get_text (meeting_fields, "title"));

  if (!idk_store_begin (self, error))
    return 0;

  for (guint i = 0; i < review->open->len; i++)
    {
      const char *uuid = g_ptr_array_index (review->open, i);
      const char * const one[] = { uuid, NULL };
      g_autoptr(JsonObject) fields = NULL;
      g_autofree char *saved = NULL;
      JsonArray *trail;

      if (!(fields = idk_store_get_fields (self, uuid, NULL, error)))
        goto failed;
      if (is_carried_to (fields, meeting))
        continue;

      if (!json_object_has_member (fields, "carried_to") ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (fields, "carried_to")))
        json_object_set_array_member (fields, "carried_to", json_array_new ());
      trail = json_object_get_array_member (fields, "carried_to");
      json_array_add_string_element (trail, meeting);

      if (!(saved = idk_store_save (self, "action", uuid, fields, error)) ||
          !idk_store_add_action_update (self, one, idk_fields_get_text (fields, "status"), note, NULL, error))
        goto failed;
      carried++;
    }

  if (carried == 0)
    {
      idk_store_rollback (self);
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                   _("No open action is left to carry over."));
      return 0;
    }

  if (!idk_store_commit (self, error))
    goto failed;
  return carried;

failed:
  idk_store_rollback (self);
  return 0;
}

/**
 * idk_store_describe_carry:
 *
 * Returns: (transfer full) (nullable): "Carried over from the 27th IASMN
 *   session to the 28th IASMN session", or %NULL for an action never
 *   carried over
 */
char *
idk_store_describe_carry (IdkStore   *self,
                          const char *action)
{
  g_autoptr(JsonObject) fields = idk_store_get_fields (self, action, NULL, NULL);
  g_autoptr(GString) to = g_string_new (NULL);
  g_autofree char *from = NULL;
  JsonArray *trail;

  if (fields == NULL || !json_object_has_member (fields, "carried_to") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (fields, "carried_to")))
    return NULL;
  trail = json_object_get_array_member (fields, "carried_to");
  if (json_array_get_length (trail) == 0)
    return NULL;

  from = idk_store_get_record_label (self, idk_fields_get_text (fields, "meeting"));
  for (guint i = 0; i < json_array_get_length (trail); i++)
    {
      g_autofree char *label = idk_store_get_record_label (self, json_array_get_string_element (trail, i));

      if (i > 0)
        g_string_append (to, i + 1 == json_array_get_length (trail) ? _(" and then to ") : ", ");
      g_string_append (to, label ? label : "?");
    }
  return g_strdup_printf (_("Carried over from %s to %s"), from ? from : "?", to->str);
}
