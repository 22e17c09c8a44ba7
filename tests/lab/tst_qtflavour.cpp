// SPDX-License-Identifier: GPL-3.0-or-later
// QTcpServer and QTcpSocket doing their own work on the lab's namespace sockets: what Qt really
// puts on the wire, and the signals it emits — and how the diagram and the text export tell it:
// a call Qt emits a signal inside still returns at once, nextPendingConnection() hands over a
// socket (or nullptr), and QTcpServer's own accept() is drawn on the server program's line.

#include "diagram/diagramrenderer.h"
#include "io/textflow.h"
#include "lab/qthost.h"
#include "labtest.h"
#include "testmain.h"
#include "trace/tracejson.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace labtest;
using namespace Qt::StringLiterals;

namespace {
QStringList signalsOf(const Trace &trace, Side side)
{
    QStringList names;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::Signal && e.side == side) names << trace.callRecord(e).fn;
    }
    return names;
}

// The first signal event named `name` on `side` at or after `from`; -1.
qsizetype signalEvent(const Trace &trace, Side side, const QString &name, qsizetype from = 0)
{
    for (qsizetype i = from; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::Signal && e.side == side && trace.callRecord(e).fn == name) return i;
    }
    return -1;
}

// The Return event of a call; -1.
qsizetype returnOf(const Trace &trace, qsizetype call)
{
    for (qsizetype i = call + 1; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::Return && trace.callRecord(e).callEvent == call) return i;
    }
    return -1;
}

// The text export's line of an event, found by its time stamp and side's text.
QString textLine(const QString &text, const QString &needle)
{
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        if (line.contains(needle)) return line.trimmed();
    }
    return {};
}
} // namespace

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

        client->connectToHost(Lab::address(4, Side::Server), kPort);
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

        // QTcpServer called accept() by itself when the ACK made its listener readable, before it
        // emitted newConnection(): recorded as Qt's own work with the descriptor accept() returned.
        const qsizetype accepted = signalEvent(trace, Side::Server, u"accept"_s);
        const qsizetype newConnection = signalEvent(trace, Side::Server, u"newConnection"_s);
        QVERIFY(accepted >= 0);
        QVERIFY(accepted < newConnection);
        const CallRecord &acceptRecord = trace.callRecord(trace.at(accepted));
        QCOMPARE(acceptRecord.args.value(u"by").toString(), u"QTcpServer"_s);
        QCOMPARE(acceptRecord.result, s->socketDescriptor());
        QCOMPARE(acceptRecord.callEvent, -1); // from Qt's event loop, inside no call of the program
        const QString peer = u"10.0.0.1:%1"_s.arg(syn.localPort);
        QCOMPARE(acceptRecord.detail, peer);
        // nextPendingConnection() hands over that socket, named with its peer; asked again, nullptr.
        const CallRecord &handed = trace.callRecord(trace.at(returnOf(trace, next)));
        QCOMPARE(handed.detail, u"socket 0 (%1)"_s.arg(peer));
        const auto none = server->nextPendingConnection();
        QCOMPARE(server->result(none)->value, -1);
        QCOMPARE(trace.callRecord(trace.at(returnOf(trace, none))).detail, u"nullptr"_s);
        {
            const DiagramRenderer r(trace, {});
            QCOMPARE(r.fullText(accepted), u"accept() by QTcpServer → fd %1"_s.arg(s->socketDescriptor()));
            // Drawn as Qt's own work on the server program's line (a mark there), not as a call box.
            QCOMPARE(r.layout().boxOfEvent(accepted), -1);
            bool marked = false;
            for (qsizetype m = 0; m < r.layout().markCount(); ++m)
                marked = marked || r.layout().mark(m).event == quint32(accepted);
            QVERIFY(marked);
            QCOMPARE(r.fullText(next), u"QTcpServer::nextPendingConnection() → socket 0 (%1)"_s.arg(peer));
            QCOMPARE(r.fullText(none), u"QTcpServer::nextPendingConnection() → nullptr"_s);
            const QString text = TextFlow::toString(trace);
            QVERIFY2(textLine(text, u"nextPendingConnection() → socket"_s)
                         .endsWith(u"QTcpServer::nextPendingConnection() → socket 0 (%1)"_s.arg(peer)),
                     qPrintable(text));
            QVERIFY2(textLine(text, u"nextPendingConnection() → nullptr"_s).endsWith(u"→ nullptr"), qPrintable(text));
            QVERIFY2(textLine(text, u"accept() by QTcpServer → fd "_s).endsWith(QString::number(s->socketDescriptor())),
                     qPrintable(text));
        }

        // Data through Qt: write on the client, readyRead on the server.
        QCOMPARE(client->result(client->write(0, QByteArrayLiteral("hello")))->value, 5);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ClientToServer, TcpFlag::Ack, TcpFlag::Ack | TcpFlag::Fin),
                                 kWaitMs);
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
        const auto disconnect = client->disconnectFromHost(0);
        // Nothing was left to write, so Qt closed the socket at once and emitted disconnected()
        // from inside disconnectFromHost(), which returned all the same: the signal names the call
        // it was emitted inside, the diagram keeps the call on one row with the signal below it,
        // and a saved trace keeps that nesting.
        const qsizetype clientDisconnected = signalEvent(trace, Side::Client, u"disconnected"_s);
        const qsizetype disconnectReturn = returnOf(trace, disconnect);
        QVERIFY(clientDisconnected > disconnect);
        QVERIFY(disconnectReturn > clientDisconnected);
        QCOMPARE(trace.callRecord(trace.at(clientDisconnected)).callEvent, disconnect);
        {
            const DiagramRenderer r(trace, {});
            const DiagramLayout &layout = r.layout();
            const DiagramLayout::Box &box = layout.box(layout.boxOfEvent(disconnect));
            QCOMPARE(box.endRow, box.startRow);
            QCOMPARE(layout.boxOfEvent(disconnectReturn), layout.boxOfEvent(disconnect));
            QVERIFY(layout.rowOfEvent(clientDisconnected) > box.startRow);
            QCOMPARE(r.fullText(disconnect), u"QTcpSocket::disconnectFromHost(0)"_s);
            QCOMPARE(r.fullText(clientDisconnected), u"disconnected() — emitted inside disconnectFromHost()"_s);
            const QString text = TextFlow::toString(trace);
            QVERIFY2(textLine(text, u"signal disconnected"_s)
                         .endsWith(u"signal disconnected — emitted inside disconnectFromHost()"),
                     qPrintable(text));
            QVERIFY2(
                textLine(text, u"disconnectFromHost() returns"_s).endsWith(u"QTcpSocket::disconnectFromHost() returns"),
                qPrintable(text));
            Trace loaded;
            QString error;
            QVERIFY2(TraceJson::load(TraceJson::save(trace), loaded, &error), qPrintable(error));
            QCOMPARE(loaded.size(), trace.size());
            for (qsizetype i = 0; i < trace.size(); ++i) {
                const Event &e = trace.at(i);
                if (e.kind == EventKind::Call || e.kind == EventKind::Return || e.kind == EventKind::Signal)
                    QCOMPARE(loaded.callRecord(loaded.at(i)), trace.callRecord(e));
            }
        }
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
