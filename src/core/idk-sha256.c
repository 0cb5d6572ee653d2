/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <nettle/sha2.h>

#include "idk-sha256-private.h"

struct _IdkSha256
{
  struct sha256_ctx context;
  char hex[SHA256_DIGEST_SIZE * 2 + 1];   /* once finished; else "" */
};

IdkSha256 *
_idk_sha256_new (void)
{
  IdkSha256 *self = g_new0 (IdkSha256, 1);

  sha256_init (&self->context);
  return self;
}

void
_idk_sha256_update (IdkSha256  *self,
                    const void *data,
                    gsize       length)
{
  g_return_if_fail (self->hex[0] == '\0');

  sha256_update (&self->context, length, data);
}

/* Finishes the hash: no update may follow, as with GChecksum. */
const char *
_idk_sha256_hex (IdkSha256 *self)
{
  static const char digits[] = "0123456789abcdef";
  guint8 digest[SHA256_DIGEST_SIZE];

  if (self->hex[0] != '\0')
    return self->hex;

  sha256_digest (&self->context, sizeof digest, digest);
  for (guint i = 0; i < sizeof digest; i++)
    {
      self->hex[2 * i] = digits[digest[i] >> 4];
      self->hex[2 * i + 1] = digits[digest[i] & 0xf];
    }
  self->hex[sizeof self->hex - 1] = '\0';
  return self->hex;
}

void
_idk_sha256_free (IdkSha256 *self)
{
  g_free (self);
}
