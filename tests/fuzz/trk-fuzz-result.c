/* trk-fuzz-result.c - checks run on every result the fuzzers produce
 *
 * Every getter is read in every language (so ASan sees every string), the
 * JSON must parse and agree with the getters, and for the built-in rules
 * the statuses must be the contract's and follow its plainest lines.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "trk-fuzz.h"

static const char *const targets[] = { "dactyloscopy", "iin" };

static void
check_str (const char *what,
           const char *text)
{
  if (text == NULL)
    g_error ("result: %s is NULL", what);
  if (!g_utf8_validate (text, -1, NULL))
    g_error ("result: %s is not valid UTF-8", what);
}

static void
check_owned (const char *what,
             char       *text)
{
  check_str (what, text);
  g_free (text);
}

static void
read_target (TrkResult  *result,
             const char *target,
             TrkLang     lang)
{
  guint n = trk_result_get_n_reasons (result, target);

  for (guint i = 0; i < n; i++)
    {
      check_str ("reason rule", trk_result_get_reason_rule (result, target, i));
      check_str ("reason text", trk_result_get_reason_text (result, target, i, lang));
      check_owned ("reason citation", trk_result_get_reason_citation (result, target, i, lang));
    }
}

static void
read_cycle (TrkResult *result,
            TrkLang    lang)
{
  guint n = trk_result_get_cycle_length (result);

  if (trk_result_has_cycle (result) != (n > 0))
    g_error ("result: has_cycle disagrees with a cycle of %u steps", n);
  for (guint i = 0; i < n; i++)
    {
      check_str ("cycle step", trk_result_get_cycle_step (result, i));
      check_str ("cycle link", trk_result_get_cycle_link_text (result, i, lang));
    }
  for (guint i = 0; i < trk_result_get_n_ways_out (result); i++)
    {
      check_str ("way out text", trk_result_get_way_out_text (result, i, lang));
      check_str ("way out answer", trk_result_get_way_out_answer (result, i));
    }
}

static void
read_lists (TrkResult *result,
            TrkLang    lang)
{
  for (guint i = 0; i < trk_result_get_n_items (result); i++)
    {
      check_str ("item key", trk_result_get_item_key (result, i));
      check_str ("item text", trk_result_get_item_text (result, i, lang));
      check_owned ("item citation", trk_result_get_item_citation (result, i, lang));
    }
  for (guint i = 0; i < trk_result_get_n_warnings (result); i++)
    {
      check_str ("warning key", trk_result_get_warning_key (result, i));
      check_str ("warning text", trk_result_get_warning_text (result, i, lang));
      check_owned ("warning citation", trk_result_get_warning_citation (result, i, lang));
    }
  for (guint i = 0; i < trk_result_get_n_answers (result); i++)
    {
      if (trk_result_get_answer_question (result, i) == NULL)
        g_error ("result: answer %u has no question", i);
      check_str ("answer value", trk_result_get_answer_value (result, i));
      check_owned ("answer label", trk_result_get_answer_label (result, i, lang));
    }
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    g_error ("JSON: “%s” is not an object", name);
  return json_node_get_object (node);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name,
              guint       expected_len)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    g_error ("JSON: “%s” is not an array", name);
  array = json_node_get_array (node);
  if (json_array_get_length (array) != expected_len)
    g_error ("JSON: “%s” has %u elements, the result %u", name,
             json_array_get_length (array), expected_len);
  return array;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    g_error ("JSON: “%s” is not a string", name);
  return json_node_get_string (node);
}

static void
check_json_target (JsonObject *root,
                   TrkResult  *result,
                   const char *target)
{
  const char *status = trk_result_get_status (result, target);
  JsonObject *object;

  if (status == NULL)
    return;
  object = member_object (root, target);
  if (g_strcmp0 (member_string (object, "status"), status) != 0)
    g_error ("JSON: %s.status differs from the result's “%s”", target, status);
  member_array (object, "reasons", trk_result_get_n_reasons (result, target));
}

/* Each entry's "sources" names one or more sources of the top-level list;
 * the list holds exactly the sources the result cites. */
static void
check_entry_sources (JsonArray  *entries,
                     GHashTable *listed)
{
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonArray *ids;

      if (entry == NULL || !json_object_has_member (entry, "sources"))
        g_error ("JSON: an entry without “sources”");
      ids = json_object_get_array_member (entry, "sources");
      if (ids == NULL || json_array_get_length (ids) == 0)
        g_error ("JSON: an entry cites no source");
      for (guint j = 0; j < json_array_get_length (ids); j++)
        if (!g_hash_table_contains (listed, json_array_get_string_element (ids, j)))
          g_error ("JSON: source “%s” is not in the sources list", json_array_get_string_element (ids, j));
    }
}

static void
check_json_sources (JsonObject *root,
                    TrkResult  *result)
{
  static const char *const kinds[] = { "legal_update", "press_report", "official", NULL };
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *sources = member_array (root, "sources", trk_result_get_n_sources (result));

  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source = json_array_get_object_element (sources, i);
      const char *kind = member_string (source, "kind");

      member_string (source, "title");
      member_string (source, "date");
      member_string (source, "url");
      if (!g_strv_contains (kinds, kind))
        g_error ("JSON: source kind “%s” is not in the contract", kind);
      g_hash_table_add (listed, (gpointer) member_string (source, "id"));
    }
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    if (json_object_has_member (root, targets[t]))
      check_entry_sources (json_object_get_array_member (member_object (root, targets[t]), "reasons"), listed);
  check_entry_sources (json_object_get_array_member (root, "checklist"), listed);
  check_entry_sources (json_object_get_array_member (root, "warnings"), listed);
}

