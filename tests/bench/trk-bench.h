/* trk-bench.h - what the benchmark programs share (not a test)
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The median of @times (doubles), which it sorts. */
double trk_bench_median         (GArray *times);
/* CPU time of the whole process (all its threads), in ms: what the work
 * costs on a machine that other work shares. */
double trk_bench_process_cpu_ms (void);

G_END_DECLS
