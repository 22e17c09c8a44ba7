// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagramlayout.h"
#include "diagramoptions.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QPen>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QTransform>
#include <vector>

class QPainter;
class Trace;

// The one painter of the sequence diagram, for the screen and every export: it reads the
// precomputed layout of the visible rows, formats a label only the first time it is shown, and
// draws text as text (an SVG keeps it searchable).
class DiagramRenderer {
public:
    DiagramRenderer(const Trace &trace, const DiagramOptions &options); // lays out the whole trace (linear)

    int stepCount() const;
    // Logical px (96 dpi) including the header with the lifeline titles.
    QSizeF size(StepRange range = {}) const;
    // Paints the steps of `range` with the header at (0,0); steps after `revealedUpTo` (if >= 0) are
    // left out but keep their space (so a slide build's images overlay exactly). Arrows starting at
    // or after `questionFromRow` (if >= 0) show "?" for their label (Overlay::questionFromRow).
    void paint(QPainter *painter, StepRange range = {}, int revealedUpTo = -1, int questionFromRow = -1) const;
    std::vector<qreal> pageBreakCandidates(StepRange range = {}) const; // y between rows, for paging
    qsizetype eventOfStep(int step) const; // the trace event a step shows

    // --- beyond the contract: what the view and the tests need ---

    // Catches up with events appended to the trace; returns the first step that changed.
    int update();
    void reset(); // after Trace::cleared

    const DiagramOptions &options() const { return m_options; }
    const DiagramLayout &layout() const { return m_layout; }
    int stepOfEvent(qsizetype event) const { return m_layout.rowOfEvent(event); }
    const Trace &trace() const { return m_trace; }

    // Scenario steps (Trace::steps()) as rows: a scenario step is always whole rows, since the
    // layout starts a row at each one. The last row shows the step's last event; an empty step
    // ends where the step before it ended; -1 when nothing is drawn up to there (or k is no step).
    int lastRowOfTraceStep(int k) const;
    // The first row of step k's own events (lastRowOfTraceStep(k - 1) + 1; 0 for the first step,
    // which also shows what came before it); past lastRowOfTraceStep(k) when the step is empty.
    int firstRowOfTraceStep(int k) const;

    // What the live view adds to the picture.
    struct Overlay {
        qsizetype selectedEvent = -1;
        qsizetype markerArrow = -1; // an arrow whose delivery is being animated
        qreal markerProgress = 0; // 0..1 along it
        int fadeFromStep = -1; // steps from here are drawn with fadeOpacity
        qreal fadeOpacity = 1;
        qint64 nowNs = -1; // trace time now, for timer countdowns; -1: a still picture
        // Predict mode: arrows starting at or after this row are drawn with "?" for their label,
        // so the audience guesses the segment before it is named; -1: every label.
        int questionFromRow = -1;
    };
    // Paints what of the whole diagram (coordinates as size()) lies in `clip`, without the header.
    void paintArea(QPainter *painter, const QRectF &clip, int revealedUpTo, const Overlay &overlay) const;
    // The lifeline titles, in a band of the header's height at y = 0.
    void paintHeader(QPainter *painter) const;

    // The Send (or Duplicate) of the arrow, the Call of the box, or the state/signal under a point; -1.
    qsizetype eventAt(QPointF point) const;
    // The area an arrow's label takes (rotated with the arrow): labelRect in labelTransform's frame.
    QPolygonF labelArea(qsizetype arrow) const;
    QTransform labelTransform(qsizetype arrow) const;
    QRectF labelRect(qsizetype arrow) const;
    QString arrowLabel(qsizetype arrow) const;

    // Test hook: what paintArea did since the counters were reset.
    struct PaintStats {
        qsizetype rows = 0; // rows a paint looked at
        qsizetype arrows = 0;
        qsizetype boxes = 0;
        qsizetype labelsFormatted = 0; // texts made (a cache miss)
    };
    PaintStats &paintStats() const { return m_stats; }

