/* test-mnemonics.c - no two mnemonics collide within one page, menu or dialog
 *
 * In every language (en, kk, ru), on every page a walk to the loop's outcome
 * shows (welcome, each question, review, outcome), in the main menu (one
 * popover: its sections together; the Language submenu on its own) and in
 * the Forget dialog, the mnemonic letters of what is visible are distinct
 * (case aside): Alt+letter must reach one kind of control.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-autosave.h"
#include "trk-gui-test-utils.h"

static const TrkTestAnswer loop_answers[] = {
  { "status", "foreigner" }, { "age", "34" }, { "purpose", "visa" },
  { "visa_channel", "e_visa" }, { "location", "abroad" }, { "visa_required", "yes" },
  { "has_iin", "no" }, { "fingerprinted", "no" }, { "passport_language", "other" },
};
static const char *const codes[] = { "en", "kk", "ru" };

/* Adds @key for @text to @seen; fails the test on a second use. */
static void
claim (GHashTable *seen,
       guint       key,
       const char *text,
       const char *where)
{
  const char *first;

  key = gdk_keyval_to_lower (key);
  first = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));
  /* The same control repeated ("_Change" on every answer of the review)
   * may share its letter: Alt+letter then moves from one to the next. */
  if (first != NULL && g_strcmp0 (first, text) != 0)
    g_test_fail_printf ("%s: “%s” and “%s” share the mnemonic %s", where, first, text,
                        gdk_keyval_name (key));
  else if (first == NULL)
    g_hash_table_insert (seen, GUINT_TO_POINTER (key), g_strdup (text));
}

static void
collect_widget (GtkWidget  *widget,
                GHashTable *seen,
                const char *where)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    claim (seen, gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)), gtk_label_get_label (GTK_LABEL (widget)),
           where);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widget (child, seen, where);
}

static void
check_widget (GtkWidget  *widget,
              const char *where)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  collect_widget (widget, seen, where);
}

/* The mnemonic of a menu label ("_Open Answers…" -> o), or 0. */
static guint
menu_mnemonic (const char *label)
{
  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_' && p[1] != '\0')
        return gdk_unicode_to_keyval (g_utf8_get_char (p + 1));
    }
  return 0;
}

/* The items of @model and of its sections (one popover); submenus are
 * checked as menus of their own. */
static void
collect_menu (GMenuModel *model,
              GHashTable *seen,
              const char *where)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label)
          && menu_mnemonic (label) != 0)
        claim (seen, menu_mnemonic (label), label, where);
      if (section != NULL)
        collect_menu (section, seen, where);
      if (submenu != NULL)
        {
          g_autoptr(GHashTable) own = g_hash_table_new_full (NULL, NULL, NULL, g_free);
          g_autofree char *sub = g_strdup_printf ("%s, submenu “%s”", where, label);

          collect_menu (submenu, own, sub);
        }
    }
}

static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
check_menu (TrkWindow  *window,
            const char *code)
{
  GtkWidget *button = find_menu_button (GTK_WIDGET (window));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree char *where = g_strdup_printf ("%s, main menu", code);

  g_assert_nonnull (button);
  collect_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), seen, where);
}

/* The Forget dialog: its buttons. */
static void
check_forget_dialog (const char *code)
{
  g_autofree char *where = g_strdup_printf ("%s, Forget My Answers dialog", code);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);
  GtkWindow *dialog = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (trk_test_get_app ()), "forget-answers", NULL);
  trk_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        dialog = w;
    }
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), >, before - 1);
  check_widget (GTK_WIDGET (dialog), where);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  trk_test_iterate ();
}

static void
test_walk (gconstpointer data)
{
  const char *code = data;
  TrkWindow *window;
  TrkFlow *flow;
  GDate date;

  g_assert_true (trk_autosave_forget (NULL));
  trk_test_switch_language (code);
  window = trk_test_new_window ();
  flow = trk_window_get_flow (window);
  g_assert_true (trk_date_parse ("2026-11-28", &date));
  trk_answers_set_date (trk_flow_get_answers (flow), &date);

  check_menu (window, code);
  check_widget (trk_window_get_page (window), "welcome");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  trk_test_iterate ();
  while (trk_flow_get_step (flow) == TRK_FLOW_STEP_QUESTION)
    {
      const char *id = trk_question_get_id (trk_flow_get_question (flow));
      g_autofree char *where = g_strdup_printf ("%s, question “%s”", code, id);
      const char *value = NULL;

      check_widget (trk_window_get_page (window), where);
      for (guint i = 0; i < G_N_ELEMENTS (loop_answers) && value == NULL; i++)
        if (g_str_equal (loop_answers[i].id, id))
          value = loop_answers[i].value;
      if (value == NULL)
        g_error ("no answer for “%s”", id);
      trk_test_answer_current (window, value);
    }
  check_widget (trk_window_get_page (window), "review");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next", NULL);
  trk_test_iterate ();
  g_assert_cmpint (trk_flow_get_step (flow), ==, TRK_FLOW_STEP_OUTCOME);
  check_widget (trk_window_get_page (window), "outcome");
  check_forget_dialog (code);

  trk_test_close_window (window);
  trk_test_switch_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  if (!trk_test_init_or_skip (&argc, &argv, "/gui/mnemonics/skipped"))
    return g_test_run ();
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gui/mnemonics/%s", codes[i]);

      g_test_add_data_func (path, codes[i], test_walk);
    }
  return g_test_run ();
}
