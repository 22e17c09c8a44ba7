// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

class Trace;

// Traces made up by the export tests and the export benchmark, labelled as such
// (TraceInfo::source = "generated"): real IPv4/TCP bytes, the calls and states a BSD client and
// server go through, and the wire's actions — no kernel involved.
namespace GeneratedTrace {
// Handshake, `dataSegments` one-way data segments each acknowledged by the server (one of them
// dropped and retransmitted, one duplicated by the wire when there are at least 3), and the
// four-segment close. Total segments sent: 3 + 2 * dataSegments + (1 if dataSegments >= 3) + 4.
void build(Trace &trace, int dataSegments, const QString &payloadText = QStringLiteral("hello"));
}
