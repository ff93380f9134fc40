/* trk-sheet-draw.c - a paginated sheet on a cairo_t: frames, marks, lines,
 * the running header and footer, and the PDF's structure tags and links
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-no-break.h"
#include "trk-sheet-parts-private.h"
#include "trk-template.h"

/* ---- drawing ---- */

static void
set_rgb (cairo_t   *cr,
         const Rgb *rgb)
{
  cairo_set_source_rgb (cr, rgb->r, rgb->g, rgb->b);
}

static const Rgb *
frame_color (TrkFrame frame)
{
  switch (frame)
    {
    case TRK_FRAME_CAUTION:
      return &_trk_sheet_amber;
    case TRK_FRAME_DANGER:
      return &_trk_sheet_red;
    case TRK_FRAME_OUTCOME:
    case TRK_FRAME_NONE:
    default:
      return &_trk_sheet_accent;
    }
}

/* A light tint of the frame's colour: mixed 6% into white. */
static void
draw_frame (cairo_t  *cr,
            TrkSheet *sheet,
            TrkFrame  frame,
            double    y,
            double    height)
{
  const Rgb *color = frame_color (frame);
  double x = sheet->margin;
  double w = content_width (sheet);

  cairo_rectangle (cr, x, y, w, height);
  cairo_set_source_rgb (cr, 1 - 0.06 * (1 - color->r), 1 - 0.06 * (1 - color->g),
                        1 - 0.06 * (1 - color->b));
  cairo_fill_preserve (cr);
  set_rgb (cr, color);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  cairo_rectangle (cr, x, y, FRAME_BAR, height);
  cairo_fill (cr);
}

static void
draw_arrow_line (cairo_t  *cr,
                 double    x,
                 double    top,
                 double    bottom,
                 gboolean  head)
{
  double tip = 3.0;

  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x, head ? bottom - tip : bottom);
  cairo_stroke (cr);
  if (!head)
    return;

  cairo_move_to (cr, x - tip, bottom - 1.6 * tip);
  cairo_line_to (cr, x, bottom);
  cairo_line_to (cr, x + tip, bottom - 1.6 * tip);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* Marks sit in the gutter left of the paragraph; @x is the text's left. */
