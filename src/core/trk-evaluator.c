/* trk-evaluator.c - rules + answers + date -> result, and which questions matter
 *
 * The steps (src/core/README.md, "How an evaluation runs"):
 *
 *   answers --compile--> given[] --relevance fixpoint--> values[] (masked)
 *      |                                                    |
 *   unknown id / invalid value                        missing answer
 *                                                           v
 *   targets in file order (exactly one rule each) --> status[], notes
 *                                                           v
 *   prerequisite graph --Tarjan--> cycle --re-evaluate--> ways out
 *                                                           v
 *                                   checklist items and warnings
 *
 * Everything works on small integers in a TrkEvalState on the stack.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "trk-answers-private.h"
#include "trk-evaluator-private.h"
#include "trk-result-private.h"

G_DEFINE_QUARK (trk-eval-error-quark, trk_eval_error)

/* ===== the steps ===== */

void
_trk_eval_relevance (TrkRuleSet   *rs,
                     TrkEvalState *st)
{
  const TrkCondEnv env = { st->values, st->status, st->date, FALSE, 0 };
  const TrkCondNode *conds = _trk_conds_of (rs);
  TrkQuestion **questions = (TrkQuestion **) rs->questions->pdata;
  guint n = rs->questions->len;
  guint64 changed = ~G_GUINT64_CONSTANT (0);

  st->relevant = 0;
  memset (st->status, -1, sizeof st->status);
  for (guint q = 0; q < n; q++)
    st->values[q] = -1;

  /* Adding known answers only turns unknown into true or false, so
   * repeating until nothing changes reaches the fixpoint. A question is
   * looked at again only when one its ask-when reads became relevant. */
  while (changed != 0)
    {
      guint64 added = 0;

      for (guint q = 0; q < n; q++)
        {
          const TrkQuestion *question = questions[q];
          guint64 bit = G_GUINT64_CONSTANT (1) << q;

          if ((st->relevant & bit) || !(question->ask_reads & changed))
            continue;
          if (trk_cond_eval_at (conds, question->ask_when, &env) != TRK_TRI_TRUE)
            continue;
          st->relevant |= bit;
          st->values[q] = st->given[q];
          added |= bit;
        }
      changed = added;
    }
}

gint
_trk_eval_missing (TrkRuleSet         *rs,
                   const TrkEvalState *st)
{
  for (guint q = 0; q < rs->questions->len; q++)
    {
      const TrkQuestion *question = g_ptr_array_index (rs->questions, q);

      if (((st->relevant >> q) & 1) && !question->optional && st->values[q] < 0)
        return (gint) q;
    }
  return -1;
}

static gboolean
set_failure (TrkDecideFailure *failure,
             TrkDecideResult   result,
             guint             target,
             guint             rule_a,
             guint             rule_b)
{
  failure->result = result;
  failure->target = target;
  failure->rule_a = rule_a;
  failure->rule_b = rule_b;
  return FALSE;
}

static gboolean
decide_target (TrkRuleSet        *rs,
               TrkEvalState      *st,
               guint              t,
               TrkDecideFailure  *failure)
{
  const TrkTarget *target = g_ptr_array_index (rs->targets, t);
  const TrkCondEnv env = { st->values, st->status, st->date, FALSE, 0 };
  const TrkCondNode *conds = _trk_conds_of (rs);
  const TrkHot *hot = (const TrkHot *) (gconstpointer) target->clauses->data;
  gint decider = -1;
  gint unknown = -1;

  for (guint i = 0; i < target->clauses->len; i++)
    {
      TrkTri tri;

      if (!trk_hot_in_effect (&hot[i], st->date) || !trk_hot_guard_passes (&hot[i], &env))
        continue;
      tri = trk_cond_eval_at (conds, hot[i].when, &env);
      if (hot[i].note)
        {
          if (tri == TRK_TRI_TRUE)
            st->notes[st->n_notes++] = hot[i].index;
          continue;
        }
      if (tri == TRK_TRI_UNKNOWN && unknown < 0)
        unknown = hot[i].index;
      if (tri != TRK_TRI_TRUE)
        continue;
      if (decider >= 0)
        return set_failure (failure, TRK_DECIDE_OVERLAP, t, (guint) decider, hot[i].index);
      decider = hot[i].index;
    }

  /* A rule that is unknown (it depends on an answer not given or not
   * relevant) does not decide; it only explains a gap. */
  if (decider < 0)
    return set_failure (failure, unknown >= 0 ? TRK_DECIDE_UNKNOWN : TRK_DECIDE_GAP, t,
                        MAX (unknown, 0), MAX (unknown, 0));
  st->decider[t] = (guint16) decider;
  st->status[t] = (gint8) trk_rule_set_clause (rs->rules, (guint) decider)->status;
  return TRUE;
}

