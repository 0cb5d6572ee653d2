/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-action-page.h"
#include "idk-action-selection.h"
#include "idk-actions-view.h"

G_BEGIN_DECLS

/* The Actions view, split by concern: idk-actions-view.c (the table, its
 * narrow list, filters and selection), idk-actions-view-edit.c (the form
 * of an action, bulk changes and deletes, each with Undo),
 * idk-actions-view-review.c (a session's figures, the table's export). */

struct _IdkActionsView
{
  AdwBin parent_instance;

  IdkStore *store;
  IdkActionList *list;
  IdkActionSelection *selection;
  GPtrArray *owner_uuids;     /* parallel to the owner filter, [0] = NULL */
  GPtrArray *session_uuids;   /* parallel to the session filter */
  char *sort_probe;           /* see read_sort_order () */
  guint announce_tick;        /* see _idk_actions_view_follow_list () */

  /* Template widgets */
  GtkColumnView *column_view;
  GtkLabel *count_label;
  GtkButton *delete_button;
  AdwStatusPage *empty_page;
  GtkFlowBox *filter_box;
  AdwFlap *flap;
  GtkMenuButton *mark_button;
  GtkToggleButton *mine_toggle;
  GtkListView *narrow_list;
  GtkToggleButton *overdue_toggle;
  GtkDropDown *owner_filter;
  IdkActionPage *page;
  GtkSearchEntry *search_entry;
  GtkActionBar *selection_bar;
  GtkLabel *selection_label;
  GtkDropDown *session_filter;
  AdwSqueezer *squeezer;
  GtkScrolledWindow *table_scroller;
  GtkStack *stack;
  GtkDropDown *status_filter;
  GtkRevealer *review_revealer;
  GtkLabel *review_label;
  GtkExpander *review_expander;
  GtkFileChooserNative *chooser;   /* the export's, while it is open */
};

GStrv _idk_actions_view_selected_uuids (IdkActionsView *self);
void  _idk_actions_view_build_table    (IdkActionsView *self);
void  _idk_actions_view_read_sort_order (IdkActionsView *self);
void  _idk_actions_view_follow_list    (IdkActionsView *self);
void  _idk_actions_view_class_add_actions (GtkWidgetClass *widget_class);
void  _idk_actions_view_fill_mark_menu (IdkActionsView *self);

/* idk-actions-view-review.c: the figures of the session filtered, and the
 * export of the table. */
void  _idk_actions_view_update_review (IdkActionsView *self,
                                       const char     *session);
void  _idk_actions_view_class_add_review_actions (GtkWidgetClass *widget_class);

G_END_DECLS
