/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-actions-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-actions-view-private.h"
#include "idk-details.h"

/* The actions decided at the sessions, as a table: searched as you type,
 * filtered, sorted by any column, with the selected action's page beside
 * it and status changes on many rows at once.  The table's model is the
 * lazy IdkActionList, whose filtering and sorting run in SQLite. */

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (IdkActionsView, idk_actions_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];


static void
update_count (IdkActionsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n), n);

  gtk_label_set_text (self->count_label, n > 0 || !idk_action_list_is_loading (self->list) ? text : "");
  /* "No actions found" only once the query has answered. */
  gtk_stack_set_visible_child_name (self->stack, n > 0 || idk_action_list_is_loading (self->list)
                                    ? "table" : "empty");
}

/* The UUIDs of the selected actions, NULL-terminated: one query, however
 * many are selected. */
GStrv
_idk_actions_view_selected_uuids (IdkActionsView *self)
{
  g_autoptr(GArray) rowids = idk_action_selection_get_rowids (self->selection);
  g_autoptr(GError) error = NULL;
  GStrv uuids;

  uuids = idk_store_get_action_uuids (self->store, (const gint64 *) rowids->data, rowids->len, &error);
  if (uuids == NULL)
    {
      g_warning ("Cannot read the selected actions: %s", error->message);
      return g_new0 (char *, 1);
    }

  return uuids;
}

static void
on_selection_changed_cb (IdkActionsView *self)
{
  guint n = idk_action_selection_get_n_selected (self->selection);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected",
                                                        (gulong) n), (guint) n);

  gtk_label_set_text (self->selection_label, text);
  gtk_action_bar_set_revealed (self->selection_bar, n > 0);

  /* One action selected: its page follows the selection once open. */
  if (n == 1 && adw_flap_get_reveal_flap (self->flap))
    {
      g_auto(GStrv) uuids = _idk_actions_view_selected_uuids (self);

      idk_action_page_set_action (self->page, uuids[0]);
    }
}

static void
on_row_activated_cb (IdkActionsView *self,
                     guint           position)
{
  g_autofree char *uuid = idk_action_list_get_uuid (self->list, position);

  if (uuid == NULL)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  idk_action_page_set_action (self->page, uuid);
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

static void
on_page_closed_cb (IdkActionsView *self)
{
  adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
on_search_changed_cb (IdkActionsView *self)
{
  idk_actions_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static const char *
selected_value (GtkDropDown *dropdown,
                GPtrArray   *values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return values != NULL && selected < values->len ? g_ptr_array_index (values, selected) : NULL;
}

static void
on_filters_changed_cb (IdkActionsView *self)
{
  const char * const *statuses = idk_record_field_values ("action", "status");
  guint status = gtk_drop_down_get_selected (self->status_filter);

  if (self->list == NULL)
    return;

  idk_action_list_set_filters (self->list,
                               status > 0 && status <= g_strv_length ((char **) statuses) ? statuses[status - 1] : NULL,
                               selected_value (self->owner_filter, self->owner_uuids),
                               selected_value (self->session_filter, self->session_uuids),
                               gtk_toggle_button_get_active (self->overdue_toggle),
                               gtk_toggle_button_get_active (self->mine_toggle));
  _idk_actions_view_update_review (self, selected_value (self->session_filter, self->session_uuids));
}

/* Fills a filter drop-down with "All …" and the entries, keeping the
 * choice if it is still there. */
static void
fill_filter (GtkDropDown  *dropdown,
             GPtrArray   **values,
             const char   *all_label,
             GListModel   *entries)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *previous = NULL;
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  guint keep = 0;

  if (*values != NULL)
    previous = g_strdup (selected_value (dropdown, *values));

  gtk_string_list_append (labels, all_label);
  g_ptr_array_add (uuids, NULL);
  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(IdkEntry) entry = g_list_model_get_item (entries, i);

      gtk_string_list_append (labels, idk_entry_get_title (entry));
      g_ptr_array_add (uuids, g_strdup (idk_entry_get_target_uuid (entry)));
      if (g_strcmp0 (previous, idk_entry_get_target_uuid (entry)) == 0)
        keep = i + 1;
    }

  g_clear_pointer (values, g_ptr_array_unref);
  *values = uuids;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, keep);
}

static void
update_filter_choices (IdkActionsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) owners = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autofree char *office = NULL;

  if (self->store == NULL)
    return;

  /* Without them, a filter offers its "All …" choice only. */
  if (!(owners = idk_store_list_action_owners (self->store, &error)))
    {
      g_warning ("Cannot list the owners of actions: %s", error->message);
      g_clear_error (&error);
    }
  if (!(sessions = idk_store_list_sessions (self->store, &error)))
    g_warning ("Cannot list the sessions of actions: %s", error->message);

  g_signal_handlers_block_by_func (self->owner_filter, on_filters_changed_cb, self);
  g_signal_handlers_block_by_func (self->session_filter, on_filters_changed_cb, self);
  fill_filter (self->owner_filter, &self->owner_uuids, _("All owners"), owners);
  fill_filter (self->session_filter, &self->session_uuids, _("All sessions"), sessions);
  g_signal_handlers_unblock_by_func (self->owner_filter, on_filters_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->session_filter, on_filters_changed_cb, self);
  /* The figures follow every change. */
  _idk_actions_view_update_review (self, selected_value (self->session_filter, self->session_uuids));

  /* "Mine" needs to know whose office this is. */
  office = idk_store_get_office_organization (self->store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_toggle), office != NULL && *office != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_toggle),
                               office != NULL && *office != '\0'
                               ? _("Only actions of this office's organization")
                               : _("Set this office's organization to see its actions"));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
