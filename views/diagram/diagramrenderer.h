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
    // The centre line of `row` in a picture of `range` painted by paint() (header at y = 0).
    qreal rowYIn(StepRange range, int row) const;
    qsizetype eventOfStep(int step) const; // the trace event a step shows

    // --- beyond the contract: what the view and the tests need ---

    // Catches up with events appended to the trace; returns the first step that changed.
    int update();
    void reset(); // after Trace::cleared

    const DiagramOptions &options() const { return m_options; }
    const DiagramLayout &layout() const { return m_layout; }
    int stepOfEvent(qsizetype event) const { return m_layout.rowOfEvent(event); }
    const Trace &trace() const { return m_trace; }
    const SegmentLabeler &labeler() const { return m_labeler; }

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
        // The held segment the next Space or Deliver hands on (its Send): its open end pulses,
        // a ring growing and fading with pulse 0..1; -1: none (never in an export).
        qsizetype pulseSend = -1;
        qreal pulse = 0;
    };
    // Paints what of the whole diagram (coordinates as size()) lies in `clip`, without the header.
    void paintArea(QPainter *painter, const QRectF &clip, int revealedUpTo, const Overlay &overlay) const;
    // The lifeline titles, in a band of the header's height at y = 0.
    // `upToRow` >= 0: the host settings written there are those changed up to that row (the step
    // the view reveals); -1: all of them.
    void paintHeader(QPainter *painter, int upToRow = -1) const;

    // The Send (or Duplicate) of the arrow, the Call of the box, or the state/signal under a point; -1.
    qsizetype eventAt(QPointF point) const;
    // The area an arrow's label takes (rotated with the arrow): labelRect in labelTransform's frame.
    QPolygonF labelArea(qsizetype arrow) const;
    QTransform labelTransform(qsizetype arrow) const;
    QRectF labelRect(qsizetype arrow) const;
    QString arrowLabel(qsizetype arrow) const;
    // A call's or a signal's whole text, as the diagram would write it with nothing elided (the
    // diagram shortens a long argument or data string to keep its lanes narrow): for a tooltip.
    QString fullText(qsizetype event) const;

    // Test hook: what paintArea did since the counters were reset.
    struct PaintStats {
        qsizetype rows = 0; // rows a paint looked at
        qsizetype arrows = 0;
        qsizetype boxes = 0;
        qsizetype labelsFormatted = 0; // texts made (a cache miss)
    };
    PaintStats &paintStats() const { return m_stats; }

    // Test hook: while set, every paint appends what it draws — each text's box and each mark's
    // outline, in the painter's device coordinates, with the clip it was drawn into — so a test can
    // check that nothing is cut or drawn over a text without repeating the layout's arithmetic.
    struct Drawn {
        enum class Kind : quint8 { Text, Mark };
        Kind kind = Kind::Text;
        QPolygonF area;
        QRectF clip; // device coordinates; null when the painter does not clip
        QString what; // the text, or what the mark is ("drop", "head", "box", ...)
    };
    void setInspector(std::vector<Drawn> *drawn) const { m_drawn = drawn; }

    // Colours of a theme; kept apart by more than hue (line style, weight, arrow head), so they read
    // for colour-blind viewers and in greyscale print too.
    struct Palette {
        QColor background, text, muted, lifeline, appLine, boxFill, boxBorder, error, selection, marker;
        QColor syn, fin, rst, data, ack;
    };
    static Palette palette(DiagramTheme theme);
    // The diagram's error colour for the theme the application's palette is in (a dark window: the
    // dark theme), so error text in the panels and dialogs reads as the diagram's ✗ does, in both.
    static QColor errorColorForApplication();

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
    // elide: shorten a long argument or data string to fit the widest call text a lane holds.
    Text makeCallText(qsizetype boxIndex, bool oneRow, bool elide = true) const;
    // EventText::callText() of the call (nullptr: "read returns 5" of a return alone), shortened to fit.
    QString fitCallLine(const CallRecord *call, const CallRecord *result, bool elide) const;
    void widenLanes(); // the text lanes as wide as the texts laid out since the last update need
    void placeTimerTexts();
    // Where an arrow's label goes: along its own arrow, clear of the marks, of the labels of the
    // arrows near it placed before it and of the wire's edges.
    struct LabelPlace {
        QPointF centre; // on the arrow's line
        qreal lift = 0; // further above the line, when no place along it was free
    };
    LabelPlace labelPlaceOf(qsizetype arrow) const;
    LabelPlace placeLabel(qsizetype arrow) const; // the labels before it placed already
    bool movesLabels() const;
    void keepLabelPlaces(qsizetype firstNewEvent, int firstChangedRow, qreal oldWidth);
    QPolygonF labelPolygon(qsizetype arrow, const LabelPlace &place) const;
    QPointF flightPointOf(qsizetype arrow) const; // where an arrow whose arrival is hidden is drawn to
    // The areas of the states' and timers' texts of these rows, beside the TCP lifelines.
    void textsBesideLifelines(int firstRow, int lastRow, std::vector<QPolygonF> &out) const;
    ArrowStyle styleOf(quint8 flags, quint32 length) const;
    qreal rowTop(int row) const;
    qreal rowBottom(int row) const;
    void paintArrow(QPainter *painter, qsizetype index, int revealedUpTo, const Overlay &overlay, bool selected) const;
    void paintBox(QPainter *painter, qsizetype index, int revealedUpTo, int lastRow, bool selected) const;
    void paintMark(QPainter *painter, qsizetype index, bool selected) const;
    void paintTimer(QPainter *painter, qsizetype index, int revealedUpTo, int lastRow, qint64 nowNs) const;
    void updateTimers();
    void drawHead(QPainter *painter, QPointF tip, QPointF from, ArrowStyle style, const QColor &color) const;
    // Every text and mark goes through these, so the inspector (setInspector) sees what is drawn.
    void drawText(QPainter *painter, QPointF baseline, const QString &text) const;
    void drawText(QPainter *painter, const QRectF &rect, int flags, const QString &text) const;
    void noteMark(QPainter *painter, const QPolygonF &area, const char *what) const;
    void noteMark(QPainter *painter, const QRectF &rect, const char *what) const
    {
        noteMark(painter, QPolygonF(rect), what);
    }
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
    // Host settings changed in the lab (TraceInfo::settingChanges) up to a row (-1: all): "SACK
    // off", "Timestamps off", each a setting of the host that differs from how the lab began.
    QStringList settingParts(Side side, int upToRow) const;
    // Where a host's settings are written in the header: the first line's box (later lines below
    // it) and every line, each setting whole, "·" between those on one line.
    struct SettingsBlock {
        QRectF box;
        Qt::Alignment align = Qt::AlignCenter;
        QStringList lines;
    };
    SettingsBlock settingsBlock(Side side, const QStringList &parts) const;
    // The most lines a host's settings take at any row: what the header makes room for.
    int settingsLineCount() const;
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
        qreal y = 0; // the baseline of its text (placeTimerTexts())
        std::vector<qreal> noteY; // and of each note's
    };
    QHash<qsizetype, TimerStory> m_timerStories; // by the Timer event that starts the bar
    QHash<quint64, qsizetype> m_openTimerOf; // socket -> the Timer event of its open bar
    QHash<quint64, quint32> m_sentEnd; // socket -> the end of the highest sequence number it sent
    QHash<quint64, quint8> m_stateOf; // socket -> its last TcpState
    qsizetype m_timersScanned = 0;
    qsizetype m_lanesScanned = 0; // events whose texts widenLanes() has measured
    qreal m_textBottom = 0; // the lowest timer text's bottom: the picture reaches down to it
    qreal m_failMarkWidth = 0; // the ✗ after a refused call
    qreal m_ascent = 0, m_descent = 0, m_smallAscent = 0, m_smallDescent = 0; // of m_font and m_smallFont

    mutable QHash<qsizetype, Text> m_arrowTexts;
    mutable QHash<qsizetype, QPointF> m_labelCentres; // delivered arrows' label centres, this layout
    mutable std::vector<LabelPlace> m_labelPlaces; // where the labels of arrows 0, 1, … go
    mutable QHash<qsizetype, QPointF> m_flightPoints; // arrows' ends when their arrival is hidden, this layout
    mutable QHash<qsizetype, Text> m_eventTexts;
    mutable PaintStats m_stats;
    mutable std::vector<Drawn> *m_drawn = nullptr;
};
