/* trk-application.h - the Tirkeu application: settings, rules, language
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trk-rule-set.h"

G_BEGIN_DECLS

#define TRK_TYPE_APPLICATION (trk_application_get_type ())
G_DECLARE_FINAL_TYPE (TrkApplication, trk_application, TRK, APPLICATION, GtkApplication)

/* Sets up gettext before GTK starts, then creates the single instance. */
TrkApplication *trk_application_new          (void);

GSettings      *trk_application_get_settings (TrkApplication *self);
/* The rules in use: built in, or a file the user loaded. */
TrkRuleSet     *trk_application_get_rules    (TrkApplication *self);
void            trk_application_set_rules    (TrkApplication *self,
                                              TrkRuleSet     *rules);
/* Validates the file (schema, ids); on success every window goes on with
 * the new rules and keeps its answers. The error names the line. */
gboolean        trk_application_load_rules_file (TrkApplication  *self,
                                                 const char      *path,
                                                 GError         **error);
/* The interface language; switching it relabels every window at once. */
TrkLang         trk_application_get_language (TrkApplication *self);
void            trk_application_set_language (TrkApplication *self,
                                              TrkLang         lang);

G_END_DECLS
