// SPDX-License-Identifier: GPL-3.0-or-later
#include "socketinspector.h"

#include "trace/eventtext.h"
#include "trace/trace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// What a backward walk through the trace finds of one socket: its latest state and queues.
struct Found {
    qsizetype state = -1;
    qsizetype queues = -1;
    bool complete() const { return state >= 0 && queues >= 0; }
};

void note(const Event &e, qsizetype i, Found &found)
{
    if (e.kind == EventKind::State && found.state < 0) found.state = i;
    if (e.kind == EventKind::Queues && found.queues < 0) found.queues = i;
}

QString bytes(quint32 n)
{
    return n == 1 ? SocketInspector::tr("1 byte") : SocketInspector::tr("%1 bytes").arg(n);
}

QString milliseconds(quint32 us)
{
    // The kernel counts RTO in jiffies: whole milliseconds at HZ=1000 and 250, not at HZ=300.
    return us % 1000 == 0 ? QString::number(us / 1000) : QString::number(double(us) / 1000.0, 'f', 1);
}
} // namespace

SocketInspector::SocketInspector(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"socketInspector"_s);
    setToolTip(tr("What each side's kernel reported about the socket (sock_diag), as of the step shown"));
    auto *columns = new QHBoxLayout(this);
    columns->setContentsMargins(6, 2, 6, 2);
    for (Side side : {Side::Client, Side::Server}) {
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        auto *title = new QLabel(this);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        title->setWordWrap(true);
        auto *body = new QLabel(this);
        body->setWordWrap(true);
        body->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        body->setTextInteractionFlags(Qt::TextSelectableByMouse);
        title->setObjectName(side == Side::Client ? u"clientSocketTitle"_s : u"serverSocketTitle"_s);
        body->setObjectName(side == Side::Client ? u"clientSocketBody"_s : u"serverSocketBody"_s);
        column->addWidget(title);
        column->addWidget(body, 1);
        columns->addLayout(column, 1);
        m_title[int(side)] = title;
        m_body[int(side)] = body;
    }
    // Live, a transfer appends thousands of events a second: the panel reads them ten times a second.
    m_soon.setSingleShot(true);
    m_soon.setInterval(100);
    connect(&m_soon, &QTimer::timeout, this, &SocketInspector::refresh);
    refresh();
}

void SocketInspector::setTrace(const Trace *trace)
{
    if (m_trace) disconnect(m_trace, nullptr, this, nullptr);
    m_trace = trace;
    m_queuesScanned = 0;
    m_hasQueues = false;
    m_selected = -1;
    if (trace) {
        connect(trace, &Trace::eventsAppended, this, [this] {
            if (m_live) scheduleRefresh();
        });
        connect(trace, &Trace::cleared, this, [this] {
            m_queuesScanned = 0;
            m_hasQueues = false;
            m_selected = -1;
            refresh();
        });
    }
    refresh();
}

void SocketInspector::showLive()
{
    m_live = true;
    refresh();
}

void SocketInspector::showAsOf(qsizetype endEvent)
{
    m_live = false;
    m_end = endEvent;
    refresh();
}

void SocketInspector::setSelectedEvent(qsizetype index)
{
    m_selected = index;
    refresh();
}

void SocketInspector::chosenSocketChanged()
{
    m_selected = -1;
    refresh();
}

QSize SocketInspector::minimumSizeHint() const
{
    const QMargins m = contentsMargins() + layout()->contentsMargins();
    return {QWidget::minimumSizeHint().width(), fontMetrics().lineSpacing() * 10 + m.top() + m.bottom()};
}

void SocketInspector::scheduleRefresh()
{
    if (!m_soon.isActive()) m_soon.start();
}

QString SocketInspector::text(Side side) const
{
    return m_title[int(side)]->text() + u'\n' + m_body[int(side)]->text();
}

bool SocketInspector::traceHasQueues()
{
    if (!m_trace) return false;
    for (const qsizetype n = m_trace->size(); !m_hasQueues && m_queuesScanned < n; ++m_queuesScanned)
        m_hasQueues = m_trace->at(m_queuesScanned).kind == EventKind::Queues;
    return m_hasQueues;
}

SocketInspector::Key SocketInspector::keyFromEvent(Side side, qsizetype index) const
{
    const Event &e = m_trace->at(index);
    // A segment has a socket at each end; the ports of the receiver's are the sender's, swapped.
    if (e.isSegment())
        return e.side == side ? Key {e.localPort, e.remotePort, true} : Key {e.remotePort, e.localPort, true};
    if (e.kind == EventKind::State || e.kind == EventKind::Timer || e.kind == EventKind::Queues) {
        if (e.side == side) return {e.localPort, e.remotePort, true};
        if (e.remotePort != 0) return {e.remotePort, e.localPort, true}; // its peer
    }
    return {};
}

SocketInspector::Key SocketInspector::defaultKey(Side side, qsizetype end) const
{
    // The side's connection the trace last spoke of (a segment it sent or received, a state, a timer,
    // its queues); without one, its listener.
    Key listener;
    for (qsizetype i = end - 1; i >= 0; --i) {
        const Event &e = m_trace->at(i);
        if (e.kind == EventKind::Call || e.kind == EventKind::Return || e.kind == EventKind::Signal) continue;
        const Key k = keyFromEvent(side, i);
        if (!k.valid) continue;
        if (k.remote != 0) return k;
        if (!listener.valid && e.side == side) listener = k;
    }
    return listener;
}

