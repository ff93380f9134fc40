/* trk-fuzz.h - the fuzz entry points, shared by libFuzzer and the regression test
 *
 * Each fuzz-*.c file defines one trk_fuzz_*() entry point and, unless
 * TRK_FUZZ_NO_MAIN is defined, the libFuzzer hook that calls it. The
 * regression test (tests/core/test-fuzz-regressions.c) links all three
 * with TRK_FUZZ_NO_MAIN and replays the corpus and every crash through the
 * very same code. An entry point aborts (g_error) when an invariant of the
 * contract breaks, so the fuzzer reports it like a crash.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "trk-answers.h"
#include "trk-evaluator.h"
#include "trk-result.h"
#include "trk-rule-set.h"

G_BEGIN_DECLS

/* Bytes as a rules file; if valid, random answers derived from the bytes
 * are evaluated against it. */
void        trk_fuzz_rules                 (const guint8 *data,
                                            gsize         size);
/* Bytes as an answers file, round-tripped and evaluated against the
 * built-in rules. */
void        trk_fuzz_answers               (const guint8 *data,
                                            gsize         size);
/* Bytes as "id=value" / "-id" / "@date" lines applied one by one to the
 * answers, like a wizard session, then evaluated against the built-in rules. */
void        trk_fuzz_evaluate              (const guint8 *data,
                                            gsize         size);

/* ===== helpers (trk-fuzz-common.c) ===== */

/* Makes warnings and criticals fatal; idempotent. */
void        trk_fuzz_init                  (void);
/* Loaded once, kept for the whole process. (transfer none) */
TrkRuleSet *trk_fuzz_builtin_rules         (void);
/* Bytes of the built-in rules file. (transfer none) */
GBytes     *trk_fuzz_builtin_rules_bytes   (void);

/* A small deterministic generator, seeded from the input. */
guint64     trk_fuzz_seed                  (const guint8 *data,
                                            gsize         size);
guint32     trk_fuzz_next                  (guint64      *rng,
                                            guint32       bound);

/* A key date of the contract, the day before one, or any day 2023..2027. */
void        trk_fuzz_pick_date             (guint64      *rng,
                                            GDate        *out_date);
/* Answers for @rules: mostly valid values, some missing, some invalid. */
void        trk_fuzz_random_answers        (TrkRuleSet   *rules,
                                            TrkAnswers   *answers,
                                            guint64      *rng);
/* Answers the questions the engine asks, one by one, with valid values,
 * until it asks none: the wizard's loop. Returns the number of steps. */
guint       trk_fuzz_walk_wizard           (TrkRuleSet   *rules,
                                            TrkAnswers   *answers,
                                            const GDate  *date,
                                            guint64      *rng);

/* Reads every getter of a result in every language and checks the JSON
 * and the text report; @builtin adds the contract's vocabulary checks. */
void        trk_fuzz_check_result          (TrkResult    *result,
                                            gboolean      builtin);
/* An evaluation error must be a TRK_EVAL_ERROR with a UTF-8 message. */
void        trk_fuzz_check_eval_error      (const GError *error);
/* Reads every question, choice and label of a rule set. */
void        trk_fuzz_check_rule_set        (TrkRuleSet   *rules);
/* The relevant questions are a subsequence of the rule set's questions. */
void        trk_fuzz_check_relevance       (TrkRuleSet   *rules,
                                            TrkAnswers   *answers,
                                            const GDate  *date);

/* libFuzzer's hooks (declared for -Wmissing-prototypes). */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

G_END_DECLS
