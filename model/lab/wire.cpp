// SPDX-License-Identifier: GPL-3.0-or-later
#include "wire.h"

#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QSocketNotifier>
#include <cerrno>
#include <ctime>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace {
// Packets read from one TUN before the wire thread looks at its commands again (and, for a held
// direction, per ring of the GUI thread's doorbell): bounds how long a flood keeps either waiting.
constexpr int kBatch = 64;
constexpr int kMaxPacket = 65536;
// Segments the GUI thread records per pass of its event loop when the wire thread hands them over by
// itself (a fraction of a millisecond's work), so a flood never delays the window's other work.
constexpr qsizetype kMaxPerPass = 256;
constexpr qint64 kPostIntervalNs = 1'000'000;
constexpr quint32 kCommandTag = 2; // epoll data of the command eventfd; a TUN's is its index

qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// The TUN a direction's segments are read from: its sender's.
int tunOf(Direction dir)
{
    return dir == Direction::ClientToServer ? 0 : 1;
}

bool watch(int epoll, int fd, quint32 tag)
{
    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.u32 = tag;
    return ::epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &ev) == 0;
}
} // namespace

Wire::Wire(Trace *trace, LabLock *lock, QObject *parent)
    : QObject(parent)
    , m_trace(trace)
    , m_ownLock(lock ? nullptr : std::make_unique<LabLock>())
    , m_lock(lock ? lock : m_ownLock.get())
{
    m_buffer.resize(kMaxPacket);
    m_heldBuffer.resize(kMaxPacket);
    m_answerBuffer.resize(kMaxPacket);
    m_lock->setCatchUp([this] { flush(); });
    m_dueTimer.setSingleShot(true);
    m_dueTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_dueTimer, &QTimer::timeout, this, &Wire::deliverDue);
}

Wire::~Wire()
{
    detach();
    m_lock->setCatchUp({});
}

