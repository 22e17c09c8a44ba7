// SPDX-License-Identifier: GPL-3.0-or-later
// Short kernel states are kept: the lab reads a host's kernel right after each segment the wire
// writes into its TUN (the receiving kernel has processed it when write() returns: a TUN write
// runs the receive softirq in the writer's context) and right after each call returns, so a state
// that lasts only until the next segment or call is in the trace. Every check here is made
// synchronously, right after the delivery or the return, with no event-loop pass in between.

#include "connection.h"
#include "run/scenariorunner.h"
#include "scenario/builtinscenarios.h"
#include "testmain.h"

using namespace labtest;

namespace {

// Whether the trace recorded `state` for the socket of `side` on `localPort` at or after event
// `from` (the index the trace had before the delivery or the call).
bool tracedSince(const Trace &trace, qsizetype from, Side side, TcpState state, quint16 localPort)
{
    for (qsizetype i = from; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::State && e.side == side && e.state() == state && e.localPort == localPort) return true;
    }
    return false;
}

// The states recorded for one socket, in trace order.
QList<TcpState> statesOf(const Trace &trace, Side side, quint16 localPort, quint16 remotePort)
{
    QList<TcpState> out;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::State && e.side == side && e.localPort == localPort && e.remotePort == remotePort)
            out.append(e.state());
    }
    return out;
}

// The states recorded on `side` for connections (not listeners), in trace order. The scenarios
// below make one connection, so this is that connection's story on one side.
QList<TcpState> connectionStates(const Trace &trace, Side side)
{
    QList<TcpState> out;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::State && e.side == side && e.remotePort != 0) out.append(e.state());
    }
    return out;
}

// Whether `part` appears in `whole` in order, not necessarily next to each other.
bool inOrder(const QList<TcpState> &part, const QList<TcpState> &whole)
{
    qsizetype k = 0;
    for (TcpState s : whole) {
        if (k < part.size() && part[k] == s) ++k;
    }
    return k == part.size();
}

QString names(const QList<TcpState> &states)
{
    QStringList out;
    for (TcpState s : states)
        out << tcpStateName(s);
    return out.join(QStringLiteral(" → "));
}

bool timesNonDecreasing(const Trace &trace)
{
    for (qsizetype i = 1; i < trace.size(); ++i) {
        if (trace.at(i).tNs < trace.at(i - 1).tNs) return false;
    }
    return true;
}

} // namespace

