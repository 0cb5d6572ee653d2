/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-accountability-view.h"
#include "idk-actions-view.h"
#include "idk-calendar-view.h"
#include "idk-conflicts-window.h"
#include "idk-details.h"
#include "idk-export-dialog.h"
#include "idk-import-dialog.h"
#include "idk-office-dialog.h"
#include "idk-window.h"
#include "idk-working-groups-view.h"

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

  /* Template widgets */
  IdkAccountabilityView *accountability_view;
  IdkActionsView *actions_view;
  IdkCalendarView *calendar_view;
  AdwHeaderBar *header_bar;
  GtkMenuButton *menu_button;
  GtkButton *search_button;
  AdwViewSwitcherBar *switcher_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay *toast_overlay;
  AdwViewStack *view_stack;
  IdkWorkingGroupsView *working_groups_view;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (IdkWindow, idk_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IdkWindow *self = IDK_WINDOW (widget);
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);

  gtk_widget_activate_action (view, "view.focus-search", NULL);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  idk_window_set_view (IDK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
clear_undo (IdkWindow *self)
{
  if (self->undo_destroy != NULL && self->undo_data != NULL)
    self->undo_destroy (self->undo_data);
  self->undo_func = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;
  g_clear_object (&self->undo_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
}

static void
on_undo_toast_dismissed_cb (IdkWindow *self,
                            AdwToast  *toast)
{
  /* Once the toast is gone, the change stands. */
  if (toast == self->undo_toast)
    clear_undo (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  idk_window_undo (IDK_WINDOW (widget));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IdkWindow *self = IDK_WINDOW (widget);
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);

  gtk_widget_activate_action (view, "view.new", NULL);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
on_chooser_response_cb (IdkWindow       *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    idk_window_open_bundle (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IdkWindow *self = IDK_WINDOW (widget);
  g_autoptr(GtkFileFilter) bundles = idk_details_bundle_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Bundle"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), bundles);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IdkWindow *self = IDK_WINDOW (widget);
  g_autofree char *name = idk_store_get_office_name (self->store);

  /* Bundles carry the office's name: ask for it first. */
  if (name == NULL || *name == '\0')
    {
      idk_window_add_toast (self, adw_toast_new (_("Name this office before exporting")));
      idk_window_ask_office (self);
      return;
    }

  gtk_window_present (GTK_WINDOW (idk_export_dialog_new (self)));
}

static void
office_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  idk_window_ask_office (IDK_WINDOW (widget));
}

static void
conflicts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  idk_window_show_conflicts (IDK_WINDOW (widget));
}

static gboolean
on_drop_cb (IdkWindow     *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    idk_window_open_bundle (self, l->data);
  return files != NULL;
}

/* Without the settings schema (an installed copy whose schema was not
 * compiled), the window's state is kept in memory for this run. */
static struct
{
  int width;
  int height;
  gboolean maximized;
  char *view;
} memory_state = { 1200, 780, FALSE, NULL };

static GSettings *
open_settings (void)
{
  static gboolean warned;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    return g_settings_new_full (schema, NULL, NULL);

  if (!warned)
    {
      /* Translators: %s is the schema's id */
      g_printerr (_("iasmn-desk: the settings schema %s is not installed: the window’s size and "
                    "view are kept only until the application quits.\n"), APP_ID);
    }
  warned = TRUE;
  return NULL;
}

static void
save_state (IdkWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  if (self->settings == NULL)
    {
      memory_state.width = width;
      memory_state.height = height;
      memory_state.maximized = gtk_window_is_maximized (window);
      g_free (memory_state.view);
      memory_state.view = g_strdup (idk_window_get_view (self));
      return;
    }

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_string (self->settings, "last-view", idk_window_get_view (self));
  g_settings_apply (self->settings);
}

static void
restore_state (IdkWindow *self)
{
  g_autofree char *view = NULL;
  gboolean maximized;

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      maximized = g_settings_get_boolean (self->settings, "window-maximized");
      view = g_settings_get_string (self->settings, "last-view");
    }
  else
    {
      gtk_window_set_default_size (GTK_WINDOW (self), memory_state.width, memory_state.height);
      maximized = memory_state.maximized;
      view = g_strdup (memory_state.view ? memory_state.view : "actions");
    }

  if (maximized)
    gtk_window_maximize (GTK_WINDOW (self));
  idk_window_set_view (self, view);
}

/* The state is kept when the window closes, however it closes (the close
 * button, Ctrl+W, Ctrl+Q), not on every resize. */
static gboolean
idk_window_close_request (GtkWindow *window)
{
  save_state (IDK_WINDOW (window));

  return GTK_WINDOW_CLASS (idk_window_parent_class)->close_request (window);
}

static void
idk_window_constructed (GObject *object)
{
  IdkWindow *self = IDK_WINDOW (object);

  G_OBJECT_CLASS (idk_window_parent_class)->constructed (object);

  g_object_set (self->accountability_view, "store", self->store, NULL);
  g_object_set (self->calendar_view, "store", self->store, NULL);
  g_object_set (self->working_groups_view, "store", self->store, NULL);
  g_object_set (self->actions_view, "store", self->store, NULL);
}

static void
idk_window_dispose (GObject *object)
{
  IdkWindow *self = IDK_WINDOW (object);

  clear_undo (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->conflicts_window);
  gtk_widget_dispose_template (GTK_WIDGET (self), IDK_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (idk_window_parent_class)->dispose (object);
}

static void
idk_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IdkWindow *self = IDK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IdkWindow *self = IDK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_window_class_init (IdkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = idk_window_constructed;
  object_class->dispose = idk_window_dispose;
  object_class->get_property = idk_window_get_property;
  object_class->set_property = idk_window_set_property;

  window_class->close_request = idk_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IDK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IDK_TYPE_ACCOUNTABILITY_VIEW);
  g_type_ensure (IDK_TYPE_ACTIONS_VIEW);
  g_type_ensure (IDK_TYPE_CALENDAR_VIEW);
  g_type_ensure (IDK_TYPE_WORKING_GROUPS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, accountability_view);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, actions_view);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, calendar_view);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, working_groups_view);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.office", NULL, office_action);
  gtk_widget_class_install_action (widget_class, "win.conflicts", NULL, conflicts_action);
}

