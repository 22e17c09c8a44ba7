// SPDX-License-Identifier: GPL-3.0-or-later
// Work done by hand is not lost without a question: closing the window, Quit (Ctrl+Q), opening a file,
// a fresh lab (Ctrl+R), another flavour (a fresh lab too), running a scenario and going back to
// the recording after taking over each ask Save / Discard / Cancel while calls or wire actions
// made by hand are unsaved. Cancel keeps the work and does nothing, Discard goes on, Save saves the
// trace first. Nothing asks when there is nothing to lose. The answers are given by
// MessageBoxAnswerer, as a user would click them.

#include "diagram/diagramview.h"
#include "lab/lab.h"
#include "lab/labtest.h"
#include "mainwindow.h"
#include "messageboxanswerer.h"
#include "panels/callpanel.h"
#include "run/session.h"
#include "support/generatedtrace.h"
#include "testmain.h"
#include "trace/trace.h"
#include "trace/tracejson.h"
#include "windowtest.h"

#include <QAction>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The calls made in the trace, by name.
QStringList calls(const Trace &trace)
{
    QStringList out;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        if (trace.at(i).kind == EventKind::Call) out << trace.callRecord(trace.at(i)).fn;
    }
    return out;
}

// By-hand work: the server's socket() from its panel, in the BSD flavour.
void callSocketByHand(MainWindow &w)
{
    QPushButton *socket = w.callPanel(Side::Server)->button(u"socket"_s);
    QVERIFY(socket && socket->isEnabled());
    QTest::mouseClick(socket, Qt::LeftButton);
    QVERIFY(calls(*w.trace()).contains(u"socket"_s));
    QVERIFY(w.session()->hasUnsavedWork());
}

QString writeGeneratedTrace(const QTemporaryDir &dir)
{
    Trace generated;
    generated::build(generated, 2);
    const QString path = dir.filePath(u"generated.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(TraceJson::save(generated)) < 0) return {};
    return path;
}
} // namespace

