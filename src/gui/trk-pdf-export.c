/* trk-pdf-export.c - Save PDF: file, language(s) and paper, then an atomic write
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-error-dialog.h"
#include "trk-file-chooser.h"
#include "trk-answers.h"
#include "trk-handbook-render.h"
#include "trk-pdf-export.h"

/* The choices offered: one language, or a bilingual pair (first leads). */
static const char *const language_options[] = { "kk", "ru", "en", "ru,en", "kk,ru", "kk,en" };

const char *const *
trk_pdf_export_get_language_options (guint *n_options)
{
  *n_options = G_N_ELEMENTS (language_options);
  return language_options;
}

static gboolean
parse_languages (const char *text,
                 TrkLang     out_langs[2],
                 guint      *out_n)
{
  g_auto(GStrv) codes = g_strsplit (text, ",", -1);
  guint n = g_strv_length (codes);

  if (n < 1 || n > 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!trk_lang_from_string (codes[i], &out_langs[i]))
      return FALSE;
  if (n == 2 && out_langs[0] == out_langs[1])
    return FALSE;

  *out_n = n;
  return TRUE;
}

guint
trk_pdf_export_get_languages (GSettings *settings,
                              TrkLang    ui_lang,
                              TrkLang    out_langs[2])
{
  g_autofree char *text = g_settings_get_string (settings, "pdf-language");
  guint n;

  if (parse_languages (text, out_langs, &n))
    return n;

  out_langs[0] = ui_lang;
  return 1;
}

TrkPaper
trk_pdf_export_get_paper (GSettings *settings)
{
  g_autofree char *paper = g_settings_get_string (settings, "pdf-paper");

  return g_strcmp0 (paper, "letter") == 0 ? TRK_PAPER_LETTER : TRK_PAPER_A4;
}

gboolean
trk_pdf_export_write (TrkResult   *result,
                      GSettings   *settings,
                      TrkLang      ui_lang,
                      const char  *path,
                      GError     **error)
{
  TrkLang langs[2];
  guint n = trk_pdf_export_get_languages (settings, ui_lang, langs);
  g_autoptr(TrkChecklistDoc) doc = trk_checklist_doc_new (result, langs, n,
                                                          trk_pdf_export_get_paper (settings));

  return trk_checklist_doc_write_pdf (doc, path, error);
}

gboolean
trk_pdf_export_parse_languages (const char *text,
                                TrkLang     out_langs[2],
                                guint      *out_n)
{
  g_return_val_if_fail (text != NULL, FALSE);
  return parse_languages (text, out_langs, out_n);
}

char *
trk_pdf_export_language_label (const char *option)
{
  TrkLang langs[2];
  guint n = 0;

  if (!parse_languages (option, langs, &n))
    g_assert_not_reached ();

  if (n == 1)
    return g_strdup (trk_lang_native_name (langs[0]));

  /* Translators: a bilingual checklist, e.g. "Русский + English" */
  return g_strdup_printf (_("%1$s + %2$s"),
                          trk_lang_native_name (langs[0]), trk_lang_native_name (langs[1]));
}

/* The preferred option goes first: GTK 4.8's fallback dialog ignores
 * gtk_file_chooser_set_choice() for lists and shows the first option. */
static void
order_options (const char  *const *options,
               guint               n_options,
               const char         *preferred,
               const char        **out_ids)
{
  guint n = 0;

  for (guint i = 0; i < n_options; i++)
    if (g_strcmp0 (options[i], preferred) == 0)
      out_ids[n++] = options[i];
  for (guint i = 0; i < n_options; i++)
    if (g_strcmp0 (options[i], preferred) != 0)
      out_ids[n++] = options[i];
  out_ids[n] = NULL;
}

static void
add_paper_choice (GtkFileChooser *chooser,
                  GSettings      *settings)
{
  static const char *const papers[] = { "a4", "letter" };
  g_autofree char *paper = g_settings_get_string (settings, "pdf-paper");
  const char *ids[G_N_ELEMENTS (papers) + 1];
  const char *labels[G_N_ELEMENTS (papers) + 1];

  order_options (papers, G_N_ELEMENTS (papers), paper, ids);
  for (guint i = 0; ids[i] != NULL; i++)
    labels[i] = g_str_equal (ids[i], "letter") ? _("US Letter") : _("A4");
  labels[G_N_ELEMENTS (papers)] = NULL;

  gtk_file_chooser_add_choice (chooser, "paper", _("Paper size"), ids, labels);
  gtk_file_chooser_set_choice (chooser, "paper", ids[0]);
}

