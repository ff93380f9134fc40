/* test-evaluator.c - evaluation on the fixture rules: validation, relevance,
 * targets, the loop and its ways out, lists, JSON and text
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "trk-test-utils.h"

#define FIXTURE "law.rules.xml"
#define LOOP_ANSWERS "status=foreigner age=30 purpose=temporary_residence fingerprinted=no has_iin=no " \
                     "location=abroad visa_required=yes visa_channel=consulate passport_language=other"

static TrkRuleSet *
fixture_rules (void)
{
  g_autofree char *path = trk_test_fixture_path (FIXTURE);
  g_autoptr(GError) error = NULL;
  TrkRuleSet *rules = trk_rule_set_new_from_file (path, &error);

  g_assert_no_error (error);
  return rules;
}

static TrkResult *
evaluate (TrkRuleSet  *rules,
          const char  *date,
          const char  *spec,
          GError     **error)
{
  g_autoptr(TrkAnswers) answers = trk_test_answers (spec);
  GDate d;

  if (date == NULL)
    return trk_evaluate (rules, answers, NULL, error);
  d = trk_test_date (date);
  return trk_evaluate (rules, answers, &d, error);
}

static TrkResult *
evaluate_ok (TrkRuleSet *rules,
             const char *date,
             const char *spec)
{
  g_autoptr(GError) error = NULL;
  TrkResult *result = evaluate (rules, date, spec, &error);

  g_assert_no_error (error);
  return result;
}

/* ===== validation ===== */

typedef struct
{
  const char *spec;
  int         code;
  const char *message;
} BadAnswers;

static const BadAnswers bad_answers[] = {
  { "status=foreigner age=30 colour=blue", TRK_EVAL_ERROR_UNKNOWN_ID, "“colour” (known ids: status, age," },
  { "status=martian", TRK_EVAL_ERROR_INVALID_VALUE, "“martian” for “status” (allowed: citizen, foreigner, stateless)" },
  { "status=Foreigner", TRK_EVAL_ERROR_INVALID_VALUE, "“Foreigner” for “status”" },
  { "status=foreigner age=abc", TRK_EVAL_ERROR_INVALID_VALUE, "“abc” for “age” (allowed: 0..150)" },
  { "status=foreigner age=-1", TRK_EVAL_ERROR_INVALID_VALUE, "“-1” for “age”" },
  { "status=foreigner age=+5", TRK_EVAL_ERROR_INVALID_VALUE, "“+5”" },
  { "status=foreigner age=151", TRK_EVAL_ERROR_INVALID_VALUE, "“151” for “age” (allowed: 0..150)" },
  { "status=foreigner age=1e2", TRK_EVAL_ERROR_INVALID_VALUE, "“1e2”" },
  { "status=foreigner age=99999999999999999999", TRK_EVAL_ERROR_INVALID_VALUE, "for “age”" },
  { "status=foreigner age=", TRK_EVAL_ERROR_INVALID_VALUE, "“” for “age”" },
  { "status=foreigner age=3.5", TRK_EVAL_ERROR_INVALID_VALUE, "“3.5”" },
  /* irrelevant answers are validated too */
  { "status=citizen purpose=holiday", TRK_EVAL_ERROR_INVALID_VALUE, "“holiday” for “purpose”" },
  { "status=citizen age=200", TRK_EVAL_ERROR_INVALID_VALUE, "“200” for “age”" },
  /* missing answers name the id and the allowed values */
  { "", TRK_EVAL_ERROR_MISSING_ANSWER, "“status” (allowed: citizen, foreigner, stateless)" },
  { "status=stateless", TRK_EVAL_ERROR_MISSING_ANSWER, "“age” (allowed: 0..150)" },
  { "status=foreigner age=16", TRK_EVAL_ERROR_MISSING_ANSWER, "“purpose” (allowed: seafarer_card, " },
  { "status=foreigner age=16 purpose=visa", TRK_EVAL_ERROR_MISSING_ANSWER, "“visa_channel”" },
  { "status=foreigner age=16 purpose=none", TRK_EVAL_ERROR_MISSING_ANSWER, "“holds_pre2024_document” (allowed: yes, no)" },
  { "status=foreigner age=16 purpose=refugee fingerprinted=no", TRK_EVAL_ERROR_MISSING_ANSWER, "“has_iin”" },
};

