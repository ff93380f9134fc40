/* bench-evaluator.c - evaluations per second and check-rules time (not a test)
 *
 *   bench-evaluator [RULES-FILE]     (the built-in rules without a file)
 *
 * Evaluates random complete answer sets (every question answered, optional
 * ones sometimes left out) on random dates between 2023 and 2026 through
 * the public trk_evaluate(), results freed, for about two seconds; then
 * runs trk_rules_check() once.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "trk-evaluator.h"
#include "trk-rules-check.h"

#define N_SETS 4096

static TrkAnswers *
random_answers (TrkRuleSet *rules,
                GRand      *rand)
{
  TrkAnswers *answers = trk_answers_new ();

  for (guint q = 0; q < trk_rule_set_get_n_questions (rules); q++)
    {
      TrkQuestion *question = trk_rule_set_get_question (rules, q);
      g_autofree char *number = NULL;

      if (trk_question_is_optional (question) && g_rand_int_range (rand, 0, 5) == 0)
        continue;
      if (trk_question_get_kind (question) == TRK_QUESTION_CHOICE)
        {
          guint c = (guint) g_rand_int_range (rand, 0, (gint32) trk_question_get_n_choices (question));
          trk_answers_set (answers, trk_question_get_id (question), trk_question_get_choice_value (question, c));
          continue;
        }
      number = g_strdup_printf ("%d", g_rand_int_range (rand, trk_question_get_min (question),
                                                        trk_question_get_max (question) + 1));
      trk_answers_set (answers, trk_question_get_id (question), number);
    }
  return answers;
}

static void
random_date (GRand *rand,
             GDate *date)
{
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_JUNE, 2023);
  g_date_clear (date, 1);
  g_date_set_julian (date, g_date_get_julian (&start) + (guint32) g_rand_int_range (rand, 0, 3 * 365));
}

/* CPU time of this process: the machine may be shared with other work. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static void
bench_evaluate (TrkRuleSet *rules)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20231223);
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func (g_object_unref);
  GDate dates[N_SETS];
  guint64 n = 0, errors = 0, loops = 0;
  gint64 start, elapsed;
  double cpu_start, cpu;

  for (guint i = 0; i < N_SETS; i++)
    {
      g_ptr_array_add (sets, random_answers (rules, rand));
      random_date (rand, &dates[i]);
    }

  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  do
    {
      for (guint i = 0; i < N_SETS; i++)
        {
          TrkResult *result = trk_evaluate (rules, g_ptr_array_index (sets, i), &dates[i], NULL);

          if (result == NULL)
            errors++;
          else
            {
              loops += trk_result_has_cycle (result);
              trk_result_unref (result);
            }
        }
      n += N_SETS;
      elapsed = g_get_monotonic_time () - start;
    }
  while (elapsed < 2 * G_USEC_PER_SEC);
  cpu = cpu_seconds () - cpu_start;

  printf ("evaluate: %" G_GUINT64_FORMAT " evaluations in %.3f s = %.0f evaluations/s wall clock, "
          "%.0f evaluations/s of CPU time (%.1f %% with a loop, %" G_GUINT64_FORMAT " errors)\n",
          n, (double) elapsed / G_USEC_PER_SEC, (double) n * G_USEC_PER_SEC / (double) elapsed,
          (double) n / cpu, 100.0 * (double) loops / (double) (n - errors), errors);
}

static int
bench_check (TrkRuleSet *rules)
{
  g_autoptr(GError) error = NULL;
  TrkRulesCheckReport report;

  if (!trk_rules_check (rules, &report, &error))
    {
      fprintf (stderr, "check-rules: %s\n", error->message);
      return 1;
    }
  printf ("check-rules: %" G_GUINT64_FORMAT " combinations on %u dates in %.3f s\n",
          report.combinations, report.dates, report.seconds);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = NULL;

  rules = argc > 1 ? trk_rule_set_new_from_file (argv[1], &error) : trk_rule_set_new_builtin (&error);
  if (rules == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("rules: %s %s\n", trk_rule_set_get_id (rules), trk_rule_set_get_version (rules));
  bench_evaluate (rules);
  return bench_check (rules);
}
