/* trk-window.c - the main window: header bar and the wizard's pages
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-a11y.h"
#include "trk-autosave.h"
#include "trk-outcome-page.h"
#include "trk-question-page.h"
#include "trk-resources.h"
#include "trk-review-page.h"
#include "trk-welcome-page.h"
#include "trk-window-private.h"

G_DEFINE_FINAL_TYPE (TrkWindow, trk_window, GTK_TYPE_APPLICATION_WINDOW)

static TrkApplication *
get_app (TrkWindow *self)
{
  return TRK_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

TrkLang
_trk_window_get_language (TrkWindow *self)
{
  TrkApplication *app = get_app (self);

  return app != NULL ? trk_application_get_language (app) : TRK_LANG_EN;
}

void
_trk_window_show_notice (TrkWindow  *self,
                         const char *text)
{
  gtk_label_set_text (self->notice_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->notice_revealer, TRUE);
}

static void
notice_revealed_cb (TrkWindow *self)
{
  if (!gtk_revealer_get_child_revealed (self->notice_revealer)
      && !gtk_revealer_get_reveal_child (self->notice_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->notice_revealer), FALSE);
}

static void
notice_close_cb (TrkWindow *self)
{
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
}

static void
question_value_cb (TrkWindow       *self,
                   GParamSpec      *pspec,
                   TrkQuestionPage *page)
{
  TrkAnswers *answers = trk_flow_get_answers (self->flow);
  const char *id = trk_question_get_id (trk_question_page_get_question (page));
  const char *value = trk_question_page_get_value (page);

  /* Stored at once, so the autosave holds it even before Next. */
  if (value != NULL)
    trk_answers_set (answers, id, value);
  else
    trk_answers_unset (answers, id);

  _trk_window_update_actions (self);
}

static GtkWidget *
build_question_page (TrkWindow *self)
{
  TrkQuestion *question = trk_flow_get_question (self->flow);
  const char *value = trk_answers_get (trk_flow_get_answers (self->flow),
                                       trk_question_get_id (question));
  GtkWidget *page;

  page = trk_question_page_new (trk_flow_get_rules (self->flow), question,
                                _trk_window_get_language (self), value,
                                trk_flow_get_position (self->flow),
                                trk_flow_get_fraction (self->flow));
  g_signal_connect_object (page, "notify::value", G_CALLBACK (question_value_cb),
                           self, G_CONNECT_SWAPPED);
  return page;
}

static GtkWidget *
build_page (TrkWindow *self)
{
  TrkLang lang = _trk_window_get_language (self);

  switch (trk_flow_get_step (self->flow))
    {
    case TRK_FLOW_STEP_QUESTION:
      return build_question_page (self);
    case TRK_FLOW_STEP_REVIEW:
      return trk_review_page_new (self->flow, lang);
    case TRK_FLOW_STEP_OUTCOME:
      return trk_outcome_page_new (trk_flow_get_result (self->flow), lang);
    case TRK_FLOW_STEP_WELCOME:
    default:
      return trk_welcome_page_new (trk_flow_get_answers (self->flow), lang,
                                   trk_flow_can_resume (self->flow));
    }
}

/* What the page is called when a screen reader enters it. */
static char *
page_title (TrkWindow *self)
{
  switch (trk_flow_get_step (self->flow))
    {
    case TRK_FLOW_STEP_QUESTION:
      return g_strdup_printf (_("Question %u"), trk_flow_get_position (self->flow));
    case TRK_FLOW_STEP_REVIEW:
      return g_strdup (_("Check your answers"));
    case TRK_FLOW_STEP_OUTCOME:
      return g_strdup (_("Your result"));
    case TRK_FLOW_STEP_WELCOME:
    default:
      return g_strdup ("Tirkeu");
    }
}

/* One page lives in the stack at a time: each move builds the page anew
 * from the flow, which is also how a language switch relabels it. */
