/* trk-application.c - the Tirkeu application: settings, rules, language
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-application.h"
#include "trk-a11y.h"
#include "trk-autosave.h"
#include "trk-color-scheme.h"
#include "trk-error-dialog.h"
#include "trk-file-chooser.h"
#include "trk-lang-date.h"
#include "trk-i18n.h"
#include "trk-gsk-backend.h"
#include "trk-resources.h"
#include "trk-window.h"

#define SCHEMA_ID "io.github.tirkeu.Tirkeu"

struct _TrkApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
  TrkRuleSet     *rules;
  GError         *rules_error;
  TrkLang         language;
};

G_DEFINE_FINAL_TYPE (TrkApplication, trk_application, GTK_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_RULES,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing saves each window's size; the answers are saved already. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
  g_application_quit (app);
}

static char *
about_comments (TrkApplication *self)
{
  g_autofree char *checked = NULL;
  GDate date;

  if (trk_date_parse (trk_rule_set_get_checked (self->rules), &date))
    checked = trk_lang_date_format (self->language, &date);
  else
    checked = g_strdup (trk_rule_set_get_checked (self->rules));

  /* Translators: %1$s is the rules' id, %2$s their version, %3$s a date */
  return g_strdup_printf (_("Tells a foreigner whether Kazakhstan’s mandatory dactyloscopy "
                            "registration applies, and what to bring.\n\n"
                            "Rules: %1$s, version %2$s, checked against the law on %3$s.\n"
                            "This is not legal advice."),
                          trk_rule_set_get_id (self->rules),
                          trk_rule_set_get_version (self->rules), checked);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  TrkApplication *self = TRK_APPLICATION (user_data);
  g_autofree char *comments = about_comments (self);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  /* Read as a dialog (GTK 4.8 gives GtkAboutDialog no role: "filler"). */
  dialog = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                         "transient-for", parent,
                         "modal", TRUE,
                         "program-name", "Tirkeu",
                         "logo-icon-name", "io.github.tirkeu.Tirkeu",
                         "version", PACKAGE_VERSION,
                         "comments", comments,
                         "copyright", "© 2026 The Tirkeu developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
  trk_a11y_tidy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
language_change_state (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  TrkLang lang;

  if (trk_lang_from_string (g_variant_get_string (value, NULL), &lang))
    trk_application_set_language (TRK_APPLICATION (user_data), lang);
}

static void
load_rules_response (GtkNativeDialog *chooser,
                     int              response,
                     TrkApplication  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  file = trk_file_chooser_take_file (chooser, response);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!trk_application_load_rules_file (self, path, &error))
    trk_error_dialog_show (gtk_application_get_active_window (GTK_APPLICATION (self)),
                           _("These rules cannot be used"), error->message);
}

static void
load_rules_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  TrkApplication *self = TRK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Rules files"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_pattern (filter, "*.xml");

  chooser = trk_file_chooser_new (parent, _("Load Rules"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Load"),
                                  filter);
  g_signal_connect (chooser, "response", G_CALLBACK (load_rules_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
forget_response (GtkDialog      *dialog,
                 int             response,
                 TrkApplication *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT)
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (TRK_IS_WINDOW (l->data))
      trk_window_forget_answers (TRK_WINDOW (l->data));

  if (!trk_autosave_forget (&error))
    trk_error_dialog_show (parent, _("Your answers could not be removed"), error->message);
}

static void
forget_answers_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  TrkApplication *self = TRK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;
  GtkWidget *forget;

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", _("Forget your answers?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The answers kept on this computer are deleted and "
                                              "the questions start again. Files you saved "
                                              "yourself are not touched."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  forget = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Forget"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (forget, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (forget_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "language", NULL, "s", "'en'", language_change_state },
  { "load-rules", load_rules_activated },
  { "forget-answers", forget_answers_activated },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "win.open-answers", { "<Control>o", NULL } },
  { "win.save-answers", { "<Control>s", NULL } },
  { "win.save-pdf", { "<Control><Shift>s", NULL } },
  { "win.print", { "<Control>p", NULL } },
};

static void apply_language (TrkApplication *self,
                            TrkLang         lang);

static TrkLang
initial_language (TrkApplication *self)
{
  g_autofree char *code = g_settings_get_string (self->settings, "language");
  TrkLang lang;

  if (trk_lang_from_string (code, &lang))
    return lang;

  return trk_i18n_system_language ();
}

static void
load_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, APP_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
trk_application_startup (GApplication *app)
{
  TrkApplication *self = TRK_APPLICATION (app);

  G_APPLICATION_CLASS (trk_application_parent_class)->startup (app);
  trk_gsk_backend_started ();

  self->settings = g_settings_new (SCHEMA_ID);
  self->rules = trk_rule_set_new_builtin (&self->rules_error);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), app_accels[i].action,
                                           app_accels[i].accels);

  apply_language (self, initial_language (self));
  load_css ();
  trk_color_scheme_follow_system ();
}

