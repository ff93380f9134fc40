/* trk-condition.c - compiled three-valued conditions
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-condition.h"

static inline TrkTri
tri_from_bool (gboolean b)
{
  return b ? TRK_TRI_TRUE : TRK_TRI_FALSE;
}

static inline TrkTri
eval_mask (gint32  v,
           guint64 mask)
{
  return v < 0 ? TRK_TRI_UNKNOWN : tri_from_bool ((mask >> v) & 1);
}

static TrkTri eval_other (const TrkCondNode *node,
                          const TrkCondEnv  *env);

/* Branches in order of frequency rather than a jump table: most rules are
 * an <all> whose first <is> or <outcome> child already fails (the loader
 * puts such cheap children first). */
static inline TrkTri
eval_node (const TrkCondNode *node,
           const TrkCondEnv  *env)
{
  if (node->op == TRK_COND_IS)
    return eval_mask (env->values[node->arg], node->mask);
  if (node->op == TRK_COND_OUTCOME)
    return eval_mask (env->status[node->arg], node->mask);
  return eval_other (node, env);
}

static TrkTri
eval_all (const TrkCondNode *node,
          const TrkCondEnv  *env)
{
  const TrkCondNode *child = node + 1;
  TrkTri result = TRK_TRI_TRUE;

  for (guint i = 0; i < node->n_children; i++)
    {
      TrkTri t = eval_node (child, env);

      if (t == TRK_TRI_FALSE)
        return TRK_TRI_FALSE;
      if (t == TRK_TRI_UNKNOWN)
        result = TRK_TRI_UNKNOWN;
      child += child->size;
    }
  return result;
}

static TrkTri
eval_any (const TrkCondNode *node,
          const TrkCondEnv  *env)
{
  const TrkCondNode *child = node + 1;
  TrkTri result = TRK_TRI_FALSE;

  for (guint i = 0; i < node->n_children; i++)
    {
      TrkTri t = eval_node (child, env);

      if (t == TRK_TRI_TRUE)
        return TRK_TRI_TRUE;
      if (t == TRK_TRI_UNKNOWN)
        result = TRK_TRI_UNKNOWN;
      child += child->size;
    }
  return result;
}

static TrkTri
eval_other (const TrkCondNode *node,
            const TrkCondEnv  *env)
{
  gint32 v;

  switch ((TrkCondOp) node->op)
    {
    case TRK_COND_ALL:
      return eval_all (node, env);
    case TRK_COND_ANY:
      return eval_any (node, env);
    case TRK_COND_NOT:
      {
        TrkTri t = eval_node (node + 1, env);
        return t == TRK_TRI_UNKNOWN ? t : tri_from_bool (t == TRK_TRI_FALSE);
      }
    case TRK_COND_IS:
      return eval_mask (env->values[node->arg], node->mask);
    case TRK_COND_AT_LEAST:
      v = env->values[node->arg];
      return v < 0 ? TRK_TRI_UNKNOWN : tri_from_bool (v >= node->value);
    case TRK_COND_BELOW:
      v = env->values[node->arg];
      return v < 0 ? TRK_TRI_UNKNOWN : tri_from_bool (v < node->value);
    case TRK_COND_MISSING:
      return tri_from_bool (env->values[node->arg] < 0);
    case TRK_COND_ON_OR_AFTER:
      return tri_from_bool (env->date >= node->value);
    case TRK_COND_BEFORE:
      return tri_from_bool (env->date < node->value);
    case TRK_COND_OUTCOME:
      return eval_mask (env->status[node->arg], node->mask);
    case TRK_COND_LOOP:
      return tri_from_bool (env->loop);
    case TRK_COND_RESTS_ON:
      return tri_from_bool ((env->kinds & node->mask) != 0);
    default:
      g_assert_not_reached ();
    }
}

TrkTri
trk_cond_eval (const TrkCondNode *node,
               const TrkCondEnv  *env)
{
  if (node->op == TRK_COND_ALL)
    return eval_all (node, env);
  return eval_node (node, env);
}
