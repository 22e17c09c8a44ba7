// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagramlayout.h"

#include "trace/trace.h"

#include <algorithm>

namespace {
constexpr int sideIndex(Side s)
{
    return int(s);
}
} // namespace

DiagramLayout::DiagramLayout(const Trace &trace, LayoutMode mode, DiagramMetrics metrics, bool collapseRetransmissions)
    : m_trace(trace)
    , m_mode(mode)
    , m_metrics(metrics)
    , m_collapse(collapseRetransmissions)
{
    // A row holds a label line above its arrow and the arrow's rise below it.
    m_rowHeight = 2.0 * metrics.lineHeight;
    reset();
}

qreal DiagramLayout::defaultAppTextWidth() const
{
    return 36 * m_metrics.charWidth;
}
qreal DiagramLayout::defaultStateTextWidth() const
{
    return 14 * m_metrics.charWidth;
}

void DiagramLayout::widenTextLanes(Side side, qreal appText, qreal stateText)
{
    const int s = sideIndex(side);
    if (appText <= m_laneWidth.app[s] && stateText <= m_laneWidth.state[s]) return;
    m_laneWidth.app[s] = std::max(m_laneWidth.app[s], appText);
    m_laneWidth.state[s] = std::max(m_laneWidth.state[s], stateText);
    placeColumns();
}

void DiagramLayout::widenWire(qreal width)
{
    if (width <= m_laneWidth.wire) return;
    m_laneWidth.wire = width;
    placeColumns();
}

void DiagramLayout::placeColumns()
{
    // Left to right: call text | client app | state text | client TCP | wire | server TCP | state | app | text.
    const qreal cw = m_metrics.charWidth;
    const qreal margin = 1.5 * cw;
    const qreal wire = m_laneWidth.wire;
    const qreal box = boxWidth();
    m_x.appText[0] = margin + m_laneWidth.app[0];
    m_x.app[0] = m_x.appText[0] + cw + box / 2;
    m_x.stateText[0] = m_x.app[0] + box / 2 + cw;
    m_x.tcp[0] = m_x.stateText[0] + m_laneWidth.state[0] + cw;
    m_x.tcp[1] = m_x.tcp[0] + wire;
    m_x.stateText[1] = m_x.tcp[1] + cw;
    m_x.app[1] = m_x.stateText[1] + m_laneWidth.state[1] + cw + box / 2;
    m_x.appText[1] = m_x.app[1] + box / 2 + cw;
    m_x.width = m_x.appText[1] + m_laneWidth.app[1] + margin;
}

bool DiagramLayout::drawsFixedArrows(const Trace &trace)
{
    // A capture saw each segment once, at one point of the path: no delivery to end an arrow at.
    // A generated trace is drawn so when it has that shape (Sends, no wire actions).
    if (!trace.info().isGenerated()) return trace.info().fromCapture();
    bool sends = false, wire = false;
    for (qsizetype i = 0, n = std::min<qsizetype>(trace.size(), 4096); i < n; ++i) {
        const EventKind k = trace.at(i).kind;
        sends = sends || k == EventKind::Send;
        wire = wire || k == EventKind::Deliver || k == EventKind::Drop || k == EventKind::Duplicate;
    }
    return sends && !wire;
}

bool DiagramLayout::sameSegment(const Event &first, const Event &again)
{
    return first.side == again.side && first.localPort == again.localPort && first.remotePort == again.remotePort
        && first.seq == again.seq && first.length == again.length && (first.flags & 0x07) == (again.flags & 0x07);
}

