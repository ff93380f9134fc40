/* test-no-english-leak.c - no English left in a Kazakh or Russian report, JSON or checklist
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks the built-in rules' question tree exhaustively on every key date:
 * every relevant question with every value (an integer question with its
 * bounds and both sides of 16, an optional one also unanswered). For each
 * outcome, in Kazakh and in Russian, the readable report and the texts of
 * the JSON must hold no Latin letter, except machine ids the output names
 * on purpose. One outcome per new text (status, reason, loop, way out,
 * item, warning, answer, date) also gets its checklist PDF, read back with
 * poppler. One outcome per kind (both statuses, loop) goes through
 * tirkeu-cli: evaluate and evaluate --json must print what the core does,
 * and its PDF must be free of English too; so must its error messages.
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

#include "trk-checklist-doc.h"
#include "trk-evaluator.h"
#include "trk-i18n.h"
#include "trk-pdf-columns.h"
#include "trk-lang-date.h"
#include "trk-cli-runner.h"

/* poppler-glib 22.12 has no autoptr cleanups. */
typedef PopplerDocument TestPdf;
typedef PopplerPage TestPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)

/* Where the outcome changes (contract: key dates), and the day before. */
static const char *const key_dates[] = {
  "2023-12-31", "2024-01-01", "2024-02-23", "2024-02-24",
  "2025-06-30", "2025-07-01", "2026-11-28",
};

static const TrkLang langs[] = { TRK_LANG_KK, TRK_LANG_RU };

/* Latin words that kk and ru texts may hold: the app's name, a format,
 * the law's number (Roman numerals, "№ 50-VIII") and the programmes the
 * 2025 IIN pilot names (S3), word by word as a PDF line may break them. */
static const char *const allowed_words[] = { "Tirkeu", "PDF", "50-VIII", "Digital Nomad Residency",
                                             "Digital Nomad Visa", "Digital", "Nomad", "Residency", "Visa" };

static TrkRuleSet *rules;
static const char *cli;
static char *tmp_dir;

/* One outcome picked for the CLI and the PDF. */
typedef struct
{
  char  *date;
  GStrv  assignments;   /* "id=value" */
} Sample;

static void
sample_free (Sample *sample)
{
  g_free (sample->date);
  g_strfreev (sample->assignments);
  g_free (sample);
}

typedef struct
{
  TrkAnswers *answers;
  GHashTable *decided;   /* question ids answered or left out on purpose */
  GDate       date;
  const char *date_text;
  GHashTable *seen;      /* texts already met: see outcome_marks() */
  GHashTable *json_seen; /* outcomes whose JSON texts were checked */
  GPtrArray  *samples;
  guint       n_outcomes;
} Walk;

/* ===== the Latin scanner ===== */

static gboolean
is_latin (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN && g_unichar_isalpha (c);
}

static gboolean
is_cyrillic (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_CYRILLIC;
}

/* Ids are made of letters, digits, "_" and "-". */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_' || c == '-';
}

/* Blanks every occurrence of @word in @text that stands alone (no letter,
 * digit, "_" or "-" right before or after it). */
static void
blank_word (char       *text,
            const char *word)
{
  gsize len = strlen (word);

  for (char *at = strstr (text, word); at != NULL; at = strstr (at + 1, word))
    {
      if ((at > text && is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, at))))
          || is_word_char (g_utf8_get_char (at + len)))
        continue;
      memset (at, ' ', len);
    }
}

/* @text with the allowed words blanked out. */
static char *
blank_allowed (const char        *text,
               const char *const *allowed,
               guint              n_allowed)
{
  char *out = g_strdup (text);

  for (guint i = 0; i < G_N_ELEMENTS (allowed_words) + n_allowed; i++)
    {
      const char *word = i < n_allowed ? allowed[i] : allowed_words[i - n_allowed];

      if (word != NULL && *word != '\0')
        blank_word (out, word);
    }
  return out;
}

