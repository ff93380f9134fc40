/* trk-rules-check-private.h - the check's walks over one date, for the handbook
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-evaluator-private.h"

G_BEGIN_DECLS

/* Called with the evaluated state (targets, loop, ways out, items and
 * warnings filled in; st->values masked to the relevant questions). */
typedef void (*TrkRulesCheckVisit) (TrkRuleSet         *rules,
                                    const TrkEvalState *st,
                                    gpointer            user_data);

gboolean _trk_rules_check_walk_date (TrkRuleSet         *rules,
                                     guint32             date,
                                     gboolean            full_product_too,
                                     TrkRulesCheckVisit  visit,
                                     gpointer            user_data,
                                     GError            **error);

/* The values the walks try for question @q (choice indices, or the
 * integers at each threshold of the rules), ascending; their number. */
guint    _trk_rules_check_values    (TrkRuleSet         *rules,
                                     guint               q,
                                     gint32             *values,
                                     guint               max_values);

G_END_DECLS
