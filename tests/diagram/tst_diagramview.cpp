// SPDX-License-Identifier: GPL-3.0-or-later
// The diagram widget: follows a growing trace, steps back without losing the live end, selects by
// click, zooms. Animations off (reduced motion) as in every test.

#include "diagram/diagramrenderer.h"
#include "diagram/diagramview.h"
#include "support/generatedtrace.h"
#include "testmain.h"

#include <QScrollBar>
#include <QSignalSpy>

class TestDiagramView : public QObject {
    Q_OBJECT
private slots:
    void followsTheTraceAndStepsBack()
    {
        Trace trace;
        DiagramView view;
        DiagramOptions options;
        options.reducedMotion = true;
        view.setOptions(options);
        view.resize(1400, 300); // wide enough for 100%: this test is about following, not zoom
        view.setTrace(&trace);
        view.show();
        QSignalSpy steps(&view, &DiagramView::currentStepChanged);
        QCOMPARE(view.stepCount(), 0);

        generated::Builder b(trace);
        generated::handshake(b);
        // Appends are announced once per event-loop pass: the view catches up then.
        QTRY_VERIFY(view.stepCount() > 5);
        const int count = view.stepCount();
        QCOMPARE(view.currentStep(), count - 1);
        QVERIFY(view.isAtLiveEnd());
        QVERIFY(!steps.isEmpty());
        QCOMPARE(steps.last().at(1).toInt(), count);
        // The live end is scrolled into view.
        QTRY_VERIFY(view.verticalScrollBar()->maximum() > 0);
        QTRY_COMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->maximum());

        view.stepBack();
        QCOMPARE(view.currentStep(), count - 2);
        QVERIFY(!view.isAtLiveEnd());
        view.goToStart();
        QCOMPARE(view.currentStep(), 0);
        QCOMPARE(view.verticalScrollBar()->value(), 0);

        // New steps arrive while the lecturer looks back: the view stays where it is.
        const qsizetype syn = b.send(Side::Client, TcpFlag::Syn, 1, 0);
        QTRY_COMPARE(view.stepCount(), count + 1);
        QCOMPARE(view.currentStep(), 0);
        QCOMPARE(steps.last().at(1).toInt(), count + 1);
        view.goToEnd();
        QVERIFY(view.isAtLiveEnd());
        b.deliver(syn);
        QTRY_COMPARE(view.stepCount(), count + 2);
        QCOMPARE(view.currentStep(), count + 1); // still at the live end

        trace.clear();
        QTRY_COMPARE(view.stepCount(), 0);
    }

    void clickSelects()
    {
        Trace trace;
        generated::Builder b(trace);
        const generated::Handshake h = generated::handshake(b);
        DiagramView view;
        DiagramOptions options;
        options.reducedMotion = true;
        view.setOptions(options);
        view.setTrace(&trace);
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.resetZoom();
        view.goToStart();
        view.goToEnd();
        QSignalSpy selected(&view, &DiagramView::eventSelected);

        // Click the middle of the SYN+ACK's arrow.
        const DiagramRenderer *r = view.renderer();
        const DiagramLayout &layout = r->layout();
        const qsizetype arrow = layout.arrowOfEvent(h.synAck);
        QVERIFY(arrow >= 0);
        const QPointF mid = (layout.arrowStart(layout.arrow(arrow)) + layout.arrowEnd(layout.arrow(arrow))) / 2;
        const QPoint at = (mid * view.zoom()).toPoint()
            - QPoint(view.horizontalScrollBar()->value(), view.verticalScrollBar()->value())
            + QPoint(std::max(0, int(view.viewport()->width() - r->size().width() * view.zoom()) / 2), 0);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.last().at(0).value<qsizetype>(), h.synAck);
        QCOMPARE(view.selectedEvent(), h.synAck);
        // For looking at: SYNSCOPE_PICTURES=/some/dir.
        if (const QString dir = qEnvironmentVariable("SYNSCOPE_PICTURES"); !dir.isEmpty())
            view.grab().save(dir + QStringLiteral("/view-selected.png"));

        // Its call box: accept's.
        view.selectEvent(h.accept);
        QCOMPARE(view.selectedEvent(), h.accept);
        QCOMPARE(selected.last().at(0).value<qsizetype>(), h.accept);

        // Empty space clears the selection.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(2, view.viewport()->height() - 2));
        QCOMPARE(view.selectedEvent(), -1);
    }

    void zooms()
    {
        Trace trace;
        generated::Builder b(trace);
        generated::handshake(b);
        generated::transfer(b, 200);
        DiagramView view;
        DiagramOptions options;
        options.reducedMotion = true;
        view.setOptions(options);
        view.setTrace(&trace);
        view.resize(800, 600);
        view.show();
        // Until the user zooms, a diagram wider than the view is shrunk to its width (the server's
        // lifeline is never cut off), and a narrower one is not blown up.
        QVERIFY(view.zoom() < 1.0);
        QVERIFY(view.horizontalScrollBar()->maximum() <= 1);
        view.resize(2400, 600);
        QTRY_COMPARE(view.zoom(), 1.0);
        view.resize(800, 600);
        QTRY_VERIFY(view.zoom() < 1.0);
        view.resetZoom();
        QCOMPARE(view.zoom(), 1.0);
        view.resize(700, 600); // the user chose 100%: it stays
        QTRY_COMPARE(view.viewport()->width() < 700, true);
        QCOMPARE(view.zoom(), 1.0);
        view.zoomIn();
        QVERIFY(view.zoom() > 1.0);
        view.zoomOut();
        view.zoomOut();
        QVERIFY(view.zoom() < 1.0);
        view.resetZoom();
        QCOMPARE(view.zoom(), 1.0);
        // A long trace fits by width.
        view.zoomToFit();
        QVERIFY(view.horizontalScrollBar()->maximum() <= 1);
        QVERIFY(view.verticalScrollBar()->maximum() > 0);
        QTest::keyClick(&view, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(view.horizontalScrollBar()->maximum() > 1);
    }
};

SYNSCOPE_TEST_MAIN(TestDiagramView)
#include "tst_diagramview.moc"
