/* test-cups.c - the checklist printed through GtkPrintOperation to a CUPS
 * queue (not to a file), read back from what cups-pdf wrote
 *
 * Runs under with-cupsd.sh: a private cupsd with a cups-pdf queue named
 * $TIRKEU_CUPS_QUEUE; cups-pdf writes into $TIRKEU_CUPS_PDF_DIR. The job
 * goes through the print dialog, as win.print sends it. The queue's filters
 * re-distil the job through Ghostscript: the page count and size survive,
 * the text does not, so those pages are compared by their ink with the
 * checklist the core lays out, and the text of each language is read from
 * the job's document as cupsd received it.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <gtk/gtkunixprint.h>

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

/* The document of the one job the private cupsd has had, as GTK's CUPS
 * backend submitted it (with-cupsd.sh keeps job files in its spool). */
static char *
spooled_document (void)
{
  const char *spool = g_getenv ("TIRKEU_CUPS_SPOOL");
  g_autoptr(GDir) dir = NULL;
  char *found = NULL;

  g_assert_nonnull (spool);
  dir = g_dir_open (spool, 0, NULL);
  g_assert_nonnull (dir);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; )
    if (name[0] == 'd' && g_str_has_suffix (name, "-001"))
      {
        g_assert_null (found);
        found = g_build_filename (spool, name, NULL);
      }
  g_assert_nonnull (found);
  return found;
}

/* The print dialog the operation shows (GtkPrintUnixDialog), or NULL. */
static GtkWidget *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_PRINT_UNIX_DIALOG (window) && gtk_widget_get_mapped (window))
        return window;
    }
  return NULL;
}

typedef struct
{
  const char *queue;
  GtkWidget  *dialog;
  GtkWidget  *print_button;
} DialogWait;

/* The dialog is up, has selected the queue the settings name and knows
 * its details (options, paper sizes): its Print button is sensitive. */
static gboolean
dialog_ready (gpointer data)
{
  DialogWait *wait = data;
  GtkPrinter *printer;

  wait->dialog = find_print_dialog ();
  if (wait->dialog == NULL)
    return FALSE;
  printer = gtk_print_unix_dialog_get_selected_printer (GTK_PRINT_UNIX_DIALOG (wait->dialog));
  wait->print_button = gtk_dialog_get_widget_for_response (GTK_DIALOG (wait->dialog),
                                                           GTK_RESPONSE_OK);
  return printer != NULL && g_strcmp0 (gtk_printer_get_name (printer), wait->queue) == 0
         && gtk_printer_has_details (printer)
         && wait->print_button != NULL && gtk_widget_is_sensitive (wait->print_button);
}

typedef struct
{
  gboolean                done;
  GtkPrintOperationResult result;
} Done;

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         Done                    *done)
{
  done->done = TRUE;
  done->result = result;
}

static gboolean
operation_done (gpointer data)
{
  return ((Done *) data)->done;
}

/* The first words of @text, whitespace made single spaces. */
static char *
first_words (const char *text,
             guint       n)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  GString *out = g_string_new (NULL);
  guint taken = 0;

  for (guint i = 0; words[i] != NULL && taken < n; i++)
    if (words[i][0] != '\0')
      {
        if (taken++ > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_string_free (out, FALSE);
}

static int
compare_unichars (gconstpointer a,
                  gconstpointer b)
{
  gunichar x = *(const gunichar *) a;
  gunichar y = *(const gunichar *) b;

  return x < y ? -1 : x > y;
}

/* The letters of @text, white space left out, in code point order. Not the
 * text itself: poppler orders the runs of a two-column page and puts spaces
 * between them by their positions, which differ in the last digits between
 * GTK's print context and the core's own PDF. */
static char *
letters_of (const char *text)
{
  g_autoptr(GArray) letters = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_array_append_val (letters, c);
    }
  g_array_sort (letters, compare_unichars);
  for (guint i = 0; i < letters->len; i++)
    g_string_append_unichar (out, g_array_index (letters, gunichar, i));
  return g_string_free (out, FALSE);
}

