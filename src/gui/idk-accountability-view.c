/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-accountability-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-accountability-view.h"
#include "idk-details.h"
#include "idk-form.h"
#include "idk-window.h"

/* The Framework for Accountability: the tree of actors along their
 * accountability lines; the selected actor's lines, holders and
 * responsibilities. */

struct _IdkAccountabilityView
{
  IdkSplitView parent_instance;
};

G_DEFINE_FINAL_TYPE (IdkAccountabilityView, idk_accountability_view, IDK_TYPE_SPLIT_VIEW)

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  IdkSplitView *self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *children;

  children = idk_store_list_actor_children (idk_split_view_get_store (self), idk_actor_get_uuid (item), &error);
  if (children == NULL)
    {
      g_warning ("Cannot list the actors under %s: %s", idk_actor_get_code (item), error->message);
      return NULL;
    }

  if (g_list_model_get_n_items (children) == 0)
    g_clear_object (&children);

  return children;
}

static GListModel *
create_no_children (gpointer item,
                    gpointer user_data)
{
  return NULL;
}

static GListModel *
idk_accountability_view_load (IdkSplitView  *self,
                              const char    *search,
                              GError       **error)
{
  IdkStore *store = idk_split_view_get_store (self);
  GListModel *roots;

  /* Search results are a flat list; otherwise the whole tree, expanded
   * from the start since it holds a few dozen actors. */
  if (search != NULL)
    roots = idk_store_list_actors (store, search, error);
  else
    roots = idk_store_list_actor_children (store, NULL, error);

  if (roots == NULL)
    return NULL;

  return G_LIST_MODEL (gtk_tree_list_model_new (roots, FALSE, TRUE,
                                                search ? create_no_children : create_children,
                                                self, NULL));
}

static GtkWidget *
row_button (const char *label,
            const char *action,
            const char *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

/* The posts of the actor, who holds them, and the buttons to appoint,
 * end and edit. */
static void
add_holders (GtkBox     *details,
             GListModel *holders)
{
  GtkWidget *section = idk_details_add_section (details, _("Holders"));
  GtkWidget *row;

  for (guint i = 0; i < g_list_model_get_n_items (holders); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (holders, i);
      const char *kind = idk_entry_get_kind (entry);
      const char *target = idk_entry_get_target_uuid (entry);

      row = idk_details_add_row (section, idk_entry_get_title (entry), idk_entry_get_subtitle (entry));
      if (g_strcmp0 (kind, "vacancy") == 0)
        {
          gtk_widget_add_css_class (row, "warning-row");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     row_button (_("_Appoint…"), "accountability.appoint-to", target));
          continue;
        }

      if (g_strcmp0 (kind, "past") == 0 || g_strcmp0 (kind, "attested") == 0)
        gtk_widget_add_css_class (row, "dim-label");
      if (g_strcmp0 (kind, "holder") == 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("E_nd"), "accountability.end", target));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (_("_Edit…"), "accountability.edit-appointment", target));
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_list_model_get_n_items (holders) == 0
                                 ? _("Nobody is recorded in this role") : _("Another post or holder"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (_("_New Appointment…"), "accountability.appoint", ""));
  gtk_list_box_append (GTK_LIST_BOX (section), row);
}

