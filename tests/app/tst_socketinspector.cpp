// SPDX-License-Identifier: GPL-3.0-or-later
// The socket inspector in the window, on a saved trace played back step by step: it shows the state
// and queues of each side's socket as of the step shown, the earlier values after stepping back, the
// socket of the event selected in the diagram, and "not recorded" for a trace without queues events
// (a recording made before the probe read them); and, by hand on real kernels, the socket chosen in
// each call panel. The played-back trace is generated (real packet bytes, calls and
// states as the lab records them, with queues events where the probe would read them); no lab runs.

#include "diagram/diagramview.h"
#include "lab/lab.h"
#include "lab/labtest.h"
#include "lab/wire.h"
#include "mainwindow.h"
#include "panels/socketinspector.h"
#include "run/session.h"
#include "support/generatedtrace.h"
#include "testmain.h"
#include "trace/trace.h"
#include "trace/tracejson.h"
#include "windowtest.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

SocketQueues connection(quint32 sendQueue, quint32 recvQueue)
{
    SocketQueues q;
    q.sendQueue = sendQueue;
    q.recvQueue = recvQueue;
    q.peerWindow = 64240;
    q.recvWindow = 65160;
    q.cwnd = 10;
    q.rtoUs = 204000;
    q.has = SocketQueues::PeerWindow | SocketQueues::RecvWindow | SocketQueues::Cwnd | SocketQueues::Rto;
    return q;
}

SocketQueues listener(quint32 acceptQueue, quint32 synQueue)
{
    SocketQueues q;
    q.listener = true;
    q.acceptQueue = acceptQueue;
    q.backlog = 5;
    q.synQueue = synQueue;
    return q;
}

// generated::build()'s handshake, "hello" written twice and the close, with the queues events the
// probe records (after a state or a delivery that changed them) and a step at each call and at each
// delivery of an ACK of data, so that a write's step ends with its bytes unacknowledged.
struct Built {
    quint16 clientPort = 0;
    quint16 serverPort = 0;
    int firstWriteStep = -1; // 1-based, as the window counts steps
    qsizetype serverAckOfData = -1; // the Send of the server's ACK of the first data
    qsizetype listenState = -1; // the server's LISTEN
};

Built buildWithQueues(Trace &out)
{
    Trace plain;
    generated::build(plain, 2);
    out.clear();
    out.setInfo(plain.info());
    TraceInfo info = out.info();
    info.source = u"lab"_s; // as the lab records it: the window plays it back as a recording
    info.scenarioId = u"generated"_s;
    info.scenarioTitle = u"Generated queues"_s;
    out.setInfo(info);
    Built b;
    std::vector<TraceStep> steps;
    int writes = 0;
    quint32 unacked = 0, unread = 0;
    std::vector<qsizetype> moved; // each event's index in `out`
    for (qsizetype i = 0; i < plain.size(); ++i) {
        const Event &e = plain.at(i);
        const bool ackOfData =
            e.kind == EventKind::Deliver && e.side == Side::Server && unacked > 0 && (e.flags & TcpFlag::Ack);
        if (e.kind == EventKind::Call || ackOfData) {
            QString caption = u"Step %1."_s.arg(steps.size() + 1);
            if (e.kind == EventKind::Call && plain.callRecord(e).fn == u"write" && writes++ == 0)
                b.firstWriteStep = int(steps.size()) + 1;
            steps.push_back({out.size(), caption});
        }
        // Events refer to earlier ones by index, which the inserted queues events move.
        qsizetype copied = -1;
        if (e.kind == EventKind::Send) {
            copied = out.appendRaw(e, plain.packet(e));
        } else if (e.kind == EventKind::Call || e.kind == EventKind::Return || e.kind == EventKind::Signal) {
            CallRecord r = plain.callRecord(e);
            if (r.callEvent >= 0) r.callEvent = moved[size_t(r.callEvent)];
            copied = out.appendRaw(e, {}, &r);
        } else if (e.isSegment()) {
            Event action = e;
            action.ref = quint32(moved[e.ref]);
            copied = out.appendRaw(action);
        } else {
            copied = out.appendRaw(e);
        }
        moved.push_back(copied);
        if (e.kind == EventKind::Send && e.side == Side::Client && b.clientPort == 0) {
            b.clientPort = e.localPort;
            b.serverPort = e.remotePort;
        }
        if (e.kind == EventKind::Send && e.side == Side::Server && unacked > 0 && b.serverAckOfData < 0)
            b.serverAckOfData = copied;
        const qint64 t = e.tNs;
        if (e.kind == EventKind::State && e.side == Side::Server && e.state() == TcpState::Listen)
            b.listenState = copied;
        if (e.kind == EventKind::Return && e.side == Side::Server && plain.callRecord(e).fn == u"accept")
            out.appendQueues(t, Side::Server, b.serverPort, 0, listener(0, 0));
        if (e.kind == EventKind::State && e.side == Side::Server && e.state() == TcpState::Listen)
            out.appendQueues(t, Side::Server, b.serverPort ? b.serverPort : e.localPort, 0, listener(0, 0));
        if (e.kind == EventKind::State && e.side == Side::Client && e.state() == TcpState::Established)
            out.appendQueues(t, Side::Client, b.clientPort, b.serverPort, connection(0, 0));
        if (e.kind == EventKind::State && e.side == Side::Server && e.state() == TcpState::Established) {
            out.appendQueues(t, Side::Server, b.serverPort, b.clientPort, connection(0, 0));
            out.appendQueues(t, Side::Server, b.serverPort, 0, listener(1, 0));
        }
        if (e.kind == EventKind::Return && e.side == Side::Client && plain.callRecord(e).fn == u"write"
            && unacked == 0) {
            unacked = 5; // "hello", sent and held
            out.appendQueues(t, Side::Client, b.clientPort, b.serverPort, connection(unacked, 0));
        }
        if (e.kind == EventKind::Deliver && e.side == Side::Client && e.length > 0) {
            unread += e.length;
            out.appendQueues(t, Side::Server, b.serverPort, b.clientPort, connection(0, unread));
        }
        if (ackOfData) {
            unacked = 0;
            out.appendQueues(t, Side::Client, b.clientPort, b.serverPort, connection(0, 0));
        }
    }
    out.setSteps(std::move(steps));
    return b;
}

