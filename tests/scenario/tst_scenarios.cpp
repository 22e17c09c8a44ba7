// SPDX-License-Identifier: GPL-3.0-or-later
// Scenarios on real kernels: every built-in one meets its own expectations; an expectation a
// kernel does not meet, and a lecturer's intervention, are reported, never hung on; sysctls reach
// the lab's namespaces; a scenario recorded from hand-made actions replays to the same segments
// and states.

#include "lab/labtest.h"
#include "lab/qthost.h"
#include "run/scenariorecorder.h"
#include "run/scenariorunner.h"
#include "scenario/builtinscenarios.h"
#include "scenario/captionfields.h"
#include "testmain.h"
#include "trace/segmentlabels.h"
#include "trace/tracejson.h"
#include "trace/tracestory.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace labtest;
using namespace Qt::StringLiterals;

namespace {
constexpr int kScenarioMs = 60000;

struct Outcome {
    bool done = false;
    bool ok = false;
    QString message;
};

// Runs to the end; the outcome is what finished() said.
Outcome runAll(ScenarioRunner &runner)
{
    Outcome out;
    QObject::connect(&runner, &ScenarioRunner::finished, &runner, [&out](bool ok, const QString &message) {
        out = {true, ok, message};
    });
    runner.runAll();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(out.done, kScenarioMs); }();
    return out;
}

// What a replay must reproduce: each segment's sender, flags and textbook label, in order, and
// the states each side went through, in order.
QStringList segmentsOf(const Trace &trace)
{
    SegmentLabeler labels(trace);
    labels.update();
    QStringList out;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::Send)
            out << sideName(e.side) + QStringLiteral(": ") + tcpFlagsText(e.flags) + QStringLiteral(" | ")
                    + labels.label(i, NumberStyle::Symbolic);
    }
    return out;
}

bool isSubsequence(const QStringList &part, const QStringList &whole)
{
    qsizetype at = 0;
    for (const QString &s : whole) {
        if (at < part.size() && part[at] == s) ++at;
    }
    return at == part.size();
}

QStringList statesOf(const Trace &trace, Side side)
{
    QStringList out;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        // Ports differ between runs (ephemeral); the listener's and the connection's are told apart.
        // A socket between bind() and listen() reads as CLOSED when the probe happens to look then
        // (a replay leaves event-loop passes between calls a hand-made run made back to back): not
        // a state of the connection, so left out.
        const bool boundOnly = e.state() == TcpState::Closed && !e.remotePort;
        if (e.kind == EventKind::State && e.side == side && !boundOnly)
            out << tcpStateName(e.state())
                    + (e.remotePort ? QStringLiteral(" (connection)") : QStringLiteral(" (listener)"));
    }
    return out;
}
} // namespace

