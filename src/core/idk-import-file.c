/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "idk-import-private.h"
#include "idk-json-scan.h"

/* The bundle's bytes: read once into a private copy, given back to the
 * kernel behind the import. */

/* Gives the pages of a mapped file before @upto back to the kernel: they
 * are read again from the file if ever needed. */
void
_idk_import_release_pages (const char *data,
                           gsize       upto,
                           gpointer    user_data)
{
  IdkImport *self = user_data;
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  const char *start;
  gsize length;

  if (self->mapped == NULL)
    return;

  start = g_mapped_file_get_contents (self->mapped);
  length = (upto / page) * page;
  if (length > 0)
    madvise ((void *) start, length, MADV_DONTNEED);
}

/* The whole file, read once into a copy of its own: the bytes checked
 * (and, with signatures, verified) are the bytes imported, whatever
 * happens to the file afterwards.  A map of the file itself could change
 * under the import when the file was written in place, and kill the
 * process with SIGBUS when it shrank; a copy in memory cost the bundle's
 * size (208 MB for 100,000 actions).  The copy is a file nobody else can
 * open (unlinked at once), mapped: its pages behind the import go back to
 * the kernel and are read again if ever needed.  A file that changes
 * while it is read is refused. */
gboolean
_idk_import_read_file (IdkImport  *self,
                       GError    **error)
{
  g_autofree char *buffer = NULL;
  g_autofree char *copy_path = NULL;
  g_autoptr(GError) local = NULL;
  GStatBuf before, after;
  gsize length = 0;
  int fd, copy = -1;

  if ((fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0)) < 0 || fstat (fd, &before) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      return _idk_import_refuse (error, IDK_BUNDLE_ERROR_IO, _("Cannot read “%s”: %s"), self->path, g_strerror (saved));
    }
  if (!S_ISREG (before.st_mode))
    {
      close (fd);
      return _idk_import_refuse (error, IDK_BUNDLE_ERROR_IO, _("Cannot read “%s”: not a regular file"), self->path);
    }
  if ((guint64) before.st_size > idk_json_limits_default ()->max_size)
    {
      close (fd);
      return _idk_import_refuse (error, IDK_BUNDLE_ERROR_TOO_LARGE, _("“%s” is larger than %zu bytes"),
                                 self->path, idk_json_limits_default ()->max_size);
    }

  if ((copy = g_file_open_tmp ("iasmn-import-XXXXXX", &copy_path, &local)) < 0)
    {
      close (fd);
      return _idk_import_refuse (error, IDK_BUNDLE_ERROR_IO, _("Cannot read “%s”: %s"), self->path, local->message);
    }
  g_unlink (copy_path);

  /* One byte more than announced, to see a file that grows. */
  buffer = g_malloc (1 << 20);
  for (;;)
    {
      gssize n = read (fd, buffer, 1 << 20);

      if (n < 0 && errno == EINTR)
        continue;
      if (n > 0 && (length += (gsize) n) <= (gsize) before.st_size)
        {
          gsize written = 0;

          while (written < (gsize) n)
            {
              gssize w = write (copy, buffer + written, (gsize) n - written);

              if (w < 0 && errno == EINTR)
                continue;
              if (w < 0)
                {
                  n = -1;
                  break;
                }
              written += (gsize) w;
            }
        }
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          close (copy);
          return _idk_import_refuse (error, IDK_BUNDLE_ERROR_IO, _("Cannot read “%s”: %s"), self->path,
                                     g_strerror (saved));
        }
      if (n == 0 || length > (gsize) before.st_size)
        break;
    }
  if (fstat (fd, &after) != 0 || length != (gsize) before.st_size || after.st_size != before.st_size ||
      after.st_mtime != before.st_mtime
#ifdef __linux__
      || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec
#endif
      )
    {
      close (fd);
      close (copy);
      return _idk_import_refuse (error, IDK_BUNDLE_ERROR_IO, _("“%s” changed while it was being read: import it "
                                                               "again once it is complete"), self->path);
    }
  close (fd);

  /* An empty file cannot be mapped; it is refused by the scan anyway. */
  if (length == 0)
    {
      close (copy);
      self->bytes = g_bytes_new (NULL, 0);
      return TRUE;
    }
  self->mapped = g_mapped_file_new_from_fd (copy, FALSE, &local);
  close (copy);
  if (self->mapped == NULL)
    return _idk_import_refuse (error, IDK_BUNDLE_ERROR_IO, _("Cannot read “%s”: %s"), self->path, local->message);
  self->bytes = g_mapped_file_get_bytes (self->mapped);
  return TRUE;
}

