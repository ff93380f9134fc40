/* main.c - the entry point of the Tirkeu wizard
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TrkApplication) app = trk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
