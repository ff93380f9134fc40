/* trk-eval-loop.c - the prerequisite graph of one evaluation, its loop and
 * the ways out of it
 *
 * Edges are the relations that hold; Tarjan's SCC (trk-prereq-graph.c)
 * finds the loop. A way out is listed only when it is verified: another
 * answer is evaluated again from the start; a dated route (a pilot
 * project open on the date) lifts the relations that carry it.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-evaluator-private.h"
#include "trk-prereq-graph.h"

/* TRUE when relation @r carries a way out by @route that is open on @date. */
static gboolean
relation_lifted_by (TrkRuleSet *rs,
                    guint       r,
                    const char *route,
                    guint32     date)
{
  const TrkClause *relation = trk_rule_set_clause (rs->relations, r);
  const guint16 *ways = (const guint16 *) (gconstpointer) relation->ways_out->data;

  for (guint w = 0; w < relation->ways_out->len; w++)
    {
      const TrkWayOut *way = g_ptr_array_index (rs->ways_out, ways[w]);

      if (way->route != NULL && strcmp (way->route, route) == 0 && trk_way_out_in_effect (way, date))
        return TRUE;
    }
  return FALSE;
}

/* The graph of the relations that hold, less those a taken @route lifts
 * (NULL: none), and its loop. */
static void
eval_graph_taking (TrkRuleSet   *rs,
                   TrkEvalState *st,
                   const char   *route)
{
  const TrkCondEnv env = { st->values, st->status, st->date, FALSE, 0 };
  const TrkCondNode *conds = _trk_conds_of (rs);
  const TrkHot *hot = (const TrkHot *) (gconstpointer) rs->hot_relations->data;
  guint n = rs->hot_relations->len;
  TrkPrereqGraph graph;

  trk_prereq_graph_init (&graph, rs->steps->len);
  for (guint r = 0; r < n; r++)
    {
      if (_trk_hot_holds (conds, &hot[r], &env) && (route == NULL || !relation_lifted_by (rs, r, route, st->date)))
        trk_prereq_graph_add_edge (&graph, hot[r].step, hot[r].needs);
    }

  st->n_cycle = trk_prereq_graph_find_cycle (&graph, st->cycle);
  for (guint i = 0; i < st->n_cycle; i++)
    {
      guint from = st->cycle[i], to = st->cycle[(i + 1) % st->n_cycle];

      for (guint r = 0; r < n; r++)
        {
          if (hot[r].step == from && hot[r].needs == to && _trk_hot_holds (conds, &hot[r], &env))
            {
              st->cycle_link[i] = (guint16) r;
              break;
            }
        }
    }
}

void
_trk_eval_graph (TrkRuleSet   *rs,
                 TrkEvalState *st)
{
  eval_graph_taking (rs, st, NULL);
}

/* TRUE when answering @way makes every loop go away. Errors (a newly
 * relevant question without an answer, an undecided target) do not count
 * as a way out: nothing proves the loop gone. */
static gboolean G_GNUC_NO_INLINE
way_out_breaks_loop (TrkRuleSet         *rs,
                     const TrkEvalState *st,
                     const TrkWayOut    *way)
{
  TrkEvalState alt;
  TrkDecideFailure failure;

  alt.date = st->date;
  memcpy (alt.given, st->given, sizeof (gint32) * rs->questions->len);
  alt.given[way->question] = way->value;

  _trk_eval_relevance (rs, &alt);
  if (_trk_eval_missing (rs, &alt) >= 0 || !_trk_eval_targets (rs, &alt, &failure))
    return FALSE;
  _trk_eval_graph (rs, &alt);
  return alt.n_cycle == 0;
}

/* TRUE when taking the route @way (open on the date) makes every loop go
 * away: the same answers, without the relations the route lifts. */
static gboolean G_GNUC_NO_INLINE
route_breaks_loop (TrkRuleSet         *rs,
                   const TrkEvalState *st,
                   const TrkWayOut    *way)
{
  TrkEvalState alt;

  if (!trk_way_out_in_effect (way, st->date))
    return FALSE;
  alt.date = st->date;
  memcpy (alt.values, st->values, sizeof (gint32) * rs->questions->len);
  memcpy (alt.status, st->status, sizeof alt.status);
  eval_graph_taking (rs, &alt, way->route);
  return alt.n_cycle == 0;
}

static gboolean
way_out_tried (TrkRuleSet     *rs,
               const guint16  *tried,
               guint           n_tried,
               const TrkWayOut *way)
{
  for (guint i = 0; i < n_tried; i++)
    {
      const TrkWayOut *other = g_ptr_array_index (rs->ways_out, tried[i]);

      if (other->route != NULL || way->route != NULL)
        {
          if (g_strcmp0 (other->route, way->route) == 0)
            return TRUE;
          continue;
        }
      if (other->question == way->question && other->value == way->value)
        return TRUE;
    }
  return FALSE;
}

void
_trk_eval_ways_out (TrkRuleSet   *rs,
                    TrkEvalState *st)
{
  guint16 tried[TRK_MAX_WAYS_OUT];
  guint n_tried = 0;

  st->n_ways = 0;
  for (guint i = 0; i < st->n_cycle; i++)
    {
      const TrkClause *link = trk_rule_set_clause (rs->relations, st->cycle_link[i]);
      const guint16 *ways = (const guint16 *) (gconstpointer) link->ways_out->data;

      for (guint w = 0; w < link->ways_out->len; w++)
        {
          const TrkWayOut *way = g_ptr_array_index (rs->ways_out, ways[w]);

          gboolean breaks;

          if ((way->route == NULL && st->given[way->question] == way->value)
              || way_out_tried (rs, tried, n_tried, way))
            continue;
          tried[n_tried++] = ways[w];
          breaks = way->route != NULL ? route_breaks_loop (rs, st, way) : way_out_breaks_loop (rs, st, way);
          if (breaks)
            st->ways[st->n_ways++] = ways[w];
        }
    }
}
