/* trk-checklist-fonts.c - the checklist's own fonts, not the user's font configuration
 *
 * fontconfig's default configuration reads every configuration file of the
 * system and the user and every font cache: about a quarter of a
 * `tirkeu-cli checklist` process, and a user's <match> rule could replace
 * Noto Sans by another font. Here an empty configuration (FcConfigCreate)
 * gets the few files of the family (FcConfigAppFontAddFile) and a
 * PangoCairo font map uses it alone.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "trk-checklist-fonts-private.h"

/* The styles the checklist sets: regular and bold (italic for markup). */
static const char *const font_files[] = {
  "NotoSans-Regular.ttf",
  "NotoSans-Bold.ttf",
  "NotoSans-Italic.ttf",
  "NotoSans-BoldItalic.ttf",
};

const char *
_trk_checklist_font_dir (void)
{
  const char *dir = g_getenv ("TIRKEU_FONT_DIR");

  return dir != NULL && dir[0] != '\0' ? dir : TRK_CHECKLIST_FONT_DIR;
}

static gpointer
create_font_map (gpointer data)
{
  FcConfig *config = FcConfigCreate ();
  PangoFontMap *map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  const char *dir = _trk_checklist_font_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (font_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, font_files[i], NULL);

      /* A missing file leaves the family incomplete or absent: the
       * checklist's font check then reports it, nothing is substituted. */
      if (!FcConfigAppFontAddFile (config, (const FcChar8 *) path))
        g_debug ("font file %s not loaded", path);
    }

  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  FcConfigDestroy (config);
  return map;
}

PangoFontMap *
_trk_checklist_font_map (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, create_font_map, NULL);
  return once.retval;
}
