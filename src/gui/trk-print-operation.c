/* trk-print-operation.c - printing the checklist with the core's drawing routine
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-checklist-doc.h"
#include "trk-handbook-render.h"
#include "trk-pdf-export.h"
#include "trk-print-operation.h"

struct _TrkPrintOperation
{
  GtkPrintOperation  parent_instance;

  TrkResult         *result;
  TrkRuleSet        *rules;   /* the handbook's, when printing it */
  GDate              date;
  TrkLang            langs[2];
  guint              n_langs;
  TrkChecklistDoc   *doc;
  GError            *layout_error;
  GSettings         *settings;
  GtkDropDown       *language_choice;
};

G_DEFINE_FINAL_TYPE (TrkPrintOperation, trk_print_operation, GTK_TYPE_PRINT_OPERATION)

/* Letter is 612 pt wide, A4 595 pt: the paper the dialog chose decides. */
static TrkPaper
paper_of (GtkPrintContext *context)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);

  return width > 603.0 ? TRK_PAPER_LETTER : TRK_PAPER_A4;
}

static void
trk_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  TrkPrintOperation *self = TRK_PRINT_OPERATION (operation);
  guint n_pages;

  g_clear_object (&self->doc);
  g_clear_error (&self->layout_error);
  if (self->rules != NULL)
    {
      TrkHandbook *handbook = trk_handbook_new (self->rules, &self->date, &self->layout_error);

      if (handbook != NULL)
        self->doc = trk_handbook_doc_new (handbook, self->langs, self->n_langs,
                                          paper_of (context));
    }
  else
    self->doc = trk_checklist_doc_new (self->result, self->langs, self->n_langs,
                                       paper_of (context));
  n_pages = self->doc != NULL ? trk_checklist_doc_paginate (self->doc, &self->layout_error) : 0;
  if (n_pages == 0)
    {
      /* Told to the user by whoever ran the operation, once it is done. */
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
trk_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  TrkPrintOperation *self = TRK_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width;
  double height;

  /* Scale the page if the printer's paper differs from the laid-out one. */
  trk_checklist_doc_get_page_size (self->doc, &width, &height);
  cairo_save (cr);
  cairo_scale (cr,
               gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  trk_checklist_doc_draw_page (self->doc, cr, (guint) page_nr);
  cairo_restore (cr);
}

static char *
current_option (TrkPrintOperation *self)
{
  if (self->n_langs == 2)
    return g_strdup_printf ("%s,%s", trk_lang_to_string (self->langs[0]),
                            trk_lang_to_string (self->langs[1]));
  return g_strdup (trk_lang_to_string (self->langs[0]));
}

/* A "Checklist" tab in the print dialog: the language(s) of the paper,
 * chosen apart from the interface language, as in Save PDF. */
static GtkWidget *
trk_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  TrkPrintOperation *self = TRK_PRINT_OPERATION (operation);
  g_autofree char *current = current_option (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Language of the checklist"));
  guint n;
  const char *const *options = trk_pdf_export_get_language_options (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = trk_pdf_export_language_label (options[i]);

      gtk_string_list_append (labels, text);
    }
  self->language_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)),
                                                            NULL));
  for (guint i = 0; i < n; i++)
    if (g_str_equal (options[i], current))
      gtk_drop_down_set_selected (self->language_choice, i);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->language_choice));
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->language_choice));
  return box;
}

static void
trk_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                         GtkWidget         *widget)
{
  TrkPrintOperation *self = TRK_PRINT_OPERATION (operation);
  guint n;
  const char *const *options = trk_pdf_export_get_language_options (&n);
  guint selected = gtk_drop_down_get_selected (self->language_choice);

  if (selected < n &&
      trk_pdf_export_parse_languages (options[selected], self->langs, &self->n_langs))
    g_settings_set_string (self->settings, "pdf-language", options[selected]);
}

static void
trk_print_operation_end_print (GtkPrintOperation *operation,
                               GtkPrintContext   *context)
{
  g_clear_object (&TRK_PRINT_OPERATION (operation)->doc);
}

static void
trk_print_operation_dispose (GObject *object)
{
  TrkPrintOperation *self = TRK_PRINT_OPERATION (object);

  g_clear_object (&self->doc);
  g_clear_pointer (&self->result, trk_result_unref);
  g_clear_object (&self->rules);
  g_clear_error (&self->layout_error);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (trk_print_operation_parent_class)->dispose (object);
}

static void
trk_print_operation_class_init (TrkPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = trk_print_operation_dispose;
  print_class->begin_print = trk_print_operation_begin_print;
  print_class->draw_page = trk_print_operation_draw_page;
  print_class->end_print = trk_print_operation_end_print;
  print_class->create_custom_widget = trk_print_operation_create_custom_widget;
  print_class->custom_widget_apply = trk_print_operation_custom_widget_apply;
}

static void
trk_print_operation_init (TrkPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The checklist has its own margins. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Tirkeu checklist"));
  gtk_print_operation_set_custom_tab_label (operation, _("Checklist"));
}

static GtkPageSetup *
default_page_setup (GSettings *settings)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = NULL;

  size = gtk_paper_size_new (trk_pdf_export_get_paper (settings) == TRK_PAPER_LETTER
                             ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, size);
  return setup;
}

TrkPrintOperation *
trk_print_operation_new (TrkResult *result,
                         GSettings *settings,
                         TrkLang    ui_lang)
{
  TrkPrintOperation *self;
  g_autoptr(GtkPageSetup) setup = NULL;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TRK_TYPE_PRINT_OPERATION, NULL);
  self->result = trk_result_ref (result);
  self->settings = g_object_ref (settings);
  self->n_langs = trk_pdf_export_get_languages (settings, ui_lang, self->langs);
  setup = default_page_setup (settings);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);

  return self;
}

TrkPrintOperation *
trk_print_operation_new_handbook (TrkRuleSet  *rules,
                                  const GDate *date,
                                  GSettings   *settings,
                                  TrkLang      ui_lang)
{
  TrkPrintOperation *self;
  g_autoptr(GtkPageSetup) setup = NULL;

  g_return_val_if_fail (TRK_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TRK_TYPE_PRINT_OPERATION, NULL);
  self->rules = g_object_ref (rules);
  self->date = *date;
  self->settings = g_object_ref (settings);
  self->n_langs = trk_pdf_export_get_languages (settings, ui_lang, self->langs);
  setup = default_page_setup (settings);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);

  return self;
}

const GError *
trk_print_operation_get_layout_error (TrkPrintOperation *self)
{
  g_return_val_if_fail (TRK_IS_PRINT_OPERATION (self), NULL);
  return self->layout_error;
}
