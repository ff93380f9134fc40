/* trk-handbook.c - every distinct outcome the rules reach on a date, and who gets it
 *
 * The answer sets come from the relevance walk of trk-rules-check.c on the
 * date: each leaf of the walk is one set of relevant answers (a skipped
 * optional question counts as an answer of its own). Leaves are grouped by
 * their outcome key. Each leaf is a condition: per question, a bit mask of
 * the values it allows (choice indices, or the integers the walk tries,
 * each standing for the range up to it from the one before). Conditions
 * of a group are merged greedily: two that differ in one question only
 * become one allowing the values of both; a question that allows every
 * value, or is not asked, drops out; a condition inside another goes.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "trk-answers.h"
#include "trk-evaluator.h"
#include "trk-handbook-private.h"
#include "trk-i18n.h"
#include "trk-rules-check-private.h"
#include "trk-template.h"

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->reasons);
  g_array_unref (c->conds);
  g_clear_pointer (&c->result, trk_result_unref);
  g_free (c);
}

static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  g_free (outcome->key);
  g_ptr_array_unref (outcome->cases);
  g_array_unref (outcome->conds);
  g_array_unref (outcome->cond_case);
  for (guint i = 0; i < outcome->reasons->len; i++)
    g_free (g_array_index (outcome->reasons, Reason, i).in_case);
  g_array_unref (outcome->reasons);
  g_free (outcome);
}

/* ===== the outcome key ===== */

static void
append_clause_ids (GString            *key,
                   const char         *name,
                   GPtrArray          *clauses,
                   const guint16      *indices,
                   guint               n)
{
  g_string_append_printf (key, ";%s=", name);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (key, "%s%s", i > 0 ? "," : "",
                            trk_rule_set_clause (clauses, indices[i])->id);
}

static char *
outcome_key (TrkRuleSet         *rs,
             const TrkEvalState *st)
{
  GString *key = g_string_new (NULL);

  for (guint t = 0; t < rs->targets->len; t++)
    {
      const TrkTarget *target = g_ptr_array_index (rs->targets, t);
      const TrkStatus *status = st->status[t] >= 0
                                ? g_ptr_array_index (target->statuses, st->status[t]) : NULL;

      g_string_append_printf (key, "%s%s=%s", t > 0 ? ";" : "", target->id,
                              status != NULL ? status->id : "");
    }

  g_string_append (key, ";loop=");
  for (guint i = 0; i < st->n_cycle; i++)
    g_string_append_printf (key, "%s%s", i > 0 ? "," : "",
                            ((const TrkStep *) g_ptr_array_index (rs->steps, st->cycle[i]))->id);
  g_string_append (key, ";ways=");
  for (guint i = 0; i < st->n_ways; i++)
    g_string_append_printf (key, "%s%s", i > 0 ? "," : "",
                            ((const TrkWayOut *) g_ptr_array_index (rs->ways_out,
                                                                    st->ways[i]))->answer);
  append_clause_ids (key, "items", rs->items, st->items, st->n_items);
  append_clause_ids (key, "warnings", rs->warnings, st->warnings, st->n_warnings);

  return g_string_free (key, FALSE);
}

/* The reasons: the rule deciding each target, then the notes. */
static char *
reasons_key (TrkRuleSet         *rs,
             const TrkEvalState *st)
{
  GString *key = g_string_new (NULL);

  for (guint t = 0; t < rs->targets->len; t++)
    g_string_append_printf (key, "%s%s", t > 0 ? "," : "",
                            trk_rule_set_clause (rs->rules, st->decider[t])->id);
  for (guint i = 0; i < st->n_notes; i++)
    g_string_append_printf (key, ",%s", trk_rule_set_clause (rs->rules, st->notes[i])->id);

  return g_string_free (key, FALSE);
}

/* ===== collecting the walk's leaves ===== */

static guint
slot_of (TrkHandbook *self,
         guint        q,
         gint32       v)
{
  const TrkQuestion *question = g_ptr_array_index (self->rules->questions, q);

  if (v < 0)
    return SLOT_ABSENT;
  if (question->kind != TRK_QUESTION_INTEGER)
    return (guint) v;
  for (guint i = 0; i < self->n_values[q]; i++)
    if (self->values[q][i] == v)
      return i;

  g_return_val_if_reached (SLOT_ABSENT);
}

