/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "idk-change.h"
#include "idk-store.h"

G_BEGIN_DECLS

/* Shared by the idk-store*.c files only. */
typedef enum
{
  IDK_INTEGRITY_UNKNOWN,    /* only quick_check has run, at open */
  IDK_INTEGRITY_OK,
  IDK_INTEGRITY_DAMAGED,    /* nothing is written to it any more */
} IdkIntegrity;

struct _IdkStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  char *office_uuid;
  guint64 hlc;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  GHashTable *statements_by_address;  /* SQL text's address → sqlite3_stmt, a hint */
  guint txn_depth;
  gboolean txn_dirty;
  char *today;              /* fixed by tests; NULL: the real date */
  char today_buffer[11];
  GPtrArray *journal;       /* IdkChangeEntry: what the open transaction wrote */
  GArray *journal_marks;    /* journal length at each savepoint */
  IdkChange *last_change;
  IdkIntegrity integrity;   /* of the file, by PRAGMA integrity_check */
  char *damage;             /* what the check found, when damaged */
  char *read_only;          /* why the file cannot be written; NULL if it can */
  char *key_passphrase;     /* of this office's secret key, if given */
};

/* The last day of a date of any precision, in SQL. */
#define LAST_DAY(x) \
  "(CASE length (" x ") WHEN 10 THEN " x " WHEN 7 THEN date (" x " || '-01', '+1 month', '-1 day')" \
  " WHEN 4 THEN " x " || '-12-31' END)"
#define FIRST_DAY(x) "substr (" x " || '-01-01', 1, 10)"

/* The longest name of an office, as of an organization. */
#define IDK_OFFICE_NAME_MAX 200

/* "IDK1": marks a database as IASMN Desk's, so that another program's
 * SQLite file is refused rather than migrated. */
#define IDK_APPLICATION_ID 0x49444b31

sqlite3      *_idk_store_get_db        (IdkStore      *self);
sqlite3_stmt *_idk_store_prepare       (IdkStore      *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      _idk_store_step_done     (IdkStore      *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
gboolean      _idk_store_exec          (IdkStore      *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      _idk_store_sql_error     (IdkStore      *self,
                                        GError       **error);
gboolean      _idk_store_no_room_error (IdkStore      *self,
                                        GError       **error);
void          _idk_store_register_functions (sqlite3  *db);
void          _idk_store_set_cancellable (IdkStore     *self,
                                          GCancellable *cancellable);
gboolean      _idk_store_load_defaults (IdkStore      *self,
                                        GError       **error);
const char   *_idk_store_today         (IdkStore      *self);
char         *_idk_store_get_meta      (IdkStore      *self,
                                        const char    *key);
gboolean      _idk_store_set_meta      (IdkStore      *self,
                                        const char    *key,
                                        const char    *value,
                                        GError       **error);
gboolean      _idk_store_query_int     (sqlite3       *db,
                                        const char    *sql,
                                        gint64        *value,
                                        int           *code);
void          _idk_store_emit_changed  (IdkStore      *self);
gboolean      _idk_store_save_hlc      (IdkStore      *self,
                                        GError       **error);
char         *_idk_store_like_pattern  (const char    *text);
gboolean      _idk_text_is_blank       (const char    *text);
gpointer      _idk_store_meeting_from_row (sqlite3_stmt *stmt);
char         *_idk_store_record_label  (const char    *fields_json);
IdkRevision  *_idk_store_revision_from_row (sqlite3_stmt *stmt,
                                           const char   *uuid);

/* idk-store.c, for the other writers of revisions */
typedef struct _IdkRecordType IdkRecordType;
gboolean      _idk_store_check_field_references (IdkStore             *self,
                                                 const IdkRecordType  *type,
                                                 JsonObject           *fields,
                                                 GError              **error);
gboolean      _idk_store_write_revision (IdkStore            *self,
                                         const char          *type_name,
                                         const char          *uuid,
                                         gboolean             deleted,
                                         JsonObject          *fields,
                                         const char * const  *parents,
                                         GError             **error);
/* JSON text as SQLite minifies it, for a span that has whitespace. */
char         *_idk_store_minify_json    (IdkStore            *store,
                                         const char          *json,
                                         gsize                length,
                                         GError             **error);

/* How the current version of a record is chosen among its leaf revisions
 * (columns of revisions): live beats deleted, then the higher clock, then
 * the office UUID bytewise, then the revision id. */
#define IDK_WINNER_ORDER "deleted ASC, hlc DESC, office_uuid DESC, rev_id DESC"

/* idk-store-undo.c */
void          _idk_store_journal_begin    (IdkStore      *self);
void          _idk_store_journal_commit   (IdkStore      *self);
void          _idk_store_journal_rollback (IdkStore      *self);
gboolean      _idk_store_journal_note     (IdkStore      *self,
                                           const char    *uuid,
                                           const char    *type,
                                           GError       **error);
void          _idk_store_journal_written  (IdkStore      *self,
                                           const char    *uuid,
                                           const char    *rev_id);

/* idk-store-settle.c */
gboolean      _idk_store_create_temp_tables (IdkStore  *self,
                                             GError   **error);
gboolean      _idk_store_touch         (IdkStore      *self,
                                        const char    *record,
                                        const char    *type,
                                        GError       **error);
gboolean      _idk_store_touch_fresh   (IdkStore      *self,
                                        const char    *record,
                                        const char    *type,
                                        const char    *rev_id,
                                        gboolean       deleted,
                                        gboolean       rowed,
                                        GError       **error);
gboolean      _idk_record_type_derives_rows (const IdkRecordType *type);
gboolean      _idk_store_add_fresh_record (IdkStore      *self,
                                           const char    *record,
                                           const char    *type,
                                           const char    *rev_id,
                                           gboolean       deleted,
                                           GError       **error);
gboolean      _idk_store_touch_created (IdkStore      *self,
                                        const char    *record,
                                        const char    *type,
                                        gboolean       rowed,
                                        GError       **error);
char         *_idk_record_type_columns_sql (const IdkRecordType  *type,
                                            const char           *source);
sqlite3_stmt *_idk_store_prepare_fresh_row  (IdkStore             *self,
                                             const IdkRecordType  *type,
                                             const char           *record,
                                             GError              **error);
gboolean      _idk_store_settle_rows   (IdkStore      *self,
                                        GError       **error);
gboolean      _idk_store_settle        (IdkStore      *self,
                                        GError       **error);

/* idk-schema.c */
int           _idk_schema_latest_version (void);
gboolean      _idk_schema_migrate        (sqlite3       *db,
                                          int            from_version,
                                          GError       **error);

/* The report importer's matching (idk-store-report.c). */
char         *_idk_store_fold_name      (const char    *name);
GHashTable   *_idk_store_load_names     (IdkStore      *self,
                                         const char    *sql,
                                         const char    *key,
                                         GError       **error);
const char   *_idk_report_due_meeting_of (IdkReport              *report,
                                          const IdkReportDecision *decision);

/* Where the next bundle for @recipient starts (idk-store-export.c). */
gboolean      _idk_store_find_start     (IdkStore      *self,
                                         const char    *recipient,
                                         gint64        *since,
                                         gint64        *after,
                                         GError       **error);

/* Keeps a mailed bundle for the hub, if one is set (idk-store-hub.c). */
gboolean      _idk_store_keep_for_hub   (IdkStore      *self,
                                         gint64         seq,
                                         gint64         after,
                                         const char    *bundle_path,
                                         const char    *signature_path,
                                         GError       **error);

G_END_DECLS
