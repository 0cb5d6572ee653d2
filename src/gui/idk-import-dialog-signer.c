/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-import-dialog-private.h"

/* Who signed the bundle, in the import dialog: a trusted signer shows as
 * such; otherwise the dialog says what is missing, offers to trust the
 * key once the user types the fingerprint the other office read out, and
 * Apply stays off until the key is trusted or the user ticks that they
 * know where the bundle comes from (a choice the bundle's record keeps).
 * The refusals no choice overrides never reach the preview.
 */

static gboolean
is_trusted (IdkImportDialog *self)
{
  return self->key_trusted ||
         (self->import != NULL && (idk_import_get_trust (self->import) == IDK_TRUST_TRUSTED ||
                                   idk_import_get_trust (self->import) == IDK_TRUST_BUILT_IN));
}

void
_idk_import_dialog_update_apply (IdkImportDialog *self)
{
  gboolean ready = self->state == STATE_READY;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply",
                                 ready && (is_trusted (self) || gtk_check_button_get_active (self->accept_check)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.trust-key", ready && !is_trusted (self));
}

void
_idk_import_dialog_show_signer (IdkImportDialog *self)
{
  g_autofree char *text = idk_import_describe_signer (self->import);
  gboolean trusted = is_trusted (self);

  gtk_label_set_text (self->signer_label, text);
  gtk_image_set_from_icon_name (self->signer_icon, trusted ? "channel-secure-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->signer_icon), trusted ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->signer_icon), trusted ? "success" : "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->trust_button),
                          !trusted && idk_import_get_signer_key (self->import) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->accept_check), !trusted);
  gtk_widget_set_visible (GTK_WIDGET (self->signer_box), TRUE);
  _idk_import_dialog_update_apply (self);
}

static void
on_trust_response (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  IdkImportDialog *self = IDK_IMPORT_DIALOG (user_data);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_str_equal (response, "trust") || self->import == NULL)
    return;

  if (!idk_store_trust_key (self->store, idk_import_get_signer_key (self->import), gtk_editable_get_text (entry),
                            idk_import_get_origin (self->import), idk_import_get_origin_name (self->import), &error))
    {
      gtk_label_set_text (self->signer_label, error->message);
      gtk_image_set_from_icon_name (self->signer_icon, "dialog-error-symbolic");
      return;
    }

  /* The import checks the signature again when it is applied, against the
   * key now trusted. */
  self->key_trusted = TRUE;
  text = g_strdup_printf (_("You now trust the key of “%s”: this bundle is imported as signed by them."),
                          idk_import_get_origin_name (self->import));
  _idk_import_dialog_show_signer (self);
  gtk_label_set_text (self->signer_label, text);
}

void
_idk_import_dialog_trust_key (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  IdkImportDialog *self = IDK_IMPORT_DIALOG (widget);
  const char *origin = idk_import_get_origin_name (self->import);
  g_autofree char *heading = g_strdup_printf (_("Trust the Key of “%s”?"), origin);
  g_autofree char *body = g_strdup_printf (_("Its bundles will then be taken without asking. Ask “%s” to read "
                                             "you the fingerprint of their key, by phone or face to face (iasmn "
                                             "key show prints it), and type it here: a key whose fingerprint "
                                             "differs is not theirs."), origin);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  GtkWidget *entry = gtk_entry_new ();

  /* Plain text: the office's name comes from the bundle. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Fingerprint, as read to you"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fingerprint"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "trust", _("_Trust"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "trust", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "trust");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_trust_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
