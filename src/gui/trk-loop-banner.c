/* trk-loop-banner.c - the IIN/visa/fingerprint loop, drawn step by step
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-clamp.h"
#include "trk-loop-banner.h"
#include "trk-resources.h"
#include "trk-wrapped-label.h"

struct _TrkLoopBanner
{
  GtkWidget  parent_instance;

  guint      n_steps;

  GtkLabel  *title_label;
  GtkLabel  *intro_label;
  GtkLabel  *ways_label;
  GtkBox    *steps_box;
  GtkBox    *ways_box;
};

G_DEFINE_FINAL_TYPE (TrkLoopBanner, trk_loop_banner, GTK_TYPE_WIDGET)

static GtkWidget *
new_step_card (const char *text)
{
  GtkWidget *card = trk_wrapped_label_new (text, NULL);

  gtk_widget_add_css_class (card, "trk-step");
  gtk_widget_add_css_class (card, "heading");
  return card;
}

/* An arrow (decoration only) and why the step needs the next one. */
static GtkWidget *
new_link (const char *arrow,
          const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *glyph = g_object_new (GTK_TYPE_LABEL, "label", arrow,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   "valign", GTK_ALIGN_CENTER, NULL);
  GtkWidget *label = trk_wrapped_label_new (text, NULL);

  gtk_widget_add_css_class (glyph, "trk-arrow");
  gtk_widget_add_css_class (label, "trk-link");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), glyph);
  gtk_box_append (GTK_BOX (box), trk_clamp_wrap_text (label));
  return box;
}

static void
add_steps (TrkLoopBanner *self,
           TrkResult     *result,
           TrkLang        lang)
{
  TrkRuleSet *rules = trk_result_get_rule_set (result);
  const char *first = trk_rule_set_get_step_label (rules, trk_result_get_cycle_step (result, 0),
                                                   lang);
  g_autofree char *back = NULL;
  GtkWidget *closing;

  self->n_steps = trk_result_get_cycle_length (result);
  for (guint i = 0; i < self->n_steps; i++)
    {
      const char *step = trk_result_get_cycle_step (result, i);

      gtk_box_append (self->steps_box,
                      new_step_card (trk_rule_set_get_step_label (rules, step, lang)));
      gtk_box_append (self->steps_box,
                      new_link ("↓", trk_result_get_cycle_link_text (result, i, lang)));
    }

  /* Translators: the loop closes: %s is its first step, e.g. "Get an IIN" */
  back = g_strdup_printf (_("And so back to the start: %s"), first);
  closing = new_link ("↺", back);
  gtk_widget_add_css_class (gtk_widget_get_last_child (closing), "heading");
  gtk_widget_remove_css_class (gtk_widget_get_last_child (closing), "trk-link");
  gtk_box_append (self->steps_box, closing);
}

static GtkWidget *
new_bullet_item (const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bullet = g_object_new (GTK_TYPE_LABEL, "label", "•", "valign", GTK_ALIGN_START,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *label = trk_wrapped_label_new (text, NULL);

  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), bullet);
  gtk_box_append (GTK_BOX (box), trk_clamp_wrap_text (label));
  return box;
}

static void
add_ways_out (TrkLoopBanner *self,
              TrkResult     *result,
              TrkLang        lang)
{
  guint n = trk_result_get_n_ways_out (result);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *citation = trk_result_get_way_out_citation (result, i, lang);

      gtk_box_append (self->ways_box,
                      new_bullet_item (trk_result_get_way_out_text (result, i, lang)));
      /* A route (a pilot project) says which reports it rests on. */
      if (citation != NULL)
        {
          GtkWidget *cite = trk_wrapped_label_new (citation, "caption");

          gtk_widget_set_margin_start (cite, 18);
          gtk_box_append (self->ways_box, trk_clamp_wrap_text (cite));
        }
    }

  if (n == 0)
    gtk_box_append (self->ways_box,
                    trk_wrapped_label_new (_("None is known from your answers: ask the migration "
                                             "service or a consulate of Kazakhstan how to "
                                             "proceed."),
                                           NULL));
}

static void
trk_loop_banner_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TRK_TYPE_LOOP_BANNER);
  /* Children the template does not bind are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trk_loop_banner_parent_class)->dispose (object);
}

static void
trk_loop_banner_class_init (TrkLoopBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trk_loop_banner_dispose;

  trk_resources_ensure ();
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/trk-loop-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, TrkLoopBanner, intro_label);
  gtk_widget_class_bind_template_child (widget_class, TrkLoopBanner, steps_box);
  gtk_widget_class_bind_template_child (widget_class, TrkLoopBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrkLoopBanner, ways_box);
  gtk_widget_class_bind_template_child (widget_class, TrkLoopBanner, ways_label);
}

static void
trk_loop_banner_init (TrkLoopBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);
  /* The two lists are read by their headings, not as "GtkBox". */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->steps_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->intro_label, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->ways_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->ways_label, NULL,
                                  -1);
}

GtkWidget *
trk_loop_banner_new (TrkResult *result,
                     TrkLang    lang)
{
  TrkLoopBanner *self;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (trk_result_has_cycle (result), NULL);

  self = g_object_new (TRK_TYPE_LOOP_BANNER, NULL);
  add_steps (self, result, lang);
  add_ways_out (self, result, lang);

  return GTK_WIDGET (self);
}

guint
trk_loop_banner_get_n_steps (TrkLoopBanner *self)
{
  g_return_val_if_fail (TRK_IS_LOOP_BANNER (self), 0);
  return self->n_steps;
}
