/* test-lang-date.c - dates, months and weekdays in each language
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in C.UTF-8 (tests/meson.build): every name comes from Tirkeu's own
 * catalogs, never from the C library's locale.
 */
#include "config.h"

#include "trk-i18n.h"
#include "trk-lang-date.h"
#include "trk-test-utils.h"

typedef struct
{
  TrkLang     lang;
  const char *date;
  const char *full;      /* trk_lang_date_format */
  const char *heading;   /* trk_lang_month_heading */
} DateCase;

static const DateCase date_cases[] = {
  { TRK_LANG_EN, "2026-11-28", "28 November 2026", "November 2026" },
  { TRK_LANG_RU, "2026-11-28", "28 ноября 2026 г.", "Ноябрь 2026" },
  { TRK_LANG_KK, "2026-11-28", "2026 жылғы 28 қараша", "Қараша 2026" },
  /* The law's key dates: Russian genitive against nominative. */
  { TRK_LANG_RU, "2024-01-01", "1 января 2024 г.", "Январь 2024" },
  { TRK_LANG_KK, "2024-01-01", "2024 жылғы 1 қаңтар", "Қаңтар 2024" },
  { TRK_LANG_RU, "2024-02-24", "24 февраля 2024 г.", "Февраль 2024" },
  { TRK_LANG_KK, "2024-02-24", "2024 жылғы 24 ақпан", "Ақпан 2024" },
  { TRK_LANG_RU, "2025-07-01", "1 июля 2025 г.", "Июль 2025" },
  { TRK_LANG_KK, "2025-07-01", "2025 жылғы 1 шілде", "Шілде 2025" },
  { TRK_LANG_EN, "2023-12-23", "23 December 2023", "December 2023" },
  { TRK_LANG_RU, "2023-12-23", "23 декабря 2023 г.", "Декабрь 2023" },
  { TRK_LANG_KK, "2023-12-23", "2023 жылғы 23 желтоқсан", "Желтоқсан 2023" },
};

static void
test_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      GDate date = trk_test_date (c->date);
      g_autofree char *full = trk_lang_date_format (c->lang, &date);
      g_autofree char *heading = trk_lang_month_heading (c->lang, g_date_get_year (&date),
                                                         g_date_get_month (&date));

      g_test_message ("%s in %s", c->date, trk_lang_to_string (c->lang));
      g_assert_cmpstr (full, ==, c->full);
      g_assert_cmpstr (heading, ==, c->heading);
    }
}

static void
test_every_month_translated (void)
{
  for (TrkLang lang = TRK_LANG_KK; lang <= TRK_LANG_RU; lang++)
    for (GDateMonth month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
      {
        g_autofree char *heading = trk_lang_month_heading (TRK_LANG_EN, 2026, month);
        g_autofree char *translated = trk_lang_month_heading (lang, 2026, month);

        /* A Latin letter left means the catalog had no entry. */
        for (const char *p = translated; *p != '\0'; p = g_utf8_next_char (p))
          g_assert_false (g_ascii_isalpha (*p));
        g_assert_cmpstr (heading, !=, translated);
      }
}

static void
test_weekdays (void)
{
  static const char *const expected[][7] = {
    [TRK_LANG_KK] = { "Дс", "Сс", "Ср", "Бс", "Жм", "Сб", "Жс" },
    [TRK_LANG_RU] = { "Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс" },
    [TRK_LANG_EN] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
  };

  for (TrkLang lang = 0; lang < TRK_N_LANGS; lang++)
    for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
      g_assert_cmpstr (trk_lang_weekday_short (lang, day), ==, expected[lang][day - 1]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  trk_i18n_init ();

  g_test_add_func ("/lang-date/full-and-heading", test_dates);
  g_test_add_func ("/lang-date/every-month-translated", test_every_month_translated);
  g_test_add_func ("/lang-date/weekdays", test_weekdays);

  return g_test_run ();
}
