/* trk-result.c - what the evaluator found for one applicant on one date
 *
 * A result is one block: the decided statuses, the reasons, the loop and
 * the lists as small indices into the rule set. Strings are the rule set's
 * own; composed texts (citations, reports, JSON) are built when asked for.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-date.h"
#include "trk-result-private.h"

G_DEFINE_BOXED_TYPE (TrkResult, trk_result, trk_result_ref, trk_result_unref)

static guint16 *
copy_list (guint16       *dest,
           const guint16 *src,
           guint          n)
{
  memcpy (dest, src, n * sizeof (guint16));
  return dest;
}

TrkResult *
_trk_result_new (TrkRuleSet         *rules,
                 const TrkEvalState *st)
{
  guint n_data = st->n_notes + st->n_ways + st->n_items + st->n_warnings;
  TrkResult *self = g_malloc (sizeof (TrkResult) + n_data * sizeof (guint16));
  guint nq = rules->questions->len;

  g_atomic_ref_count_init (&self->ref_count);
  self->rules = g_object_ref (rules);
  trk_date_format_julian (self->date, st->date);
  memcpy (self->status, st->status, sizeof self->status);
  memcpy (self->decider, st->decider, sizeof self->decider);
  memcpy (self->values, st->values, nq * sizeof (gint32));
  self->n_answers = 0;
  for (guint q = 0; q < nq; q++)
    {
      self->numbers[q][0] = '\0';
      if (st->values[q] >= 0)
        self->answers[self->n_answers++] = (guint8) q;
    }
  self->n_cycle = (guint8) st->n_cycle;
  memcpy (self->cycle, st->cycle, st->n_cycle);
  memcpy (self->cycle_link, st->cycle_link, st->n_cycle * sizeof (guint16));
  self->n_notes = (guint16) st->n_notes;
  self->n_ways = (guint16) st->n_ways;
  self->n_items = (guint16) st->n_items;
  self->n_warnings = (guint16) st->n_warnings;
  self->notes = copy_list (self->data, st->notes, st->n_notes);
  self->ways = copy_list (self->notes + st->n_notes, st->ways, st->n_ways);
  self->items = copy_list (self->ways + st->n_ways, st->items, st->n_items);
  self->warnings = copy_list (self->items + st->n_items, st->warnings, st->n_warnings);
  self->sources = NULL;
  return self;
}

TrkResult *
trk_result_ref (TrkResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
trk_result_unref (TrkResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_object_unref (self->rules);
  g_clear_pointer (&self->sources, g_array_unref);
  g_free (self);
}

/**
 * trk_result_get_rule_set:
 *
 * Returns: (transfer none): the rules the result was evaluated with
 */
TrkRuleSet *
trk_result_get_rule_set (TrkResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rules;
}

const char *
trk_result_get_date (TrkResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date;
}

/* ===== targets and reasons ===== */

static gint
target_index (TrkResult  *self,
              const char *target)
{
  return _trk_target_index (self->rules, target);
}

/* (nullable): NULL for a target the rules do not have. */
const char *
trk_result_get_status (TrkResult  *self,
                       const char *target)
{
  const TrkTarget *tgt;
  gint t;

  g_return_val_if_fail (self != NULL && target != NULL, NULL);

  t = target_index (self, target);
  if (t < 0)
    return NULL;
  tgt = g_ptr_array_index (self->rules->targets, t);
  return ((const TrkStatus *) g_ptr_array_index (tgt->statuses, self->status[t]))->id;
}

/* The index-th reason of target t: the deciding rule, then its notes. */
const TrkClause *
_trk_result_reason_clause (TrkResult  *self,
                           const char *target,
                           guint       index)
{
  gint t = target_index (self, target);

  if (t < 0)
    return NULL;
  if (index == 0)
    return trk_rule_set_clause (self->rules->rules, self->decider[t]);
  for (guint i = 0; i < self->n_notes; i++)
    {
      const TrkClause *note = trk_rule_set_clause (self->rules->rules, self->notes[i]);

      if (note->target == (guint) t && --index == 0)
        return note;
    }
  return NULL;
}

guint
trk_result_get_n_reasons (TrkResult  *self,
                          const char *target)
{
  gint t;
  guint n = 1;

  g_return_val_if_fail (self != NULL && target != NULL, 0);

  t = target_index (self, target);
  if (t < 0)
    return 0;
  for (guint i = 0; i < self->n_notes; i++)
    n += trk_rule_set_clause (self->rules->rules, self->notes[i])->target == (guint) t;
  return n;
}