void DiagramLayout::reset()
{
    for (int s = 0; s < 2; ++s) {
        m_laneWidth.app[s] = defaultAppTextWidth();
        m_laneWidth.state[s] = defaultStateTextWidth();
    }
    m_laneWidth.wire = 46 * m_metrics.charWidth;
    placeColumns();
    m_fixedArrows = drawsFixedArrows(m_trace);
    m_nsToPx = 0;
    m_lastTNs = 0;
    m_seen = 0;
    m_nextTraceStep = 0;
    m_breakPending = false;
    m_rowFirst.clear();
    m_rowY.clear();
    m_lastSlots[0] = m_lastSlots[1] = 0;
    m_arrows.items.clear();
    m_arrows.longOnes.clear();
    m_boxes.items.clear();
    m_boxes.longOnes.clear();
    m_timers.items.clear();
    m_timers.longOnes.clear();
    m_marks.clear();
    m_openArrows.clear();
    m_openBoxes.clear();
    m_emittedInside.clear();
    m_socketState.clear();
    m_openTimers.clear();
    m_collapsed.clear();
    m_folds.clear();
    m_lastArrow[0] = m_lastArrow[1] = -1;
    update();
}

int DiagramLayout::update()
{
    // The last row may gain events without a row being added.
    m_firstChanged = std::max(0, rowCount() - 1);
    if (m_mode == LayoutMode::ByTime && m_nsToPx == 0 && m_seen < m_trace.size()) decideTimeScale();
    for (; m_seen < m_trace.size(); ++m_seen)
        layoutEvent(m_seen);
    return m_firstChanged;
}

// By time, one row height stands for the typical gap between events (the median of the first
// few hundred), so a capture of a LAN and one of a slow link both start readable.
void DiagramLayout::decideTimeScale()
{
    std::vector<qint64> gaps;
    const qsizetype n = std::min<qsizetype>(m_trace.size(), 512);
    for (qsizetype i = 1; i < n; ++i) {
        const qint64 d = m_trace.at(i).tNs - m_trace.at(i - 1).tNs;
        if (d > 0) gaps.push_back(d);
    }
    qint64 typical = 20'000'000; // 20 ms, for a trace too young to tell
    if (gaps.size() >= 8) {
        std::nth_element(gaps.begin(), gaps.begin() + qsizetype(gaps.size() / 2), gaps.end());
        typical = gaps[gaps.size() / 2];
    }
    m_nsToPx = m_rowHeight / double(typical);
}

bool DiagramLayout::canJoin(Side side, quint8 slot) const
{
    if (m_mode != LayoutMode::ByStep || rowCount() == 0) return false;
    quint8 taken = slot;
    // An arrival never joins a row its side already sent from: that segment left before this one
    // arrived, and drawn leaving where this one ends it would read as its answer (two FINs that
    // cross would be a zigzag of four messages). A segment sent after an arrival may share its
    // row: that is the answer, drawn where its cause arrived. Events are laid out in trace order,
    // so this keeps every send above the arrivals at its side that came after it.
    if (slot & Slot::In) taken |= Slot::Out;
    return !(m_lastSlots[sideIndex(side)] & taken);
}

void DiagramLayout::noteTraceSteps(qsizetype event)
{
    // A step that starts at or before this event, after the last row began, needs a row of its
    // own — even when the event that starts it draws nothing (a state written already, a timer).
    const std::vector<TraceStep> &steps = m_trace.steps();
    while (m_nextTraceStep < steps.size() && steps[m_nextTraceStep].firstEvent <= event) {
        if (rowCount() > 0) m_breakPending = true;
        ++m_nextTraceStep;
    }
}

int DiagramLayout::place(qsizetype event, Side side, quint8 slot, bool join)
{
    // A scenario's step starts a row of its own, so revealing a step never shows part of the next.
    if (!join || rowCount() == 0 || m_breakPending) {
        m_breakPending = false;
        const qint64 t = m_trace.at(event).tNs;
        if (m_mode == LayoutMode::ByTime) {
            double y = m_rowHeight / 2;
            if (rowCount() > 0) {
                // Real time, but never closer than a line of text, and a long pause shortened to a few rows.
                const double dy = double(std::max<qint64>(0, t - m_lastTNs)) * m_nsToPx;
                y = m_rowY.back() + std::clamp(dy, m_metrics.lineHeight, 4 * m_rowHeight);
            }
            m_rowY.push_back(y);
        }
        m_lastTNs = t;
        m_rowFirst.push_back(quint32(event));
        m_lastSlots[0] = m_lastSlots[1] = 0;
    }
    m_lastSlots[sideIndex(side)] |= slot;
    return rowCount() - 1;
}

