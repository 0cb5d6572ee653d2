/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Builders for the detail pages: headed sections of boxed-list rows.
 * Every text goes in as plain text, never as markup, because most of it
 * comes from the database and may have been imported from another office. */

void       idk_details_clear        (GtkBox     *box);
GtkWidget *idk_details_add_heading  (GtkBox     *box,
                                     const char *title,
                                     const char *subtitle);
GtkWidget *idk_details_add_section  (GtkBox     *box,
                                     const char *title);
GtkWidget *idk_details_add_row      (GtkWidget  *section,
                                     const char *title,
                                     const char *subtitle);
GtkWidget *idk_details_add_fact     (GtkWidget  *section,
                                     const char *label,
                                     const char *value);
GtkWidget *idk_details_add_paragraph (GtkBox    *box,
                                     const char *text);
GtkWidget *idk_details_text_button (const char *label,
                                     const char *action);
GtkWidget *idk_details_icon_button (const char *icon,
                                     const char *tooltip,
                                     const char *action,
                                     const char *target);
GtkWidget *idk_details_button_box  (void);
void       idk_details_report      (GtkWidget  *widget,
                                     const char *title,
                                     GError     *error);
GtkWidget *idk_details_pill_new     (const char *text,
                                     const char *style_class);
GtkFileFilter *idk_details_bundle_filter (void);
AdwToast  *idk_details_toast_new    (const char *text);
GtkFileChooserNative *idk_details_save_chooser_new (GtkWidget  *widget,
                                                    const char *title,
                                                    const char *filter_name,
                                                    const char *mime_type,
                                                    const char *pattern,
                                                    const char *current_name);
gboolean   idk_details_check        (GtkBox     *box,
                                     GError    **error);

G_END_DECLS
