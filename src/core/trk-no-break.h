/* trk-no-break.h - spans of text a line must not break
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* Adds allow-breaks=false to @attrs over every span of @text that names a
 * law or an article by its number: "№ 50-VIII", "No. 50-VIII", "443-1".
 * Pango breaks after a hyphen and at a space, and a reader should not
 * have to join "№ 50-" to "VIII" across lines. */
void trk_no_break_add_attrs (const char    *text,
                                  PangoAttrList *attrs);

G_END_DECLS
