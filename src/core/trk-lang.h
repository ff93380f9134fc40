/* trk-lang.h - the three languages of Tirkeu
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Order matters: it is the index of a text in every translatable field. */
typedef enum
{
  TRK_LANG_EN,
  TRK_LANG_KK,
  TRK_LANG_RU,
  TRK_N_LANGS
} TrkLang;

gboolean    trk_lang_from_string (const char *code,
                                  TrkLang    *out_lang);
const char *trk_lang_to_string   (TrkLang     lang);
/* The language's own name ("Қазақша", "Русский", "English"). */
const char *trk_lang_native_name (TrkLang     lang);

G_END_DECLS
