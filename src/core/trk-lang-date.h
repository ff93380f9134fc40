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

/* The same for a YYYY-MM-DD string; a string that is not such a date is
 * returned as it is (NULL as ""). (transfer full) */
char *trk_lang_date_format_iso (TrkLang      lang,
                                const char  *iso);

/* "Қараша 2026", "Ноябрь 2026", "November 2026": a month on its own, as
 * a calendar's heading (Russian needs the nominative here). (transfer full) */
char       *trk_lang_month_heading  (TrkLang      lang,
                                     GDateYear    year,
                                     GDateMonth   month);

/* "Дс", "Пн", "Mon": a calendar column's heading. */
const char *trk_lang_weekday_short  (TrkLang      lang,
                                     GDateWeekday weekday);

G_END_DECLS
