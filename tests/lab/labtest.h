// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the lab tests: start a lab (skip where namespaces cannot be made, but fail in CI),
// find held segments by what they are, and check "not yet" without sleeping.

#include "lab/bsdhost.h"
#include "lab/kernelprobe.h"
#include "lab/lab.h"
#include "lab/wire.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QTest>
#include <poll.h>

// Generous: kernels bring timers (a delayed ACK is ~40 ms, a SYN retransmission ~1 s).
constexpr int kWaitMs = 10000;
constexpr quint16 kPort = 9877;

// Where the lab cannot run (a container, a kernel that refuses user namespaces) a test is skipped
// with the reason; in CI the lab must run, so there it fails.
#define NO_LAB_HERE(why)                                                                                               \
    do {                                                                                                               \
        if (qEnvironmentVariable("CI") == u"true")                                                                     \
            QFAIL(qPrintable(QStringLiteral("the lab must run in CI: ") + (why)));                                     \
        QSKIP(qPrintable(QStringLiteral("no lab on this machine: ") + (why)));                                         \
    } while (0)

#define START_LAB(lab)                                                                                                 \
    do {                                                                                                               \
        if (!(lab).start()) NO_LAB_HERE((lab).error().message());                                                      \
    } while (0)

// A window (or anything with lab()) whose lab did not start.
#define REQUIRE_LAB(window)                                                                                            \
    do {                                                                                                               \
        if (!(window).lab()->isReady()) NO_LAB_HERE((window).lab()->error().message());                                \
    } while (0)

namespace labtest {

inline const Event *heldEvent(const Lab &lab, const InFlight &f)
{
    return &lab.trace()->at(f.sendIndex);
}

// The held segment going `dir` whose SYN/ACK/FIN/RST flags are exactly `flags`, or nullptr.
inline const InFlight *held(const Lab &lab, Direction dir, quint8 flags, quint8 mask = 0x17)
{
    for (const InFlight &f : lab.wire()->inFlight(dir)) {
        if ((heldEvent(lab, f)->flags & mask) == flags) return &f;
    }
    return nullptr;
}

// The server program's socket(), bind() to the lab's port and listen(): its descriptor in *fd.
// Use with QVERIFY(!QTest::currentTestFailed()) after it, as QVERIFY inside returns from here only.
inline void makeListener(Lab &lab, int *fd)
{
    BsdHost *server = lab.bsd(Side::Server);
    *fd = int(server->result(server->socket())->value);
    QVERIFY(*fd >= 0);
    QCOMPARE(server->result(server->bind(*fd, lab.address(Side::Server), kPort))->value, 0);
    QCOMPARE(server->result(server->listen(*fd, 5))->value, 0);
}

inline bool pollReady(int fd, short events)
{
    pollfd p {fd, events, 0};
    return ::poll(&p, 1, 0) == 1 && (p.revents & events);
}

inline bool hasState(const Lab &lab, Side side, TcpState state)
{
    for (const KernelSocket &s : lab.probe()->sockets(side)) {
        if (s.state == state) return true;
    }
    return false;
}

// Whether the trace recorded `state` on `side` at some point.
inline bool tracedState(const Trace &trace, Side side, TcpState state, quint16 localPort = 0)
{
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::State && e.side == side && e.state() == state
            && (!localPort || e.localPort == localPort))
            return true;
    }
    return false;
}

// Send events in trace order.
inline std::vector<Event> sends(const Trace &trace)
{
    std::vector<Event> out;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        if (trace.at(i).kind == EventKind::Send) out.push_back(trace.at(i));
    }
    return out;
}

// Send events that are not retransmissions: what a close or a handshake is made of, whatever a
// loaded machine's pace let a retransmission timer add while a segment was held on the wire.
inline std::vector<Event> firstSends(const Trace &trace)
{
    std::vector<Event> out;
    for (const Event &e : sends(trace)) {
        if (!(e.marks & EventMark::Retransmission)) out.push_back(e);
    }
    return out;
}

} // namespace labtest

// Waits for a held segment and delivers it by identity.
#define DELIVER(lab, dir, flags)                                                                                       \
    do {                                                                                                               \
        QTRY_VERIFY_WITH_TIMEOUT(labtest::held(lab, dir, flags) != nullptr, kWaitMs);                                  \
        QVERIFY((lab).wire()->deliver(labtest::held(lab, dir, flags)->id));                                            \
    } while (0)
