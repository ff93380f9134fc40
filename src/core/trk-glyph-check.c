/* trk-glyph-check.c - every character of a sheet drawn with a real glyph of
 * the checklist's own font: HarfBuzz's coverage of the font Pango really
 * used for each run, so that no Kazakh letter is ever a box
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <hb.h>
#include <pango/pangocairo.h>

#include "trk-checklist-doc.h"
#include "trk-checklist-fonts-private.h"
#include "trk-glyph-check-private.h"

typedef struct
{
  const TrkLang *langs;      /* the language of each column */
  GHashTable    *charsets;   /* hb_face_t -> hb_set_t */
  GError       **error;
} GlyphCheck;

static hb_set_t *
face_charset (GlyphCheck *check,
              PangoFont  *font)
{
  hb_face_t *face = hb_font_get_face (pango_font_get_hb_font (font));
  hb_set_t *set = g_hash_table_lookup (check->charsets, face);

  if (set == NULL)
    {
      set = hb_set_create ();
      hb_face_collect_unicodes (face, set);
      g_hash_table_insert (check->charsets, face, set);
    }

  return set;
}

static gboolean
needs_glyph (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type != G_UNICODE_CONTROL && type != G_UNICODE_FORMAT
         && type != G_UNICODE_LINE_SEPARATOR && type != G_UNICODE_PARAGRAPH_SEPARATOR;
}

static void
set_glyph_error (GlyphCheck  *check,
                 guint        column,
                 const char  *text,
                 gunichar     c,
                 const char  *family,
                 gboolean     substituted)
{
  g_autofree char *snippet = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 60));
  const char *lang = trk_lang_to_string (check->langs[column]);

  if (substituted)
    g_set_error (check->error, TRK_CHECKLIST_ERROR, TRK_CHECKLIST_ERROR_FONT,
                 /* Translators: U+%04X is a character code, %s a language code,
                  * the text, and two font family names. */
                 _("U+%04X in the %s text “%s” was set in “%s” instead of “%s”"),
                 c, lang, snippet, family, TRK_CHECKLIST_FONT_FAMILY);
  else
    g_set_error (check->error, TRK_CHECKLIST_ERROR, TRK_CHECKLIST_ERROR_GLYPH,
                 /* Translators: U+%04X is a character code, %s a language code,
                  * the text and a font family name. */
                 _("U+%04X in the %s text “%s” has no glyph in the font “%s”"),
                 c, lang, snippet, family);
}

static gboolean
check_run (GlyphCheck     *check,
           guint           column,
           const char     *text,
           PangoGlyphItem *run)
{
  PangoFont *font = run->item->analysis.font;
  g_autoptr(PangoFontDescription) desc = pango_font_describe (font);
  const char *family = pango_font_description_get_family (desc);
  gboolean ours = family != NULL && g_ascii_strcasecmp (family, TRK_CHECKLIST_FONT_FAMILY) == 0;
  const char *end = text + run->item->offset + run->item->length;
  hb_set_t *set = face_charset (check, font);

  for (const char *p = text + run->item->offset; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!needs_glyph (c))
        continue;
      if (!ours || !hb_set_has (set, c))
        {
          set_glyph_error (check, column, text, c, family != NULL ? family : "?", !ours);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_layout (PangoLayout *layout,
              guint        column,
              gpointer     user_data)
{
  GlyphCheck *check = user_data;
  const char *text = pango_layout_get_text (layout);
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);

  do
    {
      PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL && !check_run (check, column, text, run))
        return FALSE;
    }
  while (pango_layout_iter_next_run (iter));

  if (pango_layout_get_unknown_glyphs_count (layout) > 0)
    {
      g_set_error (check->error, TRK_CHECKLIST_ERROR, TRK_CHECKLIST_ERROR_GLYPH,
                   _("The text “%s” has characters without a glyph"), text);
      return FALSE;
    }

  return TRUE;
}

gboolean
_trk_sheet_check_glyphs (TrkSheet       *sheet,
                         const TrkLang  *langs,
                         GError        **error)
{
  GlyphCheck check = { langs, NULL, error };
  gboolean ok;

  check.charsets = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) hb_set_destroy);
  ok = trk_sheet_foreach_layout (sheet, check_layout, &check);
  g_hash_table_unref (check.charsets);

  return ok;
}
