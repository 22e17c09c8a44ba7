// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kernelprobe.h"
#include "laberror.h"
#include "lablock.h"
#include "trace/direction.h"
#include "trace/event.h"
#include "trace/retransmissiontracker.h"
#include "trace/tcpsegment.h"
#include "uniquefd.h"

#include <QObject>
#include <QTimer>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <sys/types.h>
#include <thread>
#include <vector>

class QSocketNotifier;
class Trace;

// A segment the wire holds between the two hosts.
struct InFlight {
    quint64 id = 0; // identity for deliver/drop/duplicate: stable while the segment is held
    qsizetype sendIndex = -1; // its Send event in the trace
    bool copy = false; // a copy made by duplicate()
    qint64 dueNs = 0; // auto mode: when it is delivered
};

struct WireStats {
    quint64 packets = 0;
    quint64 bytes = 0;
    quint64 ignored = 0; // malformed or not TCP: counted, never forwarded
    quint64 writeErrors = 0;
};

// The cable between the client and the server host. It reads every IP packet the client's or
// the server's kernel sends into its TUN device, records it, and holds it until it is delivered
// into the other TUN (or dropped). The wire is the capture: no packet-capture privilege needed.
//
// Threads. The TUNs belong to the wire's own thread: it makes every read and write on them and
// parses what it reads, so a bulk transfer never waits for the window, nor the window for it. The
// trace, the held segments and this object's API belong to the GUI thread; the wire thread hands
// what it recorded over in batches (flush()), in the order it happened.
// - A direction in auto mode with no latency and nothing held is forwarded by the wire thread on
//   its own: it reads a segment, writes it into the other TUN under the lab lock, reads the
//   receiving kernel's states right after (KernelProbe::readAfterDelivery) and queues all three.
// - Any other direction holds what it reads. Its TUN's readiness rings the GUI thread's event loop
//   (a notifier on an epoll descriptor of the wire's, never on the TUN), which has the wire thread
//   read it at once: a held segment is recorded on the event-loop pass on which its kernel sent it,
//   as the scenario runner's steps and the lecturer's clicks expect, and not whenever the wire
//   thread happens to be scheduled.
// - deliver(), drop(), duplicate() and a due auto delivery act on the GUI thread; the write into a
//   TUN is made by the wire thread while the GUI thread holds the lab lock and waits for it, and the
//   GUI thread reads the receiving kernel right after, still holding it.
class Wire : public QObject {
    Q_OBJECT
public:
    // Defined in trace/direction.h, where a scenario file reaches them without the lab.
    using Mode = WireMode;
    using Action = WireAction;

    // lock: the lab's; nullptr for a lock of the wire's own (a wire without a lab, as in its tests).
    // The wire brings the trace up to date whenever the GUI thread takes the lock (its catch-up).
    explicit Wire(Trace *trace, LabLock *lock = nullptr, QObject *parent = nullptr);
    ~Wire() override;

    // Starts the wire thread on these TUNs; false with *error set when it cannot.
    bool attach(UniqueFd clientTun, UniqueFd serverTun, LabError *error = nullptr);
    // Stops the wire thread, records what it had read, and closes the TUNs.
    void detach();
    // The host on `side` restarted (Lab::restartHost): the wire reads and writes its new TUN from now
    // on and closes the old one, so nothing the old kernel sends reaches the wire any more. What the
    // wire holds stays held; a segment delivered to that side reaches the new kernel.
    void replaceTun(Side side, UniqueFd tun);
    // The probe that reads a receiving kernel right after each delivery (set before attach()).
    void setProbe(KernelProbe *probe) { m_probe = probe; }

    void setMode(Direction dir, Mode mode, qint64 latencyNs = 0);
    Mode mode(Direction dir) const { return m_dir[int(dir)].mode; }
    qint64 latencyNs(Direction dir) const { return m_dir[int(dir)].latencyNs; }

    const std::deque<InFlight> &inFlight(Direction dir) const { return m_dir[int(dir)].held; }
    qsizetype inFlightCount() const { return qsizetype(m_dir[0].held.size() + m_dir[1].held.size()); }
    const InFlight *find(quint64 id) const;

    // Actions on a held segment, by identity. Each is recorded in the trace; false if no such id.
    bool deliver(quint64 id);
    bool drop(quint64 id);
    bool duplicate(quint64 id); // a copy joins the segments in flight, right behind the original
    bool act(Action action, quint64 id);
    // Delivers the oldest held segment (of either direction when none is given).
    bool deliverOldest();
    bool deliverOldest(Direction dir);

