// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagramoptions.h"
#include "trace/chunkedvector.h"
#include "trace/event.h"

#include <QHash>
#include <QPointF>
#include <QSet>
#include <vector>

class Trace;

// Sizes the layout is built from, in logical px (96 dpi); the renderer measures them from its font.
struct DiagramMetrics {
    qreal lineHeight = 16; // one line of text
    qreal charWidth = 7.5; // an average character
};

// Rows and coordinates of a sequence diagram for a Trace, knowing nothing of painting.
//
// A row is a step: the events that appear together. By step, a row gathers consecutive events that
// fit in it without hiding their order (connect() returns on the row where the SYN+ACK arrives; the
// ACK leaves from there; a segment sent before another one arrives at its side leaves above that
// arrival, so two that cross are drawn crossing), rows evenly spaced. By time, every event has its
// own row at its time (long pauses are shortened so a capture stays readable).
//
// Built once in linear time and extended by update() as the trace grows. What it keeps is small
// numbers: per row its first event (and its y by time), per arrow/box/mark a few indices; labels
// and every other text are the renderer's, made only for what is visible.
class DiagramLayout {
public:
    static constexpr quint32 kNone = 0xffffffffu;
    enum class Column : quint8 { App, Tcp };
    enum class ArrowEnd : quint8 {
        InFlight, // sent, still on the wire
        Delivered,
        Dropped,
        Fixed // seen once (an imported capture): drawn with a fixed slope
    };

    struct Arrow {
        quint32 sendEvent = kNone;
        quint32 endEvent = kNone; // the Deliver or Drop; kNone while in flight
        qint32 startRow = 0;
        qint32 endRow = -1; // -1 while in flight
        ArrowEnd end = ArrowEnd::InFlight;
        bool copy = false; // a copy the wire made (Duplicate)
        Side sender = Side::Client;
        quint8 resent = 0; // retransmissions collapsed into this arrow (saturates at 255)
        // A copy of a folded run delivered or dropped after another copy got through: one row,
        // drawn from the wire where it was held (its Send is drawn by the run's arrow); dropped, it
        // is only a cross there.
        bool late = false;
    };
    struct Box { // a call, from call to return
        quint32 callEvent = kNone;
        quint32 returnEvent = kNone; // kNone while blocked
        qint32 startRow = 0;
        qint32 endRow = -1;
        Side side = Side::Client;
    };
    struct Mark { // a kernel state change or a Qt signal: one row
        quint32 event = kNone;
        qint32 row = 0;
    };
    struct TimerSpan { // a pending kernel timer, from when it was seen armed until it stopped
        quint32 event = kNone;
        qint32 startRow = 0;
        qint32 endRow = -1;
    };

    // collapseRetransmissions: the retransmissions a kernel sends while the wire still holds a copy
    // of the segment are drawn as its first arrow, ended by the copy that got through and marked
    // with the count. The arrow stays in flight while any copy is held and no copy got through (a
    // copy lost meanwhile is told by the count); it ends at the first copy delivered, or at the
    // last lost when every copy was. A copy delivered or dropped after that is a late arrow of its
    // own. A retransmission sent when no copy is held (every one so far was lost) starts a new
    // arrow: the cross of the loss stays drawn.
    DiagramLayout(const Trace &trace, LayoutMode mode, DiagramMetrics metrics = {},
                  bool collapseRetransmissions = false);

    // Catches up with events appended since; returns the first row that changed (rowCount() if none).
    int update();
    void reset();

    LayoutMode mode() const { return m_mode; }
    const DiagramMetrics &metrics() const { return m_metrics; }
    qsizetype eventsSeen() const { return m_seen; }

    // Rows
    int rowCount() const { return int(m_rowFirst.size()); }
    quint32 rowFirstEvent(int row) const { return m_rowFirst[row]; }
    // One past the last event of a row.
    qsizetype rowEndEvent(int row) const;
    int rowOfEvent(qsizetype event) const;
    qreal rowY(int row) const; // the row's centre line
    // The row whose band holds y, clamped to [0, rowCount()-1]; -1 without rows.
    int rowAt(qreal y) const;

