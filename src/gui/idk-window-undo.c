/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-details.h"
#include "idk-window-private.h"

/* Undo: the last change is offered in a toast, and Ctrl+Z takes it back
 * while the toast is shown.  Every change goes through the store, which
 * hands out what it changed (idk_store_take_last_change()); undoing it is
 * the store's too, so the window only offers it. */

void
_idk_window_clear_undo (IdkWindow *self)
{
  if (self->undo_destroy != NULL && self->undo_data != NULL)
    self->undo_destroy (self->undo_data);
  self->undo_func = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;
  g_clear_object (&self->undo_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
}

static void
on_undo_toast_dismissed_cb (IdkWindow *self,
                            AdwToast  *toast)
{
  /* Once the toast is gone, the change stands. */
  if (toast == self->undo_toast)
    _idk_window_clear_undo (self);
}

void
_idk_window_undo_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  idk_window_undo (IDK_WINDOW (widget));
}

/**
 * idk_window_offer_undo:
 * @title: what was done, e.g. "2 actions deleted"
 * @undo: what undoes it
 *
 * Shows a toast with an Undo button for the change just made; Ctrl+Z does
 * the same while the toast is shown.  A newer change replaces the offer.
 */
void
idk_window_offer_undo (IdkWindow      *self,
                       const char     *title,
                       IdkUndoFunc     undo,
                       gpointer        user_data,
                       GDestroyNotify  destroy)
{
  AdwToast *previous;

  g_return_if_fail (IDK_IS_WINDOW (self));
  g_return_if_fail (undo != NULL);

  previous = self->undo_toast ? g_object_ref (self->undo_toast) : NULL;
  _idk_window_clear_undo (self);
  if (previous != NULL)
    {
      adw_toast_dismiss (previous);
      g_object_unref (previous);
    }

  self->undo_func = undo;
  self->undo_data = user_data;
  self->undo_destroy = destroy;
  self->undo_toast = idk_details_toast_new (title);
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_action_name (self->undo_toast, "win.undo");
  adw_toast_set_timeout (self->undo_toast, 10);
  g_signal_connect_object (self->undo_toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);

  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->undo_toast));
}

/**
 * idk_window_undo:
 *
 * Undoes the change offered in the last toast, if it is still shown.
 *
 * Returns: whether there was something to undo
 */
gboolean
idk_window_undo (IdkWindow *self)
{
  IdkUndoFunc undo;
  gpointer data;
  AdwToast *toast;

  g_return_val_if_fail (IDK_IS_WINDOW (self), FALSE);

  if (self->undo_func == NULL)
    return FALSE;

  undo = self->undo_func;
  data = self->undo_data;
  toast = g_steal_pointer (&self->undo_toast);
  self->undo_data = NULL;
  undo (data);
  if (self->undo_destroy != NULL)
    self->undo_destroy (data);
  self->undo_func = NULL;
  self->undo_destroy = NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);

  if (toast != NULL)
    {
      adw_toast_dismiss (toast);
      g_object_unref (toast);
    }

  return TRUE;
}

typedef struct
{
  IdkWindow *window;    /* weak */
  IdkStore *store;
  IdkChange *change;
} Offer;

static void
offer_free (gpointer data)
{
  Offer *offer = data;

  g_clear_weak_pointer (&offer->window);
  g_clear_object (&offer->store);
  g_clear_object (&offer->change);
  g_free (offer);
}

static void
undo_change (gpointer data)
{
  Offer *offer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkChange) redo = NULL;

  if (idk_store_undo (offer->store, offer->change, &error))
    {
      /* The undo is a change too; what it did is not offered again. */
      redo = idk_store_take_last_change (offer->store);
      return;
    }

  if (offer->window != NULL)
    idk_window_add_toast (offer->window, idk_details_toast_new (error->message));
}

/**
 * idk_window_offer_change:
 * @widget: a widget of the window
 * @store: the store the change was made in
 * @title: what was done, e.g. "5 actions completed", as plain text
 *
 * Offers Undo, in a toast, for the change the store just made.  Nothing
 * is offered if the store made none (a save that changed nothing).
 *
 * Returns: whether a change was offered
 */
gboolean
idk_window_offer_change (GtkWidget  *widget,
                         IdkStore   *store,
                         const char *title)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(IdkChange) change = idk_store_take_last_change (store);
  Offer *offer;

  if (change == NULL || !IDK_IS_WINDOW (root))
    return FALSE;

  offer = g_new0 (Offer, 1);
  g_set_weak_pointer (&offer->window, IDK_WINDOW (root));
  offer->store = g_object_ref (store);
  offer->change = g_steal_pointer (&change);
  /* The toast escapes the title, which may quote a record's text. */
  idk_window_offer_undo (IDK_WINDOW (root), title, undo_change, offer, offer_free);
  return TRUE;
}
