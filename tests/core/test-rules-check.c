/* test-rules-check.c - the exhaustive check on the built-in rules and on
 * broken copies of them; prerequisite edits change the loop found
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "trk-rules-check.h"
#include "trk-test-utils.h"
#include "trk-core-resources.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)


#define BUILTIN_PATH "/io/github/tirkeu/Tirkeu/core/rules/kz-dactyloscopy.rules.xml"
#define LOOP_ANSWERS "status=foreigner age=30 purpose=temporary_residence fingerprinted=no has_iin=no " \
                     "location=abroad visa_required=yes visa_channel=consulate passport_language=kk"

static xmlDoc *
builtin_doc (void)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (trk_core_get_resource (), BUILTIN_PATH, 0, NULL);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlDoc *doc = xmlReadMemory (data, (int) len, "builtin.xml", "UTF-8", XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

/* The only node matching @xpath. */
static xmlNode *
find (xmlDoc     *doc,
      const char *xpath)
{
  g_autoptr(xmlXPathContext) ctx = xmlXPathNewContext (doc);
  g_autoptr(xmlXPathObject) obj = xmlXPathEvalExpression ((const xmlChar *) xpath, ctx);

  g_assert_nonnull (obj);
  g_assert_nonnull (obj->nodesetval);
  if (obj->nodesetval->nodeNr != 1)
    g_error ("%s matches %d nodes", xpath, obj->nodesetval->nodeNr);
  return obj->nodesetval->nodeTab[0];
}

static TrkRuleSet *
rules_from_doc (xmlDoc      *doc,
                GError     **error)
{
  xmlChar *xml = NULL;
  int len = 0;
  TrkRuleSet *rules;

  xmlDocDumpMemoryEnc (doc, &xml, &len, "UTF-8");
  rules = trk_test_rules_from_string ((const char *) xml, "copy.rules.xml", error);
  xmlFree (xml);
  return rules;
}

/* A copy of @original (its cites and texts), as a new sibling with other attributes. */
static xmlNode *
copy_after (xmlNode    *original,
            const char *id)
{
  xmlNode *copy = xmlCopyNode (original, 1);

  xmlSetProp (copy, (const xmlChar *) "id", (const xmlChar *) id);
  xmlAddNextSibling (original, copy);
  return copy;
}

static void
remove_children (xmlNode    *node,
                 const char *name)
{
  xmlNode *next;

  for (xmlNode *c = node->children; c != NULL; c = next)
    {
      next = c->next;
      if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, name) == 0)
        {
          xmlUnlinkNode (c);
          xmlFreeNode (c);
        }
    }
}

static TrkResult *
evaluate (TrkRuleSet *rules,
          const char *spec)
{
  g_autoptr(TrkAnswers) answers = trk_test_answers (spec);
  g_autoptr(GError) error = NULL;
  GDate date = trk_test_date ("2025-03-01");
  TrkResult *result = trk_evaluate (rules, answers, &date, &error);

  g_assert_no_error (error);
  return result;
}

static char *
cycle_of (TrkResult *result)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < trk_result_get_cycle_length (result); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", trk_result_get_cycle_step (result, i));
  return g_string_free (out, FALSE);
}

/* ===== check-rules ===== */

static void
test_builtin_passes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = trk_rule_set_new_builtin (&error);
  TrkRulesCheckReport report = { 0 };

  g_assert_no_error (error);
  g_assert_true (trk_rules_check (rules, &report, &error));
  g_assert_no_error (error);
  /* The law's key dates and their eves (2024-01-01, 2024-02-24, 2024-02-29,
   * 2024-04-13, 2025-01-01, 2025-04-18, 2025-07-01, 2025-10-21, 2026-01-01,
   * the day the rules go stale), a far past and a far future date. The time
   * is a figure for tests/bench, not a pass mark. */
  g_assert_cmpuint (report.dates, >=, 20);
  g_assert_cmpuint (report.combinations, >, 10000);
  g_test_message ("%" G_GUINT64_FORMAT " combinations on %u dates in %.3f s",
                  report.combinations, report.dates, report.seconds);
}

static void
test_fixture_passes (void)
{
  g_autofree char *path = trk_test_fixture_path ("law.rules.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = trk_rule_set_new_from_file (path, &error);
  TrkRulesCheckReport report = { 0 };

  g_assert_true (trk_rules_check (rules, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.dates, ==, 8);
}

static void
assert_check_fails (TrkRuleSet *rules,
                    const char *part1,
                    const char *part2)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (trk_rules_check (rules, NULL, &error));
  g_assert_error (error, TRK_RULES_ERROR, TRK_RULES_ERROR_INCONSISTENT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, part1));
  g_assert_nonnull (strstr (error->message, part2));
}

/* Without the rule for citizens, citizens fall into a gap. */
static void
test_gap (void)
{
  g_autoptr(xmlDoc) doc = builtin_doc ();
  xmlNode *rule = find (doc, "//rule[@target='dactyloscopy' and @status='voluntary']");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = NULL;

  xmlUnlinkNode (rule);
  xmlFreeNode (rule);
  rules = rules_from_doc (doc, &error);
  g_assert_no_error (error);
  assert_check_fails (rules, "no rule decides “dactyloscopy”", "status=citizen");
}