static void
add_choices (GtkFileChooser *chooser,
             GSettings      *settings,
             TrkLang         ui_lang)
{
  const char *ids[G_N_ELEMENTS (language_options) + 1];
  char *labels[G_N_ELEMENTS (language_options) + 1] = { NULL };
  g_autofree char *current = g_settings_get_string (settings, "pdf-language");

  order_options (language_options, G_N_ELEMENTS (language_options),
                 *current != '\0' ? current : trk_lang_to_string (ui_lang), ids);
  for (guint i = 0; ids[i] != NULL; i++)
    labels[i] = trk_pdf_export_language_label (ids[i]);

  gtk_file_chooser_add_choice (chooser, "language", _("Language of the checklist"),
                               ids, (const char **) labels);
  gtk_file_chooser_set_choice (chooser, "language", ids[0]);
  add_paper_choice (chooser, settings);

  for (guint i = 0; labels[i] != NULL; i++)
    g_free (labels[i]);
}

typedef struct
{
  GtkWindow  *parent;
  TrkResult  *result;    /* the checklist's, or NULL for the handbook */
  TrkRuleSet *rules;     /* the handbook's */
  GDate       date;
  GSettings  *settings;
  TrkLang     ui_lang;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->parent);
  g_clear_pointer (&data->result, trk_result_unref);
  g_clear_object (&data->rules);
  g_clear_object (&data->settings);
  g_free (data);
}

static void
remember_choices (GtkFileChooser *chooser,
                  GSettings      *settings)
{
  const char *language = gtk_file_chooser_get_choice (chooser, "language");
  const char *paper = gtk_file_chooser_get_choice (chooser, "paper");
  TrkLang langs[2];
  guint n;

  if (language != NULL && parse_languages (language, langs, &n))
    g_settings_set_string (settings, "pdf-language", language);
  if (g_strcmp0 (paper, "a4") == 0 || g_strcmp0 (paper, "letter") == 0)
    g_settings_set_string (settings, "pdf-paper", paper);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             ExportData      *data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    remember_choices (GTK_FILE_CHOOSER (chooser), data->settings);
  file = trk_file_chooser_take_file (chooser, response);

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      if (data->result != NULL
          && !trk_pdf_export_write (data->result, data->settings, data->ui_lang, path, &error))
        trk_error_dialog_show (data->parent, _("The checklist could not be saved"),
                               error->message);
      else if (data->result == NULL
               && !trk_handbook_export_write (data->rules, &data->date, data->settings,
                                              data->ui_lang, path, &error))
        trk_error_dialog_show (data->parent, _("The handbook could not be saved"),
                               error->message);
    }

  export_data_free (data);
}

static char *
suggested_name (TrkResult *result)
{
  /* Translators: the proposed file name; %s is a date (YYYY-MM-DD) */
  return g_strdup_printf (_("tirkeu-checklist-%s.pdf"), trk_result_get_date (result));
}

static void
run_chooser (ExportData *data,
             const char *title,
             const char *name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  chooser = trk_file_chooser_new (data->parent, title, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_choices (GTK_FILE_CHOOSER (chooser), data->settings, data->ui_lang);

  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
trk_pdf_export_run (GtkWindow *parent,
                    TrkResult *result,
                    GSettings *settings,
                    TrkLang    ui_lang)
{
  g_autofree char *name = NULL;
  ExportData *data;

  g_return_if_fail (result != NULL);
  g_return_if_fail (G_IS_SETTINGS (settings));

  name = suggested_name (result);
  data = g_new0 (ExportData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->result = trk_result_ref (result);
  data->settings = g_object_ref (settings);
  data->ui_lang = ui_lang;
  run_chooser (data, _("Save Checklist"), name);
}

/* ---- the handbook: every outcome on a date ---- */

void
trk_handbook_export_run (GtkWindow   *parent,
                         TrkRuleSet  *rules,
                         const GDate *date,
                         GSettings   *settings,
                         TrkLang      ui_lang)
{
  g_autofree char *iso = NULL;
  g_autofree char *name = NULL;
  ExportData *data;

  g_return_if_fail (TRK_IS_RULE_SET (rules));
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (G_IS_SETTINGS (settings));

  iso = trk_date_format (date);
  /* Translators: the proposed file name; %s is a date (YYYY-MM-DD) */
  name = g_strdup_printf (_("tirkeu-handbook-%s.pdf"), iso);
  data = g_new0 (ExportData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->rules = g_object_ref (rules);
  data->date = *date;
  data->settings = g_object_ref (settings);
  data->ui_lang = ui_lang;
  run_chooser (data, _("Save Handbook"), name);
}

gboolean
trk_handbook_export_write (TrkRuleSet   *rules,
                           const GDate  *date,
                           GSettings    *settings,
                           TrkLang       ui_lang,
                           const char   *path,
                           GError      **error)
{
  g_autoptr(TrkChecklistDoc) doc = NULL;
  TrkHandbook *handbook;
  TrkLang langs[2];
  guint n_langs;

  g_return_val_if_fail (TRK_IS_RULE_SET (rules), FALSE);
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  handbook = trk_handbook_new (rules, date, error);
  if (handbook == NULL)
    return FALSE;
  n_langs = trk_pdf_export_get_languages (settings, ui_lang, langs);
  doc = trk_handbook_doc_new (handbook, langs, n_langs, trk_pdf_export_get_paper (settings));
  return trk_checklist_doc_write_pdf (doc, path, error);
}