/* Returns: (transfer full) (nullable): the first word with a Latin letter,
 *   or one that mixes Latin and Cyrillic letters (a look-alike) */
static char *
find_latin_word (const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      gboolean latin = FALSE;

      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        {
          latin |= is_latin (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
      if (latin)
        return g_strndup (start, (gsize) (p - start));
      if (p == start)
        p = g_utf8_next_char (p);
    }
  return NULL;
}

static gboolean
has_cyrillic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_cyrillic (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static guint n_leaks;

/* Marks the test failed when @text (in @lang, from @where) holds English;
 * the first few leaks are shown in full. */
static void
assert_no_latin (TrkLang            lang,
                 const char        *where,
                 const char        *text,
                 const char *const *allowed,
                 guint              n_allowed)
{
  g_autofree char *blanked = blank_allowed (text, allowed, n_allowed);
  g_autofree char *word = find_latin_word (blanked);
  const char *code = trk_lang_to_string (lang);

  if (word == NULL && (*text == '\0' || has_cyrillic (text)))
    return;
  if (n_leaks++ < 3)
    g_test_message ("the whole text:\n%s", text);
  if (word != NULL)
    g_test_fail_printf ("%s, %s: Latin letters in “%s”", code, where, word);
  else
    g_test_fail_printf ("%s, %s: no Cyrillic text at all", code, where);
}

static void
test_scanner (void)
{
  const char *ok[] = { "[rule-one]" };
  g_autofree char *mixed = find_latin_word ("Қазақстaн");   /* a Latin "a" */
  g_autofree char *english = find_latin_word ("ЖСН: Source: заң");
  g_autofree char *blanked = blank_allowed ("Заң № 50-VIII [rule-one] Tirkeu PDF", ok, 1);

  g_assert_cmpstr (mixed, ==, "Қазақстaн");
  g_assert_cmpstr (english, ==, "Source");
  g_assert_null (find_latin_word (blanked));
  g_assert_null (find_latin_word ("2026 жылғы 28 қараша · 1-бет"));
  g_free (english);
  english = find_latin_word ("rule-two");
  g_assert_cmpstr (english, ==, "rule");
  g_assert_true (has_cyrillic ("ИИН"));
  g_assert_false (has_cyrillic ("IIN"));
}

/* ===== machine ids the outputs may name ===== */

/* Who published a source and where: names, not English text. */
static void
add_source_names (GPtrArray *hints,
                  TrkResult *result)
{
  /* addresses first: a publisher's name is part of its address */
  for (guint i = 0; i < trk_result_get_n_sources (result); i++)
    {
      const char *url = trk_rule_set_get_source_url (rules, trk_result_get_source (result, i));

      if (url != NULL)
        g_ptr_array_add (hints, g_strdup (url));
    }
  for (guint i = 0; i < trk_result_get_n_sources (result); i++)
    {
      const char *publisher = trk_rule_set_get_source_publisher (rules, trk_result_get_source (result, i));

      if (publisher != NULL)
        g_ptr_array_add (hints, g_strdup (publisher));
    }
}

/* Every publisher of the rules, whole and word by word (a PDF line may
 * break inside "Kazinform (inform.kz)"); built once, in main(). */
static GPtrArray *publishers;

static GPtrArray *
publisher_names (void)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < trk_rule_set_get_n_sources (rules); i++)
    {
      const char *publisher = trk_rule_set_get_source_publisher (rules, i);
      g_auto(GStrv) words = NULL;

      if (publisher == NULL)
        continue;
      g_ptr_array_add (names, g_strdup (publisher));
      words = g_strsplit_set (publisher, " ()", -1);
      for (guint w = 0; words[w] != NULL; w++)
        g_ptr_array_add (names, g_strdup (words[w]));
    }
  return names;
}

/* Ids of the result in the forms the text report prints them:
 * "[status]", "[rule-id]", "(location=kazakhstan)"; and the rules' id. */
