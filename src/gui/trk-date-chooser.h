/* trk-date-chooser.h - the assessment date, today unless changed
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trk-answers.h"
#include "trk-lang.h"

G_BEGIN_DECLS

#define TRK_TYPE_DATE_CHOOSER (trk_date_chooser_get_type ())
G_DECLARE_FINAL_TYPE (TrkDateChooser, trk_date_chooser, TRK, DATE_CHOOSER, GtkWidget)

GtkWidget *trk_date_chooser_new         (void);
/* Shows and edits the date of @answers (unset means today), in @lang. */
void       trk_date_chooser_set_answers (TrkDateChooser *self,
                                         TrkAnswers     *answers,
                                         TrkLang         lang);
/* Sets the date as a person would, through the calendar. */
void       trk_date_chooser_select      (TrkDateChooser *self,
                                         const GDate    *date);

/* The month calendar in the popover: for tests. */
GtkWidget *trk_date_chooser_get_calendar (TrkDateChooser *self);

G_END_DECLS
