// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Traces made by the tests and the benchmark, shaped like the lab's (calls, sends, wire actions,
// kernel states) and labelled as generated: they are never shown as a lab run.

#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QJsonObject>

namespace generated {

constexpr quint16 kClientPort = 40000;
constexpr quint16 kServerPort = 9877;

class Builder {
public:
    explicit Builder(Trace &trace)
        : m_trace(trace)
    {
        TraceInfo info;
        info.source = QStringLiteral("generated");
        info.clientAddress = QStringLiteral("10.0.0.1");
        info.serverAddress = QStringLiteral("10.0.0.2");
        trace.setInfo(info);
    }
    qint64 tick(qint64 ns = 1'000'000) { return m_t += ns; }

    qsizetype call(Side side, const QString &fn, QJsonObject args = {})
    {
        CallRecord r;
        r.fn = fn;
        r.args = std::move(args);
        return m_trace.appendCall(tick(), side, EventKind::Call, r);
    }
    qsizetype ret(Side side, qsizetype callEvent, qint64 result, int err = 0)
    {
        CallRecord r = m_trace.callRecord(m_trace.at(callEvent));
        r.hasResult = true;
        r.result = result;
        r.err = err;
        r.callEvent = callEvent;
        return m_trace.appendCall(tick(), side, EventKind::Return, r);
    }
    qsizetype send(Side side, quint8 flags, quint32 seq, quint32 ack, quint32 length = 0, quint8 marks = 0)
    {
        Event e;
        e.tNs = tick();
        e.kind = EventKind::Send;
        e.side = side;
        e.flags = flags;
        e.marks = marks;
        e.window = 64240;
        e.localPort = side == Side::Client ? kClientPort : kServerPort;
        e.remotePort = side == Side::Client ? kServerPort : kClientPort;
        e.seq = seq;
        e.ack = ack;
        e.length = length;
        return m_trace.appendRaw(e);
    }
    qsizetype deliver(qsizetype send, quint8 marks = 0)
    {
        return m_trace.appendWireAction(tick(), EventKind::Deliver, send, marks);
    }
    qsizetype drop(qsizetype send) { return m_trace.appendWireAction(tick(), EventKind::Drop, send); }
    qsizetype duplicate(qsizetype send) { return m_trace.appendWireAction(tick(), EventKind::Duplicate, send); }
    qsizetype state(Side side, TcpState state, bool listening = false)
    {
        const quint16 local = side == Side::Client ? kClientPort : kServerPort;
        const quint16 remote = listening ? 0 : (side == Side::Client ? kServerPort : kClientPort);
        return m_trace.appendState(tick(), side, local, remote, state);
    }
    qsizetype timer(Side side, TimerKind kind, quint32 expiresMs)
    {
        const quint16 local = side == Side::Client ? kClientPort : kServerPort;
        const quint16 remote = side == Side::Client ? kServerPort : kClientPort;
        return m_trace.appendTimer(tick(), side, local, remote, kind, expiresMs, 0);
    }

private:
    Trace &m_trace;
    qint64 m_t = 0;
};

constexpr quint32 kIsnClient = 1000;
constexpr quint32 kIsnServer = 5000;

// Fig. 2.5 as the lab records it: listen, accept blocks, connect blocks, three segments, both return.
struct Handshake {
    qsizetype accept = -1, connect = -1, syn = -1, synAck = -1, ack = -1;
};
inline Handshake handshake(Builder &b)
{
    Handshake h;
    const qsizetype sock = b.call(Side::Server, QStringLiteral("socket"));
    b.ret(Side::Server, sock, 3);
    const qsizetype bind = b.call(Side::Server, QStringLiteral("bind"),
        { { QStringLiteral("fd"), 3 }, { QStringLiteral("addr"), QStringLiteral("10.0.0.2") },
            { QStringLiteral("port"), 9877 } });
    b.ret(Side::Server, bind, 0);
    const qsizetype listen = b.call(
        Side::Server, QStringLiteral("listen"), { { QStringLiteral("fd"), 3 }, { QStringLiteral("backlog"), 5 } });
    b.ret(Side::Server, listen, 0);
    b.state(Side::Server, TcpState::Listen, true);
    h.accept = b.call(Side::Server, QStringLiteral("accept"), { { QStringLiteral("fd"), 3 } });
    const qsizetype csock = b.call(Side::Client, QStringLiteral("socket"));
    b.ret(Side::Client, csock, 3);
    h.connect = b.call(Side::Client, QStringLiteral("connect"),
        { { QStringLiteral("fd"), 3 }, { QStringLiteral("addr"), QStringLiteral("10.0.0.2") },
            { QStringLiteral("port"), 9877 } });
    h.syn = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0);
    b.state(Side::Client, TcpState::SynSent);
    b.timer(Side::Client, TimerKind::Retransmit, 1000);
    b.deliver(h.syn);
    b.state(Side::Server, TcpState::SynRcvd);
    h.synAck = b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, kIsnServer, kIsnClient + 1);
    b.deliver(h.synAck);
    b.timer(Side::Client, TimerKind::None, 0);
    b.state(Side::Client, TcpState::Established);
    b.ret(Side::Client, h.connect, 0);
    h.ack = b.send(Side::Client, TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1);
    b.deliver(h.ack);
    b.state(Side::Server, TcpState::Established);
    b.ret(Side::Server, h.accept, 4);
    return h;
}

// A bulk transfer after a handshake: `segments` data segments client -> server, each delivered,
// every second one acknowledged (delayed ACKs), as the lab records them.
inline void transfer(Builder &b, qsizetype segments, bool withWire = true)
{
    quint32 seq = kIsnClient + 1;
    for (qsizetype i = 0; i < segments; ++i) {
        const qsizetype s = b.send(Side::Client, TcpFlag::Ack | TcpFlag::Psh, seq, kIsnServer + 1, 1448);
        if (withWire)
            b.deliver(s);
        seq += 1448;
        if (i % 2 == 1) {
            const qsizetype a = b.send(Side::Server, TcpFlag::Ack, kIsnServer + 1, seq);
            ++i;
            if (withWire)
                b.deliver(a);
        }
    }
}

}
