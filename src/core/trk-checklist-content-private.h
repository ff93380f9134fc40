/* trk-checklist-content-private.h - what the checklist says, as blocks of a sheet
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-sheet-private.h"
#include "trk-lang.h"
#include "trk-result.h"

G_BEGIN_DECLS

/* Adds the blocks (title, outcome, checklist, warnings, the loop and its
 * ways out, reasons, answers, sources) and the running texts, one column
 * per language. Citations are short ("[1] case 6: visas"); the sources
 * list at the end gives each source's title, kind, date and address. */
void  _trk_checklist_content_build (TrkSheet      *sheet,
                                    TrkResult     *result,
                                    const TrkLang *langs,
                                    guint          n_langs);

/* The document title in @lang (also the PDF's title). */
const char *_trk_checklist_content_title   (TrkLang lang);
/* The PDF's subject in @lang. */
const char *_trk_checklist_content_subject (TrkLang lang);

/* The running texts in @lang: header (pages 2+), footer statement, and
 * the page number template. (The header is transfer full.) */
char       *_trk_checklist_content_header        (TrkResult *result,
                                                  TrkLang    lang);
const char *_trk_checklist_content_footer        (TrkLang    lang);
const char *_trk_checklist_content_page_template (TrkLang    lang);

G_END_DECLS
