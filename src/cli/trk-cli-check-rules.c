/* trk-cli-check-rules.c - tirkeu-cli check-rules: validate a rules file exhaustively
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-cli-private.h"
#include "trk-rules-check.h"

int
trk_cli_check_rules (int    argc,
                     char **argv)
{
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE]") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FILE]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = NULL;
  g_autofree char *text = NULL;
  g_autofree char *combinations = NULL;
  TrkRulesCheckReport report;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Validate a rules file (the built-in rules without FILE) and\n"
                                           "check every combination of answers on every key date."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!trk_cli_parse_options (context, &argc, &argv))
    return TRK_CLI_EXIT_INPUT;
  if (files != NULL && g_strv_length (files) > 1)
    {
      trk_cli_error (_("check-rules takes at most one FILE"));
      return TRK_CLI_EXIT_INPUT;
    }

  rules = files != NULL ? trk_rule_set_new_from_file (files[0], &error)
                        : trk_rule_set_new_builtin (&error);
  if (rules == NULL || !trk_rules_check (rules, &report, &error))
    {
      trk_cli_error ("%s", error->message);
      return TRK_CLI_EXIT_RULES;
    }

  combinations = g_strdup_printf ("%" G_GUINT64_FORMAT, report.combinations);
  /* Translators: rules id and version; then combinations, dates, seconds. */
  text = g_strdup_printf (_("%s %s: OK\n%s combinations of answers on %u dates checked in %.3f s\n"),
                          trk_rule_set_get_id (rules), trk_rule_set_get_version (rules),
                          combinations, report.dates, report.seconds);
  return trk_cli_write_stdout (text) ? TRK_CLI_EXIT_OK : TRK_CLI_EXIT_OUTPUT;
}
