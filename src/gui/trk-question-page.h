/* trk-question-page.h - one question of the rules, as a page of the wizard
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trk-rule-set.h"

G_BEGIN_DECLS

#define TRK_TYPE_QUESTION_PAGE (trk_question_page_get_type ())
G_DECLARE_FINAL_TYPE (TrkQuestionPage, trk_question_page, TRK, QUESTION_PAGE, GtkWidget)

/* Built from the question's data: choices become radio rows, an integer a
 * spin button. @value: (nullable) the answer given before. @position is
 * 1-based; @fraction estimates how much of the way is done. */
GtkWidget   *trk_question_page_new             (TrkRuleSet      *rules,
                                                TrkQuestion     *question,
                                                TrkLang          lang,
                                                const char      *value,
                                                guint            position,
                                                double           fraction);
TrkQuestion *trk_question_page_get_question    (TrkQuestionPage *self);
/* (nullable): the answer as the contract spells it, NULL until answered;
 * "notify::value" tells when it changes. */
const char  *trk_question_page_get_value       (TrkQuestionPage *self);
/* The radio button of a choice, or NULL. */
GtkWidget   *trk_question_page_get_choice      (TrkQuestionPage *self,
                                                const char      *value);
/* The spin button of an integer question, or NULL. */
GtkWidget   *trk_question_page_get_spin_button (TrkQuestionPage *self);

G_END_DECLS