static void
test_bad_answers (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();

  for (guint i = 0; i < G_N_ELEMENTS (bad_answers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrkResult) result = evaluate (rules, "2025-03-01", bad_answers[i].spec, &error);

      g_test_message ("%s -> %s", bad_answers[i].spec, error != NULL ? error->message : "(ok)");
      g_assert_null (result);
      g_assert_error (error, TRK_EVAL_ERROR, bad_answers[i].code);
      g_assert_nonnull (strstr (error->message, bad_answers[i].message));
    }
}

static void
test_values_trimmed (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkAnswers) answers = trk_answers_new ();
  g_autoptr(TrkResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDate date = trk_test_date ("2025-03-01");

  trk_answers_set (answers, "status", "  foreigner\n");
  trk_answers_set (answers, "age", "\t015 ");
  result = trk_evaluate (rules, answers, &date, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trk_result_get_status (result, "dactyloscopy"), ==, "not_required");
  g_assert_cmpuint (trk_result_get_n_answers (result), ==, 2);
  g_assert_cmpstr (trk_result_get_answer_value (result, 0), ==, "foreigner");
  g_assert_cmpstr (trk_result_get_answer_value (result, 1), ==, "15");
}

static void
test_question_accepts (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  TrkQuestion *age = trk_rule_set_lookup_question (rules, "age");
  TrkQuestion *status = trk_rule_set_lookup_question (rules, "status");
  g_autoptr(GError) error = NULL;

  g_assert_true (trk_question_accepts (age, "0", NULL));
  g_assert_true (trk_question_accepts (age, "150", NULL));
  g_assert_false (trk_question_accepts (age, "151", &error));
  g_assert_error (error, TRK_EVAL_ERROR, TRK_EVAL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (trk_question_accepts (status, "citizen", NULL));
  g_assert_false (trk_question_accepts (status, "citizens", NULL));
  g_assert_false (trk_question_accepts (status, "citize", NULL));
}

/* ===== relevance ===== */

static char *
relevant_ids (TrkRuleSet *rules,
              const char *date,
              const char *spec)
{
  g_autoptr(TrkAnswers) answers = trk_test_answers (spec);
  GDate d = trk_test_date (date);
  g_autoptr(GPtrArray) questions = trk_relevant_questions (rules, answers, &d);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < questions->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", trk_question_get_id (g_ptr_array_index (questions, i)));
  return g_string_free (out, FALSE);
}

static void
test_relevance (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  const struct { const char *date, *spec, *expected; } cases[] = {
    { "2023-12-31", LOOP_ANSWERS, "" },
    { "2024-01-01", "", "status" },
    { "2024-01-01", "status=citizen age=40 purpose=visa", "status" },
    { "2024-01-01", "status=foreigner age=15 purpose=visa", "status age" },
    { "2024-01-01", "status=foreigner age=16", "status age purpose" },
    { "2024-01-01", "status=foreigner age=16 purpose=visa", "status age purpose visa_channel" },
    { "2024-01-01", "status=foreigner age=16 purpose=visa visa_channel=airport", "status age purpose visa_channel" },
    { "2025-07-01", "status=foreigner age=16 purpose=visa", "status age purpose fingerprinted" },
    { "2024-06-01", "status=foreigner age=16 purpose=none", "status age purpose holds_pre2024_document" },
    /* the channel of the entry visa is asked for a loop candidate, after the answers that make one */
    { "2024-06-01", LOOP_ANSWERS, "status age purpose visa_channel fingerprinted has_iin location visa_required passport_language" },
    { "2024-06-01", "status=foreigner age=16 purpose=refugee fingerprinted=no has_iin=no location=kazakhstan",
      "status age purpose fingerprinted has_iin location passport_language" },
    /* invalid answers count as not given */
    { "2024-06-01", "status=foreigner age=old", "status age" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = relevant_ids (rules, cases[i].date, cases[i].spec);

      g_test_message ("%s %s", cases[i].date, cases[i].spec);
      g_assert_cmpstr (ids, ==, cases[i].expected);
    }
}

static void
test_next_question (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkAnswers) answers = trk_answers_new ();
  GDate date = trk_test_date ("2024-06-01");
  const char *walk[][2] = {
    { "status", "foreigner" }, { "age", "20" }, { "purpose", "seafarer_card" }, { "fingerprinted", "no" },
    { "has_iin", "yes" }, { "passport_language", "kk" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (walk); i++)
    {
      TrkQuestion *next = trk_next_question (rules, answers, &date);

      g_assert_nonnull (next);
      g_assert_cmpstr (trk_question_get_id (next), ==, walk[i][0]);
      trk_answers_set (answers, walk[i][0], "not a valid value");
      g_assert_true (trk_next_question (rules, answers, &date) == next);
      trk_answers_set (answers, walk[i][0], walk[i][1]);
    }
  g_assert_null (trk_next_question (rules, answers, &date));
}

/* Irrelevant answers are masked: they change nothing. */
static void
test_irrelevant_ignored (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkResult) plain = evaluate_ok (rules, "2025-03-01", "status=citizen");
  g_autoptr(TrkResult) noisy = evaluate_ok (rules, "2025-03-01", "status=citizen " LOOP_ANSWERS " status=citizen");
  g_autofree char *a = trk_result_to_json (plain, TRK_LANG_EN);
  g_autofree char *b = trk_result_to_json (noisy, TRK_LANG_EN);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (trk_result_get_status (noisy, "dactyloscopy"), ==, "voluntary");
  g_assert_cmpuint (trk_result_get_n_answers (noisy), ==, 1);
  g_assert_false (trk_result_has_cycle (noisy));
}

/* ===== dates ===== */

static void
test_date_sources (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkAnswers) answers = trk_test_answers ("status=citizen");
  g_autoptr(TrkResult) today_result = NULL;
  g_autoptr(TrkResult) file_date = NULL;
  g_autoptr(TrkResult) explicit = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GDate answers_date = trk_test_date ("2023-12-31");
  GDate date = trk_test_date ("2024-01-01");

  today_result = trk_evaluate (rules, answers, NULL, NULL);
  g_assert_cmpstr (trk_result_get_date (today_result), ==, today);

  trk_answers_set_date (answers, &answers_date);
  file_date = trk_evaluate (rules, answers, NULL, NULL);
  g_assert_cmpstr (trk_result_get_date (file_date), ==, "2023-12-31");
  g_assert_cmpstr (trk_result_get_status (file_date, "dactyloscopy"), ==, "not_in_force");

  explicit = trk_evaluate (rules, answers, &date, NULL);
  g_assert_cmpstr (trk_result_get_date (explicit), ==, "2024-01-01");
  g_assert_cmpstr (trk_result_get_status (explicit, "dactyloscopy"), ==, "voluntary");
}

