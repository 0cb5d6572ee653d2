/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "idk-i18n.h"

static gboolean
is_plain_c (const char *locale)
{
  return locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX");
}

/**
 * idk_i18n_init:
 *
 * Sets the locale from the environment and binds the translations, for
 * both programs.  Call before GTK starts (with gtk_disable_setlocale()).
 *
 * A machine with no locale set (a fresh Debian image has no LANG) runs in
 * the "C" locale, where gettext ignores LANGUAGE: `LANGUAGE=fr` would show
 * English.  The built-in C.UTF-8 locale behaves as C in every other way
 * and lets LANGUAGE choose the language.
 *
 * Run from the build tree (meson devenv), IASMN_DESK_LOCALEDIR names the
 * folder of the translations just built.
 */
void
idk_i18n_init (void)
{
  const char *localedir = g_getenv ("IASMN_DESK_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Each on its own: Python-based launchers (meson devenv) set LC_CTYPE
   * alone to C.UTF-8 and leave the rest at C. */
  if (is_plain_c (setlocale (LC_MESSAGES, NULL)))
    setlocale (LC_MESSAGES, "C.UTF-8");
  if (is_plain_c (setlocale (LC_CTYPE, NULL)))
    setlocale (LC_CTYPE, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}
