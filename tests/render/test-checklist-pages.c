/* test-checklist-pages.c - where the pages break, how many there are, the PDF's structure
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Synthetic sheets slid down the page a point at a time put every line
 * of a block, and a heading, at the foot of a page once: no widow, no
 * heading left alone, no heading inside a block (a box's "Ways out") as
 * the last line of a page. The real checklists keep those rules too, the
 * loop case fits on two pages (four bilingual), and the PDF is tagged:
 * headings, lists, links in reading order, the language in the catalog.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <poppler.h>

typedef PopplerDocument TestPdf;
typedef PopplerStructureElement TestElement;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestElement, g_object_unref)

#include "trk-sheet-private.h"
#include "trk-checklist-doc-private.h"
#include "trk-evaluator.h"
#include "trk-i18n.h"
#include "trk-test-utils.h"

#define LOOP_ANSWERS "status=foreigner age=34 purpose=visa visa_channel=consulate " \
                     "location=abroad visa_required=yes has_iin=no fingerprinted=no " \
                     "passport_language=other"
#define MIN_LINES 2

static TrkRuleSet *rules;
static char *tmp_dir;
static PangoContext *context;

/* ---- synthetic sheets ---- */

static TrkSheet *
new_sheet (void)
{
  const char *languages[] = { "en" };

  return trk_sheet_new (595.0, 842.0, 36.0, 1, languages);
}

/* A line at the top, then one @height lower (a gap at the top of a page
 * is dropped, so the first line holds the gap down). */
static void
add_spacer (TrkSheet *sheet,
            double    height)
{
  for (guint i = 0; i < 2; i++)
    {
      TrkBlock *block = trk_block_new (TRK_FRAME_NONE, i == 0 ? 0.0 : height, FALSE);

      trk_block_add (block, 0, TRK_STYLE_BODY, TRK_MARK_NONE, 0, FALSE, "spacer");
      trk_sheet_add_block (sheet, block);
    }
}

/* A paragraph of about @n_lines lines. */
static char *
long_text (guint n_lines)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_lines * 12; i++)
    g_string_append_printf (text, "word%u ", i);

  return g_string_free (text, FALSE);
}

static TrkBlock *
long_block (guint n_lines)
{
  TrkBlock *block = trk_block_new (TRK_FRAME_NONE, 0.0, FALSE);
  g_autofree char *text = long_text (n_lines);

  trk_block_add (block, 0, TRK_STYLE_BODY, TRK_MARK_NONE, 0, FALSE, text);
  return block;
}

typedef struct
{
  GArray *lines;  /* TrkPlacedLine */
} Placed;

static void
collect_line (const TrkPlacedLine *line,
              gpointer             user_data)
{
  g_array_append_val (((Placed *) user_data)->lines, *line);
}

static GArray *
placed_lines (TrkSheet *sheet)
{
  Placed placed = { g_array_new (FALSE, FALSE, sizeof (TrkPlacedLine)) };

  trk_sheet_foreach_placed_line (sheet, collect_line, &placed);
  return placed.lines;
}

static const TrkPlacedLine *
line_at (GArray *lines,
         guint   i)
{
  return &g_array_index (lines, TrkPlacedLine, i);
}

/* In each column of a block that breaks over pages, every part has at
 * least MIN_LINES lines (when the column has that many twice over). */
static gboolean
has_widow_or_orphan (GArray *lines,
                     char  **where)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const TrkPlacedLine *first = line_at (lines, i);
      guint n = 0, j;

      if (i > 0 && line_at (lines, i - 1)->block == first->block
          && line_at (lines, i - 1)->column == first->column
          && line_at (lines, i - 1)->page == first->page)
        continue;
      for (j = i; j < lines->len; j++)
        {
          const TrkPlacedLine *line = line_at (lines, j);

          if (line->block != first->block || line->column != first->column
              || line->page != first->page)
            break;
          n++;
        }
      if (n < MIN_LINES && n < first->block_n_lines && first->block_n_lines >= 2 * MIN_LINES)
        {
          *where = g_strdup_printf ("block %u column %u: %u of %u lines on page %u",
                                    first->block, first->column, n, first->block_n_lines,
                                    first->page + 1);
          return TRUE;
        }
    }

  return FALSE;
}

/* A paragraph broken over pages with one line on either side (of at
 * least 2 * MIN_LINES). */
