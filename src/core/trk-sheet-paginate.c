/* trk-sheet-paginate.c - a measured sheet split into pages: blocks kept
 * whole when small, split between lines otherwise, no widows, headings
 * kept with what follows, a nearly empty last page pulled in
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-no-break.h"
#include "trk-sheet-parts-private.h"
#include "trk-template.h"

/* ---- pagination ---- */

typedef struct
{
  TrkSheet *sheet;
  GArray   *page;
  double    y;
  gboolean  at_top;
} Cursor;

static void
cursor_new_page (Cursor *cursor)
{
  cursor->page = g_array_new (FALSE, TRUE, sizeof (Slice));
  g_ptr_array_add (cursor->sheet->pages, cursor->page);
  cursor->y = page_top (cursor->sheet, cursor->sheet->pages->len - 1);
  cursor->at_top = TRUE;
}

static gboolean
block_done (TrkSheet *sheet,
            TrkBlock *block,
            guint    *cursors)
{
  for (guint c = 0; c < sheet->n_columns; c++)
    if (cursors[c] < block->columns[c].lines->len)
      return FALSE;

  return TRUE;
}

/* The block coordinate where what is left of the block starts. */
static double
block_origin (TrkSheet *sheet,
              TrkBlock *block,
              guint    *cursors)
{
  double origin = G_MAXDOUBLE;

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      GArray *lines = block->columns[c].lines;

      if (cursors[c] < lines->len)
        origin = MIN (origin, g_array_index (lines, Line, cursors[c]).top);
    }

  return origin;
}

/* The height of lines [cursors, end) from @origin. */
static double
slice_height (TrkSheet *sheet,
              TrkBlock *block,
              guint    *cursors,
              guint    *end,
              double    origin)
{
  double height = 0.0;

  for (guint c = 0; c < sheet->n_columns; c++)
    if (end[c] > cursors[c])
      height = MAX (height, g_array_index (block->columns[c].lines, Line, end[c] - 1).bottom
                            - origin);

  return height;
}

/* Takes, in each column, the lines that end within @avail of @origin.
 * Returns the height taken; @n_taken is the most lines of one column. */
static double
fit_lines (TrkSheet *sheet,
           TrkBlock *block,
           guint    *cursors,
           double    origin,
           double    avail,
           guint    *end,
           guint    *n_taken)
{
  *n_taken = 0;
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      GArray *lines = block->columns[c].lines;
      guint e = cursors[c];

      while (e < lines->len && g_array_index (lines, Line, e).bottom - origin <= avail)
        e++;
      end[c] = e;
      *n_taken = MAX (*n_taken, e - cursors[c]);
    }

  return slice_height (sheet, block, cursors, end, origin);
}

/* Blocks up to this height are moved to the next page rather than split. */
static double
keep_limit (TrkSheet *sheet,
            TrkFrame  frame)
{
  double fraction = frame == TRK_FRAME_NONE ? KEEP_FRACTION : KEEP_FRAMED;

  return (body_bottom (sheet) - page_top (sheet, 1)) * fraction;
}

/* A small block moves whole; a framed box moves whole when less than half
 * of it would stay on this page; anything else is split between lines. */
static gboolean
should_move (TrkSheet *sheet,
             TrkBlock *block,
             double    whole,
             double    room)
{
  if (whole <= room)
    return FALSE;
  if (block->height <= keep_limit (sheet, TRK_FRAME_NONE))
    return TRUE;

  return block->height <= keep_limit (sheet, block->frame) && room < whole / 2;
}

/* Leaves at least MIN_LINES of a column for the next page (no widows),
 * as long as MIN_LINES stay on this one. */
static void
avoid_widows (TrkSheet *sheet,
              TrkBlock *block,
              guint    *cursors,
              guint    *end)
{
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      guint left = block->columns[c].lines->len - end[c];
      guint move = left < MIN_LINES ? MIN_LINES - left : 0;

      if (left > 0 && move > 0 && end[c] - cursors[c] >= MIN_LINES + move)
        end[c] -= move;
    }
}

/* Nor a paragraph broken with a single line on either side: the break
 * moves up so that MIN_LINES go over, or before the paragraph. */
