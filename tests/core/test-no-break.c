/* test-no-break.c - a law's number is never split across lines
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "trk-no-break.h"

typedef struct
{
  const char *text;
  const char *kept;   /* the spans kept whole, joined by "|"; "" for none */
} Case;

static const Case cases[] = {
  { "Закон Республики Казахстан от 23 декабря 2023 года № 50-VIII о внесении",
    "№ 50-VIII" },
  { "Law No. 50-VIII of 23 December 2023", "No. 50-VIII" },
  { "2023 жылғы 23 желтоқсандағы № 50-VIII Заңы", "№ 50-VIII" },
  { "Article 443-1 of the Administrative Code", "443-1" },
  { "статья 443-1 и № 50-VIII", "443-1|№ 50-VIII" },
  { "№50", "№50" },
  { "from 1 January 2024, aged 16 or over", "" },
  { "Nobody needs a number here", "" },
  { "", "" },
};

static char *
kept_spans (const char *text)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(GString) kept = g_string_new (NULL);
  g_autoslist(PangoAttribute) list = NULL;

  trk_no_break_add_attrs (text, attrs);
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      g_assert_cmpint (attr->klass->type, ==, PANGO_ATTR_ALLOW_BREAKS);
      g_assert_false (((PangoAttrInt *) attr)->value);
      if (kept->len > 0)
        g_string_append_c (kept, '|');
      g_string_append_len (kept, text + attr->start_index,
                           attr->end_index - attr->start_index);
    }
  return g_string_free (g_steal_pointer (&kept), FALSE);
}

static void
test_spans (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *kept = kept_spans (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (kept, ==, cases[i].kept);
    }
}

/* Pango itself offers no line break inside the span, at any width. */
static void
test_no_break_in_layout (void)
{
  const char *text = "Закон от 23 декабря 2023 года № 50-VIII о внесении изменений";
  const char *span = strstr (text, "№");
  /* Pango 1.50 declares no autoptr for PangoContext. */
  g_autoptr(GObject) context =
    G_OBJECT (pango_font_map_create_context (pango_cairo_font_map_get_default ()));
  g_autoptr(PangoLayout) layout = pango_layout_new (PANGO_CONTEXT (context));
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  const PangoLogAttr *log_attrs;
  glong span_start = g_utf8_pointer_to_offset (text, span);
  glong span_end = span_start + g_utf8_strlen ("№ 50-VIII", -1);
  int n;

  pango_layout_set_text (layout, text, -1);
  log_attrs = pango_layout_get_log_attrs_readonly (layout, &n);
  /* Without the attributes Pango would break after the hyphen. */
  g_assert_true (log_attrs[span_start + g_utf8_strlen ("№ 50-", -1)].is_line_break);

  trk_no_break_add_attrs (text, attrs);
  pango_layout_set_attributes (layout, attrs);
  log_attrs = pango_layout_get_log_attrs_readonly (layout, &n);
  for (glong i = span_start + 1; i < span_end; i++)
    g_assert_false (log_attrs[i].is_line_break);
  g_assert_true (log_attrs[span_end + 1].is_line_break);

  /* The narrowest width: each line as short as it can be. */
  pango_layout_set_width (layout, 1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      int line_end = line->start_index + line->length;

      g_assert_false (line_end > span - text && line_end < span - text + (int) strlen ("№ 50-VIII"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/no-break/spans", test_spans);
  g_test_add_func ("/no-break/no-break-in-layout", test_no_break_in_layout);

  return g_test_run ();
}
