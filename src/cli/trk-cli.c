/* trk-cli.c - tirkeu-cli: main, command dispatch and shared helpers
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-cli-private.h"
#include "trk-i18n.h"

void
trk_cli_error (const char *format,
               ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "tirkeu-cli: %s\n", msg);
}

gboolean
trk_cli_parse_options (GOptionContext   *context,
                       int              *argc,
                       char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  trk_cli_error (_("%s (see “%s --help”)"), error->message, g_get_prgname ());
  return FALSE;
}

gboolean
trk_cli_parse_lang (const char *text,
                    TrkLang    *out_lang)
{
  if (text == NULL)
    {
      *out_lang = TRK_LANG_EN;
      return TRUE;
    }
  if (trk_lang_from_string (text, out_lang))
    return TRUE;
  trk_cli_error (_("--lang: unknown language “%s” (allowed: en, kk, ru)"), text);
  return FALSE;
}

gboolean
trk_cli_write_stdout (const char *text)
{
  gsize len = strlen (text);

  errno = 0;
  if (fwrite (text, 1, len, stdout) == len && fflush (stdout) == 0)
    return TRUE;
  trk_cli_error (_("cannot write the output: %s"), g_strerror (errno != 0 ? errno : EIO));
  return FALSE;
}

void
trk_cli_inputs_clear (TrkCliInputs *inputs)
{
  g_clear_object (&inputs->rules);
  g_clear_object (&inputs->answers);
}

static gboolean
apply_assignments (TrkAnswers  *answers,
                   char       **assignments)
{
  for (guint i = 0; assignments != NULL && assignments[i] != NULL; i++)
    {
      const char *eq = strchr (assignments[i], '=');
      g_autofree char *id = NULL;

      if (eq == NULL || eq == assignments[i])
        {
          trk_cli_error (_("“%s” is not an answer: expected ID=VALUE, for example status=foreigner"),
                         assignments[i]);
          return FALSE;
        }
      id = g_strndup (assignments[i], (gsize) (eq - assignments[i]));
      trk_answers_set (answers, id, eq + 1);
    }
  return TRUE;
}

int
trk_cli_load_inputs (const char    *rules_path,
                     const char    *answers_path,
                     const char    *date_text,
                     char         **assignments,
                     TrkCliInputs  *out)
{
  g_autoptr(GError) error = NULL;

  g_date_clear (&out->date, 1);
  if (date_text != NULL && !trk_date_parse (date_text, &out->date))
    {
      trk_cli_error (_("--date: invalid date “%s” (allowed: a real calendar date as YYYY-MM-DD)"),
                     date_text);
      return TRK_CLI_EXIT_INPUT;
    }

  out->rules = rules_path != NULL ? trk_rule_set_new_from_file (rules_path, &error)
                                  : trk_rule_set_new_builtin (&error);
  if (out->rules == NULL)
    {
      trk_cli_error ("%s", error->message);
      return TRK_CLI_EXIT_RULES;
    }

  out->answers = answers_path != NULL ? trk_answers_load_file (answers_path, &error)
                                      : trk_answers_new ();
  if (out->answers == NULL)
    {
      trk_cli_error ("%s", error->message);
      return TRK_CLI_EXIT_INPUT;
    }

  return apply_assignments (out->answers, assignments) ? TRK_CLI_EXIT_OK : TRK_CLI_EXIT_INPUT;
}

TrkResult *
trk_cli_evaluate_inputs (TrkCliInputs *inputs,
                         int          *out_exit)
{
  g_autoptr(GError) error = NULL;
  TrkResult *result;

  result = trk_evaluate (inputs->rules, inputs->answers,
                         g_date_valid (&inputs->date) ? &inputs->date : NULL, &error);
  if (result != NULL)
    {
      *out_exit = TRK_CLI_EXIT_OK;
      return result;
    }

  trk_cli_error ("%s", error->message);
  *out_exit = g_error_matches (error, TRK_EVAL_ERROR, TRK_EVAL_ERROR_INCONSISTENT_RULES)
              ? TRK_CLI_EXIT_RULES : TRK_CLI_EXIT_INPUT;
  return NULL;
}

/* ===== top level ===== */

static const char *
usage (void)
{
  return _("Usage:\n"
           "  tirkeu-cli evaluate  [--rules=FILE] [--date=YYYY-MM-DD] [--answers=FILE]"
           " [--lang=en|ru|kk] [--json] [ID=VALUE …]\n"
           "  tirkeu-cli checklist [--rules=FILE] [--date=YYYY-MM-DD] [--answers=FILE]"
           " --lang=LANG[,LANG2] [--paper=a4|letter] (--output=FILE.pdf | --print[=QUEUE])"
           " [ID=VALUE …]\n"
           "  tirkeu-cli check-rules [FILE]\n"
           "  tirkeu-cli handbook  [--rules=FILE] [--date=YYYY-MM-DD] --lang=LANG[,LANG2]"
           " [--paper=a4|letter] --output=FILE.pdf\n"
           "  tirkeu-cli --version\n"
           "\n"
           "Does Kazakhstan's mandatory dactyloscopy registration apply? Run a command\n"
           "with --help for its options.\n"
           "\n"
           "Exit codes: 0 done, 2 bad input, 3 invalid rules file, 4 output not written or not printed.\n");
}

static int
print_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = trk_rule_set_new_builtin (&error);
  g_autofree char *text = NULL;

  if (rules == NULL)
    {
      trk_cli_error ("%s", error->message);
      return TRK_CLI_EXIT_RULES;
    }
  /* Translators: the built-in rules' id, version and the date they were checked against the law. */
  text = g_strdup_printf (_("tirkeu-cli %s\nrules: %s %s (checked %s)\n"), PACKAGE_VERSION,
                          trk_rule_set_get_id (rules), trk_rule_set_get_version (rules),
                          trk_rule_set_get_checked (rules));
  return trk_cli_write_stdout (text) ? TRK_CLI_EXIT_OK : TRK_CLI_EXIT_OUTPUT;
}

typedef int (*CommandFunc) (int argc, char **argv);

static const struct
{
  const char  *name;
  CommandFunc  func;
} commands[] = {
  { "evaluate", trk_cli_evaluate },
  { "check-rules", trk_cli_check_rules },
  { "checklist", trk_cli_checklist },
  { "handbook", trk_cli_handbook },
};

static int
dispatch (int    argc,
          char **argv)
{
  const char *command = argv[1];

  if (strcmp (command, "--version") == 0 || strcmp (command, "-V") == 0)
    return print_version ();
  if (strcmp (command, "--help") == 0 || strcmp (command, "-h") == 0 || strcmp (command, "help") == 0)
    return trk_cli_write_stdout (usage ()) ? TRK_CLI_EXIT_OK : TRK_CLI_EXIT_OUTPUT;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (command, commands[i].name) == 0)
        {
          g_autofree char *prgname = g_strdup_printf ("tirkeu-cli %s", command);

          g_set_prgname (prgname);
          return commands[i].func (argc - 1, argv + 1);
        }
    }

  trk_cli_error (_("unknown command “%s” (allowed: evaluate, checklist, check-rules, handbook, --version, --help)"),
                 command);
  return TRK_CLI_EXIT_INPUT;
}

int
main (int    argc,
      char **argv)
{
  trk_i18n_init ();
  g_set_prgname ("tirkeu-cli");

  if (argc < 2)
    {
      fputs (usage (), stderr);
      return TRK_CLI_EXIT_INPUT;
    }
  return dispatch (argc, argv);
}
