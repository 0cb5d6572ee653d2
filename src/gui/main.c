/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "idk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IdkApplication) app = NULL;

  /* GTK would set the locale again, undoing idk_i18n_init()'s choice. */
  gtk_disable_setlocale ();
  idk_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  app = idk_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
