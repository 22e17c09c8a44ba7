// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagramoptions.h"

#include <QAbstractScrollArea>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QVariantAnimation>
#include <memory>

class DiagramRenderer;
class Trace;

// The live sequence diagram: paints only what is visible through the one DiagramRenderer, follows
// the live end unless the user scrolled back, steps back and forth through what is recorded (the
// kernels run forward regardless), zooms, selects, and animates deliveries.
class DiagramView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit DiagramView(QWidget *parent = nullptr);
    ~DiagramView() override;

    void setTrace(Trace *trace); // follows Trace::eventsAppended / cleared
    void setOptions(const DiagramOptions &options);
    const DiagramOptions &options() const { return m_options; }
    int stepCount() const; // steps recorded so far
    int currentStep() const; // index of the last step shown; stepCount()-1 at the live end
    bool isAtLiveEnd() const;
    void setCurrentStep(int step); // only moves the view; the kernels run forward
    // Playback of a recording: shows rows 0…row (none for -1) and nothing after, whatever the trace
    // holds; with `animate`, the segments delivered in the newly shown rows travel and the rows fade
    // in as they would live.
    void revealThrough(int row, bool animate);
    bool isShowingNothing() const { return !m_live && m_currentStep < 0; }
    // Running kernel timers count down on screen only while the kernels run (not in a recording).
    void setLiveClock(bool on);
    // Predict mode: arrows starting at or after this row are drawn with "?" for a label (-1: none).
    void setQuestionFromRow(int row);
    int questionFromRow() const { return m_questionFromRow; }
    void stepForward();
    void stepBack();
    void goToStart();
    void goToEnd();
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    void resetZoom();
    // Back to the diagram's whole width in the view (never above 100%), kept as it grows, until
    // the user zooms: what lecture mode asks for.
    void fitWidth();
    // The held segment (its Send) that Space or Deliver would hand on next: its open arrow end
    // pulses until it leaves the wire (-1: none). Not with reduced motion; never in an export.
    void setPulse(qsizetype sendEvent);
    qsizetype pulseSend() const { return m_pulseSend; }
    bool isPulsing() const;
    qsizetype selectedEvent() const { return m_selected; }
    void selectEvent(qsizetype eventIndex);

    // Beyond the contract: for the window's status and the tests.
    qreal zoom() const { return m_zoom; }
    const DiagramRenderer *renderer() const { return m_renderer.get(); }
    bool isAnimating() const;

signals:
    void eventSelected(qsizetype eventIndex);
    void currentStepChanged(int step, int count);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override; // a tooltip with a call's whole text

private:
    void rebuild();
    void traceGrew();
    void traceCleared();
    void traceSettingChanged();
    void refresh();
    void updateScrollBars();
    void scrollToStep(int step, bool toBottom);
    void setZoom(qreal zoom, QPointF anchor);
    void shrinkToWidth();
    QPointF offset() const; // diagram px * zoom at the viewport's top left
    QPointF toDiagram(QPointF viewportPos) const;
    void animateNewEvents(int oldStepCount, qsizetype firstNewEvent);
    void animateRows(int fromRow, qsizetype firstEvent, qsizetype endEvent);
    void setVerticalValue(int value);

    QPointer<Trace> m_trace;
    DiagramOptions m_options;
    std::unique_ptr<DiagramRenderer> m_renderer;
    int m_currentStep = -1;
    bool m_live = true; // the view shows every step, and keeps doing so as steps arrive
    bool m_follow = true; // scroll with the live end (off once the user scrolls back)
    bool m_scrolling = false; // a scroll we make, not the user's
    qreal m_zoom = 1;
    bool m_shrinkToWidth = true; // until the user zooms
    qsizetype m_selected = -1;
    QTimer m_refreshTimer; // coalesces repaints and scroll-bar updates to one a frame
    QVariantAnimation m_marker;
    QVariantAnimation m_fade;
    QVariantAnimation m_pulse;
    qsizetype m_pulseSend = -1;
    qsizetype m_markerArrow = -1;
    int m_fadeFrom = -1;
    QTimer m_countdown; // repaints running kernel timers' countdowns
    QElapsedTimer m_sinceAppend;
    qint64 m_lastEventNs = 0;
    int m_appendBatches = 0;
    bool m_liveClock = true;
    int m_questionFromRow = -1;
    bool m_revealing = false; // revealThrough() placed the view: its scroll follows the row
};
