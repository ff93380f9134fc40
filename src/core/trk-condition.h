/* trk-condition.h - compiled three-valued conditions
 *
 * A condition is a subtree stored in prefix order in one array of the rule
 * set: a node is followed by its children, and `size` (nodes in the subtree)
 * jumps over it. Answers are small integers (choice index or the number),
 * dates julian day numbers: evaluating allocates nothing.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Kleene logic: UNKNOWN is an answer not given or not relevant. */
typedef enum
{
  TRK_TRI_FALSE   = 0,
  TRK_TRI_TRUE    = 1,
  TRK_TRI_UNKNOWN = 2,
} TrkTri;

typedef enum
{
  TRK_COND_ALL,
  TRK_COND_ANY,
  TRK_COND_NOT,
  TRK_COND_IS,           /* arg = question, mask = choice indices */
  TRK_COND_AT_LEAST,     /* arg = question, value */
  TRK_COND_BELOW,        /* arg = question, value */
  TRK_COND_MISSING,      /* arg = question */
  TRK_COND_ON_OR_AFTER,  /* value = julian day */
  TRK_COND_BEFORE,       /* value = julian day */
  TRK_COND_OUTCOME,      /* arg = target, mask = status indices */
  TRK_COND_LOOP,
  TRK_COND_RESTS_ON,     /* mask = source kinds (1 << TrkSourceKind) */
} TrkCondOp;

typedef struct
{
  guint8   op;
  guint8   n_children;
  guint16  arg;
  guint32  size;
  union {
    guint64 mask;
    gint64  value;
  };
} TrkCondNode;

/* Index of "no condition" (always true). */
#define TRK_COND_NONE (-1)

/* What a condition can see. values: -1 = not given or not relevant. */
typedef struct
{
  const gint32 *values;
  const gint8  *status;  /* per target, -1 = not decided */
  guint32       date;
  gboolean      loop;
  guint         kinds;   /* bit per source kind the result cites; warnings only */
} TrkCondEnv;

TrkTri trk_cond_eval (const TrkCondNode *node,
                      const TrkCondEnv  *env);

/* TRUE when the condition at @index of @nodes is TRUE (no condition is TRUE). */
static inline TrkTri
trk_cond_eval_at (const TrkCondNode *nodes,
                  gint32             index,
                  const TrkCondEnv  *env)
{
  if (index < 0)
    return TRK_TRI_TRUE;
  return trk_cond_eval (&nodes[index], env);
}

G_END_DECLS
