/* trk-gsk-backend.c - cairo, not software GL, on a machine without a GPU
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without a GPU (a virtual machine, a remote desktop, an old laptop
 * without its driver) Mesa draws GTK's GL in software (llvmpipe): the
 * window then takes 2-3 times as long to appear and the process maps
 * 130 MB more than with GTK's cairo renderer, which draws these pages of
 * text just as well (tests/bench/RESULTS.md). With a GPU, GTK's default
 * stays. GSK_RENDERER=cairo alone is not enough: GDK still sets up GL for
 * the display (60 MB); GDK_DEBUG=gl-disable turns that off. Both are set:
 * without GSK_RENDERER, GSK would try GL first and print a message about
 * it on every start.
 */
#include "config.h"

#include "trk-gsk-backend.h"

static gboolean gl_disabled_here;

gboolean
trk_gsk_backend_prefer_cairo (const char *dri_dir,
                           const char *gsk_renderer,
                           const char *gdk_debug)
{
  g_return_val_if_fail (dri_dir != NULL, FALSE);

  if (gsk_renderer != NULL || gdk_debug != NULL)
    return FALSE;
  return !g_file_test (dri_dir, G_FILE_TEST_IS_DIR);
}

void
trk_gsk_backend_init (void)
{
  if (!trk_gsk_backend_prefer_cairo ("/dev/dri", g_getenv ("GSK_RENDERER"),
                                  g_getenv ("GDK_DEBUG")))
    return;

  /* GDK reads GDK_DEBUG once, when GTK starts; GSK reads GSK_RENDERER
   * when the first window is shown, so that one stays (a GTK program the
   * app starts on this machine is better off with cairo too). */
  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gl_disabled_here = TRUE;
}

void
trk_gsk_backend_started (void)
{
  if (gl_disabled_here)
    g_unsetenv ("GDK_DEBUG");
  gl_disabled_here = FALSE;
}
