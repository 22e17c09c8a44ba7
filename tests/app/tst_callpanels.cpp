// SPDX-License-Identifier: GPL-3.0-or-later
// The by-hand lab's call panels in the window, on real kernels: Interrupt ends a blocked call with
// EINTR, accept() on the listener while another socket is selected asks first, Return presses the
// focused call button, each side's common calls have keys, and lecture mode has a strip of them.

#include "captionsdialog.h"
#include "controlstrip.h"
#include "lab/labtest.h"
#include "labpanels.h"
#include "mainwindow.h"
#include "messageboxanswerer.h"
#include "panels/callpanel.h"
#include "panels/wiremodel.h"
#include "panels/wirepanel.h"
#include "run/scenariorecorder.h"
#include "run/session.h"
#include "testmain.h"
#include "trace/trace.h"
#include "windowtest.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <cerrno>

using namespace Qt::StringLiterals;

namespace {

// The last call `side` made since event `from`: its Call and its Return (-1 while blocked).
std::pair<qsizetype, qsizetype> lastCall(const Trace &trace, Side side, qsizetype from = 0)
{
    qsizetype call = -1, ret = -1;
    for (qsizetype i = from; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.side != side) continue;
        if (e.kind == EventKind::Call) call = i, ret = -1;
        if (e.kind == EventKind::Return && trace.callRecord(e).callEvent == call) ret = i;
    }
    return {call, ret};
}

quint64 held(MainWindow &w, Direction dir, quint8 flags)
{
    WireModel *model = w.wirePanel()->model(dir);
    model->syncNow();
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto send = model->data(model->index(row, 0), WireModel::SendIndexRole).value<qsizetype>();
        if ((w.trace()->at(send).flags & 0x17) == flags) return model->idAt(row);
    }
    return 0;
}

bool anyEnabled(CallPanel *panel)
{
    for (const QPushButton *b : panel->findChildren<QPushButton *>()) {
        if (b != panel->interruptButton() && b->isVisible() && b->isEnabled()) return true;
    }
    return false;
}
} // namespace

class TestCallPanels : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_config;
    std::unique_ptr<MessageBoxAnswerer> m_answerer;

