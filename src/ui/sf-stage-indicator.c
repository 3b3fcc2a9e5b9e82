/* sf-stage-indicator.c — six steps: done, current, ahead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of six steps, each a numbered dot (a check mark once done) over the
 * stage's name. The look comes from style.css (.stage-step.done, .current,
 * .ahead); assistive technology reads one sentence, "Stage 3 of 6:
 * Discovery".
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-stage-indicator.h"

struct _SfStageIndicator
{
  GtkWidget parent_instance;

  GtkWidget *steps[SF_N_STAGES];
  GtkWidget *dots[SF_N_STAGES];
};

G_DEFINE_FINAL_TYPE (SfStageIndicator, sf_stage_indicator, GTK_TYPE_WIDGET)

static void
sf_stage_indicator_dispose (GObject *object)
{
  SfStageIndicator *self = (SfStageIndicator *) object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sf_stage_indicator_parent_class)->dispose (object);
}

static void
sf_stage_indicator_class_init (SfStageIndicatorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_stage_indicator_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stage-indicator");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
sf_stage_indicator_init (SfStageIndicator *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_box_layout_set_spacing (layout, 4);

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      GtkWidget *step = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *name = gtk_label_new (sf_stage_get_name (s));
      g_autofree char *number = g_strdup_printf ("%d", s + 1);

      self->dots[s] = gtk_label_new (number);
      gtk_widget_set_halign (self->dots[s], GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->dots[s], "dot");
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (step, TRUE);
      gtk_widget_add_css_class (name, "caption");
      gtk_widget_set_tooltip_text (step, sf_stage_get_name (s));
      gtk_box_append (GTK_BOX (step), self->dots[s]);
      gtk_box_append (GTK_BOX (step), name);
      gtk_widget_add_css_class (step, "stage-step");
      gtk_widget_set_parent (step, GTK_WIDGET (self));
      self->steps[s] = step;
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 1.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) SF_N_STAGES,
                                  -1);
}

GtkWidget *
sf_stage_indicator_new (void)
{
  return g_object_new (SF_TYPE_STAGE_INDICATOR, NULL);
}

/**
 * sf_stage_indicator_set_state:
 *
 * Shows @stage as current, the stages before it as done (all of them for
 * a won deal) and marks the whole row as lost for a lost deal.
 */
void
sf_stage_indicator_set_state (SfStageIndicator *self,
                              SfStage           stage,
                              SfDealStatus      status)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SF_IS_STAGE_INDICATOR (self));
  g_return_if_fail (sf_stage_is_valid (stage));

  for (int s = SF_STAGE_FIRST; s <= SF_STAGE_LAST; s++)
    {
      gboolean done = s < (int) stage || (s == (int) stage && status == SF_DEAL_STATUS_WON);
      g_autofree char *number = g_strdup_printf ("%d", s + 1);

      gtk_widget_remove_css_class (self->steps[s], "done");
      gtk_widget_remove_css_class (self->steps[s], "current");
      gtk_widget_remove_css_class (self->steps[s], "ahead");
      gtk_widget_add_css_class (self->steps[s],
                                done ? "done" : s == (int) stage ? "current" : "ahead");
      gtk_label_set_text (GTK_LABEL (self->dots[s]), done ? "✓" : number);
      /* The current stage's name is always whole; the others may shorten. */
      gtk_label_set_ellipsize (GTK_LABEL (gtk_widget_get_last_child (self->steps[s])),
                               s == (int) stage ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
    }

  if (status == SF_DEAL_STATUS_LOST)
    gtk_widget_add_css_class (GTK_WIDGET (self), "lost");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "lost");

  /* Translators: for screen readers, “Stage 3 of 6: Discovery” */
  text = g_strdup_printf (_("Stage %d of %d: %s"), stage + 1, SF_N_STAGES, sf_stage_get_name (stage));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) stage + 1,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}
