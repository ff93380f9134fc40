/* trk-sheet.c - blocks of paragraphs in aligned columns, split into pages
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "trk-sheet-private.h"
#include "trk-no-break.h"
#include "trk-template.h"

#define GUTTER         16.0  /* one indent step: where bullets and boxes go */
#define COLUMN_GAP     20.0
#define FRAME_PAD_X    10.0
#define FRAME_PAD_Y     7.0
#define FRAME_BAR       3.0
#define RUNNING_GAP    14.0
#define KEEP_FRACTION   0.3  /* blocks up to this share of a page are not split */
#define KEEP_FRAMED     0.35 /* nor framed boxes up to this share */
#define MIN_LINES       2    /* lines of a split block on either page, at least */
#define BILINGUAL_SIZE  0.92 /* narrower columns take slightly smaller type */
#define LAST_PAGE_MIN   0.25 /* a last page less full than this is pulled in */
#define TIGHT_GAPS      0.25 /* by scaling the gaps between blocks */

typedef struct
{
  double r, g, b;
} Rgb;

/* One accent colour, amber and red for warnings; all dark enough to print
 * in black and white, tints light enough to disappear there. */
static const Rgb ink = { 0.11, 0.11, 0.12 };
static const Rgb grey = { 0.36, 0.36, 0.38 };
static const Rgb accent = { 0.11, 0.31, 0.57 };
static const Rgb amber = { 0.62, 0.36, 0.00 };
static const Rgb red = { 0.70, 0.15, 0.12 };

typedef struct
{
  double   size;
  gboolean bold;
  double   space_before;  /* above the paragraph, inside a block */
  double   line_spacing;
  const Rgb *color;       /* NULL: the frame's colour */
} StyleSpec;

static const StyleSpec styles[TRK_N_STYLES] = {
  [TRK_STYLE_TITLE] = { 16.0, TRUE, 0.0, 1.05, &ink },
  [TRK_STYLE_LANG_TAG] = { 7.5, TRUE, 0.0, 1.0, &accent },
  [TRK_STYLE_META] = { 8.5, FALSE, 1.0, 1.1, &grey },
  [TRK_STYLE_HEADING] = { 11.5, TRUE, 0.0, 1.05, &accent },
  [TRK_STYLE_BOX_TITLE] = { 10.5, TRUE, 0.0, 1.1, NULL },
  [TRK_STYLE_STATUS] = { 12.0, FALSE, 2.0, 1.1, &ink },
  [TRK_STYLE_BODY] = { 9.0, FALSE, 2.0, 1.12, &ink },
  [TRK_STYLE_STRONG] = { 9.0, TRUE, 3.0, 1.15, &ink },
  [TRK_STYLE_SMALL] = { 7.0, FALSE, 1.0, 1.15, &grey },
  [TRK_STYLE_RUNNING] = { 7.0, FALSE, 1.0, 1.1, &grey },
};

typedef struct
{
  TrkStyle     style;
  TrkMark      mark;
  guint        indent;
  gboolean     row;
  char        *markup;
  const char  *tag;     /* structure tag; NULL: from the style */
  char        *uri;     /* a link's address, or NULL */
  PangoLayout *layout;  /* NULL for an empty paragraph */
  double       top;     /* in block coordinates */
  double       height;
} Para;

typedef struct
{
  guint    para;
  int      index;     /* line of the paragraph's layout */
  double   top;       /* in block coordinates */
  double   bottom;
  double   baseline;
  double   x;
  gboolean first;
  gboolean last;
} Line;

typedef struct
{
  GPtrArray *paras;   /* Para */
  GArray    *lines;   /* Line */
} Column;

struct _TrkBlock
{
  TrkFrame frame;
  double   gap_before;
  gboolean keep_with_next;
  gboolean list_item;
  guint    index;     /* in the sheet */
  Column   columns[TRK_SHEET_MAX_COLUMNS];
  double   height;
};

/* The part of a block on one page: lines [first, end) of each column. */
typedef struct
{
  TrkBlock *block;
  double    y;        /* page coordinate of the slice's top (frame included) */
  double    origin;   /* block coordinate shown at the top of the content */
  double    height;   /* content height, without the frame's padding */
  guint     first[TRK_SHEET_MAX_COLUMNS];
  guint     end[TRK_SHEET_MAX_COLUMNS];
} Slice;

typedef struct
{
  char        *header;
  char        *footer;
  char        *page_template;
  PangoLayout *header_layout;
  PangoLayout *footer_layout;
  GPtrArray   *page_layouts;  /* one per page */
} Running;

