// SPDX-License-Identifier: GPL-3.0-or-later
// Guided by-hand mode in the window, on real kernels: the handshake reached by clicking exactly the
// button the guide frames, each step's line in bold; an interrupted accept() explained (and its step
// caption saying it was interrupted), Continue, and the goal started again on a fresh lab after the
// question about unsaved work; the frame's colour in the dark theme; Lab → Guided… in the menu.

#include "controlstrip.h"
#include "guidedpanel.h"
#include "lab/labtest.h"
#include "labpanels.h"
#include "mainwindow.h"
#include "messageboxanswerer.h"
#include "panels/callpanel.h"
#include "panels/wiremodel.h"
#include "panels/wirepanel.h"
#include "run/session.h"
#include "testmain.h"
#include "trace/trace.h"
#include "windowtest.h"

#include <QAction>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {
QDockWidget *guideDock(MainWindow &w)
{
    return w.findChild<QDockWidget *>(u"guideDock"_s);
}
} // namespace

class TestGuided : public QObject {
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

    void guidedIsInTheLabMenu()
    {
        MainWindow w;
        QAction *guided = w.action(u"guided"_s);
        QVERIFY(guided);
        QCOMPARE(guided->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_G));
        bool inLab = false;
        for (QAction *top : w.menuBar()->actions()) {
            if (top->menu() && top->menu()->title() == u"&Lab"_s) inLab = top->menu()->actions().contains(guided);
        }
        QVERIFY(inLab);
    }

    // The test: the guided handshake completed by clicking what it highlights, and only that;
    // and so every goal, on real kernels.
    void goalsByTheFramedButtons_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("steps");
        QTest::newRow("handshake") << int(GuidedGoal::Kind::Handshake) << 9;
        QTest::newRow("close") << int(GuidedGoal::Kind::Close) << 16;
        QTest::newRow("refused") << int(GuidedGoal::Kind::Refused) << 4;
        QTest::newRow("data") << int(GuidedGoal::Kind::Data) << 13;
    }
    void goalsByTheFramedButtons()
    {
        QFETCH(int, kind);
        QFETCH(int, steps);
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        REQUIRE_LAB(w);
        QVERIFY(w.startGuided(GuidedGoal::Kind(kind)));
        GuidedPanel *guide = w.guidedPanel();
        QVERIFY(guide->isOn());
        QVERIFY(guideDock(w)->isVisible());
        const GuidedGoal *goal = guide->goal();
        int clicks = 0;
        while (!goal->isComplete()) {
            QVERIFY2(clicks < int(goal->steps().size()), "more clicks than steps");
            const int step = goal->nextStep();
            const GuidedGoal::Step &s = goal->steps()[size_t(step)];
            // The step's line is bold, with what the kernel will do under it.
            QVERIFY2(guide->checklistText().contains(
                         u"<b>→ %1</b><br>%2"_s.arg(s.text.toHtmlEscaped(), s.explanation.toHtmlEscaped())),
                     qPrintable(guide->checklistText()));
            // Its button is framed: the frame lies on it, shown, and the button can be pressed.
            QTRY_VERIFY_WITH_TIMEOUT(guide->highlighted() && guide->highlighted()->isEnabled(), kWaitMs);
            QWidget *button = guide->highlighted();
            QWidget *frame = guide->highlightFrame();
            QVERIFY(frame->isVisible());
            QCOMPARE(frame->parentWidget(), button->parentWidget());
            QCOMPARE(frame->geometry(), button->geometry());
            QVERIFY(button->isVisible());
            if (s.target.kind == GuidedGoal::Target::Kind::Call) {
                QCOMPARE(button, w.callPanel(s.target.side)->button(s.target.call));
            } else {
                QCOMPARE(button, w.wirePanel()->deliverButton(s.target.direction));
                // Deliver hands on the selected segment: the guide has picked the one the step means
                // once the wire's list shows it.
                WireModel *model = w.wirePanel()->model(s.target.direction);
                const QItemSelectionModel *selection = w.wirePanel()->view(s.target.direction)->selectionModel();
                const auto picked = [&] {
                    model->syncNow();
                    const QModelIndexList rows = selection->selectedRows();
                    if (rows.isEmpty()) return false;
                    const auto send = model->data(rows.first(), WireModel::SendIndexRole).value<qsizetype>();
                    return goal->deliversNext(w.trace()->at(send));
                };
                QTRY_VERIFY_WITH_TIMEOUT(picked(), kWaitMs);
            }
            QTest::mouseClick(button, Qt::LeftButton);
            ++clicks;
            // Progress follows the trace: the step is done once the kernels have done it.
            QTRY_VERIFY2_WITH_TIMEOUT(goal->steps()[size_t(step)].status == GuidedGoal::Status::Done,
                                      qPrintable(s.text), kWaitMs);
            QVERIFY2(!goal->deviation(), qPrintable(goal->deviation() ? goal->deviation()->text : QString()));
        }
        QCOMPARE(clicks, steps);
        // What the kernels say: both sides ESTABLISHED; the client in TIME_WAIT; connect() refused.
        switch (GuidedGoal::Kind(kind)) {
        case GuidedGoal::Kind::Handshake:
        case GuidedGoal::Kind::Data:
            QTRY_VERIFY_WITH_TIMEOUT(labtest::hasState(*w.lab(), Side::Client, TcpState::Established), kWaitMs);
            QVERIFY(labtest::hasState(*w.lab(), Side::Server, TcpState::Established));
            break;
        case GuidedGoal::Kind::Close:
            QTRY_VERIFY_WITH_TIMEOUT(labtest::hasState(*w.lab(), Side::Client, TcpState::TimeWait), kWaitMs);
            break;
        case GuidedGoal::Kind::Refused:
            QVERIFY2(w.callPanel(Side::Client)->resultText().contains(u"ECONNREFUSED"_s),
                     qPrintable(w.callPanel(Side::Client)->resultText()));
            break;
        }
        QVERIFY(guide->checklistText().contains(goal->completionText().toHtmlEscaped()));
        QVERIFY(!guide->highlighted());
        QVERIFY(!guide->highlightFrame()->isVisible());
    }

    // Something else than the next step: explained, and the way on offered.
    void interruptedAcceptThenStartAgain()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        QVERIFY(w.startGuided(GuidedGoal::Kind::Handshake));
        GuidedPanel *guide = w.guidedPanel();
        CallPanel *server = w.callPanel(Side::Server);
        for (const char *call : {"socket", "bind", "listen", "accept"})
            click(server, call);
        QTRY_COMPARE_WITH_TIMEOUT(guide->highlighted(), w.callPanel(Side::Client)->button(u"socket"_s), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(server->interruptButton()->isVisible(), kWaitMs);
        QTest::mouseClick(server->interruptButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(guide->continueButton()->isVisible(), kWaitMs);
        QVERIFY2(guide->deviationText().contains(u"accept() was interrupted: it returns -1 EINTR"_s),
                 qPrintable(guide->deviationText()));
        QCOMPARE(guide->continueButton()->text(), u"Continue"_s);
        // The step caption under the diagram says so too.
        QTRY_VERIFY2_WITH_TIMEOUT(w.captionText().contains(u"accept() was interrupted: it returns -1 EINTR"_s),
                                  qPrintable(w.captionText()), kWaitMs);
        // The way on: accept() again, framed.
        QCOMPARE(guide->highlighted(), server->button(u"accept"_s));
        QTest::mouseClick(guide->continueButton(), Qt::LeftButton);
        QVERIFY(!guide->continueButton()->isVisible());
        QVERIFY(!guide->goal()->deviation());

        // Starting again is a fresh lab: by-hand work is unsaved, so the window asks first.
        m_answerer->reset();
        m_answerer->setAnswer(QMessageBox::Cancel);
        const qsizetype before = w.trace()->size();
        QTest::mouseClick(guide->startOverButton(), Qt::LeftButton);
        QCOMPARE(m_answerer->asked(), 1);
        QCOMPARE(w.trace()->size(), before); // kept
        QVERIFY(guide->isOn());
        m_answerer->setAnswer(QMessageBox::Discard);
        QTest::mouseClick(guide->startOverButton(), Qt::LeftButton);
        QCOMPARE(m_answerer->asked(), 2);
        QCOMPARE(w.trace()->size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(guide->goal()->nextStep(), 0, kWaitMs);
        QCOMPARE(guide->highlighted(), server->button(u"socket"_s));
    }

    // The frame reads on either theme: orange, darker on the light theme, lighter on the dark one.
    void frameInBothThemes()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        QVERIFY(w.startGuided(GuidedGoal::Kind::Refused));
        GuidedPanel *guide = w.guidedPanel();
        QCOMPARE(guide->highlighted(), w.callPanel(Side::Client)->button(u"socket"_s));
        QAction *dark = w.action(u"dark"_s);
        for (const bool on : {false, true}) {
            dark->setChecked(on);
            QWidget *frame = guide->highlightFrame();
            QTRY_VERIFY(frame->isVisible());
            const QImage image = frame->grab().toImage();
            const QColor edge = image.pixelColor(1, image.height() / 2);
            QCOMPARE(edge, on ? QColor(0xff, 0xb7, 0x4d) : QColor(0xc4, 0x3e, 0x00));
        }
        dark->setChecked(false);
        // In lecture mode the panels are gone: the strip's button (H) is framed, the checklist stays.
        w.setLectureMode(true);
        QVERIFY(guideDock(w)->isVisible());
        w.findChild<QAction *>(u"controlStrip"_s)->setChecked(true);
        const QWidget *stripSocket = w.findChild<ControlStrip *>()->callButton(true, 'S');
        QTRY_VERIFY(guide->stripHighlightFrame()->isVisible());
        QTRY_COMPARE(guide->stripHighlightFrame()->geometry(), stripSocket->geometry());
        QCOMPARE(guide->stripHighlightFrame()->parentWidget(), stripSocket->parentWidget());
        w.setLectureMode(false);
        // Qt's flavour has no goals: the guide steps aside.
        w.action(u"flavourQt"_s)->trigger();
        QVERIFY(!guide->isOn());
        QVERIFY(!guideDock(w)->isVisible());
    }

    // As the window goes, its lab panels go before the guide: it lets go of them as they go (its
    // filter on the lecture strip, its frames drawn in their widgets, its connections), so none of
    // their last events (the strip hides as its dock goes) reaches it and nothing of it is left there.
    // (AddressSanitizer's tree tells the rest: no use after free at any window's teardown.)
    void letsGoOfThePanelsAsTheyGo()
    {
        auto w = std::make_unique<MainWindow>();
        w->show();
        REQUIRE_LAB(*w);
        QVERIFY(w->startGuided(GuidedGoal::Kind::Handshake));
        GuidedPanel *guide = w->guidedPanel();
        QVERIFY(guide->highlighted());
        w->setLectureMode(true);
        w->findChild<QAction *>(u"controlStrip"_s)->setChecked(true);
        auto *strip = w->findChild<ControlStrip *>();
        QTRY_VERIFY(guide->stripHighlightFrame()->isVisible());
        QVERIFY(guide->stripHighlightFrame()->parentWidget() != guide); // drawn in the strip

        auto *panels = w->findChild<LabPanels *>();
        QVERIFY(panels && strip);
        bool framesHome = false, nothingFramed = false;
        QObject::connect(panels, &QObject::destroyed, guide, [&] {
            framesHome = guide->highlightFrame()->parentWidget() == guide
                && guide->stripHighlightFrame()->parentWidget() == guide;
            nothingFramed = !guide->highlighted() && !guide->highlightFrame()->isVisible()
                && !guide->stripHighlightFrame()->isVisible();
        });
        w.reset();
        QVERIFY(framesHome);
        QVERIFY(nothingFramed);
    }
};

SYNSCOPE_TEST_MAIN(TestGuided)
#include "tst_guided.moc"