class TestUnsavedWork : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_config;
    QTemporaryDir m_dir;
    QString m_tracePath;
    std::unique_ptr<MessageBoxAnswerer> m_answerer;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        USE_PRIVATE_SETTINGS(m_config);
        m_tracePath = writeGeneratedTrace(m_dir);
        QVERIFY(!m_tracePath.isEmpty());
        m_answerer = std::make_unique<MessageBoxAnswerer>();
    }

    void init() { m_answerer->reset(); }

    // Each action, with by-hand work unsaved: Cancel keeps the work, Discard goes on.
    void eachActionAsks_data()
    {
        QTest::addColumn<QString>("action");
        for (const char *action :
             {"close", "Ctrl+Q", "open a file", "restart the lab", "change the flavour", "run a scenario"})
            QTest::newRow(action) << QString::fromLatin1(action);
    }
    void eachActionAsks()
    {
        QFETCH(QString, action);
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        w.action(u"flavourBsd"_s)->trigger(); // an unused lab: no question, no fresh lab
        QCOMPARE(m_answerer->asked(), 0);
        callSocketByHand(w);
        if (QTest::currentTestFailed()) return;
        const auto act = [&] {
            // The question took the focus: keys go to the window again once it is active.
            w.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&w));
            if (action == u"close")
                w.close();
            else if (action == u"Ctrl+Q")
                w.action(u"quit"_s)->trigger(); // Ctrl+Q where the desktop has it (offscreen has none)
            else if (action == u"open a file")
                w.openFile(m_tracePath);
            else if (action == u"restart the lab")
                QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
            else if (action == u"change the flavour")
                w.action(u"flavourQt"_s)->trigger();
            else if (action == u"run a scenario")
                w.runScenario(u"handshake"_s);
        };

        // Cancel: asked once, with the three answers; the work and the window stay as they were.
        m_answerer->setAnswer(QMessageBox::Cancel);
        act();
        if (QTest::currentTestFailed()) return;
        QCOMPARE(m_answerer->asked(), 1);
        QCOMPARE(m_answerer->lastButtons(), QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        QVERIFY2(m_answerer->lastText().contains(u"not saved"_s), qPrintable(m_answerer->lastText()));
        QVERIFY(w.isVisible());
        QVERIFY(w.session()->hasUnsavedWork());
        QCOMPARE(w.session()->mode(), Session::Mode::Live);
        QVERIFY(w.lab()->isReady());
        QCOMPARE(calls(*w.trace()), QStringList {u"socket"_s});
        QVERIFY(w.action(u"flavourBsd"_s)->isChecked());
        QCOMPARE(w.callPanel(Side::Server)->flavour(), Flavour::Bsd);

        // Discard: asked again, and the action is taken.
        m_answerer->setAnswer(QMessageBox::Discard);
        act();
        QCOMPARE(m_answerer->asked(), 2);
        if (action == u"close" || action == u"Ctrl+Q") {
            QVERIFY(!w.isVisible());
            return;
        }
        QVERIFY(!w.session()->hasUnsavedWork());
        if (action == u"open a file") {
            QCOMPARE(w.session()->path(), m_tracePath);
            QCOMPARE(w.trace()->info().source, u"generated"_s);
        } else if (action == u"restart the lab" || action == u"change the flavour") {
            QVERIFY(w.lab()->isReady());
            QVERIFY(calls(*w.trace()).isEmpty());
            const Flavour flavour = action == u"restart the lab" ? Flavour::Bsd : Flavour::Qt;
            QCOMPARE(w.callPanel(Side::Server)->flavour(), flavour);
        } else if (action == u"run a scenario") {
            QTRY_COMPARE_WITH_TIMEOUT(w.session()->mode(), Session::Mode::Playback, kWaitMs);
            QCOMPARE(w.session()->scenario()->id, u"handshake"_s);
        }
        // The work is gone or saved: nothing more to ask.
        w.close();
        QCOMPARE(m_answerer->asked(), 2);
    }

    // Ctrl+R after several steps made by hand asks; Cancel keeps every step where it was, the
    // diagram's as well as the trace's, on the same kernels.
    void restartCancelKeepsTheSteps()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        w.action(u"flavourBsd"_s)->trigger();
        callSocketByHand(w);
        if (QTest::currentTestFailed()) return;
        QTest::mouseClick(w.callPanel(Side::Server)->button(u"bind"_s), Qt::LeftButton);
        QTest::mouseClick(w.callPanel(Side::Server)->button(u"listen"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.diagramView()->stepCount() >= 3, kWaitMs);
        const int steps = w.diagramView()->stepCount();
        const QByteArray before = TraceJson::save(*w.trace());
        m_answerer->setAnswer(QMessageBox::Cancel);
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(m_answerer->asked(), 1);
        QCOMPARE(w.diagramView()->stepCount(), steps);
        QCOMPARE(TraceJson::save(*w.trace()), before);
        QCOMPARE(calls(*w.trace()), QStringList({u"socket"_s, u"bind"_s, u"listen"_s}));
        QVERIFY(w.session()->hasUnsavedWork());
    }

    // Save: the trace is written to its file, then the action goes on.
    void saveSavesFirst()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        w.action(u"flavourBsd"_s)->trigger();
        callSocketByHand(w);
        if (QTest::currentTestFailed()) return;
        const QString path = m_dir.filePath(u"byhand.json"_s);
        QVERIFY(w.saveTrace(path));
        QVERIFY(!w.session()->hasUnsavedWork());
        QTest::mouseClick(w.callPanel(Side::Server)->button(u"bind"_s), Qt::LeftButton);
        QVERIFY(w.session()->hasUnsavedWork());
        const QByteArray shown = TraceJson::save(*w.trace());
        m_answerer->setAnswer(QMessageBox::Save);
        w.action(u"restart"_s)->trigger();
        QCOMPARE(m_answerer->asked(), 1);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), shown);
        QVERIFY(calls(*w.trace()).isEmpty()); // and then the fresh lab
        QVERIFY(!w.session()->hasUnsavedWork());
    }

    // Save without a file yet asks for one; cancelling that keeps the work and the action is not taken.
    void saveCancelledKeepsTheWork()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        w.action(u"flavourBsd"_s)->trigger();
        callSocketByHand(w);
        if (QTest::currentTestFailed()) return;
        m_answerer->setAnswer(QMessageBox::Save);
        QVERIFY(!w.close());
        QCOMPARE(m_answerer->asked(), 1);
        QVERIFY(w.isVisible());
        QVERIFY(w.session()->hasUnsavedWork());
        QCOMPARE(calls(*w.trace()), QStringList {u"socket"_s});
    }

    // Back to the recording after taking over leaves the live kernels and what was done on them.
    void backToTheRecordingAsks()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        QVERIFY(w.runScenario(u"handshake"_s));
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->mode(), Session::Mode::Playback, kWaitMs);
        QVERIFY(!w.session()->hasUnsavedWork()); // a recording can be made again
        w.toggleTakeOver(); // at step 0: live at once
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->mode(), Session::Mode::Live, kWaitMs);
        QVERIFY(!w.session()->hasUnsavedWork()); // a replay too
        QTest::mouseClick(w.callPanel(Side::Server)->button(u"socket"_s), Qt::LeftButton);
        QVERIFY(w.session()->hasUnsavedWork());
        m_answerer->setAnswer(QMessageBox::Cancel);
        QTest::keyClick(&w, Qt::Key_T);
        QCOMPARE(m_answerer->asked(), 1);
        QCOMPARE(w.session()->mode(), Session::Mode::Live);
        QVERIFY(calls(*w.trace()).contains(u"socket"_s));
        m_answerer->setAnswer(QMessageBox::Discard);
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_T);
        QCOMPARE(m_answerer->asked(), 2);
        QCOMPARE(w.session()->mode(), Session::Mode::Playback);
        QVERIFY(!w.session()->hasUnsavedWork());
    }

    // Nothing to lose, nothing asked: a fresh lab, a file just opened, a scenario played back.
    void nothingUnsavedAsksNothing()
    {
        {
            MainWindow w;
            w.show();
            QVERIFY(w.openFile(m_tracePath)); // works without a lab as well
            QVERIFY(!w.session()->hasUnsavedWork());
            QVERIFY(w.openFile(m_tracePath));
            w.action(u"restart"_s)->trigger();
            QVERIFY(w.close());
            QCOMPARE(m_answerer->asked(), 0);
        }
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        w.action(u"restart"_s)->trigger();
        const bool qt = w.action(u"flavourQt"_s)->isChecked();
        w.action(qt ? u"flavourBsd"_s : u"flavourQt"_s)->trigger();
        w.action(qt ? u"flavourQt"_s : u"flavourBsd"_s)->trigger();
        QVERIFY(w.runScenario(u"handshake"_s));
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->mode(), Session::Mode::Playback, kWaitMs);
        QTest::keyClick(&w, Qt::Key_Space);
        QTest::keyClick(&w, Qt::Key_Space);
        QVERIFY(w.runScenario(u"teardown"_s));
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->mode(), Session::Mode::Playback, kWaitMs);
        QVERIFY(w.openFile(m_tracePath));
        w.action(u"quit"_s)->trigger();
        QVERIFY(!w.isVisible());
        QCOMPARE(m_answerer->asked(), 0);
    }
};

SYNSCOPE_TEST_MAIN(TestUnsavedWork)
#include "tst_unsavedwork.moc"
