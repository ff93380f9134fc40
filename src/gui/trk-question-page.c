/* trk-question-page.c - one question of the rules, as a page of the wizard
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "trk-clamp.h"
#include "trk-evaluator.h"
#include "trk-question-page.h"
#include "trk-resources.h"
#include "trk-wrapped-label.h"

struct _TrkQuestionPage
{
  GtkWidget       parent_instance;

  TrkRuleSet     *rules;      /* keeps the question alive */
  TrkQuestion    *question;
  char           *value;
  GPtrArray      *choices;    /* GtkCheckButton per choice, in order */
  gboolean        spin_empty; /* no age typed yet: show an empty field */

  GtkLabel       *position_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *question_label;
  GtkLabel       *help_label;
  GtkBox         *choices_list;
  GtkSpinButton  *spin_button;
  GtkButton      *back_button;
  GtkButton      *next_button;
};

G_DEFINE_FINAL_TYPE (TrkQuestionPage, trk_question_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_value (TrkQuestionPage *self,
           const char      *value)
{
  if (g_strcmp0 (self->value, value) == 0)
    return;

  g_free (self->value);
  self->value = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
choice_toggled_cb (GtkCheckButton  *button,
                   TrkQuestionPage *self)
{
  guint index;

  if (gtk_check_button_get_active (button) &&
      g_ptr_array_find (self->choices, button, &index))
    set_value (self, trk_question_get_choice_value (self->question, index));
}

static void
choice_select_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (user_data), TRUE);
}

/* One of a group of exclusive choices: a radio button to a screen reader
 * (GTK 4.8 says "check box" for a grouped GtkCheckButton), with an action
 * that assistive technologies can invoke ("choice.select"). */
static GtkWidget *
new_radio_button (void)
{
  GtkWidget *button = g_object_new (GTK_TYPE_CHECK_BUTTON,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO, NULL);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) select = g_simple_action_new ("select", NULL);

  g_signal_connect_object (select, "activate", G_CALLBACK (choice_select_cb), button, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (select));
  gtk_widget_insert_action_group (button, "choice", G_ACTION_GROUP (group));
  return button;
}

static GtkWidget *
new_choice (TrkQuestionPage *self,
            guint            index,
            TrkLang          lang)
{
  const char *help = trk_question_get_choice_help (self->question, index, lang);
  GtkWidget *button = new_radio_button ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  const char *text = trk_question_get_choice_label (self->question, index, lang);
  GtkWidget *label = trk_wrapped_label_new (text, NULL);

  gtk_box_append (GTK_BOX (box), label);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), trk_clamp_wrap_text (box));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  if (help != NULL)
    {
      GtkWidget *help_label = trk_wrapped_label_new (help, NULL);

      gtk_widget_add_css_class (help_label, "dim-label");
      gtk_box_append (GTK_BOX (box), help_label);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, help_label, NULL, -1);
    }

  return button;
}

static void
build_choices (TrkQuestionPage *self,
               TrkLang          lang)
{
  guint n = trk_question_get_n_choices (self->question);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *button = new_choice (self, i, lang);

      if (self->choices->len > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (button),
                                    g_ptr_array_index (self->choices, 0));
      if (g_strcmp0 (self->value, trk_question_get_choice_value (self->question, i)) == 0)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
      g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
      g_ptr_array_add (self->choices, button);

      /* A plain box, not a list box: the radio group's own arrow-key
       * navigation must see Up and Down. The button fills its row. */
      gtk_box_append (self->choices_list, button);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->choices_list), TRUE);
}

static void
adjustment_changed_cb (TrkQuestionPage *self)
{
  /* +/- or a value set in code: show it from now on */
  self->spin_empty = FALSE;
}

static gboolean
spin_output_cb (TrkQuestionPage *self,
                GtkSpinButton   *spin)
{
  if (!self->spin_empty)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

static void
spin_text_changed_cb (TrkQuestionPage *self,
                      GtkEditable     *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_autofree char *value = NULL;
  char *end = NULL;
  gint64 number;

  if (*text != '\0')
    self->spin_empty = FALSE;

  errno = 0;
  number = g_ascii_strtoll (text, &end, 10);
  if (*text != '\0' && *end == '\0' && errno == 0 &&
      number >= trk_question_get_min (self->question) &&
      number <= trk_question_get_max (self->question))
    value = g_strdup_printf ("%" G_GINT64_FORMAT, number);

  set_value (self, value);
}

static void
build_spin (TrkQuestionPage *self)
{
  int min = trk_question_get_min (self->question);
  GtkAdjustment *adjustment = gtk_adjustment_new (min, min, trk_question_get_max (self->question),
                                                  1, 10, 0);

  /* Connected before the spin button's own handler, so it runs first. */
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (adjustment_changed_cb), self);
  self->spin_empty = self->value == NULL;
  gtk_spin_button_set_adjustment (self->spin_button, adjustment);
  if (self->value != NULL)
    gtk_spin_button_set_value (self->spin_button, g_ascii_strtod (self->value, NULL));
  else
    gtk_editable_set_text (GTK_EDITABLE (self->spin_button), "");

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->spin_button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->question_label, NULL,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->spin_button), TRUE);
}

static gboolean
is_enter (guint keyval)
{
  return keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter;
}

/* Up and Down move through the choices in their order and select, as in a
 * radio group, without waiting for the page's first layout (GTK sorts
 * focus moves by position, which a fast typist can outrun). */
static gboolean
move_choice (TrkQuestionPage *self,
             GtkWidget       *focus,
             int              step)
{
  guint index;
  int target;

  if (focus == NULL || !g_ptr_array_find (self->choices, focus, &index))
    return FALSE;

  target = CLAMP ((int) index + step, 0, (int) self->choices->len - 1);
  gtk_widget_grab_focus (g_ptr_array_index (self->choices, target));
  gtk_check_button_set_active (g_ptr_array_index (self->choices, target), TRUE);
  return TRUE;
}

