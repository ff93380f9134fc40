/* trk-gui-test-utils.c - driving the real Tirkeu widgets in tests
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-flow.h"
#include "trk-gui-test-utils.h"
#include "trk-question-page.h"

static TrkApplication *test_app;

static gboolean
have_display (void)
{
  return g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
}

/* Each test program gets its own state, config and cache folders (not
 * G_TEST_OPTION_ISOLATE_DIRS: that also empties XDG_DATA_DIRS, and GTK then
 * finds no MIME database to load icons with). */
static void
isolate_state (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("tirkeu-gui-test-XXXXXX", &error);
  static const char *const vars[] = { "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (root, vars[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (vars[i], dir, TRUE);
    }
}

gboolean
trk_test_init (int    *argc,
               char ***argv)
{
  isolate_state ();
  g_test_init (argc, argv, NULL);

  if (!have_display () && g_getenv ("TIRKEU_REQUIRE_DISPLAY") == NULL)
    return FALSE;

  /* Nothing here reads the accessibility tree over D-Bus (the a11y test
   * does, in its own session): without a session bus GTK's bridge warns,
   * and on a session bus that the a11y test used, the accessibility bus it
   * started may be gone by now. */
  g_setenv ("GTK_A11Y", "none", TRUE);

  /* trk_application_new() sets up gettext before GTK, as main() does. */
  test_app = trk_application_new ();
  gtk_init ();
  return TRUE;
}

void
trk_test_skip_no_display (void)
{
  g_test_skip ("No display (set TIRKEU_REQUIRE_DISPLAY=1 to make this a failure)");
}

gboolean
trk_test_init_or_skip (int         *argc,
                       char      ***argv,
                       const char  *skip_path)
{
  if (trk_test_init (argc, argv))
    return TRUE;
  g_test_add_func (skip_path, trk_test_skip_no_display);
  return FALSE;
}

TrkApplication *
trk_test_get_app (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (test_app);
  if (!g_application_get_is_registered (G_APPLICATION (test_app)))
    {
      g_application_register (G_APPLICATION (test_app), NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (trk_application_get_rules (test_app));
    }

  return test_app;
}

void
trk_test_iterate (void)
{
  /* A few rounds: a page change queues layout, which queues more. */
  for (int round = 0; round < 3; round++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

void
trk_test_switch_language (const char *code)
{
  g_action_group_activate_action (G_ACTION_GROUP (trk_test_get_app ()), "language",
                                  g_variant_new_string (code));
  trk_test_iterate ();
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
trk_test_wait_mapped (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (source);
  trk_test_iterate ();
}

TrkWindow *
trk_test_new_window (void)
{
  TrkWindow *window = trk_window_new (trk_test_get_app ());

  gtk_window_present (GTK_WINDOW (window));
  trk_test_wait_mapped (GTK_WIDGET (window));
  return window;
}

void
trk_test_close_window (TrkWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  trk_test_iterate ();
}

static void
type_into_spin (GtkWidget  *spin,
                const char *value)
{
  /* As typed, then committed the way Enter or leaving the field does. */
  gtk_editable_set_text (GTK_EDITABLE (spin), value);
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
}

void
trk_test_answer_current (TrkWindow  *window,
                         const char *value)
{
  GtkWidget *page = trk_window_get_page (window);
  GtkWidget *widget;

  g_assert_true (TRK_IS_QUESTION_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));

  widget = trk_question_page_get_spin_button (TRK_QUESTION_PAGE (page));
  if (widget != NULL)
    type_into_spin (widget, value);
  else
    {
      widget = trk_question_page_get_choice (TRK_QUESTION_PAGE (page), value);
      g_assert_nonnull (widget);
      gtk_widget_activate (widget);
    }
  trk_test_iterate ();

  g_assert_cmpstr (trk_question_page_get_value (TRK_QUESTION_PAGE (page)), ==, value);
  g_assert_true (gtk_widget_activate_action (page, "win.next", NULL));
  trk_test_iterate ();
}

static const char *
lookup (const TrkTestAnswer *answers,
        guint                n_answers,
        const char          *id)
{
  for (guint i = 0; i < n_answers; i++)
    if (g_str_equal (answers[i].id, id))
      return answers[i].value;

  return NULL;
}

guint
trk_test_answer_all (TrkWindow           *window,
                     const TrkTestAnswer *answers,
                     guint                n_answers)
{
  TrkFlow *flow = trk_window_get_flow (window);
  guint asked = 0;

  while (trk_flow_get_step (flow) == TRK_FLOW_STEP_QUESTION)
    {
      const char *id = trk_question_get_id (trk_flow_get_question (flow));
      const char *value = lookup (answers, n_answers, id);

      if (value == NULL)
        g_error ("The wizard asked “%s”, which this test has no answer for", id);

      trk_test_answer_current (window, value);
      g_assert_cmpuint (++asked, <=, 64);
    }

  return asked;
}

void
trk_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));

  g_signal_emit_by_name (button, "clicked");
  trk_test_iterate ();
}

static const char *
text_of (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  return NULL;
}

gboolean
trk_test_widget_shows (GtkWidget  *widget,
                       const char *text)
{
  if (g_strcmp0 (text_of (widget), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (trk_test_widget_shows (child, text))
      return TRUE;

  return FALSE;
}
