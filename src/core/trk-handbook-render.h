/* trk-handbook-render.h - the handbook for staff: every outcome on a date, printed
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-checklist-doc.h"
#include "trk-handbook.h"

G_BEGIN_DECLS

/* A document like the checklist (same fonts, checks, pages, printing and
 * atomic PDF): a title, a table of contents with page numbers, then per
 * outcome of @handbook its heading ("Outcome 3"), the statuses, who it is
 * for, the reasons, the loop and its ways out, the checklist and the
 * warnings. @langs: one language, or two side by side. The document keeps
 * @handbook (transfer full). */
TrkChecklistDoc *trk_handbook_doc_new     (TrkHandbook   *handbook,
                                           const TrkLang *langs,
                                           guint          n_langs,
                                           TrkPaper       paper);

/* "Outcome %s" with the outcome's number (1-based) in @lang: the heading
 * of each outcome, and what a test looks for in the PDF's text. (transfer full) */
char            *trk_handbook_outcome_heading (guint    outcome,
                                               TrkLang  lang);
/* The handbook's title in @lang. */
const char      *trk_handbook_title           (TrkLang  lang);

G_END_DECLS
