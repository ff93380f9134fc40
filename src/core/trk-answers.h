/* trk-answers.h - an applicant's answers and the assessment date
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trk-date.h"

G_BEGIN_DECLS

#define TRK_ANSWERS_ERROR (trk_answers_error_quark ())

/* Bad input (CLI exit code 2) or a failed write (exit code 4). */
typedef enum
{
  TRK_ANSWERS_ERROR_UNSAFE,        /* DTD, entity, too large */
  TRK_ANSWERS_ERROR_MALFORMED,     /* not well-formed, wrong elements, bad UTF-8 */
  TRK_ANSWERS_ERROR_INVALID_DATE,
  TRK_ANSWERS_ERROR_DUPLICATE,
  TRK_ANSWERS_ERROR_WRITE,         /* could not write; the old file is intact */
} TrkAnswersError;

GQuark trk_answers_error_quark (void);

#define TRK_TYPE_ANSWERS (trk_answers_get_type ())
G_DECLARE_FINAL_TYPE (TrkAnswers, trk_answers, TRK, ANSWERS, GObject)

/* Emits "changed" after every set, unset or date change. */
TrkAnswers  *trk_answers_new            (void);
TrkAnswers  *trk_answers_copy           (TrkAnswers  *self);
/* Values are stored as given; the evaluator checks them against the rules. */
void         trk_answers_set            (TrkAnswers  *self,
                                         const char  *id,
                                         const char  *value);
void         trk_answers_unset          (TrkAnswers  *self,
                                         const char  *id);
void         trk_answers_clear          (TrkAnswers  *self);
/* (nullable) */
const char  *trk_answers_get            (TrkAnswers  *self,
                                         const char  *id);
/* Ids in the order they were first set. (transfer container) */
GPtrArray   *trk_answers_list_ids       (TrkAnswers  *self);

/* The assessment date; FALSE when none is set (then "today" applies). */
gboolean     trk_answers_get_date       (TrkAnswers  *self,
                                         GDate       *out_date);
void         trk_answers_set_date       (TrkAnswers  *self,
                                         const GDate *date);
/* Strict YYYY-MM-DD with a real calendar day. */

/* The contract's answers XML; parsed with libxml2 hardened (no DTD, no
 * entities, no network, a size limit). */
TrkAnswers  *trk_answers_load_file      (const char  *path,
                                         GError     **error);
TrkAnswers  *trk_answers_load_bytes     (GBytes      *bytes,
                                         const char  *name,
                                         GError     **error);
char        *trk_answers_to_xml         (TrkAnswers  *self);
/* Written to a temporary file in the same folder and renamed. */
gboolean     trk_answers_save_file      (TrkAnswers  *self,
                                         const char  *path,
                                         GError     **error);

G_END_DECLS