    // Colours of a theme; kept apart by more than hue (line style, weight, arrow head), so they read
    // for colour-blind viewers and in greyscale print too.
    struct Palette {
        QColor background, text, muted, lifeline, appLine, boxFill, boxBorder, error, selection, marker;
        QColor syn, fin, rst, data, ack;
    };
    static Palette palette(DiagramTheme theme);

private:
    enum class ArrowStyle : quint8 { Syn, Fin, Rst, Data, Ack, Count };
    struct Text {
        QString text;
        QString detail;
        qreal width = 0;
        qreal detailWidth = 0;
    };
    const Text &arrowText(qsizetype arrow) const;
    QPointF labelCentreOf(qsizetype arrow) const;
    const Text &eventText(qsizetype event) const;
    Text makeCallText(qsizetype boxIndex, bool oneRow) const;
    ArrowStyle styleOf(quint8 flags, quint32 length) const;
    qreal rowTop(int row) const;
    qreal rowBottom(int row) const;
    void paintArrow(QPainter *painter, qsizetype index, int revealedUpTo, const Overlay &overlay, bool selected) const;
    void paintBox(QPainter *painter, qsizetype index, int revealedUpTo, int lastRow, bool selected) const;
    void paintMark(QPainter *painter, qsizetype index, bool selected) const;
    void paintTimer(QPainter *painter, qsizetype index, int revealedUpTo, int lastRow, qint64 nowNs) const;
    void updateTimers();
    void drawHead(QPainter *painter, QPointF tip, QPointF from, ArrowStyle style, const QColor &color) const;
    qreal labelAngle(QPointF a, QPointF b) const;
    QTransform besideWire(const DiagramLayout::Arrow &a, QPointF start, qreal textWidth) const;

    const Trace &m_trace;
    DiagramOptions m_options;
    Palette m_palette;
    QFont m_font, m_boldFont, m_smallFont, m_italicFont;
    DiagramLayout m_layout;
    SegmentLabeler m_labeler;
    quint16 m_port[2] = {};
    qsizetype m_portsSeen = 0;
    QString m_title[2];
    QString m_columnTitle[2];
    Text m_questionText; // an arrow's label in predict mode
    QString m_stateNames[11];
    QString m_inferredStateNames[11];
    QPen m_arrowPen[int(ArrowStyle::Count)];
    QPen m_inFlightPen[int(ArrowStyle::Count)];
    QPen m_tcpLinePen, m_appLinePen, m_boxPen, m_textPen, m_mutedPen, m_errorPen, m_selectionPen, m_dropPen, m_timerPen;

    // What the kernel's later reports and segments tell about a timer bar (updateTimers()): where the
    // kernel cancelled it before the probe saw it go, and labels along it (the timer firing as an
    // RTO or a tail-loss probe, TIME_WAIT taking over from FIN_WAIT_2, 2MSL restarting).
    struct TimerNote {
        qsizetype event = -1; // drawn at this event's row
        QString text;
        quint32 ms = 0; // the time it (re)starts with, counted down live; 0: none
    };
    struct TimerStory {
        TimerKind kind = TimerKind::None;
        qsizetype endEvent = -1; // the kernel cancelled the timer here; -1: as the layout ends it
        std::vector<TimerNote> notes;
    };
    QHash<qsizetype, TimerStory> m_timerStories; // by the Timer event that starts the bar
    QHash<quint64, qsizetype> m_openTimerOf; // socket -> the Timer event of its open bar
    QHash<quint64, quint32> m_sentEnd; // socket -> the end of the highest sequence number it sent
    QHash<quint64, quint8> m_stateOf; // socket -> its last TcpState
    qsizetype m_timersScanned = 0;

    mutable QHash<qsizetype, Text> m_arrowTexts;
    mutable QHash<qsizetype, QPointF> m_labelCentres; // delivered arrows' label centres, this layout
    mutable QHash<qsizetype, Text> m_eventTexts;
    mutable PaintStats m_stats;
};
