// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <array>

struct TcpSegment;

// One end of a TCP connection: IPv4 addresses are kept as IPv4-mapped IPv6 (::ffff:a.b.c.d).
struct TcpEndpoint {
    std::array<quint8, 16> address {};
    quint16 port = 0;
    bool v4 = true;

    static TcpEndpoint source(const TcpSegment &s);
    static TcpEndpoint destination(const TcpSegment &s);
    // "10.0.0.1:42918", "[2001:db8::1]:443"
    QString text() const;
    friend bool operator==(const TcpEndpoint &, const TcpEndpoint &) = default;
    friend auto operator<=>(const TcpEndpoint &a, const TcpEndpoint &b)
    {
        if (a.address != b.address) return a.address <=> b.address;
        return a.port <=> b.port;
    }
};

// Numbers TCP connections exactly as Wireshark's tcp.stream does: in the order of their first
// segment, by address/port pair, and a new number when a SYN (without ACK) arrives whose sequence
// number differs from the base sequence number of its direction in the current connection on those
// ports (the ports were reused). The base is the SYN's sequence number, or seq - 1 of a direction's
// first segment without SYN, or ack - 1 of the first ACK of the other direction.
class TcpStreamNumbering {
public:
    struct Assignment {
        int stream = -1;
        int direction = 0; // 0: sent by the endpoint that sent the stream's first segment; 1: the other
        bool isNew = false;
        bool reusedPorts = false; // a SYN that started a new stream on the ports of an earlier one
        bool repeatedSyn = false; // a SYN with the sequence number its side started with
    };
    // `quoted`: a header quoted in an ICMP error. Wireshark numbers its connection (a new stream
    // for unknown ports, or for a SYN on reused ones) but takes no base sequence number from it.
    Assignment assign(const TcpSegment &s, bool quoted = false);
    int count() const { return m_next; }

private:
    struct Key {
        TcpEndpoint low, high;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &k, size_t seed = 0)
        {
            return qHashMulti(seed, QByteArrayView(reinterpret_cast<const char *>(k.low.address.data()), 16),
                              k.low.port, QByteArrayView(reinterpret_cast<const char *>(k.high.address.data()), 16),
                              k.high.port);
        }
    };
    struct Stream {
        int number = 0;
        TcpEndpoint first; // the sender of the stream's first segment
        std::array<bool, 2> baseSet {};
        std::array<quint32, 2> base {};
    };
    QHash<Key, Stream> m_streams;
    int m_next = 0;
    // The last connection looked up (an insertion may move the others, never this one until the next).
    QHash<Key, Stream>::iterator m_last;
    Key m_lastKey;
    bool m_lastValid = false;
};

// Wireshark's TCP sequence analysis (tcp.analysis.*, "Analyze TCP sequence numbers" on, its
// default) for the segments of one connection, in capture order, as packet-tcp.c's
// tcp_analyze_sequence_number() makes it: retransmissions (plain, fast, spurious), out-of-order
// segments, duplicate ACKs, zero windows, zero-window probes and their ACKs, keep-alives and their
// ACKs, window updates, full windows, segments after a gap ("previous segment not captured") and
// ACKs of data never seen. Checked frame by frame against tshark 4.0 (tests/io/tst_pcapimport).
class TcpSequenceAnalysis {
public:
    struct Marks {
        quint8 marks = 0; // EventMark bits: Retransmission (any kind), DuplicateAck, OutOfOrder, ZeroWindow
        quint16 analysis = 0; // AnalysisMark bits
    };
    Marks analyse(const TcpSegment &s, int direction, qint64 timeNs);
    // Before analysing a SYN that repeats its side's first sequence number (Assignment::repeatedSyn).
    void repeatedSyn(int direction);

private:
    struct Flow {
        quint32 nextSeq = 0; // 0: nothing seen yet, as in Wireshark
        qint64 nextSeqTime = 0;
        quint32 maxSeqToBeAcked = 0;
        quint32 lastAck = 0;
        qint64 lastAckTime = 0;
        quint32 window = 0xffffffff; // the raw window field; no segment yet: matches no real window
        int windowScale = -1; // -1 unknown, -2 not used by the connection, else the shift
        quint32 dupAcks = 0; // or kAckedUnseen after an ACK of data this direction was not seen sending
        quint16 lastFlags = 0; // AnalysisMark bits of this direction's last segment
        bool windowFromSyn = false; // its last SYN came after its last pure ACK (Wireshark's is_first_ack)
    };
    // Wireshark's dupacknum of -1 in an unsigned field: it also counts as "two or more" for fast
    // retransmissions.
    static constexpr quint32 kAckedUnseen = 0xffffffffu;
    std::array<Flow, 2> m_flows;
    qint64 m_lastSynTime = -1;
    qint64 m_firstRtt = 0;
};
