// SPDX-License-Identifier: GPL-3.0-or-later
#include "wiremodel.h"

#include "diagram/diagramlayout.h"
#include "trace/trace.h"

#include <QColor>
#include <QFont>
#include <algorithm>
#include <unordered_set>

WireModel::WireModel(Wire *wire, const Trace *trace, Direction direction, QObject *parent)
    : QAbstractTableModel(parent)
    , m_trace(trace)
    , m_direction(direction)
{
    m_frame.setSingleShot(true);
    m_frame.setInterval(kFrameMs);
    connect(&m_frame, &QTimer::timeout, this, &WireModel::syncNow);
    setWire(wire);
}

void WireModel::setLabeler(Labeler labeler)
{
    m_labeler = std::move(labeler);
    if (!m_rows.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void WireModel::setWire(Wire *wire)
{
    if (m_wire) disconnect(m_wire, nullptr, this, nullptr);
    m_wire = wire;
    if (m_wire) connect(m_wire, &Wire::inFlightChanged, this, &WireModel::scheduleSync);
    if (m_asOfEnd >= 0) {
        // The recording's ids are event numbers, the wire's a counter: they must never be matched.
        m_asOfEnd = -1;
        clearRows();
    }
    syncNow();
}

void WireModel::showAsOf(qsizetype endEvent)
{
    if (m_wire) disconnect(m_wire, nullptr, this, nullptr);
    m_wire = nullptr;
    if (m_asOfEnd < 0) clearRows();
    m_asOfEnd = std::clamp<qsizetype>(endEvent, 0, m_trace->size());
    syncNow();
}

void WireModel::clearRows()
{
    m_frame.stop();
    if (m_rows.empty()) return;
    beginResetModel();
    m_rows.clear();
    m_copyNumbers.clear();
    endResetModel();
}

std::vector<InFlight> WireModel::inFlightAsOf(const Trace &trace, Direction direction, qsizetype endEvent)
{
    std::vector<InFlight> held;
    // A capture saw each segment once and never says what became of it: nothing is held there.
    if (DiagramLayout::drawsFixedArrows(trace)) return held;
    endEvent = std::min(endEvent, trace.size());
    auto sameSend = [](qsizetype send) { return [send](const InFlight &f) { return f.sendIndex == send; }; };
    for (qsizetype i = 0; i < endEvent; ++i) {
        const Event &e = trace.at(i);
        if (!e.isSegment()) continue;
        const qsizetype send = trace.sendIndexOf(i);
        // A wire action on a Send this trace does not hold (a cut file) has nothing to act on.
        if (send < 0 || send > i || trace.at(send).kind != EventKind::Send
            || directionFrom(trace.at(send).side) != direction)
            continue;
        switch (e.kind) {
        case EventKind::Send:
            held.push_back(InFlight {quint64(i) + 1, i, false, 0});
            break;
        case EventKind::Duplicate: {
            // The wire puts a copy right behind the one it copied; the trace does not say which
            // of identical copies that was, so behind the last of them (the rows look the same).
            const auto last = std::find_if(held.rbegin(), held.rend(), sameSend(send));
            held.insert(last.base(), InFlight {quint64(i) + 1, send, true, 0});
            break;
        }
        case EventKind::Deliver:
        case EventKind::Drop: {
            // The wire marks what it does to a copy it made; the oldest such copy goes, as the
            // diagram ends the oldest open arrow (and any copy when the marks do not match).
            const bool copy = e.marks & EventMark::Copy;
            auto it = std::find_if(held.begin(), held.end(),
                                   [&](const InFlight &f) { return f.sendIndex == send && f.copy == copy; });
            if (it == held.end()) it = std::find_if(held.begin(), held.end(), sameSend(send));
            if (it != held.end()) held.erase(it);
            break;
        }
        default:
            break;
        }
    }
    return held;
}

void WireModel::scheduleSync()
{
    // The first change after a quiet spell waits one frame; changes within it ride along.
    if (!m_frame.isActive()) m_frame.start();
}

void WireModel::syncNow()
{
    m_frame.stop();
    ++m_syncs;
    if (m_asOfEnd >= 0) {
        // The trace may have been cleared or replaced since: never past its end.
        follow(inFlightAsOf(*m_trace, m_direction, std::min(m_asOfEnd, m_trace->size())));
        // Going back can take a resend away from a run without removing a row of it: renumber always.
        numberCopies();
        return;
    }
    std::vector<InFlight> held;
    if (m_wire) held.assign(m_wire->inFlight(m_direction).begin(), m_wire->inFlight(m_direction).end());
    // A new Send may be another copy of a segment already listed: its siblings' count grows.
    if (follow(held)) numberCopies();
}

bool WireModel::follow(const std::vector<InFlight> &held)
{
    // Rows whose segment left the wire go, in runs from the back so indexes stay valid.
    std::unordered_set<quint64> stillHeld;
    for (const InFlight &f : held)
        stillHeld.insert(f.id);
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (stillHeld.count(m_rows[size_t(row)].id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !stillHeld.count(m_rows[size_t(first - 1)].id))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + row + 1);
        m_copyNumbers.erase(m_copyNumbers.begin() + first, m_copyNumbers.begin() + row + 1);
        endRemoveRows();
        row = first - 1;
    }

    // The wire never reorders what it holds, so the survivors are in its order; new segments
    // (fresh sends, retransmissions, copies placed behind their original) are inserted where the
    // wire has them.
    size_t row = 0;
    bool inserted = false;
    for (const InFlight &f : held) {
        if (row < m_rows.size() && m_rows[row].id == f.id) {
            if (m_rows[row].dueNs != f.dueNs) m_rows[row] = f;
            ++row;
            continue;
        }
        beginInsertRows({}, int(row), int(row));
        m_rows.insert(m_rows.begin() + qsizetype(row), f);
        m_copyNumbers.insert(m_copyNumbers.begin() + qsizetype(row), CopyNumber {});
        endInsertRows();
        inserted = true;
        ++row;
    }
    return inserted;
}

void WireModel::numberCopies()
{
    for (size_t row = 0; row < m_rows.size(); ++row) {
        const InFlight &f = m_rows[row];
        CopyNumber n;
        // A copy the wire made says so itself; only the sender's own copies are numbered.
        if (!f.copy && f.sendIndex >= 0 && f.sendIndex < m_trace->size()) {
            std::vector<DiagramLayout::Copy> run = DiagramLayout::copiesOf(*m_trace, f.sendIndex);
            // As of a position, only the copies sent by then: the run's later ones are the future.
            if (m_asOfEnd >= 0)
                std::erase_if(run, [this](const DiagramLayout::Copy &c) { return c.send >= m_asOfEnd; });
            if (run.size() > 1) {
                const auto it = std::find_if(run.begin(), run.end(),
                                             [&](const DiagramLayout::Copy &c) { return c.send == f.sendIndex; });
                n = {int(it - run.begin()) + 1, int(run.size())};
            }
        }
        if (n == m_copyNumbers[row]) continue;
        m_copyNumbers[row] = n;
        const QModelIndex note = index(int(row), NoteColumn);
        emit dataChanged(note, note, {Qt::DisplayRole, Qt::ToolTipRole});
    }
}

void WireModel::setWaiting(quint64 id)
{
    if (id == m_waiting) return;
    const int before = rowOf(m_waiting);
    m_waiting = id;
    for (const int row : {before, rowOf(id)}) {
        if (row >= 0) emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

quint64 WireModel::idAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[size_t(row)].id : 0;
}

int WireModel::rowOf(quint64 id) const
{
    const auto it = std::find_if(m_rows.begin(), m_rows.end(), [id](const InFlight &f) { return f.id == id; });
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

int WireModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WireModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WireModel::segmentText(qsizetype sendIndex) const
{
    if (m_labeler) return m_labeler(sendIndex);
    const Event &e = m_trace->at(sendIndex);
    QString text = tcpFlagsText(e.flags) + QStringLiteral(" seq %1").arg(e.seq);
    if (e.flags & 0x10) text += QStringLiteral(" ack %1").arg(e.ack);
    if (e.length) text += QStringLiteral(" len %1").arg(e.length);
    return text;
}

QVariant WireModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const InFlight &f = m_rows[size_t(index.row())];
    // A fresh lab may clear the trace before the wire's change reaches us.
    if (f.sendIndex < 0 || f.sendIndex >= m_trace->size()) return {};
    const Event &e = m_trace->at(f.sendIndex);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == SegmentColumn) return segmentText(f.sendIndex);
        {
            const CopyNumber &n = m_copyNumbers[size_t(index.row())];
            QStringList notes;
            if (e.marks & EventMark::Retransmission) notes << tr("retransmission");
            if (f.copy) notes << tr("copy made by the wire");
            const QString joined = notes.join(QStringLiteral(", "));
            // "copy 2 of 3 (retransmission)": which of the sender's copies this packet is.
            if (n.count > 1)
                return joined.isEmpty() ? tr("copy %1 of %2").arg(n.number).arg(n.count)
                                        : tr("copy %1 of %2 (%3)").arg(n.number).arg(n.count).arg(joined);
            return joined;
        }
    case Qt::ToolTipRole: {
        const CopyNumber &n = m_copyNumbers[size_t(index.row())];
        QString tip;
        if (e.marks & EventMark::Retransmission)
            tip = tr("The kernel sent this sequence range again: its retransmission timer ran out while the "
                     "segment was held.");
        else if (m_asOfEnd >= 0)
            tip = tr("On the wire at this point of the recording: sent, not yet delivered or dropped.");
        else
            tip = tr("Held on the wire since it was sent. Deliver, drop or duplicate it.");
        if (f.id == m_waiting && m_asOfEnd < 0)
            tip = tr("Next to be delivered: Space or \"Deliver next\" hands it to the receiving kernel.") + u' ' + tip;
        if (n.count > 1)
            tip += u' '
                + tr("Copy %1 of %2: its sender sent this segment %2 times before any got through. The diagram "
                     "draws them as one arrow (unless View ▸ Show Every Retransmission is on), but each copy is "
                     "a real packet: delivering one delivers only that copy, the others stay here.")
                      .arg(n.number)
                      .arg(n.count);
        return tip;
    }
    case Qt::FontRole: {
        const bool waiting = f.id == m_waiting;
        if (!waiting && !(e.marks & EventMark::Retransmission)) return {};
        QFont font;
        font.setItalic(e.marks & EventMark::Retransmission);
        font.setBold(waiting);
        return font;
    }
    // The segment that waits for the user: the same soft yellow in both themes, with dark text.
    case Qt::BackgroundRole:
        return f.id == m_waiting ? QVariant(QColor(0xff, 0xe8, 0x8c)) : QVariant();
    case Qt::ForegroundRole:
        return f.id == m_waiting ? QVariant(QColor(0x20, 0x20, 0x20)) : QVariant();
    case WaitingRole:
        return f.id == m_waiting;
    case IdRole:
        return QVariant::fromValue(f.id);
    case SendIndexRole:
        return QVariant::fromValue(f.sendIndex);
    default:
        return {};
    }
}

QVariant WireModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == SegmentColumn ? tr("Segment") : tr("Note");
}
