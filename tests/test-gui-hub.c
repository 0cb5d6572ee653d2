/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsecret/secret.h>

#include "idk-gui-test-util.h"
#include "idk-hub-dialog.h"
#include "idk-hub-server.h"
#include "idk-window.h"

/* The hub in the real window, against pouchdb-server with users: Sync
 * Now without a hub asks for one; the address is checked at the field,
 * the connection tested with a wrong password then the right one; the
 * password goes to the keyring (libsecret's file backend here, the
 * Secret Service on a desktop); a sync brings another office's change
 * into the Actions view, with a toast; a bundle altered on the hub is
 * refused as a file import refuses it, and nothing of it is applied. */

typedef struct
{
  Hub hub;
  IdkWindow *window;
} HubGui;

static void
hub_gui_set_up (HubGui        *fixture,
                gconstpointer  data)
{
  hub_set_up_users (&fixture->hub, data);
  fixture->window = idk_window_new (NULL, fixture->hub.offices[0]);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  idk_gui_settle (100);
}

static void
hub_gui_tear_down (HubGui        *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  idk_gui_settle (10);
  hub_tear_down (&fixture->hub, data);
}

static gboolean
is_row_titled (GtkWidget *widget,
               gpointer   title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_switch (GtkWidget *widget,
           gpointer   data)
{
  return GTK_IS_SWITCH (widget);
}

static gboolean
is_spin_button (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static GtkWidget *
row (GtkWidget  *dialog,
     const char *title)
{
  GtkWidget *found = idk_gui_find (dialog, is_row_titled, (gpointer) title);

  g_assert_nonnull (found);
  return found;
}

static void
test_connection (GtkWidget  *dialog,
                 const char *expected)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  const char *subtitle;

  gtk_widget_activate_action (dialog, "hub.test", NULL);
  while (idk_hub_dialog_is_testing (IDK_HUB_DIALOG (dialog)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row (dialog, "Connection")));
  g_test_message ("connection: %s", subtitle);
  g_assert_nonnull (strstr (subtitle, expected));
}

static void
sync_now (HubGui *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sync", NULL);
  while (idk_window_is_syncing (fixture->window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  idk_gui_settle (100);
}

static void
test_sync (HubGui        *fixture,
           gconstpointer  data)
{
  Hub *hub = &fixture->hub;
  const char *path = idk_store_get_path (hub->offices[0]);
  g_autoptr(IdkHub) geneva = hub_client (hub, 1);
  g_autoptr(IdkHub) nairobi = hub_client (hub, 2);
  g_autoptr(GError) error = NULL;
  char *kept;
  GtkWidget *dialog, *url, *message;
  gint64 revisions;

  /* Sync Now without a hub asks for one. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sync", NULL);
  dialog = idk_gui_wait_for_window (IDK_TYPE_HUB_DIALOG);
  idk_gui_wait_for_label (dialog, "This office has no hub yet: give its database’s address.");

  /* An address that is not a database's is refused at the field. */
  url = row (dialog, "Database address");
  gtk_editable_set_text (GTK_EDITABLE (url), "ftp://example.org/iasmn");
  idk_gui_settle (20);
  g_assert_true (gtk_widget_has_css_class (url, "error"));
  g_assert_false (gtk_widget_is_sensitive (idk_gui_find (dialog, is_button_labelled, "_Save")));
  idk_gui_wait_for_label (dialog, "“ftp://example.org/iasmn” is not the address of a database on a hub: "
                                  "give http(s)://host:port/database");

  gtk_editable_set_text (GTK_EDITABLE (url), hub->url);
  gtk_editable_set_text (GTK_EDITABLE (row (dialog, "User")), hub_members[0]);
  gtk_editable_set_text (GTK_EDITABLE (row (dialog, "Password")), "not-the-password");
  idk_gui_settle (20);
  g_assert_false (gtk_widget_has_css_class (url, "error"));
  g_assert_true (gtk_widget_is_sensitive (idk_gui_find (dialog, is_button_labelled, "_Save")));
  test_connection (dialog, "refused the user or the password");
  gtk_editable_set_text (GTK_EDITABLE (row (dialog, "Password")), HUB_MEMBER_PASSWORD);
  test_connection (dialog, "Connected: the database holds 0 documents");

  /* Saved: the address in the database, the password in the keyring, the automatic sync set. */
  gtk_switch_set_active (GTK_SWITCH (idk_gui_find (dialog, is_switch, NULL)), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (idk_gui_find (dialog, is_spin_button, NULL)), 10);
  gtk_widget_activate_action (dialog, "hub.save", NULL);
  idk_gui_settle (200);
  g_assert_cmpstr (idk_test_keep (idk_store_get_hub_url (hub->offices[0])), ==, hub->url);
  g_assert_cmpuint (idk_window_get_sync_minutes (fixture->window), ==, 10);
  kept = secret_password_lookup_sync (&(SecretSchema) { "io.github.iasmndesk.Desk.Hub", SECRET_SCHEMA_NONE,
                                                        { { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
                                                          { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
                                                          { NULL, 0 } } },
                                      NULL, &error, "url", hub->url, "user", hub_members[0], NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, HUB_MEMBER_PASSWORD);
  secret_password_free (kept);

  /* Geneva's change arrives; the password comes from the keyring. */
  hub_edit (hub->offices[1], "21/41", "Residential security (Geneva)");
  g_assert_true (idk_hub_push (geneva, hub->offices[1], NULL, NULL, &error));
  g_assert_no_error (error);
  idk_window_forget_hub_password (fixture->window);
  sync_now (fixture);
  idk_gui_wait_for_label (GTK_WIDGET (fixture->window), "1 bundle arrived from Geneva HQ");
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actions WHERE topic = "
                                             "'Residential security (Geneva)'"), ==, 1);
  g_assert_cmpstr (idk_window_get_hub_password (fixture->window), ==, HUB_MEMBER_PASSWORD);
  idk_window_set_view (fixture->window, "actions");
  idk_gui_wait_for_text (GTK_WIDGET (fixture->window), "Residential security (Geneva)");

  /* Nairobi's bundle, altered on the hub: refused by its signature, as a file would be. */
  hub_edit (hub->offices[2], "21/42", "Locally-recruited personnel (Nairobi)");
  g_assert_true (idk_hub_push (nairobi, hub->offices[2], NULL, NULL, &error));
  g_assert_no_error (error);
  hub_alter_bundle (hub, 2, 1, "Locally-recruited personnel (Nairobi)");
  revisions = idk_test_query_int (path, "SELECT count(*) FROM revisions");
  sync_now (fixture);
  message = idk_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==, "The Bundle Was Not Imported");
  g_test_message ("refusal: %s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)),
                                   "Bundle 1 of Nairobi field office, on the hub: "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), "Nothing of this bundle"));
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM revisions"), ==, revisions);
  g_assert_cmpint (idk_test_query_int (path, "SELECT count(*) FROM actions WHERE topic LIKE '%(Nairobi)'"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (message));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keyring = g_dir_make_tmp ("idk-keyring-XXXXXX", &error);
  g_autofree char *file = g_build_filename (keyring, "keyring", NULL);
  int status;

  g_assert_no_error (error);
  /* libsecret's own file backend, as a sandboxed app has it: no keyring daemon needed. */
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", file, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-keyring-password", TRUE);
  idk_gui_init (&argc, &argv);

  g_test_add ("/gui-hub/sync", HubGui, NULL, hub_gui_set_up, test_sync, hub_gui_tear_down);
  status = g_test_run ();
  idk_test_remove_tree (keyring);
  return status;
}