/* GTK 4.8 has a use-after-free in GtkPrintOperation's printer lookup
 * (gtkprintoperation-unix.c, used by GTK_PRINT_OPERATION_ACTION_PRINT
 * without a dialog): when the CUPS backend reports the named printer
 * ("printer-added") and then ends its list ("printer-list-done") in the
 * same callback, both handlers queue find_printer_idle() on the same
 * PrinterFinder; the first run frees it, the second calls through the
 * freed memory (SIGSEGV). Later GTK versions queue it once. The app never
 * prints that way: win.print runs the operation with
 * GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG and allow-async, and so does this
 * test, pressing the dialog's Print button once the dialog has selected
 * the queue. */
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
  g_autoptr(PopplerDocument) spooled = NULL;
  g_autofree char *spooled_path = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  Output output = { g_getenv ("TIRKEU_CUPS_PDF_DIR"), title, NULL };
  DialogWait wait = { g_getenv ("TIRKEU_CUPS_QUEUE"), NULL, NULL };
  Done done = { FALSE, GTK_PRINT_OPERATION_RESULT_ERROR };
  TrkWindow *window = trk_test_new_window ();

  g_assert_nonnull (wait.queue);
  g_assert_nonnull (output.dir);
  g_settings_set_string (settings, "pdf-language", "kk,en");
  g_settings_set_string (settings, "pdf-paper", "letter");

  operation = trk_print_operation_new (result, settings, TRK_LANG_KK);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), &done);
  gtk_print_settings_set_printer (print_settings, wait.queue);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), print_settings);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (operation), title);
  gtk_print_operation_set_track_print_status (GTK_PRINT_OPERATION (operation), TRUE);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                            GTK_WINDOW (window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_IN_PROGRESS);
  g_assert_no_error (error);

  g_assert_true (wait_until (dialog_ready, &wait, 60));
  g_test_message ("the dialog selected %s", wait.queue);
  trk_test_click (wait.print_button);

  g_assert_true (wait_until (operation_done, &done, 60));
  g_assert_cmpint (done.result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_null (trk_print_operation_get_layout_error (operation));
  g_assert_true (wait_until (operation_finished, operation, 120));
  g_test_message ("print status: %s",
                  gtk_print_operation_get_status_string (GTK_PRINT_OPERATION (operation)));
  g_assert_cmpint (gtk_print_operation_get_status (GTK_PRINT_OPERATION (operation)), ==,
                   GTK_PRINT_STATUS_FINISHED);
  g_assert_true (wait_until (output_written, &output, 60));
  g_test_message ("cups-pdf wrote %s", output.found);

  /* What the core lays out for the same answers, languages and paper. */
  expected = trk_print_test_expected (result, langs, 2, TRK_PAPER_LETTER);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (trk_checklist_doc_write_pdf (expected, reference_path, &error));
  g_assert_no_error (error);

  printed = trk_print_test_open (output.found);
  reference = trk_print_test_open (reference_path);
  spooled_path = spooled_document ();
  g_test_message ("the job as submitted: %s", spooled_path);
  spooled = trk_print_test_open (spooled_path);
  trk_print_test_assert_pages (printed, expected);
  trk_print_test_assert_pages (spooled, expected);
  for (int i = 0; i < poppler_document_get_n_pages (printed); i++)
    {
      double got = trk_print_test_ink (printed, i);
      double sent = trk_print_test_ink (spooled, i);
      double want = trk_print_test_ink (reference, i);

      g_test_message ("page %d: ink %.5f printed, %.5f submitted, %.5f laid out (%.3f, %.3f)",
                      i + 1, got, sent, want, got / want, sent / want);
      g_assert_cmpfloat (want, >, 0.003);
      /* The job itself: the same drawing as the core's PDF. */
      g_assert_cmpfloat (fabs (sent - want) / want, <, 0.05);
      /* The queue's Ghostscript hands back 300 dpi images whose text is a
       * little heavier than poppler draws the vectors: measured 2 to 19 %
       * more ink (more on the light pages), never less. */
      g_assert_cmpfloat (got / want, >, 0.95);
      g_assert_cmpfloat (got / want, <, 1.30);
    }

  /* The text does not survive the queue: its filters (pdftops, then
   * cups-pdf, both through Ghostscript 10.0) hand back every page as a
   * 300 dpi image, with no fonts. So the text is read from the job as
   * GTK's CUPS backend submitted it, kept in the spool: page by page the
   * letters of the laid-out page, and both languages. */
  for (int i = 0; i < poppler_document_get_n_pages (spooled); i++)
    {
      g_autoptr(PopplerPage) got_page = poppler_document_get_page (spooled, i);
      g_autoptr(PopplerPage) want_page = poppler_document_get_page (reference, i);
      g_autofree char *got_raw = poppler_page_get_text (got_page);
      g_autofree char *want_raw = poppler_page_get_text (want_page);
      g_autofree char *got = letters_of (got_raw);
      g_autofree char *want = letters_of (want_raw);

      g_assert_cmpuint (strlen (want), >, 0);
      if (!g_str_equal (got, want))
        g_test_message ("page %d of the job differs from the laid-out page", i + 1);
      g_assert_true (g_str_equal (got, want));
    }
  raw = trk_print_test_text (spooled);
  text = first_words (raw, G_MAXUINT);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *words = first_words (trk_result_get_item_text (result, 0, langs[i]), 3);

      g_test_message ("looking for “%s”", words);
      g_assert_nonnull (strstr (text, words));
    }

  trk_test_close_window (window);
  g_unlink (output.found);
  g_unlink (reference_path);
  g_free (output.found);
  g_settings_reset (settings, "pdf-language");
  g_settings_reset (settings, "pdf-paper");
}

/* GTK's CUPS print backend asks colord (on the system bus) for the
 * printer's colour profile and warns when it cannot reach it. Tests run
 * without a system bus (and giving them one only trades this for a warning
 * about Avahi), so under G_DEBUG=fatal-warnings that warning alone would end
 * the test. It is logged as a plain message; every other warning, ours or
 * GTK's, stays fatal. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if (log_level & G_LOG_LEVEL_WARNING)
    {
      const char *domain = NULL;
      const char *message = NULL;

      for (gsize i = 0; i < n_fields; i++)
        if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
          domain = fields[i].value;
        else if (g_str_equal (fields[i].key, "MESSAGE"))
          message = fields[i].value;

      if (domain == NULL && message != NULL
          && g_str_has_prefix (message, "failed to contact colord: "))
        {
          g_test_message ("GTK's CUPS backend: %s", message);
          return G_LOG_WRITER_HANDLED;
        }
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (log_writer, NULL, NULL);
  if (!trk_test_init_or_skip (&argc, &argv, "/cups/skipped"))
    return g_test_run ();

  g_test_add_func ("/cups/print-to-queue", test_print_to_queue);
  return g_test_run ();
}
