/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "idk-report-text.h"

G_BEGIN_DECLS

/* What the report importer proposes, read from a session's final report.
 * Nothing here is written anywhere: a person accepts or corrects each
 * proposal first.  A value the text does not give stays NULL (or 0). */

typedef enum
{
  IDK_REPORT_NAME_ORGANIZATION,
  IDK_REPORT_NAME_WORKING_GROUP,
} IdkReportNameKind;

/* A name the lexicon knows, as matched in the text. */
typedef struct
{
  IdkReportNameKind kind;
  char *label;          /* the record's acronym, or its name */
  char *uuid;           /* the record's, or NULL when only named */
} IdkReportName;

IdkReportName *idk_report_name_new  (IdkReportNameKind  kind,
                                     const char        *label,
                                     const char        *uuid);
void           idk_report_name_free (IdkReportName     *name);

/* Where a proposal was read, and how sure the reading is (0 to 1). */
typedef struct
{
  guint first_line;
  guint last_line;
  double confidence;
} IdkReportSource;

/* What a proposal is to the store: idk_store_match_report() sets it. */
typedef enum
{
  IDK_REPORT_NEW,       /* no record holds it yet */
  IDK_REPORT_SAME,      /* a record holds it as the report says: nothing to write */
  IDK_REPORT_UPDATE,    /* a record holds it otherwise: offered as an update */
} IdkReportState;

typedef struct
{
  IdkReportState state;
  char *existing;       /* the record's UUID, for SAME and UPDATE */
  char **changed;       /* for UPDATE: the fields that differ, NULL-terminated */
  gboolean rejected;    /* the person reviewing the proposals said no */
} IdkReportMatch;

typedef struct
{
  IdkReportSource source;
  IdkReportMatch match;
  gint64 number;        /* 21 for the 21st session; 0 when not stated */
  char *type;           /* a meeting type: "full-session", "sg-session" */
  char *start;          /* ISO 8601, as precise as the text: 2015-02-03, 2015-02 */
  char *end;
  char *city;
  char *country;
  char *host;           /* the host organization's label */
  char *host_uuid;
  char *chair;          /* persons' names, without honorific */
  char *co_chair;
  char *secretary;
  gint members;         /* organizations reported, -1 when not stated */
  gint observers;
} IdkReportSession;

typedef struct
{
  IdkReportSource source;
  IdkReportMatch match; /* existing: the meeting the store holds for it */
  char *type;           /* "full-session", "sg-session", "wg-meeting" */
  gint64 number;
  char *start;
  char *end;
  char *city;
  char *country;
  char *host;
  char *host_uuid;
} IdkReportMeeting;

typedef struct
{
  IdkReportSource source;
  IdkReportMatch match;
  guint paragraph;
  guint part;           /* 1, 2… within a paragraph that decides several things; 0 if one */
  char *topic;
  char *kind;           /* "request", "decision", "endorsement", "noting" */
  char *text;
  GPtrArray *owners;    /* IdkReportName */
  char *due_date;       /* ISO 8601, as precise as the text */
  char *due_meeting;    /* the meeting as the text names it */
  char *due_meeting_uuid;
  int due_meeting_index; /* the meeting of the report's own calendar it is due at, or -1 */
  char *due_text;       /* a due the text gives in words: "within six months" */
} IdkReportDecision;

typedef struct
{
  IdkReportSource source;
  IdkReportMatch match;
  char *honorific;      /* "Mr.", "Ms.", "Dr." or NULL */
  char *person;
  char *organization;   /* as the list gives it */
  char *organization_uuid;
  char *function;       /* "chair", "co-chair", "secretary" or NULL */
  gboolean observer;
} IdkReportParticipant;

typedef struct
{
  IdkReportSource source;
  IdkReportMatch match;
  char *day;            /* ISO 8601 date, or NULL */
  char *start;          /* "08:30", or NULL */
  char *end;
  char *title;
  char *presenter;      /* as the agenda writes it: "USG, UNDSS", "PPCU" */
  char *crp;            /* "CRP 10" */
  char *kind;           /* "item", "break", "marker" */
  int parent;           /* the index of the item it is part of, or -1 */
} IdkReportAgendaItem;

typedef struct
{
  IdkReportSource source;
  IdkReportMatch match;
  char *symbol;         /* "CRP 5" */
  gint64 number;
  char *title;
} IdkReportDocument;

#define IDK_TYPE_REPORT_LEXICON (idk_report_lexicon_get_type ())
typedef struct _IdkReportLexicon IdkReportLexicon;

GType             idk_report_lexicon_get_type      (void) G_GNUC_CONST;
IdkReportLexicon *idk_report_lexicon_new           (void);
IdkReportLexicon *idk_report_lexicon_ref           (IdkReportLexicon  *self);
void              idk_report_lexicon_unref         (IdkReportLexicon  *self);
void              idk_report_lexicon_add_name      (IdkReportLexicon  *self,
                                                    IdkReportNameKind  kind,
                                                    const char        *uuid,
                                                    const char        *label,
                                                    const char        *name);
void              idk_report_lexicon_add_meeting   (IdkReportLexicon  *self,
                                                    const char        *uuid,
                                                    const char        *type,
                                                    gint64             number,
                                                    const char        *start,
                                                    const char        *city);

#define IDK_TYPE_REPORT (idk_report_get_type ())
G_DECLARE_FINAL_TYPE (IdkReport, idk_report, IDK, REPORT, GObject)

IdkReport              *idk_report_new              (IdkReportText     *text,
                                                     IdkReportLexicon  *lexicon);
IdkReport              *idk_report_new_from_file    (GFile             *file,
                                                     IdkReportLexicon  *lexicon,
                                                     GCancellable      *cancellable,
                                                     GError           **error);
IdkReportText          *idk_report_get_text         (IdkReport         *self);
const IdkReportSession *idk_report_get_session      (IdkReport         *self);
GPtrArray              *idk_report_get_decisions    (IdkReport         *self);
GPtrArray              *idk_report_get_meetings     (IdkReport         *self);
GPtrArray              *idk_report_get_participants (IdkReport         *self);
GPtrArray              *idk_report_get_agenda       (IdkReport         *self);
GPtrArray              *idk_report_get_documents    (IdkReport         *self);
JsonNode               *idk_report_to_json          (IdkReport         *self);
IdkReportLexicon       *idk_report_get_lexicon      (IdkReport         *self);
char                   *idk_report_decision_get_owners_text (const IdkReportDecision *decision);
gboolean                idk_report_decision_set_owners      (IdkReport         *self,
                                                             IdkReportDecision *decision,
                                                             const char        *text,
                                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdkReportLexicon, idk_report_lexicon_unref)

G_END_DECLS
