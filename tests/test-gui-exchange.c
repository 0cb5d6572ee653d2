/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-conflicts-window.h"
#include "idk-export-dialog.h"
#include "idk-gui-test-util.h"
#include "idk-import-dialog.h"
#include "idk-office-dialog.h"
#include "idk-window.h"

/* Exchange in the real application under Xvfb: a bundle opened as the
 * file manager opens it, previewed and applied; a bundle exported from
 * the dialog; a conflict settled from the Conflicts window; the office
 * named at first start. */

typedef struct
{
  char *dir;
  char *db;
  IdkStore *other;        /* another office's database */
  char *other_db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *unhcr = NULL;

  fixture->dir = g_dir_make_tmp ("idk-gui-exchange-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "desk.sqlite3", NULL);
  fixture->other_db = g_build_filename (fixture->dir, "geneva.sqlite3", NULL);

  fixture->other = idk_store_open (fixture->other_db, IDK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  unhcr = idk_store_find_organization (fixture->other, "UNHCR");
  g_assert_true (idk_store_set_office (fixture->other, "Geneva HQ", unhcr, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  idk_gui_settle (20);

  g_clear_object (&fixture->other);
  idk_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db, g_free);
  g_clear_pointer (&fixture->other_db, g_free);
}

static void
wait_until_closed (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  for (;;)
    {
      GList *toplevels = gtk_window_list_toplevels ();
      gboolean open = FALSE;

      for (GList *l = toplevels; l != NULL; l = l->next)
        open |= G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data);
      g_list_free (toplevels);

      if (!open)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("A window of type %s did not close", g_type_name (type));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* An action that the Geneva office decides and sends in a bundle. */
static char *
write_bundle_with_action (Fixture    *fixture,
                          const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonArray) owners = json_array_new ();
  g_autofree char *meeting = idk_test_query_text (fixture->other_db,
                                                  "SELECT uuid FROM meetings WHERE title = '27th IASMN session'");
  g_autofree char *owner = idk_store_find_organization (fixture->other, "UNHCR");
  g_autofree char *uuid = NULL;
  char *path = g_build_filename (fixture->dir, "from-geneva.iasmn", NULL);

  g_assert_nonnull (meeting);
  json_array_add_string_element (owners, owner);
  json_object_set_string_member (fields, "meeting", meeting);
  json_object_set_string_member (fields, "reference", "27/G1");
  json_object_set_string_member (fields, "text", text);
  json_object_set_string_member (fields, "kind", "decision");
  json_object_set_string_member (fields, "status", "open");
  json_object_set_array_member (fields, "owners", g_steal_pointer (&owners));
  uuid = idk_store_save (fixture->other, "action", NULL, fields, &error);
  g_assert_no_error (error);

  g_assert_true (idk_store_export (fixture->other, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static IdkApplication *
start_application (Fixture *fixture)
{
  static guint n_apps;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf (APP_ID ".Test%u", ++n_apps);
  IdkApplication *app;

  /* An id of its own: a registered application stays on the bus. */
  g_setenv ("IASMN_DESK_DB", fixture->db, TRUE);
  app = idk_application_new (id, G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Cannot register the application: %s", error ? error->message : "no reason given");
  return app;
}

static void
name_office (const char *db,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = idk_store_open (db, IDK_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (idk_store_set_office (store, name, NULL, &error));
}

static gboolean
is_apply_button (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "import.apply") == 0;
}

/* Whether the Apply button can be pressed, as the user sees it. */
static gboolean
apply_is_sensitive (GtkWidget *dialog)
{
  idk_gui_settle (20);
  return gtk_widget_is_sensitive (idk_gui_find (dialog, is_apply_button, NULL));
}

/* The office of @db has confirmed Geneva's fingerprint. */
static void
trust_geneva (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = idk_store_open (fixture->db, IDK_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  idk_test_trust_office (store, fixture->other);
}

static gboolean
is_check_button (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

static gboolean
is_entry (GtkWidget *widget,
          gpointer   data)
{
  return GTK_IS_ENTRY (widget);
}


/* Answers the message dialog that shows, titled @heading and saying
 * @expected, with @text in its entry and @response, as its button does:
 * the response, then the dialog closes. */
static void
answer_dialog (const char *heading,
               const char *expected,
               const char *text,
               const char *response)
{
  GtkWidget *question = idk_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);

  idk_gui_wait_for_text (question, heading);
  if (expected != NULL)
    idk_gui_wait_for_label (question, expected);
  gtk_editable_set_text (GTK_EDITABLE (idk_gui_find (question, is_entry, NULL)), text);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), response);
  gtk_window_close (GTK_WINDOW (question));
  wait_until_closed (ADW_TYPE_MESSAGE_DIALOG);
}

/* Types @fingerprint into the Trust This Key dialog and confirms. */
static void
trust_from_dialog (GtkWidget  *dialog,
                   const char *fingerprint)
{
  gtk_widget_activate_action (dialog, "import.trust-key", NULL);
  answer_dialog ("Trust the Key of “Geneva HQ”?", NULL, fingerprint, "trust");
}

static gboolean
is_search_entry (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static void
test_open_bundle (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *bundle = write_bundle_with_action (fixture, "Pilot the exchange of bundles between the "
                                                               "Secretariat and Geneva");
  g_autoptr(GFile) file = g_file_new_for_path (bundle);
  g_autoptr(IdkApplication) app = NULL;
  GtkWidget *dialog, *window, *view, *entry;

  name_office (fixture->db, "Secretariat");
  app = start_application (fixture);

  /* As the file manager opens a .iasmn file with the application. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = idk_gui_wait_for_window (IDK_TYPE_WINDOW);
  dialog = idk_gui_wait_for_window (IDK_TYPE_IMPORT_DIALOG);

  idk_gui_wait_for_label (dialog, "Import from Geneva HQ (UNHCR)?");
  idk_gui_wait_for_label (dialog, "749 revisions, 1 of them new to this database");
  idk_gui_wait_for_text (dialog, "Actions");
  idk_gui_wait_for_label (dialog, "1 new · 0 updated · 79 unchanged · 0 in conflict");
  g_assert_true (idk_import_dialog_is_ready (IDK_IMPORT_DIALOG (dialog)));

  /* Signed by a key this office does not know yet: Apply waits. */
  idk_gui_wait_for_label (dialog, "which this office does not trust: nothing shows it comes from “Geneva HQ”");
  g_assert_false (apply_is_sensitive (dialog));

  /* A fingerprint that is not Geneva's is refused at the field's dialog;
   * the one Geneva read out is taken. */
  trust_from_dialog (dialog, "0123 4567 89AB CDEF");
  idk_gui_wait_for_label (dialog, "it is not the key you were given");
  g_assert_false (apply_is_sensitive (dialog));
  {
    g_autofree char *fingerprint = idk_store_get_key_fingerprint (fixture->other);
    g_autofree char *grouped = idk_key_format_fingerprint (fingerprint);

    trust_from_dialog (dialog, grouped);
  }
  idk_gui_wait_for_label (dialog, "You now trust the key of “Geneva HQ”");
  g_assert_true (apply_is_sensitive (dialog));

  /* Nothing is written before Apply but the trust. */
  g_assert_cmpint (idk_test_query_int (fixture->db, "SELECT count(*) FROM actions"), ==, 79);

  gtk_widget_activate_action (dialog, "import.apply", NULL);
  wait_until_closed (IDK_TYPE_IMPORT_DIALOG);
  idk_gui_wait_for_label (window, "Imported 1 new revision from Geneva HQ (UNHCR)");
  g_assert_cmpint (idk_test_query_int (fixture->db, "SELECT count(*) FROM actions"), ==, 80);
  g_assert_cmpstr (idk_test_keep (idk_test_query_text (fixture->db, "SELECT trust FROM bundles WHERE origin = "
                                                       "(SELECT office FROM keys WHERE name = 'Geneva HQ')")),
                   ==, "trusted");

  /* The new action is in the Actions view. */
  gtk_widget_activate_action_variant (window, "win.view", g_variant_new_string ("actions"));
  view = idk_window_get_view_widget (IDK_WINDOW (window), "actions");
  entry = idk_gui_find (view, is_search_entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Secretariat and Geneva");
  idk_gui_wait_for_label (view, "Pilot the exchange of bundles");
  idk_gui_wait_for_text (view, "27/G1");

  /* The same bundle again changes nothing, and says so. */
  idk_window_open_bundle (IDK_WINDOW (window), file);
  dialog = idk_gui_wait_for_window (IDK_TYPE_IMPORT_DIALOG);
  idk_gui_wait_for_text (dialog, "Already Imported");
  gtk_widget_activate_action (dialog, "import.cancel", NULL);
  wait_until_closed (IDK_TYPE_IMPORT_DIALOG);
}

static void
test_refused_bundle (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *bundle = g_build_filename (fixture->dir, "broken.iasmn", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bundle);
  g_autoptr(IdkApplication) app = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (bundle, "{\"format\": \"iasmn-desk-bundle\", \"format\": 1}", -1, NULL));
  name_office (fixture->db, "Secretariat");
  before = idk_test_file_checksum (fixture->db);
  app = start_application (fixture);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  dialog = idk_gui_wait_for_window (IDK_TYPE_IMPORT_DIALOG);
  idk_gui_wait_for_text (dialog, "The Bundle Was Refused");
  idk_gui_wait_for_label (dialog, "Duplicate key “format”");
  g_assert_false (idk_import_dialog_is_ready (IDK_IMPORT_DIALOG (dialog)));
  gtk_widget_activate_action (dialog, "import.cancel", NULL);
  wait_until_closed (IDK_TYPE_IMPORT_DIALOG);

  g_clear_object (&app);
  after = idk_test_file_checksum (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_export_bundle (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "for-geneva.iasmn", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IdkApplication) app = NULL;
  g_autoptr(IdkImport) import = NULL;
  GtkWidget *window, *dialog;

  name_office (fixture->db, "Secretariat");
  app = start_application (fixture);
  g_application_activate (G_APPLICATION (app));
  window = idk_gui_wait_for_window (IDK_TYPE_WINDOW);

  gtk_widget_activate_action (window, "win.export", NULL);
  dialog = idk_gui_wait_for_window (IDK_TYPE_EXPORT_DIALOG);
  idk_gui_wait_for_label (dialog, "Everything this database holds");
  idk_export_dialog_export_to (IDK_EXPORT_DIALOG (dialog), file);
  wait_until_closed (IDK_TYPE_EXPORT_DIALOG);
  idk_gui_wait_for_label (window, "Bundle 1 written to for-geneva.iasmn (748 revisions)");

  /* Geneva, which trusts the Secretariat's key, reads it as signed. */
  idk_test_trust_office (fixture->other, idk_window_get_store (IDK_WINDOW (window)));
  import = idk_import_new (fixture->other, path);
  g_assert_true (idk_import_prepare (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (idk_import_get_origin_name (import), ==, "Secretariat");
  g_assert_cmpint (idk_import_get_trust (import), ==, IDK_TRUST_TRUSTED);
}

/* Types @passphrase into the dialog that asks for it, and signs. */
static void
give_passphrase (const char *passphrase,
                 const char *expected)
{
  answer_dialog ("The Office’s Key Is Protected", expected, passphrase, "sign");
}

/* An office whose key is protected: the export asks for the passphrase,
 * again if it is wrong, and signs once it is right. */
static void
test_protected_key (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "signed.iasmn", NULL);
  g_autofree char *signature = g_strconcat (path, ".minisig", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IdkApplication) app = NULL;
  GtkWidget *window, *dialog;

  name_office (fixture->db, "Secretariat");
  {
    g_autoptr(IdkStore) store = idk_store_open (fixture->db, IDK_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (idk_store_protect_key (store, "correct horse", &error));
    g_assert_no_error (error);
  }
  app = start_application (fixture);
  g_application_activate (G_APPLICATION (app));
  window = idk_gui_wait_for_window (IDK_TYPE_WINDOW);

  gtk_widget_activate_action (window, "win.export", NULL);
  dialog = idk_gui_wait_for_window (IDK_TYPE_EXPORT_DIALOG);
  idk_export_dialog_export_to (IDK_EXPORT_DIALOG (dialog), file);
  give_passphrase ("correct battery", "Type the passphrase of this office’s key to sign the bundle.");
  give_passphrase ("correct horse", "That passphrase is wrong.");
  wait_until_closed (IDK_TYPE_EXPORT_DIALOG);
  idk_gui_wait_for_label (window, "Bundle 1 written to signed.iasmn");
  g_assert_true (g_file_test (signature, G_FILE_TEST_EXISTS));
}

static gboolean
keeps_revision (GtkWidget *widget,
                gpointer   rev_id)
{
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) || g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                                            "conflicts.keep") != 0)
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_str_equal (g_variant_get_string (target, NULL), rev_id);
}

static gboolean
is_list_row_titled (GtkWidget *widget,
                    gpointer   title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static void
import_into (IdkStore   *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkImport) import = idk_import_new (store, path);

  g_assert_true (idk_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
set_action_text (IdkStore   *store,
                 const char *uuid,
                 const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = idk_store_get_fields (store, uuid, NULL, &error);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  json_object_set_string_member (fields, "text", text);
  saved = idk_store_save (store, "action", uuid, fields, &error);
  g_assert_no_error (error);
}

static void
test_resolve_conflict (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = write_bundle_with_action (fixture, "Agree a common bundle format");
  g_autofree char *from_geneva = g_build_filename (fixture->dir, "geneva-edit.iasmn", NULL);
  g_autofree char *action = idk_test_query_text (fixture->other_db, "SELECT uuid FROM actions WHERE reference = '27/G1'");
  g_autoptr(IdkApplication) app = NULL;
  g_autoptr(GPtrArray) leaves = NULL;
  IdkStore *store;
  GtkWidget *window, *conflicts, *row, *keep, *view, *entry;
  const char *geneva_rev = NULL;

  name_office (fixture->db, "Secretariat");
  trust_geneva (fixture);
  app = start_application (fixture);
  g_application_activate (G_APPLICATION (app));
  window = idk_gui_wait_for_window (IDK_TYPE_WINDOW);
  store = idk_window_get_store (IDK_WINDOW (window));

  /* Both offices reword the action before hearing of the other. */
  import_into (store, base);
  set_action_text (store, action, "Agree a common bundle format (Secretariat wording)");
  set_action_text (fixture->other, action, "Agree a common bundle format (Geneva wording)");
  g_assert_true (idk_store_export (fixture->other, from_geneva, NULL, NULL, NULL, &error));
  import_into (store, from_geneva);

  leaves = idk_store_get_leaves (store, action, &error);
  g_assert_cmpuint (leaves->len, ==, 2);
  for (guint i = 0; i < leaves->len; i++)
    if (g_str_equal (((IdkRevision *) leaves->pdata[i])->office, idk_store_get_office_uuid (fixture->other)))
      geneva_rev = ((IdkRevision *) leaves->pdata[i])->rev_id;
  g_assert_nonnull (geneva_rev);

  gtk_widget_activate_action (window, "win.conflicts", NULL);
  conflicts = idk_gui_wait_for_window (IDK_TYPE_CONFLICTS_WINDOW);
  g_assert_cmpuint (idk_conflicts_window_get_n_conflicts (IDK_CONFLICTS_WINDOW (conflicts)), ==, 1);
  row = idk_gui_wait_for (conflicts, is_list_row_titled, (gpointer) "27/G1", "The conflict in the list");
  g_signal_emit_by_name (row, "activate");

  idk_gui_wait_for_label (conflicts, "(Secretariat wording)");
  idk_gui_wait_for_label (conflicts, "(Geneva wording)");
  idk_gui_wait_for_text (conflicts, "Geneva HQ");
  keep = idk_gui_wait_for (conflicts, keeps_revision, (gpointer) geneva_rev, "Geneva's Keep button");
  gtk_widget_activate (keep);

  idk_gui_wait_for_text (conflicts, "Kept the version of Geneva HQ");
  idk_gui_wait_for_text (conflicts, "No Conflicts");
  g_assert_cmpint (idk_test_query_int (fixture->db, "SELECT count(*) FROM actions WHERE text LIKE '%Geneva wording%'"),
                   ==, 1);
  g_assert_cmpint (idk_test_query_int (fixture->db, "SELECT leaves FROM records WHERE uuid = "
                                       "(SELECT uuid FROM actions WHERE reference = '27/G1')"), ==, 1);

  /* The chosen wording is what the Actions view shows. */
  gtk_widget_activate_action_variant (window, "win.view", g_variant_new_string ("actions"));
  view = idk_window_get_view_widget (IDK_WINDOW (window), "actions");
  entry = idk_gui_find (view, is_search_entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "common bundle format");
  idk_gui_wait_for_label (view, "(Geneva wording)");
  idk_gui_wait_until_gone (view, "(Secretariat wording)");
}

static void
test_office_at_first_start (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(IdkApplication) app = start_application (fixture);
  g_autofree char *name = NULL;
  g_autofree char *organization = NULL;
  GtkWidget *dialog;

  g_application_activate (G_APPLICATION (app));
  dialog = idk_gui_wait_for_window (IDK_TYPE_OFFICE_DIALOG);
  idk_gui_wait_for_label (dialog, "carry the name of this office");

  /* No name, no office. */
  gtk_widget_activate_action (dialog, "office.save", NULL);
  idk_gui_wait_for_text (dialog, "The office needs a name.");

  idk_office_dialog_set_name (IDK_OFFICE_DIALOG (dialog), "Nairobi field office");
  g_assert_true (idk_office_dialog_select_organization (IDK_OFFICE_DIALOG (dialog), "WFP"));
  gtk_widget_activate_action (dialog, "office.save", NULL);
  wait_until_closed (IDK_TYPE_OFFICE_DIALOG);

  name = idk_test_query_text (fixture->db, "SELECT value FROM meta WHERE key = 'office_name'");
  organization = idk_test_query_text (fixture->db, "SELECT acronym FROM organizations WHERE uuid = "
                                      "(SELECT value FROM meta WHERE key = 'office_organization')");
  g_assert_cmpstr (name, ==, "Nairobi field office");
  g_assert_cmpstr (organization, ==, "WFP");
}

/* An office named with markup: every place that shows its name shows the
 * characters as written (libadwaita 1.2 parses toast titles as markup; the
 * name once came out bold, or not at all). */
static void
test_markup_in_names (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(IdkApplication) app = NULL;
  GtkWidget *dialog, *window, *view, *entry;

  g_assert_true (idk_store_set_office (fixture->other, "<b>x</b> & <i>Co", NULL, &error));
  g_assert_no_error (error);
  bundle = write_bundle_with_action (fixture, "An action from <b>x</b>");
  file = g_file_new_for_path (bundle);
  name_office (fixture->db, "Secretariat");
  app = start_application (fixture);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = idk_gui_wait_for_window (IDK_TYPE_WINDOW);
  dialog = idk_gui_wait_for_window (IDK_TYPE_IMPORT_DIALOG);
  idk_gui_wait_for_label (dialog, "Import from <b>x</b> & <i>Co?");
  /* Not trusted: the user takes it knowingly, and the name shows as
   * written in that sentence too. */
  idk_gui_wait_for_label (dialog, "nothing shows it comes from “<b>x</b> & <i>Co”");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (idk_gui_find (dialog, is_check_button, NULL)), TRUE);
  g_assert_true (apply_is_sensitive (dialog));
  gtk_widget_activate_action (dialog, "import.apply", NULL);
  wait_until_closed (IDK_TYPE_IMPORT_DIALOG);
  idk_gui_wait_for_label (window, "Imported 1 new revision from <b>x</b> & <i>Co");
  g_assert_cmpint (idk_test_query_int (fixture->db, "SELECT count(*) FROM bundles WHERE trust = 'accepted-untrusted'"),
                   ==, 1);

  /* The action, as written, in the Actions view (whose reload, in a
   * thread, is over before the test ends and its folder goes). */
  gtk_widget_activate_action_variant (window, "win.view", g_variant_new_string ("actions"));
  view = idk_window_get_view_widget (IDK_WINDOW (window), "actions");
  entry = idk_gui_find (view, is_search_entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "action from");
  idk_gui_wait_for_label (view, "An action from <b>x</b>");
  idk_gui_wait_for_text (view, "27/G1");
}

int
main (int   argc,
      char *argv[])
{
  idk_gui_init (&argc, &argv);

#define TEST(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  TEST ("/gui-exchange/open-bundle", test_open_bundle);
  TEST ("/gui-exchange/refused-bundle", test_refused_bundle);
  TEST ("/gui-exchange/export-bundle", test_export_bundle);
  TEST ("/gui-exchange/protected-key", test_protected_key);
  TEST ("/gui-exchange/resolve-conflict", test_resolve_conflict);
  TEST ("/gui-exchange/office-at-first-start", test_office_at_first_start);
  TEST ("/gui-exchange/markup-in-names", test_markup_in_names);

  return g_test_run ();
}
