/* trk-answers.c - an applicant's answers and the assessment date
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-answers-private.h"
#include "trk-xml-private.h"

#define ANSWERS_MAX_SIZE (256 * 1024)
#define ANSWERS_MAX_DEPTH 16

typedef TrkAnswerEntry Entry;

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (trk-answers-error-quark, trk_answers_error)

G_DEFINE_FINAL_TYPE (TrkAnswers, trk_answers, G_TYPE_OBJECT)

static Entry *
entry_new (const char *id,
           const char *value)
{
  gsize id_len = strlen (id), value_len = strlen (value);
  Entry *e = g_malloc (sizeof (Entry) + id_len + value_len + 2);
  char *text = (char *) (e + 1);

  memcpy (text, id, id_len + 1);
  memcpy (text + id_len + 1, value, value_len + 1);
  e->id = text;
  e->value = text + id_len + 1;
  e->id_len = (guint32) id_len;
  e->value_len = (guint32) value_len;
  return e;
}

static void
trk_answers_finalize (GObject *object)
{
  TrkAnswers *self = TRK_ANSWERS (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (trk_answers_parent_class)->finalize (object);
}

static void
trk_answers_class_init (TrkAnswersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trk_answers_finalize;

  /**
   * TrkAnswers::changed:
   *
   * Emitted after an answer or the date really changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trk_answers_init (TrkAnswers *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_free);
  g_date_clear (&self->date, 1);
}

TrkAnswers *
trk_answers_new (void)
{
  return g_object_new (TRK_TYPE_ANSWERS, NULL);
}

TrkAnswers *
trk_answers_copy (TrkAnswers *self)
{
  TrkAnswers *copy;

  g_return_val_if_fail (TRK_IS_ANSWERS (self), NULL);

  copy = trk_answers_new ();
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *e = g_ptr_array_index (self->entries, i);

      g_ptr_array_add (copy->entries, entry_new (e->id, e->value));
    }
  copy->has_date = self->has_date;
  copy->date = self->date;
  return copy;
}

static gint
find_entry (TrkAnswers *self,
            const char *id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *e = g_ptr_array_index (self->entries, i);

      if (strcmp (e->id, id) == 0)
        return (gint) i;
    }
  return -1;
}

void
trk_answers_set (TrkAnswers *self,
                 const char *id,
                 const char *value)
{
  gint i;
  Entry *e;

  g_return_if_fail (TRK_IS_ANSWERS (self));
  g_return_if_fail (id != NULL && value != NULL);

  i = find_entry (self, id);
  if (i >= 0)
    {
      e = g_ptr_array_index (self->entries, i);
      if (strcmp (e->value, value) == 0)
        return;
      g_ptr_array_index (self->entries, i) = entry_new (id, value);
      g_free (e);
    }
  else
    g_ptr_array_add (self->entries, entry_new (id, value));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
trk_answers_unset (TrkAnswers *self,
                   const char *id)
{
  gint i;

  g_return_if_fail (TRK_IS_ANSWERS (self));
  g_return_if_fail (id != NULL);

  i = find_entry (self, id);
  if (i < 0)
    return;
  g_ptr_array_remove_index (self->entries, (guint) i);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
trk_answers_clear (TrkAnswers *self)
{
  g_return_if_fail (TRK_IS_ANSWERS (self));

  if (self->entries->len == 0 && !self->has_date)
    return;
  g_ptr_array_set_size (self->entries, 0);
  self->has_date = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
trk_answers_get (TrkAnswers *self,
                 const char *id)
{
  gint i;

  g_return_val_if_fail (TRK_IS_ANSWERS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  i = find_entry (self, id);
  return i >= 0 ? ((Entry *) g_ptr_array_index (self->entries, i))->value : NULL;
}

/**
 * trk_answers_list_ids:
 *
 * Returns: (transfer container) (element-type utf8): the ids in the order
 *   they were first set; the strings belong to @self.
 */
GPtrArray *
trk_answers_list_ids (TrkAnswers *self)
{
  GPtrArray *ids;

  g_return_val_if_fail (TRK_IS_ANSWERS (self), NULL);

  ids = g_ptr_array_sized_new (self->entries->len);
  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (ids, (gpointer) ((Entry *) g_ptr_array_index (self->entries, i))->id);
  return ids;
}

