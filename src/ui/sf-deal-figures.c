/* sf-deal-figures.c — the deal pane's section: pricing, ROI, requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the deal pane, shown from the Developed stage on and readable
 * after it. The user types amounts as money in their locale and the
 * discount as a percentage; the derived figures (net price, margin, ROI,
 * payback) follow as they type, computed by the same integer functions
 * the store uses. Save stores the pricing or the worksheet as one
 * transaction each (sf_pipeline_set_pricing(), sf_pipeline_set_roi()).
 *
 * While a request waits for a manager the figures it covers are locked:
 * the fields cannot be typed in and the lock row offers to recall the
 * request (win.recall-request), which only its requester may. When a
 * change voided an approval, what was approved is shown beside what is
 * there now. Below, every request the deal has had, with the decisions
 * and comments.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "sf-deal-figures.h"
#include "sf-figures-text.h"
#include "sf-format.h"
#include "sf-ui-util.h"
#include "sf-workflow.h"

struct _SfDealFigures
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *box;
  AdwPreferencesGroup *pricing_group;
  GtkWidget *pricing_save;
  AdwActionRow *pricing_lock_row;
  GtkWidget *pricing_recall;
  AdwEntryRow *list_price_row;
  GtkLabel *pricing_currency;
  AdwEntryRow *discount_row;
  GtkLabel *net_label;
  AdwEntryRow *cost_row;
  GtkLabel *margin_label;
  GtkLabel *pricing_error;
  GtkWidget *pricing_voided;
  AdwPreferencesGroup *roi_group;
  GtkWidget *roi_save;
  AdwActionRow *roi_lock_row;
  GtkWidget *roi_recall;
  AdwEntryRow *revenue_row;
  GtkLabel *roi_currency;
  GtkSpinButton *horizon_spin;
  GtkLabel *horizon_unit;
  AdwPreferencesGroup *costs_group;
  GtkWidget *add_cost_button;
  GtkWidget *roi_result_group;
  GtkLabel *total_cost_label;
  GtkLabel *roi_margin_label;
  GtkLabel *roi_label;
  GtkLabel *payback_label;
  GtkLabel *roi_error;
  GtkWidget *roi_voided;
  GtkWidget *requests_group;
  GtkListBox *requests_list;

  /* owned */
  SfPipeline *pipeline;
  SfDealDetails *details;
  SfDeal *deal;                       /* the details' */
  GSignalGroup *deal_signals;
  GSignalGroup *details_signals;
  SfPricing *pricing;                 /* as shown: stored, or NULL */
  SfRoi *roi;                         /* as shown: stored, or NULL */
  guint n_requests;                   /* as shown */
  SfApprovalRequest *latest[2];       /* per SfApprovalKind, or NULL */

  /* borrowed: rows in costs_group */
  GPtrArray *cost_rows;

  gboolean filling;
};

G_DEFINE_FINAL_TYPE (SfDealFigures, sf_deal_figures, GTK_TYPE_WIDGET)

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));

  return *clean == '\0';
}

static gboolean
is_locked (SfDealFigures  *self,
           SfApprovalKind  kind)
{
  return self->latest[kind] != NULL &&
         sf_approval_request_get_status (self->latest[kind]) == SF_APPROVAL_STATUS_PENDING;
}

static gboolean
can_edit (SfDealFigures  *self,
          SfApprovalKind  kind)
{
  return self->deal != NULL && sf_workflow_check_edit (self->deal, NULL) && !is_locked (self, kind);
}

static const char *
pricing_currency (SfDealFigures *self)
{
  return self->pricing ? self->pricing->list_price.currency : sf_deal_get_value (self->deal)->currency;
}

static const char *
roi_currency (SfDealFigures *self)
{
  return self->roi ? self->roi->revenue.currency : sf_deal_get_value (self->deal)->currency;
}

/* "12.5": basis points as typed, in the language's decimals, no sign. */
static char *
basis_points_input (int bp)
{
  if (bp % 100 == 0)
    return g_strdup_printf ("%d", bp / 100);
  if (bp % 10 == 0)
    return g_strdup_printf ("%d%s%d", bp / 100, nl_langinfo (RADIXCHAR), bp % 100 / 10);

  return g_strdup_printf ("%d%s%02d", bp / 100, nl_langinfo (RADIXCHAR), bp % 100);
}

