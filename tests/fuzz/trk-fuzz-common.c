/* trk-fuzz-common.c - what the fuzz entry points share: set-up, a generator,
 * and the checks run on every rule set and result
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trk-fuzz.h"

#define BUILTIN_RULES_RESOURCE "/io/github/tirkeu/Tirkeu/core/rules/kz-dactyloscopy.rules.xml"

static TrkRuleSet *builtin_rules;
static GBytes *builtin_bytes;

/* GLib stops on a fatal message with SIGTRAP, which libFuzzer does not
 * catch (no crash file is written): abort() first, which it does. */
static void
abort_handler (const char     *log_domain,
               GLogLevelFlags  log_level,
               const char     *message,
               gpointer        user_data)
{
  if (log_level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      fprintf (stderr, "%s: %s\n", log_domain != NULL ? log_domain : "**", message);
      abort ();
    }
  g_log_default_handler (log_domain, log_level, message, user_data);
}

void
trk_fuzz_init (void)
{
  /* A warning or critical on hostile input is a bug: let it abort so the
   * fuzzer keeps the input (the test suite runs with fatal-warnings too). */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_default_handler (abort_handler, NULL);
}

TrkRuleSet *
trk_fuzz_builtin_rules (void)
{
  g_autoptr(GError) error = NULL;

  if (builtin_rules != NULL)
    return builtin_rules;

  builtin_rules = trk_rule_set_new_builtin (&error);
  if (builtin_rules == NULL)
    g_error ("the built-in rules do not load: %s", error->message);
  return builtin_rules;
}

GBytes *
trk_fuzz_builtin_rules_bytes (void)
{
  g_autoptr(GError) error = NULL;

  if (builtin_bytes != NULL)
    return builtin_bytes;

  trk_fuzz_builtin_rules ();  /* links and registers the core's resources */
  builtin_bytes = g_resources_lookup_data (BUILTIN_RULES_RESOURCE,
                                           G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (builtin_bytes == NULL)
    g_error ("no built-in rules resource: %s", error->message);
  return builtin_bytes;
}

/* ===== generator: FNV-1a seed, splitmix64 steps ===== */

guint64
trk_fuzz_seed (const guint8 *data,
               gsize         size)
{
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);

  for (gsize i = 0; i < size; i++)
    h = (h ^ data[i]) * G_GUINT64_CONSTANT (1099511628211);
  return h;
}

