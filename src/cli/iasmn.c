/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iasmn"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "iasmn-cli.h"

#include <string.h>

/* iasmn: the command line over the same core as the application.
 * Exit status: 0 done, 1 failed (the reason on stderr), 2 bad usage. */

static int
list_actions (IdkStore   *store,
              const char *search)
{
  g_autoptr(IdkActionList) list = idk_action_list_new (store);
  GListModel *model = G_LIST_MODEL (list);

  idk_action_list_set_search (list, search);

  print_row ("reference", "session", "topic", "kind", "status", "owners", "due", "text");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IdkAction) a = g_list_model_get_item (model, i);

      print_row (idk_action_get_reference (a), idk_action_get_session (a), idk_action_get_topic (a),
                 idk_action_get_kind (a), idk_action_get_status (a), idk_action_get_owners (a),
                 idk_action_get_due (a), idk_action_get_text (a));
    }

  return EXIT_SUCCESS;
}

static int
list_meetings (IdkStore   *store,
               const char *search)
{
  g_autoptr(GError) error = NULL;
  IdkMeetingQuery query = { .search = search, .oldest_first = TRUE };
  g_autoptr(GListModel) model = idk_store_find_meetings (store, &query, &error);

  if (model == NULL)
    return failed (error);

  print_row ("start", "end", "type", "title", "place", "status");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IdkMeeting) m = g_list_model_get_item (model, i);

      print_row (idk_meeting_get_start_date (m), idk_meeting_get_end_date (m),
                 idk_meeting_get_meeting_type (m), idk_meeting_get_title (m),
                 idk_meeting_get_place_label (m), idk_meeting_get_status (m));
    }

  return EXIT_SUCCESS;
}

static int
list_working_groups (IdkStore   *store,
                     const char *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = idk_store_list_working_groups (store, search, &error);

  if (model == NULL)
    return failed (error);

  print_row ("acronym", "name", "status", "chair", "co-chair", "members");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IdkWorkingGroup) w = g_list_model_get_item (model, i);
      g_autofree char *members = g_strdup_printf ("%d", idk_working_group_get_member_count (w));

      print_row (idk_working_group_get_acronym (w), idk_working_group_get_name (w),
                 idk_working_group_get_status (w), idk_working_group_get_chair (w),
                 idk_working_group_get_co_chair (w), members);
    }

  return EXIT_SUCCESS;
}

static int
list_actors (IdkStore   *store,
             const char *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = idk_store_list_actors (store, NULL, &error);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  if (all == NULL || !(model = idk_store_list_actors (store, search, &error)))
    return failed (error);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(IdkActor) a = g_list_model_get_item (all, i);

      g_hash_table_insert (codes, (gpointer) idk_actor_get_uuid (a), (gpointer) idk_actor_get_code (a));
    }

  print_row ("code", "title", "short title", "accountable to");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IdkActor) a = g_list_model_get_item (model, i);
      const char *parent = idk_actor_get_parent_uuid (a);

      print_row (idk_actor_get_code (a), idk_actor_get_title (a), idk_actor_get_short_title (a),
                 parent ? g_hash_table_lookup (codes, parent) : NULL);
    }

  return EXIT_SUCCESS;
}

static int
list_organizations (IdkStore   *store,
                    const char *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = idk_store_list_organizations (store, search, &error);

  if (model == NULL)
    return failed (error);

  print_row ("acronym", "name", "category");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IdkOrganization) o = g_list_model_get_item (model, i);

      print_row (idk_organization_get_acronym (o), idk_organization_get_name (o),
                 idk_organization_get_category (o));
    }

  return EXIT_SUCCESS;
}

static const struct {
  const char *kind;
  int (*list) (IdkStore *store, const char *search);
} listings[] = {
  { "actions", list_actions },
  { "meetings", list_meetings },
  { "working-groups", list_working_groups },
  { "actors", list_actors },
  { "organizations", list_organizations },
};

static int
run_stats (const char  *db,
           char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  g_autoptr(JsonNode) stats = NULL;
  g_autofree char *text = NULL;

  if (args[0] != NULL)
    return usage_error (_("stats takes no arguments, not “%s”"), args[0]);

  if (!(store = open_store (db, &error)) || !(stats = idk_store_get_stats (store, &error)))
    return failed (error);

  text = json_to_string (stats, TRUE);
  puts (text);
  return EXIT_SUCCESS;
}