static void
visit_leaf (TrkRuleSet         *rs,
            const TrkEvalState *st,
            gpointer            user_data)
{
  TrkHandbook *self = user_data;
  g_autofree char *key = outcome_key (rs, st);
  g_autofree char *reasons = reasons_key (rs, st);
  Outcome *outcome = g_hash_table_lookup (self->by_key, key);
  Case *c = NULL;
  guint64 masks[TRK_MAX_QUESTIONS];

  if (outcome == NULL)
    {
      outcome = g_new0 (Outcome, 1);
      outcome->key = g_steal_pointer (&key);
      outcome->cases = g_ptr_array_new_with_free_func (case_free);
      outcome->conds = g_array_new (FALSE, FALSE, sizeof (guint64));
      outcome->cond_case = g_array_new (FALSE, FALSE, sizeof (guint));
      outcome->reasons = g_array_new (FALSE, TRUE, sizeof (Reason));
      for (guint t = 0; t < rs->targets->len; t++)
        outcome->status[t] = st->status[t];
      g_hash_table_insert (self->by_key, outcome->key, outcome);
      g_ptr_array_add (self->outcomes, outcome);
    }
  for (guint i = 0; i < outcome->cases->len && c == NULL; i++)
    if (strcmp (((Case *) g_ptr_array_index (outcome->cases, i))->reasons, reasons) == 0)
      c = g_ptr_array_index (outcome->cases, i);
  if (c == NULL)
    {
      c = g_new0 (Case, 1);
      c->reasons = g_steal_pointer (&reasons);
      c->conds = g_array_new (FALSE, FALSE, sizeof (guint64));
      memcpy (c->first, st->values, sizeof (gint32) * self->nq);
      c->first_relevant = st->relevant;
      g_ptr_array_add (outcome->cases, c);
    }

  for (guint q = 0; q < self->nq; q++)
    masks[q] = (st->relevant >> q) & 1
               ? _trk_handbook_normalize (self, q, G_GUINT64_CONSTANT (1) << slot_of (self, q, st->values[q]))
               : ANY;
  g_array_append_vals (c->conds, masks, self->nq);
  outcome->n_leaves++;
}

/* ===== the representative result ===== */

static TrkResult *
evaluate_first (TrkHandbook  *self,
                Case         *outcome,
                GError      **error)
{
  g_autoptr(TrkAnswers) answers = trk_answers_new ();
  GDate date;

  for (guint q = 0; q < self->nq; q++)
    {
      const TrkQuestion *question = g_ptr_array_index (self->rules->questions, q);
      gint32 v = outcome->first[q];

      if (!((outcome->first_relevant >> q) & 1) || v < 0)
        continue;
      if (question->kind == TRK_QUESTION_INTEGER)
        {
          g_autofree char *text = g_strdup_printf ("%d", v);

          trk_answers_set (answers, question->id, text);
        }
      else
        trk_answers_set (answers, question->id,
                         ((const TrkChoice *) g_ptr_array_index (question->choices, v))->value);
    }

  g_date_clear (&date, 1);
  g_date_set_julian (&date, self->julian);
  return trk_evaluate (self->rules, answers, &date, error);
}

static int
compare_outcomes (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Outcome *x = *(Outcome *const *) a;
  const Outcome *y = *(Outcome *const *) b;
  guint n_targets = GPOINTER_TO_UINT (user_data);

  for (guint t = 0; t < n_targets; t++)
    if (x->status[t] != y->status[t])
      return x->status[t] < y->status[t] ? -1 : 1;

  return strcmp (x->key, y->key);
}

/* Merges each case's conditions, evaluates its first answer set, and
 * lists the reasons of all cases once each. */
