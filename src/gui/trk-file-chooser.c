/* trk-file-chooser.c - the native file chooser as every dialog of the app uses it
 *
 * One place for what opening answers, saving answers, loading rules and
 * saving a PDF share: modal over the window, one filter, the chosen file
 * taken and the chooser released in the response.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-file-chooser.h"

GtkFileChooserNative *
trk_file_chooser_new (GtkWindow            *parent,
                      const char           *title,
                      GtkFileChooserAction  action,
                      const char           *accept_label,
                      GtkFileFilter        *filter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}

GFile *
trk_file_chooser_take_file (GtkNativeDialog *chooser,
                            int              response)
{
  GFile *file = NULL;

  g_return_val_if_fail (GTK_IS_NATIVE_DIALOG (chooser), NULL);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  return file;
}
