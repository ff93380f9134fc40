/* trk-rule-set.c - a law encoded as data, loaded from a rules file
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-answers.h"
#include "trk-i18n.h"
#include "trk-lang-date.h"
#include "trk-rule-set-private.h"
#include "trk-xml-private.h"
#include "trk-core-resources.h"

/* The generated resource bundle; calling it also keeps it linked in. */

#define BUILTIN_RULES_PATH "/io/github/tirkeu/Tirkeu/core/rules/kz-dactyloscopy.rules.xml"
#define RULES_MAX_SIZE (4 * 1024 * 1024)

G_DEFINE_QUARK (trk-rules-error-quark, trk_rules_error)

G_DEFINE_FINAL_TYPE (TrkRuleSet, trk_rule_set, G_TYPE_OBJECT)

static void
text_clear (TrkText *text)
{
  for (guint i = 0; i < TRK_N_LANGS; i++)
    g_clear_pointer (&text->s[i], g_free);
}

static void
source_free (gpointer data)
{
  TrkSource *source = data;

  g_free (source->id);
  g_free (source->date);
  g_free (source->url);
  g_free (source->publisher);
  text_clear (&source->title);
  g_free (source);
}

static void
cite_free (gpointer data)
{
  TrkCite *cite = data;

  g_free (cite->quote);
  text_clear (&cite->pinpoint);
  g_free (cite);
}

static void
choice_free (gpointer data)
{
  TrkChoice *choice = data;

  g_free (choice->value);
  text_clear (&choice->label);
  text_clear (&choice->help);
  g_free (choice);
}

static void
question_free (gpointer data)
{
  TrkQuestion *question = data;

  g_free (question->id);
  g_free (question->allowed);
  text_clear (&question->label);
  text_clear (&question->help);
  g_clear_pointer (&question->choices, g_ptr_array_unref);
  g_free (question);
}

static void
status_free (gpointer data)
{
  TrkStatus *status = data;

  g_free (status->id);
  text_clear (&status->label);
  g_free (status);
}

static void
target_free (gpointer data)
{
  TrkTarget *target = data;

  g_free (target->id);
  text_clear (&target->label);
  g_clear_pointer (&target->statuses, g_ptr_array_unref);
  g_clear_pointer (&target->clauses, g_array_unref);
  g_free (target);
}

static void
clause_free (gpointer data)
{
  TrkClause *clause = data;

  g_free (clause->id);
  g_free (clause->key);
  text_clear (&clause->text);
  g_clear_pointer (&clause->cites, g_ptr_array_unref);
  g_clear_pointer (&clause->ways_out, g_array_unref);
  g_free (clause);
}

static void
way_out_free (gpointer data)
{
  TrkWayOut *way_out = data;

  g_free (way_out->answer);
  g_free (way_out->route);
  g_clear_pointer (&way_out->cites, g_ptr_array_unref);
  text_clear (&way_out->text);
  g_free (way_out);
}

static void
step_free (gpointer data)
{
  TrkStep *step = data;

  g_free (step->id);
  text_clear (&step->label);
  g_free (step);
}

static void
trk_rule_set_finalize (GObject *object)
{
  TrkRuleSet *self = TRK_RULE_SET (object);

  g_free (self->name);
  g_free (self->id);
  g_free (self->version);
  g_free (self->checked);
  text_clear (&self->title);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->relations, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->ways_out, g_ptr_array_unref);
  g_clear_pointer (&self->conds, g_array_unref);
  g_clear_pointer (&self->hot_relations, g_array_unref);
  g_clear_pointer (&self->hot_items, g_array_unref);
  g_clear_pointer (&self->hot_warnings, g_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->key_dates, g_array_unref);
  g_clear_pointer (&self->question_ids, g_hash_table_unref);

  G_OBJECT_CLASS (trk_rule_set_parent_class)->finalize (object);
}

static void
trk_rule_set_class_init (TrkRuleSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trk_rule_set_finalize;
}

static void
trk_rule_set_init (TrkRuleSet *self)
{
  self->sources = g_ptr_array_new_with_free_func (source_free);
  self->questions = g_ptr_array_new_with_free_func (question_free);
  self->targets = g_ptr_array_new_with_free_func (target_free);
  self->rules = g_ptr_array_new_with_free_func (clause_free);
  self->steps = g_ptr_array_new_with_free_func (step_free);
  self->relations = g_ptr_array_new_with_free_func (clause_free);
  self->items = g_ptr_array_new_with_free_func (clause_free);
  self->warnings = g_ptr_array_new_with_free_func (clause_free);
  self->ways_out = g_ptr_array_new_with_free_func (way_out_free);
  self->conds = g_array_new (FALSE, FALSE, sizeof (TrkCondNode));
  self->hot_relations = g_array_new (FALSE, FALSE, sizeof (TrkHot));
  self->hot_items = g_array_new (FALSE, FALSE, sizeof (TrkHot));
  self->hot_warnings = g_array_new (FALSE, FALSE, sizeof (TrkHot));
  self->texts = g_ptr_array_new ();
  self->key_dates = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->question_ids = g_hash_table_new (g_str_hash, g_str_equal);
}

