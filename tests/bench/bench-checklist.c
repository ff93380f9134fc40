/* bench-checklist.c - how fast the checklist PDF is drawn, and how big (not a test)
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document: the applicant caught in the loop (a visa from abroad, no
 * IIN, a passport in another language) on 2026-11-28, in Kazakh, Russian
 * and English one after another in ONE PDF (the trilingual checklist),
 * drawn in-process with the same routine the CLI and the GUI use. Also
 * the bilingual kk,ru file through trk_checklist_doc_write_pdf (atomic
 * write and fsync included). Median of --runs; the first run is reported
 * apart (it pays for fontconfig and font loading).
 *
 *   bench-checklist [--runs=N] [--html=FILE] [--pdf=FILE]
 *
 * --html writes the same content as HTML for the Chromium baseline
 * (tests/bench/chromium-baseline.sh); --pdf keeps the trilingual PDF.
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "trk-checklist-doc.h"
#include "trk-evaluator.h"
#include "trk-i18n.h"
#include "trk-bench.h"

static const char *const loop_answers[][2] = {
  { "status", "foreigner" }, { "age", "34" }, { "purpose", "visa" },
  { "visa_channel", "e_visa" }, { "holds_pre2024_document", "no" }, { "location", "abroad" }, { "visa_required", "yes" }, { "has_iin", "no" },
  { "fingerprinted", "no" }, { "passport_language", "other" },
};

static const TrkLang trilingual[] = { TRK_LANG_KK, TRK_LANG_RU, TRK_LANG_EN };

/* The languages of the HTML (--html-langs; default the three). */
static TrkLang html_langs[G_N_ELEMENTS (trilingual)] = { TRK_LANG_KK, TRK_LANG_RU, TRK_LANG_EN };
static guint n_html_langs = G_N_ELEMENTS (trilingual);

static TrkResult *
evaluate_loop (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = trk_rule_set_new_builtin (&error);
  g_autoptr(TrkAnswers) answers = trk_answers_new ();
  TrkResult *result;
  GDate date;

  if (rules == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (loop_answers); i++)
    trk_answers_set (answers, loop_answers[i][0], loop_answers[i][1]);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 28, G_DATE_NOVEMBER, 2026);
  result = trk_evaluate (rules, answers, &date, &error);
  if (result == NULL)
    g_error ("%s", error->message);

  return result;
}

static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  GByteArray *bytes = closure;

  g_byte_array_append (bytes, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* One PDF with the checklist in the three languages; returns its bytes. */
static GByteArray *
render_trilingual (TrkResult *result,
                   guint     *n_pages)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (count_bytes, bytes,
                                                                  595.276, 841.89);
  cairo_t *cr = cairo_create (surface);

  *n_pages = 0;
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-11-28T00:00:00Z");
  for (guint l = 0; l < G_N_ELEMENTS (trilingual); l++)
    {
      g_autoptr(TrkChecklistDoc) doc = trk_checklist_doc_new (result, &trilingual[l], 1,
                                                              TRK_PAPER_A4);
      g_autoptr(GError) error = NULL;
      guint n = trk_checklist_doc_paginate (doc, &error);

      if (n == 0)
        g_error ("%s", error->message);
      for (guint p = 0; p < n; p++)
        {
          trk_checklist_doc_draw_page (doc, cr, p);
          cairo_show_page (cr);
        }
      *n_pages += n;
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return bytes;
}

static gsize
write_bilingual (TrkResult  *result,
                 const char *path,
                 guint      *n_pages)
{
  const TrkLang langs[] = { TRK_LANG_KK, TRK_LANG_RU };
  g_autoptr(TrkChecklistDoc) doc = trk_checklist_doc_new (result, langs, 2, TRK_PAPER_A4);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (!trk_checklist_doc_write_pdf (doc, path, &error))
    g_error ("%s", error->message);
  *n_pages = trk_checklist_doc_get_n_pages (doc);
  g_assert (g_stat (path, &st) == 0);

  return (gsize) st.st_size;
}

typedef struct
{
  double first_ms;
  double median_ms;
  double median_cpu_ms;
  gsize  bytes;
  guint  pages;
} Figures;

static void
measure_trilingual (TrkResult  *result,
                    guint       runs,
                    const char *keep,
                    Figures    *out)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = trk_bench_process_cpu_ms ();
      GByteArray *bytes = render_trilingual (result, &out->pages);
      double ms = (g_get_monotonic_time () - start) / 1000.0;
      double cpu = trk_bench_process_cpu_ms () - cpu_start;

      if (i == 0)
        out->first_ms = ms;
      else
        {
          g_array_append_val (times, ms);
          g_array_append_val (cpu_times, cpu);
        }
      out->bytes = bytes->len;
      if (i == 0 && keep != NULL)
        g_assert (g_file_set_contents (keep, (const char *) bytes->data, bytes->len, NULL));
      g_byte_array_unref (bytes);
    }
  out->median_ms = trk_bench_median (times);
  out->median_cpu_ms = trk_bench_median (cpu_times);
}