private slots:
    void initTestCase()
    {
        USE_PRIVATE_SETTINGS(m_config);
        m_answerer = std::make_unique<MessageBoxAnswerer>(QMessageBox::Discard);
    }

    void interruptBlockedAccept()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        CallPanel *server = w.callPanel(Side::Server);
        QVERIFY(!server->interruptButton()->isVisible());
        click(server, "socket");
        click(server, "bind");
        click(server, "listen");
        QVERIFY2(server->socketBox()->currentText()
                     == u"fd %1 — listening on :9877"_s.arg(server->socketBox()->currentData().toInt()),
                 qPrintable(server->socketBox()->currentText()));
        click(server, "accept"); // on the listener, which is selected: no question
        QCOMPARE(m_answerer->asked(), 0);
        const auto [accept, none] = lastCall(*w.trace(), Side::Server);
        QCOMPARE(w.trace()->callRecord(w.trace()->at(accept)).fn, u"accept"_s);
        QCOMPARE(none, -1);
        // Blocked: every call button off, Interrupt on.
        QVERIFY(!anyEnabled(server));
        QVERIFY(server->interruptButton()->isVisible());
        QVERIFY(server->interruptButton()->isEnabled());
        QTest::mouseClick(server->interruptButton(), Qt::LeftButton);
        // accept() returned -1 EINTR, in the trace and on the panel, and the program can call again.
        const auto [call, ret] = lastCall(*w.trace(), Side::Server);
        QCOMPARE(call, accept);
        QVERIFY(ret > call);
        const CallRecord &r = w.trace()->callRecord(w.trace()->at(ret));
        QCOMPARE(r.result, -1);
        QCOMPARE(r.err, EINTR);
        QVERIFY2(server->resultText().contains(u"✗"_s) && server->resultText().contains(u"= -1 EINTR"_s),
                 qPrintable(server->resultText()));
        QVERIFY2(server->statusText().contains(u"interrupted"_s), qPrintable(server->statusText()));
        QVERIFY(!server->interruptButton()->isVisible());
        QVERIFY(server->button(u"accept"_s)->isEnabled());
        QVERIFY(server->button(u"close"_s)->isEnabled());
        // The listener is as it was: a client still connects, and accept() then takes it at once.
        CallPanel *client = w.callPanel(Side::Client);
        click(client, "socket");
        click(client, "connect");
        for (const quint8 flags : {quint8(TcpFlag::Syn), quint8(TcpFlag::Syn | TcpFlag::Ack), quint8(TcpFlag::Ack)}) {
            const Direction dir =
                flags == (TcpFlag::Syn | TcpFlag::Ack) ? Direction::ServerToClient : Direction::ClientToServer;
            QTRY_VERIFY_WITH_TIMEOUT(held(w, dir, flags) != 0, kWaitMs);
            QVERIFY(w.wirePanel()->act(Wire::Action::Deliver, held(w, dir, flags)));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!server->wouldBlock(u"accept"_s), kWaitMs);
        click(server, "accept");
        QTRY_VERIFY_WITH_TIMEOUT(
            server->resultText().contains(u"accept("_s) && !server->resultText().contains(u"EINTR"_s), kWaitMs);
        // The accepted socket says whom it is connected to.
        QVERIFY2(server->socketBox()->currentText().contains(u"connected to 10.0.0.1:"_s),
                 qPrintable(server->socketBox()->currentText()));

        // Now the accepted socket is selected: a second accept() on the listener would block with no
        // client coming, so the panel asks first. Cancel: no call.
        const qsizetype before = w.trace()->size();
        m_answerer->reset();
        m_answerer->setAnswer(QMessageBox::Cancel);
        click(server, "accept");
        QTRY_COMPARE_WITH_TIMEOUT(m_answerer->asked(), 1, kWaitMs);
        QVERIFY2(m_answerer->lastText().contains(u"accept() takes a connection from the listener"_s),
                 qPrintable(m_answerer->lastText()));
        QCOMPARE(lastCall(*w.trace(), Side::Server, before).first, -1);
        QVERIFY(anyEnabled(server));
        // Yes: it blocks, and Interrupt gets the server back.
        m_answerer->setAnswer(QMessageBox::Yes);
        click(server, "accept");
        QTRY_VERIFY_WITH_TIMEOUT(server->interruptButton()->isVisible(), kWaitMs);
        QVERIFY(server->interrupt());
        QVERIFY(anyEnabled(server));
        m_answerer->setAnswer(QMessageBox::Discard);
    }

    // Interrupted, connect() returns EINTR but the kernel goes on with the handshake: a second
    // connect() while the SYN is still held says EALREADY.
    void interruptedConnectGoesOn()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        CallPanel *client = w.callPanel(Side::Client);
        click(client, "socket");
        click(client, "connect");
        QTRY_VERIFY_WITH_TIMEOUT(held(w, Direction::ClientToServer, TcpFlag::Syn) != 0, kWaitMs);
        QVERIFY(client->interrupt());
        auto [call, ret] = lastCall(*w.trace(), Side::Client);
        QVERIFY(ret > call);
        QCOMPARE(w.trace()->callRecord(w.trace()->at(ret)).err, EINTR);
        QVERIFY2(client->statusText().contains(u"the handshake"_s), qPrintable(client->statusText()));
        QVERIFY(held(w, Direction::ClientToServer, TcpFlag::Syn) != 0); // the SYN is still there
        click(client, "connect");
        std::tie(call, ret) = lastCall(*w.trace(), Side::Client);
        QTRY_VERIFY_WITH_TIMEOUT((ret = lastCall(*w.trace(), Side::Client).second) > call, kWaitMs);
        QCOMPARE(w.trace()->callRecord(w.trace()->at(ret)).err, EALREADY);
    }

    void returnPressesTheFocusedCallButton()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        CallPanel *server = w.callPanel(Side::Server);
        QPushButton *socket = server->button(u"socket"_s);
        socket->setFocus(Qt::TabFocusReason);
        QVERIFY(socket->hasFocus());
        QTest::keyClick(socket, Qt::Key_Return);
        const auto [call, ret] = lastCall(*w.trace(), Side::Server);
        QVERIFY(call >= 0);
        QCOMPARE(w.trace()->callRecord(w.trace()->at(call)).fn, u"socket"_s);
        QVERIFY(ret > call);
        // Tab goes on to the next control, and Return presses what has the focus then.
        QPushButton *listen = server->button(u"listen"_s);
        listen->setFocus(Qt::TabFocusReason);
        QTest::keyClick(listen, Qt::Key_Enter);
        QCOMPARE(w.trace()->callRecord(w.trace()->at(lastCall(*w.trace(), Side::Server).first)).fn, u"listen"_s);
    }

    void keysMakeCallsOnEachSide()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        const QKeySequence serverSocket = CallPanel::shortcut(Side::Server, u"socket"_s);
        const QKeySequence clientSocket = CallPanel::shortcut(Side::Client, u"socket"_s);
        QCOMPARE(serverSocket, QKeySequence(Qt::Key_S, Qt::Key_S));
        QVERIFY(clientSocket != serverSocket);
        // The button says its key.
        QVERIFY2(w.callPanel(Side::Server)
                     ->button(u"socket"_s)
                     ->toolTip()
                     .contains(serverSocket.toString(QKeySequence::NativeText)),
                 qPrintable(w.callPanel(Side::Server)->button(u"socket"_s)->toolTip()));
        QTest::keySequence(&w, serverSocket);
        QTRY_VERIFY_WITH_TIMEOUT(lastCall(*w.trace(), Side::Server).second >= 0, kWaitMs);
        QCOMPARE(lastCall(*w.trace(), Side::Client).first, -1);
        QTest::keySequence(&w, clientSocket);
        QTRY_VERIFY_WITH_TIMEOUT(lastCall(*w.trace(), Side::Client).second >= 0, kWaitMs);
        QCOMPARE(w.trace()->callRecord(w.trace()->at(lastCall(*w.trace(), Side::Client).first)).fn, u"socket"_s);
    }

    void lectureModeStripMakesCalls()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        auto *strip = w.findChild<ControlStrip *>();
        QVERIFY(strip);
        QVERIFY(!strip->isVisible());
        w.setLectureMode(true);
        QVERIFY(!strip->isVisible()); // off until asked for
        QTest::keyClick(&w, Qt::Key_H);
        QTRY_VERIFY_WITH_TIMEOUT(strip->isVisible(), kWaitMs);
        QVERIFY(!w.callPanel(Side::Server)->isVisible()); // the panels stay hidden
        QToolButton *socket = strip->callButton(false, 'S');
        QVERIFY(socket && socket->isVisible() && socket->isEnabled());
        QCOMPARE(socket->text(), u"socket()"_s);
        QTest::mouseClick(socket, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(lastCall(*w.trace(), Side::Server).second >= 0, kWaitMs);
        QCOMPARE(w.trace()->callRecord(w.trace()->at(lastCall(*w.trace(), Side::Server).first)).fn, u"socket"_s);
        // A blocked side can be interrupted from the strip: accept() on a listener no client calls.
        QVERIFY(!strip->interruptButton(false)->isVisible());
        for (const char key : {'B', 'L', 'A'}) {
            QVERIFY(strip->callButton(false, key)->isEnabled());
            QTest::mouseClick(strip->callButton(false, key), Qt::LeftButton);
        }
        const auto [accept, none] = lastCall(*w.trace(), Side::Server);
        QCOMPARE(w.trace()->callRecord(w.trace()->at(accept)).fn, u"accept"_s);
        QCOMPARE(none, -1);
        QVERIFY(!strip->callButton(false, 'S')->isEnabled());
        QVERIFY(strip->interruptButton(false)->isVisible());
        QTest::mouseClick(strip->interruptButton(false), Qt::LeftButton);
        const qsizetype ret = lastCall(*w.trace(), Side::Server).second;
        QVERIFY(ret > accept);
        QCOMPARE(w.trace()->callRecord(w.trace()->at(ret)).err, EINTR);
        QVERIFY(!strip->interruptButton(false)->isVisible());
        QVERIFY(strip->callButton(false, 'S')->isEnabled());
        w.setLectureMode(false);
        QVERIFY(!strip->isVisible());
    }

    // Before "Save What I Did as Scenario" the steps' captions are listed, editable; Save keeps the edits.
    void captionsEditedBeforeSaving()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        CallPanel *server = w.callPanel(Side::Server);
        click(server, "socket");
        click(server, "bind");
        click(server, "listen");
        ScenarioRecorder *recorder = w.session()->recorder();
        const int n = recorder->stepCount(); // the wire's modes first, then the three calls
        QVERIFY(n >= 3);
        // The recorder's own caption names the call as the panels do, and says what it does.
        const QString listen = recorder->scenario(u"x"_s, u"x"_s).steps[size_t(n - 1)].caption;
        QVERIFY2(listen.startsWith(u"The server calls listen("_s) && listen.contains(u"listener"_s),
                 qPrintable(listen));
        QStringList shown;
        bool seen = false;
        QTimer::singleShot(0, [&] {
            auto *dialog = qobject_cast<CaptionsDialog *>(QApplication::activeModalWidget());
            if (!dialog) return;
            seen = true;
            QTableWidget *table = dialog->table();
            for (int k = 0; k < table->rowCount(); ++k)
                shown << table->item(k, 1)->text();
            // Edited as a user does: the cell opened for editing, the text typed, Return.
            table->setCurrentCell(n - 1, 1);
            table->editItem(table->item(n - 1, 1));
            auto *editor = table->viewport()->findChild<QLineEdit *>();
            QVERIFY(editor);
            QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(editor, u"Now the kernel answers SYNs."_s);
            QTest::keyClick(editor, Qt::Key_Return); // the view commits the edit from its event loop
            QMetaObject::invokeMethod(dialog, &QDialog::accept, Qt::QueuedConnection);
        });
        w.action(u"saveScenario"_s)->trigger(); // then the file dialog, which the answerer cancels
        QVERIFY(seen);
        QCOMPARE(shown.size(), n);
        QCOMPARE(shown[n - 1], listen);
        QCOMPARE(recorder->scenario(u"x"_s, u"x"_s).steps[size_t(n - 1)].caption, u"Now the kernel answers SYNs."_s);
        QCOMPARE(recorder->scenario(u"x"_s, u"x"_s).steps[0].caption, shown[0]);
    }
};

SYNSCOPE_TEST_MAIN(TestCallPanels)
#include "tst_callpanels.moc"