/* ===== targets, reasons, notes ===== */

static void
test_reasons (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkResult) r = evaluate_ok (rules, "2025-03-01",
                                        "status=stateless age=40 purpose=none holds_pre2024_document=yes");
  g_autofree char *citation = NULL;

  g_assert_cmpstr (trk_result_get_status (r, "dactyloscopy"), ==, "grandfathered");
  g_assert_cmpstr (trk_result_get_status (r, "iin"), ==, "not_needed");
  g_assert_null (trk_result_get_status (r, "nope"));
  /* the deciding rule first, then the note */
  g_assert_cmpuint (trk_result_get_n_reasons (r, "dactyloscopy"), ==, 2);
  g_assert_cmpstr (trk_result_get_reason_rule (r, "dactyloscopy", 0), ==, "grandfathered");
  g_assert_cmpstr (trk_result_get_reason_rule (r, "dactyloscopy", 1), ==, "extension-later");
  g_assert_cmpuint (trk_result_get_n_reasons (r, "iin"), ==, 1);
  g_assert_cmpstr (trk_result_get_reason_rule (r, "iin", 0), ==, "iin-not-needed");
  g_assert_cmpstr (trk_result_get_reason_text (r, "dactyloscopy", 1, TRK_LANG_RU), ==,
                   "Продление или замена документа потребует регистрации.");
  citation = trk_result_get_reason_citation (r, "dactyloscopy", 0, TRK_LANG_KK);
  g_assert_cmpstr (citation, ==, "Қазақстан Республикасының 2023 жылғы 23 желтоқсандағы № 50-VIII Заңы");
  g_assert_true (trk_result_get_rule_set (r) == rules);
}

