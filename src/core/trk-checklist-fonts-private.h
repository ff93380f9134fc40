/* trk-checklist-fonts-private.h - the checklist's own fonts, not the user's font configuration
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* A font map over a private fontconfig configuration holding only the
 * font files found at build time (TRK_CHECKLIST_FONT_DIR; the environment
 * variable TIRKEU_FONT_DIR replaces the folder, for tests and relocated
 * installs). No system or user configuration file is read, so no rule
 * there can swap a font, and nothing else is scanned. Created once per
 * process. (transfer none) */
PangoFontMap *_trk_checklist_font_map   (void);

/* The folder the fonts are read from. */
const char   *_trk_checklist_font_dir   (void);

G_END_DECLS