static void
draw_mark (cairo_t    *cr,
           TrkSheet   *sheet,
           const Para *para,
           const Line *line,
           double      x,
           double      top,
           double      baseline)
{
  double size = _trk_sheet_styles[para->style].size * sheet->scale;
  double centre = x - GUTTER / 2;
  double height = line->bottom - line->top;

  switch (para->mark)
    {
    case TRK_MARK_BULLET:
      if (line->first)
        {
          cairo_arc (cr, centre + 2, baseline - 0.33 * size, 0.16 * size, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      break;
    case TRK_MARK_TICKBOX:
      if (line->first)
        {
          cairo_set_line_width (cr, 0.9);
          cairo_rectangle (cr, x - GUTTER + 1, baseline - 0.78 * size, 0.9 * size, 0.9 * size);
          cairo_stroke (cr);
        }
      break;
    case TRK_MARK_ARROW:
      draw_arrow_line (cr, centre, top, top + height, line->last);
      break;
    case TRK_MARK_STEP:
    case TRK_MARK_STEP_ARROW:
      if (line->first)
        {
          cairo_set_line_width (cr, 1.4);
          cairo_arc (cr, centre, baseline - 0.35 * size, 0.28 * size, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
      if (para->mark == TRK_MARK_STEP_ARROW)
        draw_arrow_line (cr, centre,
                         line->first ? baseline - 0.07 * size + 1.0 : top,
                         top + height, line->last);
      break;
    case TRK_MARK_NONE:
    default:
      break;
    }
}

static void
draw_heading_rule (cairo_t  *cr,
                   double    x,
                   double    width,
                   double    y)
{
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
}

static void
draw_line (cairo_t     *cr,
           TrkSheet    *sheet,
           const Slice *slice,
           guint        column,
           const Line  *line)
{
  TrkBlock *block = slice->block;
  Para *para = g_ptr_array_index (block->columns[column].paras, line->para);
  const Rgb *color = _trk_sheet_styles[para->style].color;
  double content_top = slice->y + frame_pad (block->frame) - slice->origin;
  double x = column_x (sheet, block->frame, column) + para->indent * GUTTER;

  set_rgb (cr, color != NULL ? color : frame_color (block->frame));
  cairo_move_to (cr, x + line->x, content_top + line->baseline);
  pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (para->layout, line->index));

  /* Showing the line left a current point: marks start new paths. */
  cairo_new_path (cr);
  if (para->mark == TRK_MARK_STEP || para->mark == TRK_MARK_STEP_ARROW
      || para->mark == TRK_MARK_ARROW)
    set_rgb (cr, frame_color (block->frame));
  draw_mark (cr, sheet, para, line, x, content_top + line->top, content_top + line->baseline);

  if (para->style == TRK_STYLE_HEADING && line->last)
    draw_heading_rule (cr, x, column_width (sheet, block->frame) - para->indent * GUTTER,
                       content_top + line->bottom + 2.0);
}

/* ---- structure tags (PDF) ---- */

typedef struct
{
  cairo_t  *cr;
  gboolean  list_open;
} Tagger;

static const char *
para_tag (const Para *para)
{
  if (para->tag != NULL)
    return para->tag;

  switch (para->style)
    {
    case TRK_STYLE_TITLE:
      return "H1";
    case TRK_STYLE_HEADING:
    case TRK_STYLE_BOX_TITLE:
      return "H2";
    case TRK_STYLE_LANG_TAG:
    case TRK_STYLE_META:
    case TRK_STYLE_STATUS:
    case TRK_STYLE_BODY:
    case TRK_STYLE_STRONG:
    case TRK_STYLE_SMALL:
    case TRK_STYLE_RUNNING:
    case TRK_N_STYLES:
    default:
      return "P";
    }
}

/* A link attribute: the address quoted, with \ and ' escaped. */
static char *
link_attributes (const char *uri)
{
  GString *out = g_string_new ("uri='");

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');

  return g_string_free (out, FALSE);
}

static void
tag_begin (Tagger     *tagger,
           const char *tag)
{
  if (tagger != NULL)
    cairo_tag_begin (tagger->cr, tag, NULL);
}

static void
tag_end (Tagger     *tagger,
         const char *tag)
{
  if (tagger != NULL)
    cairo_tag_end (tagger->cr, tag);
}

static void
tag_list_end (Tagger *tagger)
{
  if (tagger != NULL && tagger->list_open)
    {
      cairo_tag_end (tagger->cr, "L");
      tagger->list_open = FALSE;
    }
}

/* Lines [first, end) of one paragraph, in its tag (and link). */
static void
draw_para_lines (cairo_t     *cr,
                 TrkSheet    *sheet,
                 const Slice *slice,
                 guint        column,
                 guint        first,
                 guint        end,
                 Tagger      *tagger)
{
  GArray *lines = slice->block->columns[column].lines;
  const Line *line = &g_array_index (lines, Line, first);
  const Para *para = g_ptr_array_index (slice->block->columns[column].paras, line->para);
  g_autofree char *attributes = NULL;

  tag_begin (tagger, para_tag (para));
  if (tagger != NULL && para->uri != NULL)
    {
      attributes = link_attributes (para->uri);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
    }
  for (guint i = first; i < end; i++)
    draw_line (cr, sheet, slice, column, &g_array_index (lines, Line, i));
  if (attributes != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
  tag_end (tagger, para_tag (para));
}

/* Column by column, paragraph by paragraph: the reading order. */
static void
draw_slice (cairo_t     *cr,
            TrkSheet    *sheet,
            const Slice *slice,
            Tagger      *tagger)
{
  TrkBlock *block = slice->block;

  if (block->frame != TRK_FRAME_NONE)
    draw_frame (cr, sheet, block->frame, slice->y, slice->height + 2 * FRAME_PAD_Y);

  if (block->list_item && tagger != NULL && !tagger->list_open)
    {
      cairo_tag_begin (cr, "L", NULL);
      tagger->list_open = TRUE;
    }
  else if (!block->list_item)
    tag_list_end (tagger);
  if (block->list_item)
    {
      tag_begin (tagger, "LI");
      tag_begin (tagger, "LBody");
    }

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      GArray *lines = block->columns[c].lines;
      guint i = slice->first[c];

      while (i < slice->end[c])
        {
          guint para = g_array_index (lines, Line, i).para;
          guint j = i + 1;

          while (j < slice->end[c] && g_array_index (lines, Line, j).para == para)
            j++;
          draw_para_lines (cr, sheet, slice, c, i, j, tagger);
          i = j;
        }
    }

  if (block->list_item)
    {
      tag_end (tagger, "LBody");
      tag_end (tagger, "LI");
    }
}

static void
draw_rule (cairo_t  *cr,
           TrkSheet *sheet,
           double    y)
{
  set_rgb (cr, &_trk_sheet_grey);
  cairo_set_line_width (cr, 0.4);
  cairo_move_to (cr, sheet->margin, y);
  cairo_line_to (cr, sheet->width - sheet->margin, y);
  cairo_stroke (cr);
}

static void
draw_running (cairo_t  *cr,
              TrkSheet *sheet,
              guint     page)
{
  double footer_top = sheet->height - sheet->margin - sheet->footer_height;

  if (page > 0)
    draw_rule (cr, sheet, sheet->margin + sheet->header_height + RUNNING_GAP / 2);
  draw_rule (cr, sheet, footer_top - RUNNING_GAP / 2);

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      Running *running = &sheet->running[c];
      PangoLayout *number = g_ptr_array_index (running->page_layouts, page);
      double x = column_x (sheet, TRK_FRAME_NONE, c);

      set_rgb (cr, &_trk_sheet_grey);
      if (page > 0)
        {
          cairo_move_to (cr, x, sheet->margin);
          pango_cairo_show_layout (cr, running->header_layout);
        }
      cairo_move_to (cr, x, footer_top);
      pango_cairo_show_layout (cr, running->footer_layout);
      cairo_move_to (cr, x, footer_top + _trk_sheet_layout_height (running->footer_layout) + 2.0);
      pango_cairo_show_layout (cr, number);
    }
}

static void
draw_page (TrkSheet *sheet,
           cairo_t  *cr,
           guint     page,
           Tagger   *tagger)
{
  GArray *slices = g_ptr_array_index (sheet->pages, page);

  cairo_save (cr);
  /* First, outside any tag: the running texts are not read. */
  draw_running (cr, sheet, page);
  for (guint i = 0; i < slices->len; i++)
    draw_slice (cr, sheet, &g_array_index (slices, Slice, i), tagger);
  tag_list_end (tagger);
  cairo_restore (cr);
}

void
trk_sheet_draw_page (TrkSheet *sheet,
                     cairo_t  *cr,
                     guint     page)
{
  g_return_if_fail (sheet != NULL && cr != NULL);
  g_return_if_fail (sheet->pages != NULL && page < sheet->pages->len);

  draw_page (sheet, cr, page, NULL);
}

void
trk_sheet_draw_document (TrkSheet *sheet,
                         cairo_t  *cr)
{
  Tagger tagger = { cr, FALSE };

  g_return_if_fail (sheet != NULL && cr != NULL);
  g_return_if_fail (sheet->pages != NULL);

  for (guint p = 0; p < sheet->pages->len; p++)
    {
      draw_page (sheet, cr, p, &tagger);
      cairo_show_page (cr);
    }
}

void
trk_sheet_foreach_placed_line (TrkSheet        *sheet,
                               TrkSheetLineFunc func,
                               gpointer         user_data)
{
  g_return_if_fail (sheet != NULL && sheet->pages != NULL && func != NULL);

  for (guint p = 0; p < sheet->pages->len; p++)
    {
      GArray *slices = g_ptr_array_index (sheet->pages, p);

      for (guint s = 0; s < slices->len; s++)
        {
          const Slice *slice = &g_array_index (slices, Slice, s);
          TrkBlock *block = slice->block;
          double content_top = slice->y + frame_pad (block->frame) - slice->origin;

          for (guint c = 0; c < sheet->n_columns; c++)
            for (guint i = slice->first[c]; i < slice->end[c]; i++)
              {
                const Line *line = &g_array_index (block->columns[c].lines, Line, i);
                const Para *para = g_ptr_array_index (block->columns[c].paras, line->para);
                TrkPlacedLine placed = { 0, };

                placed.page = p;
                placed.block = block->index;
                placed.column = c;
                placed.para = line->para;
                placed.style = para->style;
                placed.para_first = line->first;
                placed.para_last = line->last;
                placed.block_line = i;
                placed.block_n_lines = block->columns[c].lines->len;
                placed.keep_with_next = block->keep_with_next;
                placed.heading = _trk_sheet_style_keeps_with_next (para->style);
                placed.top = content_top + line->top;
                placed.bottom = content_top + line->bottom;
                func (&placed, user_data);
              }
        }
    }
}

void
trk_sheet_get_body_area (TrkSheet *sheet,
                         guint     page,
                         double   *top,
                         double   *bottom)
{
  g_return_if_fail (sheet != NULL);

  if (top != NULL)
    *top = page_top (sheet, page);
  if (bottom != NULL)
    *bottom = body_bottom (sheet);
}

static gboolean
foreach_running (TrkSheet           *sheet,
                 guint               column,
                 TrkSheetLayoutFunc  func,
                 gpointer            user_data)
{
  Running *running = &sheet->running[column];

  if (!func (running->header_layout, column, user_data)
      || !func (running->footer_layout, column, user_data))
    return FALSE;

  for (guint p = 0; p < running->page_layouts->len; p++)
    if (!func (g_ptr_array_index (running->page_layouts, p), column, user_data))
      return FALSE;

  return TRUE;
}

gboolean
trk_sheet_foreach_layout (TrkSheet          *sheet,
                          TrkSheetLayoutFunc func,
                          gpointer           user_data)
{
  g_return_val_if_fail (sheet != NULL && sheet->pages != NULL, FALSE);

  for (guint i = 0; i < sheet->blocks->len; i++)
    {
      TrkBlock *block = g_ptr_array_index (sheet->blocks, i);

      for (guint c = 0; c < sheet->n_columns; c++)
        for (guint k = 0; k < block->columns[c].paras->len; k++)
          {
            Para *para = g_ptr_array_index (block->columns[c].paras, k);

            if (para->layout != NULL && !func (para->layout, c, user_data))
              return FALSE;
          }
    }

  for (guint c = 0; c < sheet->n_columns; c++)
    if (!foreach_running (sheet, c, func, user_data))
      return FALSE;

  return TRUE;
}

/* ---- where a block landed (the handbook's table of contents) ---- */

gint
trk_sheet_get_block_page (TrkSheet *sheet,
                          TrkBlock *block)
{
  g_return_val_if_fail (sheet != NULL, -1);

  if (sheet->pages == NULL)
    return -1;
  for (guint p = 0; p < sheet->pages->len; p++)
    {
      GArray *slices = g_ptr_array_index (sheet->pages, p);

      for (guint i = 0; i < slices->len; i++)
        if (g_array_index (slices, Slice, i).block == block)
          return (gint) p;
    }
  return -1;
}