static char *list_search;
static char *list_format;
static char *list_status;
static char *list_session;

static const GOptionEntry list_entries[] = {
  { "search", 's', 0, G_OPTION_ARG_STRING, &list_search, N_("Only what matches these words"), N_("TEXT") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &list_format, N_("Actions as csv, tsv or json, with every column"),
    N_("FORMAT") },
  { "status", 0, 0, G_OPTION_ARG_STRING, &list_status, N_("Actions with this status only (with --format)"),
    N_("STATUS") },
  { "session", 0, 0, G_OPTION_ARG_STRING, &list_session, N_("Actions of this session only (with --format)"),
    N_("MEETING") },
  { NULL }
};

static int
export_actions (IdkStore       *store,
                IdkTableFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *session = NULL;
  IdkActionQuery query = { .search = list_search, .status = list_status };

  if (list_session != NULL)
    {
      if (!(session = idk_store_find_meeting (store, list_session)))
        {
          fprintf (stderr, _("iasmn: no meeting “%s”\n"), list_session);
          return EXIT_FAILED;
        }
      query.session = session;
    }
  if (!idk_store_export_actions (store, &query, format, FALSE, out, NULL, &error))
    return failed (error);
  fwrite (out->str, 1, out->len, stdout);
  return EXIT_SUCCESS;
}

static int
run_list (const char  *db,
          char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkStore) store = NULL;
  const char *kind = args[0];
  int (*list) (IdkStore *, const char *) = NULL;

  if (kind == NULL)
    return usage_error (_("list needs a KIND"));
  if (args[1] != NULL)
    return usage_error (_("unexpected “%s”"), args[1]);

  for (guint i = 0; i < G_N_ELEMENTS (listings); i++)
    if (g_str_equal (listings[i].kind, kind))
      list = listings[i].list;
  if (list == NULL)
    return usage_error (_("cannot list “%s”"), kind);

  if (list_format != NULL || list_status != NULL || list_session != NULL)
    {
      IdkTableFormat format = IDK_TABLE_TSV;

      if (!g_str_equal (kind, "actions"))
        return usage_error (_("--format, --status and --session are for list actions"));
      if (list_format != NULL && !idk_table_format_from_name (list_format, &format))
        return usage_error (_("--format is csv, tsv or json, not “%s”"), list_format);
      if (!(store = open_store (db, &error)))
        return failed (error);
      return export_actions (store, format);
    }

  if (!(store = open_store (db, &error)))
    return failed (error);

  return list (store, list_search);
}

const IasmnCommand iasmn_list_commands[] = {
  { "stats", NULL, N_("Row counts of every table, as one JSON object"), NULL, NULL, run_stats },
  { "list", N_("KIND"), N_("Tab-separated rows with a header line"),
    N_("KIND is one of actions, meetings, working-groups, actors, organizations."), list_entries, run_list },
  { NULL }
};

int
main (int   argc,
      char *argv[])
{
  const char *db = NULL;
  int i;

  idk_i18n_init ();
  textdomain (GETTEXT_PACKAGE);

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_usage (stdout);
          return EXIT_SUCCESS;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          puts ("iasmn " PACKAGE_VERSION);
          return EXIT_SUCCESS;
        }
      else if (g_str_equal (argv[i], "--empty"))
        set_open_flags (IDK_STORE_OPEN_EMPTY);
      else if (g_str_equal (argv[i], "--db"))
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            return usage_error (_("--db needs a PATH"));
          db = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          db = argv[i] + strlen ("--db=");
          if (*db == '\0')
            return usage_error (_("--db needs a PATH"));
        }
      else
        return usage_error (_("unknown option “%s”"), argv[i]);
    }

  if (i >= argc)
    return usage_error (_("no command given"));

  /* "iasmn help COMMAND" is "iasmn COMMAND --help". */
  if (g_str_equal (argv[i], "help"))
    {
      char *help_argv[] = { argv[i + 1], (char *) "--help", NULL };

      if (i + 1 >= argc)
        {
          print_usage (stdout);
          return EXIT_SUCCESS;
        }
      return run_command (argv[i + 1], db, 2, help_argv);
    }

  return run_command (argv[i], db, argc - i, argv + i);
}
