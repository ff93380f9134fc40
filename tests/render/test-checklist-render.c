/* test-checklist-render.c - checklist PDFs read back with poppler
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seven contrasting applicants, each in en, kk, ru and the pairs ru,en and
 * kk,ru: every text of the result is found again in the PDF, in its own
 * column, no glyph lies outside the margins or on another, two renders are
 * byte-identical, the metadata is set. Then long texts, a missing glyph and
 * failed writes.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <signal.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <poppler.h>

/* poppler-glib 22.12 has no autoptr cleanups: own names cannot clash
 * with the ones a newer poppler declares. */
typedef PopplerDocument TestPdf;
typedef PopplerPage TestPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)

#include "trk-checklist-content-private.h"
#include "trk-checklist-doc.h"
#include "trk-pdf-columns.h"
#include "trk-test-utils.h"
#include "trk-evaluator.h"
#include "trk-i18n.h"
#include "trk-template.h"
#include "trk-test-folder.h"

#define MARGIN_PT (12.7 * 72.0 / 25.4)
#define TOLERANCE 1.0
#define RULES_RESOURCE "/io/github/tirkeu/Tirkeu/core/rules/kz-dactyloscopy.rules.xml"

typedef struct
{
  const char *name;
  const char *date;
  const char *answers;       /* "id=value id=value ..." */
  const char *dactyloscopy;  /* expected status */
  gboolean    loop;
  const char *item;          /* a checklist key that must be there, or NULL */
  const char *warning;       /* a warning key that must be there, or NULL */
} Case;

static const Case cases[] = {
  { "citizen", "2026-11-28", "status=citizen age=30",
    "voluntary", FALSE, NULL, NULL },
  { "visa-abroad-loop", "2026-11-28",
    "status=foreigner age=34 purpose=visa visa_channel=e_visa location=abroad visa_required=yes "
    "has_iin=no fingerprinted=no passport_language=other",
    "mandatory", TRUE, "passport_translation", "refusal_deportation" },
  { "trp-iin-held", "2026-11-28",
    "status=foreigner age=41 purpose=temporary_residence location=kazakhstan has_iin=yes "
    "fingerprinted=no passport_language=ru",
    "mandatory", FALSE, "migration_office", "refusal_deportation" },
  { "grandfathered", "2026-11-28",
    "status=foreigner age=52 purpose=none holds_pre2024_document=yes",
    "grandfathered", FALSE, NULL, NULL },
  { "airport-visa-suspended", "2025-03-01",
    "status=foreigner age=29 purpose=visa visa_channel=airport location=abroad",
    "suspended", FALSE, NULL, NULL },
  { "under-16", "2026-11-28", "status=stateless age=15",
    "not_required", FALSE, NULL, NULL },
  { "deportation-translation", "2026-11-28",
    "status=foreigner age=27 purpose=deportation location=kazakhstan has_iin=no "
    "fingerprinted=no passport_language=other",
    "mandatory", FALSE, "passport_translation", "refusal_deportation" },
};

static const char *const lang_sets[] = { "en", "kk", "ru", "ru,en", "kk,ru" };

typedef struct
{
  const Case *test_case;
  const char *langs;
} RenderTest;

static TrkRuleSet *rules;
static char *tmp_dir;

/* ---- helpers ---- */

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Removes every occurrence of @what (already stripped) from @text. */
static void
remove_all (GString    *text,
            const char *what)
{
  gsize len = strlen (what);
  char *hit;

  if (len == 0)
    return;
  while ((hit = strstr (text->str, what)) != NULL)
    g_string_erase (text, hit - text->str, (gssize) len);
}

static char *
render (TrkResult     *result,
        const TrkLang *langs,
        guint          n_langs,
        const char    *name,
        guint         *n_pages)
{
  g_autoptr(TrkChecklistDoc) doc = trk_checklist_doc_new (result, langs, n_langs, TRK_PAPER_A4);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  *n_pages = trk_checklist_doc_paginate (doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (*n_pages, >=, 1);
  g_assert_true (trk_checklist_doc_check_glyphs (doc, &error));
  g_assert_no_error (error);
  g_assert_true (trk_checklist_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);

  return path;
}

static TestPdf *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  TestPdf *pdf;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  return pdf;
}

