/* trk-lang.c - the three languages of Tirkeu
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-lang.h"

static const char * const lang_codes[TRK_N_LANGS] = { "en", "kk", "ru" };
/* Each language's name in that language: not translated on purpose. */
static const char * const lang_names[TRK_N_LANGS] = { "English", "Қазақша", "Русский" };

/**
 * trk_lang_from_string:
 * @code: "en", "kk" or "ru"
 * @out_lang: (out): the language
 *
 * Returns: %FALSE when @code is not one of the three codes.
 */
gboolean
trk_lang_from_string (const char *code,
                      TrkLang    *out_lang)
{
  g_return_val_if_fail (out_lang != NULL, FALSE);

  if (code == NULL)
    return FALSE;

  for (guint i = 0; i < TRK_N_LANGS; i++)
    {
      if (strcmp (code, lang_codes[i]) == 0)
        {
          *out_lang = (TrkLang) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
trk_lang_to_string (TrkLang lang)
{
  g_return_val_if_fail (lang < TRK_N_LANGS, NULL);

  return lang_codes[lang];
}

const char *
trk_lang_native_name (TrkLang lang)
{
  g_return_val_if_fail (lang < TRK_N_LANGS, NULL);

  return lang_names[lang];
}