static gboolean
finish_outcome (TrkHandbook  *self,
                Outcome      *outcome,
                GError      **error)
{
  guint n_targets = trk_rule_set_get_n_targets (self->rules);
  guint n_cases = outcome->cases->len;

  for (guint k = 0; k < n_cases; k++)
    {
      Case *c = g_ptr_array_index (outcome->cases, k);
      g_autoptr(GError) eval_error = NULL;

      _trk_handbook_merge_conditions (self, c->conds);
      g_array_append_vals (outcome->conds, c->conds->data, c->conds->len);
      for (guint j = 0; j < c->conds->len / MAX (self->nq, 1); j++)
        g_array_append_val (outcome->cond_case, k);
      c->result = evaluate_first (self, c, &eval_error);
      if (c->result == NULL)
        {
          g_set_error (error, TRK_RULES_ERROR, TRK_RULES_ERROR_INCONSISTENT, "%s: %s",
                       self->rules->name, eval_error->message);
          return FALSE;
        }

      for (guint t = 0; t < n_targets; t++)
        for (guint r = 0; r < trk_result_get_n_reasons (c->result, trk_rule_set_get_target_id (self->rules, t)); r++)
          {
            const char *rule = trk_result_get_reason_rule (c->result, trk_rule_set_get_target_id (self->rules, t), r);
            Reason *found = NULL;

            for (guint i = 0; i < outcome->reasons->len && found == NULL; i++)
              {
                Reason *reason = &g_array_index (outcome->reasons, Reason, i);
                Case *owner = g_ptr_array_index (outcome->cases, reason->case_index);

                if (reason->target == t
                    && strcmp (trk_result_get_reason_rule (owner->result, trk_rule_set_get_target_id (self->rules, t),
                                                           reason->index), rule) == 0)
                  found = reason;
              }
            if (found == NULL)
              {
                Reason reason = { k, t, r, g_new0 (guint8, n_cases) };

                g_array_append_val (outcome->reasons, reason);
                found = &g_array_index (outcome->reasons, Reason, outcome->reasons->len - 1);
              }
            found->in_case[k] = 1;
          }
    }
  return TRUE;
}

/* ===== public ===== */

static guint32
julian_of (const GDate *date)
{
  GDate today;

  if (date != NULL && g_date_valid (date))
    return g_date_get_julian (date);

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  return g_date_get_julian (&today);
}

static void
setup_values (TrkHandbook *self)
{
  for (guint q = 0; q < self->nq; q++)
    {
      const TrkQuestion *question = g_ptr_array_index (self->rules->questions, q);
      guint n = question->kind == TRK_QUESTION_INTEGER
                ? _trk_rules_check_values (self->rules, q, self->values[q], MAX_SLOTS)
                : MIN (question->choices->len, MAX_SLOTS);

      self->n_values[q] = n;
      self->full[q] = (n >= 64 ? ANY : (G_GUINT64_CONSTANT (1) << n) - 1)
                      | (question->optional ? G_GUINT64_CONSTANT (1) << SLOT_ABSENT : 0);
    }
}

/**
 * trk_handbook_new:
 * @rules: the rules
 * @date: (nullable): the date
 * @error: a rules error when the rules are inconsistent on @date
 *
 * Returns: (transfer full) (nullable): the handbook's outcomes
 */
TrkHandbook *
trk_handbook_new (TrkRuleSet   *rules,
                  const GDate  *date,
                  GError      **error)
{
  g_autoptr(TrkHandbook) self = NULL;
  GDate d;

  g_return_val_if_fail (TRK_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (TrkHandbook, 1);
  self->rules = g_object_ref (rules);
  self->julian = julian_of (date);
  self->nq = rules->questions->len;
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->outcomes = g_ptr_array_new_with_free_func (outcome_free);
  g_date_clear (&d, 1);
  g_date_set_julian (&d, self->julian);
  self->date = trk_date_format (&d);
  setup_values (self);

  if (!_trk_rules_check_walk_date (rules, self->julian, FALSE, visit_leaf, self, error))
    return NULL;

  g_ptr_array_sort_with_data (self->outcomes, compare_outcomes,
                              GUINT_TO_POINTER (rules->targets->len));
  for (guint i = 0; i < self->outcomes->len; i++)
    if (!finish_outcome (self, g_ptr_array_index (self->outcomes, i), error))
      return NULL;

  return g_steal_pointer (&self);
}

void
trk_handbook_free (TrkHandbook *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->outcomes, g_ptr_array_unref);
  g_clear_object (&self->rules);
  g_free (self->date);
  g_free (self);
}

TrkRuleSet *
trk_handbook_get_rule_set (TrkHandbook *self)
{
  return self->rules;
}

