/* trk-wrapped-label.h - the wrapping, start-aligned label every page uses
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @css_class: (nullable): a style class such as "heading" or "caption". */
GtkWidget *trk_wrapped_label_new (const char *text,
                                  const char *css_class);

G_END_DECLS
