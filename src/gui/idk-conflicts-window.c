/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-conflicts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-conflicts-window.h"
#include "idk-details.h"

/* The records that offices changed at the same time.  The list on the
 * left; on the right, the versions side by side, field by field, the one
 * shown everywhere first.  A person keeps one version, or picks values
 * field by field; either way the resolution is a new revision whose
 * parents are all the versions, which settles the record in every office
 * that imports it.  Values come from other offices: plain text only. */

struct _IdkConflictsWindow
{
  AdwWindow parent_instance;

  IdkStore *store;
  GListModel *conflicts;      /* IdkEntry */
  char *uuid;                 /* the record shown */
  GPtrArray *leaves;          /* IdkRevision, the winner first */
  GPtrArray *offices;         /* the name of each leaf's office */
  GPtrArray *fields;          /* field names shown, in order */
  GHashTable *choices;        /* field → GPtrArray of GtkCheckButton, by version */

  /* Template widgets */
  AdwLeaflet *leaflet;
  GtkListBox *list_box;
  GtkStack *list_stack;
  GtkBox *page_box;
  AdwWindowTitle *page_title;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (IdkConflictsWindow, idk_conflicts_window, ADW_TYPE_WINDOW)

static void show_record (IdkConflictsWindow *self,
                         const char         *uuid);

static char *
field_title (const char *name)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (name), "_", ' ');
  g_autofree char *first = g_utf8_strup (spaced, 1);

  return g_strconcat (first, spaced + 1, NULL);
}

/* A value as a person reads it: names rather than record ids. */
static char *
format_value (IdkConflictsWindow *self,
              JsonNode           *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *element = format_value (self, json_array_get_element (array, i));

          g_string_append_printf (text, "%s%s", i ? ", " : "", element);
        }
      return text->len ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup ("—");
    }

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (node);
          char *label = g_uuid_string_is_valid (text) ? idk_store_get_record_label (self->store, text) : NULL;

          return label ? label : g_strdup (text);
        }
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    }

  return json_to_string (node, FALSE);
}

static gboolean
same_everywhere (GPtrArray  *leaves,
                 const char *field)
{
  g_autofree char *first = NULL;

  for (guint i = 0; i < leaves->len; i++)
    {
      IdkRevision *leaf = g_ptr_array_index (leaves, i);
      JsonNode *node = json_object_get_member (leaf->fields, field);
      g_autofree char *value = node ? json_to_string (node, FALSE) : g_strdup ("null");

      if (i == 0)
        first = g_steal_pointer (&value);
      else if (!g_str_equal (first, value))
        return FALSE;
    }

  return TRUE;
}

static GtkWidget *
version_header (IdkConflictsWindow *self,
                guint               index)
{
  IdkRevision *leaf = g_ptr_array_index (self->leaves, index);
  const char *office = g_ptr_array_index (self->offices, index);
  gboolean winner = index == 0;
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local ((gint64) (leaf->hlc >> 16) / 1000);
  g_autofree char *date = when ? g_date_time_format (when, "%e %B %Y, %H:%M") : g_strdup ("");
  g_autofree char *note = NULL;
  GtkWidget *card = adw_bin_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;
  GtkWidget *button;

  gtk_widget_add_css_class (card, "card");
  adw_bin_set_child (ADW_BIN (card), box);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  label = gtk_label_new (office);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  note = g_strdup_printf ("%s%s%s", g_strstrip (date),
                          winner ? _(" · shown now") : "", leaf->deleted ? _(" · deleted") : "");
  label = gtk_label_new (note);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new_with_mnemonic (leaf->deleted ? _("_Keep Deleted") : _("_Keep This Version"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "conflicts.keep");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", leaf->rev_id);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), button);

  return card;
}

/* A field the versions disagree on: its values one under the other, each
 * with the office that wrote it, one to pick. */
static void
add_choice (IdkConflictsWindow *self,
            GtkWidget          *section,
            const char         *field)
{
  g_autofree char *title = field_title (field);
  GPtrArray *buttons = g_ptr_array_new ();
  GtkCheckButton *group = NULL;
  GtkWidget *heading, *list;

  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (section), heading);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (GTK_BOX (section), list);

  for (guint i = 0; i < self->leaves->len; i++)
    {
      IdkRevision *leaf = g_ptr_array_index (self->leaves, i);
      g_autofree char *value = format_value (self, json_object_get_member (leaf->fields, field));
      const char *office = g_ptr_array_index (self->offices, i);
      GtkWidget *button = gtk_check_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label;

      label = gtk_label_new (value);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      label = gtk_label_new (office);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);

      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), box);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
      else
        group = GTK_CHECK_BUTTON (button);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), i == 0);
      gtk_widget_set_margin_top (button, 6);
      gtk_widget_set_margin_bottom (button, 6);
      gtk_widget_set_margin_start (button, 6);
      gtk_widget_set_margin_end (button, 6);
      gtk_list_box_append (GTK_LIST_BOX (list), button);
      g_ptr_array_add (buttons, button);
    }

  g_hash_table_insert (self->choices, g_strdup (field), buttons);
}

