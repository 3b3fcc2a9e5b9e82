/* sf-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-window.h"

struct _SfWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkColumnView *deal_list;

  /* owned */
  SfPipeline *pipeline;
};

G_DEFINE_FINAL_TYPE (SfWindow, sf_window, ADW_TYPE_APPLICATION_WINDOW)

static char *
stage_name_cb (gpointer unused,
               SfStage  stage)
{
  return g_strdup (sf_stage_get_name (stage));
}

static void
sf_window_dispose (GObject *object)
{
  SfWindow *self = (SfWindow *) object;

  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (sf_window_parent_class)->dispose (object);
}

static void
sf_window_class_init (SfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_window_dispose;

  g_type_ensure (SF_TYPE_DEAL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SfWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SfWindow, deal_list);
  gtk_widget_class_bind_template_callback (widget_class, stage_name_cb);
}

static void
sf_window_init (SfWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
loaded_cb (SfWindow   *self,
           GParamSpec *pspec,
           SfPipeline *pipeline)
{
  if (sf_pipeline_get_loaded (pipeline))
    gtk_stack_set_visible_child_name (self->stack, "deals");
}

static void
load_failed_cb (SfWindow     *self,
                const GError *error,
                SfPipeline   *pipeline)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/**
 * sf_window_new:
 * @store: (nullable): the open database, or %NULL when it could not be opened
 * @open_error: (nullable): why @store is %NULL, shown in the window
 *
 * Returns: (transfer none): the window, which loads the pipeline after it
 *   is shown
 */
SfWindow *
sf_window_new (AdwApplication *application,
               SfStore        *store,
               const GError   *open_error)
{
  SfWindow *self = g_object_new (SF_TYPE_WINDOW, "application", application, NULL);

  if (store == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       open_error ? open_error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return self;
    }

  self->pipeline = sf_pipeline_new (store);
  g_signal_connect_object (self->pipeline, "notify::loaded", G_CALLBACK (loaded_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pipeline, "load-failed", G_CALLBACK (load_failed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->deal_list,
                             GTK_SELECTION_MODEL (gtk_single_selection_new (
                               g_object_ref (sf_pipeline_get_deals (self->pipeline)))));
  sf_pipeline_load (self->pipeline);

  return self;
}

/**
 * sf_window_get_pipeline:
 *
 * Returns: (transfer none) (nullable): the open pipeline
 */
SfPipeline *
sf_window_get_pipeline (SfWindow *self)
{
  g_return_val_if_fail (SF_IS_WINDOW (self), NULL);
  return self->pipeline;
}
