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

  return g_test_run ();
}