static void
collect_fields (IdkConflictsWindow *self)
{
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  self->fields = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->leaves->len; i++)
    {
      IdkRevision *leaf = g_ptr_array_index (self->leaves, i);
      g_autoptr(GList) names = json_object_get_members (leaf->fields);

      for (const GList *l = names; l != NULL; l = l->next)
        if (!g_ptr_array_find_with_equal_func (self->fields, l->data, g_str_equal, NULL))
          g_ptr_array_add (self->fields, g_strdup (l->data));
    }
}

static void
show_record (IdkConflictsWindow *self,
             const char         *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *versions, *differences, *same, *text, *button;
  IdkRevision *winner;

  idk_details_clear (self->page_box);
  g_hash_table_remove_all (self->choices);
  g_clear_pointer (&self->leaves, g_ptr_array_unref);
  g_clear_pointer (&self->offices, g_ptr_array_unref);
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  adw_window_title_set_title (self->page_title, "");
  adw_window_title_set_subtitle (self->page_title, "");

  if (uuid == NULL)
    return;

  self->leaves = idk_store_get_leaves (self->store, uuid, &error);
  if (self->leaves == NULL || self->leaves->len < 2)
    {
      g_clear_pointer (&self->leaves, g_ptr_array_unref);
      return;
    }
  winner = g_ptr_array_index (self->leaves, 0);
  self->offices = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->leaves->len; i++)
    g_ptr_array_add (self->offices,
                     idk_store_describe_office (self->store, ((IdkRevision *) self->leaves->pdata[i])->office));

  label = idk_store_get_record_label (self->store, uuid);
  subtitle = g_strdup_printf (ngettext ("%s · %u version", "%s · %u versions", self->leaves->len),
                              idk_record_type_label (winner->type), self->leaves->len);
  adw_window_title_set_title (self->page_title, label ? label : uuid);
  adw_window_title_set_subtitle (self->page_title, subtitle);
  idk_details_add_heading (self->page_box, label ? label : uuid, subtitle);

  text = idk_details_add_paragraph (self->page_box,
                                    _("Offices changed this record without knowing of each other's "
                                      "change. The first version is the one shown everywhere until "
                                      "the conflict is settled. Keep one version, or choose the values "
                                      "field by field and keep the selection; the offices you send "
                                      "bundles to will settle it the same way."));
  gtk_widget_add_css_class (text, "dim-label");
  gtk_label_set_selectable (GTK_LABEL (text), FALSE);

  /* The versions, side by side when there is room. */
  versions = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (versions), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (versions), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (versions), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (versions), 18);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (versions), 12);
  for (guint i = 0; i < self->leaves->len; i++)
    gtk_flow_box_append (GTK_FLOW_BOX (versions), version_header (self, i));
  gtk_box_append (self->page_box, versions);

  /* The fields the versions disagree on, to choose from; then the rest. */
  collect_fields (self);
  differences = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (self->page_box, differences);
  same = idk_details_add_section (self->page_box, _("The Same in Every Version"));
  for (guint f = 0; f < self->fields->len; f++)
    {
      const char *field = self->fields->pdata[f];

      if (!same_everywhere (self->leaves, field))
        add_choice (self, differences, field);
      else
        {
          g_autofree char *title = field_title (field);
          g_autofree char *value = format_value (self, json_object_get_member (winner->fields, field));

          idk_details_add_fact (same, title, value);
        }
    }

  /* Under the choices, where the eye is after making them. */
  button = gtk_button_new_with_mnemonic (_("Keep the _Selected Values"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "conflicts.keep-selected");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_box_insert_child_after (self->page_box, button, differences);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  IdkEntry *conflict = item;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  const char *count = strstr (idk_entry_get_subtitle (conflict), " · ");

  subtitle = g_strconcat (idk_record_type_label (idk_entry_get_kind (conflict)), count ? count : "", NULL);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), idk_entry_get_title (conflict));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (idk_entry_get_target_uuid (conflict)), g_free);
  return row;
}

static void
reload (IdkConflictsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = g_strdup (self->uuid);
  GtkListBoxRow *row;
  gboolean still_there = FALSE;

  g_clear_object (&self->conflicts);
  self->conflicts = idk_store_list_conflicts (self->store, &error);
  if (self->conflicts == NULL)
    {
      g_warning ("Cannot list the conflicts: %s", error->message);
      self->conflicts = G_LIST_MODEL (g_list_store_new (IDK_TYPE_ENTRY));
    }
  gtk_list_box_bind_model (self->list_box, self->conflicts, create_row, self, NULL);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (self->conflicts) > 0 ? "list" : "empty");

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, (int) i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "uuid"), shown) == 0)
      {
        gtk_list_box_select_row (self->list_box, row);
        still_there = TRUE;
      }

  /* The record shown was settled: show the next one, if any. */
  if (!still_there)
    {
      row = gtk_list_box_get_row_at_index (self->list_box, 0);
      if (row != NULL)
        gtk_list_box_select_row (self->list_box, row);
      show_record (self, row ? g_object_get_data (G_OBJECT (row), "uuid") : NULL);
    }
}