/* Prefixes a field's problem with its name, as the deal's fields do. */
static gboolean
field_error (GError     **error,
             const char  *field,
             GError      *cause)
{
  /* Translators: a field's name and what is wrong with the value typed */
  g_set_error (error, cause->domain, cause->code, _("%s: %s"), field, cause->message);
  g_error_free (cause);
  return FALSE;
}

static gboolean
parse_money (const char  *text,
             const char  *currency,
             const char  *field,
             gboolean     empty_is_zero,
             SfMoney     *out,
             GError     **error)
{
  GError *cause = NULL;

  if (empty_is_zero && is_blank (text))
    {
      sf_money_init (out, 0, currency);
      return TRUE;
    }
  if (!sf_money_parse (text, currency, out, &cause))
    return field_error (error, field, cause);

  return TRUE;
}

static void
show_error (GtkLabel     *label,
            const GError *error)
{
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
  if (error != NULL)
    gtk_label_set_text (label, error->message);
}

/* Pricing */

/* Reads the pricing as typed; FALSE with no error while the list price
 * is empty, which is plain to see. */
static gboolean
parse_pricing (SfDealFigures  *self,
               SfPricing      *out,
               GError        **error)
{
  const char *currency = pricing_currency (self);
  GError *cause = NULL;

  if (is_blank (text_of (self->list_price_row)))
    return FALSE;

  sf_pricing_init (out, currency, 0, 0, 0);
  if (!parse_money (text_of (self->list_price_row), currency, _("List Price"), FALSE,
                    &out->list_price, error))
    return FALSE;
  if (!is_blank (text_of (self->discount_row)) &&
      !sf_basis_points_parse (text_of (self->discount_row), &out->discount_bp, &cause))
    return field_error (error, _("Discount"), cause);
  if (!parse_money (text_of (self->cost_row), currency, _("Cost to Deliver"), TRUE, &out->cost, error))
    return FALSE;

  return sf_pricing_check (out, error);
}

static void
show_pricing_result (SfDealFigures   *self,
                     const SfPricing *pricing)
{
  SfPricingResult result;

  if (pricing == NULL || !sf_pricing_compute (pricing, &result, NULL))
    {
      gtk_label_set_text (self->net_label, "—");
      gtk_label_set_text (self->margin_label, "—");
      return;
    }

  {
    g_autofree char *net = sf_money_to_string (&result.net_price);
    g_autofree char *margin = sf_figures_format_margin (&result.margin, result.has_margin_bp,
                                                        result.margin_bp);

    gtk_label_set_text (self->net_label, net);
    gtk_label_set_text (self->margin_label, margin);
  }
}

static void
pricing_changed_cb (SfDealFigures *self)
{
  g_autoptr(GError) error = NULL;
  SfPricing pricing;
  gboolean valid;

  if (self->filling || self->deal == NULL)
    return;

  valid = parse_pricing (self, &pricing, &error);
  show_pricing_result (self, valid ? &pricing : NULL);
  show_error (self->pricing_error, error);
  gtk_widget_set_sensitive (self->pricing_save,
                            valid && can_edit (self, SF_APPROVAL_KIND_PRICING) &&
                            (self->pricing == NULL || !sf_pricing_equal (&pricing, self->pricing)));
}

/**
 * sf_deal_figures_save_pricing:
 *
 * Stores the pricing as typed; a problem is shown under it.
 *
 * Returns: whether it was stored
 */
gboolean
sf_deal_figures_save_pricing (SfDealFigures *self)
{
  g_autoptr(GError) error = NULL;
  SfPricing pricing;

  g_return_val_if_fail (SF_IS_DEAL_FIGURES (self), FALSE);

  if (!gtk_widget_get_sensitive (self->pricing_save) || !parse_pricing (self, &pricing, &error) ||
      !sf_pipeline_set_pricing (self->pipeline, self->deal, &pricing, &error))
    {
      show_error (self->pricing_error, error);
      return FALSE;
    }

  return TRUE;
}