const char *
trk_result_get_reason_rule (TrkResult  *self,
                            const char *target,
                            guint       index)
{
  const TrkClause *c;

  g_return_val_if_fail (self != NULL && target != NULL, NULL);
  c = _trk_result_reason_clause (self, target, index);
  g_return_val_if_fail (c != NULL, NULL);
  return c->id;
}

char *
trk_result_get_reason_citation (TrkResult  *self,
                                const char *target,
                                guint       index,
                                TrkLang     lang)
{
  const TrkClause *c;

  g_return_val_if_fail (self != NULL && target != NULL && lang < TRK_N_LANGS, NULL);
  c = _trk_result_reason_clause (self, target, index);
  g_return_val_if_fail (c != NULL, NULL);
  return _trk_clause_citation (self->rules, c, lang);
}

const char *
trk_result_get_reason_text (TrkResult  *self,
                            const char *target,
                            guint       index,
                            TrkLang     lang)
{
  const TrkClause *c;

  g_return_val_if_fail (self != NULL && target != NULL && lang < TRK_N_LANGS, NULL);
  c = _trk_result_reason_clause (self, target, index);
  g_return_val_if_fail (c != NULL, NULL);
  return trk_text_get (&c->text, lang);
}

/* ===== the loop ===== */

gboolean
trk_result_has_cycle (TrkResult *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->n_cycle > 0;
}

guint
trk_result_get_cycle_length (TrkResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_cycle;
}

const char *
trk_result_get_cycle_step (TrkResult *self,
                           guint      index)
{
  g_return_val_if_fail (self != NULL && index < self->n_cycle, NULL);
  return ((const TrkStep *) g_ptr_array_index (self->rules->steps, self->cycle[index]))->id;
}

const char *
trk_result_get_cycle_link_text (TrkResult *self,
                                guint      index,
                                TrkLang    lang)
{
  g_return_val_if_fail (self != NULL && index < self->n_cycle && lang < TRK_N_LANGS, NULL);
  return trk_text_get (&trk_rule_set_clause (self->rules->relations, self->cycle_link[index])->text,
                       lang);
}

guint
trk_result_get_n_ways_out (TrkResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_ways;
}

const TrkWayOut *
_trk_result_way_out (TrkResult *self,
                     guint      index)
{
  return g_ptr_array_index (self->rules->ways_out, self->ways[index]);
}

const char *
trk_result_get_way_out_text (TrkResult *self,
                             guint      index,
                             TrkLang    lang)
{
  g_return_val_if_fail (self != NULL && index < self->n_ways && lang < TRK_N_LANGS, NULL);
  return trk_text_get (&_trk_result_way_out (self, index)->text, lang);
}

const char *
trk_result_get_way_out_answer (TrkResult *self,
                               guint      index)
{
  g_return_val_if_fail (self != NULL && index < self->n_ways, NULL);
  return _trk_result_way_out (self, index)->answer;
}

gboolean
trk_result_way_out_is_route (TrkResult *self,
                             guint      index)
{
  g_return_val_if_fail (self != NULL && index < self->n_ways, FALSE);
  return _trk_result_way_out (self, index)->route != NULL;
}

char *
trk_result_get_way_out_citation (TrkResult *self,
                                 guint      index,
                                 TrkLang    lang)
{
  const TrkWayOut *way;

  g_return_val_if_fail (self != NULL && index < self->n_ways && lang < TRK_N_LANGS, NULL);
  way = _trk_result_way_out (self, index);
  if (way->cites->len == 0)
    return NULL;
  return _trk_cites_citation (self->rules, way->cites, lang);
}

/* ===== sources ===== */

/* Appends the sources of @cites not yet in @out (a set by bit). */
void
_trk_result_add_cited (GArray     *out,
                       guint64    *seen,
                       GPtrArray  *cites)
{
  for (guint i = 0; i < cites->len; i++)
    {
      guint s = ((const TrkCite *) g_ptr_array_index (cites, i))->source;

      if (s >= 64 || (*seen >> s) & 1)
        continue;
      *seen |= G_GUINT64_CONSTANT (1) << s;
      g_array_append_val (out, s);
    }
}

/* The source kinds a clause's <rests-on> names (0 without one): such a
 * warning also names the sources of those kinds the rest of the result
 * cites. */
guint64
_trk_result_rests_on_mask (TrkRuleSet      *rs,
               const TrkClause *clause)
{
  const TrkCondNode *n;
  guint64 mask = 0;

  if (clause->when < 0)
    return 0;
  n = &g_array_index (rs->conds, TrkCondNode, clause->when);
  for (guint i = 0; i < n->size; i++)
    {
      if (n[i].op == TRK_COND_RESTS_ON)
        mask |= n[i].mask;
    }
  return mask;
}