bool writeTrace(const Trace &trace, const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(TraceJson::save(trace)) > 0;
}

QString column(MainWindow &w, Side side)
{
    auto *inspector = w.findChild<SocketInspector *>();
    return inspector ? inspector->text(side) : QString();
}

// The id of the segment held going `dir` whose SYN/ACK/FIN/RST flags are exactly `flags`, or 0.
quint64 held(MainWindow &w, Direction dir, quint8 flags)
{
    for (const InFlight &f : w.lab()->wire()->inFlight(dir)) {
        if ((w.trace()->at(f.sendIndex).flags & 0x17) == flags) return f.id;
    }
    return 0;
}

void deliver(MainWindow &w, Direction dir, quint8 flags)
{
    QTRY_VERIFY_WITH_TIMEOUT(held(w, dir, flags) != 0, kWaitMs);
    QVERIFY(w.lab()->wire()->deliver(held(w, dir, flags)));
}

void goToStep(MainWindow &w, int step)
{
    w.action(u"first"_s)->trigger();
    while (w.session()->playbackStep() < step && w.action(u"next"_s)->isEnabled())
        w.action(u"next"_s)->trigger();
}

} // namespace

class TestSocketInspector : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_config;
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { USE_PRIVATE_SETTINGS(m_config); }

    void stepsShowTheirValues()
    {
        Trace trace;
        const Built b = buildWithQueues(trace);
        QVERIFY(b.clientPort != 0 && b.firstWriteStep > 0 && b.serverAckOfData > 0);
        const QString path = m_dir.filePath(u"queues.json"_s);
        QVERIFY(writeTrace(trace, path));

        MainWindow w;
        w.resize(1366, 768);
        w.show();
        QVERIFY2(w.openFile(path), qPrintable(w.lastError()));
        QCOMPARE(w.session()->mode(), Session::Mode::Playback);
        auto *inspector = w.findChild<SocketInspector *>();
        QVERIFY(inspector);
        QTRY_VERIFY_WITH_TIMEOUT(inspector->isVisible(), kWaitMs);

        // The first write's step: its 5 bytes are sent and not yet acknowledged.
        goToStep(w, b.firstWriteStep);
        QCOMPARE(w.session()->playbackStep(), b.firstWriteStep);
        const QString client = column(w, Side::Client);
        QVERIFY2(client.contains(u"State: ESTABLISHED"_s), qPrintable(client));
        QVERIFY2(client.contains(u"Send queue: 5 bytes not yet acknowledged"_s), qPrintable(client));
        QVERIFY2(client.contains(u"Receive queue: 0 bytes not yet read"_s), qPrintable(client));
        QVERIFY2(client.contains(u"cwnd 10 segments, RTO 204 ms"_s), qPrintable(client));
        QVERIFY2(client.contains(u"port %1 ↔ 10.0.0.2:%2"_s.arg(b.clientPort).arg(b.serverPort)), qPrintable(client));
        // The server's connection, and a line for its listener (accept() has taken the connection).
        const QString server = column(w, Side::Server);
        QVERIFY2(server.contains(u"Listener :%1: accept queue 0 of 5, SYN queue 0"_s.arg(b.serverPort)),
                 qPrintable(server));

        // The next step delivers the server's ACK: nothing left unacknowledged; the server holds the
        // 5 bytes until read().
        w.action(u"next"_s)->trigger();
        QVERIFY2(column(w, Side::Client).contains(u"Send queue: 0 bytes not yet acknowledged"_s),
                 qPrintable(column(w, Side::Client)));
        QVERIFY2(column(w, Side::Server).contains(u"Receive queue: 5 bytes not yet read"_s),
                 qPrintable(column(w, Side::Server)));
        // Back: the earlier value again.
        w.action(u"back"_s)->trigger();
        QCOMPARE(w.session()->playbackStep(), b.firstWriteStep);
        QVERIFY2(column(w, Side::Client).contains(u"Send queue: 5 bytes not yet acknowledged"_s),
                 qPrintable(column(w, Side::Client)));

        // The event selected in the diagram names the socket: the server's LISTEN, its listener.
        w.diagramView()->selectEvent(b.listenState);
        const QString selected = column(w, Side::Server);
        QVERIFY2(selected.contains(u"Server — listening on :%1"_s.arg(b.serverPort)), qPrintable(selected));
        QVERIFY2(selected.contains(u"State: LISTEN"_s), qPrintable(selected));
        QVERIFY2(selected.contains(u"Accept queue: 0 of backlog 5"_s), qPrintable(selected));
        // A segment names both ends: the server's ACK of the data, at its step.
        w.diagramView()->selectEvent(b.serverAckOfData);
        QVERIFY2(column(w, Side::Server).contains(u"port %1 ↔ 10.0.0.1:%2"_s.arg(b.serverPort).arg(b.clientPort)),
                 qPrintable(column(w, Side::Server)));
        // At the last step that connection is gone.
        w.action(u"last"_s)->trigger();
        QVERIFY2(column(w, Side::Server).contains(u"State: CLOSED"_s), qPrintable(column(w, Side::Server)));
    }

    // By hand on the live lab: each side shows the socket chosen in its call panel, as the kernels
    // report it after each call and each delivery (real kernels).
    void liveShowsTheChosenSocket()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        CallPanel *server = w.callPanel(Side::Server);
        CallPanel *client = w.callPanel(Side::Client);
        click(server, "socket");
        click(server, "bind");
        click(server, "listen");
        QTRY_VERIFY2_WITH_TIMEOUT(column(w, Side::Server).contains(u"Server — listening on :9877"_s)
                                      && column(w, Side::Server).contains(u"Accept queue: 0 of backlog 5"_s),
                                  qPrintable(column(w, Side::Server)), kWaitMs);
        click(client, "socket");
        click(client, "connect");
        deliver(w, Direction::ClientToServer, TcpFlag::Syn);
        QTRY_VERIFY2_WITH_TIMEOUT(column(w, Side::Server).contains(u"SYN queue: 1"_s),
                                  qPrintable(column(w, Side::Server)), kWaitMs);
        deliver(w, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack);
        deliver(w, Direction::ClientToServer, TcpFlag::Ack);
        QTRY_VERIFY2_WITH_TIMEOUT(column(w, Side::Server).contains(u"Accept queue: 1 of backlog 5"_s)
                                      && column(w, Side::Server).contains(u"SYN queue: 0"_s),
                                  qPrintable(column(w, Side::Server)), kWaitMs);
        QTRY_VERIFY2_WITH_TIMEOUT(column(w, Side::Client).contains(u"State: ESTABLISHED"_s)
                                      && column(w, Side::Client).contains(u"Send queue: 0 bytes"_s),
                                  qPrintable(column(w, Side::Client)), kWaitMs);
        // write() with its segment held on the wire: the bytes wait, unacknowledged.
        client->dataEdit()->setText(u"hello"_s);
        click(client, "write");
        QTRY_VERIFY2_WITH_TIMEOUT(column(w, Side::Client).contains(u"Send queue: 5 bytes not yet acknowledged"_s),
                                  qPrintable(column(w, Side::Client)), kWaitMs);
    }

    // A recording without queues events (every bundled one so far) says so instead of showing zeros.
    void olderRecordingSaysNotRecorded()
    {
        Trace plain;
        generated::buildSteps(plain, 2);
        TraceInfo info = plain.info();
        info.source = u"lab"_s;
        plain.setInfo(info);
        const QString path = m_dir.filePath(u"plain.json"_s);
        QVERIFY(writeTrace(plain, path));
        MainWindow w;
        w.show();
        QVERIFY2(w.openFile(path), qPrintable(w.lastError()));
        goToStep(w, 3);
        const QString client = column(w, Side::Client);
        QVERIFY2(client.contains(u"Queues and windows: not recorded in this trace"_s), qPrintable(client));
        QVERIFY2(client.contains(u"State: "_s), qPrintable(client));
        QVERIFY(!client.contains(u"Send queue"_s));
    }
};

SYNSCOPE_TEST_MAIN(TestSocketInspector)
#include "tst_socketinspector.moc"
