// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/wire.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <vector>

class Trace;

// The segments the wire holds in one direction, oldest first, one row each. Rows follow the
// wire's own list by identity (InFlight::id): a segment delivered from the middle removes its row,
// a retransmission or a copy made while the lecturer thinks appears as a new row. The copies of a
// segment its sender resent are each a real packet with a row of their own, numbered ("copy 2 of
// 3") since the diagram may draw them as one arrow. The model
// catches up with the wire at most once per frame however fast segments come, so a flood never
// floods the view.
// While a recording plays back there is no wire: showAsOf() lists, read-only, what the trace says
// was in flight at a position in it, with the same rows, notes and roles.
class WireModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SegmentColumn, NoteColumn, ColumnCount };
    // WaitingRole: true on the row that Space or "Deliver next" hands on next (drawn highlighted).
    enum Role { IdRole = Qt::UserRole + 1, SendIndexRole, WaitingRole };
    using Labeler = std::function<QString(qsizetype sendIndex)>;

    WireModel(Wire *wire, const Trace *trace, Direction direction, QObject *parent = nullptr);

    Direction direction() const { return m_direction; }
    // How a segment is named in the list; default: its flags and raw numbers.
    void setLabeler(Labeler labeler);
    // The wire object changed (a fresh lab) or its list: resynchronise now instead of next frame.
    // Also ends showAsOf(): the rows follow the wire again (none without one).
    void setWire(Wire *wire);
    void syncNow();
    // Read-only, without a wire: the segments of this direction in flight just before event
    // `endEvent` of the trace (0: none yet). Rows keep their identity from one position to the next.
    void showAsOf(qsizetype endEvent);
    bool isAsOf() const { return m_asOfEnd >= 0; }
    qsizetype asOfEnd() const { return m_asOfEnd; } // -1 when following the wire
    // What the wire held in a direction just before `endEvent`, replayed from the trace's Sends and
    // the wire's actions on them, in the wire's order. Ids are the event that put each on the wire
    // (its Send, or the Duplicate that made a copy) plus one, so they are stable and never 0.
    static std::vector<InFlight> inFlightAsOf(const Trace &trace, Direction direction, qsizetype endEvent);
    // The segment that is delivered next, by id (0: none in this direction); set by the panel,
    // which knows both directions.
    void setWaiting(quint64 id);
    quint64 waitingId() const { return m_waiting; }
    quint64 idAt(int row) const;
    int rowOf(quint64 id) const;
    // How many times the model caught up with the wire (tests check the once-per-frame bound).
    int syncCount() const { return m_syncs; }
    static constexpr int kFrameMs = 16;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void scheduleSync();
    bool follow(const std::vector<InFlight> &held); // true when rows were inserted
    void clearRows();
    QString segmentText(qsizetype sendIndex) const;
    void numberCopies();

    QPointer<Wire> m_wire;
    const Trace *m_trace;
    Direction m_direction;
    Labeler m_labeler;
    std::vector<InFlight> m_rows;
    struct CopyNumber {
        int number = 0; // 1-based, among the Sends of its run; 0: sent once
        int count = 0;
        friend bool operator==(const CopyNumber &, const CopyNumber &) = default;
    };
    std::vector<CopyNumber> m_copyNumbers; // per row
    QTimer m_frame;
    int m_syncs = 0;
    qsizetype m_asOfEnd = -1;
    quint64 m_waiting = 0;
};
