/* bench-gtk-hello.c - the baseline for GUI start-up: the smallest GTK 4 app (not a test)
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkApplication with one window (header bar, a label, a button), no
 * resources, no rules, no settings: what any GTK 4 program pays before it
 * draws. It has the same hook as the tirkeu binary (src/gui/main.c): with
 * TIRKEU_BENCH_FIRST_FRAME=1 it prints the wall-clock time of its first
 * frame and quits. tests/bench/bench-gui-startup.sh times both.
 */
#include "config.h"

#include <stdio.h>

#include <gtk/gtk.h>

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
realized_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_cb), window);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_window_set_title (GTK_WINDOW (window), "Hello");
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 720);  /* as tirkeu */
  gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Hello, world"));
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Start"));
  gtk_window_set_child (GTK_WINDOW (window), box);
  if (g_strcmp0 (g_getenv ("TIRKEU_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "realize", G_CALLBACK (realized_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.tirkeu.BenchHello",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