struct _TrkSheet
{
  double        width;
  double        height;
  double        margin;
  guint         n_columns;
  double        scale;
  char         *languages[TRK_SHEET_MAX_COLUMNS];
  char         *family;
  PangoContext *context;
  GPtrArray    *blocks;  /* TrkBlock */
  Running       running[TRK_SHEET_MAX_COLUMNS];
  double        header_height;
  double        footer_height;
  GPtrArray    *pages;   /* GArray of Slice; NULL until paginated */
  double        gap_scale;  /* 1, or less to pull a nearly empty last page in */
};

static void
para_free (gpointer data)
{
  Para *para = data;

  g_free (para->markup);
  g_free (para->uri);
  g_clear_object (&para->layout);
  g_free (para);
}

TrkBlock *
trk_block_new (TrkFrame frame,
               double   gap_before,
               gboolean keep_with_next)
{
  TrkBlock *block = g_new0 (TrkBlock, 1);

  block->frame = frame;
  block->gap_before = gap_before;
  block->keep_with_next = keep_with_next;
  for (guint c = 0; c < TRK_SHEET_MAX_COLUMNS; c++)
    {
      block->columns[c].paras = g_ptr_array_new_with_free_func (para_free);
      block->columns[c].lines = g_array_new (FALSE, TRUE, sizeof (Line));
    }

  return block;
}

static void
block_free (gpointer data)
{
  TrkBlock *block = data;

  for (guint c = 0; c < TRK_SHEET_MAX_COLUMNS; c++)
    {
      g_ptr_array_unref (block->columns[c].paras);
      g_array_unref (block->columns[c].lines);
    }
  g_free (block);
}

void
trk_block_add (TrkBlock   *block,
               guint       column,
               TrkStyle    style,
               TrkMark     mark,
               guint       indent,
               gboolean    row,
               const char *markup)
{
  Para *para;

  g_return_if_fail (block != NULL);
  g_return_if_fail (column < TRK_SHEET_MAX_COLUMNS);
  g_return_if_fail (style < TRK_N_STYLES);

  para = g_new0 (Para, 1);
  para->style = style;
  para->mark = mark;
  para->indent = indent;
  para->row = row;
  para->markup = g_strdup (markup != NULL ? markup : "");
  g_ptr_array_add (block->columns[column].paras, para);
}

void
trk_block_set_list_item (TrkBlock *block,
                         gboolean  list_item)
{
  g_return_if_fail (block != NULL);

  block->list_item = list_item;
}

static Para *
last_para (TrkBlock *block,
           guint     column)
{
  GPtrArray *paras;

  g_return_val_if_fail (block != NULL && column < TRK_SHEET_MAX_COLUMNS, NULL);
  paras = block->columns[column].paras;
  g_return_val_if_fail (paras->len > 0, NULL);

  return g_ptr_array_index (paras, paras->len - 1);
}

void
trk_block_set_tag (TrkBlock   *block,
                   guint       column,
                   const char *tag)
{
  Para *para = last_para (block, column);

  if (para != NULL)
    para->tag = tag;
}

void
trk_block_set_link (TrkBlock   *block,
                    guint       column,
                    const char *uri)
{
  Para *para = last_para (block, column);

  if (para != NULL)
    {
      g_free (para->uri);
      para->uri = g_strdup (uri);
    }
}

TrkSheet *
trk_sheet_new (double             width,
               double             height,
               double             margin,
               guint              n_columns,
               const char *const *languages)
{
  TrkSheet *sheet;

  g_return_val_if_fail (n_columns >= 1 && n_columns <= TRK_SHEET_MAX_COLUMNS, NULL);

  sheet = g_new0 (TrkSheet, 1);
  sheet->width = width;
  sheet->height = height;
  sheet->margin = margin;
  sheet->n_columns = n_columns;
  sheet->scale = n_columns > 1 ? BILINGUAL_SIZE : 1.0;
  sheet->gap_scale = 1.0;
  for (guint c = 0; c < n_columns; c++)
    sheet->languages[c] = g_strdup (languages[c]);
  sheet->blocks = g_ptr_array_new_with_free_func (block_free);

  return sheet;
}

static void
running_clear (Running *running)
{
  g_clear_pointer (&running->header, g_free);
  g_clear_pointer (&running->footer, g_free);
  g_clear_pointer (&running->page_template, g_free);
  g_clear_object (&running->header_layout);
  g_clear_object (&running->footer_layout);
  g_clear_pointer (&running->page_layouts, g_ptr_array_unref);
}

void
trk_sheet_free (TrkSheet *sheet)
{
  if (sheet == NULL)
    return;

  for (guint c = 0; c < TRK_SHEET_MAX_COLUMNS; c++)
    {
      g_free (sheet->languages[c]);
      running_clear (&sheet->running[c]);
    }
  g_free (sheet->family);
  g_clear_object (&sheet->context);
  g_ptr_array_unref (sheet->blocks);
  g_clear_pointer (&sheet->pages, g_ptr_array_unref);
  g_free (sheet);
}

