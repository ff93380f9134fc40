/* trk-prereq-graph.c - the prerequisite graph and its loops (Tarjan's SCC)
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-prereq-graph.h"

void
trk_prereq_graph_init (TrkPrereqGraph *graph,
                       guint           n_nodes)
{
  g_assert (n_nodes <= TRK_PREREQ_MAX_NODES);

  graph->n_nodes = n_nodes;
  memset (graph->needs, 0, sizeof graph->needs);
}

void
trk_prereq_graph_add_edge (TrkPrereqGraph *graph,
                           guint           from,
                           guint           to)
{
  g_assert (from < graph->n_nodes && to < graph->n_nodes);

  graph->needs[from] |= 1u << to;
}

typedef struct
{
  const TrkPrereqGraph *graph;
  guint8               *component;
  gint8                 index[TRK_PREREQ_MAX_NODES];  /* -1 = not visited */
  guint8                low[TRK_PREREQ_MAX_NODES];
  guint8                stack[TRK_PREREQ_MAX_NODES];
  guint32               on_stack;
  guint                 depth;
  guint                 next_index;
  guint                 n_components;
} Tarjan;

static void
tarjan_visit (Tarjan *t,
              guint   v)
{
  guint32 succ = t->graph->needs[v];

  t->index[v] = (gint8) t->next_index;
  t->low[v] = (guint8) t->next_index++;
  t->stack[t->depth++] = (guint8) v;
  t->on_stack |= 1u << v;

  for (guint w = 0; succ != 0; w++, succ >>= 1)
    {
      if ((succ & 1) == 0)
        continue;
      if (t->index[w] < 0)
        {
          tarjan_visit (t, w);
          t->low[v] = MIN (t->low[v], t->low[w]);
        }
      else if (t->on_stack & (1u << w))
        t->low[v] = MIN (t->low[v], (guint8) t->index[w]);
    }

  if (t->low[v] != (guint8) t->index[v])
    return;

  /* v is the root of a component: pop it. */
  for (;;)
    {
      guint w = t->stack[--t->depth];

      t->on_stack &= ~(1u << w);
      t->component[w] = (guint8) t->n_components;
      if (w == v)
        break;
    }
  t->n_components++;
}

guint
trk_prereq_graph_scc (const TrkPrereqGraph *graph,
                      guint8               *component)
{
  Tarjan t = { graph, component, { 0 }, { 0 }, { 0 }, 0, 0, 0, 0 };

  memset (t.index, -1, sizeof t.index);
  for (guint v = 0; v < graph->n_nodes; v++)
    {
      if (t.index[v] < 0)
        tarjan_visit (&t, v);
    }
  return t.n_components;
}

/* The path start -> ... -> last from the BFS parents, into @path. */
static guint
trace_back (const guint8 *parent,
            guint         start,
            guint         last,
            guint8       *path)
{
  guint len = 0;

  for (guint v = last; ; v = parent[v])
    {
      path[len++] = (guint8) v;
      if (v == start)
        break;
    }
  for (guint i = 0; i < len / 2; i++)
    {
      guint8 tmp = path[i];

      path[i] = path[len - 1 - i];
      path[len - 1 - i] = tmp;
    }
  return len;
}

/* Shortest path start -> ... -> start inside @members (BFS by node number). */
static guint
shortest_cycle (const TrkPrereqGraph *graph,
                guint                 start,
                guint32               members,
                guint8               *path)
{
  guint8 parent[TRK_PREREQ_MAX_NODES];
  guint8 queue[TRK_PREREQ_MAX_NODES];
  guint32 seen = 1u << start;
  guint head = 0, tail = 0;

  queue[tail++] = (guint8) start;
  while (head < tail)
    {
      guint u = queue[head++];
      guint32 succ = graph->needs[u] & members;

      if (succ & (1u << start))
        return trace_back (parent, start, u, path);
      for (guint w = 0; succ != 0; w++, succ >>= 1)
        {
          if ((succ & 1) && !(seen & (1u << w)))
            {
              seen |= 1u << w;
              parent[w] = (guint8) u;
              queue[tail++] = (guint8) w;
            }
        }
    }
  g_assert_not_reached ();
}

/* TRUE when some loop may exist: peel off nodes that need nothing still
 * left until none can go. Cheap bit operations; usually the graph empties. */
static gboolean
may_have_loop (const TrkPrereqGraph *graph)
{
  guint32 alive = graph->n_nodes == 32 ? ~0u : (1u << graph->n_nodes) - 1;
  guint32 removed;

  do
    {
      removed = 0;
      for (guint v = 0; v < graph->n_nodes; v++)
        {
          if ((alive & (1u << v)) && (graph->needs[v] & alive) == 0)
            removed |= 1u << v;
        }
      alive &= ~removed;
    }
  while (removed != 0);
  return alive != 0;
}

guint
trk_prereq_graph_find_cycle (const TrkPrereqGraph *graph,
                             guint8               *path)
{
  guint8 component[TRK_PREREQ_MAX_NODES];
  guint size[TRK_PREREQ_MAX_NODES] = { 0 };

  if (!may_have_loop (graph))
    return 0;

  trk_prereq_graph_scc (graph, component);
  for (guint v = 0; v < graph->n_nodes; v++)
    size[component[v]]++;

  for (guint v = 0; v < graph->n_nodes; v++)
    {
      guint32 members = 0;

      if (size[component[v]] < 2 && !(graph->needs[v] & (1u << v)))
        continue;
      for (guint w = 0; w < graph->n_nodes; w++)
        members |= (guint32) (component[w] == component[v]) << w;
      return shortest_cycle (graph, v, members, path);
    }
  return 0;
}
