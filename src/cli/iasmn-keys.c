/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iasmn"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <sodium.h>

#include "iasmn-cli.h"

/* iasmn key: this office's key, and the keys of the offices it trusts. */

static gboolean key_json;
static char *key_fingerprint;
static char *key_office;

static int
key_show (IdkStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) keys = NULL;
  JsonObject *object;
  JsonArray *list;

  if (!(keys = idk_store_describe_keys (store, &error)))
    return failed (error);

  if (key_json)
    {
      g_autofree char *text = json_to_string (keys, TRUE);

      puts (text);
      return EXIT_SUCCESS;
    }

  object = json_node_get_object (keys);
  {
    g_autofree char *grouped = idk_key_format_fingerprint (json_object_get_string_member (object, "fingerprint"));

    print_row ("fingerprint", grouped);
  }
  print_row ("secret_key_file", json_object_get_string_member (object, "secret_key_file"));
  print_row ("public_key_file", json_object_get_string_member (object, "public_key_file"));

  list = json_object_get_array_member (object, "keys");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *key = json_array_get_object_element (list, i);
      const char *state;

      if (json_object_get_boolean_member (key, "current"))
        state = "current";
      else if (!json_object_get_null_member (key, "revoked_at"))
        state = "revoked";
      else if (!json_object_get_null_member (key, "replaced_by"))
        state = "replaced";
      else if (json_object_get_boolean_member (key, "own"))
        state = "own";
      else
        state = "trusted";
      print_row ("key", json_object_get_string_member (key, "fingerprint"), state,
                 json_object_get_string_member (key, "office"),
                 json_object_get_string_member_with_default (key, "name", ""));
    }
  return EXIT_SUCCESS;
}

static int
run_key (const char  *db,
         char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autofree char *office = NULL;
  g_autofree char *fingerprint = NULL;
  const char *what = args[0] ? args[0] : "show";
  static const char * const takes_file[] = { "export", "trust", "introduce", "revoke", NULL };

  if (!g_strv_contains ((const char * const[]) { "show", "export", "trust", "introduce", "revoke", "rotate", "protect",
                                                 NULL }, what))
    return usage_error (_("key needs show, export, trust, introduce, revoke, rotate or protect, not “%s”"), what);
  if (g_str_equal (what, "revoke") && (args[0] == NULL || args[1] == NULL))
    return usage_error (_("key revoke needs a FINGERPRINT"));
  if (g_strv_contains (takes_file, what) && (args[0] == NULL || args[1] == NULL))
    return usage_error (_("key %s needs a FILE"), what);
  if (args[0] != NULL && args[g_strv_contains (takes_file, what) ? 2 : 1] != NULL)
    return usage_error (_("unexpected “%s”"), args[g_strv_contains (takes_file, what) ? 2 : 1]);
  if (g_str_equal (what, "trust") && key_fingerprint == NULL)
    return usage_error (_("key trust needs --fingerprint FP, read to you by the office the key belongs to"));

  if (!(store = open_store (db, &error)))
    return failed (error);

  if (g_str_equal (what, "show"))
    return key_show (store);
  if (g_str_equal (what, "export"))
    {
      if (!idk_store_export_public_key (store, args[1], &error))
        return failed (error);
      fingerprint = idk_store_get_key_fingerprint (store);
      printf (_("Wrote the public key %s to %s\n"), fingerprint, args[1]);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (what, "trust"))
    {
      if (!idk_store_trust_key_file (store, args[1], key_fingerprint, key_office, &office, &error))
        return failed (error);
      printf (_("Trusted key %s for the bundles of office %s\n"), key_fingerprint, office);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (what, "introduce"))
    {
      if (!idk_store_introduce_key (store, args[1], &error))
        return failed (error);
      printf (_("Wrote the introduction %s.minisig\n"), args[1]);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (what, "revoke"))
    {
      if (!idk_store_revoke_key (store, args[1], &error))
        return failed (error);
      printf (_("Revoked key %s: its later bundles will be refused\n"), args[1]);
      return EXIT_SUCCESS;
    }

  if (g_str_equal (what, "protect"))
    {
      char line[1024];
      g_autofree char *passphrase = NULL;

      /* The new passphrase, one line on standard input (never an argument,
       * which other users could read). */
      if (fgets (line, sizeof line, stdin) == NULL)
        return usage_error (_("key protect reads the new passphrase on its standard input"));
      line[strcspn (line, "\r\n")] = '\0';
      passphrase = g_strdup (line);
      sodium_memzero (line, sizeof line);
      if (!idk_store_protect_key (store, passphrase, &error))
        return failed (error);
      puts (_("This office’s secret key is now protected by the passphrase"));
      return EXIT_SUCCESS;
    }

  if (!(fingerprint = idk_store_rotate_key (store, &error)))
    return failed (error);
  printf (_("This office’s key is now %s, endorsed by the previous one in every bundle\n"), fingerprint);
  return EXIT_SUCCESS;
}

static const GOptionEntry key_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &key_json, N_("As one JSON object (key show)"), NULL },
  { "fingerprint", 0, 0, G_OPTION_ARG_STRING, &key_fingerprint,
    N_("The fingerprint the key’s office read to you (key trust)"), N_("FP") },
  { "office", 0, 0, G_OPTION_ARG_STRING, &key_office,
    N_("The office the key belongs to, if its file does not say (key trust)"), N_("OFFICE_UUID") },
  { NULL }
};

const IasmnCommand iasmn_key_commands[] = {
  { "key", N_("show|export FILE.pub|trust FILE.pub|introduce FILE.pub|revoke FP|rotate|protect"),
    N_("This office’s key, and the keys of the offices it trusts"),
    N_("show: the fingerprint and key files; export: the public key, for other offices; trust: take another "
       "office’s key once its fingerprint is confirmed (--fingerprint); introduce: sign a trusted office’s key "
       "for others (FILE.pub.minisig); revoke: refuse that key’s later bundles; rotate: a new key, endorsed by "
       "the old one; protect: a passphrase for the secret key, read on standard input (the commands that sign "
       "then read it from IASMN_KEY_PASSPHRASE)."), key_entries, run_key },
  { NULL }
};
