// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class Trace;

// The story a run tells, without what kernels choose at random (ports, sequence numbers, times):
// per step, the segments each side sent (flags, payload length, retransmission or not) and what the
// wire did with them, the calls each side made with their results and errnos, Qt's signals, and the
// kernel states each side passed through. Two runs of a scenario on real kernels tell the same
// story; a take-over replay is checked against its recording this way, never patched from it.
namespace TraceStory {

// The differences between the first `steps` steps of two traces that both have steps (at most
// `limit` of them, each naming its step and side): empty when both tell the same story.
QStringList differences(const Trace &recording, const Trace &replay, int steps, int limit = 3);

} // namespace TraceStory