    // Geometry
    // The hosts' titles and column titles, and extra lines below them for the host settings the
    // renderer writes there (setHeaderLines): every row moves down with it.
    qreal headerHeight() const { return (3.2 + m_headerLines) * m_metrics.lineHeight; }
    int headerLines() const { return m_headerLines; }
    void setHeaderLines(int extra) { m_headerLines = extra; }
    qreal rowHeight() const { return m_rowHeight; }
    qreal width() const { return m_x.width; }
    qreal height() const; // header and every row
    qreal columnX(Side side, Column column) const;
    qreal wireMiddleX() const { return (m_x.tcp[0] + m_x.tcp[1]) / 2; }
    qreal boxWidth() const { return 1.4 * m_metrics.charWidth; }
    // Extent of the text beside the app and TCP columns: [left, right] of where it goes.
    qreal appTextEdge(Side side) const; // call text ends (client) / starts (server) here
    qreal stateTextEdge(Side side) const;
    // The lanes for text beside the lifelines: a program's calls and signals outside its lifeline,
    // its kernel's states and timers between the two lifelines. Each is as wide as the widest
    // text the renderer measured for it (widenTextLanes), never narrower than its default; only x
    // positions move (rows stay), and reset() narrows them again.
    void widenTextLanes(Side side, qreal appText, qreal stateText);
    qreal appTextWidth(Side side) const { return m_laneWidth.app[int(side)]; }
    qreal stateTextWidth(Side side) const { return m_laneWidth.state[int(side)]; }
    qreal defaultAppTextWidth() const;
    qreal defaultStateTextWidth() const;
    // The wire between the TCP lifelines: wider than its default where labels are long, so two
    // arrows that cross have room for both labels.
    void widenWire(qreal width);

    // Arrows, in the order their rows start
    qsizetype arrowCount() const { return m_arrows.items.size(); }
    const Arrow &arrow(qsizetype i) const { return m_arrows.items[i]; }
    Side receiverOf(const Arrow &a) const { return a.sender == Side::Client ? Side::Server : Side::Client; }
    QPointF arrowStart(const Arrow &a) const;
    // Where the arrow ends when rows after revealedUpTo (if >= 0) are hidden: an arrow whose end is
    // hidden is drawn in flight.
    QPointF arrowEnd(const Arrow &a, int revealedUpTo = -1) const;
    ArrowEnd arrowEndKind(const Arrow &a, int revealedUpTo = -1) const;
    qsizetype arrowOfEvent(qsizetype event) const; // the arrow a Send/Deliver/Drop/Duplicate draws; -1

    // Folded runs (collapseRetransmissions). The arrow a run is drawn as, for that arrow or one
    // of its late copies; -1 for an arrow that is no part of a run.
    qsizetype foldOf(qsizetype arrow) const;
    // A run's Sends in send order (the run's arrow's first), and how many the wire still holds.
    const std::vector<quint32> &foldedSends(qsizetype foldArrow) const;
    int heldCopies(qsizetype foldArrow) const;

    // One Send of a segment's run, and what the wire did with it.
    struct Copy {
        qsizetype send = -1;
        qsizetype fate = -1; // its Deliver or Drop; -1 while the wire holds it
        friend bool operator==(const Copy &, const Copy &) = default;
    };
    // The Sends collapseRetransmissions folds into one arrow, of the run that holds the segment
    // event `event` (a Send or a wire action on one), in send order; only that Send when it was
    // sent once (or the trace has no wire). The same rule as the layout, found by scanning the
    // trace from the run's start: for the panels, not for painting.
    static std::vector<Copy> copiesOf(const Trace &trace, qsizetype event);

    qsizetype boxCount() const { return m_boxes.items.size(); }
    const Box &box(qsizetype i) const { return m_boxes.items[i]; }
    qsizetype boxOfEvent(qsizetype event) const; // for a Call or Return; -1

    qsizetype markCount() const { return qsizetype(m_marks.size()); }
    const Mark &mark(qsizetype i) const { return m_marks[size_t(i)]; }
    bool hasRunningTimers() const { return !m_openTimers.isEmpty(); }
    const TimerSpan &timer(qsizetype i) const { return m_timers.items[i]; }

    // Visits what touches rows [first, last]; f(index).
    template<typename F>
    void forEachArrow(int first, int last, F &&f) const
    {
        m_arrows.forEach(first, last, f);
    }
    template<typename F>
    void forEachBox(int first, int last, F &&f) const
    {
        m_boxes.forEach(first, last, f);
    }
    template<typename F>
    void forEachTimer(int first, int last, F &&f) const
    {
        m_timers.forEach(first, last, f);
    }
    template<typename F>
    void forEachMark(int first, int last, F &&f) const
    {
        auto it =
            std::lower_bound(m_marks.begin(), m_marks.end(), first, [](const Mark &m, int r) { return m.row < r; });
        for (; it != m_marks.end() && it->row <= last; ++it)
            f(qsizetype(it - m_marks.begin()));
    }

    // An imported capture's shape: each segment seen once, no wire to end an arrow at (a capture,
    // or a generated trace of Sends and no wire actions). The wire panel follows the same rule.
    static bool drawsFixedArrows(const Trace &trace);

