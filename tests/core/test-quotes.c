/* test-quotes.c - every quote of the rules file is honest
 *
 * Each <cite quote="..."> of the built-in rules (rules, notes, relations,
 * ways out, checklist items, warnings) must occur verbatim (whitespace
 * aside) in what its source was read from:
 *   - a legal update (the seed): tests/fixtures/seed.txt;
 *   - a press report or an official text: tests/fixtures/law-sources.md
 *     (a copy of shared/law/sources.md) or the page excerpt in
 *     tests/fixtures/pages/ whose "url:" line is the source's address.
 * Every press report names an address that the sources file or a page
 * excerpt holds, and the copy of the sources file is kept in step with
 * shared/law/sources.md when that is beside the checkout.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "trk-test-utils.h"


typedef struct
{
  char       *seed;         /* normalized */
  char       *law_sources;  /* normalized */
  GHashTable *pages;        /* url -> normalized text */
} Texts;

/* Runs of white space become one space: quotes are single lines, the
 * texts they come from are wrapped. */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
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

static GHashTable *
read_pages (void)
{
  g_autofree char *dir_path = trk_test_fixture_path ("pages");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  GHashTable *pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *text = NULL;
      const char *eol;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      if (!g_str_has_prefix (text, "url: "))
        g_error ("pages/%s: the first line must be “url: ADDRESS”", name);
      eol = strchr (text, '\n');
      g_assert_nonnull (eol);
      g_hash_table_insert (pages, g_strndup (text + 5, (gsize) (eol - text - 5)), normalize (eol));
    }
  g_assert_cmpuint (g_hash_table_size (pages), >, 0);
  return pages;
}

static void
texts_init (Texts *t)
{
  g_autofree char *seed = trk_test_read_fixture ("seed.txt");
  g_autofree char *law = trk_test_read_fixture ("law-sources.md");

  t->seed = normalize (seed);
  t->law_sources = normalize (law);
  t->pages = read_pages ();
}

static void
texts_clear (Texts *t)
{
  g_free (t->seed);
  g_free (t->law_sources);
  g_hash_table_unref (t->pages);
}

/* Where a quote of a source of @kind at @url may honestly come from;
 * NULL when it is nowhere. */
static const char *
find_quote (const Texts *t,
            const char  *kind,
            const char  *url,
            const char  *quote)
{
  g_autofree char *q = normalize (quote);
  const char *page;

  if (g_strcmp0 (kind, "legal_update") == 0)
    return strstr (t->seed, q) != NULL ? "seed" : NULL;
  if (strstr (t->law_sources, q) != NULL)
    return "law-sources.md";
  page = url != NULL ? g_hash_table_lookup (t->pages, url) : NULL;
  if (page != NULL && strstr (page, q) != NULL)
    return url;
  return NULL;
}

typedef struct
{
  char *kind;
  char *url;
} Source;

static void
source_free (gpointer data)
{
  Source *s = data;

  g_free (s->kind);
  g_free (s->url);
  g_free (s);
}

static GHashTable *
read_sources (xmlNode *root)
{
  GHashTable *sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, source_free);

  for (xmlNode *section = root->children; section != NULL; section = section->next)
    for (xmlNode *node = section->children; node != NULL; node = node->next)
      if (node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, "source") == 0)
        {
          Source *s = g_new0 (Source, 1);

          s->kind = trk_test_xml_prop (node, "kind");
          s->url = trk_test_xml_prop (node, "url");
          g_hash_table_insert (sources, trk_test_xml_prop (node, "id"), s);
        }
  return sources;
}

/* Every <cite> anywhere under @node. */
static void
check_cites (const Texts *t,
             GHashTable  *sources,
             xmlNode     *node,
             guint       *n_checked)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) c->name, "cite") == 0)
        {
          g_autofree char *source_id = trk_test_xml_prop (c, "source");
          g_autofree char *quote = trk_test_xml_prop (c, "quote");
          Source *s = g_hash_table_lookup (sources, source_id);

          g_assert_nonnull (s);
          if (find_quote (t, s->kind, s->url, quote) == NULL)
            g_error ("line %ld: the quote of “%s” is not in what that source was read from: %s",
                     xmlGetLineNo (c), source_id, quote);
          (*n_checked)++;
        }
      check_cites (t, sources, c, n_checked);
    }
}

