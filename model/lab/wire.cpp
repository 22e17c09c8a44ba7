// SPDX-License-Identifier: GPL-3.0-or-later
#include "wire.h"

#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QSocketNotifier>
#include <cerrno>
#include <unistd.h>

namespace {
// Packets read per notifier wake-up before the event loop gets its turn again: bounds how long a
// flood can block the GUI, while keeping the per-wake-up cost small against the per-packet one.
constexpr int kBatch = 64;
constexpr int kMaxPacket = 65536;
} // namespace

Wire::Wire(Trace *trace, QObject *parent)
    : QObject(parent)
    , m_trace(trace)
{
    m_buffer.resize(kMaxPacket);
    m_dueTimer.setSingleShot(true);
    m_dueTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_dueTimer, &QTimer::timeout, this, &Wire::deliverDue);
}

Wire::~Wire() = default;

void Wire::attach(UniqueFd clientTun, UniqueFd serverTun)
{
    detach();
    m_tun[0] = std::move(clientTun);
    m_tun[1] = std::move(serverTun);
    for (int i = 0; i < 2; ++i) {
        m_notifier[i] = std::make_unique<QSocketNotifier>(m_tun[i].get(), QSocketNotifier::Read);
        connect(m_notifier[i].get(), &QSocketNotifier::activated, this, [this, i] { readTun(i); });
    }
}

void Wire::detach()
{
    for (int i = 0; i < 2; ++i) {
        m_notifier[i].reset();
        m_tun[i].reset();
        m_dir[i].held.clear();
    }
    m_dueTimer.stop();
    m_retransmissions.clear();
    m_stats = {};
    changed();
}

void Wire::setMode(Direction dir, Mode mode, qint64 latencyNs)
{
    DirectionState &d = m_dir[int(dir)];
    d.mode = mode;
    d.latencyNs = std::max<qint64>(0, latencyNs);
    if (mode == Mode::Auto) {
        const qint64 now = m_trace->now();
        for (InFlight &f : d.held)
            f.dueNs = now + d.latencyNs;
        scheduleDue();
    }
}

void Wire::readTun(int index)
{
    const Side sender = index == 0 ? Side::Client : Side::Server;
    const Direction dir = directionFrom(sender);
    DirectionState &d = m_dir[int(dir)];
    bool any = false;
    for (int i = 0; i < kBatch; ++i) {
        const ssize_t n = ::read(m_tun[index].get(), m_buffer.data(), size_t(m_buffer.size()));
        if (n <= 0) break; // EAGAIN: drained (the TUN is non-blocking)
        const auto *bytes = reinterpret_cast<const uchar *>(m_buffer.constData());
        TcpSegment segment;
        if (parseIpv4Tcp(bytes, n, segment) != ParseStatus::Ok) {
            ++m_stats.ignored;
            continue;
        }
        const qint64 now = m_trace->now();
        const quint8 marks = m_retransmissions.observe(segment) ? EventMark::Retransmission : 0;
        const qsizetype sendIndex =
            m_trace->appendSend(now, sender, QByteArrayView(m_buffer.constData(), n), segment, marks);
        ++m_stats.packets;
        m_stats.bytes += quint64(n);
        any = true;
        InFlight item {m_nextId++, sendIndex, false, now + d.latencyNs};
        if (d.mode == Mode::Auto && d.latencyNs == 0 && d.held.empty())
            write(dir, item, 0);
        else
            d.held.push_back(item);
    }
    if (any) {
        if (d.mode == Mode::Auto) scheduleDue();
        changed();
    }
}

const InFlight *Wire::find(quint64 id) const
{
    for (const DirectionState &d : m_dir) {
        for (const InFlight &f : d.held) {
            if (f.id == id) return &f;
        }
    }
    return nullptr;
}

bool Wire::take(quint64 id, Direction &dir, InFlight &item)
{
    for (int i = 0; i < 2; ++i) {
        auto &held = m_dir[i].held;
        for (auto it = held.begin(); it != held.end(); ++it) {
            if (it->id == id) {
                dir = Direction(i);
                item = *it;
                held.erase(it);
                return true;
            }
        }
    }
    return false;
}

bool Wire::deliver(quint64 id)
{
    // Delivered ahead of an older segment of its direction that is still held: reordered.
    bool oldest = false;
    for (const DirectionState &d : m_dir)
        oldest = oldest || (!d.held.empty() && d.held.front().id == id);
    Direction dir;
    InFlight item;
    if (!take(id, dir, item)) return false;
    write(dir, item, oldest ? 0 : EventMark::Reordered);
    changed();
    return true;
}

