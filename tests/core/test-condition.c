/* test-condition.c - three-valued (Kleene) truth tables of compiled conditions
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-condition.h"

/* Leaves whose value is set by one answer each: q0 is "is q0 = choice 0". */
static TrkCondNode
leaf (guint q)
{
  TrkCondNode n = { 0 };

  n.op = TRK_COND_IS;
  n.arg = (guint16) q;
  n.mask = 1;  /* choice 0 */
  n.size = 1;
  return n;
}

/* values for FALSE, TRUE, UNKNOWN of a leaf */
static const gint32 tri_value[] = { 1, 0, -1 };

static TrkTri
eval_binary (TrkCondOp op,
             TrkTri    a,
             TrkTri    b)
{
  TrkCondNode nodes[3] = { { 0 }, leaf (0), leaf (1) };
  gint32 values[2] = { tri_value[a], tri_value[b] };
  gint8 status[1] = { -1 };
  TrkCondEnv env = { values, status, 0, FALSE, 0 };

  nodes[0].op = op;
  nodes[0].n_children = 2;
  nodes[0].size = 3;
  return trk_cond_eval (nodes, &env);
}

static void
test_all_any (void)
{
  const TrkTri F = TRK_TRI_FALSE, T = TRK_TRI_TRUE, U = TRK_TRI_UNKNOWN;
  /* rows: a; columns: b; order F, T, U */
  const TrkTri all[3][3] = { { F, F, F }, { F, T, U }, { F, U, U } };
  const TrkTri any[3][3] = { { F, T, U }, { T, T, T }, { U, T, U } };

  for (guint a = 0; a < 3; a++)
    for (guint b = 0; b < 3; b++)
      {
        g_assert_cmpint (eval_binary (TRK_COND_ALL, a, b), ==, all[a][b]);
        g_assert_cmpint (eval_binary (TRK_COND_ANY, a, b), ==, any[a][b]);
      }
}

static void
test_not (void)
{
  const TrkTri expected[3] = { TRK_TRI_TRUE, TRK_TRI_FALSE, TRK_TRI_UNKNOWN };

  for (guint a = 0; a < 3; a++)
    {
      TrkCondNode nodes[2] = { { 0 }, leaf (0) };
      gint32 values[1] = { tri_value[a] };
      TrkCondEnv env = { values, NULL, 0, FALSE, 0 };

      nodes[0].op = TRK_COND_NOT;
      nodes[0].n_children = 1;
      nodes[0].size = 2;
      g_assert_cmpint (trk_cond_eval (nodes, &env), ==, expected[a]);
    }
}

static TrkTri
eval_leaf (TrkCondOp  op,
           gint64     arg_value,
           gint32     value,
           guint32    date)
{
  TrkCondNode n = { 0 };
  gint32 values[1] = { value };
  gint8 status[1] = { (gint8) value };
  TrkCondEnv env = { values, status, date, value == 1, 0 };

  n.op = op;
  n.size = 1;
  n.value = arg_value;
  return trk_cond_eval (&n, &env);
}

