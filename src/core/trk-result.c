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
#include <json-glib/json-glib.h>

#include "trk-i18n.h"
#include "trk-result-private.h"

struct _TrkResult
{
  gatomicrefcount  ref_count;
  TrkRuleSet      *rules;
  char             date[11];
  gint8            status[TRK_MAX_TARGETS];
  guint16          decider[TRK_MAX_TARGETS];
  guint8           n_answers;
  guint8           answers[TRK_MAX_QUESTIONS];  /* question indices */
  gint32           values[TRK_MAX_QUESTIONS];
  char             numbers[TRK_MAX_QUESTIONS][12];  /* integer answers as text */
  guint8           n_cycle;
  guint8           cycle[TRK_MAX_STEPS];
  guint16          cycle_link[TRK_MAX_STEPS];
  guint16          n_notes;
  guint16          n_ways;
  guint16          n_items;
  guint16          n_warnings;
  guint16         *notes;
  guint16         *ways;
  guint16         *items;
  guint16         *warnings;
  guint16          data[];
};

G_DEFINE_BOXED_TYPE (TrkResult, trk_result, trk_result_ref, trk_result_unref)

static guint16 *
copy_list (guint16       *dest,
           const guint16 *src,
           guint          n)
{
  memcpy (dest, src, n * sizeof (guint16));
  return dest;
}

static void
put_digits (char  *out,
            guint  value,
            guint  n)
{
  while (n-- > 0)
    {
      out[n] = (char) ('0' + value % 10);
      value /= 10;
    }
}

