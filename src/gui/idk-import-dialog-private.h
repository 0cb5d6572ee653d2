/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "idk-core.h"
#include "idk-import-dialog.h"

G_BEGIN_DECLS

/* Shared by idk-import-dialog.c and idk-import-dialog-signer.c. */
typedef enum
{
  STATE_READING,
  STATE_READY,
  STATE_APPLYING,
  STATE_FINISHED,
} State;

struct _IdkImportDialog
{
  AdwWindow parent_instance;

  IdkWindow *window;     /* weak */
  IdkStore *store;       /* the window's */
  IdkStore *connection;  /* the worker's */
  IdkImport *import;
  GFile *file;
  GCancellable *cancellable;
  State state;
  double fraction;

  /* Template widgets */
  GtkButton *apply_button;
  GtkButton *cancel_button;
  AdwPreferencesGroup *counts_group;
  GtkProgressBar *progress_bar;
  GtkLabel *summary_label;
  GtkLabel *title_label;
  GtkBox *signer_box;
  GtkImage *signer_icon;
  GtkLabel *signer_label;
  GtkButton *trust_button;
  GtkCheckButton *accept_check;
  gboolean key_trusted;   /* by the user, from this dialog */
};

void _idk_import_dialog_update_apply (IdkImportDialog *self);
void _idk_import_dialog_show_signer  (IdkImportDialog *self);
void _idk_import_dialog_trust_key    (GtkWidget       *widget,
                                      const char      *action_name,
                                      GVariant        *parameter);

G_END_DECLS
