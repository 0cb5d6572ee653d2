/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-application"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-application.h"
#include "idk-gui-resources.h"
#include "idk-window.h"

struct _IdkApplication
{
  AdwApplication parent_instance;

  char *db_path;
  IdkStore *store;
};

G_DEFINE_FINAL_TYPE (IdkApplication, idk_application, ADW_TYPE_APPLICATION)

static void
show_open_error (IdkApplication *self,
                 GError         *error)
{
  AdwMessageDialog *dialog;

  /* Without a database there is nothing to show; say why and let the
   * user quit rather than fail silently. */
  g_printerr ("iasmn-desk: %s\n", error->message);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Cannot Open the Database"), NULL));
  adw_message_dialog_format_body (dialog, "%s", error->message);
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (g_application_quit), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The main window, made and shown if there is none yet. */
static IdkWindow *
ensure_window (IdkApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *office = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (IDK_IS_WINDOW (window))
    {
      gtk_window_present (window);
      return IDK_WINDOW (window);
    }

  if (self->store == NULL)
    {
      self->store = idk_store_open (self->db_path, IDK_STORE_OPEN_DEFAULT, &error);
      if (self->store == NULL)
        {
          show_open_error (self, error);
          return NULL;
        }
    }

  window = GTK_WINDOW (idk_window_new (self, self->store));
  gtk_window_present (window);

  /* At first start, the office is named: bundles carry its name.  A
   * database that cannot be written is only looked at. */
  office = idk_store_get_office_name (self->store);
  if ((office == NULL || *office == '\0') && idk_store_get_read_only_reason (self->store) == NULL)
    idk_window_ask_office (IDK_WINDOW (window));

  return IDK_WINDOW (window);
}

static void
idk_application_activate (GApplication *app)
{
  ensure_window (IDK_APPLICATION (app));
}

/* Files given on the command line, or opened from the file manager:
 * bundles, and reports as text. */
static void
idk_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  IdkWindow *window = ensure_window (IDK_APPLICATION (app));

  for (int i = 0; window != NULL && i < n_files; i++)
    idk_window_open_file (window, files[i]);
}

static int
idk_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  IdkApplication *self = IDK_APPLICATION (app);
  g_autofree char *db = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("iasmn-desk %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);

      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
    }

  return -1;
}

/* Quitting closes the windows, as their close buttons do, so that each
 * keeps its state; the application ends with its last window. */
static void
on_quit_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
on_about_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("IASMN Desk developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("IASMN Desk"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("IASMN Desk developers"),
                         "developers", developers,
                         "comments", _("The accountability framework, calendar, working groups and "
                                       "actions of the Inter-Agency Security Management Network"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/iasmndesk/iasmn-desk",
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
idk_application_startup (GApplication *app)
{
  static const GActionEntry app_actions[] = {
    { "quit", on_quit_action },
    { "about", on_about_action },
  };
  /* Every keyboard shortcut of the application, in one place. */
  static const struct {
    const char *action;
    const char *accels[3];
  } shortcuts[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.import-report", { "<Control><Shift>o", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.conflicts", { "<Control><Shift>k", NULL } },
    { "win.sync", { "<Control>r", NULL } },
    { "win.plan-session", { "<Control><Shift>n", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.view::accountability", { "<Alt>1", NULL } },
    { "win.view::calendar", { "<Alt>2", NULL } },
    { "win.view::working-groups", { "<Alt>3", NULL } },
    { "win.view::actions", { "<Alt>4", NULL } },
  };

  G_APPLICATION_CLASS (idk_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), shortcuts[i].action,
                                           shortcuts[i].accels);
}

static void
idk_application_dispose (GObject *object)
{
  IdkApplication *self = (IdkApplication *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (idk_application_parent_class)->dispose (object);
}

static void
idk_application_finalize (GObject *object)
{
  IdkApplication *self = (IdkApplication *) object;

  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (idk_application_parent_class)->finalize (object);
}

static void
idk_application_class_init (IdkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = idk_application_dispose;
  object_class->finalize = idk_application_finalize;

  app_class->activate = idk_application_activate;
  app_class->open = idk_application_open;
  app_class->startup = idk_application_startup;
  app_class->handle_local_options = idk_application_handle_local_options;
}

static void
idk_application_init (IdkApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("The database file to open"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  idk_application_ensure_resources ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

/**
 * idk_application_ensure_resources:
 *
 * Registers the GUI resources (templates, style, icon).  Referencing the
 * generated getter here keeps the resource object of the static library
 * in the binary; tests that build widgets without an application call it.
 */
void
idk_application_ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      g_resources_register (idk_gui_get_resource ());
      g_once_init_leave (&registered, 1);
    }
}

IdkApplication *
idk_application_new (const char        *application_id,
                     GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (IDK_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", "/io/github/iasmndesk/Desk",
                       NULL);
}

IdkStore *
idk_application_get_store (IdkApplication *self)
{
  g_return_val_if_fail (IDK_IS_APPLICATION (self), NULL);

  return self->store;
}
