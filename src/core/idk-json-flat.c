/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-json"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "idk-bundle.h"
#include "idk-json-flat-private.h"
#include "idk-json-scan-private.h"

/* A JSON text to flat values, with the pre-scan's tokens.  The text given
 * here has passed the pre-scan (idk_json_scan ()), so this reads it with
 * the same rules and limits, and fails only as the scan would have.  It
 * reads numbers as JsonParser does, so that a value means the same read
 * either way: an integer without a fraction or an exponent, a double
 * otherwise. */

static gboolean read_value (Scanner     *s,
                            IdkJsonFlat *flat,
                            guint       *index);

#define AT(flat, i) (&g_array_index ((flat)->values, IdkJsonValue, (i)))

static guint
push (IdkJsonFlat *flat,
      IdkJsonKind  kind)
{
  IdkJsonValue value = { .kind = kind };

  g_array_append_val (flat->values, value);
  return flat->values->len - 1;
}

/* Appends a member or an element to @container, after @last. */
static void
link_child (IdkJsonFlat *flat,
            guint        container,
            guint       *last,
            guint        child)
{
  if (*last != 0)
    AT (flat, *last)->next = child;
  else
    AT (flat, container)->first = child;
  AT (flat, container)->count++;
  *last = child;
}

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

/* A string's decoded text, at the end of the text block. */
static gboolean
read_text (Scanner     *s,
           IdkJsonFlat *flat,
           guint       *offset,
           guint       *length)
{
  *offset = flat->text->len;
  if (!_idk_json_scan_string (s, flat->text))
    return FALSE;
  *length = flat->text->len - *offset;
  g_string_append_c (flat->text, '\0');
  return TRUE;
}

