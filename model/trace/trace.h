// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chunkedvector.h"
#include "event.h"
#include "packetstore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <vector>

struct TcpSegment;

// A host setting changed on a live lab (a scenario's hosts or "set" action, the host settings
// panel): which (a key of HostSettings: "net.ipv4.tcp_sack", "quickack"), from what to what, when,
// and before which event. It applies to connections made after it; one already open keeps what its
// SYNs agreed.
struct HostSettingChange {
    qint64 tNs = 0;
    qsizetype firstEvent = 0; // the trace's size when it changed: events from here on came after it
    Side side = Side::Client;
    QString key;
    QString from; // as /proc/sys shows it, spaces between numbers; "0"/"1" for quickack
    QString to;
    friend bool operator==(const HostSettingChange &, const HostSettingChange &) = default;
};

// Where a trace came from and what its two ends are.
struct TraceInfo {
    // The trace format's word for it ("lab", "capture", "generated"; the reader accepts no other).
    // Code asks the three questions below rather than comparing the word.
    QString source = QStringLiteral("lab");
    bool fromLab() const { return source == u"lab"; } // recorded on the lab's kernels
    bool fromCapture() const { return source == u"capture"; } // imported from pcap/pcapng
    bool isGenerated() const { return source == u"generated"; } // built by code (tests, the legend)
    QString clientAddress;
    QString serverAddress;
    QString kernel; // uname release of the machine whose kernels ran the lab
    QDateTime wallClockOrigin; // UTC wall-clock time at t_ns = 0
    // The scenario a recording ran, when it ran one (empty by hand and for captures).
    QString scenarioId;
    QString scenarioTitle;
    QString scenarioDescription;
    // An imported capture: what the import left out (one line per kind of frame, with a count and
    // where the first was) and where a cut file ends, for the window's status bar and the command
    // line's standard error, which name the file. Not saved: it is about the file, not the connection.
    QStringList importNotes;
    // Host settings changed while it was recorded, in order (empty when none changed).
    std::vector<HostSettingChange> settingChanges;
    friend bool operator==(const TraceInfo &, const TraceInfo &) = default;
};

// A step of a recorded scenario: it starts at firstEvent and runs to the next step's first event
// (the last step to the end of the trace), and its caption says what happens in it. A recording
// is revealed step by step, so what a step shows never depends on how long anyone waited.
struct TraceStep {
    qsizetype firstEvent = 0;
    QString caption;
    friend bool operator==(const TraceStep &, const TraceStep &) = default;
};

// The ordered record of everything the lab (or an import) saw: calls, returns, Qt signals,
// segments sent and what the wire did with them, kernel states and timers. The single source
// for the diagram, the panels and every export.
class Trace : public QObject {
    Q_OBJECT
public:
    explicit Trace(QObject *parent = nullptr);

    const TraceInfo &info() const { return m_info; }
    void setInfo(const TraceInfo &info) { m_info = info; }

    qsizetype size() const { return m_events.size(); }
    bool isEmpty() const { return m_events.empty(); }
    const Event &at(qsizetype i) const { return m_events[i]; }
    const CallRecord &callRecord(const Event &e) const { return m_calls[e.ref]; }
    const std::vector<CallRecord> &callRecords() const { return m_calls; }
    const SocketQueues &queues(const Event &e) const { return m_queues[e.ref]; } // of a Queues event
    // The bytes of a segment event (Send, or a wire action on one).
    QByteArrayView packet(const Event &e) const;
    // Index of the Send a segment event refers to (itself for a Send).
    qsizetype sendIndexOf(qsizetype i) const;
    const PacketStore &packets() const { return m_packets; }

    // Monotonic nanoseconds since the origin; starts the clock and the wall-clock anchor on first use.
    qint64 now();

    qsizetype appendSend(qint64 tNs, Side side, QByteArrayView bytes, const TcpSegment &segment, quint8 marks = 0,
                         quint16 analysis = 0);
    qsizetype appendWireAction(qint64 tNs, EventKind kind, qsizetype sendIndex, quint8 marks = 0);
    qsizetype appendCall(qint64 tNs, Side side, EventKind kind, CallRecord record);
    qsizetype appendState(qint64 tNs, Side side, quint16 localPort, quint16 remotePort, TcpState state,
                          quint8 marks = 0);
    qsizetype appendTimer(qint64 tNs, Side side, quint16 localPort, quint16 remotePort, TimerKind kind,
                          quint32 expiresMs, quint32 retransmits);
    qsizetype appendQueues(qint64 tNs, Side side, quint16 localPort, quint16 remotePort, const SocketQueues &queues);
    // For imports: a Send whose bytes stay in `region` (a mapped capture file, kept alive by
    // `owner` as long as the trace holds the packets); appendCapturedSend() refers into it.
    void setPacketRegion(std::shared_ptr<const void> owner, QByteArrayView region);
    qsizetype appendCapturedSend(qint64 tNs, Side side, qsizetype offset, qsizetype length, const TcpSegment &segment,
                                 quint8 marks, quint16 analysis = 0);
    // For loaders: appends an event as it is (packet bytes for a Send, record for calls).
    qsizetype appendRaw(Event e, QByteArrayView packet = {}, const CallRecord *record = nullptr);

    // Records a host setting's change now, before the next event (TraceInfo::settingChanges).
    void appendSettingChange(Side side, const QString &key, const QString &from, const QString &to);

    // Steps of a scenario (empty for what was done by hand or imported); in order of firstEvent.
    const std::vector<TraceStep> &steps() const { return m_steps; }
    // Starts a step at the next event to be appended.
    void appendStep(const QString &caption);
    void setStepCaption(int k, const QString &caption) { m_steps[size_t(k)].caption = caption; }
    // For loaders and copies: steps checked by the caller (ascending, within the events).
    void setSteps(std::vector<TraceStep> steps) { m_steps = std::move(steps); }
    // The first event of step k and one past its last (k in [0, steps().size())).
    qsizetype stepBegin(int k) const;
    qsizetype stepEnd(int k) const;
    // The step an event belongs to; -1 without steps or before the first.
    int stepOfEvent(qsizetype event) const;

    // Replaces this trace's content with a copy of another's (events, records, packets, steps).
    void copyFrom(const Trace &other);

    void clear();
    // Bytes held beyond the packets' own bytes (events, records, indexes), for the memory budget.
    qsizetype overheadBytes() const;

signals:
    // Coalesced: at most once per event-loop pass, however many events were appended.
    void eventsAppended(qsizetype first, qsizetype last);
    void cleared();
    // A host setting changed (appendSettingChange); the diagram's header names it.
    void settingChanged();

private:
    qsizetype push(const Event &e);
    void notifySoon();

    TraceInfo m_info;
    std::vector<TraceStep> m_steps;
    ChunkedVector<Event> m_events;
    std::vector<CallRecord> m_calls;
    std::vector<SocketQueues> m_queues;
    PacketStore m_packets;
    QElapsedTimer m_clock;
    qsizetype m_notifiedUpTo = 0;
    bool m_notifyPending = false;
};
