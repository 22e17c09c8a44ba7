// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Generated captures of what a network engineer meets outside a lab (labelled as generated: no
// kernel sent these frames): TCP inside GRE, VXLAN, Geneve, 6in4, IP-in-IP, MPLS and PPPoE; IPv4
// and IPv6 fragments; TSO frames with an IPv4 total length of 0 and IPv6 jumbograms; pcapng files
// merged from interfaces of different snap lengths; pcap records longer than the file's snap
// length; cut files; PPP, Cisco HDLC, Linux cooked, NFLOG and IEEE 802.11 links; and connections
// that show every mark of Wireshark's TCP analysis. Every byte is decided here, so the same file
// comes out on every run and tshark's view of it can be kept in tests/data/tshark.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtEndian>
#include <array>
#include <functional>
#include <vector>

namespace WildCaptures {

using Bytes = QByteArray;

inline Bytes be16(quint16 v)
{
    Bytes b(2, 0);
    qToBigEndian(v, b.data());
    return b;
}
inline Bytes be32(quint32 v)
{
    Bytes b(4, 0);
    qToBigEndian(v, b.data());
    return b;
}
inline Bytes le16(quint16 v)
{
    Bytes b(2, 0);
    qToLittleEndian(v, b.data());
    return b;
}
inline Bytes le32(quint32 v)
{
    Bytes b(4, 0);
    qToLittleEndian(v, b.data());
    return b;
}
inline void put16(Bytes &b, qsizetype at, quint16 v)
{
    qToBigEndian(v, b.data() + at);
}

using V4 = std::array<quint8, 4>;
using V6 = std::array<quint8, 16>;

inline V6 v6(quint8 last, quint8 net = 0)
{
    return {0x20, 0x01, 0x0d, 0xb8, 0, net, 0, 0, 0, 0, 0, 0, 0, 0, 0, last};
}

namespace F {
enum : quint8 { Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10 };
}

// A TCP header and payload (checksum left 0: neither SynScope nor tshark checks it by default).
inline Bytes tcp(quint16 sport, quint16 dport, quint32 seq, quint32 ack, quint8 flags, int payload = 0,
                 quint16 window = 502, int windowScale = -1)
{
    Bytes h = be16(sport) + be16(dport) + be32(seq) + be32(ack) + Bytes(2, 0) + be16(window) + Bytes(4, 0);
    h[13] = char(flags);
    if (windowScale >= 0) h += Bytes::fromHex("020405b4010303") + char(windowScale); // MSS 1460, NOP, WS
    h[12] = char((h.size() / 4) << 4);
    return h + Bytes(payload, 'x');
}

inline Bytes udp(quint16 sport, quint16 dport, const Bytes &payload)
{
    return be16(sport) + be16(dport) + be16(quint16(8 + payload.size())) + be16(0) + payload;
}

struct Ip4Options {
    quint16 id = 1;
    quint16 fragment = 0x4000; // flags and offset: don't fragment
    int totalLength = -1; // -1: the real one
};

inline Bytes ipv4(V4 src, V4 dst, quint8 protocol, const Bytes &payload, Ip4Options o = {})
{
    Bytes h(20, 0);
    h[0] = 0x45;
    put16(h, 2, quint16(o.totalLength >= 0 ? o.totalLength : 20 + payload.size()));
    put16(h, 4, o.id);
    put16(h, 6, o.fragment);
    h[8] = 64;
    h[9] = char(protocol);
    std::copy(src.begin(), src.end(), h.begin() + 12);
    std::copy(dst.begin(), dst.end(), h.begin() + 16);
    return h + payload;
}

inline Bytes ipv6(const V6 &src, const V6 &dst, quint8 next, const Bytes &payload, int payloadLength = -1)
{
    Bytes h(40, 0);
    h[0] = 0x60;
    put16(h, 4, quint16(payloadLength >= 0 ? payloadLength : payload.size()));
    h[6] = char(next);
    h[7] = 64;
    std::copy(src.begin(), src.end(), h.begin() + 8);
    std::copy(dst.begin(), dst.end(), h.begin() + 24);
    return h + payload;
}

// MAC addresses of vendors Wireshark knows (Intel, VMware): its MPLS pseudowire heuristic asks.
inline Bytes ethernet(const Bytes &payload, quint16 type)
{
    Bytes f = Bytes::fromHex("001b21000002") + Bytes::fromHex("005056000001") + be16(type) + payload;
    if (f.size() < 60) f += Bytes(60 - f.size(), 0);
    return f;
}
inline Bytes ethernetIp(const Bytes &ip)
{
    return ethernet(ip, (uchar(ip[0]) >> 4) == 6 ? 0x86dd : 0x0800);
}

// One frame of a capture file.
struct Frame {
    Bytes data;
    qint64 original = -1; // length on the wire; -1: data's
    qint64 timeNs = 0;
    int interface = 0; // pcapng
};

// A TCP connection, segment by segment: each is handed to `wrap`, which makes the frame.
class Connection {
public:
    using Wrap = std::function<Bytes(const Bytes &tcpSegment, bool fromClient)>;
    Connection(quint16 clientPort, quint16 serverPort, quint32 clientIsn, quint32 serverIsn)
        : m_cport(clientPort)
        , m_sport(serverPort)
        , m_cseq(clientIsn)
        , m_sseq(serverIsn)
    { }
    // Handshake, two data segments each way acknowledged, and a close: eight segments.
    std::vector<Bytes> whole(const Wrap &wrap, int payload = 100)
    {
        std::vector<Bytes> out;
        out.push_back(send(wrap, true, F::Syn, 0, 64240, 7));
        out.push_back(send(wrap, false, F::Syn | F::Ack, 0, 65160, 7));
        out.push_back(send(wrap, true, F::Ack, 0));
        out.push_back(send(wrap, true, F::Psh | F::Ack, payload));
        out.push_back(send(wrap, false, F::Psh | F::Ack, payload));
        out.push_back(send(wrap, true, F::Fin | F::Ack, 0));
        out.push_back(send(wrap, false, F::Fin | F::Ack, 0));
        out.push_back(send(wrap, true, F::Ack, 0));
        return out;
    }
    Bytes send(const Wrap &wrap, bool fromClient, quint8 flags, int payload, quint16 window = 502, int ws = -1)
    {
        quint32 &mine = fromClient ? m_cseq : m_sseq;
        const quint32 theirs = fromClient ? m_sseq : m_cseq;
        const Bytes segment = tcp(fromClient ? m_cport : m_sport, fromClient ? m_sport : m_cport, mine,
                                  (flags & F::Ack) ? theirs : 0, flags, payload, window, ws);
        mine += quint32(payload) + ((flags & (F::Syn | F::Fin)) ? 1 : 0);
        return wrap(segment, fromClient);
    }

private:
    quint16 m_cport, m_sport;
    quint32 m_cseq, m_sseq;
};

inline std::vector<Frame> frames(const std::vector<Bytes> &data)
{
    std::vector<Frame> out;
    for (const Bytes &d : data)
        out.push_back(Frame {d});
    return out;
}

// pcap with nanosecond times; each frame's time is 1 ms after the previous one's unless it says.
inline Bytes pcapFile(int linkType, const std::vector<Frame> &frames, quint32 snapLength = 262144)
{
    Bytes out = le32(0xa1b23c4d) + le16(2) + le16(4) + le32(0) + le32(0) + le32(snapLength) + le32(quint32(linkType));
    qint64 t = qint64(1700000000) * 1000000000;
    for (const Frame &f : frames) {
        t = f.timeNs ? f.timeNs : t + 1000000;
        out += le32(quint32(t / 1000000000)) + le32(quint32(t % 1000000000)) + le32(quint32(f.data.size()))
            + le32(quint32(f.original >= 0 ? f.original : f.data.size())) + f.data;
    }
    return out;
}

inline Bytes block(quint32 type, const Bytes &body)
{
    Bytes padded = body;
    padded += Bytes((4 - padded.size() % 4) % 4, 0);
    const quint32 length = quint32(12 + padded.size());
    return le32(type) + le32(length) + padded + le32(length);
}

struct Interface {
    int linkType = 1;
    quint32 snapLength = 262144;
};

// pcapng: a section, its interfaces (nanosecond resolution), enhanced packet blocks.
inline Bytes pcapngFile(const std::vector<Interface> &interfaces, const std::vector<Frame> &frames)
{
    Bytes out = block(0x0a0d0d0a, le32(0x1a2b3c4d) + le16(1) + le16(0) + le32(0xffffffff) + le32(0xffffffff));
    for (const Interface &i : interfaces) {
        // if_tsresol 9 (nanoseconds), then the end of options.
        out += block(1,
                     le16(quint16(i.linkType)) + le16(0) + le32(i.snapLength) + le16(9) + le16(1)
                         + Bytes::fromHex("09000000") + le32(0));
    }
    qint64 t = qint64(1700000000) * 1000000000;
    for (const Frame &f : frames) {
        t = f.timeNs ? f.timeNs : t + 1000000;
        out += block(6,
                     le32(quint32(f.interface)) + le32(quint32(quint64(t) >> 32)) + le32(quint32(t))
                         + le32(quint32(f.data.size())) + le32(quint32(f.original >= 0 ? f.original : f.data.size()))
                         + f.data);
    }
    return out;
}

inline bool save(const QString &path, const Bytes &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace WildCaptures