static void
avoid_para_widows (TrkSheet *sheet,
                   TrkBlock *block,
                   guint    *cursors,
                   guint    *end)
{
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      GArray *lines = block->columns[c].lines;
      const Line *last, *next;
      guint start, stop, before, after;

      if (end[c] <= cursors[c] || end[c] >= lines->len)
        continue;
      last = &g_array_index (lines, Line, end[c] - 1);
      next = &g_array_index (lines, Line, end[c]);
      if (last->para != next->para)
        continue;
      start = end[c] - 1 - (guint) last->index;
      for (stop = end[c]; stop < lines->len; stop++)
        if (g_array_index (lines, Line, stop).para != last->para)
          break;
      before = end[c] - start;
      after = stop - end[c];
      if (after < MIN_LINES && before >= MIN_LINES + (MIN_LINES - after))
        end[c] -= MIN_LINES - after;
      else if (after < MIN_LINES || before < MIN_LINES)
        end[c] = MAX (start, cursors[c]);
    }
}

/* A heading, a box's title or a bold line (a step of the loop, "Ways
 * out") introduces what follows it: never the last line on a page. */
gboolean
_trk_sheet_style_keeps_with_next (TrkStyle style)
{
  return style == TRK_STYLE_TITLE || style == TRK_STYLE_LANG_TAG || style == TRK_STYLE_HEADING
         || style == TRK_STYLE_BOX_TITLE || style == TRK_STYLE_STRONG;
}

/* Moves a column's break before a paragraph that introduces the lines
 * after the break, as long as a line stays on this page. */
static void
keep_headings (TrkSheet *sheet,
               TrkBlock *block,
               guint    *cursors,
               guint    *end)
{
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      Column *column = &block->columns[c];

      while (end[c] > cursors[c] && end[c] < column->lines->len)
        {
          const Line *line = &g_array_index (column->lines, Line, end[c] - 1);
          const Para *para = g_ptr_array_index (column->paras, line->para);
          guint start = end[c] - 1 - (guint) line->index;

          if (!_trk_sheet_style_keeps_with_next (para->style) || start <= cursors[c])
            break;
          end[c] = start;
        }
    }
}

/* The most lines of one column in [cursors, end). */
static guint
lines_taken (TrkSheet *sheet,
             guint    *cursors,
             guint    *end)
{
  guint n = 0;

  for (guint c = 0; c < sheet->n_columns; c++)
    n = MAX (n, end[c] - cursors[c]);

  return n;
}

/* The space above a block (tighter when pulling a last page in). */
static double
block_gap (TrkSheet *sheet,
           TrkBlock *block)
{
  return block->gap_before * sheet->gap_scale;
}

/* Space a block needs at the bottom of a page before a heading may stay
 * there: all of it when it is kept together, else its first two lines. */
static double
block_min_start (TrkSheet *sheet,
                 TrkBlock *block)
{
  double height = 0.0;

  if (block == NULL)
    return 0.0;
  if (block->height <= keep_limit (sheet, TRK_FRAME_NONE))
    return block_gap (sheet, block) + block->height + 2 * frame_pad (block->frame);

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      GArray *lines = block->columns[c].lines;

      if (lines->len > 0)
        height = MAX (height, g_array_index (lines, Line, MIN (1, lines->len - 1)).bottom);
    }

  return block_gap (sheet, block) + height + 2 * frame_pad (block->frame);
}

/* Moves to a new page before a block that should not start here. */
static void
maybe_break_before (Cursor   *cursor,
                    TrkBlock *block,
                    TrkBlock *next)
{
  TrkSheet *sheet = cursor->sheet;
  double whole = block_gap (sheet, block) + block->height + 2 * frame_pad (block->frame);
  double room = body_bottom (sheet) - cursor->y;

  if (cursor->at_top)
    return;

  if (block->keep_with_next && whole + block_min_start (sheet, next) > room)
    cursor_new_page (cursor);
  else if (should_move (sheet, block, whole, room))
    cursor_new_page (cursor);
}

static void
add_slice (Cursor   *cursor,
           TrkBlock *block,
           double    origin,
           double    height,
           guint    *cursors,
           guint    *end)
{
  Slice slice = { 0, };

  slice.block = block;
  slice.y = cursor->y;
  slice.origin = origin;
  slice.height = height;
  for (guint c = 0; c < TRK_SHEET_MAX_COLUMNS; c++)
    {
      slice.first[c] = cursors[c];
      slice.end[c] = end[c];
      cursors[c] = end[c];
    }
  g_array_append_val (cursor->page, slice);
  cursor->y += height + 2 * frame_pad (block->frame);
  cursor->at_top = FALSE;
}

