/* fuzz-evaluate.c - libFuzzer target: a wizard session against the built-in
 * rules, then the evaluation and its result
 *
 * The input is lines, applied one by one as the GUI and the CLI would:
 *   id=value   set an answer (like `tirkeu-cli evaluate ID=VALUE`)
 *   -id        forget an answer (Back after a change)
 *   !          clear all answers (Start over)
 *   @date      set the assessment date (any text; must be strict YYYY-MM-DD)
 * After every line the relevant questions are checked; at the end the
 * answers are evaluated, and the evaluator must agree with the wizard:
 * complete valid answers always evaluate (the built-in rules have no
 * gap), a missing answer is one the wizard would still ask.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-fuzz.h"

#define MAX_LINES 64

static void
apply_date (TrkAnswers *answers,
            const char *text)
{
  g_autofree char *formatted = NULL;
  GDate date;

  if (!trk_date_parse (text, &date))
    return;
  /* Strict YYYY-MM-DD: what parses formats back to the same text. */
  formatted = trk_date_format (&date);
  if (g_strcmp0 (formatted, text) != 0)
    g_error ("date “%s” parses but formats as “%s”", text, formatted);
  trk_answers_set_date (answers, &date);
}

static void
apply_line (TrkAnswers *answers,
            const char *line)
{
  const char *eq = strchr (line, '=');

  if (line[0] == '@')
    apply_date (answers, line + 1);
  else if (line[0] == '-')
    trk_answers_unset (answers, line + 1);
  else if (line[0] == '!')
    trk_answers_clear (answers);
  else if (eq != NULL)
    {
      g_autofree char *id = g_strndup (line, (gsize) (eq - line));

      trk_answers_set (answers, id, eq + 1);
    }
}

static const GDate *
session_date (TrkAnswers *answers,
              GDate      *fixed)
{
  /* Without a date "today" applies: fix it so a crash replays. */
  if (trk_answers_get_date (answers, fixed))
    return NULL;
  g_date_clear (fixed, 1);
  g_date_set_dmy (fixed, 28, G_DATE_NOVEMBER, 2026);
  return fixed;
}

/* TRUE when every answer is a known question with a value it accepts. */
static gboolean
all_valid (TrkRuleSet *rules,
           TrkAnswers *answers)
{
  g_autoptr(GPtrArray) ids = trk_answers_list_ids (answers);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      TrkQuestion *q = trk_rule_set_lookup_question (rules, id);

      if (q == NULL || !trk_question_accepts (q, trk_answers_get (answers, id), NULL))
        return FALSE;
    }
  return TRUE;
}

static void
check_refusal (const GError *error,
               gboolean      valid,
               gboolean      complete)
{
  trk_fuzz_check_eval_error (error);
  if (valid && complete)
    g_error ("complete valid answers refused: %s", error->message);
  if (error->code == TRK_EVAL_ERROR_INCONSISTENT_RULES)
    g_error ("the built-in rules are inconsistent: %s", error->message);
  if (error->code == TRK_EVAL_ERROR_MISSING_ANSWER && complete)
    g_error ("missing answer, yet the wizard asks nothing: %s", error->message);
  if ((error->code == TRK_EVAL_ERROR_UNKNOWN_ID || error->code == TRK_EVAL_ERROR_INVALID_VALUE) && valid)
    g_error ("valid answers refused as invalid: %s", error->message);
}

static void
evaluate (TrkRuleSet  *rules,
          TrkAnswers  *answers,
          const GDate *date)
{
  g_autoptr(TrkResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid = all_valid (rules, answers);
  gboolean complete = trk_next_question (rules, answers, date) == NULL;

  result = trk_evaluate (rules, answers, date, &error);
  if (result == NULL)
    {
      check_refusal (error, valid, complete);
      return;
    }
  if (!valid)
    g_error ("invalid answers evaluated");
  trk_fuzz_check_result (result, TRUE);
}

/* From where the session stopped, the wizard asks the rest. */
static void
finish_session (TrkRuleSet   *rules,
                TrkAnswers   *answers,
                const GDate  *date,
                const guint8 *data,
                gsize         size)
{
  g_autoptr(TrkAnswers) rest = trk_answers_copy (answers);
  guint64 rng = trk_fuzz_seed (data, size);

  if (!all_valid (rules, rest))
    return;
  trk_fuzz_walk_wizard (rules, rest, date, &rng);
  evaluate (rules, rest, date);
}

void
trk_fuzz_evaluate (const guint8 *data,
                   gsize         size)
{
  TrkRuleSet *rules = trk_fuzz_builtin_rules ();
  g_autoptr(TrkAnswers) answers = trk_answers_new ();
  g_autofree char *text = g_utf8_make_valid ((const char *) data, (gssize) size);
  g_auto(GStrv) lines = g_strsplit_set (text, "\n", MAX_LINES + 1);
  const GDate *date;
  GDate fixed;

  /* Values reach the core as UTF-8 (the loader and GTK guarantee it). */
  for (guint i = 0; lines[i] != NULL && i < MAX_LINES; i++)
    {
      apply_line (answers, lines[i]);
      trk_fuzz_check_relevance (rules, answers, session_date (answers, &fixed));
    }

  date = session_date (answers, &fixed);
  evaluate (rules, answers, date);
  finish_session (rules, answers, date, data, size);
}

#ifndef TRK_FUZZ_NO_MAIN
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  trk_fuzz_init ();
  trk_fuzz_builtin_rules ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  trk_fuzz_evaluate (data, size);
  return 0;
}
#endif
