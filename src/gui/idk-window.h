/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-application.h"

G_BEGIN_DECLS

#define IDK_TYPE_WINDOW (idk_window_get_type ())

G_DECLARE_FINAL_TYPE (IdkWindow, idk_window, IDK, WINDOW, AdwApplicationWindow)

typedef void (*IdkUndoFunc) (gpointer user_data);

IdkWindow  *idk_window_new              (IdkApplication *application,
                                         IdkStore       *store);
IdkStore   *idk_window_get_store        (IdkWindow      *self);
void        idk_window_set_view         (IdkWindow      *self,
                                         const char     *name);
const char *idk_window_get_view         (IdkWindow      *self);
GtkWidget  *idk_window_get_view_widget  (IdkWindow      *self,
                                         const char     *name);
void        idk_window_add_toast        (IdkWindow      *self,
                                         AdwToast       *toast);
void        idk_window_offer_undo       (IdkWindow      *self,
                                         const char     *title,
                                         IdkUndoFunc     undo,
                                         gpointer        user_data,
                                         GDestroyNotify  destroy);
gboolean    idk_window_undo             (IdkWindow      *self);
gboolean    idk_window_offer_change     (GtkWidget      *widget,
                                         IdkStore       *store,
                                         const char     *title);
GtkWindow  *idk_window_open_bundle      (IdkWindow      *self,
                                         GFile          *file);
GtkWindow  *idk_window_open_report      (IdkWindow      *self,
                                         GFile          *file);
void        idk_window_open_file        (IdkWindow      *self,
                                         GFile          *file);
GtkWindow  *idk_window_ask_office       (IdkWindow      *self);
GtkWindow  *idk_window_show_conflicts   (IdkWindow      *self);
GtkWindow  *idk_window_ask_hub          (IdkWindow      *self,
                                         const char     *message);
void        idk_window_sync             (IdkWindow      *self,
                                         gboolean        manual);
gboolean    idk_window_is_syncing       (IdkWindow      *self);
guint       idk_window_get_sync_minutes (IdkWindow      *self);
void        idk_window_hub_changed      (IdkWindow      *self,
                                         const char     *password);
const char *idk_window_get_hub_password (IdkWindow      *self);
void        idk_window_forget_hub_password (IdkWindow   *self);

G_END_DECLS