static void
trk_application_activate (GApplication *app)
{
  TrkApplication *self = TRK_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (self->rules == NULL)
    {
      /* Nothing works without rules: say why instead of showing a wizard. */
      GtkWidget *dialog = gtk_message_dialog_new (NULL, 0, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                  "%s", _("The built-in rules are damaged"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                self->rules_error->message);
      gtk_application_add_window (GTK_APPLICATION (app), GTK_WINDOW (dialog));
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (window == NULL)
    window = GTK_WINDOW (trk_window_new (self));

  gtk_window_present (window);
}

/* The wizard window the user worked in last (the active window may be a
 * dialog), or NULL. */
static TrkWindow *
last_wizard_window (TrkApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (TRK_IS_WINDOW (l->data))
      return TRK_WINDOW (l->data);

  return NULL;
}

/* `tirkeu FILE…`, a double-click on a saved answers file, or a second
 * start that hands its files to this instance: the first file goes to the
 * window already open, each further one to a new window. A file that
 * cannot be read leaves the window's answers as they were. */
static void
trk_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  TrkApplication *self = TRK_APPLICATION (app);
  TrkWindow *window;

  if (self->rules == NULL)
    {
      trk_application_activate (app);
      return;
    }

  window = last_wizard_window (self);
  for (int i = 0; i < n_files; i++)
    {
      if (window == NULL || i > 0)
        window = trk_window_new (self);
      gtk_window_present (GTK_WINDOW (window));
      trk_window_open_answers (window, files[i]);
    }
}

static void
trk_application_dispose (GObject *object)
{
  TrkApplication *self = TRK_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->rules);
  g_clear_error (&self->rules_error);

  G_OBJECT_CLASS (trk_application_parent_class)->dispose (object);
}

static void
trk_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TrkApplication *self = TRK_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_RULES:
      g_value_set_object (value, self->rules);
      break;
    case PROP_LANGUAGE:
      g_value_set_int (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trk_application_class_init (TrkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = trk_application_dispose;
  object_class->get_property = trk_application_get_property;
  app_class->startup = trk_application_startup;
  app_class->activate = trk_application_activate;
  app_class->open = trk_application_open;

  properties[PROP_RULES] =
    g_param_spec_object ("rules", NULL, NULL, TRK_TYPE_RULE_SET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* A TrkLang; an int since the core has no enum GType. */
  properties[PROP_LANGUAGE] =
    g_param_spec_int ("language", NULL, NULL, TRK_LANG_EN, TRK_N_LANGS - 1, TRK_LANG_EN,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trk_application_init (TrkApplication *self)
{
  self->language = TRK_LANG_EN;
  trk_resources_ensure ();
}

TrkApplication *
trk_application_new (void)
{
  trk_i18n_init ();
  /* gettext is set up by trk_i18n_init(): GTK must not reset the locale. */
  if (!gtk_is_initialized ())
    gtk_disable_setlocale ();

  return g_object_new (TRK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", APP_PATH,
                       NULL);
}

GSettings *
trk_application_get_settings (TrkApplication *self)
{
  g_return_val_if_fail (TRK_IS_APPLICATION (self), NULL);
  return self->settings;
}

TrkRuleSet *
trk_application_get_rules (TrkApplication *self)
{
  g_return_val_if_fail (TRK_IS_APPLICATION (self), NULL);
  return self->rules;
}

void
trk_application_set_rules (TrkApplication *self,
                           TrkRuleSet     *rules)
{
  g_return_if_fail (TRK_IS_APPLICATION (self));
  g_return_if_fail (TRK_IS_RULE_SET (rules));

  if (g_set_object (&self->rules, rules))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULES]);
}

TrkLang
trk_application_get_language (TrkApplication *self)
{
  g_return_val_if_fail (TRK_IS_APPLICATION (self), TRK_LANG_EN);
  return self->language;
}

static void
apply_language (TrkApplication *self,
                TrkLang         lang)
{
  GAction *action;

  trk_i18n_set_language (lang);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "language");
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action),
                               g_variant_new_string (trk_lang_to_string (lang)));

  if (self->language != lang)
    {
      self->language = lang;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
    }
}

void
trk_application_set_language (TrkApplication *self,
                              TrkLang         lang)
{
  g_return_if_fail (TRK_IS_APPLICATION (self));
  g_return_if_fail (lang < TRK_N_LANGS);

  /* The user chose: remember it (an empty setting follows the system). */
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "language", trk_lang_to_string (lang));
  apply_language (self, lang);
}

gboolean
trk_application_load_rules_file (TrkApplication  *self,
                                 const char      *path,
                                 GError         **error)
{
  g_autoptr(TrkRuleSet) rules = NULL;

  g_return_val_if_fail (TRK_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  rules = trk_rule_set_new_from_file (path, error);
  if (rules == NULL)
    return FALSE;

  trk_application_set_rules (self, rules);
  return TRUE;
}