static void
idk_window_init (IdkWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = open_settings ();
  restore_state (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);

  /* A bundle dropped anywhere on the window is imported. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

IdkWindow *
idk_window_new (IdkApplication *application,
                IdkStore       *store)
{
  g_return_val_if_fail (application == NULL || IDK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (IDK_IS_STORE (store), NULL);

  return g_object_new (IDK_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

IdkStore *
idk_window_get_store (IdkWindow *self)
{
  g_return_val_if_fail (IDK_IS_WINDOW (self), NULL);

  return self->store;
}

void
idk_window_set_view (IdkWindow  *self,
                     const char *name)
{
  g_return_if_fail (IDK_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
idk_window_get_view (IdkWindow *self)
{
  g_return_val_if_fail (IDK_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

GtkWidget *
idk_window_get_view_widget (IdkWindow  *self,
                            const char *name)
{
  g_return_val_if_fail (IDK_IS_WINDOW (self), NULL);

  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

void
idk_window_add_toast (IdkWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (IDK_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * idk_window_offer_undo:
 * @title: what was done, e.g. "2 actions deleted"
 * @undo: what undoes it
 *
 * Shows a toast with an Undo button for the change just made; Ctrl+Z does
 * the same while the toast is shown.  A newer change replaces the offer.
 */
void
idk_window_offer_undo (IdkWindow      *self,
                       const char     *title,
                       IdkUndoFunc     undo,
                       gpointer        user_data,
                       GDestroyNotify  destroy)
{
  AdwToast *previous;

  g_return_if_fail (IDK_IS_WINDOW (self));
  g_return_if_fail (undo != NULL);

  previous = self->undo_toast ? g_object_ref (self->undo_toast) : NULL;
  clear_undo (self);
  if (previous != NULL)
    {
      adw_toast_dismiss (previous);
      g_object_unref (previous);
    }

  self->undo_func = undo;
  self->undo_data = user_data;
  self->undo_destroy = destroy;
  self->undo_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_action_name (self->undo_toast, "win.undo");
  adw_toast_set_timeout (self->undo_toast, 10);
  g_signal_connect_object (self->undo_toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);

  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->undo_toast));
}

/**
 * idk_window_undo:
 *
 * Undoes the change offered in the last toast, if it is still shown.
 *
 * Returns: whether there was something to undo
 */
gboolean
idk_window_undo (IdkWindow *self)
{
  IdkUndoFunc undo;
  gpointer data;
  AdwToast *toast;

  g_return_val_if_fail (IDK_IS_WINDOW (self), FALSE);

  if (self->undo_func == NULL)
    return FALSE;

  undo = self->undo_func;
  data = self->undo_data;
  toast = g_steal_pointer (&self->undo_toast);
  self->undo_data = NULL;
  undo (data);
  if (self->undo_destroy != NULL)
    self->undo_destroy (data);
  self->undo_func = NULL;
  self->undo_destroy = NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);

  if (toast != NULL)
    {
      adw_toast_dismiss (toast);
      g_object_unref (toast);
    }

  return TRUE;
}

