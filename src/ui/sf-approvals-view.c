/* sf-approvals-view.c — the Approvals tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the person using Salesflow: when they are a manager, the requests
 * they can decide now (sf_pipeline_list_waiting_requests()); for everyone,
 * the requests they made, with where each stands. Activating a request
 * opens the sign-off dialog (win.sign-off) for a manager, offers to
 * recall one's own pending request (win.recall-request), or opens the
 * deal. Above them, the verdict on the approval ledger
 * (sf_pipeline_verify_ledger()): a line when it is whole, a warning naming
 * the entry when something was changed outside Salesflow.
 *
 * The lists are read again after every request, decision or change of
 * figures (SfPipeline:approvals-revision), when another person starts
 * using Salesflow, and whenever the tab is shown; the ledger, which is
 * walked whole, only while the tab is shown, and on a worker thread with a
 * connection of its own (sf_pipeline_verify_ledger_async()): at a million
 * deals the walk and its checks take seconds, which the tab's first
 * frame does not wait for. Until the verdict comes the line keeps the
 * last one.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-approvals-view.h"
#include "sf-figures-text.h"
#include "sf-ui-util.h"

struct _SfApprovalsView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *scroller;
  GtkWidget *ledger_box;
  GtkImage *ledger_icon;
  GtkLabel *ledger_label;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkWidget *waiting_group;
  GtkListBox *waiting_list;
  GtkWidget *mine_group;
  GtkListBox *mine_list;

  /* owned */
  SfPipeline *pipeline;
  GCancellable *ledger_cancellable;

  guint n_waiting;
};

G_DEFINE_FINAL_TYPE (SfApprovalsView, sf_approvals_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_WAITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_age (gint64 now,
            gint64 then)
{
  gint64 seconds = MAX (now - then, 0);
  gulong hours = seconds / 3600, days = seconds / 86400;

  if (hours == 0)
    /* Translators: how long ago a request was made */
    return g_strdup (_("just now"));
  if (days == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: how long ago a request was made */
                                         "%lu hour ago", "%lu hours ago", hours), hours);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: how long ago a request was made */
                                       "%lu day ago", "%lu days ago", days), days);
}

static char *
describe (SfApprovalsView   *self,
          SfApprovalRequest *request,
          gboolean           waiting)
{
  g_autofree char *summary = sf_figures_summarize (sf_approval_request_get_kind (request),
                                                   sf_approval_request_get_figures (request));
  g_autofree char *age = format_age (sf_pipeline_now (self->pipeline), sf_approval_request_get_requested_at (request));
  const char *comment = sf_approval_request_get_comment (request);
  GString *text = g_string_new (summary);

  g_string_append_c (text, '\n');
  if (waiting)
    /* Translators: who asked for approval and how long ago: “Anna Berg · 3 days ago” */
    g_string_append_printf (text, _("Asked by %s · %s"),
                            sf_ui_person_name (self->pipeline, sf_approval_request_get_requester_id (request)),
                            age);
  else if (sf_approval_request_get_addressed_to (request) != 0)
    /* Translators: the manager asked and how long ago: “Of Lukas Schneider · 3 days ago” */
    g_string_append_printf (text, _("Of %s · %s"),
                            sf_ui_person_name (self->pipeline, sf_approval_request_get_addressed_to (request)),
                            age);
  else
    /* Translators: asked of any manager, how long ago: “Of any manager · 3 days ago” */
    g_string_append_printf (text, _("Of any manager · %s"), age);

  if (sf_approval_request_get_status (request) == SF_APPROVAL_STATUS_REJECTED && comment != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: the manager who rejected and their comment */
      g_string_append_printf (text, _("Rejected by %s: %s"),
                              sf_ui_person_name (self->pipeline, sf_approval_request_get_decider_id (request)),
                              comment);
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
build_row (SfApprovalsView   *self,
           SfApprovalRequest *request,
           gboolean           waiting)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = gtk_label_new (sf_approval_status_get_name (sf_approval_request_get_status (request)));
  g_autofree char *subtitle = describe (self, request, waiting);
  g_autofree char *name = g_strdup_printf ("request-%" G_GINT64_FORMAT, sf_approval_request_get_id (request));
  const char *title = sf_approval_request_get_deal_title (request);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "status-pill");
  gtk_widget_add_css_class (pill, sf_approval_status_get_key (sf_approval_request_get_status (request)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), "request", g_object_ref (request), g_object_unref);
  g_object_set_data (G_OBJECT (row), "waiting", GINT_TO_POINTER (waiting));
  return row;
}

