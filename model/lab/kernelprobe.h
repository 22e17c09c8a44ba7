// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"
#include "uniquefd.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <vector>

class LabLock;
class Trace;

// One TCP socket as a kernel reports it.
struct KernelSocket {
    quint16 localPort = 0;
    quint32 remoteAddr = 0; // IPv4; over IPv6 its four 32-bit words folded into one (a key, not an address)
    quint16 remotePort = 0;
    TcpState state = TcpState::Closed;
    TimerKind timer = TimerKind::None;
    quint32 expiresMs = 0;
    quint32 retransmits = 0;
    quint64 cookie = 0;
    // A listener's or a connection's queues and windows (a full socket: not a request or timewait one).
    bool hasQueues = false;
    SocketQueues queues;
};

// Reads the TCP states of both lab hosts from their kernels with NETLINK_SOCK_DIAG (one dump
// per namespace covers listeners, request sockets — Linux's SYN_RECV, never a listener's state —
// full sockets, and timewait sockets, including those of sockets the app has already closed)
// and records each change as a State (and Timer) event, stamped with the time it was read. With each
// socket's state come its queues and windows (INET_DIAG_INFO: struct tcp_info; for a listener its
// accept queue and backlog, and its SYN queue counted from its request sockets), recorded as a Queues
// event when one of them changed.
//
// A state the kernel passes through between two reads is lost, so the lab reads a host right
// after each thing that can change its states at once: readNow() after each call returns (the
// kernel has done what close(), shutdown(), listen(), connect() or accept() does before the call
// comes back) and, through readAfterDelivery(), after each segment the wire writes into a TUN that
// can change a state (the receiving kernel has processed a segment when write() on the TUN
// returns: the softirq runs in the writer's context). What changes with no such cause — timers — is
// caught by the coalesced poll after every wire activity and by the poll every 50 ms while a kernel
// timer is pending.
//
// Threads: every dump is made under the lab lock (LabLock), so none overlaps a call on a lab socket
// or a write into a TUN, and the dumps are ordered as what they saw happened. The GUI thread makes
// and records its own (readNow(), pollNow()); the wire thread makes the one after each delivery it
// writes, and the wire hands it to the GUI thread in order with its segments (recordReading()).
// Everything else here is the GUI thread's.
class KernelProbe : public QObject {
    Q_OBJECT
public:
    KernelProbe(Trace *trace, LabLock *lock, QObject *parent = nullptr);

    // family: AF_INET or AF_INET6, the lab's: a dump lists the sockets of one family.
    void attach(UniqueFd clientDiag, UniqueFd serverDiag, int family);
    void detach();
    // The host restarted (Lab::restartHost): its kernel is read through this sock_diag socket from
    // now on; the sockets last read there stay known until the next read records them as gone.
    void replaceDiag(Side side, UniqueFd diag);

    // Coalesced: polls on the next event-loop pass (at most every kMinIntervalMs).
    void requestPoll();
    // Reads both kernels now and records what changed.
    void pollNow();
    // Reads one kernel now, synchronously (no coalescing, no spacing), and records what changed.
    void readNow(Side side);

    // Any thread, with the lab lock held: a segment with these TCP flags has just been written into
    // `receiver`'s TUN. Reads that kernel into `out` when the segment can have changed a state there
    // (see the .cpp for which), or always when `always` (a segment delivered by a command: a step, a
    // click, whose queues the trace should show at once); false when it was not read.
    bool readAfterDelivery(Side receiver, quint8 tcpFlags, std::vector<KernelSocket> &out, bool always = false);
    // Records what readAfterDelivery() read, as read at trace time tNs.
    void recordReading(Side side, const std::vector<KernelSocket> &sockets, qint64 tNs);

    // The sockets of a host as last read.
    std::vector<KernelSocket> sockets(Side side) const;
    // State of the socket with this local and remote port (remote 0: the listener); Closed if none.
    TcpState state(Side side, quint16 localPort, quint16 remotePort = 0) const;
    // Reads one host's sockets; false with errno when the dump failed.
    static bool dump(int diagFd, int family, std::vector<KernelSocket> &out, int *err);

signals:
    void statesChanged();

private:
    struct Key {
        quint16 localPort;
        quint32 remoteAddr;
        quint16 remotePort;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.localPort, k.remoteAddr, k.remotePort);
        }
    };

    // The timers' poll: pollNow() when the lab lock is free now, else a little later.
    void pollWhenFree();
    // With the lab lock held: dumps one side; false when the dump failed (it changes nothing then).
    bool dumpSide(int index, std::vector<KernelSocket> &out);
    // Records a dump of one side made at trace time t; true if something changed.
    bool recordSide(int index, const std::vector<KernelSocket> &now, qint64 t);
    void updateTimerPoll();

    static constexpr int kMinIntervalMs = 2;
    static constexpr int kTimerPollMs = 50;

    Trace *m_trace;
    LabLock *m_lock;
    // Under the lab lock (the wire thread dumps too): the sock_diag sockets, and whether the last
    // dump of a side found a socket in a state that a mere acknowledgment ends.
    UniqueFd m_diag[2];
    int m_family = 0; // AF_INET or AF_INET6
    bool m_ackEnds[2] = {false, false};
    QHash<Key, KernelSocket> m_last[2];
    QTimer m_soon;
    QTimer m_timerPoll;
    QElapsedTimer m_sinceLastPoll; // since the end of the last poll
    qint64 m_lastPollNs = 0; // what the last poll cost
    bool m_timerPending[2] = {false, false}; // per side, as last read
};
