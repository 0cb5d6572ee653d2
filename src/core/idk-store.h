/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "idk-change.h"
#include "idk-report.h"
#include "idk-revision.h"

G_BEGIN_DECLS

#define IDK_STORE_ERROR (idk_store_error_quark ())

typedef enum
{
  IDK_STORE_ERROR_OPEN,                /* cannot open or read the file */
  IDK_STORE_ERROR_CORRUPT,             /* fails SQLite's checks */
  IDK_STORE_ERROR_NOT_A_DESK_DATABASE, /* an SQLite file of something else */
  IDK_STORE_ERROR_TOO_NEW,             /* made by a newer IASMN Desk */
  IDK_STORE_ERROR_SQL,
  IDK_STORE_ERROR_INVALID,             /* data that breaks the rules of a record */
  IDK_STORE_ERROR_NOT_FOUND,
  IDK_STORE_ERROR_CONFLICT,            /* a revision id reused for other content */
  IDK_STORE_ERROR_READ_ONLY,           /* the file or its folder cannot be written */
  IDK_STORE_ERROR_FULL,                /* no room left on the disk */
} IdkStoreError;

typedef enum
{
  IDK_STORE_OPEN_DEFAULT = 0,
  IDK_STORE_OPEN_EMPTY   = 1 << 0,  /* a new database stays without default data */
} IdkStoreOpenFlags;

#define IDK_TYPE_STORE (idk_store_get_type ())

G_DECLARE_FINAL_TYPE (IdkStore, idk_store, IDK, STORE, GObject)

GQuark       idk_store_error_quark        (void);
char        *idk_store_default_path       (void);
IdkStore    *idk_store_open               (const char          *path,
                                           IdkStoreOpenFlags    flags,
                                           GError             **error);
IdkStore    *idk_store_open_reader        (IdkStore            *self,
                                           GError             **error);
IdkStore    *idk_store_open_connection    (IdkStore            *self,
                                           GError             **error);
void         idk_store_notify_changed     (IdkStore            *self);
const char  *idk_store_get_path           (IdkStore            *self);
const char  *idk_store_get_office_uuid    (IdkStore            *self);
int          idk_store_get_schema_version (IdkStore            *self);
gboolean     idk_store_check_integrity    (IdkStore            *self,
                                           GError             **error);
