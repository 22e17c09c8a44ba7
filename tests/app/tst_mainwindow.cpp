// SPDX-License-Identifier: GPL-3.0-or-later
// The window driven as a lecturer drives it, with QTest on real kernels (the lab skips where it
// cannot run, and must run in CI): make the calls with the panels' buttons, deliver each segment by
// identity, accept; Space steps with the focus on a button; a refused call shows its errno; a
// scenario steps in lecture mode with key presses; without a lab the window opens and says why.

#include "diagram/diagramrenderer.h"
#include "diagram/diagramview.h"
#include "io/pcapexport.h"
#include "io/textflow.h"
#include "lab/bsdhost.h"
#include "lab/kernelprobe.h"
#include "lab/lab.h"
#include "lab/labtest.h"
#include "lab/wire.h"
#include "legend.h"
#include "mainwindow.h"
#include "messageboxanswerer.h"
#include "panels/callpanel.h"
#include "panels/wiremodel.h"
#include "panels/wirepanel.h"
#include "run/scenariorunner.h"
#include "run/session.h"
#include "scenario/builtinscenarios.h"
#include "settings.h"
#include "support/generatedtrace.h"
#include "testmain.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"
#include "trace/tracejson.h"
#include "windowtest.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Records a scenario in the window and waits until it plays back.
#define RECORD_IN_WINDOW(window, id)                                                                                   \
    do {                                                                                                               \
        QVERIFY((window).runScenario(id));                                                                             \
        QTRY_COMPARE_WITH_TIMEOUT((window).session()->mode(), Session::Mode::Playback, kWaitMs);                       \
    } while (0)

// The id of the held segment going `dir` whose SYN/ACK/FIN/RST flags are `flags`, as the wire
// panel lists it; 0 if none.
quint64 heldId(MainWindow &w, Direction dir, quint8 flags)
{
    WireModel *model = w.wirePanel()->model(dir);
    model->syncNow();
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto send = model->data(model->index(row, 0), WireModel::SendIndexRole).value<qsizetype>();
        if ((w.trace()->at(send).flags & 0x17) == flags) return model->idAt(row);
    }
    return 0;
}

std::vector<qsizetype> sends(const Trace &trace)
{
    std::vector<qsizetype> out;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        if (trace.at(i).kind == EventKind::Send) out.push_back(i);
    }
    return out;
}

// A second lab whose only job is to prove that a real retransmission timeout passed: a SYN held on
// its wire is resent by its kernel when the RTO fires. A wait on it is a wait on a kernel timer,
// not a guess of how long one lasts (kernels differ).
class RtoWitness {
public:
    RtoWitness()
        : m_lab(&m_trace)
    { }
    void waitForOneRto()
    {
        // A fresh lab each time: a first SYN's RTO, however the kernel backs off later ones.
        QVERIFY2(m_lab.start(), qPrintable(m_lab.error().message()));
        BsdHost *host = m_lab.bsd(Side::Client);
        const auto socket = host->socket();
        QVERIFY(socket >= 0);
        const std::optional<CallResult> fd = host->result(socket);
        QVERIFY(fd && fd->value >= 0);
        QVERIFY(host->connect(int(fd->value), Lab::address(4, Side::Server), 9) >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(sends(m_trace).size() >= 2, kWaitMs);
    }

private:
    Trace m_trace;
    Lab m_lab;
};

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_config;
    // Leaving by-hand work unsaved asks Save / Discard / Cancel; here the work is not kept
    // (tst_unsavedwork tests the question itself).
    std::unique_ptr<MessageBoxAnswerer> m_discard;

private slots:
    void initTestCase()
    {
        // Settings of the test runs stay apart from the user's.
        USE_PRIVATE_SETTINGS(m_config);
        m_discard = std::make_unique<MessageBoxAnswerer>(QMessageBox::Discard);
    }

    void handshakeByHand()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        QVERIFY(w.isStartPageShown());
        CallPanel *server = w.callPanel(Side::Server);
        CallPanel *client = w.callPanel(Side::Client);

        click(server, "socket");
        QVERIFY(!w.isStartPageShown());
        click(server, "SO_REUSEADDR");
        click(server, "bind");
        click(server, "listen");
        QVERIFY2(server->resultText().contains(QStringLiteral("listen("))
                     && server->resultText().contains(QStringLiteral("= 0")),
                 qPrintable(server->resultText()));
        click(client, "socket");
        click(client, "connect");
        QVERIFY(client->resultText().contains(QStringLiteral("blocks")));
        // While connect() is blocked the client program can make no other call.
        QVERIFY(!client->button(QStringLiteral("write"))->isEnabled());