void
trk_sheet_add_block (TrkSheet *sheet,
                     TrkBlock *block)
{
  g_return_if_fail (sheet != NULL && block != NULL);
  g_return_if_fail (sheet->pages == NULL);

  for (guint c = 1; c < sheet->n_columns; c++)
    g_return_if_fail (block->columns[c].paras->len == block->columns[0].paras->len);

  block->index = sheet->blocks->len;
  g_ptr_array_add (sheet->blocks, block);
}

void
trk_sheet_set_running (TrkSheet   *sheet,
                       guint       column,
                       const char *header,
                       const char *footer,
                       const char *page_template)
{
  Running *running;

  g_return_if_fail (sheet != NULL && column < sheet->n_columns);
  g_return_if_fail (sheet->pages == NULL);

  running = &sheet->running[column];
  running_clear (running);
  running->header = g_strdup (header);
  running->footer = g_strdup (footer);
  running->page_template = g_strdup (page_template);
}

/* ---- geometry ---- */

static double
content_width (TrkSheet *sheet)
{
  return sheet->width - 2 * sheet->margin;
}

static double
frame_inset (TrkFrame frame)
{
  return frame == TRK_FRAME_NONE ? 0.0 : FRAME_BAR + FRAME_PAD_X;
}

static double
frame_pad (TrkFrame frame)
{
  return frame == TRK_FRAME_NONE ? 0.0 : FRAME_PAD_Y;
}

static double
column_width (TrkSheet *sheet,
              TrkFrame  frame)
{
  double inner = content_width (sheet) - (frame == TRK_FRAME_NONE ? 0.0
                                          : FRAME_BAR + 2 * FRAME_PAD_X);

  return (inner - (sheet->n_columns - 1) * COLUMN_GAP) / sheet->n_columns;
}

static double
column_x (TrkSheet *sheet,
          TrkFrame  frame,
          guint     column)
{
  return sheet->margin + frame_inset (frame)
         + column * (column_width (sheet, frame) + COLUMN_GAP);
}

static double
page_top (TrkSheet *sheet,
          guint     page)
{
  return sheet->margin + (page > 0 ? sheet->header_height + RUNNING_GAP : 0.0);
}

static double
body_bottom (TrkSheet *sheet)
{
  return sheet->height - sheet->margin - sheet->footer_height - RUNNING_GAP;
}

/* ---- measuring ---- */

