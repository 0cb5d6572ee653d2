/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-exchange-network.h"


void
network_set_up (Network       *net,
                gconstpointer  data)
{
  static const char * const names[] = { "Secretariat", "Geneva HQ", "Nairobi field office" };
  static const char * const organizations[] = { "UNDSS", "UNHCR", "WFP" };
  g_autoptr(GError) error = NULL;

  net->dir = g_dir_make_tmp ("idk-exchange-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (net->offices); i++)
    {
      g_autofree char *file = g_strdup_printf ("office-%u.sqlite3", i);
      g_autofree char *organization = NULL;
      Office *office = &net->offices[i];

      office->path = g_build_filename (net->dir, file, NULL);
      office->store = idk_store_open (office->path, IDK_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      organization = idk_store_find_organization (office->store, organizations[i]);
      g_assert_nonnull (organization);
      g_assert_true (idk_store_set_office (office->store, names[i], organization, &error));
      g_assert_no_error (error);
    }
  /* Each office has confirmed the others' fingerprints. */
  for (guint i = 0; i < G_N_ELEMENTS (net->offices); i++)
    for (guint j = 0; j < G_N_ELEMENTS (net->offices); j++)
      if (i != j)
        idk_test_trust_office (net->offices[i].store, net->offices[j].store);
}

void
network_tear_down (Network       *net,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (net->offices); i++)
    {
      g_clear_object (&net->offices[i].store);
      g_clear_pointer (&net->offices[i].path, g_free);
    }
  idk_test_remove_tree (net->dir);
  g_clear_pointer (&net->dir, g_free);
}

/* Writes a bundle from @from, for @to (incremental) or for no one (full). */
char *
export_bundle (Network *net,
               Office  *from,
               Office  *to,
               guint   *n_revisions)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("bundle-%03u.iasmn", net->n_bundles++);
  char *path = g_build_filename (net->dir, name, NULL);

  g_assert_true (idk_store_export (from->store, path,
                                   to ? idk_store_get_office_uuid (to->store) : NULL,
                                   NULL, n_revisions, &error));
  g_assert_no_error (error);
  return path;
}

IdkImport *
import_bundle (Office     *office,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkImport) import = idk_import_new (office->store, path);

  gboolean ok;

  ok = idk_import_prepare (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = idk_import_apply (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return g_steal_pointer (&import);
}

char *
create_organization (Office     *office,
                     const char *acronym,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = idk_test_organization_fields (acronym, name, "mou");
  char *uuid = idk_store_save (office->store, "organization", NULL, fields, &error);

  g_assert_no_error (error);
  return uuid;
}

/* Saves the record with one member changed; the store's answer. */
gboolean
save_changed (Office      *office,
              const char  *uuid,
              const char  *member,
              const char  *value,
              GError     **error)
{
  g_autofree char *type = NULL;
  g_autoptr(JsonObject) fields = idk_store_get_fields (office->store, uuid, &type, error);
  g_autofree char *saved = NULL;

  g_assert_nonnull (fields);
  json_object_set_string_member (fields, member, value);
  saved = idk_store_save (office->store, type, uuid, fields, error);
  return saved != NULL;
}

void
rename_record (Office     *office,
               const char *uuid,
               const char *member,
               const char *value)
{
  g_autoptr(GError) error = NULL;

  save_changed (office, uuid, member, value, &error);
  g_assert_no_error (error);
}

/* As rename_record(), but a change the rules refuse (a record it refers to
 * was deleted in another office meanwhile) is simply not made. */
void
try_rename (Office     *office,
            const char *uuid,
            const char *member,
            const char *value)
{
  g_autoptr(GError) error = NULL;

  if (!save_changed (office, uuid, member, value, &error))
    g_assert_true (error->domain == IDK_RECORD_ERROR);
}

