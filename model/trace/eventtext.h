// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class Trace;
struct CallRecord;

// One-line descriptions of trace events, for lists, logs and test failure messages.
namespace EventText {
// "connect(fd=5, addr=10.0.0.2, port=9877)"
QString callSignature(const CallRecord &record);
// "connect returns 0", "connect returns -1 ECONNREFUSED", "read returns 5 \"hello\""
QString returnText(const CallRecord &record);
// A call's arguments as the C call takes them, in its order: "3, 10.0.0.2:9877" (an address with its
// port), "AF_INET, SOCK_STREAM" (a zero protocol and written data left out).
QString callArguments(const CallRecord &call);
// "connect(3, 10.0.0.2:9877)": a call named in a sentence, as the diagram names it.
QString shortCall(const CallRecord &call);
// What a call returned, never shortened: its value and errno name ("-1 ECONNREFUSED"), or what a Qt
// call hands over ("socket 0 (10.0.0.1:50435)"); empty for a return of neither.
QString resultText(const CallRecord &ret);
// What came with a return besides its result, at most `max` characters of it: the data read, quoted
// as C shows it, or another detail (accept's peer) in parentheses; "…" where it was shortened.
QString returnDetail(const CallRecord &ret, qsizetype max);
// Data as a C string literal shows it, quoted: "hello\n" (students count the newline too), other
// control bytes as \xNN; longer than `max` characters (before escaping), cut with "…".
QString quotedData(const QString &data, int max);
// What a Qt call returns that is no number, as C++ has it: nextPendingConnection()'s socket
// ("socket 0 (10.0.0.1:50435)", or "nullptr"), listen()'s "true" or "false"; empty for other calls.
QString handedOver(const CallRecord &ret);
// Qt's own work recorded as a signal event that is no signal: the accept() QTcpServer makes by
// itself (QtHost records fn "accept", args {"by": "QTcpServer"}, the new descriptor as result).
bool isQtOwnCall(const CallRecord &record);
// The Qt call a signal was emitted inside, without its class: "disconnectFromHost()"; empty for a
// signal Qt emitted from its event loop.
QString emittedInside(const Trace &trace, const CallRecord &signal);
// A signal event as the diagram writes it: "connected()", "readyRead()  5 bytes available",
// "disconnected() — emitted inside disconnectFromHost()", "accept() by QTcpServer → fd 13".
QString signalText(const Trace &trace, const CallRecord &signal);
// "client  send      SYN seq=123 ack=0 len=0 win=64240 (retransmission)"
QString describe(const Trace &trace, qsizetype index);
} // namespace EventText
