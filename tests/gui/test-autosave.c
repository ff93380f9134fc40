/* test-autosave.c - answers survive kill -9 and are offered on the next start
 *
 * The real tirkeu binary runs under the same display with its own
 * XDG_STATE_HOME; xdotool answers by keyboard, as a person without a mouse
 * would; then SIGKILL, and a new window must offer to resume.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "trk-autosave.h"
#include "trk-gui-test-utils.h"
#include "trk-question-page.h"
#include "trk-welcome-page.h"

static char *
run_xdotool (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "timeout");
  g_ptr_array_add (argv, (gpointer) "20");
  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_strstrip (g_steal_pointer (&out));
}

/* Key presses that pick @value among the choices of question @id. */
static char *
keys_for_choice (const char *id,
                 const char *value)
{
  /* Not the test's application: registering it now would make the app
   * under test a second instance that hands over to this process. */
  g_autoptr(TrkRuleSet) rules = trk_rule_set_new_builtin (NULL);
  TrkQuestion *question = trk_rule_set_lookup_question (rules, id);
  GString *keys = g_string_new (NULL);

  g_assert_nonnull (question);
  for (guint i = 0; i < trk_question_get_n_choices (question); i++)
    {
      if (g_str_equal (trk_question_get_choice_value (question, i), value))
        {
          g_string_append (keys, "Return");
          return g_string_free (keys, FALSE);
        }
      g_string_append (keys, "Down ");
    }

  g_assert_not_reached ();
}

static void
press (const char *keys)
{
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;

  g_ptr_array_add (args, (gpointer) "key");
  g_ptr_array_add (args, (gpointer) "--delay");
  g_ptr_array_add (args, (gpointer) "80");
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (args, names[i]);
  g_ptr_array_add (args, NULL);

  out = run_xdotool ((const char *const *) args->pdata);
}

static TrkAnswers *
wait_for_saved (const char *id,
                const char *value)
{
  for (int tries = 0; tries < 200; tries++)
    {
      g_autoptr(TrkAnswers) saved = trk_autosave_load (NULL);

      if (saved != NULL && g_strcmp0 (trk_answers_get (saved, id), value) == 0)
        return g_steal_pointer (&saved);
      g_usleep (100 * 1000);
    }

  g_error ("The autosave never held %s=%s", id, value);
}

static GSubprocess *
launch_app (char **out_window_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pid = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  GSubprocess *app;

  /* The environment is ours (XDG_STATE_HOME is this test's own folder),
   * but the app runs as users run it, without fatal warnings. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  app = g_subprocess_launcher_spawn (launcher, &error, TIRKEU_BINARY, NULL);
  g_assert_no_error (error);
  pid = g_strdup (g_subprocess_get_identifier (app));

  *out_window_id = run_xdotool ((const char *const[]) {
    "search", "--sync", "--onlyvisible", "--pid", pid, "--name", "^Tirkeu$", NULL });
  g_assert_cmpstr (*out_window_id, !=, "");
  return app;
}

static void
answer_by_keyboard_then_kill (void)
{
  g_autoptr(GSubprocess) app = NULL;
  g_autofree char *window_id = NULL;
  g_autofree char *status_keys = keys_for_choice ("status", "foreigner");
  g_autofree char *purpose_keys = keys_for_choice ("purpose", "visa");
  g_autoptr(TrkAnswers) saved = NULL;
  g_autoptr(GError) error = NULL;

  app = launch_app (&window_id);
  g_free (run_xdotool ((const char *const[]) { "windowfocus", "--sync", window_id, NULL }));

  press ("Return");            /* Start (focused on the welcome page) */
  press (status_keys);
  wait_for_saved ("status", "foreigner");
  press ("3 4 Return");        /* age, typed into the spin button */
  wait_for_saved ("age", "34");
  press (purpose_keys);
  saved = wait_for_saved ("purpose", "visa");

  /* Mid-flow, without a chance to clean up. */
  g_subprocess_force_exit (app);
  g_subprocess_wait (app, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (app));
}

static void
assert_no_temporary_files (void)
{
  g_autofree char *path = trk_autosave_get_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, "answers.xml");
}

static void
test_killed_mid_flow_resumes (void)
{
  g_autoptr(TrkAnswers) saved = NULL;
  g_autoptr(GError) error = NULL;
  TrkWindow *window;
  GtkWidget *page;
  TrkAnswers *answers;

  answer_by_keyboard_then_kill ();

  saved = trk_autosave_load (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (trk_answers_get (saved, "status"), ==, "foreigner");
  g_assert_cmpstr (trk_answers_get (saved, "age"), ==, "34");
  g_assert_cmpstr (trk_answers_get (saved, "purpose"), ==, "visa");
  assert_no_temporary_files ();

  /* The next start offers to resume, and resuming goes on after "purpose". */
  window = trk_test_new_window ();
  page = trk_window_get_page (window);
  g_assert_true (TRK_IS_WELCOME_PAGE (page));
  g_assert_true (gtk_widget_get_visible (trk_welcome_page_get_resume_button (
    TRK_WELCOME_PAGE (page))));
  trk_test_click (trk_welcome_page_get_resume_button (TRK_WELCOME_PAGE (page)));

  answers = trk_flow_get_answers (trk_window_get_flow (window));
  g_assert_cmpstr (trk_answers_get (answers, "status"), ==, "foreigner");
  g_assert_cmpstr (trk_answers_get (answers, "age"), ==, "34");
  g_assert_cmpstr (trk_answers_get (answers, "purpose"), ==, "visa");
  page = trk_window_get_page (window);
  g_assert_true (TRK_IS_QUESTION_PAGE (page));
  g_assert_null (trk_answers_get (answers, trk_question_get_id (
    trk_question_page_get_question (TRK_QUESTION_PAGE (page)))));

  trk_test_close_window (window);
}

/* "Forget my answers", confirmed, deletes the autosave. */
static void
test_forget_answers (void)
{
  TrkWindow *window = trk_test_new_window ();
  g_autofree char *path = trk_autosave_get_path ();
  GtkWindow *dialog = NULL;
  GListModel *toplevels;

  gtk_widget_activate_action (trk_window_get_page (window), "win.start", NULL);
  trk_test_iterate ();
  trk_test_answer_current (window, "foreigner");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_action_group_activate_action (G_ACTION_GROUP (trk_test_get_app ()), "forget-answers", NULL);
  trk_test_iterate ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (toplevel))
        dialog = toplevel;
    }
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  trk_test_iterate ();

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (trk_answers_get (trk_flow_get_answers (trk_window_get_flow (window)), "status"));
  g_assert_true (TRK_IS_WELCOME_PAGE (trk_window_get_page (window)));
  g_assert_false (gtk_widget_get_visible (trk_welcome_page_get_resume_button (
    TRK_WELCOME_PAGE (trk_window_get_page (window)))));

  trk_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!trk_test_init_or_skip (&argc, &argv, "/gui/autosave/skipped"))
    return g_test_run ();

  g_test_add_func ("/gui/autosave/killed-mid-flow-resumes", test_killed_mid_flow_resumes);
  g_test_add_func ("/gui/autosave/forget-answers", test_forget_answers);

  return g_test_run ();
}
