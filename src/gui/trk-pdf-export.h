/* trk-pdf-export.h - Save PDF: file, language(s) and paper, then an atomic write
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trk-checklist-doc.h"
#include "trk-result.h"

G_BEGIN_DECLS

/* The checklist's languages from the "pdf-language" setting ("ru,en"),
 * else the interface language. Returns how many (1 or 2). */
guint    trk_pdf_export_get_languages (GSettings  *settings,
                                       TrkLang     ui_lang,
                                       TrkLang     out_langs[2]);
TrkPaper trk_pdf_export_get_paper     (GSettings  *settings);
/* The language choices offered ("kk", ..., "ru,en"), their labels
 * ("Русский + English"), and parsing one into languages. */
const char *const *trk_pdf_export_get_language_options (guint      *n_options);
char    *trk_pdf_export_language_label (const char *option);
gboolean trk_pdf_export_parse_languages (const char *text,
                                         TrkLang     out_langs[2],
                                         guint      *out_n);

/* Asks for a file with a native chooser (which confirms before replacing
 * one), the language(s) and the paper; remembers both; writes the PDF
 * atomically; shows an error dialog on failure. */
void     trk_pdf_export_run           (GtkWindow  *parent,
                                       TrkResult  *result,
                                       GSettings  *settings,
                                       TrkLang     ui_lang);

/* Writes the checklist without asking, as chosen in the settings. */
gboolean trk_pdf_export_write         (TrkResult  *result,
                                       GSettings  *settings,
                                       TrkLang     ui_lang,
                                       const char *path,
                                       GError    **error);

/* The handbook (every outcome of @rules on @date), saved the same way:
 * a native chooser with the language(s) and paper, an atomic write. */
void     trk_handbook_export_run      (GtkWindow   *parent,
                                       TrkRuleSet  *rules,
                                       const GDate *date,
                                       GSettings   *settings,
                                       TrkLang      ui_lang);
gboolean trk_handbook_export_write    (TrkRuleSet  *rules,
                                       const GDate *date,
                                       GSettings   *settings,
                                       TrkLang      ui_lang,
                                       const char  *path,
                                       GError     **error);

G_END_DECLS