        // 1: the SYN, delivered by its identity.
        QTRY_VERIFY_WITH_TIMEOUT(heldId(w, Direction::ClientToServer, TcpFlag::Syn) != 0, kWaitMs);
        QVERIFY(w.wirePanel()->act(Wire::Action::Deliver, heldId(w, Direction::ClientToServer, TcpFlag::Syn)));
        // 2: the SYN+ACK — with Space, the keyboard focus on a button of the server panel.
        QTRY_VERIFY_WITH_TIMEOUT(heldId(w, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack) != 0, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(w.diagramView()->isAtLiveEnd(), kWaitMs);
        QPushButton *focused = server->button(QStringLiteral("close"));
        focused->setFocus(Qt::OtherFocusReason);
        QVERIFY(focused->hasFocus());
        const qsizetype callsBefore = qsizetype(w.trace()->callRecords().size());
        // Space at the live end delivers the oldest segment held; the SYN+ACK is the only one.
        QCOMPARE(w.lab()->wire()->inFlightCount(), 1);
        QTest::keyClick(focused, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(w.lab()->wire()->inFlight(Direction::ServerToClient).size(), size_t(0), kWaitMs);
        // The button did not press: no close() was called.
        for (qsizetype i = callsBefore; i < qsizetype(w.trace()->callRecords().size()); ++i)
            QVERIFY(w.trace()->callRecords()[size_t(i)].fn != u"close");
        QTRY_VERIFY_WITH_TIMEOUT(client->resultText().contains(QStringLiteral("connect("))
                                     && client->resultText().contains(QStringLiteral("= 0")),
                                 kWaitMs);
        // 3: the ACK, by identity.
        QTRY_VERIFY_WITH_TIMEOUT(heldId(w, Direction::ClientToServer, TcpFlag::Ack) != 0, kWaitMs);
        QVERIFY(w.wirePanel()->act(Wire::Action::Deliver, heldId(w, Direction::ClientToServer, TcpFlag::Ack)));
        // accept() now returns at once: the connection completed its handshake.
        QTRY_VERIFY_WITH_TIMEOUT(!server->wouldBlock(QStringLiteral("accept")), kWaitMs);
        click(server, "accept");
        QTRY_VERIFY_WITH_TIMEOUT(server->resultText().contains(QStringLiteral("accept(")), kWaitMs);
        QVERIFY(!server->resultText().contains(QStringLiteral("blocks")));

        // The trace: three segments, each answering the one before.
        const std::vector<qsizetype> s = sends(*w.trace());
        QCOMPARE(s.size(), size_t(3));
        const Trace &t = *w.trace();
        QCOMPARE(t.at(s[0]).flags & 0x17, TcpFlag::Syn);
        QCOMPARE(t.at(s[1]).flags & 0x17, TcpFlag::Syn | TcpFlag::Ack);
        QCOMPARE(t.at(s[1]).ack, t.at(s[0]).seq + 1);
        QCOMPARE(t.at(s[2]).flags & 0x17, TcpFlag::Ack);
        QCOMPARE(t.at(s[2]).ack, t.at(s[1]).seq + 1);

        // The diagram's rows show the three segments in their order.
        DiagramView *view = w.diagramView();
        QTRY_VERIFY_WITH_TIMEOUT(view->stepCount() > 3, kWaitMs);
        std::vector<qsizetype> shown;
        for (int step = 0; step < view->stepCount(); ++step) {
            const qsizetype e = view->renderer()->eventOfStep(step);
            if (e >= 0 && t.at(e).isSegment() && (shown.empty() || t.sendIndexOf(e) != shown.back()))
                shown.push_back(t.sendIndexOf(e));
        }
        std::vector<qsizetype> distinct;
        for (qsizetype x : shown) {
            if (std::find(distinct.begin(), distinct.end(), x) == distinct.end()) distinct.push_back(x);
        }
        QCOMPARE(distinct, s);

        // Stepping back moves only the view; Next walks forward again before it acts.
        const qsizetype size = t.size();
        QTest::keyClick(&w, Qt::Key_Left);
        QVERIFY(!view->isAtLiveEnd());
        QVERIFY(!w.captionText().isEmpty());
        QTest::keyClick(&w, Qt::Key_Right);
        QVERIFY(view->isAtLiveEnd());
        QCOMPARE(t.size(), size);

        // What was done by hand, saved as a scenario, replays on fresh kernels to the same segments.
        QTemporaryDir scenarioDir;
        const QString scenarioPath = scenarioDir.filePath(QStringLiteral("byhand.json"));
        QVERIFY2(w.saveScenario(scenarioPath), qPrintable(w.lastError()));
        QList<quint8> flagsByHand;
        for (qsizetype i : s)
            flagsByHand << (t.at(i).flags & 0x17);
        {
            MainWindow replay;
            QVERIFY2(replay.runScenario(scenarioPath), qPrintable(replay.lastError()));
            replay.runner()->runAll();
            QTRY_VERIFY_WITH_TIMEOUT(replay.runner()->isFinished(), kWaitMs);
            QVERIFY2(replay.runner()->failures().isEmpty(), qPrintable(replay.runner()->failures().join(u'\n')));
            QList<quint8> replayed;
            for (qsizetype i : sends(*replay.trace()))
                replayed << (replay.trace()->at(i).flags & 0x17);
            QCOMPARE(replayed, flagsByHand);
        }

        // Save the trace and open it again: the same events.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("handshake.json"));
        QTRY_COMPARE_WITH_TIMEOUT(w.lab()->wire()->inFlightCount(), 0, kWaitMs);
        QVERIFY(w.saveTrace(path));
        const QByteArray saved = TraceJson::save(t);
        QVERIFY(w.openFile(path));
        QCOMPARE(TraceJson::save(*w.trace()), saved);
        QVERIFY(!w.lab()->isReady());
        QVERIFY(!client->button(QStringLiteral("socket"))->isEnabled());
    }

    void refusedCallShowsErrno()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        CallPanel *server = w.callPanel(Side::Server);
        click(server, "socket");
        click(server, "bind");
        click(server, "listen");
        click(server, "socket"); // a second socket, now the selected one
        click(server, "bind"); // the same port: the kernel refuses
        QVERIFY2(server->resultText().contains(QStringLiteral("EADDRINUSE")), qPrintable(server->resultText()));
        QVERIFY(server->resultText().contains(QStringLiteral("= -1")));
        // connect() to a port nobody listens on: RST, ECONNREFUSED.
        CallPanel *client = w.callPanel(Side::Client);
        client->portBox()->setValue(9);
        click(client, "socket");
        click(client, "connect");
        QTRY_VERIFY_WITH_TIMEOUT(heldId(w, Direction::ClientToServer, TcpFlag::Syn) != 0, kWaitMs);
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(heldId(w, Direction::ServerToClient, TcpFlag::Rst | TcpFlag::Ack) != 0, kWaitMs);
        w.next();
        QTRY_VERIFY_WITH_TIMEOUT(client->resultText().contains(QStringLiteral("ECONNREFUSED")), kWaitMs);
    }

