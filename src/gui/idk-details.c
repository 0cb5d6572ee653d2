/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-details"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-core.h"
#include "idk-details.h"

void
idk_details_clear (GtkBox *box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
plain_label (const char *text,
             const char *style_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Wrapped text asks for a readable width, not the width of its longest line. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);

  return label;
}

/* The title of a page: a large title and a line under it.  Neither is
 * selectable: a selectable label takes the focus, and the page would
 * scroll to it. */
GtkWidget *
idk_details_add_heading (GtkBox     *box,
                         const char *title,
                         const char *subtitle)
{
  GtkWidget *heading;
  GtkWidget *label;

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = plain_label (title, "title-1");
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_box_append (GTK_BOX (heading), label);

  if (subtitle != NULL && *subtitle != '\0')
    {
      label = plain_label (subtitle, "dim-label");
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_box_append (GTK_BOX (heading), label);
    }

  gtk_box_append (box, heading);
  return heading;
}

/* A heading and a boxed list under it; returns the list for the rows. */
GtkWidget *
idk_details_add_section (GtkBox     *box,
                         const char *title)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading;

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  heading = plain_label (title, "heading");
  gtk_label_set_selectable (GTK_LABEL (heading), FALSE);
  gtk_box_append (GTK_BOX (section), heading);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (section), list);
  gtk_box_append (box, section);

  return list;
}

GtkWidget *
idk_details_add_row (GtkWidget  *section,
                     const char *title,
                     const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  g_return_val_if_fail (GTK_IS_LIST_BOX (section), NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Long texts wrap instead of being cut off. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_append (GTK_LIST_BOX (section), row);

  return row;
}

/* A row showing one fact: its name as the title, the value as a label. */
GtkWidget *
idk_details_add_fact (GtkWidget  *section,
                      const char *label,
                      const char *value)
{
  GtkWidget *row;
  GtkWidget *value_label;

  if (value == NULL || *value == '\0')
    return NULL;

  row = idk_details_add_row (section, label, NULL);
  gtk_widget_add_css_class (row, "property");
  value_label = plain_label (value, NULL);
  gtk_label_set_xalign (GTK_LABEL (value_label), 1.0f);
  gtk_label_set_justify (GTK_LABEL (value_label), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_widget_set_valign (value_label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label);

  return row;
}

GtkWidget *
idk_details_add_paragraph (GtkBox     *box,
                           const char *text)
{
  GtkWidget *label = plain_label (text, "body");

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  gtk_box_append (box, label);
  return label;
}

/* A small rounded status label, coloured by STYLE_CLASS (style.css). */
GtkWidget *
idk_details_pill_new (const char *text,
                      const char *style_class)
{
  GtkWidget *pill = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (pill), text);
  gtk_widget_add_css_class (pill, "pill");
  if (style_class != NULL)
    gtk_widget_add_css_class (pill, style_class);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (pill, GTK_ALIGN_START);

  return pill;
}

/* A button activating ACTION, for the pages' buttons. */
GtkWidget *
idk_details_text_button (const char *label,
                         const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/* A flat icon button for a row, named for screen readers; TARGET is the
 * action's string parameter, if any. */
GtkWidget *
idk_details_icon_button (const char *icon,
                         const char *tooltip,
                         const char *action,
                         const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

/* A row of buttons under a page's title that wraps at phone width. */
GtkWidget *
idk_details_button_box (void)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 4);
  return box;
}

/* Tells the user why a change could not be made. */
void
idk_details_report (GtkWidget  *widget,
                    const char *title,
                    GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title, NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * idk_details_bundle_filter:
 *
 * Returns: (transfer full): the file chooser's filter for bundles
 */
GtkFileFilter *
idk_details_bundle_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("IASMN Desk bundles"));
  gtk_file_filter_add_mime_type (filter, IDK_BUNDLE_MIME_TYPE);
  gtk_file_filter_add_pattern (filter, "*" IDK_BUNDLE_EXTENSION);
  return filter;
}

/**
 * idk_details_check:
 * @error: the error of the last query for the page, cleared here
 *
 * A part of a page that could not be read is said on the page, not only
 * logged, and the next query starts with no error.
 *
 * Returns: whether there was no error
 */
gboolean
idk_details_check (GtkBox  *box,
                   GError **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_BOX (box), FALSE);

  if (error == NULL || *error == NULL)
    return TRUE;

  /* Translators: %s says why, e.g. "Database error: disk I/O error" */
  text = g_strdup_printf (_("Part of this page cannot be shown: %s"), (*error)->message);
  gtk_widget_add_css_class (idk_details_add_paragraph (box, text), "error");
  g_clear_error (error);
  return FALSE;
}

/**
 * idk_details_toast_new:
 * @text: plain text
 *
 * libadwaita 1.2 reads a toast's title as Pango markup, and toasts name
 * files, offices and records that come from elsewhere: every toast goes
 * through here, escaped, so that "<b>x</b>" shows as written.
 *
 * Returns: (transfer full): the toast
 */
AdwToast *
idk_details_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/**
 * idk_details_save_chooser_new:
 * @widget: a widget of the window the chooser is modal on
 * @pattern: e.g. "*.csv", the file filter with @mime_type
 *
 * Returns: (transfer full): a modal chooser of where to save a file, not
 *   shown yet
 */
GtkFileChooserNative *
idk_details_save_chooser_new (GtkWidget  *widget,
                              const char *title,
                              const char *filter_name,
                              const char *mime_type,
                              const char *pattern,
                              const char *current_name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}