quint64 DiagramLayout::socketKey(const Event &e)
{
    return (quint64(e.side) << 32) | (quint64(e.localPort) << 16) | e.remotePort;
}

void DiagramLayout::layoutEvent(qsizetype i)
{
    noteTraceSteps(i);
    const Event &e = m_trace.at(i);
    const int si = sideIndex(e.side);
    const quint8 sameSideTcp = Slot::State | Slot::Out | Slot::In;
    switch (e.kind) {
    case EventKind::Call:
    case EventKind::Signal: {
        // A program reacts to what its kernel just did: a call may share the row of its own side's
        // segment or state, never the row of another call.
        const bool join = canJoin(e.side, Slot::App) && (m_lastSlots[si] & sameSideTcp);
        const int row = place(i, e.side, Slot::App, join);
        if (e.kind == EventKind::Signal) {
            m_marks.push_back({quint32(i), row});
            const qint64 inside = m_trace.callRecord(e).callEvent;
            if (inside >= 0 && m_openBoxes.contains(quint32(inside))) m_emittedInside.insert(quint32(inside));
        } else {
            m_boxes.add({quint32(i), kNone, row, -1, e.side});
            m_openBoxes.insert(quint32(i), quint32(m_boxes.items.size() - 1));
        }
        break;
    }
    case EventKind::Return: {
        const qint64 callEvent = m_trace.callRecord(e).callEvent;
        const auto open = m_openBoxes.constFind(quint32(callEvent));
        const bool known = callEvent >= 0 && open != m_openBoxes.cend();
        if (known && m_emittedInside.remove(quint32(callEvent)) && !m_breakPending) {
            // Qt emitted a signal inside this call (disconnected() inside disconnectFromHost()), yet
            // it returned at once: its box stays on its call's row, the signal is drawn below it,
            // and the return takes no place of its own.
            Box &b = m_boxes.items[*open];
            b.returnEvent = quint32(i);
            m_boxes.close(*open, b.startRow);
            m_openBoxes.erase(open);
            m_firstChanged = std::min(m_firstChanged, b.startRow);
            break;
        }
        // Joins its own call's row (an immediate return) or a row where its side's kernel acted.
        const bool ownRow = known && m_boxes.items[*open].startRow == rowCount() - 1;
        const bool join = ownRow || (canJoin(e.side, Slot::App) && (m_lastSlots[si] & sameSideTcp));
        const int row = place(i, e.side, Slot::App, join);
        if (known) {
            m_boxes.items[*open].returnEvent = quint32(i);
            m_boxes.close(*open, row);
            m_openBoxes.erase(open);
        } else {
            // Its call came before the trace began: a box of one row.
            Box b {kNone, quint32(i), row, row, e.side};
            m_boxes.add(b);
        }
        break;
    }
    case EventKind::Send: {
        if (m_collapse && (e.marks & EventMark::Retransmission) && m_lastArrow[si] >= 0) {
            // The same segment again while a copy of it is still held and none got through: fold
            // it into that arrow. Once every copy so far was lost, the loss is the lesson (its
            // cross stays drawn) and the next copy is an arrow of its own.
            const auto a = quint32(m_lastArrow[si]);
            Arrow &last = m_arrows.items[a];
            if (!last.copy && last.end == ArrowEnd::InFlight && sameSegment(m_trace.at(last.sendEvent), e)) {
                Fold &fold = m_folds[a];
                if (fold.sends.empty()) {
                    fold.sends.push_back(last.sendEvent);
                    fold.held = last.end == ArrowEnd::InFlight ? 1 : 0;
                    m_collapsed.insert(last.sendEvent, a);
                }
                fold.sends.push_back(quint32(i));
                ++fold.held;
                last.resent = quint8(std::min(255, last.resent + 1));
                m_collapsed.insert(quint32(i), a);
                break;
            }
        }
        // A segment leaves from the row of what caused it on its side (a call, an arrival).
        const bool join = canJoin(e.side, Slot::Out) && (m_lastSlots[si] & (Slot::App | Slot::In));
        const int row = place(i, e.side, Slot::Out, join);
        Arrow a;
        a.sendEvent = quint32(i);
        a.startRow = row;
        a.sender = e.side;
        if (m_fixedArrows) {
            a.end = ArrowEnd::Fixed;
            a.endRow = row;
            m_arrows.add(a);
        } else {
            m_arrows.add(a);
            m_openArrows.push_back(quint32(m_arrows.items.size() - 1));
        }
        m_lastArrow[si] = m_arrows.items.size() - 1;
        break;
    }
    case EventKind::Duplicate: {
        const int row = place(i, e.side, Slot::Out, false);
        Arrow a;
        a.sendEvent = e.ref;
        a.startRow = row;
        a.sender = e.side;
        a.copy = true;
        m_arrows.add(a);
        m_openArrows.push_back(quint32(m_arrows.items.size() - 1));
        break;
    }
    case EventKind::Deliver:
    case EventKind::Drop: {
        const bool copy = e.marks & EventMark::Copy;
        if (!copy) {
            const auto folded = m_collapsed.constFind(e.ref);
            if (folded != m_collapsed.cend()) {
                layoutFoldedCopy(i, *folded);
                break;
            }
        }
        auto it = std::find_if(m_openArrows.begin(), m_openArrows.end(), [&](quint32 a) {
            return m_arrows.items[a].sendEvent == e.ref && m_arrows.items[a].copy == copy;
        });
        if (it == m_openArrows.end())
            it = std::find_if(m_openArrows.begin(), m_openArrows.end(),
                              [&](quint32 a) { return m_arrows.items[a].sendEvent == e.ref; });
        const Side receiver = otherSide(e.side);
        // Never on the row it was sent from: an arrow always goes down.
        const bool join =
            canJoin(receiver, Slot::In) && it != m_openArrows.end() && m_arrows.items[*it].startRow != rowCount() - 1;
        const int row = place(i, receiver, Slot::In, join);
        if (it != m_openArrows.end()) {
            const quint32 a = *it;
            m_openArrows.erase(it);
            m_arrows.items[a].endEvent = quint32(i);
            m_arrows.items[a].end = e.kind == EventKind::Deliver ? ArrowEnd::Delivered : ArrowEnd::Dropped;
            m_arrows.close(a, row);
        } else {
            // Its Send is not in this trace (a malformed or cut file): a short arrow of its own.
            Arrow a;
            a.sendEvent = quint32(i);
            a.endEvent = quint32(i);
            a.startRow = row;
            a.endRow = row;
            a.sender = e.side;
            a.end = ArrowEnd::Fixed;
            m_arrows.add(a);
        }
        break;
    }
    case EventKind::State: {
        const quint64 key = socketKey(e);
        const auto last = m_socketState.constFind(key);
        if (last != m_socketState.cend() && *last == e.flags) break; // written only where it changes
        m_socketState.insert(key, e.flags);
        const int row = place(i, e.side, Slot::State, canJoin(e.side, Slot::State));
        m_marks.push_back({quint32(i), row});
        if (e.state() == TcpState::Closed) {
            // A closed socket has no timers left.
            const auto t = m_openTimers.constFind(key);
            if (t != m_openTimers.cend()) {
                m_timers.close(*t, row);
                m_openTimers.erase(t);
            }
        }
        break;
    }
    case EventKind::Timer: {
        // A timer belongs to the row of what armed it: it never makes a row of its own (unless it
        // is the first thing of a scenario's step).
        if (rowCount() == 0 || m_breakPending) place(i, e.side, 0, false);
        const int row = rowCount() - 1;
        const quint64 key = socketKey(e);
        const auto t = m_openTimers.constFind(key);
        if (t != m_openTimers.cend()) {
            m_timers.close(*t, row);
            m_openTimers.erase(t);
        }
        if (e.timer() != TimerKind::None) {
            m_timers.add({quint32(i), row, -1});
            m_openTimers.insert(key, quint32(m_timers.items.size() - 1));
        }
        break;
    }
    case EventKind::Queues:
        // The socket inspector's: never a row (a poll's reading may open a scenario's step).
        break;
    }
}

