/* trk-flow.h - where the wizard stands: the answers, the step, the question
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-answers.h"
#include "trk-evaluator.h"

G_BEGIN_DECLS

typedef enum
{
  TRK_FLOW_STEP_WELCOME,
  TRK_FLOW_STEP_QUESTION,
  TRK_FLOW_STEP_REVIEW,
  TRK_FLOW_STEP_OUTCOME,
} TrkFlowStep;

#define TRK_TYPE_FLOW (trk_flow_get_type ())
G_DECLARE_FINAL_TYPE (TrkFlow, trk_flow, TRK, FLOW, GObject)

/* The flow knows no law: which question comes next is the engine's to say.
 * It emits "moved" after every change of step or question. */
TrkFlow     *trk_flow_new              (TrkRuleSet   *rules,
                                        TrkAnswers   *answers);

TrkRuleSet  *trk_flow_get_rules        (TrkFlow      *self);
/* Keeps the answers and re-starts from the first open question. */
void         trk_flow_set_rules        (TrkFlow      *self,
                                        TrkRuleSet   *rules);
TrkAnswers  *trk_flow_get_answers      (TrkFlow      *self);
TrkFlowStep  trk_flow_get_step         (TrkFlow      *self);
/* (nullable): the question shown on a question step */
TrkQuestion *trk_flow_get_question     (TrkFlow      *self);
/* (nullable): the result shown on the outcome step */
TrkResult   *trk_flow_get_result       (TrkFlow      *self);
/* The assessment date: the answers' date, else today. */
void         trk_flow_get_date         (TrkFlow      *self,
                                        GDate        *out_date);
/* (transfer container) (element-type TrkQuestion) */
GPtrArray   *trk_flow_list_relevant    (TrkFlow      *self);
gboolean     trk_flow_is_answered      (TrkFlow      *self,
                                        TrkQuestion  *question);
/* 1-based place of the current question among the relevant ones. */
guint        trk_flow_get_position     (TrkFlow      *self);
/* Answered / relevant so far: an estimate, later answers may add questions. */
double       trk_flow_get_fraction     (TrkFlow      *self);
/* TRUE when there are answers from before to go on with. */
gboolean     trk_flow_can_resume       (TrkFlow      *self);

void         trk_flow_start            (TrkFlow      *self);
void         trk_flow_resume           (TrkFlow      *self);
gboolean     trk_flow_next             (TrkFlow      *self,
                                        GError      **error);
void         trk_flow_back             (TrkFlow      *self);
void         trk_flow_change           (TrkFlow      *self,
                                        const char   *question_id);
void         trk_flow_restart          (TrkFlow      *self);
/* Replaces the answers (and date) by a copy of @answers, then resumes. */
void         trk_flow_load_answers     (TrkFlow      *self,
                                        TrkAnswers   *answers);

G_END_DECLS