/* YYYY-MM-DD without printf: this runs once per evaluation. */
static void
format_date (char    *out,
             guint32  jd)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, jd);
  put_digits (out, g_date_get_year (&date), 4);
  out[4] = '-';
  put_digits (out + 5, g_date_get_month (&date), 2);
  out[7] = '-';
  put_digits (out + 8, g_date_get_day (&date), 2);
  out[10] = '\0';
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
  format_date (self->date, st->date);
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
static const TrkClause *
reason_clause (TrkResult  *self,
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
  c = reason_clause (self, target, index);
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
  c = reason_clause (self, target, index);
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
  c = reason_clause (self, target, index);
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

static const TrkWayOut *
way_out (TrkResult *self,
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
  return trk_text_get (&way_out (self, index)->text, lang);
}

const char *
trk_result_get_way_out_answer (TrkResult *self,
                               guint      index)
{
  g_return_val_if_fail (self != NULL && index < self->n_ways, NULL);
  return way_out (self, index)->answer;
}

gboolean
trk_result_way_out_is_route (TrkResult *self,
                             guint      index)
{
  g_return_val_if_fail (self != NULL && index < self->n_ways, FALSE);
  return way_out (self, index)->route != NULL;
}

char *
trk_result_get_way_out_citation (TrkResult *self,
                                 guint      index,
                                 TrkLang    lang)
{
  const TrkWayOut *way;

  g_return_val_if_fail (self != NULL && index < self->n_ways && lang < TRK_N_LANGS, NULL);
  way = way_out (self, index);
  if (way->cites->len == 0)
    return NULL;
  return _trk_cites_citation (self->rules, way->cites, lang);
}

/* ===== sources ===== */

/* Appends the sources of @cites not yet in @out (a set by bit). */
static void
add_cited (GArray     *out,
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

/* The clause whose sources are listed for the index-th warning, and
 * whether its condition is <rests-on> (then it also names the sources of
 * those kinds that the rest of the result cites). */
static guint64
rests_on_mask (TrkRuleSet      *rs,
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
result_sources (TrkResult *self)
{
  TrkRuleSet *rs = self->rules;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  guint64 seen = 0;

  for (guint t = 0; t < rs->targets->len; t++)
    {
      guint n = trk_result_get_n_reasons (self, ((TrkTarget *) g_ptr_array_index (rs->targets, t))->id);

      for (guint i = 0; i < n; i++)
        add_cited (out, &seen, reason_clause (self, ((TrkTarget *) g_ptr_array_index (rs->targets, t))->id, i)->cites);
    }
  for (guint i = 0; i < self->n_cycle; i++)
    add_cited (out, &seen, trk_rule_set_clause (rs->relations, self->cycle_link[i])->cites);
  for (guint i = 0; i < self->n_ways; i++)
    add_cited (out, &seen, way_out (self, i)->cites);
  for (guint i = 0; i < self->n_items; i++)
    add_cited (out, &seen, trk_rule_set_clause (rs->items, self->items[i])->cites);
  for (guint i = 0; i < self->n_warnings; i++)
    add_cited (out, &seen, trk_rule_set_clause (rs->warnings, self->warnings[i])->cites);
  return out;
}

guint
trk_result_get_n_sources (TrkResult *self)
{
  g_autoptr(GArray) sources = NULL;

  g_return_val_if_fail (self != NULL, 0);
  sources = result_sources (self);
  return sources->len;
}

guint
trk_result_get_source (TrkResult *self,
                       guint      index)
{
  g_autoptr(GArray) sources = NULL;

  g_return_val_if_fail (self != NULL, 0);
  sources = result_sources (self);
  g_return_val_if_fail (index < sources->len, 0);
  return g_array_index (sources, guint, index);
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

/* ===== JSON (the contract's "evaluate --json") ===== */

/* "sources": the ids of the sources @clause cites; a warning on what the
 * result rests on also names the sources of those kinds the rest cites. */
static void
json_sources_of (JsonBuilder     *b,
                 TrkResult       *self,
                 const TrkClause *clause)
{
  TrkRuleSet *rs = self->rules;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  guint64 seen = 0;
  guint64 kinds = clause->kind == TRK_CLAUSE_WARNING ? rests_on_mask (rs, clause) : 0;

  add_cited (ids, &seen, clause->cites);
  if (kinds != 0)
    {
      g_autoptr(GArray) all = result_sources (self);

      for (guint i = 0; i < all->len; i++)
        {
          guint s = g_array_index (all, guint, i);
          const TrkSource *source = g_ptr_array_index (rs->sources, s);

          if (((kinds >> source->kind) & 1) && !((seen >> s) & 1))
            {
              seen |= G_GUINT64_CONSTANT (1) << s;
              g_array_append_val (ids, s);
            }
        }
    }
  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_string_value (b, ((const TrkSource *) g_ptr_array_index (rs->sources,
                                                                                g_array_index (ids, guint, i)))->id);
  json_builder_end_array (b);
}

static void
json_source_list (JsonBuilder *b,
                  TrkResult   *self,
                  TrkLang      lang)
{
  TrkRuleSet *rs = self->rules;
  g_autoptr(GArray) sources = result_sources (self);

  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  for (guint i = 0; i < sources->len; i++)
    {
      const TrkSource *source = g_ptr_array_index (rs->sources, g_array_index (sources, guint, i));

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, source->id);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, trk_text_get (&source->title, lang));
      json_builder_set_member_name (b, "date");
      json_builder_add_string_value (b, source->date != NULL ? source->date : "");
      json_builder_set_member_name (b, "url");
      json_builder_add_string_value (b, source->url != NULL ? source->url : "");
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, trk_source_kind_to_string (source->kind));
      if (source->publisher != NULL)
        {
          json_builder_set_member_name (b, "publisher");
          json_builder_add_string_value (b, source->publisher);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_reasons (JsonBuilder *b,
              TrkResult   *self,
              const char  *target,
              TrkLang      lang)
{
  guint n = trk_result_get_n_reasons (self, target);

  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *citation = trk_result_get_reason_citation (self, target, i, lang);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rule");
      json_builder_add_string_value (b, trk_result_get_reason_rule (self, target, i));
      json_builder_set_member_name (b, "citation");
      json_builder_add_string_value (b, citation);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, trk_result_get_reason_text (self, target, i, lang));
      json_sources_of (b, self, reason_clause (self, target, i));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_cycle (JsonBuilder *b,
            TrkResult   *self)
{
  json_builder_set_member_name (b, "circular_dependency");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "detected");
  json_builder_add_boolean_value (b, self->n_cycle > 0);
  json_builder_set_member_name (b, "cycle");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->n_cycle; i++)
    json_builder_add_string_value (b, trk_result_get_cycle_step (self, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "ways_out");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->n_ways; i++)
    json_builder_add_string_value (b, trk_result_get_way_out_answer (self, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* "checklist" or "warnings": { id, text, sources } of each clause. */
static void
json_list (JsonBuilder     *b,
           TrkResult       *self,
           const char      *name,
           GPtrArray       *clauses,
           const guint16   *indices,
           guint            n,
           TrkLang          lang)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      const TrkClause *clause = trk_rule_set_clause (clauses, indices[i]);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, clause->key);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, trk_text_get (&clause->text, lang));
      json_sources_of (b, self, clause);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_header (JsonBuilder *b,
             TrkResult   *self)
{
  json_builder_set_member_name (b, "date");
  json_builder_add_string_value (b, self->date);
  json_builder_set_member_name (b, "rules");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, self->rules->id);
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, self->rules->version);
  json_builder_set_member_name (b, "checked");
  json_builder_add_string_value (b, self->rules->checked);
  json_builder_end_object (b);
}

/**
 * trk_result_to_json:
 *
 * Returns: (transfer full): the contract's JSON, texts in @lang
 */
char *
trk_result_to_json (TrkResult *self,
                    TrkLang    lang)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (self != NULL && lang < TRK_N_LANGS, NULL);

  json_builder_begin_object (b);
  json_header (b, self);
  for (guint t = 0; t < self->rules->targets->len; t++)
    {
      const TrkTarget *target = g_ptr_array_index (self->rules->targets, t);

      json_builder_set_member_name (b, target->id);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, trk_result_get_status (self, target->id));
      json_builder_set_member_name (b, "reasons");
      json_reasons (b, self, target->id, lang);
      json_builder_end_object (b);
    }
  json_cycle (b, self);
  json_list (b, self, "checklist", self->rules->items, self->items, self->n_items, lang);
  json_list (b, self, "warnings", self->rules->warnings, self->warnings, self->n_warnings, lang);
  json_source_list (b, self, lang);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json = json_generator_to_data (gen, NULL);
  return g_strconcat (json, "\n", NULL);
}

