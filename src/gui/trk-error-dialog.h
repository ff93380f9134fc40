/* trk-error-dialog.h - tell the user what went wrong, and let them go on
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A modal GtkMessageDialog that destroys itself when closed.
 * @secondary is usually a GError's message (it names the file and line). */
GtkWidget *trk_error_dialog_show (GtkWindow  *parent,
                                  const char *primary,
                                  const char *secondary);

G_END_DECLS