const char *
trk_handbook_get_date (TrkHandbook *self)
{
  return self->date;
}

guint
trk_handbook_get_n_outcomes (TrkHandbook *self)
{
  return self->outcomes->len;
}

Outcome *
_trk_handbook_get_outcome (TrkHandbook *self,
                           guint        index)
{
  g_return_val_if_fail (index < self->outcomes->len, NULL);

  return g_ptr_array_index (self->outcomes, index);
}

const char *
trk_handbook_get_outcome_key (TrkHandbook *self,
                              guint        outcome)
{
  return _trk_handbook_get_outcome (self, outcome)->key;
}

TrkResult *
trk_handbook_get_outcome_result (TrkHandbook *self,
                                 guint        outcome)
{
  return ((Case *) g_ptr_array_index (_trk_handbook_get_outcome (self, outcome)->cases, 0))->result;
}

guint
trk_handbook_get_n_reasons (TrkHandbook *self,
                            guint        outcome)
{
  return _trk_handbook_get_outcome (self, outcome)->reasons->len;
}

static const Reason *
get_reason (TrkHandbook  *self,
            guint         outcome,
            guint         reason,
            TrkResult   **out_result,
            const char  **out_target)
{
  Outcome *o = _trk_handbook_get_outcome (self, outcome);
  const Reason *r;

  g_return_val_if_fail (reason < o->reasons->len, NULL);
  r = &g_array_index (o->reasons, Reason, reason);
  *out_result = ((Case *) g_ptr_array_index (o->cases, r->case_index))->result;
  *out_target = trk_rule_set_get_target_id (self->rules, r->target);
  return r;
}

const char *
trk_handbook_get_reason_text (TrkHandbook *self,
                              guint        outcome,
                              guint        reason,
                              TrkLang      lang)
{
  TrkResult *result;
  const char *target;
  const Reason *r = get_reason (self, outcome, reason, &result, &target);

  return trk_result_get_reason_text (result, target, r->index, lang);
}

char *
trk_handbook_get_reason_citation (TrkHandbook *self,
                                  guint        outcome,
                                  guint        reason,
                                  TrkLang      lang)
{
  TrkResult *result;
  const char *target;
  const Reason *r = get_reason (self, outcome, reason, &result, &target);

  return trk_result_get_reason_citation (result, target, r->index, lang);
}

char *
trk_handbook_get_reason_conditions (TrkHandbook *self,
                                    guint        outcome,
                                    guint        reason)
{
  Outcome *o = _trk_handbook_get_outcome (self, outcome);
  TrkResult *result;
  const char *target;
  const Reason *r = get_reason (self, outcome, reason, &result, &target);
  GString *numbers = g_string_new (NULL);
  gboolean all = TRUE;

  for (guint i = 0; i < o->cond_case->len; i++)
    {
      if (!r->in_case[g_array_index (o->cond_case, guint, i)])
        {
          all = FALSE;
          continue;
        }
      g_string_append_printf (numbers, "%s%u", numbers->len > 0 ? ", " : "", i + 1);
    }
  if (all)
    {
      g_string_free (numbers, TRUE);
      return NULL;
    }
  return g_string_free (numbers, FALSE);
}

guint
trk_handbook_get_n_answer_sets (TrkHandbook *self,
                                guint        outcome)
{
  return _trk_handbook_get_outcome (self, outcome)->n_leaves;
}

guint
trk_handbook_get_n_conditions (TrkHandbook *self,
                               guint        outcome)
{
  return _trk_handbook_get_outcome (self, outcome)->cond_case->len;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
collect_key (TrkRuleSet         *rs,
             const TrkEvalState *st,
             gpointer            user_data)
{
  g_hash_table_add (user_data, outcome_key (rs, st));
}

GPtrArray *
trk_handbook_checked_outcome_keys (TrkRuleSet   *rules,
                                   const GDate  *date,
                                   GError      **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *sorted;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (TRK_IS_RULE_SET (rules), NULL);

  if (!_trk_rules_check_walk_date (rules, julian_of (date), TRUE, collect_key, keys, error))
    return NULL;

  sorted = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (sorted, key);
    }
  g_ptr_array_sort (sorted, compare_strings);
  return sorted;
}