/* ===== the readable report ===== */

static const char *tr (TrkLang     lang,
                       const char *msgid) G_GNUC_FORMAT (2);

/* Headings in the report's language, whatever the process's language is. */
static const char *
tr (TrkLang     lang,
    const char *msgid)
{
  return trk_i18n_gettext (lang, msgid);
}

static void
text_header (GString   *out,
             TrkResult *self,
             TrkLang    lang)
{
  TrkRuleSet *rs = self->rules;

  g_string_append_printf (out, "%s\n", trk_rule_set_get_title (rs, lang));
  /* Translators: rules id, version and the date they were checked against the law. */
  g_string_append_printf (out, tr (lang, N_("Rules: %s %s (checked %s)")), rs->id, rs->version, rs->checked);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, tr (lang, N_("Assessment date: %s")), self->date);
  g_string_append (out, "\n\n");

  g_string_append_printf (out, "%s\n", tr (lang, N_("Answers:")));
  for (guint i = 0; i < self->n_answers; i++)
    {
      g_autofree char *label = trk_result_get_answer_label (self, i, lang);
      const TrkQuestion *q = trk_result_get_answer_question (self, i);

      /* The question on its line, the answer under it: labels end in "?". */
      g_string_append_printf (out, "  %s\n    %s\n", trk_question_get_label (q, lang), label);
    }
  if (self->n_answers == 0)
    g_string_append_printf (out, "  %s\n", tr (lang, N_("(none needed)")));
}

static void
text_target (GString         *out,
             TrkResult       *self,
             const TrkTarget *target,
             TrkLang          lang)
{
  const char *status = trk_result_get_status (self, target->id);
  guint n = trk_result_get_n_reasons (self, target->id);

  g_string_append_printf (out, "\n%s: %s [%s]\n", trk_text_get (&target->label, lang),
                          trk_rule_set_get_status_label (self->rules, target->id, status, lang), status);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *citation = trk_result_get_reason_citation (self, target->id, i, lang);

      g_string_append_printf (out, "  - %s\n", trk_result_get_reason_text (self, target->id, i, lang));
      g_string_append_printf (out, "    %s ", tr (lang, N_("Source:")));
      g_string_append_printf (out, "%s [%s]\n", citation, trk_result_get_reason_rule (self, target->id, i));
    }
}