static void
on_row_activated_cb (IdkConflictsWindow *self,
                     GtkListBoxRow      *row)
{
  show_record (self, g_object_get_data (G_OBJECT (row), "uuid"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_store_changed_cb (IdkConflictsWindow *self)
{
  reload (self);
}

static void
resolve (IdkConflictsWindow *self,
         JsonObject         *fields,
         gboolean            deleted,
         const char         *done)
{
  g_autoptr(GError) error = NULL;

  if (!idk_store_resolve_conflict (self->store, self->uuid, fields, deleted, &error))
    {
      idk_details_report (GTK_WIDGET (self), _("Cannot Settle the Conflict"), error);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, idk_details_toast_new (done));
}

static void
keep_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IdkConflictsWindow *self = IDK_CONFLICTS_WINDOW (widget);
  const char *rev_id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->leaves != NULL && i < self->leaves->len; i++)
    {
      IdkRevision *leaf = g_ptr_array_index (self->leaves, i);

      if (g_str_equal (leaf->rev_id, rev_id))
        {
          g_autofree char *done = g_strdup_printf (_("Kept the version of %s"),
                                                   (const char *) g_ptr_array_index (self->offices, i));
          g_autoptr(JsonObject) fields = json_object_ref (leaf->fields);

          resolve (self, fields, leaf->deleted, done);
          return;
        }
    }
}

static void
keep_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IdkConflictsWindow *self = IDK_CONFLICTS_WINDOW (widget);
  g_autoptr(JsonObject) fields = json_object_new ();

  if (self->leaves == NULL)
    return;

  for (guint f = 0; f < self->fields->len; f++)
    {
      const char *field = self->fields->pdata[f];
      GPtrArray *buttons = g_hash_table_lookup (self->choices, field);
      IdkRevision *chosen = g_ptr_array_index (self->leaves, 0);
      JsonNode *node;

      for (guint i = 0; buttons != NULL && i < buttons->len; i++)
        if (gtk_check_button_get_active (buttons->pdata[i]))
          chosen = g_ptr_array_index (self->leaves, i);

      node = json_object_get_member (chosen->fields, field);
      if (node != NULL)
        json_object_set_member (fields, field, json_node_copy (node));
    }

  resolve (self, fields, FALSE, _("Kept the selected values"));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_navigate (IDK_CONFLICTS_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
idk_conflicts_window_dispose (GObject *object)
{
  IdkConflictsWindow *self = IDK_CONFLICTS_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), IDK_TYPE_CONFLICTS_WINDOW);
  g_clear_object (&self->conflicts);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (idk_conflicts_window_parent_class)->dispose (object);
}

static void
idk_conflicts_window_finalize (GObject *object)
{
  IdkConflictsWindow *self = IDK_CONFLICTS_WINDOW (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->leaves, g_ptr_array_unref);
  g_clear_pointer (&self->offices, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);

  G_OBJECT_CLASS (idk_conflicts_window_parent_class)->finalize (object);
}

static void
idk_conflicts_window_class_init (IdkConflictsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = idk_conflicts_window_dispose;
  object_class->finalize = idk_conflicts_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/iasmndesk/Desk/idk-conflicts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IdkConflictsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IdkConflictsWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, IdkConflictsWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IdkConflictsWindow, page_box);
  gtk_widget_class_bind_template_child (widget_class, IdkConflictsWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, IdkConflictsWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "conflicts.keep", "s", keep_action);
  gtk_widget_class_install_action (widget_class, "conflicts.keep-selected", NULL, keep_selected_action);
  gtk_widget_class_install_action (widget_class, "conflicts.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
idk_conflicts_window_init (IdkConflictsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (self->list_box, "row-activated", G_CALLBACK (on_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
}

IdkConflictsWindow *
idk_conflicts_window_new (GtkWindow *parent,
                          IdkStore  *store)
{
  IdkConflictsWindow *self;

  g_return_val_if_fail (IDK_IS_STORE (store), NULL);

  self = g_object_new (IDK_TYPE_CONFLICTS_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

/**
 * idk_conflicts_window_show_record:
 *
 * Shows the versions of one record in conflict, as selecting it does.
 */
void
idk_conflicts_window_show_record (IdkConflictsWindow *self,
                                  const char         *uuid)
{
  g_return_if_fail (IDK_IS_CONFLICTS_WINDOW (self));

  show_record (self, uuid);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

guint
idk_conflicts_window_get_n_conflicts (IdkConflictsWindow *self)
{
  g_return_val_if_fail (IDK_IS_CONFLICTS_WINDOW (self), 0);

  return g_list_model_get_n_items (self->conflicts);
}
