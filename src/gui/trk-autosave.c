/* trk-autosave.c - the answers kept between runs in the XDG state folder
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "trk-autosave.h"

char *
trk_autosave_get_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "tirkeu", "answers.xml", NULL);
}

TrkAnswers *
trk_autosave_load (GError **error)
{
  g_autofree char *path = trk_autosave_get_path ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  return trk_answers_load_file (path, error);
}

static gboolean
answers_are_empty (TrkAnswers *answers)
{
  g_autoptr(GPtrArray) ids = trk_answers_list_ids (answers);

  return ids->len == 0;
}

gboolean
trk_autosave_store (TrkAnswers  *answers,
                    GError     **error)
{
  g_autofree char *path = trk_autosave_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  g_return_val_if_fail (TRK_IS_ANSWERS (answers), FALSE);

  if (answers_are_empty (answers))
    return trk_autosave_forget (error);

  /* 0700: the answers are personal data */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a folder, then the system's reason */
                   _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  return trk_answers_save_file (answers, path, error);
}

gboolean
trk_autosave_forget (GError **error)
{
  g_autofree char *path = trk_autosave_get_path ();

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a file, then the system's reason */
                   _("Could not remove “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