TrkRuleSet *
_trk_rule_set_new (void)
{
  return g_object_new (TRK_TYPE_RULE_SET, NULL);
}

GPtrArray *
_trk_cite_array_new (void)
{
  return g_ptr_array_new_with_free_func (cite_free);
}

GPtrArray *
_trk_choice_array_new (void)
{
  return g_ptr_array_new_with_free_func (choice_free);
}

GPtrArray *
_trk_status_array_new (void)
{
  return g_ptr_array_new_with_free_func (status_free);
}

/**
 * trk_rule_set_new_builtin:
 *
 * The rules compiled into the program, with every translation merged.
 *
 * Returns: (transfer full): the rule set, or %NULL with @error set
 */
TrkRuleSet *
trk_rule_set_new_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resource_lookup_data (trk_core_get_resource (), BUILTIN_RULES_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return trk_rule_set_new_from_bytes (bytes, "kz-dactyloscopy.rules.xml", error);
}

TrkRuleSet *
trk_rule_set_new_from_file (const char  *path,
                            GError     **error)
{
  const TrkXmlLimits limits = {
    RULES_MAX_SIZE, 0, TRK_RULES_ERROR, TRK_RULES_ERROR_UNSAFE, TRK_RULES_ERROR_MALFORMED,
  };
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = _trk_xml_read_file (path, &limits, error);
  if (bytes == NULL)
    return NULL;

  return trk_rule_set_new_from_bytes (bytes, path, error);
}

