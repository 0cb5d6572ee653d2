/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-accountability-view.h"
#include "idk-actions-view.h"
#include "idk-calendar-view.h"
#include "idk-conflicts-window.h"
#include "idk-window.h"
#include "idk-working-groups-view.h"

G_BEGIN_DECLS

/* The window's parts, split by concern: idk-window.c (building, state),
 * idk-window-actions.c (its actions), idk-window-undo.c (Undo),
 * idk-window-sync.c (the hub). */

struct _IdkWindow
{
  AdwApplicationWindow parent_instance;

  IdkStore *store;
  GSettings *settings;
  GtkFileChooserNative *chooser;
  IdkConflictsWindow *conflicts_window;   /* weak */

  /* The last change that can be undone, offered in a toast. */
  AdwToast *undo_toast;
  IdkUndoFunc undo_func;
  gpointer undo_data;
  GDestroyNotify undo_destroy;

  /* The hub: the sync under way, its automatic timer, the password for this run. */
  gpointer sync_job;
  GCancellable *sync_cancellable;
  guint sync_progress;
  guint sync_timeout;
  guint sync_minutes;
  char *hub_password;
  char *sync_error;           /* the last automatic sync's, shown once */
  gboolean looking_up;        /* the keyring is being asked */

  /* Template widgets */
  IdkAccountabilityView *accountability_view;
  IdkActionsView *actions_view;
  IdkCalendarView *calendar_view;
  AdwHeaderBar *header_bar;
  GtkMenuButton *menu_button;
  GtkButton *search_button;
  GtkButton *sync_button;
  GtkLabel *sync_label;
  GtkSpinner *sync_spinner;
  AdwViewSwitcherBar *switcher_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay *toast_overlay;
  AdwViewStack *view_stack;
  IdkWorkingGroupsView *working_groups_view;
};

void     _idk_window_class_add_actions (GtkWidgetClass *widget_class);
void     _idk_window_class_add_sync_actions (GtkWidgetClass *widget_class);
void     _idk_window_dispose_sync      (IdkWindow      *self);
void     _idk_window_clear_undo        (IdkWindow      *self);
void     _idk_window_undo_action       (GtkWidget      *widget,
                                        const char     *action_name,
                                        GVariant       *parameter);
gboolean _idk_window_on_drop_cb        (IdkWindow      *self,
                                        const GValue   *value,
                                        double          x,
                                        double          y,
                                        GtkDropTarget  *target);

G_END_DECLS
