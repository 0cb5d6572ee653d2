/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-json-scan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "idk-bundle.h"
#include "idk-json-scan-private.h"

/* The tokens of the pre-scan: strings (escapes, UTF-8, surrogates, NUL),
 * numbers (RFC 8259's grammar, integers within ±2^53) and literals. */

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Scanner  *s,
           gunichar *code)
{
  *code = 0;
  if (s->pos + 4 > s->length)
    return _idk_json_truncated (s);
  for (int i = 0; i < 4; i++)
    {
      int value = hex_value (s->data[s->pos + i]);

      if (value < 0)
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Invalid \\u escape in a string"));
      *code = *code * 16 + (gunichar) value;
    }
  s->pos += 4;
  return TRUE;
}

static gboolean
scan_escape (Scanner *s,
             GString *out)
{
  gunichar code;
  guchar c;

  s->pos++;   /* the backslash */
  if (s->pos >= s->length)
    return _idk_json_truncated (s);

  c = s->data[s->pos++];
  switch (c)
    {
    case '"': code = '"'; break;
    case '\\': code = '\\'; break;
    case '/': code = '/'; break;
    case 'b': code = '\b'; break;
    case 'f': code = '\f'; break;
    case 'n': code = '\n'; break;
    case 'r': code = '\r'; break;
    case 't': code = '\t'; break;
    case 'u':
      if (!read_hex4 (s, &code))
        return FALSE;
      if (code == 0)
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("A string contains \\u0000"));
      if (code >= 0xDC00 && code <= 0xDFFF)
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("A string contains a lone low surrogate \\u%04X"), code);
      if (code >= 0xD800 && code <= 0xDBFF)
        {
          gunichar low;

          if (s->pos + 2 > s->length || s->data[s->pos] != '\\' || s->data[s->pos + 1] != 'u')
            return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("A string contains a lone high surrogate \\u%04X"), code);
          s->pos += 2;
          if (!read_hex4 (s, &low))
            return FALSE;
          if (low < 0xDC00 || low > 0xDFFF)
            return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("A string contains a lone high surrogate \\u%04X"), code);
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
      break;
    default:
      s->pos--;
      return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Invalid escape “\\%c” in a string"), g_ascii_isprint (c) ? c : '?');
    }

  if (out != NULL)
    g_string_append_unichar (out, code);
  return TRUE;
}

/* Checks a string and, if @out is given, appends its decoded text. */
gboolean
_idk_json_scan_string (Scanner *s,
                       GString *out)
{
  gsize start = ++s->pos;

  for (;;)
    {
      guchar c;

      if (s->pos >= s->length)
        return _idk_json_truncated (s);
      if (s->pos - start > s->limits->max_string)
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_TOO_LARGE, _("A string is longer than %zu bytes"),
                     s->limits->max_string);

      c = s->data[s->pos];
      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      else if (c == '\\')
        {
          if (!scan_escape (s, out))
            return FALSE;
        }
      else if (c < 0x20)
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("A string contains the control character 0x%02X"), c);
      else if (c < 0x80)
        {
          if (out != NULL)
            g_string_append_c (out, (char) c);
          s->pos++;
        }
      else
        {
          gunichar code = g_utf8_get_char_validated ((const char *) s->data + s->pos,
                                                     (gssize) MIN (s->length - s->pos, 4));
          gsize bytes;

          if (code == (gunichar) -1 || code == (gunichar) -2)
            return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Invalid UTF-8"));
          bytes = (gsize) g_unichar_to_utf8 (code, NULL);
          if (out != NULL)
            g_string_append_len (out, (const char *) s->data + s->pos, (gssize) bytes);
          s->pos += bytes;
        }
    }
}

gboolean
_idk_json_scan_number (Scanner *s)
{
  gsize start = s->pos;
  gboolean integer = TRUE;
  char buffer[64];

  if (s->data[s->pos] == '-')
    s->pos++;

  if (s->pos >= s->length)
    return _idk_json_truncated (s);
  if (s->data[s->pos] == '0')
    s->pos++;
  else if (g_ascii_isdigit (s->data[s->pos]))
    while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
      s->pos++;
  else
    return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Invalid number"));

  if (s->pos < s->length && s->data[s->pos] == '.')
    {
      integer = FALSE;
      s->pos++;
      if (s->pos >= s->length || !g_ascii_isdigit (s->data[s->pos]))
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Invalid number: no digit after the decimal point"));
      while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
        s->pos++;
    }

  if (s->pos < s->length && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      integer = FALSE;
      s->pos++;
      if (s->pos < s->length && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (s->pos >= s->length || !g_ascii_isdigit (s->data[s->pos]))
        return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Invalid number: no digit in the exponent"));
      while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
        s->pos++;
    }

  if (s->pos - start >= sizeof buffer)
    {
      s->pos = start;
      return _idk_json_fail (s, IDK_BUNDLE_ERROR_TOO_LARGE, _("A number has more than %u characters"),
                   (guint) sizeof buffer - 1);
    }
  memcpy (buffer, s->data + start, s->pos - start);
  buffer[s->pos - start] = '\0';

  if (integer)
    {
      const char *digits = buffer[0] == '-' ? buffer + 1 : buffer;
      guint64 value = 0;

      /* 20 digits or more cannot fit; fewer are parsed exactly. */
      if (strlen (digits) >= 20 ||
          (value = g_ascii_strtoull (digits, NULL, 10)) > MAX_SAFE_INTEGER)
        {
          s->pos = start;
          return _idk_json_fail (s, IDK_BUNDLE_ERROR_TOO_LARGE, _("The integer %s is beyond ±2^53"), buffer);
        }
    }
  else
    {
      double value = g_ascii_strtod (buffer, NULL);

      if (!isfinite (value))
        {
          s->pos = start;
          return _idk_json_fail (s, IDK_BUNDLE_ERROR_TOO_LARGE, _("The number %s is out of range"), buffer);
        }
    }

  return TRUE;
}

gboolean
_idk_json_scan_literal (Scanner    *s,
                        const char *word)
{
  gsize length = strlen (word);

  if (s->pos + length > s->length)
    {
      if (memcmp (s->data + s->pos, word, s->length - s->pos) == 0)
        return _idk_json_truncated (s);
      return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Unexpected text"));
    }
  if (memcmp (s->data + s->pos, word, length) != 0)
    return _idk_json_fail (s, IDK_BUNDLE_ERROR_MALFORMED, _("Unexpected text"));

  s->pos += length;
  return TRUE;
}

