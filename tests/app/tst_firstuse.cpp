// SPDX-License-Identifier: GPL-3.0-or-later
// The window as a first-year student meets it, driven with keys and clicks: the start page runs
// the scenario selected there with Space, Return or Run (never the by-hand lab by mistake); a
// segment held on the wire is said in the caption, highlighted in the wire list and pulsing in the
// diagram, and Space with nothing to do says so; the menus hold every command in a reading order;
// the dark theme greys out what is off. Scenarios play from their bundled recordings where no lab
// runs; the by-hand parts need the lab.

#include "diagram/diagramrenderer.h"
#include "diagram/diagramview.h"
#include "lab/lab.h"
#include "lab/labtest.h"
#include "lab/wire.h"
#include "mainwindow.h"
#include "messageboxanswerer.h"
#include "panels/callpanel.h"
#include "panels/wiremodel.h"
#include "panels/wirepanel.h"
#include "run/session.h"
#include "startpage.h"
#include "testmain.h"
#include "theme.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"
#include "windowtest.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTreeView>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

const QString kHeldLive = u"held on the wire: press Space or Deliver"_s;
const QString kHeldPlayback = u"held on the wire: press Space to go on"_s;

// The row of the wire list that waits to be delivered next; -1 when none does.
int waitingRow(const WireModel *model)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->data(model->index(row, 0), WireModel::WaitingRole).toBool()) return row;
    }
    return -1;
}

QStringList titles(const QList<QAction *> &actions)
{
    QStringList out;
    for (const QAction *a : actions) {
        if (!a->isSeparator() && !a->menu()) out << a->objectName();
    }
    return out;
}

QMenu *menu(MainWindow &w, const QString &title)
{
    for (QAction *a : w.menuBar()->actions()) {
        if (a->menu() && QString(a->text()).remove(u'&') == title) return a->menu();
    }
    return nullptr;
}
} // namespace

class TestFirstUse : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_config;
    std::unique_ptr<MessageBoxAnswerer> m_answerer;