typedef struct
{
  IdkStore *store;
  GStrv uuids;
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_clear_object (&deleted->store);
  g_strfreev (deleted->uuids);
  g_free (deleted);
}

static void
restore_deleted (gpointer data)
{
  Deleted *deleted = data;
  g_autoptr(GError) error = NULL;

  if (!idk_store_begin (deleted->store, &error))
    goto failed;
  for (guint i = 0; deleted->uuids[i] != NULL; i++)
    if (!idk_store_restore (deleted->store, deleted->uuids[i], &error))
      {
        idk_store_rollback (deleted->store);
        goto failed;
      }
  if (!idk_store_commit (deleted->store, &error))
    {
      idk_store_rollback (deleted->store);
      goto failed;
    }
  return;

failed:
  g_warning ("Cannot undo the deletion: %s", error->message);
}

/**
 * idk_window_offer_restore:
 * @widget: a widget of the window
 * @uuids: the records just deleted
 *
 * Offers, in a toast, to bring deleted records back.
 */
void
idk_window_offer_restore (GtkWidget          *widget,
                          const char         *title,
                          IdkStore           *store,
                          const char * const *uuids)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  Deleted *deleted;

  if (!IDK_IS_WINDOW (root))
    return;

  deleted = g_new0 (Deleted, 1);
  deleted->store = g_object_ref (store);
  deleted->uuids = g_strdupv ((char **) uuids);
  idk_window_offer_undo (IDK_WINDOW (root), title, restore_deleted, deleted, deleted_free);
}

typedef struct
{
  IdkStore *store;
  char *uuid;
  char *type;
  JsonObject *previous;
} Revert;

static void
revert_free (gpointer data)
{
  Revert *revert = data;

  g_clear_object (&revert->store);
  g_free (revert->uuid);
  g_free (revert->type);
  g_clear_pointer (&revert->previous, json_object_unref);
  g_free (revert);
}

static void
revert_change (gpointer data)
{
  Revert *revert = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = idk_store_save (revert->store, revert->type, revert->uuid, revert->previous, &error);

  if (saved == NULL)
    g_warning ("Cannot undo the change: %s", error->message);
}

/**
 * idk_window_offer_revert:
 * @previous: the record's fields before the change
 *
 * Offers, in a toast, to undo a change to a record: the fields it had
 * before are saved again, as a new revision.
 */
void
idk_window_offer_revert (GtkWidget  *widget,
                         const char *title,
                         IdkStore   *store,
                         const char *uuid,
                         JsonObject *previous)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *type = NULL;
  g_autoptr(JsonObject) current = NULL;
  Revert *revert;

  if (!IDK_IS_WINDOW (root) || !(current = idk_store_get_fields (store, uuid, &type, NULL)))
    return;

  revert = g_new0 (Revert, 1);
  revert->store = g_object_ref (store);
  revert->uuid = g_strdup (uuid);
  revert->type = g_steal_pointer (&type);
  revert->previous = json_object_ref (previous);
  idk_window_offer_undo (IDK_WINDOW (root), title, revert_change, revert, revert_free);
}

/**
 * idk_window_open_bundle:
 *
 * Starts importing a bundle: its dialog reads it, shows what it changes
 * and applies it if asked.
 *
 * Returns: (transfer none): the import dialog
 */
GtkWindow *
idk_window_open_bundle (IdkWindow *self,
                        GFile     *file)
{
  IdkImportDialog *dialog;

  g_return_val_if_fail (IDK_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  dialog = idk_import_dialog_new (self, file);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * idk_window_ask_office:
 *
 * Shows the dialog that names this office.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
idk_window_ask_office (IdkWindow *self)
{
  IdkOfficeDialog *dialog;

  g_return_val_if_fail (IDK_IS_WINDOW (self), NULL);

  dialog = idk_office_dialog_new (GTK_WINDOW (self), self->store);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * idk_window_show_conflicts:
 *
 * Shows the window of the records in conflict, opening it if needed.
 *
 * Returns: (transfer none): that window
 */
GtkWindow *
idk_window_show_conflicts (IdkWindow *self)
{
  g_return_val_if_fail (IDK_IS_WINDOW (self), NULL);

  if (self->conflicts_window == NULL)
    g_set_weak_pointer (&self->conflicts_window, idk_conflicts_window_new (GTK_WINDOW (self), self->store));
  gtk_window_present (GTK_WINDOW (self->conflicts_window));
  return GTK_WINDOW (self->conflicts_window);
}
