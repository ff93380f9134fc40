/* trk-checklist-render-private.h - the laid-out sheet of a checklist, for tests
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-checklist-layout.h"
#include "trk-checklist-render.h"

G_BEGIN_DECLS

/* The paginated sheet (owned by @self), NULL before paginating. */
TrkSheet *_trk_checklist_doc_get_sheet (TrkChecklistDoc *self);

G_END_DECLS