private slots:
    void initTestCase()
    {
        USE_PRIVATE_SETTINGS(m_config);
        m_answerer = std::make_unique<MessageBoxAnswerer>(QMessageBox::Cancel);
    }
    void init() { m_answerer->reset(); }

    // The page opens with the first scenario selected and the keyboard on the list; the arrow keys
    // pass the headings; Space, Return, the Run button, and a single click then Space each run the
    // selected scenario — not the by-hand lab.
    void startPageRunsTheSelectedScenario_data()
    {
        QTest::addColumn<QString>("how");
        for (const char *how : {"Space", "Return", "Run", "click and Space"})
            QTest::newRow(how) << QString::fromLatin1(how);
    }
    void startPageRunsTheSelectedScenario()
    {
        QFETCH(QString, how);
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.isStartPageShown());
        StartPage *page = w.startPage();
        QListWidget *list = page->scenarioList();
        QCOMPARE(page->selectedScenario(), u"handshake"_s);
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(), list, kWaitMs);
        QVERIFY(page->runButton()->isEnabled());
        // Grouped: the first row is the heading "Connect", which cannot be selected.
        QCOMPARE(list->item(0)->text(), u"Connect"_s);
        QVERIFY(!(list->item(0)->flags() & Qt::ItemIsSelectable));
        QVERIFY(list->findItems(u"Close"_s, Qt::MatchExactly).size() == 1);
        QVERIFY(list->findItems(u"Loss and recovery"_s, Qt::MatchExactly).size() == 1);

        QString expected;
        if (how == u"click and Space") {
            // A single click selects (it does not run), then Space runs what it selected.
            const QList<QListWidgetItem *> refused = list->findItems(u"Connection refused"_s, Qt::MatchExactly);
            QCOMPARE(refused.size(), 1);
            list->scrollToItem(refused.first());
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(refused.first()).center());
            QCOMPARE(page->selectedScenario(), u"refused"_s);
            QVERIFY(w.isStartPageShown());
            expected = u"refused"_s;
            QTest::keyClick(list, Qt::Key_Space);
        } else {
            // Down from the last "Connect" scenario skips the heading "Close".
            const int connectCount = list->row(list->findItems(u"Close"_s, Qt::MatchExactly).first()) - 1;
            for (int i = 1; i < connectCount; ++i)
                QTest::keyClick(list, Qt::Key_Down);
            QTest::keyClick(list, Qt::Key_Down);
            QCOMPARE(page->selectedScenario(), u"teardown"_s);
            expected = u"teardown"_s;
            if (how == u"Space")
                QTest::keyClick(list, Qt::Key_Space);
            else if (how == u"Return")
                QTest::keyClick(list, Qt::Key_Return);
            else
                QTest::mouseClick(page->runButton(), Qt::LeftButton);
        }
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->mode(), Session::Mode::Playback, kWaitMs);
        QVERIFY(!w.isStartPageShown());
        QCOMPARE(w.trace()->info().scenarioId, expected);
        QCOMPARE(w.session()->playbackStep(), 0); // it runs; it has not stepped yet
        // Back on the start page the keyboard is on the list again.
        w.action(u"startPage"_s)->trigger();
        QVERIFY(w.isStartPageShown());
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(), list, kWaitMs);
    }

    // A scenario step that ends with a segment on the wire says so, and the segment's row is the
    // highlighted one; the steps without one say nothing of the wire.
    void heldWireInAScenario()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY2(w.runScenario(u"lost-syn"_s), qPrintable(w.lastError()));
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->mode(), Session::Mode::Playback, kWaitMs);
        // The panels keep their widths whatever their status lines say from step to step.
        const auto widths = [&w] {
            QApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QList<int> out;
            for (const char *name : {"clientDock", "wireDock", "serverDock"}) {
                const auto *dock = w.findChild<QDockWidget *>(QString::fromLatin1(name));
                out << (dock ? dock->width() : -1);
            }
            return out;
        };
        const QList<int> startWidths = widths();
        int holding = 0;
        for (int step = 1; step <= w.session()->stepCount(); ++step) {
            QTest::keyClick(&w, Qt::Key_Space);
            QCOMPARE(w.session()->playbackStep(), step);
            QCOMPARE(widths(), startWidths);
            WirePanel *wire = w.wirePanel();
            int rows = 0;
            for (Direction d : {Direction::ClientToServer, Direction::ServerToClient}) {
                wire->model(d)->syncNow();
                rows += wire->model(d)->rowCount();
            }
            const bool held = rows > 0;
            QCOMPARE(wire->waitingSend() >= 0, held);
            QVERIFY2(w.captionText().contains(kHeldPlayback) == held, qPrintable(w.captionText()));
            if (!held) continue;
            ++holding;
            // The waiting row is the oldest segment of either direction, highlighted.
            const WireModel *model = wire->model(directionFrom(w.trace()->at(wire->waitingSend()).side));
            const int row = waitingRow(model);
            QCOMPARE(row, 0);
            QCOMPARE(model->data(model->index(row, 0), WireModel::SendIndexRole).value<qsizetype>(),
                     wire->waitingSend());
            QVERIFY(model->data(model->index(row, 0), Qt::BackgroundRole).isValid());
            QCOMPARE(w.diagramView()->pulseSend(), wire->waitingSend());
        }
        QVERIFY2(holding > 0, "lost-syn holds its SYN on the wire at some step");
        // At its end Space says there is no step left instead of doing nothing.
        QTest::keyClick(&w, Qt::Key_Space);
        QVERIFY2(!w.statusBar()->currentMessage().isEmpty(), "Space at the end says why nothing moved");
    }

    // By hand: after connect() the SYN waits on the wire; the caption says so, its row is
    // highlighted and its arrow pulses; once everything is delivered all of that goes, and Space
    // says that there is nothing to step.
    void heldWireByHand()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        w.action(u"flavourBsd"_s)->trigger();
        w.action(u"byHand"_s)->trigger();
        QVERIFY(!w.isStartPageShown());
        CallPanel *server = w.callPanel(Side::Server);
        CallPanel *client = w.callPanel(Side::Client);
        click(server, "socket");
        click(server, "SO_REUSEADDR");
        click(server, "bind");
        click(server, "listen");
        QVERIFY(!w.captionText().contains(kHeldLive));
        QCOMPARE(w.wirePanel()->waitingSend(), -1);
        click(client, "socket");
        click(client, "connect");

        WireModel *c2s = w.wirePanel()->model(Direction::ClientToServer);
        QTRY_VERIFY_WITH_TIMEOUT(c2s->rowCount() == 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(w.captionText().contains(kHeldLive), kWaitMs);
        QCOMPARE(waitingRow(c2s), 0);
        const qsizetype syn = c2s->data(c2s->index(0, 0), WireModel::SendIndexRole).value<qsizetype>();
        QCOMPARE(w.trace()->at(syn).flags & 0x17, TcpFlag::Syn);
        QCOMPARE(w.wirePanel()->waitingSend(), syn);
        QVERIFY(c2s->data(c2s->index(0, 0), Qt::BackgroundRole).isValid());
        QCOMPARE(w.diagramView()->pulseSend(), syn);

        // Space delivers what waits, one segment a press, until the handshake's three are through.
        const auto sendCount = [&] {
            int n = 0;
            for (qsizetype i = 0; i < w.trace()->size(); ++i)
                n += w.trace()->at(i).kind == EventKind::Send;
            return n;
        };
        const auto done = [&] {
            return sendCount() >= 3 && w.lab()->wire()->inFlightCount() == 0 && w.wirePanel()->waitingSend() < 0;
        };
        for (int presses = 0; !done(); ++presses) {
            QVERIFY(presses < 10);
            QTRY_VERIFY_WITH_TIMEOUT(w.wirePanel()->waitingSend() >= 0 || done(), kWaitMs);
            if (done()) break;
            const qsizetype before = w.wirePanel()->waitingSend();
            QTest::keyClick(&w, Qt::Key_Space);
            QTRY_VERIFY_WITH_TIMEOUT(w.wirePanel()->waitingSend() != before, kWaitMs);
        }
        QTRY_COMPARE_WITH_TIMEOUT(w.lab()->wire()->inFlightCount(), 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(w.wirePanel()->waitingSend(), -1, kWaitMs);
        QCOMPARE(w.diagramView()->pulseSend(), -1);
        QVERIFY2(!w.captionText().contains(kHeldLive), qPrintable(w.captionText()));
        w.statusBar()->clearMessage();
        QTest::keyClick(&w, Qt::Key_Space);
        QVERIFY2(w.statusBar()->currentMessage().startsWith(u"Nothing to step: "_s),
                 qPrintable(w.statusBar()->currentMessage()));
    }

    // Every command in a menu, in reading order; the flavour (which restarts a used lab) only in
    // the Lab menu, away from the view's toggles on the tool bar; one text size for the window.
    void menusAndToolBar()
    {
        MainWindow w;
        w.show();
        QMenu *go = menu(w, u"Go"_s);
        QVERIFY(go);
        QCOMPARE(titles(go->actions()).mid(0, 4), QStringList({u"first"_s, u"back"_s, u"next"_s, u"last"_s}));
        QMenu *help = menu(w, u"Help"_s);
        QVERIFY(help);
        QCOMPARE(titles(help->actions()), QStringList({u"legend"_s, u"keys"_s, u"about"_s}));
        QCOMPARE(w.action(u"legend"_s)->shortcut(), QKeySequence(Qt::Key_F1));
        QMenu *lab = menu(w, u"Lab"_s);
        QVERIFY(lab);
        const QStringList labItems = titles(lab->actions());
        QVERIFY(labItems.contains(u"byHand"_s));
        QVERIFY(labItems.contains(u"flavourBsd"_s) && labItems.contains(u"flavourQt"_s));
        auto *bar = w.findChild<QToolBar *>(u"transport"_s);
        QVERIFY(bar);
        QVERIFY(!bar->actions().contains(w.action(u"flavourBsd"_s)));
        QVERIFY(!bar->actions().contains(w.action(u"flavourQt"_s)));
        QVERIFY(bar->actions().contains(w.action(u"numbers"_s + numberStyleName(NumberStyle::Absolute))));
        // The tool bar's labels show no mnemonic ampersands.
        for (QAction *a : bar->actions()) {
            if (QWidget *button = bar->widgetForAction(a))
                QVERIFY2(!button->property("text").toString().contains(u'&'), qPrintable(a->text()));
        }
        QMenu *view = menu(w, u"View"_s);
        QVERIFY(view);
        QStringList submenus;
        for (QAction *a : view->actions()) {
            if (a->menu()) submenus << QString(a->text()).remove(u'&');
        }
        QVERIFY2(submenus.contains(u"Animation Speed"_s), qPrintable(submenus.join(u", "_s)));
        QVERIFY(!w.action(u"zoomIn"_s) && !w.action(u"zoomOut"_s)); // one text size, not two
        QCOMPARE(w.action(u"fontLarger"_s)->shortcut(), QKeySequence(QKeySequence::ZoomIn));

        // Larger Text makes the diagram's text and the panels' text larger together.
        QDockWidget *wireDock = w.findChild<QDockWidget *>(u"wireDock"_s);
        QVERIFY(wireDock);
        const qreal panelBefore = wireDock->font().pointSizeF();
        const qreal diagramBefore = w.diagramView()->options().fontPointSize;
        w.action(u"fontLarger"_s)->trigger();
        QVERIFY(wireDock->font().pointSizeF() > panelBefore);
        QVERIFY(w.diagramView()->options().fontPointSize > diagramBefore);
        w.action(u"fontSmaller"_s)->trigger();
        QCOMPARE(wireDock->font().pointSizeF(), panelBefore);
        QCOMPARE(w.diagramView()->options().fontPointSize, diagramBefore);
    }

    // Each wire list has room for six segments without scrolling.
    void wireListsShowSixRows()
    {
        MainWindow w;
        w.show();
        for (Direction d : {Direction::ClientToServer, Direction::ServerToClient}) {
            QTreeView *view = w.wirePanel()->view(d);
            QVERIFY(view->minimumHeight() >= WirePanel::kMinRows * view->fontMetrics().height());
        }
    }

    // In the dark theme a control that is off looks off: its field is not the enabled fields'
    // dark, its text is dimmer.
    void darkThemeGreysOutDisabled()
    {
        Theme::apply(DiagramTheme::Dark);
        const QPalette p = QApplication::palette();
        QVERIFY(p.color(QPalette::Disabled, QPalette::Base) != p.color(QPalette::Active, QPalette::Base));
        QVERIFY(p.color(QPalette::Disabled, QPalette::Text).lightness()
                < p.color(QPalette::Active, QPalette::Text).lightness() - 60);
        QVERIFY(p.color(QPalette::Disabled, QPalette::ButtonText).lightness()
                < p.color(QPalette::Active, QPalette::ButtonText).lightness() - 60);
        Theme::apply(DiagramTheme::Light);
    }

    // Error text in the window (a failed call, a refused export, a lab that stopped) is the
    // diagram's error colour for the theme, readable on the window and field colours: WCAG
    // contrast of at least 4.5:1 in both themes.
    void errorTextReadableInBothThemes()
    {
        const auto luminance = [](const QColor &c) {
            const auto lin = [](qreal v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
        };
        for (DiagramTheme theme : {DiagramTheme::Dark, DiagramTheme::Light}) {
            Theme::apply(theme);
            const QColor error = DiagramRenderer::errorColorForApplication();
            QCOMPARE(error, DiagramRenderer::palette(theme).error);
            const QPalette p = QApplication::palette();
            for (QPalette::ColorRole role : {QPalette::Window, QPalette::Base}) {
                const qreal la = luminance(error), lb = luminance(p.color(role));
                const qreal contrast = (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
                QVERIFY2(contrast >= 4.5,
                         qPrintable(QStringLiteral("theme %1, role %2: contrast %3 of %4 on %5")
                                        .arg(int(theme))
                                        .arg(int(role))
                                        .arg(contrast)
                                        .arg(error.name(), p.color(role).name())));
            }
        }
        Theme::apply(DiagramTheme::Light);
    }
};

SYNSCOPE_TEST_MAIN(TestFirstUse)
#include "tst_firstuse.moc"
