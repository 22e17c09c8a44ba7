// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace.h"

#include <QJsonObject>

// Traces made by a program rather than recorded — the window's legend, the tests and the
// benchmarks — shaped like the lab's (calls, sends, wire actions, kernel states) and labelled as
// generated: they are never shown as a lab run. Sends carry no packet bytes.
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
    qsizetype ret(Side side, qsizetype callEvent, qint64 result, int err = 0, const QString &detail = {})
    {
        CallRecord r = m_trace.callRecord(m_trace.at(callEvent));
        r.hasResult = true;
        r.result = result;
        r.err = err;
        r.detail = detail;
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

} // namespace generated
