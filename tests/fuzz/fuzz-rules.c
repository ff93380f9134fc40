/* fuzz-rules.c - libFuzzer target: the rules loader, then the evaluator on
 * whatever rule set it accepts
 *
 * A rules file comes by e-mail or USB stick (`--rules=FILE`, the app's
 * "Load rules"): any bytes must give a rule set or a TRK_RULES_ERROR that
 * names the line. An accepted rule set must then evaluate any answers
 * without crashing: random answers on random dates, and a wizard walk that
 * answers exactly the questions the engine asks.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-fuzz.h"

#define RULES_NAME "fuzz.rules.xml"
#define N_RANDOM_ANSWERS 4

static void
check_load_error (const GError *error)
{
  if (error == NULL)
    g_error ("the rules loader failed without an error");
  if (error->domain != TRK_RULES_ERROR)
    g_error ("rules error in domain %s: %s", g_quark_to_string (error->domain), error->message);
  if (!g_utf8_validate (error->message, -1, NULL))
    {
      g_autofree char *escaped = g_strescape (error->message, NULL);

      g_error ("rules error message is not valid UTF-8: %s", escaped);
    }
  /* The contract: the message names the line ("NAME:LINE: ..."). */
  if (!g_str_has_prefix (error->message, RULES_NAME ":")
      || !g_ascii_isdigit (error->message[strlen (RULES_NAME ":")]))
    g_error ("rules error does not name the line: %s", error->message);
}

static void
evaluate_random (TrkRuleSet *rules,
                 guint64    *rng)
{
  g_autoptr(TrkAnswers) answers = trk_answers_new ();
  g_autoptr(TrkResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  trk_fuzz_random_answers (rules, answers, rng);
  trk_fuzz_pick_date (rng, &date);
  trk_answers_set_date (answers, &date);  /* the answers file's date */
  trk_fuzz_check_relevance (rules, answers, NULL);

  result = trk_evaluate (rules, answers, NULL, &error);
  if (result != NULL)
    trk_fuzz_check_result (result, FALSE);
  else
    trk_fuzz_check_eval_error (error);
}

/* Answered as the wizard would, the answers are complete: only the rules
 * themselves (a gap or an overlap) may refuse them, and the same input
 * gives the same output. */
static void
evaluate_walk (TrkRuleSet *rules,
               guint64    *rng)
{
  g_autoptr(TrkAnswers) answers = trk_answers_new ();
  g_autoptr(TrkResult) result = NULL;
  g_autoptr(TrkResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  GDate date;

  trk_fuzz_pick_date (rng, &date);
  trk_fuzz_walk_wizard (rules, answers, &date, rng);
  if (trk_next_question (rules, answers, &date) != NULL)
    return;  /* an unanswerable question or a flipping one: no claim */

  result = trk_evaluate (rules, answers, &date, &error);
  if (result == NULL)
    {
      trk_fuzz_check_eval_error (error);
      if (!g_error_matches (error, TRK_EVAL_ERROR, TRK_EVAL_ERROR_INCONSISTENT_RULES))
        g_error ("complete answers refused: %s", error->message);
      return;
    }
  trk_fuzz_check_result (result, FALSE);

  again = trk_evaluate (rules, answers, &date, NULL);
  json = trk_result_to_json (result, TRK_LANG_EN);
  json_again = again != NULL ? trk_result_to_json (again, TRK_LANG_EN) : NULL;
  if (g_strcmp0 (json, json_again) != 0)
    g_error ("the same answers evaluate differently");
}

void
trk_fuzz_rules (const guint8 *data,
                gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(TrkRuleSet) rules = NULL;
  g_autoptr(GError) error = NULL;
  guint64 rng;

  rules = trk_rule_set_new_from_bytes (bytes, RULES_NAME, &error);
  if (rules == NULL)
    {
      check_load_error (error);
      return;
    }

  trk_fuzz_check_rule_set (rules);
  rng = trk_fuzz_seed (data, size);
  for (guint i = 0; i < N_RANDOM_ANSWERS; i++)
    evaluate_random (rules, &rng);
  evaluate_walk (rules, &rng);
}

#ifndef TRK_FUZZ_NO_MAIN
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  trk_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  trk_fuzz_rules (data, size);
  return 0;
}
#endif