static gboolean
has_para_widow (GArray *lines,
                char  **where)
{
  for (guint i = 0; i + 1 < lines->len; i++)
    {
      const TrkPlacedLine *line = line_at (lines, i);
      guint before = 0, after = 0, n = 0;
      gboolean last_here = TRUE;

      if (line->para_last)
        continue;
      for (guint j = 0; j < lines->len; j++)
        {
          const TrkPlacedLine *other = line_at (lines, j);

          if (other->block != line->block || other->column != line->column
              || other->para != line->para)
            continue;
          n++;
          last_here = last_here && !(other->page == line->page
                                     && other->block_line > line->block_line);
          before += other->page == line->page && other->block_line <= line->block_line;
          after += other->page != line->page && other->block_line > line->block_line;
        }
      if (last_here && after > 0 && n >= 2 * MIN_LINES && (before < MIN_LINES || after < MIN_LINES))
        {
          *where = g_strdup_printf ("block %u column %u paragraph %u: %u line(s), then %u on "
                                    "the next page", line->block, line->column, line->para,
                                    before, after);
          return TRUE;
        }
    }

  return FALSE;
}

/* A heading line (or a block kept with the next) that ends a page while
 * the text goes on. */
static gboolean
has_lonely_heading (GArray *lines,
                    char  **where)
{
  for (guint i = 0; i + 1 < lines->len; i++)
    {
      const TrkPlacedLine *line = line_at (lines, i);
      const TrkPlacedLine *next = line_at (lines, i + 1);

      if (next->page == line->page)
        continue;
      if (line->heading || line->keep_with_next)
        {
          *where = g_strdup_printf ("block %u paragraph %u (style %d) ends page %u",
                                    line->block, line->para, line->style, line->page + 1);
          return TRUE;
        }
    }

  return FALSE;
}

typedef TrkSheet *(*SheetMaker) (double offset);

/* Slides the content down the first page a point at a time; checks every
 * layout; returns how many layouts broke the block (so that the sweep
 * is known to have put a break everywhere). */
static guint
sweep (SheetMaker make)
{
  guint n_broken = 0;

  for (double offset = 0.0; offset < 700.0; offset += 1.0)
    {
      g_autoptr(TrkSheet) sheet = make (offset);
      g_autoptr(GArray) lines = NULL;
      g_autofree char *where = NULL;

      trk_sheet_paginate (sheet, context, TRK_CHECKLIST_FONT_FAMILY);
      lines = placed_lines (sheet);
      if (has_widow_or_orphan (lines, &where) || has_lonely_heading (lines, &where)
          || has_para_widow (lines, &where))
        g_error ("offset %.0f: %s", offset, where);
      n_broken += trk_sheet_get_n_pages (sheet) > 1;
    }

  return n_broken;
}

/* A spacer, then a block of 40 lines: too tall to move whole; then one
 * more, so that the last page is never nearly empty (which would make
 * the layout tighten the gaps, the spacer's too). */
static TrkSheet *
make_widow_sheet (double offset)
{
  TrkSheet *sheet = new_sheet ();

  TrkBlock *block = long_block (40);

  /* A last paragraph of one line: alone on a page, it is a widow of the
   * block though no paragraph is broken. */
  trk_block_add (block, 0, TRK_STYLE_SMALL, TRK_MARK_NONE, 0, FALSE, "[1] a citation");
  add_spacer (sheet, offset);
  trk_sheet_add_block (sheet, block);
  trk_sheet_add_block (sheet, long_block (40));
  return sheet;
}

static void
test_widows (void)
{
  g_assert_cmpuint (sweep (make_widow_sheet), >, 100);
}

/* A spacer, a heading kept with the next block, a long block. */
static TrkSheet *
make_heading_sheet (double offset)
{
  TrkSheet *sheet = new_sheet ();
  TrkBlock *heading = trk_block_new (TRK_FRAME_NONE, 10.0, TRUE);

  add_spacer (sheet, offset);
  trk_block_add (heading, 0, TRK_STYLE_HEADING, TRK_MARK_NONE, 0, FALSE, "A heading");
  trk_sheet_add_block (sheet, heading);
  trk_sheet_add_block (sheet, long_block (40));
  trk_sheet_add_block (sheet, long_block (40));
  return sheet;
}

static void
test_keep_with_next (void)
{
  g_assert_cmpuint (sweep (make_heading_sheet), >, 100);
}

/* A framed box with a bold line inside ("Ways out") between two texts. */
static TrkSheet *
make_inner_heading_sheet (double offset)
{
  TrkSheet *sheet = new_sheet ();
  TrkBlock *box = trk_block_new (TRK_FRAME_CAUTION, 0.0, FALSE);
  g_autofree char *before = long_text (4);
  g_autofree char *after = long_text (40);

  add_spacer (sheet, offset);
  trk_block_add (box, 0, TRK_STYLE_BODY, TRK_MARK_NONE, 0, FALSE, before);
  trk_block_add (box, 0, TRK_STYLE_STRONG, TRK_MARK_NONE, 0, TRUE, "Ways out");
  trk_block_add (box, 0, TRK_STYLE_BODY, TRK_MARK_BULLET, 1, TRUE, after);
  trk_sheet_add_block (sheet, box);
  trk_sheet_add_block (sheet, long_block (40));
  return sheet;
}