bool Wire::drop(quint64 id)
{
    Direction dir;
    InFlight item;
    if (!take(id, dir, item)) return false;
    m_trace->appendWireAction(m_trace->now(), EventKind::Drop, item.sendIndex, item.copy ? EventMark::Copy : 0);
    changed();
    return true;
}

bool Wire::duplicate(quint64 id)
{
    for (auto &d : m_dir) {
        for (auto it = d.held.begin(); it != d.held.end(); ++it) {
            if (it->id != id) continue;
            InFlight copy = *it;
            copy.id = m_nextId++;
            copy.copy = true;
            m_trace->appendWireAction(m_trace->now(), EventKind::Duplicate, copy.sendIndex);
            d.held.insert(it + 1, copy);
            changed();
            return true;
        }
    }
    return false;
}

bool Wire::act(Action action, quint64 id)
{
    switch (action) {
    case Action::Deliver:
        return deliver(id);
    case Action::Drop:
        return drop(id);
    case Action::Duplicate:
        return duplicate(id);
    }
    return false;
}

bool Wire::deliverOldest(Direction dir)
{
    const auto &held = m_dir[int(dir)].held;
    return !held.empty() && deliver(held.front().id);
}

bool Wire::deliverOldest()
{
    const auto &a = m_dir[0].held;
    const auto &b = m_dir[1].held;
    if (a.empty() && b.empty()) return false;
    if (b.empty() || (!a.empty() && a.front().sendIndex <= b.front().sendIndex)) return deliver(a.front().id);
    return deliver(b.front().id);
}

void Wire::write(Direction dir, const InFlight &item, quint8 marks)
{
    const Event &send = m_trace->at(item.sendIndex);
    const quint8 tcpFlags = send.flags;
    const QByteArrayView bytes = m_trace->packet(send);
    const Side receiver = dir == Direction::ClientToServer ? Side::Server : Side::Client;
    UniqueFd &to = m_tun[int(receiver)];
    m_trace->appendWireAction(m_trace->now(), EventKind::Deliver, item.sendIndex,
                              quint8(marks | (item.copy ? EventMark::Copy : 0)));
    ssize_t n;
    do
        n = ::write(to.get(), bytes.data(), size_t(bytes.size()));
    while (n < 0 && errno == EINTR);
    if (n != bytes.size()) {
        ++m_stats.writeErrors;
        return;
    }
    // What the receiving kernel sent in reply inside that write (an ACK at once, a RST) is read
    // now, so its Send is recorded right after the delivery that caused it and before anything the
    // programs do next (a Qt socket's close on the FIN, say); the TUN's notifier would find it only
    // once the event loop came round. One level only: a delivery made while draining (auto mode
    // forwards from readTun()) leaves its own replies to the next read, so this never recurses far.
    if (!m_draining) {
        m_draining = true;
        readTun(int(receiver));
        m_draining = false;
    }
    emit delivered(receiver, tcpFlags);
}

void Wire::scheduleDue()
{
    qint64 next = -1;
    for (const DirectionState &d : m_dir) {
        if (d.mode == Mode::Auto && !d.held.empty())
            next = next < 0 ? d.held.front().dueNs : std::min(next, d.held.front().dueNs);
    }
    if (next < 0) {
        m_dueTimer.stop();
        return;
    }
    const qint64 waitMs = std::max<qint64>(0, (next - m_trace->now() + 999'999) / 1'000'000);
    m_dueTimer.start(int(std::min<qint64>(waitMs, std::numeric_limits<int>::max())));
}

void Wire::deliverDue()
{
    const qint64 now = m_trace->now();
    bool any = false;
    for (int i = 0; i < 2; ++i) {
        DirectionState &d = m_dir[i];
        while (d.mode == Mode::Auto && !d.held.empty() && d.held.front().dueNs <= now) {
            const InFlight item = d.held.front();
            d.held.pop_front();
            write(Direction(i), item, 0);
            any = true;
        }
    }
    scheduleDue();
    if (any) changed();
}

void Wire::changed()
{
    emit activity();
    if (m_changePending) return;
    m_changePending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_changePending = false;
            emit inFlightChanged();
        },
        Qt::QueuedConnection);
}