bool Wire::attach(UniqueFd clientTun, UniqueFd serverTun, LabError *error)
{
    detach();
    const auto fail = [error](const QString &call) {
        if (error) *error = {call, errno, tr("The wire cannot watch the lab's TUN devices.")};
        return false;
    };
    m_epoll.reset(::epoll_create1(EPOLL_CLOEXEC));
    m_heldEpoll.reset(::epoll_create1(EPOLL_CLOEXEC));
    if (!m_epoll || !m_heldEpoll) return fail(QStringLiteral("epoll_create1"));
    m_commandFd.reset(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
    if (!m_commandFd) return fail(QStringLiteral("eventfd"));
    m_tun[0] = std::move(clientTun);
    m_tun[1] = std::move(serverTun);
    // Every direction starts held: its TUN rings the doorbell until updateForwarding() says otherwise.
    if (!watch(m_epoll.get(), m_commandFd.get(), kCommandTag) || !watch(m_heldEpoll.get(), m_tun[0].get(), 0)
        || !watch(m_heldEpoll.get(), m_tun[1].get(), 1)) {
        const bool failed = fail(QStringLiteral("epoll_ctl"));
        detach();
        return failed;
    }
    m_forwarding[0] = m_forwarding[1] = false;
    m_stop = false;
    m_retransmissions.clear();
    m_thread = std::thread([this] { run(); });
    m_attached = true;
    m_doorbell = std::make_unique<QSocketNotifier>(m_heldEpoll.get(), QSocketNotifier::Read);
    connect(m_doorbell.get(), &QSocketNotifier::activated, this, &Wire::readHeldTuns);
    for (Direction d : {Direction::ClientToServer, Direction::ServerToClient})
        updateForwarding(d);
    return true;
}

void Wire::detach()
{
    if (m_thread.joinable()) {
        command([this] { m_stop = true; });
        m_thread.join();
    }
    m_doorbell.reset();
    // What the thread read and forwarded before it stopped happened: it goes into the trace.
    flush();
    m_attached = false;
    for (int i = 0; i < 2; ++i) {
        m_tun[i].reset();
        m_dir[i].held.clear();
        m_dir[i].forwarding = false;
    }
    m_epoll.reset();
    m_heldEpoll.reset();
    m_commandFd.reset();
    m_dueTimer.stop();
    m_retransmissions.clear();
    m_stats = {};
    changed();
}

void Wire::replaceTun(Side side, UniqueFd tun)
{
    if (!m_attached) return;
    // What the thread read from the old TUN so far is recorded first: it was sent before the restart.
    flush();
    const int i = int(side);
    command([this, i, &tun] {
        // The old TUN leaves the epoll set its direction uses now (forwarding or held), the new one
        // takes its place there with the same tag.
        const int epoll = m_forwarding[i] ? m_epoll.get() : m_heldEpoll.get();
        ::epoll_ctl(epoll, EPOLL_CTL_DEL, m_tun[i].get(), nullptr);
        m_tun[i] = std::move(tun);
        watch(epoll, m_tun[i].get(), quint32(i));
    });
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
    updateForwarding(dir);
}

void Wire::updateForwarding(Direction dir)
{
    // First what the thread has handed over: a segment it read just before it stopped forwarding is
    // held, and must not be overtaken by what the thread would forward from now on.
    flush();
    DirectionState &d = m_dir[int(dir)];
    const bool forward = m_attached && d.mode == Mode::Auto && d.latencyNs == 0 && d.held.empty();
    if (forward == d.forwarding) return;
    d.forwarding = forward;
    command([this, dir, forward] { setForwarding(dir, forward); });
}

void Wire::command(const std::function<void()> &fn)
{
    if (!m_thread.joinable()) return;
    {
        const std::lock_guard lock(m_commandMutex);
        m_command = fn;
        m_commandPending = true;
    }
    const eventfd_t one = 1;
    ::eventfd_write(m_commandFd.get(), one);
    // The thread may be waiting for the lab lock, which this thread may hold: that wait gives way.
    m_lock->wake();
    std::unique_lock lock(m_commandMutex);
    m_commandDone.wait(lock, [this] { return !m_commandPending; });
}

void Wire::readHeldTuns()
{
    command([this] { readHeld(); });
    flush(); // no need for the thread to post it
}

void Wire::flush()
{
    applyTaken(std::numeric_limits<qsizetype>::max()); // the rest of a batch a pass began with
    take();
    applyTaken(std::numeric_limits<qsizetype>::max());
}

void Wire::flushSome()
{
    if (m_takenNext == qsizetype(m_taken.records.size())) take();
    applyTaken(kMaxPerPass);
    if (m_takenNext < qsizetype(m_taken.records.size()))
        QMetaObject::invokeMethod(this, &Wire::flushSome, Qt::QueuedConnection);
}

void Wire::take()
{
    {
        // The batch recorded last goes back, emptied, as the thread's next outbox: its buffers keep
        // their size, so the thread does not grow them again from nothing for every batch.
        const std::lock_guard lock(m_outboxMutex);
        m_flushPosted = false;
        std::swap(m_taken, m_outbox);
    }
    m_takenNext = 0;
    m_stats.ignored += std::exchange(m_taken.ignored, 0);
}

void Wire::applyTaken(qsizetype limit)
{
    const qsizetype size = qsizetype(m_taken.records.size());
    const qsizetype end = limit >= size - m_takenNext ? size : m_takenNext + limit;
    if (m_takenNext >= end) return;
    // The thread stamped what it did with the monotonic clock when it did it; the trace counts from
    // its own origin, and its times never go backwards (an event the GUI thread recorded meanwhile
    // may already stand after a time the thread stamped earlier: the segment is then recorded at
    // that event's time, a few microseconds late, but in the order it was seen in).
    const qint64 offset = m_trace->now() - monotonicNs();
    qint64 floor = m_trace->isEmpty() ? 0 : m_trace->at(m_trace->size() - 1).tNs;
    const auto traceNs = [&](qint64 ns) { return floor = std::max(floor, ns + offset); };
    const QByteArrayView bytes(m_taken.bytes);
    std::vector<std::pair<Side, quint8>> deliveries;
    bool held[2] = {false, false};
    for (; m_takenNext < end; ++m_takenNext) {
        const Record &r = m_taken.records[size_t(m_takenNext)];
        const qint64 t = traceNs(r.readNs);
        const qsizetype sendIndex =
            m_trace->appendSend(t, r.sender, bytes.sliced(r.offset, r.length), r.segment, r.marks);
        ++m_stats.packets;
        m_stats.bytes += quint64(r.length);
        const Direction dir = directionFrom(r.sender);
        DirectionState &d = m_dir[int(dir)];
        if (!r.forwarded) {
            d.held.push_back(InFlight {m_nextId++, sendIndex, false, t + d.latencyNs});
            held[int(dir)] = true;
            continue;
        }
        m_trace->appendWireAction(traceNs(r.deliverNs), EventKind::Deliver, sendIndex);
        if (!r.written.ok) {
            ++m_stats.writeErrors;
            continue;
        }
        const Side receiver = otherSide(r.sender);
        if (r.written.hasReading && m_probe)
            m_probe->recordReading(receiver, r.written.reading, traceNs(r.written.readingNs));
        deliveries.emplace_back(receiver, r.segment.flags);
    }
    if (m_takenNext == qsizetype(m_taken.records.size())) {
        m_taken.records.clear();
        m_taken.bytes.resize(0);
        m_takenNext = 0;
    }
    if ((held[0] && m_dir[0].mode == Mode::Auto) || (held[1] && m_dir[1].mode == Mode::Auto)) scheduleDue();
    changed();
    // Last, when everything is in the trace: a listener may act on the kernels (Qt reads the FIN).
    for (const auto &[receiver, flags] : deliveries)
        emit delivered(receiver, flags);
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
    // Under the lab lock (caught up first): no call on a lab socket runs while the segment reaches
    // its kernel and the states it made are read.
    const LabLock::Hold hold = m_lock->hold();
    // Delivered ahead of an older segment of its direction that is still held: reordered.
    bool oldest = false;
    for (const DirectionState &d : m_dir)
        oldest = oldest || (!d.held.empty() && d.held.front().id == id);
    Direction dir;
    InFlight item;
    if (!take(id, dir, item)) return false;
    write(dir, item, oldest ? 0 : EventMark::Reordered);
    changed();
    updateForwarding(dir);
    return true;
}

bool Wire::drop(quint64 id)
{
    const LabLock::Hold hold = m_lock->hold(); // recorded after what the wire thread did before
    Direction dir;
    InFlight item;
    if (!take(id, dir, item)) return false;
    m_trace->appendWireAction(m_trace->now(), EventKind::Drop, item.sendIndex, item.copy ? EventMark::Copy : 0);
    changed();
    updateForwarding(dir);
    return true;
}

bool Wire::duplicate(quint64 id)
{
    const LabLock::Hold hold = m_lock->hold();
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

// The GUI thread holds the lab lock: the wire thread writes on its behalf, reads the receiving
// kernel's states right after, and reads what that kernel sent back inside the write, all before the
// lock lets any call on a lab socket run.
void Wire::write(Direction dir, const InFlight &item, quint8 marks)
{
    const Event &send = m_trace->at(item.sendIndex);
    const quint8 tcpFlags = send.flags;
    const QByteArrayView bytes = m_trace->packet(send);
    const Side receiver = dir == Direction::ClientToServer ? Side::Server : Side::Client;
    m_trace->appendWireAction(m_trace->now(), EventKind::Deliver, item.sendIndex,
                              quint8(marks | (item.copy ? EventMark::Copy : 0)));
    // The receiver's answer is forwarded by itself or held as its direction says now; that direction
    // may have just been emptied of what it held (deliverDue()): forwarding first.
    updateForwarding(directionFrom(receiver));
    Written written;
    // The trace does not change while this thread waits: the thread may read the packet in place.
    command([&] { written = deliverInto(receiver, bytes, tcpFlags); });
    if (!written.ok) {
        ++m_stats.writeErrors;
        return;
    }
    if (written.hasReading) m_probe->recordReading(receiver, written.reading, traceTime(written.readingNs));
    // Then what the receiving kernel sent in reply inside that write (an ACK at once, a RST), so its
    // Send is recorded right after the delivery that caused it and before anything the programs do
    // next (a Qt socket's close on the FIN, say).
    flush();
    emit delivered(receiver, tcpFlags);
}

qint64 Wire::traceTime(qint64 monotonic) const
{
    const qint64 t = m_trace->now() - monotonicNs() + monotonic;
    return m_trace->isEmpty() ? t : std::max(t, m_trace->at(m_trace->size() - 1).tNs);
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
    const LabLock::Hold hold = m_lock->hold();
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
    if (any) {
        changed();
        for (Direction d : {Direction::ClientToServer, Direction::ServerToClient})
            updateForwarding(d);
    }
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

qint64 Wire::threadCpuNs()
{
    clockid_t clock;
    timespec ts {};
    if (!m_thread.joinable() || pthread_getcpuclockid(m_thread.native_handle(), &clock) != 0
        || clock_gettime(clock, &ts) != 0)
        return 0;
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// ---- the wire thread ----------------------------------------------------------------------------

void Wire::run()
{
    pthread_setname_np(pthread_self(), "synscope-wire"); // as top -H and perf show it
    m_wireThread = std::this_thread::get_id();
    epoll_event events[3];
    while (!m_stop) {
        // What was forwarded and not yet announced is announced at the latest kPostIntervalNs later.
        const int timeoutMs = m_unannounced ? 1 : -1;
        const int n = ::epoll_wait(m_epoll.get(), events, 3, timeoutMs);
        if (n == 0) postFlush(false);
        for (int i = 0; i < n; ++i) {
            if (events[i].data.u32 == kCommandTag) {
                eventfd_t count;
                ::eventfd_read(m_commandFd.get(), &count);
            } else {
                forwardFrom(int(events[i].data.u32));
            }
        }
        serveCommand();
    }
}

void Wire::serveCommand()
{
    if (!m_commandPending) return;
    std::function<void()> fn;
    {
        const std::lock_guard lock(m_commandMutex);
        fn = std::move(m_command);
    }
    fn();
    {
        const std::lock_guard lock(m_commandMutex);
        m_commandPending = false;
    }
    m_commandDone.notify_all();
}

bool Wire::parse(int tun, QByteArrayView packet, Record &record)
{
    const auto *bytes = reinterpret_cast<const uchar *>(packet.data());
    if (parseIpTcp(bytes, packet.size(), record.segment) != ParseStatus::Ok) {
        queueIgnored();
        return false;
    }
    record.readNs = monotonicNs();
    record.sender = Side(tun);
    record.marks = m_retransmissions.observe(record.segment) ? EventMark::Retransmission : 0;
    return true;
}

void Wire::forwardFrom(int tun)
{
    const Direction dir = directionFrom(Side(tun));
    bool urgent = false; // a segment that can change a state: the GUI thread hears of it at once
    for (int i = 0; i < kBatch && m_forwarding[int(dir)] && !m_stop; ++i) {
        const ssize_t n = readTun(tun, m_buffer);
        if (n <= 0) break; // EAGAIN: drained (the TUN is non-blocking)
        Record record;
        if (!parse(tun, QByteArrayView(m_buffer.constData(), n), record)) continue;
        m_unsent = std::move(record);
        m_unsentTun = tun;
        m_unsentLength = n;
        // Waiting for the lab lock gives way to a command of the GUI thread, which may hold the lock
        // and wait for this thread; the command may also stop this direction's forwarding, or take
        // the segment itself (sendUnsent()).
        while (!m_lock->lockUnless([this] { return m_commandPending.load(); }))
            serveCommand();
        urgent = sendUnsent(tun, true) || urgent;
        m_lock->unlock();
    }
    postFlush(urgent);
}

Wire::Written Wire::deliverInto(Side receiver, QByteArrayView bytes, quint8 tcpFlags)
{
    Written w;
    w.ok = writeInto(receiver, bytes);
    if (!w.ok) return w;
    // The receiving kernel has processed the segment by now (the write ran its input path), and
    // nothing else can have touched the lab's sockets since: the lab lock is held.
    if (m_probe) {
        // A delivery by command (a step, a click) is read whatever it carries: the receiver's queues
        // and the sender's window change with every segment, and the trace shows them at that step.
        w.hasReading = m_probe->readAfterDelivery(receiver, tcpFlags, w.reading, true);
        w.readingNs = monotonicNs();
    }
    drain(receiver);
    return w;
}

bool Wire::forward(Record &&record, QByteArrayView bytes, bool drainAfter)
{
    const Side receiver = otherSide(record.sender);
    record.forwarded = m_forwarding[int(directionFrom(record.sender))] && !m_stop;
    bool urgent = !record.forwarded; // a held segment is recorded at once, as the doorbell would
    if (record.forwarded) {
        record.deliverNs = monotonicNs();
        Written &w = record.written;
        w.ok = writeInto(receiver, bytes);
        if (w.ok && m_probe) {
            w.hasReading = m_probe->readAfterDelivery(receiver, record.segment.flags, w.reading);
            w.readingNs = monotonicNs();
        }
        urgent = w.hasReading;
        // Queued before its answer (drain()) and before the lock goes, so that the reading is in the
        // order of every other under it.
        const bool written = w.ok;
        queue(std::move(record), bytes);
        if (written && drainAfter) urgent = drain(receiver) || urgent;
        return urgent;
    }
    queue(std::move(record), bytes);
    return urgent;
}

bool Wire::sendUnsent(int tun, bool drainAfter)
{
    if (!m_unsent || m_unsentTun != tun) return false;
    Record record = std::move(*m_unsent);
    m_unsent.reset();
    return forward(std::move(record), QByteArrayView(m_buffer.constData(), m_unsentLength), drainAfter);
}

bool Wire::drain(Side receiver)
{
    // What the receiving kernel sent while it processed the segment just written (an ACK at once,
    // the SYN+ACK of a SYN, a RST) is in its TUN already: it is recorded (and forwarded or held, as
    // its direction says) now, under the same hold of the lab lock, so that nothing a program does
    // in reaction to the delivery is recorded before it, as nothing came before it in the kernel.
    // One level only: what is forwarded here leaves its own answer to the next read, so this never
    // recurses.
    const int tun = int(receiver);
    bool urgent = sendUnsent(tun, false); // read from that TUN before, while this thread waited for the lock
    for (int i = 0; i < kBatch && !m_stop; ++i) {
        const ssize_t n = readTun(tun, m_answerBuffer);
        if (n <= 0) break;
        const QByteArrayView bytes(m_answerBuffer.constData(), n);
        Record record;
        if (parse(tun, bytes, record)) urgent = forward(std::move(record), bytes, false) || urgent;
    }
    return urgent;
}

void Wire::readHeld()
{
    for (int tun = 0; tun < 2; ++tun) {
        if (m_forwarding[int(directionFrom(Side(tun)))]) continue;
        sendUnsent(tun, false); // read before these, when the direction still forwarded: held now
        for (int i = 0; i < kBatch; ++i) {
            // A buffer of its own: this may run while forwardFrom() holds a packet in m_buffer.
            const ssize_t n = readTun(tun, m_heldBuffer);
            if (n <= 0) break;
            const QByteArrayView bytes(m_heldBuffer.constData(), n);
            Record record;
            if (parse(tun, bytes, record)) queue(std::move(record), bytes);
        }
    }
}

void Wire::countTunCall()
{
    // Every read and write on a TUN is the wire thread's: the GUI thread only commands them.
    const bool here = std::this_thread::get_id() == m_wireThread.load();
    Q_ASSERT(here);
    ++m_tunCalls;
    if (!here) ++m_tunCallsElsewhere;
}

ssize_t Wire::readTun(int tun, QByteArray &buffer)
{
    countTunCall();
    return ::read(m_tun[tun].get(), buffer.data(), size_t(buffer.size()));
}

bool Wire::writeInto(Side receiver, QByteArrayView bytes)
{
    countTunCall();
    ssize_t n;
    do
        n = ::write(m_tun[int(receiver)].get(), bytes.data(), size_t(bytes.size()));
    while (n < 0 && errno == EINTR);
    return n == bytes.size();
}

void Wire::setForwarding(Direction dir, bool on)
{
    m_forwarding[int(dir)] = on;
    const int tun = tunOf(dir);
    ::epoll_ctl(on ? m_heldEpoll.get() : m_epoll.get(), EPOLL_CTL_DEL, m_tun[tun].get(), nullptr);
    watch(on ? m_epoll.get() : m_heldEpoll.get(), m_tun[tun].get(), quint32(tun));
}

void Wire::queue(Record &&record, QByteArrayView bytes)
{
    const std::lock_guard lock(m_outboxMutex);
    record.offset = m_outbox.bytes.size();
    record.length = bytes.size();
    m_outbox.bytes.append(bytes);
    m_outbox.records.push_back(std::move(record));
}

void Wire::queueIgnored()
{
    const std::lock_guard lock(m_outboxMutex);
    ++m_outbox.ignored;
}

void Wire::postFlush(bool urgent)
{
    // A wake-up of the GUI thread costs about as much as forwarding a segment, on both threads: in a
    // bulk transfer the GUI thread hears of the segments at most once per kPostIntervalNs or per
    // kBatch of them. A segment that can change a state is announced at once (Qt may have to read
    // a FIN; a lecturer sees the state change), and so is everything before it.
    const qint64 now = monotonicNs();
    {
        const std::lock_guard lock(m_outboxMutex);
        m_unannounced = false;
        if ((m_outbox.records.empty() && !m_outbox.ignored) || m_flushPosted) return;
        if (!urgent && qsizetype(m_outbox.records.size()) < kBatch && now - m_lastPostNs < kPostIntervalNs) {
            m_unannounced = true;
            return;
        }
        m_flushPosted = true;
    }
    m_lastPostNs = now;
    QMetaObject::invokeMethod(this, &Wire::flushSome, Qt::QueuedConnection);
}
