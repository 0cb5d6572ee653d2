/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "idk-cli-test-util.h"

/* A CouchDB hub for the tests: pouchdb-server (npm, in memory, on
 * 127.0.0.1 and a free port), installed under _build/npm by
 * build-aux/test and started and stopped by each test.  A test that
 * cannot start it fails: it is what these tests are about. */

#define N_OFFICES 3

typedef struct
{
  char *dir;
  GSubprocess *server;
  char *base;              /* http://127.0.0.1:PORT */
  char *url;               /* the hub's database */
  IdkStore *offices[N_OFFICES];
  SoupSession *http;
  gboolean users;          /* an administrator and members, not admin party */
  char *authorization;     /* the fixture's own, the administrator's */
} Hub;

/* With users (hub_set_up_users): the administrator, and one member per
 * office, each with the role "office". */
#define HUB_ADMIN "admin"
#define HUB_ADMIN_PASSWORD "admin-secret"
#define HUB_MEMBER_PASSWORD "member-secret"
extern const char *const hub_members[N_OFFICES];

guint16      hub_free_port       (void);
guint        hub_http            (Hub          *hub,
                                  const char   *method,
                                  const char   *url,
                                  const char   *body,
                                  char        **answer);
void         hub_set_up          (Hub          *hub,
                                  gconstpointer data);
void         hub_set_up_users    (Hub          *hub,
                                  gconstpointer data);
void         hub_tear_down       (Hub          *hub,
                                  gconstpointer data);
IdkHub      *hub_client          (Hub          *hub,
                                  guint         office);
IdkHubCounts hub_sync_office     (Hub          *hub,
                                  guint         office);
void         hub_alter_bundle    (Hub          *hub,
                                  guint         office,
                                  gint64        seq,
                                  const char   *text);
void         hub_edit            (IdkStore     *store,
                                  const char   *reference,
                                  const char   *topic);
