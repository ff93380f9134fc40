/* trk-handbook-private.h - the handbook's outcomes, for its two parts
 *
 * trk-handbook.c walks the answer space and groups what it finds by
 * outcome; trk-handbook-conditions.c says who each outcome is for.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-handbook.h"
#include "trk-rules-check-private.h"

G_BEGIN_DECLS

#define SLOT_ABSENT 62                 /* an optional question, skipped */
#define MAX_SLOTS   SLOT_ABSENT        /* values per question the masks hold */
#define ANY         G_MAXUINT64        /* no constraint */

/* The answer sets of an outcome that share its reasons. */
typedef struct
{
  char      *reasons;                  /* rule ids */
  gint32     first[TRK_MAX_QUESTIONS]; /* the first leaf's values, -1 = none */
  guint64    first_relevant;
  GArray    *conds;                    /* guint64 masks, n_questions per condition */
  TrkResult *result;
} Case;

/* A reason printed once for the outcome, from the first case giving it. */
typedef struct
{
  guint    case_index;
  guint    target;
  guint    index;                      /* in the case's result */
  guint8  *in_case;                    /* per case: the case gives this reason */
} Reason;

typedef struct
{
  char      *key;
  gint       status[TRK_MAX_TARGETS];
  guint      n_leaves;
  GPtrArray *cases;                    /* Case */
  GArray    *conds;                    /* every case's merged conditions, in case order */
  GArray    *cond_case;                /* guint: the case of each condition */
  GArray    *reasons;                  /* Reason */
} Outcome;

struct _TrkHandbook
{
  TrkRuleSet *rules;
  char       *date;
  guint32     julian;
  guint       nq;
  gint32      values[TRK_MAX_QUESTIONS][MAX_SLOTS];
  guint       n_values[TRK_MAX_QUESTIONS];
  guint64     full[TRK_MAX_QUESTIONS];  /* every slot a question can take */
  GHashTable *by_key;                   /* key -> Outcome (borrowed) */
  GPtrArray  *outcomes;                 /* Outcome */
};

/* A question's mask with every value allowed is no constraint (ANY). */
static inline guint64
_trk_handbook_normalize (TrkHandbook *self,
                         guint        q,
                         guint64      mask)
{
  return (mask & self->full[q]) == self->full[q] ? ANY : mask;
}

/* Merges @conds (n_questions masks per condition) into the fewest
 * conditions that cover the same answer sets. */
void     _trk_handbook_merge_conditions (TrkHandbook *self,
                                         GArray      *conds);
Outcome *_trk_handbook_get_outcome      (TrkHandbook *self,
                                         guint        index);

G_END_DECLS