static GPtrArray *
machine_hints (TrkResult *result)
{
  static const char *const targets[] = { "dactyloscopy", "iin" };
  GPtrArray *hints = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (hints, g_strdup (trk_rule_set_get_id (rules)));
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_ptr_array_add (hints, g_strdup_printf ("[%s]", trk_result_get_status (result, targets[t])));
      for (guint i = 0; i < trk_result_get_n_reasons (result, targets[t]); i++)
        {
          const char *rule = trk_result_get_reason_rule (result, targets[t], i);

          g_ptr_array_add (hints, g_strdup_printf ("[%s]", rule));
        }
    }
  for (guint i = 0; i < trk_result_get_n_ways_out (result); i++)
    g_ptr_array_add (hints, g_strdup_printf ("(%s)", trk_result_get_way_out_answer (result, i)));
  add_source_names (hints, result);
  return hints;
}

/* ===== JSON ===== */

/* Members whose values are ids or dates, not texts for people. */
static gboolean
is_machine_member (const char *name)
{
  static const char *const names[] = { "date", "id", "version", "checked", "status", "rule",
                                       "cycle", "ways_out", "detected", "url", "kind", "publisher" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static void check_json_node (JsonNode *node, TrkLang lang, const char *where, guint *n_texts);

static void
check_json_member (JsonObject  *object,
                   const char  *name,
                   JsonNode    *node,
                   gpointer     data)
{
  gpointer *args = data;

  /* "sources" of an entry lists ids; the top-level list holds titles */
  if (strcmp (name, "sources") == 0 && JSON_NODE_HOLDS_ARRAY (node)
      && json_array_get_length (json_node_get_array (node)) > 0
      && JSON_NODE_HOLDS_VALUE (json_array_get_element (json_node_get_array (node), 0)))
    return;
  if (!is_machine_member (name))
    check_json_node (node, GPOINTER_TO_UINT (args[0]), args[1], args[2]);
}

/* Every string in @node, outside machine members, is a text in @lang. */
static void
check_json_node (JsonNode   *node,
                 TrkLang     lang,
                 const char *where,
                 guint      *n_texts)
{
  gpointer args[] = { GUINT_TO_POINTER (lang), (gpointer) where, n_texts };

  if (JSON_NODE_HOLDS_OBJECT (node))
    json_object_foreach_member (json_node_get_object (node), check_json_member, args);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        check_json_node (json_array_get_element (array, i), lang, where, n_texts);
    }
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      /* citations name who reported an act ("zakon.kz") */
      assert_no_latin (lang, where, json_node_get_string (node), (const char *const *) publishers->pdata,
                       publishers->len);
      (*n_texts)++;
    }
}

static void
check_json (const char *json,
            TrkLang     lang,
            const char *where)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  guint n_texts = 0;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  check_json_node (json_parser_get_root (parser), lang, where, &n_texts);
  /* At least a reason's text and its citation. */
  g_assert_cmpuint (n_texts, >=, 2);
}

/* ===== walking the question tree ===== */

static char *
describe (Walk *walk)
{
  g_autoptr(GPtrArray) ids = trk_answers_list_ids (walk->answers);
  GString *out = g_string_new (walk->date_text);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, " %s=%s", (char *) ids->pdata[i],
                            trk_answers_get (walk->answers, ids->pdata[i]));
  return g_string_free (out, FALSE);
}

static GStrv
assignments (Walk *walk)
{
  g_autoptr(GPtrArray) ids = trk_answers_list_ids (walk->answers);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv strv;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *pair = g_strdup_printf ("%s=%s", (char *) ids->pdata[i],
                                               trk_answers_get (walk->answers, ids->pdata[i]));

      g_strv_builder_add (builder, pair);
    }
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

static void
add_mark (GPtrArray  *marks,
          const char *kind,
          const char *text)
{
  g_ptr_array_add (marks, g_strconcat (kind, ":", text, NULL));
}

