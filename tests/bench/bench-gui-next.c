/* bench-gui-next.c - time from Next to the next page drawn, and peak memory (not a test)
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real window in-process, as the GUI tests do: Start, then the
 * applicant caught in the loop (every question answered by its widget),
 * the review page and the outcome page with the loop banner. For each
 * move it takes the time from activating the action (win.start or
 * win.next) to the end of the next frame the window paints (the frame
 * clock's "after-paint"): building the page, CSS, layout and rendering.
 * The baseline, measured on the same page right after: a plain redraw
 * (gtk_widget_queue_draw on the window, then the same wait), i.e. what a
 * frame costs when nothing changes (GSK compares the frame's render nodes
 * with the last ones and draws nothing: the snapshot and that comparison
 * are the whole cost). Each move starts with the window at rest (see
 * settle()). The walk is repeated --walks times;
 * each move's figure is its median over the walks. Peak RSS (VmHWM) is
 * read at the end, after every page has been shown. Each time is also
 * given as CPU time of the process (all its threads, llvmpipe's included):
 * on a machine shared with other work that is what the move costs.
 *
 *   bench-gui-next [--walks=N]     (needs a display: run.sh uses xvfb-run)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "trk-application.h"
#include "trk-question-page.h"
#include "trk-window.h"
#include "trk-bench.h"

#define MAX_MOVES 32

/* The loop case of tests/gui/test-flow.c. */
static const char *const answers[][2] = {
  { "status", "foreigner" }, { "age", "34" }, { "purpose", "visa" },
  { "visa_channel", "consulate" }, { "location", "abroad" }, { "visa_required", "yes" },
  { "has_iin", "no" }, { "fingerprinted", "no" }, { "holds_pre2024_document", "no" },
  { "passport_language", "other" },
};

typedef struct
{
  gboolean painted;
  gint64   paint_time;
  double   paint_cpu;
  double   start_cpu;
  double   last_cpu;   /* ms of CPU of the last timed move */
} Paint;

static gint64 last_paint_time;  /* of any frame, timed or not */

static void
after_paint_cb (GdkFrameClock *clock,
                Paint         *paint)
{
  paint->painted = TRUE;
  paint->paint_time = last_paint_time = g_get_monotonic_time ();
  paint->paint_cpu = trk_bench_process_cpu_ms ();
}

/* Waits until the window is at rest: no frame painted for 100 ms (at most
 * 3 s). A click starts the theme's CSS transitions (the check mark, the
 * button's hover and press, about 200-300 ms), and while they run the
 * frame clock ticks at the refresh rate: a move made then waits for the
 * next tick, up to a whole frame, before its work even starts. A person
 * reads the page before pressing Next; the figure is the move's own cost. */
static void
settle (void)
{
  gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  last_paint_time = g_get_monotonic_time ();
  for (;;)
    {
      gint64 now;

      while (g_main_context_iteration (NULL, FALSE))
        ;
      now = g_get_monotonic_time ();
      if (now - last_paint_time >= 100 * 1000 || now >= deadline)
        break;
      g_usleep (2000);
    }
}

static double
wait_paint_ms (Paint  *paint,
               gint64  start)
{
  while (!paint->painted)
    g_main_context_iteration (NULL, TRUE);
  paint->last_cpu = paint->paint_cpu - paint->start_cpu;
  return (paint->paint_time - start) / 1000.0;
}

/* Activates @action on the page shown and waits for the frame. */
static double
time_action (TrkWindow  *window,
             Paint      *paint,
             const char *action)
{
  gint64 start;

  settle ();
  paint->painted = FALSE;
  paint->start_cpu = trk_bench_process_cpu_ms ();
  start = g_get_monotonic_time ();
  if (!gtk_widget_activate_action (trk_window_get_page (window), action, NULL))
    g_error ("%s is not enabled", action);
  return wait_paint_ms (paint, start);
}

static double
time_redraw (TrkWindow *window,
             Paint     *paint)
{
  gint64 start;

  settle ();
  paint->painted = FALSE;
  paint->start_cpu = trk_bench_process_cpu_ms ();
  start = g_get_monotonic_time ();
  gtk_widget_queue_draw (GTK_WIDGET (window));
  return wait_paint_ms (paint, start);
}

static const char *
lookup_answer (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    if (g_str_equal (answers[i][0], id))
      return answers[i][1];
  g_error ("the wizard asked “%s”, which this benchmark has no answer for", id);
}

/* As a person would: clicks the choice or types the number. */
static void
answer_current (TrkWindow *window)
{
  TrkQuestionPage *page = TRK_QUESTION_PAGE (trk_window_get_page (window));
  const char *value = lookup_answer (trk_question_get_id (trk_question_page_get_question (page)));
  GtkWidget *spin = trk_question_page_get_spin_button (page);

  if (spin != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (spin), value);
      gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
    }
  else
    gtk_widget_activate (trk_question_page_get_choice (page, value));
  settle ();
  if (g_strcmp0 (trk_question_page_get_value (page), value) != 0)
    g_error ("the answer %s was not taken", value);
}

typedef struct
{
  guint   n_moves;
  char   *names[MAX_MOVES];
  GArray *next[MAX_MOVES];    /* ms per walk */
  GArray *next_cpu[MAX_MOVES];
  GArray *redraw[MAX_MOVES];
} Moves;