static void
save_pricing_cb (SfDealFigures *self)
{
  sf_deal_figures_save_pricing (self);
}

static void
fill_pricing (SfDealFigures *self)
{
  gtk_label_set_text (self->pricing_currency, pricing_currency (self));
  if (self->pricing == NULL)
    {
      /* The deal's value is where the pricing usually starts. */
      g_autofree char *value = sf_money_to_input_string (sf_deal_get_value (self->deal));

      gtk_editable_set_text (GTK_EDITABLE (self->list_price_row),
                             sf_deal_get_value (self->deal)->amount > 0 ? value : "");
      gtk_editable_set_text (GTK_EDITABLE (self->discount_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->cost_row), "");
      return;
    }

  {
    g_autofree char *list = sf_money_to_input_string (&self->pricing->list_price);
    g_autofree char *discount = basis_points_input (self->pricing->discount_bp);
    g_autofree char *cost = sf_money_to_input_string (&self->pricing->cost);

    gtk_editable_set_text (GTK_EDITABLE (self->list_price_row), list);
    gtk_editable_set_text (GTK_EDITABLE (self->discount_row), discount);
    gtk_editable_set_text (GTK_EDITABLE (self->cost_row), cost);
  }
}

/* ROI */

static void
roi_changed_cb (SfDealFigures *self);

static void
remove_cost_cb (GtkButton     *button,
                SfDealFigures *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  g_ptr_array_remove (self->cost_rows, row);
  adw_preferences_group_remove (self->costs_group, row);
  roi_changed_cb (self);
}

static GtkWidget *
cost_entry (const char    *text,
            const char    *placeholder,
            const char    *name,
            SfDealFigures *self)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, name);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (roi_changed_cb), self);
  return entry;
}

/**
 * sf_deal_figures_add_cost_line:
 * @label: (nullable): what the cost is for
 * @amount: (nullable): the amount as typed
 *
 * Returns: (transfer none): the new row of the worksheet's costs
 */
GtkWidget *
sf_deal_figures_add_cost_line (SfDealFigures *self,
                               const char    *label,
                               const char    *amount)
{
  /* An AdwPreferencesRow, so the group puts it in its boxed list. */
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *what = cost_entry (label, _("What for"), "cost_label", self);
  GtkWidget *how_much = cost_entry (amount, _("Amount"), "cost_amount", self);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_return_val_if_fail (SF_IS_DEAL_FIGURES (self), NULL);

  gtk_widget_set_hexpand (what, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (how_much), 12);
  gtk_entry_set_alignment (GTK_ENTRY (how_much), 1);
  gtk_entry_set_input_purpose (GTK_ENTRY (how_much), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_name (remove, "cost_remove");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Cost"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Cost"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_cost_cb), self);

  gtk_widget_add_css_class (box, "cost-line");
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), how_much);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label ? label : "");
  g_object_set_data (G_OBJECT (row), "label", what);
  g_object_set_data (G_OBJECT (row), "amount", how_much);
  g_object_set_data (G_OBJECT (row), "remove", remove);

  adw_preferences_group_add (self->costs_group, row);
  g_ptr_array_add (self->cost_rows, row);
  roi_changed_cb (self);
  return row;
}

static void
add_cost_cb (SfDealFigures *self)
{
  GtkWidget *row = sf_deal_figures_add_cost_line (self, NULL, NULL);

  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "label"));
}

/* Reads the worksheet as typed; FALSE with no error while the revenue is
 * empty. Empty cost lines are left out. */