static GArray *
collect_sources (TrkResult *self)
{
  TrkRuleSet *rs = self->rules;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  guint64 seen = 0;

  for (guint t = 0; t < rs->targets->len; t++)
    {
      guint n = trk_result_get_n_reasons (self, ((TrkTarget *) g_ptr_array_index (rs->targets, t))->id);

      for (guint i = 0; i < n; i++)
        _trk_result_add_cited (out, &seen, _trk_result_reason_clause (self, ((TrkTarget *) g_ptr_array_index (rs->targets, t))->id, i)->cites);
    }
  for (guint i = 0; i < self->n_cycle; i++)
    _trk_result_add_cited (out, &seen, trk_rule_set_clause (rs->relations, self->cycle_link[i])->cites);
  for (guint i = 0; i < self->n_ways; i++)
    _trk_result_add_cited (out, &seen, _trk_result_way_out (self, i)->cites);
  for (guint i = 0; i < self->n_items; i++)
    _trk_result_add_cited (out, &seen, trk_rule_set_clause (rs->items, self->items[i])->cites);
  for (guint i = 0; i < self->n_warnings; i++)
    _trk_result_add_cited (out, &seen, trk_rule_set_clause (rs->warnings, self->warnings[i])->cites);
  return out;
}

/* Built when first asked for, not in the evaluator's hot path; a result
 * may be read from several threads, so the first one to finish stores it. */
GArray *
_trk_result_sources (TrkResult *self)
{
  GArray *sources = g_atomic_pointer_get (&self->sources);

  if (sources == NULL)
    {
      GArray *built = collect_sources (self);

      if (g_atomic_pointer_compare_and_exchange (&self->sources, NULL, built))
        sources = built;
      else
        {
          g_array_unref (built);
          sources = g_atomic_pointer_get (&self->sources);
        }
    }
  return g_array_ref (sources);
}

guint
trk_result_get_n_sources (TrkResult *self)
{
  g_autoptr(GArray) sources = NULL;

  g_return_val_if_fail (self != NULL, 0);
  sources = _trk_result_sources (self);
  return sources->len;
}

guint
trk_result_get_source (TrkResult *self,
                       guint      index)
{
  g_autoptr(GArray) sources = NULL;

  g_return_val_if_fail (self != NULL, 0);
  sources = _trk_result_sources (self);
  g_return_val_if_fail (index < sources->len, 0);
  return g_array_index (sources, guint, index);
}

/* The cites of a part of the result, NULL when out of range. */
static GPtrArray *
part_cites (TrkResult  *self,
            TrkCited    part,
            const char *target,
            guint       index)
{
  const TrkClause *clause;

  switch (part)
    {
    case TRK_CITED_REASON:
      g_return_val_if_fail (target != NULL, NULL);
      clause = _trk_result_reason_clause (self, target, index);
      return clause != NULL ? clause->cites : NULL;
    case TRK_CITED_WAY_OUT:
      g_return_val_if_fail (index < self->n_ways, NULL);
      return _trk_result_way_out (self, index)->cites;
    case TRK_CITED_ITEM:
      g_return_val_if_fail (index < self->n_items, NULL);
      return trk_rule_set_clause (self->rules->items, self->items[index])->cites;
    case TRK_CITED_WARNING:
      g_return_val_if_fail (index < self->n_warnings, NULL);
      return trk_rule_set_clause (self->rules->warnings, self->warnings[index])->cites;
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "[n] pinpoint" of every cite of the source numbered @number, each
 * pinpoint once; "[n]" alone when none of them has a pinpoint. */
static void
append_short_cites (GString   *out,
                    GPtrArray *cites,
                    guint      source,
                    guint      number,
                    TrkLang    lang)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; i < cites->len; i++)
    {
      const TrkCite *cite = g_ptr_array_index (cites, i);
      const char *pin;

      if (cite->source != source || cite->pinpoint.s[TRK_LANG_EN] == NULL)
        continue;
      pin = trk_text_get (&cite->pinpoint, lang);
      if (g_ptr_array_find_with_equal_func (seen, pin, g_str_equal, NULL))
        continue;
      g_string_append_printf (out, "%s[%u]\u00a0%s", out->len > 0 ? "; " : "", number, pin);
      g_ptr_array_add (seen, (gpointer) pin);
    }
  if (seen->len == 0)
    g_string_append_printf (out, "%s[%u]", out->len > 0 ? "; " : "", number);
}

