/* test-rules-loader.c - loading a rules file: valid, malformed, unsafe, and
 * each semantic error with its line
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-test-utils.h"

#define FIXTURE "law.rules.xml"

static void
test_valid (void)
{
  g_autofree char *path = trk_test_fixture_path (FIXTURE);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = trk_rule_set_new_from_file (path, &error);
  TrkQuestion *age, *status, *location;

  g_assert_no_error (error);
  g_assert_cmpstr (trk_rule_set_get_id (rules), ==, "kz-dactyloscopy-fixture");
  g_assert_cmpstr (trk_rule_set_get_version (rules), ==, "0.9-test");
  g_assert_cmpstr (trk_rule_set_get_checked (rules), ==, "2026-11-20");
  g_assert_true (g_str_has_prefix (trk_rule_set_get_title (rules, TRK_LANG_RU), "Обязательная"));
  g_assert_cmpuint (trk_rule_set_get_n_questions (rules), ==, 10);

  status = trk_rule_set_get_question (rules, 0);
  g_assert_cmpstr (trk_question_get_id (status), ==, "status");
  g_assert_cmpint (trk_question_get_kind (status), ==, TRK_QUESTION_CHOICE);
  g_assert_cmpuint (trk_question_get_n_choices (status), ==, 3);
  g_assert_cmpstr (trk_question_get_choice_value (status, 2), ==, "stateless");
  g_assert_cmpstr (trk_question_get_choice_label (status, 0, TRK_LANG_KK), ==, "Қазақстан азаматы");
  g_assert_null (trk_question_get_help (status, TRK_LANG_EN));
  g_assert_false (trk_question_is_optional (status));

  age = trk_rule_set_lookup_question (rules, "age");
  g_assert_nonnull (age);
  g_assert_cmpint (trk_question_get_kind (age), ==, TRK_QUESTION_INTEGER);
  g_assert_cmpint (trk_question_get_min (age), ==, 0);
  g_assert_cmpint (trk_question_get_max (age), ==, 150);
  g_assert_cmpstr (trk_question_get_label (age, TRK_LANG_RU), ==, "Ваш возраст (полных лет)");

  location = trk_rule_set_lookup_question (rules, "location");
  g_assert_true (trk_question_is_optional (location));
  g_assert_null (trk_rule_set_lookup_question (rules, "nope"));

  g_assert_cmpstr (trk_rule_set_get_target_label (rules, "iin", TRK_LANG_EN), ==,
                   "Individual identification number");
  g_assert_cmpstr (trk_rule_set_get_status_label (rules, "dactyloscopy", "mandatory", TRK_LANG_KK), ==, "Міндетті");
  g_assert_null (trk_rule_set_get_status_label (rules, "dactyloscopy", "nope", TRK_LANG_EN));
  g_assert_null (trk_rule_set_get_target_label (rules, "nope", TRK_LANG_EN));
  g_assert_cmpstr (trk_rule_set_get_step_label (rules, "entry", TRK_LANG_RU), ==, "Въехать в Казахстан");
  g_assert_null (trk_rule_set_get_step_label (rules, "nope", TRK_LANG_RU));
}

static void
test_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = trk_rule_set_new_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (trk_rule_set_get_id (rules));
  g_assert_nonnull (trk_rule_set_lookup_question (rules, "status"));
  g_assert_nonnull (trk_rule_set_get_status_label (rules, "dactyloscopy", "mandatory", TRK_LANG_KK));
  g_assert_nonnull (trk_rule_set_get_status_label (rules, "iin", "in_person", TRK_LANG_RU));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = trk_rule_set_new_from_file ("/nonexistent/rules.xml", &error);

  g_assert_null (rules);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* ===== malformed, unsafe and schema errors ===== */

typedef struct
{
  const char *name;
  const char *old;          /* replaced in the fixture */
  const char *replacement;
  int         code;
  const char *line_at;      /* the error's line holds this (NULL: where old was) */
  const char *message;      /* part of the message */
} Mutation;

