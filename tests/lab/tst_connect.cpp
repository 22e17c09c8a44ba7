// SPDX-License-Identifier: GPL-3.0-or-later
// How connect() and accept() meet real kernels beyond the plain handshake: a refused port, a lost
// SYN, and an accept() called long after the handshake completed.

#include "connection.h"
#include "testmain.h"

using namespace labtest;

class TestConnect : public QObject {
    Q_OBJECT
private slots:
    void refused()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        BsdHost *client = lab.bsd(Side::Client);
        const int fd = int(client->result(client->socket())->value);
        const auto connect = client->connect(fd, Lab::address(4, Side::Server), kPort); // nobody listens
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Syn);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ServerToClient, TcpFlag::Rst | TcpFlag::Ack), kWaitMs);
        const Event syn = sends(trace)[0];
        const Event rst = *heldEvent(lab, *held(lab, Direction::ServerToClient, TcpFlag::Rst | TcpFlag::Ack));
        QCOMPARE(rst.ack, syn.seq + 1);
        QVERIFY(!client->hasReturned(connect));
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Rst | TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(client->hasReturned(connect), kWaitMs);
        QCOMPARE(client->result(connect)->value, -1);
        QCOMPARE(client->result(connect)->err, ECONNREFUSED);
        // The return event names the errno.
        bool found = false;
        for (qsizetype i = 0; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            if (e.kind == EventKind::Return && trace.callRecord(e).fn == u"connect")
                found = trace.callRecord(e).err == ECONNREFUSED && trace.callRecord(e).result == -1;
        }
        QVERIFY(found);
    }

    // The wire drops the SYN; the client's kernel sends it again (same sequence number) by itself,
    // and the handshake then completes. No assertion on the interval: it differs between kernels.
    void lostSyn()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        BsdHost *client = lab.bsd(Side::Client);
        int listenFd = -1;
        makeListener(lab, &listenFd);
        QVERIFY(!QTest::currentTestFailed());
        const int fd = int(client->result(client->socket())->value);
        const auto connect = client->connect(fd, Lab::address(4, Side::Server), kPort);

        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Syn), kWaitMs);
        const Event first = *heldEvent(lab, *held(lab, Direction::ClientToServer, TcpFlag::Syn));
        QVERIFY(!(first.marks & EventMark::Retransmission));
        QVERIFY(lab.wire()->drop(held(lab, Direction::ClientToServer, TcpFlag::Syn)->id));
        QCOMPARE(lab.wire()->inFlightCount(), 0);

        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Syn), 3 * kWaitMs);
        const Event again = *heldEvent(lab, *held(lab, Direction::ClientToServer, TcpFlag::Syn));
        QCOMPARE(again.seq, first.seq);
        QCOMPARE(again.localPort, first.localPort);
        QVERIFY(again.marks & EventMark::Retransmission);
        QVERIFY(!client->hasReturned(connect));

        DELIVER(lab, Direction::ClientToServer, TcpFlag::Syn);
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(client->hasReturned(connect), kWaitMs);
        QCOMPARE(client->result(connect)->value, 0);
        // The drop is in the trace, pointing at the first SYN.
        bool dropped = false;
        for (qsizetype i = 0; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            dropped =
                dropped || (e.kind == EventKind::Drop && e.seq == first.seq && !(e.marks & EventMark::Retransmission));
        }
        QVERIFY(dropped);
    }

    // With listen() and no accept(), the kernel completes the handshake on its own; a later
    // accept() returns at once and puts nothing on the wire.
    void acceptLater()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);
        const int listenFd = int(server->result(server->socket())->value);
        server->bind(listenFd, Lab::address(4, Side::Server), kPort);
        server->listen(listenFd, 5);
        const int fd = int(client->result(client->socket())->value);
        const auto connect = client->connect(fd, Lab::address(4, Side::Server), kPort);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Syn);
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(client->hasReturned(connect), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Server, TcpState::Established), kWaitMs);
        QVERIFY(pollReady(listenFd, POLLIN));

        const qsizetype segmentsBefore = qsizetype(sends(trace).size());
        const auto accept = server->accept(listenFd);
        QVERIFY(server->hasReturned(accept)); // at once: no blocking
        QVERIFY(server->result(accept)->value >= 0);
        QVERIFY(!server->isBlocked());
        lab.probe()->pollNow();
        QCOMPARE(qsizetype(sends(trace).size()), segmentsBefore);
        QCOMPARE(lab.wire()->inFlightCount(), 0);
    }

    // The server's host restarts in place (Lab::restartHost): a new namespace at the same address
    // whose kernel knows nothing of the connection. The old sockets close without a segment
    // reaching the wire; the client's next segment reaches the new kernel, which answers with RST,
    // and the client's next call fails with ECONNRESET.
    void restartedHostAnswersWithRst()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Connection c;
        MAKE_CONNECTION(lab, c);
        BsdHost *client = lab.bsd(Side::Client);
        const quint64 oldNetns = lab.netnsInode(Side::Server);
        const qsizetype before = trace.size();
        LabError error;
        QVERIFY2(lab.restartHost(Side::Server, &error), qPrintable(error.message()));
        QVERIFY(lab.netnsInode(Side::Server) != oldNetns);
        QVERIFY(lab.bsd(Side::Server)->sockets().empty());
        // Recorded on the server's side, and the old connection read as gone.
        bool noted = false;
        for (qsizetype i = before; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            noted = noted
                || (e.kind == EventKind::Signal && e.side == Side::Server
                    && trace.callRecord(e).fn == u"host restarted");
        }
        QVERIFY(noted);
        QVERIFY(tracedState(trace, Side::Server, TcpState::Closed, kPort));
        // The old kernel's RSTs for its closed sockets went nowhere.
        const qsizetype write = client->write(c.clientFd, QByteArrayLiteral("x"));
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Ack), kWaitMs);
        QCOMPARE(client->result(write)->value, 1);
        QVERIFY(!held(lab, Direction::ServerToClient, TcpFlag::Rst, TcpFlag::Rst));
        const Event data = *heldEvent(lab, *held(lab, Direction::ClientToServer, TcpFlag::Ack));
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ServerToClient, TcpFlag::Rst, TcpFlag::Rst), kWaitMs);
        const Event rst = *heldEvent(lab, *held(lab, Direction::ServerToClient, TcpFlag::Rst, TcpFlag::Rst));
        QCOMPARE(rst.seq, data.ack); // RFC 9293: a RST for a segment with ACK takes its ack number
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Rst);
        const auto read = client->read(c.clientFd, 100);
        QTRY_VERIFY_WITH_TIMEOUT(client->hasReturned(read), kWaitMs);
        QCOMPARE(client->result(read)->value, -1);
        QCOMPARE(client->result(read)->err, ECONNRESET);
    }
};

SYNSCOPE_TEST_MAIN(TestConnect)
#include "tst_connect.moc"
