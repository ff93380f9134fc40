/* trk-file-chooser.h - the native file chooser as every dialog of the app uses it
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A modal native chooser over @parent with @filter (nullable), "Cancel"
 * and @accept_label; the caller connects "response" and shows it. A save
 * chooser asks before replacing a file. (transfer full) */
GtkFileChooserNative *trk_file_chooser_new       (GtkWindow            *parent,
                                                  const char           *title,
                                                  GtkFileChooserAction  action,
                                                  const char           *accept_label,
                                                  GtkFileFilter        *filter);

/* For a "response" handler: the chosen file when @response accepts it,
 * else NULL; the chooser is destroyed and released either way (read any
 * other choice of it first). (transfer full) (nullable) */
GFile                *trk_file_chooser_take_file (GtkNativeDialog      *chooser,
                                                  int                   response);

G_END_DECLS