static void
test_quotes_verbatim (void)
{
  Texts t;
  xmlDoc *doc = trk_test_builtin_rules_doc ();
  g_autoptr(GHashTable) sources = read_sources (xmlDocGetRootElement (doc));
  guint n = 0;

  texts_init (&t);
  check_cites (&t, sources, xmlDocGetRootElement (doc), &n);
  g_test_message ("%u quotes checked", n);
  g_assert_cmpuint (n, >, 50);
  texts_clear (&t);
  xmlFreeDoc (doc);
}

/* The check itself can fail: a changed word, or a quote of a report given
 * to the seed, is found nowhere. */
static void
test_check_can_fail (void)
{
  Texts t;

  texts_init (&t);
  g_assert_nonnull (find_quote (&t, "legal_update", NULL, "To introduce data into the system the fingerprints are taken only once."));
  g_assert_null (find_quote (&t, "legal_update", NULL, "To introduce data into the system the fingerprints are taken twice."));
  g_assert_null (find_quote (&t, "legal_update", NULL, "приказ был подписан 30 сентября 2025 года"));
  g_assert_nonnull (find_quote (&t, "press_report", NULL, "приказ был подписан 30 сентября 2025 года"));
  g_assert_null (find_quote (&t, "press_report", "https://www.trend.az/business/4031077.html",
                             "Kazakhstan will stop the pilot project"));
  g_assert_nonnull (find_quote (&t, "press_report", "https://www.trend.az/business/4031077.html",
                                "Foreign citizens aged 65 and over;"));
  texts_clear (&t);
}

/* A press report's address is one the sources file or a page excerpt holds. */
static void
test_reports_have_known_addresses (void)
{
  Texts t;
  xmlDoc *doc = trk_test_builtin_rules_doc ();
  g_autoptr(GHashTable) sources = read_sources (xmlDocGetRootElement (doc));
  g_autofree char *law = trk_test_read_fixture ("law-sources.md");
  GHashTableIter iter;
  gpointer key, value;
  guint reports = 0;

  texts_init (&t);
  g_hash_table_iter_init (&iter, sources);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Source *s = value;

      if (g_strcmp0 (s->kind, "legal_update") == 0)
        continue;
      reports++;
      g_assert_nonnull (s->url);
      if (strstr (law, s->url) == NULL && !g_hash_table_contains (t.pages, s->url))
        g_error ("source “%s”: its address %s is in neither law-sources.md nor a page excerpt",
                 (const char *) key, s->url);
    }
  g_assert_cmpuint (reports, >, 0);
  texts_clear (&t);
  xmlFreeDoc (doc);
}

/* tests/fixtures/law-sources.md is shared/law/sources.md, when it is here. */
static void
test_law_sources_in_step (void)
{
  const char *shared = g_getenv ("TIRKEU_LAW_SOURCES");
  g_autofree char *copy = trk_test_read_fixture ("law-sources.md");
  g_autofree char *original = NULL;

  if (shared == NULL || !g_file_get_contents (shared, &original, NULL, NULL))
    {
      g_test_skip ("shared/law/sources.md is not beside this checkout");
      return;
    }
  g_assert_cmpstr (copy, ==, original);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trk/quotes/verbatim", test_quotes_verbatim);
  g_test_add_func ("/trk/quotes/check-can-fail", test_check_can_fail);
  g_test_add_func ("/trk/quotes/reports-have-known-addresses", test_reports_have_known_addresses);
  g_test_add_func ("/trk/quotes/law-sources-in-step", test_law_sources_in_step);

  return g_test_run ();
}
