/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      idk_keyring_store_password         (const char          *url,
                                              const char          *user,
                                              const char          *password,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean  idk_keyring_store_password_finish  (GAsyncResult        *result,
                                              GError             **error);
void      idk_keyring_lookup_password        (const char          *url,
                                              const char          *user,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
char     *idk_keyring_lookup_password_finish (GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
