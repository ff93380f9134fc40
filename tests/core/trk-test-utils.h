/* trk-test-utils.h - helpers shared by the core tests
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "trk-answers.h"
#include "trk-evaluator.h"
#include "trk-rule-set.h"

G_BEGIN_DECLS

/* tests/fixtures/NAME */
char       *trk_test_fixture_path   (const char  *name);
char       *trk_test_read_fixture   (const char  *name);
/* Replaces the first @old (which must occur) and tells the line it was on. */
char       *trk_test_replace        (const char  *text,
                                     const char  *old,
                                     const char  *replacement,
                                     guint       *out_line);
TrkRuleSet *trk_test_rules_from_string (const char *xml,
                                        const char *name,
                                        GError    **error);
/* "status=foreigner age=30 -purpose": set, or unset with a leading '-'. */
void        trk_test_apply          (TrkAnswers  *answers,
                                     const char  *spec);
TrkAnswers *trk_test_answers        (const char  *spec);
GDate       trk_test_date           (const char  *text);
/* Evaluates the answers of @spec ("id=value id=value") on @date
 * (YYYY-MM-DD); the evaluation must succeed. (transfer full) */
TrkResult  *trk_test_evaluate       (TrkRuleSet  *rules,
                                     const char  *date,
                                     const char  *spec);
/* "kk,ru" into @langs (room for both); returns how many. */
guint       trk_test_parse_langs    (const char  *text,
                                     TrkLang     *langs);
/* The built-in rules file (merged with its translations, from the core's
 * GResource) as a libxml2 document, for tests that read its XML. */
xmlDoc     *trk_test_builtin_rules_doc (void);
/* An attribute as a g_malloc'ed string, NULL when absent. */
char       *trk_test_xml_prop       (const xmlNode *node,
                                     const char    *name);
/* TRUE when the result's checklist (or, with @warnings, its warnings)
 * holds an entry with the contract's id @key. */
gboolean    trk_test_has_key        (TrkResult   *result,
                                     gboolean     warnings,
                                     const char  *key);
/* The message must start with "NAME:LINE:". */
void        trk_test_assert_line    (const GError *error,
                                     const char   *name,
                                     guint         line);

G_END_DECLS
