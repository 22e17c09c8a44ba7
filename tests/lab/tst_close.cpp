// SPDX-License-Identifier: GPL-3.0-or-later
// Closing a connection on real kernels: the textbook four-way close (UNP fig. 2.5), the
// three-segment close Linux makes when the passive side closes before its delayed ACK leaves,
// and the abortive close with SO_LINGER {1, 0}.

#include "connection.h"
#include "testmain.h"

#include <sys/socket.h>

using namespace labtest;

class TestClose : public QObject {
    Q_OBJECT
private slots:
    void fourWayClose()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Connection c;
        MAKE_CONNECTION(lab, c);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);

        const auto read = server->read(c.serverFd);
        QVERIFY(!server->hasReturned(read));
        QCOMPARE(client->result(client->close(c.clientFd))->value, 0);

        // FIN M from the active side.
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack), kWaitMs);
        const Event fin1 = *heldEvent(lab, *held(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack));
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Client, TcpState::FinWait1), kWaitMs);
        QVERIFY(!server->hasReturned(read));

        // Delivered: read() returns 0 (end of file); the ACK M+1 follows on its own (delayed ACK).
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(server->hasReturned(read), kWaitMs);
        QCOMPARE(server->result(read)->value, 0);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Server, TcpState::CloseWait), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ServerToClient, TcpFlag::Ack), kWaitMs);
        const Event ack1 = *heldEvent(lab, *held(lab, Direction::ServerToClient, TcpFlag::Ack));
        QCOMPARE(ack1.ack, fin1.seq + 1);
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Client, TcpState::FinWait2), kWaitMs);

        // The passive side closes: FIN N, then the last ACK N+1.
        QCOMPARE(server->result(server->close(c.serverFd))->value, 0);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ServerToClient, TcpFlag::Fin | TcpFlag::Ack), kWaitMs);
        const Event fin2 = *heldEvent(lab, *held(lab, Direction::ServerToClient, TcpFlag::Fin | TcpFlag::Ack));
        QCOMPARE(fin2.ack, fin1.seq + 1);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Server, TcpState::LastAck), kWaitMs);
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Fin | TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Ack), kWaitMs);
        const Event ack2 = *heldEvent(lab, *held(lab, Direction::ClientToServer, TcpFlag::Ack));
        QCOMPARE(ack2.ack, fin2.seq + 1);
        QCOMPARE(ack2.seq, fin1.seq + 1);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Client, TcpState::TimeWait), kWaitMs);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);

        // The server's connection leaves the kernel's tables; only the listener remains.
        QTRY_VERIFY_WITH_TIMEOUT(lab.probe()->sockets(Side::Server).size() == 1
                                     && lab.probe()->sockets(Side::Server).front().state == TcpState::Listen,
                                 kWaitMs);
        QVERIFY(hasState(lab, Side::Client, TcpState::TimeWait));

        // The states on each side, read from the kernels, in the textbook's order.
        const quint16 clientPort = fin1.localPort;
        QVERIFY(tracedState(trace, Side::Client, TcpState::FinWait1, clientPort));
        QVERIFY(tracedState(trace, Side::Client, TcpState::FinWait2, clientPort));
        QVERIFY(tracedState(trace, Side::Client, TcpState::TimeWait, clientPort));
        QVERIFY(tracedState(trace, Side::Server, TcpState::CloseWait, kPort));
        QVERIFY(tracedState(trace, Side::Server, TcpState::LastAck, kPort));
        QVERIFY(tracedState(trace, Side::Server, TcpState::Closed, kPort));
        const std::vector<Event> s = firstSends(trace);
        QCOMPARE(s.size(), size_t(3 + 4));
    }

    // The passive side calls close() before its delayed ACK of the FIN has left: the ACK rides on
    // its FIN, and the close takes three segments: FIN / FIN+ACK / ACK.
    void threeSegmentClose()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Connection c;
        MAKE_CONNECTION(lab, c);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);

        // Like a program that calls close() as soon as read() returns 0 (no event-loop pass between).
        const auto read = server->read(c.serverFd);
        qsizetype sendsBefore = -1;
        connect(server, &BsdHost::returned, this, [&](qsizetype call) {
            if (call == read && server->result(read)->value == 0) {
                sendsBefore = qsizetype(firstSends(trace).size());
                server->close(c.serverFd);
            }
        });
        client->close(c.clientFd);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(server->hasReturned(read), kWaitMs);
        QCOMPARE(server->result(read)->value, 0);
        QVERIFY(sendsBefore >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ServerToClient, TcpFlag::Fin | TcpFlag::Ack), kWaitMs);
        // No separate ACK was sent before the FIN: the ACK of the client's FIN rides on it.
        QCOMPARE(qsizetype(firstSends(trace).size()), sendsBefore + 1);
        const Event fin1 = firstSends(trace)[3];
        const Event fin2 = *heldEvent(lab, *held(lab, Direction::ServerToClient, TcpFlag::Fin | TcpFlag::Ack));
        QCOMPARE(fin2.ack, fin1.seq + 1);
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Fin | TcpFlag::Ack);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Client, TcpState::TimeWait), kWaitMs);
        QCOMPARE(firstSends(trace).size(), size_t(3 + 3));
    }

    void abortiveClose()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Connection c;
        MAKE_CONNECTION(lab, c);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);

        const auto read = server->read(c.serverFd);
        QCOMPARE(client->result(client->setLinger(c.clientFd, true, 0))->value, 0);
        QCOMPARE(client->result(client->close(c.clientFd))->value, 0);
        // SO_LINGER {1, 0}: close() sends RST, not FIN.
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Rst, TcpFlag::Rst | TcpFlag::Fin),
                                 kWaitMs);
        QVERIFY(!held(lab, Direction::ClientToServer, TcpFlag::Fin, TcpFlag::Fin));
        QVERIFY(lab.wire()->deliver(held(lab, Direction::ClientToServer, TcpFlag::Rst, TcpFlag::Rst)->id));
        QTRY_VERIFY_WITH_TIMEOUT(server->hasReturned(read), kWaitMs);
        QCOMPARE(server->result(read)->value, -1);
        QCOMPARE(server->result(read)->err, ECONNRESET);
        // A write after the RST fails with EPIPE (no SIGPIPE: MSG_NOSIGNAL).
        const auto write = server->write(c.serverFd, QByteArrayLiteral("late"));
        QTRY_VERIFY_WITH_TIMEOUT(server->hasReturned(write), kWaitMs);
        QCOMPARE(server->result(write)->err, EPIPE);
    }

    // close() with received data still unread sends RST instead of FIN (RFC 2525 §2.17).
    void unreadDataReset()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Connection c;
        MAKE_CONNECTION(lab, c);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);
        const auto write = client->write(c.clientFd, QByteArrayLiteral("hello"));
        QTRY_VERIFY_WITH_TIMEOUT(client->hasReturned(write), kWaitMs);
        QCOMPARE(client->result(write)->value, 5);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Ack, TcpFlag::Ack | TcpFlag::Fin),
                                 kWaitMs);
        const Event data = *heldEvent(lab, *held(lab, Direction::ClientToServer, TcpFlag::Ack, TcpFlag::Ack));
        QCOMPARE(data.length, 5u);
        QVERIFY(lab.wire()->deliver(held(lab, Direction::ClientToServer, TcpFlag::Ack, TcpFlag::Ack)->id));
        QTRY_VERIFY_WITH_TIMEOUT(pollReady(c.serverFd, POLLIN), kWaitMs);
        QCOMPARE(server->result(server->close(c.serverFd))->value, 0);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ServerToClient, TcpFlag::Rst | TcpFlag::Ack), kWaitMs);
        QVERIFY(!held(lab, Direction::ServerToClient, TcpFlag::Fin, TcpFlag::Fin));
    }
};

SYNSCOPE_TEST_MAIN(TestClose)
#include "tst_close.moc"