/* @address: a link's address, broken anywhere (never kept together). */
static PangoLayout *
make_layout_full (TrkSheet   *sheet,
                  TrkStyle    style,
                  guint       column,
                  const char *markup,
                  double      width,
                  gboolean    address)
{
  const StyleSpec *spec = &styles[style];
  PangoLayout *layout = pango_layout_new (sheet->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();
  PangoAttrList *attrs;

  pango_font_description_set_family (desc, sheet->family);
  pango_font_description_set_weight (desc, spec->bold ? PANGO_WEIGHT_BOLD
                                                      : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_size (desc, (int) (spec->size * sheet->scale * PANGO_SCALE));
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, (float) spec->line_spacing);
  pango_layout_set_markup (layout, markup, -1);

  /* The language picks the right shaping and line breaking rules. */
  attrs = pango_layout_get_attributes (layout);
  attrs = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  pango_attr_list_insert_before (attrs, pango_attr_language_new (
                                   pango_language_from_string (sheet->languages[column])));
  if (style == TRK_STYLE_LANG_TAG)
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (PANGO_SCALE));
  if (!address)
    trk_no_break_add_attrs (pango_layout_get_text (layout), attrs);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static PangoLayout *
make_layout (TrkSheet   *sheet,
             TrkStyle    style,
             guint       column,
             const char *markup,
             double      width)
{
  return make_layout_full (sheet, style, column, markup, width, FALSE);
}

static void
add_lines (Column *column,
           guint   index,
           Para   *para)
{
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (para->layout);
  int n = 0;

  do
    {
      PangoRectangle logical;
      Line line = { 0, };

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.para = index;
      line.index = n++;
      line.top = para->top + (double) logical.y / PANGO_SCALE;
      line.bottom = line.top + (double) logical.height / PANGO_SCALE;
      line.baseline = para->top + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.x = (double) logical.x / PANGO_SCALE;
      line.first = line.index == 0;
      line.last = pango_layout_iter_at_last_line (iter);
      g_array_append_val (column->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
}

static void
measure_para (TrkSheet *sheet,
              TrkBlock *block,
              guint     column,
              guint     index,
              double    top)
{
  Para *para = g_ptr_array_index (block->columns[column].paras, index);
  double width = column_width (sheet, block->frame) - para->indent * GUTTER;
  int height;

  para->top = top;
  if (para->markup[0] == '\0')
    return;

  para->layout = make_layout_full (sheet, para->style, column, para->markup, width,
                                   para->uri != NULL);
  if (para->uri != NULL)
    pango_layout_set_wrap (para->layout, PANGO_WRAP_CHAR);
  pango_layout_get_size (para->layout, NULL, &height);
  para->height = (double) height / PANGO_SCALE;
  add_lines (&block->columns[column], index, para);
}

/* A row paragraph starts below the longest column so far, in every
 * column; any other follows the paragraph above it in its own column. */
static void
measure_block (TrkSheet *sheet,
               TrkBlock *block)
{
  guint n_paras = block->columns[0].paras->len;
  double bottoms[TRK_SHEET_MAX_COLUMNS] = { 0.0, };
  double height = 0.0;

  for (guint k = 0; k < n_paras; k++)
    {
      Para *lead = g_ptr_array_index (block->columns[0].paras, k);
      double space = k == 0 ? 0.0 : styles[lead->style].space_before * sheet->scale;

      for (guint c = 0; c < sheet->n_columns; c++)
        {
          Para *para = g_ptr_array_index (block->columns[c].paras, k);
          double top = (lead->row ? height : bottoms[c]) + space;

          g_warn_if_fail (para->row == lead->row);
          measure_para (sheet, block, c, k, k == 0 ? 0.0 : top);
          bottoms[c] = para->top + para->height;
        }
      for (guint c = 0; c < sheet->n_columns; c++)
        height = MAX (height, bottoms[c]);
    }

  block->height = height;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static PangoLayout *
make_page_layout (TrkSheet *sheet,
                  guint     column,
                  guint     page,
                  guint     n_pages)
{
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  g_autofree char *total = g_strdup_printf ("%u", n_pages);
  const char *args[] = { number, total };
  g_autofree char *text = trk_template_fill (sheet->running[column].page_template, args, 2);
  g_autofree char *markup = g_markup_escape_text (text, -1);
  PangoLayout *layout = make_layout (sheet, TRK_STYLE_RUNNING, column, markup,
                                     column_width (sheet, TRK_FRAME_NONE));

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  return layout;
}

/* Header and footer heights; the page number line is measured with a
 * sample number (its height does not depend on the digits). */
static void
measure_running (TrkSheet *sheet)
{
  double width = column_width (sheet, TRK_FRAME_NONE);

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      Running *running = &sheet->running[c];
      g_autofree char *header = g_markup_escape_text (running->header ? running->header : "", -1);
      g_autofree char *footer = g_markup_escape_text (running->footer ? running->footer : "", -1);
      g_autoptr(PangoLayout) sample = NULL;

      if (running->page_template == NULL)
        running->page_template = g_strdup ("%1$s / %2$s");
      running->header_layout = make_layout (sheet, TRK_STYLE_RUNNING, c, header, width);
      running->footer_layout = make_layout (sheet, TRK_STYLE_RUNNING, c, footer, width);
      sample = make_page_layout (sheet, c, 98, 99);
      sheet->header_height = MAX (sheet->header_height, layout_height (running->header_layout));
      sheet->footer_height = MAX (sheet->footer_height,
                                  layout_height (running->footer_layout) + 2.0
                                  + layout_height (sample));
    }
}

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
static gboolean
style_keeps_with_next (TrkStyle style)
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

          if (!style_keeps_with_next (para->style) || start <= cursors[c])
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
        g_ptr_array_add (running->page_layouts, make_page_layout (sheet, c, p, n_pages));
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
  measure_running (sheet);
  for (guint i = 0; i < sheet->blocks->len; i++)
    measure_block (sheet, g_ptr_array_index (sheet->blocks, i));

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
      return &amber;
    case TRK_FRAME_DANGER:
      return &red;
    case TRK_FRAME_OUTCOME:
    case TRK_FRAME_NONE:
    default:
      return &accent;
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
  double size = styles[para->style].size * sheet->scale;
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
  const Rgb *color = styles[para->style].color;
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
  set_rgb (cr, &grey);
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

      set_rgb (cr, &grey);
      if (page > 0)
        {
          cairo_move_to (cr, x, sheet->margin);
          pango_cairo_show_layout (cr, running->header_layout);
        }
      cairo_move_to (cr, x, footer_top);
      pango_cairo_show_layout (cr, running->footer_layout);
      cairo_move_to (cr, x, footer_top + layout_height (running->footer_layout) + 2.0);
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
                placed.heading = style_keeps_with_next (para->style);
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
