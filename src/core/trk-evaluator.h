/* trk-evaluator.h - rules + answers + date -> result, and which questions matter
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-answers.h"
#include "trk-result.h"
#include "trk-rule-set.h"

G_BEGIN_DECLS

#define TRK_EVAL_ERROR (trk_eval_error_quark ())

/* Bad answers (CLI exit code 2); messages name the field and what is allowed. */
typedef enum
{
  TRK_EVAL_ERROR_UNKNOWN_ID,
  TRK_EVAL_ERROR_INVALID_VALUE,
  TRK_EVAL_ERROR_MISSING_ANSWER,
  TRK_EVAL_ERROR_INCONSISTENT_RULES, /* no rule or two rules decide a target */
} TrkEvalError;

GQuark     trk_eval_error_quark         (void);

/* @date: (nullable): the assessment date; NULL uses the answers' date, else today. */
TrkResult *trk_evaluate                 (TrkRuleSet   *rules,
                                         TrkAnswers   *answers,
                                         const GDate  *date,
                                         GError      **error);

/* Questions relevant given the answers so far, in rules-file order; the
 * wizard asks these (and only these). Invalid answers count as not given.
 * (transfer container) (element-type TrkQuestion) */
GPtrArray *trk_relevant_questions       (TrkRuleSet   *rules,
                                         TrkAnswers   *answers,
                                         const GDate  *date);
/* The first relevant question without a valid answer, or NULL when the
 * answers are complete. */
TrkQuestion *trk_next_question          (TrkRuleSet   *rules,
                                         TrkAnswers   *answers,
                                         const GDate  *date);
/* Checks one value against the question (choice value or integer range). */
gboolean   trk_question_accepts         (const TrkQuestion *question,
                                         const char        *value,
                                         GError           **error);

G_END_DECLS
