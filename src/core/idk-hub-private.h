/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "idk-hub.h"

G_BEGIN_DECLS

/* Shared by idk-hub.c (push, pull) and idk-hub-rules.c (the server's rules). */

/* Shared by the files of IdkHub: idk-hub.c (the object), idk-hub-http.c
 * (requests and sign-in), idk-hub-sync.c (push and pull). */
struct _IdkHub
{
  GObject parent_instance;
  char *url;            /* the database's, without a trailing "/" */
  char *uuid;           /* stands for the hub among the offices */
  char *user;
  char *password;
  char *authorization;  /* the Basic header, or NULL */
  char *cookie;         /* "AuthSession=…" once signed in, or NULL */
  gboolean basic_only;  /* the server has no _session */
  SoupSession *session;
  IdkHubNotify notify;
  gpointer notify_data;
  IdkHubProgress progress;
  gpointer progress_data;
  GPtrArray *pulled_from;  /* the names of the offices whose bundles arrived */
};


#define ATTACHMENT "bundle.iasmn"
#define SIGNATURE_ATTACHMENT "bundle.iasmn.minisig"

GBytes   *_idk_hub_request       (IdkHub        *self,
                                  const char    *method,
                                  const char    *path,
                                  GBytes        *body,
                                  guint         *status,
                                  GCancellable  *cancellable,
                                  GError       **error);
gboolean  _idk_hub_refuse_status (IdkHub        *self,
                                  guint          status,
                                  GError       **error);
JsonNode *_idk_hub_parse         (IdkHub        *self,
                                  GBytes        *bytes,
                                  GError       **error);
JsonNode *_idk_hub_get_json      (IdkHub        *self,
                                  const char    *path,
                                  GCancellable  *cancellable,
                                  GError       **error);
void      _idk_hub_tell          (IdkHub        *self,
                                  const char    *format,
                                  ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
