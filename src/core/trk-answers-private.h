/* trk-answers-private.h - allocation-free access to the answers for the evaluator
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-answers.h"

G_BEGIN_DECLS

/* One block: the struct, then id and value (NUL-terminated). Public
 * accessors hand out these strings, so an entry never moves. */
typedef struct
{
  const char *id;
  const char *value;
  guint32     id_len;
  guint32     value_len;
} TrkAnswerEntry;

/* The instance struct, shared so that the evaluator reads it in place. */
struct _TrkAnswers
{
  GObject    parent_instance;

  GPtrArray *entries;   /* TrkAnswerEntry, in the order first set */
  gboolean   has_date;
  GDate      date;
};

/* The answers in the order first set; valid until the next change. */
static inline TrkAnswerEntry * const *
_trk_answers_peek (TrkAnswers *self,
                   guint      *out_n)
{
  *out_n = self->entries->len;
  return (TrkAnswerEntry * const *) self->entries->pdata;
}

G_END_DECLS
