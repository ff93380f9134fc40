/* trk-flow.c - where the wizard stands: the answers, the step, the question
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-flow.h"

struct _TrkFlow
{
  GObject      parent_instance;

  TrkRuleSet  *rules;
  TrkAnswers  *answers;
  TrkResult   *result;
  TrkFlowStep  step;
  TrkQuestion *question;
  /* A question opened from the review page returns there. */
  gboolean     from_review;
};

G_DEFINE_FINAL_TYPE (TrkFlow, trk_flow, G_TYPE_OBJECT)

enum {
  MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
trk_flow_dispose (GObject *object)
{
  TrkFlow *self = TRK_FLOW (object);

  g_clear_pointer (&self->result, trk_result_unref);
  g_clear_object (&self->answers);
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (trk_flow_parent_class)->dispose (object);
}

static void
trk_flow_class_init (TrkFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trk_flow_dispose;

  /**
   * TrkFlow::moved:
   *
   * The step or the question changed: the window shows the new page.
   */
  signals[MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);
}

static void
trk_flow_init (TrkFlow *self)
{
  self->step = TRK_FLOW_STEP_WELCOME;
}

TrkFlow *
trk_flow_new (TrkRuleSet *rules,
              TrkAnswers *answers)
{
  TrkFlow *self;

  g_return_val_if_fail (TRK_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (TRK_IS_ANSWERS (answers), NULL);

  self = g_object_new (TRK_TYPE_FLOW, NULL);
  self->rules = g_object_ref (rules);
  self->answers = g_object_ref (answers);

  return self;
}

TrkRuleSet *
trk_flow_get_rules (TrkFlow *self)
{
  g_return_val_if_fail (TRK_IS_FLOW (self), NULL);
  return self->rules;
}

TrkAnswers *
trk_flow_get_answers (TrkFlow *self)
{
  g_return_val_if_fail (TRK_IS_FLOW (self), NULL);
  return self->answers;
}

TrkFlowStep
trk_flow_get_step (TrkFlow *self)
{
  g_return_val_if_fail (TRK_IS_FLOW (self), TRK_FLOW_STEP_WELCOME);
  return self->step;
}

TrkQuestion *
trk_flow_get_question (TrkFlow *self)
{
  g_return_val_if_fail (TRK_IS_FLOW (self), NULL);
  return self->step == TRK_FLOW_STEP_QUESTION ? self->question : NULL;
}

TrkResult *
trk_flow_get_result (TrkFlow *self)
{
  g_return_val_if_fail (TRK_IS_FLOW (self), NULL);
  return self->step == TRK_FLOW_STEP_OUTCOME ? self->result : NULL;
}

void
trk_flow_get_date (TrkFlow *self,
                   GDate   *out_date)
{
  g_return_if_fail (TRK_IS_FLOW (self));

  if (!trk_answers_get_date (self->answers, out_date))
    g_date_set_time_t (out_date, time (NULL));
}

GPtrArray *
trk_flow_list_relevant (TrkFlow *self)
{
  GDate date;

  g_return_val_if_fail (TRK_IS_FLOW (self), NULL);

  trk_flow_get_date (self, &date);
  return trk_relevant_questions (self->rules, self->answers, &date);
}

gboolean
trk_flow_is_answered (TrkFlow     *self,
                      TrkQuestion *question)
{
  const char *value;

  g_return_val_if_fail (TRK_IS_FLOW (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  value = trk_answers_get (self->answers, trk_question_get_id (question));
  return value != NULL && trk_question_accepts (question, value, NULL);
}

static int
index_of (GPtrArray   *questions,
          TrkQuestion *question)
{
  guint index;

  if (question != NULL && g_ptr_array_find (questions, question, &index))
    return (int) index;

  return -1;
}

guint
trk_flow_get_position (TrkFlow *self)
{
  g_autoptr(GPtrArray) relevant = NULL;

  g_return_val_if_fail (TRK_IS_FLOW (self), 0);

  relevant = trk_flow_list_relevant (self);
  return (guint) (index_of (relevant, trk_flow_get_question (self)) + 1);
}

double
trk_flow_get_fraction (TrkFlow *self)
{
  g_autoptr(GPtrArray) relevant = NULL;
  guint answered = 0;

  g_return_val_if_fail (TRK_IS_FLOW (self), 0.0);

  relevant = trk_flow_list_relevant (self);
  for (guint i = 0; i < relevant->len; i++)
    if (trk_flow_is_answered (self, g_ptr_array_index (relevant, i)))
      answered++;

  return relevant->len > 0 ? (double) answered / relevant->len : 0.0;
}

gboolean
trk_flow_can_resume (TrkFlow *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (TRK_IS_FLOW (self), FALSE);

  ids = trk_answers_list_ids (self->answers);
  return ids->len > 0;
}

/* Answers to questions that are no longer relevant are dropped whenever
 * the user moves on, so that a changed answer leaves no stale ones. */
static void
prune_irrelevant (TrkFlow *self)
{
  g_autoptr(GPtrArray) relevant = trk_flow_list_relevant (self);
  g_autoptr(GPtrArray) ids = trk_answers_list_ids (self->answers);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      gboolean keep = FALSE;

      for (guint j = 0; j < relevant->len && !keep; j++)
        keep = g_str_equal (id, trk_question_get_id (g_ptr_array_index (relevant, j)));

      if (!keep)
        g_ptr_array_add (stale, g_strdup (id));
    }

  for (guint i = 0; i < stale->len; i++)
    trk_answers_unset (self->answers, g_ptr_array_index (stale, i));
}

static void
move_to (TrkFlow     *self,
         TrkFlowStep  step,
         TrkQuestion *question)
{
  self->step = step;
  self->question = step == TRK_FLOW_STEP_QUESTION ? question : NULL;
  if (step != TRK_FLOW_STEP_QUESTION)
    self->from_review = FALSE;
  if (step != TRK_FLOW_STEP_OUTCOME)
    g_clear_pointer (&self->result, trk_result_unref);

  g_signal_emit (self, signals[MOVED], 0);
}

static TrkQuestion *
next_open_question (TrkFlow *self)
{
  GDate date;

  trk_flow_get_date (self, &date);
  return trk_next_question (self->rules, self->answers, &date);
}

/* The first open question, else the review page. */
static void
move_to_open_question (TrkFlow *self)
{
  TrkQuestion *question = next_open_question (self);

  if (question != NULL)
    move_to (self, TRK_FLOW_STEP_QUESTION, question);
  else
    move_to (self, TRK_FLOW_STEP_REVIEW, NULL);
}

static void
clear_keeping_date (TrkFlow *self)
{
  GDate date;
  gboolean has_date = trk_answers_get_date (self->answers, &date);

  trk_answers_clear (self->answers);
  if (has_date)
    trk_answers_set_date (self->answers, &date);
}

void
trk_flow_start (TrkFlow *self)
{
  g_return_if_fail (TRK_IS_FLOW (self));

  clear_keeping_date (self);
  self->from_review = FALSE;
  move_to_open_question (self);
}

void
trk_flow_resume (TrkFlow *self)
{
  g_return_if_fail (TRK_IS_FLOW (self));

  prune_irrelevant (self);
  self->from_review = FALSE;
  move_to_open_question (self);
}

static void
next_from_question (TrkFlow *self)
{
  g_autoptr(GPtrArray) relevant = NULL;
  int index;

  prune_irrelevant (self);
  if (self->from_review)
    {
      /* stays in review mode: a newly relevant question, then the review */
      move_to_open_question (self);
      return;
    }

  relevant = trk_flow_list_relevant (self);
  index = index_of (relevant, self->question);
  if (index >= 0 && (guint) index + 1 < relevant->len)
    move_to (self, TRK_FLOW_STEP_QUESTION, g_ptr_array_index (relevant, index + 1));
  else
    move_to_open_question (self);
}

static gboolean
next_from_review (TrkFlow  *self,
                  GError  **error)
{
  TrkQuestion *open;
  TrkResult *result;

  prune_irrelevant (self);
  open = next_open_question (self);
  if (open != NULL)
    {
      self->from_review = TRUE;
      move_to (self, TRK_FLOW_STEP_QUESTION, open);
      return TRUE;
    }

  result = trk_evaluate (self->rules, self->answers, NULL, error);
  if (result == NULL)
    return FALSE;

  g_clear_pointer (&self->result, trk_result_unref);
  self->result = result;
  move_to (self, TRK_FLOW_STEP_OUTCOME, NULL);
  return TRUE;
}

gboolean
trk_flow_next (TrkFlow  *self,
               GError  **error)
{
  g_return_val_if_fail (TRK_IS_FLOW (self), FALSE);

  switch (self->step)
    {
    case TRK_FLOW_STEP_WELCOME:
      trk_flow_start (self);
      return TRUE;
    case TRK_FLOW_STEP_QUESTION:
      if (!trk_flow_is_answered (self, self->question))
        return TRUE;
      next_from_question (self);
      return TRUE;
    case TRK_FLOW_STEP_REVIEW:
      return next_from_review (self, error);
    case TRK_FLOW_STEP_OUTCOME:
    default:
      return TRUE;
    }
}

static void
back_from_question (TrkFlow *self)
{
  g_autoptr(GPtrArray) relevant = NULL;
  int index;

  prune_irrelevant (self);
  if (self->from_review)
    {
      move_to (self, TRK_FLOW_STEP_REVIEW, NULL);
      return;
    }

  relevant = trk_flow_list_relevant (self);
  index = index_of (relevant, self->question);
  if (index > 0)
    move_to (self, TRK_FLOW_STEP_QUESTION, g_ptr_array_index (relevant, index - 1));
  else
    move_to (self, TRK_FLOW_STEP_WELCOME, NULL);
}

static void
back_from_review (TrkFlow *self)
{
  g_autoptr(GPtrArray) relevant = NULL;

  prune_irrelevant (self);
  relevant = trk_flow_list_relevant (self);
  if (relevant->len > 0)
    move_to (self, TRK_FLOW_STEP_QUESTION, g_ptr_array_index (relevant, relevant->len - 1));
  else
    move_to (self, TRK_FLOW_STEP_WELCOME, NULL);
}

void
trk_flow_back (TrkFlow *self)
{
  g_return_if_fail (TRK_IS_FLOW (self));

  switch (self->step)
    {
    case TRK_FLOW_STEP_QUESTION:
      back_from_question (self);
      break;
    case TRK_FLOW_STEP_REVIEW:
      back_from_review (self);
      break;
    case TRK_FLOW_STEP_OUTCOME:
      move_to (self, TRK_FLOW_STEP_REVIEW, NULL);
      break;
    case TRK_FLOW_STEP_WELCOME:
    default:
      break;
    }
}

void
trk_flow_change (TrkFlow    *self,
                 const char *question_id)
{
  TrkQuestion *question;

  g_return_if_fail (TRK_IS_FLOW (self));
  g_return_if_fail (question_id != NULL);

  question = trk_rule_set_lookup_question (self->rules, question_id);
  g_return_if_fail (question != NULL);

  self->from_review = TRUE;
  move_to (self, TRK_FLOW_STEP_QUESTION, question);
}

void
trk_flow_restart (TrkFlow *self)
{
  g_return_if_fail (TRK_IS_FLOW (self));

  clear_keeping_date (self);
  move_to (self, TRK_FLOW_STEP_WELCOME, NULL);
}

static void
copy_answers (TrkAnswers *from,
              TrkAnswers *to)
{
  g_autoptr(GPtrArray) ids = trk_answers_list_ids (from);
  GDate date;

  trk_answers_clear (to);
  if (trk_answers_get_date (from, &date))
    trk_answers_set_date (to, &date);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      trk_answers_set (to, id, trk_answers_get (from, id));
    }
}

void
trk_flow_load_answers (TrkFlow    *self,
                       TrkAnswers *answers)
{
  g_return_if_fail (TRK_IS_FLOW (self));
  g_return_if_fail (TRK_IS_ANSWERS (answers));

  copy_answers (answers, self->answers);
  trk_flow_resume (self);
}

void
trk_flow_set_rules (TrkFlow    *self,
                    TrkRuleSet *rules)
{
  g_return_if_fail (TRK_IS_FLOW (self));
  g_return_if_fail (TRK_IS_RULE_SET (rules));

  if (rules == self->rules)
    return;

  /* The old questions die with the old rules: leave no pointer to them. */
  self->question = NULL;
  g_clear_pointer (&self->result, trk_result_unref);
  g_set_object (&self->rules, rules);

  if (self->step == TRK_FLOW_STEP_WELCOME)
    move_to (self, TRK_FLOW_STEP_WELCOME, NULL);
  else
    trk_flow_resume (self);
}
