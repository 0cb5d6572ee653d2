/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-actions-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-action-page.h"
#include "idk-actions-view.h"
#include "idk-details.h"
#include "idk-form.h"
#include "idk-window.h"

/* The actions decided at the sessions, as a table: searched as you type,
 * filtered, sorted by any column, with the selected action's page beside
 * it and status changes on many rows at once.  The table's model is the
 * lazy IdkActionList, whose filtering and sorting run in SQLite. */

struct _IdkActionsView
{
  AdwBin parent_instance;

  IdkStore *store;
  IdkActionList *list;
  GtkMultiSelection *selection;
  GPtrArray *owner_uuids;     /* parallel to the owner filter, [0] = NULL */
  GPtrArray *session_uuids;   /* parallel to the session filter */
  char *sort_probe;           /* see read_sort_order () */

  /* Template widgets */
  GtkColumnView *column_view;
  GtkLabel *count_label;
  GtkButton *delete_button;
  AdwStatusPage *empty_page;
  GtkFlowBox *filter_box;
  AdwFlap *flap;
  GtkMenuButton *mark_button;
  GtkToggleButton *mine_toggle;
  GtkToggleButton *overdue_toggle;
  GtkDropDown *owner_filter;
  IdkActionPage *page;
  GtkSearchEntry *search_entry;
  GtkActionBar *selection_bar;
  GtkLabel *selection_label;
  GtkDropDown *session_filter;
  GtkStack *stack;
  GtkDropDown *status_filter;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

typedef enum
{
  CELL_TEXT,      /* one line */
  CELL_WRAP,      /* a few lines */
  CELL_STATUS,    /* a pill */
} CellKind;

typedef struct
{
  const char *property;   /* of IdkAction */
  CellKind kind;
  const char *sort_key;   /* of IdkActionQuery */
} Cell;

G_DEFINE_FINAL_TYPE (IdkActionsView, idk_actions_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

/* The statuses of the status filter, after "All statuses". */
static const char * const statuses[] = { "open", "in-progress", "completed", "superseded", "cancelled" };

static void
on_setup_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  const Cell               *cell)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  if (cell->kind == CELL_WRAP)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 3);
    }
  else if (cell->kind == CELL_STATUS)
    gtk_widget_set_halign (label, GTK_ALIGN_START);

  gtk_list_item_set_child (list_item, label);
}

static void
on_bind_cell_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 const Cell               *cell)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  IdkAction *action = gtk_list_item_get_item (list_item);
  g_autofree char *value = NULL;

  if (action == NULL)
    return;

  if (cell->kind == CELL_STATUS)
    {
      const char *status = idk_action_get_status (action);
      gboolean overdue = idk_action_get_overdue (action);
      const char *classes[] = { "pill", overdue ? "overdue" : status, NULL };
      g_autofree char *text = NULL;

      if (overdue)
        /* Translators: an action's status when past its due date, e.g. "Open, overdue" */
        text = g_strdup_printf (_("%s, overdue"), idk_action_status_to_label (status));
      gtk_label_set_text (GTK_LABEL (label), text ? text : idk_action_status_to_label (status));
      gtk_widget_set_css_classes (label, classes);
      return;
    }

  /* Plain text, never markup: the data may come from another office.  A
   * cell shows a few lines, so line breaks in the text become spaces and
   * the whole text is in the tooltip. */
  g_object_get (action, cell->property, &value, NULL);
  gtk_widget_set_tooltip_text (label, cell->kind == CELL_WRAP ? value : NULL);
  if (value != NULL)
    g_strdelimit (value, "\n", ' ');
  gtk_label_set_text (GTK_LABEL (label), value ? value : "");
}

/* The column sorters only mark which column the user chose: the rows are
 * sorted by SQLite.  GTK 4.8 has no API to read the sort column of a
 * column view, so its sorter is asked to compare two dummies: it asks the
 * primary column's sorter, which records its key, and inverts the answer
 * if the order is descending. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  IdkActionsView *self = g_object_get_data (G_OBJECT (a), "view");

  g_free (self->sort_probe);
  self->sort_probe = g_strdup (user_data);
  return GTK_ORDERING_SMALLER;
}

static void
read_sort_order (IdkActionsView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  g_object_set_data (a, "view", self);
  g_clear_pointer (&self->sort_probe, g_free);
  order = gtk_sorter_compare (sorter, a, b);

  if (self->list != NULL)
    idk_action_list_set_sort (self->list, self->sort_probe, order == GTK_ORDERING_LARGER);
}

static void
add_column (IdkActionsView *self,
            const char     *title,
            const Cell     *cell,
            int             width,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  g_autoptr(GtkSorter) sorter = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cell_cb), (gpointer) cell);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cell_cb), (gpointer) cell);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);

  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, (gpointer) cell->sort_key, NULL));
  gtk_column_view_column_set_sorter (column, sorter);

  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
update_count (IdkActionsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n), n);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "table" : "empty");
}

/* The UUIDs of the selected actions, NULL-terminated. */
static GStrv
selected_uuids (IdkActionsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autofree char *uuid = idk_action_list_get_uuid (self->list, position);

      if (uuid != NULL)
        g_strv_builder_add (builder, uuid);
    }

  return g_strv_builder_end (builder);
}