static void
show_page (TrkWindow *self)
{
  GtkWidget *old_page = self->page;
  g_autofree char *name = g_strdup_printf ("page-%u", ++self->page_serial);
  GtkStackPage *stack_page;
  g_autofree char *title = NULL;

  self->page = build_page (self);
  trk_a11y_tidy (self->page);
  stack_page = gtk_stack_add_named (self->stack, self->page, name);
  /* Read as the page's name (GTK 4.8 reads "GtkStackPage" otherwise). */
  title = page_title (self);
  gtk_stack_page_set_title (stack_page, title);
  gtk_stack_set_visible_child (self->stack, self->page);
  if (old_page != NULL)
    gtk_stack_remove (self->stack, old_page);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          trk_flow_get_step (self->flow) != TRK_FLOW_STEP_WELCOME);
  _trk_window_update_actions (self);
  gtk_widget_grab_focus (self->page);
}

static GMenuModel *
build_menu (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) files = g_menu_new ();
  g_autoptr(GMenu) handbook = g_menu_new ();
  g_autoptr(GMenu) languages = g_menu_new ();
  g_autoptr(GMenu) language_section = g_menu_new ();
  g_autoptr(GMenu) privacy = g_menu_new ();
  g_autoptr(GMenu) help = g_menu_new ();
  static const TrkLang order[] = { TRK_LANG_KK, TRK_LANG_RU, TRK_LANG_EN };

  g_menu_append (files, _("_Open Answers…"), "win.open-answers");
  g_menu_append (files, _("_Save Answers…"), "win.save-answers");
  g_menu_append (files, _("Load _Rules…"), "app.load-rules");
  /* The handbook: every outcome on the date on screen, for staff. */
  g_menu_append (handbook, _("Save _Handbook…"), "win.save-handbook");
  g_menu_append (handbook, _("Print Ha_ndbook…"), "win.print-handbook");
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("app.language::%s",
                                                   trk_lang_to_string (order[i]));

      g_menu_append (languages, trk_lang_native_name (order[i]), detailed);
    }
  g_menu_append_submenu (language_section, _("_Language"), G_MENU_MODEL (languages));
  g_menu_append (privacy, _("_Forget My Answers…"), "app.forget-answers");
  g_menu_append (help, _("_Keyboard Shortcuts"), "win.show-help-overlay");
  g_menu_append (help, _("_About Tirkeu"), "app.about");

  g_menu_append_section (menu, NULL, G_MENU_MODEL (files));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (handbook));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (language_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (privacy));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (help));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* The shortcuts window in the current language. GTK builds one from the
 * same resource when the window joins the application, in the language of
 * that moment: it is kept (building it twice cost 6 % of the start-up,
 * tests/bench/RESULTS.md) and rebuilt only on a language switch. */
static void
load_help_overlay (TrkWindow *self)
{
  GtkShortcutsWindow *current =
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  const char *lang = trk_lang_to_string (_trk_window_get_language (self));
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  GObject *overlay;

  if (current != NULL)
    {
      const char *built = g_object_get_data (G_OBJECT (current), "trk-language");

      if (built == NULL || g_str_equal (built, lang))
        {
          g_object_set_data (G_OBJECT (current), "trk-language", (gpointer) lang);
          return;
        }
    }

  builder = gtk_builder_new ();
  /* The .ui names its domain; GTK 4.8 also setting it here reads freed memory. */
  if (!gtk_builder_add_from_resource (builder, APP_PATH "/gtk/help-overlay.ui", &error))
    g_error ("The shortcuts window is missing from the resources: %s", error->message);

  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_object_set_data (overlay, "trk-language", (gpointer) lang);
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (overlay));
}

/* Every text of the window in the current language. */
static void
relabel (TrkWindow *self)
{
  g_autoptr(GMenuModel) menu = build_menu ();

  gtk_menu_button_set_menu_model (self->menu_button, menu);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _("Main Menu"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button), _("Back"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->notice_close), _("Close"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);
  trk_a11y_name_icon_button (GTK_WIDGET (self->back_button), _("Back"));
  trk_a11y_name_icon_button (GTK_WIDGET (self->notice_close), _("Close"));
  trk_a11y_tidy (GTK_WIDGET (self->menu_button));
  trk_a11y_name_menu (self->menu_button, _("Main Menu"));
  load_help_overlay (self);
  show_page (self);
}