gboolean
trk_answers_get_date (TrkAnswers *self,
                      GDate      *out_date)
{
  g_return_val_if_fail (TRK_IS_ANSWERS (self), FALSE);

  if (self->has_date && out_date != NULL)
    *out_date = self->date;
  return self->has_date;
}

/* @date: (nullable): NULL removes the date ("today" then applies). */
void
trk_answers_set_date (TrkAnswers  *self,
                      const GDate *date)
{
  gboolean valid;

  g_return_if_fail (TRK_IS_ANSWERS (self));

  valid = date != NULL && g_date_valid (date);
  if (valid == self->has_date && (!valid || g_date_compare (date, &self->date) == 0))
    return;
  self->has_date = valid;
  if (valid)
    self->date = *date;
  else
    g_date_clear (&self->date, 1);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ===== the answers file ===== */

static gboolean G_GNUC_PRINTF (5, 6)
fail (const char  *name,
      xmlNode     *node,
      int          code,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, TRK_ANSWERS_ERROR, code, "%s:%u: %s", name, _trk_xml_line (node), msg);
  return FALSE;
}

/* Attributes other than @allowed, and any namespace, are refused. */
static gboolean
check_attributes (const char  *name,
                  xmlNode     *node,
                  const char  *allowed,
                  GError     **error)
{
  if (node->ns != NULL || node->nsDef != NULL)
    {
      return fail (name, node, TRK_ANSWERS_ERROR_MALFORMED, error,
                   _("<%s>: namespaces are not allowed"), (const char *) node->name);
    }
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      if (a->ns != NULL || strcmp ((const char *) a->name, allowed) != 0)
        {
          return fail (name, node, TRK_ANSWERS_ERROR_MALFORMED, error,
                       _("<%s>: unexpected attribute “%s” (only “%s” is allowed)"),
                       (const char *) node->name, (const char *) a->name, allowed);
        }
    }
  return TRUE;
}

static gboolean
load_date (TrkAnswers  *self,
           const char  *name,
           xmlNode     *root,
           GError     **error)
{
  g_autoptr(TrkXmlString) text = xmlGetNoNsProp (root, (const xmlChar *) "date");
  GDate date;

  if (text == NULL)
    return TRUE;
  if (!trk_date_parse ((const char *) text, &date))
    return fail (name, root, TRK_ANSWERS_ERROR_INVALID_DATE, error,
                 _("<answers> date=\"%s\" is not a date (allowed: a real calendar date as YYYY-MM-DD)"),
                 (const char *) text);
  self->has_date = TRUE;
  self->date = date;
  return TRUE;
}

/* The text of <answer>, which may hold nothing but text and comments. */
static char *
answer_value (const char  *name,
              xmlNode     *node,
              GError     **error)
{
  GString *value = g_string_new (NULL);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        g_string_append (value, (const char *) c->content);
      else if (c->type != XML_COMMENT_NODE)
        {
          fail (name, c, TRK_ANSWERS_ERROR_MALFORMED, error,
                _("<answer> may contain only text, not <%s>"), (const char *) c->name);
          g_string_free (value, TRUE);
          return NULL;
        }
    }
  g_strstrip (value->str);
  return g_string_free (value, FALSE);
}

static gboolean
load_answer (TrkAnswers  *self,
             const char  *name,
             xmlNode     *node,
             GError     **error)
{
  g_autoptr(TrkXmlString) id = NULL;
  g_autofree char *value = NULL;

  if (strcmp ((const char *) node->name, "answer") != 0)
    return fail (name, node, TRK_ANSWERS_ERROR_MALFORMED, error,
                 _("unexpected element <%s> (only <answer> is allowed in <answers>)"),
                 (const char *) node->name);
  if (!check_attributes (name, node, "id", error))
    return FALSE;
  id = xmlGetNoNsProp (node, (const xmlChar *) "id");
  if (id == NULL || id[0] == '\0')
    return fail (name, node, TRK_ANSWERS_ERROR_MALFORMED, error,
                 _("<answer> without an id attribute"));
  if (find_entry (self, (const char *) id) >= 0)
    return fail (name, node, TRK_ANSWERS_ERROR_DUPLICATE, error,
                 _("the answer “%s” is given twice"), (const char *) id);
  if ((value = answer_value (name, node, error)) == NULL)
    return FALSE;

  g_ptr_array_add (self->entries, entry_new ((const char *) id, value));
  return TRUE;
}