static SfRoi *
parse_roi (SfDealFigures  *self,
           GError        **error)
{
  const char *currency = roi_currency (self);
  g_autoptr(SfRoi) roi = NULL;
  SfMoney revenue;

  if (is_blank (text_of (self->revenue_row)))
    return NULL;
  if (!parse_money (text_of (self->revenue_row), currency, _("Expected Revenue"), FALSE,
                    &revenue, error))
    return NULL;

  roi = sf_roi_new (currency, revenue.amount, gtk_spin_button_get_value_as_int (self->horizon_spin));
  for (guint i = 0; i < self->cost_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->cost_rows, i);
      g_autofree char *label = g_strstrip (g_strdup (text_of (g_object_get_data (row, "label"))));
      const char *amount = text_of (g_object_get_data (row, "amount"));
      SfMoney money;

      if (*label == '\0' && is_blank (amount))
        continue;
      if (*label == '\0')
        {
          g_set_error_literal (error, SF_APPROVAL_ERROR, SF_APPROVAL_ERROR_INVALID_FIGURES,
                               _("Say what each cost is for"));
          return NULL;
        }
      if (!parse_money (amount, currency, label, FALSE, &money, error))
        return NULL;
      sf_roi_add_cost (roi, label, money.amount);
    }

  return sf_roi_check (roi, error) ? g_steal_pointer (&roi) : NULL;
}

static void
show_roi_result (SfDealFigures *self,
                 const SfRoi   *roi)
{
  SfRoiResult result;

  if (roi == NULL || !sf_roi_compute (roi, &result, NULL))
    {
      gtk_label_set_text (self->total_cost_label, "—");
      gtk_label_set_text (self->roi_margin_label, "—");
      gtk_label_set_text (self->roi_label, "—");
      gtk_label_set_text (self->payback_label, "—");
      return;
    }

  {
    g_autofree char *total = sf_money_to_string (&result.total_cost);
    g_autofree char *margin = sf_figures_format_margin (&result.margin, result.has_margin_bp,
                                                        result.margin_bp);
    g_autofree char *percent = result.has_roi_bp ? sf_basis_points_to_string (result.roi_bp)
                                                 : g_strdup ("—");
    g_autofree char *payback = sf_figures_format_payback (&result, roi->horizon_months);

    gtk_label_set_text (self->total_cost_label, total);
    gtk_label_set_text (self->roi_margin_label, margin);
    gtk_label_set_text (self->roi_label, percent);
    gtk_label_set_text (self->payback_label, payback);
  }
}

static void
roi_changed_cb (SfDealFigures *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRoi) roi = NULL;
  int months = gtk_spin_button_get_value_as_int (self->horizon_spin);

  gtk_label_set_text (self->horizon_unit, g_dngettext (GETTEXT_PACKAGE,
                                                       /* Translators: after the time horizon's number */
                                                       "month", "months", months));
  if (self->filling || self->deal == NULL)
    return;

  roi = parse_roi (self, &error);
  show_roi_result (self, roi);
  show_error (self->roi_error, error);
  gtk_widget_set_sensitive (self->roi_save,
                            roi != NULL && can_edit (self, SF_APPROVAL_KIND_ROI) &&
                            (self->roi == NULL || !sf_roi_equal (roi, self->roi)));
}

/**
 * sf_deal_figures_save_roi:
 *
 * Stores the worksheet as typed; a problem is shown under it.
 *
 * Returns: whether it was stored
 */
gboolean
sf_deal_figures_save_roi (SfDealFigures *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SfRoi) roi = NULL;

  g_return_val_if_fail (SF_IS_DEAL_FIGURES (self), FALSE);

  if (gtk_widget_get_sensitive (self->roi_save))
    roi = parse_roi (self, &error);
  if (roi == NULL || !sf_pipeline_set_roi (self->pipeline, self->deal, roi, &error))
    {
      show_error (self->roi_error, error);
      return FALSE;
    }

  return TRUE;
}

static void
save_roi_cb (SfDealFigures *self)
{
  sf_deal_figures_save_roi (self);
}

static void
clear_cost_rows (SfDealFigures *self)
{
  for (guint i = 0; i < self->cost_rows->len; i++)
    adw_preferences_group_remove (self->costs_group, g_ptr_array_index (self->cost_rows, i));
  g_ptr_array_set_size (self->cost_rows, 0);
}

