/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "idk-store.h"

G_BEGIN_DECLS

#define IDK_HUB_ERROR (idk_hub_error_quark ())

typedef enum
{
  IDK_HUB_ERROR_UNREACHABLE,    /* no answer, or the connection dropped, after the retries */
  IDK_HUB_ERROR_DENIED,         /* wrong user or password, or no right to write */
  IDK_HUB_ERROR_NO_DATABASE,    /* the server has no such database */
  IDK_HUB_ERROR_FORGED,         /* the hub holds another bundle under one of this office's numbers */
  IDK_HUB_ERROR_PROTOCOL,       /* an answer the client cannot read */
} IdkHubError;

/* What one sync did. */
typedef struct
{
  guint pushed;                 /* bundles written to the hub */
  guint pulled;                 /* bundles imported from it */
  guint known;                  /* bundles read that were imported before, or this office's own */
} IdkHubCounts;

/* Told of each bundle as it goes, as a line a person reads. */
typedef void (*IdkHubNotify) (const char *line,
                              gpointer    user_data);

/* Told of the pull's progress: @done bundles of the feed's @total. */
typedef void (*IdkHubProgress) (guint    done,
                                guint    total,
                                gpointer user_data);

#define IDK_TYPE_HUB (idk_hub_get_type ())
G_DECLARE_FINAL_TYPE (IdkHub, idk_hub, IDK, HUB, GObject)

GQuark      idk_hub_error_quark (void);
IdkHub     *idk_hub_new         (const char    *url,
                                 const char    *user,
                                 const char    *password);
const char *idk_hub_get_uuid    (IdkHub        *self);
void        idk_hub_set_notify  (IdkHub        *self,
                                 IdkHubNotify   notify,
                                 gpointer       user_data);
void        idk_hub_set_progress (IdkHub       *self,
                                 IdkHubProgress progress,
                                 gpointer       user_data);
const char *idk_hub_get_signed_in (IdkHub      *self);
const char * const *idk_hub_get_pulled_from (IdkHub *self);
gboolean    idk_hub_check       (IdkHub        *self,
                                 gint64        *n_documents,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean    idk_hub_push        (IdkHub        *self,
                                 IdkStore      *store,
                                 IdkHubCounts  *counts,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean    idk_hub_install_rules (IdkHub      *self,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean    idk_hub_pull        (IdkHub        *self,
                                 IdkStore      *store,
                                 IdkHubCounts  *counts,
                                 GCancellable  *cancellable,
                                 GError       **error);

G_END_DECLS
