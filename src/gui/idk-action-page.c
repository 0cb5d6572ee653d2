/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-action-page"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-action-page.h"
#include "idk-session.h"
#include "idk-details.h"
#include "idk-window.h"

/* The page of one action, beside the table: what was decided, by whom it
 * is owned and when it is due, the history of its status updates as a
 * timeline, and the form to add an update. */

struct _IdkActionPage
{
  AdwBin parent_instance;

  IdkStore *store;
  char *uuid;

  /* Template widgets */
  GtkButton *add_button;
  GtkBox *details_box;
  GtkEntry *note_entry;
  GtkButton *edit_button;
  GtkLabel *reference_label;
  GtkDropDown *status_dropdown;
  GtkBox *update_box;
  GtkLabel *update_error;
};

enum {
  CLOSED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (IdkActionPage, idk_action_page, ADW_TYPE_BIN)

static guint signals[N_SIGNALS];

/* The statuses, in the order of the drop-down: the record description's. */
#define statuses (idk_record_field_values ("action", "status"))

static void
show_action (IdkActionPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkAction) action = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autofree char *kind = NULL;
  GtkWidget *pills, *facts, *timeline;
  const char *status;

  idk_details_clear (self->details_box);
  gtk_label_set_text (self->reference_label, "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->update_box), FALSE);

  if (self->store == NULL || self->uuid == NULL)
    return;

  if (!(action = idk_store_load_action_by_uuid (self->store, self->uuid, &error)))
    {
      /* Deleted meanwhile, here or by an import. */
      idk_details_add_paragraph (self->details_box, _("This action no longer exists."));
      return;
    }

  status = idk_action_get_status (action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s", self->uuid);
  /* Translators: e.g. "Action 27/47a" */
  {
    g_autofree char *title = g_strdup_printf (_("Action %s"), idk_action_get_reference (action));

    gtk_label_set_text (self->reference_label, title);
  }

  pills = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  {
    g_autofree char *label = idk_action_get_status_label (action);

    gtk_box_append (GTK_BOX (pills), idk_details_pill_new (label, idk_action_get_status_style (action)));
  }
  gtk_box_append (GTK_BOX (pills), idk_details_pill_new (idk_action_kind_to_label (idk_action_get_kind (action)),
                                                         idk_action_get_kind (action)));
  gtk_box_append (self->details_box, pills);

  idk_details_add_paragraph (self->details_box, idk_action_get_text (action));

  facts = idk_details_add_section (self->details_box, _("Details"));
  idk_details_add_fact (facts, _("Session"), idk_action_get_session (action));
  idk_details_add_fact (facts, _("Topic"), idk_action_get_topic (action));
  idk_details_add_fact (facts, _("Owner"), idk_action_get_owners (action));
  idk_details_add_fact (facts, _("Due"), idk_action_get_due (action));
  {
    g_autofree char *carried = idk_store_describe_carry (self->store, self->uuid);

    /* Where a review carried it: from its session to the later ones. */
    if (carried != NULL)
      idk_details_add_fact (facts, _("Reviewed"), carried);
  }

  timeline = idk_details_add_section (self->details_box, _("History"));
  history = idk_store_list_action_updates (self->store, self->uuid, &error);
  if (history == NULL || g_list_model_get_n_items (history) == 0)
    idk_details_add_row (timeline, _("No update yet"), _("Status as decided at the session"));
  else
    for (guint i = 0; i < g_list_model_get_n_items (history); i++)
      {
        g_autoptr(IdkEntry) entry = g_list_model_get_item (history, i);
        GtkWidget *row = idk_details_add_row (timeline, idk_entry_get_title (entry), idk_entry_get_subtitle (entry));

        adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                   idk_details_pill_new (idk_action_status_to_label (idk_entry_get_kind (entry)),
                                                         idk_entry_get_kind (entry)));
      }

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      gtk_drop_down_set_selected (self->status_dropdown, i);

  gtk_widget_set_sensitive (GTK_WIDGET (self->update_box), TRUE);
}

static void
clear_update_error (IdkActionPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->update_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->note_entry), "error");
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

