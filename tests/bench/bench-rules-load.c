/* bench-rules-load.c - how long loading the rules with schema validation takes (not a test)
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in rules (all three languages merged, from the core's
 * GResource) through trk_rule_set_new_from_bytes(): hardened parse,
 * RelaxNG validation, semantic checks, the compiled model. Figures:
 *
 *   cold   the first load in a fresh process, which also compiles the
 *          RelaxNG schema (what the app and the CLI pay at start-up);
 *          median over --cold fresh processes (this program re-run)
 *   warm   a further load in the same process (schema already compiled)
 *
 * Baselines measured in the same run, on the same bytes:
 *   xmlReadMemory          plain libxml2 parse, no validation, no model
 *   parse + validate       the same plus xmlRelaxNGValidateDoc (schema compiled once)
 *   xmllint --relaxng      the command-line way to validate a file (a process)
 *
 * Each figure is given as wall time and as CPU time (of the loading thread,
 * or of the xmllint process): on a machine shared with other work the CPU
 * time is what the same run takes on an idle core.
 *
 *   bench-rules-load [--runs=N] [--cold=N] [--once]
 */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "trk-rule-set.h"
#include "trk-bench.h"
#include "trk-core-resources.h"

#define RULES_PATH "/io/github/tirkeu/Tirkeu/core/rules/kz-dactyloscopy.rules.xml"
#define SCHEMA_PATH "/io/github/tirkeu/Tirkeu/core/rules/tirkeu-rules.rng"

/* The core's generated resource bundle (declared where it is used, as the
 * core's own loader does). */

static GBytes *
lookup (const char *path)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resource_lookup_data (trk_core_get_resource (), path,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  if (bytes == NULL)
    g_error ("%s", error->message);
  return bytes;
}

typedef struct
{
  double wall;  /* ms */
  double cpu;   /* ms */
} Sample;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static Sample
sample_now (void)
{
  return (Sample) { g_get_monotonic_time () / 1000.0, thread_cpu_ms () };
}

static Sample
sample_since (Sample start)
{
  Sample now = sample_now ();

  return (Sample) { now.wall - start.wall, now.cpu - start.cpu };
}

static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

/* Medians of wall and CPU times, each on its own. */
static Sample
median_sample (GArray *samples)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < samples->len; i++)
    {
      Sample s = g_array_index (samples, Sample, i);

      g_array_append_val (wall, s.wall);
      g_array_append_val (cpu, s.cpu);
    }
  return (Sample) { trk_bench_median (wall), trk_bench_median (cpu) };
}

static Sample
load_once (GBytes *rules)
{
  g_autoptr(GError) error = NULL;
  Sample start = sample_now ();
  g_autoptr(TrkRuleSet) set = trk_rule_set_new_from_bytes (rules, "kz-dactyloscopy.rules.xml",
                                                           &error);
  Sample taken = sample_since (start);

  if (set == NULL)
    g_error ("%s", error->message);
  return taken;
}

/* Parses (and validates when @schema is set) the bytes, as a baseline. */
static Sample
parse_once (GBytes     *rules,
            xmlRelaxNG *schema)
{
  gsize len;
  const char *data = g_bytes_get_data (rules, &len);
  Sample start = sample_now ();
  xmlDoc *doc = xmlReadMemory (data, (int) len, "rules.xml", NULL, XML_PARSE_NONET);
  Sample taken;

  if (doc == NULL)
    g_error ("xmlReadMemory failed");
  if (schema != NULL)
    {
      xmlRelaxNGValidCtxt *vctxt = xmlRelaxNGNewValidCtxt (schema);

      if (xmlRelaxNGValidateDoc (vctxt, doc) != 0)
        g_error ("the built-in rules do not validate");
      xmlRelaxNGFreeValidCtxt (vctxt);
    }
  taken = sample_since (start);
  xmlFreeDoc (doc);
  return taken;
}

static xmlRelaxNG *
compile_schema (void)
{
  g_autoptr(GBytes) rng = lookup (SCHEMA_PATH);
  gsize len;
  const char *data = g_bytes_get_data (rng, &len);
  xmlRelaxNGParserCtxt *pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) len);
  xmlRelaxNG *schema = xmlRelaxNGParse (pctxt);

  xmlRelaxNGFreeParserCtxt (pctxt);
  if (schema == NULL)
    g_error ("the schema does not compile");
  return schema;
}

typedef Sample (*MeasureFunc) (GBytes *rules, gpointer data);

static Sample
measure_load (GBytes  *rules,
              gpointer data)
{
  return load_once (rules);
}

static Sample
measure_parse (GBytes  *rules,
               gpointer data)
{
  return parse_once (rules, data);
}

static Sample
median_of (guint        runs,
           MeasureFunc  func,
           GBytes      *rules,
           gpointer     data)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (Sample));

  for (guint i = 0; i < runs; i++)
    {
      Sample s = func (rules, data);

      g_array_append_val (samples, s);
    }
  return median_sample (samples);
}

/* Runs @argv @runs times: the medians of a whole process's wall time and
 * CPU time, or a negative wall time when it cannot run or fails. */