/* ---- what the PDF says ---- */

/* The text of one column over all pages, without spaces, headers, footers
 * and page numbers, so a text broken over lines or pages reads whole. */
static char *
column_text (PopplerDocument *pdf,
             TrkResult       *result,
             TrkLang          lang,
             guint            column,
             guint            n_columns)
{
  int n_pages = poppler_document_get_n_pages (pdf);
  g_autofree char *header = _trk_checklist_content_header (result, lang);
  g_autofree char *header_s = strip_spaces (header);
  g_autofree char *footer_s = strip_spaces (_trk_checklist_content_footer (lang));
  GString *all = g_string_new (NULL);

  for (int p = 0; p < n_pages; p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf, p);
      g_autofree char *number = NULL;
      g_autofree char *number_s = NULL;
      g_autofree char *page_arg = g_strdup_printf ("%d", p + 1);
      g_autofree char *total_arg = g_strdup_printf ("%d", n_pages);
      const char *args[] = { page_arg, total_arg };
      g_autofree char *text = NULL;
      double width, height;
      GString *chunk;

      poppler_page_get_size (page, &width, &height);
      text = trk_pdf_column_text (page, column * width / n_columns,
                                  (column + 1) * width / n_columns, FALSE);
      chunk = g_string_new (text);
      number = trk_template_fill (_trk_checklist_content_page_template (lang), args, 2);
      number_s = strip_spaces (number);
      remove_all (chunk, header_s);
      remove_all (chunk, footer_s);
      remove_all (chunk, number_s);
      g_string_append (all, chunk->str);
      g_string_free (chunk, TRUE);
    }

  return g_string_free (all, FALSE);
}

static void
add_expected (GPtrArray  *texts,
              const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

static void
add_owned (GPtrArray *texts,
           char      *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (texts, text);
  else
    g_free (text);
}

/* The sources list: each title, a press report's "reported by ... not
 * checked", each address. */
static void
add_expected_sources (GPtrArray *texts,
                      TrkResult *result,
                      TrkLang    lang)
{
  TrkRuleSet *rule_set = trk_result_get_rule_set (result);

  for (guint i = 0; i < trk_result_get_n_sources (result); i++)
    {
      guint source = trk_result_get_source (result, i);

      add_expected (texts, trk_rule_set_get_source_title (rule_set, source, lang));
      add_owned (texts, trk_rule_set_describe_source (rule_set, source, lang));
      add_expected (texts, trk_rule_set_get_source_url (rule_set, source));
    }
}

static void
add_expected_outcome (GPtrArray *texts,
                      TrkResult *result,
                      TrkLang    lang)
{
  TrkRuleSet *rule_set = trk_result_get_rule_set (result);
  const char *const targets[] = { "dactyloscopy", "iin" };

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      const char *status = trk_result_get_status (result, targets[t]);

      add_expected (texts, trk_rule_set_get_status_label (rule_set, targets[t], status, lang));
      for (guint r = 0; r < trk_result_get_n_reasons (result, targets[t]); r++)
        {
          add_expected (texts, trk_result_get_reason_text (result, targets[t], r, lang));
          add_owned (texts, trk_result_get_short_citation (result, TRK_CITED_REASON, targets[t],
                                                           r, lang));
        }
    }
}

static void
add_expected_loop (GPtrArray *texts,
                   TrkResult *result,
                   TrkLang    lang)
{
  TrkRuleSet *rule_set = trk_result_get_rule_set (result);

  for (guint i = 0; i < trk_result_get_cycle_length (result); i++)
    {
      add_expected (texts, trk_rule_set_get_step_label (rule_set,
                                                        trk_result_get_cycle_step (result, i),
                                                        lang));
      add_expected (texts, trk_result_get_cycle_link_text (result, i, lang));
    }
  for (guint i = 0; i < trk_result_get_n_ways_out (result); i++)
    {
      add_expected (texts, trk_result_get_way_out_text (result, i, lang));
      add_owned (texts, trk_result_get_short_citation (result, TRK_CITED_WAY_OUT, NULL, i, lang));
    }
}

