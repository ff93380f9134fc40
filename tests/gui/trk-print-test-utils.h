/* trk-print-test-utils.h - printed checklists read back with poppler
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

#include "trk-checklist-doc.h"
#include "trk-result.h"

G_BEGIN_DECLS

/* The applicant caught in the loop (10 answers, 2026-11-28), evaluated
 * with the application's rules. */
TrkResult       *trk_print_test_loop_result (void);

/* Opens @path as a PDF (asserting it is one). */
PopplerDocument *trk_print_test_open        (const char      *path);

/* The document has exactly the pages of @expected (count) and every page
 * has its size, within half a point. */
void             trk_print_test_assert_pages (PopplerDocument *document,
                                              TrkChecklistDoc *expected);

/* The text of every page, joined. */
char            *trk_print_test_text        (PopplerDocument *document);

/* Mean ink of page @index, 0 (white) .. 1 (black), rendered at 36 dpi. */
double           trk_print_test_ink         (PopplerDocument *document,
                                             int              index);

/* The checklist @result would print as, laid out by the core. */
TrkChecklistDoc *trk_print_test_expected    (TrkResult       *result,
                                             const TrkLang   *langs,
                                             guint            n_langs,
                                             TrkPaper         paper);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

G_END_DECLS
