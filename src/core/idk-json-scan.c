/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-json-scan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "idk-bundle.h"
#include "idk-json-scan-private.h"

/* The bounded pre-scan of a bundle, before json-glib sees any of it.
 *
 * json-glib 1.6 has no depth limit (deep nesting exhausts the stack), keeps
 * the last of duplicate keys, turns integers beyond 64 bits into -1 and cuts
 * strings at \u0000.  This scanner checks the whole text against RFC 8259
 * and our bounds first, in one pass and constant memory per level, and
 * notes where each revision lies so that each can then be read on its
 * own (idk-json-flat.c), in the same memory each time.
 */

/* Objects with more members than this get a hash table for the duplicate
 * check, so that it stays linear. */
#define SMALL_OBJECT 16

/* How often the scan gives back what it has read. */
#define RELEASE_STEP (8 << 20)

static const IdkJsonLimits default_limits = {
  .max_size = (gsize) 1 << 30,
  .max_depth = 64,
  .max_string = 1024 * 1024,
  .max_members = 100000,
  .max_elements = 10000000,
};

G_DEFINE_QUARK (idk-bundle-error-quark, idk_bundle_error)

static gboolean scan_value (Scanner *s,
                            Role     role);

gboolean
_idk_json_fail (Scanner        *s,
                IdkBundleError  code,
                const char     *format,
                ...)
{
  g_autofree char *message = NULL;
  gsize line = 1, column = 1;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  for (gsize i = 0; i < s->pos && i < s->length; i++)
    {
      if (s->data[i] == '\n')
        line++, column = 1;
      else if ((s->data[i] & 0xC0) != 0x80)
        column++;
    }

  g_set_error (s->error, IDK_BUNDLE_ERROR, code,
               /* Translators: where a fault is in a file, e.g. "Invalid escape at line 3, column 7 (byte 54)" */
               _("%s at line %zu, column %zu (byte %zu)"),
               message, line, column, s->pos);
  return FALSE;
}

gboolean
_idk_json_truncated (Scanner *s)
{
  return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Unexpected end of the file: it is truncated"));
}

/* Past the colon after a member name, and the space before it. */
gboolean
_idk_json_expect_colon (Scanner *s)
{
  _idk_json_skip_space (s);
  if (s->pos >= s->length)
    return _idk_json_truncated (s);
  if (s->data[s->pos] != ':')
    return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Expected “:” after a member name"));
  s->pos++;
  return TRUE;
}

void
_idk_json_skip_space (Scanner *s)
{
  while (s->pos < s->length)
    {
      guchar c = s->data[s->pos];

      if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
        break;
      s->pos++;
      s->spaces++;
    }
}

static gboolean
enter (Scanner *s)
{
  if (++s->depth > s->limits->max_depth)
    return _idk_json_fail (s, IDK_BUNDLE_ERROR_TOO_LARGE, _("Nesting deeper than %u levels"), s->limits->max_depth);
  s->pos++;
  return TRUE;
}

/* Whether the key just decoded at @key_start is one of the keys before it
 * in the same object, which start at @first. */
static gboolean
is_duplicate (Scanner    *s,
              gsize       first,
              gsize       key_start,
              GHashTable *big)
{
  const char *key = s->keys->str + key_start;

  if (big != NULL)
    return !g_hash_table_add (big, g_strdup (key));

  for (gsize p = first; p < key_start; p += strlen (s->keys->str + p) + 1)
    if (strcmp (s->keys->str + p, key) == 0)
      return TRUE;

  return FALSE;
}

static GHashTable *
make_big (Scanner *s,
          gsize    first,
          gsize    end)
{
  GHashTable *big = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize p = first; p < end; p += strlen (s->keys->str + p) + 1)
    g_hash_table_add (big, g_strdup (s->keys->str + p));
  return big;
}