/* Every text of the result in @lang. */
static GPtrArray *
expected_texts (TrkResult *result,
                TrkLang    lang)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  add_expected (texts, _trk_checklist_content_title (lang));
  for (guint i = 0; i < trk_result_get_n_answers (result); i++)
    {
      g_ptr_array_add (texts, trk_result_get_answer_label (result, i, lang));
      add_expected (texts, trk_question_get_label (trk_result_get_answer_question (result, i),
                                                   lang));
    }
  add_expected_outcome (texts, result, lang);
  add_expected_loop (texts, result, lang);
  for (guint i = 0; i < trk_result_get_n_items (result); i++)
    {
      add_expected (texts, trk_result_get_item_text (result, i, lang));
      add_owned (texts, trk_result_get_short_citation (result, TRK_CITED_ITEM, NULL, i, lang));
    }
  for (guint i = 0; i < trk_result_get_n_warnings (result); i++)
    {
      add_expected (texts, trk_result_get_warning_text (result, i, lang));
      add_owned (texts, trk_result_get_short_citation (result, TRK_CITED_WARNING, NULL, i, lang));
    }
  add_expected_sources (texts, result, lang);

  return texts;
}

static void
assert_texts_present (PopplerDocument *pdf,
                      TrkResult       *result,
                      const TrkLang   *langs,
                      guint            n_langs)
{
  for (guint c = 0; c < n_langs; c++)
    {
      g_autofree char *text = column_text (pdf, result, langs[c], c, n_langs);
      g_autoptr(GPtrArray) expected = expected_texts (result, langs[c]);

      for (guint i = 0; i < expected->len; i++)
        {
          g_autofree char *want = strip_spaces (g_ptr_array_index (expected, i));

          if (want[0] != '\0' && strstr (text, want) == NULL)
            g_error ("%s text not found in column %u: “%s” in “%s”",
                     trk_lang_to_string (langs[c]), c, (char *) g_ptr_array_index (expected, i),
                     text);
        }
    }
}

static guint
count_in (const char *text,
          const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;

  return n;
}

/* A source's full title is printed in the sources list only (as often as
 * the texts themselves name it, for example two reports of one act); the
 * citations are short ("[1] case 6: visas"), and each entry is numbered. */
static void
assert_titles_once (PopplerDocument *pdf,
                    TrkResult       *result,
                    const TrkLang   *langs,
                    guint            n_langs)
{
  TrkRuleSet *rule_set = trk_result_get_rule_set (result);

  for (guint c = 0; c < n_langs; c++)
    {
      g_autofree char *text = column_text (pdf, result, langs[c], c, n_langs);
      g_autoptr(GPtrArray) expected = expected_texts (result, langs[c]);
      g_autofree char *joined = NULL;
      g_autofree char *all = NULL;

      g_ptr_array_add (expected, NULL);
      joined = g_strjoinv ("", (char **) expected->pdata);
      all = strip_spaces (joined);
      for (guint i = 0; i < trk_result_get_n_sources (result); i++)
        {
          guint source = trk_result_get_source (result, i);
          g_autofree char *title = strip_spaces (trk_rule_set_get_source_title (rule_set, source,
                                                                                langs[c]));
          g_autofree char *numbered = g_strdup_printf ("[%u]%s", i + 1, title);

          g_assert_nonnull (strstr (text, numbered));
          g_assert_cmpuint (count_in (text, title), ==, count_in (all, title));
        }
    }
}

/* Kazakh letters come back as themselves, not as boxes or look-alikes:
 * each one used by the texts of a column is extracted from that column. */
