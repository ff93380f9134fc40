/* trk-sheet.c - a sheet: blocks of paragraphs in aligned columns, built and measured
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-no-break.h"
#include "trk-sheet-parts-private.h"
#include "trk-template.h"

/* One accent colour, amber and red for warnings; all dark enough to print
 * in black and white, tints light enough to disappear there. */
const Rgb _trk_sheet_ink = { 0.11, 0.11, 0.12 };
const Rgb _trk_sheet_grey = { 0.36, 0.36, 0.38 };
const Rgb _trk_sheet_accent = { 0.11, 0.31, 0.57 };
const Rgb _trk_sheet_amber = { 0.62, 0.36, 0.00 };
const Rgb _trk_sheet_red = { 0.70, 0.15, 0.12 };

const StyleSpec _trk_sheet_styles[TRK_N_STYLES] = {
  [TRK_STYLE_TITLE] = { 16.0, TRUE, 0.0, 1.05, &_trk_sheet_ink },
  [TRK_STYLE_LANG_TAG] = { 7.5, TRUE, 0.0, 1.0, &_trk_sheet_accent },
  [TRK_STYLE_META] = { 8.5, FALSE, 1.0, 1.1, &_trk_sheet_grey },
  [TRK_STYLE_HEADING] = { 11.5, TRUE, 0.0, 1.05, &_trk_sheet_accent },
  [TRK_STYLE_BOX_TITLE] = { 10.5, TRUE, 0.0, 1.1, NULL },
  [TRK_STYLE_STATUS] = { 12.0, FALSE, 2.0, 1.1, &_trk_sheet_ink },
  [TRK_STYLE_BODY] = { 9.0, FALSE, 2.0, 1.12, &_trk_sheet_ink },
  [TRK_STYLE_STRONG] = { 9.0, TRUE, 3.0, 1.15, &_trk_sheet_ink },
  [TRK_STYLE_SMALL] = { 7.0, FALSE, 1.0, 1.15, &_trk_sheet_grey },
  [TRK_STYLE_RUNNING] = { 7.0, FALSE, 1.0, 1.1, &_trk_sheet_grey },
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
trk_block_add_text (TrkBlock   *block,
                    guint       column,
                    TrkStyle    style,
                    TrkMark     mark,
                    guint       indent,
                    gboolean    row,
                    const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text != NULL ? text : "", -1);

  trk_block_add (block, column, style, mark, indent, row, markup);
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
  const StyleSpec *spec = &_trk_sheet_styles[style];
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
void
_trk_sheet_measure_block (TrkSheet *sheet,
                          TrkBlock *block)
{
  guint n_paras = block->columns[0].paras->len;
  double bottoms[TRK_SHEET_MAX_COLUMNS] = { 0.0, };
  double height = 0.0;

  for (guint k = 0; k < n_paras; k++)
    {
      Para *lead = g_ptr_array_index (block->columns[0].paras, k);
      double space = k == 0 ? 0.0 : _trk_sheet_styles[lead->style].space_before * sheet->scale;

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

double
_trk_sheet_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

PangoLayout *
_trk_sheet_make_page_layout (TrkSheet *sheet,
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
void
_trk_sheet_measure_running (TrkSheet *sheet)
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
      sample = _trk_sheet_make_page_layout (sheet, c, 98, 99);
      sheet->header_height = MAX (sheet->header_height, _trk_sheet_layout_height (running->header_layout));
      sheet->footer_height = MAX (sheet->footer_height,
                                  _trk_sheet_layout_height (running->footer_layout) + 2.0
                                  + _trk_sheet_layout_height (sample));
    }
}

