// SPDX-License-Identifier: GPL-3.0-or-later
// A build without the lab (-DSYNSCOPE_LAB=OFF): the start page lists every built-in scenario and
// says why there is no live lab, each scenario plays from its bundled recording with the line
// "live lab unavailable here: this build has no live lab" (and no AppArmor or user-namespace
// remedy, which would fix nothing here), what needs live kernels is off and says why (guided mode
// and the host settings too), the socket inspector shows a recording's states as of its step, and
// the command line exports a built-in scenario's recording. Built only in that configuration.

#include "mainwindow.h"
#include "panels/socketinspector.h"
#include "run/session.h"
#include "scenario/builtinscenarios.h"
#include "startpage.h"
#include "testmain.h"
#include "trace/trace.h"
#include "windowtest.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 30'000;

// What the window's start page says about the lab.
QString labStateText(const StartPage *page)
{
    for (const QLabel *label : page->findChildren<QLabel *>()) {
        if (label->text().contains(u"no live lab"_s)) return label->text();
    }
    return {};
}
} // namespace

class TestNoLab : public QObject {
    Q_OBJECT
    QTemporaryDir m_config;

private slots:
    void initTestCase()
    {
        USE_PRIVATE_SETTINGS(m_config);
        QVERIFY(!Session::hasLiveLab());
    }

