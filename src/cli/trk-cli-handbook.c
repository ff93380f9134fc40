/* trk-cli-handbook.c - tirkeu-cli handbook: every outcome on a date, as a PDF for staff
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-cli-private.h"
#include "trk-handbook-render.h"

int
trk_cli_handbook (int    argc,
                  char **argv)
{
  g_autofree char *rules_path = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *lang_text = NULL;
  g_autofree char *paper_text = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path,
      N_("Use this rules file instead of the built-in rules"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The date of the outcomes (default: today)"), N_("YYYY-MM-DD") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_text,
      N_("Language of the handbook, or two side by side: en, kk, ru (for example kk,ru)"),
      N_("LANG[,LANG2]") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_text,
      N_("Paper size: a4 or letter (default: a4)"), N_("PAPER") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to this file"), N_("FILE.pdf") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(TrkCliInputs) inputs = { NULL, NULL, { 0 } };
  g_autoptr(TrkChecklistDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  TrkHandbook *handbook;
  TrkLang langs[2];
  guint n_langs = 0;
  TrkPaper paper;
  int exit_code;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Write, for consulate staff, every distinct outcome the rules "
                                  "reach on a date as one PDF: who it is for, the outcome and "
                                  "its reasons, the checklist and the warnings."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!trk_cli_parse_options (context, &argc, &argv)
      || !trk_cli_parse_langs (lang_text, langs, &n_langs)
      || !trk_cli_parse_paper (paper_text, &paper))
    return TRK_CLI_EXIT_INPUT;
  if (rest != NULL && rest[0] != NULL)
    {
      trk_cli_error (_("handbook takes no answers (“%s”): it covers every answer"), rest[0]);
      return TRK_CLI_EXIT_INPUT;
    }
  if (output == NULL || output[0] == '\0')
    {
      trk_cli_error (_("--output is required: the PDF file to write"));
      return TRK_CLI_EXIT_INPUT;
    }

  exit_code = trk_cli_load_inputs (rules_path, NULL, date_text, NULL, &inputs);
  if (exit_code != TRK_CLI_EXIT_OK)
    return exit_code;

  handbook = trk_handbook_new (inputs.rules, g_date_valid (&inputs.date) ? &inputs.date : NULL,
                               &error);
  if (handbook == NULL)
    {
      trk_cli_error ("%s", error->message);
      return TRK_CLI_EXIT_RULES;
    }

  doc = trk_handbook_doc_new (handbook, langs, n_langs, paper);
  if (!trk_checklist_doc_write_pdf (doc, output, &error))
    {
      trk_cli_error ("%s", error->message);
      return TRK_CLI_EXIT_OUTPUT;
    }
  return TRK_CLI_EXIT_OK;
}
