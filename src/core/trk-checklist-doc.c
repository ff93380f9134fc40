/* trk-checklist-doc.c - the printable checklist: pages on any cairo_t, and a PDF
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <hb.h>
#include <pango/pangocairo.h>

#include "trk-checklist-content-private.h"
#include "trk-checklist-fonts-private.h"
#include "trk-sheet-private.h"
#include "trk-checklist-doc.h"
#include "trk-checklist-doc-private.h"
#include "trk-glyph-check-private.h"

#define MARGIN_MM 12.7
#define MM_TO_PT  (72.0 / 25.4)

struct _TrkChecklistDoc
{
  GObject    parent_instance;

  TrkResult *result;
  TrkLang    langs[TRK_SHEET_MAX_COLUMNS];
  guint      n_langs;
  TrkPaper   paper;
  TrkSheet  *sheet;   /* NULL until paginated */

  /* Another document on the same machinery (the handbook); see
   * trk-checklist-doc-private.h. */
  TrkRuleSet            *rules;
  char                  *titles[TRK_SHEET_MAX_COLUMNS];
  TrkChecklistSheetFunc  custom;
  gpointer               custom_data;
  GDestroyNotify         custom_destroy;
};

G_DEFINE_FINAL_TYPE (TrkChecklistDoc, trk_checklist_doc, G_TYPE_OBJECT)

G_DEFINE_QUARK (trk-checklist-error-quark, trk_checklist_error)

static void
trk_checklist_doc_finalize (GObject *object)
{
  TrkChecklistDoc *self = TRK_CHECKLIST_DOC (object);

  g_clear_pointer (&self->result, trk_result_unref);
  g_clear_pointer (&self->sheet, trk_sheet_free);
  g_clear_object (&self->rules);
  for (guint i = 0; i < TRK_SHEET_MAX_COLUMNS; i++)
    g_clear_pointer (&self->titles[i], g_free);
  if (self->custom_destroy != NULL)
    g_clear_pointer (&self->custom_data, self->custom_destroy);

  G_OBJECT_CLASS (trk_checklist_doc_parent_class)->finalize (object);
}

static void
trk_checklist_doc_class_init (TrkChecklistDocClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trk_checklist_doc_finalize;
}

static void
trk_checklist_doc_init (TrkChecklistDoc *self)
{
}

/**
 * trk_checklist_doc_new:
 * @result: the evaluation to print
 * @langs: (array length=n_langs): one or two languages, the first leading
 * @n_langs: 1 or 2
 * @paper: A4 or US Letter
 *
 * Returns: (transfer full): a document, not yet paginated
 */
TrkChecklistDoc *
trk_checklist_doc_new (TrkResult     *result,
                       const TrkLang *langs,
                       guint          n_langs,
                       TrkPaper       paper)
{
  TrkChecklistDoc *self;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (langs != NULL && n_langs >= 1 && n_langs <= TRK_SHEET_MAX_COLUMNS, NULL);
  g_return_val_if_fail (paper == TRK_PAPER_A4 || paper == TRK_PAPER_LETTER, NULL);

  for (guint i = 0; i < n_langs; i++)
    g_return_val_if_fail (langs[i] < TRK_N_LANGS, NULL);

  self = g_object_new (TRK_TYPE_CHECKLIST_DOC, NULL);
  self->result = trk_result_ref (result);
  for (guint i = 0; i < n_langs; i++)
    self->langs[i] = langs[i];
  self->n_langs = n_langs;
  self->paper = paper;

  return self;
}

void
trk_checklist_doc_get_page_size (TrkChecklistDoc *self,
                                 double          *width,
                                 double          *height)
{
  gboolean a4;

  g_return_if_fail (TRK_IS_CHECKLIST_DOC (self));

  a4 = self->paper == TRK_PAPER_A4;
  if (width != NULL)
    *width = a4 ? 595.276 : 612.0;
  if (height != NULL)
    *height = a4 ? 841.89 : 792.0;
}

/* Unhinted metrics at 72 dpi: a layout in points that is the same on a
 * PDF surface, a printer and a screen. */
