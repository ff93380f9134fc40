/* trk-loop-banner.h - the IIN/visa/fingerprint loop, drawn step by step
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trk-result.h"

G_BEGIN_DECLS

#define TRK_TYPE_LOOP_BANNER (trk_loop_banner_get_type ())
G_DECLARE_FINAL_TYPE (TrkLoopBanner, trk_loop_banner, TRK, LOOP_BANNER, GtkWidget)

/* @result must have a cycle; its steps and ways out are shown as found. */
GtkWidget *trk_loop_banner_new         (TrkResult     *result,
                                        TrkLang        lang);
guint      trk_loop_banner_get_n_steps (TrkLoopBanner *self);

G_END_DECLS
