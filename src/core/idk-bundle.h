/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bundles: the files offices send each other (SPEC §5). */

#define IDK_BUNDLE_FORMAT "iasmn-desk-bundle"
#define IDK_BUNDLE_FORMAT_VERSION 1
#define IDK_BUNDLE_EXTENSION ".iasmn"
#define IDK_BUNDLE_MIME_TYPE "application/vnd.iasmn-desk.bundle+json"

/* Every office of the IASMN shares this network id; a bundle of another
 * network is refused. */
#define IDK_NETWORK_ID "39027447-14a4-5783-8f3d-b7def0249000"

#define IDK_BUNDLE_ERROR (idk_bundle_error_quark ())

typedef enum
{
  IDK_BUNDLE_ERROR_IO,          /* cannot read or write the file */
  IDK_BUNDLE_ERROR_MALFORMED,   /* not well-formed JSON, or not UTF-8 */
  IDK_BUNDLE_ERROR_TOO_LARGE,   /* beyond a bound: size, depth, counts */
  IDK_BUNDLE_ERROR_INVALID,     /* JSON, but not a valid bundle */
  IDK_BUNDLE_ERROR_TAMPERED,    /* contradicts itself or what was received before */
  IDK_BUNDLE_ERROR_CANCELLED,
  IDK_BUNDLE_ERROR_UNTRUSTED,   /* unsigned, or signed by a key this office does not trust */
  IDK_BUNDLE_ERROR_REVOKED,     /* signed by a key revoked here */
} IdkBundleError;

GQuark idk_bundle_error_quark (void);

G_END_DECLS