void         idk_store_check_integrity_async  (IdkStore            *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean     idk_store_check_integrity_finish (IdkStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
gboolean     idk_store_is_damaged         (IdkStore            *self);
const char  *idk_store_get_read_only_reason (IdkStore          *self);
gboolean     idk_store_check_writable     (IdkStore            *self,
                                           GError             **error);
gboolean     idk_store_begin              (IdkStore            *self,
                                           GError             **error);
gboolean     idk_store_commit             (IdkStore            *self,
                                           GError             **error);
void         idk_store_rollback           (IdkStore            *self);
gboolean     idk_store_apply_revision     (IdkStore            *self,
                                           IdkRevision         *revision,
                                           gboolean            *applied,
                                           GError             **error);
char        *idk_store_save               (IdkStore            *self,
                                           const char          *type,
                                           const char          *uuid,
                                           JsonObject          *fields,
                                           GError             **error);
char        *idk_store_save_record        (IdkStore            *self,
                                           const char          *type,
                                           const char          *uuid,
                                           JsonObject          *fields,
                                           GError             **error);
char        *idk_store_find_action        (IdkStore            *self,
                                           const char          *reference);
gboolean     idk_store_delete             (IdkStore            *self,
                                           const char          *uuid,
                                           GError             **error);
gboolean     idk_store_delete_records     (IdkStore            *self,
                                           const char * const  *uuids,
                                           GError             **error);
gboolean     idk_store_restore_records    (IdkStore            *self,
                                           const char * const  *uuids,
                                           GError             **error);
IdkChange   *idk_store_take_last_change   (IdkStore            *self);
gboolean     idk_store_undo               (IdkStore            *self,
                                           IdkChange           *change,
                                           GError             **error);
JsonObject  *idk_store_get_fields         (IdkStore            *self,
                                           const char          *uuid,
                                           char               **type,
                                           GError             **error);
const char  *idk_fields_get_text          (JsonObject          *fields,
                                           const char          *name);
GPtrArray   *idk_store_get_revisions      (IdkStore            *self,
                                           const char          *uuid,
                                           GError             **error);
gboolean     idk_store_check_references   (IdkStore            *self,
                                           GError             **error);
gboolean     idk_store_export             (IdkStore            *self,
                                           const char          *path,
                                           const char          *recipient,
                                           gint64              *seq,
                                           guint               *n_revisions,
                                           GError             **error);
gboolean     idk_store_export_own         (IdkStore            *self,
                                           const char          *path,
                                           const char          *recipient,
                                           gint64              *seq,
                                           guint               *n_revisions,
                                           GError             **error);
gboolean     idk_store_count_unsent       (IdkStore            *self,
                                           const char          *recipient,
                                           gboolean             own_only,
                                           gint64              *count,
                                           GError             **error);
GListModel  *idk_store_list_offices       (IdkStore            *self,
                                           GError             **error);
GListModel  *idk_store_list_conflicts     (IdkStore            *self,
                                           GError             **error);
GPtrArray   *idk_store_get_leaves         (IdkStore            *self,
                                           const char          *uuid,
                                           GError             **error);
gboolean     idk_store_resolve_conflict   (IdkStore            *self,
                                           const char          *uuid,
                                           JsonObject          *fields,
                                           gboolean             deleted,
                                           GError             **error);
char        *idk_store_get_record_label   (IdkStore            *self,
                                           const char          *uuid);
char        *idk_store_describe_office    (IdkStore            *self,
                                           const char          *uuid);
gboolean     idk_store_dump               (IdkStore            *self,
                                           GOutputStream       *out,
                                           GError             **error);
JsonNode    *idk_store_get_stats          (IdkStore            *self,
                                           GError             **error);
void         idk_store_set_today          (IdkStore            *self,
                                           const char          *date);
const char  *idk_store_get_today          (IdkStore            *self);

G_END_DECLS

/* Queries for the views and the command line (idk-store-queries.c). */

G_BEGIN_DECLS

char       *idk_store_fts_query              (const char  *text);
GListModel *idk_store_list_organizations     (IdkStore    *self,
                                              const char  *search,
                                              GError     **error);
GListModel *idk_store_list_actors            (IdkStore    *self,
                                              const char  *search,
                                              GError     **error);
GListModel *idk_store_list_actor_children    (IdkStore    *self,
                                              const char  *parent_uuid,
                                              GError     **error);
GListModel *idk_store_list_working_groups    (IdkStore    *self,
                                              const char  *search,
                                              GError     **error);
GListModel *idk_store_list_references        (IdkStore    *self,
                                              const char  *type,
                                              const char  *field,
                                              GError     **error);

G_END_DECLS

G_BEGIN_DECLS

/* Lines of the detail pages (idk-store-details.c), as IdkEntry items. */
GListModel *idk_store_list_actor_relationships (IdkStore    *self,
                                                const char  *actor_uuid,
                                                GError     **error);
GListModel *idk_store_list_actor_holders       (IdkStore    *self,
                                                const char  *actor_uuid,
                                                GError     **error);
GListModel *idk_store_list_agenda              (IdkStore    *self,
                                                const char  *meeting_uuid,
                                                GError     **error);
GListModel *idk_store_list_documents           (IdkStore    *self,
                                                const char  *meeting_uuid,
                                                GError     **error);
GListModel *idk_store_list_participants        (IdkStore    *self,
                                                const char  *meeting_uuid,
                                                GError     **error);
GListModel *idk_store_list_group_members       (IdkStore    *self,
                                                const char  *group_uuid,
                                                GError     **error);
GListModel *idk_store_list_group_actions       (IdkStore    *self,
                                                const char  *group_uuid,
                                                GError     **error);
GListModel *idk_store_list_group_meetings      (IdkStore    *self,
                                                const char  *group_uuid,
                                                GError     **error);

/* Actions: the table's query, updates and bulk changes (idk-store-actions.c). */

/* What the Actions view shows: every filter that is set narrows the list. */
typedef struct
{
  const char *search;        /* words, matched by the full-text index */
  const char *status;        /* "open", … */
  const char *owner;         /* an organization or working group */
  const char *session;       /* the meeting that decided the actions */
  gboolean overdue_only;
  gboolean mine_only;        /* owned by this office's organization or its units */
  const char *sort_key;      /* "reference" (default), "session", "topic", "text",
                              * "owner", "due", "status", "last-update" */
  gboolean descending;
} IdkActionQuery;

gpointer    idk_store_load_action              (IdkStore              *self,
                                                gint64                 rowid,
                                                GError               **error);
GPtrArray  *idk_store_load_actions             (IdkStore              *self,
                                                const gint64          *rowids,
                                                guint                  n,
                                                GError               **error);
GStrv       idk_store_get_action_uuids         (IdkStore              *self,
                                                const gint64          *rowids,
                                                guint                  n,
                                                GError               **error);
gpointer    idk_store_load_action_by_uuid      (IdkStore              *self,
                                                const char            *uuid,
                                                GError               **error);
GArray     *idk_store_find_actions             (IdkStore              *self,
                                                const IdkActionQuery  *query,
                                                GError               **error);
char       *idk_store_save_action              (IdkStore              *self,
                                                const char            *uuid,
                                                JsonObject            *fields,
                                                GError               **error);
gboolean    idk_store_add_action_update        (IdkStore              *self,
                                                const char * const    *actions,
                                                const char            *status,
                                                const char            *note,
                                                const char            *author,
                                                GError               **error);
GListModel *idk_store_list_action_updates      (IdkStore              *self,
                                                const char            *action_uuid,
                                                GError               **error);
GListModel *idk_store_list_action_owners       (IdkStore              *self,
                                                GError               **error);
GListModel *idk_store_list_sessions            (IdkStore              *self,
                                                GError               **error);

/* This office (its UUID is idk_store_get_office_uuid()). */
char       *idk_store_get_office_name          (IdkStore              *self);
char       *idk_store_get_office_organization  (IdkStore              *self);
gboolean    idk_store_set_office               (IdkStore              *self,
                                                const char            *name,
                                                const char            *organization_uuid,
                                                GError               **error);
gboolean    idk_store_restore                  (IdkStore              *self,
                                                const char            *uuid,
                                                GError               **error);

/* The calendar (idk-store-meetings.c). */

typedef enum
{
  IDK_PERIOD_ALL,
  IDK_PERIOD_UPCOMING,  /* not yet over; soonest first */
  IDK_PERIOD_PAST,
} IdkPeriod;

typedef struct
{
  const char *search;     /* words of the title, place, venue or host */
  const char *type;       /* "full-session", … */
  IdkPeriod period;
  const char *from;       /* meetings not over before this day */
  const char *to;         /* meetings started by this day */
  gboolean oldest_first;  /* else newest first (upcoming: soonest first) */
} IdkMeetingQuery;

GListModel *idk_store_find_meetings            (IdkStore               *self,
                                                const IdkMeetingQuery  *query,
                                                GError                **error);
char       *idk_store_save_meeting             (IdkStore               *self,
                                                const char             *uuid,
                                                JsonObject             *fields,
                                                GError                **error);
char       *idk_store_save_agenda_item         (IdkStore               *self,
                                                const char             *uuid,
                                                JsonObject             *fields,
                                                GError                **error);
gboolean    idk_store_cancel_meeting           (IdkStore               *self,
                                                const char             *uuid,
                                                GError                **error);
GStrv       idk_store_list_meeting_days        (IdkStore               *self,
                                                const char             *meeting);
gint64      idk_store_next_agenda_ordinal      (IdkStore               *self,
                                                const char             *meeting_uuid);
gboolean    idk_store_move_agenda_item         (IdkStore               *self,
                                                const char             *uuid,
                                                int                     delta,
                                                GError                **error);
char       *idk_store_add_participant          (IdkStore               *self,
                                                const char             *meeting,
                                                const char             *name,
                                                const char             *organization,
                                                const char             *role,
                                                GError                **error);

char       *idk_store_find_organization        (IdkStore               *self,
                                                const char             *text);
char       *idk_store_find_latest_session      (IdkStore               *self);
char       *idk_store_find_meeting             (IdkStore               *self,
                                                const char             *text);
char       *idk_store_find_body                (IdkStore               *self,
                                                const char             *acronym);

/* A hub's settings and what it has seen (idk-store-hub.c). */
/* The bounds of the time between automatic syncs. */
#define IDK_HUB_MIN_MINUTES 5
#define IDK_HUB_MAX_MINUTES 1440

guint       idk_store_get_hub_minutes          (IdkStore               *self);
gboolean    idk_store_set_hub_minutes          (IdkStore               *self,
                                                guint                   minutes,
                                                GError                **error);
gboolean    idk_store_check_hub_url            (const char             *url,
                                                GError                **error);
gboolean    idk_store_set_hub                  (IdkStore               *self,
                                                const char             *url,
                                                const char             *user,
                                                GError                **error);
char       *idk_store_get_hub_url              (IdkStore               *self);
char       *idk_store_get_hub_user             (IdkStore               *self);
char       *idk_store_get_hub_since            (IdkStore               *self,
                                                const char             *hub);
gboolean    idk_store_set_hub_since            (IdkStore               *self,
                                                const char             *hub,
                                                const char             *since,
                                                GError                **error);
gboolean    idk_store_record_hub_ack           (IdkStore               *self,
                                                const char             *hub,
                                                gint64                  seq,
                                                GError                **error);
gboolean    idk_store_next_for_hub             (IdkStore               *self,
                                                gint64                 *seq,
                                                GBytes                **bundle,
                                                GBytes                **signature,
                                                GError                **error);
gboolean    idk_store_sent_to_hub              (IdkStore               *self,
                                                const char             *hub,
                                                gint64                  seq,
                                                GError                **error);

/* The report importer's lexicon (idk-store-report.c). */
IdkReportLexicon *idk_store_load_report_lexicon (IdkStore             *self,
                                                 GError              **error);
gboolean    idk_store_match_report             (IdkStore               *self,
                                                IdkReport              *report,
                                                GError                **error);

/* What idk_store_apply_report() wrote. */
typedef struct
{
  guint created;
  guint updated;
  guint unchanged;
  guint rejected;
} IdkReportApplied;

gboolean    idk_store_apply_report             (IdkStore               *self,
                                                IdkReport              *report,
                                                IdkReportApplied       *applied,
                                                GError                **error);
char       *idk_report_decision_reference      (const IdkReportSession  *session,
                                                const IdkReportDecision *decision);

/* Working groups (idk-store-groups.c). */
char       *idk_store_save_working_group       (IdkStore               *self,
                                                const char             *uuid,
                                                JsonObject             *fields,
                                                GError                **error);
gboolean    idk_store_disband_working_group    (IdkStore               *self,
                                                const char             *uuid,
                                                const char             *meeting,
                                                GError                **error);
char       *idk_store_add_group_member         (IdkStore               *self,
                                                const char             *group,
                                                const char             *organization,
                                                const char             *role,
                                                const char             *note,
                                                GError                **error);

/* Posts and appointments (idk-store-posts.c). */
char       *idk_store_create_post              (IdkStore               *self,
                                                const char             *actor,
                                                const char             *place,
                                                const char             *place_kind,
                                                const char             *title,
                                                const char             *organization,
                                                GError                **error);
char       *idk_store_appoint                  (IdkStore               *self,
                                                const char             *post,
                                                const char             *person,
                                                const char             *from,
                                                const char             *to,
                                                gboolean                ad_interim,
                                                GError                **error);
char       *idk_store_fill_post                (IdkStore               *self,
                                                const char             *actor,
                                                const char             *post,
                                                const char             *place,
                                                const char             *place_kind,
                                                const char             *title,
                                                const char             *organization,
                                                const char             *person,
                                                const char             *from,
                                                const char             *to,
                                                gboolean                ad_interim,
                                                GError                **error);
gboolean    idk_store_edit_appointment         (IdkStore               *self,
                                                const char             *appointment,
                                                const char             *from,
                                                const char             *to,
                                                gboolean                ad_interim,
                                                GError                **error);
gboolean    idk_store_end_appointment          (IdkStore               *self,
                                                const char             *appointment,
                                                const char             *to,
                                                GError                **error);
guint       idk_store_count_vacancies          (IdkStore               *self,
                                                const char             *actor);

/* Rule checks (idk-rules.c). */
GListModel *idk_store_list_warnings            (IdkStore    *self,
                                                const char  *subject_uuid,
                                                GError     **error);

G_END_DECLS
