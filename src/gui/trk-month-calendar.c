/* trk-month-calendar.c - one month of days to pick a date from
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkCalendar takes its month and weekday names and the first day of the
 * week from the C library's locale, fixed when the first calendar is made:
 * English and a Sunday-first week on a machine without kk or ru locales,
 * and never following the language chosen in the app. This one takes
 * every name from Tirkeu's own catalogs, in the language of the page, and
 * starts the week on Monday, as in Kazakhstan. Days are toggle buttons in
 * one group: arrow keys move between them, Enter or Space picks one, Page
 * Up and Page Down change the month, and each is named for screen readers
 * by its full date.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trk-lang-date.h"
#include "trk-month-calendar.h"
#include "trk-resources.h"

#define FIRST_DAY_ROW 1  /* row 0 holds the weekday names */

struct _TrkMonthCalendar
{
  GtkWidget   parent_instance;

  GtkLabel   *heading;
  GtkGrid    *grid;

  TrkLang     lang;
  GDate       shown;      /* the first day of the month shown */
  GDate       selected;   /* cleared when nothing is selected */
  GtkWidget  *days[31];   /* the buttons of the month shown */
  guint       n_days;
  gboolean    syncing;
};

enum
{
  DAY_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TrkMonthCalendar, trk_month_calendar, GTK_TYPE_WIDGET)

static gboolean
selected_is_shown (TrkMonthCalendar *self)
{
  return g_date_valid (&self->selected)
         && g_date_get_month (&self->selected) == g_date_get_month (&self->shown)
         && g_date_get_year (&self->selected) == g_date_get_year (&self->shown);
}

/* Marks the selected day's button, without emitting anything. */
static void
sync_selection (TrkMonthCalendar *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < self->n_days; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->days[i]),
                                  selected_is_shown (self)
                                  && g_date_get_day (&self->selected) == i + 1);
  self->syncing = FALSE;
}

static void
day_toggled_cb (GtkToggleButton  *button,
                TrkMonthCalendar *self)
{
  guint day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "trk-day"));

  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;

  g_date_set_dmy (&self->selected, (GDateDay) day, g_date_get_month (&self->shown),
                  g_date_get_year (&self->shown));
  g_signal_emit (self, signals[DAY_SELECTED], 0);
}

static void
clear_grid (TrkMonthCalendar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  self->n_days = 0;
}

static void
add_weekday_names (TrkMonthCalendar *self)
{
  for (GDateWeekday weekday = G_DATE_MONDAY; weekday <= G_DATE_SUNDAY; weekday++)
    {
      /* The buttons carry their full dates: the names are for the eye. */
      GtkWidget *name = g_object_new (GTK_TYPE_LABEL,
                                      "label", trk_lang_weekday_short (self->lang, weekday),
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);

      gtk_widget_add_css_class (name, "caption");
      gtk_widget_add_css_class (name, "dim-label");
      gtk_grid_attach (self->grid, name, weekday - G_DATE_MONDAY, 0, 1, 1);
    }
}

static GtkWidget *
new_day_button (TrkMonthCalendar *self,
                const GDate      *date,
                const GDate      *today,
                GtkToggleButton  *group)
{
  g_autofree char *number = g_strdup_printf ("%u", (guint) g_date_get_day (date));
  g_autofree char *spoken = trk_lang_date_format (self->lang, date);
  GtkWidget *button = gtk_toggle_button_new_with_label (number);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "trk-day");
  if (g_date_compare (date, today) == 0)
    {
      g_autofree char *today_spoken = NULL;

      gtk_widget_add_css_class (button, "trk-today");
      /* Translators: a screen reader's name for today's button in the
       * calendar; %s is the full date */
      today_spoken = g_strdup_printf (_("%s, today"), spoken);
      g_free (spoken);
      spoken = g_steal_pointer (&today_spoken);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
  g_object_set_data (G_OBJECT (button), "trk-day",
                     GUINT_TO_POINTER ((guint) g_date_get_day (date)));
  g_signal_connect (button, "toggled", G_CALLBACK (day_toggled_cb), self);
  return button;
}

/* Lays out the month shown: weekday names, then one row per week. */
static void
rebuild (TrkMonthCalendar *self)
{
  g_autofree char *heading = NULL;
  GDateMonth month = g_date_get_month (&self->shown);
  GDateYear year = g_date_get_year (&self->shown);
  guint first_column = g_date_get_weekday (&self->shown) - G_DATE_MONDAY;
  GDate today;
  GDate date;

  g_date_set_time_t (&today, time (NULL));
  heading = trk_lang_month_heading (self->lang, year, month);
  gtk_label_set_text (self->heading, heading);

  clear_grid (self);
  add_weekday_names (self);
  self->n_days = g_date_get_days_in_month (month, year);
  for (guint i = 0; i < self->n_days; i++)
    {
      guint cell = first_column + i;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) (i + 1), month, year);
      self->days[i] = new_day_button (self, &date, &today,
                                      i > 0 ? GTK_TOGGLE_BUTTON (self->days[0]) : NULL);
      gtk_grid_attach (self->grid, self->days[i], cell % 7, FIRST_DAY_ROW + cell / 7, 1, 1);
    }
  sync_selection (self);
}

