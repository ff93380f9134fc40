/* test-print.c - the checklist through the print operation and Save PDF
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "trk-evaluator.h"
#include "trk-gui-test-utils.h"
#include "trk-pdf-export.h"
#include "trk-print-operation.h"

static TrkResult *
loop_result (void)
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

static void
assert_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

static void
test_print_operation_exports_pdf (void)
{
  g_autoptr(TrkResult) result = loop_result ();
  GSettings *settings = trk_application_get_settings (trk_test_get_app ());
  g_autoptr(TrkPrintOperation) operation = NULL;
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult status;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  operation = trk_print_operation_new (result, settings, TRK_LANG_KK);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  status = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (trk_print_operation_get_layout_error (operation));
  g_assert_cmpint (status, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  assert_pdf (path);
}

static void
test_save_pdf_bilingual_letter (void)
{
  g_autoptr(TrkResult) result = loop_result ();
  GSettings *settings = trk_application_get_settings (trk_test_get_app ());
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "saved.pdf", NULL);
  g_autoptr(GError) error = NULL;
  TrkLang langs[2];

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_settings_set_string (settings, "pdf-language", "ru,en");
  g_settings_set_string (settings, "pdf-paper", "letter");
  g_assert_cmpuint (trk_pdf_export_get_languages (settings, TRK_LANG_KK, langs), ==, 2);
  g_assert_cmpint (langs[0], ==, TRK_LANG_RU);
  g_assert_cmpint (langs[1], ==, TRK_LANG_EN);
  g_assert_cmpint (trk_pdf_export_get_paper (settings), ==, TRK_PAPER_LETTER);

  g_assert_true (trk_pdf_export_write (result, settings, TRK_LANG_KK, path, &error));
  g_assert_no_error (error);
  assert_pdf (path);

  g_settings_reset (settings, "pdf-language");
  g_settings_reset (settings, "pdf-paper");
}

/* The print dialog's "Checklist" tab picks the language(s) of the paper. */
static void
test_print_dialog_language_tab (void)
{
  g_autoptr(TrkResult) result = loop_result ();
  GSettings *settings = trk_application_get_settings (trk_test_get_app ());
  g_autoptr(TrkPrintOperation) operation = NULL;
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "tab.pdf", NULL);
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  GObject *tab = NULL;
  GtkWidget *choice;
  GtkStringObject *label;

  g_settings_reset (settings, "pdf-language");
  operation = trk_print_operation_new (result, settings, TRK_LANG_RU);
  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  g_object_ref_sink (tab);

  choice = gtk_widget_get_last_child (GTK_WIDGET (tab));
  g_assert_true (GTK_IS_DROP_DOWN (choice));
  label = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (choice));
  g_assert_cmpstr (gtk_string_object_get_string (label), ==, "Русский");

  /* "kk,en": the fifth choice, as a person would pick it. */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (choice)));
       i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (
        gtk_drop_down_get_model (GTK_DROP_DOWN (choice)), i);

      if (g_str_equal (gtk_string_object_get_string (item), "Қазақша + English"))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), i);
    }
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  stored = g_settings_get_string (settings, "pdf-language");
  g_assert_cmpstr (stored, ==, "kk,en");

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  assert_pdf (path);

  g_object_unref (tab);
  g_settings_reset (settings, "pdf-language");
}

/* A folder that does not exist: a clear error, and no file. */
static void
test_save_pdf_failure (void)
{
  g_autoptr(TrkResult) result = loop_result ();
  GSettings *settings = trk_application_get_settings (trk_test_get_app ());
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "missing", "x.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (trk_pdf_export_write (result, settings, TRK_LANG_EN, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  if (!trk_test_init (&argc, &argv))
    {
      g_test_add_func ("/gui/print/skipped", trk_test_skip_no_display);
      return g_test_run ();
    }

  g_test_add_func ("/gui/print/operation-exports-pdf", test_print_operation_exports_pdf);
  g_test_add_func ("/gui/print/save-pdf-bilingual-letter", test_save_pdf_bilingual_letter);
  g_test_add_func ("/gui/print/save-pdf-failure", test_save_pdf_failure);
  g_test_add_func ("/gui/print/dialog-language-tab", test_print_dialog_language_tab);

  return g_test_run ();
}