static const Mutation mutations[] = {
  /* well-formedness and safety */
  { "not-well-formed", "</targets>", "</target>", TRK_RULES_ERROR_MALFORMED, NULL, "mismatch" },
  { "invalid-utf8", "Your age in full years</label>", "Your age \xff</label>", TRK_RULES_ERROR_MALFORMED, NULL, "UTF-8" },
  { "doctype", "<tirkeu-rules", "<!DOCTYPE tirkeu-rules [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<tirkeu-rules",
    TRK_RULES_ERROR_UNSAFE, NULL, "DOCTYPE/entities are not allowed" },
  { "entity-reference", "<label>Your age in full years</label>", "<label>&passwd;</label>",
    TRK_RULES_ERROR_MALFORMED, NULL, "passwd" },
  /* schema and version */
  { "wrong-format", "format=\"1\"", "format=\"2\"", TRK_RULES_ERROR_INVALID, NULL, "format “2”" },
  { "wrong-root", "<tirkeu-rules format", "<rules format", TRK_RULES_ERROR_MALFORMED, NULL, "" },
  { "unknown-element", "<steps>", "<steps>\n    <bogus/>", TRK_RULES_ERROR_INVALID, "<bogus/>", "bogus" },
  { "bad-attribute-value", "optional=\"true\"", "optional=\"yes\"", TRK_RULES_ERROR_INVALID, NULL, "schema" },
  { "bad-lang", "<label xml:lang=\"ru\">Ваш возраст", "<label xml:lang=\"de\">Ваш возраст",
    /* libxml2's RelaxNG names the last element that still matched */
    TRK_RULES_ERROR_INVALID, "<label xml:lang=\"kk\">Толық жасыңыз", "schema" },
  /* ids */
  { "duplicate-question", "<question id=\"age\"", "<question id=\"status\"", TRK_RULES_ERROR_DUPLICATE_ID, NULL, "“status”" },
  { "duplicate-rule", "id=\"iin-held\"", "id=\"iin-proxy\"", TRK_RULES_ERROR_DUPLICATE_ID, "id=\"iin-proxy\" target=\"iin\" status=\"proxy_allowed\"", "“iin-proxy”" },
  { "duplicate-item-and-rule", "id=\"passport\" key", "id=\"six-cases\" key", TRK_RULES_ERROR_DUPLICATE_ID, NULL, "“six-cases”" },
  { "duplicate-choice", "<choice value=\"stateless\">", "<choice value=\"citizen\">", TRK_RULES_ERROR_DUPLICATE_ID, NULL, "“citizen”" },
  { "duplicate-status", "<status id=\"voluntary\">", "<status id=\"not_in_force\">", TRK_RULES_ERROR_DUPLICATE_ID, NULL, "“not_in_force”" },
  { "duplicate-target", "<target id=\"iin\">", "<target id=\"dactyloscopy\">", TRK_RULES_ERROR_DUPLICATE_ID, NULL, "“dactyloscopy”" },
  { "duplicate-step", "<step id=\"entry\">", "<step id=\"iin\">", TRK_RULES_ERROR_DUPLICATE_ID, NULL, "“iin”" },
  { "duplicate-source", "<source id=\"code\" kind=\"legal_update\">", "<source id=\"law\" kind=\"legal_update\">", TRK_RULES_ERROR_DUPLICATE_ID, NULL, "“law”" },
  { "unknown-answer", "<is answer=\"fingerprinted\" value=\"yes\"/>", "<is answer=\"fingerprint\" value=\"yes\"/>",
    TRK_RULES_ERROR_UNKNOWN_ID, NULL, "“fingerprint”" },
  { "unknown-answer-missing", "<missing answer=\"location\"/>", "<missing answer=\"place\"/>",
    TRK_RULES_ERROR_UNKNOWN_ID, NULL, "“place”" },
  { "unknown-value", "<is answer=\"has_iin\" value=\"no\"/></ask-when>", "<is answer=\"has_iin\" value=\"maybe\"/></ask-when>",
    TRK_RULES_ERROR_UNKNOWN_ID, NULL, "“maybe”" },
  { "unknown-target", "target=\"iin\" status=\"held\"", "target=\"iim\" status=\"held\"", TRK_RULES_ERROR_UNKNOWN_ID, NULL, "“iim”" },
  { "unknown-status", "target=\"iin\" status=\"held\"", "target=\"iin\" status=\"hold\"", TRK_RULES_ERROR_UNKNOWN_ID, NULL, "“hold”" },
  { "unknown-outcome-status", "<outcome target=\"dactyloscopy\" status=\"mandatory\"/></not>",
    "<outcome target=\"dactyloscopy\" status=\"compulsory\"/></not>", TRK_RULES_ERROR_UNKNOWN_ID, NULL, "“compulsory”" },
  { "unknown-step", "needs=\"presence\"", "needs=\"presense\"", TRK_RULES_ERROR_UNKNOWN_ID, NULL, "“presense”" },
  { "unknown-source", "source=\"code\"", "source=\"codex\"", TRK_RULES_ERROR_UNKNOWN_ID, NULL, "“codex”" },
  { "bad-source-kind", "<source id=\"code\" kind=\"legal_update\">", "<source id=\"code\" kind=\"rumour\">",
    TRK_RULES_ERROR_INVALID, NULL, "schema" },
  { "press-report-without-address", "<source id=\"code\" kind=\"legal_update\">",
    "<source id=\"code\" kind=\"press_report\" publisher=\"example.kz\">", TRK_RULES_ERROR_INVALID,
    NULL, "publisher and its address" },
  { "unknown-way-out-value", "answer=\"location\" value=\"kazakhstan\">", "answer=\"location\" value=\"almaty\">", TRK_RULES_ERROR_UNKNOWN_ID, NULL, "“almaty”" },
  /* dates and ranges */
  { "from-after-until", "from=\"2024-01-01\" until=\"2025-07-01\"", "from=\"2025-07-01\" until=\"2024-01-01\"",
    TRK_RULES_ERROR_INVALID, NULL, "not before" },
  { "from-equals-until", "from=\"2024-01-01\" until=\"2025-07-01\"", "from=\"2024-01-01\" until=\"2024-01-01\"",
    TRK_RULES_ERROR_INVALID, NULL, "not before" },
  { "not-a-date-until", "until=\"2024-02-24\"", "until=\"2024-02-30\"", TRK_RULES_ERROR_INVALID, NULL, "2024-02-30" },
  { "not-a-date-condition", "<before date=\"2025-07-01\"/><any>", "<before date=\"2025-13-01\"/><any>",
    TRK_RULES_ERROR_INVALID, NULL, "2025-13-01" },
  { "not-a-date-checked", "checked=\"2026-11-20\"", "checked=\"2026-02-29\"", TRK_RULES_ERROR_INVALID, NULL, "2026-02-29" },
  { "min-above-max", "min=\"0\" max=\"150\"", "min=\"151\" max=\"150\"", TRK_RULES_ERROR_INVALID, NULL, "min (151) > max (150)" },
  /* conditions that do not fit */
  { "at-least-on-choice", "<at-least answer=\"age\" value=\"16\"/></ask-when>", "<at-least answer=\"status\" value=\"16\"/></ask-when>",
    TRK_RULES_ERROR_INVALID, NULL, "non-integer question “status”" },
  { "below-on-choice", "<below answer=\"age\" value=\"16\"/>", "<below answer=\"purpose\" value=\"16\"/>",
    TRK_RULES_ERROR_INVALID, NULL, "non-integer question “purpose”" },
  { "is-on-integer", "<below answer=\"age\" value=\"16\"/>", "<is answer=\"age\" value=\"x16\"/>",
    TRK_RULES_ERROR_INVALID, NULL, "integer question “age”" },
  { "loop-in-rule", "<is answer=\"fingerprinted\" value=\"yes\"/>", "<loop/>", TRK_RULES_ERROR_INVALID, NULL, "<loop>" },
  { "loop-in-question", "<is answer=\"location\" value=\"abroad\"/></ask-when>", "<loop/></ask-when>",
    TRK_RULES_ERROR_INVALID, NULL, "<loop>" },
  { "loop-in-relation", "<is answer=\"visa_required\" value=\"yes\"/></when>", "<loop/></when>",
    TRK_RULES_ERROR_INVALID, NULL, "<loop>" },
  { "outcome-later-target", "<is answer=\"holds_pre2024_document\" value=\"yes\"/></when>",
    "<outcome target=\"iin\" status=\"held\"/></when>", TRK_RULES_ERROR_INVALID, NULL, "not decided yet" },
  { "outcome-same-target", "<is answer=\"holds_pre2024_document\" value=\"yes\"/></when>",
    "<outcome target=\"dactyloscopy\" status=\"voluntary\"/></when>", TRK_RULES_ERROR_INVALID, NULL, "not decided yet" },
  { "outcome-in-question", "<is answer=\"location\" value=\"abroad\"/></ask-when>",
    "<outcome target=\"dactyloscopy\" status=\"mandatory\"/></ask-when>", TRK_RULES_ERROR_INVALID, NULL, "<ask-when>" },
  /* texts */
  { "duplicate-language", "<label xml:lang=\"ru\">Ваш возраст (полных лет)</label>",
    "<label xml:lang=\"kk\">Ваш возраст (полных лет)</label>", TRK_RULES_ERROR_INVALID, NULL, "twice" },
  { "no-english", "<text>Your passport</text>", "", TRK_RULES_ERROR_INVALID, "id=\"passport\" key=\"passport\"", "English" },
};

