/* trk-rules-check.c - exhaustive completeness and consistency check of a rule set
 *
 * Two walks, on every key date (each date the rules name, the day before
 * it, one far past and one far future date):
 *
 *  - the full product: every value of every question (choices; for integers
 *    min, max and v-1, v of each <at-least>/<below>; "absent" for optional
 *    questions), irrelevant answers included to prove they are ignored;
 *  - the relevance walk: ask the first relevant unanswered question, branch
 *    on its values, until nothing relevant is left unanswered (irrelevant
 *    questions stay absent).
 *
 * Each combination must decide every target by exactly one rule. Answer
 * sets that mask to the same relevant answers are evaluated once. Then
 * every question must have been asked and every rule, note, relation,
 * item and warning reached at least once.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-evaluator-private.h"
#include "trk-rules-check-private.h"
#include "trk-rules-check.h"

#define MAX_VALUES 80
#define MAX_PRODUCT G_GUINT64_CONSTANT (50000000)

typedef struct
{
  guint    n;            /* values, not counting "absent" */
  gboolean absent;       /* optional: may be absent */
  gint32   v[MAX_VALUES];
} ValueList;

/* An open-addressing set of non-zero 64-bit keys. */
typedef struct
{
  guint64 *slots;
  gsize    mask;
  gsize    used;
} KeySet;

typedef struct
{
  TrkRuleSet   *rs;
  ValueList     values[TRK_MAX_QUESTIONS];
  guint64       radix[TRK_MAX_QUESTIONS];   /* place value of each question in a key */
  gboolean      keyed;                      /* keys fit in 64 bits */
  KeySet        seen;
  guint64       asked;
  guint8       *reached_rules;
  guint8       *reached_relations;
  guint8       *reached_items;
  guint8       *reached_warnings;
  guint64       combinations;
  TrkEvalState  st;
  TrkRulesCheckVisit visit;                 /* NULL, or called for each distinct outcome state */
  gpointer      visit_data;
} Check;

/* "NAME:LINE: message", or "NAME: message" when @line is 0. */
static gboolean G_GNUC_PRINTF (4, 5)
fail_at (TrkRuleSet  *rs,
         GError     **error,
         guint        line,
         const char  *format,
         ...)
{
  g_autofree char *msg = NULL;
  g_autofree char *where = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  where = line > 0 ? g_strdup_printf ("%s:%u", rs->name, line) : g_strdup (rs->name);
  g_set_error (error, TRK_RULES_ERROR, TRK_RULES_ERROR_INCONSISTENT, "%s: %s", where, msg);
  return FALSE;
}

/* ===== the key set ===== */

static void
key_set_reset (KeySet *set)
{
  if (set->slots == NULL)
    {
      set->mask = 4095;
      set->slots = g_new0 (guint64, set->mask + 1);
    }
  else
    memset (set->slots, 0, (set->mask + 1) * sizeof (guint64));
  set->used = 0;
}

static gboolean key_set_add (KeySet *set, guint64 key);

static void
key_set_grow (KeySet *set)
{
  guint64 *old = set->slots;
  gsize old_size = set->mask + 1;

  set->mask = old_size * 2 - 1;
  set->slots = g_new0 (guint64, set->mask + 1);
  set->used = 0;
  for (gsize i = 0; i < old_size; i++)
    {
      if (old[i] != 0)
        key_set_add (set, old[i]);
    }
  g_free (old);
}

/* TRUE when @key (non-zero) was not in the set. */
static gboolean
key_set_add (KeySet  *set,
             guint64  key)
{
  gsize i = (gsize) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 20) & set->mask;

  while (set->slots[i] != 0)
    {
      if (set->slots[i] == key)
        return FALSE;
      i = (i + 1) & set->mask;
    }
  set->slots[i] = key;
  if (++set->used * 2 > set->mask)
    key_set_grow (set);
  return TRUE;
}

/* ===== values and dates to try ===== */

static void
add_value (ValueList *list,
           gint32     v,
           const TrkQuestion *q)
{
  v = CLAMP (v, q->min, q->max);
  for (guint i = 0; i < list->n; i++)
    {
      if (list->v[i] == v)
        return;
    }
  if (list->n < MAX_VALUES)
    list->v[list->n++] = v;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  gint32 x = *(const gint32 *) a, y = *(const gint32 *) b;

  return x < y ? -1 : x > y;
}

