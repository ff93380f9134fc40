/* trk-i18n.c - gettext start-up and texts in a chosen language
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tirkeu switches its language at run time, also on machines where no
 * kk_KZ or ru_RU locale is installed. That works through the LANGUAGE
 * variable, which glibc honours in every locale but "C"; so the start-up
 * falls back to C.UTF-8, and a switch bumps glibc's catalog counter so
 * that no stale cached translation comes back.
 *
 * textdomain() is never called on purpose: GLib's g_dgettext() (behind
 * _() and GtkBuilder) would then decide once, at the first lookup, that
 * nothing is to be translated when the start-up language has no catalog
 * (English). Every lookup names its domain instead.
 *
 * Not thread-safe: the language is process state (an environment
 * variable). Call these functions from the main thread only.
 */
#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "trk-i18n.h"

#ifdef __GLIBC__
/* glibc's catalog generation: its lookup cache is valid for one value. */
extern int _nl_msg_cat_cntr;
#endif

static gboolean initialized;
static gboolean language_set;
static TrkLang current_language;
/* LANGUAGE as the user had it, kept from before our first change. */
static gboolean user_env_saved;
static char *user_env;

static void
save_user_env (void)
{
  if (user_env_saved)
    return;

  user_env = g_strdup (g_getenv ("LANGUAGE"));
  user_env_saved = TRUE;
}

static void
bump_catalog_generation (void)
{
#ifdef __GLIBC__
  ++_nl_msg_cat_cntr;
#else
  /* Elsewhere, setting LC_MESSAGES again flushes the cache if there is one. */
  g_autofree char *messages = g_strdup (setlocale (LC_MESSAGES, NULL));

  setlocale (LC_MESSAGES, messages);
#endif
}

