/* sf-figures-text.c — pricing and ROI figures written for a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One way to show a set of figures wherever it appears: in the deal pane,
 * the request dialog, the sign-off dialog, the Approvals tab and the
 * "approved" beside "now" of a voided approval. A request holds the
 * canonical text of its figures (sf_pricing_to_figures()); it is read
 * back here and written as lines of label and value in the user's locale,
 * the derived figures computed again from the same integers.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "sf-figures-text.h"

static void
line_free (SfFigureLine *line)
{
  g_free (line->key);
  g_free (line->label);
  g_free (line->value);
  g_free (line);
}

/* Takes @value. */
static void
add_line (GPtrArray  *lines,
          const char *key,
          const char *label,
          char       *value)
{
  SfFigureLine *line = g_new0 (SfFigureLine, 1);

  line->key = g_strdup (key);
  line->label = g_strdup (label);
  line->value = value;
  g_ptr_array_add (lines, line);
}

static GPtrArray *
new_lines (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
}

/**
 * sf_figures_format_margin:
 *
 * Returns: (transfer full): "€5,500.00 (40.74%)", or the amount alone
 *   when there is no ratio
 */
char *
sf_figures_format_margin (const SfMoney *margin,
                          gboolean       has_bp,
                          gint64         bp)
{
  g_autofree char *money = sf_money_to_string (margin);
  g_autofree char *percent = NULL;

  if (!has_bp)
    return g_steal_pointer (&money);

  percent = sf_basis_points_to_string (bp);
  /* Translators: an amount and its share in percent: “€5,500.00 (40.74%)” */
  return g_strdup_printf (_("%s (%s)"), money, percent);
}

/**
 * sf_figures_format_months:
 *
 * Returns: (transfer full): "24 months"
 */
char *
sf_figures_format_months (guint months)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: a time horizon */
                                       "%u month", "%u months", months), months);
}

/* "4.5 months", tenths of a month in the language's decimals. */
static char *
format_tenths (gint64 tenths)
{
  g_autofree char *number = NULL;

  if (tenths % 10 == 0)
    number = g_strdup_printf ("%" G_GINT64_FORMAT, tenths / 10);
  else
    number = g_strdup_printf ("%" G_GINT64_FORMAT "%s%" G_GINT64_FORMAT,
                              tenths / 10, nl_langinfo (RADIXCHAR), tenths % 10);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: a payback period; %s is a
                                        * number that may have a decimal, “4.5” */
                                       "%s month", "%s months",
                                       tenths == 10 ? 1 : 2), number);
}

/**
 * sf_figures_format_payback:
 *
 * Returns: (transfer full): when the costs are paid back, or why never
 */
char *
sf_figures_format_payback (const SfRoiResult *result,
                           guint              horizon_months)
{
  if (result->has_payback)
    return format_tenths (result->payback_tenths);
  if (horizon_months == 0)
    return g_strdup ("—");

  /* Translators: the costs are not paid back within the time horizon */
  return g_strdup (_("Not within the time horizon"));
}

/**
 * sf_figures_pricing_lines:
 * @deal_value: (nullable): the deal's value, named when it is not the net
 *   price
 *
 * Returns: (transfer container) (element-type SfFigureLine) (nullable):
 *   the pricing written out, or %NULL when it breaks a rule
 */
