// SPDX-License-Identifier: GPL-3.0-or-later
// The wire's thread and the lab lock, on real kernels: a segment the wire thread has read waits
// while a program is inside a call on a lab socket, and the state read right after its delivery is
// the state it made; only the wire thread ever reads or writes a TUN; a close() that lingers in the
// kernel, waiting for an ACK only the wire can bring, blocks neither the wire nor the window.

#include "connection.h"
#include "testmain.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace labtest;

namespace {

// The kernel's own view of a socket of this process, as a call on it would find it.
int kernelState(int fd)
{
    tcp_info info {};
    socklen_t size = sizeof info;
    return ::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &size) == 0 ? info.tcpi_state : -1;
}

// The first event at or after `from` that delivers a segment with these flags to `receiver`.
qsizetype deliveryOf(const Trace &trace, Side receiver, quint8 flags, qsizetype from = 0)
{
    for (qsizetype i = from; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind != EventKind::Deliver || e.side == receiver) continue; // a Deliver event is on its sender's side
        if ((e.flags & 0x17) == flags) return i;
    }
    return -1;
}

} // namespace

class TestLabLock : public QObject {
    Q_OBJECT
private slots:
    // The ordering the lock exists for. While the server program is inside a call on its socket
    // (the GUI thread holds the lab lock, as every BsdHost/QtHost call does), the client's FIN comes
    // out of its kernel and the wire thread, which forwards that direction by itself, reads it. The
    // write into the server's TUN must wait until the call is over: written meanwhile, the segment
    // would wait in the socket's backlog (or, as here, change what the call sees) and the state read
    // right after the write would miss what it did. After the call the FIN is delivered and the
    // reading taken right after it, under the same hold, is CLOSE_WAIT.
    void deliveryWaitsForACallOnTheReceivingSocket()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Connection c;
        MAKE_CONNECTION(lab, c);
        BsdHost *client = lab.bsd(Side::Client);
        for (Direction d : {Direction::ClientToServer, Direction::ServerToClient})
            lab.wire()->setMode(d, Wire::Mode::Auto);
        QCOMPARE(lab.lock().waiting(), 0);
        qsizetype read = -1; // the trace's size when the call was over
        {
            const LabLock::Hold call = lab.lock().hold();
            QCOMPARE(client->result(client->close(c.clientFd))->value, 0);
            // The FIN is in the client's TUN; the wire thread reads it and waits for the lock (or,
            // were there no lock, writes it into the server's TUN at once).
            QTRY_VERIFY_WITH_TIMEOUT(lab.lock().waiting() == 1 || kernelState(c.serverFd) != int(TCP_ESTABLISHED),
                                     kWaitMs);
            // Not delivered while the call is under way: the server's kernel has not seen it, and a
            // read on the socket (one that does not block) finds nothing rather than the end of file.
            QCOMPARE(kernelState(c.serverFd), int(TCP_ESTABLISHED));
            QCOMPARE(lab.lock().waiting(), 1);
            QCOMPARE(deliveryOf(trace, Side::Server, TcpFlag::Fin | TcpFlag::Ack), -1);
            char byte;
            QCOMPARE(::recv(c.serverFd, &byte, 1, MSG_DONTWAIT | MSG_PEEK), ssize_t(-1));
            QCOMPARE(errno, EAGAIN);
            QCOMPARE(kernelState(c.serverFd), int(TCP_ESTABLISHED));
            read = trace.size();
        }
        // The call is over: the wire thread delivers, and reads the server's kernel right after.
        QTRY_VERIFY_WITH_TIMEOUT(deliveryOf(trace, Side::Server, TcpFlag::Fin | TcpFlag::Ack) > read, kWaitMs);
        const qsizetype fin = deliveryOf(trace, Side::Server, TcpFlag::Fin | TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(trace.size() > fin + 1, kWaitMs);
        const Event &after = trace.at(fin + 1);
        QCOMPARE(after.kind, EventKind::State);
        QCOMPARE(after.side, Side::Server);
        QCOMPARE(after.state(), TcpState::CloseWait);
        QCOMPARE(kernelState(c.serverFd), int(TCP_CLOSE_WAIT));
        // And the server's ACK of the FIN (sent inside the write) is recorded after that reading.
        QTRY_VERIFY_WITH_TIMEOUT(deliveryOf(trace, Side::Client, TcpFlag::Ack, fin) > fin + 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(tracedState(trace, Side::Client, TcpState::FinWait2), kWaitMs);
    }

    // A delivery the GUI thread commands (a held segment delivered by hand): the wire thread writes
    // while the GUI thread holds the lock, and the reading right after the write is in the trace
    // when deliver() returns, right after the Deliver, before anything a program does next (here the
    // server's read(), which finds the end of file).
    void heldDeliveryIsReadBeforeTheProgramsGoOn()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Connection c;
        MAKE_CONNECTION(lab, c);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);
        QCOMPARE(client->result(client->close(c.clientFd))->value, 0);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack);
        const qsizetype fin = deliveryOf(trace, Side::Server, TcpFlag::Fin | TcpFlag::Ack);
        QVERIFY(fin >= 0);
        // Recorded by the time deliver() returned, before anything the programs do next.
        QVERIFY(trace.size() > fin + 1);
        QCOMPARE(trace.at(fin + 1).kind, EventKind::State);
        QCOMPARE(trace.at(fin + 1).side, Side::Server);
        QCOMPARE(trace.at(fin + 1).state(), TcpState::CloseWait);
        const auto read = server->read(c.serverFd);
        QVERIFY(server->hasReturned(read));
        QCOMPARE(server->result(read)->value, 0);
    }

    // The GUI thread never reads, writes or polls a TUN: through a whole connection's life, held
    // and delivered by hand, dropped, duplicated, delayed and forwarded by itself, every read and
    // write on a TUN is made on the wire's thread.
    void onlyTheWireThreadTouchesATun()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Wire *wire = lab.wire();
        const quint64 before = wire->tunCalls();
        Connection c;
        MAKE_CONNECTION(lab, c); // held, and delivered by hand
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);
        // Duplicated and dropped.
        QVERIFY(client->hasReturned(client->write(c.clientFd, QByteArrayLiteral("one"))));
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Ack), kWaitMs);
        QVERIFY(wire->duplicate(held(lab, Direction::ClientToServer, TcpFlag::Ack)->id));
        QVERIFY(wire->drop(wire->inFlight(Direction::ClientToServer).back().id));
        // Delayed, then forwarded by itself, both ways.
        wire->setMode(Direction::ClientToServer, Wire::Mode::Auto, 2'000'000);
        wire->setMode(Direction::ServerToClient, Wire::Mode::Auto);
        QTRY_VERIFY_WITH_TIMEOUT(wire->inFlightCount() == 0, kWaitMs);
        wire->setMode(Direction::ClientToServer, Wire::Mode::Auto);
        QVERIFY(client->hasReturned(client->write(c.clientFd, QByteArray(20000, 'x'))));
        qint64 got = 0;
        while (got < 3 + 20000) {
            const auto read = server->read(c.serverFd, 65536);
            QTRY_VERIFY_WITH_TIMEOUT(server->hasReturned(read), kWaitMs);
            QVERIFY(server->result(read)->value > 0);
            got += server->result(read)->value;
        }
        QCOMPARE(got, 3 + 20000);
        QCOMPARE(client->result(client->close(c.clientFd))->value, 0);
        QCOMPARE(server->result(server->close(c.serverFd))->value, 0);
        QTRY_VERIFY_WITH_TIMEOUT(tracedState(trace, Side::Client, TcpState::TimeWait), kWaitMs);
        QVERIFY(wire->tunCalls() > before + 20);
        QCOMPARE(wire->tunCallsElsewhere(), quint64(0));
        lab.stop();
        QCOMPARE(wire->tunCallsElsewhere(), quint64(0));
    }

    // A close() with SO_LINGER on sleeps in the kernel until the peer has acknowledged its FIN. It
    // runs on a thread of its own without the lab lock, so meanwhile the wire goes on: here it
    // records the FIN and the server's ACK while the close is under way, the lecturer delivers both
    // (writes into a TUN under the lock), and only then does the close return.
    void lingeringCloseDoesNotBlockTheWire()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Connection c;
        MAKE_CONNECTION(lab, c);
        BsdHost *client = lab.bsd(Side::Client);
        QCOMPARE(client->result(client->setLinger(c.clientFd, true, 60))->value, 0);
        const auto close = client->close(c.clientFd);
        QVERIFY(client->isBlocked());
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack), kWaitMs);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ServerToClient, TcpFlag::Ack), kWaitMs);
        QVERIFY(!client->hasReturned(close));
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(client->hasReturned(close), kWaitMs);
        QCOMPARE(client->result(close)->value, 0);
        // Its return is recorded after the delivery that ended it.
        QVERIFY(close < deliveryOf(trace, Side::Client, TcpFlag::Ack, close));
        QVERIFY(deliveryOf(trace, Side::Client, TcpFlag::Ack, close) < trace.size());
    }

    // The same with nobody clicking: both directions forwarded by the wire thread on its own, which
    // must not wait for the lingering close (it sleeps far longer than the test waits).
    void lingeringCloseEndsWhileTheWireForwards()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Connection c;
        MAKE_CONNECTION(lab, c);
        BsdHost *client = lab.bsd(Side::Client);
        for (Direction d : {Direction::ClientToServer, Direction::ServerToClient})
            lab.wire()->setMode(d, Wire::Mode::Auto);
        QCOMPARE(client->result(client->setLinger(c.clientFd, true, 60))->value, 0);
        const auto close = client->close(c.clientFd);
        QTRY_VERIFY_WITH_TIMEOUT(client->hasReturned(close), kWaitMs);
        QCOMPARE(client->result(close)->value, 0);
        QVERIFY(deliveryOf(trace, Side::Server, TcpFlag::Fin | TcpFlag::Ack, close) > close);
        QVERIFY(deliveryOf(trace, Side::Client, TcpFlag::Ack, close) > close);
    }
};

SYNSCOPE_TEST_MAIN(TestLabLock)
#include "tst_lablock.moc"
