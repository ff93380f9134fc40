/* trk-result-private.h - the result's layout, for its formats and its builder
 *
 * trk-result.c is the model, trk-result-json.c and trk-result-text.c
 * write it out; the evaluator builds one from its state.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-eval-state-private.h"
#include "trk-result.h"
#include "trk-rule-set-private.h"

G_BEGIN_DECLS

/* One allocation: the decided statuses, the loop and the lists as small
 * indices into the rule set; texts are looked up when asked for. */
struct _TrkResult
{
  gatomicrefcount  ref_count;
  TrkRuleSet      *rules;
  char             date[11];
  gint8            status[TRK_MAX_TARGETS];
  guint16          decider[TRK_MAX_TARGETS];
  guint8           n_answers;
  guint8           answers[TRK_MAX_QUESTIONS];  /* question indices */
  gint32           values[TRK_MAX_QUESTIONS];
  char             numbers[TRK_MAX_QUESTIONS][12];  /* integer answers as text */
  guint8           n_cycle;
  guint8           cycle[TRK_MAX_STEPS];
  guint16          cycle_link[TRK_MAX_STEPS];
  guint16          n_notes;
  guint16          n_ways;
  guint16          n_items;
  guint16          n_warnings;
  guint16         *notes;
  guint16         *ways;
  guint16         *items;
  guint16         *warnings;
  GArray          *sources;  /* _trk_result_sources(), built on first use */
  guint16          data[];
};

TrkResult       *_trk_result_new          (TrkRuleSet         *rules,
                                           const TrkEvalState *st);
/* The index-th reason of @target: the deciding rule, then its notes. */
const TrkClause *_trk_result_reason_clause (TrkResult  *self,
                                            const char *target,
                                            guint       index);
const TrkWayOut *_trk_result_way_out      (TrkResult  *self,
                                           guint       index);
/* (transfer full) (element-type guint): indices of the sources the result
 * cites, in the order first cited; built once, then shared (a reference). */
GArray          *_trk_result_sources      (TrkResult  *self);
/* Appends the sources of @cites not yet in @seen (a bit per source). */
void             _trk_result_add_cited    (GArray     *out,
                                           guint64    *seen,
                                           GPtrArray  *cites);
guint64          _trk_result_rests_on_mask (TrkRuleSet      *rs,
                                            const TrkClause *clause);

G_END_DECLS