static void
answers_changed_cb (TrkWindow  *self,
                    TrkAnswers *answers)
{
  g_autoptr(GError) error = NULL;

  if (!trk_autosave_store (answers, &error))
    {
      g_autofree char *text =
        /* Translators: %s is the reason, e.g. "No space left on device" */
        g_strdup_printf (_("Your answers could not be kept on this computer: %s"),
                         error->message);

      _trk_window_show_notice (self, text);
    }
}

static void
rules_changed_cb (TrkWindow      *self,
                  GParamSpec     *pspec,
                  TrkApplication *app)
{
  trk_flow_set_rules (self->flow, trk_application_get_rules (app));
}

static TrkAnswers *
load_autosave (TrkWindow *self)
{
  g_autoptr(GError) error = NULL;
  TrkAnswers *answers = trk_autosave_load (&error);

  if (error != NULL)
    {
      g_autofree char *text =
        /* Translators: %s is the reason the file could not be read */
        g_strdup_printf (_("Your earlier answers could not be read: %s"), error->message);

      _trk_window_show_notice (self, text);
    }

  return answers != NULL ? answers : trk_answers_new ();
}

static void
restore_size (TrkWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
trk_window_close_request (GtkWindow *window)
{
  TrkWindow *self = TRK_WINDOW (window);
  int width;
  int height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (trk_window_parent_class)->close_request (window);
}

/* After construction: "application" is not a construct property. */
static void
setup (TrkWindow      *self,
       TrkApplication *app)
{
  g_autoptr(TrkAnswers) answers = NULL;

  self->settings = g_object_ref (trk_application_get_settings (app));
  restore_size (self);

  answers = load_autosave (self);
  self->flow = trk_flow_new (trk_application_get_rules (app), answers);
  g_signal_connect_object (answers, "changed", G_CALLBACK (answers_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flow, "moved", G_CALLBACK (show_page),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::language", G_CALLBACK (relabel),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::rules", G_CALLBACK (rules_changed_cb),
                           self, G_CONNECT_SWAPPED);

  relabel (self);
}

static void
trk_window_dispose (GObject *object)
{
  TrkWindow *self = TRK_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRK_TYPE_WINDOW);
  self->page = NULL;
  g_clear_object (&self->flow);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (trk_window_parent_class)->dispose (object);
}

static void
trk_window_class_init (TrkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = trk_window_dispose;
  window_class->close_request = trk_window_close_request;

  trk_resources_ensure ();
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/ui/trk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrkWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, TrkWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TrkWindow, notice_close);
  gtk_widget_class_bind_template_child (widget_class, TrkWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, TrkWindow, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrkWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, notice_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, notice_revealed_cb);

  _trk_window_class_add_actions (widget_class);
}

static void
trk_window_init (TrkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TrkWindow *
trk_window_new (TrkApplication *application)
{
  TrkWindow *self;

  g_return_val_if_fail (TRK_IS_APPLICATION (application), NULL);

  self = g_object_new (TRK_TYPE_WINDOW, "application", application, NULL);
  setup (self, application);
  return self;
}

TrkFlow *
trk_window_get_flow (TrkWindow *self)
{
  g_return_val_if_fail (TRK_IS_WINDOW (self), NULL);
  return self->flow;
}

GtkWidget *
trk_window_get_page (TrkWindow *self)
{
  g_return_val_if_fail (TRK_IS_WINDOW (self), NULL);
  return self->page;
}

void
trk_window_forget_answers (TrkWindow *self)
{
  g_return_if_fail (TRK_IS_WINDOW (self));

  trk_answers_clear (trk_flow_get_answers (self->flow));
  trk_flow_restart (self->flow);
}

const char *
trk_window_get_notice (TrkWindow *self)
{
  g_return_val_if_fail (TRK_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->notice_revealer))
    return NULL;
  return gtk_label_get_text (self->notice_label);
}
