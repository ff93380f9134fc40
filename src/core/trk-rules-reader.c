/* trk-rules-reader.c - walking a rules document: elements, texts, ids,
 * dates and errors that name the line (shared by the loader's parts)
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-answers.h"
#include "trk-rules-loader-private.h"

gboolean G_GNUC_PRINTF (5, 6)
_trk_ld_fail (Loader      *ld,
              GError     **error,
              int          code,
              xmlNode     *node,
              const char  *format,
              ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, TRK_RULES_ERROR, code, "%s:%u: %s", ld->name, _trk_xml_line (node), msg);
  return FALSE;
}

char *
_trk_ld_attr (xmlNode    *node,
              const char *name)
{
  g_autoptr(TrkXmlString) value = xmlGetProp (node, (const xmlChar *) name);

  return value != NULL ? g_strdup ((const char *) value) : NULL;
}

gboolean
_trk_ld_is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
next_element (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;
  return node;
}

xmlNode *
_trk_ld_first_child (xmlNode *node)
{
  return next_element (node->children);
}

xmlNode *
_trk_ld_next_sibling (xmlNode *node)
{
  return next_element (node->next);
}

/* ===== texts ===== */

static char *
normalize_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
text_lang (Loader   *ld,
           xmlNode  *node,
           TrkLang  *out_lang,
           GError  **error)
{
  g_autoptr(TrkXmlString) lang = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);

  if (lang == NULL)
    {
      *out_lang = TRK_LANG_EN;
      return TRUE;
    }
  if (trk_lang_from_string ((const char *) lang, out_lang))
    return TRUE;
  return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                       _("<%s>: unknown xml:lang “%s” (allowed: en, kk, ru)"),
                       (const char *) node->name, (const char *) lang);
}

static gboolean
add_text (Loader   *ld,
          xmlNode  *node,
          TrkText  *text,
          GError  **error)
{
  g_autoptr(TrkXmlString) content = xmlNodeGetContent (node);
  TrkLang lang;

  if (!text_lang (ld, node, &lang, error))
    return FALSE;
  if (text->s[lang] != NULL)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("<%s> is given twice in language “%s”"),
                         (const char *) node->name, trk_lang_to_string (lang));

  text->s[lang] = normalize_space (content != NULL ? (const char *) content : "");
  if (text->s[lang][0] == '\0')
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node, _("<%s> is empty"),
                         (const char *) node->name);
  if (text->line == 0)
    text->line = _trk_xml_line (node);
  return TRUE;
}

/* Reads every child <element> of @parent into @text; @required needs English. */
gboolean
_trk_ld_load_text (Loader      *ld,
                   xmlNode     *parent,
                   const char  *element,
                   gboolean     required,
                   TrkText     *text,
                   GError     **error)
{
  text->element = element;
  for (xmlNode *c = _trk_ld_first_child (parent); c != NULL; c = _trk_ld_next_sibling (c))
    {
      if (_trk_ld_is_element (c, element) && !add_text (ld, c, text, error))
        return FALSE;
    }

  if (text->line == 0 && !required)
    return TRUE;
  if (text->s[TRK_LANG_EN] == NULL)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, parent,
                         _("<%s> in <%s> has no English text (one without xml:lang)"),
                         element, (const char *) parent->name);
  g_ptr_array_add (ld->rs->texts, text);
  return TRUE;
}

/* ===== ids and dates ===== */

gboolean
_trk_ld_parse_date (Loader      *ld,
                    xmlNode     *node,
                    const char  *name,
                    guint32     *out_jd,
                    GError     **error)
{
  g_autofree char *value = _trk_ld_attr (node, name);
  GDate date;

  *out_jd = 0;
  if (value == NULL)
    return TRUE;
  if (!trk_date_parse (value, &date))
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("<%s> %s=\"%s\" is not a real calendar date (YYYY-MM-DD)"),
                         (const char *) node->name, name, value);

  *out_jd = g_date_get_julian (&date);
  return TRUE;
}

gboolean
_trk_ld_claim_clause_id (Loader      *ld,
                         xmlNode     *node,
                         const char  *id,
                         GError     **error)
{
  gpointer line = g_hash_table_lookup (ld->clause_ids, id);

  if (line != NULL)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, node,
                         _("duplicate id “%s” in <%s> (first used on line %u)"),
                         id, (const char *) node->name, GPOINTER_TO_UINT (line));
  g_hash_table_insert (ld->clause_ids, (gpointer) id, GUINT_TO_POINTER (_trk_xml_line (node)));
  return TRUE;
}

gboolean
_trk_ld_check_count (Loader      *ld,
                     xmlNode     *node,
                     guint        count,
                     guint        max,
                     GError     **error)
{
  if (count < max)
    return TRUE;
  return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                       _("too many <%s> elements (at most %u)"), (const char *) node->name, max);
}


TrkQuestion *
_trk_ld_cond_question (Loader   *ld,
                       xmlNode  *node,
                       GError  **error)
{
  g_autofree char *id = _trk_ld_attr (node, "answer");
  TrkQuestion *q = id != NULL ? g_hash_table_lookup (ld->rs->question_ids, id) : NULL;

  if (q == NULL)
    _trk_ld_fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                  _("<%s> refers to unknown answer “%s”"), (const char *) node->name, id != NULL ? id : "");
  return q;
}

gint
_trk_ld_choice_index (const TrkQuestion *q,
                      const char        *value)
{
  for (guint i = 0; i < q->choices->len; i++)
    {
      const TrkChoice *c = g_ptr_array_index (q->choices, i);

      if (strcmp (c->value, value) == 0)
        return (gint) i;
    }
  return -1;
}


static int
compare_jd (gconstpointer a,
            gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

void
_trk_ld_collect_key_dates (Loader *ld)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ld->dates);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint32 jd = GPOINTER_TO_UINT (key);
      g_array_append_val (ld->rs->key_dates, jd);
    }
  g_array_sort (ld->rs->key_dates, compare_jd);
}