guint32
trk_fuzz_next (guint64 *rng,
               guint32  bound)
{
  guint64 z = (*rng += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  z ^= z >> 31;
  return bound > 0 ? (guint32) (z % bound) : 0;
}

void
trk_fuzz_pick_date (guint64 *rng,
                    GDate   *out_date)
{
  static const guint8 key_dates[][3] = {  /* day, month, year - 2000 */
    { 23, 12, 23 }, { 1, 1, 24 }, { 24, 2, 24 }, { 1, 7, 25 },
  };
  guint32 pick = trk_fuzz_next (rng, 3);

  g_date_clear (out_date, 1);
  if (pick == 2)
    {
      g_date_set_dmy (out_date, 1, G_DATE_JANUARY, 2023);
      g_date_add_days (out_date, trk_fuzz_next (rng, 5 * 365));
      return;
    }

  pick = trk_fuzz_next (rng, G_N_ELEMENTS (key_dates));
  g_date_set_dmy (out_date, key_dates[pick][0], key_dates[pick][1],
                  (GDateYear) (2000 + key_dates[pick][2]));
  if (trk_fuzz_next (rng, 2) == 0)
    g_date_subtract_days (out_date, 1);
}

/* A value for @q: valid in most cases, else out of range or garbage. */
static char *
random_value (const TrkQuestion *q,
              guint64           *rng)
{
  static const char *const garbage[] = { "", " ", "-1", "1e3", "yes no", "\xd2\x9b", "2147483648" };
  guint32 kind = trk_fuzz_next (rng, 8);
  int min = trk_question_get_min (q);
  int max = trk_question_get_max (q);

  if (kind == 0)
    return g_strdup (garbage[trk_fuzz_next (rng, G_N_ELEMENTS (garbage))]);
  if (trk_question_get_kind (q) == TRK_QUESTION_INTEGER)
    {
      gint64 span = (gint64) max - min + 3;
      gint64 v = (gint64) min - 1 + (span > 0 ? trk_fuzz_next (rng, (guint32) MIN (span, G_MAXUINT32)) : 0);

      return g_strdup_printf ("%" G_GINT64_FORMAT, kind == 1 ? v : CLAMP (v, min, max));
    }
  if (trk_question_get_n_choices (q) == 0 || kind == 1)
    return g_strdup ("not-a-choice");
  return g_strdup (trk_question_get_choice_value (q, trk_fuzz_next (rng, trk_question_get_n_choices (q))));
}

void
trk_fuzz_random_answers (TrkRuleSet *rules,
                         TrkAnswers *answers,
                         guint64    *rng)
{
  guint n = trk_rule_set_get_n_questions (rules);

  for (guint i = 0; i < n; i++)
    {
      const TrkQuestion *q = trk_rule_set_get_question (rules, i);
      g_autofree char *value = NULL;

      if (trk_fuzz_next (rng, 6) == 0)
        continue;  /* left out */
      value = random_value (q, rng);
      trk_answers_set (answers, trk_question_get_id (q), value);
    }
  if (trk_fuzz_next (rng, 16) == 0)
    trk_answers_set (answers, "no-such-question", "x");
}

/* A value @q accepts, or NULL when it accepts none (min > max). */
static char *
valid_value (const TrkQuestion *q,
             guint64           *rng)
{
  int min = trk_question_get_min (q);
  int max = trk_question_get_max (q);

  if (trk_question_get_kind (q) == TRK_QUESTION_CHOICE)
    {
      guint n = trk_question_get_n_choices (q);

      return n > 0 ? g_strdup (trk_question_get_choice_value (q, trk_fuzz_next (rng, n))) : NULL;
    }
  if (min > max)
    return NULL;
  return g_strdup_printf ("%d", min + (int) trk_fuzz_next (rng, (guint32) (max - min) + 1));
}

guint
trk_fuzz_walk_wizard (TrkRuleSet  *rules,
                      TrkAnswers  *answers,
                      const GDate *date,
                      guint64     *rng)
{
  guint n = trk_rule_set_get_n_questions (rules);
  guint steps = 0;
  TrkQuestion *q;

  /* Every step answers one more question validly; a question whose
   * relevance flips back and forth would need more than 2n steps. */
  while ((q = trk_next_question (rules, answers, date)) != NULL && steps <= 2 * n + 2)
    {
      g_autofree char *value = valid_value (q, rng);
      g_autoptr(GError) error = NULL;

      if (value == NULL)
        break;
      if (!trk_question_accepts (q, value, &error))
        g_error ("question “%s” refuses its own value “%s”: %s",
                 trk_question_get_id (q), value, error->message);
      trk_answers_set (answers, trk_question_get_id (q), value);
      if (trk_next_question (rules, answers, date) == q)
        g_error ("question “%s” is asked again after the valid answer “%s”",
                 trk_question_get_id (q), value);
      steps++;
    }
  return steps;
}

/* ===== checks ===== */

static void
check_text (const char *what,
            const char *text,
            gboolean    nullable)
{
  if (text == NULL)
    {
      if (!nullable)
        g_error ("%s is NULL", what);
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    g_error ("%s is not valid UTF-8", what);
}

static void
check_question (const TrkQuestion *q)
{
  check_text ("question id", trk_question_get_id (q), FALSE);
  for (guint lang = 0; lang < TRK_N_LANGS; lang++)
    {
      check_text ("question label", trk_question_get_label (q, lang), FALSE);
      check_text ("question help", trk_question_get_help (q, lang), TRUE);
      for (guint c = 0; c < trk_question_get_n_choices (q); c++)
        {
          check_text ("choice value", trk_question_get_choice_value (q, c), FALSE);
          check_text ("choice label", trk_question_get_choice_label (q, c, lang), FALSE);
          check_text ("choice help", trk_question_get_choice_help (q, c, lang), TRUE);
        }
    }
}

void
trk_fuzz_check_rule_set (TrkRuleSet *rules)
{
  guint n = trk_rule_set_get_n_questions (rules);

  check_text ("rules id", trk_rule_set_get_id (rules), FALSE);
  check_text ("rules version", trk_rule_set_get_version (rules), FALSE);
  check_text ("rules checked", trk_rule_set_get_checked (rules), FALSE);
  for (guint lang = 0; lang < TRK_N_LANGS; lang++)
    check_text ("rules title", trk_rule_set_get_title (rules, lang), FALSE);

  for (guint i = 0; i < n; i++)
    {
      const TrkQuestion *q = trk_rule_set_get_question (rules, i);

      check_question (q);
      if (trk_rule_set_lookup_question (rules, trk_question_get_id (q)) != q)
        g_error ("question “%s” is not found by its id", trk_question_get_id (q));
    }
}

void
trk_fuzz_check_relevance (TrkRuleSet  *rules,
                          TrkAnswers  *answers,
                          const GDate *date)
{
  g_autoptr(GPtrArray) relevant = trk_relevant_questions (rules, answers, date);
  TrkQuestion *next = trk_next_question (rules, answers, date);
  guint n = trk_rule_set_get_n_questions (rules);
  guint r = 0;
  gboolean next_seen = (next == NULL);

  /* In rules-file order, each question at most once, and the next
   * question is one of them. */
  for (guint i = 0; i < n && r < relevant->len; i++)
    {
      if (g_ptr_array_index (relevant, r) != trk_rule_set_get_question (rules, i))
        continue;
      next_seen |= (next == g_ptr_array_index (relevant, r));
      r++;
    }
  if (r != relevant->len)
    g_error ("relevant questions out of rules-file order (%u of %u matched)", r, relevant->len);
  if (!next_seen)
    g_error ("next question “%s” is not relevant", trk_question_get_id (next));
}

void
trk_fuzz_check_eval_error (const GError *error)
{
  if (error == NULL)
    g_error ("evaluation failed without an error");
  if (error->domain != TRK_EVAL_ERROR)
    g_error ("evaluation error in domain %s: %s", g_quark_to_string (error->domain), error->message);
  check_text ("evaluation error message", error->message, FALSE);
  if (error->message[0] == '\0')
    g_error ("empty evaluation error message");
}