GPtrArray *
sf_figures_pricing_lines (const SfPricing *pricing,
                          const SfMoney   *deal_value)
{
  g_autoptr(GPtrArray) lines = new_lines ();
  g_autofree char *percent = NULL, *amount = NULL;
  SfPricingResult result;

  if (!sf_pricing_compute (pricing, &result, NULL))
    return NULL;

  percent = sf_basis_points_to_string (pricing->discount_bp);
  amount = sf_money_to_string (&result.discount);
  add_line (lines, "list-price", _("List Price"), sf_money_to_string (&pricing->list_price));
  /* Translators: a discount in percent and as an amount: “10% (€150.00)” */
  add_line (lines, "discount", _("Discount"), g_strdup_printf (_("%s (%s)"), percent, amount));
  add_line (lines, "net-price", _("Net Price"), sf_money_to_string (&result.net_price));
  add_line (lines, "cost", _("Cost to Deliver"), sf_money_to_string (&pricing->cost));
  add_line (lines, "margin", _("Margin"),
            sf_figures_format_margin (&result.margin, result.has_margin_bp, result.margin_bp));
  if (deal_value != NULL && !sf_money_equal (deal_value, &result.net_price))
    add_line (lines, "deal-value", _("Deal Value"), sf_money_to_string (deal_value));

  return g_steal_pointer (&lines);
}

/**
 * sf_figures_roi_lines:
 *
 * Returns: (transfer container) (element-type SfFigureLine) (nullable):
 *   the worksheet written out, or %NULL when it breaks a rule
 */
GPtrArray *
sf_figures_roi_lines (const SfRoi *roi)
{
  g_autoptr(GPtrArray) lines = new_lines ();
  SfRoiResult result;

  if (!sf_roi_compute (roi, &result, NULL))
    return NULL;

  add_line (lines, "revenue", _("Expected Revenue"), sf_money_to_string (&roi->revenue));
  add_line (lines, "horizon", _("Time Horizon"), sf_figures_format_months (roi->horizon_months));
  for (guint i = 0; i < roi->costs->len; i++)
    {
      const SfRoiCost *cost = g_ptr_array_index (roi->costs, i);
      g_autofree char *key = g_strdup_printf ("cost:%s", cost->label);

      add_line (lines, key, cost->label, sf_money_to_string (&cost->amount));
    }
  add_line (lines, "total-cost", _("Total Cost"), sf_money_to_string (&result.total_cost));
  add_line (lines, "margin", _("Margin"),
            sf_figures_format_margin (&result.margin, result.has_margin_bp, result.margin_bp));
  add_line (lines, "roi", C_("figure", "ROI"),
            result.has_roi_bp ? sf_basis_points_to_string (result.roi_bp) : g_strdup ("—"));
  add_line (lines, "payback", _("Payback Period"),
            sf_figures_format_payback (&result, roi->horizon_months));

  return g_steal_pointer (&lines);
}

/**
 * sf_figures_get_lines:
 * @figures: the canonical text a request holds
 *
 * Returns: (transfer container) (element-type SfFigureLine) (nullable):
 *   the figures written out, or %NULL when the text cannot be read
 */
GPtrArray *
sf_figures_get_lines (SfApprovalKind  kind,
                      const char     *figures)
{
  if (figures == NULL)
    return NULL;

  if (kind == SF_APPROVAL_KIND_PRICING)
    {
      SfPricing pricing;
      SfMoney value;

      if (!sf_pricing_from_figures (figures, &pricing, &value, NULL))
        return NULL;
      return sf_figures_pricing_lines (&pricing, &value);
    }
  else
    {
      g_autoptr(SfRoi) roi = sf_roi_from_figures (figures, NULL);

      return roi ? sf_figures_roi_lines (roi) : NULL;
    }
}

static const char *
find_value (GPtrArray  *lines,
            const char *key)
{
  for (guint i = 0; lines && i < lines->len; i++)
    {
      SfFigureLine *line = g_ptr_array_index (lines, i);

      if (g_str_equal (line->key, key))
        return line->value;
    }

  return NULL;
}

/**
 * sf_figures_summarize:
 *
 * Returns: (transfer full): what is approved and the figures that matter
 *   most, on one line: "Pricing: net price €1,350.00, margin €550.00
 *   (40.74%)"
 */
