// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "event.h"

#include <QHash>
#include <QString>
#include <vector>

class Trace;

// How sequence and acknowledgment numbers are written.
enum class NumberStyle : quint8 {
    Symbolic, // the textbook's letters: SYN J, SYN K, ACK J+1, FIN M, ACK N+1
    Relative, // offsets from each side's initial sequence number, as Wireshark shows them
    Absolute, // the real 32-bit numbers
};

QString numberStyleName(NumberStyle style); // "symbolic", "relative", "absolute"
bool numberStyleFromName(const QString &name, NumberStyle &style);

// Labels segments the way Stevens' figures do (UNP figs. 2.5 and 2.6):
//   SYN J · SYN K, ACK J+1 · ACK K+1 · seq J+1, len 5 · FIN M · ACK M+1 · FIN N · ACK N+1 · RST, ACK J+1
//
// Symbolic rules, per connection (a connection is a client port/server port pair):
// - Letters belong to the sender's sequence space: J is the client's initial sequence number and
//   M its FIN's, K the server's and N its FIN's — also when the server's segment reaches the wire
//   first (a simultaneous open or close, a server that closes first).
// - A retransmitted segment keeps its letter (it repeats the same number).
// - Every other number is written relative to its side's letter: J+1, K+1461; from a side's FIN on,
//   numbers at or past the FIN are written from M or N (ACK M+1).
// - A later connection in the same trace gets primed letters (J′, K′, M′, N′).
// - A connection whose SYN was not seen (a capture that starts mid-stream) falls back to relative
//   numbers, counted as Wireshark does from the first sequence number seen.
//
// What a label shows: the flags that matter to the story (SYN, FIN, RST, ECE, CWR, URG; PSH is
// detail), the sequence number where it names the segment, the length of data, and the ACK when it
// says something new — the ACK of a SYN, a pure ACK, an ACK riding on data or a FIN that
// acknowledges more than the sender had acknowledged before (so the textbook's "FIN N" after
// "ACK M+1", but "FIN N, ACK M+1" in a three-segment close).
//
// The window is shown where it matters to the story (or always, if asked): when a side's receive
// window closes ("ACK J+1550, win 0", also on its repeated zero-window ACKs) and when it opens again
// (the window update, "ACK J+1550, win 1408"). A window that was never open (a generated trace
// without windows) is not news. The number is in bytes, scaled by the shift the sender announced
// in its SYN's WS option when both SYNs carried one (RFC 7323); the trace holds the SYN's bytes, so
// the label can. Where the SYNs were not seen, the scale is unknown and the raw field is shown.
// SACK blocks (RFC 2018) follow the ACK they extend, in the receiver's numbers, each block as
// start:end ("ACK J+101, SACK J+201:J+301 J+401:J+501"); a first block that reports data received
// twice — below the ACK, or inside the next block — is a D-SACK (RFC 2883): "ACK J+501, D-SACK
// J+101:J+201". They are read from the packet the trace keeps.
//
// A segment that repeats the byte just before what the peer acknowledged, with no data, is a probe
// (Linux's tcp_xmit_probe_skb): "window probe, seq J+1549" while the peer's window is zero, else a
// keepalive ("keepalive, seq J+1549"); written as a plain ACK it would read like any other.
//
// Linear: update() scans only the events appended since the previous call. A label depends only on
// the events before it, so labels never change as the trace grows.
class SegmentLabeler {
public:
    explicit SegmentLabeler(const Trace &trace);

    // Catches up with events appended since the last call (call on Trace::eventsAppended).
    void update();
    // Forgets everything (call on Trace::cleared).
    void reset();

    enum class WindowShown : quint8 {
        WhenItMatters, // a window closing to zero or opening again
        Always, // on every segment but a RST (a View option)
    };
    // The label of a segment event (Send, or a wire action on one); empty for other events.
    QString label(qsizetype eventIndex, NumberStyle style, WindowShown window = WindowShown::WhenItMatters) const;
    // The receive window a segment announces, in bytes when the scale is known ("1408"); empty for
    // other events.
    QString windowText(qsizetype eventIndex) const;
    // Whether a segment is a zero-window probe (see above).
    bool isWindowProbe(qsizetype eventIndex) const;
    // Optional detail: window, options, payload preview ("win 64240 · mss 1460, wscale 7, sackOK, TS").
    QString detail(qsizetype eventIndex) const;
    // The options a segment carries, as the textbooks and tcpdump name them: "mss 1460, wscale 7,
    // sackOK, TS" (then SACK blocks); empty for none or another event.
    QString optionsText(qsizetype eventIndex) const;
    // One number of a segment event in the sender's (or, for ack, the receiver's) sequence space.
    QString seqText(qsizetype eventIndex, NumberStyle style) const;
    QString ackText(qsizetype eventIndex, NumberStyle style) const;
    // Any number in `space`'s sequence space as of a segment event, written as its labels write
    // numbers: the next sequence number, the edges of a SACK block. Symbolic falls back to relative
    // where that side has no letter yet (its SYN was not seen), which hasLetter() tells apart.
    QString numberText(qsizetype eventIndex, Side space, quint32 value, NumberStyle style) const;
    bool hasLetter(qsizetype eventIndex, Side space, quint32 value) const;
    // The shift windowText() applies to a segment's window field: 0 for a SYN (never scaled) or
    // where the SYNs agreed on no scaling, -1 where it is unknown (a SYN of the connection was not
    // seen: the raw field is shown).
    int windowShift(qsizetype eventIndex) const;

    // Which connection (0, 1, …) a segment event belongs to; -1 for other events.
    int connectionOf(qsizetype eventIndex) const;
    int connectionCount() const { return int(m_conns.size()); }

private:
    struct Space {
        quint32 isn = 0; // initial sequence number (the SYN's seq) or the relative base
        qsizetype isnEvent = -1; // the Send carrying the SYN; -1: not seen
        bool hasBase = false;
        quint32 fin = 0;
        qsizetype finEvent = -1;
        char isnLetter = 0; // 'J' or 'K'
        char finLetter = 0; // 'M' or 'N'
        bool hasLastAck = false;
        quint32 lastAck = 0;
        qint8 windowScale = -1; // the WS option of this side's SYN; -1: none or not seen
        bool windowWasOpen = false; // this side announced a non-zero window before
        bool windowClosed = false; // its last announced window was zero
    };
    struct Connection {
        quint16 clientPort = 0;
        quint16 serverPort = 0;
        int ordinal = 0;
        Space space[2]; // by Side: the sequence space of what that side sends
    };
    static constexpr quint32 kAckIsNew = 0x80000000u;
    static constexpr quint32 kShowWindow = 0x40000000u; // the window closed or opened again
    static constexpr quint32 kWindowProbe = 0x20000000u;
    static constexpr quint32 kKeepaliveProbe = 0x10000000u;
    static constexpr quint32 kConnectionMask = 0x0fffffffu;

    void scan(qsizetype index);
    QString number(const Connection &c, Side space, quint32 value, qsizetype sendIndex, NumberStyle style) const;
    // "SACK J+201:J+301 J+401:J+501", "D-SACK J+101:J+201, SACK …"; empty without SACK blocks.
    QString sackText(const Connection &c, const Event &e, qsizetype sendIndex, NumberStyle style) const;

    const Trace &m_trace;
    qsizetype m_scanned = 0;
    std::vector<Connection> m_conns;
    QHash<quint32, int> m_byPorts; // clientPort << 16 | serverPort → index of the latest connection on them
    // Per event: connection index | kAckIsNew | kShowWindow | probe bits; only meaningful for Send events.
    std::vector<quint32> m_sendInfo;
};
