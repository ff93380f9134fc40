/* test-files.c - answers files and rules files opened from the window
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "trk-autosave.h"
#include "trk-gui-test-utils.h"
#include "trk-question-page.h"
#include "trk-review-page.h"

static char *
temp_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static TrkWindow *
window_at_second_question (void)
{
  TrkWindow *window;

  g_assert_true (trk_autosave_forget (NULL));
  window = trk_test_new_window ();
  gtk_widget_activate_action (trk_window_get_page (window), "win.start", NULL);
  trk_test_iterate ();
  trk_test_answer_current (window, "foreigner");
  return window;
}

/* Save, forget, open: the wizard goes on where the file leaves off. */
static void
test_answers_round_trip (void)
{
  TrkWindow *window = window_at_second_question ();
  TrkFlow *flow = trk_window_get_flow (window);
  g_autofree char *path = temp_path ("prepared.xml");
  g_autoptr(GError) error = NULL;

  trk_test_answer_current (window, "34");
  g_assert_true (trk_answers_save_file (trk_flow_get_answers (flow), path, &error));
  g_assert_no_error (error);

  trk_window_forget_answers (window);
  trk_test_iterate ();
  g_assert_null (trk_answers_get (trk_flow_get_answers (flow), "status"));

  g_assert_true (trk_window_open_answers_file (window, path, &error));
  g_assert_no_error (error);
  trk_test_iterate ();
  g_assert_cmpstr (trk_answers_get (trk_flow_get_answers (flow), "status"), ==, "foreigner");
  g_assert_cmpstr (trk_answers_get (trk_flow_get_answers (flow), "age"), ==, "34");
  g_assert_true (TRK_IS_QUESTION_PAGE (trk_window_get_page (window)));
  g_assert_cmpuint (trk_flow_get_position (flow), ==, 3);

  trk_test_close_window (window);
}

static void
test_bad_answers_file (void)
{
  TrkWindow *window = window_at_second_question ();
  g_autofree char *path = temp_path ("bad.xml");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "<answers><answer id=", -1, NULL));
  g_assert_false (trk_window_open_answers_file (window, path, &error));
  g_assert_nonnull (error);
  /* Nothing changed. */
  g_assert_cmpstr (trk_answers_get (trk_flow_get_answers (trk_window_get_flow (window)),
                                    "status"), ==, "foreigner");

  trk_test_close_window (window);
}

/* A saved answers file (.tirkeu) from the test fixtures: the loop case. */
static GFile *
loop_answers_file (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                    "answers-loop.xml", NULL);
  g_autofree char *path = temp_path ("loop" TRK_ANSWERS_EXTENSION);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static void
assert_loop_answers_on_review (TrkWindow *window)
{
  TrkAnswers *answers = trk_flow_get_answers (trk_window_get_flow (window));
  g_autofree char *date = NULL;
  GDate d;

  g_assert_true (TRK_IS_REVIEW_PAGE (trk_window_get_page (window)));
  g_assert_true (gtk_widget_get_mapped (trk_window_get_page (window)));
  g_assert_cmpstr (trk_answers_get (answers, "status"), ==, "foreigner");
  g_assert_cmpstr (trk_answers_get (answers, "age"), ==, "34");
  g_assert_cmpstr (trk_answers_get (answers, "purpose"), ==, "temporary_residence");
  g_assert_cmpstr (trk_answers_get (answers, "location"), ==, "abroad");
  g_assert_true (trk_answers_get_date (answers, &d));
  date = trk_date_format (&d);
  g_assert_cmpstr (date, ==, "2025-03-01");
}

static guint
count_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (trk_test_get_app ())));
}

/* The application's open path (what `tirkeu FILE` and a double-click
 * reach): the window already open shows the file's answers at the review
 * page; no second window. */
static void
test_open_through_application (void)
{
  TrkWindow *window = window_at_second_question ();
  g_autoptr(GFile) file = loop_answers_file ();
  guint before = count_windows ();

  g_assert_true (g_application_get_flags (G_APPLICATION (trk_test_get_app ())) &
                 G_APPLICATION_HANDLES_OPEN);
  g_application_open (G_APPLICATION (trk_test_get_app ()), &file, 1, "");
  trk_test_iterate ();

  g_assert_cmpuint (count_windows (), ==, before);
  assert_loop_answers_on_review (window);
  trk_test_close_window (window);
}

/* The error dialog transient for @window, or NULL. */
static GtkMessageDialog *
find_error_dialog (TrkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (item) &&
          gtk_window_get_transient_for (GTK_WINDOW (item)) == GTK_WINDOW (window))
        return GTK_MESSAGE_DIALOG (item);
    }

  return NULL;
}

/* A malformed and a hostile file (an entity: no DTD is ever read) through
 * the open path: the error dialog names the file and the line, and the
 * answers on screen stay. */
