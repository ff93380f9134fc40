/* test-translations.c - every question and outcome in Kazakh and Russian:
 * no English left on screen, nothing wider than a 360 px window
 *
 * Each page is shown in English and then switched (at run time, as a user
 * would) to Kazakh and to Russian; a text that reads the same as on the
 * English page is English left over, unless it is a name or a number.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-autosave.h"
#include "trk-gui-test-utils.h"

#define NARROWEST 360

typedef struct
{
  const char          *name;
  const char          *date;
  const TrkTestAnswer *answers;
  guint                n_answers;
} Profile;

/* Together they reach every question and every status of the contract. */
static const TrkTestAnswer visa_abroad[] = {
  { "status", "foreigner" }, { "age", "34" }, { "purpose", "visa" },
  { "visa_channel", "e_visa" }, { "location", "abroad" }, { "visa_required", "yes" },
  { "has_iin", "no" }, { "fingerprinted", "no" }, { "holds_pre2024_document", "no" },
  { "passport_language", "other" },
};
/* The law after the seed: the consulate takes the fingerprints (S1), its
 * exemptions, and the IIN pilot of 2024 as a way out (S2). */
static const TrkTestAnswer consulate_visa[] = {
  { "status", "foreigner" }, { "age", "34" }, { "purpose", "visa" },
  { "visa_channel", "consulate" }, { "visa_exemption", "none" }, { "fingerprinted", "no" },
};
static const TrkTestAnswer consulate_exempt[] = {
  { "status", "foreigner" }, { "age", "34" }, { "purpose", "visa" },
  { "visa_channel", "consulate" }, { "visa_exemption", "diplomatic" },
};
static const TrkTestAnswer residence_abroad[] = {
  { "status", "foreigner" }, { "age", "34" }, { "purpose", "temporary_residence" },
  { "visa_channel", "consulate" }, { "location", "abroad" }, { "visa_required", "yes" },
  { "has_iin", "no" }, { "fingerprinted", "no" }, { "passport_language", "other" },
};
static const TrkTestAnswer airport_visa[] = {
  { "status", "stateless" }, { "age", "40" }, { "purpose", "visa" },
  { "visa_channel", "airport" }, { "location", "abroad" }, { "visa_required", "yes" },
  { "has_iin", "yes" }, { "fingerprinted", "no" }, { "holds_pre2024_document", "no" },
  { "passport_language", "ru" },
};
static const TrkTestAnswer residence_registered[] = {
  { "status", "foreigner" }, { "age", "16" }, { "purpose", "temporary_residence" },
  { "location", "kazakhstan" }, { "visa_required", "no" }, { "has_iin", "yes" },
  { "fingerprinted", "yes" }, { "holds_pre2024_document", "yes" },
  { "passport_language", "kk" },
};
static const TrkTestAnswer grandfathered[] = {
  { "status", "foreigner" }, { "age", "50" }, { "purpose", "none" },
  { "holds_pre2024_document", "yes" }, { "location", "kazakhstan" },
  { "visa_required", "yes" }, { "has_iin", "no" }, { "fingerprinted", "no" },
  { "passport_language", "other" },
};
static const TrkTestAnswer minor[] = {
  { "status", "foreigner" }, { "age", "15" }, { "purpose", "refugee" },
  { "holds_pre2024_document", "no" },
};
static const TrkTestAnswer citizen[] = {
  { "status", "citizen" }, { "age", "30" },
};

static const Profile profiles[] = {
  { "visa-abroad", "2026-11-28", visa_abroad, G_N_ELEMENTS (visa_abroad) },
  { "consulate-visa", "2026-11-28", consulate_visa, G_N_ELEMENTS (consulate_visa) },
  { "consulate-exempt", "2026-11-28", consulate_exempt, G_N_ELEMENTS (consulate_exempt) },
  { "residence-abroad-pilot", "2024-06-01", residence_abroad, G_N_ELEMENTS (residence_abroad) },
  { "airport-visa", "2025-03-01", airport_visa, G_N_ELEMENTS (airport_visa) },
  { "residence-registered", "2026-11-28", residence_registered,
    G_N_ELEMENTS (residence_registered) },
  { "grandfathered", "2026-11-28", grandfathered, G_N_ELEMENTS (grandfathered) },
  { "minor", "2026-11-28", minor, G_N_ELEMENTS (minor) },
  { "citizen", "2026-11-28", citizen, G_N_ELEMENTS (citizen) },
  { "before-the-law", "2023-06-01", citizen, G_N_ELEMENTS (citizen) },
};

static void
collect_texts (GtkWidget  *widget,
               GHashTable *texts)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    g_hash_table_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* Names and numbers read the same in every language. */
static gboolean
same_in_every_language (const char *text)
{
  static const char *const names[] = { "Қазақша", "Русский", "English", "Tirkeu", NULL };
  gboolean has_letter = FALSE;

  if (g_strv_contains (names, text))
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    has_letter |= g_unichar_isalpha (g_utf8_get_char (p));

  return !has_letter;
}

static void
check_page (TrkWindow  *window,
            const char *where)
{
  static const char *const codes[] = { "kk", "ru" };
  g_autoptr(GHashTable) english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int minimum;

  trk_test_switch_language ("en");
  collect_texts (trk_window_get_page (window), english);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTableIter iter;
      const char *text;

      trk_test_switch_language (codes[i]);
      collect_texts (trk_window_get_page (window), texts);
      g_hash_table_iter_init (&iter, texts);
      while (g_hash_table_iter_next (&iter, (gpointer *) &text, NULL))
        if (g_hash_table_contains (english, text) && !same_in_every_language (text))
          g_test_fail_printf ("%s, %s: English left: “%s”", where, codes[i], text);

      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      if (minimum > NARROWEST)
        g_test_fail_printf ("%s, %s: needs %d px, more than %d", where, codes[i], minimum,
                            NARROWEST);
    }
}

static void
walk_profile (gconstpointer data)
{
  const Profile *profile = data;
  TrkWindow *window;
  TrkFlow *flow;
  GDate date;

  g_assert_true (trk_autosave_forget (NULL));
  window = trk_test_new_window ();
  flow = trk_window_get_flow (window);
  g_assert_true (trk_date_parse (profile->date, &date));
  trk_answers_set_date (trk_flow_get_answers (flow), &date);
  check_page (window, "welcome");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  trk_test_iterate ();

  while (trk_flow_get_step (flow) == TRK_FLOW_STEP_QUESTION)
    {
      const char *id = trk_question_get_id (trk_flow_get_question (flow));
      const char *value = NULL;

      check_page (window, id);
      trk_test_switch_language ("en");
      for (guint i = 0; i < profile->n_answers && value == NULL; i++)
        if (g_str_equal (profile->answers[i].id, id))
          value = profile->answers[i].value;
      if (value == NULL)
        g_error ("%s: no answer for “%s”", profile->name, id);
      trk_test_answer_current (window, value);
    }

  check_page (window, "review");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  trk_test_iterate ();
  g_assert_cmpint (trk_flow_get_step (flow), ==, TRK_FLOW_STEP_OUTCOME);
  check_page (window, trk_result_get_status (trk_flow_get_result (flow), "dactyloscopy"));

  trk_test_switch_language ("en");
  trk_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!trk_test_init_or_skip (&argc, &argv, "/gui/translations/skipped"))
    return g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gui/translations/%s", profiles[i].name);

      g_test_add_data_func (path, &profiles[i], walk_profile);
    }

  return g_test_run ();
}