char *
trk_result_get_short_citation (TrkResult  *self,
                               TrkCited    part,
                               const char *target,
                               guint       index,
                               TrkLang     lang)
{
  g_autoptr(GArray) sources = NULL;
  GPtrArray *cites;
  GString *out;

  g_return_val_if_fail (self != NULL && lang < TRK_N_LANGS, NULL);
  cites = part_cites (self, part, target, index);
  if (cites == NULL || cites->len == 0)
    return NULL;

  sources = _trk_result_sources (self);
  out = g_string_new (NULL);
  for (guint n = 0; n < sources->len; n++)
    {
      guint source = g_array_index (sources, guint, n);

      for (guint i = 0; i < cites->len; i++)
        if (((const TrkCite *) g_ptr_array_index (cites, i))->source == source)
          {
            append_short_cites (out, cites, source, n + 1, lang);
            break;
          }
    }
  return g_string_free (out, FALSE);
}

/* ===== checklist and warnings ===== */

guint
trk_result_get_n_items (TrkResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_items;
}

static const TrkClause *
item (TrkResult *self,
      guint      index)
{
  return trk_rule_set_clause (self->rules->items, self->items[index]);
}

const char *
trk_result_get_item_key (TrkResult *self,
                         guint      index)
{
  g_return_val_if_fail (self != NULL && index < self->n_items, NULL);
  return item (self, index)->key;
}

const char *
trk_result_get_item_text (TrkResult *self,
                          guint      index,
                          TrkLang    lang)
{
  g_return_val_if_fail (self != NULL && index < self->n_items && lang < TRK_N_LANGS, NULL);
  return trk_text_get (&item (self, index)->text, lang);
}

char *
trk_result_get_item_citation (TrkResult *self,
                              guint      index,
                              TrkLang    lang)
{
  g_return_val_if_fail (self != NULL && index < self->n_items && lang < TRK_N_LANGS, NULL);
  return _trk_clause_citation (self->rules, item (self, index), lang);
}

guint
trk_result_get_n_warnings (TrkResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_warnings;
}

static const TrkClause *
warning (TrkResult *self,
         guint      index)
{
  return trk_rule_set_clause (self->rules->warnings, self->warnings[index]);
}

const char *
trk_result_get_warning_key (TrkResult *self,
                            guint      index)
{
  g_return_val_if_fail (self != NULL && index < self->n_warnings, NULL);
  return warning (self, index)->key;
}

const char *
trk_result_get_warning_text (TrkResult *self,
                             guint      index,
                             TrkLang    lang)
{
  g_return_val_if_fail (self != NULL && index < self->n_warnings && lang < TRK_N_LANGS, NULL);
  return trk_text_get (&warning (self, index)->text, lang);
}

char *
trk_result_get_warning_citation (TrkResult *self,
                                 guint      index,
                                 TrkLang    lang)
{
  g_return_val_if_fail (self != NULL && index < self->n_warnings && lang < TRK_N_LANGS, NULL);
  return _trk_clause_citation (self->rules, warning (self, index), lang);
}

/* ===== the answers behind the outcome ===== */

guint
trk_result_get_n_answers (TrkResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_answers;
}

/**
 * trk_result_get_answer_question:
 *
 * Returns: (transfer none): the question of the index-th relevant answer
 */
TrkQuestion *
trk_result_get_answer_question (TrkResult *self,
                                guint      index)
{
  g_return_val_if_fail (self != NULL && index < self->n_answers, NULL);
  return g_ptr_array_index (self->rules->questions, self->answers[index]);
}

const char *
trk_result_get_answer_value (TrkResult *self,
                             guint      index)
{
  const TrkQuestion *q;
  guint qi;

  g_return_val_if_fail (self != NULL && index < self->n_answers, NULL);

  qi = self->answers[index];
  q = g_ptr_array_index (self->rules->questions, qi);
  if (q->kind == TRK_QUESTION_CHOICE)
    return ((const TrkChoice *) g_ptr_array_index (q->choices, self->values[qi]))->value;
  if (self->numbers[qi][0] == '\0')
    g_snprintf (self->numbers[qi], sizeof self->numbers[qi], "%d", self->values[qi]);
  return self->numbers[qi];
}

char *
trk_result_get_answer_label (TrkResult *self,
                             guint      index,
                             TrkLang    lang)
{
  const TrkQuestion *q;
  guint qi;

  g_return_val_if_fail (self != NULL && index < self->n_answers && lang < TRK_N_LANGS, NULL);

  qi = self->answers[index];
  q = g_ptr_array_index (self->rules->questions, qi);
  if (q->kind == TRK_QUESTION_CHOICE)
    return g_strdup (trk_text_get (&((const TrkChoice *) g_ptr_array_index (q->choices, self->values[qi]))->label,
                                   lang));
  return g_strdup_printf ("%d", self->values[qi]);
}

