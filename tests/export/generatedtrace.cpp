// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatedtrace.h"

#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QJsonObject>

namespace GeneratedTrace {

namespace {

constexpr quint32 kClient = 0x0a000001; // 10.0.0.1
constexpr quint32 kServer = 0x0a000002; // 10.0.0.2
constexpr quint16 kClientPort = 40000;
constexpr quint16 kServerPort = 9877;

void put16(QByteArray &b, qsizetype at, quint16 v)
{
    b[at] = char(v >> 8);
    b[at + 1] = char(v);
}

void put32(QByteArray &b, qsizetype at, quint32 v)
{
    put16(b, at, quint16(v >> 16));
    put16(b, at + 2, quint16(v));
}

struct Builder {
    Trace &trace;
    qint64 t = 0;
    quint32 clientSeq = 0x1a2b3c4d;
    quint32 serverSeq = 0x9e8d7c6b;

    qint64 tick(qint64 ns = 50'000)
    {
        t += ns;
        return t;
    }

    qsizetype send(Side from, quint8 flags, const QByteArray &payload, quint8 marks = 0)
    {
        const bool server = from == Side::Server;
        const QByteArray options = (flags & TcpFlag::Syn)
            ? QByteArray::fromHex("020405b40402080a0000000000000000") + QByteArray::fromHex("01030307")
            : QByteArray();
        const int thl = 20 + int(options.size());
        QByteArray b(20 + thl + payload.size(), '\0');
        b[0] = char(0x45);
        put16(b, 2, quint16(b.size()));
        put16(b, 6, 0x4000);
        b[8] = char(64);
        b[9] = char(6);
        put32(b, 12, server ? kServer : kClient);
        put32(b, 16, server ? kClient : kServer);
        put16(b, 20, server ? kServerPort : kClientPort);
        put16(b, 22, server ? kClientPort : kServerPort);
        put32(b, 24, server ? serverSeq : clientSeq);
        put32(b, 28, (flags & TcpFlag::Ack) ? (server ? clientSeq : serverSeq) : 0);
        b[32] = char((thl / 4) << 4);
        b[33] = char(flags);
        put16(b, 34, 64240);
        b.replace(40, options.size(), options);
        b.replace(20 + thl, payload.size(), payload);
        TcpSegment s;
        if (parseIpv4Tcp(reinterpret_cast<const uchar *>(b.constData()), b.size(), s) != ParseStatus::Ok)
            qFatal("GeneratedTrace built a packet it cannot parse");
        return trace.appendSend(tick(), from, b, s, marks);
    }

    // Sends and advances the sender's sequence number past what the segment occupies.
    qsizetype sendAdvancing(Side from, quint8 flags, const QByteArray &payload, quint8 marks = 0)
    {
        const qsizetype i = send(from, flags, payload, marks);
        const quint32 used = quint32(payload.size()) + ((flags & (TcpFlag::Syn | TcpFlag::Fin)) ? 1 : 0);
        (from == Side::Server ? serverSeq : clientSeq) += used;
        return i;
    }

    void deliver(qsizetype send) { trace.appendWireAction(tick(200'000), EventKind::Deliver, send); }

    qsizetype call(Side side, const QString &fn, const QJsonObject &args)
    {
        CallRecord r;
        r.fn = fn;
        r.args = args;
        return trace.appendCall(tick(), side, EventKind::Call, r);
    }

    void ret(qsizetype callIndex, qint64 result, const QString &detail = {})
    {
        CallRecord r;
        r.fn = trace.callRecord(trace.at(callIndex)).fn;
        r.hasResult = true;
        r.result = result;
        r.detail = detail;
        r.callEvent = callIndex;
        trace.appendCall(tick(), trace.at(callIndex).side, EventKind::Return, r);
    }

    void state(Side side, TcpState s)
    {
        const bool server = side == Side::Server;
        trace.appendState(tick(10'000), side, server ? kServerPort : kClientPort,
                          s == TcpState::Listen ? 0 : (server ? kClientPort : kServerPort), s);
    }
};

} // namespace

void build(Trace &trace, int dataSegments, const QString &payloadText)
{
    TraceInfo info;
    info.source = QStringLiteral("generated");
    info.clientAddress = QStringLiteral("10.0.0.1");
    info.serverAddress = QStringLiteral("10.0.0.2");
    info.kernel = QStringLiteral("generated");
    info.wallClockOrigin = QDateTime(QDate(2026, 11, 25), QTime(9, 0, 0, 123), Qt::UTC);
    trace.clear();
    trace.setInfo(info);
    Builder b {trace};
    const QString fd = QStringLiteral("fd");

    const qsizetype listen = b.call(Side::Server, QStringLiteral("listen"), {{fd, 3}, {QStringLiteral("backlog"), 5}});
    b.ret(listen, 0);
    b.state(Side::Server, TcpState::Listen);
    const qsizetype accept = b.call(Side::Server, QStringLiteral("accept"), {{fd, 3}});
    const qsizetype connect =
        b.call(Side::Client, QStringLiteral("connect"),
               {{fd, 3}, {QStringLiteral("addr"), QStringLiteral("10.0.0.2")}, {QStringLiteral("port"), kServerPort}});

    const qsizetype syn = b.sendAdvancing(Side::Client, TcpFlag::Syn, {});
    b.state(Side::Client, TcpState::SynSent);
    b.deliver(syn);
    const qsizetype synAck = b.sendAdvancing(Side::Server, TcpFlag::Syn | TcpFlag::Ack, {});
    b.state(Side::Server, TcpState::SynRcvd);
    b.deliver(synAck);
    const qsizetype ack = b.sendAdvancing(Side::Client, TcpFlag::Ack, {});
    b.state(Side::Client, TcpState::Established);
    b.ret(connect, 0);
    b.deliver(ack);
    b.state(Side::Server, TcpState::Established);
    b.ret(accept, 4);

    const QByteArray payload = payloadText.toUtf8();
    for (int i = 0; i < dataSegments; ++i) {
        const qsizetype write =
            b.call(Side::Client, QStringLiteral("write"), {{fd, 3}, {QStringLiteral("n"), payload.size()}});
        b.ret(write, payload.size());
        if (i == 1 && dataSegments >= 3) {
            // Lost on the wire; the kernel sends the same bytes again.
            const qsizetype lost = b.send(Side::Client, TcpFlag::Psh | TcpFlag::Ack, payload);
            trace.appendWireAction(b.tick(), EventKind::Drop, lost);
            const qsizetype again =
                b.sendAdvancing(Side::Client, TcpFlag::Psh | TcpFlag::Ack, payload, EventMark::Retransmission);
            b.deliver(again);
        } else {
            const qsizetype data = b.sendAdvancing(Side::Client, TcpFlag::Psh | TcpFlag::Ack, payload);
            if (i == 2) trace.appendWireAction(b.tick(), EventKind::Duplicate, data);
            b.deliver(data);
            if (i == 2) trace.appendWireAction(b.tick(), EventKind::Deliver, data, EventMark::Copy);
        }
        const qsizetype dataAck = b.send(Side::Server, TcpFlag::Ack, {});
        b.deliver(dataAck);
    }

    const qsizetype close = b.call(Side::Client, QStringLiteral("close"), {{fd, 3}});
    const qsizetype fin = b.sendAdvancing(Side::Client, TcpFlag::Fin | TcpFlag::Ack, {});
    b.state(Side::Client, TcpState::FinWait1);
    b.ret(close, 0);
    b.deliver(fin);
    const qsizetype finAck = b.send(Side::Server, TcpFlag::Ack, {});
    b.state(Side::Server, TcpState::CloseWait);
    b.deliver(finAck);
    b.state(Side::Client, TcpState::FinWait2);
    const qsizetype serverClose = b.call(Side::Server, QStringLiteral("close"), {{fd, 4}});
    const qsizetype serverFin = b.sendAdvancing(Side::Server, TcpFlag::Fin | TcpFlag::Ack, {});
    b.state(Side::Server, TcpState::LastAck);
    b.ret(serverClose, 0);
    b.deliver(serverFin);
    const qsizetype lastAck = b.send(Side::Client, TcpFlag::Ack, {});
    b.state(Side::Client, TcpState::TimeWait);
    b.deliver(lastAck);
    b.state(Side::Server, TcpState::Closed);
}

int buildSteps(Trace &trace, int dataSegments, bool emptyStep)
{
    build(trace, dataSegments);
    TraceInfo info = trace.info();
    info.scenarioId = QStringLiteral("generated");
    info.scenarioTitle = QStringLiteral("Generated steps");
    trace.setInfo(info);
    std::vector<TraceStep> steps;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind != EventKind::Call) continue;
        const QString fn = trace.callRecord(e).fn;
        QString caption = QStringLiteral("Generated step %1: the %2 calls %3().")
                              .arg(steps.size() + 1)
                              .arg(e.side == Side::Client ? QStringLiteral("client") : QStringLiteral("server"), fn);
        if (fn == u"connect") {
            // Long enough to take several lines under the diagram: the band is sized by it.
            caption += QStringLiteral(" Its kernel sends the SYN, the server's kernel answers with its own SYN and an "
                                      "ACK, and the client's kernel acknowledges that; only then does connect() "
                                      "return. Nothing of this waits for accept(), which returns last.");
        }
        steps.push_back({i, caption});
        if (emptyStep && fn == u"connect")
            steps.push_back({-1, QStringLiteral("Generated step %1: nothing happens.").arg(steps.size() + 1)});
    }
    // The empty step starts where the one after it does: it has no events of its own.
    for (size_t k = 0; k + 1 < steps.size(); ++k) {
        if (steps[k].firstEvent < 0) steps[k].firstEvent = steps[k + 1].firstEvent;
    }
    trace.setSteps(std::move(steps));
    return int(trace.steps().size());
}

} // namespace GeneratedTrace
