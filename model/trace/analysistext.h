// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "event.h"

#include <QStringList>

// Wireshark's TCP analysis marks of a segment (EventMark and AnalysisMark bits) in words, the same
// on an arrow, in a caption and in a text export.
namespace AnalysisText {

// Short names, most telling first: {"fast retransmission", "window full"}; a lab retransmission
// is {"retransmission"}. Empty for a segment without marks.
QStringList names(const Event &send);

// A caption for an imported segment that Wireshark marks, saying what the mark means for the
// connection: "The server's kernel sends ACK K+797 — a keep-alive: ...". `kernel` names the
// sender ("The client's kernel"), `label` is the segment's label. Empty when nothing is marked.
QString caption(const Event &send, const QString &kernel, const QString &label);

} // namespace AnalysisText