static void
fill_roi (SfDealFigures *self)
{
  gtk_label_set_text (self->roi_currency, roi_currency (self));
  clear_cost_rows (self);
  if (self->roi == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->revenue_row), "");
      gtk_spin_button_set_value (self->horizon_spin, 12);
      return;
    }

  {
    g_autofree char *revenue = sf_money_to_input_string (&self->roi->revenue);

    gtk_editable_set_text (GTK_EDITABLE (self->revenue_row), revenue);
    gtk_spin_button_set_value (self->horizon_spin, self->roi->horizon_months);
  }
  for (guint i = 0; i < self->roi->costs->len; i++)
    {
      const SfRoiCost *cost = g_ptr_array_index (self->roi->costs, i);
      g_autofree char *amount = sf_money_to_input_string (&cost->amount);

      sf_deal_figures_add_cost_line (self, cost->label, amount);
    }
}

/* Locks, voided approvals and the requests */

static void
recall (SfDealFigures  *self,
        SfApprovalKind  kind)
{
  if (is_locked (self, kind))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.recall-request", "x",
                                sf_approval_request_get_id (self->latest[kind]));
}

static void
recall_pricing_cb (SfDealFigures *self)
{
  recall (self, SF_APPROVAL_KIND_PRICING);
}

static void
recall_roi_cb (SfDealFigures *self)
{
  recall (self, SF_APPROVAL_KIND_ROI);
}