void DiagramLayout::layoutFoldedCopy(qsizetype i, quint32 foldArrow)
{
    const Event &e = m_trace.at(i);
    const Side receiver = otherSide(e.side);
    const bool delivered = e.kind == EventKind::Deliver;
    Fold &fold = m_folds[foldArrow];
    fold.held -= fold.held > 0 ? 1 : 0;
    Arrow &arrow = m_arrows.items[foldArrow];
    if (arrow.end == ArrowEnd::Delivered) {
        // Another copy already got through, so this one is news: the receiver gets the segment a
        // second time (and answers it), or the wire loses what it still held. Drawn on its own
        // row from the wire, not from the sender, which sent it long before.
        const int row = place(i, receiver, Slot::In, canJoin(receiver, Slot::In));
        Arrow late;
        late.sendEvent = e.ref;
        late.endEvent = quint32(i);
        late.startRow = row;
        late.endRow = row;
        late.end = delivered ? ArrowEnd::Delivered : ArrowEnd::Dropped;
        late.sender = e.side;
        late.late = true;
        m_arrows.add(late);
        return;
    }
    if (!delivered && fold.held > 0)
        return; // lost while other copies are held: still in flight, the count and the details tell
    // The first copy to get through, or the last of them lost, ends the arrow.
    std::erase(m_openArrows, foldArrow);
    const bool join = arrow.startRow != rowCount() - 1 && canJoin(receiver, Slot::In);
    const int row = place(i, receiver, Slot::In, join);
    arrow.endEvent = quint32(i);
    arrow.end = delivered ? ArrowEnd::Delivered : ArrowEnd::Dropped;
    m_arrows.close(foldArrow, row);
}

