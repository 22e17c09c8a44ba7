// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventtext.h"

#include "analysistext.h"

#include "errnoname.h"
#include "socketcalls.h"
#include "trace.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace EventText {

QString quotedData(const QString &data, int max)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : QStringView(data).left(max)) {
        switch (c.unicode()) {
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(uint(c.unicode()), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
    if (data.size() > max) out += QStringLiteral("…");
    return out;
}

QString handedOver(const CallRecord &r)
{
    if (r.fn == u"QTcpServer::nextPendingConnection") {
        if (!r.detail.isEmpty()) return r.detail;
        return r.result < 0 ? QStringLiteral("nullptr") : QStringLiteral("socket %1").arg(r.result);
    }
    if (r.fn == u"QTcpServer::listen" && (r.detail == u"true" || r.detail == u"false")) return r.detail;
    return {};
}

bool isQtOwnCall(const CallRecord &r)
{
    return r.args.contains(u"by");
}

bool isUnixSignal(const CallRecord &r)
{
    return r.fn.startsWith(u"SIG");
}

bool isHostRestart(const CallRecord &r)
{
    return r.fn == u"host restarted";
}

QString emittedInside(const Trace &trace, const CallRecord &signal)
{
    if (signal.callEvent < 0 || signal.callEvent >= trace.size()) return {};
    const QString &fn = trace.callRecord(trace.at(signal.callEvent)).fn;
    return fn.mid(fn.lastIndexOf(u':') + 1) + QStringLiteral("()");
}

QString signalText(const Trace &trace, const CallRecord &r)
{
    if (isQtOwnCall(r)) {
        return QCoreApplication::translate("EventText", "%1() by %2 → fd %3")
            .arg(r.fn, r.args.value(u"by").toString())
            .arg(r.result);
    }
    if (isUnixSignal(r) || isHostRestart(r))
        return r.detail.isEmpty() ? r.fn : QStringLiteral("%1 (%2)").arg(r.fn, r.detail);
    QString text = r.fn + QStringLiteral("()");
    const QString inside = emittedInside(trace, r);
    if (!inside.isEmpty()) text += QCoreApplication::translate("EventText", " — emitted inside %1").arg(inside);
    if (!r.detail.isEmpty()) text += QStringLiteral("  ") + r.detail;
    return text;
}

QString returnText(const CallRecord &r)
{
    QString text = r.fn + QStringLiteral(" returns");
    const QString result = resultText(r);
    if (!result.isEmpty()) text += u' ' + result;
    if (!r.detail.isEmpty() && handedOver(r).isEmpty()) text += u' ' + quotedData(r.detail, 40);
    return text;
}

QStringList argumentKeys(const CallRecord &call)
{
    // The keys in the order of the prototype: the table's arguments by the names the trace records;
    // socket()'s are constants of the C library no scenario gives, so the table has none for it.
    QList<QLatin1StringView> order;
    if (const SocketCall *known = SocketCall::recorded(call.fn)) {
        for (const SocketCall::Arg &a : known->args)
            order << a.recordedName();
    }
    for (const char *key : {"domain", "type", "protocol"})
        order << QLatin1StringView(key);
    const QJsonObject &args = call.args;
    QStringList keys;
    for (QLatin1StringView k : std::as_const(order)) {
        if (args.contains(k) && !keys.contains(k)) keys << k;
    }
    for (auto it = args.begin(); it != args.end(); ++it) { // recorded by no table: after the known ones
        if (!keys.contains(it.key())) keys << it.key();
    }
    return keys;
}

QString callArguments(const CallRecord &call, int maxData)
{
    const QJsonObject &args = call.args;
    const QStringList keys = argumentKeys(call);
    // An address comes with its port, where either of them comes first ("QTcpServer::listen(10.0.0.2:9877)",
    // "connect(3, [fd00::2]:9877)").
    const bool joined = args.contains(u"addr") && args.contains(u"port");
    QStringList parts;
    for (const QString &k : std::as_const(keys)) {
        const QJsonValue v = args.value(k);
        if (k == u"protocol" && v.toInteger() == 0) continue;
        if (joined && (k == u"addr" || k == u"port")) {
            const QString address = addressWithPort(args.value(u"addr").toString(), args.value(u"port").toInteger());
            if (!parts.contains(address)) parts << address;
        } else if (k == u"data") {
            parts << quotedData(v.toString(), maxData);
        } else {
            parts << (v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 12));
        }
    }
    return parts.join(QStringLiteral(", "));
}

QString addressWithPort(const QString &address, qint64 port)
{
    const QString host = address.contains(u':') ? u'[' + address + u']' : address;
    return host + u':' + QString::number(port);
}

QString shortCall(const CallRecord &call)
{
    return call.fn + u'(' + callArguments(call) + u')';
}

QString callText(const CallRecord &call, const CallRecord *ret, qsizetype maxDetail)
{
    return callText(call, callArguments(call), ret, maxDetail);
}

QString callText(const CallRecord &call, const QString &arguments, const CallRecord *ret, qsizetype maxDetail)
{
    QString text = call.fn + u'(' + arguments + u')';
    if (!ret) return text + u' ' + QCoreApplication::translate("EventText", "blocks");
    // " = 0" after the parentheses; " → socket 0 (…)" for what a Qt call hands over, which is no number.
    const QString core = resultText(*ret);
    const QString extra = returnDetail(*ret, maxDetail);
    if (core.isEmpty() && extra.isEmpty()) return text;
    const QString separator = handedOver(*ret).isEmpty() ? QStringLiteral(" = ") : QStringLiteral(" → ");
    return text + separator + core + (core.isEmpty() || extra.isEmpty() ? QString() : QStringLiteral(" ")) + extra;
}

QString resultText(const CallRecord &r)
{
    // A Qt call that hands over an object or a bool says so: "nextPendingConnection() → socket 0 (…)".
    const QString handed = handedOver(r);
    if (!handed.isEmpty()) return handed + (r.err ? u' ' + errnoName(r.err) : QString());
    QString text;
    if (r.hasResult) text = QString::number(r.result);
    if (r.err) text += u' ' + errnoName(r.err);
    return text.trimmed();
}

QString returnDetail(const CallRecord &r, qsizetype max)
{
    if (r.detail.isEmpty() || !handedOver(r).isEmpty()) return {};
    const bool read = r.fn.contains(u"read");
    if (max <= 0) return read ? QStringLiteral("\"…\"") : QStringLiteral("(…)");
    if (read) return quotedData(r.detail, int(max));
    return u'(' + r.detail.left(max) + (r.detail.size() > max ? QStringLiteral("…") : QString()) + u')';
}

QString describe(const Trace &trace, qsizetype index)
{
    const Event &e = trace.at(index);
    QString what;
    switch (e.kind) {
    case EventKind::Call:
        what = shortCall(trace.callRecord(e));
        break;
    case EventKind::Return:
        what = returnText(trace.callRecord(e));
        break;
    case EventKind::Signal: {
        const CallRecord &r = trace.callRecord(e);
        if (isQtOwnCall(r)) {
            what = signalText(trace, r);
            break;
        }
        const QString inside = emittedInside(trace, r);
        what = QStringLiteral("signal ") + r.fn
            + (inside.isEmpty() ? QString() : QStringLiteral(" (emitted inside ") + inside + u')')
            + (r.detail.isEmpty() ? QString() : QStringLiteral(" (") + r.detail + u')');
        break;
    }
    case EventKind::Send:
    case EventKind::Deliver:
    case EventKind::Drop:
    case EventKind::Duplicate:
        what = QStringLiteral("%1 %2 %3:%4 → %5 seq=%6 ack=%7 len=%8 win=%9")
                   .arg(eventKindName(e.kind), -9)
                   .arg(tcpFlagsText(e.flags))
                   .arg(e.localPort)
                   .arg(e.remotePort)
                   .arg(e.side == Side::Client ? QStringLiteral("server") : QStringLiteral("client"))
                   .arg(e.seq)
                   .arg(e.ack)
                   .arg(e.length)
                   .arg(e.window);
        // Wireshark's analysis of an imported segment (a lab's retransmission among them).
        for (const QString &name : AnalysisText::names(e))
            what += QStringLiteral(" (") + name + u')';
        if (e.marks & EventMark::Reordered) what += QStringLiteral(" (out of order)");
        if (e.marks & EventMark::Copy) what += QStringLiteral(" (copy)");
        break;
    case EventKind::State:
        what = QStringLiteral("state %1 (port %2↔%3)").arg(tcpStateName(e.state())).arg(e.localPort).arg(e.remotePort);
        break;
    case EventKind::Timer:
        what = e.timer() == TimerKind::None
            ? QStringLiteral("timer stopped (port %1↔%2)").arg(e.localPort).arg(e.remotePort)
            : QStringLiteral("timer %1 expires in %2 ms (port %3↔%4)")
                  .arg(timerKindName(e.timer()))
                  .arg(e.seq)
                  .arg(e.localPort)
                  .arg(e.remotePort);
        break;
    case EventKind::Queues: {
        const SocketQueues &q = trace.queues(e);
        what = q.listener ? QStringLiteral("queues: accept %1 of backlog %2, SYN %3 (port %4)")
                                .arg(q.acceptQueue)
                                .arg(q.backlog)
                                .arg(q.synQueue)
                                .arg(e.localPort)
                          : QStringLiteral("queues: send %1, receive %2 bytes (port %3↔%4)")
                                .arg(q.sendQueue)
                                .arg(q.recvQueue)
                                .arg(e.localPort)
                                .arg(e.remotePort);
        break;
    }
    }
    return QStringLiteral("%1 ms  %2  %3").arg(double(e.tNs) / 1e6, 10, 'f', 3).arg(sideName(e.side), -6).arg(what);
}

} // namespace EventText
