/* trk-gsk-backend.h - cairo, not software GL, on a machine without a GPU
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when GTK should draw with cairo: no GPU device folder @dri_dir
 * ("/dev/dri"), so Mesa would draw GL in software, and the person chose
 * no renderer (@gsk_renderer, @gdk_debug: those variables, or NULL). */
gboolean trk_gsk_backend_prefer_cairo (const char *dri_dir,
                                    const char *gsk_renderer,
                                    const char *gdk_debug);

/* Before GTK starts (in main()): disables GL when
 * trk_gsk_backend_prefer_cairo() says so, through GDK_DEBUG=gl-disable and
 * GSK_RENDERER=cairo. */
void     trk_gsk_backend_init         (void);
/* Once GTK has started (GApplication::startup): takes GDK_DEBUG out of
 * the environment again, so the processes the app starts (a browser for
 * a link) do not inherit it. */
void     trk_gsk_backend_started      (void);

G_END_DECLS