static void
add_target_marks (GPtrArray  *marks,
                  TrkResult  *result,
                  const char *target)
{
  g_autofree char *status = g_strconcat (target, "=", trk_result_get_status (result, target), NULL);

  add_mark (marks, "status", status);
  for (guint i = 0; i < trk_result_get_n_reasons (result, target); i++)
    add_mark (marks, "reason", trk_result_get_reason_rule (result, target, i));
}

/* Everything of @result that puts a different text on the page. */
static GPtrArray *
outcome_marks (Walk      *walk,
               TrkResult *result)
{
  GPtrArray *marks = g_ptr_array_new_with_free_func (g_free);

  add_mark (marks, "date", walk->date_text);
  add_target_marks (marks, result, "dactyloscopy");
  add_target_marks (marks, result, "iin");
  for (guint i = 0; i < trk_result_get_cycle_length (result); i++)
    add_mark (marks, "step", trk_result_get_cycle_step (result, i));
  for (guint i = 0; i < trk_result_get_n_ways_out (result); i++)
    add_mark (marks, "way-out", trk_result_get_way_out_answer (result, i));
  for (guint i = 0; i < trk_result_get_n_items (result); i++)
    add_mark (marks, "item", trk_result_get_item_text (result, i, TRK_LANG_EN));
  for (guint i = 0; i < trk_result_get_n_warnings (result); i++)
    add_mark (marks, "warning", trk_result_get_warning_text (result, i, TRK_LANG_EN));
  for (guint i = 0; i < trk_result_get_n_answers (result); i++)
    {
      TrkQuestion *question = trk_result_get_answer_question (result, i);
      g_autofree char *pair = g_strdup_printf ("%s=%s", trk_question_get_id (question),
                                               trk_result_get_answer_value (result, i));

      add_mark (marks, "answer", pair);
    }
  return marks;
}

/* Keeps the outcome for the CLI when it shows a text no kept one showed. */
static void
maybe_sample (Walk      *walk,
              GPtrArray *marks)
{
  gboolean new_text = FALSE;
  Sample *sample;

  for (guint i = 0; i < marks->len; i++)
    if (g_hash_table_add (walk->seen, g_strdup (marks->pdata[i])))
      new_text = TRUE;
  if (!new_text)
    return;

  sample = g_new0 (Sample, 1);
  sample->date = g_strdup (walk->date_text);
  sample->assignments = assignments (walk);
  g_ptr_array_add (walk->samples, sample);
}

/* The JSON's texts do not show the answers or the date: an outcome with
 * the same other marks as one already checked has the same JSON texts. */
static gboolean
json_checked_before (Walk      *walk,
                     GPtrArray *marks)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < marks->len; i++)
    {
      const char *mark = marks->pdata[i];

      if (!g_str_has_prefix (mark, "answer:") && !g_str_has_prefix (mark, "date:"))
        g_string_append_printf (key, "%s\n", mark);
    }
  return !g_hash_table_add (walk->json_seen, g_string_free (key, FALSE));
}

static void
check_outcome (Walk *walk)
{
  g_autofree char *where = describe (walk);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkResult) result = trk_evaluate (rules, walk->answers, &walk->date, &error);
  g_autoptr(GPtrArray) hints = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  gboolean check_json_texts;

  if (result == NULL)
    {
      g_test_fail_printf ("%s: %s", where, error->message);
      return;
    }
  hints = machine_hints (result);
  marks = outcome_marks (walk, result);
  check_json_texts = !json_checked_before (walk, marks);
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *text = trk_result_to_text (result, langs[l]);

      assert_no_latin (langs[l], where, text, (const char *const *) hints->pdata, hints->len);
      if (check_json_texts)
        {
          g_autofree char *json = trk_result_to_json (result, langs[l]);

          check_json (json, langs[l], where);
        }
    }
  walk->n_outcomes++;
  maybe_sample (walk, marks);
}

/* The values tried for @question: every choice; for a number its bounds
 * and both sides of the age limit, the only threshold of the rules. */
