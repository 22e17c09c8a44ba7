// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagramview.h"

#include "diagramrenderer.h"
#include "trace/trace.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

namespace {
constexpr qreal kMinZoom = 0.2;
constexpr qreal kMaxZoom = 5.0;
constexpr qreal kZoomStep = 1.2;
constexpr int kFrameMs = 16; // one repaint a 60 Hz frame at most
// When more than this many events arrive at once (a transfer, a loaded file) nothing is animated:
// a marker for each would be noise.
constexpr qsizetype kAnimateAtMost = 64;
} // namespace

DiagramView::DiagramView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kFrameMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &DiagramView::refresh);
    m_marker.setStartValue(0.0);
    m_marker.setEndValue(1.0);
    m_marker.setEasingCurve(QEasingCurve::InOutQuad);
    connect(&m_marker, &QVariantAnimation::valueChanged, viewport(), qOverload<>(&QWidget::update));
    connect(&m_marker, &QVariantAnimation::finished, this, [this] {
        m_markerArrow = -1;
        viewport()->update();
    });
    m_fade.setStartValue(0.0);
    m_fade.setEndValue(1.0);
    connect(&m_fade, &QVariantAnimation::valueChanged, viewport(), qOverload<>(&QWidget::update));
    connect(&m_fade, &QVariantAnimation::finished, this, [this] {
        m_fadeFrom = -1;
        viewport()->update();
    });
    m_pulse.setStartValue(0.0);
    m_pulse.setEndValue(1.0);
    m_pulse.setDuration(1400);
    m_pulse.setLoopCount(-1);
    connect(&m_pulse, &QVariantAnimation::valueChanged, viewport(), qOverload<>(&QWidget::update));
    m_countdown.setInterval(100);
    connect(&m_countdown, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(20);
}

DiagramView::~DiagramView() = default;

void DiagramView::setTrace(Trace *trace)
{
    if (m_trace) disconnect(m_trace, nullptr, this, nullptr);
    m_trace = trace;
    if (trace) {
        connect(trace, &Trace::eventsAppended, this, &DiagramView::traceGrew);
        connect(trace, &Trace::cleared, this, &DiagramView::traceCleared);
        connect(trace, &Trace::settingChanged, this, &DiagramView::traceSettingChanged);
        connect(trace, &QObject::destroyed, this, [this] {
            m_renderer.reset();
            viewport()->update();
        });
    }
    traceCleared();
}

void DiagramView::setOptions(const DiagramOptions &options)
{
    if (options == m_options) return;
    // Keep the same event in view across a relayout (by time, steps are not the same).
    const qsizetype shownEvent = m_renderer && !m_live ? m_renderer->eventOfStep(currentStep()) : -1;
    m_options = options;
    setPulse(m_pulseSend); // reduced motion stops it, and back off starts it
    rebuild();
    if (shownEvent >= 0 && m_renderer) setCurrentStep(m_renderer->stepOfEvent(shownEvent));
}

void DiagramView::rebuild()
{
    m_marker.stop();
    m_fade.stop();
    m_markerArrow = -1;
    m_fadeFrom = -1;
    m_renderer.reset();
    if (m_trace) m_renderer = std::make_unique<DiagramRenderer>(*m_trace, m_options);
    shrinkToWidth();
    if (m_live) m_currentStep = stepCount() - 1;
    m_currentStep = std::min(m_currentStep, stepCount() - 1);
    updateScrollBars();
    if (m_live && m_follow) scrollToStep(m_currentStep, true);
    viewport()->update();
    emit currentStepChanged(currentStep(), stepCount());
}

void DiagramView::traceGrew()
{
    if (!m_renderer) return;
    const int oldCount = stepCount();
    const qsizetype firstNew = m_renderer->layout().eventsSeen();
    const qreal oldWidth = m_renderer->size().width();
    m_renderer->update();
    // A lane widened for a new call's text: still the whole width in view.
    if (m_renderer->size().width() != oldWidth) shrinkToWidth();
    ++m_appendBatches;
    m_sinceAppend.start();
    if (m_trace && !m_trace->isEmpty()) m_lastEventNs = m_trace->at(m_trace->size() - 1).tNs;
    if (m_live) {
        m_currentStep = stepCount() - 1;
        animateNewEvents(oldCount, firstNew);
    }
    if (!m_refreshTimer.isActive()) m_refreshTimer.start();
    if (stepCount() != oldCount || m_live) emit currentStepChanged(currentStep(), stepCount());
}

void DiagramView::traceCleared()
{
    m_revealing = false;
    m_questionFromRow = -1;
    m_selected = -1;
    m_live = true;
    m_follow = true;
    m_appendBatches = 0;
    rebuild();
}

