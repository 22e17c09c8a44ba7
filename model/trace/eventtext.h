// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class Trace;
struct CallRecord;

// One-line descriptions of trace events, for lists, logs and test failure messages.
namespace EventText {
// "connect returns 0", "connect returns -1 ECONNREFUSED", "read returns 5 \"hello\""
QString returnText(const CallRecord &record);
// A call's arguments as the C or Qt call takes them, in the order of its prototype in the table of
// calls (SocketCall): "3, 10.0.0.2:9877" (an address with its port), "4, \"hello\", 5" (written data
// quoted, shortened to `maxData` characters), "AF_INET, SOCK_STREAM" (a zero protocol left out).
QString callArguments(const CallRecord &call, int maxData = 12);
// The recorded argument names in that order: "fd", "addr", "port" for connect().
QStringList argumentKeys(const CallRecord &call);
// "connect(3, 10.0.0.2:9877)": a call named in a sentence.
QString shortCall(const CallRecord &call);
// The one text of a call, in the panels, the diagram, the details and the exports alike: with its
// return "listen(13, 5) = 0", "connect(3, 10.0.0.2:9877) = -1 ECONNREFUSED", "read(4, 4096) = 5
// \"hello\"" (at most `maxDetail` characters of what came with the return), "QTcpServer::
// nextPendingConnection() → socket 0 (…)"; without one (the call has not returned) "accept(3) blocks".
QString callText(const CallRecord &call, const CallRecord *ret, qsizetype maxDetail = 40);
// The same with the arguments given, as callArguments() writes them or shortened to fit.
QString callText(const CallRecord &call, const QString &arguments, const CallRecord *ret, qsizetype maxDetail);
// What a call returned, never shortened: its value and errno name ("-1 ECONNREFUSED"), or what a Qt
// call hands over ("socket 0 (10.0.0.1:50435)"); empty for a return of neither.
QString resultText(const CallRecord &ret);
// What came with a return besides its result, at most `max` characters of it: the data read, quoted
// as C shows it, or another detail (accept's peer) in parentheses; "…" where it was shortened.
QString returnDetail(const CallRecord &ret, qsizetype max);
// Data as a C string literal shows it, quoted: "hello\n" (students count the newline too), other
// control bytes as \xNN; longer than `max` characters (before escaping), cut with "…".
QString quotedData(const QString &data, int max);
// An address with its port as a URL writes it: "10.0.0.2:9877", an IPv6 one in brackets
// ("[fd00::2]:9877", RFC 3986), so its own colons are not taken for the port's.
QString addressWithPort(const QString &address, qint64 port);
// What a Qt call returns that is no number, as C++ has it: nextPendingConnection()'s socket
// ("socket 0 (10.0.0.1:50435)", or "nullptr"), listen()'s "true" or "false"; empty for other calls.
QString handedOver(const CallRecord &ret);
// Qt's own work recorded as a signal event that is no signal: the accept() QTcpServer makes by
// itself (QtHost records fn "accept", args {"by": "QTcpServer"}, the new descriptor as result).
bool isQtOwnCall(const CallRecord &record);
// A Unix signal, not a Qt one: "SIGPIPE", recorded where a write() failed with EPIPE.
bool isUnixSignal(const CallRecord &record);
// No signal either: the lab restarted that host (Lab::restartHost), recorded as "host restarted"
// with what it means, where the host's program and kernel were replaced.
bool isHostRestart(const CallRecord &record);
// The Qt call a signal was emitted inside, without its class: "disconnectFromHost()"; empty for a
// signal Qt emitted from its event loop.
QString emittedInside(const Trace &trace, const CallRecord &signal);
// A signal event as the diagram writes it: "connected()", "readyRead()  5 bytes available",
// "disconnected() — emitted inside disconnectFromHost()", "accept() by QTcpServer → fd 13",
// "SIGPIPE (not raised: MSG_NOSIGNAL)".
QString signalText(const Trace &trace, const CallRecord &signal);
// "client  send      SYN seq=123 ack=0 len=0 win=64240 (retransmission)"
QString describe(const Trace &trace, qsizetype index);
} // namespace EventText
