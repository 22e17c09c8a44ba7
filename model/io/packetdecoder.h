// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "captureskips.h"
#include "trace/tcpsegment.h"

#include <QByteArray>
#include <QHash>
#include <array>
#include <deque>
#include <unordered_map>
#include <vector>

struct CaptureRecord;

// Finds the TCP segment in a captured frame the way Wireshark's dissectors do (tshark 4.0, default
// preferences), so that connections get the same tcp.stream numbers:
// - after the link layer: 802.1Q/802.1ad/QinQ tags, MPLS (explicit-null labels, IP by its version
//   nibble, Ethernet pseudowires with or without a control word), PPPoE sessions;
// - IPv4 and IPv6 with their extension headers and IPsec AH; a total length of 0 (a TSO frame, seen
//   on the sending host) or one past the frame takes the frame's length, an IPv6 jumbogram the
//   length of its Jumbo Payload option;
// - tunnels: IPv4/IPv6 in IPv4/IPv6 (6in4, IP-in-IP), GRE (IP, Ethernet, MPLS, PPP of PPTP, ERSPAN
//   I-III, WCCP), VXLAN (UDP port 4789) and Geneve (UDP 6081);
// - IPv4 and IPv6 fragments, reassembled when the last missing one arrives (then the segment is
//   the completing frame's); the datagrams still waiting hold at most 64 MiB, oldest dropped first;
// - TCP headers quoted in ICMP and ICMPv6 errors: Wireshark gives them a tcp.stream too (without
//   analysing them), so they count for the numbering but are no segment of a connection.
// Frames that might have held TCP but cannot be read (cut headers, unknown tunnel payloads, ESP,
// encrypted 802.11, fragments never completed) are counted in a CaptureSkips; frames that are
// simply not TCP (ARP, UDP, ICMP) are not.
class PacketDecoder {
public:
    enum class Result {
        Tcp, // a segment: see Found
        NotTcp, // nothing of TCP in the frame
        Pending, // an IP fragment, kept until its datagram is complete
        Skipped, // counted in the CaptureSkips
    };
    struct Found {
        TcpSegment segment;
        const uchar *ip = nullptr; // the IP packet that carries the segment (valid until the next decode())
        qsizetype ipBytes = 0; // how many of its bytes there are (captured, within its length)
        qsizetype fileOffset = -1; // where `ip` is in the file; -1 for a reassembled datagram
        bool quoted = false; // numbered only: a header quoted in an ICMP error, or in a cut first fragment
    };
    static constexpr qsizetype kFragmentBudget = qsizetype(64) << 20;
    static constexpr qsizetype kMaxWaitingDatagrams = 65536;
    // The largest packet a trace stores (PacketStore keeps 17 bits of length): a bigger one (a
    // BIG TCP jumbogram) keeps its length, and the trace keeps its first bytes.
    static constexpr qsizetype kMaxStoredPacket = (qsizetype(1) << 17) - 1;

    explicit PacketDecoder(CaptureSkips &skips);
    Result decode(const CaptureRecord &record, Found &out);
    // Counts the fragments still waiting for the rest of their datagram; call after the last frame.
    void finish();

private:
    struct FragmentKey {
        std::array<quint8, 16> src {};
        std::array<quint8, 16> dst {};
        quint32 id = 0;
        quint8 protocol = 0;
        quint8 version = 4;
        friend bool operator==(const FragmentKey &, const FragmentKey &) = default;
    };
    struct FragmentKeyHash {
        size_t operator()(const FragmentKey &k) const
        {
            return qHashMulti(0, QByteArrayView(reinterpret_cast<const char *>(k.src.data()), 16),
                              QByteArrayView(reinterpret_cast<const char *>(k.dst.data()), 16), k.id, k.protocol,
                              k.version);
        }
    };
    struct Piece {
        qsizetype offset = 0;
        QByteArray bytes;
    };
    struct Datagram {
        QByteArray header; // IPv4: the first fragment's header; IPv6: the unfragmentable part
        qsizetype nextHeaderAt = -1; // IPv6: the byte in `header` that named the fragment header
        quint8 nextHeader = 0; // IPv6: what the fragment header says follows it
        std::vector<Piece> pieces;
        qsizetype end = -1; // the data's length, once the last fragment has come
        qsizetype held = 0;
        quint64 arrival = 0;
        quint64 firstNumber = 0;
        qsizetype firstOffset = 0;
        quint64 fragments = 0;
    };
    // What a fragment brings: its datagram, where its data starts and whether more follow.
    struct Fragment {
        FragmentKey key;
        const uchar *packet = nullptr; // the whole fragment, from its IP header
        qsizetype headerLength = 0; // IPv4 header, or the IPv6 unfragmentable part
        qsizetype nextHeaderAt = -1;
        quint8 nextHeader = 0;
        const uchar *data = nullptr;
        qsizetype dataLength = 0;
        qsizetype offset = 0;
        bool more = false;
    };

    Result linkPayload(int linkType, const uchar *p, qsizetype avail, qsizetype reported, int depth, bool inner);
    Result etherType(quint16 type, const uchar *p, qsizetype avail, qsizetype reported, int depth);
    Result ip(const uchar *p, qsizetype avail, qsizetype reported, int depth);
    Result ipv4(const uchar *p, qsizetype avail, qsizetype reported, int depth);
    Result ipv6(const uchar *p, qsizetype avail, qsizetype reported, int depth);
    Result transport(quint8 protocol, bool v6, const uchar *p, qsizetype avail, qsizetype reported, int depth);
    Result tcp(const uchar *packet, qsizetype length, qsizetype effective);
    Result icmpError(bool v6, const uchar *p, qsizetype avail);
    Result numberOnly(const uchar *ip, qsizetype ipHeader, const uchar *tcp, qsizetype tcpAvail);
    Result gre(const uchar *p, qsizetype avail, qsizetype reported, int depth);
    Result udp(const uchar *p, qsizetype avail, qsizetype reported, int depth);
    Result mpls(const uchar *p, qsizetype avail, qsizetype reported, int depth);
    Result pppoe(const uchar *p, qsizetype avail, qsizetype reported, int depth);
    Result fragment(const Fragment &f, qsizetype avail, qsizetype effective, int depth);
    void evict(Datagram &d, CaptureSkips::Kind why);

    Result skip(CaptureSkips::Kind kind, quint32 detail = 0);
    // A header that does not fit in the bytes there are: cut by the snap length, or a short frame.
    Result cut(CaptureSkips::Header header, qsizetype avail, qsizetype reported);

    CaptureSkips &m_skips;
    const CaptureRecord *m_record = nullptr;
    Found *m_out = nullptr;
    // Node-based: a datagram stays where it is while others come and go.
    std::unordered_map<FragmentKey, Datagram, FragmentKeyHash> m_waiting;
    std::deque<std::pair<quint64, FragmentKey>> m_arrivals; // oldest first; stale entries skipped
    quint64 m_arrivalCount = 0;
    qsizetype m_held = 0;
    QByteArray m_assembled; // the last datagram put together from its fragments
};