static gboolean
scan_object (Scanner *s,
             Role     role)
{
  g_autoptr(GHashTable) big = NULL;
  gsize first = s->keys->len;
  guint n_members = 0;

  if (!enter (s))
    return FALSE;

  _idk_json_skip_space (s);
  if (s->pos < s->length && s->data[s->pos] == '}')
    {
      s->pos++;
      s->depth--;
      return TRUE;
    }

  for (;;)
    {
      gsize key_start = s->keys->len;
      gsize key_pos;
      const char *key;
      Role child = ROLE_NONE;
      gboolean is_fields;
      gsize value_start;
      gsize spaces_before;

      _idk_json_skip_space (s);
      if (s->pos >= s->length)
        return _idk_json_truncated (s);
      if (s->data[s->pos] != '"')
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Expected a member name in double quotes"));

      key_pos = s->pos;
      if (!_idk_json_scan_string (s, s->keys))
        return FALSE;
      g_string_append_c (s->keys, '\0');

      if (++n_members > s->limits->max_members)
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_TOO_LARGE, _("An object has more than %u members"), s->limits->max_members);
      if (n_members == SMALL_OBJECT + 1)
        big = make_big (s, first, key_start);
      if (is_duplicate (s, first, key_start, big))
        {
          s->pos = key_pos;
          return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Duplicate key “%s”"), s->keys->str + key_start);
        }
      key = s->keys->str + key_start;

      if (!_idk_json_expect_colon (s))
        return FALSE;
      _idk_json_skip_space (s);
      if (s->pos >= s->length)
        return _idk_json_truncated (s);

      value_start = s->pos;
      /* Where the revisions start is known from here on (to the release
       * function); where they end, once they are scanned. */
      if (role == ROLE_TOP && strcmp (key, "revisions") == 0 && s->data[s->pos] == '[')
        {
          child = ROLE_REVISIONS;
          s->scan->revisions.start = value_start;
        }
      /* Decided now: scanning the value may move the keys' buffer. */
      is_fields = role == ROLE_REVISION && strcmp (key, "fields") == 0;

      spaces_before = s->spaces;
      if (!scan_value (s, child))
        return FALSE;

      if (child == ROLE_REVISIONS)
        {
          s->scan->revisions.start = value_start;
          s->scan->revisions.end = s->pos;
        }
      else if (is_fields)
        {
          s->fields.start = value_start;
          s->fields.end = s->pos;
          s->fields_compact = s->spaces == spaces_before;
        }

      _idk_json_skip_space (s);
      if (s->pos >= s->length)
        return _idk_json_truncated (s);
      if (s->data[s->pos] == '}')
        break;
      if (s->data[s->pos] != ',')
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Expected “,” or “}” in an object"));
      s->pos++;
    }

  s->pos++;
  s->depth--;
  g_string_truncate (s->keys, first);
  return TRUE;
}

static gboolean
scan_array (Scanner *s,
            Role     role)
{
  guint n_elements = 0;
  guint limit = role == ROLE_REVISIONS ? s->limits->max_elements : s->limits->max_members;

  if (!enter (s))
    return FALSE;

  _idk_json_skip_space (s);
  if (s->pos < s->length && s->data[s->pos] == ']')
    {
      s->pos++;
      s->depth--;
      return TRUE;
    }

  for (;;)
    {
      IdkJsonElement element = { { 0, 0 }, { 0, 0 }, FALSE };

      if (++n_elements > limit)
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_TOO_LARGE, _("An array has more than %u elements"), limit);

      _idk_json_skip_space (s);
      if (s->pos >= s->length)
        return _idk_json_truncated (s);

      element.value.start = s->pos;
      if (role == ROLE_REVISIONS)
        s->fields.start = s->fields.end = 0;
      if (!scan_value (s, role == ROLE_REVISIONS && s->data[s->pos] == '{' ? ROLE_REVISION : ROLE_NONE))
        return FALSE;
      element.value.end = s->pos;

      if (role == ROLE_REVISIONS)
        {
          element.fields = s->fields;
          element.fields_compact = s->fields_compact;
          g_array_append_val (s->scan->elements, element);

          if (s->release != NULL && s->pos - s->released > RELEASE_STEP)
            {
              s->release ((const char *) s->data, s->pos, s->release_data);
              s->released = s->pos;
            }
        }

      _idk_json_skip_space (s);
      if (s->pos >= s->length)
        return _idk_json_truncated (s);
      if (s->data[s->pos] == ']')
        break;
      if (s->data[s->pos] != ',')
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Expected “,” or “]” in an array"));
      s->pos++;
    }

  s->pos++;
  s->depth--;
  return TRUE;
}

