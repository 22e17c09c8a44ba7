// SPDX-License-Identifier: GPL-3.0-or-later
// The socket inspector's values, as the kernel probe records them (Queues events) on real kernels:
// a listener's SYN and accept queues against its backlog, a connection's send and receive queues,
// windows, cwnd and RTO. Each is checked in the trace right after the call or the delivery that
// changed it (the probe reads a host after each call returns and after each segment the wire
// delivers by command), so the trace shows the value at that step.

#include "connection.h"
#include "testmain.h"

using namespace labtest;

namespace {

// The latest Queues event of a socket in the trace, or nullptr.
const SocketQueues *latestQueues(const Trace &trace, Side side, quint16 localPort, quint16 remotePort)
{
    for (qsizetype i = trace.size() - 1; i >= 0; --i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::Queues && e.side == side && e.localPort == localPort && e.remotePort == remotePort)
            return &trace.queues(e);
    }
    return nullptr;
}

// The client's port of the connection (the local port of its connected socket, from the probe).
quint16 clientPort(const Lab &lab)
{
    for (const KernelSocket &s : lab.probe()->sockets(Side::Client)) {
        if (s.remotePort == kPort) return s.localPort;
    }
    return 0;
}

} // namespace

class TestQueues : public QObject {
    Q_OBJECT

private slots:
    // listen(fd, 5) with one connection whose handshake is under way (SYN queue 1), then complete
    // but not accepted (accept queue 1), then accepted (0).
    void listenerQueues()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);
        int listenFd = -1;
        makeListener(lab, &listenFd);
        QVERIFY(!QTest::currentTestFailed());
        const SocketQueues *q = latestQueues(trace, Side::Server, kPort, 0);
        QVERIFY(q);
        QVERIFY(q->listener);
        QCOMPARE(q->backlog, 5u);
        QCOMPARE(q->acceptQueue, 0u);
        QCOMPARE(q->synQueue, 0u);

        const int clientFd = int(client->result(client->socket())->value);
        QVERIFY(clientFd >= 0);
        client->connect(clientFd, Lab::address(4, Side::Server), kPort);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Syn);
        q = latestQueues(trace, Side::Server, kPort, 0);
        QCOMPARE(q->synQueue, 1u); // answered with SYN+ACK, held on the wire
        QCOMPARE(q->acceptQueue, 0u);

        DELIVER(lab, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);
        q = latestQueues(trace, Side::Server, kPort, 0);
        QCOMPARE(q->synQueue, 0u);
        QCOMPARE(q->acceptQueue, 1u); // one unaccepted connection
        QCOMPARE(q->backlog, 5u);

        const auto accept = server->accept(listenFd);
        QTRY_VERIFY_WITH_TIMEOUT(server->hasReturned(accept), kWaitMs);
        QVERIFY(server->result(accept)->value >= 0);
        q = latestQueues(trace, Side::Server, kPort, 0);
        QCOMPARE(q->acceptQueue, 0u);
    }

    // write() with the segment held on the wire: the sender's send queue is the bytes written; once
    // delivered, the receiver's receive queue holds them until read(); the ACK empties the send queue.
    void connectionQueues()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Connection c;
        MAKE_CONNECTION(lab, c);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);
        const quint16 port = clientPort(lab);
        QVERIFY(port != 0);

        const SocketQueues *q = latestQueues(trace, Side::Client, port, kPort);
        QVERIFY(q);
        QVERIFY(!q->listener);
        QCOMPARE(q->sendQueue, 0u);
        QCOMPARE(q->recvQueue, 0u);
        // This machine's kernel has struct tcp_info with windows (Linux 5.4 and later).
        QVERIFY(q->has & SocketQueues::PeerWindow);
        QVERIFY(q->peerWindow > 0);
        QVERIFY((q->has & SocketQueues::Cwnd) && q->cwnd > 0);
        QVERIFY((q->has & SocketQueues::Rto) && q->rtoUs > 0);

        const QByteArray data(1000, 'x');
        const auto write = client->write(c.clientFd, data);
        QTRY_VERIFY_WITH_TIMEOUT(client->hasReturned(write), kWaitMs);
        QCOMPARE(client->result(write)->value, 1000);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Ack, TcpFlag::Ack), kWaitMs);
        const qsizetype afterWrite = trace.size();
        q = latestQueues(trace, Side::Client, port, kPort);
        QCOMPARE(q->sendQueue, 1000u); // sent, held on the wire, not acknowledged

        DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);
        q = latestQueues(trace, Side::Server, kPort, port);
        QVERIFY(q);
        QCOMPARE(q->recvQueue, 1000u); // arrived, not yet read

        const auto read = server->read(c.serverFd, 4096);
        QTRY_VERIFY_WITH_TIMEOUT(server->hasReturned(read), kWaitMs);
        QCOMPARE(server->result(read)->value, 1000);
        QCOMPARE(latestQueues(trace, Side::Server, kPort, port)->recvQueue, 0u);

        DELIVER(lab, Direction::ServerToClient, TcpFlag::Ack);
        QCOMPARE(latestQueues(trace, Side::Client, port, kPort)->sendQueue, 0u);
        // Recorded in order: the value of each step stays in the trace behind the later one.
        bool found1000 = false;
        for (qsizetype i = 0; i < afterWrite; ++i) {
            const Event &e = trace.at(i);
            found1000 = found1000
                || (e.kind == EventKind::Queues && e.side == Side::Client && trace.queues(e).sendQueue == 1000);
        }
        QVERIFY(found1000);
    }
};

SYNSCOPE_TEST_MAIN(TestQueues)
#include "tst_queues.moc"
