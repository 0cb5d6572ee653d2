/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-core.h"

G_BEGIN_DECLS

#define EXIT_FAILED 1
#define EXIT_USAGE 2

/* One command of iasmn: its options (GOptionContext, as gio's commands
 * have), what it takes after them, and what runs it with those. */
typedef struct
{
  const char *name;
  const char *parameters;       /* e.g. "FILE", shown in the usage line */
  const char *summary;          /* untranslated */
  const char *description;      /* untranslated, or NULL */
  const GOptionEntry *entries;  /* may be NULL */
  int (*run) (const char *db, char **args);
} IasmnCommand;

extern const IasmnCommand iasmn_list_commands[];
extern const IasmnCommand iasmn_exchange_commands[];
extern const IasmnCommand iasmn_edit_commands[];
extern const IasmnCommand iasmn_session_commands[];
extern const IasmnCommand iasmn_key_commands[];
extern const IasmnCommand iasmn_report_commands[];
extern const IasmnCommand iasmn_hub_commands[];

int       usage_error   (const char          *format,
                         ...) G_GNUC_PRINTF (1, 2);
int       failed        (GError              *error);
int       refused       (GError              *error);
void      print_field   (GString             *line,
                         const char          *value);
void      print_fields  (const char * const  *fields,
                         guint                n_fields);
IdkStore *open_store    (const char          *path,
                         GError             **error);
void      set_open_flags (IdkStoreOpenFlags   flags);
int       run_command    (const char          *name,
                          const char          *db,
                          int                  argc,
                          char               **argv);
void      print_usage    (FILE                *out);

/* Every field is printed, empty (NULL) ones included. */
#define print_row(...) \
  print_fields ((const char * const[]) { __VA_ARGS__ }, \
                sizeof ((const char * const[]) { __VA_ARGS__ }) / sizeof (const char *))

G_END_DECLS
