/* trk-clamp.c - keeps a page's column readable on wide windows
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-clamp.h"

struct _TrkClamp
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  int        maximum_size;
};

static void trk_clamp_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrkClamp, trk_clamp, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, trk_clamp_buildable_init))

enum {
  PROP_0,
  PROP_CHILD,
  PROP_MAXIMUM_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

static int
child_width (TrkClamp *self,
             int       width)
{
  int child_min;

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1,
                      &child_min, NULL, NULL, NULL);
  return MIN (width, MAX (self->maximum_size, child_min));
}

static void
trk_clamp_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  TrkClamp *self = TRK_CLAMP (widget);
  int child_min = 0;
  int child_nat = 0;

  if (self->child == NULL)
    return;

  /* Height-for-width only: asked for a width at a given height (GtkViewport
   * does so for its horizontal adjustment), give the plain width. Passing
   * the height on makes every wrapping label binary-search its width,
   * dozens of Pango layouts each (tests/bench/RESULTS.md). */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  else if (for_size >= 0)
    for_size = child_width (self, for_size);

  gtk_widget_measure (self->child, orientation, for_size,
                      &child_min, &child_nat, NULL, NULL);

  *minimum = child_min;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL
             ? MAX (child_min, MIN (child_nat, self->maximum_size))
             : child_nat;
}

static void
trk_clamp_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  TrkClamp *self = TRK_CLAMP (widget);
  GtkAllocation allocation;

  if (self->child == NULL)
    return;

  allocation.width = child_width (self, width);
  allocation.x = (width - allocation.width) / 2;
  allocation.y = 0;
  allocation.height = height;
  gtk_widget_size_allocate (self->child, &allocation, baseline);
}

static GtkSizeRequestMode
trk_clamp_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
trk_clamp_dispose (GObject *object)
{
  TrkClamp *self = TRK_CLAMP (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (trk_clamp_parent_class)->dispose (object);
}

static void
trk_clamp_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TrkClamp *self = TRK_CLAMP (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_MAXIMUM_SIZE:
      g_value_set_int (value, self->maximum_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trk_clamp_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TrkClamp *self = TRK_CLAMP (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      trk_clamp_set_child (self, g_value_get_object (value));
      break;
    case PROP_MAXIMUM_SIZE:
      if (self->maximum_size != g_value_get_int (value))
        {
          self->maximum_size = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trk_clamp_class_init (TrkClampClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trk_clamp_dispose;
  object_class->get_property = trk_clamp_get_property;
  object_class->set_property = trk_clamp_set_property;
  widget_class->measure = trk_clamp_measure;
  widget_class->size_allocate = trk_clamp_size_allocate;
  widget_class->get_request_mode = trk_clamp_get_request_mode;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* In logical pixels: grows with the text scale only through the child's minimum. */
  properties[PROP_MAXIMUM_SIZE] =
    g_param_spec_int ("maximum-size", NULL, NULL, 0, G_MAXINT, 640,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Layout only: read as nothing (GTK 4.8 would read "TrkClamp"). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
trk_clamp_init (TrkClamp *self)
{
  self->maximum_size = 640;
}

static void
trk_clamp_add_child (GtkBuildable *buildable,
                     GtkBuilder   *builder,
                     GObject      *child,
                     const char   *type)
{
  if (GTK_IS_WIDGET (child))
    trk_clamp_set_child (TRK_CLAMP (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
trk_clamp_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = trk_clamp_add_child;
}

GtkWidget *
trk_clamp_new (void)
{
  return g_object_new (TRK_TYPE_CLAMP, NULL);
}

GtkWidget *
trk_clamp_wrap_text (GtkWidget *child)
{
  GtkWidget *clamp;

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);

  clamp = g_object_new (TRK_TYPE_CLAMP, "maximum-size", G_MAXINT,
                        "hexpand", gtk_widget_get_hexpand (child), NULL);
  trk_clamp_set_child (TRK_CLAMP (clamp), child);
  return clamp;
}

void
trk_clamp_set_child (TrkClamp  *self,
                     GtkWidget *child)
{
  g_return_if_fail (TRK_IS_CLAMP (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
