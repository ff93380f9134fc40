/* trk-print-operation.h - printing the checklist with the core's drawing routine
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trk-result.h"

G_BEGIN_DECLS

#define TRK_TYPE_PRINT_OPERATION (trk_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (TrkPrintOperation, trk_print_operation, TRK, PRINT_OPERATION,
                      GtkPrintOperation)

/* The same pages as the PDF: laid out in points on the paper the print
 * dialog chose, in the checklist language(s) of @settings. */
TrkPrintOperation *trk_print_operation_new (TrkResult *result,
                                            GSettings *settings,
                                            TrkLang    ui_lang);
/* The handbook: every outcome of @rules on @date, the same way. */
TrkPrintOperation *trk_print_operation_new_handbook (TrkRuleSet  *rules,
                                                     const GDate *date,
                                                     GSettings   *settings,
                                                     TrkLang      ui_lang);
/* (nullable): why the checklist could not be laid out (the operation was
 * then cancelled), e.g. its font is missing. */
const GError      *trk_print_operation_get_layout_error (TrkPrintOperation *self);

G_END_DECLS
