/* trk-result.h - what the evaluator found for one applicant on one date
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "trk-lang.h"
#include "trk-rule-set.h"

G_BEGIN_DECLS

#define TRK_TYPE_RESULT (trk_result_get_type ())

/* Immutable, reference counted; texts are looked up per language so one
 * result serves a bilingual checklist. */
typedef struct _TrkResult TrkResult;

GType        trk_result_get_type            (void) G_GNUC_CONST;
TrkResult   *trk_result_ref                 (TrkResult  *self);
void         trk_result_unref               (TrkResult  *self);

TrkRuleSet  *trk_result_get_rule_set        (TrkResult  *self);
/* YYYY-MM-DD */
const char  *trk_result_get_date            (TrkResult  *self);

/* "dactyloscopy" or "iin" -> status id from the contract. */
const char  *trk_result_get_status          (TrkResult  *self,
                                             const char *target);
/* Reasons of a target: the deciding rule first, then notes. */
guint        trk_result_get_n_reasons       (TrkResult  *self,
                                             const char *target);
const char  *trk_result_get_reason_rule     (TrkResult  *self,
                                             const char *target,
                                             guint       index);
/* "Law of the Republic of Kazakhstan No. 50-VIII of 23 December 2023, ..." */
char        *trk_result_get_reason_citation (TrkResult  *self,
                                             const char *target,
                                             guint       index,
                                             TrkLang     lang);
const char  *trk_result_get_reason_text     (TrkResult  *self,
                                             const char *target,
                                             guint       index,
                                             TrkLang     lang);

/* The prerequisite loop; empty when none. Step ids in order, each needing the next. */
gboolean     trk_result_has_cycle           (TrkResult  *self);
guint        trk_result_get_cycle_length    (TrkResult  *self);
const char  *trk_result_get_cycle_step      (TrkResult  *self,
                                             guint       index);
/* Why step index needs step index+1 (the relation's text). */
const char  *trk_result_get_cycle_link_text (TrkResult  *self,
                                             guint       index,
                                             TrkLang     lang);
guint        trk_result_get_n_ways_out      (TrkResult  *self);
const char  *trk_result_get_way_out_text    (TrkResult  *self,
                                             guint       index,
                                             TrkLang     lang);
/* "location=kazakhstan": the answer that breaks the loop, or
 * "route:iin_at_mission" for a dated route (a pilot project). */
const char  *trk_result_get_way_out_answer  (TrkResult  *self,
                                             guint       index);
gboolean     trk_result_way_out_is_route    (TrkResult  *self,
                                             guint       index);
/* The sources a route rests on ("Title (reported by ...)"); NULL when the
 * way out cites none (another answer needs no source). (transfer full) */
char        *trk_result_get_way_out_citation (TrkResult *self,
                                              guint      index,
                                              TrkLang    lang);

guint        trk_result_get_n_items         (TrkResult  *self);
const char  *trk_result_get_item_key        (TrkResult  *self,
                                             guint       index);
const char  *trk_result_get_item_text       (TrkResult  *self,
                                             guint       index,
                                             TrkLang     lang);
char        *trk_result_get_item_citation   (TrkResult  *self,
                                             guint       index,
                                             TrkLang     lang);

guint        trk_result_get_n_warnings      (TrkResult  *self);
const char  *trk_result_get_warning_key     (TrkResult  *self,
                                             guint       index);
const char  *trk_result_get_warning_text    (TrkResult  *self,
                                             guint       index,
                                             TrkLang     lang);
char        *trk_result_get_warning_citation (TrkResult *self,
                                              guint      index,
                                              TrkLang    lang);

/* Every source the result cites (reasons, loop, ways out, checklist,
 * warnings), in the order first cited: indices into the rule set's
 * sources (trk_rule_set_get_source_*). */
guint        trk_result_get_n_sources       (TrkResult  *self);
guint        trk_result_get_source          (TrkResult  *self,
                                             guint       index);

/* What a short citation is for. */
typedef enum
{
  TRK_CITED_REASON,   /* @target and a reason's index */
  TRK_CITED_WAY_OUT,
  TRK_CITED_ITEM,
  TRK_CITED_WARNING,
} TrkCited;

/* A short citation for the printed page, "[1] mandatory registration,
 * case 6: visas; [2] exemptions": each source is numbered by its place in
 * trk_result_get_source (from 1), each distinct pinpoint follows its
 * number, the numbers ascend. A source cited without a pinpoint is its
 * number alone. The full titles are in the sources list. @target is read
 * for TRK_CITED_REASON only. NULL when the part cites nothing.
 * (transfer full) */
char        *trk_result_get_short_citation  (TrkResult  *self,
                                             TrkCited    part,
                                             const char *target,
                                             guint       index,
                                             TrkLang     lang);

/* The relevant questions and their answers, in rules-file order: the
 * answers that decided this outcome (for the checklist's summary). */
guint        trk_result_get_n_answers       (TrkResult  *self);
TrkQuestion *trk_result_get_answer_question (TrkResult  *self,
                                             guint       index);
const char  *trk_result_get_answer_value    (TrkResult  *self,
                                             guint       index);
/* The value as a person reads it (choice label, or the number). */
char        *trk_result_get_answer_label    (TrkResult  *self,
                                             guint       index,
                                             TrkLang     lang);

/* The contract's JSON ("evaluate --json") and a readable text report. */
char        *trk_result_to_json             (TrkResult  *self,
                                             TrkLang     lang);
char        *trk_result_to_text             (TrkResult  *self,
                                             TrkLang     lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrkResult, trk_result_unref)

G_END_DECLS
