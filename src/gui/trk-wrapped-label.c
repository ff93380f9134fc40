/* trk-wrapped-label.c - the wrapping, start-aligned label every page uses
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "trk-no-break.h"
#include "trk-wrapped-label.h"

GtkWidget *
trk_wrapped_label_new (const char *text,
                       const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A narrowest width of its own: else GTK measures the label's minimum
   * by breaking after every word, the dearest Pango layout of all
   * (tests/bench/RESULTS.md). */
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (text != NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      /* "№ 50-VIII" stays on one line, as on the checklist. */
      trk_no_break_add_attrs (text, attrs);
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}
