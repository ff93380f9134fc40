/* trk-autosave.h - the answers kept between runs in the XDG state folder
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-answers.h"

G_BEGIN_DECLS

/* $XDG_STATE_HOME/tirkeu/answers.xml (transfer full) */
char       *trk_autosave_get_path (void);
/* The saved answers, or NULL when there are none (error unset) or the
 * file cannot be read (error set). */
TrkAnswers *trk_autosave_load     (GError     **error);
/* Writes the answers atomically, or removes the file when there are none. */
gboolean    trk_autosave_store    (TrkAnswers  *answers,
                                   GError     **error);
/* Removes the file; no error when there is none. */
gboolean    trk_autosave_forget   (GError     **error);

G_END_DECLS
