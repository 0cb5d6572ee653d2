/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-application.h"
#include "idk-cell-text.h"
#include "idk-window.h"
#include "idk-test-util.h"

G_BEGIN_DECLS

/* Helpers for tests that drive the real window under Xvfb and look for
 * what the user would see: widgets that are mapped on screen. */

typedef gboolean (*IdkWidgetPredicate) (GtkWidget *widget,
                                        gpointer   data);

static inline GtkWidget *
idk_gui_find (GtkWidget          *root,
              IdkWidgetPredicate  predicate,
              gpointer            data)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (predicate (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = idk_gui_find (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The text a widget shows: a label's, or a table cell's. */
static inline const char *
idk_gui_widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (IDK_IS_CELL_TEXT (widget))
    return idk_cell_text_get_text (IDK_CELL_TEXT (widget));
  return NULL;
}

static inline gboolean
idk_gui_label_contains (GtkWidget *widget,
                        gpointer   needle)
{
  const char *text = idk_gui_widget_text (widget);

  return text != NULL && strstr (text, needle) != NULL;
}

static inline gboolean
idk_gui_label_is (GtkWidget *widget,
                  gpointer   text)
{
  const char *shown = idk_gui_widget_text (widget);

  return shown != NULL && g_strcmp0 (shown, text) == 0;
}

/* Runs the main loop until a mapped widget under ROOT satisfies
 * PREDICATE, for at most a few seconds; fails the test otherwise. */
static inline GtkWidget *
idk_gui_wait_for (GtkWidget          *root,
                  IdkWidgetPredicate  predicate,
                  gpointer            data,
                  const char         *what)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *found;

  while ((found = idk_gui_find (root, predicate, data)) == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s did not appear", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  return found;
}

static inline GtkWidget *
idk_gui_wait_for_label (GtkWidget  *root,
                        const char *needle)
{
  g_autofree char *what = g_strdup_printf ("A label showing “%s”", needle);

  return idk_gui_wait_for (root, idk_gui_label_contains, (gpointer) needle, what);
}

/* As idk_gui_wait_for_label(), for a label showing exactly TEXT. */
static inline GtkWidget *
idk_gui_wait_for_text (GtkWidget  *root,
                       const char *text)
{
  g_autofree char *what = g_strdup_printf ("A label showing exactly “%s”", text);

  return idk_gui_wait_for (root, idk_gui_label_is, (gpointer) text, what);
}

static inline void
idk_gui_wait_until_gone (GtkWidget  *root,
                         const char *needle)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (idk_gui_find (root, idk_gui_label_contains, (gpointer) needle) != NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The label showing “%s” did not go", needle);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* Lets pending work (layout, timeouts such as the search entry's delay) run. */
static inline void
idk_gui_settle (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* The first shown top-level window of @type, within 10 s. */
static inline GtkWidget *
idk_gui_wait_for_window (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      GList *toplevels = gtk_window_list_toplevels ();
      GtkWidget *found = NULL;

      for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
        if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_mapped (l->data))
          found = l->data;
      g_list_free (toplevels);
      if (found != NULL)
        return found;
      if (g_get_monotonic_time () > deadline)
        g_error ("No %s was shown", g_type_name (type));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* A database with the default data and the real window on it, at the
 * size the screenshots show. */
typedef struct
{
  IdkTestFixture db;
  IdkWindow *window;
} GuiFixture;

static inline void
gui_set_up (GuiFixture    *fixture,
            gconstpointer  data)
{
  idk_test_fixture_set_up_defaults (&fixture->db, data);
  fixture->window = idk_window_new (NULL, fixture->db.store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static inline void
gui_tear_down (GuiFixture    *fixture,
               gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  idk_gui_settle (10);
  idk_test_fixture_tear_down (&fixture->db, data);
}

static inline GtkWidget *
show_view (GuiFixture *fixture,
           const char *name)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), "win.view", g_variant_new_string (name));
  g_assert_cmpstr (idk_window_get_view (fixture->window), ==, name);
  return idk_window_get_view_widget (fixture->window, name);
}

static inline gboolean
is_button_labelled (GtkWidget *widget,
                    gpointer   label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static inline gboolean
is_note_entry (GtkWidget *widget,
               gpointer   data)
{
  return GTK_IS_ENTRY (widget) && !GTK_IS_SEARCH_ENTRY (widget) &&
         g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), "Note (what was done)") == 0;
}

static inline void
idk_gui_init (int    *argc,
              char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  idk_application_ensure_resources ();
}

G_END_DECLS
