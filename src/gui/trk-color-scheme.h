/* trk-color-scheme.h - follow the desktop's light or dark preference
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* GTK 4.8 does not read the freedesktop "color-scheme" setting itself:
 * ask the settings portal (asynchronously; silently nothing without one)
 * and keep gtk-application-prefer-dark-theme in step with it. */
void trk_color_scheme_follow_system (void);

G_END_DECLS
