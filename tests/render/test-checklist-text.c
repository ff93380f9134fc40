/* test-checklist-text.c - template filling and dates in each language
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-i18n.h"
#include "trk-lang-date.h"
#include "trk-template.h"

static void
test_fill (void)
{
  const char *args[] = { "1", "3" };
  const struct
  {
    const char *template;
    const char *expected;
  } table[] = {
    { "Page %u of %u", "Page 1 of 3" },
    { "%2$u беттің %1$u-беті", "3 беттің 1-беті" },
    { "%s and %s and %s", "1 and 3 and %s" },   /* a missing argument stays */
    { "%3$s!", "%3$s!" },
    { "100%% %s", "100% 1" },
    { "%d %", "%d %" },                          /* not ours: kept as written */
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *out = trk_template_fill (table[i].template, args, 2);

      g_assert_cmpstr (out, ==, table[i].expected);
    }
}

static void
assert_date (TrkLang     lang,
             const char *iso,
             const char *expected)
{
  g_autofree char *text = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  g_assert_true (g_date_valid (&date));
  text = trk_lang_date_format (lang, &date);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_date_en (void)
{
  assert_date (TRK_LANG_EN, "2026-11-28", "28 November 2026");
  assert_date (TRK_LANG_EN, "2024-02-24", "24 February 2024");
}

/* Russian months after a day number are in the genitive; Kazakh puts the
 * year first. Both come from the po files: missing translations (a wrong
 * TIRKEU_LOCALEDIR, catalogs not built) are a failure, not a skip. */
static void
test_date_translated (void)
{
  g_test_message ("catalogs from TIRKEU_LOCALEDIR=%s", g_getenv ("TIRKEU_LOCALEDIR"));
  g_assert_cmpstr (trk_i18n_gettext (TRK_LANG_RU, "%1$s %2$s %3$s"), !=, "%1$s %2$s %3$s");
  g_assert_cmpstr (trk_i18n_gettext (TRK_LANG_KK, "%1$s %2$s %3$s"), !=, "%1$s %2$s %3$s");

  assert_date (TRK_LANG_RU, "2026-11-28", "28 ноября 2026 г.");
  assert_date (TRK_LANG_RU, "2025-07-01", "1 июля 2025 г.");
  assert_date (TRK_LANG_KK, "2026-11-28", "2026 жылғы 28 қараша");
  assert_date (TRK_LANG_KK, "2024-01-01", "2024 жылғы 1 қаңтар");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  trk_i18n_init ();

  g_test_add_func ("/render/text/fill", test_fill);
  g_test_add_func ("/render/text/date-en", test_date_en);
  g_test_add_func ("/render/text/date-translated", test_date_translated);

  return g_test_run ();
}