/* @value: the new LANGUAGE, or %NULL to unset it */
static void
set_language_env (const char *value)
{
  if (value != NULL)
    g_setenv ("LANGUAGE", value, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  bump_catalog_generation ();
}

static gboolean
is_c_locale (const char *locale)
{
  return locale == NULL
         || strcmp (locale, "C") == 0
         || strcmp (locale, "POSIX") == 0;
}

/* Returns: %TRUE when the user's locale could not be used as it is */
static gboolean
use_user_locale (void)
{
  if (setlocale (LC_ALL, "") != NULL
      && !is_c_locale (setlocale (LC_MESSAGES, NULL)))
    return FALSE;

  /* Built into glibc >= 2.35, and unlike "C" it honours LANGUAGE. */
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    g_debug ("Neither the user's locale nor C.UTF-8 is available");

  return TRUE;
}

/* The installed catalogs; a program run from its build tree (not
 * installed, as the tests and `tirkeu-cli` straight after a build are)
 * falls back to the catalogs built beside it. */
static const char *
catalog_dir (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "kk", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *built = g_build_filename (BUILD_LOCALEDIR, "kk", "LC_MESSAGES",
                                             GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (built, G_FILE_TEST_EXISTS))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

/**
 * trk_i18n_init:
 *
 * Sets the locale from the environment (C.UTF-8 when that fails or gives
 * "C") and binds the tirkeu text domain to `$TIRKEU_LOCALEDIR`, or to the
 * installed locale directory when that is not set. When the user's locale
 * is not installed but names Kazakh or Russian, LANGUAGE is set so that
 * the user still gets their language. Only the first call does anything.
 */
void
trk_i18n_init (void)
{
  const char *dir = g_getenv ("TIRKEU_LOCALEDIR");
  const char *language = g_getenv ("LANGUAGE");
  TrkLang system;

  if (initialized)
    return;
  initialized = TRUE;

  if (dir == NULL || *dir == '\0')
    dir = catalog_dir ();
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  system = trk_i18n_system_language ();
  if (use_user_locale ()
      && system != TRK_LANG_EN
      && (language == NULL || *language == '\0'))
    trk_i18n_set_language (system);
}

static gboolean
lang_from_locale_name (const char *name,
                       TrkLang    *out_lang)
{
  g_autofree char *code = g_strndup (name, strcspn (name, "_.@"));

  return trk_lang_from_string (code, out_lang);
}

static TrkLang
lang_from_language_list (const char *list)
{
  g_auto(GStrv) names = g_strsplit (list, ":", -1);
  TrkLang lang;

  /* As gettext does: the first listed language that we have wins. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (lang_from_locale_name (names[i], &lang))
        return lang;
    }

  return TRK_LANG_EN;
}

/**
 * trk_i18n_system_language:
 *
 * The user's language from LANGUAGE, LC_ALL, LC_MESSAGES or LANG (as the
 * user set them, not as trk_i18n_set_language() changed them).
 *
 * Returns: Kazakh, Russian, or English for any other language
 */
TrkLang
trk_i18n_system_language (void)
{
  static const char * const locale_vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
  const char *language = user_env_saved ? user_env : g_getenv ("LANGUAGE");
  TrkLang lang;

  if (language != NULL && *language != '\0')
    return lang_from_language_list (language);

  for (guint i = 0; i < G_N_ELEMENTS (locale_vars); i++)
    {
      const char *value = g_getenv (locale_vars[i]);

      if (value != NULL && *value != '\0')
        return lang_from_locale_name (value, &lang) ? lang : TRK_LANG_EN;
    }

  return TRK_LANG_EN;
}

/**
 * trk_i18n_set_language:
 * @lang: the new language of the interface
 *
 * Switches gettext (ours, GTK's, every domain) to @lang from the next
 * lookup on. Widgets showing translated texts must be rebuilt or relabelled.
 */
void
trk_i18n_set_language (TrkLang lang)
{
  g_return_if_fail (lang < TRK_N_LANGS);

  save_user_env ();
  current_language = lang;
  language_set = TRUE;
  set_language_env (trk_lang_to_string (lang));
}

/**
 * trk_i18n_get_language:
 *
 * Returns: the language set by trk_i18n_set_language(), or the system's
 */
TrkLang
trk_i18n_get_language (void)
{
  return language_set ? current_language : trk_i18n_system_language ();
}

/* Returns: whether LANGUAGE was changed; then *out_previous is the old value */
static gboolean
switch_language (TrkLang   lang,
                 char    **out_previous)
{
  const char *code = trk_lang_to_string (lang);
  const char *now = g_getenv ("LANGUAGE");

  if (g_strcmp0 (now, code) == 0)
    return FALSE;

  *out_previous = g_strdup (now);
  set_language_env (code);
  return TRUE;
}

/**
 * trk_i18n_dgettext:
 * @lang: the language wanted, whatever the interface language is
 * @domain: a gettext domain, for example "iso_3166-1"
 * @msgid: an English text
 *
 * Looks @msgid up in @lang by switching LANGUAGE for the time of the
 * lookup (about a microsecond). Main thread only.
 *
 * Returns: (transfer none): the translation, or @msgid. It stays valid for
 *   the life of the process (gettext never unloads a catalog).
 */
const char *
trk_i18n_dgettext (TrkLang     lang,
                   const char *domain,
                   const char *msgid)
{
  g_autofree char *previous = NULL;
  const char *text;
  gboolean switched;

  g_return_val_if_fail (lang < TRK_N_LANGS, msgid);
  g_return_val_if_fail (domain != NULL, msgid);
  g_return_val_if_fail (msgid != NULL, NULL);

  /* msgids are English; and "" would give the catalog's header. */
  if (lang == TRK_LANG_EN || *msgid == '\0')
    return msgid;

  trk_i18n_init ();
  switched = switch_language (lang, &previous);
  text = dgettext (domain, msgid);
  if (switched)
    set_language_env (previous);

  return text;
}

/**
 * trk_i18n_gettext:
 * @lang: the language wanted, whatever the interface language is
 * @msgid: an English text of the tirkeu domain
 *
 * Like trk_i18n_dgettext() for Tirkeu's own texts. Main thread only.
 *
 * Returns: (transfer none): the translation, or @msgid
 */
const char *
trk_i18n_gettext (TrkLang     lang,
                  const char *msgid)
{
  return trk_i18n_dgettext (lang, GETTEXT_PACKAGE, msgid);
}

/**
 * trk_i18n_ngettext:
 * @lang: the language wanted, whatever the interface language is
 * @msgid: the English singular
 * @msgid_plural: the English plural
 * @n: the number that chooses the form
 *
 * Like trk_i18n_gettext() with the plural rules of @lang. Main thread only.
 *
 * Returns: (transfer none): the translation, or @msgid or @msgid_plural
 */
const char *
trk_i18n_ngettext (TrkLang     lang,
                   const char *msgid,
                   const char *msgid_plural,
                   gulong      n)
{
  g_autofree char *previous = NULL;
  const char *text;
  gboolean switched;

  g_return_val_if_fail (lang < TRK_N_LANGS, msgid);
  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  if (lang == TRK_LANG_EN)
    return n == 1 ? msgid : msgid_plural;

  trk_i18n_init ();
  switched = switch_language (lang, &previous);
  text = dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  if (switched)
    set_language_env (previous);

  return text;
}