    void startPageListsEveryScenarioAndSaysWhy()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.isStartPageShown());
        QVERIFY(!w.lab());
        QVERIFY(!w.session()->isLabReady());
        QCOMPARE(w.session()->labProblem(), Session::noLabReason());
        QStringList listed;
        const QListWidget *list = w.startPage()->scenarioList();
        for (int row = 0; row < list->count(); ++row) {
            if (const QString id = list->item(row)->data(Qt::UserRole).toString(); !id.isEmpty()) listed << id;
        }
        QStringList builtin;
        for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list())
            builtin << e.id;
        QCOMPARE(listed.size(), builtin.size());
        for (const QString &id : std::as_const(builtin))
            QVERIFY2(listed.contains(id), qPrintable(id));
        const QString state = labStateText(w.startPage());
        QVERIFY2(state.contains(u"This build of SynScope has no live lab."_s), qPrintable(state));
        QVERIFY2(state.contains(u"Every scenario below plays from its recording"_s), qPrintable(state));
        QVERIFY2(!state.contains(u"AppArmor"_s) && !state.contains(u"userns"_s) && !state.contains(u"namespace"_s),
                 qPrintable(state));
        // By hand and a scenario file of one's own need live kernels: off, saying why.
        int off = 0;
        for (const QPushButton *b : w.startPage()->findChildren<QPushButton *>()) {
            if (b->isEnabled()) continue;
            if (b == w.startPage()->runButton()) continue; // off only until a scenario is picked
            QVERIFY2(b->toolTip().contains(Session::noLabReason()), qPrintable(b->text()));
            ++off;
        }
        QCOMPARE(off, 2);
    }

    void labActionsAreOffAndSayWhy()
    {
        MainWindow w;
        w.show();
        for (const char *name : {"byHand", "guided", "restart", "takeOver", "hostSettings", "flavourBsd", "flavourQt",
                                 "openScenario", "saveScenario"}) {
            QAction *a = w.action(QString::fromLatin1(name));
            QVERIFY2(a, name);
            QVERIFY2(!a->isEnabled(), name);
            QVERIFY2(a->toolTip().contains(Session::noLabReason()), qPrintable(a->toolTip()));
        }
        // No call keys: there is no program to call on.
        QVERIFY(!w.action(u"clientKeyL"_s));
        QVERIFY(!w.callPanel(Side::Client) && !w.wirePanel());
        // No guide and no host settings to show: they act on live kernels.
        QVERIFY(!w.guidedPanel());
        QVERIFY(!w.startGuided(GuidedGoal::Kind::Handshake));
        QVERIFY(!w.showHostSettings());
        QString notSet;
        QVERIFY(!w.session()->setHostSetting(Side::Client, u"sack"_s, u"0"_s, &notSet));
        QCOMPARE(notSet, Session::noLabReason());
        // A playback does not turn Take Over on.
        QVERIFY2(w.runScenario(u"handshake"_s), qPrintable(w.lastError()));
        QCOMPARE(w.session()->mode(), Session::Mode::Playback);
        QVERIFY(!w.action(u"takeOver"_s)->isEnabled());
        QString why;
        QVERIFY(!w.session()->canTakeOver(&why));
        QCOMPARE(why, Session::noLabReason());
        w.toggleTakeOver(); // T: nothing but the reason
        QCOMPARE(w.session()->mode(), Session::Mode::Playback);
        QVERIFY2(w.lastError().contains(Session::noLabReason()), qPrintable(w.lastError()));
    }

    void playsTheBundledRecording()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        const QString id = u"lost-syn"_s;
        QVERIFY(w.startPage()->selectScenario(id));
        QTest::keyClick(&w, Qt::Key_Space); // Space on the start page runs the scenario picked
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->mode(), Session::Mode::Playback, kWaitMs);
        QVERIFY(!w.isStartPageShown());
        QVERIFY(w.session()->isBundledPlayback());
        QCOMPARE(w.session()->trace()->info().scenarioId, id);
        const QString line = w.labStatusText();
        QVERIFY2(line.startsWith(u"Recorded on Linux "_s), qPrintable(line));
        QVERIFY2(line.endsWith(u"live lab unavailable here: "_s + Session::noLabReason()), qPrintable(line));
        QTest::keyClick(&w, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->playbackStep(), 1, kWaitMs);
        QVERIFY2(w.captionText().startsWith(u"1/"_s), qPrintable(w.captionText()));
    }

    // The socket inspector needs no lab: a recording played back shows each side's state as of the
    // step, stepping back the earlier one, and says when the recording has no queues.
    void socketInspectorShowsTheRecording()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *inspector = w.findChild<SocketInspector *>();
        QVERIFY(inspector);
        auto *dock = w.findChild<QDockWidget *>(u"socketsDock"_s);
        QVERIFY(dock);
        QVERIFY2(w.runScenario(u"handshake"_s), qPrintable(w.lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(dock->isVisible(), kWaitMs);
        Session *s = w.session();
        s->setPlaybackStep(s->stepCount());
        QTRY_VERIFY2_WITH_TIMEOUT(inspector->text(Side::Client).contains(u"State: ESTABLISHED"_s),
                                  qPrintable(inspector->text(Side::Client)), kWaitMs);
        // The bundled recordings are of trace format 5: they carry the sockets' queues and windows.
        QVERIFY2(inspector->text(Side::Client).contains(u"Send queue: 0 bytes"_s)
                     && !inspector->text(Side::Client).contains(u"not recorded"_s),
                 qPrintable(inspector->text(Side::Client)));
        s->setPlaybackStep(1);
        QTRY_VERIFY2_WITH_TIMEOUT(!inspector->text(Side::Client).contains(u"State: ESTABLISHED"_s),
                                  qPrintable(inspector->text(Side::Client)), kWaitMs);
    }

    void everyBuiltinScenarioPlays()
    {
        MainWindow w;
        for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list()) {
            QVERIFY2(w.runScenario(e.id), qPrintable(e.id + u": "_s + w.lastError()));
            QCOMPARE(w.session()->mode(), Session::Mode::Playback);
            QVERIFY2(w.session()->stepCount() > 0, qPrintable(e.id));
            QVERIFY2(w.labStatusText().contains(Session::noLabReason()), qPrintable(w.labStatusText()));
            w.session()->setPlaybackStep(w.session()->stepCount());
            QCOMPARE(w.session()->playbackStep(), w.session()->stepCount());
        }
    }

    // --scenario ID --export writes the bundled recording and says so in one line; a scenario file
    // of one's own cannot run and says why.
    void commandLineExportsTheRecording()
    {
        const QString app = qEnvironmentVariable("SYNSCOPE_APP");
        if (app.isEmpty()) QSKIP("SYNSCOPE_APP is not set; run the test through ctest");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"handshake.json"_s);
        QProcess p;
        p.start(app, {u"--scenario"_s, u"handshake"_s, u"--export"_s, path});
        QVERIFY(p.waitForFinished(kWaitMs));
        const QString err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(err.count(u'\n'), 0);
        QVERIFY2(err.startsWith(u"synscope: exporting handshake as recorded on Linux "_s), qPrintable(err));
        QVERIFY2(err.endsWith(u"live lab unavailable here: "_s + Session::noLabReason()), qPrintable(err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject top = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(top.value(u"source"_s).toString(), u"lab"_s);

        const QString scenario = dir.filePath(u"mine.json"_s);
        QVERIFY(QFile::copy(u":/scenarios/handshake.json"_s, scenario));
        QProcess own;
        own.start(app, {u"--scenario"_s, scenario, u"--export"_s, dir.filePath(u"mine-out.json"_s)});
        QVERIFY(own.waitForFinished(kWaitMs));
        const QString ownErr = QString::fromLocal8Bit(own.readAllStandardError()).trimmed();
        QVERIFY2(own.exitCode() != 0, qPrintable(ownErr));
        QVERIFY2(ownErr.contains(u"the lab cannot run here: "_s + Session::noLabReason()), qPrintable(ownErr));
    }
};

SYNSCOPE_TEST_MAIN(TestNoLab)
#include "tst_nolab.moc"
