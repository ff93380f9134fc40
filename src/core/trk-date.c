/* trk-date.c - dates as the contract writes them: YYYY-MM-DD
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-date.h"

gboolean
trk_date_parse (const char *text,
                GDate      *out_date)
{
  static const char digit_positions[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
  guint year, month, day;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (digit_positions); i++)
    {
      if (!g_ascii_isdigit (text[(guint) digit_positions[i]]))
        return FALSE;
    }

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

char *
trk_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          (guint) g_date_get_month (date), g_date_get_day (date));
}

static void
put_digits (char  *out,
            guint  value,
            guint  n)
{
  while (n-- > 0)
    {
      out[n] = (char) ('0' + value % 10);
      value /= 10;
    }
}

/* Without printf: this runs once per evaluation. */
void
trk_date_format_julian (char    out[TRK_DATE_ISO_SIZE],
                        guint32  jd)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, jd);
  put_digits (out, g_date_get_year (&date), 4);
  out[4] = '-';
  put_digits (out + 5, g_date_get_month (&date), 2);
  out[7] = '-';
  put_digits (out + 8, g_date_get_day (&date), 2);
  out[10] = '\0';
}