char *
sf_figures_summarize (SfApprovalKind  kind,
                      const char     *figures)
{
  g_autoptr(GPtrArray) lines = sf_figures_get_lines (kind, figures);

  if (lines == NULL)
    return g_strdup (sf_approval_kind_get_name (kind));

  if (kind == SF_APPROVAL_KIND_PRICING)
    /* Translators: a summary of a pricing: net price and margin */
    return g_strdup_printf (_("Pricing: net price %s, margin %s"),
                            find_value (lines, "net-price"), find_value (lines, "margin"));

  /* Translators: a summary of an ROI worksheet: ROI and payback period */
  return g_strdup_printf (_("ROI: %s, payback %s"),
                          find_value (lines, "roi"), find_value (lines, "payback"));
}

/**
 * sf_figures_fill_group:
 * @rows: (element-type GtkWidget): the rows added before, removed first;
 *   filled with the rows added now
 * @lines: (element-type SfFigureLine) (nullable): the figures
 *
 * Shows each figure as a row of @group, the value on the right.
 */
void
sf_figures_fill_group (AdwPreferencesGroup *group,
                       GPtrArray           *rows,
                       GPtrArray           *lines)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);

  for (guint i = 0; lines && i < lines->len; i++)
    {
      SfFigureLine *line = g_ptr_array_index (lines, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new (line->value);
      g_autofree char *name = g_strdup_printf ("figure-%s", line->key);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->label);
      gtk_widget_set_name (value, name);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (rows, row);
    }
}

static void
attach_label (GtkGrid    *grid,
              const char *text,
              int         column,
              int         row,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text ? text : "—");

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), column > 0);
  if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_hexpand (label, column == 0);
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

/* Adds the lines of @b whose key @a lacks, after those of @a. */
static GPtrArray *
union_keys (GPtrArray *a,
            GPtrArray *b)
{
  GPtrArray *keys = g_ptr_array_new ();

  for (guint i = 0; a && i < a->len; i++)
    g_ptr_array_add (keys, g_ptr_array_index (a, i));
  for (guint i = 0; b && i < b->len; i++)
    {
      SfFigureLine *line = g_ptr_array_index (b, i);

      if (find_value (a, line->key) == NULL)
        g_ptr_array_add (keys, line);
    }

  return keys;
}

/**
 * sf_figures_new_comparison:
 * @approved: (element-type SfFigureLine): what a manager approved
 * @now: (element-type SfFigureLine) (nullable): the figures now
 *
 * Returns: (transfer floating): a table of every figure "approved" beside
 *   "now", the ones that differ marked
 */
GtkWidget *
sf_figures_new_comparison (GPtrArray *approved,
                           GPtrArray *now)
{
  g_autoptr(GPtrArray) keys = union_keys (approved, now);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_column_spacing (grid, 18);
  gtk_grid_set_row_spacing (grid, 6);
  /* Translators: a column heading: the figures a manager approved */
  attach_label (grid, C_("figures", "Approved"), 1, 0, "heading");
  /* Translators: a column heading: the figures as they are now */
  attach_label (grid, C_("figures", "Now"), 2, 0, "heading");
  gtk_widget_set_halign (gtk_grid_get_child_at (grid, 1, 0), GTK_ALIGN_END);
  gtk_widget_set_halign (gtk_grid_get_child_at (grid, 2, 0), GTK_ALIGN_END);

  for (guint i = 0; i < keys->len; i++)
    {
      SfFigureLine *line = g_ptr_array_index (keys, i);
      const char *before = find_value (approved, line->key);
      const char *after = find_value (now, line->key);
      const char *mark = g_strcmp0 (before, after) != 0 ? "changed-figure" : NULL;

      attach_label (grid, line->label, 0, i + 1, mark);
      attach_label (grid, before, 1, i + 1, mark ? "dim-label" : NULL);
      attach_label (grid, after, 2, i + 1, mark);
    }

  gtk_widget_set_name (GTK_WIDGET (grid), "figures_comparison");
  return GTK_WIDGET (grid);
}