    // Bytes held, for the memory budget.
    qsizetype memoryBytes() const;

private:
    // Items that span rows, sorted by start row. Short ones are found by a binary search; the few
    // long or open ones (a blocked accept(), a SYN held for minutes) are kept in a side list, so a
    // window's query costs its own rows, not the trace's.
    template<typename T>
    struct SpanList {
        static constexpr int kShort = 64;
        ChunkedVector<T> items; // no reallocation copies as a capture's million arrows arrive
        std::vector<quint32> longOnes;

        static bool isLong(const T &t) { return t.endRow < 0 || t.endRow - t.startRow > kShort; }
        void add(const T &t)
        {
            items.push_back(t);
            if (isLong(t)) longOnes.push_back(quint32(items.size() - 1));
        }
        void close(quint32 i, int endRow) // also moves the end of an item already closed
        {
            const bool wasListed = isLong(items[i]);
            items[i].endRow = endRow;
            if (wasListed && !isLong(items[i]))
                std::erase(longOnes, i);
            else if (!wasListed && isLong(items[i]))
                longOnes.push_back(i);
        }
        // Index of the first item starting at or after row.
        qsizetype lowerBound(int row) const
        {
            qsizetype lo = 0, hi = items.size();
            while (lo < hi) {
                const qsizetype mid = lo + (hi - lo) / 2;
                if (items[mid].startRow < row)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            return lo;
        }
        template<typename F>
        void forEach(int first, int last, F &f) const
        {
            for (qsizetype i = lowerBound(first - kShort); i < items.size() && items[i].startRow <= last; ++i) {
                const T &t = items[i];
                if (!isLong(t) && t.endRow >= first) f(i);
            }
            for (quint32 i : longOnes) {
                const T &t = items[i];
                if (t.startRow <= last && (t.endRow < 0 || t.endRow >= first)) f(qsizetype(i));
            }
        }
        qsizetype bytes() const { return items.capacityBytes() + qsizetype(longOnes.capacity() * 4); }
    };

    // What the last row already holds, per side: a new event joins it only where its place is free
    // (an arrival, also only where its side sent nothing).
    enum Slot : quint8 { App = 1, State = 2, Out = 4, In = 8 };
    bool canJoin(Side side, quint8 slot) const;
    int place(qsizetype event, Side side, quint8 slot, bool join);
    void noteTraceSteps(qsizetype event);
    void layoutEvent(qsizetype i);
    void layoutFoldedCopy(qsizetype i, quint32 foldArrow);
    static quint64 socketKey(const Event &e);
    // Whether a retransmission repeats `first` exactly (same connection, sequence range and flags).
    static bool sameSegment(const Event &first, const Event &again);
    void decideTimeScale();
    void placeColumns();

    const Trace &m_trace;
    LayoutMode m_mode;
    DiagramMetrics m_metrics;
    qreal m_rowHeight = 0;
    int m_headerLines = 0; // kept by reset(): the renderer's to decide
    struct {
        qreal app[2] = {};
        qreal tcp[2] = {};
        qreal appText[2] = {};
        qreal stateText[2] = {};
        qreal width = 0;
    } m_x;
    struct {
        qreal app[2] = {};
        qreal state[2] = {};
        qreal wire = 0;
    } m_laneWidth;
    bool m_fixedArrows = false; // an imported capture: only Send events, no wire
    bool m_collapse = false;
    qint64 m_lastArrow[2] = {-1, -1}; // per sender: its latest arrow, what a retransmission may join
    QHash<quint32, quint32> m_collapsed; // Send of a folded run (the first too) -> the run's arrow
    struct Fold {
        std::vector<quint32> sends; // in send order
        quint32 held = 0; // copies not yet delivered or dropped
    };
    QHash<quint32, Fold> m_folds; // the run's arrow -> the run: few, one per resent segment
    qreal m_nsToPx = 0; // by time
    qint64 m_lastTNs = 0;

    qsizetype m_seen = 0;
    size_t m_nextTraceStep = 0; // the first of the trace's steps not yet behind the events laid out
    bool m_breakPending = false; // a step began since the last row did: the next row is a new one
    ChunkedVector<quint32> m_rowFirst;
    ChunkedVector<double> m_rowY; // by time only, below the header (it may grow)
    quint8 m_lastSlots[2] = {};
    SpanList<Arrow> m_arrows;
    SpanList<Box> m_boxes;
    SpanList<TimerSpan> m_timers;
    std::vector<Mark> m_marks;
    std::vector<quint32> m_openArrows; // in flight: few
    QHash<quint32, quint32> m_openBoxes; // call event -> box
    QSet<quint32> m_emittedInside; // open calls Qt emitted a signal inside: they return at once
    int m_firstChanged = 0; // update(): a box closed on an earlier row moves it up
    QHash<quint64, quint8> m_socketState; // last state per socket, to write only changes
    QHash<quint64, quint32> m_openTimers; // socket -> timer span
};
