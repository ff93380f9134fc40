/* trk-eval-state-private.h - one evaluation in progress, as small integers
 *
 * Filled by the evaluator's steps (trk-evaluator-private.h) and copied
 * into a TrkResult (trk-result-private.h); on the stack, no allocation.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-rule-set-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint32  date;                          /* julian day */
  guint64  relevant;                      /* bit per question */
  gint32   given[TRK_MAX_QUESTIONS];      /* -1 = not given */
  gint32   values[TRK_MAX_QUESTIONS];     /* given, masked to relevant questions */
  gint8    status[TRK_MAX_TARGETS];       /* -1 = not decided */
  guint16  decider[TRK_MAX_TARGETS];      /* rule index */
  guint    n_notes;
  guint16  notes[TRK_MAX_CLAUSES];        /* true notes, file order */
  guint    n_cycle;
  guint8   cycle[TRK_MAX_STEPS];          /* step indices, each needing the next */
  guint16  cycle_link[TRK_MAX_STEPS];     /* relation making cycle[i] need cycle[i+1] */
  guint    n_ways;
  guint16  ways[TRK_MAX_WAYS_OUT];        /* verified ways out */
  guint    n_items;
  guint16  items[TRK_MAX_CLAUSES];
  guint    n_warnings;
  guint16  warnings[TRK_MAX_CLAUSES];
} TrkEvalState;

G_END_DECLS
