/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iasmn"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <gio/gunixoutputstream.h>

#include "iasmn-cli.h"

/* The commands of exchange between offices: office, export, import,
 * conflicts, dump. */

/* Takes "--name VALUE" or "--name=VALUE" at args[*i]; FALSE if it is not
 * that option. */
static gboolean
take_option (char       **args,
             guint       *i,
             const char  *name,
             const char **value)
{
  gsize length = strlen (name);

  if (g_str_equal (args[*i], name) && args[*i + 1] != NULL)
    {
      *value = args[++*i];
      return TRUE;
    }
  if (strncmp (args[*i], name, length) == 0 && args[*i][length] == '=')
    {
      *value = args[*i] + length + 1;
      return TRUE;
    }
  return FALSE;
}

static int
office_show (IdkStore *store)
{
  g_autofree char *name = idk_store_get_office_name (store);
  g_autofree char *organization = idk_store_get_office_organization (store);
  g_autofree char *acronym = NULL;

  if (organization != NULL && *organization != '\0')
    {
      g_autoptr(GListModel) all = idk_store_list_organizations (store, NULL, NULL);

      for (guint i = 0; all != NULL && i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(IdkOrganization) o = g_list_model_get_item (all, i);

          if (g_str_equal (idk_organization_get_uuid (o), organization))
            acronym = g_strdup (idk_organization_get_acronym (o));
        }
    }

  print_row ("uuid", idk_store_get_office_uuid (store));
  print_row ("name", name);
  print_row ("organization", acronym);
  return EXIT_SUCCESS;
}

static int
office_set (IdkStore  *store,
            char     **args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *organization = NULL;
  const char *name = NULL;
  const char *acronym = NULL;

  for (guint i = 0; args[i] != NULL; i++)
    if (!take_option (args, &i, "--name", &name) &&
        !take_option (args, &i, "--organization", &acronym))
      return usage_error ("unknown option “%s”", args[i]);

  if (name == NULL)
    return usage_error ("office set needs --name NAME");

  if (acronym != NULL && !(organization = idk_store_find_organization (store, acronym)))
    {
      fprintf (stderr, "iasmn: No organization “%s” (see iasmn list organizations)\n", acronym);
      return EXIT_FAILED;
    }

  if (!idk_store_set_office (store, name, organization, &error))
    return failed (error);

  return office_show (store);
}

static int
office_list (IdkStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) offices = idk_store_list_offices (store, &error);

  if (offices == NULL)
    return failed (error);

  print_row ("uuid", "name", "organization", "details");
  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(IdkEntry) office = g_list_model_get_item (offices, i);

      print_row (idk_entry_get_target_uuid (office), idk_entry_get_title (office),
                 idk_entry_get_group (office), idk_entry_get_subtitle (office));
    }

  return EXIT_SUCCESS;
}

int
run_office (const char  *db,
            char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  const char *what = args[0];

  if (what == NULL)
    return usage_error ("office needs show, set or list");
  if (!g_str_equal (what, "show") && !g_str_equal (what, "set") && !g_str_equal (what, "list"))
    return usage_error ("unknown office command “%s”", what);
  if (!g_str_equal (what, "set") && args[1] != NULL)
    return usage_error ("office %s takes no arguments, not “%s”", what, args[1]);

  if (!(store = open_store (db, &error)))
    return failed (error);

  if (g_str_equal (what, "show"))
    return office_show (store);
  if (g_str_equal (what, "list"))
    return office_list (store);
  return office_set (store, args + 1);
}

int
run_export (const char  *db,
            char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  const char *path = NULL;
  const char *recipient = NULL;
  gint64 seq = 0;
  guint n_revisions = 0;

  for (guint i = 0; args[i] != NULL; i++)
    {
      if (take_option (args, &i, "--for", &recipient))
        continue;
      if (args[i][0] == '-' || path != NULL)
        return usage_error ("unexpected “%s”", args[i]);
      path = args[i];
    }
  if (path == NULL)
    return usage_error ("export needs a FILE");
  if (recipient != NULL && !g_uuid_string_is_valid (recipient))
    return usage_error ("--for needs an office UUID, not “%s”", recipient);

  if (!(store = open_store (db, &error)) ||
      !idk_store_export (store, path, recipient, &seq, &n_revisions, &error))
    return failed (error);

  printf ("Wrote bundle %" G_GINT64_FORMAT " (%u revisions) to %s\n", seq, n_revisions, path);
  return EXIT_SUCCESS;
}

