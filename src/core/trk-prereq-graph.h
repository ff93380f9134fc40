/* trk-prereq-graph.h - the prerequisite graph and its loops (Tarjan's SCC)
 *
 * Small and allocation-free: at most 32 steps, adjacency as bit masks, so
 * the evaluator can build and search one per evaluation.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRK_PREREQ_MAX_NODES 32

typedef struct
{
  guint    n_nodes;
  guint32  needs[TRK_PREREQ_MAX_NODES];  /* bit j of needs[i]: node i needs node j */
} TrkPrereqGraph;

void   trk_prereq_graph_init         (TrkPrereqGraph       *graph,
                                      guint                 n_nodes);
void   trk_prereq_graph_add_edge     (TrkPrereqGraph       *graph,
                                      guint                 from,
                                      guint                 to);
/* Strongly connected components: component[i] for each node, numbered in
 * the order Tarjan completes them. Returns the number of components. */
guint  trk_prereq_graph_scc          (const TrkPrereqGraph *graph,
                                      guint8               *component);
/* The loop of the component that holds the lowest-numbered node on any
 * loop (a component of two or more nodes, or a self-loop): the shortest
 * cycle from that node back to it, ties broken by node number. Fills @path
 * (each node needing the next, the last needing the first) and returns its
 * length; 0 when the graph has no loop. */
guint  trk_prereq_graph_find_cycle   (const TrkPrereqGraph *graph,
                                      guint8               *path);

G_END_DECLS
