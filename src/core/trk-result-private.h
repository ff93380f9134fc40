/* trk-result-private.h - building a TrkResult from an evaluation state
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-evaluator-private.h"
#include "trk-result.h"

G_BEGIN_DECLS

/* One allocation; texts are looked up in the rule set when asked for. */
TrkResult *_trk_result_new (TrkRuleSet         *rules,
                            const TrkEvalState *st);

G_END_DECLS
