/* trk-condition-compiler.c - <when>/<ask-when> into compiled conditions
 *
 * A condition becomes a subtree in prefix order in the rule set's one
 * array (trk-condition.h). Checked here: answers and values exist and fit
 * the question's type, `outcome` names only targets decided earlier,
 * `loop` only in checklist items and warnings, `rests-on` only in
 * warnings; cheap tests go first inside <all> and <any>.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-answers.h"
#include "trk-rules-loader-private.h"

/* ===== conditions ===== */

static const char *
where_name (CondWhere where)
{
  switch (where)
    {
    case WHERE_QUESTION:
      return "ask-when";
    case WHERE_RULE:
      return "rule";
    case WHERE_RELATION:
      return "requires";
    case WHERE_ITEM:
      return "item";
    case WHERE_WARNING:
      return "warning";
    default:
      g_assert_not_reached ();
    }
}

static gboolean
compile_is (Loader       *ld,
            xmlNode      *node,
            TrkCondNode  *n,
            GError      **error)
{
  TrkQuestion *q = _trk_ld_cond_question (ld, node, error);
  g_autofree char *values = NULL;
  g_auto(GStrv) parts = NULL;

  if (q == NULL)
    return FALSE;
  if (q->kind != TRK_QUESTION_CHOICE)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("<is> on the integer question “%s” (use <at-least> or <below>)"), q->id);

  values = _trk_ld_attr (node, "value");
  parts = g_strsplit (values != NULL ? values : "", " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint c = _trk_ld_choice_index (q, parts[i]);

      if (c < 0)
        return _trk_ld_fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                             _("<is>: “%s” is not a value of “%s” (allowed: %s)"), parts[i], q->id, q->allowed);
      n->mask |= G_GUINT64_CONSTANT (1) << c;
    }
  n->op = TRK_COND_IS;
  n->arg = (guint16) q->index;
  return TRUE;
}

static gboolean
compile_compare (Loader       *ld,
                 xmlNode      *node,
                 TrkCondOp     op,
                 TrkCondNode  *n,
                 GError      **error)
{
  TrkQuestion *q = _trk_ld_cond_question (ld, node, error);
  g_autofree char *value = NULL;

  if (q == NULL)
    return FALSE;
  if (q->kind != TRK_QUESTION_INTEGER)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("<%s> on the non-integer question “%s” (use <is>)"),
                         (const char *) node->name, q->id);

  value = _trk_ld_attr (node, "value");
  n->op = op;
  n->arg = (guint16) q->index;
  n->value = g_ascii_strtoll (value != NULL ? value : "0", NULL, 10);
  return TRUE;
}

static gboolean
compile_outcome (Loader           *ld,
                 xmlNode          *node,
                 const CondScope  *scope,
                 TrkCondNode      *n,
                 GError          **error)
{
  g_autofree char *target_id = _trk_ld_attr (node, "target");
  g_autofree char *statuses = _trk_ld_attr (node, "status");
  g_auto(GStrv) parts = NULL;
  const TrkTarget *target;
  gint t = _trk_target_index (ld->rs, target_id != NULL ? target_id : "");

  if (scope->where == WHERE_QUESTION)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("<outcome> cannot be used in <ask-when>: targets are decided after all questions"));
  if (t < 0)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                         _("<outcome> refers to unknown target “%s”"), target_id != NULL ? target_id : "");
  if (scope->where == WHERE_RULE && t >= scope->target)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("<outcome> refers to target “%s”, which is not decided yet here "
                   "(only targets listed before this one can be used)"), target_id);

  target = g_ptr_array_index (ld->rs->targets, t);
  parts = g_strsplit (statuses != NULL ? statuses : "", " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint s = _trk_status_index (target, parts[i]);

      if (s < 0)
        return _trk_ld_fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                             _("<outcome>: “%s” is not a status of target “%s”"), parts[i], target_id);
      n->mask |= G_GUINT64_CONSTANT (1) << s;
    }
  n->op = TRK_COND_OUTCOME;
  n->arg = (guint16) t;
  return TRUE;
}

static gboolean
compile_date (Loader       *ld,
              xmlNode      *node,
              TrkCondOp     op,
              TrkCondNode  *n,
              GError      **error)
{
  guint32 jd;

  if (!_trk_ld_parse_date (ld, node, "date", &jd, error))
    return FALSE;
  g_hash_table_add (ld->dates, GUINT_TO_POINTER (jd));
  n->op = op;
  n->value = jd;
  return TRUE;
}