static void
fill_list (SfApprovalsView *self,
           GtkListBox      *list,
           GPtrArray       *requests,
           gboolean         waiting)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; requests && i < requests->len; i++)
    gtk_list_box_append (list, build_row (self, g_ptr_array_index (requests, i), waiting));

  if (waiting && (requests == NULL || requests->len == 0))
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing waits for your sign-off."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (list, row);
    }
}

static void
show_verdict (SfApprovalsView      *self,
              const SfLedgerReport *report,
              const GError         *error)
{
  g_autofree char *text = NULL;
  gboolean whole;

  if (error != NULL)
    {
      whole = FALSE;
      /* Translators: %s says why the approval ledger could not be read */
      text = g_strdup_printf (_("The approval ledger could not be checked: %s"), error->message);
    }
  else if (report->verdict == SF_LEDGER_WHOLE)
    {
      whole = TRUE;
      text = g_strdup (report->description);
    }
  else
    {
      whole = FALSE;
      /* Translators: %s names what was changed in the approval ledger */
      text = g_strdup_printf (_("%s. The database was changed outside Salesflow: the approvals shown may not be what the managers decided."),
                              report->description);
    }

  gtk_label_set_text (self->ledger_label, text);
  gtk_image_set_from_icon_name (self->ledger_icon, whole ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (self->ledger_box, whole ? "ledger-broken" : "ledger-whole");
  gtk_widget_add_css_class (self->ledger_box, whole ? "ledger-whole" : "ledger-broken");
}

static void
ledger_verified_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(SfApprovalsView) self = data;
  g_autoptr(GError) error = NULL;
  g_auto(SfLedgerReport) report = { 0 };

  if (sf_pipeline_verify_ledger_finish (SF_PIPELINE (source), result, &report, &error))
    show_verdict (self, &report, NULL);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_verdict (self, NULL, error);
}

/* A check still running is dropped for the new one. */
static void
show_ledger (SfApprovalsView *self)
{
  g_cancellable_cancel (self->ledger_cancellable);
  g_clear_object (&self->ledger_cancellable);
  self->ledger_cancellable = g_cancellable_new ();
  sf_pipeline_verify_ledger_async (self->pipeline, self->ledger_cancellable, ledger_verified_cb,
                                   g_object_ref (self));
}

static void
set_n_waiting (SfApprovalsView *self,
               guint            n)
{
  if (self->n_waiting == n)
    return;

  self->n_waiting = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
}

/**
 * sf_approvals_view_reload:
 *
 * Reads the requests and checks the ledger again.
 */
void
sf_approvals_view_reload (SfApprovalsView *self)
{
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  SfPerson *me;
  gboolean manager;

  g_return_if_fail (SF_IS_APPROVALS_VIEW (self));

  if (self->pipeline == NULL)
    return;

  me = sf_pipeline_lookup_person (self->pipeline, sf_pipeline_get_actor (self->pipeline));
  manager = me != NULL && sf_person_get_role (me) == SF_ROLE_MANAGER && sf_person_get_active (me);

  if (manager)
    waiting = sf_pipeline_list_waiting_requests (self->pipeline, sf_person_get_id (me), NULL);
  if (me != NULL)
    mine = sf_pipeline_list_requests_by (self->pipeline, sf_person_get_id (me), NULL);

  fill_list (self, self->waiting_list, waiting, TRUE);
  fill_list (self, self->mine_list, mine, FALSE);
  gtk_widget_set_visible (self->waiting_group, manager);
  gtk_widget_set_visible (self->mine_group, mine != NULL && mine->len > 0);
  gtk_stack_set_visible_child_name (self->stack,
                                    (waiting && waiting->len) || (mine && mine->len) ? "lists" : "empty");
  adw_status_page_set_description (self->empty_page,
                                   manager
                                   ? _("Nothing waits for your sign-off, and you have not asked for approval yourself.")
                                   : _("Ask for approval of a deal’s pricing or ROI from its Developed stage; your requests and the managers’ decisions show here."));
  set_n_waiting (self, waiting ? waiting->len : 0);
  /* The lists are two small queries and keep the tab's badge right; the
   * ledger is walked whole, so only when it is seen (and on every map). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_ledger (self);
}

static void
activate_row (SfApprovalsView *self,
              GtkWidget       *row)
{
  SfApprovalRequest *request = g_object_get_data (G_OBJECT (row), "request");
  gboolean waiting = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "waiting"));

  if (request == NULL)
    return;

  if (waiting)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.sign-off", "x",
                                sf_approval_request_get_id (request));
  else if (sf_approval_request_get_status (request) == SF_APPROVAL_STATUS_PENDING)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.recall-request", "x",
                                sf_approval_request_get_id (request));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-deal", "x",
                                sf_approval_request_get_deal_id (request));
}

static void
row_activated_cb (SfApprovalsView *self,
                  GtkListBoxRow   *row)
{
  activate_row (self, GTK_WIDGET (row));
}

static void
approvals_changed_cb (SfApprovalsView *self)
{
  sf_approvals_view_reload (self);
}

static void
sf_approvals_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sf_approvals_view_parent_class)->map (widget);

  /* Ages and the ledger move on while the tab is hidden. */
  sf_approvals_view_reload (SF_APPROVALS_VIEW (widget));
}

