/* test-language.c - switching the language relabels the page, keeps answers
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-gui-test-utils.h"
#include "trk-question-page.h"

static void
check_question_page (TrkWindow  *window,
                     TrkLang     lang,
                     const char *next_label)
{
  GtkWidget *page = trk_window_get_page (window);
  TrkQuestion *question;

  g_assert_true (TRK_IS_QUESTION_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  question = trk_question_page_get_question (TRK_QUESTION_PAGE (page));

  if (!trk_test_widget_shows (page, trk_question_get_label (question, lang)) ||
      !trk_test_widget_shows (page, next_label))
    g_error ("The page does not show “%s” and “%s”",
             trk_question_get_label (question, lang), next_label);
}

static void
test_switch_relabels_current_page (void)
{
  TrkApplication *app = trk_test_get_app ();
  TrkWindow *window = trk_test_new_window ();
  TrkAnswers *answers = trk_flow_get_answers (trk_window_get_flow (window));
  g_autofree char *stored = NULL;
  GtkWidget *page;

  trk_test_switch_language ("en");
  gtk_widget_activate_action (trk_window_get_page (window), "win.start", NULL);
  trk_test_iterate ();
  trk_test_answer_current (window, "foreigner");
  page = trk_window_get_page (window);
  check_question_page (window, TRK_LANG_EN, "_Next");

  trk_test_switch_language ("ru");
  g_assert_cmpint (trk_application_get_language (app), ==, TRK_LANG_RU);
  g_assert_true (trk_window_get_page (window) != page);
  check_question_page (window, TRK_LANG_RU, "_Далее");
  g_assert_cmpstr (trk_answers_get (answers, "status"), ==, "foreigner");

  trk_test_switch_language ("kk");
  check_question_page (window, TRK_LANG_KK, "_Келесі");
  g_assert_cmpstr (trk_answers_get (answers, "status"), ==, "foreigner");
  g_assert_cmpuint (trk_flow_get_position (trk_window_get_flow (window)), ==, 2);

  /* Going back shows the earlier answer, selected, in Kazakh. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  trk_test_iterate ();
  check_question_page (window, TRK_LANG_KK, "_Келесі");
  g_assert_cmpstr (trk_question_page_get_value (TRK_QUESTION_PAGE (trk_window_get_page (window))),
                   ==, "foreigner");

  trk_test_switch_language ("en");
  check_question_page (window, TRK_LANG_EN, "_Next");
  stored = g_settings_get_string (trk_application_get_settings (app), "language");
  g_assert_cmpstr (stored, ==, "en");

  trk_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!trk_test_init_or_skip (&argc, &argv, "/gui/language/skipped"))
    return g_test_run ();

  g_test_add_func ("/gui/language/switch-relabels-current-page",
                   test_switch_relabels_current_page);

  return g_test_run ();
}