static void
test_inner_heading (void)
{
  g_assert_cmpuint (sweep (make_inner_heading_sheet), >, 100);
}

/* ---- real checklists ---- */

static TrkChecklistDoc *
paginated (TrkResult  *result,
           const char *lang_text,
           TrkPaper    paper)
{
  TrkLang langs[2];
  guint n_langs = trk_test_parse_langs (lang_text, langs);
  TrkChecklistDoc *doc = trk_checklist_doc_new (result, langs, n_langs, paper);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (trk_checklist_doc_paginate (doc, &error), >, 0);
  g_assert_no_error (error);
  return doc;
}

static const char *const lang_sets[] = { "en", "kk", "ru", "kk,ru", "ru,en" };

static const struct
{
  const char *date;
  const char *answers;
} real_cases[] = {
  { "2025-06-01", LOOP_ANSWERS },
  { "2026-11-28", "status=foreigner age=34 purpose=visa visa_channel=consulate location=abroad "
                  "visa_required=yes has_iin=no fingerprinted=no passport_language=other" },
  { "2026-11-28", "status=foreigner age=41 purpose=temporary_residence location=kazakhstan "
                  "has_iin=yes fingerprinted=no passport_language=ru" },
  { "2026-11-28", "status=citizen age=30" },
};

/* Every real checklist, in every language and on both papers: no widow,
 * no lonely heading, page one holds the outcome and the start of the
 * checklist, and the last page is not nearly empty. */
static void
test_real_pages (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (real_cases); i++)
    for (guint l = 0; l < G_N_ELEMENTS (lang_sets); l++)
      for (guint p = 0; p < 2; p++)
        {
          TrkPaper paper = p == 0 ? TRK_PAPER_A4 : TRK_PAPER_LETTER;
          g_autoptr(TrkResult) result = trk_test_evaluate (rules, real_cases[i].date, real_cases[i].answers);
          g_autoptr(TrkChecklistDoc) doc = paginated (result, lang_sets[l], paper);
          TrkSheet *sheet = _trk_checklist_doc_get_sheet (doc);
          g_autoptr(GArray) lines = placed_lines (sheet);
          g_autofree char *where = NULL;
          guint n_pages = trk_sheet_get_n_pages (sheet);
          double top, bottom, last = 0.0;
          gboolean tickbox_on_first = trk_result_get_n_items (result) == 0;

          if (has_widow_or_orphan (lines, &where) || has_lonely_heading (lines, &where)
              || has_para_widow (lines, &where))
            g_error ("case %u %s paper %d: %s", i, lang_sets[l], paper, where);
          for (guint k = 0; k < lines->len; k++)
            {
              const TrkPlacedLine *line = line_at (lines, k);

              if (line->page == n_pages - 1)
                last = MAX (last, line->bottom);
              /* The checklist's first item: a body line after the outcome. */
              if (line->page == 0 && line->block >= 3 && line->style == TRK_STYLE_BODY)
                tickbox_on_first = TRUE;
            }
          g_assert_true (tickbox_on_first);
          trk_sheet_get_body_area (sheet, n_pages - 1, &top, &bottom);
          if (n_pages > 1 && last - top < 0.1 * (bottom - top))
            g_error ("case %u %s paper %d: the last of %u pages is %.0f%% full", i,
                     lang_sets[l], paper, n_pages, 100 * (last - top) / (bottom - top));
        }
}

/* The loop case: two A4 pages in one language, four in two. */
static void
test_loop_case_pages (void)
{
  g_autoptr(TrkResult) result = trk_test_evaluate (rules, "2025-06-01", LOOP_ANSWERS);

  for (guint l = 0; l < G_N_ELEMENTS (lang_sets); l++)
    {
      g_autoptr(TrkChecklistDoc) a4 = paginated (result, lang_sets[l], TRK_PAPER_A4);
      g_autoptr(TrkChecklistDoc) letter = paginated (result, lang_sets[l], TRK_PAPER_LETTER);
      guint most = strchr (lang_sets[l], ',') != NULL ? 4 : 2;

      g_test_message ("%s: %u A4 pages, %u Letter pages", lang_sets[l],
                      trk_checklist_doc_get_n_pages (a4), trk_checklist_doc_get_n_pages (letter));
      g_assert_cmpuint (trk_checklist_doc_get_n_pages (a4), <=, most);
      g_assert_cmpuint (trk_checklist_doc_get_n_pages (letter), <=, most);
    }
}

