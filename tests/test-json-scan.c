/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "idk-test-util.h"
#include "idk-json-flat-private.h"
#include "idk-json-scan.h"

/* The bounded pre-scan on its own: what it accepts at the edges, and the
 * byte spans of the revisions it hands to json-glib; and the reading of
 * those spans into json-glib nodes, which must give what JsonParser
 * gives. */

static gboolean
scan (const char  *text,
      IdkJsonScan *result,
      GError     **error)
{
  return idk_json_scan (text, strlen (text), NULL, result, error);
}

static void
assert_accepted (const char *text)
{
  g_autoptr(GError) error = NULL;
  IdkJsonScan result;

  if (!scan (text, &result, &error))
    g_error ("refused %s: %s", text, error->message);
  idk_json_scan_clear (&result);
}

static void
assert_refused (const char     *text,
                IdkBundleError  code,
                const char     *expected)
{
  g_autoptr(GError) error = NULL;
  IdkJsonScan result;

  g_assert_false (scan (text, &result, &error));
  g_assert_error (error, IDK_BUNDLE_ERROR, (int) code);
  if (strstr (error->message, expected) == NULL)
    g_error ("%s: “%s” does not say “%s”", text, error->message, expected);
  g_assert_null (result.elements);
}

static void
test_edges (void)
{
  assert_accepted ("{}");
  assert_accepted (" \n{\"a\": [1, -0, 0.5e-3, true, false, null, \"\\u00e9\\ud83d\\ude00\"]}\r\n");
  assert_accepted ("{\"max\": 9007199254740992, \"min\": -9007199254740992}");
  assert_accepted ("{\"utf8\": \"Sécurité — 安全\"}");

  assert_refused ("{\"n\": 9007199254740993}", IDK_BUNDLE_ERROR_TOO_LARGE, "beyond ±2^53");
  assert_refused ("{\"n\": 012}", IDK_BUNDLE_ERROR_MALFORMED, "Expected “,” or “}”");
  assert_refused ("{\"a\": [1, 2,]}", IDK_BUNDLE_ERROR_MALFORMED, "Unexpected character “]”");
  assert_refused ("{\"a\": 1,}", IDK_BUNDLE_ERROR_MALFORMED, "Expected a member name");
  assert_refused ("{\"a\" 1}", IDK_BUNDLE_ERROR_MALFORMED, "Expected “:”");
  assert_refused ("{\"a\": tru", IDK_BUNDLE_ERROR_MALFORMED, "truncated");
  assert_refused ("{\"a\": tru}", IDK_BUNDLE_ERROR_MALFORMED, "Unexpected text");
  assert_refused ("{\"a\": nul!}", IDK_BUNDLE_ERROR_MALFORMED, "Unexpected text");
  assert_refused ("{\"a\": \"\\udc00\"}", IDK_BUNDLE_ERROR_MALFORMED, "lone low surrogate");
  assert_refused ("{\"a\": \"\xc3\x28\"}", IDK_BUNDLE_ERROR_MALFORMED, "Invalid UTF-8");
  assert_refused ("{\"a\": \"\xed\xa0\x80\"}", IDK_BUNDLE_ERROR_MALFORMED, "Invalid UTF-8");
  assert_refused ("{\"a\": \"\xc0\xaf\"}", IDK_BUNDLE_ERROR_MALFORMED, "Invalid UTF-8");
  assert_refused ("[]", IDK_BUNDLE_ERROR_INVALID, "not one JSON object");
  assert_refused ("  ", IDK_BUNDLE_ERROR_MALFORMED, "empty");
  assert_refused ("{} {}", IDK_BUNDLE_ERROR_MALFORMED, "Trailing data");
}

