/* trk-cli-private.h - commands of tirkeu-cli and what they share
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-answers.h"
#include "trk-checklist-doc.h"
#include "trk-evaluator.h"
#include "trk-rule-set.h"

G_BEGIN_DECLS

/* The contract's exit codes. */
enum
{
  TRK_CLI_EXIT_OK     = 0,
  TRK_CLI_EXIT_INPUT  = 2,  /* bad answers, date, option or command */
  TRK_CLI_EXIT_RULES  = 3,  /* the rules file is invalid or unsafe */
  TRK_CLI_EXIT_OUTPUT = 4,  /* the output could not be written */
};

/* Each command gets argv with argv[0] = the command name. */
int         trk_cli_evaluate      (int     argc,
                                   char  **argv);
int         trk_cli_check_rules   (int     argc,
                                   char  **argv);
int         trk_cli_checklist     (int     argc,
                                   char  **argv);
int         trk_cli_handbook      (int     argc,
                                   char  **argv);

/* "tirkeu-cli: MESSAGE" on stderr. */
void        trk_cli_error         (const char *format,
                                   ...) G_GNUC_PRINTF (1, 2);

/* Parses the command's options; on error prints it and returns FALSE
 * (exit code TRK_CLI_EXIT_INPUT). */
gboolean    trk_cli_parse_options (GOptionContext  *context,
                                   int             *argc,
                                   char          ***argv);

/* The inputs shared by evaluate and checklist: rules (@rules_path or the
 * built-in ones), the answers file, ID=VALUE overrides and the date.
 * Returns TRK_CLI_EXIT_OK or the exit code after printing the problem.
 * @out_date is cleared (invalid) when no --date was given. */
typedef struct
{
  TrkRuleSet *rules;
  TrkAnswers *answers;
  GDate       date;
} TrkCliInputs;

int         trk_cli_load_inputs   (const char    *rules_path,
                                   const char    *answers_path,
                                   const char    *date_text,
                                   char         **assignments,
                                   TrkCliInputs  *out);
void        trk_cli_inputs_clear  (TrkCliInputs  *inputs);
/* Evaluates; prints the problem and sets *out_exit on failure. */
TrkResult  *trk_cli_evaluate_inputs (TrkCliInputs *inputs,
                                     int          *out_exit);
/* Parses --lang=en|kk|ru; prints the problem on failure. */
gboolean    trk_cli_parse_lang    (const char    *text,
                                   TrkLang       *out_lang);
/* --lang=LANG[,LANG2] of checklist and handbook, and --paper=a4|letter
 * (default a4); print the problem on failure. */
gboolean    trk_cli_parse_langs   (const char    *text,
                                   TrkLang       *langs,
                                   guint         *n_langs);
gboolean    trk_cli_parse_paper   (const char    *text,
                                   TrkPaper      *paper);
/* Writes all of @text to stdout; FALSE (exit 4) after printing why. */
gboolean    trk_cli_write_stdout  (const char    *text);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrkCliInputs, trk_cli_inputs_clear)

G_END_DECLS
