/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-accountability-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-accountability-view.h"
#include "idk-details.h"

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

  if ((holders = idk_store_list_actor_holders (store, idk_actor_get_uuid (actor), &error)))
    idk_split_view_add_entries (self, details, holders, FALSE);

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

  if (error != NULL)
    g_warning ("Cannot show %s: %s", idk_actor_get_code (actor), error->message);
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