gboolean
_trk_eval_targets (TrkRuleSet       *rs,
                   TrkEvalState     *st,
                   TrkDecideFailure *failure)
{
  st->n_notes = 0;
  for (guint t = 0; t < rs->targets->len; t++)
    {
      if (!decide_target (rs, st, t, failure))
        return FALSE;
    }
  return TRUE;
}

gboolean
_trk_eval_relation_holds (TrkRuleSet         *rs,
                          const TrkEvalState *st,
                          guint               r)
{
  const TrkCondEnv env = { st->values, st->status, st->date, FALSE, 0 };

  return _trk_hot_holds (_trk_conds_of (rs), &g_array_index (rs->hot_relations, TrkHot, r), &env);
}

static guint
collect_clauses (TrkRuleSet         *rs,
                 const TrkEvalState *st,
                 GArray             *hot,
                 guint               kinds,
                 guint16            *out)
{
  const TrkCondEnv env = { st->values, st->status, st->date, st->n_cycle > 0, kinds };
  const TrkCondNode *conds = _trk_conds_of (rs);
  const TrkHot *h = (const TrkHot *) (gconstpointer) hot->data;
  guint n = 0;

  for (guint i = 0; i < hot->len; i++)
    {
      if (_trk_hot_holds (conds, &h[i], &env))
        out[n++] = h[i].index;
    }
  return n;
}

/* The kinds of the sources that the outcome, its notes, the checklist, the
 * loop and its ways out cite (what <rests-on> in a warning sees). */
static guint
cited_kinds (TrkRuleSet         *rs,
             const TrkEvalState *st)
{
  guint kinds = 0;

  for (guint t = 0; t < rs->targets->len; t++)
    kinds |= trk_rule_set_clause (rs->rules, st->decider[t])->kinds;
  for (guint i = 0; i < st->n_notes; i++)
    kinds |= trk_rule_set_clause (rs->rules, st->notes[i])->kinds;
  for (guint i = 0; i < st->n_items; i++)
    kinds |= trk_rule_set_clause (rs->items, st->items[i])->kinds;
  for (guint i = 0; i < st->n_cycle; i++)
    kinds |= trk_rule_set_clause (rs->relations, st->cycle_link[i])->kinds;
  for (guint i = 0; i < st->n_ways; i++)
    kinds |= ((const TrkWayOut *) g_ptr_array_index (rs->ways_out, st->ways[i]))->kinds;
  return kinds;
}

/* Runs after the graph and the ways out. */
void
_trk_eval_items (TrkRuleSet   *rs,
                 TrkEvalState *st)
{
  st->n_items = collect_clauses (rs, st, rs->hot_items, 0, st->items);
  st->n_warnings = collect_clauses (rs, st, rs->hot_warnings, cited_kinds (rs, st), st->warnings);
}

/* ===== answers and messages ===== */

/* Ids and values are a few bytes long: a plain loop beats a libc call. */
static inline gboolean
same_bytes (const char *a,
            const char *b,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (a[i] != b[i])
        return FALSE;
    }
  return TRUE;
}

static TrkQuestion *
find_question (TrkRuleSet *rs,
               const char *id,
               guint32     id_len)
{
  TrkQuestion **questions = (TrkQuestion **) rs->questions->pdata;

  if (id_len > 255)  /* longer than any id the schema allows */
    return NULL;
  for (guint q = 0; q < rs->questions->len; q++)
    {
      /* first letter and length from a small table tell most ids apart */
      if (rs->question_key[q] == TRK_KEY (id[0], id_len) && same_bytes (questions[q]->id, id, id_len))
        return questions[q];
    }
  return NULL;
}

/* The value's index (choice) or number (integer), or -1 when invalid.
 * Surrounding whitespace is ignored; integers are plain decimal digits. */
static gint32
parse_value_len (const TrkQuestion *q,
                 const char        *value,
                 gsize              len)
{
  const char *end = value + len;
  gint64 number = 0;

  while (value < end && g_ascii_isspace (*value))
    value++;
  while (end > value && g_ascii_isspace (end[-1]))
    end--;
  len = (gsize) (end - value);

  if (q->kind == TRK_QUESTION_CHOICE)
    {
      if (len > 255)  /* longer than any value the schema allows */
        return -1;
      for (guint i = 0; i < q->choices->len; i++)
        {
          const TrkChoice *choice = g_ptr_array_index (q->choices, i);

          if (q->choice_key[i] == TRK_KEY (value[0], len) && same_bytes (choice->value, value, len))
            return (gint32) i;
        }
      return -1;
    }

  if (len == 0 || len > 9)
    return -1;
  for (const char *p = value; p < end; p++)
    {
      if (*p < '0' || *p > '9')
        return -1;
      number = number * 10 + (*p - '0');
    }
  return number >= q->min && number <= q->max ? (gint32) number : -1;
}

