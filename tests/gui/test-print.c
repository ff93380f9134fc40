/* test-print.c - the checklist through the print operation and Save PDF
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trk-answers.h"

#include "trk-evaluator.h"
#include "trk-gui-test-utils.h"
#include "trk-pdf-export.h"
#include "trk-print-operation.h"
#include "trk-print-test-utils.h"
#include "trk-window-private.h"

#define loop_result trk_print_test_loop_result

/* The first words of @text, whitespace made single spaces. */
static char *
first_words (const char *text,
             guint       n)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0, taken = 0; words[i] != NULL && taken < n; i++)
    if (words[i][0] != '\0')
      {
        g_string_append_printf (out, "%s%s", taken > 0 ? " " : "", words[i]);
        taken++;
      }
  return g_string_free (out, FALSE);
}

static char *
squeeze (const char *text)
{
  return first_words (text, G_MAXUINT);
}

/* Reads the PDF back: the pages (count and size) of the checklist laid out
 * for @langs on @paper, ink on every page, and the first checklist item in
 * each language (and, with one language, not in English). */
static void
assert_checklist_pdf (const char    *path,
                      TrkResult     *result,
                      const TrkLang *langs,
                      guint          n_langs,
                      TrkPaper       paper)
{
  g_autoptr(PopplerDocument) document = trk_print_test_open (path);
  g_autoptr(TrkChecklistDoc) expected = trk_print_test_expected (result, langs, n_langs, paper);
  g_autofree char *raw = trk_print_test_text (document);
  g_autofree char *text = squeeze (raw);

  trk_print_test_assert_pages (document, expected);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    g_assert_cmpfloat (trk_print_test_ink (document, i), >, 0.003);

  g_assert_cmpuint (trk_result_get_n_items (result), >, 0);
  for (guint i = 0; i < n_langs; i++)
    {
      g_autofree char *words = first_words (trk_result_get_item_text (result, 0, langs[i]), 3);

      g_test_message ("looking for “%s”", words);
      g_assert_nonnull (strstr (text, words));
    }
  if (n_langs == 1 && langs[0] != TRK_LANG_EN)
    {
      g_autofree char *english = first_words (trk_result_get_item_text (result, 0, TRK_LANG_EN),
                                              3);
      g_assert_null (strstr (text, english));
    }
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
  assert_checklist_pdf (path, result, (const TrkLang[]) { TRK_LANG_KK }, 1, TRK_PAPER_A4);
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
  assert_checklist_pdf (path, result, langs, 2, TRK_PAPER_LETTER);

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
  assert_checklist_pdf (path, result, (const TrkLang[]) { TRK_LANG_KK, TRK_LANG_EN }, 2,
                        TRK_PAPER_A4);

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

static void
rules_date (GDate *date)
{
  g_date_clear (date, 1);
  g_assert_true (trk_date_parse ("2026-12-06", date));
}

/* A handbook read back: many pages, ink on each, and the word for it in
 * each of @words (the languages asked for). */
static void
assert_handbook_pdf (const char        *path,
                     const char *const *words)
{
  g_autoptr(PopplerDocument) document = trk_print_test_open (path);
  g_autofree char *text = trk_print_test_text (document);

  g_assert_cmpint (poppler_document_get_n_pages (document), >, 5);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    g_assert_cmpfloat (trk_print_test_ink (document, i), >, 0.001);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_test_message ("looking for “%s”", words[i]);
      g_assert_nonnull (strstr (text, words[i]));
    }
}

/* Save Handbook writes every outcome of the date, in the chosen pair. */
static void
test_save_handbook (void)
{
  TrkRuleSet *rules = trk_application_get_rules (trk_test_get_app ());
  GSettings *settings = trk_application_get_settings (trk_test_get_app ());
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "handbook.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GDate date;

  rules_date (&date);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_settings_set_string (settings, "pdf-language", "kk,ru");
  g_assert_true (trk_handbook_export_write (rules, &date, settings, TRK_LANG_EN, path, &error));
  g_assert_no_error (error);
  assert_handbook_pdf (path, (const char *const[]) { "Анықтамалық", "Справочник", NULL });
  g_unlink (path);
  g_settings_reset (settings, "pdf-language");
}

static void
test_print_handbook_exports_pdf (void)
{
  TrkRuleSet *rules = trk_application_get_rules (trk_test_get_app ());
  GSettings *settings = trk_application_get_settings (trk_test_get_app ());
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "handbook-printed.pdf",
                                            NULL);
  g_autoptr(TrkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult status;
  GDate date;

  rules_date (&date);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  operation = trk_print_operation_new_handbook (rules, &date, settings, TRK_LANG_RU);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  status = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (trk_print_operation_get_layout_error (operation));
  g_assert_cmpint (status, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  assert_handbook_pdf (path, (const char *const[]) { "Справочник", NULL });
  g_unlink (path);
}

static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* The main menu has both handbook items, and Save Handbook… opens the
 * file chooser proposing the date's file name (what it then writes is
 * trk_handbook_export_write(), above). */
static void
test_save_handbook_from_menu (void)
{
  TrkWindow *window = trk_test_new_window ();
  GMenuModel *menu = NULL;
  GtkWidget *chooser = NULL;
  g_autofree char *name = NULL;
  gboolean has_save = FALSE, has_print = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  trk_test_wait_mapped (GTK_WIDGET (window));

  menu = gtk_menu_button_get_menu_model (window->menu_button);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            {
              has_save |= g_strcmp0 (action, "win.save-handbook") == 0;
              has_print |= g_strcmp0 (action, "win.print-handbook") == 0;
            }
        }
    }
  g_assert_true (has_save);
  g_assert_true (has_print);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-handbook", NULL));
  for (guint i = 0; i < 200 && (chooser = find_file_chooser ()) == NULL; i++)
    trk_test_iterate ();
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Save Handbook");
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_true (g_str_has_prefix (name, "tirkeu-handbook-"));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  trk_test_iterate ();
  trk_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!trk_test_init_or_skip (&argc, &argv, "/gui/print/skipped"))
    return g_test_run ();

  g_test_add_func ("/gui/print/operation-exports-pdf", test_print_operation_exports_pdf);
  g_test_add_func ("/gui/print/save-pdf-bilingual-letter", test_save_pdf_bilingual_letter);
  g_test_add_func ("/gui/print/save-pdf-failure", test_save_pdf_failure);
  g_test_add_func ("/gui/print/dialog-language-tab", test_print_dialog_language_tab);
  g_test_add_func ("/gui/print/save-handbook", test_save_handbook);
  g_test_add_func ("/gui/print/print-handbook-exports-pdf", test_print_handbook_exports_pdf);
  g_test_add_func ("/gui/print/save-handbook-from-menu", test_save_handbook_from_menu);

  return g_test_run ();
}
