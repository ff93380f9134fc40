/* trk-i18n.h - gettext start-up and texts in a chosen language
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "trk-lang.h"

G_BEGIN_DECLS

void        trk_i18n_init             (void);
TrkLang     trk_i18n_system_language  (void);
void        trk_i18n_set_language     (TrkLang     lang);
TrkLang     trk_i18n_get_language     (void);

const char *trk_i18n_gettext          (TrkLang     lang,
                                       const char *msgid);
const char *trk_i18n_ngettext         (TrkLang     lang,
                                       const char *msgid,
                                       const char *msgid_plural,
                                       gulong      n);
const char *trk_i18n_dgettext         (TrkLang     lang,
                                       const char *domain,
                                       const char *msgid);

G_END_DECLS
