// SPDX-License-Identifier: GPL-3.0-or-later
// One run as the window shows it, on real kernels: a scenario is recorded at once, then revealed
// step by step; taking over replays the steps so far on a fresh lab and tells the same story; one
// session records scenario after scenario without one leaving its mark on the next.

#include "lab/labtest.h"
#include "run/scenariorunner.h"
#include "run/session.h"
#include "scenario/builtinscenarios.h"
#include "testmain.h"
#include "trace/trace.h"
#include "trace/tracejson.h"

#include <QSignalSpy>

using namespace labtest;
using namespace Qt::StringLiterals;

namespace {
constexpr int kRecordMs = 60000;

#define REQUIRE_SESSION_LAB(session)                                                                                   \
    do {                                                                                                               \
        if (!(session).startLab()) NO_LAB_HERE((session).lab()->error().message());                                    \
    } while (0)

// Records a built-in scenario; the message of recordingFinished, empty when it went well.
QString record(Session &session, const QString &id)
{
    QSignalSpy finished(&session, &Session::recordingFinished);
    QString error;
    if (!session.record(*BuiltinScenarios::find(id), &error)) return error;
    if (!finished.wait(kRecordMs) && finished.isEmpty())
        return QStringLiteral("no end of the recording within %1 ms").arg(kRecordMs);
    return finished.first().at(0).toBool() ? QString() : finished.first().at(1).toString();
}
} // namespace

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void recordThenReveal()
    {
        Session session;
        REQUIRE_SESSION_LAB(session);
        QSignalSpy modes(&session, &Session::modeChanged);
        const QString failure = record(session, QStringLiteral("handshake"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(session.mode(), Session::Mode::Playback);
        QCOMPARE(modes.first().at(0).value<Session::Mode>(), Session::Mode::Recording);
        // The recording is closed: the kernels are gone, nothing more is appended, ever.
        QVERIFY(!session.lab()->isReady());
        const qsizetype size = session.trace()->size();
        QCOMPARE(session.stepCount(), 6);
        QCOMPARE(session.playbackStep(), 0);
        QCOMPARE(sends(*session.trace()).size(), size_t(3));
        QCOMPARE(TraceJson::save(*session.trace()), TraceJson::save(*session.recording()));
        session.setPlaybackStep(4);
        QCOMPARE(session.playbackStep(), 4);
        session.setPlaybackStep(99);
        QCOMPARE(session.playbackStep(), 6);
        session.setPlaybackStep(-1);
        QCOMPARE(session.playbackStep(), 0);
        QCOMPARE(session.trace()->size(), size);
    }

    // Taking over at every step of the handshake: the fresh kernels tell the recording's story,
    // the trace holds only their events, and going back shows the recording unchanged.
    void takeOverAtEveryStep()
    {
        Session session;
        REQUIRE_SESSION_LAB(session);
        const QString failure = record(session, QStringLiteral("handshake"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QByteArray recorded = TraceJson::save(*session.recording());
        for (int k = 0; k <= session.stepCount(); ++k) {
            session.setPlaybackStep(k);
            QSignalSpy done(&session, &Session::takeOverFinished);
            QString error;
            QVERIFY2(session.takeOver(&error), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), kWaitMs);
            QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
            QCOMPARE(session.mode(), Session::Mode::Live);
            QVERIFY(session.lab()->isReady());
            QVERIFY2(session.replayDifferences().isEmpty(), qPrintable(session.replayDifferences().join(u'\n')));
            QCOMPARE(int(session.trace()->steps().size()), k);
            // Its own kernels: new sequence numbers, never the recording's.
            if (k >= 3) {
                const std::vector<Event> now = sends(*session.trace());
                const std::vector<Event> then = sends(*session.recording());
                QVERIFY(!now.empty());
                QVERIFY(now.front().seq != then.front().seq);
            }
            session.backToRecording();
            QCOMPARE(session.mode(), Session::Mode::Playback);
            QCOMPARE(session.playbackStep(), k);
            QVERIFY(!session.lab()->isReady());
            QCOMPARE(TraceJson::save(*session.trace()), recorded);
        }
    }

    // A scenario without its own "ip" records over the session's IP version; taking over goes on
    // over the recording's version, whatever was chosen since (its figure has those addresses).
    void ipVersionOfRecordingAndTakeOver()
    {
        Session session;
        REQUIRE_SESSION_LAB(session);
        session.setIpVersion(6);
        const QString failure = record(session, QStringLiteral("handshake"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(session.recording()->info().serverAddress, u"fd00::2"_s);
        session.setIpVersion(4);
        session.setPlaybackStep(3);
        QSignalSpy done(&session, &Session::takeOverFinished);
        QString error;
        QVERIFY2(session.takeOver(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), kWaitMs);
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QCOMPARE(session.lab()->ipVersion(), 6);
        QCOMPARE(session.trace()->info().clientAddress, u"fd00::1"_s);
        QVERIFY2(session.replayDifferences().isEmpty(), qPrintable(session.replayDifferences().join(u'\n')));
        // A fresh lab by hand is over the version chosen now.
        QVERIFY(session.startLab());
        QCOMPARE(session.lab()->ipVersion(), 4);
    }

    // Every built-in scenario, one after the other in one session (as a lecturer picks them from
    // the start page): each records to its end, whatever the one before left behind (a wire in
    // auto mode, sysctls, sockets in TIME_WAIT).
    void scenarioAfterScenario()
    {
        Session session;
        REQUIRE_SESSION_LAB(session);
        for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list()) {
            const QString failure = record(session, e.id);
            QVERIFY2(failure.isEmpty(), qPrintable(e.id + QStringLiteral(": ") + failure));
            QCOMPARE(session.stepCount(), int(BuiltinScenarios::find(e.id)->steps.size()));
            QCOMPARE(session.trace()->info().scenarioId, e.id);
        }
        // And by hand afterwards: a fresh lab whose wire holds segments again.
        QVERIFY(session.startLab());
        QCOMPARE(session.mode(), Session::Mode::Live);
        QVERIFY(!session.recording());
        for (Direction d : {Direction::ClientToServer, Direction::ServerToClient})
            QCOMPARE(session.lab()->wire()->mode(d), Wire::Mode::Step);
    }

    // A trace without steps (by hand, a capture) is shown still; one with steps plays back.
    void showTraceFromFile()
    {
        Session session;
        REQUIRE_SESSION_LAB(session);
        const QString failure = record(session, QStringLiteral("refused"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QByteArray saved = TraceJson::save(*session.trace());
        QString error;
        QVERIFY2(TraceJson::load(saved, *session.trace(), &error), qPrintable(error));
        session.showTrace();
        QCOMPARE(session.mode(), Session::Mode::Playback);
        QVERIFY(session.canTakeOver());
        session.trace()->setSteps({});
        session.showTrace();
        QCOMPARE(session.mode(), Session::Mode::Still);
        QVERIFY(!session.canTakeOver());
    }
};

SYNSCOPE_TEST_MAIN(TestSession)
#include "tst_session.moc"