static Sample
median_process (const char * const *argv,
                guint               runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (Sample));
  const Sample failed = { -1, -1 };

  for (guint i = 0; i < runs; i++)
    {
      int status = 0;
      double cpu = children_cpu_ms ();
      Sample start = sample_now (), s;

      if (!g_spawn_sync (NULL, (char **) argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                         | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, NULL)
          || !g_spawn_check_wait_status (status, NULL))
        return failed;
      s.wall = sample_since (start).wall;
      s.cpu = children_cpu_ms () - cpu;
      g_array_append_val (samples, s);
    }
  return median_sample (samples);
}

static gboolean
write_bytes (const char *path,
             GBytes     *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_file_set_contents (path, data, (gssize) len, NULL);
}

/* `xmllint --noout --relaxng SCHEMA RULES` on the same two files. */
static Sample
xmllint (GBytes *rules,
         guint   runs)
{
  g_autoptr(GBytes) rng = lookup (SCHEMA_PATH);
  g_autofree char *dir = g_dir_make_tmp ("tirkeu-bench-XXXXXX", NULL);
  g_autofree char *rules_path = g_build_filename (dir, "rules.xml", NULL);
  g_autofree char *rng_path = g_build_filename (dir, "rules.rng", NULL);
  const char *argv[] = { "xmllint", "--noout", "--relaxng", rng_path, rules_path, NULL };
  g_autofree char *program = g_find_program_in_path ("xmllint");
  Sample taken = { -1, -1 };

  if (program != NULL && write_bytes (rules_path, rules) && write_bytes (rng_path, rng))
    taken = median_process (argv, runs);
  g_unlink (rules_path);
  g_unlink (rng_path);
  g_rmdir (dir);
  return taken;
}

/* Cold loads: this program again with --once, one load per process. */
static Sample
cold (const char *self,
      guint       runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (Sample));
  const char *argv[] = { self, "--once", NULL };

  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *out = NULL;
      int status = 0;
      Sample s;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                         &status, NULL) || !g_spawn_check_wait_status (status, NULL))
        g_error ("%s --once failed", self);
      if (sscanf (out, "%lf %lf", &s.wall, &s.cpu) != 2)
        g_error ("%s --once printed %s", self, out);
      g_array_append_val (samples, s);
    }
  return median_sample (samples);
}

static void
report (GBytes     *rules,
        const char *self,
        guint       runs,
        guint       cold_runs)
{
  xmlRelaxNG *schema;
  Sample first, warm, plain, validated, lint;

  first = cold (self, cold_runs);
  warm = median_of (runs, measure_load, rules, NULL);
  plain = median_of (runs, measure_parse, rules, NULL);
  schema = compile_schema ();
  validated = median_of (runs, measure_parse, rules, schema);
  xmlRelaxNGFree (schema);
  lint = xmllint (rules, MAX (3, cold_runs / 2));

  printf ("rules: %zu bytes (en, kk, ru merged); times: wall / CPU\n", g_bytes_get_size (rules));
  printf ("load with validation, cold (fresh process, schema compiled): median %.2f / %.2f ms "
          "over %u processes\n", first.wall, first.cpu, cold_runs);
  printf ("load with validation, warm (schema cached): median %.2f / %.2f ms over %u runs\n",
          warm.wall, warm.cpu, runs);
  printf ("baseline xmlReadMemory (no validation, no model): median %.2f / %.2f ms\n",
          plain.wall, plain.cpu);
  printf ("baseline parse + RelaxNG validate (libxml2 only): median %.2f / %.2f ms\n",
          validated.wall, validated.cpu);
  if (lint.wall >= 0)
    printf ("baseline xmllint --noout --relaxng (process): median %.2f / %.2f ms\n",
            lint.wall, lint.cpu);
  else
    printf ("baseline xmllint: not installed (apt install libxml2-utils)\n");
  printf ("ratio (CPU): warm load = %.1fx a plain parse; cold load = %.1fx a plain parse; "
          "xmllint takes %.1fx the cold load\n", warm.cpu / plain.cpu, first.cpu / plain.cpu,
          lint.cpu >= 0 ? lint.cpu / first.cpu : 0.0);
  printf ("rules_cold_ms=%.3f rules_cold_cpu_ms=%.3f rules_warm_ms=%.3f rules_warm_cpu_ms=%.3f "
          "xmlread_ms=%.3f xmlread_cpu_ms=%.3f validate_ms=%.3f xmllint_ms=%.3f "
          "xmllint_cpu_ms=%.3f\n", first.wall, first.cpu, warm.wall, warm.cpu, plain.wall,
          plain.cpu, validated.wall, lint.wall, lint.cpu);
}

int
main (int    argc,
      char **argv)
{
  int runs = 100, cold_runs = 15;
  gboolean once = FALSE;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Warm runs (median)", "N" },
    { "cold", 0, 0, G_OPTION_ARG_INT, &cold_runs, "Fresh processes (median)", "N" },
    { "once", 0, 0, G_OPTION_ARG_NONE, &once, "One cold load; print its ms", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) rules = NULL;
  g_autofree char *self = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1 || cold_runs < 1)
    {
      fprintf (stderr, "bench-rules-load: %s\n", error != NULL ? error->message : "N < 1");
      return 2;
    }

  rules = lookup (RULES_PATH);
  if (once)
    {
      Sample s = load_once (rules);

      printf ("%.4f %.4f\n", s.wall, s.cpu);
      return 0;
    }
  self = g_file_read_link ("/proc/self/exe", &error);
  if (self == NULL)
    g_error ("%s", error->message);
  report (rules, self, (guint) runs, (guint) cold_runs);
  return 0;
}
