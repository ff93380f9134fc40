/* trk-date.h - dates as the contract writes them: YYYY-MM-DD
 *
 * One place for the ISO form (answers files, --date, the JSON, the rules'
 * dates); dates as people read them are in trk-lang-date.h.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRK_DATE_ISO_SIZE 11  /* "YYYY-MM-DD" and its NUL */

/* A real calendar date written YYYY-MM-DD (nothing before or after). */
gboolean  trk_date_parse          (const char  *text,
                                   GDate       *out_date);
/* (transfer full): "YYYY-MM-DD" */
char     *trk_date_format         (const GDate *date);
/* The same for a julian day number, into @out. */
void      trk_date_format_julian  (char         out[TRK_DATE_ISO_SIZE],
                                   guint32      jd);

G_END_DECLS
