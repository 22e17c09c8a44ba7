// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// "ECONNREFUSED" for ECONNREFUSED; "errno 1234" for a number the C library has no name for.
QString errnoName(int err);
// "ECONNREFUSED (Connection refused)"
QString errnoText(int err);
// Inverse of errnoName for the names the trace format stores; 0 when unknown.
int errnoFromName(const QString &name);
