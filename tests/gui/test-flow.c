/* test-flow.c - whole wizard flows, driven through the real widgets
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-autosave.h"
#include "trk-gui-test-utils.h"
#include "trk-loop-banner.h"
#include "trk-outcome-page.h"
#include "trk-question-page.h"
#include "trk-review-page.h"
#include "trk-welcome-page.h"

/* A visa applicant abroad, without an IIN, after the IIN rule of 2024-02-24. */
static const TrkTestAnswer visa_abroad[] = {
  { "status", "foreigner" },
  { "age", "34" },
  { "purpose", "visa" },
  { "visa_channel", "e_visa" },
  { "location", "abroad" },
  { "visa_required", "yes" },
  { "has_iin", "no" },
  { "fingerprinted", "no" },
  { "holds_pre2024_document", "no" },
  { "passport_language", "other" },
};

static TrkWindow *
start_flow (void)
{
  TrkWindow *window;

  /* Each case starts from nothing saved. */
  g_assert_true (trk_autosave_forget (NULL));
  window = trk_test_new_window ();

  g_assert_true (TRK_IS_WELCOME_PAGE (trk_window_get_page (window)));
  g_assert_true (gtk_widget_activate_action (trk_window_get_page (window), "win.start", NULL));
  trk_test_iterate ();
  g_assert_true (TRK_IS_QUESTION_PAGE (trk_window_get_page (window)));

  return window;
}

static void
set_date (TrkWindow  *window,
          const char *text)
{
  GDate date;

  g_assert_true (trk_date_parse (text, &date));
  trk_answers_set_date (trk_flow_get_answers (trk_window_get_flow (window)), &date);
}

static GtkWidget *
go_to_outcome (TrkWindow *window)
{
  GtkWidget *page = trk_window_get_page (window);

  g_assert_true (TRK_IS_REVIEW_PAGE (page));
  g_assert_true (gtk_widget_activate_action (page, "win.next", NULL));
  trk_test_iterate ();

  page = trk_window_get_page (window);
  g_assert_true (TRK_IS_OUTCOME_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  return page;
}

static const char *
status_label (TrkWindow  *window,
              const char *target,
              const char *status)
{
  TrkRuleSet *rules = trk_flow_get_rules (trk_window_get_flow (window));

  return trk_rule_set_get_status_label (rules, target, status, TRK_LANG_EN);
}

static void
test_visa_applicant_reaches_loop (void)
{
  TrkWindow *window = start_flow ();
  GtkWidget *page;
  GtkWidget *banner;
  GtkWidget *focus;
  TrkResult *result;

  set_date (window, "2026-11-28");
  trk_test_answer_all (window, visa_abroad, G_N_ELEMENTS (visa_abroad));
  page = go_to_outcome (window);

  result = trk_outcome_page_get_result (TRK_OUTCOME_PAGE (page));
  /* Keyboard users land on "Save PDF…". */
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "win.save-pdf");
  g_assert_cmpstr (trk_result_get_status (result, "dactyloscopy"), ==, "mandatory");
  g_assert_cmpstr (trk_result_get_status (result, "iin"), ==, "in_person");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (trk_outcome_page_get_status_label (
                     TRK_OUTCOME_PAGE (page), "dactyloscopy"))),
                   ==, status_label (window, "dactyloscopy", "mandatory"));

  banner = trk_outcome_page_get_loop_banner (TRK_OUTCOME_PAGE (page));
  g_assert_nonnull (banner);
  g_assert_true (gtk_widget_get_mapped (banner));
  g_assert_cmpuint (trk_loop_banner_get_n_steps (TRK_LOOP_BANNER (banner)), ==,
                    trk_result_get_cycle_length (result));
  g_assert_cmpuint (trk_result_get_cycle_length (result), >=, 4);
  /* Every step of the loop is drawn, under its name from the rules. */
  for (guint i = 0; i < trk_result_get_cycle_length (result); i++)
    g_assert_true (trk_test_widget_shows (banner, trk_rule_set_get_step_label (
                     trk_result_get_rule_set (result), trk_result_get_cycle_step (result, i),
                     TRK_LANG_EN)));
  g_assert_cmpuint (trk_result_get_n_ways_out (result), >, 0);
  for (guint i = 0; i < trk_result_get_n_ways_out (result); i++)
    g_assert_true (trk_test_widget_shows (banner, trk_result_get_way_out_text (result, i,
                                                                               TRK_LANG_EN)));

  trk_test_close_window (window);
}

static void
test_citizen_voluntary (void)
{
  static const TrkTestAnswer citizen[] = {
    { "status", "citizen" },
    { "age", "40" },
  };
  TrkWindow *window = start_flow ();
  GtkWidget *page;
  guint asked;

  asked = trk_test_answer_all (window, citizen, G_N_ELEMENTS (citizen));
  g_assert_cmpuint (asked, <=, 2);
  page = go_to_outcome (window);

  g_assert_cmpstr (trk_result_get_status (trk_outcome_page_get_result (TRK_OUTCOME_PAGE (page)),
                                          "dactyloscopy"), ==, "voluntary");
  g_assert_true (trk_test_widget_shows (page, status_label (window, "dactyloscopy", "voluntary")));
  g_assert_null (trk_outcome_page_get_loop_banner (TRK_OUTCOME_PAGE (page)));

  trk_test_close_window (window);
}