static void
idk_accountability_view_show_item (IdkSplitView *self,
                                   gpointer      item,
                                   GtkBox       *details)
{
  IdkActor *actor = item;
  IdkStore *store = idk_split_view_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) relationships = NULL;
  g_autoptr(GListModel) holders = NULL;
  const char * const *responsibilities;
  g_autofree char *subtitle = NULL;

  if (idk_actor_get_short_title (actor) != NULL)
    /* Translators: e.g. "DO · Framework for Accountability, section F" */
    subtitle = g_strdup_printf (_("%s · Framework for Accountability, section %s"),
                                idk_actor_get_short_title (actor), idk_actor_get_section (actor));
  else
    subtitle = g_strdup_printf (_("Framework for Accountability, section %s"), idk_actor_get_section (actor));

  idk_details_add_heading (details, idk_actor_get_title (actor), subtitle);
  if (idk_actor_get_summary (actor) != NULL)
    idk_details_add_paragraph (details, idk_actor_get_summary (actor));

  if ((relationships = idk_store_list_actor_relationships (store, idk_actor_get_uuid (actor), &error)))
    idk_split_view_add_entries (self, details, relationships, TRUE);
  idk_details_check (details, &error);

  if ((holders = idk_store_list_actor_holders (store, idk_actor_get_uuid (actor), &error)))
    add_holders (details, holders);
  idk_details_check (details, &error);

  responsibilities = idk_actor_get_responsibilities (actor);
  if (responsibilities != NULL && responsibilities[0] != NULL)
    {
      GtkWidget *section = idk_details_add_section (details, _("Responsibilities"));

      for (guint i = 0; responsibilities[i] != NULL; i++)
        {
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          GtkWidget *row = idk_details_add_row (section, responsibilities[i], NULL);
          GtkWidget *label = gtk_label_new (number);

          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_add_css_class (label, "numeric");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
        }
    }
}

/* Editing ---------------------------------------------------------------- */

typedef struct
{
  IdkAccountabilityView *view;
  char *actor;
  char *post;          /* appointing to an existing post */
  char *appointment;   /* editing an appointment */
} Edit;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_free (edit->actor);
  g_free (edit->post);
  g_free (edit->appointment);
  g_free (edit);
}

static IdkStore *
store_of (Edit *edit)
{
  return idk_split_view_get_store (IDK_SPLIT_VIEW (edit->view));
}

static gboolean
save_appointment (IdkForm  *form,
                  gpointer  data,
                  GError  **error)
{
  Edit *edit = data;
  IdkStore *store = store_of (edit);
  g_autofree char *post = NULL;

  post = idk_store_fill_post (store, edit->actor, edit->post, idk_form_get_text (form, "place"),
                              idk_form_get_text (form, "kind"), idk_form_get_text (form, "title"),
                              idk_form_get_text (form, "organization"), idk_form_get_text (form, "person"),
                              idk_form_get_text (form, "from_date"), idk_form_get_text (form, "to_date"),
                              idk_form_get_active (form, "ad_interim"), error);
  if (post == NULL)
    return FALSE;

  idk_window_offer_change (GTK_WIDGET (edit->view), store,
                           idk_form_get_text (form, "person") ? _("Appointed") : _("Vacant post added"));
  return TRUE;
}

/**
 * idk_accountability_view_appoint:
 * @post: (nullable): a post to fill, or %NULL to name a new one
 *
 * Returns: (transfer none): the form, presented
 */
IdkForm *
idk_accountability_view_appoint (IdkAccountabilityView *self,
                                 const char            *post)
{
  IdkActor *actor = idk_split_view_get_selected_item (IDK_SPLIT_VIEW (self));
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  g_autoptr(GListModel) organizations = idk_store_list_references (store, "post", "organization", NULL);
  g_autoptr(JsonObject) place = idk_record_new_fields ("place");
  Edit *edit;
  IdkForm *form;

  g_return_val_if_fail (actor != NULL, NULL);

  edit = g_new0 (Edit, 1);
  edit->view = self;
  edit->actor = g_strdup (idk_actor_get_uuid (actor));
  edit->post = g_strdup (post);

  form = idk_form_new (GTK_WIDGET (self), post ? _("Fill the Post") : _("New Appointment"), _("_Appoint"));
  idk_form_add_entry (form, "person", post ? _("Person") : _("Person (empty: a vacant post)"), NULL);
  if (post == NULL)
    {
      idk_form_add_entry (form, "place", idk_record_field_label ("post", "place"), NULL);
      /* What kind of place a new one is, from the places' description. */
      idk_form_set_record (form, "place", place);
      idk_form_add_field (form, "kind");
      idk_form_add_entry (form, "title", _("Title of the post"), idk_actor_get_title (actor));
      idk_form_add_chooser (form, "organization", idk_record_field_label ("post", "organization"),
                            FALSE, organizations, NULL);
    }
  idk_form_add_date (form, "from_date", idk_record_field_label ("appointment", "from_date"),
                     idk_store_get_today (store));
  idk_form_add_date (form, "to_date", _("Until (if known)"), NULL);
  idk_form_add_switch (form, "ad_interim", idk_record_field_label ("appointment", "ad_interim"), FALSE);
  idk_form_set_save_func (form, save_appointment, edit, edit_free);
  gtk_window_present (GTK_WINDOW (form));

  return form;
}

