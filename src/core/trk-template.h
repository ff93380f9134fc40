/* trk-template.h - fill a translated printf-style template with strings
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces "%s"/"%u" (in order) and "%N$s"/"%N$u" (argument N, 1-based)
 * by @args, and "%%" by "%". A translation can never crash it: a
 * placeholder without an argument is kept as written. Numbers are passed
 * already formatted, so templates stay c-format for msgfmt --check.
 * (transfer full) */
char *trk_template_fill (const char        *template,
                     const char *const *args,
                     guint              n_args);

G_END_DECLS
