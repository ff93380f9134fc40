/* trk-cli-checklist.c - tirkeu-cli checklist: answers -> a printable PDF
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <cups/cups.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "trk-checklist-doc.h"
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

/* Exactly one of --output and --print. */
static gboolean
check_destination (const char *output,
                   gboolean    print)
{
  gboolean has_output = output != NULL && output[0] != '\0';

  if (has_output && print)
    {
      trk_cli_error (_("--output and --print exclude each other: write a file or print"));
      return FALSE;
    }
  if (!has_output && !print)
    {
      trk_cli_error (_("--output or --print is required: the PDF file to write, or the "
                       "printer queue"));
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

/* --print[=QUEUE]: the option was given; QUEUE may be NULL (the default). */
typedef struct
{
  gboolean  requested;
  char     *queue;
} PrintRequest;

static gboolean
print_option_cb (const char  *option_name,
                 const char  *value,
                 gpointer     data,
                 GError     **error)
{
  PrintRequest *request = data;

  request->requested = TRUE;
  g_clear_pointer (&request->queue, g_free);
  request->queue = value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
  return TRUE;
}

/* A bare --print takes no value: GOption would take the next argument
 * ("status=citizen") as the queue, so it becomes --print= (the default). */
static void
normalize_print_option (int    argc,
                        char **argv)
{
  static char bare_print[] = "--print=";

  for (int i = 1; i < argc && strcmp (argv[i], "--") != 0; i++)
    if (strcmp (argv[i], "--print") == 0)
      argv[i] = bare_print;
}

/* The named CUPS destination, or the default one; NULL after printing why. */
static cups_dest_t *
find_destination (const char *queue)
{
  cups_dest_t *dest = cupsGetNamedDest (CUPS_HTTP_DEFAULT, queue, NULL);

  if (dest != NULL)
    return dest;
  if (queue != NULL)
    /* Translators: %s is a printer queue name, the second one CUPS's reason. */
    trk_cli_error (_("--print: no printer queue “%s” (%s)"), queue, cupsLastErrorString ());
  else
    trk_cli_error (_("--print: no default printer queue; name one with --print=QUEUE (%s)"),
                   cupsLastErrorString ());
  return NULL;
}

/* Sends @pdf_path to @dest on paper @paper; prints "QUEUE-JOB" on stdout. */
static int
send_to_queue (cups_dest_t *dest,
               const char  *pdf_path,
               TrkPaper     paper)
{
  cups_option_t *options = NULL;
  int n_options = 0;
  int job;
  g_autofree char *line = NULL;

  n_options = cupsAddOption ("media", paper == TRK_PAPER_LETTER ? "na_letter_8.5x11in"
                                                                : "iso_a4_210x297mm",
                             n_options, &options);
  job = cupsPrintFile2 (CUPS_HTTP_DEFAULT, dest->name, pdf_path, "tirkeu checklist",
                        n_options, options);
  cupsFreeOptions (n_options, options);
  if (job <= 0)
    {
      /* Translators: %s is a printer queue name, the second one CUPS's reason. */
      trk_cli_error (_("--print: the queue “%s” refused the job: %s"), dest->name,
                     cupsLastErrorString ());
      return TRK_CLI_EXIT_OUTPUT;
    }

  line = g_strdup_printf ("%s-%d\n", dest->name, job);
  return trk_cli_write_stdout (line) ? TRK_CLI_EXIT_OK : TRK_CLI_EXIT_OUTPUT;
}

/* Writes the checklist to a private temporary PDF and sends it to the
 * queue; the temporary file is removed either way. */
static int
print_checklist (TrkResult     *result,
                 const TrkLang *langs,
                 guint          n_langs,
                 TrkPaper       paper,
                 const char    *queue)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  cups_dest_t *dest = find_destination (queue);
  int fd;
  int exit_code;

  if (dest == NULL)
    return TRK_CLI_EXIT_OUTPUT;

  fd = g_file_open_tmp ("tirkeu-checklist-XXXXXX.pdf", &path, &error);
  if (fd < 0)
    {
      cupsFreeDests (1, dest);
      trk_cli_error ("%s", error->message);
      return TRK_CLI_EXIT_OUTPUT;
    }
  g_close (fd, NULL);

  exit_code = write_checklist (result, langs, n_langs, paper, path);
  if (exit_code == TRK_CLI_EXIT_OK)
    exit_code = send_to_queue (dest, path, paper);
  g_unlink (path);
  cupsFreeDests (1, dest);
  return exit_code;
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
  PrintRequest print = { FALSE, NULL };
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
    { "print", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, print_option_cb,
      N_("Print on this CUPS queue instead (the default printer without a name); "
         "prints the job id"), N_("QUEUE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &assignments, NULL, N_("ID=VALUE…") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[ID=VALUE…]"));
  g_auto(TrkCliInputs) inputs = { NULL, NULL, { 0 } };
  g_autoptr(TrkResult) result = NULL;
  TrkLang langs[2];
  guint n_langs = 0;
  TrkPaper paper;
  GOptionGroup *group;
  gboolean ok;
  int exit_code;

  group = g_option_group_new (NULL, NULL, NULL, &print, NULL);
  g_option_group_add_entries (group, entries);
  g_option_context_set_main_group (context, group);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Write the printable checklist for an applicant's answers "
                                  "as a PDF, or print it.\nID=VALUE answers override the "
                                  "answers file."));
  normalize_print_option (argc, argv);
  ok = trk_cli_parse_options (context, &argc, &argv)
       && trk_cli_parse_langs (lang_text, langs, &n_langs) && trk_cli_parse_paper (paper_text, &paper)
       && check_destination (output, print.requested);
  if (!ok)
    {
      g_free (print.queue);
      return TRK_CLI_EXIT_INPUT;
    }

  exit_code = trk_cli_load_inputs (rules_path, answers_path, date_text, assignments, &inputs);
  if (exit_code == TRK_CLI_EXIT_OK)
    result = trk_cli_evaluate_inputs (&inputs, &exit_code);
  if (result != NULL)
    exit_code = print.requested ? print_checklist (result, langs, n_langs, paper, print.queue)
                                : write_checklist (result, langs, n_langs, paper, output);
  g_free (print.queue);
  return exit_code;
}