static void
assert_kazakh_letters (PopplerDocument *pdf,
                       TrkResult       *result,
                       const TrkLang   *langs,
                       guint            n_langs)
{
  const char *letters[] = { "ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і",
                            "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І" };

  for (guint c = 0; c < n_langs; c++)
    {
      g_autofree char *text = column_text (pdf, result, langs[c], c, n_langs);
      g_autoptr(GPtrArray) expected = expected_texts (result, langs[c]);
      g_autofree char *all = NULL;

      g_ptr_array_add (expected, NULL);
      all = g_strjoinv ("", (char **) expected->pdata);
      for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
        if (strstr (all, letters[i]) != NULL && strstr (text, letters[i]) == NULL)
          g_error ("the letter %s is missing from the %s column", letters[i],
                   trk_lang_to_string (langs[c]));
    }
}

/* ---- where the glyphs are ---- */

typedef struct
{
  PopplerRectangle rect;
} Box;

static int
compare_boxes (gconstpointer a,
               gconstpointer b)
{
  const Box *x = a, *y = b;

  return (x->rect.y1 > y->rect.y1) - (x->rect.y1 < y->rect.y1);
}

/* Glyph boxes of the visible characters, shrunk to their middle so that
 * neighbours in a word do not count as overlapping. */
static GArray *
page_boxes (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  const char *p = text;
  guint n = 0;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  for (guint i = 0; i < n && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      Box box = { rects[i] };

      if (g_unichar_isspace (g_utf8_get_char (p)))
        continue;
      g_array_append_val (boxes, box);
    }
  g_free (rects);

  return boxes;
}

static void
assert_inside_margins (GArray *boxes,
                       double  width,
                       double  height)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      PopplerRectangle *r = &g_array_index (boxes, Box, i).rect;

      if (r->x1 < MARGIN_PT - TOLERANCE || r->x2 > width - MARGIN_PT + TOLERANCE
          || r->y1 < MARGIN_PT - TOLERANCE || r->y2 > height - MARGIN_PT + TOLERANCE)
        g_error ("a glyph at (%.1f, %.1f)-(%.1f, %.1f) is outside the margins of a "
                 "%.0fx%.0f page", r->x1, r->y1, r->x2, r->y2, width, height);
    }
}

static void
shrink (PopplerRectangle *r)
{
  double w = r->x2 - r->x1, h = r->y2 - r->y1;

  r->x1 += 0.2 * w;
  r->x2 -= 0.2 * w;
  r->y1 += 0.12 * h;
  r->y2 -= 0.12 * h;
}

static void
assert_no_overlap (GArray *boxes)
{
  for (guint i = 0; i < boxes->len; i++)
    shrink (&g_array_index (boxes, Box, i).rect);
  g_array_sort (boxes, compare_boxes);

  for (guint i = 0; i < boxes->len; i++)
    {
      PopplerRectangle *a = &g_array_index (boxes, Box, i).rect;

      for (guint j = i + 1; j < boxes->len; j++)
        {
          PopplerRectangle *b = &g_array_index (boxes, Box, j).rect;

          if (b->y1 >= a->y2)
            break;
          if (b->x1 < a->x2 && a->x1 < b->x2)
            g_error ("glyphs overlap at (%.1f, %.1f) and (%.1f, %.1f)",
                     a->x1, a->y1, b->x1, b->y1);
        }
    }
}

static void
assert_geometry (PopplerDocument *pdf)
{
  for (int p = 0; p < poppler_document_get_n_pages (pdf); p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf, p);
      GArray *boxes = page_boxes (page);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
      g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
      g_assert_cmpuint (boxes->len, >, 0);
      assert_inside_margins (boxes, width, height);
      assert_no_overlap (boxes);
      g_array_unref (boxes);
    }
}

static void
assert_metadata (PopplerDocument *pdf,
                 TrkResult       *result,
                 TrkLang          lead,
                 const char      *langs)
{
  g_autofree char *title = poppler_document_get_title (pdf);
  g_autofree char *creator = poppler_document_get_creator (pdf);
  g_autofree char *keywords = poppler_document_get_keywords (pdf);
  g_autofree char *lang_keyword = g_strconcat ("lang:", langs, NULL);
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *created_text = NULL;

  g_assert_true (g_str_has_prefix (title, _trk_checklist_content_title (lead)));
  g_assert_cmpstr (creator, ==, PACKAGE_NAME " " PACKAGE_VERSION);
  g_assert_nonnull (strstr (keywords, lang_keyword));
  created = g_date_time_new_from_unix_utc (poppler_document_get_creation_date (pdf));
  created_text = g_date_time_format (created, "%Y-%m-%d");
  g_assert_cmpstr (created_text, ==, trk_rule_set_get_checked (trk_result_get_rule_set (result)));
}