TrkRuleSet *
trk_rule_set_new_from_bytes (GBytes      *bytes,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(TrkRuleSet) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = _trk_rule_set_new ();
  if (!_trk_rules_load (self, bytes, name != NULL ? name : "rules", error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
trk_rule_set_get_id (TrkRuleSet *self)
{
  g_return_val_if_fail (TRK_IS_RULE_SET (self), NULL);
  return self->id;
}

const char *
trk_rule_set_get_version (TrkRuleSet *self)
{
  g_return_val_if_fail (TRK_IS_RULE_SET (self), NULL);
  return self->version;
}

const char *
trk_rule_set_get_checked (TrkRuleSet *self)
{
  g_return_val_if_fail (TRK_IS_RULE_SET (self), NULL);
  return self->checked;
}

const char *
trk_rule_set_get_title (TrkRuleSet *self,
                        TrkLang     lang)
{
  g_return_val_if_fail (TRK_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (lang < TRK_N_LANGS, NULL);
  return trk_text_get (&self->title, lang);
}

guint
trk_rule_set_get_n_questions (TrkRuleSet *self)
{
  g_return_val_if_fail (TRK_IS_RULE_SET (self), 0);
  return self->questions->len;
}

TrkQuestion *
trk_rule_set_get_question (TrkRuleSet *self,
                           guint       index)
{
  g_return_val_if_fail (TRK_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);
  return g_ptr_array_index (self->questions, index);
}

TrkQuestion *
trk_rule_set_lookup_question (TrkRuleSet *self,
                              const char *id)
{
  g_return_val_if_fail (TRK_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->question_ids, id);
}

gint
_trk_target_index (TrkRuleSet *self,
                   const char *id)
{
  for (guint i = 0; i < self->targets->len; i++)
    {
      const TrkTarget *target = g_ptr_array_index (self->targets, i);

      if (strcmp (target->id, id) == 0)
        return (gint) i;
    }
  return -1;
}

gint
_trk_status_index (const TrkTarget *target,
                   const char      *id)
{
  for (guint i = 0; i < target->statuses->len; i++)
    {
      const TrkStatus *status = g_ptr_array_index (target->statuses, i);

      if (strcmp (status->id, id) == 0)
        return (gint) i;
    }
  return -1;
}

const char *
trk_rule_set_get_target_label (TrkRuleSet *self,
                               const char *target,
                               TrkLang     lang)
{
  gint t;

  g_return_val_if_fail (TRK_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (target != NULL && lang < TRK_N_LANGS, NULL);

  t = _trk_target_index (self, target);
  if (t < 0)
    return NULL;
  return trk_text_get (&((TrkTarget *) g_ptr_array_index (self->targets, t))->label, lang);
}

const char *
trk_rule_set_get_status_label (TrkRuleSet *self,
                               const char *target,
                               const char *status,
                               TrkLang     lang)
{
  const TrkTarget *tgt;
  gint t, s;

  g_return_val_if_fail (TRK_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (target != NULL && status != NULL && lang < TRK_N_LANGS, NULL);

  t = _trk_target_index (self, target);
  if (t < 0)
    return NULL;
  tgt = g_ptr_array_index (self->targets, t);
  s = _trk_status_index (tgt, status);
  if (s < 0)
    return NULL;
  return trk_text_get (&((TrkStatus *) g_ptr_array_index (tgt->statuses, s))->label, lang);
}

const char *
trk_rule_set_get_step_label (TrkRuleSet *self,
                             const char *step,
                             TrkLang     lang)
{
  g_return_val_if_fail (TRK_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (step != NULL && lang < TRK_N_LANGS, NULL);

  for (guint i = 0; i < self->steps->len; i++)
    {
      const TrkStep *s = g_ptr_array_index (self->steps, i);

      if (strcmp (s->id, step) == 0)
        return trk_text_get (&s->label, lang);
    }
  return NULL;
}

/* Share of the values a mask test lets through (smaller is more selective). */
static double
mask_share (TrkRuleSet        *self,
            const TrkCondNode *n)
{
  guint total;

  if (n->op == TRK_COND_IS)
    total = ((TrkQuestion *) g_ptr_array_index (self->questions, n->arg))->choices->len;
  else if (n->op == TRK_COND_OUTCOME)
    total = ((TrkTarget *) g_ptr_array_index (self->targets, n->arg))->statuses->len;
  else
    return 2.0;
  return (double) __builtin_popcountll (n->mask) / (double) MAX (total, 1);
}

/* The guard: the root test, or the most selective test among the children
 * of a root <all> (each of which the whole condition needs). */
static void
set_guard (TrkRuleSet *self,
           TrkHot     *hot)
{
  const TrkCondNode *root, *best = NULL, *child;

  if (hot->when < 0)
    return;
  root = &g_array_index (self->conds, TrkCondNode, hot->when);
  if (root->op != TRK_COND_ALL)
    best = mask_share (self, root) <= 1.0 ? root : NULL;
  else
    {
      child = root + 1;
      for (guint i = 0; i < root->n_children; i++, child += child->size)
        {
          if (mask_share (self, child) <= 1.0
              && (best == NULL || mask_share (self, child) < mask_share (self, best)))
            best = child;
        }
    }
  if (best == NULL)
    return;
  hot->guard_kind = best->op == TRK_COND_IS ? TRK_GUARD_ANSWER : TRK_GUARD_STATUS;
  hot->guard_arg = (guint8) best->arg;
  hot->guard_mask = best->mask;
}

TrkHot
_trk_clause_hot (TrkRuleSet      *self,
                 const TrkClause *clause,
                 guint            index)
{
  TrkHot hot = { 0 };

  hot.from = clause->from;
  hot.until = clause->until != 0 ? clause->until : G_MAXUINT32;
  hot.when = clause->when;
  hot.index = (guint16) index;
  hot.note = clause->kind == TRK_CLAUSE_NOTE;
  hot.step = (guint8) clause->step;
  hot.needs = (guint8) clause->needs;
  set_guard (self, &hot);
  return hot;
}

/* ----- TrkQuestion ----- */

const char *
trk_question_get_id (const TrkQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return question->id;
}

TrkQuestionType
trk_question_get_kind (const TrkQuestion *question)
{
  g_return_val_if_fail (question != NULL, TRK_QUESTION_CHOICE);
  return question->kind;
}

gboolean
trk_question_is_optional (const TrkQuestion *question)
{
  g_return_val_if_fail (question != NULL, FALSE);
  return question->optional;
}

const char *
trk_question_get_label (const TrkQuestion *question,
                        TrkLang            lang)
{
  g_return_val_if_fail (question != NULL && lang < TRK_N_LANGS, NULL);
  return trk_text_get (&question->label, lang);
}

const char *
trk_question_get_help (const TrkQuestion *question,
                       TrkLang            lang)
{
  g_return_val_if_fail (question != NULL && lang < TRK_N_LANGS, NULL);
  return trk_text_get (&question->help, lang);
}

guint
trk_question_get_n_choices (const TrkQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);
  return question->choices->len;
}

static const TrkChoice *
question_choice (const TrkQuestion *question,
                 guint              index)
{
  return g_ptr_array_index (question->choices, index);
}

const char *
trk_question_get_choice_value (const TrkQuestion *question,
                               guint              index)
{
  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (index < question->choices->len, NULL);
  return question_choice (question, index)->value;
}

const char *
trk_question_get_choice_label (const TrkQuestion *question,
                               guint              index,
                               TrkLang            lang)
{
  g_return_val_if_fail (question != NULL && lang < TRK_N_LANGS, NULL);
  g_return_val_if_fail (index < question->choices->len, NULL);
  return trk_text_get (&question_choice (question, index)->label, lang);
}

const char *
trk_question_get_choice_help (const TrkQuestion *question,
                              guint              index,
                              TrkLang            lang)
{
  g_return_val_if_fail (question != NULL && lang < TRK_N_LANGS, NULL);
  g_return_val_if_fail (index < question->choices->len, NULL);
  return trk_text_get (&question_choice (question, index)->help, lang);
}

int
trk_question_get_min (const TrkQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);
  return question->min;
}

int
trk_question_get_max (const TrkQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);
  return question->max;
}