static gboolean
load_root (TrkAnswers  *self,
           const char  *name,
           xmlNode     *root,
           GError     **error)
{
  if (root == NULL || strcmp ((const char *) root->name, "answers") != 0)
    return fail (name, root, TRK_ANSWERS_ERROR_MALFORMED, error,
                 _("the root element must be <answers>, not <%s>"),
                 root != NULL ? (const char *) root->name : "");
  if (!check_attributes (name, root, "date", error) || !load_date (self, name, root, error))
    return FALSE;

  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      if (c->type == XML_ELEMENT_NODE)
        {
          if (!load_answer (self, name, c, error))
            return FALSE;
        }
      else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
               && !_trk_xml_is_blank (c->content))
        {
          g_set_error (error, TRK_ANSWERS_ERROR, TRK_ANSWERS_ERROR_MALFORMED, "%s:%u: %s", name,
                       _trk_xml_text_line (c),
                       _("unexpected text in <answers> (only <answer> elements are allowed)"));
          return FALSE;
        }
      else if (c->type != XML_TEXT_NODE && c->type != XML_COMMENT_NODE
               && c->type != XML_CDATA_SECTION_NODE)
        return fail (name, c, TRK_ANSWERS_ERROR_MALFORMED, error,
                     _("unexpected content in <answers> (only <answer> elements are allowed)"));
    }
  return TRUE;
}

static const TrkXmlLimits answers_limits = {
  ANSWERS_MAX_SIZE, ANSWERS_MAX_DEPTH, 0,
  TRK_ANSWERS_ERROR_UNSAFE, TRK_ANSWERS_ERROR_MALFORMED,
};

TrkAnswers *
trk_answers_load_bytes (GBytes      *bytes,
                        const char  *name,
                        GError     **error)
{
  TrkXmlLimits limits = answers_limits;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(TrkAnswers) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "answers";
  limits.domain = TRK_ANSWERS_ERROR;
  doc = _trk_xml_parse (bytes, name, &limits, error);
  if (doc == NULL)
    return NULL;

  self = trk_answers_new ();
  if (!load_root (self, name, xmlDocGetRootElement (doc), error))
    return NULL;
  return g_steal_pointer (&self);
}

TrkAnswers *
trk_answers_load_file (const char  *path,
                       GError     **error)
{
  TrkXmlLimits limits = answers_limits;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  limits.domain = TRK_ANSWERS_ERROR;
  bytes = _trk_xml_read_file (path, &limits, &local);
  if (bytes == NULL)
    {
      if (local->domain == TRK_ANSWERS_ERROR)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error_literal (error, TRK_ANSWERS_ERROR, TRK_ANSWERS_ERROR_MALFORMED, local->message);
      return NULL;
    }
  return trk_answers_load_bytes (bytes, path, error);
}

char *
trk_answers_to_xml (TrkAnswers *self)
{
  GString *out;

  g_return_val_if_fail (TRK_IS_ANSWERS (self), NULL);

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<answers");
  if (self->has_date)
    {
      g_autofree char *date = trk_date_format (&self->date);
      g_string_append_printf (out, " date=\"%s\"", date);
    }
  g_string_append (out, ">\n");
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *e = g_ptr_array_index (self->entries, i);
      g_autofree char *id = g_markup_escape_text (e->id, -1);
      g_autofree char *value = g_markup_escape_text (e->value, -1);

      g_string_append_printf (out, "  <answer id=\"%s\">%s</answer>\n", id, value);
    }
  g_string_append (out, "</answers>\n");
  return g_string_free (out, FALSE);
}

gboolean
trk_answers_save_file (TrkAnswers  *self,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (TRK_IS_ANSWERS (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  xml = trk_answers_to_xml (self);
  /* CONSISTENT: a temporary file in the same folder, then rename. Answers
   * are personal data, hence 0600. */
  if (!g_file_set_contents_full (path, xml, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local))
    {
      g_set_error (error, TRK_ANSWERS_ERROR, TRK_ANSWERS_ERROR_WRITE,
                   _("%s: cannot write the answers: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}
