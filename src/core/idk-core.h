/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "idk-action.h"
#include "idk-action-list.h"
#include "idk-actor.h"
#include "idk-bundle.h"
#include "idk-change.h"
#include "idk-date.h"
#include "idk-entry.h"
#include "idk-i18n.h"
#include "idk-import.h"
#include "idk-meeting.h"
#include "idk-organization.h"
#include "idk-record.h"
#include "idk-revision.h"
#include "idk-store.h"
#include "idk-types.h"
#include "idk-working-group.h"
