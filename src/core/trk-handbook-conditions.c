/* trk-handbook-conditions.c - who an outcome of the handbook is for: the
 * answer sets that lead to it merged into the fewest readable conditions,
 * and those conditions said in the rules' own words
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-handbook-private.h"
#include "trk-i18n.h"
#include "trk-template.h"


/* One pass over question @q: conditions equal but for @q become one. */
static gboolean
merge_on (TrkHandbook *self,
          GArray      *conds,
          guint        q)
{
  guint nq = self->nq;
  guint n = conds->len / nq;
  guint64 *m = (guint64 *) (gpointer) conds->data;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                      (GDestroyNotify) g_bytes_unref, NULL);
  g_autofree guint8 *dead = g_new0 (guint8, MAX (n, 1));
  gboolean changed = FALSE;
  guint out = 0;

  for (guint i = 0; i < n; i++)
    {
      guint64 *cond = m + (gsize) i * nq;
      guint64 saved = cond[q];
      GBytes *rest;
      gpointer j;

      cond[q] = 0;
      rest = g_bytes_new (cond, nq * sizeof (guint64));
      cond[q] = saved;
      if (g_hash_table_lookup_extended (seen, rest, NULL, &j))
        {
          guint64 *into = m + (gsize) GPOINTER_TO_UINT (j) * nq;

          into[q] = _trk_handbook_normalize (self, q, into[q] | saved);
          dead[i] = 1;
          changed = TRUE;
          g_bytes_unref (rest);
        }
      else
        g_hash_table_insert (seen, rest, GUINT_TO_POINTER (i));
    }

  for (guint i = 0; i < n; i++)
    {
      if (dead[i])
        continue;
      if (out != i)
        memmove (m + (gsize) out * nq, m + (gsize) i * nq, nq * sizeof (guint64));
      out++;
    }
  g_array_set_size (conds, out * nq);
  return changed;
}

static gboolean
cond_within (const guint64 *a,
             const guint64 *b,
             guint          nq)
{
  for (guint q = 0; q < nq; q++)
    if ((a[q] & b[q]) != a[q])
      return FALSE;
  return TRUE;
}

/* Drops conditions inside another one. */
static void
drop_subsumed (TrkHandbook *self,
               GArray      *conds)
{
  guint nq = self->nq;
  guint n = conds->len / nq;
  guint64 *m = (guint64 *) (gpointer) conds->data;
  g_autofree guint8 *dead = g_new0 (guint8, MAX (n, 1));
  guint out = 0;

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n && !dead[i]; j++)
      if (i != j && !dead[j] && cond_within (m + (gsize) i * nq, m + (gsize) j * nq, nq))
        dead[i] = 1;

  for (guint i = 0; i < n; i++)
    {
      if (dead[i])
        continue;
      if (out != i)
        memmove (m + (gsize) out * nq, m + (gsize) i * nq, nq * sizeof (guint64));
      out++;
    }
  g_array_set_size (conds, out * nq);
}

void
_trk_handbook_merge_conditions (TrkHandbook *self,
                                GArray      *conds)
{
  gboolean changed;

  do
    {
      changed = FALSE;
      for (guint q = 0; q < self->nq; q++)
        changed |= merge_on (self, conds, q);
    }
  while (changed);
  drop_subsumed (self, conds);
}

