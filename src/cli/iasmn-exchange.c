/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iasmn"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <gio/gunixoutputstream.h>

#include "iasmn-cli.h"

/* The commands of exchange between offices: office, export, import,
 * conflicts, dump. */

static char *office_name;
static char *office_organization;
static char *export_for;
static gboolean import_dry_run;
static gboolean import_accept_unsigned;
static char *conflict_keep;

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
office_set (IdkStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *organization = NULL;

  if (office_organization != NULL && !(organization = idk_store_find_organization (store, office_organization)))
    {
      fprintf (stderr, _("iasmn: No organization “%s” (see iasmn list organizations)\n"), office_organization);
      return EXIT_FAILED;
    }

  if (!idk_store_set_office (store, office_name, organization, &error))
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

static int
run_office (const char  *db,
            char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  const char *what = args[0];

  if (what == NULL)
    return usage_error (_("office needs show, set or list"));
  if (!g_str_equal (what, "show") && !g_str_equal (what, "set") && !g_str_equal (what, "list"))
    return usage_error (_("unknown office command “%s”"), what);
  if (args[1] != NULL)
    return usage_error (_("office %s takes no arguments, not “%s”"), what, args[1]);
  if (g_str_equal (what, "set") && office_name == NULL)
    return usage_error (_("office set needs --name NAME"));
  if (!g_str_equal (what, "set") && (office_name != NULL || office_organization != NULL))
    return usage_error (_("--name and --organization are for office set"));

  if (!(store = open_store (db, &error)))
    return failed (error);

  if (g_str_equal (what, "show"))
    return office_show (store);
  if (g_str_equal (what, "list"))
    return office_list (store);
  return office_set (store);
}

static int
run_export (const char  *db,
            char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  const char *path = args[0];
  gint64 seq = 0;
  guint n_revisions = 0;
  char seq_text[24];

  if (path == NULL)
    return usage_error (_("export needs a FILE"));
  if (args[1] != NULL)
    return usage_error (_("unexpected “%s”"), args[1]);
  if (export_for != NULL && !g_uuid_string_is_valid (export_for))
    return usage_error (_("--for needs an office UUID, not “%s”"), export_for);

  if (!(store = open_store (db, &error)) ||
      !idk_store_export (store, path, export_for, &seq, &n_revisions, &error))
    return failed (error);

  g_snprintf (seq_text, sizeof seq_text, "%" G_GINT64_FORMAT, seq);
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote bundle %s (%u revision) to %s\n",
                       "Wrote bundle %s (%u revisions) to %s\n", n_revisions),
          seq_text, n_revisions, path);
  {
    g_autofree char *fingerprint = idk_store_get_key_fingerprint (store);
    g_autofree char *grouped = idk_key_format_fingerprint (fingerprint);

    printf (_("Signed with key %s in %s.minisig\n"), grouped, path);
  }
  return EXIT_SUCCESS;
}

static int
run_import (const char  *db,
            char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(IdkImport) import = NULL;
  g_autofree char *preview = NULL;
  const char *path = args[0];
  gboolean dry_run = import_dry_run;

  if (path == NULL)
    return usage_error (_("import needs a FILE"));
  if (args[1] != NULL)
    return usage_error (_("unexpected “%s”"), args[1]);

  if (!(store = open_store (db, &error)))
    return failed (error);

  import = idk_import_new (store, path);
  idk_import_set_accept_untrusted (import, import_accept_unsigned);
  if (dry_run ? !idk_import_prepare (import, NULL, NULL, NULL, &error)
              : !idk_import_apply (import, NULL, NULL, NULL, &error))
    {
      failed (error);
      if (g_error_matches (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_UNTRUSTED))
        fprintf (stderr, _("iasmn: to import it anyway, for this once: iasmn import %s --accept-unsigned\n"), path);
      return EXIT_FAILED;
    }

  preview = idk_import_describe (import);
  {
    g_autofree char *signer = idk_import_describe_signer (import);

    printf (_("Signature: %s\n"), signer);
  }
  fputs (preview, stdout);
  if (import_accept_unsigned && !dry_run && !idk_import_is_already_imported (import) &&
      idk_import_get_trust (import) != IDK_TRUST_TRUSTED)
    puts (_("Accepted without a trusted signature, as asked: the bundle’s record says so"));

  if (idk_import_is_already_imported (import))
    return EXIT_SUCCESS;
  if (dry_run)
    {
      if (!import_accept_unsigned && idk_import_get_trust (import) != IDK_TRUST_TRUSTED)
        puts (_("Without a trusted signature, importing it needs --accept-unsigned"));
      puts (_("Dry run: nothing was written"));
      return EXIT_SUCCESS;
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u new revision\n", "Imported %u new revisions\n",
                       idk_import_get_n_new_revisions (import)),
          idk_import_get_n_new_revisions (import));
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
  const char *keep = conflict_keep;

  if (record == NULL)
    return usage_error (_("conflicts resolve needs a RECORD UUID"));
  if (args[1] != NULL)
    return usage_error (_("unexpected “%s”"), args[1]);
  if (keep == NULL)
    return usage_error (_("conflicts resolve needs --keep REVISION"));

  if (!(leaves = idk_store_get_leaves (store, record, &error)))
    return failed (error);

  for (guint i = 0; i < leaves->len; i++)
    {
      IdkRevision *leaf = g_ptr_array_index (leaves, i);

      if (g_str_equal (leaf->rev_id, keep))
        {
          if (!idk_store_resolve_conflict (store, record, leaf->fields, leaf->deleted, &error))
            return failed (error);
          printf (_("Kept %s for %s\n"), keep, record);
          return EXIT_SUCCESS;
        }
    }

  fprintf (stderr, _("iasmn: %s is not one of the versions of %s\n"), keep, record);
  return EXIT_FAILED;
}

