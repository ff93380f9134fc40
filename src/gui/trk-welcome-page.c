/* trk-welcome-page.c - the first page: language, date, Start or Resume
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-clamp.h"
#include "trk-date-chooser.h"
#include "trk-lang.h"
#include "trk-resources.h"
#include "trk-welcome-page.h"

struct _TrkWelcomePage
{
  GtkWidget       parent_instance;

  GtkLabel       *language_label;
  GtkBox         *language_box;
  TrkDateChooser *date_chooser;
  GtkButton      *start_button;
  GtkButton      *resume_button;
};

G_DEFINE_FINAL_TYPE (TrkWelcomePage, trk_welcome_page, GTK_TYPE_WIDGET)

/* Each language under its own name: a reader of only that language finds it. */
static void
add_language_buttons (TrkWelcomePage *self)
{
  static const TrkLang order[] = { TRK_LANG_KK, TRK_LANG_RU, TRK_LANG_EN };
  GtkWidget *group = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (trk_lang_native_name (order[i]));
      g_autofree char *markup = g_strdup_printf ("<span lang=\"%s\">%s</span>",
                                                 trk_lang_to_string (order[i]),
                                                 trk_lang_native_name (order[i]));

      /* The label in its own language, so the font fallback picks right. */
      gtk_label_set_markup (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), markup);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.language");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        trk_lang_to_string (order[i]));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
      else
        group = button;
      gtk_box_append (self->language_box, button);
    }

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->language_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->language_label, NULL,
                                  -1);
}

/* Enter on Start or Resume goes on at once, as Enter does on the question
 * pages (a GtkButton would wait for its 250 ms press animation, and keys
 * typed meanwhile would land on this page). */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TrkWelcomePage        *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (focus != GTK_WIDGET (self->start_button) && focus != GTK_WIDGET (self->resume_button))
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self),
                              gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), NULL);
  return TRUE;
}

static gboolean
trk_welcome_page_grab_focus (GtkWidget *widget)
{
  TrkWelcomePage *self = TRK_WELCOME_PAGE (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->resume_button)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->resume_button));

  return gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
}

static void
trk_welcome_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TRK_TYPE_WELCOME_PAGE);
  /* Children the template does not bind are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trk_welcome_page_parent_class)->dispose (object);
}

static void
trk_welcome_page_class_init (TrkWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trk_welcome_page_dispose;
  widget_class->grab_focus = trk_welcome_page_grab_focus;

  g_type_ensure (TRK_TYPE_CLAMP);
  g_type_ensure (TRK_TYPE_DATE_CHOOSER);
  trk_resources_ensure ();
  /* A container only: read as nothing (the stack page names the page). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/trk-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrkWelcomePage, date_chooser);
  gtk_widget_class_bind_template_child (widget_class, TrkWelcomePage, language_box);
  gtk_widget_class_bind_template_child (widget_class, TrkWelcomePage, language_label);
  gtk_widget_class_bind_template_child (widget_class, TrkWelcomePage, resume_button);
  gtk_widget_class_bind_template_child (widget_class, TrkWelcomePage, start_button);
}

static void
trk_welcome_page_init (TrkWelcomePage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  add_language_buttons (self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
trk_welcome_page_new (TrkAnswers *answers,
                      TrkLang     lang,
                      gboolean    can_resume)
{
  TrkWelcomePage *self;

  g_return_val_if_fail (TRK_IS_ANSWERS (answers), NULL);

  self = g_object_new (TRK_TYPE_WELCOME_PAGE, NULL);
  trk_date_chooser_set_answers (self->date_chooser, answers, lang);
  gtk_widget_set_visible (GTK_WIDGET (self->resume_button), can_resume);
  if (can_resume)
    {
      /* Going on is the likelier wish; starting afresh stays one Tab away. */
      gtk_widget_remove_css_class (GTK_WIDGET (self->start_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->resume_button), "suggested-action");
    }

  return GTK_WIDGET (self);
}

GtkWidget *
trk_welcome_page_get_resume_button (TrkWelcomePage *self)
{
  g_return_val_if_fail (TRK_IS_WELCOME_PAGE (self), NULL);
  return GTK_WIDGET (self->resume_button);
}

GtkWidget *
trk_welcome_page_get_date_chooser (TrkWelcomePage *self)
{
  g_return_val_if_fail (TRK_IS_WELCOME_PAGE (self), NULL);
  return GTK_WIDGET (self->date_chooser);
}
