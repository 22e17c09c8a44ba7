// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <functional>

class QLabel;
class Trace;

// The socket inspector: for one socket on each side, what its kernel reported at the step shown —
// its TCP state, its send and receive queues in bytes, the peer's window and its own, cwnd and RTO;
// for a listener its accept queue against listen()'s backlog and its SYN queue. Everything comes from
// the trace (State and Queues events, which the kernel probe records with sock_diag), so a recording
// played back shows the values of its step, and stepping back the earlier ones.
//
// Which socket: the one of the event selected (a segment: its two ends; a state, timer or queues event:
// its socket and, on the other side, its peer), else the one chosen in the side's call panel (live),
// else the side's socket the trace last spoke of. A side's listener, when it has one, gets a line of
// its own under a connection. A trace without any Queues event (a recording made before the probe read
// them, an import) says so: "not recorded".
class SocketInspector : public QWidget {
    Q_OBJECT
public:
    explicit SocketInspector(QWidget *parent = nullptr);

    void setTrace(const Trace *trace);
    // Live: follows the trace as it grows (at most every 100 ms). As of: the events before endEvent.
    void showLive();
    void showAsOf(qsizetype endEvent);
    // The event picked in the diagram, on the wire or in the details; -1: none.
    void setSelectedEvent(qsizetype index);
    // Live: the socket chosen in a side's call panel, as its local and remote port (false: none known).
    using ChosenSocket = std::function<bool(Side side, quint16 &localPort, quint16 &remotePort)>;
    void setChosenSocket(ChosenSocket chosen) { m_chosen = std::move(chosen); }
    // The chosen socket changed: it wins over an earlier selected event.
    void chosenSocketChanged();

    // What a side's column says, as shown (title, then its lines), for tests and the window.
    QString text(Side side) const;
    // Room for a column's title and seven lines, the longest wrapped once, at the font's size: no
    // line is ever cut off.
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override { return minimumSizeHint(); }

public slots:
    void refresh();

private:
    struct Key {
        quint16 local = 0;
        quint16 remote = 0;
        bool valid = false;
    };
    void scheduleRefresh();
    Key keyFromEvent(Side side, qsizetype index) const;
    Key defaultKey(Side side, qsizetype end) const;
    bool traceHasQueues();
    QString columnText(Side side, Key key, qsizetype end, bool queuesRecorded) const;

    QPointer<const Trace> m_trace;
    bool m_live = true;
    qsizetype m_end = 0;
    qsizetype m_selected = -1;
    ChosenSocket m_chosen;
    QTimer m_soon;
    qsizetype m_queuesScanned = 0;
    bool m_hasQueues = false;
    QLabel *m_title[2] = {nullptr, nullptr};
    QLabel *m_body[2] = {nullptr, nullptr};
};