static void
sf_approvals_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SfApprovalsView *self = SF_APPROVALS_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_WAITING: g_value_set_uint (value, self->n_waiting); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_approvals_view_dispose (GObject *object)
{
  SfApprovalsView *self = (SfApprovalsView *) object;

  g_cancellable_cancel (self->ledger_cancellable);
  g_clear_object (&self->ledger_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_APPROVALS_VIEW);
  g_clear_object (&self->pipeline);

  G_OBJECT_CLASS (sf_approvals_view_parent_class)->dispose (object);
}

static void
sf_approvals_view_class_init (SfApprovalsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_approvals_view_dispose;
  object_class->get_property = sf_approvals_view_get_property;
  widget_class->map = sf_approvals_view_map;

  /**
   * SfApprovalsView:n-waiting:
   *
   * How many requests wait for the person using Salesflow; the tab
   * shows it as a badge.
   */
  properties[PROP_N_WAITING] =
    g_param_spec_uint ("n-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-approvals-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SfApprovalsView, name)
  CHILD (scroller);
  CHILD (ledger_box);
  CHILD (ledger_icon);
  CHILD (ledger_label);
  CHILD (stack);
  CHILD (empty_page);
  CHILD (waiting_group);
  CHILD (waiting_list);
  CHILD (mine_group);
  CHILD (mine_list);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sf_approvals_view_init (SfApprovalsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sf_approvals_view_set_pipeline:
 *
 * Call once.
 */
void
sf_approvals_view_set_pipeline (SfApprovalsView *self,
                                SfPipeline      *pipeline)
{
  g_return_if_fail (SF_IS_APPROVALS_VIEW (self));
  g_return_if_fail (SF_IS_PIPELINE (pipeline));

  g_set_object (&self->pipeline, pipeline);
  /* What waits for whom depends on who is asking and on their role. */
  g_signal_connect_object (pipeline, "notify::actor", G_CALLBACK (approvals_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (pipeline, "notify::loaded", G_CALLBACK (approvals_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (pipeline, "notify::approvals-revision", G_CALLBACK (approvals_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

guint
sf_approvals_view_get_n_waiting (SfApprovalsView *self)
{
  g_return_val_if_fail (SF_IS_APPROVALS_VIEW (self), 0);
  return self->n_waiting;
}

/**
 * sf_approvals_view_find_row:
 *
 * Returns: (transfer none) (nullable): the row of the request, in either
 *   list
 */
GtkWidget *
sf_approvals_view_find_row (SfApprovalsView *self,
                            gint64           request_id)
{
  GtkListBox *lists[] = { self->waiting_list, self->mine_list };

  g_return_val_if_fail (SF_IS_APPROVALS_VIEW (self), NULL);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (lists[l])); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      {
        SfApprovalRequest *request = g_object_get_data (G_OBJECT (row), "request");

        if (request != NULL && sf_approval_request_get_id (request) == request_id)
          return row;
      }

  return NULL;
}

/**
 * sf_approvals_view_activate:
 *
 * Does what activating the request's row does.
 */
void
sf_approvals_view_activate (SfApprovalsView *self,
                            gint64           request_id)
{
  GtkWidget *row;

  g_return_if_fail (SF_IS_APPROVALS_VIEW (self));

  row = sf_approvals_view_find_row (self, request_id);
  if (row != NULL)
    activate_row (self, row);
}