static void
measure_bilingual (TrkResult *result,
                   guint      runs,
                   Figures   *out)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tirkeu-bench-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "kk-ru.pdf", NULL);
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      out->bytes = write_bilingual (result, path, &out->pages);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  out->median_ms = trk_bench_median (times);
  g_unlink (path);
  g_rmdir (dir);
}

/* ---- the same content as HTML, for Chromium ---- */

/* @open, the escaped @text, @close. */
static void
append_escaped (GString    *html,
                const char *open,
                const char *text,
                const char *close)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (html, open);
  g_string_append (html, escaped);
  g_string_append (html, close);
}

static void
html_outcome (GString   *html,
              TrkResult *result,
              TrkLang    lang)
{
  TrkRuleSet *rules = trk_result_get_rule_set (result);
  const char *const targets[] = { "dactyloscopy", "iin" };

  g_string_append (html, "<div class=outcome>");
  for (guint t = 0; t < 2; t++)
    {
      append_escaped (html, "<p class=small>",
                      trk_rule_set_get_target_label (rules, targets[t], lang), "</p>");
      append_escaped (html, "<p class=status>",
                      trk_rule_set_get_status_label (rules, targets[t],
                                                     trk_result_get_status (result, targets[t]),
                                                     lang), "</p>");
    }
  g_string_append (html, "</div><div class=loop><ol>");
  for (guint i = 0; i < trk_result_get_cycle_length (result); i++)
    {
      append_escaped (html, "<li><b>", trk_rule_set_get_step_label (
                        rules, trk_result_get_cycle_step (result, i), lang), "</b>");
      append_escaped (html, "<br>&#8595; ", trk_result_get_cycle_link_text (result, i, lang),
                      "</li>");
    }
  g_string_append (html, "</ol><ul>");
  for (guint i = 0; i < trk_result_get_n_ways_out (result); i++)
    append_escaped (html, "<li>", trk_result_get_way_out_text (result, i, lang), "</li>");
  g_string_append (html, "</ul></div>");
}

static void
html_reasons (GString   *html,
              TrkResult *result,
              TrkLang    lang)
{
  const char *const targets[] = { "dactyloscopy", "iin" };

  g_string_append (html, "<h2>Why</h2><ul>");
  for (guint t = 0; t < 2; t++)
    for (guint r = 0; r < trk_result_get_n_reasons (result, targets[t]); r++)
      {
        g_autofree char *citation = trk_result_get_reason_citation (result, targets[t], r, lang);

        append_escaped (html, "<li>", trk_result_get_reason_text (result, targets[t], r, lang),
                        "");
        append_escaped (html, "<p class=small>", citation, "</p></li>");
      }
  g_string_append (html, "</ul>");
}

static void
html_items (GString   *html,
            TrkResult *result,
            TrkLang    lang)
{
  g_string_append (html, "<h2>Documents and steps</h2><ul class=ticks>");
  for (guint i = 0; i < trk_result_get_n_items (result); i++)
    {
      g_autofree char *citation = trk_result_get_item_citation (result, i, lang);

      append_escaped (html, "<li>", trk_result_get_item_text (result, i, lang), "");
      append_escaped (html, "<p class=small>", citation, "</p></li>");
    }
  g_string_append (html, "</ul><h2>Warnings</h2>");
  for (guint i = 0; i < trk_result_get_n_warnings (result); i++)
    append_escaped (html, "<div class=warning>",
                    trk_result_get_warning_text (result, i, lang), "</div>");
}

