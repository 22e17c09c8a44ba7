// SPDX-License-Identifier: GPL-3.0-or-later
// QTcpServer and QTcpSocket doing their own work on the lab's namespace sockets: what Qt really
// puts on the wire, and the signals it emits.

#include "lab/qthost.h"
#include "labtest.h"
#include "testmain.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace labtest;

namespace {
QStringList signalsOf(const Trace &trace, Side side)
{
    QStringList names;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::Signal && e.side == side)
            names << trace.callRecord(e).fn;
    }
    return names;
}
}

class TestQtFlavour : public QObject {
    Q_OBJECT
private slots:
    void handshakeAndClose()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        QtHost *server = lab.qt(Side::Server);
        QtHost *client = lab.qt(Side::Client);

        const auto listen = server->listen(kPort);
        QCOMPARE(server->result(listen)->value, 1);
        QVERIFY(server->server()->isListening());
        QVERIFY(lab.isInLab(int(server->server()->socketDescriptor()), Side::Server));
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Server, TcpState::Listen), kWaitMs);

        client->connectToHost(Lab::address(Side::Server), kPort);
        QCOMPARE(client->socketCount(), 1);
        QTcpSocket *c = client->socket(0);
        // Qt kept the adopted namespace socket and issued connect() on it itself.
        QVERIFY(lab.isInLab(int(c->socketDescriptor()), Side::Client));
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Syn), kWaitMs);
        QCOMPARE(c->state(), QAbstractSocket::ConnectingState);
        const Event syn = *heldEvent(lab, *held(lab, Direction::ClientToServer, TcpFlag::Syn));

        DELIVER(lab, Direction::ClientToServer, TcpFlag::Syn);
        QVERIFY(!signalsOf(trace, Side::Client).contains(QStringLiteral("connected")));
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(signalsOf(trace, Side::Client).contains(QStringLiteral("connected")), kWaitMs);
        QCOMPARE(c->state(), QAbstractSocket::ConnectedState);
        // newConnection only once the third segment has arrived (Qt accepts as soon as it can).
        QVERIFY(!signalsOf(trace, Side::Server).contains(QStringLiteral("newConnection")));
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(signalsOf(trace, Side::Server).contains(QStringLiteral("newConnection")), kWaitMs);

        const auto next = server->nextPendingConnection();
        QCOMPARE(server->result(next)->value, 0);
        QTcpSocket *s = server->socket(0);
        QVERIFY(s);
        QCOMPARE(s->peerPort(), syn.localPort);

        // Data through Qt: write on the client, readyRead on the server.
        QCOMPARE(client->result(client->write(0, QByteArrayLiteral("hello")))->value, 5);
        QTRY_VERIFY_WITH_TIMEOUT(
            held(lab, Direction::ClientToServer, TcpFlag::Ack, TcpFlag::Ack | TcpFlag::Fin), kWaitMs);
        QCOMPARE(heldEvent(lab, *held(lab, Direction::ClientToServer, TcpFlag::Ack))->length, 5u);
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(signalsOf(trace, Side::Server).contains(QStringLiteral("readyRead")), kWaitMs);
        const auto read = server->readAll(0);
        QCOMPARE(server->result(read)->data, QByteArrayLiteral("hello"));
        // Let the server's ACK of the data through, whenever its kernel sends it.
        lab.wire()->setMode(Direction::ServerToClient, Wire::Mode::Auto, 0);
        QTRY_VERIFY_WITH_TIMEOUT(lab.wire()->inFlight(Direction::ServerToClient).empty(), kWaitMs);
        lab.wire()->setMode(Direction::ServerToClient, Wire::Mode::Step);
        QTRY_VERIFY_WITH_TIMEOUT(sends(trace).back().side == Side::Server, kWaitMs);

        // The client closes. Qt's server socket reads EOF and closes its side by itself: no
        // close() call by the server program, yet its FIN follows, acknowledging the client's.
        client->disconnectFromHost(0);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack), kWaitMs);
        const Event fin1 = *heldEvent(lab, *held(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack));
        DELIVER(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(signalsOf(trace, Side::Server).contains(QStringLiteral("disconnected")), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ServerToClient, TcpFlag::Fin | TcpFlag::Ack), kWaitMs);
        const Event fin2 = *heldEvent(lab, *held(lab, Direction::ServerToClient, TcpFlag::Fin | TcpFlag::Ack));
        QCOMPARE(fin2.ack, fin1.seq + 1);
        for (qsizetype i = 0; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            if (e.kind == EventKind::Call && e.side == Side::Server)
                QVERIFY2(!trace.callRecord(e).fn.contains(QStringLiteral("close")), "the server program never closed");
        }
        lab.wire()->setMode(Direction::ClientToServer, Wire::Mode::Auto, 0);
        DELIVER(lab, Direction::ServerToClient, TcpFlag::Fin | TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(signalsOf(trace, Side::Client).contains(QStringLiteral("disconnected")), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Client, TcpState::TimeWait), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(lab.probe()->sockets(Side::Server).size() == 1, kWaitMs);
        // Qt's API calls are recorded apart from the signals it emitted.
        QVERIFY(signalsOf(trace, Side::Client).startsWith(QStringLiteral("connected")));
    }
};

SYNSCOPE_TEST_MAIN(TestQtFlavour)
#include "tst_qtflavour.moc"