static void
go_back (TrkWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  trk_test_iterate ();
}

/* Answer as a visa applicant, go back to the first question, become a
 * citizen: moving on drops every answer that no longer matters. */
static void
test_back_after_change_drops_irrelevant (void)
{
  TrkWindow *window = start_flow ();
  TrkFlow *flow = trk_window_get_flow (window);
  TrkAnswers *answers = trk_flow_get_answers (flow);

  set_date (window, "2026-11-28");
  trk_test_answer_all (window, visa_abroad, G_N_ELEMENTS (visa_abroad));
  g_assert_cmpstr (trk_answers_get (answers, "purpose"), ==, "visa");
  g_assert_cmpstr (trk_answers_get (answers, "has_iin"), ==, "no");

  while (trk_flow_get_step (flow) != TRK_FLOW_STEP_QUESTION ||
         !g_str_equal (trk_question_get_id (trk_flow_get_question (flow)), "status"))
    go_back (window);

  /* The earlier answer is shown selected. */
  g_assert_cmpstr (trk_question_page_get_value (TRK_QUESTION_PAGE (trk_window_get_page (window))),
                   ==, "foreigner");
  trk_test_answer_current (window, "citizen");

  g_assert_cmpstr (trk_answers_get (answers, "status"), ==, "citizen");
  g_assert_null (trk_answers_get (answers, "purpose"));
  g_assert_null (trk_answers_get (answers, "has_iin"));
  g_assert_null (trk_answers_get (answers, "location"));
  g_assert_null (trk_answers_get (answers, "fingerprinted"));

  trk_test_close_window (window);
}

/* From the review page, a changed answer keeps the others that still matter
 * and asks only what became relevant. */
static void
test_review_change_keeps_relevant (void)
{
  TrkWindow *window = start_flow ();
  TrkFlow *flow = trk_window_get_flow (window);
  TrkAnswers *answers = trk_flow_get_answers (flow);
  GtkWidget *change;

  set_date (window, "2026-11-28");
  trk_test_answer_all (window, visa_abroad, G_N_ELEMENTS (visa_abroad));
  g_assert_true (TRK_IS_REVIEW_PAGE (trk_window_get_page (window)));

  change = trk_review_page_get_change_button (TRK_REVIEW_PAGE (trk_window_get_page (window)),
                                              "location");
  g_assert_nonnull (change);
  trk_test_click (change);
  g_assert_cmpstr (trk_question_get_id (trk_flow_get_question (flow)), ==, "location");

  trk_test_answer_current (window, "kazakhstan");
  g_assert_true (TRK_IS_REVIEW_PAGE (trk_window_get_page (window)));
  g_assert_cmpstr (trk_answers_get (answers, "status"), ==, "foreigner");
  g_assert_cmpstr (trk_answers_get (answers, "age"), ==, "34");
  g_assert_cmpstr (trk_answers_get (answers, "purpose"), ==, "visa");
  g_assert_cmpstr (trk_answers_get (answers, "location"), ==, "kazakhstan");

  g_assert_null (trk_outcome_page_get_loop_banner (TRK_OUTCOME_PAGE (go_to_outcome (window))));

  trk_test_close_window (window);
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Next stays off until the question is answered. */
static void
test_next_needs_answer (void)
{
  TrkWindow *window = start_flow ();
  GtkWidget *page = trk_window_get_page (window);
  GtkWidget *next = find_action_button (page, "win.next");
  TrkQuestion *question = trk_question_page_get_question (TRK_QUESTION_PAGE (page));
  GtkWidget *choice;

  /* Focus is on the first choice when the page appears. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) ==
                 trk_question_page_get_choice (TRK_QUESTION_PAGE (page),
                                               trk_question_get_choice_value (question, 0)));
  g_assert_nonnull (next);
  g_assert_false (gtk_widget_get_sensitive (next));
  gtk_widget_activate_action (page, "win.next", NULL);
  trk_test_iterate ();
  g_assert_true (trk_window_get_page (window) == page);

  choice = trk_question_page_get_choice (TRK_QUESTION_PAGE (page), "foreigner");
  gtk_widget_activate (choice);
  trk_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (next));

  trk_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!trk_test_init_or_skip (&argc, &argv, "/gui/flow/skipped"))
    return g_test_run ();

  g_test_add_func ("/gui/flow/visa-applicant-reaches-loop", test_visa_applicant_reaches_loop);
  g_test_add_func ("/gui/flow/citizen-voluntary", test_citizen_voluntary);
  g_test_add_func ("/gui/flow/back-after-change-drops-irrelevant",
                   test_back_after_change_drops_irrelevant);
  g_test_add_func ("/gui/flow/review-change-keeps-relevant", test_review_change_keeps_relevant);
  g_test_add_func ("/gui/flow/next-needs-answer", test_next_needs_answer);

  return g_test_run ();
}