static void
html_language (GString   *html,
               TrkResult *result,
               TrkLang    lang)
{
  append_escaped (html, "<section lang=", trk_lang_to_string (lang), ">");
  append_escaped (html, "<h1>",
                  trk_i18n_gettext (lang, "Checklist: fingerprint registration in Kazakhstan"),
                  "</h1>");
  append_escaped (html, "<p class=small>", trk_result_get_date (result),
                  "</p><h2>Answers</h2><ul>");
  for (guint i = 0; i < trk_result_get_n_answers (result); i++)
    {
      g_autofree char *answer = trk_result_get_answer_label (result, i, lang);

      append_escaped (html, "<li>", trk_question_get_label (
                        trk_result_get_answer_question (result, i), lang), " ");
      append_escaped (html, "<b>", answer, "</b></li>");
    }
  g_string_append (html, "</ul>");
  html_outcome (html, result, lang);
  html_reasons (html, result, lang);
  html_items (html, result, lang);
  g_string_append (html, "<footer>This checklist is not legal advice.</footer></section>");
}

static void
write_html (TrkResult  *result,
            const char *path)
{
  g_autoptr(GString) html = g_string_new (
    "<!DOCTYPE html><html><head><meta charset=utf-8><title>Checklist</title><style>"
    "@page{size:A4;margin:20mm}body{font-family:'Noto Sans';font-size:10pt;color:#1c1c1f}"
    "section{break-after:page}h1{font-size:17pt}h2{font-size:12pt;color:#1d4f91;"
    "border-bottom:.6pt solid #1d4f91}.small{font-size:8pt;color:#5c5c61;margin:0}"
    ".status{font-size:12.5pt;font-weight:bold;margin:0 0 4pt}"
    ".outcome{border:.75pt solid #1d4f91;border-left:3pt solid #1d4f91;padding:7pt 10pt}"
    ".loop{border:.75pt solid #9e5c00;border-left:3pt solid #9e5c00;background:#fff8ed;"
    "padding:7pt 10pt;margin-top:8pt}.ticks{list-style:'\\2610  '}"
    ".warning{border:.75pt solid #b3261e;border-left:3pt solid #b3261e;padding:7pt 10pt}"
    "footer{font-size:7.5pt;color:#5c5c61}</style></head><body>");

  for (guint l = 0; l < n_html_langs; l++)
    html_language (html, result, html_langs[l]);
  g_string_append (html, "</body></html>\n");
  if (!g_file_set_contents (path, html->str, (gssize) html->len, NULL))
    g_error ("cannot write %s", path);
}

int
main (int    argc,
      char **argv)
{
  int runs = 50;
  g_autofree char *html = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *langs_text = NULL;
  gboolean html_only = FALSE;
  const GOptionEntry entries[] = {
    { "html-langs", 0, 0, G_OPTION_ARG_STRING, &langs_text,
      "Languages of the HTML, e.g. kk,en (default kk,ru,en)", "LANGS" },
    { "html-only", 0, 0, G_OPTION_ARG_NONE, &html_only, "Only write the HTML", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs (median)", "N" },
    { "html", 0, 0, G_OPTION_ARG_FILENAME, &html, "Write the same content as HTML", "FILE" },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, "Keep the trilingual PDF", "FILE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkResult) result = NULL;
  Figures tri = { 0, }, bi = { 0, };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      fprintf (stderr, "bench-checklist: %s\n", error != NULL ? error->message : "--runs < 1");
      return 2;
    }
  trk_i18n_init ();
  if (langs_text != NULL)
    {
      g_auto(GStrv) codes = g_strsplit (langs_text, ",", G_N_ELEMENTS (trilingual));

      n_html_langs = 0;
      for (guint i = 0; codes[i] != NULL; i++)
        if (!trk_lang_from_string (codes[i], &html_langs[n_html_langs++]))
          {
            fprintf (stderr, "bench-checklist: unknown language %s\n", codes[i]);
            return 2;
          }
    }
  result = evaluate_loop ();
  if (html != NULL)
    write_html (result, html);
  if (html_only)
    return 0;

  measure_trilingual (result, (guint) runs, pdf, &tri);
  measure_bilingual (result, (guint) runs, &bi);

  printf ("checklist trilingual (kk+ru+en, one PDF, in-process): %u pages, %zu bytes, "
          "first run %.2f ms, median %.2f ms over %d runs\n",
          tri.pages, tri.bytes, tri.first_ms, tri.median_ms, runs);
  printf ("checklist bilingual kk,ru (write_pdf: temp file, fsync, rename): %u pages, "
          "%zu bytes, median %.2f ms\n", bi.pages, bi.bytes, bi.median_ms);
  printf ("tirkeu_ms=%.3f tirkeu_cpu_ms=%.3f tirkeu_bytes=%zu tirkeu_pages=%u\n", tri.median_ms,
          tri.median_cpu_ms, tri.bytes, tri.pages);

  return 0;
}
