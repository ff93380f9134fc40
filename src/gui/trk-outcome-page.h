/* trk-outcome-page.h - the result in plain words, the loop, the checklist
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trk-result.h"

G_BEGIN_DECLS

#define TRK_TYPE_OUTCOME_PAGE (trk_outcome_page_get_type ())
G_DECLARE_FINAL_TYPE (TrkOutcomePage, trk_outcome_page, TRK, OUTCOME_PAGE, GtkWidget)

GtkWidget *trk_outcome_page_new              (TrkResult      *result,
                                              TrkLang         lang);
TrkResult *trk_outcome_page_get_result       (TrkOutcomePage *self);
/* (nullable): the loop banner, when the result has a loop */
GtkWidget *trk_outcome_page_get_loop_banner  (TrkOutcomePage *self);
/* The large status label of a target ("dactyloscopy", "iin"), or NULL. */
GtkWidget *trk_outcome_page_get_status_label (TrkOutcomePage *self,
                                              const char     *target);

G_END_DECLS
