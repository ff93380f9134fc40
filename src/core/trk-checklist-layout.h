/* trk-checklist-layout.h - blocks of paragraphs in aligned columns, split into pages
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the checklist renderer. A sheet is a list of blocks; a block
 * holds the same paragraphs once per column (one column per language).
 * Blocks start at the same height in every column, and so do the
 * paragraphs added as rows (the steps of the loop, the statuses): a
 * bilingual page stays in step. Other paragraphs follow the one above
 * them in their own column, so a text keeps its citation close. A block
 * taller than the space left is split between lines, each column at its
 * own last line that fits.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

#define TRK_SHEET_MAX_COLUMNS 2

typedef enum
{
  TRK_STYLE_TITLE,
  TRK_STYLE_LANG_TAG,   /* the language's name over a column */
  TRK_STYLE_META,       /* date, rules version */
  TRK_STYLE_HEADING,    /* a section heading, ruled below */
  TRK_STYLE_BOX_TITLE,  /* the first line of a framed box, in the frame's colour */
  TRK_STYLE_STATUS,     /* the outcome in large words */
  TRK_STYLE_BODY,
  TRK_STYLE_STRONG,
  TRK_STYLE_SMALL,      /* legal citations */
  TRK_STYLE_RUNNING,    /* header and footer */
  TRK_N_STYLES
} TrkStyle;

typedef enum
{
  TRK_MARK_NONE,
  TRK_MARK_BULLET,
  TRK_MARK_TICKBOX,     /* an empty box to tick by hand */
  TRK_MARK_ARROW,       /* a downward arrow along the paragraph (a loop's link) */
  TRK_MARK_STEP,        /* a ring: a step of the loop */
} TrkMark;

typedef enum
{
  TRK_FRAME_NONE,
  TRK_FRAME_OUTCOME,    /* accent colour, light tint */
  TRK_FRAME_CAUTION,    /* amber: the circular dependency */
  TRK_FRAME_DANGER,     /* red: deportation */
} TrkFrame;

typedef struct _TrkBlock TrkBlock;
typedef struct _TrkSheet TrkSheet;

/* @gap_before: space above the block (dropped at the top of a page);
 * @keep_with_next: never the last block on a page (headings). */
TrkBlock *trk_block_new          (TrkFrame     frame,
                                  double       gap_before,
                                  gboolean     keep_with_next);
/* @markup: Pango markup (escape texts with g_markup_escape_text); an empty
 * string takes no space. @indent: 0 or 1 steps of the gutter where marks
 * are drawn. @row: the paragraph starts level in every column (below the
 * longest column so far); the first paragraph of a block always does. Add
 * the same paragraphs, with the same @row, to every column. */
void      trk_block_add          (TrkBlock    *block,
                                  guint        column,
                                  TrkStyle     style,
                                  TrkMark      mark,
                                  guint        indent,
                                  gboolean     row,
                                  const char  *markup);

/* @languages: a Pango language code per column ("kk", "ru", "en"). */
TrkSheet *trk_sheet_new          (double             width,
                                  double             height,
                                  double             margin,
                                  guint              n_columns,
                                  const char *const *languages);
void      trk_sheet_free         (TrkSheet    *sheet);
/* Takes ownership of @block. */
void      trk_sheet_add_block    (TrkSheet    *sheet,
                                  TrkBlock    *block);
/* Running texts per column: the header on pages after the first, the
 * footer statement, and the page number template ("Page %1$s of %2$s"). */
void      trk_sheet_set_running  (TrkSheet    *sheet,
                                  guint        column,
                                  const char  *header,
                                  const char  *footer,
                                  const char  *page_template);

guint     trk_sheet_paginate     (TrkSheet     *sheet,
                                  PangoContext *context,
                                  const char   *family);
guint     trk_sheet_get_n_pages  (TrkSheet    *sheet);
void      trk_sheet_draw_page    (TrkSheet    *sheet,
                                  cairo_t     *cr,
                                  guint        page);

typedef gboolean (*TrkSheetLayoutFunc) (PangoLayout *layout,
                                        guint        column,
                                        gpointer     user_data);
/* Calls @func for every laid-out text until it returns FALSE. */
gboolean  trk_sheet_foreach_layout (TrkSheet          *sheet,
                                    TrkSheetLayoutFunc func,
                                    gpointer           user_data);

/* The page (0-based) where @block starts, -1 before pagination or when
 * the block is not on the sheet. */
gint      trk_sheet_get_block_page (TrkSheet          *sheet,
                                    TrkBlock          *block);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrkSheet, trk_sheet_free)

G_END_DECLS
