/* trk-lang-date.c - a date as people read it, in a given language
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-date.h"
#include "trk-i18n.h"
#include "trk-lang-date.h"
#include "trk-template.h"

/* The form used after a day number: Russian needs the genitive here
 * ("28 ноября"). Same context as the GUI's date chooser. */
static const char *const month_names[] = {
  NC_("month after a day number", "January"),
  NC_("month after a day number", "February"),
  NC_("month after a day number", "March"),
  NC_("month after a day number", "April"),
  NC_("month after a day number", "May"),
  NC_("month after a day number", "June"),
  NC_("month after a day number", "July"),
  NC_("month after a day number", "August"),
  NC_("month after a day number", "September"),
  NC_("month after a day number", "October"),
  NC_("month after a day number", "November"),
  NC_("month after a day number", "December"),
};

/* A month on its own, as a calendar's heading: the nominative. */
static const char *const month_headings[] = {
  NC_("month on its own", "January"),
  NC_("month on its own", "February"),
  NC_("month on its own", "March"),
  NC_("month on its own", "April"),
  NC_("month on its own", "May"),
  NC_("month on its own", "June"),
  NC_("month on its own", "July"),
  NC_("month on its own", "August"),
  NC_("month on its own", "September"),
  NC_("month on its own", "October"),
  NC_("month on its own", "November"),
  NC_("month on its own", "December"),
};

/* GDateWeekday order: Monday is 1. */
static const char *const weekdays_short[] = {
  NC_("weekday, short, a calendar column", "Mon"),
  NC_("weekday, short, a calendar column", "Tue"),
  NC_("weekday, short, a calendar column", "Wed"),
  NC_("weekday, short, a calendar column", "Thu"),
  NC_("weekday, short, a calendar column", "Fri"),
  NC_("weekday, short, a calendar column", "Sat"),
  NC_("weekday, short, a calendar column", "Sun"),
};

/* Like g_dpgettext2, in @lang: the catalog key is "context\004msgid". */
static const char *
lang_pgettext (TrkLang     lang,
               const char *context,
               const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *text = trk_i18n_gettext (lang, key);

  if (text == NULL || strchr (text, '\004') != NULL)
    return msgid;

  return text;
}

char *
trk_lang_date_format (TrkLang      lang,
                      const GDate *date)
{
  g_autofree char *day = NULL;
  g_autofree char *year = NULL;
  const char *args[3];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (lang < TRK_N_LANGS, NULL);

  day = g_strdup_printf ("%u", (guint) g_date_get_day (date));
  year = g_strdup_printf ("%u", (guint) g_date_get_year (date));
  args[0] = day;
  args[1] = lang_pgettext (lang, "month after a day number",
                           month_names[g_date_get_month (date) - 1]);
  args[2] = year;

  /* Translators: a full date: %1$s is the day, %2$s the month name (from
   * the "month after a day number" context), %3$s the year. Russian:
   * "%1$s %2$s %3$s г.", Kazakh: "%3$s жылғы %1$s %2$s". */
  return trk_template_fill (trk_i18n_gettext (lang, N_("%1$s %2$s %3$s")), args, 3);
}

char *
trk_lang_month_heading (TrkLang    lang,
                        GDateYear  year,
                        GDateMonth month)
{
  g_autofree char *year_text = NULL;
  const char *args[2];

  g_return_val_if_fail (lang < TRK_N_LANGS, NULL);
  g_return_val_if_fail (g_date_valid_month (month), NULL);

  year_text = g_strdup_printf ("%u", (guint) year);
  args[0] = lang_pgettext (lang, "month on its own", month_headings[month - 1]);
  args[1] = year_text;

  return trk_template_fill (lang_pgettext (lang, "month and year, a calendar's heading",
                                       /* Translators: %1$s is the month name
                                        * (from the "month on its own"
                                        * context), %2$s the year. */
                                       NC_("month and year, a calendar's heading", "%1$s %2$s")),
                        args, 2);
}

const char *
trk_lang_weekday_short (TrkLang      lang,
                        GDateWeekday weekday)
{
  g_return_val_if_fail (lang < TRK_N_LANGS, NULL);
  g_return_val_if_fail (g_date_valid_weekday (weekday), NULL);

  return lang_pgettext (lang, "weekday, short, a calendar column", weekdays_short[weekday - 1]);
}

char *
trk_lang_date_format_iso (TrkLang     lang,
                          const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (iso == NULL || !trk_date_parse (iso, &date))
    return g_strdup (iso != NULL ? iso : "");
  return trk_lang_date_format (lang, &date);
}