static gboolean
save_appointment_dates (IdkForm  *form,
                        gpointer  data,
                        GError  **error)
{
  Edit *edit = data;
  IdkStore *store = store_of (edit);

  if (!idk_store_edit_appointment (store, edit->appointment, idk_form_get_text (form, "from_date"),
                                   idk_form_get_text (form, "to_date"), idk_form_get_active (form, "ad_interim"),
                                   error))
    return FALSE;

  idk_window_offer_change (GTK_WIDGET (edit->view), store, _("Appointment saved"));
  return TRUE;
}

IdkForm *
idk_accountability_view_edit_appointment (IdkAccountabilityView *self,
                                          const char            *appointment)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (self));
  g_autoptr(JsonObject) fields = idk_store_get_fields (store, appointment, NULL, NULL);
  Edit *edit;
  IdkForm *form;

  g_return_val_if_fail (fields != NULL, NULL);

  edit = g_new0 (Edit, 1);
  edit->view = self;
  edit->appointment = g_strdup (appointment);

  form = idk_form_new (GTK_WIDGET (self), _("Edit Appointment"), _("_Save"));
  idk_form_set_record (form, "appointment", fields);
  idk_form_add_field (form, "from_date");
  idk_form_add_field (form, "to_date");
  idk_form_add_field (form, "ad_interim");
  idk_form_set_save_func (form, save_appointment_dates, edit, edit_free);
  gtk_window_present (GTK_WINDOW (form));

  return form;
}

static void
appoint_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  const char *post = parameter ? g_variant_get_string (parameter, NULL) : "";

  if (idk_split_view_get_selected_item (IDK_SPLIT_VIEW (widget)) != NULL)
    idk_accountability_view_appoint (IDK_ACCOUNTABILITY_VIEW (widget), *post ? post : NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  appoint_action (widget, action_name, NULL);
}

static void
edit_appointment_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  idk_accountability_view_edit_appointment (IDK_ACCOUNTABILITY_VIEW (widget),
                                            g_variant_get_string (parameter, NULL));
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IdkStore *store = idk_split_view_get_store (IDK_SPLIT_VIEW (widget));
  g_autoptr(GError) error = NULL;

  const char *appointment = g_variant_get_string (parameter, NULL);

  if (!idk_store_end_appointment (store, appointment, idk_store_get_today (store), &error))
    idk_details_report (widget, _("Cannot End the Appointment"), error);
  else
    idk_window_offer_change (widget, store, _("Appointment ended"));
}

static const char *
idk_accountability_view_item_uuid (gpointer item)
{
  return idk_actor_get_uuid (item);
}

static void
idk_accountability_view_class_init (IdkAccountabilityViewClass *klass)
{
  IdkSplitViewClass *split_class = IDK_SPLIT_VIEW_CLASS (klass);

  split_class->load = idk_accountability_view_load;
  split_class->show_item = idk_accountability_view_show_item;
  split_class->item_uuid = idk_accountability_view_item_uuid;

  g_type_ensure (IDK_TYPE_ACTOR);

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "view.new", NULL, new_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "accountability.appoint", "s", appoint_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "accountability.appoint-to", "s", appoint_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "accountability.edit-appointment", "s",
                                   edit_appointment_action);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "accountability.end", "s", end_action);
}

static void
idk_accountability_view_init (IdkAccountabilityView *self)
{
  idk_split_view_set_row_resource (IDK_SPLIT_VIEW (self), "/io/github/iasmndesk/Desk/idk-actor-row.ui");
  idk_split_view_set_texts (IDK_SPLIT_VIEW (self),
                            _("Search roles, people, places"),
                            _("Actors of the Framework for Accountability"),
                            _("No role, person or place matches the search."));
}