static void
test_mutation (gconstpointer data)
{
  const Mutation *m = data;
  g_autofree char *xml = trk_test_read_fixture (FIXTURE);
  guint line = 0;
  g_autofree char *bad = trk_test_replace (xml, m->old, m->replacement, &line);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = NULL;

  if (m->line_at != NULL)
    g_free (trk_test_replace (bad, m->line_at, m->line_at, &line));

  rules = trk_test_rules_from_string (bad, FIXTURE, &error);
  g_assert_null (rules);
  g_test_message ("%s", error->message);
  g_assert_error (error, TRK_RULES_ERROR, m->code);
  if (m->code != TRK_RULES_ERROR_MALFORMED || m->message[0] != '\0')
    trk_test_assert_line (error, FIXTURE, line);
  g_assert_nonnull (strstr (error->message, m->message));
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_too_large (void)
{
  g_autofree char *xml = trk_test_read_fixture (FIXTURE);
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = NULL;
  g_autofree char *padded = NULL;

  while (big->len <= 4 * 1024 * 1024)
    g_string_append (big, "<!-- padding padding padding padding padding padding -->\n");
  padded = trk_test_replace (xml, "<sources>", big->str, NULL);
  rules = trk_test_rules_from_string (padded, FIXTURE, &error);
  g_assert_null (rules);
  g_assert_error (error, TRK_RULES_ERROR, TRK_RULES_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, "too large"));
}

