/* trk-handbook.h - every distinct outcome the rules reach on a date, and who gets it
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-result.h"
#include "trk-rule-set.h"

G_BEGIN_DECLS

/* The handbook's outcomes are found by the relevance walk of
 * trk_rules_check() on one date (never written out by hand) and grouped
 * by their outcome key: the status of every target, the loop's steps and
 * ways out, the checklist items and the warnings (by the id of the rule
 * that adds them, so that one group has one text per item). Each group
 * says who it is for as the fewest conditions the greedy merge finds:
 * a condition is a list of terms, one per question that matters, each
 * "question label: answer or answer" in the rules' own words. */
typedef struct _TrkHandbook TrkHandbook;

/* @date: (nullable): today when NULL. Fails only on inconsistent rules
 * (TRK_RULES_ERROR_INCONSISTENT, CLI exit code 3). */
TrkHandbook *trk_handbook_new                 (TrkRuleSet   *rules,
                                               const GDate  *date,
                                               GError      **error);
void         trk_handbook_free                (TrkHandbook  *self);

TrkRuleSet  *trk_handbook_get_rule_set        (TrkHandbook  *self);
/* YYYY-MM-DD */
const char  *trk_handbook_get_date            (TrkHandbook  *self);

/* Outcomes in a fixed order: by dactyloscopy status, then IIN status,
 * then key. */
guint        trk_handbook_get_n_outcomes      (TrkHandbook  *self);
/* "dactyloscopy=mandatory;iin=not_needed;loop=;ways=;items=item-passport,...;warnings=..." */
const char  *trk_handbook_get_outcome_key     (TrkHandbook  *self,
                                               guint         outcome);
/* The evaluation of the first answer set that leads to the outcome (its
 * statuses, loop, checklist and warnings are the outcome's). */
TrkResult   *trk_handbook_get_outcome_result  (TrkHandbook  *self,
                                               guint         outcome);
/* How many answer sets of the walk lead to it. */
guint        trk_handbook_get_n_answer_sets   (TrkHandbook  *self,
                                               guint         outcome);
/* Conditions (any one of them leads to the outcome); a condition with no
 * term means every answer does. */
guint        trk_handbook_get_n_conditions    (TrkHandbook  *self,
                                               guint         outcome);
/* The terms of a condition in @lang. (transfer full) (element-type utf8) */
GPtrArray   *trk_handbook_get_condition_terms (TrkHandbook  *self,
                                               guint         outcome,
                                               guint         condition,
                                               TrkLang       lang);

/* The reasons of every answer set of the outcome, each once: the rule
 * deciding each target, then the notes. Answer sets with the same outcome
 * may have different reasons; trk_handbook_get_reason_conditions() then
 * says for which conditions (1-based numbers, "1, 3"), NULL when for all. */
guint        trk_handbook_get_n_reasons       (TrkHandbook  *self,
                                               guint         outcome);
const char  *trk_handbook_get_reason_text     (TrkHandbook  *self,
                                               guint         outcome,
                                               guint         reason,
                                               TrkLang       lang);
/* (transfer full) */
char        *trk_handbook_get_reason_citation (TrkHandbook  *self,
                                               guint         outcome,
                                               guint         reason,
                                               TrkLang       lang);
/* (transfer full) (nullable) */
char        *trk_handbook_get_reason_conditions (TrkHandbook *self,
                                                 guint        outcome,
                                                 guint        reason);

/* The outcome keys of every combination that trk_rules_check() evaluates
 * on @date (the full product and the relevance walk), sorted and unique:
 * what the handbook must cover. (transfer full) (element-type utf8) */
GPtrArray   *trk_handbook_checked_outcome_keys (TrkRuleSet  *rules,
                                                const GDate *date,
                                                GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrkHandbook, trk_handbook_free)

G_END_DECLS
