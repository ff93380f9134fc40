/* trk-checklist-doc-private.h - other documents drawn by the checklist's
 * machinery (the handbook), and the laid-out sheet, for tests
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-sheet-private.h"
#include "trk-checklist-doc.h"

G_BEGIN_DECLS

/* Builds the document's sheet for pages of @width x @height points with
 * @margin; @languages has a Pango language code per column. May paginate
 * it with @context (to number a table of contents) and return it so. */
typedef TrkSheet *(*TrkChecklistSheetFunc) (double              width,
                                            double              height,
                                            double              margin,
                                            const char *const  *languages,
                                            PangoContext       *context,
                                            gpointer            user_data);

/* A document with the checklist's fonts, checks, pages, printing and
 * atomic PDF writing whose blocks come from @func (the handbook).
 * @titles: the PDF title per language. */
TrkChecklistDoc *_trk_checklist_doc_new_custom (TrkRuleSet            *rules,
                                                const TrkLang         *langs,
                                                guint                  n_langs,
                                                TrkPaper               paper,
                                                const char *const     *titles,
                                                TrkChecklistSheetFunc  func,
                                                gpointer               user_data,
                                                GDestroyNotify         destroy);

/* The paginated sheet (owned by @self), NULL before paginating. */
TrkSheet *_trk_checklist_doc_get_sheet (TrkChecklistDoc *self);

G_END_DECLS
