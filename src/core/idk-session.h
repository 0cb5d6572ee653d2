/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-store.h"

G_BEGIN_DECLS

/* The session cycle: planning a full session with its Steering Group
 * session, timing an agenda, the register of conference room papers, and
 * the review of the previous session's actions. */

/* --- planning (idk-store-plan.c) ------------------------------------- */

typedef struct
{
  const char *start;      /* YYYY-MM-DD, the full session's first day */
  int days;               /* the full session's length, 1 or more */
  const char *city;
  const char *country;    /* optional */
  int sg_lead_weeks;      /* weeks from the SG session to the full one; < 0: from the recorded pairs */
  const char *sg_city;    /* optional: the SG session's city */
} IdkSessionPlan;

typedef struct
{
  char *session_uuid;
  char *sg_uuid;
  int number;
  char *session_title;
  char *session_start;
  char *session_end;
  char *sg_title;
  char *sg_start;
  char *sg_end;
  int sg_lead_weeks;
  char *previous_uuid;    /* the full session it follows, or NULL */
  GListModel *warnings;   /* IdkEntry, as idk_store_list_warnings() gives them */
} IdkPlanResult;

void           idk_plan_result_free          (IdkPlanResult        *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdkPlanResult, idk_plan_result_free)

int            idk_store_default_sg_lead_weeks (IdkStore           *self);
IdkPlanResult *idk_store_plan_session        (IdkStore             *self,
                                              const IdkSessionPlan *plan,
                                              gboolean              dry_run,
                                              GError              **error);
char          *idk_ordinal_session_title     (int                   number);

/* --- agenda timing and papers (idk-agenda.c) ------------------------- */

#define IDK_DEFAULT_DAY_END "17:30"

typedef struct
{
  char *uuid;
  char *title;
  char *kind;            /* "item", "break" */
  int start;             /* minutes since midnight */
  int end;
  int running_total;     /* minutes of items (not breaks) up to this slot's end */
} IdkAgendaSlot;

typedef struct
{
  char *day;             /* YYYY-MM-DD */
  char *end_item;        /* the marker that holds the planned end, or NULL */
  int planned_end;       /* minutes since midnight */
  gboolean end_is_default;
  int first_start;       /* -1 when the day has no slot */
  int last_end;
  int item_minutes;      /* time of items, breaks left out */
  int break_minutes;
  GPtrArray *slots;      /* IdkAgendaSlot, by start */
  GPtrArray *warnings;   /* char *: overrun, gaps, overlaps */
} IdkAgendaDay;

void        idk_agenda_day_free          (IdkAgendaDay *day);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdkAgendaDay, idk_agenda_day_free)

char       *idk_format_minutes           (int           minutes);
char       *idk_format_duration          (int           minutes);
GPtrArray  *idk_store_time_agenda        (IdkStore     *self,
                                          const char   *meeting,
                                          GError      **error);
gboolean    idk_store_set_day_end        (IdkStore     *self,
                                          const char   *meeting,
                                          const char   *day,
                                          const char   *time,
                                          GError      **error);

typedef struct
{
  int number;
  char *symbol;          /* as written: "CRP 12", "CRP 1 Annex B" */
  char *title;
  gboolean registered;   /* a document of the session, not only cited by an item */
} IdkPaper;

typedef struct
{
  GPtrArray *papers;     /* IdkPaper, by number */
  GArray *gaps;          /* int: numbers missing below the highest */
  GArray *repeats;       /* int: numbers two documents claim */
  int next_free;
} IdkPaperRegister;

void              idk_paper_register_free (IdkPaperRegister *reg);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdkPaperRegister, idk_paper_register_free)

IdkPaperRegister *idk_store_list_papers   (IdkStore     *self,
                                           const char   *meeting,
                                           GError      **error);
GPtrArray        *idk_paper_register_describe (IdkPaperRegister *reg);
char             *idk_store_add_paper     (IdkStore     *self,
                                           const char   *meeting,
                                           int           number,
                                           const char   *title,
                                           GError      **error);

/* --- review of the previous session's actions (idk-review.c) --------- */

typedef struct
{
  char *status;
  char *label;
  guint count;
} IdkStatusCount;

typedef struct
{
  char *owner;           /* UUID, or NULL for actions without an owner */
  char *label;
  guint *counts;         /* one per status, in the order of by_status */
  guint total;
} IdkOwnerCounts;

typedef struct
{
  char *session;         /* the session whose actions are counted */
  char *session_title;
  char *for_session;     /* the session that reviews them, or NULL */
  guint total;           /* noting items left out */
  guint completed;
  guint percent;
  GPtrArray *by_status;  /* IdkStatusCount, every status in the description's order */
  GPtrArray *by_owner;   /* IdkOwnerCounts, most actions first */
  GPtrArray *open;       /* char *: UUIDs of the actions still open, by reference */
  guint carried;         /* of the open ones, carried over to for_session already */
} IdkReview;

void        idk_review_free              (IdkReview    *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdkReview, idk_review_free)

char       *idk_store_find_previous_session (IdkStore  *self,
                                             const char *meeting);
IdkReview  *idk_store_review_actions_of  (IdkStore     *self,
                                          const char   *session,
                                          GError      **error);
IdkReview  *idk_store_review_session     (IdkStore     *self,
                                          const char   *meeting,
                                          GError      **error);
char       *idk_review_summary           (IdkReview    *review);
char       *idk_review_describe          (IdkReview    *review);
char       *idk_store_describe_carry     (IdkStore     *self,
                                          const char   *action);
guint       idk_store_carry_over         (IdkStore     *self,
                                          const char   *meeting,
                                          GError      **error);

G_END_DECLS