static int
run_conflicts (const char  *db,
               char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(GListModel) conflicts = NULL;

  if (args[0] != NULL && !g_str_equal (args[0], "resolve"))
    return usage_error (_("unknown conflicts command “%s”"), args[0]);
  if (args[0] == NULL && conflict_keep != NULL)
    return usage_error (_("--keep is for conflicts resolve"));

  if (!(store = open_store (db, &error)))
    return failed (error);

  if (args[0] != NULL)
    return conflicts_resolve (store, args + 1);

  if (!(conflicts = idk_store_list_conflicts (store, &error)))
    return failed (error);

  printf (g_dngettext (GETTEXT_PACKAGE, "%u record in conflict\n", "%u records in conflict\n",
                       g_list_model_get_n_items (conflicts)),
          g_list_model_get_n_items (conflicts));
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

static int
run_dump (const char  *db,
          char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(GOutputStream) out = NULL;

  if (args[0] != NULL)
    return usage_error (_("dump takes no arguments, not “%s”"), args[0]);

  if (!(store = open_store (db, &error)))
    return failed (error);

  out = g_unix_output_stream_new (fileno (stdout), FALSE);
  if (!idk_store_dump (store, out, &error))
    return failed (error);

  return EXIT_SUCCESS;
}

static const GOptionEntry office_entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, &office_name, N_("The office’s name (office set)"), N_("NAME") },
  { "organization", 0, 0, G_OPTION_ARG_STRING, &office_organization,
    N_("The organization it belongs to, by acronym (office set)"), N_("ACRONYM") },
  { NULL }
};

static const GOptionEntry export_entries[] = {
  { "for", 0, 0, G_OPTION_ARG_STRING, &export_for, N_("Only what this office has not acknowledged yet"),
    N_("OFFICE_UUID") },
  { NULL }
};

static const GOptionEntry import_entries[] = {
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &import_dry_run, N_("Check and show what it changes; write nothing"),
    NULL },
  { "accept-unsigned", 0, 0, G_OPTION_ARG_NONE, &import_accept_unsigned,
    N_("Take it even if it is unsigned or signed by a key this office does not trust (recorded)"), NULL },
  { NULL }
};

static const GOptionEntry conflicts_entries[] = {
  { "keep", 0, 0, G_OPTION_ARG_STRING, &conflict_keep, N_("The version to keep (conflicts resolve)"),
    N_("REVISION") },
  { NULL }
};

const IasmnCommand iasmn_exchange_commands[] = {
  { "office", N_("show|set|list"), N_("This office, its name and organization, and the offices it heard from"),
    N_("show: its UUID, name and organization; set: name it (--name, --organization); "
       "list: the offices bundles came from, and what they acknowledged."), office_entries, run_office },
  { "export", N_("FILE"), N_("Write a bundle for other offices"),
    N_("Everything, or with --for what that office has not acknowledged yet; signed with this office’s key "
       "in FILE.minisig."), export_entries, run_export },
  { "import", N_("FILE"), N_("Check a bundle, show what it changes, and apply it"),
    N_("The signature FILE.minisig beside it must be by a key this office trusts (see iasmn key), unless "
       "--accept-unsigned is given."), import_entries, run_import },
  { "conflicts", N_("[resolve RECORD]"), N_("Records with concurrent versions, field by field"),
    N_("resolve RECORD --keep REVISION settles a conflict by keeping one of its versions."),
    conflicts_entries, run_conflicts },
  { "dump", NULL, N_("The exchanged data in a canonical text form"), NULL, NULL, run_dump },
  { NULL }
};
