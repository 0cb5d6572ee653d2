/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-core.h"

G_BEGIN_DECLS

#define IDK_TYPE_SPLIT_VIEW (idk_split_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (IdkSplitView, idk_split_view, IDK, SPLIT_VIEW, AdwBin)

/* A searchable list beside the page of the selected item, folding into
 * one column when narrow: the layout of the Accountability, Calendar and
 * Working groups views.  Subclasses say what to list and how to show it. */
struct _IdkSplitViewClass
{
  AdwBinClass parent_class;

  /* The items for @search (NULL: everything).  Items may be wrapped in
   * GtkTreeListRow for a tree. */
  GListModel *(*load)       (IdkSplitView  *self,
                             const char    *search,
                             GError       **error);
  /* Fills @details with the page of @item (never NULL). */
  void        (*show_item)  (IdkSplitView  *self,
                             gpointer       item,
                             GtkBox        *details);
  /* The record UUID of @item, to select it from elsewhere. */
  const char *(*item_uuid)  (gpointer       item);
};

IdkStore   *idk_split_view_get_store          (IdkSplitView *self);
const char *idk_split_view_get_search         (IdkSplitView *self);
gpointer    idk_split_view_get_selected_item  (IdkSplitView *self);
gboolean    idk_split_view_select_uuid        (IdkSplitView *self,
                                               const char   *uuid);
void        idk_split_view_reveal_uuid        (IdkSplitView *self,
                                               const char   *uuid);
void        idk_split_view_reload             (IdkSplitView *self);
void        idk_split_view_show_page          (IdkSplitView *self);
void        idk_split_view_set_row_resource   (IdkSplitView *self,
                                               const char   *resource_path);
void        idk_split_view_add_sidebar_widget (IdkSplitView *self,
                                               GtkWidget    *widget);
void        idk_split_view_set_texts          (IdkSplitView *self,
                                               const char   *search_placeholder,
                                               const char   *list_label,
                                               const char   *empty_description);
GtkWidget  *idk_split_view_add_link_row       (IdkSplitView *self,
                                               GtkWidget    *section,
                                               const char   *title,
                                               const char   *subtitle,
                                               const char   *target_uuid);
void        idk_split_view_add_entries        (IdkSplitView *self,
                                               GtkBox       *details,
                                               GListModel   *entries,
                                               gboolean      linked);

G_END_DECLS
