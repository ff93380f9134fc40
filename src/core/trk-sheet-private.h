/* trk-sheet-private.h - blocks of paragraphs in aligned columns, split into pages
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
  TRK_MARK_STEP_ARROW,  /* a ring, then an arrow down along the paragraph */
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
/* The same for plain text (escaped here; NULL is an empty paragraph). */
void      trk_block_add_text     (TrkBlock    *block,
                                  guint        column,
                                  TrkStyle     style,
                                  TrkMark      mark,
                                  guint        indent,
                                  gboolean     row,
                                  const char  *text);

/* Consecutive list items make one list in the PDF's structure (L, LI,
 * LBody); the items of a checklist, the reasons, the sources. */
void      trk_block_set_list_item (TrkBlock   *block,
                                   gboolean    list_item);
/* The structure tag of the last paragraph added to @column ("H1", "H2",
 * "H3", "P"; static strings). By default a title is H1, a heading and a
 * box's title H2, anything else P. */
void      trk_block_set_tag      (TrkBlock    *block,
                                  guint        column,
                                  const char  *tag);
/* Makes the last paragraph added to @column a link to @uri (an
 * annotation in a PDF). */
void      trk_block_set_link     (TrkBlock    *block,
                                  guint        column,
                                  const char  *uri);

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

/* Draws every page on @cr, a PDF surface, each followed by
 * cairo_show_page, with structure tags in reading order: per block, the
 * first column's paragraphs, then the second's (a bilingual block reads
 * in the lead language, then in the other); a heading is H1/H2/H3, a
 * paragraph P, list items LI in an L, addresses Link. No tag is open
 * across a page break, so the running header and footer stay outside
 * the structure (a screen reader does not read them on every page); a
 * list or a paragraph broken over pages is two in the structure. */
void      trk_sheet_draw_document (TrkSheet   *sheet,
                                   cairo_t    *cr);

/* Where the lines were placed, for tests of the pagination. */
typedef struct
{
  guint    page;
  guint    block;
  guint    column;
  guint    para;
  TrkStyle style;
  gboolean para_first;      /* first line of its paragraph */
  gboolean para_last;       /* last line of its paragraph */
  guint    block_line;      /* index among the lines of the block's column */
  guint    block_n_lines;   /* lines of the block's column */
  gboolean keep_with_next;  /* the block's */
  gboolean heading;         /* a heading line: never the last on a page */
  double   top;             /* page coordinates, points */
  double   bottom;
} TrkPlacedLine;

typedef void (*TrkSheetLineFunc) (const TrkPlacedLine *line,
                                  gpointer             user_data);
/* Calls @func for every line of every page, page by page, in drawing order. */
void      trk_sheet_foreach_placed_line (TrkSheet        *sheet,
                                         TrkSheetLineFunc func,
                                         gpointer         user_data);
/* The body's top and bottom on @page (between the running texts). */
void      trk_sheet_get_body_area (TrkSheet   *sheet,
                                   guint       page,
                                   double     *top,
                                   double     *bottom);

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
