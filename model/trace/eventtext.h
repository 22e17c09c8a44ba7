// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class Trace;
struct CallRecord;

// One-line descriptions of trace events, for lists, logs and test failure messages.
namespace EventText {
// "connect(fd=5, addr=10.0.0.2, port=9877)"
QString callSignature(const CallRecord &record);
// "= 0", "= -1 ECONNREFUSED", "= 5 \"hello\""
QString returnText(const CallRecord &record);
// Data as a C string literal shows it, quoted: "hello\n" (students count the newline too), other
// control bytes as \xNN; longer than `max` characters (before escaping), cut with "…".
QString quotedData(const QString &data, int max);
// "client  send      SYN seq=123 ack=0 len=0 win=64240 (retransmission)"
QString describe(const Trace &trace, qsizetype index);
}
