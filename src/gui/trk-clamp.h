/* trk-clamp.h - keeps a page's column readable on wide windows
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRK_TYPE_CLAMP (trk_clamp_get_type ())
G_DECLARE_FINAL_TYPE (TrkClamp, trk_clamp, TRK, CLAMP, GtkWidget)

/* One child, given the full width up to maximum-size and centred beyond
 * it; narrower windows get the child's own minimum (no fixed width). */
GtkWidget *trk_clamp_new       (void);
void       trk_clamp_set_child (TrkClamp  *self,
                                GtkWidget *child);
/* @child (wrapping text) in a clamp as wide as its parent, for a horizontal
 * box or a check button: GTK 4.8 asks their children the width they need
 * at a given height, which makes every wrapping label binary-search it with
 * Pango layouts; the clamp answers with the plain width instead. */
GtkWidget *trk_clamp_wrap_text (GtkWidget *child);

G_END_DECLS