static void
test_duplicates_in_large_objects (void)
{
  g_autoptr(GString) text = g_string_new ("{");

  /* Past the size where the scanner switches to a hash table. */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "\"key%u\": %u, ", i, i);
  g_string_append (text, "\"key\\u0033\": 0}");

  assert_refused (text->str, IDK_BUNDLE_ERROR_MALFORMED, "Duplicate key “key3”");

  /* The same key in two objects is no duplicate. */
  assert_accepted ("{\"a\": {\"x\": 1}, \"b\": {\"x\": 2}, \"c\": [{\"x\": 3}, {\"x\": 4}]}");
}

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  IdkJsonLimits limits = *idk_json_limits_default ();
  IdkJsonScan result;
  const char *text = "{\"revisions\": [{}, {}, {}]}";

  limits.max_elements = 2;
  g_assert_false (idk_json_scan (text, strlen (text), &limits, &result, &error));
  g_assert_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  limits = *idk_json_limits_default ();
  limits.max_size = 10;
  g_assert_false (idk_json_scan (text, strlen (text), &limits, &result, &error));
  g_assert_error (error, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* 64 levels pass, 65 do not. */
  {
    g_autofree char *open = g_strnfill (63, '[');
    g_autofree char *close = g_strnfill (63, ']');
    g_autofree char *ok = g_strconcat ("{\"a\":", open, close, "}", NULL);
    g_autofree char *deep = g_strconcat ("{\"a\":[", open, close, "]}", NULL);

    assert_accepted (ok);
    assert_refused (deep, IDK_BUNDLE_ERROR_TOO_LARGE, "Nesting deeper than 64 levels");
  }
}