static void
test_citation_pinpoint (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkResult) r = evaluate_ok (rules, "2025-03-01", LOOP_ANSWERS);
  g_autofree char *reason = trk_result_get_reason_citation (r, "dactyloscopy", 0, TRK_LANG_EN);
  g_autofree char *warning = NULL;

  g_assert_cmpstr (reason, ==, "Law of the Republic of Kazakhstan No. 50-VIII of 23 December 2023, "
                               "mandatory registration, case 6");
  g_assert_cmpstr (trk_result_get_warning_key (r, 0), ==, "refusal_deportation");
  warning = trk_result_get_warning_citation (r, 0, TRK_LANG_RU);
  g_assert_cmpstr (warning, ==, "Кодекс Республики Казахстан об административных правонарушениях, статья 443-1");
}

static void
test_outcome_sees_earlier_target (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkResult) before = evaluate_ok (rules, "2024-02-23", LOOP_ANSWERS);
  g_autoptr(TrkResult) after = evaluate_ok (rules, "2024-02-24", LOOP_ANSWERS);
  g_autoptr(TrkResult) held = evaluate_ok (rules, "2024-02-24", LOOP_ANSWERS " has_iin=yes");
  g_autoptr(TrkResult) suspended = evaluate_ok (rules, "2024-02-24",
                                                "status=foreigner age=20 purpose=visa visa_channel=e_visa");

  g_assert_cmpstr (trk_result_get_status (before, "iin"), ==, "proxy_allowed");
  g_assert_cmpstr (trk_result_get_status (after, "iin"), ==, "in_person");
  g_assert_cmpstr (trk_result_get_status (held, "iin"), ==, "held");
  g_assert_cmpstr (trk_result_get_status (suspended, "dactyloscopy"), ==, "suspended");
  g_assert_cmpstr (trk_result_get_status (suspended, "iin"), ==, "not_needed");
}

static void
test_inconsistent_rules (void)
{
  g_autofree char *xml = trk_test_read_fixture (FIXTURE);
  g_autofree char *overlap = trk_test_replace (xml, "id=\"not-in-force\" target=\"dactyloscopy\" status=\"not_in_force\" until=\"2024-01-01\"",
                                               "id=\"not-in-force\" target=\"dactyloscopy\" status=\"not_in_force\" until=\"2024-01-02\"", NULL);
  g_autofree char *gap = trk_test_replace (xml, "<is answer=\"status\" value=\"citizen\"/>",
                                           "<is answer=\"status\" value=\"stateless\"/>", NULL);
  g_autoptr(TrkRuleSet) overlap_rules = trk_test_rules_from_string (overlap, FIXTURE, NULL);
  g_autoptr(TrkRuleSet) gap_rules = trk_test_rules_from_string (gap, FIXTURE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkResult) result = NULL;

  result = evaluate (overlap_rules, "2024-01-01", "status=citizen", &error);
  g_assert_null (result);
  g_assert_error (error, TRK_EVAL_ERROR, TRK_EVAL_ERROR_INCONSISTENT_RULES);
  g_assert_nonnull (strstr (error->message, "“not-in-force”"));
  g_assert_nonnull (strstr (error->message, "“citizen-voluntary”"));
  g_assert_nonnull (strstr (error->message, "2024-01-01"));
  g_clear_error (&error);

  result = evaluate (gap_rules, "2024-01-01", "status=citizen", &error);
  g_assert_null (result);
  g_assert_error (error, TRK_EVAL_ERROR, TRK_EVAL_ERROR_INCONSISTENT_RULES);
  g_assert_nonnull (strstr (error->message, "no rule decides “dactyloscopy”"));
  g_assert_nonnull (strstr (error->message, "status=citizen"));
}