static GStrv
question_values (TrkQuestion *question)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv values;

  if (trk_question_get_kind (question) == TRK_QUESTION_CHOICE)
    for (guint i = 0; i < trk_question_get_n_choices (question); i++)
      g_strv_builder_add (builder, trk_question_get_choice_value (question, i));
  else
    {
      int min = trk_question_get_min (question);
      int max = trk_question_get_max (question);
      int candidates[] = { min, 15, 16, max };

      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        if (candidates[i] >= min && candidates[i] <= max
            && (i == 0 || candidates[i] != candidates[i - 1]))
          {
            g_autofree char *number = g_strdup_printf ("%d", candidates[i]);

            g_strv_builder_add (builder, number);
          }
    }
  values = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return values;
}

static TrkQuestion *
next_undecided (Walk *walk)
{
  g_autoptr(GPtrArray) relevant = trk_relevant_questions (rules, walk->answers, &walk->date);

  for (guint i = 0; i < relevant->len; i++)
    if (!g_hash_table_contains (walk->decided, trk_question_get_id (relevant->pdata[i])))
      return relevant->pdata[i];
  return NULL;
}

static void
walk_tree (Walk *walk)
{
  TrkQuestion *question = next_undecided (walk);
  g_auto(GStrv) values = NULL;
  const char *id;

  if (question == NULL)
    {
      check_outcome (walk);
      return;
    }

  id = trk_question_get_id (question);
  values = question_values (question);
  g_hash_table_add (walk->decided, (gpointer) id);
  for (guint i = 0; values[i] != NULL; i++)
    {
      trk_answers_set (walk->answers, id, values[i]);
      walk_tree (walk);
    }
  trk_answers_unset (walk->answers, id);
  if (trk_question_is_optional (question))
    walk_tree (walk);
  g_hash_table_remove (walk->decided, id);
}

/* One outcome per new text, for the CLI tests. */
static GPtrArray *samples;

/* Walks every key date (checking every outcome); returns the outcome count. */
static guint
walk_all (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) json_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint total = 0;

  g_clear_pointer (&samples, g_ptr_array_unref);
  samples = g_ptr_array_new_with_free_func ((GDestroyNotify) sample_free);
  for (guint d = 0; d < G_N_ELEMENTS (key_dates); d++)
    {
      g_autoptr(TrkAnswers) answers = trk_answers_new ();
      g_autoptr(GHashTable) decided = g_hash_table_new (g_str_hash, g_str_equal);
      Walk walk = { answers, decided, { 0 }, key_dates[d], seen, json_seen, samples, 0 };

      g_date_clear (&walk.date, 1);
      g_assert_true (trk_date_parse (key_dates[d], &walk.date));
      walk_tree (&walk);
      g_assert_cmpuint (walk.n_outcomes, >=, 1);
      g_test_message ("%s: %u outcomes", key_dates[d], walk.n_outcomes);
      total += walk.n_outcomes;
    }
  return total;
}

static GPtrArray *
get_samples (void)
{
  if (samples == NULL)
    walk_all ();
  return samples;
}

static void
test_every_outcome (void)
{
  guint total = walk_all ();

  g_test_message ("%u outcomes in kk and ru, %u of them through the CLI", total, samples->len);
  /* not in force, every status, the loop and its ways out at least */
  g_assert_cmpuint (total, >, 100);
  g_assert_cmpuint (samples->len, >=, 8);
}

/* ===== through tirkeu-cli ===== */

/* Runs tirkeu-cli with @command, @extra (NULL-terminated) and the sample's
 * answers; returns its standard output. */
