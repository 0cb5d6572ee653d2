/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-core.h"

G_BEGIN_DECLS

#define EXIT_FAILED 1
#define EXIT_USAGE 2

extern const char usage_text[];

int       usage_error   (const char          *format,
                         ...) G_GNUC_PRINTF (1, 2);
int       failed        (GError              *error);
void      print_field   (GString             *line,
                         const char          *value);
void      print_fields  (const char * const  *fields,
                         guint                n_fields);
IdkStore *open_store    (const char          *path,
                         GError             **error);

/* Every field is printed, empty (NULL) ones included. */
#define print_row(...) \
  print_fields ((const char * const[]) { __VA_ARGS__ }, \
                sizeof ((const char * const[]) { __VA_ARGS__ }) / sizeof (const char *))

/* iasmn-exchange.c */
int run_office    (const char  *db,
                   char       **args);
int run_export    (const char  *db,
                   char       **args);
int run_import    (const char  *db,
                   char       **args);
int run_conflicts (const char  *db,
                   char       **args);
int run_dump      (const char  *db,
                   char       **args);

G_END_DECLS