/* The day button that has the keyboard focus, or 0. */
static guint
focused_day (TrkMonthCalendar *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  for (guint i = 0; focus != NULL && i < self->n_days; i++)
    if (self->days[i] == focus)
      return i + 1;
  return 0;
}

void
trk_month_calendar_move_month (TrkMonthCalendar *self,
                               int               delta)
{
  guint focused;

  g_return_if_fail (TRK_IS_MONTH_CALENDAR (self));

  focused = gtk_widget_get_root (GTK_WIDGET (self)) != NULL ? focused_day (self) : 0;
  if (delta > 0)
    g_date_add_months (&self->shown, (guint) delta);
  else if (delta < 0)
    g_date_subtract_months (&self->shown, (guint) -delta);
  rebuild (self);

  /* Paging with the keyboard keeps the focus on the same day number. */
  if (focused > 0)
    gtk_widget_grab_focus (self->days[MIN (focused, self->n_days) - 1]);
}

static void
prev_clicked_cb (TrkMonthCalendar *self)
{
  trk_month_calendar_move_month (self, -1);
}

static void
next_clicked_cb (TrkMonthCalendar *self)
{
  trk_month_calendar_move_month (self, 1);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TrkMonthCalendar      *self)
{
  switch (keyval)
    {
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      trk_month_calendar_move_month (self, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      trk_month_calendar_move_month (self, 1);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* The keyboard lands on the selected day, else on the first. */
static gboolean
trk_month_calendar_grab_focus (GtkWidget *widget)
{
  TrkMonthCalendar *self = TRK_MONTH_CALENDAR (widget);

  if (self->n_days == 0)
    return FALSE;
  return gtk_widget_grab_focus (self->days[selected_is_shown (self)
                                           ? g_date_get_day (&self->selected) - 1 : 0]);
}

static void
trk_month_calendar_dispose (GObject *object)
{
  TrkMonthCalendar *self = TRK_MONTH_CALENDAR (object);
  GtkWidget *child;

  self->n_days = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), TRK_TYPE_MONTH_CALENDAR);
  /* Children the template does not bind are unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trk_month_calendar_parent_class)->dispose (object);
}

static void
trk_month_calendar_class_init (TrkMonthCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trk_month_calendar_dispose;
  widget_class->grab_focus = trk_month_calendar_grab_focus;

  /* Emitted when a person picks a day. */
  signals[DAY_SELECTED] = g_signal_new ("day-selected", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);

  trk_resources_ensure ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tirkeu/Tirkeu/ui/trk-month-calendar.ui");
  gtk_widget_class_bind_template_child (widget_class, TrkMonthCalendar, grid);
  gtk_widget_class_bind_template_child (widget_class, TrkMonthCalendar, heading);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, prev_clicked_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
trk_month_calendar_init (TrkMonthCalendar *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_date_clear (&self->selected, 1);
  g_date_clear (&self->shown, 1);
  g_date_set_time_t (&self->shown, time (NULL));
  g_date_set_day (&self->shown, 1);
  self->lang = TRK_LANG_EN;
  /* Empty until trk_month_calendar_set_date() says which month, in which
   * language: the pages that hold one set both at once. */
}

GtkWidget *
trk_month_calendar_new (void)
{
  return g_object_new (TRK_TYPE_MONTH_CALENDAR, NULL);
}

void
trk_month_calendar_set_date (TrkMonthCalendar *self,
                             const GDate      *date,
                             TrkLang           lang)
{
  g_return_if_fail (TRK_IS_MONTH_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (lang < TRK_N_LANGS);

  self->selected = *date;
  if (self->n_days > 0 && self->lang == lang && selected_is_shown (self))
    {
      sync_selection (self);
      return;
    }
  self->lang = lang;
  self->shown = *date;
  g_date_set_day (&self->shown, 1);
  rebuild (self);
}

void
trk_month_calendar_get_date (TrkMonthCalendar *self,
                             GDate            *out_date)
{
  g_return_if_fail (TRK_IS_MONTH_CALENDAR (self));
  g_return_if_fail (out_date != NULL);

  *out_date = self->selected;
}

const char *
trk_month_calendar_get_heading (TrkMonthCalendar *self)
{
  g_return_val_if_fail (TRK_IS_MONTH_CALENDAR (self), NULL);
  return gtk_label_get_text (self->heading);
}

GtkWidget *
trk_month_calendar_get_day_button (TrkMonthCalendar *self,
                                   guint             day)
{
  g_return_val_if_fail (TRK_IS_MONTH_CALENDAR (self), NULL);
  return day >= 1 && day <= self->n_days ? self->days[day - 1] : NULL;
}
