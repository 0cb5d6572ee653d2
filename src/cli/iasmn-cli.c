/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iasmn"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iasmn-cli.h"

/* What the commands of iasmn share: finding a command and parsing its
 * options, errors, and tab-separated output. */

static const IasmnCommand *command_tables[] = {
  iasmn_list_commands, iasmn_exchange_commands, iasmn_edit_commands, iasmn_session_commands, iasmn_key_commands,
  iasmn_report_commands, iasmn_hub_commands,
};

static const IasmnCommand *current;     /* the command being run, for usage errors */
static IdkStoreOpenFlags open_flags = IDK_STORE_OPEN_DEFAULT;

static const IasmnCommand *
find_command (const char *name)
{
  for (guint t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const IasmnCommand *c = command_tables[t]; c->name != NULL; c++)
      if (g_str_equal (c->name, name))
        return c;
  return NULL;
}

static GOptionContext *
command_context (const IasmnCommand *command)
{
  g_autofree char *program = g_strconcat ("iasmn ", command->name, NULL);
  GOptionContext *context = g_option_context_new (command->parameters ? _(command->parameters) : NULL);

  /* The usage line reads "iasmn import [OPTION…] FILE". */
  g_set_prgname (program);

  g_option_context_set_summary (context, _(command->summary));
  if (command->description != NULL)
    g_option_context_set_description (context, _(command->description));
  if (command->entries != NULL)
    g_option_context_add_main_entries (context, command->entries, GETTEXT_PACKAGE);
  return context;
}

/* The list of commands, after the general usage line. */
void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: iasmn [--db PATH] [--empty] COMMAND [OPTION…]"), _("Commands:"));
  for (guint t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const IasmnCommand *c = command_tables[t]; c->name != NULL; c++)
      fprintf (out, "  %-12s %s\n", c->name, _(c->summary));
  fprintf (out, "\n%s\n%s\n%s\n%s\n%s\n\n%s\n",
           _("Options:"),
           _("  --db PATH    The database (default: $IASMN_DESK_DB, or $XDG_DATA_HOME/iasmn-desk/desk.sqlite3)"),
           _("  --empty      Create a new database without the default data"),
           _("  --help       Show this help; “iasmn COMMAND --help” or “iasmn help COMMAND” for a command"),
           _("  --version    Show the version"),
           _("Exit status: 0 done, 1 failed or refused (the reason on stderr), 2 bad usage."));
}

int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "iasmn: %s\n\n", message);
  if (current != NULL)
    {
      g_autoptr(GOptionContext) context = command_context (current);
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fputs (help, stderr);
    }
  else
    print_usage (stderr);
  return EXIT_USAGE;
}

/* Parses the command's options and runs it on what is left; "--help"
 * prints the command's own help. */
int
run_command (const char  *name,
             const char  *db,
             int          argc,
             char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;

  if (!(current = find_command (name)))
    return usage_error (_("unknown command “%s”"), name);

  context = command_context (current);
  /* argv[0] is the command's name, as GOptionContext expects a program's. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error ("%s", error->message);

  return current->run (db, args + 1);
}

int
failed (GError *error)
{
  fprintf (stderr, "iasmn: %s\n", error->message);
  if (g_error_matches (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_NEEDS_PASSPHRASE) ||
      g_error_matches (error, IDK_SIGNATURE_ERROR, IDK_SIGNATURE_ERROR_WRONG_PASSPHRASE))
    fputs (_("iasmn: give the passphrase of this office’s key in IASMN_KEY_PASSPHRASE\n"), stderr);
  return EXIT_FAILED;
}

void
set_open_flags (IdkStoreOpenFlags flags)
{
  open_flags = flags;
}

IdkStore *
open_store (const char  *path,
            GError     **error)
{
  IdkStore *store = idk_store_open (path, open_flags, error);

  /* The passphrase of a protected office key, for the commands that sign. */
  if (store != NULL && g_getenv ("IASMN_KEY_PASSPHRASE") != NULL)
    idk_store_set_key_passphrase (store, g_getenv ("IASMN_KEY_PASSPHRASE"));
  return store;
}

/* One field of a tab-separated row: tabs and line breaks would split it. */
/* A refusal of a field says which, by name. */
int
refused (GError *error)
{
  const char *field = idk_record_error_get_field (error);

  if (field == NULL)
    return failed (error);

  fprintf (stderr, _("iasmn: field “%s”: %s\n"), field, error->message);
  return EXIT_FAILED;
}

void
print_field (GString    *line,
             const char *value)
{
  /* A tab or line break in a value would break the row: escaped. */
  idk_tsv_append_field (line, value);
}

void
print_fields (const char * const *fields,
              guint               n_fields)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (line, '\t');
      print_field (line, fields[i]);
    }

  puts (line->str);
}
