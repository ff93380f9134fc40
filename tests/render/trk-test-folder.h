/* trk-test-folder.h - the folders the render tests write into
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many entries @folder holds (it must exist): a failed write leaves
 * none of its own. */
guint trk_test_count_entries (const char *folder);
/* Removes @path and everything under it. */
void  trk_test_remove_tree   (const char *path);

G_END_DECLS