static void
place_block (Cursor   *cursor,
             TrkBlock *block,
             TrkBlock *next)
{
  TrkSheet *sheet = cursor->sheet;
  guint cursors[TRK_SHEET_MAX_COLUMNS] = { 0, };

  if (block_done (sheet, block, cursors))
    return;

  maybe_break_before (cursor, block, next);
  if (!cursor->at_top)
    cursor->y += block_gap (sheet, block);

  while (!block_done (sheet, block, cursors))
    {
      guint end[TRK_SHEET_MAX_COLUMNS] = { 0, };
      double origin = block_origin (sheet, block, cursors);
      double avail = body_bottom (sheet) - cursor->y - 2 * frame_pad (block->frame);
      guint n_taken;
      double height = fit_lines (sheet, block, cursors, origin, avail, end, &n_taken);
      gboolean all = TRUE;

      for (guint c = 0; c < sheet->n_columns; c++)
        all = all && end[c] == block->columns[c].lines->len;

      /* Never leave a lone line at the bottom of a page. */
      if (!all && n_taken < MIN_LINES && !cursor->at_top)
        {
          cursor_new_page (cursor);
          continue;
        }
      /* A single line taller than a page: place it anyway. */
      if (n_taken == 0)
        height = fit_lines (sheet, block, cursors, origin, G_MAXDOUBLE / 4, end, &n_taken);
      else if (!all)
        {
          guint fitted[TRK_SHEET_MAX_COLUMNS];

          avoid_widows (sheet, block, cursors, end);
          avoid_para_widows (sheet, block, cursors, end);
          memcpy (fitted, end, sizeof fitted);
          keep_headings (sheet, block, cursors, end);
          if (lines_taken (sheet, cursors, end) < MIN_LINES)
            {
              /* Only a heading would stay: all of it goes to the next page. */
              if (!cursor->at_top)
                {
                  cursor_new_page (cursor);
                  continue;
                }
              memcpy (end, fitted, sizeof fitted);
            }
          height = slice_height (sheet, block, cursors, end, origin);
        }

      add_slice (cursor, block, origin, height, cursors, end);
      if (!block_done (sheet, block, cursors))
        cursor_new_page (cursor);
    }
}

static void
make_page_layouts (TrkSheet *sheet)
{
  guint n_pages = sheet->pages->len;

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      Running *running = &sheet->running[c];

      running->page_layouts = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint p = 0; p < n_pages; p++)
        g_ptr_array_add (running->page_layouts, _trk_sheet_make_page_layout (sheet, c, p, n_pages));
    }
}

static void
place_blocks (TrkSheet *sheet,
              double    gap_scale)
{
  Cursor cursor = { sheet, NULL, 0.0, TRUE };

  sheet->gap_scale = gap_scale;
  sheet->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  cursor_new_page (&cursor);
  for (guint i = 0; i < sheet->blocks->len; i++)
    place_block (&cursor, g_ptr_array_index (sheet->blocks, i),
                 i + 1 < sheet->blocks->len ? g_ptr_array_index (sheet->blocks, i + 1) : NULL);
}

/* How full the last page is, 0 to 1. */
static double
last_page_fill (TrkSheet *sheet)
{
  guint page = sheet->pages->len - 1;
  GArray *slices = g_ptr_array_index (sheet->pages, page);
  double top = page_top (sheet, page);
  double bottom = top;

  for (guint i = 0; i < slices->len; i++)
    {
      const Slice *slice = &g_array_index (slices, Slice, i);

      bottom = MAX (bottom, slice->y + slice->height + 2 * frame_pad (slice->block->frame));
    }

  return (bottom - top) / (body_bottom (sheet) - top);
}

guint
trk_sheet_paginate (TrkSheet     *sheet,
                    PangoContext *context,
                    const char   *family)
{
  g_return_val_if_fail (sheet != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  if (sheet->pages != NULL)
    return sheet->pages->len;

  sheet->context = g_object_ref (context);
  sheet->family = g_strdup (family);
  _trk_sheet_measure_running (sheet);
  for (guint i = 0; i < sheet->blocks->len; i++)
    _trk_sheet_measure_block (sheet, g_ptr_array_index (sheet->blocks, i));

  place_blocks (sheet, 1.0);
  if (sheet->pages->len > 1 && last_page_fill (sheet) < LAST_PAGE_MIN)
    {
      GPtrArray *loose = g_steal_pointer (&sheet->pages);

      /* A few lines alone on the last page: the same text with tighter
       * gaps between blocks, if that saves the page. */
      place_blocks (sheet, TIGHT_GAPS);
      if (sheet->pages->len < loose->len)
        g_ptr_array_unref (loose);
      else
        {
          g_ptr_array_unref (sheet->pages);
          sheet->pages = loose;
          sheet->gap_scale = 1.0;
        }
    }

  make_page_layouts (sheet);
  return sheet->pages->len;
}

guint
trk_sheet_get_n_pages (TrkSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->pages != NULL ? sheet->pages->len : 0;
}

