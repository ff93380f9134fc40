/* trk-answers-private.h - allocation-free access to the answers for the evaluator
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-answers.h"

G_BEGIN_DECLS

guint _trk_answers_get_n   (TrkAnswers  *self);
void  _trk_answers_get_nth (TrkAnswers  *self,
                            guint        index,
                            const char **out_id,
                            const char **out_value);

G_END_DECLS
