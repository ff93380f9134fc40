/* trk-error-dialog.c - tell the user what went wrong, and let them go on
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-error-dialog.h"

GtkWidget *
trk_error_dialog_show (GtkWindow  *parent,
                       const char *primary,
                       const char *secondary)
{
  GtkWidget *dialog;

  g_return_val_if_fail (primary != NULL, NULL);

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
