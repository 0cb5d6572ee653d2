/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-test-util.h"

/* The desktop integration files, checked by the validators of their
 * formats.  A missing validator fails the test: it is installed by
 * build-aux/test, and a check that did not run must not pass. */

static void
run_validator (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  int status = 0;

  if (program == NULL)
    g_error ("%s is not installed; build-aux/test installs it", argv[0]);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed:\n%s%s", argv[0], argv[g_strv_length ((char **) argv) - 1], out, err);
}

static void
test_desktop_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data", APP_ID ".desktop", NULL);
  const char *argv[] = { "desktop-file-validate", path, NULL };
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *exec = NULL;
  g_autofree char *icon = NULL;
  g_auto(GStrv) mime_types = NULL;

  run_validator (argv);

  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL));
  exec = g_key_file_get_string (key_file, "Desktop Entry", "Exec", NULL);
  icon = g_key_file_get_string (key_file, "Desktop Entry", "Icon", NULL);
  mime_types = g_key_file_get_string_list (key_file, "Desktop Entry", "MimeType", NULL, NULL);
  /* Bundles open with the application: it takes files. */
  g_assert_cmpstr (exec, ==, "iasmn-desk %F");
  g_assert_cmpstr (icon, ==, APP_ID);
  g_assert_nonnull (mime_types);
  g_assert_true (g_strv_contains ((const char * const *) mime_types, "application/vnd.iasmn-desk.bundle+json"));
}

static void
test_metainfo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "data", APP_ID ".metainfo.xml", NULL);
  const char *argv[] = { "appstreamcli", "validate", "--no-net", "--explain", path, NULL };

  run_validator (argv);
}

static void
test_gschema (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  const char *argv[] = { "glib-compile-schemas", "--strict", "--dry-run", dir, NULL };

  run_validator (argv);
}

static void
test_mime_type (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", APP_ID ".mime.xml", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "type=\"application/vnd.iasmn-desk.bundle+json\""));
  g_assert_nonnull (strstr (contents, "<glob pattern=\"*.iasmn\"/>"));
}

static void
test_icons (void)
{
  const char *icons[] = {
    "icons/hicolor/scalable/apps/" APP_ID ".svg",
    "icons/hicolor/symbolic/apps/" APP_ID "-symbolic.svg",
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", icons[i], NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, "<?xml"));
      g_assert_nonnull (strstr (contents, "<svg"));
    }
}

/* The French translation covers at least the titles of the four views. */
static void
test_french_view_titles (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "fr.po", NULL);
  g_autofree char *contents = NULL;
  const char *titles[] = { "Accountability", "Calendar", "Working groups", "Actions" };

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *msgid = g_strdup_printf ("msgid \"%s\"\nmsgstr \"", titles[i]);
      const char *entry = strstr (contents, msgid);

      if (entry == NULL)
        g_error ("fr.po has no translation of “%s”", titles[i]);
      g_assert_cmpint (entry[strlen (msgid)], !=, '"');
    }
}

/* Every message is translated into French, none left fuzzy. */
static void
test_french_complete (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *po = g_test_build_filename (G_TEST_DIST, "..", "po", "fr.po", NULL);
  g_autofree char *err = NULL;
  const char *argv[] = { "msgfmt", "--check", "--statistics", "-o", "/dev/null", po, NULL };
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  int status = 0;

  if (msgfmt == NULL)
    g_error ("msgfmt is not installed; build-aux/test installs gettext");
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  if (strstr (err, "untranslated") != NULL || strstr (err, "fuzzy") != NULL)
    g_error ("po/fr.po is not complete: %s", err);
}

/* Every source file with translatable messages is in po/POTFILES.in, so
 * that none is left out of the translation. */
static void
test_potfiles (void)
{
  const char *folders[] = { "src/core", "src/cli", "src/gui" };
  g_autofree char *list_path = g_test_build_filename (G_TEST_DIST, "..", "po", "POTFILES.in", NULL);
  g_autofree char *list = NULL;
  g_auto(GStrv) listed = NULL;

  g_assert_true (g_file_get_contents (list_path, &list, NULL, NULL));
  listed = g_strsplit (list, "\n", -1);

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "..", folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autofree char *relative = g_build_filename (folders[f], name, NULL);
          g_autofree char *text = NULL;

          if (!g_str_has_suffix (name, ".c") || !g_file_get_contents (path, &text, NULL, NULL))
            continue;
          if ((strstr (text, " _(\"") || strstr (text, "(_(\"") || strstr (text, "N_(\"") ||
               strstr (text, "g_dngettext (")) &&
              !g_strv_contains ((const char * const *) listed, relative))
            g_error ("%s has translatable messages but is not in po/POTFILES.in", relative);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/data/desktop-file", test_desktop_file);
  g_test_add_func ("/data/metainfo", test_metainfo);
  g_test_add_func ("/data/gschema", test_gschema);
  g_test_add_func ("/data/mime-type", test_mime_type);
  g_test_add_func ("/data/icons", test_icons);
  g_test_add_func ("/data/french-view-titles", test_french_view_titles);
  g_test_add_func ("/data/french-complete", test_french_complete);
  g_test_add_func ("/data/potfiles", test_potfiles);

  return g_test_run ();
}
