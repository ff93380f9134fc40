/* test-seed-map.c - every rule traces back to a verbatim sentence of the seed
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/fixtures/seed-rules-map.txt lists each rule-stating sentence of the
 * seed with the ids that implement it ("SENTENCE => ID ID ..."). Checked
 * against the seed and against the built-in rules file (the one that ships,
 * from the core's GResource), in both directions.
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "trk-test-utils.h"

#define SEPARATOR " => "

/* One line of the map. */
typedef struct
{
  char  *sentence;
  char **ids;
  guint  line;
} MapLine;

/* One citing element of the rules file. */
typedef struct
{
  char      *kind;    /* rule, note, requires, item, warning */
  char      *status;  /* a rule's status, else NULL */
  GPtrArray *quotes;  /* its cite quotes */
} Citer;

static void
map_line_free (gpointer data)
{
  MapLine *m = data;

  g_free (m->sentence);
  g_strfreev (m->ids);
  g_free (m);
}

static void
citer_free (gpointer data)
{
  Citer *c = data;

  g_free (c->kind);
  g_free (c->status);
  g_ptr_array_unref (c->quotes);
  g_free (c);
}

static char *
read_seed (void)
{
  const char *env = g_getenv ("TIRKEU_SEED");
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (env == NULL)
    return trk_test_read_fixture ("seed.txt");
  g_file_get_contents (env, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static MapLine *
parse_map_line (const char *line,
                guint       number)
{
  const char *sep = strstr (line, SEPARATOR);
  MapLine *m;

  if (sep == NULL)
    g_error ("seed-rules-map.txt:%u: no “%s”", number, SEPARATOR);
  m = g_new0 (MapLine, 1);
  m->sentence = g_strndup (line, (gsize) (sep - line));
  m->ids = g_strsplit (sep + strlen (SEPARATOR), " ", -1);
  m->line = number;
  g_assert_cmpstr (m->sentence, !=, "");
  g_assert_nonnull (m->ids[0]);
  for (guint i = 0; m->ids[i] != NULL; i++)
    g_assert_cmpstr (m->ids[i], !=, "");
  return m;
}

static GPtrArray *
read_map (void)
{
  g_autofree char *text = trk_test_read_fixture ("seed-rules-map.txt");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *map = g_ptr_array_new_with_free_func (map_line_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      g_ptr_array_add (map, parse_map_line (lines[i], i + 1));
    }
  g_assert_cmpuint (map->len, >, 0);
  return map;
}

static gboolean
is_citer (const xmlNode *node)
{
  static const char *const kinds[] = { "rule", "note", "requires", "item", "warning" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp ((const char *) node->name, kinds[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Only cites of the seed (sources of kind legal_update) are mapped here;
 * test-quotes checks the quotes of every source. */
static Citer *
read_citer (const xmlNode *node,
            GHashTable    *seed_sources)
{
  Citer *c = g_new0 (Citer, 1);

  c->kind = g_strdup ((const char *) node->name);
  if (strcmp (c->kind, "rule") == 0)
    c->status = trk_test_xml_prop (node, "status");
  c->quotes = g_ptr_array_new_with_free_func (g_free);
  for (const xmlNode *k = node->children; k != NULL; k = k->next)
    if (k->type == XML_ELEMENT_NODE && strcmp ((const char *) k->name, "cite") == 0)
      {
        g_autofree char *source = trk_test_xml_prop (k, "source");

        if (g_hash_table_contains (seed_sources, source))
          g_ptr_array_add (c->quotes, trk_test_xml_prop (k, "quote"));
      }
  return c;
}

/* id -> Citer, for every citing element of the built-in rules file */
static GHashTable *
read_citers (void)
{
  GHashTable *citers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, citer_free);
  g_autoptr(GHashTable) seed_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDoc *doc = trk_test_builtin_rules_doc ();
  for (const xmlNode *section = xmlDocGetRootElement (doc)->children; section; section = section->next)
    for (const xmlNode *node = section->children; node; node = node->next)
      if (node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, "source") == 0)
        {
          g_autofree char *kind = trk_test_xml_prop (node, "kind");

          if (g_strcmp0 (kind, "legal_update") == 0)
            g_hash_table_add (seed_sources, trk_test_xml_prop (node, "id"));
        }
  g_assert_cmpuint (g_hash_table_size (seed_sources), >, 0);
  for (const xmlNode *section = xmlDocGetRootElement (doc)->children; section; section = section->next)
    for (const xmlNode *node = section->children; node; node = node->next)
      if (node->type == XML_ELEMENT_NODE && is_citer (node))
        {
          Citer *c = read_citer (node, seed_sources);

          /* a clause resting on later sources only is not the seed's */
          if (c->quotes->len == 0)
            citer_free (c);
          else
            g_hash_table_insert (citers, trk_test_xml_prop (node, "id"), c);
        }
  xmlFreeDoc (doc);
  g_assert_cmpuint (g_hash_table_size (citers), >, 0);
  return citers;
}

static gboolean
has_quote (const Citer *c,
           const char  *quote)
{
  for (guint i = 0; i < c->quotes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (c->quotes, i), quote) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
map_lists (GPtrArray  *map,
           const char *quote,
           const char *id)
{
  for (guint i = 0; i < map->len; i++)
    {
      const MapLine *m = g_ptr_array_index (map, i);

      if (strcmp (m->sentence, quote) == 0 && g_strv_contains ((const char *const *) m->ids, id))
        return TRUE;
    }
  return FALSE;
}

/* Each sentence is verbatim in the seed, and listed once. */
static void
test_sentences_in_seed (void)
{
  g_autofree char *seed = read_seed ();
  g_autoptr(GPtrArray) map = read_map ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < map->len; i++)
    {
      const MapLine *m = g_ptr_array_index (map, i);

      if (strstr (seed, m->sentence) == NULL)
        g_error ("seed-rules-map.txt:%u: not in the seed: “%s”", m->line, m->sentence);
      if (!g_hash_table_add (seen, m->sentence))
        g_error ("seed-rules-map.txt:%u: sentence listed twice", m->line);
    }
}

/* Each listed id exists and cites exactly that sentence. */
static void
test_ids_cite_sentence (void)
{
  g_autoptr(GPtrArray) map = read_map ();
  g_autoptr(GHashTable) citers = read_citers ();

  for (guint i = 0; i < map->len; i++)
    {
      const MapLine *m = g_ptr_array_index (map, i);

      for (guint k = 0; m->ids[k] != NULL; k++)
        {
          const Citer *c = g_hash_table_lookup (citers, m->ids[k]);

          if (c == NULL)
            g_error ("seed-rules-map.txt:%u: no rule “%s”", m->line, m->ids[k]);
          if (!has_quote (c, m->sentence))
            g_error ("seed-rules-map.txt:%u: “%s” does not cite this sentence", m->line, m->ids[k]);
        }
    }
}

/* Every citation of the rules file is in the map (so in the seed). */
static void
test_every_citation_mapped (void)
{
  g_autoptr(GPtrArray) map = read_map ();
  g_autoptr(GHashTable) citers = read_citers ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, citers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Citer *c = value;

      g_assert_cmpuint (c->quotes->len, >, 0);
      for (guint i = 0; i < c->quotes->len; i++)
        if (!map_lists (map, g_ptr_array_index (c->quotes, i), key))
          g_error ("%s “%s” cites a sentence the map does not list for it: “%s”",
                   c->kind, (const char *) key, (const char *) g_ptr_array_index (c->quotes, i));
    }
}

static guint
count_mandatory_rules (const MapLine *m,
                       GHashTable    *citers)
{
  guint n = 0;

  for (guint k = 0; m->ids[k] != NULL; k++)
    {
      const Citer *c = g_hash_table_lookup (citers, m->ids[k]);

      if (c != NULL && g_strcmp0 (c->status, "mandatory") == 0)
        n++;
    }
  return n;
}

/* The six cases "1) ..." to "6) ..." each have their own mandatory rule. */
static void
test_one_mandatory_rule_per_case (void)
{
  g_autoptr(GPtrArray) map = read_map ();
  g_autoptr(GHashTable) citers = read_citers ();
  guint cases = 0;

  for (guint i = 0; i < map->len; i++)
    {
      const MapLine *m = g_ptr_array_index (map, i);

      if (!g_ascii_isdigit (m->sentence[0]) || m->sentence[1] != ')')
        continue;
      cases++;
      /* Case 6 has two since 21 October 2025: at a consulate, and elsewhere. */
      if (count_mandatory_rules (m, citers) != (m->sentence[0] == '6' ? 2u : 1u))
        g_error ("seed-rules-map.txt:%u: case %c needs its mandatory rule (two for visas)",
                 m->line, m->sentence[0]);
    }
  g_assert_cmpuint (cases, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trk/seed-map/sentences-in-seed", test_sentences_in_seed);
  g_test_add_func ("/trk/seed-map/ids-cite-sentence", test_ids_cite_sentence);
  g_test_add_func ("/trk/seed-map/every-citation-mapped", test_every_citation_mapped);
  g_test_add_func ("/trk/seed-map/one-mandatory-rule-per-case", test_one_mandatory_rule_per_case);

  return g_test_run ();
}