static void
assert_same_bytes (const char *a,
                   const char *b)
{
  g_autofree char *data_a = NULL;
  g_autofree char *data_b = NULL;
  gsize len_a, len_b;

  g_assert_true (g_file_get_contents (a, &data_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (b, &data_b, &len_b, NULL));
  g_assert_true (len_a > 4 && memcmp (data_a, "%PDF", 4) == 0);
  g_assert_cmpmem (data_a, len_a, data_b, len_b);
}

/* ---- the cases ---- */

static void
assert_case_outcome (TrkResult  *result,
                     const Case *test_case)
{
  gboolean item = test_case->item == NULL, warning = test_case->warning == NULL;

  g_assert_cmpstr (trk_result_get_status (result, "dactyloscopy"), ==, test_case->dactyloscopy);
  g_assert_cmpint (trk_result_has_cycle (result), ==, test_case->loop);
  for (guint i = 0; i < trk_result_get_n_items (result); i++)
    item = item || g_strcmp0 (trk_result_get_item_key (result, i), test_case->item) == 0;
  for (guint i = 0; i < trk_result_get_n_warnings (result); i++)
    warning = warning || g_strcmp0 (trk_result_get_warning_key (result, i),
                                    test_case->warning) == 0;
  g_assert_true (item);
  g_assert_true (warning);
}

static void
test_case_render (gconstpointer data)
{
  const RenderTest *test = data;
  g_autoptr(TrkResult) result = trk_test_evaluate (rules, test->test_case->date, test->test_case->answers);
  g_autofree char *name = g_strdup_printf ("%s-%s.pdf", test->test_case->name, test->langs);
  g_autofree char *name2 = g_strdup_printf ("%s-%s-again.pdf", test->test_case->name, test->langs);
  g_autofree char *path = NULL;
  g_autofree char *path2 = NULL;
  g_autoptr(TestPdf) pdf = NULL;
  TrkLang langs[2];
  guint n_langs = trk_test_parse_langs (test->langs, langs);
  guint n_pages, n_pages2;

  assert_case_outcome (result, test->test_case);
  path = render (result, langs, n_langs, name, &n_pages);
  path2 = render (result, langs, n_langs, name2, &n_pages2);
  assert_same_bytes (path, path2);

  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) n_pages);
  assert_texts_present (pdf, result, langs, n_langs);
  assert_kazakh_letters (pdf, result, langs, n_langs);
  assert_titles_once (pdf, result, langs, n_langs);
  assert_geometry (pdf);
  assert_metadata (pdf, result, langs[0], test->langs);
  g_unlink (path2);
}

/* Letter paper: same checks of place, another page size. */
static void
test_letter (void)
{
  g_autoptr(TrkResult) result = trk_test_evaluate (rules, cases[1].date, cases[1].answers);
  const TrkLang langs[] = { TRK_LANG_KK, TRK_LANG_EN };
  g_autoptr(TrkChecklistDoc) doc = trk_checklist_doc_new (result, langs, 2, TRK_PAPER_LETTER);
  g_autofree char *path = g_build_filename (tmp_dir, "letter.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(TestPage) page = NULL;
  double width, height;

  g_assert_true (trk_checklist_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  pdf = open_pdf (path);
  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (width, ==, 612.0);
  g_assert_cmpfloat (height, ==, 792.0);
  for (int p = 0; p < poppler_document_get_n_pages (pdf); p++)
    {
      g_autoptr(TestPage) each = poppler_document_get_page (pdf, p);
      GArray *boxes = page_boxes (each);

      assert_inside_margins (boxes, width, height);
      g_array_unref (boxes);
    }
  assert_texts_present (pdf, result, langs, 2);
}

/* ---- a rules file with other texts ---- */

/* The built-in rules with @extra added to the end of every checklist text. */
static TrkRuleSet *
rules_with_item_suffix (const char *extra)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RULES_RESOURCE, 0, NULL);
  const char *xml = g_bytes_get_data (bytes, NULL);
  const char *start = strstr (xml, "<checklist>");
  const char *end = strstr (xml, "</checklist>");
  g_autofree char *middle = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *suffix = g_strconcat (extra, "</text>", NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) changed = NULL;
  TrkRuleSet *rule_set;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  middle = g_strndup (start, end - start);
  parts = g_strsplit (middle, "</text>", -1);
  joined = g_strjoinv (suffix, parts);
  g_string_append_len (out, xml, start - xml);
  g_string_append (out, joined);
  g_string_append (out, end);
  changed = g_bytes_new (out->str, out->len);
  rule_set = trk_rule_set_new_from_bytes (changed, "changed.rules.xml", &error);
  g_assert_no_error (error);

  return rule_set;
}

