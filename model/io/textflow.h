// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/segmentlabels.h"

#include <QString>

class QIODevice;
class Trace;

// The trace as a plain-text sequence diagram, one line per event, for terminals, e-mail and diffs
// (what `tshark -z flow,tcp,network` prints, with the textbook's labels): time, the client's calls
// and TCP states, the segment as an arrow with its label, the server's states and calls.
//
//   time (s)  client app            client TCP    segment                                server TCP   server app
//   0.003862  connect() ...         SYN_SENT      ---------------- SYN J --------------->
//   0.006483                                      <---------- SYN K, ACK J+1 ----------- SYN_RCVD
//
// Linear in the trace's size, written as it goes (nothing held but one line).
namespace TextFlow {

bool write(const Trace &trace, QIODevice &out, QString *error, NumberStyle style = NumberStyle::Symbolic);
QString toString(const Trace &trace, NumberStyle style = NumberStyle::Symbolic);

} // namespace TextFlow