class TestStates : public QObject {
    Q_OBJECT
private slots:
    // The passive close, 20 times over so that a state missed now and then fails: CLOSE_WAIT is in
    // the trace as soon as the client's FIN has been delivered, LAST_ACK as soon as the server's
    // close() has returned.
    void passiveCloseStates()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        for (int run = 0; run < 20; ++run) {
            if (run > 0) QVERIFY(lab.restart());
            Connection c;
            MAKE_CONNECTION(lab, c);
            BsdHost *server = lab.bsd(Side::Server);
            BsdHost *client = lab.bsd(Side::Client);

            qsizetype before = trace.size();
            QCOMPARE(client->result(client->close(c.clientFd))->value, 0);
            const quint16 clientPort = sends(trace).front().localPort;
            QVERIFY2(tracedSince(trace, before, Side::Client, TcpState::FinWait1, clientPort),
                     qPrintable(QStringLiteral("run %1: FIN_WAIT_1 not read at close()'s return; client went %2")
                                    .arg(run + 1)
                                    .arg(names(connectionStates(trace, Side::Client)))));

            QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack), kWaitMs);
            before = trace.size();
            QVERIFY(lab.wire()->deliver(held(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack)->id));
            QVERIFY2(tracedSince(trace, before, Side::Server, TcpState::CloseWait, kPort),
                     qPrintable(QStringLiteral("run %1: CLOSE_WAIT not read at the FIN's delivery").arg(run + 1)));

            before = trace.size();
            QCOMPARE(server->result(server->close(c.serverFd))->value, 0);
            QVERIFY2(tracedSince(trace, before, Side::Server, TcpState::LastAck, kPort),
                     qPrintable(QStringLiteral("run %1: LAST_ACK not read at close()'s return").arg(run + 1)));
            QVERIFY(timesNonDecreasing(trace));
        }
    }

    // Both sides close before either FIN arrives: each FIN finds its receiver in FIN_WAIT_1 and
    // moves it to CLOSING, and each ACK of a FIN moves its receiver on to TIME_WAIT (RFC 9293
    // fig. 13, the simultaneous close). Every state is read at the delivery or return that made it.
    void simultaneousCloseStates()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Connection c;
        MAKE_CONNECTION(lab, c);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);
        const quint16 clientPort = sends(trace).front().localPort;

        qsizetype before = trace.size();
        QCOMPARE(client->result(client->close(c.clientFd))->value, 0);
        QVERIFY(tracedSince(trace, before, Side::Client, TcpState::FinWait1, clientPort));
        before = trace.size();
        QCOMPARE(server->result(server->close(c.serverFd))->value, 0);
        QVERIFY(tracedSince(trace, before, Side::Server, TcpState::FinWait1, kPort));

        // Both FINs held: neither has arrived.
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack)
                                     && held(lab, Direction::ServerToClient, TcpFlag::Fin | TcpFlag::Ack),
                                 kWaitMs);
        const quint64 clientFin = held(lab, Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack)->id;
        const quint64 serverFin = held(lab, Direction::ServerToClient, TcpFlag::Fin | TcpFlag::Ack)->id;

        before = trace.size();
        QVERIFY(lab.wire()->deliver(clientFin));
        QVERIFY(tracedSince(trace, before, Side::Server, TcpState::Closing, kPort));
        before = trace.size();
        QVERIFY(lab.wire()->deliver(serverFin));
        QVERIFY(tracedSince(trace, before, Side::Client, TcpState::Closing, clientPort));

        // Each side acknowledged the other's FIN: deliver the pure ACKs.
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ServerToClient, TcpFlag::Ack), kWaitMs);
        before = trace.size();
        QVERIFY(lab.wire()->deliver(held(lab, Direction::ServerToClient, TcpFlag::Ack)->id));
        QVERIFY(tracedSince(trace, before, Side::Client, TcpState::TimeWait, clientPort));
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Ack), kWaitMs);
        before = trace.size();
        QVERIFY(lab.wire()->deliver(held(lab, Direction::ClientToServer, TcpFlag::Ack)->id));
        QVERIFY(tracedSince(trace, before, Side::Server, TcpState::TimeWait, kPort));

        // Nothing between the states was lost or made up: each side went through exactly these.
        const QList<TcpState> closing {TcpState::Established, TcpState::FinWait1, TcpState::Closing,
                                       TcpState::TimeWait};
        QCOMPARE(statesOf(trace, Side::Client, clientPort, kPort).mid(1), closing);
        QCOMPARE(statesOf(trace, Side::Server, kPort, clientPort).mid(1), closing);
        QVERIFY(timesNonDecreasing(trace));
    }

    // The handshake: SYN_SENT at connect()'s (non-blocking) start, the server's request socket in
    // SYN_RCVD right after the SYN's delivery, ESTABLISHED on each side at the segment that made it.
    void handshakeStates()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);
        const int listenFd = int(server->result(server->socket())->value);
        QVERIFY(listenFd >= 0);
        QCOMPARE(server->result(server->bind(listenFd, Lab::address(4, Side::Server), kPort))->value, 0);
        qsizetype before = trace.size();
        QCOMPARE(server->result(server->listen(listenFd, 5))->value, 0);
        QVERIFY(tracedSince(trace, before, Side::Server, TcpState::Listen, kPort));

        const int clientFd = int(client->result(client->socket())->value);
        QVERIFY(clientFd >= 0);
        before = trace.size();
        const auto connect = client->connect(clientFd, Lab::address(4, Side::Server), kPort);
        QVERIFY(!client->hasReturned(connect));
        bool synSent = false;
        for (qsizetype i = before; i < trace.size(); ++i)
            synSent = synSent || (trace.at(i).kind == EventKind::State && trace.at(i).state() == TcpState::SynSent);
        QVERIFY(synSent);

        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Syn), kWaitMs);
        const quint16 clientPort = heldEvent(lab, *held(lab, Direction::ClientToServer, TcpFlag::Syn))->localPort;
        before = trace.size();
        QVERIFY(lab.wire()->deliver(held(lab, Direction::ClientToServer, TcpFlag::Syn)->id));
        QVERIFY(tracedSince(trace, before, Side::Server, TcpState::SynRcvd, kPort));

        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack), kWaitMs);
        before = trace.size();
        QVERIFY(lab.wire()->deliver(held(lab, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack)->id));
        QVERIFY(tracedSince(trace, before, Side::Client, TcpState::Established, clientPort));

        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Ack), kWaitMs);
        before = trace.size();
        QVERIFY(lab.wire()->deliver(held(lab, Direction::ClientToServer, TcpFlag::Ack)->id));
        // A pure ACK, read because the server had a socket in SYN_RCVD.
        QVERIFY(tracedSince(trace, before, Side::Server, TcpState::Established, kPort));
        QCOMPARE(statesOf(trace, Side::Server, kPort, clientPort),
                 (QList<TcpState> {TcpState::SynRcvd, TcpState::Established}));
        QCOMPARE(statesOf(trace, Side::Client, clientPort, kPort),
                 (QList<TcpState> {TcpState::SynSent, TcpState::Established}));
        QVERIFY(timesNonDecreasing(trace));
    }

    // The built-in scenarios whose short states were missed now and then: every run records each
    // state the textbook names, in order.
    void builtinScenarioStates_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QList<TcpState>>("client");
        QTest::addColumn<QList<TcpState>>("server");
        using S = TcpState;
        QTest::newRow("close-at-once") << QStringLiteral("close-at-once")
                                       << QList<S> {S::SynSent, S::Established, S::FinWait1, S::TimeWait}
                                       << QList<S> {S::SynRcvd, S::Established, S::CloseWait, S::LastAck, S::Closed};
        QTest::newRow("simultaneous-close")
            << QStringLiteral("simultaneous-close")
            << QList<S> {S::SynSent, S::Established, S::FinWait1, S::Closing, S::TimeWait}
            << QList<S> {S::SynRcvd, S::Established, S::FinWait1, S::Closing, S::TimeWait};
        const QList<S> both {S::SynSent, S::SynRcvd, S::Established, S::FinWait1, S::Closing, S::TimeWait};
        QTest::newRow("simultaneous-open") << QStringLiteral("simultaneous-open") << both << both;
    }

    void builtinScenarioStates()
    {
        QFETCH(QString, id);
        QFETCH(QList<TcpState>, client);
        QFETCH(QList<TcpState>, server);
        for (int run = 0; run < 20; ++run) {
            Trace trace;
            Lab lab(&trace);
            START_LAB(lab);
            ScenarioRunner runner(&lab, *BuiltinScenarios::find(id));
            bool done = false;
            bool ok = false;
            QString message;
            connect(&runner, &ScenarioRunner::finished, &runner, [&](bool good, const QString &why) {
                done = true;
                ok = good;
                message = why;
            });
            runner.runAll();
            QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
            lab.close();
            QVERIFY2(ok, qPrintable(QStringLiteral("run %1: %2").arg(run + 1).arg(message)));
            const QList<TcpState> c = connectionStates(trace, Side::Client);
            const QList<TcpState> s = connectionStates(trace, Side::Server);
            QVERIFY2(inOrder(client, c),
                     qPrintable(QStringLiteral("run %1: the client went %2").arg(run + 1).arg(names(c))));
            QVERIFY2(inOrder(server, s),
                     qPrintable(QStringLiteral("run %1: the server went %2").arg(run + 1).arg(names(s))));
            QVERIFY(timesNonDecreasing(trace));
        }
    }
};

SYNSCOPE_TEST_MAIN(TestStates)
#include "tst_states.moc"