class TestScenarios : public QObject {
    Q_OBJECT
private slots:
    void builtin_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("ip");
        // Every one over either IP version: the same story, told to the bundled (IPv4) recording.
        for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list()) {
            QTest::newRow(qPrintable(e.id)) << e.id << 4;
            QTest::newRow(qPrintable(e.id + u"@ipv6"_s)) << e.id << 6;
        }
    }

    // One row per built-in scenario: it runs on the lab's kernels and every expectation holds, and
    // it tells the same story every run (SYNSCOPE_SCENARIO_RUNS times, 3 by default; the stability
    // proof before a scenario is called done is SYNSCOPE_SCENARIO_RUNS=50).
    void builtin()
    {
        QFETCH(QString, id);
        QFETCH(int, ip);
        const int runs = qEnvironmentVariableIsSet("SYNSCOPE_SCENARIO_RUNS")
            ? std::max(1, qEnvironmentVariableIntValue("SYNSCOPE_SCENARIO_RUNS"))
            : 3;
        Trace first;
        for (int run = 0; run < runs; ++run) {
            Trace trace;
            Lab lab(&trace);
            lab.setIpVersion(ip);
            START_LAB(lab);
            QCOMPARE(trace.info().serverAddress, Lab::address(ip, Side::Server));
            ScenarioRunner runner(&lab, *BuiltinScenarios::find(id));
            QSignalSpy started(&runner, &ScenarioRunner::stepStarted);
            QSignalSpy stepped(&runner, &ScenarioRunner::stepFinished);
            QSignalSpy failed(&runner, &ScenarioRunner::expectationFailed);
            const Outcome out = runAll(runner);
            lab.close();
            QVERIFY2(out.ok, qPrintable(QStringLiteral("run %1: %2").arg(run + 1).arg(out.message)));
            QCOMPARE(failed.size(), 0);
            QCOMPARE(started.size(), runner.stepCount());
            QCOMPARE(stepped.size(), runner.stepCount());
            // The first step's caption as it starts: its fields filled in as far as known then
            // (an address is; a window or a timeout shows "…" until the step ends).
            QVERIFY(
                CaptionFields::isFilledFrom(runner.scenario().steps.front().caption, started.first().at(1).toString()));
            if (runner.scenario().steps.front().caption.contains(u"{addr:"))
                QVERIFY(started.first().at(1).toString().contains(trace.info().serverAddress)
                        || started.first().at(1).toString().contains(trace.info().clientAddress));
            // The recording keeps the steps and their captions.
            QCOMPARE(int(trace.steps().size()), runner.stepCount());
            // Its fields filled in from what the kernels did in the step, every one of them.
            SegmentLabeler labels(trace);
            labels.update();
            for (int k = 0; k < runner.stepCount(); ++k) {
                const QString &written = runner.scenario().steps[size_t(k)].caption;
                const QString &recorded = trace.steps()[size_t(k)].caption;
                if (CaptionFields::hasFields(written)) {
                    QVERIFY2(!CaptionFields::hasFields(recorded) && !recorded.contains(u'…'), qPrintable(recorded));
                    QCOMPARE(recorded,
                             CaptionFields::fill(written, trace, labels, trace.stepBegin(k), trace.stepEnd(k)));
                } else {
                    QCOMPARE(recorded, written);
                }
            }
            QCOMPARE(trace.info().scenarioId, id);
            if (run == 0) {
                first.copyFrom(trace);
                // The recording bundled for machines without a lab tells the story this machine's
                // kernels tell now (resources/recordings/record.sh re-records them all).
                QFile bundled(BuiltinScenarios::recordingPath(id));
                QVERIFY2(bundled.open(QIODevice::ReadOnly), qPrintable(u"no bundled recording of "_s + id));
                Trace recorded;
                QString error;
                QVERIFY2(TraceJson::load(bundled.readAll(), recorded, &error), qPrintable(error));
                QCOMPARE(recorded.info().scenarioId, id);
                QVERIFY(!recorded.info().kernel.isEmpty());
                const QStringList stale = TraceStory::differences(recorded, trace, runner.stepCount(), 5);
                QVERIFY2(stale.isEmpty(),
                         qPrintable(u"the bundled recording of %1 (kernel %2) tells another story than this machine's "
                                    "kernels; re-record it with resources/recordings/record.sh: %3"_s.arg(
                                        id, recorded.info().kernel, stale.join(u"; "_s))));
                continue;
            }
            const QStringList differences = TraceStory::differences(first, trace, runner.stepCount(), 5);
            QVERIFY2(differences.isEmpty(),
                     qPrintable(QStringLiteral("run %1 told another story than run 1: %2")
                                    .arg(run + 1)
                                    .arg(differences.join(QStringLiteral("; ")))));
        }
    }

    // The expectations are checked for real: a label, a call result and a state that the kernels
    // do not produce are each reported with what happened instead, and the run ends not ok.
    void wrongExpectationIsReported()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Scenario s = *BuiltinScenarios::find(QStringLiteral("handshake"));
        ScenarioExpectation label;
        label.kind = ScenarioExpectation::Kind::Segment;
        label.segment.direction = Direction::ServerToClient;
        label.segment.flags = TcpFlag::Syn | TcpFlag::Ack;
        label.label = QStringLiteral("SYN K, ACK J+2");
        s.steps[3].expectations = {label};
        ScenarioExpectation refused;
        refused.kind = ScenarioExpectation::Kind::Call;
        refused.name = QStringLiteral("connect");
        refused.result = -1;
        refused.errnoName = QStringLiteral("ECONNREFUSED");
        ScenarioExpectation state;
        state.kind = ScenarioExpectation::Kind::State;
        state.side = Side::Client;
        state.state = TcpState::Closing;
        s.steps[4].expectations = {refused, state};

        ScenarioRunner runner(&lab, s);
        QSignalSpy failed(&runner, &ScenarioRunner::expectationFailed);
        const Outcome out = runAll(runner);
        QVERIFY(!out.ok);
        QCOMPARE(failed.size(), 3);
        QCOMPARE(failed.at(0).at(0).toInt(), 3);
        QVERIFY2(
            failed.at(0).at(1).toString().contains(
                u"expected the SYN, ACK from the server to be \"SYN K, ACK J+2\", the kernel sent \"SYN K, ACK J+1\""),
            qPrintable(failed.at(0).at(1).toString()));
        QCOMPARE(failed.at(1).at(0).toInt(), 4);
        QVERIFY2(failed.at(1).at(1).toString().contains(u"expected connect to return -1, it returned 0"),
                 qPrintable(failed.at(1).at(1).toString()));
        QVERIFY2(failed.at(2).at(1).toString().contains(
                     u"expected the client to reach CLOSING; its sockets are: ESTABLISHED"),
                 qPrintable(failed.at(2).at(1).toString()));
        QVERIFY(out.message.contains(u"3 expectation"));
        // The scenario still ran to its end: a report, not an abort.
        QCOMPARE(runner.currentStep(), runner.stepCount() - 1);
        QCOMPARE(runner.failures().size(), 3);
    }

    // The lecturer steps with Space and drops the SYN by hand: the next step, which should
    // deliver it, says what is (not) on the wire instead of waiting.
    void handMadeDropIsReported()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        ScenarioRunner runner(&lab, *BuiltinScenarios::find(QStringLiteral("handshake")));
        QSignalSpy stepped(&runner, &ScenarioRunner::stepFinished);
        QSignalSpy finished(&runner, &ScenarioRunner::finished);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(runner.step());
            QTRY_COMPARE_WITH_TIMEOUT(stepped.size(), i + 1, kWaitMs);
        }
        QVERIFY(held(lab, Direction::ClientToServer, TcpFlag::Syn));
        QVERIFY(lab.wire()->drop(held(lab, Direction::ClientToServer, TcpFlag::Syn)->id));
        QVERIFY(runner.step());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        const QString message = finished.at(0).at(1).toString();
        QVERIFY2(message.startsWith(u"Step 4 of 6") && message.contains(u"no SYN from the client is held on the wire"),
                 qPrintable(message));
        QVERIFY(!runner.step());
    }

    // A step whose wait cannot be met ends after its timeout with what was missing.
    void waitTimesOut()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Scenario s = *BuiltinScenarios::find(QStringLiteral("handshake"));
        s.steps.resize(3);
        // The client connects, but its SYN is never delivered: accept() cannot return.
        s.steps[2].until.push_back({});
        s.steps[2].until.back().kind = ScenarioCondition::Kind::Returned;
        s.steps[2].until.back().name = QStringLiteral("connfd");
        s.steps[2].timeoutMs = 300;
        ScenarioRunner runner(&lab, s);
        QSignalSpy failed(&runner, &ScenarioRunner::expectationFailed);
        const Outcome out = runAll(runner);
        QVERIFY(!out.ok);
        QVERIFY2(out.message.contains(u"waited 0.3 s in vain for connfd to return")
                     && out.message.contains(u"held on the wire: SYN J from the client"),
                 qPrintable(out.message));
        QCOMPARE(failed.size(), 1);
    }

    // step() is refused while a step waits, so a lecturer's double press cannot skip one.
    void stepWaitsForItsCondition()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        ScenarioRunner runner(&lab, *BuiltinScenarios::find(QStringLiteral("lost-syn")));
        QSignalSpy stepped(&runner, &ScenarioRunner::stepFinished);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(runner.step());
            QTRY_COMPARE_WITH_TIMEOUT(stepped.size(), i + 1, kWaitMs);
        }
        QVERIFY(runner.step()); // drops the SYN, waits for the kernel to send it again
        QVERIFY(runner.isWaiting());
        QVERIFY(!runner.step());
        QTRY_COMPARE_WITH_TIMEOUT(stepped.size(), 4, 15000);
        QCOMPARE(runner.currentStep(), 3);
    }

    // Sysctls of the scenario reach the lab's namespaces: without timestamps the SYN carries no
    // TS option; a fresh lab has them again.
    void sysctlsReachTheKernels()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        Scenario s = *BuiltinScenarios::find(QStringLiteral("handshake"));
        s.steps.resize(3);
        s.sysctls[int(Side::Client)][QStringLiteral("net.ipv4.tcp_timestamps")] = QStringLiteral("0");
        ScenarioRunner runner(&lab, s);
        const Outcome out = runAll(runner);
        QVERIFY2(out.ok, qPrintable(out.message));
        const auto synOptions = [&] {
            const InFlight *f = held(lab, Direction::ClientToServer, TcpFlag::Syn);
            TcpSegment seg;
            const QByteArrayView bytes = trace.packet(trace.at(f->sendIndex));
            return parseIpv4Tcp(reinterpret_cast<const uchar *>(bytes.data()), bytes.size(), seg) == ParseStatus::Ok
                ? std::optional<TcpOptions>(seg.options)
                : std::nullopt;
        };
        QVERIFY(synOptions());
        QVERIFY(!synOptions()->hasTimestamps);
        QVERIFY(synOptions()->mss > 0);

        QVERIFY(lab.restart());
        s.sysctls[int(Side::Client)].clear();
        ScenarioRunner plain(&lab, s);
        const Outcome second = runAll(plain);
        QVERIFY2(second.ok, qPrintable(second.message));
        QVERIFY(synOptions()->hasTimestamps);

        // Only the TCP settings, and only numbers: the lab refuses the rest before the helper sees it.
        LabError error;
        QVERIFY(!lab.setSysctl(Side::Client, QStringLiteral("kernel.hostname"), QStringLiteral("1"), &error));
        QCOMPARE(error.err, EINVAL);
        QVERIFY(!lab.setSysctl(Side::Client, QStringLiteral("net.ipv4.tcp_sack/../../x"), QStringLiteral("1"), &error));
        QVERIFY(!lab.setSysctl(Side::Client, QStringLiteral("net.ipv4.tcp_sack"), QStringLiteral("1; reboot"), &error));
        QVERIFY(lab.setSysctl(Side::Server, QStringLiteral("net.ipv4.tcp_sack"), QStringLiteral("0"), &error));
        // A name the kernel does not have: the helper's own error.
        QVERIFY(
            !lab.setSysctl(Side::Server, QStringLiteral("net.ipv4.tcp_no_such_setting"), QStringLiteral("1"), &error));
        QCOMPARE(error.err, ENOENT);
    }

    // Wire actions of a scenario: a segment delivered out of order and a duplicate; TCP puts the
    // bytes back in order and drops the copy, and read() sees each byte once.
    void outOfOrderAndDuplicate()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        QFile file(QStringLiteral(":/scenarios/handshake.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject top = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray steps = top.value(u"steps").toArray();
        const QByteArray extra = R"([
            {"caption": "nodelay, first write",
             "do": [{"side": "client", "call": "setsockopt", "args": {"fd": "sockfd", "option": "TCP_NODELAY"}},
                    {"side": "client", "call": "write", "args": {"fd": "sockfd", "data": "aaaa"}, "as": "w1"}],
             "until": [{"segment": {"from": "client", "flags": ["ACK"], "data": true}, "new": true}]},
            {"caption": "second write",
             "do": [{"side": "client", "call": "write", "args": {"fd": "sockfd", "data": "bbbb"}, "as": "w2"}],
             "until": [{"segment": {"from": "client", "flags": ["ACK"], "data": true}, "new": true}],
             "expect": [{"segment": {"from": "client", "flags": ["ACK"], "data": true}, "label": "seq J+5, len 4"}]},
            {"caption": "the second segment overtakes the first",
             "do": [{"wire": "deliver", "segment": {"from": "client", "flags": ["ACK"], "data": true}, "newest": true}],
             "until": [{"segment": {"from": "server", "flags": ["ACK"], "data": false}, "new": true}]},
            {"caption": "the first one, twice",
             "do": [{"wire": "duplicate", "segment": {"from": "client", "flags": ["ACK"], "data": true}},
                    {"wire": "deliver", "segment": {"from": "client", "flags": ["ACK"], "data": true}},
                    {"wire": "deliver", "segment": {"from": "client", "flags": ["ACK"], "data": true}},
                    {"wire": "mode", "mode": "auto"}],
             "until": [{"idle": true, "quietMs": 300}]},
            {"caption": "read", "do": [{"side": "server", "call": "read", "args": {"fd": "connfd"}, "as": "read"}],
             "until": [{"returned": "read"}], "expect": [{"call": "read", "result": 8, "data": "aaaabbbb"}]}
        ])";
        for (const QJsonValue &v : QJsonDocument::fromJson(extra).array())
            steps.append(v);
        top.insert(u"steps", steps);
        Scenario s;
        QString error;
        QVERIFY2(ScenarioFile::parse(QJsonDocument(top).toJson(), s, &error), qPrintable(error));
        ScenarioRunner runner(&lab, s);
        const Outcome out = runAll(runner);
        QVERIFY2(out.ok, qPrintable(out.message));
        int reordered = 0;
        int duplicates = 0;
        for (qsizetype i = 0; i < trace.size(); ++i) {
            reordered += trace.at(i).kind == EventKind::Deliver && (trace.at(i).marks & EventMark::Reordered);
            duplicates += trace.at(i).kind == EventKind::Duplicate;
        }
        QCOMPARE(reordered, 1);
        QCOMPARE(duplicates, 1);
    }

    // The window feeds the recorder with what the user does by hand; the scenario it writes
    // replays on fresh kernels to the same segments (flags and labels) and the same states.
    void recordedScenarioReplays()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        ScenarioRecorder recorder(&lab);
        BsdHost *server = lab.bsd(Side::Server);
        BsdHost *client = lab.bsd(Side::Client);
        QString error;
        const auto record = [&](qsizetype call) {
            QVERIFY(call >= 0);
            QVERIFY2(recorder.addCall(call, &error), qPrintable(error));
        };
        const auto recordDeliver = [&](Direction dir, quint8 flags, Wire::Action op = Wire::Action::Deliver) {
            QTRY_VERIFY_WITH_TIMEOUT(held(lab, dir, flags), kWaitMs);
            const InFlight f = *held(lab, dir, flags);
            QVERIFY(recorder.addWireAction(op, f.sendIndex, false, &error));
            QVERIFY(op == Wire::Action::Drop ? lab.wire()->drop(f.id) : lab.wire()->deliver(f.id));
        };
        const auto listen = server->socket();
        record(listen);
        const int lfd = int(server->result(listen)->value);
        record(server->bind(lfd, Lab::address(4, Side::Server), kPort));
        record(server->listen(lfd, 5));
        const auto accept = server->accept(lfd);
        record(accept);
        const auto sock = client->socket();
        record(sock);
        const int cfd = int(client->result(sock)->value);
        record(client->setNoDelay(cfd, true));
        record(client->connect(cfd, Lab::address(4, Side::Server), kPort));
        recordDeliver(Direction::ClientToServer, TcpFlag::Syn);
        recordDeliver(Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack);
        recordDeliver(Direction::ClientToServer, TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(server->hasReturned(accept), kWaitMs);
        const int connfd = int(server->result(accept)->value);
        const auto read = server->read(connfd);
        record(read);
        record(client->write(cfd, QByteArrayLiteral("hi")));
        recordDeliver(Direction::ClientToServer, TcpFlag::Ack); // the data
        QTRY_VERIFY_WITH_TIMEOUT(server->hasReturned(read), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(held(lab, Direction::ServerToClient, TcpFlag::Ack), kWaitMs);
        recordDeliver(Direction::ServerToClient, TcpFlag::Ack); // its ACK, whenever it left
        record(client->close(cfd));
        recordDeliver(Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack, Wire::Action::Drop);
        // The kernel sends the FIN again; the recording asks for that retransmission.
        recordDeliver(Direction::ClientToServer, TcpFlag::Fin | TcpFlag::Ack);
        recordDeliver(Direction::ServerToClient, TcpFlag::Ack);
        record(server->close(connfd));
        recordDeliver(Direction::ServerToClient, TcpFlag::Fin | TcpFlag::Ack);
        recordDeliver(Direction::ClientToServer, TcpFlag::Ack);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Client, TcpState::TimeWait), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(tracedState(trace, Side::Server, TcpState::Closed, kPort), kWaitMs);
        lab.probe()->pollNow();
        const QStringList segments = segmentsOf(trace);
        const QStringList clientStates = statesOf(trace, Side::Client);
        const QStringList serverStates = statesOf(trace, Side::Server);
        QCOMPARE(segments.size(), 10); // 3 + data + ACK + FIN twice + ACK + FIN + ACK
        // A descriptor the recorder never saw made cannot be replayed: refused, with why.
        QVERIFY(!recorder.addCall(client->close(999), &error));
        QVERIFY2(error.contains(u"fd 999 was not made by a recorded call"), qPrintable(error));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lecture.json"));
        recorder.setCaption(0, QStringLiteral("My own words."));
        QVERIFY2(
            ScenarioFile::saveTo(path, recorder.scenario(QStringLiteral("my-lecture"), QStringLiteral("Mine")), &error),
            qPrintable(error));
        Scenario replay;
        QVERIFY2(ScenarioFile::load(path, replay, &error), qPrintable(error));
        QCOMPARE(replay.steps.front().caption, QStringLiteral("My own words."));
        QCOMPARE(replay.steps.size(), size_t(recorder.stepCount()));

        QVERIFY(lab.restart());
        ScenarioRunner runner(&lab, replay);
        const Outcome out = runAll(runner);
        QVERIFY2(out.ok, qPrintable(out.message));
        QTRY_VERIFY_WITH_TIMEOUT(tracedState(trace, Side::Server, TcpState::Closed, kPort), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Client, TcpState::TimeWait), kWaitMs);
        QCOMPARE(segmentsOf(trace), segments);
        // The kernels went through the same states: the recording waits in each step for the
        // states the user had seen, so every one of them is in the replay, in the same order; the
        // probe's sampling may catch a short-lived state in one run and not in the other.
        QVERIFY2(isSubsequence(clientStates, statesOf(trace, Side::Client)),
                 qPrintable(statesOf(trace, Side::Client).join(u", ")));
        QVERIFY2(isSubsequence(serverStates, statesOf(trace, Side::Server)),
                 qPrintable(statesOf(trace, Side::Server).join(u", ")));
        QCOMPARE(statesOf(trace, Side::Client).last(), clientStates.last());
        QCOMPARE(statesOf(trace, Side::Server).last(), serverStates.last());
        for (const QString &state :
             {QStringLiteral("SYN_SENT (connection)"), QStringLiteral("FIN_WAIT_1 (connection)"),
              QStringLiteral("FIN_WAIT_2 (connection)"), QStringLiteral("TIME_WAIT (connection)")})
            QVERIFY2(statesOf(trace, Side::Client).contains(state), qPrintable(state));
        for (const QString &state : {QStringLiteral("LISTEN (listener)"), QStringLiteral("CLOSE_WAIT (connection)"),
                                     QStringLiteral("LAST_ACK (connection)"), QStringLiteral("CLOSED (connection)")})
            QVERIFY2(statesOf(trace, Side::Server).contains(state), qPrintable(state));
    }

    // The Qt flavour records and replays as well: names of Qt sockets stand for socket ids.
    void recordedQtScenarioReplays()
    {
        Trace trace;
        Lab lab(&trace);
        START_LAB(lab);
        ScenarioRecorder recorder(&lab);
        QtHost *server = lab.qt(Side::Server);
        QtHost *client = lab.qt(Side::Client);
        QString error;
        QVERIFY(recorder.addCall(server->listen(kPort), &error));
        QVERIFY(recorder.addCall(client->connectToHost(Lab::address(4, Side::Server), kPort), &error));
        recorder.addWireMode(Wire::Mode::Auto, 0);
        lab.wire()->setMode(Direction::ClientToServer, Wire::Mode::Auto);
        lab.wire()->setMode(Direction::ServerToClient, Wire::Mode::Auto);
        QTRY_VERIFY_WITH_TIMEOUT(server->server()->hasPendingConnections(), kWaitMs);
        const auto next = server->nextPendingConnection();
        QVERIFY2(recorder.addCall(next, &error), qPrintable(error));
        QVERIFY2(recorder.addCall(client->write(0, QByteArrayLiteral("qt")), &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(server->socket(0)->bytesAvailable() == 2, kWaitMs);
        QVERIFY2(recorder.addCall(server->readAll(0), &error), qPrintable(error));
        QVERIFY2(recorder.addCall(client->disconnectFromHost(0), &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Client, TcpState::TimeWait), kWaitMs);
        const QStringList segments = segmentsOf(trace);

        const Scenario s = recorder.scenario(QStringLiteral("qt-mine"), QStringLiteral("Qt"));
        Scenario replay;
        QVERIFY2(ScenarioFile::parse(ScenarioFile::save(s), replay, &error), qPrintable(error));
        QVERIFY(lab.restart());
        ScenarioRunner runner(&lab, replay);
        const Outcome out = runAll(runner);
        QVERIFY2(out.ok, qPrintable(out.message));
        QTRY_VERIFY_WITH_TIMEOUT(hasState(lab, Side::Client, TcpState::TimeWait), kWaitMs);
        QCOMPARE(segmentsOf(trace).mid(0, 3), segments.mid(0, 3));
        QVERIFY(segmentsOf(trace).contains(QStringLiteral("client: FIN, ACK | FIN M")));
    }
};

SYNSCOPE_TEST_MAIN(TestScenarios)
#include "tst_scenarios.moc"
