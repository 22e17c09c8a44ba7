// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The generated captures of tst_wildcaptures, each named: every byte is decided here, so tshark's
// view of each (tests/data/tshark/<name>.txt) stays true. See wildcaptures.h for the builders.

#include "capturewriter.h"
#include "wildcaptures.h"

#include <QRandomGenerator>

namespace WildCases {

using namespace WildCaptures;

struct Case {
    QString name;
    QString suffix; // "pcap" or "pcapng"
    Bytes bytes;
};

constexpr V4 kOuterA {10, 0, 0, 1};
constexpr V4 kOuterB {10, 0, 0, 2};
constexpr V4 kInnerA {192, 168, 7, 1};
constexpr V4 kInnerB {192, 168, 7, 2};

// Frames of several connections taken in turns, so that stream numbers follow first appearance.
inline std::vector<Bytes> interleave(const std::vector<std::vector<Bytes>> &connections)
{
    std::vector<Bytes> out;
    for (size_t k = 0;; ++k) {
        bool any = false;
        for (const std::vector<Bytes> &c : connections) {
            if (k < c.size()) {
                out.push_back(c[k]);
                any = true;
            }
        }
        if (!any) return out;
    }
}

// An inner IPv4 TCP segment between the inner hosts.
inline Bytes inner4(const Bytes &segment, bool fromClient)
{
    return ipv4(fromClient ? kInnerA : kInnerB, fromClient ? kInnerB : kInnerA, 6, segment);
}
inline Bytes inner6(const Bytes &segment, bool fromClient)
{
    return ipv6(fromClient ? v6(1, 7) : v6(2, 7), fromClient ? v6(2, 7) : v6(1, 7), 6, segment);
}
inline Bytes outer4(quint8 protocol, const Bytes &payload, bool fromClient)
{
    return ethernet(ipv4(fromClient ? kOuterA : kOuterB, fromClient ? kOuterB : kOuterA, protocol, payload), 0x0800);
}
inline Bytes outer6(quint8 next, const Bytes &payload, bool fromClient)
{
    return ethernet(ipv6(fromClient ? v6(1) : v6(2), fromClient ? v6(2) : v6(1), next, payload), 0x86dd);
}
inline Bytes mplsLabel(quint32 label, bool bottom)
{
    return be32((label << 12) | (bottom ? 0x100 : 0) | 64);
}

inline Case gre()
{
    std::vector<std::vector<Bytes>> c;
    // Plain GRE, IPv4 inside.
    c.push_back(Connection(40001, 80, 1000, 5000).whole([](const Bytes &s, bool up) -> Bytes {
        return outer4(47, be16(0) + be16(0x0800) + inner4(s, up), up);
    }));
    // Checksum, key and sequence number.
    c.push_back(Connection(40002, 80, 2000, 6000).whole([](const Bytes &s, bool up) -> Bytes {
        return outer4(47, be16(0xb000) + be16(0x0800) + be32(0) + be32(7) + be32(1) + inner4(s, up), up);
    }));
    // Transparent Ethernet bridging: a whole Ethernet frame inside.
    c.push_back(Connection(40003, 80, 3000, 7000).whole([](const Bytes &s, bool up) -> Bytes {
        return outer4(47, be16(0) + be16(0x6558) + ethernetIp(inner4(s, up)), up);
    }));
    // GRE over IPv6 carrying IPv6.
    c.push_back(Connection(40004, 80, 4000, 8000).whole([](const Bytes &s, bool up) -> Bytes {
        return outer6(47, be16(0) + be16(0x86dd) + inner6(s, up), up);
    }));
    // MPLS in GRE.
    c.push_back(Connection(40005, 80, 5000, 9000).whole([](const Bytes &s, bool up) -> Bytes {
        return outer4(47, be16(0) + be16(0x8847) + mplsLabel(100, true) + inner4(s, up), up);
    }));
    // PPTP's enhanced GRE with PPP inside (key, sequence number).
    c.push_back(Connection(40006, 80, 6000, 10000).whole([](const Bytes &s, bool up) -> Bytes {
        const Bytes ppp = Bytes::fromHex("ff030021") + inner4(s, up);
        return outer4(47, be16(0x3001) + be16(0x880b) + be16(quint16(ppp.size())) + be16(7) + be32(1) + ppp, up);
    }));
    // ERSPAN type II (sequence bit, 8-byte header) and type III (12 bytes).
    c.push_back(Connection(40007, 80, 7000, 11000).whole([](const Bytes &s, bool up) -> Bytes {
        return outer4(
            47, be16(0x1000) + be16(0x88be) + be32(1) + be32(0x10000064) + be32(0) + ethernetIp(inner4(s, up)), up);
    }));
    c.push_back(Connection(40008, 80, 8000, 12000).whole([](const Bytes &s, bool up) -> Bytes {
        return outer4(47, be16(0) + be16(0x22eb) + be32(0x20000064) + be32(0) + be32(0) + ethernetIp(inner4(s, up)),
                      up);
    }));
    // A plain connection between the tunnel ends, in the middle of it all.
    c.push_back(Connection(40009, 22, 9000, 13000).whole([](const Bytes &s, bool up) -> Bytes {
        return ethernet(ipv4(up ? kOuterA : kOuterB, up ? kOuterB : kOuterA, 6, s), 0x0800);
    }));
    std::vector<Bytes> all = interleave(c);
    // A tunnel SynScope does not decode (GRE carrying protocol 0x88b5, local experimental).
    all.push_back(outer4(47, be16(0) + be16(0x88b5) + inner4(tcp(40010, 80, 1, 0, F::Syn), true), true));
    return {QStringLiteral("gre"), QStringLiteral("pcap"), pcapFile(1, frames(all))};
}

inline Bytes vxlan(quint16 sport, quint16 dport, const Bytes &frame)
{
    return udp(sport, dport, Bytes::fromHex("0800000000006400") + frame);
}

inline Case udpTunnels()
{
    std::vector<std::vector<Bytes>> c;
    c.push_back(Connection(41001, 80, 1000, 5000).whole([](const Bytes &s, bool up) -> Bytes {
        return outer4(
            17, up ? vxlan(50001, 4789, ethernetIp(inner4(s, up))) : vxlan(4789, 50001, ethernetIp(inner4(s, up))), up);
    }));
    // VXLAN with a VLAN tag on the inner frame.
    c.push_back(Connection(41002, 80, 2000, 6000).whole([](const Bytes &s, bool up) -> Bytes {
        return outer4(17, vxlan(50002, 4789, ethernet(be16(0x0064) + be16(0x0800) + inner4(s, up), 0x8100)), up);
    }));
    // Geneve with one 8-byte option, carrying Ethernet; and one carrying IPv6 directly.
    c.push_back(Connection(41003, 80, 3000, 7000).whole([](const Bytes &s, bool up) -> Bytes {
        const Bytes geneve =
            Bytes::fromHex("0200") + be16(0x6558) + Bytes::fromHex("00006400") + Bytes::fromHex("0104800100000000");
        return outer4(17, udp(50003, 6081, geneve + ethernetIp(inner4(s, up))), up);
    }));
    c.push_back(Connection(41004, 80, 4000, 8000).whole([](const Bytes &s, bool up) -> Bytes {
        const Bytes geneve = Bytes::fromHex("0000") + be16(0x86dd) + Bytes::fromHex("00006500");
        return outer4(17, udp(50004, 6081, geneve + inner6(s, up)), up);
    }));
    // UDP to port 8472 (Linux's old VXLAN port): tshark does not decode it, nor does SynScope.
    std::vector<Bytes> all = interleave(c);
    all.push_back(outer4(17, vxlan(50005, 8472, ethernetIp(inner4(tcp(41005, 80, 1, 0, F::Syn), true))), true));
    return {QStringLiteral("udp-tunnels"), QStringLiteral("pcap"), pcapFile(1, frames(all))};
}

inline Case ipInIp()
{
    std::vector<std::vector<Bytes>> c;
    c.push_back(Connection(42001, 80, 1000, 5000).whole([](const Bytes &s, bool up) -> Bytes {
        return outer4(41, inner6(s, up), up); // 6in4
    }));
    c.push_back(Connection(42002, 80, 2000, 6000).whole([](const Bytes &s, bool up) -> Bytes {
        return outer4(4, inner4(s, up), up); // IPv4 in IPv4
    }));
    c.push_back(Connection(42003, 80, 3000, 7000).whole([](const Bytes &s, bool up) -> Bytes {
        return outer6(41, inner6(s, up), up); // IPv6 in IPv6
    }));
    c.push_back(Connection(42004, 80, 4000, 8000).whole([](const Bytes &s, bool up) -> Bytes {
        return outer6(4, inner4(s, up), up); // IPv4 in IPv6
    }));
    // IPsec ESP: nothing to read.
    std::vector<Bytes> all = interleave(c);
    all.push_back(outer4(50, be32(0x1000) + be32(1) + Bytes(48, 'e'), true));
    return {QStringLiteral("ip-in-ip"), QStringLiteral("pcap"), pcapFile(1, frames(all))};
}

inline Case mplsPppoe()
{
    std::vector<std::vector<Bytes>> c;
    c.push_back(Connection(43001, 80, 1000, 5000).whole([](const Bytes &s, bool up) -> Bytes {
        return ethernet(mplsLabel(100, false) + mplsLabel(200, true) + inner4(s, up), 0x8847);
    }));
    c.push_back(Connection(43002, 80, 2000, 6000).whole([](const Bytes &s, bool up) -> Bytes {
        return ethernet(mplsLabel(300, false) + mplsLabel(2, true) + inner6(s, up), 0x8847); // IPv6 explicit null
    }));
    // Ethernet pseudowires, with a control word and without.
    c.push_back(Connection(43003, 80, 3000, 7000).whole([](const Bytes &s, bool up) -> Bytes {
        return ethernet(mplsLabel(400, true) + be32(0) + ethernetIp(inner4(s, up)), 0x8847);
    }));
    c.push_back(Connection(43004, 80, 4000, 8000).whole([](const Bytes &s, bool up) -> Bytes {
        return ethernet(mplsLabel(500, true) + ethernetIp(inner4(s, up)), 0x8847);
    }));
    const auto session = [](const Bytes &ip) -> Bytes {
        const Bytes ppp = be16((uchar(ip[0]) >> 4) == 6 ? 0x0057 : 0x0021) + ip;
        return Bytes::fromHex("1100") + be16(0x1234) + be16(quint16(ppp.size())) + ppp;
    };
    c.push_back(Connection(43005, 80, 5000, 9000).whole([&](const Bytes &s, bool up) -> Bytes {
        return ethernet(session(inner4(s, up)), 0x8864);
    }));
    // QinQ (802.1ad outside, 802.1Q inside) with PPPoE, and the old 0x9100 tag with IPv6.
    c.push_back(Connection(43006, 80, 6000, 10000).whole([&](const Bytes &s, bool up) -> Bytes {
        return ethernet(be16(0x0064) + be16(0x8100) + be16(0x0065) + be16(0x8864) + session(inner4(s, up)), 0x88a8);
    }));
    c.push_back(Connection(43007, 80, 7000, 11000).whole([&](const Bytes &s, bool up) -> Bytes {
        return ethernet(be16(0x0066) + be16(0x86dd) + inner6(s, up), 0x9100);
    }));
    std::vector<Bytes> all = interleave(c);
    // MPLS whose payload is neither IP nor Ethernet.
    all.push_back(ethernet(mplsLabel(600, true) + Bytes::fromHex("9f00000000000000000000000000000000000000"), 0x8847));
    return {QStringLiteral("mpls-pppoe"), QStringLiteral("pcap"), pcapFile(1, frames(all))};
}

// The fragments of an IPv4 datagram, `size` data bytes each (a multiple of 8).
inline std::vector<Bytes> fragments4(V4 src, V4 dst, quint16 id, const Bytes &payload, int size)
{
    std::vector<Bytes> out;
    for (int at = 0; at < payload.size(); at += size) {
        const bool more = at + size < payload.size();
        Ip4Options o;
        o.id = id;
        o.fragment = quint16((more ? 0x2000 : 0) | (at / 8));
        out.push_back(ethernet(ipv4(src, dst, 6, payload.mid(at, size), o), 0x0800));
    }
    return out;
}

inline std::vector<Bytes> fragments6(const V6 &src, const V6 &dst, quint32 id, const Bytes &payload, int size)
{
    std::vector<Bytes> out;
    for (int at = 0; at < payload.size(); at += size) {
        const bool more = at + size < payload.size();
        const Bytes header = Bytes(1, char(6)) + Bytes(1, 0) + be16(quint16(at | (more ? 1 : 0))) + be32(id);
        out.push_back(ethernet(ipv6(src, dst, 44, header + payload.mid(at, size)), 0x86dd));
    }
    return out;
}

inline Case fragments()
{
    std::vector<Bytes> all;
    Connection four(44001, 80, 1000, 5000);
    quint16 id = 100;
    const auto plain4 = [](const Bytes &s, bool up) -> Bytes {
        return ethernetIp(ipv4(up ? kInnerA : kInnerB, up ? kInnerB : kInnerA, 6, s));
    };
    const auto raw = [](const Bytes &s, bool) -> Bytes { return s; };
    all.push_back(four.send(plain4, true, F::Syn, 0, 64240, 7));
    all.push_back(four.send(plain4, false, F::Syn | F::Ack, 0, 65160, 7));
    all.push_back(four.send(plain4, true, F::Ack, 0));
    // In order.
    std::vector<Bytes> f = fragments4(kInnerA, kInnerB, id++, four.send(raw, true, F::Psh | F::Ack, 1000), 400);
    all.insert(all.end(), f.begin(), f.end());
    // Last fragment first.
    f = fragments4(kInnerA, kInnerB, id++, four.send(raw, true, F::Psh | F::Ack, 1000), 400);
    all.insert(all.end(), f.rbegin(), f.rend());
    // A fragment twice.
    f = fragments4(kInnerA, kInnerB, id++, four.send(raw, true, F::Psh | F::Ack, 600), 320);
    all.push_back(f[0]);
    all.push_back(f[0]);
    all.push_back(f[1]);
    all.push_back(four.send(plain4, false, F::Ack, 0));
    // The same id again for the next datagram, after the first completed.
    f = fragments4(kInnerA, kInnerB, id - 1, four.send(raw, true, F::Psh | F::Ack, 600), 320);
    all.insert(all.end(), f.begin(), f.end());
    // A datagram whose last fragment never comes.
    f = fragments4(kInnerA, kInnerB, 999, tcp(44001, 80, 1, 0, F::Psh | F::Ack, 600), 320);
    all.push_back(f[0]);
    // IPv6, fragmented both ways.
    Connection six(44002, 443, 7000, 9000);
    const auto plain6 = [](const Bytes &s, bool up) -> Bytes { return ethernetIp(inner6(s, up)); };
    all.push_back(six.send(plain6, true, F::Syn, 0, 64240, 7));
    all.push_back(six.send(plain6, false, F::Syn | F::Ack, 0, 65160, 7));
    all.push_back(six.send(plain6, true, F::Ack, 0));
    f = fragments6(v6(1, 7), v6(2, 7), 77, six.send(raw, true, F::Psh | F::Ack, 1400), 512);
    all.insert(all.end(), f.begin(), f.end());
    f = fragments6(v6(2, 7), v6(1, 7), 78, six.send(raw, false, F::Psh | F::Ack, 1400), 512);
    all.insert(all.end(), f.rbegin(), f.rend());
    all.push_back(six.send(plain6, true, F::Ack, 0));
    all.push_back(four.send(plain4, true, F::Fin | F::Ack, 0));
    std::vector<Frame> out = frames(all);
    // A first fragment the snap length cut (and the rest of its datagram): it cannot be reassembled,
    // but the TCP header in it numbers a connection of its own, as tshark does.
    f = fragments4(kInnerA, {192, 168, 7, 9}, 555, tcp(44003, 80, 1, 0, F::Psh | F::Ack, 600), 320);
    out.push_back({f[0].left(80), f[0].size()});
    out.push_back({f[1]});
    return {QStringLiteral("fragments"), QStringLiteral("pcap"), pcapFile(1, out)};
}

// TSO: IPv4 total length 0 on the sending host; an IPv6 jumbogram; an IP length past the frame.
inline Case bigFrames()
{
    std::vector<Frame> all;
    Connection c(45001, 80, 1000, 5000);
    const auto plain = [](const Bytes &s, bool up) -> Bytes { return ethernetIp(inner4(s, up)); };
    const auto tso = [](const Bytes &s, bool up) -> Bytes {
        Ip4Options o;
        o.totalLength = 0;
        return ethernet(ipv4(up ? kInnerA : kInnerB, up ? kInnerB : kInnerA, 6, s, o), 0x0800);
    };
    all.push_back({c.send(plain, true, F::Syn, 0, 64240, 7)});
    all.push_back({c.send(plain, false, F::Syn | F::Ack, 0, 65160, 7)});
    all.push_back({c.send(plain, true, F::Ack, 0)});
    all.push_back({c.send(tso, true, F::Psh | F::Ack, 5000)});
    // Cut by a snap length of 128: the frame's length on the wire still says how long it was.
    const Bytes cut = c.send(tso, true, F::Psh | F::Ack, 7000);
    all.push_back({cut.left(128), cut.size()});
    all.push_back({c.send(plain, false, F::Ack, 0)});
    // An IPv4 total length that claims more than the frame holds: tshark takes the frame's length.
    Bytes bogus = c.send(plain, true, F::Psh | F::Ack, 50);
    put16(bogus, 14 + 2, quint16(20 + 20 + 300));
    all.push_back({bogus});
    all.push_back({c.send(plain, false, F::Ack, 0)});
    // IPv6 jumbogram (Linux BIG TCP): payload length 0, a hop-by-hop Jumbo Payload option.
    Connection j(45002, 443, 3000, 9000);
    const auto plain6 = [](const Bytes &s, bool up) -> Bytes { return ethernetIp(inner6(s, up)); };
    const auto jumbo = [](const Bytes &s, bool up) -> Bytes {
        const Bytes hopByHop = Bytes(1, char(6)) + Bytes(1, 0) + Bytes::fromHex("c204") + be32(quint32(8 + s.size()));
        return ethernet(ipv6(up ? v6(1, 7) : v6(2, 7), up ? v6(2, 7) : v6(1, 7), 0, hopByHop + s, 0), 0x86dd);
    };
    all.push_back({j.send(plain6, true, F::Syn, 0, 64240, 7)});
    all.push_back({j.send(plain6, false, F::Syn | F::Ack, 0, 65160, 7)});
    all.push_back({j.send(plain6, true, F::Ack, 0)});
    all.push_back({j.send(jumbo, true, F::Psh | F::Ack, 70000)});
    all.push_back({j.send(plain6, false, F::Ack, 0)});
    // An IPv6 payload length of 0 with no jumbo option: no length to go by (tshark: malformed).
    all.push_back({j.send(
        [](const Bytes &s, bool up) -> Bytes {
            return ethernet(ipv6(up ? v6(1, 7) : v6(2, 7), up ? v6(2, 7) : v6(1, 7), 6, s, 0), 0x86dd);
        },
        true, F::Psh | F::Ack, 100)});
    return {QStringLiteral("big-frames"), QStringLiteral("pcap"), pcapFile(1, all)};
}

// mergecap's output of two Ethernet captures with different snap lengths: libpcap 1.10 refuses it.
inline Case mergedSnapLengths()
{
    std::vector<Frame> all;
    const std::vector<Bytes> a = Connection(46001, 80, 1000, 5000).whole([](const Bytes &s, bool up) -> Bytes {
        return ethernetIp(inner4(s, up));
    });
    const std::vector<Bytes> b = Connection(46002, 80, 2000, 6000).whole([](const Bytes &s, bool up) -> Bytes {
        return ethernetIp(inner6(s, up));
    });
    for (size_t k = 0; k < a.size(); ++k) {
        all.push_back({a[k], -1, 0, 0});
        Frame f {b[k], -1, 0, 1};
        if (f.data.size() > 96) { // the second interface kept 96 bytes of each frame
            f.original = f.data.size();
            f.data = f.data.left(96);
        }
        all.push_back(f);
    }
    return {QStringLiteral("merged-snaplen"), QStringLiteral("pcapng"), pcapngFile({{1, 262144}, {1, 96}}, all)};
}

// A pcap whose header says a snap length of 64 but whose records hold whole frames.
inline Case shortHeaderSnapLength()
{
    const std::vector<Bytes> a =
        Connection(47001, 80, 1000, 5000)
            .whole([](const Bytes &s, bool up) -> Bytes { return ethernetIp(inner4(s, up)); }, 200);
    return {QStringLiteral("short-snaplen"), QStringLiteral("pcap"), pcapFile(1, frames(a), 64)};
}

inline Case cutFile(bool ng)
{
    const std::vector<Bytes> a =
        Connection(48001, 80, 1000, 5000)
            .whole([](const Bytes &s, bool up) -> Bytes { return ethernetIp(inner4(s, up)); }, 300);
    Bytes bytes = ng ? pcapngFile({{1, 262144}}, frames(a)) : pcapFile(1, frames(a));
    bytes.chop(ng ? 40 : 30); // inside the last frame's bytes
    return {ng ? QStringLiteral("cut-pcapng") : QStringLiteral("cut-pcap"),
            ng ? QStringLiteral("pcapng") : QStringLiteral("pcap"), bytes};
}

// One connection behind each link layer SynScope reads besides Ethernet.
inline Case links(int linkType)
{
    const auto wrap = [linkType](const Bytes &s, bool up) -> Bytes {
        const Bytes ip = up ? inner4(s, up) : inner6(s, up);
        const bool v6 = (uchar(ip[0]) >> 4) == 6;
        const quint16 type = v6 ? 0x86dd : 0x0800;
        const Bytes snap = Bytes::fromHex("aaaa03000000") + be16(type);
        switch (linkType) {
        case 9: // PPP with address and control, and without
            return (up ? Bytes::fromHex("ff03") : Bytes()) + be16(v6 ? 0x0057 : 0x0021) + ip;
        case 50: // PPP in HDLC framing, and Cisco HDLC framing on the same link type
            if (up) return Bytes::fromHex("ff03") + be16(v6 ? 0x0057 : 0x0021) + ip;
            return Bytes::fromHex("0f00") + be16(type) + ip;
        case 104: // Cisco HDLC
            return Bytes::fromHex(up ? "0f00" : "8f00") + be16(type) + ip;
        case 113: { // Linux SLL: an EtherType, or 802.2 LLC
            Bytes h = be16(up ? 4 : 0) + be16(1) + be16(6) + Bytes::fromHex("005056000001") + Bytes(2, 0);
            if (up) return h + be16(0x0004) + snap + ip;
            return h + be16(type) + ip;
        }
        case 276: // Linux SLL2
            return be16(type) + be16(0) + be32(3) + be16(1) + Bytes(1, char(up ? 4 : 0)) + Bytes(1, 6)
                + Bytes::fromHex("0050560000010000") + ip;
        case 105: { // IEEE 802.11 data: QoS data from the station, plain data from the AP
            const Bytes addresses = Bytes::fromHex("001b21000002005056000001001b21000003");
            if (up)
                return Bytes::fromHex("8801") + Bytes(2, 0) + addresses + Bytes::fromHex("1000")
                    + Bytes::fromHex("0000") + snap + ip;
            return Bytes::fromHex("0802") + Bytes(2, 0) + addresses + Bytes::fromHex("2000") + snap + ip;
        }
        case 127: { // radiotap (TSFT, flags with the data pad bit, rate), then 802.11 QoS data
            const Bytes radiotap = Bytes::fromHex("0000") + le16(18) + le32(0x00000007) + Bytes(8, 0)
                + Bytes(1, char(up ? 0x20 : 0x00)) + Bytes(1, 2);
            const Bytes mac = Bytes::fromHex("8801") + Bytes(2, 0)
                + Bytes::fromHex("001b21000002005056000001001b21000003") + Bytes::fromHex("3000")
                + Bytes::fromHex("0000");
            return radiotap + mac + (up ? Bytes(2, 0) : Bytes()) + snap + ip; // 26 bytes, padded to 28
        }
        case 192: { // PPI with 802.11 inside
            const Bytes mac = Bytes::fromHex("0802") + Bytes(2, 0)
                + Bytes::fromHex("001b21000002005056000001001b21000003") + Bytes::fromHex("4000");
            return Bytes::fromHex("0000") + le16(8) + le32(105) + mac + snap + ip;
        }
        case 239: { // NFLOG: family, version, resource id; a prefix TLV, then the packet TLV
            const Bytes prefix = le16(8) + le16(10) + Bytes("abc", 4);
            return Bytes(1, char(v6 ? 10 : 2)) + Bytes(1, 0) + be16(1) + prefix + le16(quint16(4 + ip.size())) + le16(9)
                + ip + Bytes((4 - ip.size() % 4) % 4, 0);
        }
        default:
            return ip;
        }
    };
    std::vector<Bytes> all = Connection(49001, 80, 1000, 5000).whole(wrap);
    if (linkType == 105) // a protected (encrypted) data frame
        all.push_back(Bytes::fromHex("0841") + Bytes(2, 0) + Bytes::fromHex("001b21000002005056000001001b21000003")
                      + Bytes::fromHex("5000") + Bytes(40, 'w'));
    return {QStringLiteral("link-%1").arg(linkType), QStringLiteral("pcap"), pcapFile(linkType, frames(all))};
}

// TCP headers quoted in ICMP errors: tshark numbers their connections.
inline Case icmpQuotes()
{
    std::vector<Bytes> all;
    const auto plain = [](const Bytes &s, bool up) -> Bytes { return ethernetIp(inner4(s, up)); };
    const auto unreachable = [](const Bytes &quoted) -> Bytes {
        return ethernetIp(ipv4(kOuterB, kInnerA, 1, Bytes::fromHex("03010000") + be32(0) + quoted.left(20 + 20)));
    };
    Connection a(50001, 80, 1000, 5000);
    all.push_back(a.send(plain, true, F::Syn, 0, 64240, 7));
    // A quote of a connection not seen before: a stream of its own.
    all.push_back(unreachable(ipv4(kInnerA, {192, 168, 7, 9}, 6, tcp(50002, 81, 77, 0, F::Syn))));
    // A quote of a SYN on the first connection's ports with another sequence number: ports reused.
    all.push_back(unreachable(ipv4(kInnerA, kInnerB, 6, tcp(50001, 80, 999, 0, F::Syn))));
    all.push_back(a.send(plain, false, F::Syn | F::Ack, 0, 65160, 7));
    all.push_back(a.send(plain, true, F::Ack, 0));
    all.push_back(a.send(plain, true, F::Psh | F::Ack, 100));
    // ICMPv6 packet too big quoting a segment of an IPv6 connection.
    Connection b(50003, 443, 3000, 9000);
    const auto plain6 = [](const Bytes &s, bool up) -> Bytes { return ethernetIp(inner6(s, up)); };
    all.push_back(b.send(plain6, true, F::Syn, 0, 64240, 7));
    all.push_back(b.send(plain6, false, F::Syn | F::Ack, 0, 65160, 7));
    const Bytes data =
        b.send([](const Bytes &s, bool up) -> Bytes { return inner6(s, up); }, true, F::Psh | F::Ack, 1400);
    all.push_back(
        ethernetIp(ipv6(v6(9, 7), v6(1, 7), 58, Bytes::fromHex("02000000") + be32(1280) + data.left(40 + 20))));
    all.push_back(ethernetIp(data));
    all.push_back(a.send(plain, false, F::Ack, 0));
    return {QStringLiteral("icmp-quotes"), QStringLiteral("pcap"), pcapFile(1, frames(all))};
}

// Every mark of Wireshark's TCP analysis, in one connection (and a second one on reused ports).
inline Case analysisMarks()
{
    std::vector<Frame> all;
    qint64 t = qint64(1700000000) * 1000000000;
    const auto at = [&](qint64 gapUs, const Bytes &frame) {
        t += gapUs * 1000;
        all.push_back({frame, -1, t});
    };
    const auto seg = [](bool up, quint32 seq, quint32 ack, quint8 flags, int payload, quint16 window = 502,
                        int ws = -1) {
        const Bytes s = tcp(up ? 51001 : 80, up ? 80 : 51001, seq, ack, flags, payload, window, ws);
        return ethernetIp(inner4(s, up));
    };
    const quint32 c = 1000, s = 5000;
    const quint8 A = F::Ack, PA = F::Psh | F::Ack;
    at(0, seg(true, c, 0, F::Syn, 0, 64240, 7));
    at(1000, seg(false, s, c + 1, F::Syn | A, 0, 65160, 7));
    at(1000, seg(true, c + 1, s + 1, A, 0));
    at(1000, seg(true, c + 1, s + 1, PA, 100)); // 1..101
    at(1000, seg(false, s + 1, c + 101, A, 0, 10)); // window 10 << 7 = 1280
    at(1000, seg(true, c + 101, s + 1, PA, 1280)); // up to the window's edge: window full
    at(1000, seg(false, s + 1, c + 1381, A, 0, 10));
    at(1000, seg(false, s + 1, c + 1381, A, 0, 30)); // window update
    at(1000, seg(true, c + 1381, s + 1, PA, 100));
    at(200, seg(true, c + 1481, s + 1, PA, 100));
    at(200, seg(true, c + 1581, s + 1, PA, 100));
    at(1000, seg(false, s + 1, c + 1381, A, 0, 30)); // duplicate ACKs: 1381 was lost after the capture point
    at(200, seg(false, s + 1, c + 1381, A, 0, 30));
    at(200, seg(false, s + 1, c + 1381, A, 0, 30));
    at(1000, seg(true, c + 1381, s + 1, PA, 100)); // fast retransmission
    at(1000, seg(false, s + 1, c + 1681, A, 0, 30));
    at(1000, seg(true, c + 1481, s + 1, PA, 100)); // spurious: already acknowledged
    at(500000, seg(true, c + 1680, s + 1, A, 0)); // keep-alive
    at(1000, seg(false, s + 1, c + 1681, A, 0, 30)); // its ACK
    at(1000, seg(true, c + 1681, s + 1, PA, 100));
    at(1000, seg(false, s + 1, c + 1781, A, 0, 0)); // zero window
    at(200000, seg(true, c + 1781, s + 1, A, 1)); // zero-window probe
    at(1000, seg(false, s + 1, c + 1781, A, 0, 0)); // its ACK, the window still closed
    at(200000, seg(true, c + 1781, s + 1, A, 1)); // another probe
    at(1000, seg(false, s + 1, c + 1782, A, 0, 30)); // the window opens (after a probe: a window update)
    at(1000, seg(true, c + 1782, s + 1, PA, 100));
    at(1000, seg(true, c + 2382, s + 1, PA, 100)); // 1882..2382 never captured: previous segment not captured
    at(1000, seg(false, s + 1, c + 2482, A, 0, 30));
    at(1000, seg(false, s + 1, c + 2982, A, 0, 30)); // acknowledges 2482..2982, never seen: ACKed unseen
    at(1000, seg(true, c + 3082, s + 1, PA, 100)); // (also past what was seen)
    at(1000, seg(true, c + 2982, s + 1, PA, 100)); // out of order: soon after, below the highest
    at(1000, seg(false, s + 1, c + 3182, A, 0, 30));
    at(1000, seg(true, c + 3182, s + 1, PA, 100));
    at(900000, seg(true, c + 3182, s + 1, PA, 100)); // retransmission after a timeout
    at(1000, seg(false, s + 1, c + 3282, A, 0, 30));
    at(1000, seg(true, c + 3282, s + 1, F::Fin | A, 0));
    at(1000, seg(false, s + 1, c + 3283, F::Fin | A, 0, 30));
    at(1000, seg(true, c + 3283, s + 2, A, 0));
    // The same ports again, another initial sequence number: a new connection (reused ports).
    at(2000000, seg(true, 77000, 0, F::Syn, 0, 64240, 7));
    at(1000, seg(false, 99000, 77001, F::Syn | A, 0, 65160, 7));
    at(1000, seg(true, 77001, 99001, F::Rst | A, 0, 0));
    return {QStringLiteral("analysis-marks"), QStringLiteral("pcap"), pcapFile(1, all)};
}

// Messy transfers from a seeded generator (the same file every run): losses before the capture
// point, reordering, retransmissions soon and late, duplicate ACKs, window changes and full
// windows, zero windows and probes, keep-alives, ACKs of data never seen.
// Three connections (the second joined in the middle) of a seed's mix: segments lost before the
// capture point, reordered, resent, a window filled to its edge, ACKs of what was not seen,
// duplicate ACKs, zero windows and probes, keep-alives, window updates.
inline std::vector<CaptureWriter::Segment> randomSegments(quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<CaptureWriter::Segment> segments;
    qint64 t = qint64(1700000000) * 1000000000;
    for (int connection = 0; connection < 3; ++connection) {
        CaptureWriter::Segment c;
        c.src = 0x0a020001;
        c.dst = 0x0a020002;
        c.sport = quint16(41000 + connection);
        c.dport = 443;
        CaptureWriter::Segment s = c;
        std::swap(s.src, s.dst);
        std::swap(s.sport, s.dport);
        const quint32 isn = random.generate();
        const quint32 peerIsn = random.generate();
        const bool handshake = connection != 1; // the second one is joined in the middle
        const auto put = [&](CaptureWriter::Segment x, quint32 seq, quint32 ack, quint8 flags, int payload,
                             quint16 window) {
            t += qint64(random.bounded(1, 4000)) * 1000; // 1 µs to 4 ms apart
            if (random.bounded(20) == 0)
                t += qint64(random.bounded(50, 400)) * 1000000; // now and then a pause (timeouts)
            x.timeNs = t;
            x.seq = seq;
            x.ack = ack;
            x.flags = flags;
            x.payload = payload;
            x.window = window;
            segments.push_back(x);
        };
        quint32 next = isn + 1;
        quint32 acked = isn + 1;
        quint16 window = 502;
        if (handshake) {
            CaptureWriter::Segment syn = c;
            syn.windowScale = 1;
            put(syn, isn, 0, F::Syn, 0, 64240);
            CaptureWriter::Segment synAck = s;
            synAck.windowScale = 1;
            put(synAck, peerIsn, isn + 1, F::Syn | F::Ack, 0, 65160);
            put(c, isn + 1, peerIsn + 1, F::Ack, 0, 502);
        }
        const quint8 data = F::Psh | F::Ack;
        const quint8 ack = F::Ack;
        for (int step = 0; step < 150; ++step) {
            const int what = int(random.bounded(100));
            if (what < 36) { // the next segment (sometimes lost before the capture point)
                if (random.bounded(10) != 0) put(c, next, peerIsn + 1, data, 100, 502);
                next += 100;
            } else if (what < 40 && handshake) { // fill the window to its edge
                const qint64 room = qint64(acked) + (qint64(window) << 1) - qint64(next);
                if (room > 0 && room < 1400) {
                    put(c, next, peerIsn + 1, data, int(room), 502);
                    next += quint32(room);
                }
            } else if (what < 48) { // two segments, swapped
                put(c, next + 100, peerIsn + 1, data, 100, 502);
                put(c, next, peerIsn + 1, data, 100, 502);
                next += 200;
            } else if (what < 58 && next != isn + 1) { // an earlier segment again
                const quint32 back = quint32(random.bounded(1, 6)) * 100;
                const quint32 seq = next - back;
                put(c, qint32(seq - (isn + 1)) < 0 ? isn + 1 : seq, peerIsn + 1, data, 100, 502);
            } else if (what < 78) { // the receiver acknowledges, sometimes with a new window, sometimes ahead
                if (random.bounded(4) == 0) window = quint16(random.bounded(3) == 0 ? 0 : random.bounded(100, 600));
                acked = random.bounded(3) == 0 ? acked : next - quint32(random.bounded(0, 3)) * 100;
                if (random.bounded(15) == 0) acked = next + 100; // acknowledges what the capture has not seen yet
                put(s, peerIsn + 1, acked, ack, 0, window);
            } else if (what < 86) { // duplicate ACKs
                for (int n = int(random.bounded(1, 5)); n > 0; --n)
                    put(s, peerIsn + 1, acked, ack, 0, window);
            } else if (what < 91) { // keep-alive, sometimes answered
                put(c, next - 1, peerIsn + 1, ack, int(random.bounded(2)), 502);
                if (random.bounded(2)) put(s, peerIsn + 1, acked, ack, 0, window);
            } else if (what < 96) { // zero-window probe, sometimes answered
                put(c, next, peerIsn + 1, ack, 1, 502);
                if (random.bounded(2)) put(s, peerIsn + 1, acked + quint32(random.bounded(2)), ack, 0, window);
            } else { // a window update without new data
                window = quint16(random.bounded(1, 600));
                put(s, peerIsn + 1, acked, ack, 0, window);
            }
        }
        put(c, next, peerIsn + 1, F::Fin | ack, 0, 502);
        put(s, peerIsn + 1, next + 1, F::Fin | ack, 0, window);
        put(c, next + 1, peerIsn + 2, ack, 0, 502);
    }
    return segments;
}

inline Case randomised(quint32 seed)
{
    std::vector<Frame> all;
    for (const CaptureWriter::Segment &x : randomSegments(seed))
        all.push_back({CaptureWriter::frame(CaptureWriter::Link::Ethernet, CaptureWriter::ipPacket(x)), -1, x.timeNs});
    return {QStringLiteral("random-%1").arg(seed), QStringLiteral("pcap"), pcapFile(1, all)};
}

inline std::vector<Case> all()
{
    std::vector<Case> out {gre(),
                           udpTunnels(),
                           ipInIp(),
                           mplsPppoe(),
                           fragments(),
                           bigFrames(),
                           mergedSnapLengths(),
                           shortHeaderSnapLength(),
                           cutFile(false),
                           cutFile(true),
                           icmpQuotes(),
                           analysisMarks()};
    for (const int linkType : {9, 50, 104, 105, 113, 127, 192, 239, 276})
        out.push_back(links(linkType));
    for (const quint32 seed : {1u, 7u, 42u, 1234u})
        out.push_back(randomised(seed));
    return out;
}

} // namespace WildCases