static void
update_lock (SfDealFigures  *self,
             SfApprovalKind  kind,
             AdwActionRow   *row,
             GtkWidget      *recall_button)
{
  SfApprovalRequest *request = self->latest[kind];
  g_autofree char *when = NULL, *subtitle = NULL;
  gboolean mine;

  gtk_widget_set_visible (GTK_WIDGET (row), is_locked (self, kind));
  if (!is_locked (self, kind))
    return;

  mine = sf_approval_request_get_requester_id (request) == sf_pipeline_get_actor (self->pipeline);
  when = sf_format_date_time (sf_approval_request_get_requested_at (request));
  if (mine)
    /* Translators: under “Waiting for a manager’s approval”; %s is when it was asked */
    subtitle = g_strdup_printf (_("You asked on %s. The figures stay as they are until a manager decides or you recall the request."),
                                when);
  else
    /* Translators: under “Waiting for a manager’s approval”; who asked and when */
    subtitle = g_strdup_printf (_("%s asked on %s. Only they can recall the request to change the figures."),
                                sf_ui_person_name (self->pipeline, sf_approval_request_get_requester_id (request)),
                                when);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_sensitive (recall_button, mine);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "approved" beside "now" when a change voided the latest approval. */
static void
update_voided (SfDealFigures  *self,
               SfApprovalKind  kind,
               GtkWidget      *box)
{
  SfApprovalRequest *request = self->latest[kind];
  g_autoptr(GPtrArray) approved = NULL;
  g_autoptr(GPtrArray) now = NULL;
  g_autofree char *figures = NULL, *when = NULL, *text = NULL;

  clear_box (box);
  gtk_widget_set_visible (box, request != NULL &&
                          sf_approval_request_get_status (request) == SF_APPROVAL_STATUS_VOIDED);
  if (!gtk_widget_get_visible (box))
    return;

  figures = sf_deal_details_dup_figures (self->details, kind);
  if (figures != NULL)
    now = sf_figures_get_lines (kind, figures);
  approved = sf_figures_get_lines (kind, sf_approval_request_get_figures (request));
  when = sf_format_date_time (sf_approval_request_get_decided_at (request));
  if (sf_pipeline_get_voided_by_owner (self->pipeline, request))
    /* Translators: a manager's name and when they approved figures; the
     * deal passed to that manager later */
    text = g_strdup_printf (_("%s approved these figures on %s and has owned the deal since, so the approval no longer counts: ask another manager."),
                            sf_ui_person_name (self->pipeline, sf_approval_request_get_decider_id (request)),
                            when);
  else
    /* Translators: a manager's name and when they approved figures that
     * were changed later */
    text = g_strdup_printf (_("%s approved these figures on %s. They were changed since, so the approval no longer counts: ask again."),
                            sf_ui_person_name (self->pipeline, sf_approval_request_get_decider_id (request)),
                            when);

  gtk_box_append (GTK_BOX (box),
                  wrapped_label (kind == SF_APPROVAL_KIND_ROI ? _("ROI Approval Voided")
                                                              : _("Pricing Approval Voided"),
                                 "heading"));
  gtk_box_append (GTK_BOX (box), wrapped_label (text, NULL));
  if (approved != NULL)
    gtk_box_append (GTK_BOX (box), sf_figures_new_comparison (approved, now));
}

static char *
describe_request (SfDealFigures     *self,
                  SfApprovalRequest *request)
{
  GString *text = g_string_new (NULL);
  g_autofree char *asked = sf_format_date_time (sf_approval_request_get_requested_at (request));
  g_autofree char *decided = sf_format_date_time (sf_approval_request_get_decided_at (request));
  const char *requester = sf_ui_person_name (self->pipeline, sf_approval_request_get_requester_id (request));
  const char *decider = sf_ui_person_name (self->pipeline, sf_approval_request_get_decider_id (request));
  const char *comment = sf_approval_request_get_comment (request);

  if (sf_approval_request_get_addressed_to (request) != 0)
    /* Translators: who asked for approval, when, and the manager asked */
    g_string_append_printf (text, _("Asked by %s on %s, of %s"), requester, asked,
                            sf_ui_person_name (self->pipeline, sf_approval_request_get_addressed_to (request)));
  else
    /* Translators: who asked any manager for approval, and when */
    g_string_append_printf (text, _("Asked by %s on %s, of any manager"), requester, asked);

  if (sf_approval_request_get_note (request) != NULL)
    g_string_append_printf (text, "\n“%s”", sf_approval_request_get_note (request));

  switch (sf_approval_request_get_status (request))
    {
    case SF_APPROVAL_STATUS_APPROVED:
    case SF_APPROVAL_STATUS_VOIDED:
      g_string_append_c (text, '\n');
      /* Translators: the manager who approved, and when */
      g_string_append_printf (text, _("Approved by %s, %s"), decider, decided);
      break;
    case SF_APPROVAL_STATUS_REJECTED:
      g_string_append_c (text, '\n');
      /* Translators: the manager who rejected, when, and their comment */
      g_string_append_printf (text, _("Rejected by %s on %s: %s"), decider, decided,
                              comment ? comment : "");
      break;
    case SF_APPROVAL_STATUS_RECALLED:
      g_string_append_c (text, '\n');
      /* Translators: when the requester took the request back */
      g_string_append_printf (text, _("Recalled on %s"), decided);
      break;
    case SF_APPROVAL_STATUS_PENDING:
    default:
      break;
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
status_pill (SfApprovalStatus status)
{
  GtkWidget *pill = gtk_label_new (sf_approval_status_get_name (status));

  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "status-pill");
  gtk_widget_add_css_class (pill, sf_approval_status_get_key (status));
  return pill;
}

static GtkWidget *
request_row_new (gpointer item,
                 gpointer user_data)
{
  SfDealFigures *self = user_data;
  SfApprovalRequest *request = item;
  g_autofree char *subtitle = describe_request (self, request);
  g_autofree char *summary = sf_figures_summarize (sf_approval_request_get_kind (request),
                                                   sf_approval_request_get_figures (request));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             status_pill (sf_approval_request_get_status (request)));
  return row;
}

/* What may be typed in, and whether the section shows at all. */
static void
update_state (SfDealFigures *self)
{
  gboolean pricing_editable = can_edit (self, SF_APPROVAL_KIND_PRICING);
  gboolean roi_editable = can_edit (self, SF_APPROVAL_KIND_ROI);
  gboolean editable = self->deal != NULL && sf_workflow_check_edit (self->deal, NULL);

  if (self->deal == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self),
                          sf_deal_get_stage (self->deal) >= SF_STAGE_DEVELOPED ||
                          self->pricing != NULL || self->roi != NULL || self->n_requests > 0);

  update_lock (self, SF_APPROVAL_KIND_PRICING, self->pricing_lock_row, self->pricing_recall);
  update_lock (self, SF_APPROVAL_KIND_ROI, self->roi_lock_row, self->roi_recall);

  gtk_widget_set_visible (self->pricing_save, editable);
  gtk_widget_set_visible (self->roi_save, editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->list_price_row), pricing_editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->discount_row), pricing_editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->cost_row), pricing_editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->revenue_row), roi_editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->horizon_spin), roi_editable);
  gtk_widget_set_visible (self->add_cost_button, roi_editable);
  for (guint i = 0; i < self->cost_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->cost_rows, i);

      gtk_editable_set_editable (g_object_get_data (row, "label"), roi_editable);
      gtk_editable_set_editable (g_object_get_data (row, "amount"), roi_editable);
      gtk_widget_set_visible (g_object_get_data (row, "remove"), roi_editable);
    }

  pricing_changed_cb (self);
  roi_changed_cb (self);
}