/* ===== the loop ===== */

static void
test_loop (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkResult) r = evaluate_ok (rules, "2025-03-01", LOOP_ANSWERS);
  const char *cycle[] = { "iin", "presence", "entry", "visa", "dactyloscopy" };
  const char *ways[] = { "location=kazakhstan", "visa_required=no", "visa_channel=e_visa",
                         "visa_channel=airport", "has_iin=yes" };

  g_assert_true (trk_result_has_cycle (r));
  g_assert_cmpuint (trk_result_get_cycle_length (r), ==, G_N_ELEMENTS (cycle));
  for (guint i = 0; i < G_N_ELEMENTS (cycle); i++)
    g_assert_cmpstr (trk_result_get_cycle_step (r, i), ==, cycle[i]);
  g_assert_cmpstr (trk_result_get_cycle_link_text (r, 2, TRK_LANG_EN), ==, "Your nationality needs a visa to enter.");
  g_assert_cmpstr (trk_result_get_cycle_link_text (r, 4, TRK_LANG_KK), ==, "Тіркеу үшін ЖСН ұсыну қажет.");

  g_assert_cmpuint (trk_result_get_n_ways_out (r), ==, G_N_ELEMENTS (ways));
  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    {
      g_autofree char *spec = g_strdup_printf ("%s %s", LOOP_ANSWERS, ways[i]);
      g_autoptr(TrkResult) out = evaluate_ok (rules, "2025-03-01", spec);

      g_assert_cmpstr (trk_result_get_way_out_answer (r, i), ==, ways[i]);
      g_assert_false (trk_result_has_cycle (out));
    }
  g_assert_cmpstr (trk_result_get_way_out_text (r, 0, TRK_LANG_RU), ==, "Уже находиться в Казахстане");
  g_assert_true (trk_test_has_key (r, TRUE, "circular_dependency"));
}

/* From 2025-07-01 every channel needs dactyloscopy: the channel is not asked
 * and so no longer a way out (verified, not listed by hand). */
static void
test_ways_out_verified (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkResult) r = evaluate_ok (rules, "2025-07-01", LOOP_ANSWERS);

  g_assert_true (trk_result_has_cycle (r));
  g_assert_cmpuint (trk_result_get_n_ways_out (r), ==, 3);
  g_assert_cmpstr (trk_result_get_way_out_answer (r, 0), ==, "location=kazakhstan");
  g_assert_cmpstr (trk_result_get_way_out_answer (r, 1), ==, "visa_required=no");
  g_assert_cmpstr (trk_result_get_way_out_answer (r, 2), ==, "has_iin=yes");
}

static void
test_no_loop (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  const char *specs[] = {
    LOOP_ANSWERS " location=kazakhstan",
    LOOP_ANSWERS " visa_required=no",
    LOOP_ANSWERS " has_iin=yes",
    LOOP_ANSWERS " visa_channel=airport",
    LOOP_ANSWERS " -location",  /* optional, not given: the loop is not checked */
  };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(TrkResult) r = evaluate_ok (rules, "2025-03-01", specs[i]);

      g_assert_false (trk_result_has_cycle (r));
      g_assert_cmpuint (trk_result_get_cycle_length (r), ==, 0);
      g_assert_cmpuint (trk_result_get_n_ways_out (r), ==, 0);
      g_assert_false (trk_test_has_key (r, TRUE, "circular_dependency"));
      g_assert_true (trk_test_has_key (r, TRUE, "location_unchecked") == (i == 4));
    }

  /* Before 2024-02-24 an IIN can be had through a representative. */
  {
    g_autoptr(TrkResult) r = evaluate_ok (rules, "2024-02-23", LOOP_ANSWERS);
    g_assert_false (trk_result_has_cycle (r));
  }
}

/* ===== lists and output ===== */