void DiagramView::traceSettingChanged()
{
    // A setting changed in the host settings dialog comes with no event: the header names it now,
    // not at the next segment. It may take another line, which moves the rows down.
    if (!m_renderer) return;
    const qreal oldWidth = m_renderer->size().width();
    m_renderer->update();
    if (m_renderer->size().width() != oldWidth) shrinkToWidth();
    if (!m_refreshTimer.isActive()) m_refreshTimer.start();
}

void DiagramView::refresh()
{
    updateScrollBars();
    if (m_live && m_follow) scrollToStep(stepCount() - 1, true);
    // A kernel timer counts down on screen only in a live lab trace.
    const bool countdown = m_liveClock && m_renderer && m_renderer->layout().hasRunningTimers() && m_appendBatches > 1
        && m_trace && m_trace->info().fromLab();
    if (countdown && !m_countdown.isActive())
        m_countdown.start();
    else if (!countdown)
        m_countdown.stop();
    viewport()->update();
}

void DiagramView::animateNewEvents(int oldStepCount, qsizetype firstNewEvent)
{
    if (!m_trace) return;
    animateRows(stepCount() > oldStepCount ? oldStepCount : -1, firstNewEvent, m_trace->size());
}

void DiagramView::animateRows(int fromRow, qsizetype firstEvent, qsizetype end)
{
    if (m_options.reducedMotion || !m_trace || !m_renderer) return;
    if (end - firstEvent > kAnimateAtMost) return;
    const qreal speed = std::max(0.1, m_options.animationSpeed);
    // The last segment delivered in this batch travels along its arrow.
    for (qsizetype i = end - 1; i >= firstEvent; --i) {
        if (m_trace->at(i).kind != EventKind::Deliver) continue;
        m_markerArrow = m_renderer->layout().arrowOfEvent(i);
        if (m_markerArrow >= 0) {
            m_marker.stop();
            m_marker.setDuration(int(600 / speed));
            m_marker.start();
        }
        break;
    }
    // New rows' calls and states fade in (what joined a row already shown appears at once).
    if (fromRow >= 0) {
        m_fadeFrom = fromRow;
        m_fade.stop();
        m_fade.setDuration(int(300 / speed));
        m_fade.start();
    }
}

bool DiagramView::isAnimating() const
{
    return m_marker.state() == QAbstractAnimation::Running || m_fade.state() == QAbstractAnimation::Running;
}

int DiagramView::stepCount() const
{
    return m_renderer ? m_renderer->stepCount() : 0;
}

int DiagramView::currentStep() const
{
    return m_live ? stepCount() - 1 : m_currentStep;
}

bool DiagramView::isAtLiveEnd() const
{
    return m_live;
}

void DiagramView::setCurrentStep(int step)
{
    const int count = stepCount();
    step = std::clamp(step, count ? 0 : -1, count - 1);
    const bool live = step >= count - 1;
    if (step == currentStep() && live == m_live) return;
    m_live = live;
    m_revealing = false;
    m_currentStep = step;
    if (m_live) m_follow = true;
    // Stepping through the record is not a delivery: nothing travels.
    m_marker.stop();
    m_fade.stop();
    m_markerArrow = -1;
    m_fadeFrom = -1;
    scrollToStep(step, false);
    viewport()->update();
    emit currentStepChanged(currentStep(), count);
}

void DiagramView::revealThrough(int row, bool animate)
{
    // The trace may have been refilled in this same pass (its notification is queued): catch up.
    if (m_renderer && m_trace && m_renderer->layout().eventsSeen() < m_trace->size()) m_renderer->update();
    const int count = stepCount();
    row = std::clamp(row, -1, count - 1);
    const int before = currentStep();
    const bool wasNothing = isShowingNothing();
    m_live = false;
    m_follow = false;
    m_revealing = true;
    m_currentStep = row;
    m_marker.stop();
    m_fade.stop();
    m_markerArrow = -1;
    m_fadeFrom = -1;
    if (animate && m_renderer && row > before) {
        const DiagramLayout &layout = m_renderer->layout();
        const int from = wasNothing ? 0 : before + 1;
        animateRows(from, layout.rowFirstEvent(from), layout.rowEndEvent(row));
    }
    // The scroll position depends on the row alone, not on the way here: step k looks the same
    // whether it was reached forward, backward or with Home/End.
    if (row >= 0)
        scrollToStep(row, true);
    else
        setVerticalValue(0);
    viewport()->update();
    emit currentStepChanged(currentStep(), count);
}

