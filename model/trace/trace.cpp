// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace.h"

#include "tcpsegment.h"

#include <QMetaObject>
#include <algorithm>

Trace::Trace(QObject *parent)
    : QObject(parent)
{ }

qint64 Trace::now()
{
    if (!m_clock.isValid()) {
        m_clock.start();
        m_info.wallClockOrigin = QDateTime::currentDateTimeUtc();
    }
    return m_clock.nsecsElapsed();
}

QByteArrayView Trace::packet(const Event &e) const
{
    if (e.kind == EventKind::Send) return m_packets.at(e.ref);
    if (e.isSegment() && qsizetype(e.ref) < m_events.size()) return m_packets.at(m_events[e.ref].ref);
    return {};
}

qsizetype Trace::sendIndexOf(qsizetype i) const
{
    const Event &e = at(i);
    return e.kind == EventKind::Send ? i : qsizetype(e.ref);
}

qsizetype Trace::push(const Event &e)
{
    m_events.push_back(e);
    notifySoon();
    return m_events.size() - 1;
}

void Trace::notifySoon()
{
    if (m_notifyPending) return;
    m_notifyPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_notifyPending = false;
            const qsizetype first = m_notifiedUpTo;
            m_notifiedUpTo = size();
            if (first < m_notifiedUpTo) emit eventsAppended(first, m_notifiedUpTo - 1);
        },
        Qt::QueuedConnection);
}

namespace {
// An event of one side's connection (localPort → remotePort), with what its kind keeps in flags.
Event connectionEvent(qint64 tNs, EventKind kind, Side side, quint16 localPort, quint16 remotePort, quint8 flags)
{
    Event e;
    e.tNs = tNs;
    e.kind = kind;
    e.side = side;
    e.flags = flags;
    e.localPort = localPort;
    e.remotePort = remotePort;
    return e;
}

// The Send event of a parsed segment; its packet reference is set by the caller.
Event sendEvent(qint64 tNs, Side side, const TcpSegment &s, quint8 marks, quint16 analysis)
{
    Event e;
    e.tNs = tNs;
    e.kind = EventKind::Send;
    e.side = side;
    e.flags = s.flags;
    e.marks = marks;
    e.analysis = analysis;
    e.window = s.window;
    e.localPort = s.srcPort;
    e.remotePort = s.dstPort;
    e.seq = s.seq;
    e.ack = s.ack;
    e.length = s.payloadLength;
    return e;
}
} // namespace

qsizetype Trace::appendSend(qint64 tNs, Side side, QByteArrayView bytes, const TcpSegment &s, quint8 marks,
                            quint16 analysis)
{
    Event e = sendEvent(tNs, side, s, marks, analysis);
    e.ref = m_packets.append(bytes);
    return push(e);
}

void Trace::setPacketRegion(std::shared_ptr<const void> owner, QByteArrayView region)
{
    m_packets.setExternal(std::move(owner), region);
}

qsizetype Trace::appendCapturedSend(qint64 tNs, Side side, qsizetype offset, qsizetype length, const TcpSegment &s,
                                    quint8 marks, quint16 analysis)
{
    Event e = sendEvent(tNs, side, s, marks, analysis);
    e.ref = m_packets.appendExternal(offset, length);
    return push(e);
}

qsizetype Trace::appendWireAction(qint64 tNs, EventKind kind, qsizetype sendIndex, quint8 marks)
{
    Event e = at(sendIndex);
    Q_ASSERT(e.kind == EventKind::Send);
    e.tNs = tNs;
    e.kind = kind;
    e.marks = quint8((e.marks & EventMark::Retransmission) | marks);
    e.ref = quint32(sendIndex);
    return push(e);
}

qsizetype Trace::appendCall(qint64 tNs, Side side, EventKind kind, CallRecord record)
{
    Event e;
    e.tNs = tNs;
    e.kind = kind;
    e.side = side;
    e.ref = quint32(m_calls.size());
    m_calls.push_back(std::move(record));
    return push(e);
}

qsizetype Trace::appendState(qint64 tNs, Side side, quint16 localPort, quint16 remotePort, TcpState state, quint8 marks)
{
    Event e = connectionEvent(tNs, EventKind::State, side, localPort, remotePort, quint8(state));
    e.marks = marks;
    return push(e);
}

qsizetype Trace::appendTimer(qint64 tNs, Side side, quint16 localPort, quint16 remotePort, TimerKind kind,
                             quint32 expiresMs, quint32 retransmits)
{
    Event e = connectionEvent(tNs, EventKind::Timer, side, localPort, remotePort, quint8(kind));
    e.seq = expiresMs;
    e.ack = retransmits;
    return push(e);
}

qsizetype Trace::appendQueues(qint64 tNs, Side side, quint16 localPort, quint16 remotePort, const SocketQueues &queues)
{
    Event e = connectionEvent(tNs, EventKind::Queues, side, localPort, remotePort, 0);
    e.ref = quint32(m_queues.size());
    m_queues.push_back(queues);
    return push(e);
}

qsizetype Trace::appendRaw(Event e, QByteArrayView packet, const CallRecord *record)
{
    if (e.kind == EventKind::Send)
        e.ref = m_packets.append(packet);
    else if (record) {
        e.ref = quint32(m_calls.size());
        m_calls.push_back(*record);
    }
    return push(e);
}

void Trace::appendStep(const QString &caption)
{
    m_steps.push_back({size(), caption});
}

qsizetype Trace::stepBegin(int k) const
{
    return m_steps[size_t(k)].firstEvent;
}

qsizetype Trace::stepEnd(int k) const
{
    return size_t(k) + 1 < m_steps.size() ? m_steps[size_t(k) + 1].firstEvent : size();
}

int Trace::stepOfEvent(qsizetype event) const
{
    const auto it = std::upper_bound(m_steps.begin(), m_steps.end(), event,
                                     [](qsizetype e, const TraceStep &s) { return e < s.firstEvent; });
    return int(it - m_steps.begin()) - 1;
}

void Trace::copyFrom(const Trace &other)
{
    if (&other == this) return;
    clear();
    m_info = other.m_info;
    for (qsizetype i = 0; i < other.size(); ++i) {
        const Event &e = other.at(i);
        if (e.kind == EventKind::Send)
            appendRaw(e, other.packet(e));
        else if (e.kind == EventKind::Call || e.kind == EventKind::Return || e.kind == EventKind::Signal)
            appendRaw(e, {}, &other.callRecord(e));
        else if (e.kind == EventKind::Queues)
            appendQueues(e.tNs, e.side, e.localPort, e.remotePort, other.queues(e));
        else
            appendRaw(e);
    }
    m_steps = other.m_steps;
    notifySoon();
}

void Trace::appendSettingChange(Side side, const QString &key, const QString &from, const QString &to)
{
    m_info.settingChanges.push_back({now(), size(), side, key, from, to});
    emit settingChanged();
}

void Trace::clear()
{
    m_steps.clear();
    m_events.clear();
    m_calls.clear();
    m_queues.clear();
    m_packets.clear();
    m_clock.invalidate();
    m_info = TraceInfo {};
    m_notifiedUpTo = 0;
    emit cleared();
}

qsizetype Trace::overheadBytes() const
{
    qsizetype calls = 0;
    for (const CallRecord &c : m_calls)
        calls += qsizetype(sizeof c) + c.fn.size() * 2 + c.detail.size() * 2;
    return m_events.capacityBytes() + qsizetype(m_calls.capacity() * sizeof(CallRecord)) + calls
        + qsizetype(m_queues.capacity() * sizeof(SocketQueues)) + m_packets.overheadBytes();
}