static char *
run_cli (const char        *command,
         const char *const *extra,
         const Sample      *sample,
         char             **envp,
         int                expected_exit,
         char             **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(TrkCliRun) run = { 0 };

  g_ptr_array_add (argv, g_strdup (command));
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra[i]));
  if (sample != NULL)
    {
      g_ptr_array_add (argv, g_strconcat ("--date=", sample->date, NULL));
      for (guint i = 0; sample->assignments[i] != NULL; i++)
        g_ptr_array_add (argv, g_strdup (sample->assignments[i]));
    }
  g_ptr_array_add (argv, NULL);

  trk_cli_run (&run, cli, (const char *const *) argv->pdata, envp, NULL, 0);
  g_assert_cmpint (run.status, ==, expected_exit);
  if (err != NULL)
    *err = g_steal_pointer (&run.err);
  return g_steal_pointer (&run.out);
}

static char *
describe_sample (const Sample *sample)
{
  g_autofree char *answers = g_strjoinv (" ", sample->assignments);

  return g_strdup_printf ("%s %s", sample->date, answers);
}

/* The same outcome, evaluated in this process. */
static TrkResult *
sample_result (const Sample *sample)
{
  g_autoptr(TrkAnswers) answers = trk_answers_new ();
  g_autoptr(GError) error = NULL;
  TrkResult *result;
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (trk_date_parse (sample->date, &date));
  for (guint i = 0; sample->assignments[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (sample->assignments[i], "=", 2);

      trk_answers_set (answers, pair[0], pair[1]);
    }
  result = trk_evaluate (rules, answers, &date, &error);
  g_assert_no_error (error);
  return result;
}

/* Appends @page's text to @columns, line by line, each column of the
 * @n_columns side by side to its own. */
static void
split_columns (TestPage  *page,
               GString  **columns,
               guint      n_columns)
{
  double width, height;

  poppler_page_get_size (page, &width, &height);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *text = trk_pdf_column_text (page, c * width / n_columns, (c + 1) * width / n_columns,
                                                   TRUE);

      g_string_append (columns[c], text);
    }
}

/* The text of every page, column after column; the file is removed. */
static char *
pdf_text (const char *path,
          guint       n_columns)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TestPdf) pdf = poppler_document_new_from_file (uri, NULL, &error);
  GString *columns[2] = { g_string_new (NULL), g_string_new (NULL) };

  g_assert_no_error (error);
  g_assert_cmpuint (n_columns, <=, G_N_ELEMENTS (columns));
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 1);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf, i);

      split_columns (page, columns, n_columns);
    }
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_string_append_c (columns[0], '\n');
  g_string_append (columns[0], columns[1]->str);
  g_string_free (columns[1], TRUE);
  /* A word broken at its hyphen ("№ 50-" / "VIII") is one word. */
  g_string_replace (columns[0], "-\n", "-", 0);
  return g_string_free (columns[0], FALSE);
}

/* Blanks @url in @text, also where the PDF broke it over lines (an
 * address may break anywhere): a source's address is not English text. */
static void
blank_wrapped (char       *text,
               const char *url)
{
  for (char *start = text; *start != '\0'; start++)
    {
      const char *u = url;
      char *t = start;

      while (*u != '\0' && *t != '\0')
        {
          if (*t == '\n' && t != start)
            t++;
          else if (*t == *u)
            t++, u++;
          else
            break;
        }
      if (*u != '\0')
        continue;
      for (char *b = start; b < t; b++)
        if (*b != '\n')
          *b = ' ';
    }
}

/* Fails unless the checklist text reads in @lang: its title, no English. */
static void
check_checklist_text (const char *text,
                      TrkLang     lang,
                      const char *where)
{
  g_autoptr(GPtrArray) names = g_ptr_array_copy (publishers, (GCopyFunc) (void (*) (void)) g_strdup, NULL);
  const char *title_text = trk_i18n_gettext (lang, "Checklist: fingerprint "
                                             "registration in Kazakhstan");
  g_auto(GStrv) title = g_strsplit (title_text, ":", 2);
  g_autofree char *pdf_where = g_strconcat ("PDF ", where, NULL);

  g_autofree char *blanked = g_strdup (text);

  g_ptr_array_add (names, g_strdup (trk_rule_set_get_id (rules)));
  for (guint i = 0; i < trk_rule_set_get_n_sources (rules); i++)
    if (trk_rule_set_get_source_url (rules, i) != NULL)
      blank_wrapped (blanked, trk_rule_set_get_source_url (rules, i));

  /* The text was read at all, and in the right language. */
  g_assert_nonnull (strstr (blanked, title[0]));
  assert_no_latin (lang, pdf_where, blanked, (const char *const *) names->pdata, names->len);
}

