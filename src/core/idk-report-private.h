/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-report.h"

G_BEGIN_DECLS

/* What each finder of the report importer shares: the lines with their
 * roles, the lexicon, and the scanners of dates and names.  The finders
 * are idk-report-session.c, -decisions.c, -calendar.c and
 * -participants.c; idk-report.c runs them in that order. */

typedef enum
{
  IDK_LINE_BLANK,
  IDK_LINE_TEXT,
  IDK_LINE_PAGE,        /* a page number or a running head: not the report's text */
  IDK_LINE_HEADING,     /* a section's title: the topic of what follows */
  IDK_LINE_PARAGRAPH,   /* "12. The IASMN…": a numbered paragraph begins */
  IDK_LINE_BULLET,      /* "- ", "• ", "o "… */
  IDK_LINE_RECOMMENDATION, /* "RECOMMENDATION(S):" */
  IDK_LINE_ANNEX,       /* the start of an annex: the body ends */
} IdkLineRole;

typedef struct
{
  IdkLineRole role;
  guint paragraph;      /* for IDK_LINE_PARAGRAPH */
  const char *body;     /* the text after the number or the bullet */
  const char *topic;    /* for IDK_LINE_HEADING: the title, owned by the analysis */
  const char *crp;      /* for IDK_LINE_HEADING: the paper it names, "CRP 5" */
} IdkLineInfo;

/* One run of the importer over one report. */
typedef struct
{
  IdkReportText *text;
  IdkReportLexicon *lexicon;
  IdkLineInfo *info;         /* one per line */
  guint n_lines;
  guint body_end;            /* the first annex line, or n_lines */
  GPtrArray *strings;        /* what info points into */
  IdkReportSession *session;
  GPtrArray *decisions;      /* IdkReportDecision */
  GPtrArray *meetings;       /* IdkReportMeeting */
  GPtrArray *participants;   /* IdkReportParticipant */
  GPtrArray *agenda;         /* IdkReportAgendaItem */
  GPtrArray *documents;      /* IdkReportDocument */
  int year;                  /* the session's year, for dates given without one */
} IdkReportScan;

/* A date or a range as the text gives it. */
typedef struct
{
  int year, month, day;          /* day 0: a month only */
  int end_year, end_month, end_day;
} IdkDateRange;

static inline const char *
_idk_report_line (IdkReportScan *scan,
                  guint          index)
{
  return idk_report_text_get_line (scan->text, index)->text;
}

void         _idk_report_classify          (IdkReportScan       *scan);
char        *_idk_report_join              (IdkReportScan       *scan,
                                            guint                first,
                                            guint                last,
                                            const char          *first_text);
const char  *_idk_report_find_date         (const char          *text,
                                            int                  default_year,
                                            IdkDateRange        *range,
                                            const char         **end);
char        *_idk_report_date_start        (const IdkDateRange  *range);
char        *_idk_report_date_end          (const IdkDateRange  *range);
int          _idk_report_month             (const char          *word,
                                            gsize                length);
gboolean     _idk_report_word_at           (const char          *text,
                                            const char          *at,
                                            const char          *word);
const char  *_idk_report_find_word         (const char          *text,
                                            const char          *word);
gboolean     _idk_report_is_acronym_of     (const char          *words,
                                            const char          *open,
                                            const char          *inside);
gint64       _idk_report_ordinal_at        (const char          *at,
                                            const char         **end);
char        *_idk_report_place_after       (const char          *at,
                                            char               **country);

/* Names of the lexicon found in a text, in the order they appear; where
 * two overlap, the longer wins ("UNDSS/PPCU" is PPCU, not UNDSS). */
typedef struct
{
  const char *start;
  const char *end;
  IdkReportNameKind kind;
  const char *label;
  const char *uuid;
} IdkNameMatch;

GArray      *_idk_report_lexicon_scan      (IdkReportLexicon    *lexicon,
                                            const char          *text);
const IdkNameMatch *_idk_report_lexicon_find (IdkReportLexicon  *lexicon,
                                            const char          *name);
const char  *_idk_report_lexicon_meeting   (IdkReportLexicon    *lexicon,
                                            const char          *type,
                                            gint64               number,
                                            const char          *after);

const char  *_idk_report_honorific_at      (const char          *at);
char        *_idk_report_person_at         (const char          *at,
                                            const char         **end,
                                            const char         **honorific);
GPtrArray   *_idk_report_persons_in        (const char          *text);
char        *_idk_report_person_before     (const char          *text,
                                            const char          *limit);
int          _idk_report_count_at          (const char          *at,
                                            const char         **end);
int          _idk_report_count_before      (const char          *text,
                                            const char          *at);
const char  *_idk_report_lexicon_meeting_at (IdkReportLexicon   *lexicon,
                                            const char          *type,
                                            gint64               number,
                                            const char          *start);

IdkReportName *_idk_report_name_new        (const IdkNameMatch  *match);

void         _idk_report_find_session      (IdkReportScan       *scan);
void         _idk_report_find_calendar     (IdkReportScan       *scan);
void         _idk_report_find_decisions    (IdkReportScan       *scan);
void         _idk_report_find_participants (IdkReportScan       *scan);
void         _idk_report_find_agenda       (IdkReportScan       *scan);
void         _idk_report_agenda_item_free  (IdkReportAgendaItem *item);
void         _idk_report_document_free     (IdkReportDocument   *document);
void         _idk_report_read_decision     (IdkReportScan       *scan,
                                            IdkReportDecision   *decision);

void         _idk_report_session_free      (IdkReportSession    *session);
void         _idk_report_meeting_free      (IdkReportMeeting    *meeting);
void         _idk_report_decision_free     (IdkReportDecision   *decision);
void         _idk_report_participant_free  (IdkReportParticipant *participant);

G_END_DECLS