/**
 * sf_deal_figures_reload:
 *
 * Shows the deal's figures and requests as the details hold them; what
 * was typed and not saved is dropped.
 */
void
sf_deal_figures_reload (SfDealFigures *self)
{
  g_return_if_fail (SF_IS_DEAL_FIGURES (self));

  g_clear_pointer (&self->pricing, sf_pricing_free);
  g_clear_pointer (&self->roi, sf_roi_free);
  g_clear_object (&self->latest[SF_APPROVAL_KIND_PRICING]);
  g_clear_object (&self->latest[SF_APPROVAL_KIND_ROI]);
  self->n_requests = 0;
  if (self->details == NULL)
    return;

  if (sf_deal_details_get_pricing (self->details) != NULL)
    self->pricing = sf_pricing_copy (sf_deal_details_get_pricing (self->details));
  if (sf_deal_details_get_roi (self->details) != NULL)
    self->roi = sf_roi_copy (sf_deal_details_get_roi (self->details));
  for (SfApprovalKind kind = SF_APPROVAL_KIND_PRICING; kind <= SF_APPROVAL_KIND_ROI; kind++)
    g_set_object (&self->latest[kind], sf_deal_details_get_latest_request (self->details, kind));
  self->n_requests = g_list_model_get_n_items (sf_deal_details_get_requests (self->details));

  self->filling = TRUE;
  fill_pricing (self);
  fill_roi (self);
  self->filling = FALSE;
  show_error (self->pricing_error, NULL);
  show_error (self->roi_error, NULL);

  update_voided (self, SF_APPROVAL_KIND_PRICING, self->pricing_voided);
  update_voided (self, SF_APPROVAL_KIND_ROI, self->roi_voided);
  gtk_widget_set_visible (self->requests_group, self->n_requests > 0);
  update_state (self);
}

static gboolean
same_pricing (const SfPricing *a,
              const SfPricing *b)
{
  return a == NULL ? b == NULL : b != NULL && sf_pricing_equal (a, b);
}

static gboolean
same_roi (const SfRoi *a,
          const SfRoi *b)
{
  return a == NULL ? b == NULL : b != NULL && sf_roi_equal (a, b);
}

/* A change of the deal applied: shown again only when it touched the
 * figures or the requests, so that typing in one section survives a
 * ticked job. */
static void
details_changed_cb (SfDealFigures *self)
{
  SfDealDetails *details = self->details;

  if (!same_pricing (self->pricing, sf_deal_details_get_pricing (details)) ||
      !same_roi (self->roi, sf_deal_details_get_roi (details)) ||
      self->n_requests != g_list_model_get_n_items (sf_deal_details_get_requests (details)) ||
      self->latest[SF_APPROVAL_KIND_PRICING] != sf_deal_details_get_latest_request (details, SF_APPROVAL_KIND_PRICING) ||
      self->latest[SF_APPROVAL_KIND_ROI] != sf_deal_details_get_latest_request (details, SF_APPROVAL_KIND_ROI))
    sf_deal_figures_reload (self);
}

static void
deal_notify_cb (SfDealFigures *self,
                GParamSpec    *pspec)
{
  if (g_str_equal (pspec->name, "stage") || g_str_equal (pspec->name, "status"))
    update_state (self);
}

