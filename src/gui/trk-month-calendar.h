/* trk-month-calendar.h - one month of days to pick a date from
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trk-lang.h"

G_BEGIN_DECLS

#define TRK_TYPE_MONTH_CALENDAR (trk_month_calendar_get_type ())
G_DECLARE_FINAL_TYPE (TrkMonthCalendar, trk_month_calendar, TRK, MONTH_CALENDAR, GtkWidget)

GtkWidget *trk_month_calendar_new          (void);
/* Shows @date's month with @date selected, every name (month, weekdays,
 * each day's spoken name) in @lang; emits nothing. Builds the month only
 * when the month or the language changes. */
void       trk_month_calendar_set_date     (TrkMonthCalendar *self,
                                            const GDate      *date,
                                            TrkLang           lang);
void       trk_month_calendar_get_date     (TrkMonthCalendar *self,
                                            GDate            *out_date);
/* Shows another month, @delta months away; the selection stays. */
void       trk_month_calendar_move_month   (TrkMonthCalendar *self,
                                            int               delta);
/* The heading ("Қараша 2026") and the button of @day in the month shown,
 * or NULL: for tests. */
const char *trk_month_calendar_get_heading (TrkMonthCalendar *self);
GtkWidget  *trk_month_calendar_get_day_button (TrkMonthCalendar *self,
                                               guint             day);

G_END_DECLS