/* A second rule that also holds for citizens overlaps the first. */
static void
test_overlap (void)
{
  g_autoptr(xmlDoc) doc = builtin_doc ();
  xmlNode *rule = find (doc, "//rule[@target='dactyloscopy' and @status='voluntary']");
  xmlChar *id = xmlGetProp (rule, (const xmlChar *) "id");
  g_autofree char *named = g_strdup_printf ("“%s”", (const char *) id);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = NULL;
  xmlNode *copy = copy_after (rule, "test-overlap");

  xmlFree (id);
  xmlSetProp (copy, (const xmlChar *) "status", (const xmlChar *) "not_required");
  rules = rules_from_doc (doc, &error);
  g_assert_no_error (error);
  assert_check_fails (rules, "overlap", "“test-overlap”");
  assert_check_fails (rules, named, "status=citizen");
}

/* A rule that can never hold is dead. */
static void
test_dead_rule (void)
{
  g_autoptr(xmlDoc) doc = builtin_doc ();
  xmlNode *rule = find (doc, "//rule[@target='dactyloscopy' and @status='voluntary']");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = NULL;
  xmlNode *copy = copy_after (rule, "test-dead");

  /* voluntary again, but only on a date before the law: never reached */
  xmlSetProp (copy, (const xmlChar *) "from", (const xmlChar *) "2023-01-01");
  xmlSetProp (copy, (const xmlChar *) "until", (const xmlChar *) "2023-06-01");
  rules = rules_from_doc (doc, &error);
  g_assert_no_error (error);
  assert_check_fails (rules, "“test-dead”", "never applies");
}

static void
test_missing_language (void)
{
  g_autoptr(xmlDoc) doc = builtin_doc ();
  xmlNode *label = find (doc, "//question[@id='age']/label[@xml:lang='ru']");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = NULL;

  xmlUnlinkNode (label);
  xmlFreeNode (label);
  rules = rules_from_doc (doc, &error);
  g_assert_no_error (error);
  assert_check_fails (rules, "<label>", "xml:lang=\"ru\"");
}

/* ===== the loop follows the prerequisites, not a fixed list ===== */

static void
test_loop_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = trk_rule_set_new_builtin (&error);
  g_autoptr(TrkResult) result = evaluate (rules, LOOP_ANSWERS);
  g_autofree char *cycle = cycle_of (result);

  g_assert_cmpstr (cycle, ==, "iin presence entry visa dactyloscopy");
}

static void
test_loop_without_entry_visa (void)
{
  g_autoptr(xmlDoc) doc = builtin_doc ();
  xmlNode *relation = find (doc, "//requires[@step='entry' and @needs='visa']");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = NULL;
  g_autoptr(TrkResult) result = NULL;

  xmlUnlinkNode (relation);
  xmlFreeNode (relation);
  rules = rules_from_doc (doc, &error);
  g_assert_no_error (error);
  result = evaluate (rules, LOOP_ANSWERS);
  g_assert_false (trk_result_has_cycle (result));
  g_assert_cmpuint (trk_result_get_n_ways_out (result), ==, 0);
}

/* visa -> entry added: with an electronic visa (suspended) the big loop is
 * gone, a small one appears. */
static void
test_loop_added_relation (void)
{
  g_autoptr(xmlDoc) doc = builtin_doc ();
  xmlNode *relation = find (doc, "//requires[@step='entry' and @needs='visa']");
  xmlNode *copy = copy_after (relation, "test-visa-needs-entry");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = NULL;
  g_autoptr(TrkResult) small = NULL;
  g_autoptr(TrkResult) big = NULL;
  g_autofree char *small_cycle = NULL;
  g_autofree char *big_cycle = NULL;

  xmlSetProp (copy, (const xmlChar *) "step", (const xmlChar *) "visa");
  xmlSetProp (copy, (const xmlChar *) "needs", (const xmlChar *) "entry");
  remove_children (copy, "when");
  remove_children (copy, "way-out");
  rules = rules_from_doc (doc, &error);
  g_assert_no_error (error);

  small = evaluate (rules, LOOP_ANSWERS " visa_channel=e_visa");
  small_cycle = cycle_of (small);
  g_assert_cmpstr (small_cycle, ==, "entry visa");
  /* visa_required=no breaks entry -> visa, and is verified to */
  g_assert_cmpuint (trk_result_get_n_ways_out (small), ==, 1);
  g_assert_cmpstr (trk_result_get_way_out_answer (small, 0), ==, "visa_required=no");

  /* Both loops in one component: the shortest cycle through its first step. */
  big = evaluate (rules, LOOP_ANSWERS);
  big_cycle = cycle_of (big);
  g_assert_cmpstr (big_cycle, ==, "iin presence entry visa dactyloscopy");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trk/rules-check/builtin-passes", test_builtin_passes);
  g_test_add_func ("/trk/rules-check/fixture-passes", test_fixture_passes);
  g_test_add_func ("/trk/rules-check/gap", test_gap);
  g_test_add_func ("/trk/rules-check/overlap", test_overlap);
  g_test_add_func ("/trk/rules-check/dead-rule", test_dead_rule);
  g_test_add_func ("/trk/rules-check/missing-language", test_missing_language);
  g_test_add_func ("/trk/prerequisites/loop-builtin", test_loop_builtin);
  g_test_add_func ("/trk/prerequisites/loop-without-entry-visa", test_loop_without_entry_visa);
  g_test_add_func ("/trk/prerequisites/loop-added-relation", test_loop_added_relation);

  return g_test_run ();
}
