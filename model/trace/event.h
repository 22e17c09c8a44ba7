// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

enum class EventKind : quint8 { Call, Return, Signal, Send, Deliver, Drop, Duplicate, State, Timer, Queues };
enum class Side : quint8 { Client, Server };

// Textbook names (Stevens, RFC 9293); Linux's SYN_RECV is SynRcvd, and Closed means the socket
// has left the kernel's tables.
enum class TcpState : quint8 {
    Closed,
    Listen,
    SynSent,
    SynRcvd,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait
};

// A pending kernel timer on a socket, as sock_diag reports it.
enum class TimerKind : quint8 { None, Retransmit, Keepalive, TimeWait, ZeroWindowProbe };

namespace EventMark {
enum : quint8 {
    Retransmission = 0x01, // repeats sequence space its sender already sent
    Inferred = 0x02, // a state deduced from segments, not read from a kernel
    Reordered = 0x04, // delivered ahead of an older segment still in flight
    Copy = 0x08, // delivery of a copy the wire made (see Duplicate)
    // Wireshark's TCP analysis of a captured segment (tcp.analysis.*), for imports; Retransmission
    // above then also stands for its fast and spurious retransmissions.
    DuplicateAck = 0x10, // repeats its direction's last ACK, window and next sequence number, no data
    OutOfOrder = 0x20, // fills a hole behind the highest sequence number seen, soon after it
    ZeroWindow = 0x40, // advertises a zero receive window (not on SYN, FIN or RST)
};
}

// The rest of Wireshark's TCP analysis of a captured segment (tcp.analysis.*, packet-tcp.c's
// tcp_analyze_sequence_number()), in Event::analysis. A segment may carry several.
namespace AnalysisMark {
enum : quint16 {
    FastRetransmission = 0x0001, // resent within 20 ms of the peer's second duplicate ACK of it
    SpuriousRetransmission = 0x0002, // resends data the peer had already acknowledged
    KeepAlive = 0x0004, // 0 or 1 byte at one before the next sequence number
    KeepAliveAck = 0x0008, // the peer's answer to a keep-alive: its last ACK and window again
    WindowUpdate = 0x0010, // no data, the same sequence and ACK numbers, a new window
    WindowFull = 0x0020, // the data fills the peer's advertised window to its edge
    ZeroWindowProbe = 0x0040, // one byte at the next sequence number while the peer's window is 0
    ZeroWindowProbeAck = 0x0080, // the peer's answer to a zero-window probe, its window still 0
    LostSegment = 0x0100, // starts past the next expected sequence number: "previous segment not captured"
    AckedUnseen = 0x0200, // acknowledges data the capture never saw: "ACKed segment that wasn't captured"
    ReusedPorts = 0x0400, // a SYN that starts a new connection on the ports of an earlier one
};
}

// One entry of the trace. Kept small (40 bytes): a bulk transfer records two events a segment.
// Which fields mean what depends on the kind:
//   Send:                  flags/seq/ack/length/window of the segment; ports of sender (local)
//                          and receiver (remote); ref = packet index in the trace's packet store.
//   Deliver/Drop/Duplicate the fields of the Send they act on, repeated; ref = that Send's index.
//   Call/Return/Signal:    ref = index of its CallRecord.
//   State:                 flags = TcpState; ports of the socket.
//   Timer:                 flags = TimerKind; seq = expiry in ms from t; ack = retransmissions.
//   Queues:                ports of the socket; ref = index of its SocketQueues.
struct Event {
    qint64 tNs = 0; // monotonic nanoseconds since the trace's origin
    EventKind kind = EventKind::Call;
    Side side = Side::Client; // the host where it happened (for segments: the sender)
    quint8 flags = 0;
    quint8 marks = 0;
    quint16 window = 0;
    quint16 localPort = 0;
    quint16 remotePort = 0;
    quint16 analysis = 0; // Send of an imported segment: AnalysisMark bits (fits in the padding)
    quint32 seq = 0;
    quint32 ack = 0;
    quint32 length = 0;
    quint32 ref = 0;

    bool isSegment() const
    {
        return kind == EventKind::Send || kind == EventKind::Deliver || kind == EventKind::Drop
            || kind == EventKind::Duplicate;
    }
    TcpState state() const { return TcpState(flags); }
    TimerKind timer() const { return TimerKind(flags); }
    friend bool operator==(const Event &, const Event &) = default;
};
static_assert(sizeof(Event) <= 40, "Event is stored twice per segment; keep it small");

// Details of a call, its return, or a Qt signal.
struct CallRecord {
    QString fn; // "connect", "QTcpSocket::connectToHost", "connected"
    QJsonObject args; // {"fd": 5, "addr": "10.0.0.2", "port": 9877}
    bool hasResult = false;
    qint64 result = 0;
    int err = 0; // errno of a failed call; 0 otherwise
    QString detail; // optional: data read, Qt error name, ...
    // For a Return: the index of its Call event. For a Signal: the Qt call it was emitted inside
    // (disconnected() inside QTcpSocket::disconnectFromHost()), -1 when Qt emitted it from its event
    // loop. A trace file keeps that by order: a signal between a Qt call and its return.
    qint64 callEvent = -1;
    friend bool operator==(const CallRecord &, const CallRecord &) = default;
};

// What a kernel reported (sock_diag) about one socket's queues and windows: a Queues event's record.
// The probe records one whenever a value changes, so stepping back shows the values of that step.
// A listener has its accept queue against its backlog and its SYN queue; a connection its send and
// receive queues and, where the kernel's struct tcp_info has them, its windows, cwnd and RTO.
struct SocketQueues {
    // The values of a connection that a kernel may not report (older struct tcp_info).
    enum Has : quint8 { PeerWindow = 0x01, RecvWindow = 0x02, Cwnd = 0x04, Rto = 0x08 };
    bool listener = false;
    quint8 has = 0; // Has bits, for a connection
    // A connection.
    quint32 sendQueue = 0; // bytes written and not yet acknowledged by the peer (sent or not)
    quint32 recvQueue = 0; // bytes received and not yet read by the program
    quint32 peerWindow = 0; // the peer's advertised receive window, scaled, in bytes
    quint32 recvWindow = 0; // the receive window this socket advertises, in bytes
    quint32 cwnd = 0; // congestion window, in segments
    quint32 rtoUs = 0; // retransmission timeout, in microseconds
    // A listener.
    quint32 acceptQueue = 0; // connections established and not yet accepted
    quint32 backlog = 0; // listen()'s backlog as the kernel keeps it: the accept queue's limit
    quint32 synQueue = 0; // request sockets: SYNs answered, the handshake not yet complete
    friend bool operator==(const SocketQueues &, const SocketQueues &) = default;
};

constexpr Side otherSide(Side side)
{
    return side == Side::Client ? Side::Server : Side::Client;
}
QString sideName(Side side); // "client" / "server": the word files use
QString sideText(Side side); // the same in the reader's language, in a sentence
QString eventKindName(EventKind kind); // as in the trace format: "call", "send", ...
QString tcpStateName(TcpState state); // "SYN_RCVD"
QString timerKindName(TimerKind kind); // "retransmit"
QString tcpFlagsText(quint8 flags); // "SYN, ACK"
QStringList tcpFlagNames(quint8 flags); // {"SYN","ACK"}
bool eventKindFromName(const QString &name, EventKind &kind);
bool sideFromName(const QString &name, Side &side);
bool tcpStateFromName(const QString &name, TcpState &state);
bool timerKindFromName(const QString &name, TimerKind &kind);
bool tcpFlagFromName(const QString &name, quint8 &flag);