qsizetype DiagramLayout::rowEndEvent(int row) const
{
    return row + 1 < rowCount() ? qsizetype(m_rowFirst[row + 1]) : m_seen;
}

int DiagramLayout::rowOfEvent(qsizetype event) const
{
    // The last row whose first event is <= event.
    int lo = 0, hi = rowCount();
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (qsizetype(m_rowFirst[mid]) <= event)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

qreal DiagramLayout::rowY(int row) const
{
    if (m_mode == LayoutMode::ByTime && row >= 0 && row < rowCount()) return headerHeight() + m_rowY[row];
    return headerHeight() + (row + 0.5) * m_rowHeight;
}

int DiagramLayout::rowAt(qreal y) const
{
    if (rowCount() == 0) return -1;
    int row;
    if (m_mode == LayoutMode::ByStep) {
        row = int(std::floor((y - headerHeight()) / m_rowHeight));
    } else {
        // The last row starting above y (a row's band starts half a line above its centre).
        int lo = 0, hi = rowCount();
        while (lo < hi) {
            const int mid = lo + (hi - lo) / 2;
            if (headerHeight() + m_rowY[mid] - m_metrics.lineHeight / 2 <= y)
                lo = mid + 1;
            else
                hi = mid;
        }
        row = lo - 1;
    }
    return std::clamp(row, 0, rowCount() - 1);
}

qreal DiagramLayout::height() const
{
    if (rowCount() == 0) return headerHeight() + m_rowHeight;
    return rowY(rowCount() - 1) + m_rowHeight;
}

qreal DiagramLayout::columnX(Side side, Column column) const
{
    return column == Column::App ? m_x.app[sideIndex(side)] : m_x.tcp[sideIndex(side)];
}

qreal DiagramLayout::appTextEdge(Side side) const
{
    return m_x.appText[sideIndex(side)];
}
qreal DiagramLayout::stateTextEdge(Side side) const
{
    return m_x.stateText[sideIndex(side)];
}

QPointF DiagramLayout::arrowStart(const Arrow &a) const
{
    // A late copy comes out of the wire, where it waited: a dropped one ends there too. Flatter than
    // a one-row arrow, so it does not start where an arrow of the row before, still in flight, ends.
    if (a.late)
        return {wireMiddleX(), rowY(a.startRow) - (a.end == ArrowEnd::Dropped ? 0 : 0.4 * m_metrics.lineHeight)};
    return {columnX(a.sender, Column::Tcp), rowY(a.startRow)};
}

DiagramLayout::ArrowEnd DiagramLayout::arrowEndKind(const Arrow &a, int revealedUpTo) const
{
    if (a.end == ArrowEnd::Fixed || a.end == ArrowEnd::InFlight) return a.end;
    if (revealedUpTo >= 0 && a.endRow > revealedUpTo) return ArrowEnd::InFlight;
    return a.end;
}

QPointF DiagramLayout::arrowEnd(const Arrow &a, int revealedUpTo) const
{
    const QPointF start = arrowStart(a);
    const qreal receiverX = columnX(receiverOf(a), Column::Tcp);
    switch (arrowEndKind(a, revealedUpTo)) {
    case ArrowEnd::InFlight:
        // An end hidden (a slide before its arrival): half way along the whole arrow, so the label
        // there stays put when it arrives.
        if (a.end != ArrowEnd::InFlight) return (start + arrowEnd(a)) / 2;
        // Still on the wire: half way across, at the slope of a one-row arrow.
        return {wireMiddleX(), start.y() + m_rowHeight / 2};
    case ArrowEnd::Fixed:
        return {receiverX, start.y() + 0.8 * m_rowHeight};
    case ArrowEnd::Dropped:
        if (a.late) return start;
        return {wireMiddleX(), std::max(rowY(a.endRow), start.y() + m_rowHeight / 2)};
    case ArrowEnd::Delivered:
        break;
    }
    return {receiverX, rowY(a.endRow)};
}

qsizetype DiagramLayout::arrowOfEvent(qsizetype event) const
{
    if (event < 0 || event >= m_seen) return -1;
    const Event &e = m_trace.at(event);
    if (!e.isSegment()) return -1;
    const qsizetype send = m_trace.sendIndexOf(event);
    // Every Send of a folded run is drawn by the run's arrow; its wire actions by the run's arrow
    // (which started at the run's first Send) or by a late copy.
    const auto folded = m_collapsed.constFind(quint32(send));
    const bool inRun = folded != m_collapsed.cend();
    if (inRun && e.kind == EventKind::Send) return *folded;
    const int fromRow = inRun ? m_arrows.items[*folded].startRow : rowOfEvent(send);
    const int toRow = rowOfEvent(event);
    for (qsizetype i = m_arrows.lowerBound(fromRow); i < m_arrows.items.size(); ++i) {
        const Arrow &a = m_arrows.items[i];
        if (a.startRow > toRow) break;
        const bool match = e.kind == EventKind::Send ? (a.sendEvent == quint32(event) && !a.copy)
            : e.kind == EventKind::Duplicate         ? (a.copy && a.startRow == toRow && a.sendEvent == quint32(send))
                                                     : a.endEvent == quint32(event);
        if (match) return i;
    }
    // A copy lost while others were still held has no line of its own: its run's arrow tells.
    if (inRun && e.kind == EventKind::Drop && !(e.marks & EventMark::Copy)) return *folded;
    return -1;
}

qsizetype DiagramLayout::foldOf(qsizetype arrow) const
{
    if (arrow < 0 || arrow >= arrowCount() || m_arrows.items[arrow].copy) return -1;
    const auto it = m_collapsed.constFind(m_arrows.items[arrow].sendEvent);
    return it == m_collapsed.cend() ? -1 : qsizetype(*it);
}

const std::vector<quint32> &DiagramLayout::foldedSends(qsizetype foldArrow) const
{
    static const std::vector<quint32> kNoSends;
    const auto it = m_folds.constFind(quint32(foldArrow));
    return it == m_folds.cend() ? kNoSends : it->sends;
}

int DiagramLayout::heldCopies(qsizetype foldArrow) const
{
    const auto it = m_folds.constFind(quint32(foldArrow));
    return it == m_folds.cend() ? 0 : int(it->held);
}

std::vector<DiagramLayout::Copy> DiagramLayout::copiesOf(const Trace &trace, qsizetype event)
{
    if (event < 0 || event >= trace.size() || !trace.at(event).isSegment()) return {};
    const qsizetype target = trace.sendIndexOf(event);
    if (target < 0 || target >= trace.size()) return {};
    if (drawsFixedArrows(trace)) return {Copy {target, -1}};
    const Event &sent = trace.at(target);
    // Back along the sender's Sends of this very segment, each a retransmission of the one
    // before: the earliest is where the run holding `target` (or an earlier run) starts.
    qsizetype start = target;
    for (qsizetype i = target - 1, link = target; i >= 0; --i) {
        const Event &x = trace.at(i);
        if (x.kind != EventKind::Send || x.side != sent.side) continue;
        if (!sameSegment(x, sent) || !(trace.at(link).marks & EventMark::Retransmission)) break;
        start = link = i;
    }
    // Forward as layoutEvent() goes: a retransmission of the segment joins the run while a copy
    // of it is held and none got through; any other Send by the sender becomes its latest arrow, so the run ends
    // there (and a copy of the chain sent then starts the next run).
    std::vector<Copy> run {Copy {start, -1}};
    bool delivered = false, open = true;
    auto held = [&] { return std::any_of(run.begin(), run.end(), [](const Copy &c) { return c.fate < 0; }); };
    for (qsizetype i = start + 1; i < trace.size(); ++i) {
        const bool mine = run.back().send >= target; // the run holds `target`
        if (mine && (delivered || !open) && !held())
            break; // nothing can join it any more, and every copy's fate is known
        const Event &x = trace.at(i);
        if (x.kind == EventKind::Send && x.side == sent.side && open) {
            if (!delivered && held() && (x.marks & EventMark::Retransmission) && sameSegment(sent, x)) {
                run.push_back({i, -1});
            } else if (!mine) {
                run = {Copy {i, -1}}; // a Send between start and target: one of the chain
                delivered = false;
            } else {
                open = false;
            }
        } else if ((x.kind == EventKind::Deliver || x.kind == EventKind::Drop) && !(x.marks & EventMark::Copy)) {
            for (Copy &c : run) {
                if (c.send == qsizetype(x.ref) && c.fate < 0) {
                    c.fate = i;
                    delivered = delivered || x.kind == EventKind::Deliver;
                    break;
                }
            }
        }
    }
    return run;
}

qsizetype DiagramLayout::boxOfEvent(qsizetype event) const
{
    if (event < 0 || event >= m_seen) return -1;
    const Event &e = m_trace.at(event);
    qsizetype call = event;
    if (e.kind == EventKind::Return)
        call = m_trace.callRecord(e).callEvent;
    else if (e.kind != EventKind::Call)
        return -1;
    const int row = call >= 0 ? rowOfEvent(call) : rowOfEvent(event);
    const int lastRow = rowOfEvent(event);
    for (qsizetype i = m_boxes.lowerBound(row); i < m_boxes.items.size(); ++i) {
        const Box &b = m_boxes.items[i];
        if (b.startRow > lastRow) break;
        if ((call >= 0 && b.callEvent == quint32(call)) || b.returnEvent == quint32(event)) return i;
    }
    return -1;
}

qsizetype DiagramLayout::memoryBytes() const
{
    const qsizetype rows = m_rowFirst.capacityBytes() + m_rowY.capacityBytes();
    const qsizetype hashes = (m_openBoxes.capacity() + m_socketState.capacity() + m_openTimers.capacity()
                              + m_collapsed.capacity() + m_folds.capacity())
        * 24;
    return qsizetype(sizeof(*this)) + rows + m_arrows.bytes() + m_boxes.bytes() + m_timers.bytes()
        + qsizetype(m_marks.capacity() * sizeof(Mark) + m_openArrows.capacity() * 4) + hashes;
}