static void
on_selection_changed_cb (IdkActionsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected",
                                                        (gulong) n), (guint) n);

  gtk_label_set_text (self->selection_label, text);
  gtk_action_bar_set_revealed (self->selection_bar, n > 0);

  /* One action selected: its page follows the selection once open. */
  if (n == 1 && adw_flap_get_reveal_flap (self->flap))
    {
      g_auto(GStrv) uuids = selected_uuids (self);

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
  guint status = gtk_drop_down_get_selected (self->status_filter);

  if (self->list == NULL)
    return;

  idk_action_list_set_filters (self->list,
                               status > 0 && status <= G_N_ELEMENTS (statuses) ? statuses[status - 1] : NULL,
                               selected_value (self->owner_filter, self->owner_uuids),
                               selected_value (self->session_filter, self->session_uuids),
                               gtk_toggle_button_get_active (self->overdue_toggle),
                               gtk_toggle_button_get_active (self->mine_toggle));
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

  owners = idk_store_list_action_owners (self->store, &error);
  sessions = idk_store_list_sessions (self->store, &error);
  if (error != NULL)
    g_warning ("Cannot list the filters' choices: %s", error->message);

  g_signal_handlers_block_by_func (self->owner_filter, on_filters_changed_cb, self);
  g_signal_handlers_block_by_func (self->session_filter, on_filters_changed_cb, self);
  fill_filter (self->owner_filter, &self->owner_uuids, _("All owners"), owners);
  fill_filter (self->session_filter, &self->session_uuids, _("All sessions"), sessions);
  g_signal_handlers_unblock_by_func (self->owner_filter, on_filters_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->session_filter, on_filters_changed_cb, self);

  /* "Mine" needs to know whose office this is. */
  office = idk_store_get_office_organization (self->store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_toggle), office != NULL && *office != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_toggle),
                               office != NULL && *office != '\0'
                               ? _("Only actions of this office's organization")
                               : _("Set this office's organization to see its actions"));
}

static void
mark_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = selected_uuids (self);
  const char *status = g_variant_get_string (parameter, NULL);

  if (uuids[0] == NULL)
    return;

  /* One transaction: all the selected actions change, or none. */
  if (!idk_store_add_action_update (self->store, (const char * const *) uuids, status,
                                    NULL, g_get_real_name (), &error))
    idk_details_report (GTK_WIDGET (self), _("Cannot Change the Status"), error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IdkActionsView *self = IDK_ACTIONS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = selected_uuids (self);
  guint n = g_strv_length (uuids);
  g_autofree char *title = NULL;

  if (n == 0)
    return;

  /* Deleting writes tombstones, so Undo brings every action back as it was. */
  if (!idk_store_begin (self->store, &error))
    goto failed;
  for (guint i = 0; i < n; i++)
    if (!idk_store_delete (self->store, uuids[i], &error))
      {
        idk_store_rollback (self->store);
        goto failed;
      }
  if (!idk_store_commit (self->store, &error))
    {
      idk_store_rollback (self->store);
      goto failed;
    }

  if (g_strcmp0 (idk_action_page_get_action (self->page), uuids[0]) == 0)
    adw_flap_set_reveal_flap (self->flap, FALSE);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action deleted", "%u actions deleted", n), n);
  idk_window_offer_restore (widget, title, self->store, (const char * const *) uuids);
  return;

failed:
  idk_details_report (GTK_WIDGET (self), _("Cannot Delete"), error);
}

static gboolean
save_new_action (IdkForm  *form,
                 gpointer  data,
                 char    **field,
                 GError  **error)
{
  IdkActionsView *self = data;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonArray) owners = json_array_new ();
  g_autofree char *uuid = NULL;
  const char *owner_text = idk_form_get_text (form, "owner");
  const char *due = idk_form_get_text (form, "due_date");
  const char *values[] = { "session", "reference", "text", NULL };

  for (guint i = 0; values[i] != NULL; i++)
    if (idk_form_get_text (form, values[i]) == NULL)
      {
        *field = g_strdup (values[i]);
        g_set_error_literal (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, _("This is needed."));
        return FALSE;
      }

  if (owner_text != NULL)
    {
      g_autofree char *owner = idk_store_find_organization (self->store, owner_text);

      if (owner == NULL)
        {
          *field = g_strdup ("owner");
          g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                       _("No organization is called “%s”; give its acronym, e.g. UNICEF."), owner_text);
          return FALSE;
        }
      json_array_add_string_element (owners, owner);
    }

  if (due != NULL && !idk_date_is_valid_text (due))
    {
      *field = g_strdup ("due_date");
      g_set_error_literal (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID,
                           _("Give the due date as 2027-06-30, or 2027-06 for the end of a month."));
      return FALSE;
    }

  json_object_set_string_member (fields, "meeting", idk_form_get_text (form, "session"));
  json_object_set_string_member (fields, "reference", idk_form_get_text (form, "reference"));
  if (idk_form_get_text (form, "topic") != NULL)
    json_object_set_string_member (fields, "topic", idk_form_get_text (form, "topic"));
  json_object_set_string_member (fields, "text", idk_form_get_text (form, "text"));
  json_object_set_string_member (fields, "kind", idk_form_get_text (form, "kind"));
  json_object_set_array_member (fields, "owners", g_steal_pointer (&owners));
  if (due != NULL)
    json_object_set_string_member (fields, "due_date", due);
  json_object_set_string_member (fields, "status", "open");

  uuid = idk_store_save (self->store, "action", NULL, fields, error);
  return uuid != NULL;
}

