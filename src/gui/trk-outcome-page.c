/* trk-outcome-page.c - the result in plain words, the loop, the checklist
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-answers.h"
#include "trk-clamp.h"
#include "trk-lang-date.h"
#include "trk-loop-banner.h"
#include "trk-outcome-page.h"
#include "trk-resources.h"
#include "trk-wrapped-label.h"

/* The targets of the contract, in the order a person reads them. */

struct _TrkOutcomePage
{
  GtkWidget   parent_instance;

  TrkResult  *result;
  GtkWidget  *loop_banner;
  GHashTable *status_labels; /* target -> GtkLabel */

  GtkLabel   *title_label;
  GtkLabel   *date_label;
  GtkBox     *banner_box;
  GtkBox     *status_box;
  GtkWidget  *checklist_section;
  GtkBox     *checklist_list;
  GtkWidget  *warnings_section;
  GtkBox     *warnings_box;
  GtkFlowBox *actions_box;
  GtkButton  *save_button;
  GtkLabel   *rules_label;
};

G_DEFINE_FINAL_TYPE (TrkOutcomePage, trk_outcome_page, GTK_TYPE_WIDGET)

/* A text with its legal source under it, small, in a clamp for the check
 * buttons and warning rows it goes into (trk_clamp_wrap_text(): the outcome
 * page draws in a third of the time, tests/bench/RESULTS.md). The box is
 * the clamp's child; its first child is the text's label. */
static GtkWidget *
new_cited_text (const char *text,
                const char *citation)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box), trk_wrapped_label_new (text, NULL));
  if (citation != NULL && *citation != '\0')
    {
      GtkWidget *cite = trk_wrapped_label_new (citation, "caption");

      gtk_widget_add_css_class (cite, "dim-label");
      gtk_box_append (GTK_BOX (box), cite);
    }
  return trk_clamp_wrap_text (box);
}

static void
add_status (TrkOutcomePage *self,
            const char     *target,
            TrkLang         lang)
{
  TrkRuleSet *rules = trk_result_get_rule_set (self->result);
  const char *status = trk_result_get_status (self->result, target);
  GtkWidget *card = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 6, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                  NULL);
  GtkWidget *name = trk_wrapped_label_new (trk_rule_set_get_target_label (rules, target, lang),
                                           "heading");
  GtkWidget *value = trk_wrapped_label_new (trk_rule_set_get_status_label (rules, target, status,
                                                                          lang),
                                            "title-2");
  guint n = trk_result_get_n_reasons (self->result, target);

  gtk_widget_add_css_class (card, "trk-card");
  gtk_box_append (GTK_BOX (card), name);
  gtk_box_append (GTK_BOX (card), value);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *citation = trk_result_get_reason_citation (self->result, target, i, lang);

      gtk_box_append (GTK_BOX (card),
                      new_cited_text (trk_result_get_reason_text (self->result, target, i, lang),
                                      citation));
    }

  gtk_accessible_update_relation (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, value, NULL, -1);
  gtk_box_append (self->status_box, card);
  g_hash_table_insert (self->status_labels, (gpointer) target, value);
}

/* Tick boxes for the applicant's own use, as on the printed checklist. */
static void
add_checklist (TrkOutcomePage *self,
               TrkLang         lang)
{
  guint n = trk_result_get_n_items (self->result);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *citation = trk_result_get_item_citation (self->result, i, lang);
      GtkWidget *button = gtk_check_button_new ();
      GtkWidget *content = new_cited_text (trk_result_get_item_text (self->result, i, lang),
                                           citation);

      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), content);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      gtk_widget_get_first_child (
                                        gtk_widget_get_first_child (content)), NULL, -1);
      gtk_box_append (self->checklist_list, button);
    }

  gtk_widget_set_visible (self->checklist_section, n > 0);
}

static void
add_warnings (TrkOutcomePage *self,
              TrkLang         lang)
{
  guint n = trk_result_get_n_warnings (self->result);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *citation = trk_result_get_warning_citation (self->result, i, lang);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-warning-symbolic",
                                      "valign", GTK_ALIGN_START,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      GtkWidget *text = new_cited_text (trk_result_get_warning_text (self->result, i, lang),
                                        citation);

      gtk_widget_set_hexpand (text, TRUE);
      gtk_widget_add_css_class (row, "trk-warning");
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), text);
      gtk_box_append (self->warnings_box, row);
    }

  gtk_widget_set_visible (self->warnings_section, n > 0);
}