void DiagramView::setQuestionFromRow(int row)
{
    if (row == m_questionFromRow) return;
    m_questionFromRow = row;
    viewport()->update();
}

void DiagramView::setLiveClock(bool on)
{
    m_liveClock = on;
    if (!on) m_countdown.stop();
    refresh();
}

void DiagramView::stepForward()
{
    setCurrentStep(currentStep() + 1);
}
void DiagramView::stepBack()
{
    setCurrentStep(std::max(0, currentStep() - 1));
}
void DiagramView::goToStart()
{
    setCurrentStep(0);
}
void DiagramView::goToEnd()
{
    setCurrentStep(stepCount() - 1);
}

void DiagramView::selectEvent(qsizetype eventIndex)
{
    if (eventIndex == m_selected) return;
    m_selected = eventIndex;
    viewport()->update();
    emit eventSelected(eventIndex);
}

QPointF DiagramView::offset() const
{
    // A diagram narrower than the window is centred.
    const qreal w = m_renderer ? m_renderer->size().width() * m_zoom : 0;
    const qreal centre = std::max(0.0, (viewport()->width() - w) / 2);
    return {horizontalScrollBar()->value() - centre, qreal(verticalScrollBar()->value())};
}

QPointF DiagramView::toDiagram(QPointF pos) const
{
    return (pos + offset()) / m_zoom;
}

void DiagramView::updateScrollBars()
{
    const QSizeF size = m_renderer ? m_renderer->size() * m_zoom : QSizeF();
    const QSize vp = viewport()->size();
    m_scrolling = true;
    horizontalScrollBar()->setRange(0, std::max(0, int(std::ceil(size.width())) - vp.width()));
    horizontalScrollBar()->setPageStep(vp.width());
    verticalScrollBar()->setRange(0, std::max(0, int(std::ceil(size.height())) - vp.height()));
    verticalScrollBar()->setPageStep(vp.height());
    m_scrolling = false;
}

void DiagramView::setVerticalValue(int value)
{
    m_scrolling = true;
    verticalScrollBar()->setValue(value);
    m_scrolling = false;
}

void DiagramView::scrollToStep(int step, bool toBottom)
{
    if (!m_renderer || step < 0) return;
    updateScrollBars();
    const DiagramLayout &layout = m_renderer->layout();
    const qreal y = layout.rowY(step) * m_zoom;
    const qreal header = layout.headerHeight() * m_zoom;
    const qreal margin = layout.rowHeight() * m_zoom;
    const int top = verticalScrollBar()->value();
    const int h = viewport()->height();
    if (toBottom) {
        setVerticalValue(int(y + 1.5 * margin) - h);
        return;
    }
    if (y - margin < top + header)
        setVerticalValue(int(y - header - margin));
    else if (y + 1.5 * margin > top + h)
        setVerticalValue(int(y + 1.5 * margin) - h);
}

void DiagramView::scrollContentsBy(int, int)
{
    // The header stays on top, so the whole viewport is repainted rather than scrolled.
    if (!m_scrolling) {
        QScrollBar *v = verticalScrollBar();
        m_follow = v->value() >= v->maximum() - 4;
    }
    viewport()->update();
}

void DiagramView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    shrinkToWidth();
    updateScrollBars();
    if (m_live && m_follow)
        scrollToStep(stepCount() - 1, true);
    else if (m_revealing && m_currentStep >= 0)
        scrollToStep(m_currentStep, true); // a step looks the same whatever the caption's height did
}

void DiagramView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const DiagramRenderer::Palette palette = DiagramRenderer::palette(m_options.theme);
    painter.fillRect(event->rect(), palette.background);
    if (!m_renderer) return;
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const QPointF off = offset();
    QTransform t;
    t.translate(-off.x(), -off.y());
    t.scale(m_zoom, m_zoom);
    painter.setTransform(t);
    DiagramRenderer::Overlay overlay;
    overlay.selectedEvent = m_selected;
    overlay.markerArrow = m_markerArrow;
    overlay.markerProgress = m_marker.currentValue().toReal();
    overlay.fadeFromStep = m_fadeFrom;
    overlay.questionFromRow = m_questionFromRow;
    if (isPulsing()) {
        overlay.pulseSend = m_pulseSend;
        overlay.pulse = m_pulse.currentValue().toReal();
    }
    overlay.fadeOpacity = m_fadeFrom >= 0 ? m_fade.currentValue().toReal() : 1.0;
    if (m_countdown.isActive() && m_sinceAppend.isValid()) overlay.nowNs = m_lastEventNs + m_sinceAppend.nsecsElapsed();
    const QRectF clip = t.inverted().mapRect(QRectF(event->rect()));
    if (!isShowingNothing()) m_renderer->paintArea(&painter, clip, m_live ? -1 : m_currentStep, overlay);

    // The lifeline titles stay in view while scrolling.
    QTransform h;
    h.translate(-off.x(), 0);
    h.scale(m_zoom, m_zoom);
    painter.setTransform(h);
    // Host settings as they were at the step shown: a later change is not yet made there.
    m_renderer->paintHeader(&painter, m_live ? -1 : (isShowingNothing() ? 0 : m_currentStep));
}