static gint32
parse_value (const TrkQuestion *q,
             const char        *value)
{
  return parse_value_len (q, value, strlen (value));
}

/* User input quoted in a message: valid UTF-8, at most 64 bytes. */
static char *
quote_input (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  const char *end;

  if (strlen (valid) <= 64)
    return g_steal_pointer (&valid);
  end = g_utf8_find_prev_char (valid, valid + 64);
  return g_strdup_printf ("%.*s…", (int) (end - valid), valid);
}

static void
set_invalid_value (GError            **error,
                   const TrkQuestion  *q,
                   const char         *value)
{
  g_autofree char *quoted = quote_input (value);

  g_set_error (error, TRK_EVAL_ERROR, TRK_EVAL_ERROR_INVALID_VALUE,
               _("invalid value “%s” for “%s” (allowed: %s)"), quoted, q->id, q->allowed);
}

static void
set_unknown_id (GError     **error,
                TrkRuleSet  *rs,
                const char  *id)
{
  g_autoptr(GString) known = g_string_new (NULL);
  g_autofree char *quoted = quote_input (id);

  for (guint q = 0; q < rs->questions->len; q++)
    g_string_append_printf (known, "%s%s", q > 0 ? ", " : "",
                            ((TrkQuestion *) g_ptr_array_index (rs->questions, q))->id);
  g_set_error (error, TRK_EVAL_ERROR, TRK_EVAL_ERROR_UNKNOWN_ID,
               _("unknown answer id “%s” (known ids: %s)"), quoted, known->str);
}

/* @strict: unknown ids and invalid values are errors, else ignored. */
static gboolean
compile_answers (TrkRuleSet  *rs,
                 TrkAnswers  *answers,
                 gint32      *given,
                 gboolean     strict,
                 GError     **error)
{
  guint n;
  TrkAnswerEntry * const *entries = _trk_answers_peek (answers, &n);

  for (guint q = 0; q < rs->questions->len; q++)
    given[q] = -1;

  for (guint i = 0; i < n; i++)
    {
      const TrkAnswerEntry *a = entries[i];
      const char *id = a->id, *value = a->value;
      const TrkQuestion *q;
      gint32 v;

      q = find_question (rs, id, a->id_len);
      if (q == NULL)
        {
          if (!strict)
            continue;
          set_unknown_id (error, rs, id);
          return FALSE;
        }
      v = parse_value_len (q, value, a->value_len);
      if (v < 0 && strict)
        {
          set_invalid_value (error, q, value);
          return FALSE;
        }
      given[q->index] = v;
    }
  return TRUE;
}

static guint32
resolve_date (TrkAnswers  *answers,
              const GDate *date)
{
  GDate d;

  if (date != NULL && g_date_valid (date))
    return g_date_get_julian (date);
  if (trk_answers_get_date (answers, &d))
    return g_date_get_julian (&d);

  g_date_clear (&d, 1);
  g_date_set_time_t (&d, time (NULL));
  return g_date_get_julian (&d);
}

char *
_trk_format_julian (guint32 jd)
{
  char out[TRK_DATE_ISO_SIZE];

  trk_date_format_julian (out, jd);
  return g_strdup (out);
}

static void
append_value (GString           *out,
              const TrkQuestion *q,
              gint32             v)
{
  if (q->kind == TRK_QUESTION_INTEGER)
    g_string_append_printf (out, "%s=%d", q->id, v);
  else
    g_string_append_printf (out, "%s=%s", q->id,
                            ((const TrkChoice *) g_ptr_array_index (q->choices, v))->value);
}

char *
_trk_eval_describe_answers (TrkRuleSet         *rs,
                            const TrkEvalState *st)
{
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < rs->questions->len; q++)
    {
      if (st->values[q] < 0)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      append_value (out, g_ptr_array_index (rs->questions, q), st->values[q]);
    }
  if (out->len == 0)
    g_string_append (out, _("no answers"));
  return g_string_free (out, FALSE);
}