static PangoContext *
create_context (void)
{
  PangoContext *context = pango_font_map_create_context (_trk_checklist_font_map ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

/* Fontconfig answers every request with some font: make sure it is ours. */
static gboolean
check_font_installed (PangoContext  *context,
                      GError       **error)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (
                                           TRK_CHECKLIST_FONT_FAMILY " 10");
  g_autoptr(PangoFont) font = pango_context_load_font (context, desc);
  g_autoptr(PangoFontDescription) used = NULL;
  const char *family;

  used = font != NULL ? pango_font_describe (font) : NULL;
  family = used != NULL ? pango_font_description_get_family (used) : NULL;
  if (family != NULL && g_ascii_strcasecmp (family, TRK_CHECKLIST_FONT_FAMILY) == 0)
    return TRUE;

  g_set_error (error, TRK_CHECKLIST_ERROR, TRK_CHECKLIST_ERROR_FONT,
               /* Translators: %s is a font family name ("Noto Sans"). */
               _("The font “%s” is not installed (on Debian: the package fonts-noto-core); "
                 "the checklist is not printed with another font"),
               TRK_CHECKLIST_FONT_FAMILY);
  return FALSE;
}

static TrkSheet *
build_sheet (TrkChecklistDoc *self)
{
  const char *languages[TRK_SHEET_MAX_COLUMNS] = { NULL, };
  double width, height;
  TrkSheet *sheet;

  for (guint i = 0; i < self->n_langs; i++)
    languages[i] = trk_lang_to_string (self->langs[i]);

  trk_checklist_doc_get_page_size (self, &width, &height);
  sheet = trk_sheet_new (width, height, MARGIN_MM * MM_TO_PT, self->n_langs, languages);
  _trk_checklist_content_build (sheet, self->result, self->langs, self->n_langs);

  return sheet;
}

static TrkSheet *
build_custom (TrkChecklistDoc *self,
              PangoContext    *context)
{
  const char *languages[TRK_SHEET_MAX_COLUMNS] = { NULL, };
  double width, height;

  for (guint i = 0; i < self->n_langs; i++)
    languages[i] = trk_lang_to_string (self->langs[i]);

  trk_checklist_doc_get_page_size (self, &width, &height);
  return self->custom (width, height, MARGIN_MM * MM_TO_PT, languages, context,
                       self->custom_data);
}

guint
trk_checklist_doc_paginate (TrkChecklistDoc  *self,
                            GError          **error)
{
  g_autoptr(TrkSheet) sheet = NULL;
  PangoContext *context;
  gboolean ok;

  g_return_val_if_fail (TRK_IS_CHECKLIST_DOC (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (self->sheet != NULL)
    return trk_sheet_get_n_pages (self->sheet);

  /* PangoContext has no autoptr cleanup in pango 1.50. */
  context = create_context ();
  ok = check_font_installed (context, error);
  if (ok)
    {
      sheet = self->custom != NULL ? build_custom (self, context) : build_sheet (self);
      trk_sheet_paginate (sheet, context, TRK_CHECKLIST_FONT_FAMILY);
      ok = _trk_sheet_check_glyphs (sheet, self->langs, error);
    }
  g_object_unref (context);
  if (!ok)
    return 0;

  self->sheet = g_steal_pointer (&sheet);
  return trk_sheet_get_n_pages (self->sheet);
}

TrkSheet *
_trk_checklist_doc_get_sheet (TrkChecklistDoc *self)
{
  g_return_val_if_fail (TRK_IS_CHECKLIST_DOC (self), NULL);

  return self->sheet;
}

guint
trk_checklist_doc_get_n_pages (TrkChecklistDoc *self)
{
  g_return_val_if_fail (TRK_IS_CHECKLIST_DOC (self), 0);

  return self->sheet != NULL ? trk_sheet_get_n_pages (self->sheet) : 0;
}

gboolean
trk_checklist_doc_check_glyphs (TrkChecklistDoc  *self,
                                GError          **error)
{
  g_return_val_if_fail (TRK_IS_CHECKLIST_DOC (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->sheet == NULL)
    return trk_checklist_doc_paginate (self, error) > 0;

  return _trk_sheet_check_glyphs (self->sheet, self->langs, error);
}

void
trk_checklist_doc_draw_page (TrkChecklistDoc *self,
                             cairo_t         *cr,
                             guint            page)
{
  g_return_if_fail (TRK_IS_CHECKLIST_DOC (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->sheet != NULL);
  g_return_if_fail (page < trk_sheet_get_n_pages (self->sheet));

  trk_sheet_draw_page (self->sheet, cr, page);
}

/* ---- the PDF file ---- */

/* cairo writes the PDF into memory; the catalog is completed there. */
static cairo_status_t
buffer_write (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static int
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return n < 0 ? errno : ENOSPC;
      data += n;
      length -= (gsize) n;
    }

  return 0;
}

/* The unsigned number after @key in [from, to), 0 when absent. */
static guint64
find_number (const char *from,
             const char *to,
             const char *key)
{
  g_autofree char *text = g_strndup (from, to - from);
  const char *hit = strstr (text, key);

  return hit != NULL ? g_ascii_strtoull (hit + strlen (key), NULL, 10) : 0;
}

/* The first @what in @data (which holds binary streams, NULs too). */
static const char *
find_first (const char *data,
            gsize       length,
            const char *what)
{
  gsize n = strlen (what);

  for (gsize i = 0; i + n <= length; i++)
    if (data[i] == what[0] && memcmp (data + i, what, n) == 0)
      return data + i;

  return NULL;
}

static const char *
find_last (const char *data,
           gsize       length,
           const char *what)
{
  gsize n = strlen (what);

  for (gsize i = length >= n ? length - n + 1 : 0; i-- > 0;)
    if (memcmp (data + i, what, n) == 0)
      return data + i;

  return NULL;
}

/* cairo 1.16 cannot set the document's language, nor mark it as tagged
 * unless the structure has a single root (which would put the running
 * header and footer inside it): an incremental update (PDF 1.7, 7.5.6)
 * adds a new version of the catalog with /Lang, /MarkInfo and
 * /ViewerPreferences /DisplayDocTitle (a reader shows the title, not the
 * file name). Returns FALSE, leaving @pdf unchanged, when the file is
 * not laid out as cairo writes it. */
static gboolean
complete_catalog (GByteArray *pdf,
                  const char *lang)
{
  const char *data = (const char *) pdf->data;
  const char *end = data + pdf->len;
  const char *trailer = find_last (data, pdf->len, "\ntrailer\n");
  guint64 size, root, info, prev;
  g_autofree char *header = NULL;
  const char *obj, *close;
  GString *update;
  gsize offset, xref;

  if (trailer == NULL)
    return FALSE;
  size = find_number (trailer, end, "/Size ");
  root = find_number (trailer, end, "/Root ");
  info = find_number (trailer, end, "/Info ");
  prev = find_number (trailer, end, "startxref\n");
  header = g_strdup_printf ("\n%" G_GUINT64_FORMAT " 0 obj\n", root);
  obj = root > 0 ? find_first (data, pdf->len, header) : NULL;
  close = obj != NULL ? strstr (obj, "\nendobj") : NULL;
  while (close != NULL && close > obj && memcmp (close, ">>", 2) != 0)
    close--;
  if (size == 0 || prev == 0 || obj == NULL || close == NULL || close <= obj)
    return FALSE;

  obj += strlen (header);
  offset = pdf->len;
  update = g_string_new (NULL);
  g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n", root);
  g_string_append_len (update, obj, close - obj);
  g_string_append_printf (update, "   /Lang (%s)\n", lang);
  if (g_strstr_len (obj, close - obj, "/MarkInfo") == NULL)
    g_string_append (update, "   /MarkInfo << /Marked true >>\n");
  g_string_append (update, "   /ViewerPreferences << /DisplayDocTitle true >>\n>>\nendobj\n");
  xref = offset + update->len;
  g_string_append_printf (update, "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                          root, offset);
  g_string_append_printf (update, "trailer\n<< /Size %" G_GUINT64_FORMAT "\n   /Root %"
                          G_GUINT64_FORMAT " 0 R\n", size, root);
  if (info > 0)
    g_string_append_printf (update, "   /Info %" G_GUINT64_FORMAT " 0 R\n", info);
  g_string_append_printf (update, "   /Prev %" G_GUINT64_FORMAT "\n>>\nstartxref\n%" G_GSIZE_FORMAT
                          "\n%%%%EOF\n", prev, xref);
  g_byte_array_append (pdf, (const guint8 *) update->str, update->len);
  g_string_free (update, TRUE);

  return TRUE;
}

static void
set_metadata (TrkChecklistDoc *self,
              cairo_surface_t *surface)
{
  TrkRuleSet *rules = self->rules != NULL ? self->rules : trk_result_get_rule_set (self->result);
  g_autofree char *date = g_strconcat (trk_rule_set_get_checked (rules), "T00:00:00Z", NULL);
  g_autofree char *creator = g_strconcat (PACKAGE_NAME " ", PACKAGE_VERSION, NULL);
  GString *title = g_string_new (NULL);
  GString *langs = g_string_new (NULL);
  g_autofree char *keywords = NULL;

  for (guint i = 0; i < self->n_langs; i++)
    {
      g_string_append_printf (title, "%s%s", i > 0 ? " / " : "",
                              self->titles[i] != NULL ? self->titles[i]
                              : _trk_checklist_content_title (self->langs[i]));
      g_string_append_printf (langs, "%s%s", i > 0 ? "," : "",
                              trk_lang_to_string (self->langs[i]));
    }
  keywords = g_strdup_printf ("dactyloscopy, IIN, Kazakhstan, %s %s, lang:%s",
                              trk_rule_set_get_id (rules), trk_rule_set_get_version (rules),
                              langs->str);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title->str);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  _trk_checklist_content_subject (self->langs[0]));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  g_string_free (title, TRUE);
  g_string_free (langs, TRUE);
}

/* Returns 0, or the errno of the failed write (EIO when cairo failed). */
static int
render_to_fd (TrkChecklistDoc *self,
              int              fd)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  double width, height;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  trk_checklist_doc_get_page_size (self, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (buffer_write, pdf, width, height);
  set_metadata (self, surface);
  cr = cairo_create (surface);
  trk_sheet_draw_document (self->sheet, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return EIO;

  /* The language of the lead column; a bilingual PDF names both in its
   * keywords (cairo 1.16 cannot tag a structure element's language). */
  if (!complete_catalog (pdf, trk_lang_to_string (self->langs[0])))
    g_warning ("The PDF's catalog was not found: no /Lang written");

  return write_all (fd, pdf->data, pdf->len);
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_set_error (error, TRK_CHECKLIST_ERROR, TRK_CHECKLIST_ERROR_WRITE,
               /* Translators: %s is a file name, then the system's reason. */
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* Makes the rename itself durable; a failure here loses nothing. */
static void
sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static int
write_and_sync (TrkChecklistDoc *self,
                int              fd)
{
  int saved_errno = render_to_fd (self, fd);

  if (saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;

  return saved_errno;
}

gboolean
trk_checklist_doc_write_pdf (TrkChecklistDoc  *self,
                             const char       *path,
                             GError          **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  int saved_errno;
  int fd;

  g_return_val_if_fail (TRK_IS_CHECKLIST_DOC (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (trk_checklist_doc_paginate (self, error) == 0)
    return FALSE;

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return set_write_error (error, path, errno);

  saved_errno = write_and_sync (self, fd);
  if (saved_errno == 0 && g_rename (temp, path) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      g_unlink (temp);
      return set_write_error (error, path, saved_errno);
    }

  sync_folder (folder);
  return TRUE;
}

/* ---- another document on the same machinery ---- */

TrkChecklistDoc *
_trk_checklist_doc_new_custom (TrkRuleSet            *rules,
                               const TrkLang         *langs,
                               guint                  n_langs,
                               TrkPaper               paper,
                               const char *const     *titles,
                               TrkChecklistSheetFunc  func,
                               gpointer               user_data,
                               GDestroyNotify         destroy)
{
  TrkChecklistDoc *self;

  g_return_val_if_fail (TRK_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (langs != NULL && n_langs >= 1 && n_langs <= TRK_SHEET_MAX_COLUMNS, NULL);
  g_return_val_if_fail (paper == TRK_PAPER_A4 || paper == TRK_PAPER_LETTER, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (TRK_TYPE_CHECKLIST_DOC, NULL);
  self->rules = g_object_ref (rules);
  for (guint i = 0; i < n_langs; i++)
    {
      self->langs[i] = langs[i];
      self->titles[i] = g_strdup (titles[i]);
    }
  self->n_langs = n_langs;
  self->paper = paper;
  self->custom = func;
  self->custom_data = user_data;
  self->custom_destroy = destroy;

  return self;
}
