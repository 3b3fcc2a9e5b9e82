/* sf-canonical.h — the locale-independent "key value" text of records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sf-money.h"

G_BEGIN_DECLS

/**
 * SfCanonicalLine:
 * @key: the key, `[a-z0-9-]+`
 * @value: the value, unescaped
 */
typedef struct
{
  char *key;
  char *value;
} SfCanonicalLine;

void        sf_canonical_append        (GString       *out,
                                        const char    *key,
                                        const char    *value);
void        sf_canonical_append_int    (GString       *out,
                                        const char    *key,
                                        gint64         value);
void        sf_canonical_append_money  (GString       *out,
                                        const char    *key,
                                        const SfMoney *money);
void        sf_canonical_append_optional (GString     *out,
                                        const char    *key,
                                        gboolean       has_value,
                                        gint64         value);
char       *sf_canonical_escape        (const char    *text);
char       *sf_canonical_unescape      (const char    *text);

GPtrArray  *sf_canonical_parse         (const char    *text);
const char *sf_canonical_lookup        (GPtrArray     *lines,
                                        const char    *key);
gboolean    sf_canonical_get_int       (GPtrArray     *lines,
                                        const char    *key,
                                        gint64         min,
                                        gint64         max,
                                        gint64        *out);
gboolean    sf_canonical_get_money     (GPtrArray     *lines,
                                        const char    *key,
                                        const char    *currency,
                                        SfMoney       *out);
gboolean    sf_canonical_parse_int     (const char    *text,
                                        gint64         min,
                                        gint64         max,
                                        gint64        *out);

G_END_DECLS
