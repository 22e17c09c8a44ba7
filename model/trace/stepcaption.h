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

// A kernel timer as students know it, from a Timer event and the state its socket was in:
// sock_diag's timer 1 is the whole retransmit family (RTO, tail-loss probe, RACK reorder timer),
// so a pending one is a "retransmit timer"; 2 is "keepalive", 4 the "persist timer" (zero-window
// probe), and 3 is "TIME_WAIT 2MSL", or the "FIN_WAIT_2 timeout" (tcp_fin_timeout) when the
// timewait socket is an orphaned FIN_WAIT_2. Empty for TimerKind::None and other events.
QString timerName(const Trace &trace, qsizetype timerEvent);

// Which timer of the retransmit family made a kernel resend a segment (a Send marked
// Retransmission), judged only from what the trace holds before it:
// - Rto: the oldest unacknowledged segment (or a SYN) went out again once the retransmit timer the
//   kernel reported had run out; the kernel then backs off (idiag_retrans rises).
// - TailLossProbe: the last segment sent went out again before that timer was due, with no backoff.
// - Unknown: no retransmit timer was seen pending, or neither fits (a fast retransmit after
//   duplicate ACKs, or the RACK reorder timer).
enum class Resend : quint8 { Unknown, Rto, TailLossProbe };
Resend resendCause(const Trace &trace, qsizetype sendIndex);
} // namespace StepCaption