/* More than @days days after the rules' checked date: a date test. */
static gboolean
compile_after_checked (Loader       *ld,
                       xmlNode      *node,
                       TrkCondNode  *n,
                       GError      **error)
{
  g_autofree char *days = _trk_ld_attr (node, "days");
  guint64 value = 0;
  GDate checked;

  if (!g_ascii_string_to_unsigned (days, 10, 0, 100000, &value, NULL))
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("<after-checked> days=\"%s\" is not a number of days"), days != NULL ? days : "");
  if (!trk_date_parse (ld->rs->checked, &checked))
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node, _("<after-checked> needs the rules' checked date"));
  n->op = TRK_COND_ON_OR_AFTER;
  n->value = g_date_get_julian (&checked) + value + 1;
  g_hash_table_add (ld->dates, GUINT_TO_POINTER ((guint32) n->value));
  return TRUE;
}

static gboolean
compile_rests_on (Loader           *ld,
                  xmlNode          *node,
                  const CondScope  *scope,
                  TrkCondNode      *n,
                  GError          **error)
{
  g_autofree char *kinds = _trk_ld_attr (node, "kind");
  g_auto(GStrv) names = NULL;

  if (scope->where != WHERE_WARNING)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("<rests-on> is not allowed in a <%s> (only in warnings)"), where_name (scope->where));
  names = g_strsplit (kinds != NULL ? kinds : "", " ", -1);
  n->op = TRK_COND_RESTS_ON;
  n->mask = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      TrkSourceKind kind;

      if (!trk_source_kind_from_string (names[i], &kind))
        return _trk_ld_fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                             _("<rests-on>: “%s” is not a kind of source (allowed: legal_update, press_report, official)"),
                             names[i]);
      n->mask |= G_GUINT64_CONSTANT (1) << kind;
    }
  return TRUE;
}

static gboolean
compile_leaf (Loader           *ld,
              xmlNode          *node,
              const CondScope  *scope,
              TrkCondNode      *n,
              GError          **error)
{
  TrkQuestion *q;

  if (_trk_ld_is_element (node, "is"))
    return compile_is (ld, node, n, error);
  if (_trk_ld_is_element (node, "at-least"))
    return compile_compare (ld, node, TRK_COND_AT_LEAST, n, error);
  if (_trk_ld_is_element (node, "below"))
    return compile_compare (ld, node, TRK_COND_BELOW, n, error);
  if (_trk_ld_is_element (node, "on-or-after"))
    return compile_date (ld, node, TRK_COND_ON_OR_AFTER, n, error);
  if (_trk_ld_is_element (node, "before"))
    return compile_date (ld, node, TRK_COND_BEFORE, n, error);
  if (_trk_ld_is_element (node, "outcome"))
    return compile_outcome (ld, node, scope, n, error);
  if (_trk_ld_is_element (node, "missing"))
    {
      if ((q = _trk_ld_cond_question (ld, node, error)) == NULL)
        return FALSE;
      n->op = TRK_COND_MISSING;
      n->arg = (guint16) q->index;
      return TRUE;
    }
  if (_trk_ld_is_element (node, "after-checked"))
    return compile_after_checked (ld, node, n, error);
  if (_trk_ld_is_element (node, "rests-on"))
    return compile_rests_on (ld, node, scope, n, error);
  if (_trk_ld_is_element (node, "loop"))
    {
      if (scope->where != WHERE_ITEM && scope->where != WHERE_WARNING)
        return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                             _("<loop> is not allowed in a <%s> (only in checklist items and warnings)"),
                             where_name (scope->where));
      n->op = TRK_COND_LOOP;
      return TRUE;
    }
  return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node, _("unknown condition <%s>"),
                       (const char *) node->name);
}

static gboolean
is_cheap (const TrkCondNode *n)
{
  return n->op == TRK_COND_IS || n->op == TRK_COND_OUTCOME;
}

/* Moves the children of <all>/<any> at @index that are single <is> or
 * <outcome> tests before the others (keeping their order). Kleene logic
 * does not depend on the order; the evaluator stops earlier this way. */
