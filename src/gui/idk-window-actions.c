/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-details.h"
#include "idk-export-dialog.h"
#include "idk-report-dialog.h"
#include "idk-window-private.h"

/* The window's actions (win.*); their keys are set in one place, with the
 * application's (idk-application.c). */

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
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IdkWindow *self = IDK_WINDOW (widget);
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);

  gtk_widget_activate_action (view, "view.new", NULL);
}

static void
plan_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IdkWindow *self = IDK_WINDOW (widget);

  idk_window_set_view (self, "calendar");
  gtk_widget_activate_action (adw_view_stack_get_visible_child (self->view_stack), "calendar.plan", NULL);
}

/* Each view prints what it shows; one that has nothing says so. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IdkWindow *self = IDK_WINDOW (widget);
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);

  if (!gtk_widget_activate_action (view, "view.print", NULL))
    idk_window_add_toast (self, idk_details_toast_new (_("Open a meeting in the Calendar to print its agenda, record or review")));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

typedef GtkWindow *(*OpenFunc) (IdkWindow *window,
                                GFile     *file);

static void
on_chooser_response_cb (IdkWindow       *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  OpenFunc open = g_object_get_data (G_OBJECT (chooser), "open");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    open (self, file);
}

/* The file chooser of an import: @filter first, then all files. */
static void
choose_file (IdkWindow     *self,
             const char    *title,
             GtkFileFilter *filter,
             OpenFunc       open)
{
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "open", open);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) bundles = idk_details_bundle_filter ();

  choose_file (IDK_WINDOW (widget), _("Import Bundle"), bundles, idk_window_open_bundle);
}

static void
import_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) reports = gtk_file_filter_new ();

  gtk_file_filter_set_name (reports, _("Reports as text"));
  gtk_file_filter_add_mime_type (reports, "text/plain");
  gtk_file_filter_add_mime_type (reports, "text/markdown");
  gtk_file_filter_add_pattern (reports, "*.txt");
  gtk_file_filter_add_pattern (reports, "*.md");
  choose_file (IDK_WINDOW (widget), _("Import Report"), reports, idk_window_open_report);
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
      idk_window_add_toast (self, idk_details_toast_new (_("Name this office before exporting")));
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

gboolean
_idk_window_on_drop_cb (IdkWindow     *self,
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
    idk_window_open_file (self, l->data);
  return files != NULL;
}

void
_idk_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, _idk_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-report", NULL, import_report_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.office", NULL, office_action);
  gtk_widget_class_install_action (widget_class, "win.conflicts", NULL, conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.plan-session", NULL, plan_session_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
}
