/* trk-cli-evaluate.c - tirkeu-cli evaluate: answers -> readable report or JSON
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-cli-private.h"
#include "trk-result.h"

int
trk_cli_evaluate (int    argc,
                  char **argv)
{
  g_autofree char *rules_path = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *answers_path = NULL;
  g_autofree char *lang_text = NULL;
  g_auto(GStrv) assignments = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path, N_("Use this rules file instead of the built-in rules"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("Assessment date (default: the answers file's date, else today)"), N_("YYYY-MM-DD") },
    { "answers", 0, 0, G_OPTION_ARG_FILENAME, &answers_path, N_("Read the answers from this file"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_text, N_("Language of the texts: en, kk or ru (default: en)"), N_("LANG") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &assignments, NULL, N_("ID=VALUE…") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[ID=VALUE…]"));
  g_auto(TrkCliInputs) inputs = { NULL, NULL, { 0 } };
  g_autoptr(TrkResult) result = NULL;
  g_autofree char *output = NULL;
  TrkLang lang;
  int exit_code;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Evaluate an applicant's answers against the rules.\n"
                                           "ID=VALUE answers override the answers file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!trk_cli_parse_options (context, &argc, &argv) || !trk_cli_parse_lang (lang_text, &lang))
    return TRK_CLI_EXIT_INPUT;

  exit_code = trk_cli_load_inputs (rules_path, answers_path, date_text, assignments, &inputs);
  if (exit_code != TRK_CLI_EXIT_OK)
    return exit_code;
  result = trk_cli_evaluate_inputs (&inputs, &exit_code);
  if (result == NULL)
    return exit_code;

  output = json ? trk_result_to_json (result, lang) : trk_result_to_text (result, lang);
  return trk_cli_write_stdout (output) ? TRK_CLI_EXIT_OK : TRK_CLI_EXIT_OUTPUT;
}
