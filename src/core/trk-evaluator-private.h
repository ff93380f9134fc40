/* trk-evaluator-private.h - the allocation-free evaluation core
 *
 * trk_evaluate() compiles the answers to small integers, runs these steps
 * on a TrkEvalState (on the stack) and copies the outcome into a TrkResult.
 * trk-rules-check.c runs the same steps over every combination.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-evaluator.h"
#include "trk-eval-state-private.h"
#include "trk-rule-set-private.h"

G_BEGIN_DECLS


/* Why deciding the targets failed. */
typedef enum
{
  TRK_DECIDE_OK,
  TRK_DECIDE_GAP,        /* no rule is true */
  TRK_DECIDE_OVERLAP,    /* rule_a and rule_b are both true */
  TRK_DECIDE_UNKNOWN,    /* no rule is true; rule_a depends on an answer not given */
} TrkDecideResult;

typedef struct
{
  TrkDecideResult result;
  guint           target;
  guint           rule_a;
  guint           rule_b;
} TrkDecideFailure;

static inline const TrkCondNode *
_trk_conds_of (TrkRuleSet *rs)
{
  return (const TrkCondNode *) (gconstpointer) rs->conds->data;
}

/* A clause holds: in effect on the date, its guard passes, its condition
 * is TRUE. */
static inline gboolean
_trk_hot_holds (const TrkCondNode  *conds,
                const TrkHot       *hot,
                const TrkCondEnv   *env)
{
  return trk_hot_in_effect (hot, env->date) && trk_hot_guard_passes (hot, env)
         && trk_cond_eval_at (conds, hot->when, env) == TRK_TRI_TRUE;
}

/* Sets st->date and st->given first. */
void     _trk_eval_relevance   (TrkRuleSet        *rs,
                                TrkEvalState      *st);
/* The first relevant, non-optional question without an answer, or -1. */
gint     _trk_eval_missing     (TrkRuleSet        *rs,
                                const TrkEvalState *st);
gboolean _trk_eval_targets     (TrkRuleSet        *rs,
                                TrkEvalState      *st,
                                TrkDecideFailure  *failure);
void     _trk_eval_graph       (TrkRuleSet        *rs,
                                TrkEvalState      *st);
gboolean _trk_eval_relation_holds (TrkRuleSet         *rs,
                                   const TrkEvalState *st,
                                   guint               r);
void     _trk_eval_ways_out    (TrkRuleSet        *rs,
                                TrkEvalState      *st);
void     _trk_eval_items       (TrkRuleSet        *rs,
                                TrkEvalState      *st);

/* Message for a failure, naming rules, target, date and the answers. */
char    *_trk_decide_failure_message (TrkRuleSet             *rs,
                                      const TrkEvalState     *st,
                                      const TrkDecideFailure *failure);
/* "status=foreigner, age=34" of the relevant answers. */
char    *_trk_eval_describe_answers  (TrkRuleSet             *rs,
                                      const TrkEvalState     *st);
char    *_trk_format_julian          (guint32                 jd);

G_END_DECLS
