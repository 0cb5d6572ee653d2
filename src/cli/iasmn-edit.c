/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iasmn"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "iasmn-cli.h"

/* Changing records from scripts, through the same checks as the
 * application: edit, update; and the rule warnings it shows: rules. */

static char *update_status;
static char *update_note;
static char *update_author;
static gboolean rules_json;

/* A record named by its UUID, or an action by its reference ("21/41"). */
static char *
find_record (IdkStore   *store,
             const char *type,
             const char *id)
{
  g_autofree char *found_type = NULL;
  g_autoptr(JsonObject) fields = NULL;

  if (g_uuid_string_is_valid (id))
    {
      if ((fields = idk_store_get_fields (store, id, &found_type, NULL)) && g_strcmp0 (found_type, type) == 0)
        return g_strdup (id);
      return NULL;
    }

  if (g_str_equal (type, "action"))
    return idk_store_find_action (store, id);
  return NULL;
}

static int
run_edit (const char  *db,
          char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(IdkChange) change = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *saved = NULL;
  const char *type = args[0];

  if (type == NULL || args[1] == NULL)
    return usage_error (_("edit needs a TYPE and a record"));
  if (!idk_record_type_exists (type))
    return usage_error (_("“%s” is not a record type"), type);
  if (args[2] == NULL)
    return usage_error (_("edit needs at least one FIELD=VALUE"));
  for (guint i = 2; args[i] != NULL; i++)
    if (strchr (args[i], '=') == NULL)
      return usage_error (_("“%s” is not FIELD=VALUE"), args[i]);

  if (!(store = open_store (db, &error)))
    return failed (error);
  if (!(uuid = find_record (store, type, args[1])))
    {
      fprintf (stderr, _("iasmn: no %s “%s”\n"), type, args[1]);
      return EXIT_FAILED;
    }
  if (!(fields = idk_store_get_fields (store, uuid, NULL, &error)))
    return failed (error);

  for (guint i = 2; args[i] != NULL; i++)
    {
      g_autofree char *name = g_strndup (args[i], strcspn (args[i], "="));
      const char *text = args[i] + strlen (name) + 1;
      JsonNode *value;

      if (!(value = idk_record_parse_value (type, name, text, &error)))
        return refused (error);
      if (JSON_NODE_HOLDS_NULL (value))
        {
          json_object_remove_member (fields, name);
          json_node_unref (value);
        }
      else
        json_object_set_member (fields, name, value);
    }

  if (!(saved = idk_store_save_record (store, type, uuid, fields, &error)))
    return refused (error);

  change = idk_store_take_last_change (store);
  printf (change ? _("Saved %s %s\n") : _("Nothing changed in %s %s\n"), type, uuid);
  return EXIT_SUCCESS;
}

static int
run_update (const char  *db,
            char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *uuid = NULL;
  const char *actions[2] = { NULL, NULL };
  const char *status = update_status;

  if (args[0] == NULL)
    return usage_error (_("update needs an ACTION"));
  if (args[1] != NULL)
    return usage_error (_("unexpected “%s”"), args[1]);

  if (!(store = open_store (db, &error)))
    return failed (error);
  if (!(uuid = find_record (store, "action", args[0])))
    {
      fprintf (stderr, _("iasmn: no action “%s”\n"), args[0]);
      return EXIT_FAILED;
    }

  /* Without --status, a note on the status it has. */
  if (status == NULL)
    {
      if (!(fields = idk_store_get_fields (store, uuid, NULL, &error)))
        return failed (error);
      status = idk_fields_get_text (fields, "status");
    }

  actions[0] = uuid;
  if (!idk_store_add_action_update (store, actions, status, update_note,
                                    update_author ? update_author : g_get_real_name (), &error))
    return refused (error);

  printf (_("Updated %s: %s\n"), args[0], idk_action_status_to_label (status));
  return EXIT_SUCCESS;
}

static int
run_rules (const char  *db,
           char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(GListModel) warnings = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  if (args[0] != NULL)
    return usage_error (_("rules takes no arguments, not “%s”"), args[0]);

  if (!(store = open_store (db, &error)) || !(warnings = idk_store_list_warnings (store, NULL, &error)))
    return failed (error);

  if (!rules_json)
    {
      print_row ("rule", "subject", "record", "warning", "source");
      for (guint i = 0; i < g_list_model_get_n_items (warnings); i++)
        {
          g_autoptr(IdkEntry) warning = g_list_model_get_item (warnings, i);
          g_autofree char *subject = idk_store_get_record_label (store, idk_entry_get_target_uuid (warning));

          print_row (idk_entry_get_kind (warning), subject, idk_entry_get_target_uuid (warning),
                     idk_entry_get_title (warning), idk_entry_get_subtitle (warning));
        }
      return EXIT_SUCCESS;
    }

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (warnings); i++)
    {
      g_autoptr(IdkEntry) warning = g_list_model_get_item (warnings, i);
      g_autofree char *subject = idk_store_get_record_label (store, idk_entry_get_target_uuid (warning));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, idk_entry_get_kind (warning));
      json_builder_set_member_name (builder, "record");
      json_builder_add_string_value (builder, idk_entry_get_target_uuid (warning));
      json_builder_set_member_name (builder, "subject");
      json_builder_add_string_value (builder, subject);
      json_builder_set_member_name (builder, "warning");
      json_builder_add_string_value (builder, idk_entry_get_title (warning));
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, idk_entry_get_subtitle (warning));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  {
    g_autoptr(JsonNode) root = json_builder_get_root (builder);
    g_autofree char *text = json_to_string (root, TRUE);

    puts (text);
  }
  return EXIT_SUCCESS;
}

static const GOptionEntry update_entries[] = {
  { "status", 's', 0, G_OPTION_ARG_STRING, &update_status, N_("The new status (default: the one it has)"),
    N_("STATUS") },
  { "note", 'n', 0, G_OPTION_ARG_STRING, &update_note, N_("What was done"), N_("TEXT") },
  { "author", 'a', 0, G_OPTION_ARG_STRING, &update_author, N_("Who says so (default: you)"), N_("NAME") },
  { NULL }
};

static const GOptionEntry rules_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &rules_json, N_("One JSON array instead of tab-separated rows"), NULL },
  { NULL }
};

const IasmnCommand iasmn_edit_commands[] = {
  { "edit", N_("TYPE RECORD FIELD=VALUE…"), N_("Change fields of a record, with the application’s checks"),
    N_("RECORD is a UUID, or an action’s reference (21/41).  An empty VALUE clears the field; lists "
       "(owners) are UUIDs separated by commas.  A refusal names the field and exits with 1."),
    NULL, run_edit },
  { "update", N_("ACTION"), N_("Add a status update to an action"),
    N_("An update that changes nothing and says nothing is refused; so is a STATUS that is not one "
       "of an action’s, with the ones it can be."), update_entries, run_update },
  { "rules", NULL, N_("The rule warnings the application shows"), NULL, rules_entries, run_rules },
  { NULL }
};
