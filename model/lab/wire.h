// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/direction.h"
#include "trace/event.h"
#include "trace/retransmissiontracker.h"
#include "uniquefd.h"

#include <QObject>
#include <QTimer>
#include <deque>
#include <memory>

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
class Wire : public QObject {
    Q_OBJECT
public:
    // Defined in trace/direction.h, where a scenario file reaches them without the lab.
    using Mode = WireMode;
    using Action = WireAction;

    explicit Wire(Trace *trace, QObject *parent = nullptr);
    ~Wire() override;

    void attach(UniqueFd clientTun, UniqueFd serverTun);
    void detach();
    bool isAttached() const { return m_tun[0].isValid(); }

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

signals:
    // Coalesced: once per batch of packets read or actions taken, never per packet.
    void inFlightChanged();
    // Something reached a kernel or left one: time to read the kernels' states again.
    void activity();
    // Emitted right after a segment with these TCP flags was written into `receiver`'s TUN, every
    // time (never coalesced): the receiving kernel has already processed it, since a TUN write
    // runs the receive softirq in the writer's context, so a state read now sees what it did.
    void delivered(Side receiver, quint8 tcpFlags);

private:
    struct DirectionState {
        Mode mode = Mode::Step;
        qint64 latencyNs = 0;
        std::deque<InFlight> held;
    };

    void readTun(int index);
    bool take(quint64 id, Direction &dir, InFlight &item);
    void write(Direction dir, const InFlight &item, quint8 marks);
    void scheduleDue();
    void deliverDue();
    void changed();

    Trace *m_trace;
    RetransmissionTracker m_retransmissions;
    UniqueFd m_tun[2]; // [0] client host, [1] server host
    std::unique_ptr<QSocketNotifier> m_notifier[2];
    DirectionState m_dir[2];
    QTimer m_dueTimer;
    quint64 m_nextId = 1;
    WireStats m_stats;
    QByteArray m_buffer;
    bool m_changePending = false;
    bool m_draining = false; // inside the read of a receiver's TUN right after a delivery
};
