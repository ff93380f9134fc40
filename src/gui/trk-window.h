/* trk-window.h - the main window: header bar and the wizard's pages
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trk-application.h"
#include "trk-flow.h"

G_BEGIN_DECLS

/* Saved answers: their MIME type (resources/io.github.tirkeu.Tirkeu.mime.xml)
 * and the extension Save Answers proposes. */
#define TRK_ANSWERS_MIME_TYPE "application/x-tirkeu-answers"
#define TRK_ANSWERS_EXTENSION ".tirkeu"

#define TRK_TYPE_WINDOW (trk_window_get_type ())
G_DECLARE_FINAL_TYPE (TrkWindow, trk_window, TRK, WINDOW, GtkApplicationWindow)

TrkWindow *trk_window_new            (TrkApplication *application);
TrkFlow   *trk_window_get_flow       (TrkWindow      *self);
/* The page shown now: a TrkWelcomePage, TrkQuestionPage, TrkReviewPage
 * or TrkOutcomePage. */
GtkWidget *trk_window_get_page       (TrkWindow      *self);
/* Clears the answers (the autosave goes with them) and shows the welcome page. */
void       trk_window_forget_answers (TrkWindow      *self);
/* (nullable): the notice shown above the page (e.g. the answers could not
 * be kept on disk), or NULL when none is shown. */
const char *trk_window_get_notice    (TrkWindow      *self);
/* Replaces the answers by those of an answers file (File > Open Answers)
 * and goes on at the first open question, or the review. */
gboolean   trk_window_open_answers_file (TrkWindow   *self,
                                         const char  *path,
                                         GError     **error);
/* The same from a GFile (the application's open, the file chooser): on
 * failure an error dialog says why, naming the line, and the answers on
 * screen stay. */
gboolean   trk_window_open_answers   (TrkWindow      *self,
                                      GFile          *file);

G_END_DECLS