static void
text_cycle (GString   *out,
            TrkResult *self,
            TrkLang    lang)
{
  TrkRuleSet *rs = self->rules;

  g_string_append_printf (out, "\n%s ", tr (lang, N_("Circular dependency:")));
  if (self->n_cycle == 0)
    {
      g_string_append_printf (out, "%s\n", tr (lang, N_("not detected")));
      return;
    }
  g_string_append_printf (out, "%s\n", tr (lang, N_("detected")));
  for (guint i = 0; i < self->n_cycle; i++)
    {
      const char *step = trk_result_get_cycle_step (self, i);
      const char *next = trk_result_get_cycle_step (self, (i + 1) % self->n_cycle);

      /* Translators: a step of the loop: "IIN needs Presence in Kazakhstan". */
      g_string_append_printf (out, "  %u. ", i + 1);
      g_string_append_printf (out, tr (lang, N_("%s needs %s")), trk_rule_set_get_step_label (rs, step, lang),
                              trk_rule_set_get_step_label (rs, next, lang));
      g_string_append_printf (out, ": %s\n", trk_result_get_cycle_link_text (self, i, lang));
    }
  g_string_append_printf (out, "  %s\n", tr (lang, N_("Ways out:")));
  for (guint i = 0; i < self->n_ways; i++)
    {
      g_autofree char *citation = trk_result_get_way_out_citation (self, i, lang);

      g_string_append_printf (out, "    - %s (%s)\n", trk_result_get_way_out_text (self, i, lang),
                              trk_result_get_way_out_answer (self, i));
      if (citation != NULL)
        g_string_append_printf (out, "      %s %s\n", tr (lang, N_("Source:")), citation);
    }
  if (self->n_ways == 0)
    g_string_append_printf (out, "    - %s\n", tr (lang, N_("none found in your answers")));
}

/* Each source: its title, kind, date and address, so that a reader can
 * tell a law firm's summary from a press report. */
static void
text_sources (GString   *out,
              TrkResult *self,
              TrkLang    lang)
{
  g_autoptr(GArray) sources = result_sources (self);

  g_string_append_printf (out, "\n%s\n", tr (lang, N_("Sources:")));
  for (guint i = 0; i < sources->len; i++)
    {
      guint s = g_array_index (sources, guint, i);
      const TrkSource *source = g_ptr_array_index (self->rules->sources, s);
      g_autofree char *kind = trk_source_kind_describe (source->kind, lang);

      g_string_append_printf (out, "  [%u] %s\n      %s", i + 1, trk_text_get (&source->title, lang), kind);
      if (source->publisher != NULL)
        g_string_append_printf (out, ", %s", source->publisher);
      if (source->date != NULL)
        g_string_append_printf (out, ", %s", source->date);
      g_string_append_c (out, '\n');
      if (source->url != NULL)
        g_string_append_printf (out, "      %s\n", source->url);
    }
}

/**
 * trk_result_to_text:
 *
 * Returns: (transfer full): a readable report in @lang
 */
char *
trk_result_to_text (TrkResult *self,
                    TrkLang    lang)
{
  GString *out;

  g_return_val_if_fail (self != NULL && lang < TRK_N_LANGS, NULL);

  out = g_string_new (NULL);
  text_header (out, self, lang);
  for (guint t = 0; t < self->rules->targets->len; t++)
    text_target (out, self, g_ptr_array_index (self->rules->targets, t), lang);
  text_cycle (out, self, lang);

  g_string_append_printf (out, "\n%s\n", tr (lang, N_("Checklist:")));
  for (guint i = 0; i < self->n_items; i++)
    g_string_append_printf (out, "  [ ] %s\n", trk_result_get_item_text (self, i, lang));
  if (self->n_items == 0)
    g_string_append_printf (out, "  %s\n", tr (lang, N_("(nothing to do)")));

  g_string_append_printf (out, "\n%s\n", tr (lang, N_("Warnings:")));
  for (guint i = 0; i < self->n_warnings; i++)
    g_string_append_printf (out, "  ! %s\n", trk_result_get_warning_text (self, i, lang));
  if (self->n_warnings == 0)
    g_string_append_printf (out, "  %s\n", tr (lang, N_("(no warnings)")));
  text_sources (out, self, lang);
  return g_string_free (out, FALSE);
}