/* The checklist of @result in @langs, rendered here, as text. */
static char *
render_text (TrkResult     *result,
             const TrkLang *doc_langs,
             guint          n_langs)
{
  g_autoptr(TrkChecklistDoc) doc = trk_checklist_doc_new (result, doc_langs, n_langs,
                                                          TRK_PAPER_A4);
  g_autofree char *path = g_build_filename (tmp_dir, "checklist.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (trk_checklist_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  return pdf_text (path, n_langs);
}

/* Every sampled outcome's checklist, in Kazakh and in Russian. */
static void
test_checklists (void)
{
  for (guint s = 0; s < get_samples ()->len; s++)
    {
      g_autofree char *where = describe_sample (samples->pdata[s]);
      g_autoptr(TrkResult) result = sample_result (samples->pdata[s]);

      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          g_autofree char *text = render_text (result, &langs[l], 1);

          check_checklist_text (text, langs[l], where);
        }
    }
}

/* A Kazakh and Russian checklist side by side: still no English. */
static void
test_bilingual (void)
{
  GPtrArray *all = get_samples ();
  g_autoptr(TrkResult) result = sample_result (all->pdata[all->len - 1]);
  g_autofree char *text = render_text (result, langs, G_N_ELEMENTS (langs));

  check_checklist_text (text, TRK_LANG_KK, "kk,ru");
  check_checklist_text (text, TRK_LANG_RU, "kk,ru");
}

/* One sample per outcome (both statuses and the loop): the ones the CLI
 * is run on. Transfer container. */
static GPtrArray *
cli_samples (void)
{
  g_autoptr(GHashTable) outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *picked = g_ptr_array_new ();

  for (guint s = 0; s < get_samples ()->len; s++)
    {
      g_autoptr(TrkResult) result = sample_result (samples->pdata[s]);
      char *key = g_strdup_printf ("%s %s %d", trk_result_get_status (result, "dactyloscopy"),
                                   trk_result_get_status (result, "iin"),
                                   trk_result_has_cycle (result));

      if (g_hash_table_add (outcomes, key))
        g_ptr_array_add (picked, samples->pdata[s]);
    }
  return picked;
}

/* tirkeu-cli evaluate prints what this process finds, with or without
 * --json, in Kazakh and in Russian; and its checklist has no English. */
static void
check_cli_sample (const Sample *sample,
                  TrkLang       lang)
{
  g_autoptr(TrkResult) result = sample_result (sample);
  g_autofree char *where = describe_sample (sample);
  g_autofree char *lang_arg = g_strconcat ("--lang=", trk_lang_to_string (lang), NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "cli.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", path, NULL);
  const char *text_args[] = { lang_arg, NULL };
  const char *json_args[] = { lang_arg, "--json", NULL };
  const char *pdf_args[] = { lang_arg, output, NULL };
  g_autofree char *text = run_cli ("evaluate", text_args, sample, NULL, 0, NULL);
  g_autofree char *json = run_cli ("evaluate", json_args, sample, NULL, 0, NULL);
  g_autofree char *pdf_out = run_cli ("checklist", pdf_args, sample, NULL, 0, NULL);
  g_autofree char *expected_text = trk_result_to_text (result, lang);
  g_autofree char *expected_json = trk_result_to_json (result, lang);
  g_autofree char *pdf = pdf_text (path, 1);

  g_test_message ("tirkeu-cli %s: %s", lang_arg, where);
  g_assert_cmpstr (text, ==, expected_text);
  g_assert_cmpstr (json, ==, expected_json);
  g_assert_cmpstr (pdf_out, ==, "");
  check_checklist_text (pdf, lang, where);
}

