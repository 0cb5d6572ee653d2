/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-action-list.h"

G_BEGIN_DECLS

/* Shared by idk-action-list.c (the model and its pages) and
 * idk-action-list-query.c (the query and its thread). */

/* A page is one query; MAX_PAGES of them cover a tall window and the
 * rows it keeps around its view. */
#define PAGE_SIZE 32
#define MAX_PAGES 8

typedef struct
{
  guint index;
  GPtrArray *items;     /* IdkAction, blank for a row gone since the query */
  gboolean stale;       /* held, off screen: the rows' contents are still to write in */
  gboolean unannounced; /* held, off screen: its widgets are still to be told */
} Page;

struct _IdkActionList
{
  GObject parent_instance;

  IdkStore *store;
  char *search;
  char *status;
  char *owner;
  char *session;
  gboolean overdue_only;
  gboolean mine_only;
  char *sort_key;
  gboolean descending;
  gboolean async;
  gboolean given_up;        /* idk_action_list_cancel (): no more queries */
  guint generation;         /* of the latest query asked for */
  GCancellable *cancellable;
  GArray *rows;         /* gint64 row ids */
  GQueue pages;         /* Page, the most recently used first */
  gboolean data_changed; /* since the rows were read: reload what is shown */
  guint hidden_start;   /* rows not announced yet, between the two steps */
  guint hidden_n;       /*   of apply_rows () */
  gboolean loading;     /* a query runs in a worker thread */
  guint shown_first;    /* the positions on screen, as its widget says */
  guint shown_n;
  guint n_unannounced;  /* pages */
};

void       _idk_action_list_apply_rows    (IdkActionList  *self,
                                           GArray         *rows);
void       _idk_action_list_notify        (IdkActionList  *self,
                                           const char     *property);
void       _idk_action_list_page_free     (gpointer        page);
gboolean   _idk_action_list_page_is_held  (Page           *page);
void       _idk_action_list_refresh_page  (IdkActionList  *self,
                                           Page           *page);
GPtrArray *_idk_action_list_load_items    (IdkActionList  *self,
                                           guint           start,
                                           guint           n,
                                           GError        **error);
void _idk_action_list_set_loading (IdkActionList *self,
                                   gboolean       loading);

G_END_DECLS
