/* test-handbook.c - the handbook's outcomes are exactly those check-rules
 * meets on a date, and each says in the rules' words who it is for
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-handbook.h"
#include "trk-i18n.h"
#include "trk-test-utils.h"

/* Key dates (and eves) of the rules, and a day of late 2026. */
static const char *const dates[] = {
  "2023-12-31", "2024-01-01", "2024-02-24", "2024-06-01", "2025-06-30",
  "2025-07-01", "2025-10-20", "2025-10-21", "2026-12-06",
};

static TrkRuleSet *
builtin (void)
{
  g_autoptr(GError) error = NULL;
  TrkRuleSet *rules = trk_rule_set_new_builtin (&error);

  g_assert_no_error (error);
  return rules;
}

static TrkHandbook *
handbook_on (TrkRuleSet *rules,
             const char *text,
             GDate      *date)
{
  g_autoptr(GError) error = NULL;
  TrkHandbook *handbook;

  g_date_clear (date, 1);
  g_assert_true (trk_date_parse (text, date));
  handbook = trk_handbook_new (rules, date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (handbook);
  g_assert_cmpstr (trk_handbook_get_date (handbook), ==, text);
  return handbook;
}

/* Every outcome the full check meets on the date is in the handbook, and
 * the handbook has no other. */
static void
test_same_outcomes_as_check (void)
{
  g_autoptr(TrkRuleSet) rules = builtin ();

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      GDate date;
      g_autoptr(TrkHandbook) handbook = handbook_on (rules, dates[d], &date);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) checked = trk_handbook_checked_outcome_keys (rules, &date, &error);
      g_autoptr(GHashTable) in_handbook = g_hash_table_new (g_str_hash, g_str_equal);
      guint n = trk_handbook_get_n_outcomes (handbook);

      g_assert_no_error (error);
      for (guint i = 0; i < n; i++)
        g_assert_true (g_hash_table_add (in_handbook,
                                         (gpointer) trk_handbook_get_outcome_key (handbook, i)));
      for (guint i = 0; i < checked->len; i++)
        if (!g_hash_table_contains (in_handbook, g_ptr_array_index (checked, i)))
          g_error ("%s: check-rules meets %s, the handbook lacks it", dates[d],
                   (char *) g_ptr_array_index (checked, i));
      g_assert_cmpuint (checked->len, ==, n);
      g_test_message ("%s: %u outcomes", dates[d], n);
    }
}

/* The representative result has the statuses of its key. */
static void
test_results_match_keys (void)
{
  g_autoptr(TrkRuleSet) rules = builtin ();
  GDate date;
  g_autoptr(TrkHandbook) handbook = handbook_on (rules, "2026-12-06", &date);

  for (guint i = 0; i < trk_handbook_get_n_outcomes (handbook); i++)
    {
      TrkResult *result = trk_handbook_get_outcome_result (handbook, i);
      g_autofree char *prefix = g_strdup_printf ("dactyloscopy=%s;iin=%s;",
                                                 trk_result_get_status (result, "dactyloscopy"),
                                                 trk_result_get_status (result, "iin"));

      g_assert_true (g_str_has_prefix (trk_handbook_get_outcome_key (handbook, i), prefix));
      g_assert_cmpuint (trk_handbook_get_n_conditions (handbook, i), >=, 1);
      g_assert_cmpuint (trk_handbook_get_n_conditions (handbook, i), <=,
                        trk_handbook_get_n_answer_sets (handbook, i));
    }
}

static gboolean
terms_have (GPtrArray  *terms,
            const char *needle)
{
  for (guint i = 0; i < terms->len; i++)
    if (strstr (g_ptr_array_index (terms, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* The consular visa of 2026: who it is for reads like the example. */
static void
test_consular_visa_in_plain_words (void)
{
  g_autoptr(TrkRuleSet) rules = builtin ();
  GDate date;
  g_autoptr(TrkHandbook) handbook = handbook_on (rules, "2026-12-06", &date);
  gboolean found = FALSE;

  for (guint i = 0; i < trk_handbook_get_n_outcomes (handbook); i++)
    {
      const char *key = trk_handbook_get_outcome_key (handbook, i);

      if (!g_str_has_prefix (key, "dactyloscopy=mandatory;iin=not_needed;")
          || strstr (key, "item-consulate-fingerprints") == NULL
          || strstr (key, "passport-translation") != NULL)
        continue;
      for (guint c = 0; c < trk_handbook_get_n_conditions (handbook, i); c++)
        {
          g_autoptr(GPtrArray) terms = trk_handbook_get_condition_terms (handbook, i, c,
                                                                          TRK_LANG_EN);
          g_autoptr(GPtrArray) kk = trk_handbook_get_condition_terms (handbook, i, c,
                                                                       TRK_LANG_KK);

          for (guint t = 0; t < terms->len; t++)
            g_test_message ("  %s", (char *) g_ptr_array_index (terms, t));
          if (terms_have (terms, "How old are you? — 16 or more")
              && terms_have (terms, "A visa of Kazakhstan")
              && terms_have (terms, "At an embassy or consulate of Kazakhstan")
              && terms_have (terms, "No, not yet")
              && terms_have (kk, "16"))
            found = TRUE;
        }
    }
  g_assert_true (found);
}

/* Before the law was in force every answer leads to one outcome. */
static void
test_before_the_law_one_outcome (void)
{
  g_autoptr(TrkRuleSet) rules = builtin ();
  GDate date;
  g_autoptr(TrkHandbook) handbook = handbook_on (rules, "2023-12-31", &date);
  g_autoptr(GPtrArray) terms = NULL;

  g_assert_cmpuint (trk_handbook_get_n_outcomes (handbook), ==, 1);
  g_assert_cmpuint (trk_handbook_get_n_conditions (handbook, 0), ==, 1);
  terms = trk_handbook_get_condition_terms (handbook, 0, 0, TRK_LANG_RU);
  g_assert_cmpuint (terms->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  trk_i18n_init ();

  g_test_add_func ("/handbook/same-outcomes-as-check", test_same_outcomes_as_check);
  g_test_add_func ("/handbook/results-match-keys", test_results_match_keys);
  g_test_add_func ("/handbook/consular-visa-in-plain-words", test_consular_visa_in_plain_words);
  g_test_add_func ("/handbook/before-the-law", test_before_the_law_one_outcome);

  return g_test_run ();
}