static gboolean
read_object (Scanner     *s,
             IdkJsonFlat *flat,
             guint        object)
{
  gboolean more = !opens_empty (s, '}');
  guint last = 0;

  while (more)
    {
      guint name, name_length, member;

      _idk_json_skip_space (s);
      if (s->pos >= s->length || s->data[s->pos] != '"')
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Expected a member name in double quotes"));
      if (!read_text (s, flat, &name, &name_length) || !_idk_json_expect_colon (s) ||
          !read_value (s, flat, &member))
        return FALSE;
      AT (flat, member)->name = name;
      link_child (flat, object, &last, member);
      if (!next_or_end (s, '}', &more))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_array (Scanner     *s,
            IdkJsonFlat *flat,
            guint        array)
{
  gboolean more = !opens_empty (s, ']');
  guint last = 0;

  while (more)
    {
      guint element;

      if (!read_value (s, flat, &element))
        return FALSE;
      link_child (flat, array, &last, element);
      if (!next_or_end (s, ']', &more))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_number (Scanner     *s,
             IdkJsonFlat *flat,
             guint        index)
{
  gsize start = s->pos;
  char buffer[64];
  gboolean integer = TRUE;

  if (!_idk_json_scan_number (s))
    return FALSE;
  memcpy (buffer, s->data + start, s->pos - start);
  buffer[s->pos - start] = '\0';
  for (const char *c = buffer; *c != '\0'; c++)
    integer &= *c != '.' && *c != 'e' && *c != 'E';

  if (integer)
    {
      AT (flat, index)->kind = IDK_JSON_INTEGER;
      AT (flat, index)->integer = g_ascii_strtoll (buffer, NULL, 10);
    }
  else
    {
      AT (flat, index)->kind = IDK_JSON_DOUBLE;
      AT (flat, index)->real = g_ascii_strtod (buffer, NULL);
    }
  return TRUE;
}

static gboolean
read_value (Scanner     *s,
            IdkJsonFlat *flat,
            guint       *index)
{
  gboolean ok = FALSE;
  guint self;

  _idk_json_skip_space (s);
  if (s->pos >= s->length)
    return _idk_json_truncated (s);

  *index = self = push (flat, IDK_JSON_NULL);
  switch (s->data[s->pos])
    {
    case '{':
    case '[':
      if (++s->depth > s->limits->max_depth)
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_TOO_LARGE, _("Nesting deeper than %u levels"),
                               s->limits->max_depth);
      if (s->data[s->pos] == '{')
        {
          AT (flat, self)->kind = IDK_JSON_OBJECT;
          ok = read_object (s, flat, self);
        }
      else
        {
          AT (flat, self)->kind = IDK_JSON_ARRAY;
          ok = read_array (s, flat, self);
        }
      s->depth--;
      break;

    case '"':
      {
        guint offset, length;

        if ((ok = read_text (s, flat, &offset, &length)))
          {
            AT (flat, self)->kind = IDK_JSON_STRING;
            AT (flat, self)->string = offset;
            AT (flat, self)->length = length;
          }
      }
      break;

    case 't':
    case 'f':
      {
        gboolean truth = s->data[s->pos] == 't';

        if ((ok = _idk_json_scan_literal (s, truth ? "true" : "false")))
          {
            AT (flat, self)->kind = IDK_JSON_BOOLEAN;
            AT (flat, self)->boolean = truth;
          }
      }
      break;

    case 'n':
      ok = _idk_json_scan_literal (s, "null");
      break;

    default:
      ok = read_number (s, flat, self);
    }

  return ok;
}

void
_idk_json_flat_init (IdkJsonFlat *flat)
{
  flat->values = g_array_sized_new (FALSE, FALSE, sizeof (IdkJsonValue), 64);
  flat->text = g_string_sized_new (1024);
}

void
_idk_json_flat_clear (IdkJsonFlat *flat)
{
  g_clear_pointer (&flat->values, g_array_unref);
  if (flat->text != NULL)
    g_string_free (g_steal_pointer (&flat->text), TRUE);
}

static void
reset (IdkJsonFlat *flat)
{
  g_array_set_size (flat->values, 0);
  g_string_truncate (flat->text, 0);
}

/**
 * _idk_json_flat_read:
 * @data: (array length=length): a JSON text the pre-scan accepted
 *
 * Reads @data into @flat, in place of what it held: its outermost value
 * is at index 0.
 *
 * Returns: FALSE with @error set if the text is not JSON
 */
gboolean
_idk_json_flat_read (IdkJsonFlat  *flat,
                     const char   *data,
                     gsize         length,
                     GError      **error)
{
  Scanner s = {
    .data = (const guchar *) data,
    .length = length,
    .limits = idk_json_limits_default (),
    .error = error,
  };
  guint root;

  reset (flat);
  if (!read_value (&s, flat, &root))
    return FALSE;
  _idk_json_skip_space (&s);
  if (s.pos != s.length)
    return _idk_json_fail (&s, IDK_BUNDLE_ERROR_MALFORMED, _("Unexpected text outside a string"));
  return TRUE;
}

static guint
add_text (IdkJsonFlat *flat,
          const char  *text,
          guint       *length)
{
  guint offset = flat->text->len;

  g_string_append (flat->text, text);
  if (length != NULL)
    *length = flat->text->len - offset;
  g_string_append_c (flat->text, '\0');
  return offset;
}

static guint
from_node (IdkJsonFlat *flat,
           JsonNode    *node)
{
  guint self = push (flat, IDK_JSON_NULL), last = 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      AT (flat, self)->kind = IDK_JSON_OBJECT;
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          guint child = from_node (flat, member);

          AT (flat, child)->name = add_text (flat, name, NULL);
          link_child (flat, self, &last, child);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      AT (flat, self)->kind = IDK_JSON_ARRAY;
      for (guint i = 0; i < json_array_get_length (array); i++)
        link_child (flat, self, &last, from_node (flat, json_array_get_element (array, i)));
    }
  else if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        {
          guint length;
          guint offset = add_text (flat, json_node_get_string (node), &length);

          AT (flat, self)->kind = IDK_JSON_STRING;
          AT (flat, self)->string = offset;
          AT (flat, self)->length = length;
        }
      else if (type == G_TYPE_INT64)
        {
          AT (flat, self)->kind = IDK_JSON_INTEGER;
          AT (flat, self)->integer = json_node_get_int (node);
        }
      else if (type == G_TYPE_DOUBLE)
        {
          AT (flat, self)->kind = IDK_JSON_DOUBLE;
          AT (flat, self)->real = json_node_get_double (node);
        }
      else if (type == G_TYPE_BOOLEAN)
        {
          AT (flat, self)->kind = IDK_JSON_BOOLEAN;
          AT (flat, self)->boolean = json_node_get_boolean (node);
        }
    }
  return self;
}

/* The same values as json-glib nodes hold, for the checks that read flat
 * values (a local save, a test): in place of what @flat held. */
void
_idk_json_flat_from_node (IdkJsonFlat *flat,
                          JsonNode    *node)
{
  reset (flat);
  from_node (flat, node);
}

/* The member of @object called @name, or 0. */
guint
_idk_json_flat_member (IdkJsonFlat *flat,
                       guint        object,
                       const char  *name)
{
  for (guint m = AT (flat, object)->first; m != 0; m = AT (flat, m)->next)
    if (strcmp (_idk_json_flat_text (flat, AT (flat, m)->name), name) == 0)
      return m;
  return 0;
}
