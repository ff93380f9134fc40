/* trk-review-page.h - every relevant answer, each with a way to change it
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trk-flow.h"

G_BEGIN_DECLS

#define TRK_TYPE_REVIEW_PAGE (trk_review_page_get_type ())
G_DECLARE_FINAL_TYPE (TrkReviewPage, trk_review_page, TRK, REVIEW_PAGE, GtkWidget)

GtkWidget *trk_review_page_new               (TrkFlow       *flow,
                                              TrkLang        lang);
/* The "Change" button of a question (action win.change), or NULL. */
GtkWidget *trk_review_page_get_change_button (TrkReviewPage *self,
                                              const char    *question_id);

G_END_DECLS
