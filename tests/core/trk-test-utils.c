/* trk-test-utils.c - helpers shared by the core tests
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <libxml/parser.h>

#include "trk-test-utils.h"

char *
trk_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

char *
trk_test_read_fixture (const char *name)
{
  g_autofree char *path = trk_test_fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

char *
trk_test_replace (const char *text,
                  const char *old,
                  const char *replacement,
                  guint      *out_line)
{
  const char *at = strstr (text, old);
  g_autofree char *head = NULL;
  guint line = 1;

  if (at == NULL)
    g_error ("“%s” is not in the text", old);
  for (const char *p = text; p < at; p++)
    line += *p == '\n';
  if (out_line != NULL)
    *out_line = line;

  head = g_strndup (text, (gsize) (at - text));
  return g_strconcat (head, replacement, at + strlen (old), NULL);
}

TrkRuleSet *
trk_test_rules_from_string (const char  *xml,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return trk_rule_set_new_from_bytes (bytes, name, error);
}

void
trk_test_apply (TrkAnswers *answers,
                const char *spec)
{
  g_auto(GStrv) parts = g_strsplit (spec, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *eq;

      if (parts[i][0] == '\0')
        continue;
      if (parts[i][0] == '-')
        {
          trk_answers_unset (answers, parts[i] + 1);
          continue;
        }
      eq = strchr (parts[i], '=');
      g_assert_nonnull (eq);
      *eq = '\0';
      trk_answers_set (answers, parts[i], eq + 1);
    }
}

TrkAnswers *
trk_test_answers (const char *spec)
{
  TrkAnswers *answers = trk_answers_new ();

  trk_test_apply (answers, spec);
  return answers;
}

GDate
trk_test_date (const char *text)
{
  GDate date;

  g_assert_true (trk_date_parse (text, &date));
  return date;
}

void
trk_test_assert_line (const GError *error,
                      const char   *name,
                      guint         line)
{
  g_autofree char *prefix = g_strdup_printf ("%s:%u: ", name, line);

  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected “%s…”, got “%s”", prefix, error->message);
}

gboolean
trk_test_has_key (TrkResult  *result,
                  gboolean    warnings,
                  const char *key)
{
  guint n = warnings ? trk_result_get_n_warnings (result) : trk_result_get_n_items (result);

  for (guint i = 0; i < n; i++)
    {
      const char *k = warnings ? trk_result_get_warning_key (result, i) : trk_result_get_item_key (result, i);

      if (strcmp (k, key) == 0)
        return TRUE;
    }
  return FALSE;
}

xmlDoc *
trk_test_builtin_rules_doc (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/tirkeu/Tirkeu/core/rules/kz-dactyloscopy.rules.xml",
                                                     0, &error);
  gsize size;
  const char *data;
  xmlDoc *doc;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  doc = xmlReadMemory (data, (int) size, "kz-dactyloscopy.rules.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  return doc;
}

char *
trk_test_xml_prop (const xmlNode *node,
                   const char    *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

TrkResult *
trk_test_evaluate (TrkRuleSet *rules,
                   const char *date,
                   const char *spec)
{
  g_autoptr(TrkAnswers) answers = trk_test_answers (spec);
  g_autoptr(GError) error = NULL;
  GDate d = trk_test_date (date);
  TrkResult *result = trk_evaluate (rules, answers, &d, &error);

  g_assert_no_error (error);
  return result;
}

guint
trk_test_parse_langs (const char *text,
                      TrkLang    *langs)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  guint n = g_strv_length (parts);

  for (guint i = 0; i < n; i++)
    g_assert_true (trk_lang_from_string (parts[i], &langs[i]));
  return n;
}
