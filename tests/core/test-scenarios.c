/* test-scenarios.c - the law, case by case, against the BUILT-IN rules
 *
 * Each scenario starts from a complete set of answers (irrelevant ones are
 * ignored by the engine, so every scenario may give all of them) and
 * overrides some. Expected outcomes come from the contract
 * (shared/spec/contract.md) and the decisions in src/core/README.md.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "trk-test-utils.h"

/* In Kazakhstan with an IIN, Russian passport: mandatory, no loop. */
#define BASE "status=foreigner age=30 purpose=temporary_residence visa_channel=consulate " \
             "holds_pre2024_document=no fingerprinted=no has_iin=yes location=kazakhstan " \
             "visa_required=no passport_language=ru "
/* The dead end of the law: no IIN, abroad, needs a visa from a consulate. */
#define LOOP "has_iin=no location=abroad visa_required=yes visa_channel=consulate "
/* What mandatory registration brings along (contract). */
#define MANDATORY_ITEMS "passport iin migration_office fingerprints certificate"

typedef struct
{
  const char *name;
  const char *date;
  const char *answers;       /* applied over BASE */
  const char *dactyloscopy;
  const char *iin;
  gboolean    loop;
  const char *items;         /* keys that must be there */
  const char *no_items;      /* keys that must not */
  const char *warnings;
  const char *no_warnings;
} Scenario;