char *
_trk_decide_failure_message (TrkRuleSet             *rs,
                             const TrkEvalState     *st,
                             const TrkDecideFailure *failure)
{
  const TrkTarget *target = g_ptr_array_index (rs->targets, failure->target);
  const TrkClause *a = trk_rule_set_clause (rs->rules, failure->rule_a);
  const TrkClause *b = trk_rule_set_clause (rs->rules, failure->rule_b);
  g_autofree char *date = _trk_format_julian (st->date);
  g_autofree char *answers = _trk_eval_describe_answers (rs, st);

  switch (failure->result)
    {
    case TRK_DECIDE_GAP:
      return g_strdup_printf (_("gap: no rule decides “%s” on %s for %s"),
                              target->id, date, answers);
    case TRK_DECIDE_OVERLAP:
      return g_strdup_printf (_("overlap: rules “%s” (line %u) and “%s” (line %u) both decide “%s” on %s for %s"),
                              a->id, a->line, b->id, b->line, target->id, date, answers);
    case TRK_DECIDE_UNKNOWN:
      return g_strdup_printf (_("no rule decides “%s”: rule “%s” (line %u) could, but it depends on "
                                "an answer that is not given (on %s for %s)"),
                              target->id, a->id, a->line, date, answers);
    case TRK_DECIDE_OK:
    default:
      g_assert_not_reached ();
    }
}

/* ===== public API ===== */

/**
 * trk_evaluate:
 * @rules: the rule set
 * @answers: the applicant's answers
 * @date: (nullable): the assessment date; %NULL uses the answers' date, else today
 * @error: a #TRK_EVAL_ERROR
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
TrkResult *
trk_evaluate (TrkRuleSet   *rules,
              TrkAnswers   *answers,
              const GDate  *date,
              GError      **error)
{
  TrkEvalState st;
  TrkDecideFailure failure;
  gint missing;

  g_return_val_if_fail (TRK_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (TRK_IS_ANSWERS (answers), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  st.date = resolve_date (answers, date);
  if (!compile_answers (rules, answers, st.given, TRUE, error))
    return NULL;

  _trk_eval_relevance (rules, &st);
  missing = _trk_eval_missing (rules, &st);
  if (missing >= 0)
    {
      const TrkQuestion *q = g_ptr_array_index (rules->questions, missing);

      g_set_error (error, TRK_EVAL_ERROR, TRK_EVAL_ERROR_MISSING_ANSWER,
                   _("missing answer “%s” (allowed: %s)"), q->id, q->allowed);
      return NULL;
    }
  if (!_trk_eval_targets (rules, &st, &failure))
    {
      g_autofree char *msg = _trk_decide_failure_message (rules, &st, &failure);

      g_set_error_literal (error, TRK_EVAL_ERROR, TRK_EVAL_ERROR_INCONSISTENT_RULES, msg);
      return NULL;
    }
  _trk_eval_graph (rules, &st);
  _trk_eval_ways_out (rules, &st);
  _trk_eval_items (rules, &st);
  return _trk_result_new (rules, &st);
}

static void
relevance_lenient (TrkRuleSet   *rules,
                   TrkAnswers   *answers,
                   const GDate  *date,
                   TrkEvalState *st)
{
  st->date = resolve_date (answers, date);
  compile_answers (rules, answers, st->given, FALSE, NULL);
  _trk_eval_relevance (rules, st);
}

/**
 * trk_relevant_questions:
 *
 * Returns: (transfer container) (element-type TrkQuestion): the questions
 *   to ask, in rules-file order
 */
GPtrArray *
trk_relevant_questions (TrkRuleSet  *rules,
                        TrkAnswers  *answers,
                        const GDate *date)
{
  TrkEvalState st;
  GPtrArray *out;

  g_return_val_if_fail (TRK_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (TRK_IS_ANSWERS (answers), NULL);

  relevance_lenient (rules, answers, date, &st);
  out = g_ptr_array_new ();
  for (guint q = 0; q < rules->questions->len; q++)
    {
      if ((st.relevant >> q) & 1)
        g_ptr_array_add (out, g_ptr_array_index (rules->questions, q));
    }
  return out;
}

/**
 * trk_next_question:
 *
 * Returns: (transfer none) (nullable): the first relevant question
 *   (optional ones included) without a valid answer
 */
TrkQuestion *
trk_next_question (TrkRuleSet  *rules,
                   TrkAnswers  *answers,
                   const GDate *date)
{
  TrkEvalState st;

  g_return_val_if_fail (TRK_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (TRK_IS_ANSWERS (answers), NULL);

  relevance_lenient (rules, answers, date, &st);
  for (guint q = 0; q < rules->questions->len; q++)
    {
      if (((st.relevant >> q) & 1) && st.values[q] < 0)
        return g_ptr_array_index (rules->questions, q);
    }
  return NULL;
}

gboolean
trk_question_accepts (const TrkQuestion  *question,
                      const char         *value,
                      GError            **error)
{
  g_return_val_if_fail (question != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (parse_value (question, value) >= 0)
    return TRUE;
  set_invalid_value (error, question, value);
  return FALSE;
}