void DiagramView::setZoom(qreal zoom, QPointF anchor)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(zoom, m_zoom)) return;
    const QPointF at = toDiagram(anchor);
    m_zoom = zoom;
    updateScrollBars();
    // Keep the point under the anchor where it was.
    m_scrolling = true;
    const QPointF off = at * m_zoom - anchor;
    horizontalScrollBar()->setValue(int(off.x()));
    verticalScrollBar()->setValue(int(off.y()));
    m_scrolling = false;
    viewport()->update();
}

void DiagramView::setPulse(qsizetype sendEvent)
{
    m_pulseSend = sendEvent;
    const bool on = sendEvent >= 0 && !m_options.reducedMotion;
    if (on && m_pulse.state() != QAbstractAnimation::Running)
        m_pulse.start();
    else if (!on)
        m_pulse.stop();
    viewport()->update();
}

bool DiagramView::isPulsing() const
{
    return m_pulseSend >= 0 && m_pulse.state() == QAbstractAnimation::Running;
}

void DiagramView::zoomIn()
{
    m_shrinkToWidth = false;
    setZoom(m_zoom * kZoomStep, QPointF(viewport()->rect().center()));
}

void DiagramView::zoomOut()
{
    m_shrinkToWidth = false;
    setZoom(m_zoom / kZoomStep, QPointF(viewport()->rect().center()));
}

void DiagramView::resetZoom()
{
    m_shrinkToWidth = false;
    setZoom(1.0, QPointF(viewport()->rect().center()));
}

void DiagramView::shrinkToWidth()
{
    // Until the user picks a zoom, the diagram is never wider than the view: panels beside it or a
    // small window must not cut the server's lifeline off. It never grows past 100% by itself.
    if (!m_shrinkToWidth || !m_renderer || viewport()->width() <= 0) return;
    const qreal width = m_renderer->size().width();
    if (width > 0) setZoom(std::min<qreal>(1.0, viewport()->width() / width), QPointF(0, 0));
}

void DiagramView::fitWidth()
{
    m_shrinkToWidth = true;
    if (!m_renderer || viewport()->width() <= 0) return;
    setZoom(std::min<qreal>(1.0, viewport()->width() / m_renderer->size().width()), QPointF(0, 0));
}

bool DiagramView::viewportEvent(QEvent *event)
{
    // The diagram shortens a long argument or data string; the tooltip (and the details panel)
    // has the whole text.
    if (event->type() == QEvent::ToolTip && m_renderer && !isShowingNothing()) {
        const auto *help = static_cast<QHelpEvent *>(event);
        qsizetype hit = m_renderer->eventAt(toDiagram(help->pos()));
        if (hit >= 0 && !m_live && m_renderer->stepOfEvent(hit) > m_currentStep) hit = -1;
        const QString text = hit >= 0 ? m_renderer->fullText(hit) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void DiagramView::zoomToFit()
{
    if (!m_renderer) return;
    const QSizeF size = m_renderer->size();
    const QSizeF vp = viewport()->size();
    const qreal fitWidth = vp.width() / size.width();
    const qreal fitAll = std::min(fitWidth, vp.height() / size.height());
    // A long trace shrunk to fit would be unreadable: then fit its width.
    m_shrinkToWidth = false;
    setZoom(fitAll < 0.5 * fitWidth ? fitWidth : fitAll, QPointF(0, 0));
    updateScrollBars();
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        m_shrinkToWidth = false;
        setZoom(m_zoom * std::pow(kZoomStep, steps), event->position());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void DiagramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_renderer) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    qsizetype hit = m_renderer->eventAt(toDiagram(event->position()));
    // What is hidden (after the current step) cannot be picked.
    if (hit >= 0 && !m_live && m_renderer->stepOfEvent(hit) > m_currentStep) hit = -1;
    selectEvent(hit);
    event->accept();
}

void DiagramView::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomIn();
            return;
        case Qt::Key_Minus:
            zoomOut();
            return;
        case Qt::Key_0:
            resetZoom();
            return;
        default:
            break;
        }
    }
    QAbstractScrollArea::keyPressEvent(event);
}
