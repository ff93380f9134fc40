/* trk-bench.c - what the benchmark programs share (not a test)
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>

#include "trk-bench.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
trk_bench_median (GArray *times)
{
  g_return_val_if_fail (times != NULL && times->len > 0, 0.0);

  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

double
trk_bench_process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
