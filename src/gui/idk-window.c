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
#include "idk-report-dialog.h"
#include "idk-office-dialog.h"
#include "idk-window-private.h"

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (IdkWindow, idk_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

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
  idk_window_hub_changed (self, NULL);
}

static void
idk_window_dispose (GObject *object)
{
  IdkWindow *self = IDK_WINDOW (object);

  _idk_window_clear_undo (self);
  _idk_window_dispose_sync (self);
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
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, sync_label);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, sync_spinner);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IdkWindow, working_groups_view);

  _idk_window_class_add_actions (widget_class);
  _idk_window_class_add_sync_actions (widget_class);
}

/* The full check of the database file, once the window is up: a damaged
 * file is said at once, not at the first save (writes are refused then
 * anyway, and the file stays readable). */
static void
on_integrity_checked_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(IdkWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!idk_store_check_integrity_finish (IDK_STORE (source), result, &error) &&
      g_error_matches (error, IDK_STORE_ERROR, IDK_STORE_ERROR_CORRUPT) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    idk_details_report (GTK_WIDGET (self), _("The Database Is Damaged"), error);
}

/* Said at once, once the window shows, not at the first change. */
static gboolean
report_read_only_cb (gpointer user_data)
{
  IdkWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !idk_store_check_writable (self->store, &error))
    idk_details_report (GTK_WIDGET (self), _("The Database Is Read-Only"), error);
  return G_SOURCE_REMOVE;
}

/* In a thread: the window stays live while a large file is checked. */
static void
on_map_cb (IdkWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_map_cb, NULL);
  if (self->store != NULL && idk_store_get_read_only_reason (self->store) != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, report_read_only_cb, g_object_ref (self), g_object_unref);
  else if (self->store != NULL)
    idk_store_check_integrity_async (self->store, NULL, on_integrity_checked_cb, g_object_ref (self));
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
  g_signal_connect_object (drop, "drop", G_CALLBACK (_idk_window_on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
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
 * idk_window_open_report:
 *
 * Starts importing a session's final report: its dialog reads it, shows
 * what it proposes and writes what is accepted.
 *
 * Returns: (transfer none): the report dialog
 */
GtkWindow *
idk_window_open_report (IdkWindow *self,
                        GFile     *file)
{
  IdkReportDialog *dialog;

  g_return_val_if_fail (IDK_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  dialog = idk_report_dialog_new (self, file);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * idk_window_open_file:
 *
 * Opens a file given or dropped: a report's text (.txt, .md) in the
 * report dialog, anything else as a bundle.
 */
void
idk_window_open_file (IdkWindow *self,
                      GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  if (lower != NULL && (g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".md")))
    idk_window_open_report (self, file);
  else
    idk_window_open_bundle (self, file);
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