static void
record (Moves      *moves,
        guint       i,
        const char *name,
        double      next_ms,
        double      next_cpu_ms,
        double      redraw_ms)
{
  g_assert (i < MAX_MOVES);
  if (i == moves->n_moves)
    {
      moves->names[i] = g_strdup (name);
      moves->next[i] = g_array_new (FALSE, FALSE, sizeof (double));
      moves->next_cpu[i] = g_array_new (FALSE, FALSE, sizeof (double));
      moves->redraw[i] = g_array_new (FALSE, FALSE, sizeof (double));
      moves->n_moves++;
    }
  g_array_append_val (moves->next[i], next_ms);
  g_array_append_val (moves->next_cpu[i], next_cpu_ms);
  g_array_append_val (moves->redraw[i], redraw_ms);
}

static const char *
page_name (TrkWindow *window)
{
  TrkFlow *flow = trk_window_get_flow (window);

  switch (trk_flow_get_step (flow))
    {
    case TRK_FLOW_STEP_QUESTION:
      return trk_question_get_id (trk_flow_get_question (flow));
    case TRK_FLOW_STEP_REVIEW:
      return "review";
    case TRK_FLOW_STEP_OUTCOME:
      return "outcome";
    case TRK_FLOW_STEP_WELCOME:
    default:
      return "welcome";
    }
}

/* One walk from the welcome page to the outcome. */
static void
walk (TrkWindow *window,
      Paint     *paint,
      Moves     *moves)
{
  TrkFlow *flow = trk_window_get_flow (window);
  GDate date;
  guint i = 0;
  double ms, cpu;

  trk_window_forget_answers (window);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 28, G_DATE_NOVEMBER, 2026);
  trk_answers_set_date (trk_flow_get_answers (flow), &date);
  settle ();

  ms = time_action (window, paint, "win.start");
  cpu = paint->last_cpu;
  record (moves, i++, page_name (window), ms, cpu, time_redraw (window, paint));
  while (trk_flow_get_step (flow) != TRK_FLOW_STEP_OUTCOME)
    {
      if (trk_flow_get_step (flow) == TRK_FLOW_STEP_QUESTION)
        answer_current (window);
      ms = time_action (window, paint, "win.next");
      cpu = paint->last_cpu;
      record (moves, i++, page_name (window), ms, cpu, time_redraw (window, paint));
    }
}

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

static void
report (Moves *moves,
        guint  walks)
{
  g_autoptr(GArray) nexts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redraws = g_array_new (FALSE, FALSE, sizeof (double));
  double slowest = 0, slowest_cpu = 0, next_ms, cpu_ms, redraw_ms;
  const char *slowest_name = "";

  printf ("move to page: Next-to-drawn ms (CPU ms) / plain redraw ms, medians over %u walks\n",
          walks);
  for (guint i = 0; i < moves->n_moves; i++)
    {
      next_ms = trk_bench_median (moves->next[i]);
      cpu_ms = trk_bench_median (moves->next_cpu[i]);
      redraw_ms = trk_bench_median (moves->redraw[i]);
      printf ("  %-24s %7.2f (%6.2f) / %6.2f\n", moves->names[i], next_ms, cpu_ms, redraw_ms);
      g_array_append_val (nexts, next_ms);
      g_array_append_val (cpus, cpu_ms);
      g_array_append_val (redraws, redraw_ms);
      slowest_cpu = MAX (slowest_cpu, cpu_ms);
      if (next_ms > slowest)
        {
          slowest = next_ms;
          slowest_name = moves->names[i];
        }
    }
  next_ms = trk_bench_median (nexts);
  cpu_ms = trk_bench_median (cpus);
  redraw_ms = trk_bench_median (redraws);
  printf ("Next-to-drawn: median %.2f ms (CPU %.2f ms) over %u moves, slowest %.2f ms (%s, "
          "CPU %.2f ms at most); plain redraw median %.2f ms\n", next_ms, cpu_ms,
          moves->n_moves, slowest, slowest_name, slowest_cpu, redraw_ms);
  printf ("ratio: a move costs %.1fx a plain redraw (target < 16 ms)\n", next_ms / redraw_ms);
  printf ("peak RSS after the whole walk (VmHWM): %ld MB\n", peak_rss_kb () / 1024);
  printf ("next_median_ms=%.3f next_max_ms=%.3f next_cpu_median_ms=%.3f next_cpu_max_ms=%.3f "
          "redraw_ms=%.3f walk_rss_kb=%ld\n", next_ms, slowest, cpu_ms, slowest_cpu, redraw_ms,
          peak_rss_kb ());
}

int
main (int    argc,
      char **argv)
{
  int walks = 5;
  const GOptionEntry entries[] = {
    { "walks", 0, 0, G_OPTION_ARG_INT, &walks, "Walks through the wizard (median)", "N" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkApplication) app = NULL;
  TrkWindow *window;
  Paint paint = { FALSE, 0 };
  Moves moves = { 0, };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || walks < 1)
    {
      fprintf (stderr, "bench-gui-next: %s\n", error != NULL ? error->message : "--walks < 1");
      return 2;
    }

  /* As main() and the GUI tests: gettext first, then GTK. */
  app = trk_application_new ();
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-gui-next: no display\n");
      return 77;
    }
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  window = trk_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &paint);

  for (int w = 0; w < walks; w++)
    walk (window, &paint, &moves);
  report (&moves, (guint) walks);

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < moves.n_moves; i++)
    {
      g_free (moves.names[i]);
      g_array_unref (moves.next[i]);
      g_array_unref (moves.next_cpu[i]);
      g_array_unref (moves.redraw[i]);
    }
  return 0;
}