/* ---- the PDF's structure ---- */

typedef struct
{
  GPtrArray *kinds;     /* "H1", "L", ... in reading order */
  GPtrArray *headings;  /* the H2 texts */
  guint      n_links;
  guint      n_items;
} Structure;

static const struct
{
  PopplerStructureElementKind kind;
  const char                 *name;
} kind_names[] = {
  { POPPLER_STRUCTURE_ELEMENT_HEADING_1, "H1" },
  { POPPLER_STRUCTURE_ELEMENT_HEADING_2, "H2" },
  { POPPLER_STRUCTURE_ELEMENT_HEADING_3, "H3" },
  { POPPLER_STRUCTURE_ELEMENT_PARAGRAPH, "P" },
  { POPPLER_STRUCTURE_ELEMENT_LIST, "L" },
  { POPPLER_STRUCTURE_ELEMENT_LIST_ITEM, "LI" },
  { POPPLER_STRUCTURE_ELEMENT_LIST_BODY, "LBody" },
  { POPPLER_STRUCTURE_ELEMENT_LINK, "Link" },
  { POPPLER_STRUCTURE_ELEMENT_CONTENT, NULL },
  { POPPLER_STRUCTURE_ELEMENT_OBJECT_REFERENCE, NULL },
};

/* NULL for marked content and annotations (not elements of the text). */
static const char *
kind_name (PopplerStructureElementKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (kind_names[i].kind == kind)
      return kind_names[i].name;

  return "?";
}

static void
walk (PopplerStructureElementIter *iter,
      Structure                   *out)
{
  do
    {
      g_autoptr(TestElement) element = poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementKind kind = poppler_structure_element_get_kind (element);
      const char *name = kind_name (kind);
      PopplerStructureElementIter *child;

      if (name == NULL)
        continue;
      g_ptr_array_add (out->kinds, (gpointer) name);
      out->n_links += kind == POPPLER_STRUCTURE_ELEMENT_LINK;
      out->n_items += kind == POPPLER_STRUCTURE_ELEMENT_LIST_ITEM;
      if (kind == POPPLER_STRUCTURE_ELEMENT_HEADING_2)
        g_ptr_array_add (out->headings,
                         poppler_structure_element_get_text (element,
                                                             POPPLER_STRUCTURE_GET_TEXT_RECURSIVE));
      child = poppler_structure_element_iter_get_child (iter);
      if (child != NULL)
        {
          walk (child, out);
          poppler_structure_element_iter_free (child);
        }
    }
  while (poppler_structure_element_iter_next (iter));
}

static char *
write_pdf (TrkResult  *result,
           const char *lang_text,
           const char *name)
{
  g_autoptr(TrkChecklistDoc) doc = paginated (result, lang_text, TRK_PAPER_A4);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (trk_checklist_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  return path;
}

static TestPdf *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  TestPdf *pdf = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return pdf;
}

/* @what in a PDF's bytes (streams hold NULs: no str* functions). */
static gboolean
pdf_has (const char *data,
         gsize       length,
         const char *what)
{
  gsize n = strlen (what);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, what, n) == 0)
      return TRUE;

  return FALSE;
}

static guint
count_kind (Structure  *structure,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < structure->kinds->len; i++)
    n += g_str_equal (g_ptr_array_index (structure->kinds, i), kind);

  return n;
}

static guint
count_urls (TrkResult *result)
{
  TrkRuleSet *rule_set = trk_result_get_rule_set (result);
  guint n = 0;

  for (guint i = 0; i < trk_result_get_n_sources (result); i++)
    n += trk_rule_set_get_source_url (rule_set, trk_result_get_source (result, i)) != NULL;

  return n;
}

/* English: the headings in the order a reader at the counter needs
 * them; every checklist item a list item; every address a link; the
 * catalog says the language and that the document is tagged. (poppler
 * 22.12 garbles the structure's non-ASCII text, so the texts compared are
 * the English headings.) */
