/* trk-window-actions.c - the window's actions: moving through the wizard,
 * answers files, the checklist's PDF and printing
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-error-dialog.h"
#include "trk-file-chooser.h"
#include "trk-pdf-export.h"
#include "trk-print-operation.h"
#include "trk-window-private.h"

void
_trk_window_update_actions (TrkWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  TrkFlowStep step = trk_flow_get_step (self->flow);
  TrkQuestion *question = trk_flow_get_question (self->flow);
  gboolean can_next;

  can_next = step == TRK_FLOW_STEP_WELCOME || step == TRK_FLOW_STEP_REVIEW ||
             (question != NULL && trk_flow_is_answered (self->flow, question));

  gtk_widget_action_set_enabled (widget, "win.next", can_next);
  gtk_widget_action_set_enabled (widget, "win.back", step != TRK_FLOW_STEP_WELCOME);
  gtk_widget_action_set_enabled (widget, "win.resume",
                                 step == TRK_FLOW_STEP_WELCOME && trk_flow_can_resume (self->flow));
  gtk_widget_action_set_enabled (widget, "win.save-pdf", step == TRK_FLOW_STEP_OUTCOME);
  gtk_widget_action_set_enabled (widget, "win.print", step == TRK_FLOW_STEP_OUTCOME);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrkWindow *self = TRK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!trk_flow_next (self->flow, &error))
    trk_error_dialog_show (GTK_WINDOW (self), _("The result could not be worked out"),
                           error->message);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  trk_flow_back (TRK_WINDOW (widget)->flow);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  trk_flow_start (TRK_WINDOW (widget)->flow);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  trk_flow_resume (TRK_WINDOW (widget)->flow);
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  trk_flow_restart (TRK_WINDOW (widget)->flow);
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrkWindow *self = TRK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (trk_rule_set_lookup_question (trk_flow_get_rules (self->flow), id) != NULL)
    trk_flow_change (self->flow, id);
}

/* Answers are saved as .tirkeu; earlier versions saved .xml, which still opens. */
static GtkFileFilter *
answers_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Answers files"));
  gtk_file_filter_add_mime_type (filter, TRK_ANSWERS_MIME_TYPE);
  gtk_file_filter_add_pattern (filter, "*" TRK_ANSWERS_EXTENSION);
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_pattern (filter, "*.xml");
  return filter;
}

static void
open_answers_response (GtkNativeDialog *chooser,
                       int              response,
                       TrkWindow       *self)
{
  g_autoptr(GFile) file = trk_file_chooser_take_file (chooser, response);

  if (file != NULL)
    trk_window_open_answers (self, file);
}

static GtkFileChooserNative *
new_chooser (TrkWindow            *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label)
{
  g_autoptr(GtkFileFilter) filter = answers_filter ();

  return trk_file_chooser_new (GTK_WINDOW (self), title, action, accept_label, filter);
}

static void
open_answers_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrkWindow *self = TRK_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Open Answers"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  g_signal_connect (chooser, "response", G_CALLBACK (open_answers_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_answers_response (GtkNativeDialog *chooser,
                       int              response,
                       TrkWindow       *self)
{
  g_autoptr(GFile) file = trk_file_chooser_take_file (chooser, response);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!trk_answers_save_file (trk_flow_get_answers (self->flow), path, &error))
    trk_error_dialog_show (GTK_WINDOW (self), _("The answers could not be saved"),
                           error->message);
}

static void
save_answers_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrkWindow *self = TRK_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  /* The chooser asks before replacing an existing file. */
  chooser = new_chooser (self, _("Save Answers"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  /* Translators: a file name without its extension (.tirkeu is added);
   * keep it short, Latin letters are safest */
  name = g_strconcat (_("answers"), TRK_ANSWERS_EXTENSION, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_answers_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TrkWindow *self = TRK_WINDOW (widget);
  TrkResult *result = trk_flow_get_result (self->flow);

  g_return_if_fail (result != NULL);
  trk_pdf_export_run (GTK_WINDOW (self), result, self->settings,
                      _trk_window_get_language (self));
}

/* Errors of a print operation, synchronous or not, under the heading
 * run_print() gave it. */
static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               TrkWindow               *self)
{
  g_autoptr(GError) error = NULL;
  const GError *layout_error;

  layout_error = trk_print_operation_get_layout_error (TRK_PRINT_OPERATION (operation));
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  else if (layout_error != NULL)
    error = g_error_copy (layout_error);

  if (error != NULL)
    trk_error_dialog_show (GTK_WINDOW (self), g_object_get_data (G_OBJECT (operation), "trk-failed"),
                           error->message);
}

/* Runs @operation with the print dialog; @failed (translated, static) heads
 * its error dialog. */
static void
run_print (TrkWindow         *self,
           TrkPrintOperation *operation,
           const char        *failed)
{
  g_object_set_data (G_OBJECT (operation), "trk-failed", (gpointer) failed);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                           GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TrkWindow *self = TRK_WINDOW (widget);
  TrkResult *result = trk_flow_get_result (self->flow);
  g_autoptr(TrkPrintOperation) operation = NULL;

  g_return_if_fail (result != NULL);

  operation = trk_print_operation_new (result, self->settings, _trk_window_get_language (self));
  run_print (self, operation, _("The checklist could not be printed"));
}

/* The handbook for the date on screen (the answers' date, else today). */
static void
save_handbook_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TrkWindow *self = TRK_WINDOW (widget);
  GDate date;

  trk_flow_get_date (self->flow, &date);
  trk_handbook_export_run (GTK_WINDOW (self), trk_flow_get_rules (self->flow), &date,
                           self->settings, _trk_window_get_language (self));
}

static void
print_handbook_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrkWindow *self = TRK_WINDOW (widget);
  g_autoptr(TrkPrintOperation) operation = NULL;
  GDate date;

  trk_flow_get_date (self->flow, &date);
  operation = trk_print_operation_new_handbook (trk_flow_get_rules (self->flow), &date,
                                                self->settings, _trk_window_get_language (self));
  run_print (self, operation, _("The handbook could not be printed"));
}

gboolean
trk_window_open_answers_file (TrkWindow   *self,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(TrkAnswers) answers = NULL;

  g_return_val_if_fail (TRK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  answers = trk_answers_load_file (path, error);
  if (answers == NULL)
    return FALSE;

  trk_flow_load_answers (self->flow, answers);
  return TRUE;
}

gboolean
trk_window_open_answers (TrkWindow *self,
                         GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (TRK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is an address, e.g. sftp://host/answers.tirkeu */
                   _("%s is not a file on this computer; copy it here first"), uri);
    }
  else if (trk_window_open_answers_file (self, path, &error))
    {
      return TRUE;
    }

  trk_error_dialog_show (GTK_WINDOW (self), _("These answers cannot be opened"), error->message);
  return FALSE;
}

void
_trk_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "win.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "win.restart", NULL, restart_action);
  gtk_widget_class_install_action (widget_class, "win.change", "s", change_action);
  gtk_widget_class_install_action (widget_class, "win.open-answers", NULL, open_answers_action);
  gtk_widget_class_install_action (widget_class, "win.save-answers", NULL, save_answers_action);
  gtk_widget_class_install_action (widget_class, "win.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.save-handbook", NULL,
                                   save_handbook_action);
  gtk_widget_class_install_action (widget_class, "win.print-handbook", NULL,
                                   print_handbook_action);

  /* Escape and Alt+Left go back, as in a browser. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK,
                                       "win.back", NULL);
}
