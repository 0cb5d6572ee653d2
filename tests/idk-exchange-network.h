/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-test-util.h"

/* Three offices on real database files that exchange real bundle files,
 * for test-exchange and test-exchange-merge. */

typedef struct
{
  char *path;
  IdkStore *store;
} Office;

typedef struct
{
  char *dir;
  Office offices[3];
  guint n_bundles;
} Network;

void       network_set_up      (Network       *net,
                                gconstpointer  data);
void       network_tear_down   (Network       *net,
                                gconstpointer  data);
char      *export_bundle       (Network       *net,
                                Office        *from,
                                Office        *to,
                                guint         *n_revisions);
IdkImport *import_bundle       (Office        *office,
                                const char    *path);
char      *create_organization (Office        *office,
                                const char    *acronym,
                                const char    *name);
gboolean   save_changed        (Office        *office,
                                const char    *uuid,
                                const char    *member,
                                const char    *value,
                                GError       **error);
void       rename_record       (Office        *office,
                                const char    *uuid,
                                const char    *member,
                                const char    *value);
void       try_rename          (Office        *office,
                                const char    *uuid,
                                const char    *member,
                                const char    *value);

/* A test over a fresh network of three offices. */
#define NETWORK_ADD(path, func, data) \
  g_test_add (path, Network, data, network_set_up, func, network_tear_down)