static void
test_items (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkResult) other = evaluate_ok (rules, "2025-03-01", LOOP_ANSWERS);
  g_autoptr(TrkResult) russian = evaluate_ok (rules, "2025-03-01", LOOP_ANSWERS " passport_language=ru");
  g_autoptr(TrkResult) unknown = evaluate_ok (rules, "2025-03-01", LOOP_ANSWERS " -passport_language");
  g_autoptr(TrkResult) citizen = evaluate_ok (rules, "2025-03-01", "status=citizen");
  const char *keys[] = { "passport", "passport_translation", "iin", "migration_office", "fingerprints", "certificate" };

  g_assert_cmpuint (trk_result_get_n_items (other), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (trk_result_get_item_key (other, i), ==, keys[i]);
  g_assert_cmpstr (trk_result_get_item_text (other, 1, TRK_LANG_KK), ==, "Төлқұжаттың нотариат куәландырған аудармасы");
  g_assert_false (trk_test_has_key (russian, FALSE, "passport_translation"));
  g_assert_false (trk_test_has_key (unknown, FALSE, "passport_translation"));
  g_assert_true (trk_test_has_key (unknown, FALSE, "passport"));
  g_assert_cmpuint (trk_result_get_n_items (citizen), ==, 0);
  g_assert_cmpuint (trk_result_get_n_warnings (citizen), ==, 0);
}

static void
test_answer_labels (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkResult) r = evaluate_ok (rules, "2025-03-01", LOOP_ANSWERS " -passport_language");
  g_autofree char *label = NULL;
  g_autofree char *number = NULL;

  /* relevant and given, in rules-file order */
  g_assert_cmpuint (trk_result_get_n_answers (r), ==, 8);
  g_assert_cmpstr (trk_question_get_id (trk_result_get_answer_question (r, 3)), ==, "visa_channel");
  g_assert_cmpstr (trk_result_get_answer_value (r, 3), ==, "consulate");
  label = trk_result_get_answer_label (r, 0, TRK_LANG_RU);
  g_assert_cmpstr (label, ==, "Иностранный гражданин");
  number = trk_result_get_answer_label (r, 1, TRK_LANG_KK);
  g_assert_cmpstr (number, ==, "30");
  g_assert_cmpstr (trk_result_get_answer_value (r, 1), ==, "30");
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_object_member (object, name);
}

static void
test_json (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkResult) r = evaluate_ok (rules, "2025-03-01", LOOP_ANSWERS);
  g_autofree char *json = trk_result_to_json (r, TRK_LANG_KK);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *dact, *cd, *reason, *item;
  JsonArray *cycle;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "date"), ==, "2025-03-01");
  g_assert_cmpstr (json_object_get_string_member (member_object (root, "rules"), "id"), ==, "kz-dactyloscopy-fixture");
  g_assert_cmpstr (json_object_get_string_member (member_object (root, "rules"), "version"), ==, "0.9-test");
  g_assert_cmpstr (json_object_get_string_member (member_object (root, "rules"), "checked"), ==, "2026-11-20");

  dact = member_object (root, "dactyloscopy");
  g_assert_cmpstr (json_object_get_string_member (dact, "status"), ==, "mandatory");
  reason = json_array_get_object_element (json_object_get_array_member (dact, "reasons"), 0);
  g_assert_cmpstr (json_object_get_string_member (reason, "rule"), ==, "six-cases");
  g_assert_cmpstr (json_object_get_string_member (reason, "citation"), ==,
                   "Қазақстан Республикасының 2023 жылғы 23 желтоқсандағы № 50-VIII Заңы, міндетті тіркеу, 6-жағдай");
  g_assert_cmpstr (json_object_get_string_member (member_object (root, "iin"), "status"), ==, "in_person");

  cd = member_object (root, "circular_dependency");
  g_assert_true (json_object_get_boolean_member (cd, "detected"));
  cycle = json_object_get_array_member (cd, "cycle");
  g_assert_cmpuint (json_array_get_length (cycle), ==, 5);
  g_assert_cmpstr (json_array_get_string_element (cycle, 0), ==, "iin");
  g_assert_cmpstr (json_array_get_string_element (cycle, 4), ==, "dactyloscopy");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cd, "ways_out")), ==, 5);

  item = json_array_get_object_element (json_object_get_array_member (root, "checklist"), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, "passport");
  g_assert_cmpstr (json_object_get_string_member (item, "text"), ==, "Төлқұжатыңыз");
  item = json_array_get_object_element (json_object_get_array_member (root, "warnings"), 1);
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, "circular_dependency");
}

