/* trk-lang-date.h - a date as people read it, in a given language
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "trk-lang.h"

G_BEGIN_DECLS

/* "28 November 2026", "28 ноября 2026 г.", "2026 жылғы 28 қараша".
 * Month names and the order come from the po files (context "month after
 * a day number"), so no kk or ru locale has to be installed.
 * (transfer full) */
char *trk_lang_date_format (TrkLang      lang,
                            const GDate *date);

G_END_DECLS
