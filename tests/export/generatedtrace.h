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
// build(), cut into scenario steps as a recording would be: a step starts at every call (listen,
// accept, connect, each write, the two closes), each with a made-up caption that says it is
// generated. With emptyStep, a step that recorded nothing is put after the connect step (the
// 4th). Returns the number of steps; the connect step (the 3rd) sends SYN J, SYN K, ACK J+1 and ACK K+1.
int buildSteps(Trace &trace, int dataSegments, bool emptyStep = false);
} // namespace GeneratedTrace