static void
test_cli (void)
{
  g_autoptr(GPtrArray) picked = cli_samples ();

  /* not in force, voluntary, not required, grandfathered, suspended,
   * already registered, mandatory (iin held, needed), the loop */
  g_assert_cmpuint (picked->len, >=, 8);
  for (guint s = 0; s < picked->len; s++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      check_cli_sample (picked->pdata[s], langs[l]);
}

/* What an error message may quote: the ids and values one types, the
 * option names and codes, the program's name, and the bad input itself. */
static GPtrArray *
typed_words (void)
{
  static const char *const words[] = { "tirkeu-cli", "--date", "--lang", "ID", "en", "kk", "ru",
                                       "2026-02-30", "xx", "martian", "color" };
  GPtrArray *allowed = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_ptr_array_add (allowed, (gpointer) words[i]);
  for (guint q = 0; q < trk_rule_set_get_n_questions (rules); q++)
    {
      TrkQuestion *question = trk_rule_set_get_question (rules, q);

      g_ptr_array_add (allowed, (gpointer) trk_question_get_id (question));
      for (guint c = 0; c < trk_question_get_n_choices (question); c++)
        g_ptr_array_add (allowed, (gpointer) trk_question_get_choice_value (question, c));
    }
  return allowed;
}

/* Errors in the process language (LANGUAGE=kk or ru). */
static void
test_cli_errors (void)
{
  g_autoptr(GPtrArray) allowed = typed_words ();
  const struct
  {
    const char *args[4];
  } table[] = {
    { { "status=foreigner", NULL } },                       /* missing answer */
    { { "status=martian", NULL } },                         /* invalid value */
    { { "status=foreigner", "color=red", NULL } },          /* unknown id */
    { { "--date=2026-02-30", "status=citizen", NULL } },    /* invalid date */
    { { "--lang=xx", "status=citizen", NULL } },            /* unknown language */
    { { "status", NULL } },                                 /* not ID=VALUE */
  };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LANGUAGE",
                                             trk_lang_to_string (langs[l]), TRUE);

      for (guint i = 0; i < G_N_ELEMENTS (table); i++)
        {
          g_autofree char *err = NULL;
          g_autofree char *out = run_cli ("evaluate", table[i].args, NULL, envp, 2, &err);

          g_assert_cmpstr (out, ==, "");
          assert_no_latin (langs[l], table[i].args[0], err,
                           (const char *const *) allowed->pdata, allowed->len);
        }
    }
}

/* Every month, as the checklist writes dates. */
static void
test_dates (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    for (guint month = 1; month <= 12; month++)
      {
        GDate *date = g_date_new_dmy (28, (GDateMonth) month, 2026);
        g_autofree char *text = trk_lang_date_format (langs[l], date);

        assert_no_latin (langs[l], "date", text, NULL, 0);
        g_date_free (date);
      }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  trk_i18n_init ();

  cli = g_getenv ("TIRKEU_CLI");
  g_assert_nonnull (cli);
  rules = trk_rule_set_new_builtin (&error);
  g_assert_no_error (error);
  publishers = publisher_names ();
  tmp_dir = g_dir_make_tmp ("tirkeu-leak-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/render/no-english/scanner", test_scanner);
  g_test_add_func ("/render/no-english/dates", test_dates);
  g_test_add_func ("/render/no-english/every-outcome", test_every_outcome);
  g_test_add_func ("/render/no-english/checklists", test_checklists);
  g_test_add_func ("/render/no-english/bilingual", test_bilingual);
  g_test_add_func ("/render/no-english/cli", test_cli);
  g_test_add_func ("/render/no-english/cli-errors", test_cli_errors);

  status = g_test_run ();
  g_clear_pointer (&samples, g_ptr_array_unref);
  g_clear_pointer (&publishers, g_ptr_array_unref);
  g_clear_object (&rules);
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