idk_actions_view_dispose (GObject *object)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (object);

  /* The template's root is the bin's child: dropping it disposes the rest
   * (gtk_widget_dispose_template () would unparent it a second time). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->selection);
  if (self->list != NULL)
    idk_action_list_cancel (self->list);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->owner_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->session_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->sort_probe, g_free);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (idk_actions_view_parent_class)->dispose (object);
}

static void
idk_actions_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_store (IdkActionsView *self,
           IdkStore       *store)
{
  if (!g_set_object (&self->store, store))
    return;

  if (self->list != NULL)
    idk_action_list_cancel (self->list);
  g_clear_object (&self->list);
  if (self->store != NULL)
    {
      /* Queries over a large database must not freeze the window, the
       * first one before the window shows included. */
      self->list = idk_action_list_new_async (self->store);
      g_signal_connect_object (self->list, "notify::loading", G_CALLBACK (update_count),
                               self, G_CONNECT_SWAPPED);
      /* Not at each "items-changed": a new result comes as a removal,
       * then an addition, and the empty page shown in between would
       * unmap the table and rebuild it. */
      g_signal_connect_object (self->list, "notify::n-items", G_CALLBACK (update_count),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "changed", G_CALLBACK (update_filter_choices),
                               self, G_CONNECT_SWAPPED);
    }
  idk_action_selection_set_list (self->selection, self->list);
  _idk_actions_view_follow_list (self);
  idk_action_page_set_store (self->page, store);
  update_filter_choices (self);
  if (self->list != NULL)
    {
      on_filters_changed_cb (self);
      _idk_actions_view_read_sort_order (self);
      update_count (self);
    }
}

static void
idk_actions_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_actions_view_class_init (IdkActionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = idk_actions_view_dispose;
  object_class->get_property = idk_actions_view_get_property;
  object_class->set_property = idk_actions_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IDK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IDK_TYPE_ACTION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-actions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, flap);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, mark_button);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, mine_toggle);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, narrow_list);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, page);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, session_filter);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, review_revealer);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, review_label);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, review_expander);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, squeezer);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, stack);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, status_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "view.focus-search", NULL, focus_search_action);
  _idk_actions_view_class_add_review_actions (widget_class);
  _idk_actions_view_class_add_actions (widget_class);
}

static void
idk_actions_view_init (IdkActionsView *self)
{
  g_autoptr(GtkStringList) status_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = idk_action_selection_new ();
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::n-selected", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  _idk_actions_view_build_table (self);
  _idk_actions_view_fill_mark_menu (self);

  gtk_string_list_append (status_labels, _("All statuses"));
  for (const char * const *value = idk_record_field_values ("action", "status"); *value != NULL; value++)
    gtk_string_list_append (status_labels, idk_action_status_to_label (*value));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (status_labels));

  g_signal_connect_object (self->status_filter, "notify::selected", G_CALLBACK (on_filters_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_filter, "notify::selected", G_CALLBACK (on_filters_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session_filter, "notify::selected", G_CALLBACK (on_filters_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

IdkStore *
idk_actions_view_get_store (IdkActionsView *self)
{
  g_return_val_if_fail (IDK_IS_ACTIONS_VIEW (self), NULL);

  return self->store;
}

/**
 * idk_actions_view_get_list:
 *
 * Returns: (transfer none) (nullable): the actions the table shows
 */
IdkActionList *
idk_actions_view_get_list (IdkActionsView *self)
{
  g_return_val_if_fail (IDK_IS_ACTIONS_VIEW (self), NULL);

  return self->list;
}

/**
 * idk_actions_view_get_selection:
 *
 * Returns: (transfer none): the selection of the table
 */
GtkSelectionModel *
idk_actions_view_get_selection (IdkActionsView *self)
{
  g_return_val_if_fail (IDK_IS_ACTIONS_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

void
idk_actions_view_set_search (IdkActionsView *self,
                             const char     *text)
{
  g_return_if_fail (IDK_IS_ACTIONS_VIEW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);

  if (self->list != NULL)
    idk_action_list_set_search (self->list, text);
}

/**
 * idk_actions_view_show_action:
 *
 * Opens the page of the action at @position of the table.
 */
void
idk_actions_view_show_action (IdkActionsView *self,
                              guint           position)
{
  g_return_if_fail (IDK_IS_ACTIONS_VIEW (self));

  on_row_activated_cb (self, position);
}

/**
 * idk_actions_view_hide_action:
 *
 * Closes the page of the action.
 */
void
idk_actions_view_hide_action (IdkActionsView *self)
{
  g_return_if_fail (IDK_IS_ACTIONS_VIEW (self));

  adw_flap_set_reveal_flap (self->flap, FALSE);
}
