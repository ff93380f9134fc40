/* trk-review-page.c - every relevant answer, each with a way to change it
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-clamp.h"
#include "trk-date-chooser.h"
#include "trk-resources.h"
#include "trk-review-page.h"
#include "trk-wrapped-label.h"

struct _TrkReviewPage
{
  GtkWidget       parent_instance;

  TrkFlow        *flow;
  TrkLang         lang;
  GHashTable     *change_buttons; /* question id -> GtkButton */

  TrkDateChooser *date_chooser;
  GtkBox         *answers_list;
  GtkButton      *next_button;
};

G_DEFINE_FINAL_TYPE (TrkReviewPage, trk_review_page, GTK_TYPE_WIDGET)

/* The answer as a person reads it: the choice's label, or the number. */
static char *
answer_text (TrkQuestion *question,
             const char  *value,
             TrkLang      lang)
{
  if (value == NULL || !trk_question_accepts (question, value, NULL))
    return g_strdup (_("Not answered yet"));

  for (guint i = 0; i < trk_question_get_n_choices (question); i++)
    if (g_str_equal (value, trk_question_get_choice_value (question, i)))
      return g_strdup (trk_question_get_choice_label (question, i, lang));

  return g_strdup (value);
}

static GtkWidget *
new_change_button (TrkQuestion *question,
                   const char  *question_text,
                   const char  *answer)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Change"));
  g_autofree char *description = NULL;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.change");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", trk_question_get_id (question));

  /* Translators: what a "Change" button changes: %1$s a question, %2$s the answer */
  description = g_strdup_printf (_("Change the answer to “%1$s” (now: %2$s)"),
                                 question_text, answer);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return button;
}

static void
add_row (TrkReviewPage *self,
         TrkQuestion   *question,
         const char    *value,
         TrkLang        lang)
{
  const char *question_text = trk_question_get_label (question, lang);
  g_autofree char *answer = answer_text (question, value, lang);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *button = new_change_button (question, question_text, answer);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), trk_wrapped_label_new (question_text, "dim-label"));
  gtk_box_append (GTK_BOX (texts), trk_wrapped_label_new (answer, "heading"));
  gtk_box_append (GTK_BOX (row), trk_clamp_wrap_text (texts));
  gtk_box_append (GTK_BOX (row), button);

  gtk_box_append (self->answers_list, row);
  g_hash_table_insert (self->change_buttons, g_strdup (trk_question_get_id (question)), button);
}

static gboolean
trk_review_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (TRK_REVIEW_PAGE (widget)->next_button));
}

static void
trk_review_page_dispose (GObject *object)
{
  TrkReviewPage *self = TRK_REVIEW_PAGE (object);
  GtkWidget *child;

  if (self->flow != NULL)
    g_signal_handlers_disconnect_by_data (trk_flow_get_answers (self->flow), self);
  g_clear_object (&self->flow);
  g_clear_pointer (&self->change_buttons, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRK_TYPE_REVIEW_PAGE);
  /* Children the template does not bind are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trk_review_page_parent_class)->dispose (object);
}

static void
trk_review_page_class_init (TrkReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trk_review_page_dispose;
  widget_class->grab_focus = trk_review_page_grab_focus;

  g_type_ensure (TRK_TYPE_CLAMP);
  g_type_ensure (TRK_TYPE_DATE_CHOOSER);
  trk_resources_ensure ();
  /* A container only: read as nothing (the stack page names the page). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/trk-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrkReviewPage, answers_list);
  gtk_widget_class_bind_template_child (widget_class, TrkReviewPage, date_chooser);
  gtk_widget_class_bind_template_child (widget_class, TrkReviewPage, next_button);
}

static void
trk_review_page_init (TrkReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->change_buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* A new date can change which questions matter: list them again. */
static void
fill_rows (TrkReviewPage *self)
{
  TrkAnswers *answers = trk_flow_get_answers (self->flow);
  g_autoptr(GPtrArray) relevant = trk_flow_list_relevant (self->flow);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->answers_list))) != NULL)
    gtk_box_remove (self->answers_list, child);
  g_hash_table_remove_all (self->change_buttons);

  for (guint i = 0; i < relevant->len; i++)
    {
      TrkQuestion *question = g_ptr_array_index (relevant, i);

      add_row (self, question, trk_answers_get (answers, trk_question_get_id (question)),
               self->lang);
    }
}

GtkWidget *
trk_review_page_new (TrkFlow *flow,
                     TrkLang  lang)
{
  TrkReviewPage *self;
  TrkAnswers *answers;

  g_return_val_if_fail (TRK_IS_FLOW (flow), NULL);

  self = g_object_new (TRK_TYPE_REVIEW_PAGE, NULL);
  self->flow = g_object_ref (flow);
  self->lang = lang;
  answers = trk_flow_get_answers (flow);
  trk_date_chooser_set_answers (self->date_chooser, answers, lang);
  g_signal_connect_swapped (answers, "changed", G_CALLBACK (fill_rows), self);
  fill_rows (self);

  return GTK_WIDGET (self);
}

GtkWidget *
trk_review_page_get_change_button (TrkReviewPage *self,
                                   const char    *question_id)
{
  g_return_val_if_fail (TRK_IS_REVIEW_PAGE (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_hash_table_lookup (self->change_buttons, question_id);
}
