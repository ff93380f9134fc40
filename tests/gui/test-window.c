/* test-window.c - the first window: title, welcome page, size, date
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-autosave.h"
#include "trk-date-chooser.h"
#include "trk-gui-test-utils.h"
#include "trk-welcome-page.h"

static void
test_maps_with_title (void)
{
  TrkWindow *window;
  GtkWidget *page;

  g_assert_true (trk_autosave_forget (NULL));
  window = trk_test_new_window ();
  page = trk_window_get_page (window);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Tirkeu");
  g_assert_true (TRK_IS_WELCOME_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));

  /* The three languages, each under its own name. */
  g_assert_true (trk_test_widget_shows (page, "Қазақша"));
  g_assert_true (trk_test_widget_shows (page, "Русский"));
  g_assert_true (trk_test_widget_shows (page, "English"));
  /* Nothing to resume on a first start. */
  g_assert_false (gtk_widget_get_visible (
    trk_welcome_page_get_resume_button (TRK_WELCOME_PAGE (page))));

  trk_test_close_window (window);
}

static void
test_size_remembered (void)
{
  TrkWindow *window = trk_test_new_window ();
  GSettings *settings = trk_application_get_settings (trk_test_get_app ());

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 530);
  trk_test_iterate ();
  gtk_window_close (GTK_WINDOW (window));
  trk_test_iterate ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 400);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 530);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = trk_test_new_window ();
  {
    int width;
    int height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 400);
    g_assert_cmpint (height, ==, 530);
  }
  trk_test_close_window (window);
}

/* A date in the past goes into the answers and brings a note. */
static void
test_date_in_past (void)
{
  TrkWindow *window = trk_test_new_window ();
  GtkWidget *chooser = trk_welcome_page_get_date_chooser (
    TRK_WELCOME_PAGE (trk_window_get_page (window)));
  TrkAnswers *answers = trk_flow_get_answers (trk_window_get_flow (window));
  GDate date;
  GDate stored;

  g_assert_false (trk_answers_get_date (answers, NULL));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, G_DATE_MARCH, 2024);
  trk_date_chooser_select (TRK_DATE_CHOOSER (chooser), &date);
  trk_test_iterate ();

  g_assert_true (trk_answers_get_date (answers, &stored));
  g_assert_cmpint (g_date_compare (&date, &stored), ==, 0);
  g_assert_true (trk_test_widget_shows (chooser, "This date is in the past: the rules in force "
                                                 "on that day apply."));

  trk_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!trk_test_init (&argc, &argv))
    {
      g_test_add_func ("/gui/window/skipped", trk_test_skip_no_display);
      return g_test_run ();
    }

  g_test_add_func ("/gui/window/maps-with-title", test_maps_with_title);
  g_test_add_func ("/gui/window/size-remembered", test_size_remembered);
  g_test_add_func ("/gui/window/date-in-past", test_date_in_past);

  return g_test_run ();
}