static void
test_leaves (void)
{
  /* is: bit mask over choice indices */
  g_assert_cmpint (eval_leaf (TRK_COND_IS, 0x6, 1, 0), ==, TRK_TRI_TRUE);
  g_assert_cmpint (eval_leaf (TRK_COND_IS, 0x6, 0, 0), ==, TRK_TRI_FALSE);
  g_assert_cmpint (eval_leaf (TRK_COND_IS, 0x6, -1, 0), ==, TRK_TRI_UNKNOWN);
  /* at-least / below around 16 */
  g_assert_cmpint (eval_leaf (TRK_COND_AT_LEAST, 16, 15, 0), ==, TRK_TRI_FALSE);
  g_assert_cmpint (eval_leaf (TRK_COND_AT_LEAST, 16, 16, 0), ==, TRK_TRI_TRUE);
  g_assert_cmpint (eval_leaf (TRK_COND_AT_LEAST, 16, -1, 0), ==, TRK_TRI_UNKNOWN);
  g_assert_cmpint (eval_leaf (TRK_COND_BELOW, 16, 15, 0), ==, TRK_TRI_TRUE);
  g_assert_cmpint (eval_leaf (TRK_COND_BELOW, 16, 16, 0), ==, TRK_TRI_FALSE);
  g_assert_cmpint (eval_leaf (TRK_COND_BELOW, 16, -1, 0), ==, TRK_TRI_UNKNOWN);
  /* missing is never unknown */
  g_assert_cmpint (eval_leaf (TRK_COND_MISSING, 0, -1, 0), ==, TRK_TRI_TRUE);
  g_assert_cmpint (eval_leaf (TRK_COND_MISSING, 0, 0, 0), ==, TRK_TRI_FALSE);
  /* dates: on-or-after is inclusive, before exclusive */
  g_assert_cmpint (eval_leaf (TRK_COND_ON_OR_AFTER, 100, 0, 99), ==, TRK_TRI_FALSE);
  g_assert_cmpint (eval_leaf (TRK_COND_ON_OR_AFTER, 100, 0, 100), ==, TRK_TRI_TRUE);
  g_assert_cmpint (eval_leaf (TRK_COND_BEFORE, 100, 0, 99), ==, TRK_TRI_TRUE);
  g_assert_cmpint (eval_leaf (TRK_COND_BEFORE, 100, 0, 100), ==, TRK_TRI_FALSE);
  /* outcome: unknown while the target is not decided */
  g_assert_cmpint (eval_leaf (TRK_COND_OUTCOME, 0, -1, 0), ==, TRK_TRI_UNKNOWN);
  /* loop */
  g_assert_cmpint (eval_leaf (TRK_COND_LOOP, 0, 1, 0), ==, TRK_TRI_TRUE);
  g_assert_cmpint (eval_leaf (TRK_COND_LOOP, 0, 0, 0), ==, TRK_TRI_FALSE);
}

static void
test_outcome_mask (void)
{
  TrkCondNode n = { 0 };
  gint8 status[2] = { 2, 0 };
  TrkCondEnv env = { NULL, status, 0, FALSE, 0 };

  n.op = TRK_COND_OUTCOME;
  n.size = 1;
  n.arg = 0;
  n.mask = 1u << 2;
  g_assert_cmpint (trk_cond_eval (&n, &env), ==, TRK_TRI_TRUE);
  n.arg = 1;
  g_assert_cmpint (trk_cond_eval (&n, &env), ==, TRK_TRI_FALSE);
}

/* any(all(q0, not q1), q2): nested sizes jump correctly over subtrees. */
static void
test_nested (void)
{
  TrkCondNode nodes[6] = { { 0 }, { 0 }, leaf (0), { 0 }, leaf (1), leaf (2) };
  gint32 values[3];
  TrkCondEnv env = { values, NULL, 0, FALSE, 0 };

  nodes[0].op = TRK_COND_ANY;
  nodes[0].n_children = 2;
  nodes[0].size = 6;
  nodes[1].op = TRK_COND_ALL;
  nodes[1].n_children = 2;
  nodes[1].size = 4;
  nodes[3].op = TRK_COND_NOT;
  nodes[3].n_children = 1;
  nodes[3].size = 2;

  for (guint i = 0; i < 27; i++)
    {
      TrkTri a = i % 3, b = (i / 3) % 3, c = i / 9;
      TrkTri not_b = b == TRK_TRI_UNKNOWN ? b : !b;
      TrkTri all = (a == TRK_TRI_FALSE || not_b == TRK_TRI_FALSE) ? TRK_TRI_FALSE
                   : (a == TRK_TRI_TRUE && not_b == TRK_TRI_TRUE) ? TRK_TRI_TRUE : TRK_TRI_UNKNOWN;
      TrkTri any = (all == TRK_TRI_TRUE || c == TRK_TRI_TRUE) ? TRK_TRI_TRUE
                   : (all == TRK_TRI_FALSE && c == TRK_TRI_FALSE) ? TRK_TRI_FALSE : TRK_TRI_UNKNOWN;

      values[0] = tri_value[a];
      values[1] = tri_value[b];
      values[2] = tri_value[c];
      g_assert_cmpint (trk_cond_eval (nodes, &env), ==, any);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trk/condition/all-any", test_all_any);
  g_test_add_func ("/trk/condition/not", test_not);
  g_test_add_func ("/trk/condition/leaves", test_leaves);
  g_test_add_func ("/trk/condition/outcome-mask", test_outcome_mask);
  g_test_add_func ("/trk/condition/nested", test_nested);

  return g_test_run ();
}
