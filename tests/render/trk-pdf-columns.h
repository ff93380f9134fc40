/* trk-pdf-columns.h - the text of a column of a PDF page, line by line
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* The characters of @page whose glyph's centre lies between @x1 and @x2,
 * line by line from the top: poppler's order within a line, its lines
 * sorted by height (poppler may read the first line of a paragraph after
 * the next ones when the other column has a line level with it). With
 * @keep_spaces the spaces stay and each line ends in '\n'; without, the
 * text is one string with no white space at all. (transfer full) */
char *trk_pdf_column_text (PopplerPage *page,
                           double       x1,
                           double       x2,
                           gboolean     keep_spaces);

G_END_DECLS
