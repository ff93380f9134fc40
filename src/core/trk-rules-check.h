/* trk-rules-check.h - exhaustive completeness and consistency check of a rule set
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-rule-set.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 combinations;   /* answer sets x dates evaluated */
  guint   dates;          /* key dates and their eves */
  double  seconds;
} TrkRulesCheckReport;

/* Every combination of answers on every key date (and the day before it)
 * reaches exactly one status per target; every id resolves; every text has
 * all three languages. Fails with TRK_RULES_ERROR_INCONSISTENT naming the
 * first problem (rule ids, answers, date). */
gboolean trk_rules_check (TrkRuleSet          *rules,
                          TrkRulesCheckReport *report,
                          GError             **error);

G_END_DECLS