/* Enter picks the focused choice (or takes the typed number) and goes on. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TrkQuestionPage       *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    return move_choice (self, focus, 1);
  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    return move_choice (self, focus, -1);
  if (!is_enter (keyval))
    return FALSE;
  if (focus != NULL && GTK_IS_BUTTON (focus))
    return FALSE;

  if (focus != NULL && GTK_IS_CHECK_BUTTON (focus))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (focus), TRUE);
  else if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->spin_button)))
    gtk_spin_button_update (self->spin_button);

  if (self->value != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.next", NULL);

  return TRUE;
}

static gboolean
trk_question_page_grab_focus (GtkWidget *widget)
{
  TrkQuestionPage *self = TRK_QUESTION_PAGE (widget);

  for (guint i = 0; i < self->choices->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->choices, i)))
      return gtk_widget_grab_focus (g_ptr_array_index (self->choices, i));

  if (self->choices->len > 0)
    return gtk_widget_grab_focus (g_ptr_array_index (self->choices, 0));

  return gtk_widget_grab_focus (GTK_WIDGET (self->spin_button));
}

static void
trk_question_page_dispose (GObject *object)
{
  TrkQuestionPage *self = TRK_QUESTION_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRK_TYPE_QUESTION_PAGE);
  /* Children the template does not bind are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  self->question = NULL;
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (trk_question_page_parent_class)->dispose (object);
}

static void
trk_question_page_finalize (GObject *object)
{
  TrkQuestionPage *self = TRK_QUESTION_PAGE (object);

  g_free (self->value);

  G_OBJECT_CLASS (trk_question_page_parent_class)->finalize (object);
}

static void
trk_question_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrkQuestionPage *self = TRK_QUESTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trk_question_page_class_init (TrkQuestionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trk_question_page_dispose;
  object_class->finalize = trk_question_page_finalize;
  object_class->get_property = trk_question_page_get_property;
  widget_class->grab_focus = trk_question_page_grab_focus;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRK_TYPE_CLAMP);
  trk_resources_ensure ();
  /* A container only: read as nothing (the stack page names the page). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/trk-question-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrkQuestionPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, TrkQuestionPage, choices_list);
  gtk_widget_class_bind_template_child (widget_class, TrkQuestionPage, help_label);
  gtk_widget_class_bind_template_child (widget_class, TrkQuestionPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, TrkQuestionPage, position_label);
  gtk_widget_class_bind_template_child (widget_class, TrkQuestionPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TrkQuestionPage, question_label);
  gtk_widget_class_bind_template_child (widget_class, TrkQuestionPage, spin_button);
  gtk_widget_class_bind_template_callback (widget_class, spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_text_changed_cb);
}

static void
trk_question_page_init (TrkQuestionPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->choices = g_ptr_array_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

static void
set_texts (TrkQuestionPage *self,
           TrkLang          lang,
           guint            position,
           double           fraction)
{
  const char *help = trk_question_get_help (self->question, lang);
  g_autofree char *position_text = g_strdup_printf (_("Question %u"), position);

  gtk_label_set_text (self->position_label, position_text);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"), -1);
  gtk_label_set_text (self->question_label, trk_question_get_label (self->question, lang));
  gtk_label_set_text (self->help_label, help != NULL ? help : "");
  gtk_widget_set_visible (GTK_WIDGET (self->help_label), help != NULL);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->choices_list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->question_label, NULL,
                                  -1);
  if (help != NULL)
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->choices_list),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->help_label, NULL,
                                      -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->spin_button),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->help_label, NULL,
                                      -1);
    }
}

GtkWidget *
trk_question_page_new (TrkRuleSet  *rules,
                       TrkQuestion *question,
                       TrkLang      lang,
                       const char  *value,
                       guint        position,
                       double       fraction)
{
  TrkQuestionPage *self;

  g_return_val_if_fail (TRK_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (TRK_TYPE_QUESTION_PAGE, NULL);
  self->rules = g_object_ref (rules);
  self->question = question;
  if (value != NULL && trk_question_accepts (question, value, NULL))
    self->value = g_strdup (value);

  set_texts (self, lang, position, fraction);
  if (trk_question_get_kind (question) == TRK_QUESTION_INTEGER)
    build_spin (self);
  else
    build_choices (self, lang);

  return GTK_WIDGET (self);
}

TrkQuestion *
trk_question_page_get_question (TrkQuestionPage *self)
{
  g_return_val_if_fail (TRK_IS_QUESTION_PAGE (self), NULL);
  return self->question;
}

const char *
trk_question_page_get_value (TrkQuestionPage *self)
{
  g_return_val_if_fail (TRK_IS_QUESTION_PAGE (self), NULL);
  return self->value;
}

GtkWidget *
trk_question_page_get_choice (TrkQuestionPage *self,
                              const char      *value)
{
  g_return_val_if_fail (TRK_IS_QUESTION_PAGE (self), NULL);
  g_return_val_if_fail (value != NULL, NULL);

  for (guint i = 0; i < self->choices->len; i++)
    if (g_str_equal (value, trk_question_get_choice_value (self->question, i)))
      return g_ptr_array_index (self->choices, i);

  return NULL;
}

GtkWidget *
trk_question_page_get_spin_button (TrkQuestionPage *self)
{
  g_return_val_if_fail (TRK_IS_QUESTION_PAGE (self), NULL);

  if (trk_question_get_kind (self->question) != TRK_QUESTION_INTEGER)
    return NULL;
  return GTK_WIDGET (self->spin_button);
}
