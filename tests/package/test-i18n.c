/* test-i18n.c - gettext start-up and run-time language switching
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with only C.UTF-8 installed (test_env sets LC_ALL=C.UTF-8 and
 * TIRKEU_LOCALEDIR=build/po). "Language" is a msgid of the welcome page,
 * translated in po/kk.po and po/ru.po.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-i18n.h"

#define MSGID "Language"
#define MSGID_KK "Тіл"
#define MSGID_RU "Язык"

typedef struct
{
  const char *language;
  const char *lc_all;
  const char *lc_messages;
  const char *lang;
  TrkLang     expected;
} SystemCase;

static const SystemCase system_cases[] = {
  { NULL, NULL, NULL, "kk_KZ.UTF-8", TRK_LANG_KK },
  { NULL, NULL, NULL, "ru_RU.UTF-8", TRK_LANG_RU },
  { NULL, NULL, NULL, "de_DE.UTF-8", TRK_LANG_EN },
  { NULL, NULL, NULL, "C", TRK_LANG_EN },
  { NULL, NULL, NULL, NULL, TRK_LANG_EN },
  { NULL, "ru_RU.UTF-8", NULL, "kk_KZ.UTF-8", TRK_LANG_RU },
  { NULL, NULL, "kk_KZ", "en_US.UTF-8", TRK_LANG_KK },
  { "de:ru:kk", NULL, NULL, "kk_KZ.UTF-8", TRK_LANG_RU },
  { "en_GB:en", NULL, NULL, "ru_RU.UTF-8", TRK_LANG_EN },
  { "kk", "C.UTF-8", NULL, NULL, TRK_LANG_KK },
  { "fr", NULL, NULL, "ru_RU.UTF-8", TRK_LANG_EN },
  { "", NULL, NULL, "ru_RU@latin", TRK_LANG_RU },
};

static void
set_or_unset (const char *name,
              const char *value)
{
  if (value != NULL)
    g_setenv (name, value, TRUE);
  else
    g_unsetenv (name);
}

/* Runs the current test again in a child with this environment: the
 * language is process state. */
static void
run_child (const SystemCase *c)
{
  static const char * const names[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
  const char *values[] = { c->language, c->lc_all, c->lc_messages, c->lang };
  char *saved[G_N_ELEMENTS (names)];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      saved[i] = g_strdup (g_getenv (names[i]));
      set_or_unset (names[i], values[i]);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      set_or_unset (names[i], saved[i]);
      g_free (saved[i]);
    }
}

static void
test_system_language (void)
{
  if (g_test_subprocess ())
    {
      g_print ("%s", trk_lang_to_string (trk_i18n_system_language ()));
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (system_cases); i++)
    {
      run_child (&system_cases[i]);
      g_test_message ("case %u", i);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout (trk_lang_to_string (system_cases[i].expected));
    }
}

/* GLib's g_dgettext() (behind _() and GtkBuilder) and glibc follow the
 * switch, in both directions, and English does not turn translation off. */
static void
test_switch (void)
{
  trk_i18n_init ();
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "C.UTF-8");

  trk_i18n_set_language (TRK_LANG_EN);
  g_assert_cmpstr (_(MSGID), ==, MSGID);
  g_assert_cmpint (trk_i18n_get_language (), ==, TRK_LANG_EN);

  trk_i18n_set_language (TRK_LANG_KK);
  g_assert_cmpstr (_(MSGID), ==, MSGID_KK);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "kk");

  trk_i18n_set_language (TRK_LANG_RU);
  g_assert_cmpstr (_(MSGID), ==, MSGID_RU);
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, MSGID), ==, MSGID_RU);

  trk_i18n_set_language (TRK_LANG_EN);
  g_assert_cmpstr (_(MSGID), ==, MSGID);

  trk_i18n_set_language (TRK_LANG_KK);
  g_assert_cmpstr (_(MSGID), ==, MSGID_KK);
  g_assert_cmpint (trk_i18n_get_language (), ==, TRK_LANG_KK);
}

/* A text in another language than the interface, and the interface after. */
static void
test_other_language (void)
{
  trk_i18n_set_language (TRK_LANG_KK);

  g_assert_cmpstr (trk_i18n_gettext (TRK_LANG_RU, MSGID), ==, MSGID_RU);
  g_assert_cmpstr (trk_i18n_gettext (TRK_LANG_EN, MSGID), ==, MSGID);
  g_assert_cmpstr (trk_i18n_gettext (TRK_LANG_KK, MSGID), ==, MSGID_KK);
  g_assert_cmpstr (_(MSGID), ==, MSGID_KK);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "kk");

  trk_i18n_set_language (TRK_LANG_EN);
  g_assert_cmpstr (trk_i18n_gettext (TRK_LANG_KK, MSGID), ==, MSGID_KK);
  g_assert_cmpstr (trk_i18n_gettext (TRK_LANG_RU, MSGID), ==, MSGID_RU);
  g_assert_cmpstr (_(MSGID), ==, MSGID);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");

  /* An unknown msgid and the empty string (the catalog header) stay as they are. */
  g_assert_cmpstr (trk_i18n_gettext (TRK_LANG_RU, "No such text"), ==, "No such text");
  g_assert_cmpstr (trk_i18n_gettext (TRK_LANG_KK, ""), ==, "");
}

static void
test_plural (void)
{
  static const gulong counts[] = { 0, 1, 2, 5, 21 };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gulong n = counts[i];
      const char *expected = n == 1 ? "%lu answer" : "%lu answers";

      /* English rules; an untranslated text falls back the same way. */
      g_assert_cmpstr (trk_i18n_ngettext (TRK_LANG_EN, "%lu answer", "%lu answers", n),
                       ==, expected);
      g_assert_cmpstr (trk_i18n_ngettext (TRK_LANG_RU, "%lu answer", "%lu answers", n),
                       ==, expected);
    }
}

/* LANG names a locale this machine lacks: C.UTF-8 plus LANGUAGE still
 * give the user's language. */
static void
test_missing_locale (void)
{
  static const SystemCase kk = { NULL, NULL, NULL, "kk_KZ.UTF-8", TRK_LANG_KK };
  static const SystemCase c = { NULL, NULL, NULL, "C", TRK_LANG_EN };
  static const SystemCase ru = { "ru", NULL, NULL, "kk_KZ.UTF-8", TRK_LANG_RU };

  if (g_test_subprocess ())
    {
      trk_i18n_init ();
      g_print ("%s|%s|%s", setlocale (LC_MESSAGES, NULL),
               trk_lang_to_string (trk_i18n_get_language ()), _(MSGID));
      return;
    }

  run_child (&kk);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("C.UTF-8|kk|" MSGID_KK);

  run_child (&c);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("C.UTF-8|en|" MSGID);

  run_child (&ru);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("C.UTF-8|ru|" MSGID_RU);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trk/i18n/system-language", test_system_language);
  g_test_add_func ("/trk/i18n/missing-locale", test_missing_locale);
  g_test_add_func ("/trk/i18n/switch", test_switch);
  g_test_add_func ("/trk/i18n/other-language", test_other_language);
  g_test_add_func ("/trk/i18n/plural", test_plural);

  return g_test_run ();
}
