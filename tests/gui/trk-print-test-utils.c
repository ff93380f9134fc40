/* trk-print-test-utils.c - printed checklists read back with poppler
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-evaluator.h"
#include "trk-gui-test-utils.h"
#include "trk-print-test-utils.h"

TrkResult *
trk_print_test_loop_result (void)
{
  static const char *const answers[][2] = {
    { "status", "foreigner" }, { "age", "34" }, { "purpose", "visa" },
    { "visa_channel", "e_visa" }, { "location", "abroad" }, { "visa_required", "yes" },
    { "has_iin", "no" }, { "fingerprinted", "no" }, { "holds_pre2024_document", "no" },
    { "passport_language", "other" },
  };
  TrkRuleSet *rules = trk_application_get_rules (trk_test_get_app ());
  g_autoptr(TrkAnswers) given = trk_answers_new ();
  g_autoptr(GError) error = NULL;
  TrkResult *result;
  GDate date;

  g_assert_true (trk_date_parse ("2026-11-28", &date));
  trk_answers_set_date (given, &date);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    trk_answers_set (given, answers[i][0], answers[i][1]);

  result = trk_evaluate (rules, given, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (trk_result_has_cycle (result));
  return result;
}

PopplerDocument *
trk_print_test_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

void
trk_print_test_assert_pages (PopplerDocument *document,
                             TrkChecklistDoc *expected)
{
  guint n_pages = trk_checklist_doc_get_n_pages (expected);
  double width, height;

  trk_checklist_doc_get_page_size (expected, &width, &height);
  g_assert_cmpuint (n_pages, >, 0);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, (int) n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, (int) i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, width, 0.5);
      g_assert_cmpfloat_with_epsilon (h, height, 0.5);
    }
}

char *
trk_print_test_text (PopplerDocument *document)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (all, text != NULL ? text : "");
      g_string_append_c (all, '\n');
    }
  return g_string_free (all, FALSE);
}

double
trk_print_test_ink (PopplerDocument *document,
                    int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  const double scale = 0.5;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h, ink = 0;
  int width, height, stride;
  const guint8 *data;

  poppler_page_get_size (page, &w, &h);
  width = (int) (w * scale);
  height = (int) (h * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + x * 4);
        double lum = (0.299 * ((px >> 16) & 0xff) + 0.587 * ((px >> 8) & 0xff)
                      + 0.114 * (px & 0xff)) / 255.0;

        ink += 1.0 - lum;
      }
  cairo_surface_destroy (surface);
  return ink / ((double) width * height);
}

TrkChecklistDoc *
trk_print_test_expected (TrkResult     *result,
                         const TrkLang *langs,
                         guint          n_langs,
                         TrkPaper       paper)
{
  TrkChecklistDoc *doc = trk_checklist_doc_new (result, langs, n_langs, paper);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (trk_checklist_doc_paginate (doc, &error), >, 0);
  g_assert_no_error (error);
  return doc;
}