static void
set_texts (TrkOutcomePage *self,
           TrkLang         lang)
{
  TrkRuleSet *rules = trk_result_get_rule_set (self->result);
  g_autofree char *date = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *rules_text = NULL;
  GDate parsed;

  date = trk_date_parse (trk_result_get_date (self->result), &parsed)
         ? trk_lang_date_format (lang, &parsed) : g_strdup (trk_result_get_date (self->result));
  checked = trk_date_parse (trk_rule_set_get_checked (rules), &parsed)
            ? trk_lang_date_format (lang, &parsed) : g_strdup (trk_rule_set_get_checked (rules));

  /* Translators: %s is a date */
  date_text = g_strdup_printf (_("Assessment date: %s"), date);
  /* Translators: %1$s is the rules' id, %2$s their version, %3$s a date */
  rules_text = g_strdup_printf (_("Rules: %1$s, version %2$s, checked against the law on %3$s"),
                                trk_rule_set_get_id (rules), trk_rule_set_get_version (rules),
                                checked);
  gtk_label_set_text (self->date_label, date_text);
  gtk_label_set_text (self->rules_label, rules_text);
}

/* The flow box's own children need no focus stop: the buttons have one. */
static void
unfocus_flow_children (TrkOutcomePage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

static gboolean
trk_outcome_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (TRK_OUTCOME_PAGE (widget)->save_button));
}

static void
trk_outcome_page_dispose (GObject *object)
{
  TrkOutcomePage *self = TRK_OUTCOME_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRK_TYPE_OUTCOME_PAGE);
  /* Children the template does not bind are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->loop_banner = NULL;
  g_clear_pointer (&self->status_labels, g_hash_table_unref);
  g_clear_pointer (&self->result, trk_result_unref);

  G_OBJECT_CLASS (trk_outcome_page_parent_class)->dispose (object);
}

static void
trk_outcome_page_class_init (TrkOutcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trk_outcome_page_dispose;
  widget_class->grab_focus = trk_outcome_page_grab_focus;

  g_type_ensure (TRK_TYPE_CLAMP);
  trk_resources_ensure ();
  /* A container only: read as nothing (the stack page names the page). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/trk-outcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrkOutcomePage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, TrkOutcomePage, banner_box);
  gtk_widget_class_bind_template_child (widget_class, TrkOutcomePage, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, TrkOutcomePage, checklist_section);
  gtk_widget_class_bind_template_child (widget_class, TrkOutcomePage, date_label);
  gtk_widget_class_bind_template_child (widget_class, TrkOutcomePage, rules_label);
  gtk_widget_class_bind_template_child (widget_class, TrkOutcomePage, save_button);
  gtk_widget_class_bind_template_child (widget_class, TrkOutcomePage, status_box);
  gtk_widget_class_bind_template_child (widget_class, TrkOutcomePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrkOutcomePage, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, TrkOutcomePage, warnings_section);
}

static void
trk_outcome_page_init (TrkOutcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->status_labels = g_hash_table_new (g_str_hash, g_str_equal);
  unfocus_flow_children (self);
}

GtkWidget *
trk_outcome_page_new (TrkResult *result,
                      TrkLang    lang)
{
  TrkOutcomePage *self;

  g_return_val_if_fail (result != NULL, NULL);

  self = g_object_new (TRK_TYPE_OUTCOME_PAGE, NULL);
  self->result = trk_result_ref (result);

  set_texts (self, lang);
  if (trk_result_has_cycle (result))
    {
      self->loop_banner = trk_loop_banner_new (result, lang);
      gtk_box_append (self->banner_box, self->loop_banner);
      gtk_widget_set_visible (GTK_WIDGET (self->banner_box), TRUE);
    }
  for (guint i = 0; i < trk_rule_set_get_n_targets (trk_result_get_rule_set (result)); i++)
    add_status (self, trk_rule_set_get_target_id (trk_result_get_rule_set (result), i), lang);
  add_checklist (self, lang);
  add_warnings (self, lang);

  return GTK_WIDGET (self);
}

TrkResult *
trk_outcome_page_get_result (TrkOutcomePage *self)
{
  g_return_val_if_fail (TRK_IS_OUTCOME_PAGE (self), NULL);
  return self->result;
}

GtkWidget *
trk_outcome_page_get_loop_banner (TrkOutcomePage *self)
{
  g_return_val_if_fail (TRK_IS_OUTCOME_PAGE (self), NULL);
  return self->loop_banner;
}

GtkWidget *
trk_outcome_page_get_status_label (TrkOutcomePage *self,
                                   const char     *target)
{
  g_return_val_if_fail (TRK_IS_OUTCOME_PAGE (self), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  return g_hash_table_lookup (self->status_labels, target);
}