int
run_import (const char  *db,
            char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(IdkImport) import = NULL;
  g_autofree char *preview = NULL;
  const char *path = NULL;
  gboolean dry_run = FALSE;

  for (guint i = 0; args[i] != NULL; i++)
    {
      if (g_str_equal (args[i], "--dry-run"))
        dry_run = TRUE;
      else if (args[i][0] == '-' || path != NULL)
        return usage_error ("unexpected “%s”", args[i]);
      else
        path = args[i];
    }
  if (path == NULL)
    return usage_error ("import needs a FILE");

  if (!(store = open_store (db, &error)))
    return failed (error);

  import = idk_import_new (store, path);
  if (dry_run ? !idk_import_prepare (import, NULL, NULL, NULL, &error)
              : !idk_import_apply (import, NULL, NULL, NULL, &error))
    return failed (error);

  preview = idk_import_describe (import);
  fputs (preview, stdout);

  if (idk_import_is_already_imported (import))
    return EXIT_SUCCESS;
  if (dry_run)
    {
      puts ("Dry run: nothing was written");
      return EXIT_SUCCESS;
    }

  printf ("Imported %u new revisions\n", idk_import_get_n_new_revisions (import));
  return EXIT_SUCCESS;
}

static void
print_conflict (IdkStore   *store,
                IdkEntry   *conflict,
                GPtrArray  *leaves)
{
  g_autoptr(GString) line = g_string_new (NULL);
  IdkRevision *winner = g_ptr_array_index (leaves, 0);
  g_autoptr(GList) names = json_object_get_members (winner->fields);

  printf ("## %s %s “%s”: %u versions\n", idk_entry_get_kind (conflict),
          idk_entry_get_target_uuid (conflict), idk_entry_get_title (conflict), leaves->len);

  g_string_append (line, " \tfield");
  for (guint i = 0; i < leaves->len; i++)
    {
      IdkRevision *leaf = g_ptr_array_index (leaves, i);

      g_string_append_printf (line, "\t%s%s%s", leaf->rev_id, i == 0 ? " (winning)" : "",
                              leaf->deleted ? " (deleted)" : "");
    }
  puts (line->str);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *first = NULL;
      gboolean differs = FALSE;

      g_string_truncate (line, 0);
      for (guint i = 0; i < leaves->len; i++)
        {
          IdkRevision *leaf = g_ptr_array_index (leaves, i);
          JsonNode *node = json_object_get_member (leaf->fields, l->data);
          g_autofree char *value = node ? json_to_string (node, FALSE) : g_strdup ("");

          if (i == 0)
            first = g_strdup (value);
          else if (!g_str_equal (first, value))
            differs = TRUE;
          g_string_append_c (line, '\t');
          print_field (line, value);
        }
      printf ("%s\t%s%s\n", differs ? "*" : " ", (const char *) l->data, line->str);
    }
}

static int
conflicts_resolve (IdkStore  *store,
                   char     **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) leaves = NULL;
  const char *record = args[0];
  const char *keep = NULL;

  if (record == NULL || record[0] == '-')
    return usage_error ("conflicts resolve needs a RECORD UUID");
  for (guint i = 1; args[i] != NULL; i++)
    if (!take_option (args, &i, "--keep", &keep))
      return usage_error ("unknown option “%s”", args[i]);
  if (keep == NULL)
    return usage_error ("conflicts resolve needs --keep REVISION");

  if (!(leaves = idk_store_get_leaves (store, record, &error)))
    return failed (error);

  for (guint i = 0; i < leaves->len; i++)
    {
      IdkRevision *leaf = g_ptr_array_index (leaves, i);

      if (g_str_equal (leaf->rev_id, keep))
        {
          if (!idk_store_resolve_conflict (store, record, leaf->fields, leaf->deleted, &error))
            return failed (error);
          printf ("Kept %s for %s\n", keep, record);
          return EXIT_SUCCESS;
        }
    }

  fprintf (stderr, "iasmn: %s is not one of the versions of %s\n", keep, record);
  return EXIT_FAILED;
}

int
run_conflicts (const char  *db,
               char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(GListModel) conflicts = NULL;

  if (args[0] != NULL && !g_str_equal (args[0], "resolve"))
    return usage_error ("unknown conflicts command “%s”", args[0]);

  if (!(store = open_store (db, &error)))
    return failed (error);

  if (args[0] != NULL)
    return conflicts_resolve (store, args + 1);

  if (!(conflicts = idk_store_list_conflicts (store, &error)))
    return failed (error);

  printf ("%u records in conflict\n", g_list_model_get_n_items (conflicts));
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(IdkEntry) conflict = g_list_model_get_item (conflicts, i);
      g_autoptr(GPtrArray) leaves = idk_store_get_leaves (store, idk_entry_get_target_uuid (conflict), &error);

      if (leaves == NULL)
        return failed (error);
      print_conflict (store, conflict, leaves);
    }

  return EXIT_SUCCESS;
}

int
run_dump (const char  *db,
          char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(GOutputStream) out = NULL;

  if (args[0] != NULL)
    return usage_error ("dump takes no arguments, not “%s”", args[0]);

  if (!(store = open_store (db, &error)))
    return failed (error);

  out = g_unix_output_stream_new (fileno (stdout), FALSE);
  if (!idk_store_dump (store, out, &error))
    return failed (error);

  return EXIT_SUCCESS;
}