static void
integer_values (TrkRuleSet        *rs,
                const TrkQuestion *q,
                ValueList         *list)
{
  const TrkCondNode *conds = (const TrkCondNode *) (gconstpointer) rs->conds->data;

  add_value (list, q->min, q);
  add_value (list, q->max, q);
  for (guint i = 0; i < rs->conds->len; i++)
    {
      if ((conds[i].op == TRK_COND_AT_LEAST || conds[i].op == TRK_COND_BELOW)
          && conds[i].arg == q->index)
        {
          add_value (list, (gint32) conds[i].value - 1, q);
          add_value (list, (gint32) MIN (conds[i].value, G_MAXINT32), q);
        }
    }
  qsort (list->v, list->n, sizeof (gint32), compare_int);
}

static void
setup_values (Check *c)
{
  TrkRuleSet *rs = c->rs;
  guint64 place = 1;

  c->keyed = TRUE;
  for (guint q = 0; q < rs->questions->len; q++)
    {
      const TrkQuestion *question = g_ptr_array_index (rs->questions, q);
      ValueList *list = &c->values[q];

      list->n = 0;
      list->absent = question->optional;
      if (question->kind == TRK_QUESTION_INTEGER)
        integer_values (rs, question, list);
      else
        for (guint i = 0; i < question->choices->len; i++)
          list->v[list->n++] = (gint32) i;

      c->radix[q] = place;
      if (place > G_MAXUINT64 / (list->n + 2))
        c->keyed = FALSE;
      else
        place *= list->n + 2;
    }
}

static GArray *
check_dates (TrkRuleSet *rs)
{
  GArray *dates = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 far;
  GDate d;

  for (guint i = 0; i < rs->key_dates->len; i++)
    {
      guint32 jd = g_array_index (rs->key_dates, guint32, i);
      guint32 eve = jd - 1;

      if (jd > 1)
        g_array_append_val (dates, eve);
      g_array_append_val (dates, jd);
    }
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, G_DATE_JANUARY, 1970);
  far = g_date_get_julian (&d);
  g_array_append_val (dates, far);
  g_date_set_dmy (&d, 1, G_DATE_JANUARY, 2100);
  far = g_date_get_julian (&d);
  g_array_append_val (dates, far);

  g_array_sort (dates, compare_int);
  for (guint i = 1; i < dates->len; )
    {
      if (g_array_index (dates, guint32, i) == g_array_index (dates, guint32, i - 1))
        g_array_remove_index (dates, i);
      else
        i++;
    }
  return dates;
}

/* ===== one combination ===== */

static guint64
masked_key (Check *c)
{
  guint64 key = 1;

  for (guint q = 0; q < c->rs->questions->len; q++)
    {
      gint32 v = c->st.values[q];
      const ValueList *list = &c->values[q];

      if (v < 0)
        continue;
      for (guint i = 0; i < list->n; i++)
        {
          if (list->v[i] == v)
            {
              key += c->radix[q] * (i + 1);
              break;
            }
        }
    }
  return key;
}

static void
mark_reached (Check *c)
{
  TrkRuleSet *rs = c->rs;
  TrkEvalState *st = &c->st;

  for (guint t = 0; t < rs->targets->len; t++)
    c->reached_rules[st->decider[t]] = 1;
  for (guint i = 0; i < st->n_notes; i++)
    c->reached_rules[st->notes[i]] = 1;
  for (guint i = 0; i < st->n_items; i++)
    c->reached_items[st->items[i]] = 1;
  for (guint i = 0; i < st->n_warnings; i++)
    c->reached_warnings[st->warnings[i]] = 1;
  for (guint r = 0; r < rs->relations->len; r++)
    {
      if (_trk_eval_relation_holds (rs, st, r))
        c->reached_relations[r] = 1;
    }
}

/* Evaluates c->st (date and given set); FALSE with @error on a problem. */
static gboolean
check_one (Check   *c,
           GError **error)
{
  TrkRuleSet *rs = c->rs;
  TrkDecideFailure failure;
  gint missing;

  c->combinations++;
  _trk_eval_relevance (rs, &c->st);
  c->asked |= c->st.relevant;
  if (c->keyed && !key_set_add (&c->seen, masked_key (c)))
    return TRUE;

  missing = _trk_eval_missing (rs, &c->st);
  if (missing >= 0)
    {
      g_autofree char *date = _trk_format_julian (c->st.date);
      return fail_at (rs, error, 0, _("the question “%s” is needed but was not asked on %s"),
                   ((TrkQuestion *) g_ptr_array_index (rs->questions, missing))->id, date);
    }
  if (!_trk_eval_targets (rs, &c->st, &failure))
    {
      g_autofree char *msg = _trk_decide_failure_message (rs, &c->st, &failure);
      return fail_at (rs, error, 0, "%s", msg);
    }
  _trk_eval_graph (rs, &c->st);
  _trk_eval_ways_out (rs, &c->st);
  _trk_eval_items (rs, &c->st);
  mark_reached (c);
  if (c->visit != NULL)
    c->visit (rs, &c->st, c->visit_data);
  return TRUE;
}