/* "16 or more", "under 16", "16 to 17", "16" for the slots of @mask. */
static void
describe_integers (TrkHandbook *self,
                   guint        q,
                   guint64      mask,
                   TrkLang      lang,
                   GPtrArray   *parts)
{
  const TrkQuestion *question = g_ptr_array_index (self->rules->questions, q);
  const gint32 *v = self->values[q];
  guint n = self->n_values[q];

  for (guint i = 0; i < n; )
    {
      guint j = i;
      gint32 lo, hi;
      g_autofree char *lo_text = NULL;
      g_autofree char *hi_text = NULL;

      if (!((mask >> i) & 1))
        {
          i++;
          continue;
        }
      while (j + 1 < n && ((mask >> (j + 1)) & 1))
        j++;
      /* Slot i stands for the range after the value tried before it. */
      lo = i == 0 ? question->min : v[i - 1] + 1;
      hi = v[j];
      lo_text = g_strdup_printf ("%d", lo);
      hi_text = g_strdup_printf ("%d", hi);
      if (lo == hi)
        g_ptr_array_add (parts, g_strdup (lo_text));
      else if (hi == question->max)
        /* Translators: a range of a number answer (an age): %s or more. */
        g_ptr_array_add (parts, trk_template_fill (trk_i18n_gettext (lang, N_("%s or more")),
                                                   (const char *[]) { lo_text }, 1));
      else if (lo == question->min)
        {
          g_autofree char *next = g_strdup_printf ("%d", hi + 1);

          /* Translators: a range of a number answer (an age): less than %s. */
          g_ptr_array_add (parts, trk_template_fill (trk_i18n_gettext (lang, N_("under %s")),
                                                     (const char *[]) { next }, 1));
        }
      else
        /* Translators: a range of a number answer (an age): from %1$s to %2$s. */
        g_ptr_array_add (parts, trk_template_fill (trk_i18n_gettext (lang, N_("%1$s to %2$s")),
                                                   (const char *[]) { lo_text, hi_text }, 2));
      i = j + 1;
    }
}

GPtrArray *
trk_handbook_get_condition_terms (TrkHandbook *self,
                                  guint        outcome,
                                  guint        condition,
                                  TrkLang      lang)
{
  Outcome *o = _trk_handbook_get_outcome (self, outcome);
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  const guint64 *cond;

  g_return_val_if_fail (condition < trk_handbook_get_n_conditions (self, outcome), terms);

  cond = (const guint64 *) (gconstpointer) o->conds->data + (gsize) condition * self->nq;
  for (guint q = 0; q < self->nq; q++)
    {
      const TrkQuestion *question = g_ptr_array_index (self->rules->questions, q);
      g_autoptr(GPtrArray) parts = NULL;
      g_autoptr(GString) answers = NULL;

      if (cond[q] == ANY)
        continue;
      parts = g_ptr_array_new_with_free_func (g_free);
      if (question->kind == TRK_QUESTION_INTEGER)
        describe_integers (self, q, cond[q], lang, parts);
      else
        for (guint i = 0; i < self->n_values[q]; i++)
          if ((cond[q] >> i) & 1)
            g_ptr_array_add (parts, g_strdup (trk_question_get_choice_label (question, i, lang)));
      if ((cond[q] >> SLOT_ABSENT) & 1)
        /* Translators: the answer of an optional question that was skipped. */
        g_ptr_array_add (parts, g_strdup (trk_i18n_gettext (lang, N_("not answered"))));

      answers = g_string_new (NULL);
      for (guint i = 0; i < parts->len; i++)
        {
          const char *part = g_ptr_array_index (parts, i);

          if (i > 0)
            /* Translators: joins two answers allowed for one question:
             * "Kazakh or Russian". Keep the spaces. */
            g_string_append (answers, trk_i18n_gettext (lang, N_(" or ")));
          /* Inside a Kazakh or Russian sentence an answer after "or" starts
           * small («На казахском или на русском»); English keeps its
           * capitals (language names). */
          if (i > 0 && lang != TRK_LANG_EN && g_unichar_isupper (g_utf8_get_char (part)))
            {
              g_autofree char *first = g_utf8_strdown (part, g_utf8_next_char (part) - part);

              g_string_append (answers, first);
              g_string_append (answers, g_utf8_next_char (part));
            }
          else
            g_string_append (answers, part);
        }
      /* Translators: a condition: a question, then the answers that lead to
       * this outcome ("How old are you? — 16 or more"). */
      g_ptr_array_add (terms, trk_template_fill (trk_i18n_gettext (lang, N_("%1$s — %2$s")),
                                                 (const char *[]) {
                                               trk_question_get_label (question, lang),
                                               answers->str }, 2));
    }

  return terms;
}
