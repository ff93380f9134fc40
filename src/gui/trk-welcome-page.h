/* trk-welcome-page.h - the first page: language, date, Start or Resume
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trk-answers.h"
#include "trk-lang.h"

G_BEGIN_DECLS

#define TRK_TYPE_WELCOME_PAGE (trk_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (TrkWelcomePage, trk_welcome_page, TRK, WELCOME_PAGE, GtkWidget)

/* @answers holds the assessment date; @can_resume shows "Resume". */
GtkWidget *trk_welcome_page_new               (TrkAnswers     *answers,
                                               TrkLang         lang,
                                               gboolean        can_resume);
/* Parts that tests drive like a person would. */
GtkWidget *trk_welcome_page_get_resume_button (TrkWelcomePage *self);
GtkWidget *trk_welcome_page_get_date_chooser  (TrkWelcomePage *self);

G_END_DECLS