static void
cheap_children_first (GArray *conds,
                      guint   index)
{
  TrkCondNode *node = &g_array_index (conds, TrkCondNode, index);
  guint total = node->size - 1;
  g_autofree TrkCondNode *copy = g_memdup2 (node + 1, total * sizeof (TrkCondNode));
  TrkCondNode *out = node + 1;

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < total; i += copy[i].size)
        {
          if (is_cheap (&copy[i]) != (pass == 0))
            continue;
          memcpy (out, &copy[i], copy[i].size * sizeof (TrkCondNode));
          out += copy[i].size;
        }
    }
}

static gboolean
compile_cond (Loader           *ld,
              xmlNode          *node,
              const CondScope  *scope,
              GError          **error)
{
  GArray *conds = ld->rs->conds;
  guint index = conds->len;
  TrkCondNode n = { 0 };
  guint count = 0;

  if (_trk_ld_is_element (node, "all") || _trk_ld_is_element (node, "any") || _trk_ld_is_element (node, "not"))
    {
      n.op = _trk_ld_is_element (node, "all") ? TRK_COND_ALL : _trk_ld_is_element (node, "any") ? TRK_COND_ANY : TRK_COND_NOT;
      g_array_append_val (conds, n);
      for (xmlNode *c = _trk_ld_first_child (node); c != NULL; c = _trk_ld_next_sibling (c), count++)
        {
          if (count == G_MAXUINT8)
            return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                                 _("<%s> has too many conditions (at most 255)"), (const char *) node->name);
          if (!compile_cond (ld, c, scope, error))
            return FALSE;
        }
      if (count == 0 || (n.op == TRK_COND_NOT && count != 1))
        return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node, _("<%s> has a wrong number of conditions"),
                             (const char *) node->name);
      g_array_index (conds, TrkCondNode, index).n_children = (guint8) count;
      g_array_index (conds, TrkCondNode, index).size = conds->len - index;
      if (n.op != TRK_COND_NOT)
        cheap_children_first (conds, index);
    }
  else
    {
      if (!compile_leaf (ld, node, scope, &n, error))
        return FALSE;
      g_array_append_val (conds, n);
    }

  g_array_index (conds, TrkCondNode, index).size = conds->len - index;
  return TRUE;
}

/* Compiles the condition inside @wrapper (<when>/<ask-when>), if any. */
gboolean
_trk_ld_compile_wrapper (Loader           *ld,
                         xmlNode          *parent,
                         const char       *wrapper,
                         const CondScope  *scope,
                         gint32           *out_index,
                         GError          **error)
{
  *out_index = TRK_COND_NONE;
  for (xmlNode *c = _trk_ld_first_child (parent); c != NULL; c = _trk_ld_next_sibling (c))
    {
      xmlNode *cond = _trk_ld_first_child (c);

      if (!_trk_ld_is_element (c, wrapper))
        continue;
      if (cond == NULL)
        return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, c, _("<%s> is empty"), wrapper);
      *out_index = (gint32) ld->rs->conds->len;
      return compile_cond (ld, cond, scope, error);
    }
  return TRUE;
}


/* For each question, the questions its ask-when reads. The first pass of
 * the relevance fixpoint looks at every question; the next passes only at
 * those that read a question that just became relevant. */
void
_trk_ld_collect_ask_reads (TrkRuleSet *rs)
{
  for (guint q = 0; q < rs->questions->len; q++)
    {
      TrkQuestion *question = g_ptr_array_index (rs->questions, q);
      const TrkCondNode *n;

      /* bit 63 too, so that "all changed" (~0) always matches */
      question->ask_reads = G_GUINT64_CONSTANT (1) << 63;
      if (question->ask_when < 0)
        continue;
      n = &g_array_index (rs->conds, TrkCondNode, question->ask_when);
      for (guint i = 0; i < n->size; i++)
        {
          switch ((TrkCondOp) n[i].op)
            {
            case TRK_COND_IS:
            case TRK_COND_AT_LEAST:
            case TRK_COND_BELOW:
            case TRK_COND_MISSING:
              question->ask_reads |= G_GUINT64_CONSTANT (1) << n[i].arg;
              break;
            case TRK_COND_ALL:
            case TRK_COND_ANY:
            case TRK_COND_NOT:
            case TRK_COND_ON_OR_AFTER:
            case TRK_COND_BEFORE:
            case TRK_COND_OUTCOME:
            case TRK_COND_LOOP:
            case TRK_COND_RESTS_ON:
            default:
              break;
            }
        }
    }
}