static void
test_open_bad_through_application (void)
{
  static const struct {
    const char *name;
    const char *contents;
    const char *where;
  } bad[] = {
    { "broken" TRK_ANSWERS_EXTENSION,
      "<?xml version=\"1.0\"?>\n<answers>\n  <answer id=\"status\">foreigner\n</answers>\n",
      "broken" TRK_ANSWERS_EXTENSION ":4" },
    { "entity" TRK_ANSWERS_EXTENSION,
      "<?xml version=\"1.0\"?>\n<!DOCTYPE answers [\n<!ENTITY e SYSTEM \"file:///etc/passwd\">\n]>\n"
      "<answers><answer id=\"status\">&e;</answer></answers>\n",
      "entity" TRK_ANSWERS_EXTENSION ":" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      TrkWindow *window = window_at_second_question ();
      TrkFlow *flow = trk_window_get_flow (window);
      g_autofree char *path = temp_path (bad[i].name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *secondary = NULL;
      GtkMessageDialog *dialog;

      g_test_message ("%s", bad[i].name);
      g_assert_true (g_file_set_contents (path, bad[i].contents, -1, NULL));
      g_application_open (G_APPLICATION (trk_test_get_app ()), &file, 1, "");
      trk_test_iterate ();

      dialog = find_error_dialog (window);
      g_assert_nonnull (dialog);
      g_object_get (dialog, "secondary-text", &secondary, NULL);
      g_test_message ("%s", secondary);
      g_assert_nonnull (strstr (secondary, bad[i].where));
      g_assert_cmpstr (trk_answers_get (trk_flow_get_answers (flow), "status"), ==, "foreigner");
      g_assert_null (trk_answers_get (trk_flow_get_answers (flow), "age"));
      g_assert_true (TRK_IS_QUESTION_PAGE (trk_window_get_page (window)));
      gtk_window_destroy (GTK_WINDOW (dialog));
      trk_test_close_window (window);
    }
}

static void
spawn_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* `tirkeu FILE` while Tirkeu runs: the second start hands the file to this
 * process (the running instance, over D-Bus) and exits. */
static void
test_open_from_second_start (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TrkWindow *window;
  gboolean done = FALSE;
  guint before;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No D-Bus session: no running instance to hand the file to");
      return;
    }

  window = window_at_second_question ();
  file = loop_answers_file ();
  path = g_file_get_path (file);
  before = count_windows ();
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  second = g_subprocess_launcher_spawn (launcher, &error, TIRKEU_BINARY, path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (second, NULL, spawn_done_cb, &done);
  while (!done || !TRK_IS_REVIEW_PAGE (trk_window_get_page (window)))
    g_main_context_iteration (NULL, TRUE);
  trk_test_iterate ();

  g_assert_cmpuint (count_windows (), ==, before);
  assert_loop_answers_on_review (window);
  trk_test_close_window (window);
}

/* An invalid rules file is refused with its line; a valid one replaces the
 * rules in every window, and the answers stay. */
static void
test_load_rules (void)
{
  TrkApplication *app = trk_test_get_app ();
  TrkRuleSet *builtin = g_object_ref (trk_application_get_rules (app));
  TrkWindow *window = window_at_second_question ();
  TrkFlow *flow = trk_window_get_flow (window);
  g_autofree char *bad = temp_path ("bad.rules.xml");
  g_autofree char *good = g_build_filename (g_test_get_dir (G_TEST_BUILT), "..", "resources",
                                            "kz-dactyloscopy.rules.xml", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (bad, "<?xml version=\"1.0\"?>\n<tirkeu-rules format=\"1\">\n"
                                      "<oops>\n</tirkeu-rules>\n", -1, NULL));
  g_assert_false (trk_application_load_rules_file (app, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "bad.rules.xml:"));
  g_assert_true (trk_application_get_rules (app) == builtin);

  g_assert_true (trk_application_load_rules_file (app, good, NULL));
  trk_test_iterate ();
  g_assert_true (trk_application_get_rules (app) != builtin);
  g_assert_true (trk_flow_get_rules (flow) == trk_application_get_rules (app));
  g_assert_cmpstr (trk_answers_get (trk_flow_get_answers (flow), "status"), ==, "foreigner");
  g_assert_true (TRK_IS_QUESTION_PAGE (trk_window_get_page (window)));
  g_assert_cmpstr (trk_question_get_id (trk_question_page_get_question (
    TRK_QUESTION_PAGE (trk_window_get_page (window)))), ==, "age");

  trk_application_set_rules (app, builtin);
  g_object_unref (builtin);
  trk_test_close_window (window);
}

/* The state folder cannot be made (a file is in the way): the answers
 * stay in memory and the window says why they are not kept. */
static void
test_autosave_failure_notice (void)
{
  g_autofree char *path = trk_autosave_get_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *saved_folder = g_strconcat (folder, ".moved", NULL);
  TrkWindow *window;

  g_assert_true (trk_autosave_forget (NULL));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (g_rename (folder, saved_folder), ==, 0);
  g_assert_true (g_file_set_contents (folder, "in the way", -1, NULL));

  window = trk_test_new_window ();
  g_assert_null (trk_window_get_notice (window));
  gtk_widget_activate_action (trk_window_get_page (window), "win.start", NULL);
  trk_test_iterate ();
  trk_test_answer_current (window, "foreigner");

  g_assert_nonnull (trk_window_get_notice (window));
  g_assert_nonnull (strstr (trk_window_get_notice (window), folder));
  g_assert_cmpstr (trk_answers_get (trk_flow_get_answers (trk_window_get_flow (window)),
                                    "status"), ==, "foreigner");
  trk_test_close_window (window);

  g_assert_cmpint (g_unlink (folder), ==, 0);
  g_assert_cmpint (g_rename (saved_folder, folder), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!trk_test_init_or_skip (&argc, &argv, "/gui/files/skipped"))
    return g_test_run ();

  g_test_add_func ("/gui/files/answers-round-trip", test_answers_round_trip);
  g_test_add_func ("/gui/files/bad-answers-file", test_bad_answers_file);
  g_test_add_func ("/gui/files/open-through-application", test_open_through_application);
  g_test_add_func ("/gui/files/open-bad-through-application",
                   test_open_bad_through_application);
  g_test_add_func ("/gui/files/open-from-second-start", test_open_from_second_start);
  g_test_add_func ("/gui/files/load-rules", test_load_rules);
  g_test_add_func ("/gui/files/autosave-failure-notice", test_autosave_failure_notice);

  return g_test_run ();
}
