// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "segmentlabels.h"

#include <QString>

class Trace;

// The caption under the diagram: what an event of the trace means, in plain words, with the
// segment labels of the diagram ("The server's kernel answered the SYN with its own SYN and an ACK
// of J+1; connect() is still blocked until this segment arrives."). Pure: reads the trace up to
// the event (which calls are still blocked there), never the live lab.
namespace StepCaption {
QString describe(const Trace &trace, const SegmentLabeler &labels, qsizetype eventIndex, NumberStyle style);
}
