/* trk-checklist-doc.h - the printable checklist: pages on any cairo_t, and a PDF
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "trk-lang.h"
#include "trk-result.h"

G_BEGIN_DECLS

/* The one font of the checklist (Debian: fonts-noto-core). It covers the
 * whole Kazakh, Russian and English alphabets; it has no arrow glyphs, so
 * arrows are drawn as paths. A missing font is an error, never a silent
 * substitution. */
#define TRK_CHECKLIST_FONT_FAMILY "Noto Sans"

#define TRK_CHECKLIST_ERROR (trk_checklist_error_quark ())

typedef enum
{
  TRK_CHECKLIST_ERROR_FONT,   /* the font is not installed, or Pango substituted another */
  TRK_CHECKLIST_ERROR_GLYPH,  /* a character of a text has no glyph in the font */
  TRK_CHECKLIST_ERROR_WRITE,  /* the PDF could not be written (CLI exit code 4) */
} TrkChecklistError;

GQuark trk_checklist_error_quark (void);

typedef enum
{
  TRK_PAPER_A4,      /* 595.276 x 841.89 pt */
  TRK_PAPER_LETTER,  /* 612 x 792 pt */
} TrkPaper;

#define TRK_TYPE_CHECKLIST_DOC (trk_checklist_doc_get_type ())
G_DECLARE_FINAL_TYPE (TrkChecklistDoc, trk_checklist_doc, TRK, CHECKLIST_DOC, GObject)

/* @langs: one language, or two for a bilingual checklist (the first one
 * leads, in the left column; both columns stay in step block by block). */
TrkChecklistDoc *trk_checklist_doc_new           (TrkResult        *result,
                                                  const TrkLang    *langs,
                                                  guint             n_langs,
                                                  TrkPaper          paper);

/* Page size in points. */
void             trk_checklist_doc_get_page_size (TrkChecklistDoc  *self,
                                                  double           *width,
                                                  double           *height);

/* Lays out every block with Pango (72 dpi, unhinted metrics, so the same
 * pages come out on a PDF and on a printer) and splits them into pages.
 * Checks the font: the family used must be TRK_CHECKLIST_FONT_FAMILY and
 * every character must have a glyph. Returns the number of pages, 0 on
 * error. Call again is cheap (it returns the cached count). */
guint            trk_checklist_doc_paginate      (TrkChecklistDoc  *self,
                                                  GError          **error);
guint            trk_checklist_doc_get_n_pages   (TrkChecklistDoc  *self);

/* Draws page @page (0-based) of a paginated document on @cr, in points,
 * with the page's top left corner at the user-space origin. Serves the PDF
 * surface and GtkPrintOperation alike (use GTK_UNIT_POINTS and
 * use-full-page there, or scale @cr). Leaves @cr's state unchanged. */
void             trk_checklist_doc_draw_page     (TrkChecklistDoc  *self,
                                                  cairo_t          *cr,
                                                  guint             page);

/* HarfBuzz check of the font really used: every character of every text
 * laid out must be in the face's character map (hb_face_collect_unicodes),
 * the family must be the one requested, and no glyph may be unknown. The
 * error names the character, its language and the text. Paginates first
 * if needed. */
gboolean         trk_checklist_doc_check_glyphs  (TrkChecklistDoc  *self,
                                                  GError          **error);

/* Writes the PDF atomically: a temporary file in the same folder, fsync,
 * rename; on any failure the temporary file is removed, an existing file
 * at @path is left as it was, and TRK_CHECKLIST_ERROR_WRITE is set (or
 * _FONT / _GLYPH). Byte-identical output for the same input: the creation
 * and modification dates are the rules' check date. cairo 1.16 cannot
 * write the document's /Lang entry; the languages are in the keywords
 * ("lang:kk", "lang:ru,en"). Fonts are embedded as subsets. */
gboolean         trk_checklist_doc_write_pdf     (TrkChecklistDoc  *self,
                                                  const char       *path,
                                                  GError          **error);

G_END_DECLS
