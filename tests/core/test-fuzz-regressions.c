/* test-fuzz-regressions.c - replays fuzz inputs through the fuzz targets' own
 * entry points
 *
 * Every crash, leak or hang the fuzzers found is kept, minimized, in
 * tests/fixtures/fuzz-regressions/ (file name prefix rules-, answers- or
 * evaluate- says the target); the seed corpus in tests/fuzz/corpus/ and a
 * few hundred mutations of the built-in rules run too. The entry points
 * abort on any broken invariant, so a regression fails this test.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-fuzz.h"

typedef void (*EntryPoint) (const guint8 *data,
                            gsize         size);

static const struct
{
  const char *name;
  EntryPoint  run;
} targets[] = {
  { "rules", trk_fuzz_rules },
  { "answers", trk_fuzz_answers },
  { "evaluate", trk_fuzz_evaluate },
};

static void
replay_file (const char *path,
             EntryPoint  run)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_test_message ("replaying %s (%" G_GSIZE_FORMAT " bytes)", path, len);
  run ((const guint8 *) contents, len);
}

/* Replays the files of @dir; @run NULL picks the target by file name prefix.
 * Returns how many files ran. */
static guint
replay_dir (const char *dir,
            EntryPoint  run)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) (gpointer) g_strcmp0);  /* stable order */

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      EntryPoint file_run = run;

      for (guint t = 0; file_run == NULL && t < G_N_ELEMENTS (targets); t++)
        {
          g_autofree char *prefix = g_strconcat (targets[t].name, "-", NULL);

          if (g_str_has_prefix (file, prefix))
            file_run = targets[t].run;
        }
      if (file_run == NULL)
        {
          /* Only the README may lack a target prefix. */
          g_assert_cmpstr (file, ==, "README.md");
          continue;
        }
      replay_file (path, file_run);
    }
  return names->len;
}

static void
test_regressions (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "fuzz-regressions", NULL);

  replay_dir (dir, NULL);
}

static void
test_corpus (gconstpointer data)
{
  guint t = GPOINTER_TO_UINT (data);
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", targets[t].name, NULL);

  g_assert_cmpuint (replay_dir (dir, targets[t].run), >=, 5);
}

/* The built-in rules take the valid path: loaded from bytes, then
 * random answers and a wizard walk evaluated against them. */
static void
test_builtin_rules (void)
{
  GBytes *bytes = trk_fuzz_builtin_rules_bytes ();

  trk_fuzz_rules (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A fixed set of byte mutations of the built-in rules: each must load
 * or be refused with an error that names the line. */
static void
test_builtin_rules_mutated (void)
{
  GBytes *bytes = trk_fuzz_builtin_rules_bytes ();
  gsize size = g_bytes_get_size (bytes);
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  guint64 rng = 20261128;
  static const guint8 replacements[] = { '<', '>', '"', '&', '/', '=', ' ', '0', 'x', 0xff, 0 };

  for (guint i = 0; i < 200; i++)
    {
      gsize at = trk_fuzz_next (&rng, (guint32) size);
      guint8 saved = copy[at];

      copy[at] = replacements[trk_fuzz_next (&rng, G_N_ELEMENTS (replacements))];
      trk_fuzz_rules (copy, size);
      copy[at] = saved;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  trk_fuzz_init ();

  g_test_add_func ("/trk/fuzz/regressions", test_regressions);
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_autofree char *path = g_strdup_printf ("/trk/fuzz/corpus/%s", targets[t].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (t), test_corpus);
    }
  g_test_add_func ("/trk/fuzz/builtin-rules", test_builtin_rules);
  g_test_add_func ("/trk/fuzz/builtin-rules-mutated", test_builtin_rules_mutated);

  return g_test_run ();
}