static void
test_deep_nesting (void)
{
  g_autofree char *xml = trk_test_read_fixture (FIXTURE);
  g_autoptr(GString) deep = g_string_new ("<when>");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = NULL;
  g_autofree char *bad = NULL;
  guint line;

  for (guint i = 0; i < 200; i++)
    g_string_append (deep, "<not>");
  g_string_append (deep, "<missing answer=\"age\"/>");
  for (guint i = 0; i < 200; i++)
    g_string_append (deep, "</not>");
  g_string_append (deep, "</when>");
  bad = trk_test_replace (xml, "<when><is answer=\"fingerprinted\" value=\"yes\"/></when>", deep->str, &line);

  rules = trk_test_rules_from_string (bad, FIXTURE, &error);
  g_assert_null (rules);
  g_assert_error (error, TRK_RULES_ERROR, TRK_RULES_ERROR_UNSAFE);
  trk_test_assert_line (error, FIXTURE, line);
  g_assert_nonnull (strstr (error->message, "nested deeper"));
}

/* A missing translation loads (English is the fallback); check-rules reports it. */
static void
test_missing_translation_falls_back (void)
{
  g_autofree char *xml = trk_test_read_fixture (FIXTURE);
  g_autofree char *partial = trk_test_replace (xml, "<label xml:lang=\"kk\">Толық жасыңыз</label>", "", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = trk_test_rules_from_string (partial, FIXTURE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (trk_question_get_label (trk_rule_set_lookup_question (rules, "age"), TRK_LANG_KK), ==,
                   "Your age in full years");
}

static void
test_whitespace_normalized (void)
{
  g_autofree char *xml = trk_test_read_fixture (FIXTURE);
  g_autofree char *wrapped = trk_test_replace (xml, "<label>Your age in full years</label>",
                                               "<label>\n      Your age   in\n  full years\n    </label>", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = trk_test_rules_from_string (wrapped, FIXTURE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (trk_question_get_label (trk_rule_set_lookup_question (rules, "age"), TRK_LANG_EN), ==,
                   "Your age in full years");
}

static void
test_lang (void)
{
  TrkLang lang;

  g_assert_true (trk_lang_from_string ("kk", &lang));
  g_assert_cmpint (lang, ==, TRK_LANG_KK);
  g_assert_true (trk_lang_from_string ("ru", &lang));
  g_assert_cmpint (lang, ==, TRK_LANG_RU);
  g_assert_true (trk_lang_from_string ("en", &lang));
  g_assert_cmpint (lang, ==, TRK_LANG_EN);
  g_assert_false (trk_lang_from_string ("de", &lang));
  g_assert_false (trk_lang_from_string ("EN", &lang));
  g_assert_false (trk_lang_from_string (NULL, &lang));
  g_assert_cmpstr (trk_lang_to_string (TRK_LANG_KK), ==, "kk");
  g_assert_cmpstr (trk_lang_native_name (TRK_LANG_KK), ==, "Қазақша");
  g_assert_cmpstr (trk_lang_native_name (TRK_LANG_RU), ==, "Русский");
  g_assert_cmpstr (trk_lang_native_name (TRK_LANG_EN), ==, "English");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trk/rules-loader/valid", test_valid);
  g_test_add_func ("/trk/rules-loader/builtin", test_builtin);
  g_test_add_func ("/trk/rules-loader/missing-file", test_missing_file);
  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trk/rules-loader/error/%s", mutations[i].name);
      g_test_add_data_func (path, &mutations[i], test_mutation);
    }
  g_test_add_func ("/trk/rules-loader/error/too-large", test_too_large);
  g_test_add_func ("/trk/rules-loader/error/deep-nesting", test_deep_nesting);
  g_test_add_func ("/trk/rules-loader/missing-translation-falls-back", test_missing_translation_falls_back);
  g_test_add_func ("/trk/rules-loader/whitespace-normalized", test_whitespace_normalized);
  g_test_add_func ("/trk/lang/codes", test_lang);

  return g_test_run ();
}
