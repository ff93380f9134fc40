/* trk-no-break.c - spans of text a line must not break
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-no-break.h"

/* A number sign and what it numbers ("№ 50-VIII", "No. 50-VIII", "No 5"),
 * or a number joined by hyphens to more letters or digits ("443-1",
 * "50-VIII"). */
#define KEEP_TOGETHER_PATTERN \
  "(?:№|\\bNo\\.?)\\s*\\d[\\p{L}\\p{N}]*(?:-[\\p{L}\\p{N}]+)*" \
  "|\\b\\d+(?:-[\\p{L}\\p{N}]+)+"

static GRegex *
no_break_regex (void)
{
  static gsize regex;

  if (g_once_init_enter (&regex))
    {
      g_autoptr(GError) error = NULL;
      GRegex *compiled = g_regex_new (KEEP_TOGETHER_PATTERN, G_REGEX_OPTIMIZE, 0, &error);

      g_assert_no_error (error);
      g_once_init_leave (&regex, (gsize) compiled);
    }
  return (GRegex *) regex;
}

void
trk_no_break_add_attrs (const char    *text,
                             PangoAttrList *attrs)
{
  g_autoptr(GMatchInfo) match = NULL;

  g_return_if_fail (text != NULL);
  g_return_if_fail (attrs != NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return;

  g_regex_match (no_break_regex (), text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start;
      int end;

      if (g_match_info_fetch_pos (match, 0, &start, &end) && end > start)
        {
          PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

          attr->start_index = (guint) start;
          attr->end_index = (guint) end;
          pango_attr_list_insert (attrs, attr);
        }
      g_match_info_next (match, NULL);
    }
}
