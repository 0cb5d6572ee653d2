/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sys/wait.h>

#include "idk-test-util.h"

G_BEGIN_DECLS

/* Running the iasmn command as a user runs it. */

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static inline void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static inline char *
cli_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "iasmn", NULL);
}

static inline void
run_cli (Run         *run,
         const char  *env_db,
         const char  *first,
         ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) envp = g_get_environ ();
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, cli_path ());
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "IASMN_DESK_DB");
  if (env_db != NULL)
    envp = g_environ_setenv (envp, "IASMN_DESK_DB", env_db, TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

G_END_DECLS
