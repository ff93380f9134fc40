/* trk-resources.c - registers the GUI's GResource once
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-gui-resources.h"
#include "trk-resources.h"

void
trk_resources_ensure (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      trk_gui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
