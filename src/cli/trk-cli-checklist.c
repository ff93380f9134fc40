/* trk-cli-checklist.c - tirkeu-cli checklist: answers -> a printable PDF
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-checklist-render.h"
#include "trk-cli-private.h"

/* "ru" or "ru,en": one language, or two different ones. */
gboolean
trk_cli_parse_langs (const char *text,
             TrkLang    *langs,
             guint      *n_langs)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    {
      trk_cli_error (_("--lang is required: one language or two separated by a comma "
                       "(en, kk, ru; for example --lang=ru,en)"));
      return FALSE;
    }

  parts = g_strsplit (text, ",", -1);
  *n_langs = g_strv_length (parts);
  if (*n_langs < 1 || *n_langs > 2)
    {
      trk_cli_error (_("--lang: “%s” names %u languages; give one or two "
                       "(for example --lang=ru,en)"), text, *n_langs);
      return FALSE;
    }

  for (guint i = 0; i < *n_langs; i++)
    if (!trk_cli_parse_lang (parts[i], &langs[i]))
      return FALSE;

  if (*n_langs == 2 && langs[0] == langs[1])
    {
      trk_cli_error (_("--lang: “%s” names the same language twice"), text);
      return FALSE;
    }

  return TRUE;
}

gboolean
trk_cli_parse_paper (const char *text,
             TrkPaper   *paper)
{
  if (text == NULL || strcmp (text, "a4") == 0)
    *paper = TRK_PAPER_A4;
  else if (strcmp (text, "letter") == 0)
    *paper = TRK_PAPER_LETTER;
  else
    {
      trk_cli_error (_("--paper: unknown paper size “%s” (allowed: a4, letter)"), text);
      return FALSE;
    }

  return TRUE;
}

static int
write_checklist (TrkResult     *result,
                 const TrkLang *langs,
                 guint          n_langs,
                 TrkPaper       paper,
                 const char    *output)
{
  g_autoptr(TrkChecklistDoc) doc = trk_checklist_doc_new (result, langs, n_langs, paper);
  g_autoptr(GError) error = NULL;

  if (trk_checklist_doc_write_pdf (doc, output, &error))
    return TRK_CLI_EXIT_OK;

  trk_cli_error ("%s", error->message);
  return TRK_CLI_EXIT_OUTPUT;
}

int
trk_cli_checklist (int    argc,
                   char **argv)
{
  g_autofree char *rules_path = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *answers_path = NULL;
  g_autofree char *lang_text = NULL;
  g_autofree char *paper_text = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) assignments = NULL;
  const GOptionEntry entries[] = {
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path,
      N_("Use this rules file instead of the built-in rules"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("Assessment date (default: the answers file's date, else today)"), N_("YYYY-MM-DD") },
    { "answers", 0, 0, G_OPTION_ARG_FILENAME, &answers_path,
      N_("Read the answers from this file"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_text,
      N_("Language of the checklist, or two for a bilingual one: en, kk, ru (for example ru,en)"),
      N_("LANG[,LANG2]") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_text,
      N_("Paper size: a4 or letter (default: a4)"), N_("PAPER") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to this file"), N_("FILE.pdf") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &assignments, NULL, N_("ID=VALUE…") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[ID=VALUE…]"));
  g_auto(TrkCliInputs) inputs = { NULL, NULL, { 0 } };
  g_autoptr(TrkResult) result = NULL;
  TrkLang langs[2];
  guint n_langs = 0;
  TrkPaper paper;
  int exit_code;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Write the printable checklist for an applicant's answers "
                                  "as a PDF.\nID=VALUE answers override the answers file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!trk_cli_parse_options (context, &argc, &argv)
      || !trk_cli_parse_langs (lang_text, langs, &n_langs) || !trk_cli_parse_paper (paper_text, &paper))
    return TRK_CLI_EXIT_INPUT;
  if (output == NULL || output[0] == '\0')
    {
      trk_cli_error (_("--output is required: the PDF file to write"));
      return TRK_CLI_EXIT_INPUT;
    }

  exit_code = trk_cli_load_inputs (rules_path, answers_path, date_text, assignments, &inputs);
  if (exit_code != TRK_CLI_EXIT_OK)
    return exit_code;
  result = trk_cli_evaluate_inputs (&inputs, &exit_code);
  if (result == NULL)
    return exit_code;

  return write_checklist (result, langs, n_langs, paper, output);
}
