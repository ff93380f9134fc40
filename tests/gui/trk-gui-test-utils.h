/* trk-gui-test-utils.h - driving the real Tirkeu widgets in tests
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trk-application.h"
#include "trk-window.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *value;
} TrkTestAnswer;

/* g_test_init() with this program's own XDG state, config and cache
 * folders (shared by its test cases), then GTK. Returns FALSE when
 * there is no display and TIRKEU_REQUIRE_DISPLAY is unset: the caller
 * then registers only trk_test_skip_no_display. With the variable set, a
 * missing display is a failure, never a skip (CI sets it). */
gboolean        trk_test_init               (int          *argc,
                                             char       ***argv);
void            trk_test_skip_no_display    (void);
/* trk_test_init(); without a display it registers @skip_path as the one
 * (skipped) test and returns FALSE: then main returns g_test_run (). */
gboolean        trk_test_init_or_skip       (int          *argc,
                                             char       ***argv,
                                             const char   *skip_path);

/* One registered application per test program (startup has run). */
TrkApplication *trk_test_get_app           (void);
/* A new window, presented and mapped. */
TrkWindow      *trk_test_new_window        (void);
void            trk_test_close_window      (TrkWindow     *window);
/* Runs the main loop until nothing is pending (and at least a few frames). */
void            trk_test_iterate           (void);
/* Runs the main loop until @widget is mapped (fails after a few seconds). */
void            trk_test_wait_mapped       (GtkWidget     *widget);

/* Switches the app's language ("kk", "ru", "en") through app.language,
 * as the menu does, and lets the page be rebuilt. */
void            trk_test_switch_language   (const char    *code);

/* Answers the question on screen as a person would: clicks the radio
 * button or types into the spin button, then activates win.next. */
void            trk_test_answer_current    (TrkWindow     *window,
                                            const char    *value);
/* Answers every question the wizard asks from @answers (an id missing
 * from the table fails the test) until it leaves the question pages.
 * Returns how many questions were asked. */
guint           trk_test_answer_all        (TrkWindow           *window,
                                            const TrkTestAnswer *answers,
                                            guint                n_answers);
/* Clicks a button as the pointer would (gtk_widget_activate() delays the
 * click by GtkButton's activation timeout). */
void            trk_test_click             (GtkWidget     *button);
/* TRUE when a label or button under @widget shows exactly @text. */
gboolean        trk_test_widget_shows      (GtkWidget     *widget,
                                            const char    *text);

G_END_DECLS