static guint
count_occurrences (const char *text,
                   const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;

  return n;
}

/* Every item so long that one is taller than a page: it flows over pages,
 * split between lines, and every word comes back. */
static void
test_long_texts (void)
{
  g_autoptr(GString) filler = g_string_new (NULL);
  g_autoptr(TrkRuleSet) long_rules = NULL;
  g_autoptr(TrkResult) normal = trk_test_evaluate (rules, cases[1].date, cases[1].answers);
  g_autoptr(TrkResult) result = NULL;
  const TrkLang langs[] = { TRK_LANG_KK, TRK_LANG_RU };
  g_autofree char *path = NULL;
  g_autofree char *normal_path = NULL;
  g_autoptr(TestPdf) pdf = NULL;
  guint n_pages, n_normal;

  for (guint i = 0; i < 90; i++)
    g_string_append_printf (filler, " Ұзақ мәтін %u: long words and Қазақ letters "
                            "ғ ң ө ү һ і.", i);
  g_string_append (filler, " ZZEND");
  long_rules = rules_with_item_suffix (filler->str);
  result = trk_test_evaluate (long_rules, cases[1].date, cases[1].answers);
  g_assert_cmpuint (trk_result_get_n_items (result), >=, 3);

  normal_path = render (normal, langs, 2, "normal.pdf", &n_normal);
  path = render (result, langs, 2, "long.pdf", &n_pages);
  g_assert_cmpuint (n_pages, >, n_normal + trk_result_get_n_items (result));

  pdf = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) n_pages);
  assert_geometry (pdf);
  for (guint c = 0; c < 2; c++)
    {
      g_autofree char *text = column_text (pdf, result, langs[c], c, 2);

      g_assert_cmpuint (count_occurrences (text, "ZZEND"), ==, trk_result_get_n_items (result));
      g_assert_cmpuint (count_occurrences (text, "Ұзақмәтін89:"), ==,
                        trk_result_get_n_items (result));
    }
  assert_texts_present (pdf, result, langs, 2);
}

