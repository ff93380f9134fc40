/* trk-lang-date.c - a date as people read it, in a given language
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-i18n.h"
#include "trk-lang-date.h"
#include "trk-text-fill.h"

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
  return trk_text_fill (trk_i18n_gettext (lang, N_("%1$s %2$s %3$s")), args, 3);
}
