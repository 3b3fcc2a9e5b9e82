/* sf-format.h — dates and numbers written for the user's locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint  sf_date_today        (void);
guint  sf_date_from_unix    (gint64      unix_time);
gint64 sf_date_to_unix      (guint       julian_day);
guint  sf_date_from_ymd     (int         year,
                             int         month,
                             int         day);
guint  sf_date_parse_iso    (const char *text);
char  *sf_date_to_iso       (guint       julian_day);
guint  sf_date_parse        (const char *text);
char  *sf_format_date       (guint       julian_day);
char  *sf_format_date_time  (gint64      unix_time);
char  *sf_format_percent    (int         percent);
char  *sf_format_integer    (gint64      value);
char  *sf_text_dup          (const char *text);

G_END_DECLS