static void
add_update_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IdkActionPage *self = IDK_ACTION_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (selected >= g_strv_length ((char **) statuses))
    return;

  if (!idk_action_page_add_update (self, statuses[selected],
                                   gtk_editable_get_text (GTK_EDITABLE (self->note_entry)), &error))
    {
      /* A refusal of the update itself is said under it; others in a dialog. */
      if (error->domain == IDK_RECORD_ERROR)
        {
          gtk_label_set_text (self->update_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->update_error), TRUE);
          gtk_widget_add_css_class (GTK_WIDGET (self->note_entry), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
        }
      else
        idk_details_report (widget, _("Cannot Add the Update"), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  idk_window_offer_change (widget, self->store, _("Update added"));
}

static void
idk_action_page_dispose (GObject *object)
{
  IdkActionPage *self = IDK_ACTION_PAGE (object);

  /* The template's root is the bin's child: dropping it disposes the rest
   * (gtk_widget_dispose_template () would unparent it a second time). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (idk_action_page_parent_class)->dispose (object);
}

static void
idk_action_page_finalize (GObject *object)
{
  IdkActionPage *self = IDK_ACTION_PAGE (object);

  g_clear_pointer (&self->uuid, g_free);

  G_OBJECT_CLASS (idk_action_page_parent_class)->finalize (object);
}

static void
idk_action_page_class_init (IdkActionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = idk_action_page_dispose;
  object_class->finalize = idk_action_page_finalize;

  /**
   * IdkActionPage::closed:
   *
   * The user closed the page.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-action-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkActionPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, IdkActionPage, details_box);
  gtk_widget_class_bind_template_child (widget_class, IdkActionPage, note_entry);
  gtk_widget_class_bind_template_child (widget_class, IdkActionPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, IdkActionPage, reference_label);
  gtk_widget_class_bind_template_child (widget_class, IdkActionPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IdkActionPage, update_box);
  gtk_widget_class_bind_template_child (widget_class, IdkActionPage, update_error);
  gtk_widget_class_bind_template_callback (widget_class, clear_update_error);

  gtk_widget_class_install_action (widget_class, "page.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "page.add-update", NULL, add_update_action);
}

static void
idk_action_page_init (IdkActionPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (labels, idk_action_status_to_label (statuses[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (labels));

  show_action (self);
}

GtkWidget *
idk_action_page_new (void)
{
  return g_object_new (IDK_TYPE_ACTION_PAGE, NULL);
}

void
idk_action_page_set_store (IdkActionPage *self,
                           IdkStore      *store)
{
  g_return_if_fail (IDK_IS_ACTION_PAGE (self));

  if (g_set_object (&self->store, store))
    {
      if (store != NULL)
        g_signal_connect_object (store, "changed", G_CALLBACK (show_action), self, G_CONNECT_SWAPPED);
      show_action (self);
    }
}

void
idk_action_page_set_action (IdkActionPage *self,
                            const char    *uuid)
{
  g_return_if_fail (IDK_IS_ACTION_PAGE (self));

  if (g_strcmp0 (self->uuid, uuid) == 0)
    return;

  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  clear_update_error (self);
  show_action (self);
}

const char *
idk_action_page_get_action (IdkActionPage *self)
{
  g_return_val_if_fail (IDK_IS_ACTION_PAGE (self), NULL);

  return self->uuid;
}

/**
 * idk_action_page_add_update:
 *
 * Adds a status update to the action shown, signed with the user's name.
 */
gboolean
idk_action_page_add_update (IdkActionPage  *self,
                            const char     *status,
                            const char     *note,
                            GError        **error)
{
  const char *actions[] = { self->uuid, NULL };

  g_return_val_if_fail (IDK_IS_ACTION_PAGE (self), FALSE);
  g_return_val_if_fail (self->uuid != NULL, FALSE);

  return idk_store_add_action_update (self->store, actions, status, note, g_get_real_name (), error);
}
