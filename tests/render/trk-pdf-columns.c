/* trk-pdf-columns.c - the text of a column of a PDF page, line by line
 *
 * The one column reader of the render tests: the checklist and the
 * handbook put two languages side by side.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "trk-pdf-columns.h"

#define SAME_LINE 3.0  /* points: glyph bottoms this close are one line */

typedef struct
{
  double   y;      /* the bottom of the line's first glyph */
  guint    order;  /* poppler's order of the line */
  GString *text;
} Line;

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const Line *x = a, *y = b;

  if (x->y < y->y - SAME_LINE || x->y > y->y + SAME_LINE)
    return x->y < y->y ? -1 : 1;
  return (x->order > y->order) - (x->order < y->order);
}

char *
trk_pdf_column_text (PopplerPage *page,
                     double       x1,
                     double       x2,
                     gboolean     keep_spaces)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  GString *out = g_string_new (NULL);
  const char *p = text;
  guint n = 0;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  for (guint i = 0; i < n && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      double centre = (rects[i].x1 + rects[i].x2) / 2;
      Line *last = lines->len > 0 ? &g_array_index (lines, Line, lines->len - 1) : NULL;

      if (c == '\n' || (g_unichar_isspace (c) && !keep_spaces) || centre < x1 || centre >= x2)
        continue;
      if (last == NULL || fabs (rects[i].y2 - last->y) > SAME_LINE)
        {
          Line line = { rects[i].y2, lines->len, g_string_new (NULL) };

          if (g_unichar_isspace (c))
            continue;  /* a line does not start with a space */
          g_array_append_val (lines, line);
          last = &g_array_index (lines, Line, lines->len - 1);
        }
      g_string_append_unichar (last->text, c);
    }

  g_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      GString *line = g_array_index (lines, Line, i).text;

      g_string_append (out, line->str);
      if (keep_spaces)
        g_string_append_c (out, '\n');
      g_string_free (line, TRUE);
    }
  return g_string_free (out, FALSE);
}
