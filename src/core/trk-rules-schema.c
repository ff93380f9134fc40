/* trk-rules-schema.c - a rules document against the RelaxNG schema
 *
 * The schema lives in the core's GResource and is compiled once.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-core-resources.h"
#include "trk-rules-loader-private.h"

#define SCHEMA_PATH "/io/github/tirkeu/Tirkeu/core/rules/tirkeu-rules.rng"

static void
collect_error_cb (void     *data,
                  xmlError *err)
{
  xmlError *first = data;

  if (err != NULL && err->level >= XML_ERR_ERROR && first->code == 0)
    {
      xmlResetError (first);
      xmlCopyError (err, first);
    }
}

static xmlRelaxNG *
load_schema (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlRelaxNGParserCtxt) pctxt = NULL;
  xmlError first = { 0 };
  xmlRelaxNG *schema;
  gsize len;
  const char *data;

  bytes = g_resource_lookup_data (trk_core_get_resource (), SCHEMA_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    g_error ("the rules schema %s is missing from the resources", SCHEMA_PATH);

  data = g_bytes_get_data (bytes, &len);
  pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) len);
  xmlRelaxNGSetParserStructuredErrors (pctxt, collect_error_cb, &first);
  schema = xmlRelaxNGParse (pctxt);
  if (schema == NULL)
    g_error ("the built-in rules schema does not parse: %s", first.message);
  xmlResetError (&first);
  return schema;
}

static xmlRelaxNG *
get_schema (void)
{
  static gsize schema = 0;

  if (g_once_init_enter (&schema))
    g_once_init_leave (&schema, (gsize) load_schema ());
  return (xmlRelaxNG *) schema;
}

gboolean
_trk_rules_validate_schema (xmlDoc      *doc,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(xmlRelaxNGValidCtxt) vctxt = xmlRelaxNGNewValidCtxt (get_schema ());
  xmlError first = { 0 };
  g_autofree char *line = NULL;
  g_autofree char *msg = NULL;
  int ret;

  xmlRelaxNGSetValidStructuredErrors (vctxt, collect_error_cb, &first);
  ret = xmlRelaxNGValidateDoc (vctxt, doc);
  if (ret == 0)
    return TRUE;

  /* first line only, as valid UTF-8 (libxml2 may quote the document) */
  line = first.message != NULL ? g_strndup (first.message, strcspn (first.message, "\n")) : g_strdup ("?");
  msg = g_strstrip (g_utf8_make_valid (line, -1));
  g_set_error (error, TRK_RULES_ERROR, TRK_RULES_ERROR_INVALID,
               _("%s:%d: does not match the rules schema: %s"),
               name, first.line > 0 ? first.line : 1, msg);
  xmlResetError (&first);
  return FALSE;
}

