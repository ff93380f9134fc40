/* test-prereq-graph.c - Tarjan's SCC and the reported loop
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-prereq-graph.h"

static void
assert_cycle (const TrkPrereqGraph *graph,
              const guint8         *expected,
              guint                 expected_len)
{
  guint8 path[TRK_PREREQ_MAX_NODES];
  guint len = trk_prereq_graph_find_cycle (graph, path);

  g_assert_cmpuint (len, ==, expected_len);
  for (guint i = 0; i < len; i++)
    g_assert_cmpuint (path[i], ==, expected[i]);
}

static void
test_no_edges (void)
{
  TrkPrereqGraph g;

  trk_prereq_graph_init (&g, 5);
  assert_cycle (&g, NULL, 0);
}

static void
test_self_loop (void)
{
  TrkPrereqGraph g;
  const guint8 expected[] = { 2 };

  trk_prereq_graph_init (&g, 4);
  trk_prereq_graph_add_edge (&g, 0, 1);
  trk_prereq_graph_add_edge (&g, 2, 2);
  assert_cycle (&g, expected, 1);
}

static void
test_three_cycle (void)
{
  TrkPrereqGraph g;
  const guint8 expected[] = { 1, 3, 2 };

  /* 1 -> 3 -> 2 -> 1, reached from 0; reported from its lowest node. */
  trk_prereq_graph_init (&g, 4);
  trk_prereq_graph_add_edge (&g, 0, 1);
  trk_prereq_graph_add_edge (&g, 2, 1);
  trk_prereq_graph_add_edge (&g, 1, 3);
  trk_prereq_graph_add_edge (&g, 3, 2);
  assert_cycle (&g, expected, 3);
}

static void
test_diamond (void)
{
  TrkPrereqGraph g;
  guint8 component[TRK_PREREQ_MAX_NODES];

  /* 0 -> 1 -> 3, 0 -> 2 -> 3: four components, no loop. */
  trk_prereq_graph_init (&g, 4);
  trk_prereq_graph_add_edge (&g, 0, 1);
  trk_prereq_graph_add_edge (&g, 0, 2);
  trk_prereq_graph_add_edge (&g, 1, 3);
  trk_prereq_graph_add_edge (&g, 2, 3);
  g_assert_cmpuint (trk_prereq_graph_scc (&g, component), ==, 4);
  assert_cycle (&g, NULL, 0);
}

static void
test_two_sccs (void)
{
  TrkPrereqGraph g;
  guint8 c[TRK_PREREQ_MAX_NODES];
  const guint8 expected[] = { 0, 1 };

  /* {0,1} and {2,3,4}, joined by 1 -> 2; 5 alone. */
  trk_prereq_graph_init (&g, 6);
  trk_prereq_graph_add_edge (&g, 0, 1);
  trk_prereq_graph_add_edge (&g, 1, 0);
  trk_prereq_graph_add_edge (&g, 1, 2);
  trk_prereq_graph_add_edge (&g, 2, 3);
  trk_prereq_graph_add_edge (&g, 3, 4);
  trk_prereq_graph_add_edge (&g, 4, 2);
  trk_prereq_graph_add_edge (&g, 4, 5);

  g_assert_cmpuint (trk_prereq_graph_scc (&g, c), ==, 3);
  g_assert_cmpuint (c[0], ==, c[1]);
  g_assert_cmpuint (c[2], ==, c[3]);
  g_assert_cmpuint (c[3], ==, c[4]);
  g_assert_cmpuint (c[0], !=, c[2]);
  g_assert_cmpuint (c[5], !=, c[2]);
  g_assert_cmpuint (c[5], !=, c[0]);
  /* Tarjan completes a component after all it needs. */
  g_assert_cmpuint (c[5], <, c[2]);
  g_assert_cmpuint (c[2], <, c[0]);
  assert_cycle (&g, expected, 2);
}

static void
test_shortest_and_rotation (void)
{
  TrkPrereqGraph g;
  const guint8 expected[] = { 0, 1, 2, 3, 4 };
  const guint8 shorter[] = { 0, 3, 4 };

  /* The contract's loop in order: iin(0) presence(1) entry(2) visa(3) dactyloscopy(4). */
  trk_prereq_graph_init (&g, 5);
  trk_prereq_graph_add_edge (&g, 3, 4);
  trk_prereq_graph_add_edge (&g, 4, 0);
  trk_prereq_graph_add_edge (&g, 1, 2);
  trk_prereq_graph_add_edge (&g, 0, 1);
  trk_prereq_graph_add_edge (&g, 2, 3);
  assert_cycle (&g, expected, 5);

  /* A shortcut 0 -> 3 gives a shorter loop through the first step. */
  trk_prereq_graph_add_edge (&g, 0, 3);
  assert_cycle (&g, shorter, 3);
}

static void
test_max_nodes (void)
{
  TrkPrereqGraph g;
  guint8 path[TRK_PREREQ_MAX_NODES];

  /* One ring through all 32 nodes: no overflow at bit 31. */
  trk_prereq_graph_init (&g, TRK_PREREQ_MAX_NODES);
  for (guint i = 0; i < TRK_PREREQ_MAX_NODES; i++)
    trk_prereq_graph_add_edge (&g, i, (i + 1) % TRK_PREREQ_MAX_NODES);
  g_assert_cmpuint (trk_prereq_graph_find_cycle (&g, path), ==, TRK_PREREQ_MAX_NODES);
  for (guint i = 0; i < TRK_PREREQ_MAX_NODES; i++)
    g_assert_cmpuint (path[i], ==, i);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trk/prereq-graph/no-edges", test_no_edges);
  g_test_add_func ("/trk/prereq-graph/self-loop", test_self_loop);
  g_test_add_func ("/trk/prereq-graph/three-cycle", test_three_cycle);
  g_test_add_func ("/trk/prereq-graph/diamond", test_diamond);
  g_test_add_func ("/trk/prereq-graph/two-sccs", test_two_sccs);
  g_test_add_func ("/trk/prereq-graph/shortest-and-rotation", test_shortest_and_rotation);
  g_test_add_func ("/trk/prereq-graph/max-nodes", test_max_nodes);

  return g_test_run ();
}
