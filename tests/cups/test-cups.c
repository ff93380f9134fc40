/* test-cups.c - the checklist printed through GtkPrintOperation to a CUPS
 * queue (not to a file), read back from what cups-pdf wrote
 *
 * Runs under with-cupsd.sh: a private cupsd with a cups-pdf queue named
 * $TIRKEU_CUPS_QUEUE; cups-pdf writes into $TIRKEU_CUPS_PDF_DIR. cups-pdf
 * re-distils the job through Ghostscript: the page count and size survive,
 * the text does not, so the pages are compared by their ink with the
 * checklist the core lays out.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "trk-gui-test-utils.h"
#include "trk-print-operation.h"
#include "trk-print-test-utils.h"

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @done returns TRUE or @seconds pass. */
static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer  data,
            guint     seconds)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &expired);

  while (!done (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return !expired;
}

static gboolean
operation_finished (gpointer data)
{
  return gtk_print_operation_is_finished (GTK_PRINT_OPERATION (data));
}

typedef struct
{
  const char *dir;
  const char *prefix;
  char       *found;
} Output;

/* cups-pdf names its file after the job title; it is complete once the
 * job is finished. */
static gboolean
output_written (gpointer data)
{
  Output *output = data;
  g_autoptr(GDir) dir = g_dir_open (output->dir, 0, NULL);

  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL; )
    if (g_str_has_prefix (name, output->prefix) && g_str_has_suffix (name, ".pdf"))
      {
        output->found = g_build_filename (output->dir, name, NULL);
        return TRUE;
      }
  return FALSE;
}

static void
test_print_to_queue (void)
{
  g_autoptr(TrkResult) result = trk_print_test_loop_result ();
  GSettings *settings = trk_application_get_settings (trk_test_get_app ());
  const TrkLang langs[] = { TRK_LANG_KK, TRK_LANG_EN };
  g_autoptr(TrkPrintOperation) operation = NULL;
  g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new ();
  g_autofree char *title = g_strdup_printf ("tirkeu-cups-test-%d", (int) getpid ());
  g_autoptr(TrkChecklistDoc) expected = NULL;
  g_autoptr(PopplerDocument) printed = NULL;
  g_autoptr(PopplerDocument) reference = NULL;
  g_autofree char *reference_path = g_build_filename (g_get_user_cache_dir (), "ref.pdf", NULL);
  g_autoptr(GError) error = NULL;
  Output output = { g_getenv ("TIRKEU_CUPS_PDF_DIR"), title, NULL };

  g_assert_nonnull (g_getenv ("TIRKEU_CUPS_QUEUE"));
  g_assert_nonnull (output.dir);
  g_settings_set_string (settings, "pdf-language", "kk,en");
  g_settings_set_string (settings, "pdf-paper", "letter");

  operation = trk_print_operation_new (result, settings, TRK_LANG_KK);
  gtk_print_settings_set_printer (print_settings, g_getenv ("TIRKEU_CUPS_QUEUE"));
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), print_settings);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (operation), title);
  gtk_print_operation_set_track_print_status (GTK_PRINT_OPERATION (operation), TRUE);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_PRINT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_null (trk_print_operation_get_layout_error (operation));

  g_assert_true (wait_until (operation_finished, operation, 120));
  g_test_message ("print status: %s",
                  gtk_print_operation_get_status_string (GTK_PRINT_OPERATION (operation)));
  g_assert_cmpint (gtk_print_operation_get_status (GTK_PRINT_OPERATION (operation)), ==,
                   GTK_PRINT_STATUS_FINISHED);
  g_assert_true (wait_until (output_written, &output, 60));

  /* What the core lays out for the same answers, languages and paper. */
  expected = trk_print_test_expected (result, langs, 2, TRK_PAPER_LETTER);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (trk_checklist_doc_write_pdf (expected, reference_path, &error));
  g_assert_no_error (error);

  printed = trk_print_test_open (output.found);
  reference = trk_print_test_open (reference_path);
  trk_print_test_assert_pages (printed, expected);
  for (int i = 0; i < poppler_document_get_n_pages (printed); i++)
    {
      double got = trk_print_test_ink (printed, i);
      double want = trk_print_test_ink (reference, i);

      g_test_message ("page %d: ink %.5f printed, %.5f laid out", i + 1, got, want);
      g_assert_cmpfloat (want, >, 0.003);
      g_assert_cmpfloat (fabs (got - want) / want, <, 0.10);
    }

  g_unlink (output.found);
  g_unlink (reference_path);
  g_free (output.found);
  g_settings_reset (settings, "pdf-language");
  g_settings_reset (settings, "pdf-paper");
}

int
main (int   argc,
      char *argv[])
{
  if (!trk_test_init (&argc, &argv))
    {
      g_test_add_func ("/cups/skipped", trk_test_skip_no_display);
      return g_test_run ();
    }

  g_test_add_func ("/cups/print-to-queue", test_print_to_queue);
  return g_test_run ();
}