/**
 * idk_actions_view_new_action:
 *
 * Returns: (transfer none): the form for a new action, presented
 */
IdkForm *
idk_actions_view_new_action (IdkActionsView *self)
{
  static const char * const kinds[] = { "request", "decision", "endorsement", "noting", NULL };
  const char *kind_labels[G_N_ELEMENTS (kinds)] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  IdkMeetingQuery query = { .type = "full-session" };
  IdkForm *form;

  for (guint i = 0; kinds[i] != NULL; i++)
    kind_labels[i] = idk_action_kind_to_label (kinds[i]);

  /* Actions are decided at full sessions, the latest first. */
  meetings = idk_store_find_meetings (self->store, &query, &error);
  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(IdkMeeting) meeting = g_list_model_get_item (meetings, i);

      g_ptr_array_add (values, g_strdup (idk_meeting_get_uuid (meeting)));
      g_ptr_array_add (labels, g_strdup (idk_meeting_get_title (meeting)));
    }
  g_ptr_array_add (values, NULL);
  g_ptr_array_add (labels, NULL);

  form = idk_form_new (GTK_WIDGET (self), _("New Action"), _("_Create"));
  idk_form_add_choice (form, "session", _("Session"), (const char * const *) values->pdata,
                       (const char * const *) labels->pdata, NULL);
  idk_form_add_entry (form, "reference", _("Reference (e.g. 28/12)"), NULL);
  idk_form_add_entry (form, "topic", _("Topic"), NULL);
  idk_form_add_entry (form, "text", _("Text"), NULL);
  idk_form_add_choice (form, "kind", _("Kind"), kinds, kind_labels, "request");
  idk_form_add_entry (form, "owner", _("Owner (acronym)"), NULL);
  idk_form_add_entry (form, "due_date", _("Due (YYYY-MM-DD)"), NULL);
  idk_form_set_save_func (form, save_new_action, self, NULL);
  gtk_window_present (GTK_WINDOW (form));

  return form;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  idk_actions_view_new_action (IDK_ACTIONS_VIEW (widget));
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
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->owner_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->session_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->sort_probe, g_free);

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

  g_clear_object (&self->list);
  if (self->store != NULL)
    {
      self->list = idk_action_list_new (self->store);
      /* Queries over a large database must not freeze the window. */
      idk_action_list_set_async (self->list, TRUE);
      g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_count),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "changed", G_CALLBACK (update_filter_choices),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  idk_action_page_set_store (self->page, store);
  update_filter_choices (self);
  if (self->list != NULL)
    {
      on_filters_changed_cb (self);
      read_sort_order (self);
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
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, page);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, session_filter);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, stack);
  gtk_widget_class_bind_template_child (widget_class, IdkActionsView, status_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "view.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "actions.mark-as", "s", mark_as_action);
  gtk_widget_class_install_action (widget_class, "actions.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "actions.delete", NULL);
}

static void
idk_actions_view_init (IdkActionsView *self)
{
  static const Cell reference = { "reference", CELL_TEXT, "reference" };
  static const Cell session = { "session", CELL_WRAP, "session" };
  static const Cell topic = { "topic", CELL_WRAP, "topic" };
  static const Cell text = { "text", CELL_WRAP, "text" };
  static const Cell owners = { "owners", CELL_WRAP, "owner" };
  static const Cell due = { "due", CELL_WRAP, "due" };
  static const Cell status = { "status", CELL_STATUS, "status" };
  static const Cell last_update = { "last-update", CELL_TEXT, "last-update" };
  g_autoptr(GtkStringList) status_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_multi_selection_new (NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  add_column (self, _("Reference"), &reference, 80, FALSE);
  add_column (self, _("Session"), &session, 120, FALSE);
  add_column (self, _("Topic"), &topic, 190, FALSE);
  add_column (self, _("Text"), &text, -1, TRUE);
  add_column (self, _("Owner"), &owners, 120, FALSE);
  add_column (self, _("Due"), &due, 130, FALSE);
  add_column (self, _("Status"), &status, 130, FALSE);
  add_column (self, _("Last update"), &last_update, 110, FALSE);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (read_sort_order), self, G_CONNECT_SWAPPED);

  gtk_string_list_append (status_labels, _("All statuses"));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (status_labels, idk_action_status_to_label (statuses[i]));
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