static const Scenario scenarios[] = {
  /* the six cases */
  { "case-1-seafarer", "2025-03-01", "purpose=seafarer_card", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "passport_translation", "refusal_deportation", "circular_dependency" },
  { "case-2-temporary-residence", "2025-03-01", "purpose=temporary_residence", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "circular_dependency" },
  { "case-2-permanent-residence", "2025-03-01", "purpose=permanent_residence", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  { "case-3-residence-card", "2025-03-01", "purpose=residence_card", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  { "case-4-refugee", "2025-03-01", "purpose=refugee", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  { "case-5-deportation", "2025-03-01", "purpose=deportation", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  { "case-6-visa-consulate", "2025-03-01", "purpose=visa visa_channel=consulate", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  /* fingerprints are taken only once */
  { "registered-seafarer", "2025-03-01", "purpose=seafarer_card fingerprinted=yes", "already_registered", "not_needed", FALSE,
    "", "fingerprints", "", "refusal_deportation" },
  { "registered-temporary-residence", "2025-03-01", "purpose=temporary_residence fingerprinted=yes", "already_registered", "not_needed", FALSE,
    "", "fingerprints", "", "refusal_deportation" },
  { "registered-permanent-residence", "2025-03-01", "purpose=permanent_residence fingerprinted=yes", "already_registered", "not_needed", FALSE,
    "", "fingerprints", "", "" },
  { "registered-residence-card", "2025-03-01", "purpose=residence_card fingerprinted=yes", "already_registered", "not_needed", FALSE,
    "", "fingerprints", "", "" },
  { "registered-refugee", "2025-03-01", "purpose=refugee fingerprinted=yes", "already_registered", "not_needed", FALSE,
    "", "fingerprints", "", "" },
  { "registered-deportation", "2025-03-01", "purpose=deportation fingerprinted=yes", "already_registered", "not_needed", FALSE,
    "", "fingerprints", "", "" },
  { "registered-visa", "2025-03-01", "purpose=visa fingerprinted=yes", "already_registered", "not_needed", FALSE,
    "", "fingerprints", "", "" },
  /* citizens and stateless persons */
  { "citizen", "2025-03-01", "status=citizen", "voluntary", "not_needed", FALSE,
    "", "fingerprints migration_office", "", "refusal_deportation circular_dependency" },
  { "citizen-child", "2025-03-01", "status=citizen age=10", "voluntary", "not_needed", FALSE,
    "", "fingerprints", "", "refusal_deportation" },
  { "citizen-abroad-loop-answers", "2025-03-01", "status=citizen " LOOP, "voluntary", "not_needed", FALSE,
    "", "fingerprints", "", "circular_dependency" },
  { "citizen-before-law", "2023-12-31", "status=citizen", "not_in_force", "not_needed", FALSE,
    "", "fingerprints", "", "refusal_deportation" },
  { "stateless-refugee", "2025-03-01", "status=stateless purpose=refugee", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  { "stateless-15", "2025-03-01", "status=stateless age=15", "not_required", "not_needed", FALSE,
    "", "fingerprints", "", "refusal_deportation" },
  { "stateless-16", "2025-03-01", "status=stateless age=16", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  /* age 16 */
  { "foreigner-15", "2025-03-01", "age=15 purpose=visa", "not_required", "not_needed", FALSE,
    "", "fingerprints", "", "refusal_deportation" },
  { "foreigner-16", "2025-03-01", "age=16 purpose=visa", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  { "foreigner-0", "2025-03-01", "age=0", "not_required", "not_needed", FALSE, "", "fingerprints", "", "" },
  { "foreigner-150", "2025-03-01", "age=150", "mandatory", "held", FALSE, MANDATORY_ITEMS, "", "", "" },
  { "foreigner-15-loop-answers", "2025-03-01", "age=15 " LOOP, "not_required", "not_needed", FALSE,
    "", "fingerprints", "", "circular_dependency" },
  /* 2024-01-01: in force */
  { "eve-of-law", "2023-12-31", "", "not_in_force", "not_needed", FALSE,
    "", "fingerprints passport", "", "refusal_deportation" },
  { "law-in-force", "2024-01-01", "", "mandatory", "held", FALSE, MANDATORY_ITEMS, "", "refusal_deportation", "" },
  { "far-past", "1970-01-01", LOOP, "not_in_force", "not_needed", FALSE, "", "fingerprints", "", "circular_dependency" },
  { "eve-of-law-visa-airport", "2023-12-31", "purpose=visa visa_channel=airport", "not_in_force", "not_needed", FALSE,
    "", "", "", "" },
  /* 2024-02-24: IIN only in person */
  { "iin-proxy-eve", "2024-02-23", "has_iin=no", "mandatory", "proxy_allowed", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  { "iin-in-person-day", "2024-02-24", "has_iin=no", "mandatory", "in_person", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  { "iin-proxy-eve-abroad", "2024-02-23", LOOP, "mandatory", "proxy_allowed", FALSE,
    "", "", "", "circular_dependency" },
  { "iin-in-person-abroad", "2024-02-24", LOOP, "mandatory", "in_person", TRUE,
    "", "", "circular_dependency", "" },
  { "iin-law-day", "2024-01-01", "has_iin=no", "mandatory", "proxy_allowed", FALSE, "", "", "", "" },
  /* 2025-07-01: end of the suspension for airport and electronic visas */
  { "airport-visa-suspended", "2025-06-30", "purpose=visa visa_channel=airport", "suspended", "not_needed", FALSE,
    "", "fingerprints", "", "refusal_deportation" },
  { "airport-visa-required", "2025-07-01", "purpose=visa visa_channel=airport", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  { "e-visa-suspended", "2025-06-30", "purpose=visa visa_channel=e_visa", "suspended", "not_needed", FALSE,
    "", "fingerprints", "", "refusal_deportation" },
  { "e-visa-required", "2025-07-01", "purpose=visa visa_channel=e_visa", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  { "consulate-visa-eve", "2025-06-30", "purpose=visa visa_channel=consulate", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  { "airport-visa-first-day", "2024-01-01", "purpose=visa visa_channel=airport", "suspended", "not_needed", FALSE,
    "", "", "", "" },
  { "e-visa-far-future", "2100-01-01", "purpose=visa visa_channel=e_visa", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "", "" },
  /* a pre-2024 document */
  { "grandfathered", "2025-03-01", "purpose=none holds_pre2024_document=yes", "grandfathered", "not_needed", FALSE,
    "", "fingerprints", "", "refusal_deportation" },
  { "nothing-to-do", "2025-03-01", "purpose=none holds_pre2024_document=no", "not_required", "not_needed", FALSE,
    "", "fingerprints", "", "refusal_deportation" },
  { "grandfathered-extension", "2025-03-01", "purpose=temporary_residence holds_pre2024_document=yes", "mandatory", "held", FALSE,
    MANDATORY_ITEMS, "", "refusal_deportation", "" },
  { "grandfathered-before-law", "2023-12-31", "purpose=none holds_pre2024_document=yes", "not_in_force", "not_needed", FALSE,
    "", "", "", "" },
  { "grandfathered-loop-answers", "2025-03-01", "purpose=none holds_pre2024_document=yes " LOOP, "grandfathered", "not_needed", FALSE,
    "", "", "", "circular_dependency" },
  /* passport language: the notarized translation */
  { "passport-other", "2025-03-01", "passport_language=other", "mandatory", "held", FALSE,
    "passport passport_translation", "", "", "" },
  { "passport-kazakh", "2025-03-01", "passport_language=kk", "mandatory", "held", FALSE,
    "passport", "passport_translation", "", "" },
  { "passport-russian", "2025-03-01", "passport_language=ru", "mandatory", "held", FALSE,
    "passport", "passport_translation", "", "" },
  { "passport-other-not-mandatory", "2025-03-01", "passport_language=other age=15", "not_required", "not_needed", FALSE,
    "", "passport_translation", "", "" },
  /* the IIN */
  { "iin-held", "2025-03-01", "has_iin=yes", "mandatory", "held", FALSE, "iin", "", "", "" },
  { "iin-needed-in-kazakhstan", "2025-03-01", "has_iin=no location=kazakhstan", "mandatory", "in_person", FALSE,
    "iin", "", "", "circular_dependency" },
  { "iin-not-needed-registered", "2025-03-01", "has_iin=no fingerprinted=yes", "already_registered", "not_needed", FALSE,
    "", "", "", "" },
  /* in Kazakhstan or abroad, visa required or not: the loop */
  { "loop", "2025-03-01", LOOP, "mandatory", "in_person", TRUE, "", "", "circular_dependency refusal_deportation", "" },
  { "loop-visa-purpose", "2025-03-01", LOOP "purpose=visa", "mandatory", "in_person", TRUE, "", "", "circular_dependency", "" },
  { "loop-refugee", "2025-03-01", LOOP "purpose=refugee", "mandatory", "in_person", TRUE, "", "", "circular_dependency", "" },
  { "loop-deportation", "2025-03-01", LOOP "purpose=deportation", "mandatory", "in_person", TRUE, "", "", "", "" },
  { "loop-stateless", "2025-03-01", LOOP "status=stateless", "mandatory", "in_person", TRUE, "", "", "", "" },
  { "loop-airport-after-suspension", "2025-07-01", LOOP "visa_channel=airport", "mandatory", "in_person", TRUE, "", "", "", "" },
  { "loop-far-future", "2100-01-01", LOOP "visa_channel=e_visa", "mandatory", "in_person", TRUE, "", "", "circular_dependency", "" },
  { "no-loop-in-kazakhstan", "2025-03-01", LOOP "location=kazakhstan", "mandatory", "in_person", FALSE,
    "", "", "", "circular_dependency" },
  { "no-loop-visa-free", "2025-03-01", LOOP "visa_required=no", "mandatory", "in_person", FALSE,
    "", "", "", "circular_dependency" },
  { "no-loop-with-iin", "2025-03-01", LOOP "has_iin=yes", "mandatory", "held", FALSE, "", "", "", "circular_dependency" },
  { "no-loop-registered", "2025-03-01", LOOP "fingerprinted=yes", "already_registered", "not_needed", FALSE,
    "", "", "", "circular_dependency" },
  { "no-loop-airport-suspended", "2025-06-30", LOOP "visa_channel=airport", "mandatory", "in_person", FALSE,
    "", "", "", "circular_dependency" },
  { "no-loop-e-visa-suspended", "2025-03-01", LOOP "visa_channel=e_visa", "mandatory", "in_person", FALSE,
    "", "", "", "circular_dependency" },
  { "no-loop-location-unknown", "2025-03-01", LOOP "-location", "mandatory", "in_person", FALSE,
    "", "", "", "circular_dependency" },
  { "no-loop-visa-unknown", "2025-03-01", LOOP "-visa_required", "mandatory", "in_person", FALSE,
    "", "", "", "circular_dependency" },
};

static const char * const contract_cycle[] = { "iin", "presence", "entry", "visa", "dactyloscopy" };

static TrkRuleSet *
builtin (void)
{
  g_autoptr(GError) error = NULL;
  TrkRuleSet *rules = trk_rule_set_new_builtin (&error);

  g_assert_no_error (error);
  return rules;
}

static void
assert_keys (TrkResult  *result,
             gboolean    warnings,
             const char *keys,
             gboolean    present)
{
  g_auto(GStrv) list = g_strsplit (keys, " ", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      if (list[i][0] == '\0')
        continue;
      if (trk_test_has_key (result, warnings, list[i]) != present)
        g_error ("%s “%s” should %sbe there", warnings ? "warning" : "item", list[i], present ? "" : "not ");
    }
}

static TrkResult *
run (TrkRuleSet  *rules,
     const char  *date,
     const char  *answers,
     GError     **error)
{
  g_autoptr(TrkAnswers) a = trk_test_answers (BASE);
  GDate d = trk_test_date (date);

  trk_test_apply (a, answers);
  return trk_evaluate (rules, a, &d, error);
}

/* Every listed way out, answered, really ends the loop. A route (a pilot
 * project) is no answer: it must cite its sources, and a route's dates are
 * pinned by the dated scenarios below. */
static void
assert_ways_out (TrkRuleSet     *rules,
                 const Scenario *s,
                 TrkResult      *result)
{
  g_assert_cmpuint (trk_result_get_n_ways_out (result), >, 0);
  for (guint i = 0; i < trk_result_get_n_ways_out (result); i++)
    {
      g_autofree char *answers = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TrkResult) out = NULL;

      if (trk_result_way_out_is_route (result, i))
        {
          g_autofree char *citation = trk_result_get_way_out_citation (result, i, TRK_LANG_EN);

          g_assert_true (g_str_has_prefix (trk_result_get_way_out_answer (result, i), "route:"));
          g_assert_nonnull (strstr (citation, "reported by"));
          continue;
        }
      answers = g_strconcat (s->answers, " ", trk_result_get_way_out_answer (result, i), NULL);
      out = run (rules, s->date, answers, &error);
      g_assert_no_error (error);
      g_assert_false (trk_result_has_cycle (out));
    }
}

static gboolean
has_way_out (TrkResult  *result,
             const char *answer)
{
  for (guint i = 0; i < trk_result_get_n_ways_out (result); i++)
    {
      if (strcmp (trk_result_get_way_out_answer (result, i), answer) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
assert_ways (TrkResult  *result,
             const char *ways,
             gboolean    present)
{
  g_auto(GStrv) list = g_strsplit (ways, " ", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      if (list[i][0] != '\0' && has_way_out (result, list[i]) != present)
        g_error ("way out “%s” should %sbe there", list[i], present ? "" : "not ");
    }
}

static TrkResult *
check_scenario (const Scenario *s)
{
  g_autoptr(TrkRuleSet) rules = builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkResult) result = run (rules, s->date, s->answers, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (trk_result_get_status (result, "dactyloscopy"), ==, s->dactyloscopy);
  g_assert_cmpstr (trk_result_get_status (result, "iin"), ==, s->iin);
  g_assert_cmpint (trk_result_has_cycle (result), ==, s->loop);
  g_assert_cmpint (trk_test_has_key (result, TRUE, "circular_dependency"), ==, s->loop);
  g_assert_cmpint (trk_test_has_key (result, TRUE, "refusal_deportation"), ==,
                   strcmp (s->dactyloscopy, "mandatory") == 0);
  if (s->loop)
    {
      g_assert_cmpuint (trk_result_get_cycle_length (result), ==, G_N_ELEMENTS (contract_cycle));
      for (guint i = 0; i < G_N_ELEMENTS (contract_cycle); i++)
        g_assert_cmpstr (trk_result_get_cycle_step (result, i), ==, contract_cycle[i]);
      assert_ways_out (rules, s, result);
    }
  else
    {
      g_assert_cmpuint (trk_result_get_cycle_length (result), ==, 0);
      g_assert_cmpuint (trk_result_get_n_ways_out (result), ==, 0);
    }
  assert_keys (result, FALSE, s->items, TRUE);
  assert_keys (result, FALSE, s->no_items, FALSE);
  assert_keys (result, TRUE, s->warnings, TRUE);
  assert_keys (result, TRUE, s->no_warnings, FALSE);
  return g_steal_pointer (&result);
}

static void
test_scenario (gconstpointer data)
{
  g_autoptr(TrkResult) result = check_scenario (data);
}

/* ===== the law after the seed (shared/law/sources.md, S1-S4), every date boundary ===== */

typedef struct
{
  Scenario    s;
  const char *ways;     /* ways out that must be listed ("route:..." or "id=value") */
  const char *no_ways;  /* and that must not */
} Dated;

#define CONSULAR_VISA "purpose=visa visa_channel=consulate "
#define CONSULAR_ITEMS "passport consulate_fingerprints"
#define MIGRATION_ITEMS "migration_office iin fingerprints passport_translation certificate"
#define ROUTES "route:iin_at_mission route:iin_at_mission_groups"

static const Dated dated[] = {
  /* S1: from 2025-10-21 the consulate takes a visa applicant's fingerprints, no IIN */
  { { "consulate-visa-eve-of-s1", "2025-10-20", LOOP CONSULAR_VISA, "mandatory", "in_person", TRUE,
      "passport migration_office iin fingerprints", "consulate_fingerprints", "circular_dependency", "practice_unclear" },
    "route:iin_at_mission_groups location=kazakhstan has_iin=yes", "visa_channel=consulate route:iin_at_mission" },
  { { "consulate-visa-s1", "2025-10-21", LOOP CONSULAR_VISA, "mandatory", "not_needed", FALSE,
      CONSULAR_ITEMS, MIGRATION_ITEMS, "refusal_deportation reported_source exemption_not_checked",
      "circular_dependency practice_unclear iin_no_proxy loop_not_checked" }, "", "" },
  { { "consulate-visa-s1-in-kazakhstan", "2026-12-06", CONSULAR_VISA "location=kazakhstan has_iin=yes", "mandatory",
      "not_needed", FALSE, CONSULAR_ITEMS, MIGRATION_ITEMS, "refusal_deportation reported_source", "" }, "", "" },
  { { "consulate-visa-no-exemption", "2025-10-21", LOOP CONSULAR_VISA "visa_exemption=none", "mandatory", "not_needed",
      FALSE, CONSULAR_ITEMS, MIGRATION_ITEMS, "refusal_deportation reported_source", "exemption_not_checked" }, "", "" },
  { { "consulate-visa-registered", "2025-10-21", CONSULAR_VISA "fingerprinted=yes visa_exemption=none",
      "already_registered", "not_needed", FALSE, "certificate", "consulate_fingerprints", "", "exemption_not_checked" },
    "", "" },
  { { "exempt-diplomatic", "2025-10-21", CONSULAR_VISA "visa_exemption=diplomatic", "exempt", "not_needed", FALSE,
      "visa_exemption", "consulate_fingerprints fingerprints passport iin migration_office",
      "reported_source", "refusal_deportation exemption_not_checked" }, "", "" },
  { { "exempt-state-invitation", "2026-12-06", CONSULAR_VISA "visa_exemption=state_invitation fingerprinted=yes",
      "exempt", "not_needed", FALSE, "visa_exemption", "consulate_fingerprints certificate", "reported_source",
      "refusal_deportation" }, "", "" },
  { { "exempt-medical", "2026-12-06", CONSULAR_VISA "visa_exemption=medical", "exempt", "not_needed", FALSE,
      "visa_exemption", "consulate_fingerprints", "", "refusal_deportation" }, "", "" },
  { { "exemption-not-before-s1", "2025-10-20", CONSULAR_VISA "visa_exemption=diplomatic", "mandatory", "held", FALSE,
      "migration_office", "visa_exemption consulate_fingerprints", "refusal_deportation", "exemption_not_checked" },
    "", "" },
  { { "exemption-not-for-e-visa", "2026-12-06", "purpose=visa visa_channel=e_visa visa_exemption=diplomatic",
      "mandatory", "held", FALSE, "migration_office", "visa_exemption", "practice_unclear", "exemption_not_checked" },
    "", "" },
  { { "exempt-minor-not-required", "2026-12-06", CONSULAR_VISA "age=15 visa_exemption=medical", "not_required",
      "not_needed", FALSE, "", "visa_exemption", "", "" }, "", "" },
  /* the entry visa of the other cases: no loop through a consular visa from 2025-10-21 */
  { { "entry-visa-consulate-eve", "2025-10-20", LOOP, "mandatory", "in_person", TRUE, MANDATORY_ITEMS, "",
      "circular_dependency", "" }, "route:iin_at_mission_groups", "visa_channel=consulate" },
  { { "entry-visa-consulate-s1", "2025-10-21", LOOP, "mandatory", "in_person", FALSE, MANDATORY_ITEMS,
      "consulate_fingerprints", "refusal_deportation", "circular_dependency practice_unclear" }, "", "" },
  { { "entry-e-visa-s1", "2025-10-21", LOOP "visa_channel=e_visa", "mandatory", "in_person", TRUE, MANDATORY_ITEMS, "",
      "circular_dependency practice_unclear", "" }, "visa_channel=consulate route:iin_at_mission_groups", "" },
  { { "entry-airport-visa-2026", "2026-12-06", LOOP "visa_channel=airport", "mandatory", "in_person", TRUE,
      MANDATORY_ITEMS, "", "circular_dependency practice_unclear", "" }, "visa_channel=consulate", ROUTES },
  /* e-visas and airport visas from 2025-07-01: the seed's reading, practice unclear */
  { { "e-visa-practice-unclear", "2025-07-01", "purpose=visa visa_channel=e_visa", "mandatory", "held", FALSE,
      "migration_office fingerprints", "consulate_fingerprints", "practice_unclear", "" }, "", "" },
  { { "airport-visa-practice-unclear", "2026-12-06", "purpose=visa visa_channel=airport", "mandatory", "held", FALSE,
      "migration_office", "consulate_fingerprints", "practice_unclear", "" }, "", "" },
  { { "e-visa-suspended-clear", "2025-06-30", "purpose=visa visa_channel=e_visa", "suspended", "not_needed", FALSE,
      "", "migration_office", "", "practice_unclear refusal_deportation" }, "", "" },
  { { "e-visa-loop-2026", "2026-12-06", LOOP "purpose=visa visa_channel=e_visa", "mandatory", "in_person", TRUE,
      "", "", "circular_dependency practice_unclear", "" }, "visa_channel=consulate", ROUTES },
  /* S2: IIN at 96 missions, 2024-04-13 ... 2024-12-31 */
  { { "route-2024-eve", "2024-04-12", LOOP, "mandatory", "in_person", TRUE, "", "", "circular_dependency", "" },
    "location=kazakhstan", ROUTES },
  { { "route-2024-first-day", "2024-04-13", LOOP, "mandatory", "in_person", TRUE, "", "",
      "circular_dependency reported_source", "" }, "route:iin_at_mission", "route:iin_at_mission_groups" },
  { { "route-2024-last-day", "2024-12-31", LOOP, "mandatory", "in_person", TRUE, "", "", "circular_dependency", "" },
    "route:iin_at_mission", "route:iin_at_mission_groups" },
  { { "route-2024-ended", "2025-01-01", LOOP, "mandatory", "in_person", TRUE, "", "", "circular_dependency", "" },
    "", ROUTES },
  /* S3: IIN at missions for listed groups, 2025-04-18 ... 2025-12-31 */
  { { "route-2025-eve", "2025-04-17", LOOP, "mandatory", "in_person", TRUE, "", "", "circular_dependency", "" },
    "", ROUTES },
  { { "route-2025-first-day", "2025-04-18", LOOP, "mandatory", "in_person", TRUE, "", "", "circular_dependency", "" },
    "route:iin_at_mission_groups", "route:iin_at_mission" },
  { { "route-2025-last-day", "2025-12-31", LOOP "visa_channel=e_visa", "mandatory", "in_person", TRUE, "", "",
      "circular_dependency", "" }, "route:iin_at_mission_groups visa_channel=consulate", "route:iin_at_mission" },
  { { "route-2025-ended", "2026-01-01", LOOP "visa_channel=e_visa", "mandatory", "in_person", TRUE, "", "",
      "circular_dependency", "" }, "visa_channel=consulate", ROUTES },
  /* S4: where to apply for the IIN (rules of 2024-02-29, a press report) */
  { { "iin-in-person-before-s4", "2024-02-28", "has_iin=no location=kazakhstan", "mandatory", "in_person", FALSE,
      "iin", "", "iin_no_proxy", "reported_source" }, "", "" },
  { { "iin-in-person-s4", "2024-02-29", "has_iin=no location=kazakhstan", "mandatory", "in_person", FALSE,
      "iin", "", "iin_no_proxy reported_source", "" }, "", "" },
  { { "seed-only-no-report", "2025-03-01", "", "mandatory", "held", FALSE, MANDATORY_ITEMS, "consulate_fingerprints",
      "refusal_deportation", "reported_source practice_unclear exemption_not_checked" }, "", "" },
};

static void
test_dated (gconstpointer data)
{
  const Dated *d = data;
  g_autoptr(TrkResult) result = check_scenario (&d->s);

  assert_ways (result, d->ways, TRUE);
  assert_ways (result, d->no_ways, FALSE);
}

/* The S4 item names the Public Service Centre; a route says it was reported. */
static void
test_texts_name_their_sources (void)
{
  g_autoptr(TrkRuleSet) rules = builtin ();
  g_autoptr(TrkResult) result = run (rules, "2024-06-01", LOOP, NULL);
  g_autofree char *text = trk_result_to_text (result, TRK_LANG_EN);

  g_assert_nonnull (strstr (text, "Public Service Centre"));
  g_assert_nonnull (strstr (text, "reported by Kazinform (inform.kz) on 3 April 2024; the official text was not checked"));
  g_assert_nonnull (strstr (text, "96 embassies and consulates"));
  g_assert_nonnull (strstr (text, "https://en.inform.kz/"));
  g_assert_nonnull (strstr (text, "route:iin_at_mission"));
}

/* The contract's JSON for a consular visa from 2025-10-21: every reason,
 * item and warning names its sources, each listed once at the top with its
 * kind, date and address; the press reports are there as press reports. */
static void
test_json_sources (void)
{
  g_autoptr(TrkRuleSet) rules = builtin ();
  g_autoptr(TrkResult) result = run (rules, "2026-12-06", CONSULAR_VISA, NULL);
  g_autofree char *json = trk_result_to_json (result, TRK_LANG_KK);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  const char *lists[] = { "checklist", "warnings" };
  JsonObject *root;
  JsonArray *sources;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "rules"), "checked"), ==,
                   trk_rule_set_get_checked (rules));
  sources = json_object_get_array_member (root, "sources");
  g_assert_cmpuint (json_array_get_length (sources), >=, 3);
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source = json_array_get_object_element (sources, i);
      const char *kind = json_object_get_string_member (source, "kind");
      GDate date;

      g_assert_true (g_strv_contains ((const char *const[]) { "legal_update", "press_report", "official", NULL }, kind));
      g_assert_true (trk_date_parse (json_object_get_string_member (source, "date"), &date));
      g_assert_cmpstr (json_object_get_string_member (source, "title"), !=, "");
      if (strcmp (kind, "press_report") == 0)
        g_assert_true (g_str_has_prefix (json_object_get_string_member (source, "url"), "https://"));
      g_hash_table_insert (kinds, (gpointer) json_object_get_string_member (source, "id"), (gpointer) kind);
    }
  g_assert_cmpstr (g_hash_table_lookup (kinds, "mfa-order-2025-zakon"), ==, "press_report");
  g_assert_cmpstr (g_hash_table_lookup (kinds, "law-50-viii"), ==, "legal_update");
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *entries = json_object_get_array_member (root, lists[l]);

      for (guint i = 0; i < json_array_get_length (entries); i++)
        {
          JsonArray *ids = json_object_get_array_member (json_array_get_object_element (entries, i), "sources");

          g_assert_cmpuint (json_array_get_length (ids), >, 0);
          for (guint j = 0; j < json_array_get_length (ids); j++)
            g_assert_true (g_hash_table_contains (kinds, json_array_get_string_element (ids, j)));
        }
    }
}

/* More than 183 days after the rules' checked date: rules_may_be_outdated. */
static void
test_rules_may_be_outdated (void)
{
  g_autoptr(TrkRuleSet) rules = builtin ();
  GDate checked;
  char last_fresh[11], first_stale[11];

  g_assert_true (trk_date_parse (trk_rule_set_get_checked (rules), &checked));
  g_date_add_days (&checked, 183);
  g_snprintf (last_fresh, sizeof last_fresh, "%04u-%02u-%02u", g_date_get_year (&checked),
              g_date_get_month (&checked), g_date_get_day (&checked));
  g_date_add_days (&checked, 1);
  g_snprintf (first_stale, sizeof first_stale, "%04u-%02u-%02u", g_date_get_year (&checked),
              g_date_get_month (&checked), g_date_get_day (&checked));
  {
    g_autoptr(TrkResult) fresh = run (rules, last_fresh, "status=citizen", NULL);
    g_autoptr(TrkResult) stale = run (rules, first_stale, "status=citizen", NULL);
    g_autoptr(TrkResult) stale_loop = run (rules, first_stale, LOOP, NULL);

    g_assert_false (trk_test_has_key (fresh, TRUE, "rules_may_be_outdated"));
    g_assert_true (trk_test_has_key (stale, TRUE, "rules_may_be_outdated"));
    g_assert_true (trk_test_has_key (stale_loop, TRUE, "rules_may_be_outdated"));
  }
}

/* ===== missing answers name the id ===== */

typedef struct
{
  const char *date;
  const char *answers;   /* the whole set, not over BASE */
  const char *missing;
} Missing;

static const Missing missing[] = {
  { "2025-03-01", "", "status" },
  { "2025-03-01", "status=foreigner", "age" },
  { "2025-03-01", "status=stateless age=16", "purpose" },
  { "2025-03-01", "status=foreigner age=30 purpose=visa", "visa_channel" },
  { "2025-03-01", "status=foreigner age=30 purpose=none", "holds_pre2024_document" },
  { "2025-03-01", "status=foreigner age=30 purpose=refugee", "fingerprinted" },
  { "2025-07-01", "status=foreigner age=30 purpose=visa", "visa_channel" },
  { "2026-12-06", "status=foreigner age=30 purpose=visa", "visa_channel" },
  { "2025-07-01", "status=foreigner age=30 purpose=visa visa_channel=e_visa", "fingerprinted" },
  { "2026-12-06", "status=foreigner age=30 purpose=visa visa_channel=consulate", "fingerprinted" },
  { "2025-03-01", "status=foreigner age=30 purpose=refugee fingerprinted=no", "has_iin" },
};

static void
test_missing (void)
{
  g_autoptr(TrkRuleSet) rules = builtin ();

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_autoptr(TrkAnswers) answers = trk_test_answers (missing[i].answers);
      g_autoptr(GError) error = NULL;
      g_autoptr(TrkResult) result = NULL;
      g_autofree char *named = g_strdup_printf ("“%s”", missing[i].missing);
      GDate date = trk_test_date (missing[i].date);
      TrkQuestion *q = trk_rule_set_lookup_question (rules, missing[i].missing);

      result = trk_evaluate (rules, answers, &date, &error);
      g_assert_null (result);
      g_assert_error (error, TRK_EVAL_ERROR, TRK_EVAL_ERROR_MISSING_ANSWER);
      g_assert_nonnull (strstr (error->message, named));
      /* and what is allowed */
      if (trk_question_get_kind (q) == TRK_QUESTION_CHOICE)
        g_assert_nonnull (strstr (error->message, trk_question_get_choice_value (q, 0)));
    }
}

/* Before the law nothing is asked: an empty set of answers is complete. */
static void
test_nothing_asked_before_law (void)
{
  g_autoptr(TrkRuleSet) rules = builtin ();
  g_autoptr(TrkAnswers) answers = trk_answers_new ();
  GDate date = trk_test_date ("2023-12-31");
  g_autoptr(GPtrArray) questions = trk_relevant_questions (rules, answers, &date);
  g_autoptr(TrkResult) result = trk_evaluate (rules, answers, &date, NULL);

  g_assert_cmpuint (questions->len, ==, 0);
  g_assert_null (trk_next_question (rules, answers, &date));
  g_assert_cmpstr (trk_result_get_status (result, "dactyloscopy"), ==, "not_in_force");
}

/* Every contract answer id is a question of the built-in rules. */
static void
test_contract_vocabulary (void)
{
  g_autoptr(TrkRuleSet) rules = builtin ();
  const char *ids[] = { "status", "age", "purpose", "visa_channel", "visa_exemption", "location", "visa_required", "has_iin",
                        "fingerprinted", "holds_pre2024_document", "passport_language" };
  const char *statuses[][2] = {
    { "dactyloscopy", "not_in_force" }, { "dactyloscopy", "voluntary" }, { "dactyloscopy", "not_required" },
    { "dactyloscopy", "grandfathered" }, { "dactyloscopy", "already_registered" },
    { "dactyloscopy", "suspended" }, { "dactyloscopy", "exempt" }, { "dactyloscopy", "mandatory" }, { "iin", "held" },
    { "iin", "not_needed" }, { "iin", "in_person" }, { "iin", "proxy_allowed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (trk_rule_set_lookup_question (rules, ids[i]));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    for (guint l = 0; l < TRK_N_LANGS; l++)
      g_assert_nonnull (trk_rule_set_get_status_label (rules, statuses[i][0], statuses[i][1], l));
  for (guint i = 0; i < G_N_ELEMENTS (contract_cycle); i++)
    g_assert_nonnull (trk_rule_set_get_step_label (rules, contract_cycle[i], TRK_LANG_KK));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trk/scenarios/contract-vocabulary", test_contract_vocabulary);
  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trk/scenarios/%s", scenarios[i].name);
      g_test_add_data_func (path, &scenarios[i], test_scenario);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dated); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trk/scenarios/dated/%s", dated[i].s.name);
      g_test_add_data_func (path, &dated[i], test_dated);
    }
  g_test_add_func ("/trk/scenarios/texts-name-their-sources", test_texts_name_their_sources);
  g_test_add_func ("/trk/scenarios/rules-may-be-outdated", test_rules_may_be_outdated);
  g_test_add_func ("/trk/scenarios/json-sources", test_json_sources);
  g_test_add_func ("/trk/scenarios/missing-answer", test_missing);
  g_test_add_func ("/trk/scenarios/nothing-asked-before-law", test_nothing_asked_before_law);

  return g_test_run ();
}