static void
test_json_no_cycle (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkResult) r = evaluate_ok (rules, "2023-06-01", "");
  g_autofree char *json = trk_result_to_json (r, TRK_LANG_EN);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *cd;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  cd = member_object (root, "circular_dependency");
  g_assert_false (json_object_get_boolean_member (cd, "detected"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cd, "cycle")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cd, "ways_out")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "checklist")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "warnings")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (member_object (root, "dactyloscopy"), "status"), ==, "not_in_force");
  g_assert_cmpuint (json_object_get_size (root), ==, 8);
}

static void
test_text (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  g_autoptr(TrkResult) r = evaluate_ok (rules, "2025-03-01", LOOP_ANSWERS);
  g_autofree char *en = trk_result_to_text (r, TRK_LANG_EN);
  g_autofree char *ru = trk_result_to_text (r, TRK_LANG_RU);
  const char *parts[] = {
    "kz-dactyloscopy-fixture 0.9-test", "2026-11-20", "2025-03-01", "Mandatory [mandatory]",
    "Law of the Republic of Kazakhstan No. 50-VIII of 23 December 2023, mandatory registration, case 6",
    "  1. Obtain an IIN", "  5. Register fingerprints", "(has_iin=yes)", "[ ] Your passport",
    "Refusing registration is punished by deportation.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_assert_nonnull (strstr (en, parts[i]));
  g_assert_nonnull (strstr (ru, "[ ] Ваш паспорт"));
  g_assert_nonnull (strstr (ru, "Обязательна [mandatory]"));
}

static void
test_boxed (void)
{
  g_autoptr(TrkRuleSet) rules = fixture_rules ();
  TrkResult *r = evaluate_ok (rules, "2025-03-01", "status=citizen");
  TrkResult *copy = g_boxed_copy (TRK_TYPE_RESULT, r);

  g_assert_true (copy == r);
  g_boxed_free (TRK_TYPE_RESULT, copy);
  g_assert_cmpstr (trk_result_get_status (r, "dactyloscopy"), ==, "voluntary");
  trk_result_unref (r);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trk/evaluator/bad-answers", test_bad_answers);
  g_test_add_func ("/trk/evaluator/values-trimmed", test_values_trimmed);
  g_test_add_func ("/trk/evaluator/question-accepts", test_question_accepts);
  g_test_add_func ("/trk/evaluator/relevance", test_relevance);
  g_test_add_func ("/trk/evaluator/next-question", test_next_question);
  g_test_add_func ("/trk/evaluator/irrelevant-ignored", test_irrelevant_ignored);
  g_test_add_func ("/trk/evaluator/date-sources", test_date_sources);
  g_test_add_func ("/trk/evaluator/reasons", test_reasons);
  g_test_add_func ("/trk/evaluator/citation-pinpoint", test_citation_pinpoint);
  g_test_add_func ("/trk/evaluator/outcome-sees-earlier-target", test_outcome_sees_earlier_target);
  g_test_add_func ("/trk/evaluator/inconsistent-rules", test_inconsistent_rules);
  g_test_add_func ("/trk/evaluator/loop", test_loop);
  g_test_add_func ("/trk/evaluator/ways-out-verified", test_ways_out_verified);
  g_test_add_func ("/trk/evaluator/no-loop", test_no_loop);
  g_test_add_func ("/trk/evaluator/items", test_items);
  g_test_add_func ("/trk/evaluator/answer-labels", test_answer_labels);
  g_test_add_func ("/trk/evaluator/json", test_json);
  g_test_add_func ("/trk/evaluator/json-no-cycle", test_json_no_cycle);
  g_test_add_func ("/trk/evaluator/text", test_text);
  g_test_add_func ("/trk/evaluator/boxed", test_boxed);

  return g_test_run ();
}
