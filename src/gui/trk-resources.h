/* trk-resources.h - registers the GUI's GResource once
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Safe to call from every class_init: the bundle lives in a static
 * library, so it is registered by hand rather than by a constructor. */
void trk_resources_ensure (void);

G_END_DECLS
