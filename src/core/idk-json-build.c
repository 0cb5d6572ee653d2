/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-json"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "idk-bundle.h"
#include "idk-json-build-private.h"
#include "idk-json-scan-private.h"

/* A JSON text to json-glib nodes, with the pre-scan's tokens.  JsonParser
 * reads through GScanner a character at a time: for the revisions of a
 * large bundle, it was three quarters of the importer's parsing thread,
 * which the writer waited on.  The text given here has passed the
 * pre-scan (idk_json_scan ()), so this reads it with the same rules and
 * limits, and fails only as the scan would have. */

static JsonNode *build_value (Scanner *s);

/* After a member or an element: whether another follows (a comma), or
 * the container ends with @close.  In the scan's words: the text passed
 * it, so no message should be needed. */
static gboolean
next_or_end (Scanner  *s,
             guchar    close,
             gboolean *more)
{
  _idk_json_skip_space (s);
  if (s->pos >= s->length)
    return _idk_json_truncated (s);
  *more = s->data[s->pos] == ',';
  if (!*more && s->data[s->pos] != close)
    return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, close == '}' ? _("Expected “,” or “}” in an object")
                                                                      : _("Expected “,” or “]” in an array"));
  s->pos++;
  return TRUE;
}

/* At '{' or '[': whether the container is empty (and then past it). */
static gboolean
opens_empty (Scanner *s,
             guchar   close)
{
  s->pos++;
  _idk_json_skip_space (s);
  if (s->pos < s->length && s->data[s->pos] == close)
    {
      s->pos++;
      return TRUE;
    }
  return FALSE;
}

static JsonNode *
build_object (Scanner *s)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean more = !opens_empty (s, '}');

  while (more)
    {
      JsonNode *value;

      _idk_json_skip_space (s);
      if (s->pos >= s->length || s->data[s->pos] != '"')
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Expected a member name in double quotes")), NULL;
      g_string_truncate (key, 0);
      if (!_idk_json_scan_string (s, key) || !_idk_json_expect_colon (s) || !(value = build_value (s)))
        return NULL;
      json_object_set_member (object, key->str, value);
      if (!next_or_end (s, '}', &more))
        return NULL;
    }

  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
build_array (Scanner *s)
{
  g_autoptr(JsonArray) array = json_array_new ();
  gboolean more = !opens_empty (s, ']');

  while (more)
    {
      JsonNode *value = build_value (s);

      if (value == NULL)
        return NULL;
      json_array_add_element (array, value);
      if (!next_or_end (s, ']', &more))
        return NULL;
    }

  return json_node_init_array (json_node_alloc (), array);
}

/* As JsonParser reads numbers: an integer without a fraction or an
 * exponent, a double otherwise. */
static JsonNode *
build_number (Scanner *s)
{
  gsize start = s->pos;
  char buffer[64];
  gboolean integer = TRUE;

  if (!_idk_json_scan_number (s))
    return NULL;
  memcpy (buffer, s->data + start, s->pos - start);
  buffer[s->pos - start] = '\0';
  for (const char *c = buffer; *c != '\0'; c++)
    integer &= *c != '.' && *c != 'e' && *c != 'E';

  if (integer)
    return json_node_init_int (json_node_alloc (), g_ascii_strtoll (buffer, NULL, 10));
  return json_node_init_double (json_node_alloc (), g_ascii_strtod (buffer, NULL));
}

static JsonNode *
build_value (Scanner *s)
{
  JsonNode *node = NULL;

  _idk_json_skip_space (s);
  if (s->pos >= s->length)
    return _idk_json_truncated (s), NULL;

  switch (s->data[s->pos])
    {
    case '{':
    case '[':
      if (++s->depth > s->limits->max_depth)
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_TOO_LARGE, _("Nesting deeper than %u levels"),
                               s->limits->max_depth), NULL;
      node = s->data[s->pos] == '{' ? build_object (s) : build_array (s);
      s->depth--;
      break;

    case '"':
      {
        g_autoptr(GString) text = g_string_new (NULL);

        if (_idk_json_scan_string (s, text))
          node = json_node_init_string (json_node_alloc (), text->str);
      }
      break;

    case 't':
      if (_idk_json_scan_literal (s, "true"))
        node = json_node_init_boolean (json_node_alloc (), TRUE);
      break;

    case 'f':
      if (_idk_json_scan_literal (s, "false"))
        node = json_node_init_boolean (json_node_alloc (), FALSE);
      break;

    case 'n':
      if (_idk_json_scan_literal (s, "null"))
        node = json_node_init_null (json_node_alloc ());
      break;

    default:
      node = build_number (s);
    }

  return node;
}

/**
 * _idk_json_build:
 * @data: (array length=length): a JSON text the pre-scan accepted
 *
 * Returns: (transfer full): its value as json-glib nodes, or %NULL with
 *   @error set
 */
JsonNode *
_idk_json_build (const char  *data,
                 gsize        length,
                 GError     **error)
{
  Scanner s = {
    .data = (const guchar *) data,
    .length = length,
    .limits = idk_json_limits_default (),
    .error = error,
  };
  g_autoptr(JsonNode) node = build_value (&s);

  if (node == NULL)
    return NULL;
  _idk_json_skip_space (&s);
  if (s.pos != s.length)
    return _idk_json_fail (&s, IDK_BUNDLE_ERROR_MALFORMED, _("Unexpected text outside a string")), NULL;
  return g_steal_pointer (&node);
}