static void
test_spans (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "{\"format\": \"x\", \"revisions\": [ {\"type\": \"a\", \"fields\": {\"n\": [1]}, "
                     "\"parents\": [\"p\"]}, 7, {\"fields\": \"s\"} ], \"tail\": {\"fields\": {}}}";
  IdkJsonScan result;
  const IdkJsonElement *e;

  g_assert_true (scan (text, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (idk_test_keep (g_strndup (text + result.revisions.start,
                                             result.revisions.end - result.revisions.start)), ==,
                   "[ {\"type\": \"a\", \"fields\": {\"n\": [1]}, \"parents\": [\"p\"]}, 7, {\"fields\": \"s\"} ]");
  g_assert_cmpuint (result.elements->len, ==, 3);

  e = &g_array_index (result.elements, IdkJsonElement, 0);
  g_assert_cmpstr (idk_test_keep (g_strndup (text + e->fields.start, e->fields.end - e->fields.start)), ==,
                   "{\"n\": [1]}");
  e = &g_array_index (result.elements, IdkJsonElement, 1);
  g_assert_cmpstr (idk_test_keep (g_strndup (text + e->value.start, e->value.end - e->value.start)), ==, "7");
  g_assert_cmpuint (e->fields.end, ==, 0);
  e = &g_array_index (result.elements, IdkJsonElement, 2);
  g_assert_cmpstr (idk_test_keep (g_strndup (text + e->fields.start, e->fields.end - e->fields.start)), ==,
                   "\"s\"");

  idk_json_scan_clear (&result);
}

/* Values @a in @fa and @b in @fb are the same, members in the same order. */
static void
assert_same_values (IdkJsonFlat *fa,
                    guint        a,
                    IdkJsonFlat *fb,
                    guint        b)
{
  const IdkJsonValue *va = _idk_json_flat_at (fa, a);
  const IdkJsonValue *vb = _idk_json_flat_at (fb, b);
  guint ca, cb, n = 0;

  g_assert_cmpint (va->kind, ==, vb->kind);
  g_assert_cmpuint (va->count, ==, vb->count);
  switch (va->kind)
    {
    case IDK_JSON_BOOLEAN:
      g_assert_cmpint (va->boolean, ==, vb->boolean);
      break;
    case IDK_JSON_INTEGER:
      g_assert_cmpint (va->integer, ==, vb->integer);
      break;
    case IDK_JSON_DOUBLE:
      g_assert_cmpfloat (va->real, ==, vb->real);
      break;
    case IDK_JSON_STRING:
      g_assert_cmpuint (va->length, ==, vb->length);
      g_assert_cmpmem (_idk_json_flat_text (fa, va->string), va->length,
                       _idk_json_flat_text (fb, vb->string), vb->length);
      break;
    case IDK_JSON_OBJECT:
      /* json-glib gives members back in no particular order. */
      for (ca = va->first; ca != 0; ca = _idk_json_flat_at (fa, ca)->next, n++)
        {
          const char *name = _idk_json_flat_text (fa, _idk_json_flat_at (fa, ca)->name);

          cb = _idk_json_flat_member (fb, b, name);
          g_assert_cmpuint (cb, !=, 0);
          assert_same_values (fa, ca, fb, cb);
        }
      g_assert_cmpuint (n, ==, va->count);
      break;
    case IDK_JSON_ARRAY:
      for (ca = va->first, cb = vb->first; ca != 0 && cb != 0;
           ca = _idk_json_flat_at (fa, ca)->next, cb = _idk_json_flat_at (fb, cb)->next, n++)
        assert_same_values (fa, ca, fb, cb);
      g_assert_cmpuint (ca, ==, cb);
      g_assert_cmpuint (n, ==, va->count);
      break;
    case IDK_JSON_NULL:
      break;
    }
}

/* The same values as JsonParser makes: read from the text, and taken
 * from json-glib's nodes. */
static void
assert_read_as_json_glib (const char *text,
                          gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  IdkJsonFlat ours, theirs;

  _idk_json_flat_init (&ours);
  _idk_json_flat_init (&theirs);
  g_assert_true (_idk_json_flat_read (&ours, text, length, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, text, (gssize) length, &error));
  g_assert_no_error (error);
  _idk_json_flat_from_node (&theirs, json_parser_get_root (parser));
  assert_same_values (&ours, 0, &theirs, 0);
  _idk_json_flat_clear (&ours);
  _idk_json_flat_clear (&theirs);
}

static void
test_read_flat (void)
{
  const char *texts[] = {
    "{}", "[]", " { \"a\" : [ ] , \"b\" : { } } ", "\"\"", "0", "-0", "12", "-7", "1.5", "-2.25e3",
    "1E2", "9007199254740992", "true", "false", "null",
    "{\"s\": \"q\\\"b\\\\s\\/n\\n\\t\\r\\b\\f\\u00e9\\ud83d\\ude00 é\"}",
    "[1, [2, [3, {\"x\": [null, true, \"y\"]}]]]",
    "{\"rev\": \"r\", \"fields\": {\"owners\": [\"a\", \"b\"], \"n\": 3}, \"parents\": []}",
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "bundles", "good.iasmn", NULL);
  g_autofree char *bundle = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  IdkJsonScan result;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_read_as_json_glib (texts[i], strlen (texts[i]));

  /* Every revision of a real bundle. */
  g_assert_true (g_file_get_contents (path, &bundle, &length, &error));
  g_assert_true (idk_json_scan (bundle, length, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.elements->len, >, 0);
  for (guint i = 0; i < result.elements->len; i++)
    {
      const IdkJsonElement *e = &g_array_index (result.elements, IdkJsonElement, i);

      assert_read_as_json_glib (bundle + e->value.start, e->value.end - e->value.start);
    }
  idk_json_scan_clear (&result);

  /* Text the pre-scan would refuse is refused here too, not misread;
   * and what was read before goes. */
  for (guint i = 0; i < 5; i++)
    {
      const char *bad[] = { "{\"a\": ", "[1, 2", "{\"a\" 1}", "[1] x", "\"\\x\"" };
      g_autoptr(GError) refused = NULL;
      IdkJsonFlat flat;

      _idk_json_flat_init (&flat);
      g_assert_true (_idk_json_flat_read (&flat, "[1, 2, 3]", 9, &error));
      g_assert_false (_idk_json_flat_read (&flat, bad[i], strlen (bad[i]), &refused));
      g_assert_error (refused, IDK_BUNDLE_ERROR, IDK_BUNDLE_ERROR_MALFORMED);
      g_assert_true (_idk_json_flat_read (&flat, "{}", 2, &error));
      g_assert_cmpuint (flat.values->len, ==, 1);
      g_assert_cmpint (_idk_json_flat_at (&flat, 0)->kind, ==, IDK_JSON_OBJECT);
      g_assert_cmpuint (_idk_json_flat_at (&flat, 0)->count, ==, 0);
      _idk_json_flat_clear (&flat);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-scan/edges", test_edges);
  g_test_add_func ("/json-scan/duplicates-in-large-objects", test_duplicates_in_large_objects);
  g_test_add_func ("/json-scan/limits", test_limits);
  g_test_add_func ("/json-scan/spans", test_spans);
  g_test_add_func ("/json-scan/read-flat", test_read_flat);

  return g_test_run ();
}