static void
check_json (TrkResult *result,
            TrkLang    lang)
{
  g_autofree char *json = trk_result_to_json (result, lang);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root_node;
  JsonObject *root, *loop;

  check_str ("JSON", json);
  if (!json_parser_load_from_data (parser, json, -1, &error))
    g_error ("JSON does not parse: %s\n%s", error->message, json);
  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    g_error ("JSON root is not an object");
  root = json_node_get_object (root_node);

  if (g_strcmp0 (member_string (root, "date"), trk_result_get_date (result)) != 0)
    g_error ("JSON: date differs from the result's");
  member_string (member_object (root, "rules"), "id");
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    check_json_target (root, result, targets[t]);
  loop = member_object (root, "circular_dependency");
  if (json_object_get_boolean_member_with_default (loop, "detected", !trk_result_has_cycle (result))
      != trk_result_has_cycle (result))
    g_error ("JSON: circular_dependency.detected differs from the result's");
  member_array (root, "checklist", trk_result_get_n_items (result));
  member_array (root, "warnings", trk_result_get_n_warnings (result));
  check_json_sources (root, result);
}

/* ===== the contract's vocabulary and plainest lines (built-in rules) ===== */

static gboolean
in_list (const char        *value,
         const char *const *list)
{
  return value != NULL && g_strv_contains (list, value);
}

static gboolean
has_warning (TrkResult  *result,
             const char *key)
{
  for (guint i = 0; i < trk_result_get_n_warnings (result); i++)
    {
      if (g_strcmp0 (trk_result_get_warning_key (result, i), key) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_item (TrkResult  *result,
          const char *key)
{
  for (guint i = 0; i < trk_result_get_n_items (result); i++)
    {
      if (g_strcmp0 (trk_result_get_item_key (result, i), key) == 0)
        return TRUE;
    }
  return FALSE;
}

static const char *
answer_of (TrkResult  *result,
           const char *id)
{
  for (guint i = 0; i < trk_result_get_n_answers (result); i++)
    {
      if (g_strcmp0 (trk_question_get_id (trk_result_get_answer_question (result, i)), id) == 0)
        return trk_result_get_answer_value (result, i);
    }
  return NULL;
}

static void
check_contract (TrkResult *result)
{
  static const char *const dacty_statuses[] = {
    "not_in_force", "voluntary", "not_required", "grandfathered",
    "already_registered", "suspended", "exempt", "mandatory", NULL,
  };
  static const char *const iin_statuses[] = { "held", "not_needed", "in_person", "proxy_allowed", NULL };
  const char *dacty = trk_result_get_status (result, "dactyloscopy");
  const char *iin = trk_result_get_status (result, "iin");
  const char *date = trk_result_get_date (result);
  const char *status = answer_of (result, "status");
  const char *age = answer_of (result, "age");
  gboolean in_force = g_strcmp0 (date, "2024-01-01") >= 0;

  if (!in_list (dacty, dacty_statuses) || !in_list (iin, iin_statuses))
    g_error ("statuses outside the contract: %s, %s", dacty, iin);
  if (in_force == (strcmp (dacty, "not_in_force") == 0))
    g_error ("dactyloscopy %s on %s", dacty, date);
  if (in_force && g_strcmp0 (status, "citizen") == 0 && strcmp (dacty, "voluntary") != 0)
    g_error ("a citizen gets %s, not voluntary", dacty);
  if (in_force && g_strcmp0 (status, "citizen") != 0 && age != NULL && atoi (age) < 16
      && strcmp (dacty, "not_required") != 0)
    g_error ("a person of %s years gets %s, not not_required", age, dacty);
  /* An IIN is needed exactly where registration is mandatory, except at
   * a consulate from 2025-10-21 (S1), which takes the fingerprints itself. */
  if ((strcmp (dacty, "mandatory") == 0 && !has_item (result, "consulate_fingerprints"))
      != (strcmp (iin, "not_needed") != 0))
    g_error ("iin %s with dactyloscopy %s", iin, dacty);
  if (has_item (result, "consulate_fingerprints") && (has_item (result, "migration_office") || has_item (result, "iin")))
    g_error ("consular fingerprints with the migration office or an IIN");
  if (strcmp (dacty, "exempt") == 0 && (has_warning (result, "refusal_deportation") || has_item (result, "fingerprints")))
    g_error ("exempt with a fingerprint item or the refusal warning");
  if (strcmp (dacty, "mandatory") == 0 && !has_warning (result, "refusal_deportation"))
    g_error ("mandatory without the refusal_deportation warning");
  if (trk_result_has_cycle (result) && !has_warning (result, "circular_dependency"))
    g_error ("a loop without the circular_dependency warning");
}

void
trk_fuzz_check_result (TrkResult *result,
                       gboolean   builtin)
{
  GDate date;

  if (result == NULL)
    g_error ("no result");
  check_str ("date", trk_result_get_date (result));
  if (!trk_date_parse (trk_result_get_date (result), &date))
    g_error ("result date “%s” is not YYYY-MM-DD", trk_result_get_date (result));
  if (trk_result_get_rule_set (result) == NULL)
    g_error ("result without its rule set");

  for (guint lang = 0; lang < TRK_N_LANGS; lang++)
    {
      for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
        read_target (result, targets[t], lang);
      read_cycle (result, lang);
      read_lists (result, lang);
      check_json (result, lang);
      check_owned ("text report", trk_result_to_text (result, lang));
    }
  if (builtin)
    check_contract (result);
}
