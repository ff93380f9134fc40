/* trk-glyph-check-private.h - a sheet's text against its font's glyphs
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-lang.h"
#include "trk-sheet-private.h"

G_BEGIN_DECLS

/* FALSE with a TRK_CHECKLIST_ERROR (GLYPH or FONT) naming the character,
 * the column's language (@langs) and the text, when a character has no
 * glyph in the font used or was set in another font. */
gboolean _trk_sheet_check_glyphs (TrkSheet       *sheet,
                                  const TrkLang  *langs,
                                  GError        **error);

G_END_DECLS