    void lectureModeStepsAScenario()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        QVERIFY(w.runScenario(QStringLiteral("handshake")));
        w.setLectureMode(true);
        // Shortcuts work in the active window (offscreen too).
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.isLectureMode());
        QVERIFY(!w.isStartPageShown());
        QVERIFY(w.isFullScreen());
        QVERIFY(!w.callPanel(Side::Client)->isVisible());
        // Recorded first, at machine speed; then nothing is shown until the first key press.
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->mode(), Session::Mode::Playback, kWaitMs);
        QVERIFY(w.diagramView()->isShowingNothing());
        QVERIFY2(w.captionText().contains(QStringLiteral("Press Space")), qPrintable(w.captionText()));
        // Each key press of a clicker: one step of the recording, with its caption.
        const int steps = w.session()->stepCount();
        QCOMPARE(steps, 6);
        for (int i = 0; i < steps; ++i) {
            QTest::keyClick(&w, (i % 2) ? Qt::Key_PageDown : Qt::Key_Space);
            QCOMPARE(w.session()->playbackStep(), i + 1);
            const QString caption = w.trace()->steps()[size_t(i)].caption;
            QVERIFY2(w.captionText().contains(caption), qPrintable(w.captionText()));
        }
        // Past the last step nothing more happens.
        QTest::keyClick(&w, Qt::Key_Space);
        QCOMPARE(w.session()->playbackStep(), steps);
        QCOMPARE(sends(*w.trace()).size(), size_t(3));
        // Back, Home and End move through the recording.
        QTest::keyClick(&w, Qt::Key_PageUp);
        QCOMPARE(w.session()->playbackStep(), steps - 1);
        QTest::keyClick(&w, Qt::Key_Home);
        QCOMPARE(w.session()->playbackStep(), 0);
        QVERIFY(w.diagramView()->isShowingNothing());
        QTest::keyClick(&w, Qt::Key_End);
        QCOMPARE(w.session()->playbackStep(), steps);
        // B blanks the screen and brings it back; Esc leaves lecture mode.
        QTest::keyClick(&w, Qt::Key_B);
        QVERIFY(w.isBlanked());
        QTest::keyClick(&w, Qt::Key_B);
        QVERIFY(!w.isBlanked());
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(!w.isLectureMode());
        QVERIFY(!w.isFullScreen());
    }

    // On a projector of 1024×768 or 1280×720, lecture mode shows both lifelines and every call's
    // text whole at every step: the text is made smaller rather than cut (the long Qt calls, the
    // data a read returns).
    void lectureModeFitsTheProjector_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("screen");
        for (const char *id : {"handshake", "qt-handshake-close", "data-and-acks"}) {
            for (const char *screen : {"screen-1024x768", "screen-1280x720"})
                QTest::newRow(
                    qPrintable(QStringLiteral("%1 on %2").arg(QLatin1StringView(id), QLatin1StringView(screen))))
                    << QString::fromLatin1(id) << QString::fromLatin1(screen);
        }
    }
    void lectureModeFitsTheProjector()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, screen);
        QScreen *projector = nullptr;
        for (QScreen *s : QGuiApplication::screens()) {
            if (s->name() == screen) projector = s;
        }
        QVERIFY2(projector, "the test's offscreen screens are missing");
        Settings().setLectureScreen(screen);
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        RECORD_IN_WINDOW(w, scenario);
        w.setLectureMode(true);
        QTRY_COMPARE(w.screen(), projector);
        QTRY_COMPARE(w.size(), projector->geometry().size());
        QVERIFY(QTest::qWaitForWindowActive(&w));
        DiagramView *view = w.diagramView();
        const DiagramRenderer *renderer = view->renderer();
        QVERIFY(renderer);
        const int steps = w.session()->stepCount();
        for (int k = 1; k <= steps; ++k) {
            QTest::keyClick(&w, Qt::Key_Space);
            QCOMPARE(w.session()->playbackStep(), k);
            // The whole width: no sideways scrolling, so both lifelines are on the screen.
            QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
            QVERIFY(renderer->size().width() * view->zoom() <= view->viewport()->width() + 0.5);
            // Every text the view draws, whole inside it (a text above or below the part shown is
            // scrolled, not cut: only those crossing the sides count).
            std::vector<DiagramRenderer::Drawn> drawn;
            renderer->setInspector(&drawn);
            view->viewport()->repaint();
            renderer->setInspector(nullptr);
            QVERIFY(!drawn.empty());
            const QRectF shown(view->viewport()->rect());
            for (const DiagramRenderer::Drawn &d : drawn) {
                const QRectF r = d.area.boundingRect();
                if (d.kind != DiagramRenderer::Drawn::Kind::Text || r.bottom() < 0 || r.top() > shown.height())
                    continue;
                QVERIFY2(r.left() >= -0.5 && r.right() <= shown.width() + 0.5,
                         qPrintable(QStringLiteral("step %1: \"%2\" at x %3 … %4, the view is %5 px wide")
                                        .arg(k)
                                        .arg(d.what)
                                        .arg(r.left())
                                        .arg(r.right())
                                        .arg(shown.width())));
            }
        }
        w.setLectureMode(false);
    }

    // A lecturer talks between clicks: at least one real retransmission timeout passes between two
    // presses, and the figure still holds exactly the scenario's segments, none resent.
    void lecturersPace_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QList<QStringList>>("segments"); // what the kernels may send (either)
        const QStringList handshake {u"SYN"_s, u"SYN, ACK"_s, u"ACK"_s};
        QTest::newRow("handshake") << QStringLiteral("handshake") << QList<QStringList> {handshake};
        QTest::newRow("teardown") << QStringLiteral("teardown")
                                  << QList<QStringList> {
                                         handshake + QStringList {u"FIN, ACK"_s, u"ACK"_s, u"FIN, ACK"_s, u"ACK"_s}};
        // QTcpSocket closes by itself as soon as it reads EOF; the scenario's server ACKs at once,
        // so its ACK of the FIN leaves before Qt's FIN: four segments, as in the textbook.
        QTest::newRow("Qt flavour") << QStringLiteral("qt-handshake-close")
                                    << QList<QStringList> {
                                           handshake + QStringList {u"FIN, ACK"_s, u"ACK"_s, u"FIN, ACK"_s, u"ACK"_s},
                                       };
    }
    void lecturersPace()
    {
        QFETCH(QString, scenario);
        QFETCH(QList<QStringList>, segments);
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        RtoWitness witness;
        RECORD_IN_WINDOW(w, scenario);
        const QByteArray recorded = TraceJson::save(*w.session()->recording());
        // The window's flavour is the recording's.
        QCOMPARE(w.callPanel(Side::Client)->flavour(), scenario.startsWith(u"qt-") ? Flavour::Qt : Flavour::Bsd);
        const int steps = w.session()->stepCount();
        for (int i = 0; i < steps; ++i) {
            // A kernel's retransmission timer fires in the witness lab: a real RTO has passed.
            witness.waitForOneRto();
            QTest::keyClick(&w, Qt::Key_Space);
            QCOMPARE(w.session()->playbackStep(), i + 1);
        }
        witness.waitForOneRto();
        QStringList shown;
        for (qsizetype i : sends(*w.trace())) {
            QVERIFY(!(w.trace()->at(i).marks & EventMark::Retransmission));
            shown << tcpFlagsText(w.trace()->at(i).flags);
        }
        QVERIFY2(segments.contains(shown), qPrintable(shown.join(u" / ")));
        // Every row of the recording is shown, and it is the recording, unchanged.
        QVERIFY(w.diagramView()->currentStep() == w.diagramView()->stepCount() - 1);
        QCOMPARE(TraceJson::save(*w.trace()), recorded);
    }

    // The view at step k is the same whichever way it was reached.
    void backAndForthExact()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        RECORD_IN_WINDOW(w, QStringLiteral("teardown"));
        const int steps = w.session()->stepCount();
        const auto picture = [&] {
            [&] { QTRY_VERIFY_WITH_TIMEOUT(!w.diagramView()->isAnimating(), kWaitMs); }();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            // What the view shows: its revealed rows, drawn by its own renderer at a fixed size (the
            // window around it may lay out its panels a pixel differently).
            const DiagramRenderer *r = w.diagramView()->renderer();
            QImage shown(r->size().toSize(), QImage::Format_ARGB32);
            shown.fill(Qt::white);
            QPainter painter(&shown);
            r->paint(&painter, {}, w.diagramView()->currentStep(), w.diagramView()->questionFromRow());
            painter.end();
            return std::make_tuple(w.diagramView()->currentStep(), w.captionText(), shown);
        };
        std::vector<std::tuple<int, QString, QImage>> forward;
        for (int k = 1; k <= steps; ++k) {
            w.next();
            forward.push_back(picture());
        }
        for (int k = steps; k >= 1; --k) {
            w.session()->setPlaybackStep(k);
            const auto back = picture();
            QCOMPARE(std::get<0>(back), std::get<0>(forward[size_t(k - 1)]));
            QCOMPARE(std::get<1>(back), std::get<1>(forward[size_t(k - 1)]));
            QVERIFY2(std::get<2>(back) == std::get<2>(forward[size_t(k - 1)]),
                     qPrintable(QStringLiteral("step %1: %2×%3 forward, %4×%5 back")
                                    .arg(k)
                                    .arg(std::get<2>(forward[size_t(k - 1)]).width())
                                    .arg(std::get<2>(forward[size_t(k - 1)]).height())
                                    .arg(std::get<2>(back).width())
                                    .arg(std::get<2>(back).height())));
            w.back();
        }
        QTest::keyClick(&w, Qt::Key_End);
        QCOMPARE(w.session()->playbackStep(), steps);
        QCOMPARE(std::get<0>(picture()), std::get<0>(forward.back()));
    }

    // Take over at the step where connect() is called: the SYN is held on live kernels, and what
    // happens to it now is the lecturer's choice; T returns to the recording, unchanged.
    void takeOverAndBack()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        RECORD_IN_WINDOW(w, QStringLiteral("handshake"));
        const QByteArray recorded = TraceJson::save(*w.trace());
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(&w, Qt::Key_Space);
        QCOMPARE(w.session()->playbackStep(), 3);
        // The panels show the recording at step 3, read-only: the SYN on the wire, connect() blocked.
        QVERIFY(w.wirePanel()->isVisible());
        QVERIFY(w.wirePanel()->isAsOf());
        QVERIFY(heldId(w, Direction::ClientToServer, TcpFlag::Syn) != 0);
        QVERIFY(!w.wirePanel()->act(Wire::Action::Drop, heldId(w, Direction::ClientToServer, TcpFlag::Syn)));
        QVERIFY(w.callPanel(Side::Client)->isAsOf());
        QVERIFY2(w.callPanel(Side::Client)->statusText().contains(QStringLiteral("connect")),
                 qPrintable(w.callPanel(Side::Client)->statusText()));
        QVERIFY(!w.callPanel(Side::Client)->button(QStringLiteral("close"))->isEnabled());
        QTest::keyClick(&w, Qt::Key_T);
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->mode(), Session::Mode::Live, kWaitMs);
        QVERIFY2(w.session()->replayDifferences().isEmpty(), qPrintable(w.session()->replayDifferences().join(u'\n')));
        QVERIFY(w.lab()->isReady());
        QCOMPARE(int(w.trace()->steps().size()), 3);
        // The SYN waits on the wire, the client is in SYN_SENT, connect() is blocked.
        QTRY_VERIFY_WITH_TIMEOUT(heldId(w, Direction::ClientToServer, TcpFlag::Syn) != 0, kWaitMs);
        QVERIFY(w.lab()->bsd(Side::Client)->isBlocked());
        QVERIFY(w.lab()->bsd(Side::Client)->blockedIn().contains(QStringLiteral("connect")));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                w.lab()->probe()->pollNow();
                for (const KernelSocket &s : w.lab()->probe()->sockets(Side::Client)) {
                    if (s.state == TcpState::SynSent) return true;
                }
                return false;
            }(),
            kWaitMs);
        QVERIFY(w.callPanel(Side::Client)->isVisible());
        // Drop the SYN: the client's kernel really sends it again.
        QVERIFY(w.wirePanel()->act(Wire::Action::Drop, heldId(w, Direction::ClientToServer, TcpFlag::Syn)));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (qsizetype i : sends(*w.trace())) {
                    if ((w.trace()->at(i).flags & TcpFlag::Syn) && (w.trace()->at(i).marks & EventMark::Retransmission))
                        return true;
                }
                return false;
            }(),
            kWaitMs);
        // T again: the recording, as it was, at the same step.
        QTest::keyClick(&w, Qt::Key_T);
        QCOMPARE(w.session()->mode(), Session::Mode::Playback);
        QCOMPARE(w.session()->playbackStep(), 3);
        QVERIFY(!w.lab()->isReady());
        QCOMPARE(TraceJson::save(*w.trace()), recorded);
    }

    // Predict mode: a step that sends segments first shows them unlabelled, and asks.
    void predictMode()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        RECORD_IN_WINDOW(w, QStringLiteral("handshake"));
        QTest::keyClick(&w, Qt::Key_P);
        QVERIFY(w.action(QStringLiteral("predict"))->isChecked());
        // Steps 1 and 2 send nothing: nothing to predict.
        QTest::keyClick(&w, Qt::Key_Space);
        QTest::keyClick(&w, Qt::Key_Space);
        QCOMPARE(w.session()->playbackStep(), 2);
        QCOMPARE(w.diagramView()->questionFromRow(), -1);
        // Step 3 sends SYN J: first the question, then the answer, on the same step.
        QTest::keyClick(&w, Qt::Key_Space);
        QCOMPARE(w.session()->playbackStep(), 3);
        QVERIFY2(w.captionText().contains(QStringLiteral("What does the kernel send now?")),
                 qPrintable(w.captionText()));
        const int question = w.diagramView()->questionFromRow();
        QVERIFY(question >= 0);
        const DiagramRenderer *r = w.diagramView()->renderer();
        bool unlabelled = false;
        for (qsizetype a = 0; a < r->layout().arrowCount(); ++a)
            unlabelled = unlabelled || r->layout().arrow(a).startRow >= question;
        QVERIFY(unlabelled);
        QTest::keyClick(&w, Qt::Key_Space);
        QCOMPARE(w.session()->playbackStep(), 3);
        QCOMPARE(w.diagramView()->questionFromRow(), -1);
        QVERIFY(w.captionText().contains(w.trace()->steps()[2].caption));
        // Back clears the question.
        QTest::keyClick(&w, Qt::Key_Space);
        QVERIFY(w.diagramView()->questionFromRow() >= 0);
        QTest::keyClick(&w, Qt::Key_Left);
        QCOMPARE(w.session()->playbackStep(), 3);
        QCOMPARE(w.diagramView()->questionFromRow(), -1);
    }

    // A saved recording reopens with its steps and captions, and plays from its start.
    void savedRecordingPlaysBack()
    {
        MainWindow w;
        w.show();
        REQUIRE_LAB(w);
        RECORD_IN_WINDOW(w, QStringLiteral("handshake"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("handshake.json"));
        QVERIFY(w.saveTrace(path));
        const std::vector<TraceStep> steps = w.trace()->steps();
        MainWindow other;
        other.show();
        QVERIFY2(other.openFile(path), qPrintable(other.lastError()));
        QCOMPARE(other.session()->mode(), Session::Mode::Playback);
        QCOMPARE(other.session()->stepCount(), 6);
        QCOMPARE(other.trace()->steps(), steps);
        QCOMPARE(other.trace()->info().scenarioId, QStringLiteral("handshake"));
        QVERIFY(other.diagramView()->isShowingNothing());
        other.next();
        QVERIFY(other.captionText().contains(steps[0].caption));
        // The built-in scenario it names can be taken over.
        QVERIFY(other.session()->canTakeOver());
    }

    void qtFlavourHandshake()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        w.action(QStringLiteral("flavourQt"))->trigger();
        CallPanel *server = w.callPanel(Side::Server);
        CallPanel *client = w.callPanel(Side::Client);
        QCOMPARE(server->flavour(), Flavour::Qt);
        click(server, "listen");
        click(client, "connectToHost");
        // Next (Space) three times at the live end: SYN, SYN+ACK, ACK, each the oldest held.
        for (const quint8 flags : {quint8(TcpFlag::Syn), quint8(TcpFlag::Syn | TcpFlag::Ack), quint8(TcpFlag::Ack)}) {
            const Direction dir =
                (flags == (TcpFlag::Syn | TcpFlag::Ack)) ? Direction::ServerToClient : Direction::ClientToServer;
            QTRY_VERIFY_WITH_TIMEOUT(heldId(w, dir, flags) != 0, kWaitMs);
            w.diagramView()->goToEnd();
            QTest::keyClick(&w, Qt::Key_Space);
            QTRY_VERIFY_WITH_TIMEOUT(heldId(w, dir, flags) == 0, kWaitMs);
        }
        // Qt's signals are in the trace as such.
        QStringList signalNames;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                signalNames.clear();
                for (qsizetype i = 0; i < w.trace()->size(); ++i) {
                    if (w.trace()->at(i).kind == EventKind::Signal)
                        signalNames << w.trace()->callRecord(w.trace()->at(i)).fn;
                }
                return signalNames.contains(QStringLiteral("connected"))
                    && signalNames.contains(QStringLiteral("newConnection"));
            }(),
            kWaitMs);
        click(server, "nextPendingConnection");
        // What Qt hands over, as the diagram writes it (one text for a call everywhere).
        QVERIFY2(server->resultText().contains(QStringLiteral("nextPendingConnection() → socket 0")),
                 qPrintable(server->resultText()));
        w.action(QStringLiteral("flavourBsd"))->trigger();
        QCOMPARE(client->flavour(), Flavour::Bsd);
    }

    // Lab → IPv6: the live lab starts afresh over IPv6, the panels name the new addresses, calls made
    // with the buttons go over it, a scenario records over it, and the choice is kept.
    void ipv6Toggle()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        REQUIRE_LAB(w);
        QCOMPARE(w.session()->lab()->ipVersion(), 4);
        w.action(QStringLiteral("ipv6"))->trigger();
        QVERIFY(w.action(QStringLiteral("ipv6"))->isChecked());
        QVERIFY(w.session()->isLabReady());
        QCOMPARE(w.session()->lab()->ipVersion(), 6);
        QCOMPARE(w.trace()->info().serverAddress, u"fd00::2"_s);
        QCOMPARE(Settings().ipVersion(), 6);
        CallPanel *server = w.callPanel(Side::Server);
        CallPanel *client = w.callPanel(Side::Client);
        bool titled = false;
        for (const QLabel *l : client->findChildren<QLabel *>())
            titled = titled || l->text().contains(u"on fd00::1");
        QVERIFY(titled);
        click(server, "socket");
        click(server, "bind");
        click(server, "listen");
        click(client, "socket");
        click(client, "connect");
        QTRY_VERIFY_WITH_TIMEOUT(heldId(w, Direction::ClientToServer, TcpFlag::Syn) != 0, kWaitMs);
        QVERIFY2(client->resultText().contains(u"[fd00::2]:"), qPrintable(client->resultText()));
        // A scenario without its own "ip" records over the window's choice; its text export says so.
        w.session()->setSaved({}); // nothing by hand to ask about
        RECORD_IN_WINDOW(w, QStringLiteral("handshake"));
        QCOMPARE(w.trace()->info().clientAddress, u"fd00::1"_s);
        const QString text = TextFlow::toString(*w.trace());
        QVERIFY2(text.contains(u"fd00::1") && text.contains(u"fd00::2"), qPrintable(text.left(400)));
        // Back to IPv4: a recording on screen stays as it is; the next lab is IPv4.
        w.action(QStringLiteral("ipv4"))->trigger();
        QCOMPARE(w.session()->ipVersion(), 4);
        QCOMPARE(w.trace()->info().clientAddress, u"fd00::1"_s);
        QCOMPARE(Settings().ipVersion(), 4);
    }

    // The legend is a trace like any other, drawn by the one renderer: one of each kind of arrow.
    void legendShowsEachKind()
    {
        Trace legend;
        Legend::build(legend);
        QCOMPARE(legend.info().source, QStringLiteral("generated"));
        const DiagramRenderer r(legend, DiagramOptions {});
        bool dropped = false, inFlight = false, delivered = false;
        QStringList labels;
        for (qsizetype a = 0; a < r.layout().arrowCount(); ++a) {
            const DiagramLayout::ArrowEnd end = r.layout().arrowEndKind(r.layout().arrow(a));
            dropped = dropped || end == DiagramLayout::ArrowEnd::Dropped;
            inFlight = inFlight || end == DiagramLayout::ArrowEnd::InFlight;
            delivered = delivered || end == DiagramLayout::ArrowEnd::Delivered;
            labels << r.arrowLabel(a);
        }
        QVERIFY(dropped && inFlight && delivered);
        for (const QString &label : {u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"FIN M"_s})
            QVERIFY2(labels.contains(label), qPrintable(labels.join(u" / ")));
        QVERIFY(Legend::explanation().contains(QStringLiteral("double head")));
    }

    void labUnavailableStillOpens()
    {
        qputenv("SYNSCOPE_TUN_PATH", "/nonexistent");
        MainWindow w;
        w.show();
        qunsetenv("SYNSCOPE_TUN_PATH");
        QVERIFY(!w.lab()->isReady());
        QVERIFY2(w.labStatusText().startsWith(QStringLiteral("Lab unavailable")), qPrintable(w.labStatusText()));
        QVERIFY2(w.labStatusText().contains(QStringLiteral("/nonexistent")), qPrintable(w.labStatusText()));
        QVERIFY(w.isStartPageShown());
        QVERIFY(!w.callPanel(Side::Client)->button(QStringLiteral("socket"))->isEnabled());
        // Space does nothing harmful without a lab.
        QTest::keyClick(&w, Qt::Key_Space);
        QTest::keyClick(&w, Qt::Key_Space);

        // Every built-in scenario still plays, from the recording that came with SynScope, and the
        // window says which kernel made it and why the lab is off here.
        qputenv("SYNSCOPE_TUN_PATH", "/nonexistent"); // each run tries a fresh lab first
        for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list()) {
            QVERIFY2(w.runScenario(e.id), qPrintable(e.id + u": "_s + w.lastError()));
            QCOMPARE(w.session()->mode(), Session::Mode::Playback);
            QVERIFY(w.session()->isBundledPlayback());
            QCOMPARE(w.trace()->info().scenarioId, e.id);
            QCOMPARE(w.session()->stepCount(), int(BuiltinScenarios::find(e.id)->steps.size()));
            QVERIFY2(w.labStatusText().contains(u"live lab unavailable here: "_s)
                         && w.labStatusText().contains(u"/nonexistent"_s)
                         && w.labStatusText().contains(u"Recorded on Linux "_s + w.trace()->info().kernel),
                     qPrintable(w.labStatusText()));
        }
        qunsetenv("SYNSCOPE_TUN_PATH");
        w.action(u"next"_s)->trigger();
        QCOMPARE(w.session()->playbackStep(), 1);
        QVERIFY(!w.isStartPageShown());

        // It can still open a saved trace (a generated one: real bytes, no kernel involved).
        Trace generated;
        generated::build(generated, 2);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(TraceJson::save(generated));
        file.close();
        QVERIFY2(w.openFile(path), qPrintable(w.lastError()));
        QCOMPARE(w.trace()->size(), generated.size());
        QCOMPARE(TraceJson::save(*w.trace()), TraceJson::save(generated));
        QTRY_VERIFY_WITH_TIMEOUT(w.diagramView()->stepCount() > 0, kWaitMs);
        QVERIFY(!w.isStartPageShown());
        // Copy Image puts the diagram on the clipboard, drawn by the one painter.
        QGuiApplication::clipboard()->clear();
        w.action(QStringLiteral("copyImage"))->trigger();
        QVERIFY2(!QGuiApplication::clipboard()->image().isNull(), qPrintable(w.lastError()));
        QVERIFY(w.action(QStringLiteral("export"))->isEnabled());

        // A capture of it (pcap, one connection) opens as a capture: laid out by time.
        const std::optional<QByteArray> pcap = PcapExport::encode(generated, nullptr);
        QVERIFY(pcap);
        const QString capturePath = dir.filePath(QStringLiteral("t.pcap"));
        QFile capture(capturePath);
        QVERIFY(capture.open(QIODevice::WriteOnly));
        capture.write(*pcap);
        capture.close();
        QVERIFY2(w.openFile(capturePath), qPrintable(w.lastError()));
        QCOMPARE(w.trace()->info().source, QStringLiteral("capture"));
        QCOMPARE(w.diagramView()->options().layout, LayoutMode::ByTime);
        QCOMPARE(sends(*w.trace()).size(), sends(generated).size());

        // A broken file: one message with the place, and no crash.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"version\": 1,\n \"events\": [}");
        file.close();
        QVERIFY(!w.openFile(path));
        QVERIFY2(w.lastError().contains(QStringLiteral("line 2")), qPrintable(w.lastError()));
    }
};

// Besides the usual screen, two projectors for lecture mode.
SYNSCOPE_TEST_MAIN_WITH_SCREENS(TestMainWindow, "1024x768 1280x720")
#include "tst_mainwindow.moc"
