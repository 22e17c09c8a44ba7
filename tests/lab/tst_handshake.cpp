// SPDX-License-Identifier: GPL-3.0-or-later
// The three-way handshake on two real kernels, segment by segment (Stevens, UNP fig. 2.5).

#include "labtest.h"
#include "testmain.h"

using namespace labtest;

class TestHandshake : public QObject {
    Q_OBJECT
private slots:
    void bsdHandshake()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);

        const auto listenCall = server->socket();
        const int listenFd = int(server->result(listenCall)->value);
        QVERIFY(listenFd >= 0);
        QCOMPARE(server->result(server->bind(listenFd, Lab::address(4, Side::Server), kPort))->value, 0);
        QCOMPARE(server->result(server->listen(listenFd, 5))->value, 0);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Server, TcpState::Listen), kWaitMs);
        const auto accept = server->accept(listenFd);
        QVERIFY(accept >= 0);
        QVERIFY(!server->hasReturned(accept));
        QVERIFY(server->isBlocked());

        const int clientFd = int(client->result(client->socket())->value);
        QVERIFY(clientFd >= 0);
        const auto connect = client->connect(clientFd, Lab::address(4, Side::Server), kPort);

        // SYN J, held on the wire: connect() is blocked, the client's kernel is in SYN_SENT.
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Syn), kWaitMs);
        const Event syn = *heldEvent(lab, *held(lab, Direction::ClientToServer, TcpFlag::Syn));
        QCOMPARE(syn.flags & 0x17, TcpFlag::Syn);
        QCOMPARE(syn.remotePort, kPort);
        QVERIFY(!client->hasReturned(connect));
        QVERIFY(!pollReady(clientFd, POLLOUT));
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Client, TcpState::SynSent), kWaitMs);

        // The server's kernel, not accept(), answers: SYN K, ACK J+1.
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Syn);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack), kWaitMs);
        const Event synAck = *heldEvent(lab, *held(lab, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack));
        QCOMPARE(synAck.ack, syn.seq + 1);
        QCOMPARE(synAck.localPort, kPort);
        QCOMPARE(synAck.remotePort, syn.localPort);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Server, TcpState::SynRcvd), kWaitMs);
        QVERIFY(!server->hasReturned(accept));
        QVERIFY(!pollReady(listenFd, POLLIN));
        QVERIFY(!client->hasReturned(connect));
        QVERIFY(!pollReady(clientFd, POLLOUT));

        // connect() returns on the second segment; the client's kernel sends ACK K+1.
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(client->hasReturned(connect), kWaitMs);
        QCOMPARE(client->result(connect)->value, 0);
        QCOMPARE(client->result(connect)->err, 0);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Ack), kWaitMs);
        const Event ack = *heldEvent(lab, *held(lab, Direction::ClientToServer, TcpFlag::Ack));
        QCOMPARE(ack.seq, syn.seq + 1);
        QCOMPARE(ack.ack, synAck.seq + 1);
        QCOMPARE(ack.length, 0u);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Client, TcpState::Established), kWaitMs);
        // accept() is still blocked until the third segment arrives.
        QVERIFY(!server->hasReturned(accept));
        QVERIFY(!pollReady(listenFd, POLLIN));
        QVERIFY(hasState(lab, Side::Server, TcpState::SynRcvd));

        DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(server->hasReturned(accept), kWaitMs);
        QVERIFY(server->result(accept)->value >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Server, TcpState::Established), kWaitMs);

        // Exactly three segments, in order, and nothing else on the wire.
        const std::vector<Event> s = sends(trace);
        QCOMPARE(s.size(), size_t(3));
        QCOMPARE(s[0].side, Side::Client);
        QCOMPARE(s[1].side, Side::Server);
        QCOMPARE(s[2].side, Side::Client);
        QCOMPARE(lab.wire()->stats().ignored, 0u);
        QCOMPARE(lab.wire()->inFlightCount(), 0);
        QVERIFY(tracedState(trace, Side::Server, TcpState::SynRcvd, kPort));
    }
};

SYNSCOPE_TEST_MAIN(TestHandshake)
#include "tst_handshake.moc"
