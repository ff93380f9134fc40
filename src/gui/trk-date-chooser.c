/* trk-date-chooser.c - the assessment date, today unless changed
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-date-chooser.h"
#include "trk-lang-date.h"
#include "trk-month-calendar.h"
#include "trk-resources.h"

struct _TrkDateChooser
{
  GtkWidget    parent_instance;

  TrkAnswers  *answers;
  TrkLang      lang;

  GtkLabel    *caption;
  GtkMenuButton *button;
  GtkPopover  *popover;
  TrkMonthCalendar *calendar;
  GtkLabel    *note;
  gboolean     syncing;
};

G_DEFINE_FINAL_TYPE (TrkDateChooser, trk_date_chooser, GTK_TYPE_WIDGET)

static void
get_date (TrkDateChooser *self,
          GDate          *out_date)
{
  if (self->answers == NULL || !trk_answers_get_date (self->answers, out_date))
    g_date_set_time_t (out_date, time (NULL));
}

static void
sync_note (TrkDateChooser *self,
           const GDate    *date)
{
  GDate today;
  int cmp;

  g_date_set_time_t (&today, time (NULL));
  cmp = g_date_compare (date, &today);

  if (cmp < 0)
    gtk_label_set_text (self->note, _("This date is in the past: "
                                      "the rules in force on that day apply."));
  else if (cmp > 0)
    gtk_label_set_text (self->note, _("This date is in the future: "
                                      "the rules that will be in force on that day apply."));
  gtk_widget_set_visible (GTK_WIDGET (self->note), cmp != 0);
}

static void
sync_calendar (TrkDateChooser *self,
               const GDate    *date)
{
  self->syncing = TRUE;
  trk_month_calendar_set_date (self->calendar, date, self->lang);
  self->syncing = FALSE;
}

static void
sync_all (TrkDateChooser *self)
{
  g_autofree char *text = NULL;
  GDate date;

  get_date (self, &date);
  text = trk_lang_date_format (self->lang, &date);

  gtk_menu_button_set_label (self->button, text);
  sync_note (self, &date);
  sync_calendar (self, &date);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_widget_get_visible (GTK_WIDGET (self->note))
                                    ? gtk_label_get_text (self->note) : text,
                                  -1);
}

static void
set_date (TrkDateChooser *self,
          const GDate    *date)
{
  GDate today;

  g_return_if_fail (self->answers != NULL);

  /* Today is kept as "no date", so a resumed session follows the clock. */
  g_date_set_time_t (&today, time (NULL));
  if (date == NULL || g_date_compare (date, &today) == 0)
    trk_answers_set_date (self->answers, NULL);
  else
    trk_answers_set_date (self->answers, date);
}

static void
day_selected_cb (TrkDateChooser *self)
{
  GDate date;

  if (self->syncing || self->answers == NULL)
    return;

  trk_month_calendar_get_date (self->calendar, &date);
  if (g_date_valid (&date))
    set_date (self, &date);
}

static void
today_clicked_cb (TrkDateChooser *self)
{
  if (self->answers != NULL)
    set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

static void
popover_show_cb (TrkDateChooser *self)
{
  GDate date;

  get_date (self, &date);
  sync_calendar (self, &date);
}

static void
trk_date_chooser_dispose (GObject *object)
{
  TrkDateChooser *self = TRK_DATE_CHOOSER (object);
  GtkWidget *child;

  if (self->answers != NULL)
    g_signal_handlers_disconnect_by_data (self->answers, self);
  g_clear_object (&self->answers);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRK_TYPE_DATE_CHOOSER);
  /* Children the template does not bind are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trk_date_chooser_parent_class)->dispose (object);
}

static void
trk_date_chooser_class_init (TrkDateChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trk_date_chooser_dispose;

  g_type_ensure (TRK_TYPE_MONTH_CALENDAR);
  trk_resources_ensure ();
  /* A container only: read as nothing (the stack page names the page). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tirkeu/Tirkeu/ui/trk-date-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, TrkDateChooser, button);
  gtk_widget_class_bind_template_child (widget_class, TrkDateChooser, calendar);
  gtk_widget_class_bind_template_child (widget_class, TrkDateChooser, caption);
  gtk_widget_class_bind_template_child (widget_class, TrkDateChooser, note);
  gtk_widget_class_bind_template_child (widget_class, TrkDateChooser, popover);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
}

static void
trk_date_chooser_init (TrkDateChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->caption, NULL,
                                  -1);
  sync_all (self);
}

GtkWidget *
trk_date_chooser_new (void)
{
  return g_object_new (TRK_TYPE_DATE_CHOOSER, NULL);
}

void
trk_date_chooser_set_answers (TrkDateChooser *self,
                              TrkAnswers     *answers,
                              TrkLang         lang)
{
  g_return_if_fail (TRK_IS_DATE_CHOOSER (self));
  g_return_if_fail (answers == NULL || TRK_IS_ANSWERS (answers));

  if (self->answers != NULL)
    g_signal_handlers_disconnect_by_data (self->answers, self);
  g_set_object (&self->answers, answers);
  self->lang = lang;
  if (answers != NULL)
    g_signal_connect_swapped (answers, "changed", G_CALLBACK (sync_all), self);

  sync_all (self);
}

void
trk_date_chooser_select (TrkDateChooser *self,
                         const GDate    *date)
{
  g_return_if_fail (TRK_IS_DATE_CHOOSER (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  sync_calendar (self, date);
  day_selected_cb (self);
}

GtkWidget *
trk_date_chooser_get_calendar (TrkDateChooser *self)
{
  g_return_val_if_fail (TRK_IS_DATE_CHOOSER (self), NULL);
  return GTK_WIDGET (self->calendar);
}
