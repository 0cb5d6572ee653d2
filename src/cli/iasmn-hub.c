/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iasmn"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iasmn-cli.h"

/* Syncing through a CouchDB hub on the command line: where the hub is
 * (hub set, hub show), and a sync (push, then pull), one line a bundle.
 * The password is never stored: it comes from --password-file or
 * $IASMN_HUB_PASSWORD. */

static char *hub_user;

static void
print_line (const char *line,
            gpointer    user_data)
{
  printf ("%s\n", line);
}

static const GOptionEntry hub_entries[] = {
  { "user", 0, 0, G_OPTION_ARG_STRING, &hub_user, N_("The user to sign in as (with set)"), N_("USER") },
  { NULL }
};

static int
run_hub (const char  *db,
         char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;

  if (args[0] == NULL || (g_strcmp0 (args[0], "set") != 0 && g_strcmp0 (args[0], "show") != 0
                          && g_strcmp0 (args[0], "install-rules") != 0))
    return usage_error (_("hub needs set URL, show or install-rules"));
  if (g_strcmp0 (args[0], "set") == 0 && (args[1] == NULL || args[2] != NULL))
    return usage_error (_("hub set needs one URL"));
  if (g_strcmp0 (args[0], "set") != 0 && args[1] != NULL)
    return usage_error (_("unexpected “%s”"), args[1]);

  if (!(store = open_store (db, &error)))
    return failed (error);
  if (g_strcmp0 (args[0], "set") == 0)
    {
      if (!idk_store_set_hub (store, args[1], hub_user, &error))
        return refused (error);
      return 0;
    }
  if (g_strcmp0 (args[0], "install-rules") == 0)
    {
      g_autofree char *url = idk_store_get_hub_url (store);
      g_autofree char *user = idk_store_get_hub_user (store);
      g_autoptr(IdkHub) hub = NULL;

      if (url == NULL)
        {
          fprintf (stderr, _("iasmn: no hub: set one with iasmn hub set URL\n"));
          return EXIT_FAILED;
        }
      /* An administrator's: the user given, with $IASMN_HUB_PASSWORD. */
      hub = idk_hub_new (url, user, g_getenv ("IASMN_HUB_PASSWORD"));
      idk_hub_set_notify (hub, print_line, NULL);
      if (!idk_hub_install_rules (hub, NULL, &error))
        return refused (error);
      return 0;
    }
  {
    g_autofree char *url = idk_store_get_hub_url (store);
    g_autofree char *user = idk_store_get_hub_user (store);

    if (url == NULL)
      {
        puts (_("No hub: set one with iasmn hub set URL"));
        return 0;
      }
    printf ("%s\t%s\n", url, user != NULL ? user : "");
  }
  return 0;
}

static gboolean sync_push_only;
static gboolean sync_pull_only;
static char *sync_password_file;

static const GOptionEntry sync_entries[] = {
  { "push-only", 0, 0, G_OPTION_ARG_NONE, &sync_push_only, N_("Only write this office's news to the hub"), NULL },
  { "pull-only", 0, 0, G_OPTION_ARG_NONE, &sync_pull_only, N_("Only read the hub's news"), NULL },
  { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &sync_password_file,
    N_("Read the hub's password from FILE (else $IASMN_HUB_PASSWORD)"), N_("FILE") },
  { NULL }
};

static int
run_sync (const char  *db,
          char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(IdkHub) hub = NULL;
  g_autofree char *url = NULL, *user = NULL, *password = NULL;
  IdkHubCounts counts = { 0 };

  if (args[0] != NULL)
    return usage_error (_("unexpected “%s”"), args[0]);
  if (sync_push_only && sync_pull_only)
    return usage_error (_("--push-only and --pull-only go one at a time"));

  if (sync_password_file != NULL)
    {
      if (!g_file_get_contents (sync_password_file, &password, NULL, &error))
        return failed (error);
      g_strchomp (password);
    }
  else if (g_getenv ("IASMN_HUB_PASSWORD") != NULL)
    password = g_strdup (g_getenv ("IASMN_HUB_PASSWORD"));

  if (!(store = open_store (db, &error)))
    return failed (error);
  if ((url = idk_store_get_hub_url (store)) == NULL)
    {
      fprintf (stderr, _("iasmn: no hub: set one with iasmn hub set URL\n"));
      return EXIT_FAILED;
    }
  user = idk_store_get_hub_user (store);
  hub = idk_hub_new (url, user, password);
  idk_hub_set_notify (hub, print_line, NULL);
  if ((!sync_pull_only && !idk_hub_push (hub, store, &counts, NULL, &error))
      || (!sync_push_only && !idk_hub_pull (hub, store, &counts, NULL, &error)))
    return refused (error);
  printf (_("%u pushed, %u pulled, %u known\n"), counts.pushed, counts.pulled, counts.known);
  return 0;
}

const IasmnCommand iasmn_hub_commands[] = {
  { "hub", N_("set URL|show|install-rules"), N_("Where this office syncs: a CouchDB database"),
    N_("set URL [--user USER] points this office at the database; show prints it; install-rules writes the "
       "rules the server runs on every write (an administrator's, with $IASMN_HUB_PASSWORD). The password is "
       "never stored."),
    hub_entries, run_hub },
  { "sync", NULL, N_("Push this office's news to the hub, then pull the others'"),
    N_("One line a bundle; exit 1 with the reason on any refusal, and nothing of a refused bundle applied."),
    sync_entries, run_sync },
  { NULL }
};