    const WireStats &stats() const { return m_stats; }
    // Records in the trace everything the wire thread has done and not yet handed over. Runs
    // whenever the GUI thread takes the lab lock; when a batch is ready it runs by itself, a bounded
    // part per event-loop pass.
    void flush();
    // CPU time the wire thread has used so far (user and system), for the benchmark.
    qint64 threadCpuNs();
    // Reads and writes on the TUNs so far, and how many of them were made on another thread than the
    // wire's (none ever should be: a debug build asserts it), for the tests.
    quint64 tunCalls() const { return m_tunCalls.load(); }
    quint64 tunCallsElsewhere() const { return m_tunCallsElsewhere.load(); }

signals:
    // Coalesced: once per batch of packets read or actions taken, never per packet.
    void inFlightChanged();
    // Something reached a kernel or left one: time to read the kernels' states again.
    void activity();
    // Emitted on the GUI thread for every segment with these TCP flags written into `receiver`'s
    // TUN (never coalesced), once the delivery and the receiving kernel's states read right after
    // the write are in the trace.
    void delivered(Side receiver, quint8 tcpFlags);

private:
    struct DirectionState {
        Mode mode = Mode::Step;
        qint64 latencyNs = 0;
        std::deque<InFlight> held;
        bool forwarding = false; // the wire thread forwards this direction on its own
    };
    // What a write into a TUN did, with the receiving kernel's states read right after it.
    struct Written {
        bool ok = false;
        bool hasReading = false;
        qint64 readingNs = 0;
        std::vector<KernelSocket> reading;
    };
    // One segment the wire thread read, and (forwarded) what became of it. Times are the monotonic
    // clock's; flush() turns them into the trace's.
    struct Record {
        qint64 readNs = 0;
        Side sender = Side::Client;
        quint8 marks = 0;
        bool forwarded = false;
        qint64 deliverNs = 0;
        qsizetype offset = 0; // the packet's bytes in Batch::bytes
        qsizetype length = 0;
        TcpSegment segment;
        Written written;
    };
    struct Batch {
        std::vector<Record> records;
        QByteArray bytes;
        quint64 ignored = 0;
    };

    // GUI thread
    bool take(quint64 id, Direction &dir, InFlight &item);
    void write(Direction dir, const InFlight &item, quint8 marks);
    void scheduleDue();
    void deliverDue();
    void changed();
    void updateForwarding(Direction dir);
    void readHeldTuns();
    void flushSome();
    void take();
    void applyTaken(qsizetype limit);
    // A time of the monotonic clock as the trace counts, never before the trace's last event.
    qint64 traceTime(qint64 monotonic) const;
    // Runs fn on the wire thread and waits until it has (nothing when no thread runs).
    void command(const std::function<void()> &fn);

    // Wire thread
    void run();
    void serveCommand();
    void forwardFrom(int tun);
    // With the lab lock held: queues a segment read from its sender's TUN, and writes it into the
    // receiver's first when its direction forwards, then (drainAfter) reads the receiver's answer.
    // True when the GUI thread should hear of it at once: it can have changed a state, or it is held.
    bool forward(Record &&record, QByteArrayView bytes, bool drainAfter);
    // With the lab lock held: writes a segment the GUI thread delivers, reads the receiver's states
    // and then its answer.
    Written deliverInto(Side receiver, QByteArrayView bytes, quint8 tcpFlags);
    // With the lab lock held: what the receiver sent in answer to the segment just written into its
    // TUN, forwarded (without reading its own answer) or held; true as forward().
    bool drain(Side receiver);
    // Forwards (or holds) the segment forwardFrom() read from this TUN and has not sent yet, if any;
    // true as forward().
    bool sendUnsent(int tun, bool drainAfter);
    void readHeld();
    bool parse(int tun, QByteArrayView packet, Record &record);
    bool writeInto(Side receiver, QByteArrayView bytes);
    ssize_t readTun(int tun, QByteArray &buffer);
    void countTunCall();
    void setForwarding(Direction dir, bool on);
    void queue(Record &&record, QByteArrayView bytes);
    void queueIgnored();
    void postFlush(bool urgent);

    // GUI thread
    Trace *m_trace;
    std::unique_ptr<LabLock> m_ownLock;
    LabLock *m_lock;
    KernelProbe *m_probe = nullptr;
    DirectionState m_dir[2];
    QTimer m_dueTimer;
    quint64 m_nextId = 1;
    WireStats m_stats;
    bool m_changePending = false;
    bool m_attached = false;
    std::unique_ptr<QSocketNotifier> m_doorbell;
    Batch m_taken; // taken from the outbox, recorded up to m_takenNext
    qsizetype m_takenNext = 0;

    // Set up by attach() before the thread starts and closed by detach() after it ended.
    UniqueFd m_tun[2]; // [0] client host, [1] server host
    UniqueFd m_epoll; // the wire thread waits on it: commands, and the TUNs it forwards on its own
    UniqueFd m_heldEpoll; // the TUNs of held directions: the GUI thread's doorbell
    UniqueFd m_commandFd; // eventfd: a command is waiting
    std::thread m_thread;

    // Wire thread only
    RetransmissionTracker m_retransmissions;
    QByteArray m_buffer; // what forwardFrom() reads
    // forwardFrom()'s segment while it waits for the lab lock: a command served meanwhile (a delivery's
    // answer, a read of held segments) takes it first, so that segments keep their TUN's order.
    std::optional<Record> m_unsent;
    int m_unsentTun = -1;
    qsizetype m_unsentLength = 0;
    QByteArray m_heldBuffer; // what readHeld() reads
    QByteArray m_answerBuffer; // what drain() reads
    bool m_forwarding[2] = {false, false};
    bool m_stop = false;
    bool m_unannounced = false; // queued, but the GUI thread not told yet (postFlush())
    qint64 m_lastPostNs = 0;

    // Shared: the command the GUI thread waits on, and the batch it has not taken yet.
    std::mutex m_commandMutex;
    std::condition_variable m_commandDone;
    std::function<void()> m_command;
    std::atomic<bool> m_commandPending {false};
    std::mutex m_outboxMutex;
    Batch m_outbox;
    bool m_flushPosted = false;
    std::atomic<std::thread::id> m_wireThread;
    std::atomic<quint64> m_tunCalls {0};
    std::atomic<quint64> m_tunCallsElsewhere {0};
};