static void
sf_deal_figures_dispose (GObject *object)
{
  SfDealFigures *self = (SfDealFigures *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SF_TYPE_DEAL_FIGURES);
  g_clear_object (&self->deal_signals);
  g_clear_object (&self->details_signals);
  g_clear_object (&self->details);
  g_clear_object (&self->deal);
  g_clear_object (&self->pipeline);
  g_clear_pointer (&self->pricing, sf_pricing_free);
  g_clear_pointer (&self->roi, sf_roi_free);
  g_clear_object (&self->latest[SF_APPROVAL_KIND_PRICING]);
  g_clear_object (&self->latest[SF_APPROVAL_KIND_ROI]);
  g_clear_pointer (&self->cost_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sf_deal_figures_parent_class)->dispose (object);
}

static void
sf_deal_figures_class_init (SfDealFiguresClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sf_deal_figures_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-deal-figures.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SfDealFigures, name)
  CHILD (box);
  CHILD (pricing_group);
  CHILD (pricing_save);
  CHILD (pricing_lock_row);
  CHILD (pricing_recall);
  CHILD (list_price_row);
  CHILD (pricing_currency);
  CHILD (discount_row);
  CHILD (net_label);
  CHILD (cost_row);
  CHILD (margin_label);
  CHILD (pricing_error);
  CHILD (pricing_voided);
  CHILD (roi_group);
  CHILD (roi_save);
  CHILD (roi_lock_row);
  CHILD (roi_recall);
  CHILD (revenue_row);
  CHILD (roi_currency);
  CHILD (horizon_spin);
  CHILD (horizon_unit);
  CHILD (costs_group);
  CHILD (add_cost_button);
  CHILD (roi_result_group);
  CHILD (total_cost_label);
  CHILD (roi_margin_label);
  CHILD (roi_label);
  CHILD (payback_label);
  CHILD (roi_error);
  CHILD (roi_voided);
  CHILD (requests_group);
  CHILD (requests_list);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, pricing_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_pricing_cb);
  gtk_widget_class_bind_template_callback (widget_class, recall_pricing_cb);
  gtk_widget_class_bind_template_callback (widget_class, roi_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_roi_cb);
  gtk_widget_class_bind_template_callback (widget_class, recall_roi_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_cost_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sf_deal_figures_init (SfDealFigures *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cost_rows = g_ptr_array_new ();
  self->deal_signals = g_signal_group_new (SF_TYPE_DEAL);
  g_signal_group_connect_swapped (self->deal_signals, "notify", G_CALLBACK (deal_notify_cb), self);
  self->details_signals = g_signal_group_new (SF_TYPE_DEAL_DETAILS);
  g_signal_group_connect_swapped (self->details_signals, "notify::revision",
                                  G_CALLBACK (details_changed_cb), self);
}

/**
 * sf_deal_figures_set_pipeline:
 *
 * Call once, before showing a deal.
 */
void
sf_deal_figures_set_pipeline (SfDealFigures *self,
                              SfPipeline    *pipeline)
{
  g_return_if_fail (SF_IS_DEAL_FIGURES (self));
  g_return_if_fail (SF_IS_PIPELINE (pipeline));

  g_set_object (&self->pipeline, pipeline);
  /* Who may recall a request depends on who is asking. */
  g_signal_connect_object (pipeline, "notify::actor", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
}

/**
 * sf_deal_figures_set_details:
 * @details: (nullable): the deal to show, as the pipeline keeps it
 */
void
sf_deal_figures_set_details (SfDealFigures *self,
                             SfDealDetails *details)
{
  SfDeal *deal = details ? sf_deal_details_get_deal (details) : NULL;

  g_return_if_fail (SF_IS_DEAL_FIGURES (self));

  g_set_object (&self->details, details);
  g_set_object (&self->deal, deal);
  g_signal_group_set_target (self->deal_signals, self->deal);
  g_signal_group_set_target (self->details_signals, details);
  gtk_list_box_bind_model (self->requests_list, details ? sf_deal_details_get_requests (details) : NULL,
                           request_row_new, self, NULL);
  sf_deal_figures_reload (self);
}