static gboolean
scan_value (Scanner *s,
            Role     role)
{
  if (s->pos >= s->length)
    return _idk_json_truncated (s);

  switch (s->data[s->pos])
    {
    case '{':
      return scan_object (s, role);
    case '[':
      return scan_array (s, role);
    case '"':
      return _idk_json_scan_string (s, NULL);
    case 't':
      return _idk_json_scan_literal (s, "true");
    case 'f':
      return _idk_json_scan_literal (s, "false");
    case 'n':
      return _idk_json_scan_literal (s, "null");
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return _idk_json_scan_number (s);
    default:
      if (s->data[s->pos] >= 0x80)
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Unexpected text outside a string"));
      return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Unexpected character “%c”"),
                   g_ascii_isprint (s->data[s->pos]) ? s->data[s->pos] : '?');
    }
}

const IdkJsonLimits *
idk_json_limits_default (void)
{
  return &default_limits;
}

/**
 * idk_json_scan:
 * @data: the text
 * @length: its length in bytes
 * @limits: (nullable): the bounds, or %NULL for the defaults
 * @scan: (out caller-allocates): where the revisions lie
 *
 * Checks that @data is one well-formed JSON object, valid UTF-8, within
 * @limits, without duplicate keys, `\u0000`, lone surrogates or integers
 * beyond ±2^53, and with nothing after it.  The error names the fault and
 * its line and column.
 */
gboolean
idk_json_scan (const char           *data,
               gsize                 length,
               const IdkJsonLimits  *limits,
               IdkJsonScan          *scan,
               GError              **error)
{
  return idk_json_scan_full (data, length, limits, NULL, NULL, scan, error);
}

/**
 * idk_json_scan_full:
 * @release: (nullable): told every few megabytes how far the scan got
 *
 * idk_json_scan(), giving back memory on the way.
 */
gboolean
idk_json_scan_full (const char           *data,
                    gsize                 length,
                    const IdkJsonLimits  *limits,
                    IdkJsonReleaseFunc    release,
                    gpointer              user_data,
                    IdkJsonScan          *scan,
                    GError              **error)
{
  g_autoptr(GString) keys = g_string_sized_new (256);
  Scanner s = {
    .data = (const guchar *) data,
    .length = length,
    .limits = limits ? limits : &default_limits,
    .scan = scan,
    .error = error,
    .keys = keys,
    .release = release,
    .release_data = user_data,
  };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (scan != NULL, FALSE);

  memset (scan, 0, sizeof *scan);
  scan->elements = g_array_new (FALSE, FALSE, sizeof (IdkJsonElement));

  if (length > s.limits->max_size)
    {
      g_set_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_TOO_LARGE,
                   _("The file is larger than %zu bytes"), s.limits->max_size);
      goto failed;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      _idk_json_fail (&s, IDK_BUNDLE_ERROR_MALFORMED, _("The file starts with a byte order mark, which JSON does not allow"));
      goto failed;
    }

  _idk_json_skip_space (&s);
  if (s.pos >= length)
    {
      g_set_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_MALFORMED, _("The file is empty"));
      goto failed;
    }
  if (s.data[s.pos] != '{')
    {
      _idk_json_fail (&s, IDK_BUNDLE_ERROR_INVALID, _("Not a bundle: the file is not one JSON object"));
      goto failed;
    }

  if (!scan_object (&s, ROLE_TOP))
    goto failed;

  _idk_json_skip_space (&s);
  if (s.pos < length)
    {
      _idk_json_fail (&s, IDK_BUNDLE_ERROR_MALFORMED, _("Trailing data after the end of the bundle"));
      goto failed;
    }

  return TRUE;

failed:
  idk_json_scan_clear (scan);
  return FALSE;
}

void
idk_json_scan_clear (IdkJsonScan *scan)
{
  g_clear_pointer (&scan->elements, g_array_unref);
  scan->revisions.start = scan->revisions.end = 0;
}
