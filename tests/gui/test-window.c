/* test-window.c - the first window: title, welcome page, size, date
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "trk-autosave.h"
#include "trk-date-chooser.h"
#include "trk-gui-test-utils.h"
#include "trk-month-calendar.h"
#include "trk-gsk-backend.h"
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

/* Column and row of a day's button in the month grid. */
static void
assert_day_at (TrkMonthCalendar *calendar,
               guint             day,
               int               column,
               int               row)
{
  GtkWidget *button = trk_month_calendar_get_day_button (calendar, day);
  int found_column;
  int found_row;

  g_assert_nonnull (button);
  gtk_grid_query_child (GTK_GRID (gtk_widget_get_parent (button)), button,
                        &found_column, &found_row, NULL, NULL);
  g_assert_cmpint (found_column, ==, column);
  g_assert_cmpint (found_row, ==, row);
}

static TrkMonthCalendar *
welcome_calendar (TrkWindow *window)
{
  GtkWidget *chooser = trk_welcome_page_get_date_chooser (
    TRK_WELCOME_PAGE (trk_window_get_page (window)));

  return TRK_MONTH_CALENDAR (trk_date_chooser_get_calendar (TRK_DATE_CHOOSER (chooser)));
}

/* The calendar speaks the app's language, whatever the C library's
 * locale (the tests run in C.UTF-8), and its weeks start on Monday. */
static void
test_calendar_in_each_language (void)
{
  TrkWindow *window = trk_test_new_window ();
  TrkAnswers *answers = trk_flow_get_answers (trk_window_get_flow (window));
  TrkMonthCalendar *calendar;
  GtkPopover *popover;
  GDate date;
  GDate stored;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 28, G_DATE_NOVEMBER, 2026);
  trk_answers_set_date (answers, &date);
  trk_test_switch_language ("kk");
  calendar = welcome_calendar (window);

  g_assert_cmpstr (trk_month_calendar_get_heading (calendar), ==, "Қараша 2026");
  g_assert_true (trk_test_widget_shows (GTK_WIDGET (calendar), "Дс"));
  g_assert_true (trk_test_widget_shows (GTK_WIDGET (calendar), "Жс"));
  g_assert_false (trk_test_widget_shows (GTK_WIDGET (calendar), "Mon"));
  /* 1 November 2026 is a Sunday: the last column of the first week. */
  assert_day_at (calendar, 1, 6, 1);
  assert_day_at (calendar, 2, 0, 2);
  assert_day_at (calendar, 30, 0, 6);
  g_assert_null (trk_month_calendar_get_day_button (calendar, 31));
  g_assert_true (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (trk_month_calendar_get_day_button (calendar, 28))));

  /* A click picks the day; the selection goes into the answers. */
  popover = GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER));
  gtk_popover_popup (popover);
  trk_test_wait_mapped (trk_month_calendar_get_day_button (calendar, 5));
  trk_test_click (trk_month_calendar_get_day_button (calendar, 5));
  trk_test_iterate ();
  gtk_popover_popdown (popover);
  trk_test_iterate ();
  g_assert_true (trk_answers_get_date (answers, &stored));
  g_assert_cmpint (g_date_get_day (&stored), ==, 5);
  g_assert_cmpint (g_date_get_month (&stored), ==, G_DATE_NOVEMBER);
  g_assert_false (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (trk_month_calendar_get_day_button (calendar, 28))));

  /* Another month; 1 December 2026 is a Tuesday. */
  trk_month_calendar_move_month (calendar, 1);
  g_assert_cmpstr (trk_month_calendar_get_heading (calendar), ==, "Желтоқсан 2026");
  assert_day_at (calendar, 1, 1, 1);
  trk_month_calendar_move_month (calendar, 14);
  g_assert_cmpstr (trk_month_calendar_get_heading (calendar), ==, "Ақпан 2028");
  g_assert_nonnull (trk_month_calendar_get_day_button (calendar, 29));
  g_assert_null (trk_month_calendar_get_day_button (calendar, 30));

  /* The page is rebuilt in Russian: the nominative month. */
  trk_test_switch_language ("ru");
  calendar = welcome_calendar (window);
  g_assert_cmpstr (trk_month_calendar_get_heading (calendar), ==, "Ноябрь 2026");
  g_assert_true (trk_test_widget_shows (GTK_WIDGET (calendar), "Пн"));
  g_assert_true (trk_test_widget_shows (GTK_WIDGET (calendar), "Вс"));

  trk_test_switch_language ("en");
  calendar = welcome_calendar (window);
  g_assert_cmpstr (trk_month_calendar_get_heading (calendar), ==, "November 2026");
  g_assert_true (trk_test_widget_shows (GTK_WIDGET (calendar), "Mon"));
  assert_day_at (calendar, 1, 6, 1);

  trk_test_close_window (window);
}

/* Software GL only where there is no GPU, and never against a person's
 * own choice of renderer. */
static void
test_renderer_choice (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tirkeu-dri-XXXXXX", &error);
  g_autofree char *missing = NULL;

  g_assert_no_error (error);
  missing = g_build_filename (dir, "dri", NULL);

  g_assert_true (trk_gsk_backend_prefer_cairo (missing, NULL, NULL));
  g_assert_false (trk_gsk_backend_prefer_cairo (dir, NULL, NULL));
  g_assert_false (trk_gsk_backend_prefer_cairo (missing, "gl", NULL));
  g_assert_false (trk_gsk_backend_prefer_cairo (missing, "cairo", NULL));
  g_assert_false (trk_gsk_backend_prefer_cairo (missing, NULL, "interactive"));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!trk_test_init_or_skip (&argc, &argv, "/gui/window/skipped"))
    return g_test_run ();

  g_test_add_func ("/gui/window/maps-with-title", test_maps_with_title);
  g_test_add_func ("/gui/window/size-remembered", test_size_remembered);
  g_test_add_func ("/gui/window/date-in-past", test_date_in_past);
  g_test_add_func ("/gui/window/calendar-in-each-language", test_calendar_in_each_language);
  g_test_add_func ("/gui/window/renderer-choice", test_renderer_choice);

  return g_test_run ();
}
