/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "idk-store.h"

G_BEGIN_DECLS

#define IDK_TYPE_ACTION_LIST (idk_action_list_get_type ())

G_DECLARE_FINAL_TYPE (IdkActionList, idk_action_list, IDK, ACTION_LIST, GObject)

IdkActionList *idk_action_list_new         (IdkStore       *store);
IdkActionList *idk_action_list_new_async   (IdkStore       *store);
IdkStore      *idk_action_list_get_store   (IdkActionList  *self);
const char    *idk_action_list_get_search  (IdkActionList  *self);
void           idk_action_list_set_search  (IdkActionList  *self,
                                            const char     *search);
void           idk_action_list_set_filters (IdkActionList  *self,
                                            const char     *status,
                                            const char     *owner,
                                            const char     *session,
                                            gboolean        overdue_only,
                                            gboolean        mine_only);
void           idk_action_list_set_sort    (IdkActionList  *self,
                                            const char     *key,
                                            gboolean        descending);
char          *idk_action_list_get_uuid    (IdkActionList  *self,
                                            guint           position);
gint64         idk_action_list_get_rowid   (IdkActionList  *self,
                                            guint           position);
gboolean       idk_action_list_is_loading  (IdkActionList  *self);
void           idk_action_list_cancel      (IdkActionList  *self);
void           idk_action_list_set_shown_range   (IdkActionList *self,
                                                  guint          first,
                                                  guint          n);
gboolean       idk_action_list_announce_deferred (IdkActionList *self);
void           idk_action_list_get_query   (IdkActionList  *self,
                                            IdkActionQuery *query);
void           idk_action_list_set_async   (IdkActionList  *self,
                                            gboolean        async);
gboolean       idk_action_list_refresh     (IdkActionList  *self,
                                            GError        **error);

G_END_DECLS
