/* trk-sheet-parts-private.h - what the sheet's three parts share
 *
 * trk-sheet.c builds and measures a sheet, trk-sheet-paginate.c splits it
 * into pages, trk-sheet-draw.c draws the pages (and tags them for a PDF
 * reader). trk-sheet-private.h is the sheet's interface to the rest of
 * the renderer; this header is its inside.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "trk-sheet-private.h"

G_BEGIN_DECLS

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

typedef struct
{
  double r, g, b;
} Rgb;

/* One accent colour, amber and red for warnings (trk-sheet.c). */
extern const Rgb _trk_sheet_ink, _trk_sheet_grey, _trk_sheet_accent, _trk_sheet_amber, _trk_sheet_red;

typedef struct
{
  double   size;
  gboolean bold;
  double   space_before;  /* above the paragraph, inside a block */
  double   line_spacing;
  const Rgb *color;       /* NULL: the frame's colour */
} StyleSpec;

extern const StyleSpec _trk_sheet_styles[TRK_N_STYLES];

/* ---- geometry ---- */


static inline double
content_width (TrkSheet *sheet)
{
  return sheet->width - 2 * sheet->margin;
}

static inline double
frame_inset (TrkFrame frame)
{
  return frame == TRK_FRAME_NONE ? 0.0 : FRAME_BAR + FRAME_PAD_X;
}

static inline double
frame_pad (TrkFrame frame)
{
  return frame == TRK_FRAME_NONE ? 0.0 : FRAME_PAD_Y;
}

static inline double
column_width (TrkSheet *sheet,
              TrkFrame  frame)
{
  double inner = content_width (sheet) - (frame == TRK_FRAME_NONE ? 0.0
                                          : FRAME_BAR + 2 * FRAME_PAD_X);

  return (inner - (sheet->n_columns - 1) * COLUMN_GAP) / sheet->n_columns;
}

static inline double
column_x (TrkSheet *sheet,
          TrkFrame  frame,
          guint     column)
{
  return sheet->margin + frame_inset (frame)
         + column * (column_width (sheet, frame) + COLUMN_GAP);
}

static inline double
page_top (TrkSheet *sheet,
          guint     page)
{
  return sheet->margin + (page > 0 ? sheet->header_height + RUNNING_GAP : 0.0);
}

static inline double
body_bottom (TrkSheet *sheet)
{
  return sheet->height - sheet->margin - sheet->footer_height - RUNNING_GAP;
}

/* ---- shared between the parts ---- */

/* Lays out the running header and footer (trk-sheet.c). */
void _trk_sheet_measure_running (TrkSheet *sheet);
/* Lays out a block's paragraphs and lines in each column (trk-sheet.c). */
void _trk_sheet_measure_block (TrkSheet *sheet,
                               TrkBlock *block);
/* "Page N of M" of one page in one column's language (trk-sheet.c). */
PangoLayout *_trk_sheet_make_page_layout (TrkSheet *sheet,
                                          guint     column,
                                          guint     page,
                                          guint     n_pages);
/* A layout's height in points. */
double _trk_sheet_layout_height (PangoLayout *layout);
/* A style that introduces what follows it (a heading, a bold line in a box). */
gboolean _trk_sheet_style_keeps_with_next (TrkStyle style);

G_END_DECLS