/* ===== the two walks ===== */

static gboolean
full_product (Check   *c,
              GError **error)
{
  guint nq = c->rs->questions->len;
  guint odo[TRK_MAX_QUESTIONS] = { 0 };

  for (;;)
    {
      guint q;

      for (q = 0; q < nq; q++)
        c->st.given[q] = odo[q] < c->values[q].n ? c->values[q].v[odo[q]] : -1;
      if (!check_one (c, error))
        return FALSE;

      /* Next combination: the last question turns fastest. */
      for (q = nq; q-- > 0; )
        {
          if (++odo[q] < c->values[q].n + (c->values[q].absent ? 1 : 0))
            break;
          odo[q] = 0;
        }
      if (q == G_MAXUINT)
        return TRUE;
    }
}

static gboolean
relevance_walk (Check   *c,
                guint64  answered,
                GError **error)
{
  TrkRuleSet *rs = c->rs;
  gint32 given[TRK_MAX_QUESTIONS];
  guint64 open;
  guint q;
  const ValueList *list;

  _trk_eval_relevance (rs, &c->st);
  open = c->st.relevant & ~answered;
  if (open == 0)
    return check_one (c, error);

  for (q = 0; !((open >> q) & 1); q++)
    ;
  list = &c->values[q];
  memcpy (given, c->st.given, sizeof (gint32) * rs->questions->len);
  for (guint i = 0; i < list->n + (list->absent ? 1 : 0); i++)
    {
      memcpy (c->st.given, given, sizeof (gint32) * rs->questions->len);
      c->st.given[q] = i < list->n ? list->v[i] : -1;
      if (!relevance_walk (c, answered | (G_GUINT64_CONSTANT (1) << q), error))
        return FALSE;
    }
  return TRUE;
}

static guint64
product_size (Check *c)
{
  guint64 n = 1;

  for (guint q = 0; q < c->rs->questions->len; q++)
    {
      guint k = c->values[q].n + (c->values[q].absent ? 1 : 0);

      if (n > MAX_PRODUCT / k)
        return G_MAXUINT64;
      n *= k;
    }
  return n;
}

/* ===== static checks ===== */