/* The font has no arrow: the check must name the character, not print a box. */
static void
test_missing_glyph (void)
{
  g_autoptr(TrkRuleSet) arrow_rules = rules_with_item_suffix (" A → B");
  g_autoptr(TrkResult) result = trk_test_evaluate (arrow_rules, cases[1].date, cases[1].answers);
  const TrkLang lang = TRK_LANG_EN;
  g_autoptr(TrkChecklistDoc) doc = trk_checklist_doc_new (result, &lang, 1, TRK_PAPER_A4);
  g_autofree char *path = g_build_filename (tmp_dir, "arrow.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (trk_checklist_doc_check_glyphs (doc, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == TRK_CHECKLIST_ERROR);
  g_assert_nonnull (strstr (error->message, "U+2192"));
  g_clear_error (&error);

  g_assert_false (trk_checklist_doc_write_pdf (doc, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ---- atomic writes ---- */

static TrkChecklistDoc *
simple_doc (TrkResult *result)
{
  const TrkLang lang = TRK_LANG_RU;

  return trk_checklist_doc_new (result, &lang, 1, TRK_PAPER_A4);
}

static void
assert_write_fails (TrkChecklistDoc *doc,
                    const char      *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (trk_checklist_doc_write_pdf (doc, path, &error));
  g_assert_error (error, TRK_CHECKLIST_ERROR, TRK_CHECKLIST_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_write_failures (void)
{
  g_autoptr(TrkResult) result = trk_test_evaluate (rules, cases[6].date, cases[6].answers);
  g_autoptr(TrkChecklistDoc) doc = simple_doc (result);
  g_autofree char *folder = g_build_filename (tmp_dir, "write", NULL);
  g_autofree char *missing = g_build_filename (folder, "no-such-folder", "out.pdf", NULL);
  g_autofree char *file = g_build_filename (folder, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "out.pdf", NULL);
  g_autofree char *is_dir = g_build_filename (folder, "a-folder", NULL);

  g_assert_cmpint (g_mkdir_with_parents (is_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));

  assert_write_fails (doc, missing);
  assert_write_fails (doc, under_file);
  assert_write_fails (doc, is_dir);
  g_assert_true (g_file_test (is_dir, G_FILE_TEST_IS_DIR));
  /* Only what the test made: no temporary file is left. */
  g_assert_cmpuint (trk_test_count_entries (folder), ==, 2);

  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (folder, "locked", NULL);
      g_autofree char *inside = g_build_filename (locked, "out.pdf", NULL);

      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      assert_write_fails (doc, inside);
      g_assert_cmpuint (trk_test_count_entries (locked), ==, 0);
    }
}

/* A write that fails half way (a file size limit, lowered for this write
 * only): the old file stays as it was and the temporary file is removed. */
static void
test_write_fails_midway (void)
{
  g_autoptr(TrkResult) result = trk_test_evaluate (rules, cases[6].date, cases[6].answers);
  g_autoptr(TrkChecklistDoc) doc = simple_doc (result);
  g_autofree char *folder = g_build_filename (tmp_dir, "midway", NULL);
  g_autofree char *path = g_build_filename (folder, "checklist.pdf", NULL);
  g_autofree char *contents = NULL;
  struct rlimit saved, limit;
  void (*saved_handler) (int);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", 3, NULL));
  g_assert_cmpuint (trk_checklist_doc_paginate (doc, NULL), >, 0);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 2048;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  assert_write_fails (doc, path);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (trk_test_count_entries (folder), ==, 1);
}

/* ---- main ---- */

static RenderTest render_tests[G_N_ELEMENTS (cases) * G_N_ELEMENTS (lang_sets)];

static void
add_case_tests (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint l = 0; l < G_N_ELEMENTS (lang_sets); l++)
      {
        RenderTest *test = &render_tests[i * G_N_ELEMENTS (lang_sets) + l];
        g_autofree char *test_path = g_strdup_printf ("/render/case/%s/%s", cases[i].name,
                                                      lang_sets[l]);

        test->test_case = &cases[i];
        test->langs = lang_sets[l];
        g_test_add_data_func (test_path, test, test_case_render);
      }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  trk_i18n_init ();

  rules = trk_rule_set_new_builtin (&error);
  g_assert_no_error (error);
  tmp_dir = g_dir_make_tmp ("tirkeu-render-XXXXXX", &error);
  g_assert_no_error (error);

  add_case_tests ();
  g_test_add_func ("/render/letter", test_letter);
  g_test_add_func ("/render/long-texts", test_long_texts);
  g_test_add_func ("/render/missing-glyph", test_missing_glyph);
  g_test_add_func ("/render/write-failures", test_write_failures);
  g_test_add_func ("/render/write-fails-midway", test_write_fails_midway);

  status = g_test_run ();
  if (g_getenv ("TIRKEU_KEEP_PDF") == NULL)
    trk_test_remove_tree (tmp_dir);
  else
    g_printerr ("PDFs kept in %s\n", tmp_dir);
  g_clear_object (&rules);
  g_free (tmp_dir);

  return status;
}
