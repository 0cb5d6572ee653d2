/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-json-flat-private.h"
#include "idk-revision.h"

G_BEGIN_DECLS

/* Enough for any resolution of a conflict between offices. */
#define IDK_REVISION_MAX_PARENTS 64

IdkRevision *_idk_revision_parse_flat   (IdkJsonFlat         *flat,
                                         guint               *fields,
                                         guint               *members,
                                         GError             **error);
char        *_idk_revision_parents_json (const char * const  *parents);
gboolean     _idk_uuid_is_canonical     (const char          *text);

G_END_DECLS