static const char *
lang_name (TrkLang lang)
{
  switch (lang)
    {
    case TRK_LANG_EN:
      return C_("language name", "English");
    case TRK_LANG_KK:
      return C_("language name", "Kazakh");
    case TRK_LANG_RU:
      return C_("language name", "Russian");
    case TRK_N_LANGS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_languages (TrkRuleSet  *rs,
                 GError     **error)
{
  for (guint i = 0; i < rs->texts->len; i++)
    {
      const TrkText *text = g_ptr_array_index (rs->texts, i);

      for (guint l = 0; l < TRK_N_LANGS; l++)
        {
          if (text->s[l] == NULL)
            return fail_at (rs, error, text->line, _("<%s> “%s” has no %s text (xml:lang=\"%s\")"),
                            text->element, text->s[TRK_LANG_EN], lang_name (l),
                         trk_lang_to_string (l));
        }
    }
  return TRUE;
}

static gboolean
check_asked (Check   *c,
             GError **error)
{
  for (guint q = 0; q < c->rs->questions->len; q++)
    {
      const TrkQuestion *question = g_ptr_array_index (c->rs->questions, q);

      if (!((c->asked >> q) & 1))
        return fail_at (c->rs, error, question->line, _("the question “%s” is never asked"),
                        question->id);
    }
  return TRUE;
}

static gboolean
check_reached (TrkRuleSet    *rs,
               GPtrArray     *clauses,
               const guint8  *reached,
               GError       **error)
{
  for (guint i = 0; i < clauses->len; i++)
    {
      const TrkClause *clause = g_ptr_array_index (clauses, i);

      if (!reached[i])
        return fail_at (rs, error, clause->line,
                        _("<%s> “%s” never applies (dead for every answer and date)"),
                     clause->kind == TRK_CLAUSE_RULE ? "rule"
                     : clause->kind == TRK_CLAUSE_NOTE ? "note"
                     : clause->kind == TRK_CLAUSE_REQUIRES ? "requires"
                     : clause->kind == TRK_CLAUSE_ITEM ? "item" : "warning",
                     clause->id);
    }
  return TRUE;
}

static gboolean
check_all_dates (Check   *c,
                 GArray  *dates,
                 GError **error)
{
  gboolean product = product_size (c) != G_MAXUINT64;

  if (!product)
    g_debug ("%s: too many combinations for the full product; relevance walk only", c->rs->name);

  for (guint d = 0; d < dates->len; d++)
    {
      key_set_reset (&c->seen);
      c->st.date = g_array_index (dates, guint32, d);
      if (product && !full_product (c, error))
        return FALSE;
      for (guint q = 0; q < c->rs->questions->len; q++)
        c->st.given[q] = -1;
      if (!relevance_walk (c, 0, error))
        return FALSE;
    }
  return TRUE;
}

static void
check_clear (Check *c)
{
  g_free (c->seen.slots);
  g_free (c->reached_rules);
  g_free (c->reached_relations);
  g_free (c->reached_items);
  g_free (c->reached_warnings);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Check, check_clear)

/**
 * trk_rules_check:
 * @rules: the rule set
 * @report: (out caller-allocates) (optional): what was checked
 * @error: a #TRK_RULES_ERROR_INCONSISTENT naming the first problem
 *
 * Returns: %TRUE when the rules are complete and consistent
 */
gboolean
trk_rules_check (TrkRuleSet          *rules,
                 TrkRulesCheckReport *report,
                 GError             **error)
{
  g_auto(Check) c = { 0 };
  g_autoptr(GArray) dates = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  g_return_val_if_fail (TRK_IS_RULE_SET (rules), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  c.rs = rules;
  c.reached_rules = g_new0 (guint8, rules->rules->len);
  c.reached_relations = g_new0 (guint8, MAX (rules->relations->len, 1));
  c.reached_items = g_new0 (guint8, MAX (rules->items->len, 1));
  c.reached_warnings = g_new0 (guint8, MAX (rules->warnings->len, 1));
  setup_values (&c);
  dates = check_dates (rules);

  ok = check_all_dates (&c, dates, error)
       && check_asked (&c, error)
       && check_reached (rules, rules->rules, c.reached_rules, error)
       && check_reached (rules, rules->relations, c.reached_relations, error)
       && check_reached (rules, rules->items, c.reached_items, error)
       && check_reached (rules, rules->warnings, c.reached_warnings, error)
       && check_languages (rules, error);

  if (report != NULL)
    {
      report->combinations = c.combinations;
      report->dates = dates->len;
      report->seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
    }
  return ok;
}

/* ===== one date, for the handbook ===== */

/**
 * _trk_rules_check_walk_date:
 * @rules: the rule set
 * @date: a julian day
 * @full_product: also walk the full product (as check-rules does), not
 *   only the relevance walk
 * @visit: called for every distinct combination evaluated on @date
 * @user_data: for @visit
 * @error: the first problem, as trk_rules_check() reports it
 *
 * The walks of trk_rules_check() on one date.
 */
gboolean
_trk_rules_check_walk_date (TrkRuleSet         *rules,
                            guint32             date,
                            gboolean            full_product_too,
                            TrkRulesCheckVisit  visit,
                            gpointer            user_data,
                            GError            **error)
{
  g_auto(Check) c = { 0 };

  g_return_val_if_fail (TRK_IS_RULE_SET (rules), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  c.rs = rules;
  c.reached_rules = g_new0 (guint8, MAX (rules->rules->len, 1));
  c.reached_relations = g_new0 (guint8, MAX (rules->relations->len, 1));
  c.reached_items = g_new0 (guint8, MAX (rules->items->len, 1));
  c.reached_warnings = g_new0 (guint8, MAX (rules->warnings->len, 1));
  c.visit = visit;
  c.visit_data = user_data;
  setup_values (&c);

  key_set_reset (&c.seen);
  c.st.date = date;
  if (full_product_too && product_size (&c) != G_MAXUINT64 && !full_product (&c, error))
    return FALSE;
  for (guint q = 0; q < rules->questions->len; q++)
    c.st.given[q] = -1;
  return relevance_walk (&c, 0, error);
}

/* The values the walks try for question @q: choice indices, or integers. */
guint
_trk_rules_check_values (TrkRuleSet *rules,
                         guint       q,
                         gint32     *values,
                         guint       max_values)
{
  Check c = { 0 };
  guint n;

  g_return_val_if_fail (q < rules->questions->len, 0);

  c.rs = rules;
  setup_values (&c);
  n = MIN (c.values[q].n, max_values);
  memcpy (values, c.values[q].v, n * sizeof (gint32));
  return n;
}