QString SocketInspector::columnText(Side side, Key key, qsizetype end, bool queuesRecorded) const
{
    // Backwards from the step's end: the socket's latest state and queues, and the side's latest
    // listener with its own.
    Found socket;
    Found listener;
    quint16 listenerPort = 0;
    const bool wantListener = key.remote != 0; // the socket shown is not the listener itself
    bool listenerKnown = false;
    const auto done = [&] { return socket.complete() && (!wantListener || (listenerKnown && listener.complete())); };
    for (qsizetype i = end - 1; i >= 0 && !done(); --i) {
        const Event &e = m_trace->at(i);
        if (e.side != side || (e.kind != EventKind::State && e.kind != EventKind::Queues)) continue;
        if (e.localPort == key.local && e.remotePort == key.remote) note(e, i, socket);
        if (!wantListener || e.remotePort != 0) continue;
        if (!listenerKnown) {
            listenerKnown = true;
            listenerPort = e.localPort;
        }
        if (e.localPort == listenerPort) note(e, i, listener);
    }
    if (!listenerKnown) listener = {};

    QStringList lines;
    const TcpState state = socket.state >= 0 ? m_trace->at(socket.state).state() : TcpState::Closed;
    if (socket.state < 0)
        lines << tr("State: not reported yet");
    else if (state == TcpState::Closed)
        lines << tr("State: CLOSED (gone from the kernel's tables)");
    else
        lines << tr("State: %1").arg(tcpStateName(state));
    // A timewait socket is a small record of a connection, without queues or windows.
    const bool hasQueues = socket.state < 0 || (state != TcpState::Closed && state != TcpState::TimeWait);
    if (!queuesRecorded) {
        lines << tr("Queues and windows: not recorded in this trace");
    } else if (hasQueues && socket.queues >= 0) {
        const SocketQueues &q = m_trace->queues(m_trace->at(socket.queues));
        if (q.listener) {
            lines << tr("Accept queue: %1 of backlog %2 (handshake done, not yet accepted)")
                         .arg(q.acceptQueue)
                         .arg(q.backlog);
            lines << tr("SYN queue: %1 (handshakes under way)").arg(q.synQueue);
        } else {
            // A SYN or a FIN takes a sequence number: until it is acknowledged it counts as a byte here.
            lines << tr("Send queue: %1 not yet acknowledged").arg(bytes(q.sendQueue));
            lines << tr("Receive queue: %1 not yet read").arg(bytes(q.recvQueue));
            const bool peer = q.has & SocketQueues::PeerWindow, own = q.has & SocketQueues::RecvWindow;
            if (peer && own)
                lines << tr("Windows: peer %1, own %2").arg(bytes(q.peerWindow), bytes(q.recvWindow));
            else if (peer)
                lines << tr("Window: peer %1").arg(bytes(q.peerWindow));
            if ((q.has & SocketQueues::Cwnd) && (q.has & SocketQueues::Rto))
                lines << tr("cwnd %1 segments, RTO %2 ms").arg(q.cwnd).arg(milliseconds(q.rtoUs));
        }
    } else if (hasQueues && state == TcpState::SynRcvd) {
        lines << tr("Queues: none yet (a request socket, counted in the listener's SYN queue)");
    } else if (hasQueues) {
        lines << tr("Queues: not reported yet");
    }
    if (queuesRecorded && listener.state >= 0 && listener.queues >= 0
        && m_trace->at(listener.state).state() == TcpState::Listen) {
        const SocketQueues &q = m_trace->queues(m_trace->at(listener.queues));
        lines << tr("Listener :%1: accept queue %2 of %3, SYN queue %4")
                     .arg(listenerPort)
                     .arg(q.acceptQueue)
                     .arg(q.backlog)
                     .arg(q.synQueue);
    }
    return lines.join(u'\n');
}

void SocketInspector::refresh()
{
    m_soon.stop();
    for (Side side : {Side::Client, Side::Server}) {
        QLabel *title = m_title[int(side)];
        QLabel *body = m_body[int(side)];
        const QString name = side == Side::Client ? tr("Client") : tr("Server");
        if (!m_trace || m_trace->isEmpty()) {
            title->setText(name);
            body->setText(tr("No socket yet"));
            continue;
        }
        const qsizetype end = m_live ? m_trace->size() : std::min(m_end, m_trace->size());
        Key key;
        // The selected event, when the step shows it.
        if (m_selected >= 0 && m_selected < end) key = keyFromEvent(side, m_selected);
        quint16 local = 0, remote = 0;
        if (!key.valid && m_live && m_chosen && m_chosen(side, local, remote)) key = {local, remote, true};
        if (!key.valid) key = defaultKey(side, end);
        if (!key.valid) {
            title->setText(name);
            body->setText(tr("No socket yet"));
            continue;
        }
        const TraceInfo &info = m_trace->info();
        const QString peer = side == Side::Client ? info.serverAddress : info.clientAddress;
        title->setText(
            key.remote == 0
                ? tr("%1 — listening on :%2").arg(name).arg(key.local)
                : tr("%1 port %2 ↔ %3").arg(name).arg(key.local).arg(EventText::addressWithPort(peer, key.remote)));
        body->setText(columnText(side, key, end, traceHasQueues()));
    }
}
