/* main.c - the entry point of the Tirkeu wizard
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "trk-application.h"
#include "trk-gsk-backend.h"

/* Benchmark hook (tests/bench/bench-gui-startup.sh): with
 * TIRKEU_BENCH_FIRST_FRAME=1, once the first window has painted its first
 * frame, print the wall-clock time (µs since the epoch) and quit. */
static void
first_frame_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, window);
  printf ("tirkeu-first-frame-us=%" G_GINT64_FORMAT "\n", g_get_real_time ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
first_window_realized_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_cb), window);
}

static void
first_window_added_cb (GtkApplication *app,
                       GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (app, first_window_added_cb, NULL);
  g_signal_connect (window, "realize", G_CALLBACK (first_window_realized_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TrkApplication) app = NULL;

  trk_gsk_backend_init ();
  app = trk_application_new ();
  if (g_strcmp0 (g_getenv ("TIRKEU_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (app, "window-added", G_CALLBACK (first_window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