static void
test_tagged_en (void)
{
  g_autoptr(TrkResult) result = trk_test_evaluate (rules, "2025-06-01", LOOP_ANSWERS);
  g_autofree char *path = write_pdf (result, "en", "tagged-en.pdf");
  g_autoptr(TestPdf) pdf = open_pdf (path);
  g_autofree char *data = NULL;
  PopplerStructureElementIter *iter = poppler_structure_element_iter_new (pdf);
  Structure structure = { g_ptr_array_new (), g_ptr_array_new_with_free_func (g_free), 0, 0 };
  const char *const want[] = { "Outcome", "What to bring and where to go", "Warnings",
                               "Circular dependency: each step waits for the next",
                               "Why: the rules and the law", "Your answers", "Sources" };
  gsize length;

  g_assert_nonnull (iter);
  walk (iter, &structure);
  poppler_structure_element_iter_free (iter);

  g_assert_cmpstr (g_ptr_array_index (structure.kinds, 0), ==, "H1");
  g_assert_cmpuint (structure.headings->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    g_assert_cmpstr (g_ptr_array_index (structure.headings, i), ==, want[i]);
  g_assert_cmpuint (count_kind (&structure, "L"), >=, 4);
  g_assert_cmpuint (structure.n_items, >=, trk_result_get_n_items (result)
                                           + trk_result_get_n_answers (result)
                                           + trk_result_get_n_sources (result));
  g_assert_cmpuint (count_kind (&structure, "H3"), ==, 2);  /* deportation, ways out */
  g_assert_cmpuint (structure.n_links, ==, count_urls (result));
  g_assert_cmpuint (structure.n_links, >, 0);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (pdf_has (data, length, "/MarkInfo << /Marked true >>"));
  g_assert_true (pdf_has (data + length - 600, 600, "/Lang (en)"));
  g_assert_true (pdf_has (data + length - 600, 600, "/DisplayDocTitle true"));
  g_ptr_array_unref (structure.kinds);
  g_ptr_array_unref (structure.headings);
}

/* Bilingual: per block, the lead column and then the other, so a
 * section's heading comes twice in a row; the catalog's language is the
 * lead's. */
static void
test_tagged_bilingual (void)
{
  g_autoptr(TrkResult) result = trk_test_evaluate (rules, "2025-06-01", LOOP_ANSWERS);
  g_autofree char *path = write_pdf (result, "kk,ru", "tagged-kk-ru.pdf");
  g_autoptr(TestPdf) pdf = open_pdf (path);
  g_autofree char *data = NULL;
  PopplerStructureElementIter *iter = poppler_structure_element_iter_new (pdf);
  Structure structure = { g_ptr_array_new (), g_ptr_array_new_with_free_func (g_free), 0, 0 };
  gsize length;
  guint pairs = 0;

  g_assert_nonnull (iter);
  walk (iter, &structure);
  poppler_structure_element_iter_free (iter);

  g_assert_cmpuint (structure.headings->len, ==, 14);
  /* A section's heading in kk, then in ru; a box's title is followed by
   * the box's text in its column first. */
  for (guint i = 0; i + 1 < structure.kinds->len; i++)
    if (g_str_equal (g_ptr_array_index (structure.kinds, i), "H2")
        && g_str_equal (g_ptr_array_index (structure.kinds, i + 1), "H2"))
      {
        pairs++;
        i++;
      }
  g_assert_cmpuint (pairs, ==, 5);
  g_assert_cmpuint (count_kind (&structure, "H3"), ==, 4);
  g_assert_cmpuint (structure.n_links, ==, 2 * count_urls (result));
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (pdf_has (data + length - 600, 600, "/Lang (kk)"));
  g_ptr_array_unref (structure.kinds);
  g_ptr_array_unref (structure.headings);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  cairo_font_options_t *options;
  int status;

  g_test_init (&argc, &argv, NULL);
  trk_i18n_init ();

  rules = trk_rule_set_new_builtin (&error);
  g_assert_no_error (error);
  tmp_dir = g_dir_make_tmp ("tirkeu-pages-XXXXXX", &error);
  g_assert_no_error (error);
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);

  g_test_add_func ("/pages/widows", test_widows);
  g_test_add_func ("/pages/keep-with-next", test_keep_with_next);
  g_test_add_func ("/pages/heading-inside-a-block", test_inner_heading);
  g_test_add_func ("/pages/real-checklists", test_real_pages);
  g_test_add_func ("/pages/loop-case", test_loop_case_pages);
  g_test_add_func ("/pages/tagged/en", test_tagged_en);
  g_test_add_func ("/pages/tagged/bilingual", test_tagged_bilingual);

  status = g_test_run ();
  if (g_getenv ("TIRKEU_KEEP_PDF") == NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (tmp_dir, name, NULL);

          g_unlink (child);
        }
      g_rmdir (tmp_dir);
    }
  g_object_unref (context);
  g_clear_object (&rules);
  g_free (tmp_dir);

  return status;
}
